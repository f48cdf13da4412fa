import type { Locale } from '@ioc-kit/data';
import { formatNumber } from './format.js';

/** The library's own UI strings, Vietnamese first. */
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
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function msg(key: MessageKey, locale: Locale): string {
  return MESSAGES[key][locale];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An age in words: "5 phút" / "5 min", "3 giờ" / "3 h", "2 ngày" / "2 days"; under a minute, "vài giây" / "a few seconds". */
export function formatAge(ageMs: number, locale: Locale): string {
  const age = Number.isFinite(ageMs) ? Math.max(0, ageMs) : 0;
  if (age < MINUTE) return locale === 'vi' ? 'vài giây' : 'a few seconds';
  if (age < HOUR) return `${formatNumber(Math.floor(age / MINUTE), locale)} ${locale === 'vi' ? 'phút' : 'min'}`;
  if (age < 2 * DAY) return `${formatNumber(Math.floor(age / HOUR), locale)} ${locale === 'vi' ? 'giờ' : 'h'}`;
  const days = Math.floor(age / DAY);
  return `${formatNumber(days, locale)} ${locale === 'vi' ? 'ngày' : days === 1 ? 'day' : 'days'}`;
}

/** The status line of data kept after a failed refresh: "Dữ liệu cũ 5 phút trước, chưa cập nhật được". */
export function staleMessage(ageMs: number | undefined, locale: Locale): string {
  if (ageMs === undefined) return msg('stale', locale);
  const age = formatAge(ageMs, locale);
  return locale === 'vi' ? `Dữ liệu cũ ${age} trước, chưa cập nhật được` : `Data from ${age} ago: refresh failed`;
}
