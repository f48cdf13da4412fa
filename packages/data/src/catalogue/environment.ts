import type { Band, Indicator } from '../contract/catalogue.js';
import { CENTIMETRE, INDEX, MICROGRAM_PER_M3, MILLIGRAM_PER_L, MILLIMETRE, TONNE_PER_DAY } from './units.js';

/** The six VN_AQI bands, Decision 1459/QĐ-TCMT (12 Nov 2019). English labels are not official. */
export const VN_AQI_BANDS: readonly Band[] = [
  { from: 0, to: 51, label: { vi: 'Tốt', en: 'Good' }, token: 'aqi-good', color: '#00e400',
    advice: { vi: 'Không ảnh hưởng đến sức khỏe.', en: 'No health effects.' } },
  { from: 51, to: 101, label: { vi: 'Trung bình', en: 'Moderate' }, token: 'aqi-moderate', color: '#ffff00',
    advice: { vi: 'Nhóm nhạy cảm nên theo dõi triệu chứng.', en: 'Sensitive people should watch for symptoms.' } },
  { from: 101, to: 151, label: { vi: 'Kém', en: 'Poor' }, token: 'aqi-poor', color: '#ff7e00', severity: 'medium',
    advice: { vi: 'Nhóm nhạy cảm nên hạn chế hoạt động ngoài trời.', en: 'Sensitive groups should reduce outdoor activity.' } },
  { from: 151, to: 201, label: { vi: 'Xấu', en: 'Bad' }, token: 'aqi-bad', color: '#ff0000', severity: 'high',
    advice: { vi: 'Mọi người nên hạn chế hoạt động mạnh ngoài trời; nhóm nhạy cảm ở trong nhà.', en: 'Everyone should reduce strenuous outdoor activity; sensitive groups stay indoors.' } },
  { from: 201, to: 301, label: { vi: 'Rất xấu', en: 'Very bad' }, token: 'aqi-very-bad', color: '#8f3f97', severity: 'critical',
    advice: { vi: 'Cảnh báo sức khỏe: hạn chế tối đa hoạt động ngoài trời.', en: 'Health alert: minimise outdoor activity.' } },
  { from: 301, to: 500, label: { vi: 'Nguy hại', en: 'Hazardous' }, token: 'aqi-hazardous', color: '#7e0023', severity: 'critical',
    advice: { vi: 'Khẩn cấp: ở trong nhà, đóng cửa.', en: 'Emergency: stay indoors with doors and windows closed.' } },
];

/**
 * Concentration bands for one pollutant: the VN_AQI breakpoints (index 0/50/100/150/200/300/…/500)
 * mapped to the AQI band each concentration range produces, so a PM2.5 chart can shade the same
 * six levels as the AQI. The top band runs to the last breakpoint.
 */
function concentrationBands(breakpoints: readonly number[]): Band[] {
  // Concentration breakpoints at index 0, 50, 100, 150, 200, 300 start the six AQI bands.
  const starts = [0, 1, 2, 3, 4, 5].map((i) => breakpoints[i] ?? Number.NaN);
  const end = breakpoints[breakpoints.length - 1] ?? Number.NaN;
  return VN_AQI_BANDS.map((band, i) => ({ ...band, from: starts[i] ?? Number.NaN, to: starts[i + 1] ?? end }));
}

/** VN_AQI breakpoints (µg/m³) for PM2.5 and PM10 at index 0/50/100/150/200/300/400/500. */
export const PM25_BREAKPOINTS = [0, 25, 50, 80, 150, 250, 350, 500] as const;
export const PM10_BREAKPOINTS = [0, 50, 150, 250, 350, 420, 500, 600] as const;

export const PM25_BANDS: readonly Band[] = concentrationBands(PM25_BREAKPOINTS);
export const PM10_BANDS: readonly Band[] = concentrationBands(PM10_BREAKPOINTS);

/**
 * The six VN_WQI bands, Decision 1460/QĐ-TCMT (12 Nov 2019). Higher is better. "Kém" and "Xấu"
 * are in the opposite order to VN_AQI, so these bands share no labels or tokens with the AQI.
 */
export const VN_WQI_BANDS: readonly Band[] = [
  { from: 0, to: 10, label: { vi: 'Ô nhiễm rất nặng', en: 'Heavily polluted' }, token: 'wqi-heavily-polluted', color: '#7e0023', severity: 'critical',
    advice: { vi: 'Nước nhiễm độc, cần biện pháp khắc phục, xử lý.', en: 'Toxic water: remediation needed.' } },
  { from: 10, to: 26, label: { vi: 'Kém', en: 'Poor' }, token: 'wqi-poor', color: '#ff0000', severity: 'high',
    advice: { vi: 'Chỉ sử dụng cho giao thông thủy và các mục đích tương đương.', en: 'Fit for navigation and similar uses only.' } },
  { from: 26, to: 51, label: { vi: 'Xấu', en: 'Bad' }, token: 'wqi-bad', color: '#ff7e00', severity: 'medium',
    advice: { vi: 'Sử dụng cho mục đích tưới tiêu và các mục đích tương đương.', en: 'Fit for irrigation and similar uses.' } },
  { from: 51, to: 76, label: { vi: 'Trung bình', en: 'Moderate' }, token: 'wqi-moderate', color: '#ffff00',
    advice: { vi: 'Sử dụng cho mục đích tưới tiêu và các mục đích tương đương khác.', en: 'Fit for irrigation and other similar uses.' } },
  { from: 76, to: 91, label: { vi: 'Tốt', en: 'Good' }, token: 'wqi-good', color: '#00e400',
    advice: { vi: 'Sử dụng cho sinh hoạt nhưng cần biện pháp xử lý phù hợp.', en: 'Fit for domestic supply after suitable treatment.' } },
  { from: 91, to: 100, label: { vi: 'Rất tốt', en: 'Very good' }, token: 'wqi-very-good', color: '#3333ff',
    advice: { vi: 'Sử dụng tốt cho mục đích cấp nước sinh hoạt.', en: 'Good for domestic water supply.' } },
];

/**
 * Rain in 24 hours as the national forecasting rules classify it (mưa vừa 16–50 mm, mưa to
 * 51–100 mm, mưa rất to > 100 mm). Below the 0.1 mm a rain gauge resolves (WMO's smallest
 * measurable amount) no rain fell: a dry day reads "Không mưa", never "Mưa nhỏ".
 */
export const RAINFALL_24H_BANDS: readonly Band[] = [
  { from: 0, to: 0.1, label: { vi: 'Không mưa', en: 'No rain' }, token: 'outline' },
  { from: 0.1, to: 16, label: { vi: 'Mưa nhỏ', en: 'Light rain' }, token: 'severity-informational' },
  { from: 16, to: 51, label: { vi: 'Mưa vừa', en: 'Moderate rain' }, token: 'severity-low' },
  { from: 51, to: 101, label: { vi: 'Mưa to', en: 'Heavy rain' }, token: 'severity-medium', severity: 'medium' },
  { from: 101, to: 1000, label: { vi: 'Mưa rất to', en: 'Very heavy rain' }, token: 'severity-high', severity: 'high' },
];

export const ENVIRONMENT: readonly Indicator[] = [
  {
    id: 'environment.aqi',
    domain: 'environment',
    name: { vi: 'Chỉ số chất lượng không khí (VN_AQI)', en: 'Air quality index (VN_AQI)' },
    description: {
      vi: 'VN_AQI theo Quyết định 1459/QĐ-TCMT: giá trị lớn nhất của các chỉ số thành phần.',
      en: 'VN_AQI per Decision 1459/QĐ-TCMT: the highest of the pollutant sub-indices.',
    },
    unit: INDEX,
    decimals: 0,
    polarity: 'lower-is-better',
    aggregation: { time: 'mean', area: 'mean' },
    range: { min: 0, max: 500 },
    bands: VN_AQI_BANDS,
  },
  {
    id: 'environment.pm25',
    domain: 'environment',
    name: { vi: 'Bụi mịn PM2.5', en: 'PM2.5' },
    description: {
      vi: 'Nồng độ bụi có đường kính dưới 2,5 µm; dải màu theo ngưỡng VN_AQI.',
      en: 'Concentration of particles under 2.5 µm; bands follow the VN_AQI breakpoints.',
    },
    unit: MICROGRAM_PER_M3,
    decimals: 1,
    polarity: 'lower-is-better',
    aggregation: { time: 'mean', area: 'mean' },
    range: { min: 0, max: 2000 },
    bands: PM25_BANDS,
  },
  {
    id: 'environment.pm10',
    domain: 'environment',
    name: { vi: 'Bụi PM10', en: 'PM10' },
    description: {
      vi: 'Nồng độ bụi có đường kính dưới 10 µm; dải màu theo ngưỡng VN_AQI.',
      en: 'Concentration of particles under 10 µm; bands follow the VN_AQI breakpoints.',
    },
    unit: MICROGRAM_PER_M3,
    decimals: 1,
    polarity: 'lower-is-better',
    aggregation: { time: 'mean', area: 'mean' },
    range: { min: 0, max: 3000 },
    bands: PM10_BANDS,
  },
  {
    id: 'environment.wqi',
    domain: 'environment',
    name: { vi: 'Chỉ số chất lượng nước (VN_WQI)', en: 'Water quality index (VN_WQI)' },
    description: {
      vi: 'VN_WQI theo Quyết định 1460/QĐ-TCMT, thang 0–100, càng cao càng tốt.',
      en: 'VN_WQI per Decision 1460/QĐ-TCMT, 0–100, higher is better.',
    },
    unit: INDEX,
    decimals: 0,
    polarity: 'higher-is-better',
    aggregation: { time: 'mean', area: 'mean' },
    range: { min: 0, max: 100 },
    bands: VN_WQI_BANDS,
  },
  {
    id: 'environment.dissolved-oxygen',
    domain: 'environment',
    name: { vi: 'Oxy hòa tan (DO)', en: 'Dissolved oxygen (DO)' },
    description: {
      vi: 'Lượng oxy hòa tan trong nước mặt; thấp dưới 2 mg/L là dấu hiệu ô nhiễm hữu cơ.',
      en: 'Oxygen dissolved in surface water; below 2 mg/L signals organic pollution.',
    },
    unit: MILLIGRAM_PER_L,
    decimals: 1,
    polarity: 'higher-is-better',
    aggregation: { time: 'mean', area: 'mean' },
    range: { min: 0, max: 20 },
  },
  {
    id: 'environment.water-level',
    domain: 'environment',
    name: { vi: 'Mực nước', en: 'Water level' },
    description: {
      vi: 'Mực nước sông tại trạm đo (cao nhất trong kỳ), so với mốc cao độ quốc gia.',
      en: 'River level at the gauge (highest in the period), against the national datum.',
    },
    unit: CENTIMETRE,
    decimals: 0,
    polarity: 'neutral',
    aggregation: { time: 'max', area: 'max' },
    range: { min: -1000, max: 5000 },
  },
  {
    id: 'environment.rainfall',
    domain: 'environment',
    name: { vi: 'Lượng mưa', en: 'Rainfall' },
    description: { vi: 'Tổng lượng mưa đo tại các trạm.', en: 'Total rain measured at the gauges.' },
    unit: MILLIMETRE,
    decimals: 1,
    polarity: 'neutral',
    aggregation: { time: 'sum', area: 'mean' },
    range: { min: 0, max: 2000 },
    bands: RAINFALL_24H_BANDS,
  },
  {
    id: 'environment.solid-waste',
    domain: 'environment',
    name: { vi: 'Chất thải rắn sinh hoạt', en: 'Municipal solid waste' },
    description: { vi: 'Khối lượng chất thải rắn sinh hoạt thu gom mỗi ngày.', en: 'Municipal solid waste collected per day.' },
    unit: TONNE_PER_DAY,
    decimals: 1,
    polarity: 'lower-is-better',
    aggregation: { time: 'mean', area: 'sum' },
    range: { min: 0, max: 1e6 },
  },
];
