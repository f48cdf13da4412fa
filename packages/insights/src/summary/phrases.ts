// The words of the summaries, one table per language. Each entry builds a whole clause, so the
// grammar of a clause stays in one place (English singular and plural, Vietnamese word order).
import type { TimeGrain } from '@ioc-kit/data';

/** Units of time a summary counts in. */
export type CountUnit = TimeGrain;

interface Words {
  subject(name: string, area: string): string;
  /** "over the last 7 days" */
  window(count: number, unit: CountUnit): string;
  /** "within the next 6 hours" */
  horizon(count: number, unit: CountUnit): string;
  /** "5 consecutive hours" */
  consecutive(count: number, unit: CountUnit): string;
  rose(amount: string, verdict: 'improving' | 'worsening' | 'changing'): string;
  fell(amount: string, verdict: 'improving' | 'worsening' | 'changing'): string;
  noTrend: string;
  unchanged: string;
  tooLittle: string;
  /** Joins the trend clause and an "unusual" clause. */
  andIs: string;
  unusual(direction: 'high' | 'low', seasonal: boolean): string;
  outsideNormal(direction: 'above' | 'below', basis: 'same-time-of-year' | 'same-hour-of-week' | 'recent'): string;
  forecastBand(band: string, direction: 'up' | 'down', horizon: string): string;
  forecastTarget(target: string, direction: 'up' | 'down', horizon: string): string;
  now(value: string, band: string | undefined): string;
  afterRun(length: string, threshold: string | undefined): string;
  changed(direction: 'up' | 'down', ago: string): string;
  targetMet(target: string, met: boolean): string;
}

const VI_UNITS: Record<CountUnit, string> = { hour: 'giờ', day: 'ngày', week: 'tuần', month: 'tháng', quarter: 'quý', year: 'năm' };
const EN_UNITS: Record<CountUnit, [string, string]> = {
  hour: ['hour', 'hours'],
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  quarter: ['quarter', 'quarters'],
  year: ['year', 'years'],
};
const en = (count: number, unit: CountUnit): string => (count === 1 ? EN_UNITS[unit][0] : EN_UNITS[unit][1]);

export const VI: Words = {
  subject: (name, area) => (area ? `${name} ở ${area}` : name),
  window: (count, unit) => (count === 1 ? `trong ${VI_UNITS[unit]} qua` : `trong ${count} ${VI_UNITS[unit]} qua`),
  horizon: (count, unit) => (count === 1 ? `trong ${VI_UNITS[unit]} tới` : `trong ${count} ${VI_UNITS[unit]} tới`),
  consecutive: (count, unit) => `${count} ${VI_UNITS[unit]} liên tiếp`,
  rose: (amount, verdict) => (verdict === 'changing' ? `tăng ${amount}` : `${verdict === 'improving' ? 'cải thiện' : 'xấu đi'}, tăng ${amount}`),
  fell: (amount, verdict) => (verdict === 'changing' ? `giảm ${amount}` : `${verdict === 'improving' ? 'cải thiện' : 'xấu đi'}, giảm ${amount}`),
  noTrend: 'không có xu hướng rõ rệt',
  unchanged: 'không đổi',
  tooLittle: 'chưa đủ dữ liệu để đánh giá xu hướng',
  andIs: ', ',
  unusual: (direction, seasonal) => `${direction === 'high' ? 'cao' : 'thấp'} bất thường so với ${seasonal ? 'cùng kỳ' : 'gần đây'}`,
  outsideNormal: (direction, basis) =>
    `${direction === 'above' ? 'cao hơn' : 'thấp hơn'} mức thường thấy ${basis === 'same-time-of-year' ? 'vào thời điểm này trong năm' : basis === 'same-hour-of-week' ? 'vào giờ này trong tuần' : 'gần đây'}`,
  forecastBand: (band, direction, horizon) => (direction === 'up' ? `dự báo vượt ngưỡng ${band} ${horizon}` : `dự báo giảm xuống mức ${band} ${horizon}`),
  forecastTarget: (target, direction, horizon) => (direction === 'up' ? `dự báo vượt mục tiêu ${target} ${horizon}` : `dự báo xuống dưới mục tiêu ${target} ${horizon}`),
  now: (value, band) => (band ? `Hiện ở mức ${band} (${value})` : `Hiện ở mức ${value}`),
  afterRun: (length, threshold) => (threshold ? `sau ${length} ở mức ${threshold} hoặc tệ hơn` : `sau ${length} không đạt mục tiêu`),
  changed: (direction, ago) => `mức nền ${direction === 'up' ? 'tăng' : 'giảm'} đột ngột từ ${ago}`,
  targetMet: (target, met) => (met ? `Đạt mục tiêu ${target}.` : `Chưa đạt mục tiêu ${target}.`),
};

export const EN: Words = {
  subject: (name, area) => (area ? `${name} in ${area}` : name),
  window: (count, unit) => (count === 1 ? `over the last ${en(1, unit)}` : `over the last ${count} ${en(count, unit)}`),
  horizon: (count, unit) => (count === 1 ? `within the next ${en(1, unit)}` : `within the next ${count} ${en(count, unit)}`),
  consecutive: (count, unit) => `${count} consecutive ${en(count, unit)}`,
  rose: (amount, verdict) => (verdict === 'changing' ? `rose ${amount}` : `${verdict === 'improving' ? 'improved' : 'worsened'}, up ${amount}`),
  fell: (amount, verdict) => (verdict === 'changing' ? `fell ${amount}` : `${verdict === 'improving' ? 'improved' : 'worsened'}, down ${amount}`),
  noTrend: 'showed no significant trend',
  unchanged: 'was unchanged',
  tooLittle: 'has too little data to assess a trend',
  andIs: ' and is ',
  unusual: (direction, seasonal) => `unusually ${direction} ${seasonal ? 'for the time of year' : 'compared with recent values'}`,
  outsideNormal: (direction, basis) =>
    `${direction} the usual range ${basis === 'same-time-of-year' ? 'for the time of year' : basis === 'same-hour-of-week' ? 'for this hour of the week' : 'of recent values'}`,
  forecastBand: (band, _direction, horizon) => `forecast to reach ${band} ${horizon}`,
  forecastTarget: (target, direction, horizon) => (direction === 'up' ? `forecast to exceed the target of ${target} ${horizon}` : `forecast to fall below the target of ${target} ${horizon}`),
  now: (value, band) => (band ? `Currently ${band} (${value})` : `Currently ${value}`),
  afterRun: (length, threshold) => (threshold ? `after ${length} at ${threshold} or worse` : `after ${length} short of the target`),
  changed: (direction, ago) => `its level stepped ${direction} ${ago}`,
  targetMet: (target, met) => (met ? `The target of ${target} is met.` : `The target of ${target} is not met.`),
};

/** "3 ngày trước" / "3 days ago" ("hôm qua"-style words are avoided: they depend on the hour). */
export function ago(count: number, unit: CountUnit, locale: 'vi' | 'en'): string {
  return locale === 'vi' ? `${count} ${VI_UNITS[unit]} trước` : `${count} ${en(count, unit)} ago`;
}
