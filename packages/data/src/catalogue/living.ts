import type { Band, Indicator } from '../contract/catalogue.js';
import { MEGAWATT_HOUR, PERCENT, count } from './units.js';

/** Bed occupancy above 85 % strains a hospital; above 100 % patients share beds. */
export const BED_OCCUPANCY_BANDS: readonly Band[] = [
  { from: 0, to: 85, label: { vi: 'Bình thường', en: 'Normal' }, token: 'severity-low' },
  { from: 85, to: 100, label: { vi: 'Cao', en: 'High' }, token: 'severity-medium', severity: 'medium' },
  { from: 100, to: 300, label: { vi: 'Quá tải', en: 'Overloaded' }, token: 'severity-high', severity: 'high' },
];

export const LIVING: readonly Indicator[] = [
  {
    id: 'living.bed-occupancy',
    domain: 'living',
    name: { vi: 'Công suất sử dụng giường bệnh', en: 'Hospital bed occupancy' },
    description: {
      vi: 'Số giường bệnh đang sử dụng so với số giường kế hoạch.',
      en: 'Beds in use as a share of planned beds.',
    },
    unit: PERCENT,
    decimals: 1,
    polarity: 'lower-is-better',
    aggregation: { time: 'mean', area: 'weighted-mean', weight: 'population' },
    range: { min: 0, max: 300 },
    bands: BED_OCCUPANCY_BANDS,
  },
  {
    id: 'living.fire-incidents',
    domain: 'living',
    name: { vi: 'Vụ cháy', en: 'Fire incidents' },
    description: { vi: 'Số vụ cháy, nổ được ghi nhận.', en: 'Fires and explosions recorded.' },
    unit: count('incident', 'vụ', 'incidents'),
    decimals: 0,
    polarity: 'lower-is-better',
    aggregation: { time: 'sum', area: 'sum' },
    range: { min: 0, max: 1e5 },
  },
  {
    id: 'living.electricity',
    domain: 'living',
    name: { vi: 'Điện năng tiêu thụ', en: 'Electricity consumption' },
    description: { vi: 'Điện năng thương phẩm tiêu thụ trên địa bàn.', en: 'Electricity consumed in the area.' },
    unit: MEGAWATT_HOUR,
    decimals: 0,
    polarity: 'neutral',
    aggregation: { time: 'sum', area: 'sum' },
    range: { min: 0, max: 1e9 },
  },
  {
    id: 'living.clean-water-households',
    domain: 'living',
    name: { vi: 'Hộ dân dùng nước sạch', en: 'Households with clean water' },
    description: {
      vi: 'Tỷ lệ hộ dân được cấp nước sạch đạt quy chuẩn.',
      en: 'Share of households supplied with water that meets the national standard.',
    },
    unit: PERCENT,
    decimals: 1,
    polarity: 'higher-is-better',
    aggregation: { time: 'last', area: 'weighted-mean', weight: 'population' },
    range: { min: 0, max: 100 },
    target: 98,
  },
  {
    id: 'living.streetlight-faults',
    domain: 'living',
    name: { vi: 'Đèn chiếu sáng hỏng', en: 'Streetlight faults' },
    description: {
      vi: 'Số đèn chiếu sáng công cộng đang báo lỗi chưa được sửa.',
      en: 'Public streetlights reporting a fault not yet repaired.',
    },
    unit: count('lamp', 'đèn', 'lamps'),
    decimals: 0,
    polarity: 'lower-is-better',
    aggregation: { time: 'last', area: 'sum' },
    range: { min: 0, max: 1e6 },
  },
];
