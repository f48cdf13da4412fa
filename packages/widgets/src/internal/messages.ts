import type { Locale } from '@ioc-kit/data';

/** The library's own UI strings, Vietnamese first. */
const MESSAGES = {
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  empty: { vi: 'Chưa có dữ liệu', en: 'No data yet' },
  error: { vi: 'Không tải được dữ liệu', en: 'Could not load data' },
  stale: { vi: 'Dữ liệu cũ, cập nhật lỗi', en: 'Showing older data: refresh failed' },
  noSource: { vi: 'Chưa có nguồn dữ liệu', en: 'No data source' },
  noIndicator: { vi: 'Chưa chọn chỉ tiêu', en: 'No indicator chosen' },
  unknownIndicator: { vi: 'Chỉ tiêu không xác định', en: 'Unknown indicator' },
  vsPrevious: { vi: 'so với kỳ trước', en: 'vs previous period' },
  up: { vi: 'Tăng', en: 'Up' },
  down: { vi: 'Giảm', en: 'Down' },
  unchanged: { vi: 'Không đổi', en: 'Unchanged' },
  target: { vi: 'Mục tiêu', en: 'Target' },
  sameLastYear: { vi: 'Cùng kỳ năm trước', en: 'Same period last year' },
  updated: { vi: 'Cập nhật', en: 'Updated' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function msg(key: MessageKey, locale: Locale): string {
  return MESSAGES[key][locale];
}
