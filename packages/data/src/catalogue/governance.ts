import type { Indicator } from '../contract/catalogue.js';
import { PERCENT, SCORE, count } from './units.js';

export const GOVERNANCE: readonly Indicator[] = [
  {
    id: 'governance.dossiers-received',
    domain: 'governance',
    name: { vi: 'Hồ sơ tiếp nhận', en: 'Dossiers received' },
    description: {
      vi: 'Số hồ sơ thủ tục hành chính tiếp nhận tại bộ phận một cửa (trực tiếp và trực tuyến).',
      en: 'Administrative dossiers received at the one-stop shop (in person and online).',
    },
    unit: count('dossier', 'hồ sơ', 'dossiers'),
    decimals: 0,
    polarity: 'neutral',
    aggregation: { time: 'sum', area: 'sum' },
    range: { min: 0, max: 1e8 },
  },
  {
    id: 'governance.dossiers-on-time',
    domain: 'governance',
    name: { vi: 'Hồ sơ giải quyết đúng hạn', en: 'Dossiers on time' },
    description: {
      vi: 'Tỷ lệ đúng hạn = 100 % − tỷ lệ trễ hạn (trễ hạn đang xử lý và đã giải quyết trên tổng số phải giải quyết).',
      en: 'On-time rate = 100 % − late rate (late in progress and late finished over dossiers to process).',
    },
    unit: PERCENT,
    decimals: 1,
    polarity: 'higher-is-better',
    aggregation: { time: 'mean', area: 'weighted-mean', weight: 'governance.dossiers-received' },
    range: { min: 0, max: 100 },
    target: 95,
  },
  {
    id: 'governance.dossiers-late',
    domain: 'governance',
    name: { vi: 'Hồ sơ trễ hạn', en: 'Dossiers late' },
    description: {
      vi: 'Tỷ lệ trễ hạn = (trễ hạn đang xử lý + trễ hạn đã giải quyết) ÷ tổng số phải giải quyết.',
      en: 'Late rate = (late in progress + late finished) ÷ dossiers to process.',
    },
    unit: PERCENT,
    decimals: 1,
    polarity: 'lower-is-better',
    aggregation: { time: 'mean', area: 'weighted-mean', weight: 'governance.dossiers-received' },
    range: { min: 0, max: 100 },
    target: 5,
  },
  {
    id: 'governance.online-payments',
    domain: 'governance',
    name: { vi: 'Thanh toán trực tuyến', en: 'Online payments' },
    description: {
      vi: 'Tỷ lệ hồ sơ có phí, lệ phí được thanh toán trực tuyến.',
      en: 'Share of fee-paying dossiers paid online.',
    },
    unit: PERCENT,
    decimals: 1,
    polarity: 'higher-is-better',
    aggregation: { time: 'mean', area: 'weighted-mean', weight: 'governance.dossiers-received' },
    range: { min: 0, max: 100 },
    target: 50,
  },
  {
    id: 'governance.overdue-tasks',
    domain: 'governance',
    name: { vi: 'Nhiệm vụ quá hạn', en: 'Overdue tasks' },
    description: {
      vi: 'Số nhiệm vụ được giao đã quá hạn mà chưa hoàn thành.',
      en: 'Assigned tasks past their deadline and not yet done.',
    },
    unit: count('task', 'nhiệm vụ', 'tasks'),
    decimals: 0,
    polarity: 'lower-is-better',
    aggregation: { time: 'last', area: 'sum' },
    range: { min: 0, max: 1e6 },
    target: 0,
  },
  {
    id: 'governance.par-index',
    domain: 'governance',
    name: { vi: 'Chỉ số cải cách hành chính (PAR Index)', en: 'Public administration reform index (PAR Index)' },
    description: {
      vi: 'Điểm chỉ số cải cách hành chính, thang 100.',
      en: 'Public administration reform score, out of 100.',
    },
    // A score out of 100, not a share: points with one decimal, as the ranking is read.
    unit: SCORE,
    decimals: 1,
    polarity: 'higher-is-better',
    aggregation: { time: 'last', area: 'mean' },
    range: { min: 0, max: 100 },
  },
];
