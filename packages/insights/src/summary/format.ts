// Numbers as each locale writes them: vi-VN `1.234,5` and `18 %`, en-GB `1,234.5` and `18%`.
// A no-break space keeps a number with its unit on a wall screen that wraps.
import { intlLocale, type Locale } from '@ioc-kit/data';

const NBSP = '\u00a0';
const formats = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${locale}:${decimals}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return format;
}

/** A number with `decimals` places in the locale's format; a minus sign, never "-0". */
export function formatNumber(value: number, locale: Locale, decimals: number): string {
  const text = formatter(locale, decimals).format(value);
  return /^-0([.,]0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * A magnitude that does not round to zero: `decimals` places, or up to three more when the
 * value is smaller than that shows.
 */
export function formatMagnitude(value: number, locale: Locale, decimals: number): string {
  let places = decimals;
  while (places < decimals + 3 && Math.abs(value) > 0 && Math.round(Math.abs(value) * 10 ** places) === 0) places++;
  return formatNumber(Math.abs(value), locale, places);
}

/** A percentage: whole numbers from 10 up, one decimal below; `18 %` in Vietnamese, `18%` in English. */
export function formatPercent(value: number, locale: Locale): string {
  const magnitude = Math.abs(value);
  const number = formatNumber(magnitude, locale, magnitude >= 10 ? 0 : 1);
  return locale === 'vi' ? `${number}${NBSP}%` : `${number}%`;
}

/** A value with its unit label (`112,3 µg/m³`, `95 %`); a bare number for counts. */
export function formatQuantity(text: string, unit: string, locale: Locale): string {
  if (!unit) return text;
  if (unit === '%') return locale === 'vi' ? `${text}${NBSP}%` : `${text}%`;
  return `${text}${NBSP}${unit}`;
}
