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
} as const;

export type ChartMessageKey = keyof typeof CHART_MESSAGES;

/** A chart UI string; `{name}` placeholders are filled from `values` as plain text. */
export function chartMsg(key: ChartMessageKey, locale: Locale, values: Readonly<Record<string, string | number>> = {}): string {
  return CHART_MESSAGES[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
