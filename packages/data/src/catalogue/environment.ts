import type { Band, Indicator } from '../contract/catalogue.js';

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

export const ENVIRONMENT: readonly Indicator[] = [
  {
    id: 'environment.aqi',
    domain: 'environment',
    name: { vi: 'Chỉ số chất lượng không khí (VN_AQI)', en: 'Air quality index (VN_AQI)' },
    description: {
      vi: 'VN_AQI theo Quyết định 1459/QĐ-TCMT: giá trị lớn nhất của các chỉ số thành phần.',
      en: 'VN_AQI per Decision 1459/QĐ-TCMT: the highest of the pollutant sub-indices.',
    },
    unit: { code: '1', system: 'UCUM', label: { vi: '', en: '' } },
    decimals: 0,
    polarity: 'lower-is-better',
    aggregation: { time: 'mean', area: 'mean' },
    range: { min: 0, max: 500 },
    bands: VN_AQI_BANDS,
  },
];
