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

/** `1.234,5` in Vietnamese, `1,234.5` in English; an en dash for a missing value. */
export function formatNumber(value: number | null | undefined, locale: Locale, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return numberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A signed change, e.g. `+12,5` / `−3`. */
export function formatSigned(value: number, locale: Locale, decimals = 0): string {
  return numberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: 'exceptZero' }).format(value);
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
