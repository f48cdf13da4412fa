import type { Locale } from '@ioc-kit/data';
import { formatNumber } from './format.js';
import * as words from './words.js';

/** One entry of the word table (`./words.ts`): its text in each language. */
export type Words = Readonly<Record<Locale, string>>;

/** An entry of the word table in `locale`; `{name}` placeholders are filled from `values` as plain text. */
export function message(entry: Words, locale: Locale, values: Readonly<Record<string, string | number>> = {}): string {
  const text = entry[locale];
  return text.includes('{') ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : text;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An age in words: "5 phút" / "5 min", "3 giờ" / "3 h", "2 ngày" / "2 days"; under a minute, "vài giây" / "a few seconds". */
export function formatAge(ageMs: number, locale: Locale): string {
  const age = Number.isFinite(ageMs) ? Math.max(0, ageMs) : 0;
  if (age < MINUTE) return message(words.fewSeconds, locale);
  if (age < HOUR) return message(words.minutes, locale, { n: formatNumber(Math.floor(age / MINUTE), locale) });
  if (age < 2 * DAY) return message(words.hours, locale, { n: formatNumber(Math.floor(age / HOUR), locale) });
  const days = Math.floor(age / DAY);
  return message(days === 1 ? words.oneDay : words.days, locale, { n: formatNumber(days, locale) });
}

/** The status line of data kept after a failed refresh: "Dữ liệu cũ 5 phút trước, chưa cập nhật được". */
export function staleMessage(ageMs: number | undefined, locale: Locale): string {
  if (ageMs === undefined) return message(words.stale, locale);
  return message(words.staleAge, locale, { age: formatAge(ageMs, locale) });
}
