import type { Indicator } from '../contract/catalogue.js';
import { PERCENT, count } from './units.js';

export const CITIZENS: readonly Indicator[] = [
  {
    id: 'citizens.feedback-received',
    domain: 'citizens',
    name: { vi: 'Phản ánh hiện trường tiếp nhận', en: 'Citizen feedback received' },
    description: {
      vi: 'Số phản ánh, kiến nghị của người dân qua ứng dụng, tổng đài và cổng thông tin.',
      en: 'Reports from residents through the app, hotline and portal.',
    },
    unit: count('report', 'phản ánh', 'reports'),
    decimals: 0,
    polarity: 'neutral',
    aggregation: { time: 'sum', area: 'sum' },
    range: { min: 0, max: 1e7 },
  },
  {
    id: 'citizens.feedback-resolved-on-time',
    domain: 'citizens',
    name: { vi: 'Phản ánh xử lý đúng hạn', en: 'Feedback resolved on time' },
    description: {
      vi: 'Tỷ lệ phản ánh được xử lý xong trong thời hạn quy định.',
      en: 'Share of reports resolved within the set deadline.',
    },
    unit: PERCENT,
    decimals: 1,
    polarity: 'higher-is-better',
    aggregation: { time: 'mean', area: 'weighted-mean', weight: 'citizens.feedback-received' },
    range: { min: 0, max: 100 },
    target: 98,
  },
  {
    id: 'citizens.online-dossiers',
    domain: 'citizens',
    name: { vi: 'Hồ sơ dịch vụ công trực tuyến', en: 'Online public-service dossiers' },
    description: {
      vi: 'Tỷ lệ hồ sơ thủ tục hành chính được nộp trực tuyến.',
      en: 'Share of administrative dossiers submitted online.',
    },
    unit: PERCENT,
    decimals: 1,
    polarity: 'higher-is-better',
    aggregation: { time: 'mean', area: 'weighted-mean', weight: 'governance.dossiers-received' },
    range: { min: 0, max: 100 },
    target: 80,
  },
  {
    id: 'citizens.satisfaction',
    domain: 'citizens',
    name: { vi: 'Mức độ hài lòng', en: 'Citizen satisfaction' },
    description: {
      vi: 'Tỷ lệ người dân hài lòng với kết quả xử lý phản ánh và dịch vụ công.',
      en: 'Share of residents satisfied with how their reports and services were handled.',
    },
    unit: PERCENT,
    decimals: 1,
    polarity: 'higher-is-better',
    aggregation: { time: 'mean', area: 'weighted-mean', weight: 'citizens.feedback-received' },
    range: { min: 0, max: 100 },
    target: 92,
  },
  {
    id: 'citizens.unemployment',
    domain: 'citizens',
    name: { vi: 'Tỷ lệ thất nghiệp', en: 'Unemployment rate' },
    description: {
      vi: 'Tỷ lệ thất nghiệp của lực lượng lao động trong độ tuổi.',
      en: 'Unemployed share of the working-age labour force.',
    },
    unit: PERCENT,
    decimals: 2,
    polarity: 'lower-is-better',
    aggregation: { time: 'mean', area: 'weighted-mean', weight: 'population' },
    range: { min: 0, max: 100 },
  },
];
