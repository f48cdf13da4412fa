import type { Locale } from '@ioc-kit/data';
import { formatNumber } from './format.js';

/**
 * The library's one table of UI words, Vietnamese first: status lines, card and chart labels,
 * keyboard help. `{name}` placeholders are filled by `message()` as plain text.
 */
const MESSAGES = {
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  empty: { vi: 'Chưa có dữ liệu', en: 'No data yet' },
  error: { vi: 'Không tải được dữ liệu', en: 'Could not load data' },
  stale: { vi: 'Dữ liệu cũ, cập nhật lỗi', en: 'Showing older data: refresh failed' },
  noSource: { vi: 'Chưa có nguồn dữ liệu', en: 'No data source' },
  noIndicator: { vi: 'Chưa chọn chỉ tiêu', en: 'No indicator chosen' },
  noArea: { vi: 'Chưa chọn địa bàn', en: 'No area chosen' },
  unknownIndicator: { vi: 'Chỉ tiêu không xác định', en: 'Unknown indicator' },
  vsPrevious: { vi: 'so với kỳ trước', en: 'vs previous period' },
  up: { vi: 'Tăng', en: 'Up' },
  down: { vi: 'Giảm', en: 'Down' },
  unchanged: { vi: 'Không đổi', en: 'Unchanged' },
  target: { vi: 'Mục tiêu', en: 'Target' },
  sameLastYear: { vi: 'Cùng kỳ năm trước', en: 'Same period last year' },
  sameLastYearShort: { vi: 'Cùng kỳ', en: 'Last year' },
  updated: { vi: 'Cập nhật', en: 'Updated' },
  // Charts
  legend: { vi: 'Chú giải', en: 'Legend' },
  showTable: { vi: 'Xem bảng số liệu', en: 'Show data table' },
  showChart: { vi: 'Xem biểu đồ', en: 'Show chart' },
  time: { vi: 'Thời gian', en: 'Time' },
  value: { vi: 'Giá trị', en: 'Value' },
  truncated: { vi: 'Hiển thị {shown} dòng mới nhất trong {total}', en: 'Showing the latest {shown} of {total} rows' },
  keyboardHelp: {
    vi: 'Dùng phím mũi tên để đi qua các điểm, Home/End tới điểm đầu/cuối.',
    en: 'Use the arrow keys to move between points, Home/End for the first/last.',
  },
  zoomHelp: {
    vi: 'Phím + và − để phóng to/thu nhỏ, Shift + mũi tên để dịch, 0 để xem toàn bộ.',
    en: 'Press + and − to zoom, Shift + arrows to pan, 0 to see everything.',
  },
  resetZoom: { vi: 'Xem toàn bộ', en: 'Show all' },
  overview: { vi: 'Tổng quan, kéo để chọn khoảng thời gian', en: 'Overview: drag to choose a time range' },
  lastYear: { vi: 'cùng kỳ năm trước', en: 'same period last year' },
  signal: { vi: 'vượt ngưỡng', en: 'crossed threshold' },
  hidden: { vi: 'đang ẩn', en: 'hidden' },
  series: { vi: 'Chuỗi', en: 'Series' },
  area: { vi: 'Khu vực', en: 'Area' },
  rank: { vi: 'Hạng', en: 'Rank' },
  share: { vi: 'Tỷ trọng', en: 'Share' },
  total: { vi: 'Tổng', en: 'Total' },
  period: { vi: 'Kỳ', en: 'Period' },
  band: { vi: 'Mức', en: 'Band' },
  previous: { vi: 'Kỳ trước', en: 'Previous period' },
  met: { vi: 'đạt mục tiêu', en: 'meets the target' },
  missed: { vi: 'chưa đạt mục tiêu', en: 'misses the target' },
  scale: { vi: 'thang đo', en: 'scale' },
  date: { vi: 'Ngày', en: 'Date' },
  weekday: { vi: 'Thứ', en: 'Weekday' },
  mean: { vi: 'trung bình', en: 'mean' },
  highest: { vi: 'cao nhất', en: 'highest' },
  lowest: { vi: 'thấp nhất', en: 'lowest' },
  latest: { vi: 'mới nhất', en: 'latest' },
  trend: { vi: 'xu hướng', en: 'trend' },
  noData: { vi: 'chưa có dữ liệu', en: 'no data yet' },
  point: { vi: 'Điểm', en: 'Point' },
  ranking: { vi: 'xếp hạng', en: 'ranking' },
  rankingLead: { vi: 'Xếp hạng', en: 'Ranking' },
  rankBestHigh: { vi: '1 = tốt nhất (cao nhất)', en: '1 = best (highest)' },
  rankBestLow: { vi: '1 = tốt nhất (thấp nhất)', en: '1 = best (lowest)' },
  rankHighest: { vi: '1 = cao nhất', en: '1 = highest' },
  showingBest: { vi: '{n} tốt nhất trong {total}', en: 'best {n} of {total}' },
  showingWorst: { vi: '{n} kém nhất trong {total}, kém nhất trước', en: 'worst {n} of {total}, worst first' },
  showingHighest: { vi: '{n} cao nhất trong {total}', en: 'highest {n} of {total}' },
  showingLowest: { vi: '{n} thấp nhất trong {total}, thấp nhất trước', en: 'lowest {n} of {total}, lowest first' },
  tied: { vi: '“=”: đồng hạng', en: '“=”: tied' },
  tiedFirst: { vi: '{n} khu vực cùng hạng 1', en: '{n} areas share rank 1' },
  targetMet: { vi: '{met}/{n} đạt mục tiêu {target}', en: '{met} of {n} meet the target of {target}' },
  zoomedAxis: { vi: 'trục giá trị không bắt đầu từ 0', en: 'the value axis does not start at 0' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  sharesInstead: { vi: 'Tỷ trọng {n} khu vực lớn nhất', en: 'Shares of the {n} largest areas' },
  restShare: { vi: '{count} khu vực khác: {share} (mỗi khu vực ≤ {each})', en: '{count} other areas: {share} (each ≤ {each})' },
  calendar: { vi: 'lịch theo ngày', en: 'calendar by day' },
  hourWeekday: { vi: 'theo giờ và thứ trong tuần', en: 'by hour and weekday' },
  inProgress: { vi: 'Đang cập nhật', en: 'In progress' },
  allHidden: { vi: 'Tất cả chuỗi đã ẩn: chọn một chuỗi trong chú giải để hiện lại.', en: 'All series hidden: choose one in the legend to show it again.' },
  // Status lines
  retry: { vi: 'Thử lại', en: 'Retry' },
  retryingAt: { vi: 'Thử lại lúc', en: 'Retrying at' },
  details: { vi: 'Chi tiết', en: 'Details' },
  accessRefused: { vi: 'Không có quyền truy cập dữ liệu', en: 'Access to the data was refused' },
  notFound: { vi: 'Không tìm thấy dữ liệu', en: 'The data was not found' },
  invalidData: { vi: 'Dữ liệu nhận được không hợp lệ', en: 'The data received is not valid' },
  unsupported: { vi: 'Nguồn dữ liệu không cung cấp nội dung này', en: 'The source does not provide this' },
  notSetUp: { vi: 'Tiện ích chưa được cấu hình đúng', en: 'The widget is not set up correctly' },
  fewSeconds: { vi: 'vài giây', en: 'a few seconds' },
  minutes: { vi: '{n} phút', en: '{n} min' },
  hours: { vi: '{n} giờ', en: '{n} h' },
  days: { vi: '{n} ngày', en: '{n} days' },
  oneDay: { vi: '{n} ngày', en: '{n} day' },
  staleAge: { vi: 'Dữ liệu cũ {age} trước, chưa cập nhật được', en: 'Data from {age} ago: refresh failed' },
  other: { vi: 'Khác', en: 'Other' },
  trendName: { vi: 'Xu hướng', en: 'Trend' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** A UI string in `locale`; `{name}` placeholders are filled from `values` as plain text. */
export function message(key: MessageKey, locale: Locale, values: Readonly<Record<string, string | number>> = {}): string {
  const text: string = MESSAGES[key][locale];
  return text.includes('{') ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : text;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An age in words: "5 phút" / "5 min", "3 giờ" / "3 h", "2 ngày" / "2 days"; under a minute, "vài giây" / "a few seconds". */
export function formatAge(ageMs: number, locale: Locale): string {
  const age = Number.isFinite(ageMs) ? Math.max(0, ageMs) : 0;
  if (age < MINUTE) return message('fewSeconds', locale);
  if (age < HOUR) return message('minutes', locale, { n: formatNumber(Math.floor(age / MINUTE), locale) });
  if (age < 2 * DAY) return message('hours', locale, { n: formatNumber(Math.floor(age / HOUR), locale) });
  const days = Math.floor(age / DAY);
  return message(days === 1 ? 'oneDay' : 'days', locale, { n: formatNumber(days, locale) });
}

/** The status line of data kept after a failed refresh: "Dữ liệu cũ 5 phút trước, chưa cập nhật được". */
export function staleMessage(ageMs: number | undefined, locale: Locale): string {
  if (ageMs === undefined) return message('stale', locale);
  return message('staleAge', locale, { age: formatAge(ageMs, locale) });
}
