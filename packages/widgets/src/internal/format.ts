import { intlLocale, type Locale } from '@ioc-kit/data';
import { formatValue } from '@ioc-kit/charts';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * `1.234,5` in Vietnamese, `1,234.5` in English, `−3` with a true minus; an en dash for a missing
 * value. The charts' number writer, so a card and a chart beside it write a value the same way.
 */
export function formatNumber(value: number | null | undefined, locale: Locale, decimals = 0): string {
  return formatValue(value, locale, decimals);
}

/** A signed change, e.g. `+12,5` / `−3` (U+2212), `0` unsigned. */
export function formatSigned(value: number, locale: Locale, decimals = 0): string {
  if (!Number.isFinite(value)) return '–';
  const text = formatValue(value, locale, decimals);
  // Positive and not rounded to zero: a plus sign; negatives already carry the minus.
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

export type DateStyle = 'date' | 'date-time' | 'time' | 'month' | 'year';

const dateOptions: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { day: '2-digit', month: '2-digit', year: 'numeric' },
  'date-time': { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false },
  time: { hour: '2-digit', minute: '2-digit', hour12: false },
  month: { month: '2-digit', year: 'numeric' },
  year: { year: 'numeric' },
};

/** `24/11/2026` in both languages (vi-VN and en-GB write dates day first). */
export function formatDate(value: string | number | Date | undefined, locale: Locale, style: DateStyle = 'date', timeZone?: string): string {
  if (value === undefined) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const key = `${locale}|${style}|${timeZone ?? ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { ...dateOptions[style], ...(timeZone ? { timeZone } : {}) });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

const INDEX_WORD: Readonly<Record<Locale, string>> = { vi: 'chỉ số', en: 'index' };

/**
 * What a value axis says its numbers are: the unit's label (`µg/m³`, `%`, `mm`), or for a
 * dimensionless index (UCUM `1`, no label) its short name from the indicator's title, e.g.
 * `VN_AQI` from "Chỉ số chất lượng không khí (VN_AQI)", else the word "chỉ số" / "index".
 * Empty when nothing is known, rather than a guess.
 */
export function axisUnit(unit: { code: string; label: string } | undefined, indicatorName: string | undefined, locale: Locale): string {
  const label = unit?.label.trim() ?? '';
  if (label) return label;
  if (unit?.code !== '1') return '';
  const short = /\(([^()]{1,24})\)\s*$/.exec(indicatorName ?? '')?.[1]?.trim();
  return short || INDEX_WORD[locale];
}
