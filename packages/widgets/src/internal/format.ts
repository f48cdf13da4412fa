import { intlLocale, type Locale } from '@ioc-kit/data';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * The minus sign readers see: U+2212, as typeset Vietnamese and English use, not ICU's
 * hyphen-minus (shorter, lower, and a place where a line may break). Nothing the widgets show
 * is meant to be parsed back, so there is no parseable variant.
 */
export const MINUS = '\u2212';

const trueMinus = (text: string): string => text.replace(/-/g, MINUS);

/** `1.234,5` in Vietnamese, `1,234.5` in English, `−3` with a true minus; an en dash for a missing value. */
export function formatNumber(value: number | null | undefined, locale: Locale, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  // `negative`: a value that rounds to zero is `0`, not `−0`.
  return trueMinus(numberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: 'negative' }).format(value));
}

/** A signed change, e.g. `+12,5` / `−3` (U+2212), `0` unsigned. */
export function formatSigned(value: number, locale: Locale, decimals = 0): string {
  if (!Number.isFinite(value)) return '–';
  return trueMinus(numberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: 'exceptZero' }).format(value));
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
