import type { Locale } from '@ioc-kit/data';

/** UI strings of the chart widgets, Vietnamese first. */
const CHART_MESSAGES = {
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
  target: { vi: 'Mục tiêu', en: 'Target' },
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
  sameLastYear: { vi: 'Cùng kỳ năm trước', en: 'Same period last year' },
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
} as const;

export type ChartMessageKey = keyof typeof CHART_MESSAGES;

/** A chart UI string; `{name}` placeholders are filled from `values` as plain text. */
export function chartMsg(key: ChartMessageKey, locale: Locale, values: Readonly<Record<string, string | number>> = {}): string {
  return CHART_MESSAGES[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
