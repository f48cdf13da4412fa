import { intlLocale, type Locale, type TimeGrain } from '@ioc-kit/data';

/** The time zone charts use when none is given: Vietnam's (UTC+07:00 all year). */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    // en-GB writes compact millions as `1.2m`; operators read `1.2M`.
    const tag = locale === 'en' && options.notation === 'compact' ? 'en-US' : intlLocale(locale);
    format = new Intl.NumberFormat(tag, options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone });
    } catch {
      // An unknown IANA name must not break a chart: fall back to Vietnam's zone.
      format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: DEFAULT_TIME_ZONE });
    }
    dateFormats.set(key, format);
  }
  return format;
}

/** `1.234,5` in Vietnamese, `1,234.5` in English; an en dash for a missing value. */
export function formatValue(value: number | null | undefined, locale: Locale, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const digits = Math.max(0, Math.min(20, Math.round(decimals)));
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/**
 * A formatter for axis ticks spaced `step` apart: just enough decimals to tell ticks apart,
 * and compact notation (`1,2 Tr` / `1.2M`) once values reach hundreds of thousands.
 */
export function tickFormatter(step: number, maxAbs: number, locale: Locale): (value: number) => string {
  if (Number.isFinite(maxAbs) && maxAbs >= 1e5) {
    const format = numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    return (value) => format.format(value);
  }
  const decimals = Number.isFinite(step) && step > 0 ? Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9))) : 0;
  const format = numberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return (value) => format.format(value);
}

/**
 * Minutes east of UTC of an IANA zone at an instant, e.g. 420 for Asia/Ho_Chi_Minh. Vietnam
 * has no daylight saving, so one offset per render is exact there and close enough elsewhere.
 */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  if (!Number.isFinite(at)) return 0;
  const parts = dateFormat('en', timeZone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(Math.floor(at / 60_000) * 60_000));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const local = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'));
  const offset = Math.round((local - Math.floor(at / 60_000) * 60_000) / 60_000);
  return Number.isFinite(offset) ? offset : 0;
}

/** How precisely a time is shown: the tick spacing of an axis, or a data grain. */
export type TimeLabelUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Local calendar fields of a time in a zone, as numbers. */
function localFields(time: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = dateFormat('en', timeZone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(time));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: field('year'), month: field('month'), day: field('day'), hour: field('hour'), minute: field('minute') };
}

const two = (n: number) => String(n).padStart(2, '0');

// Written out rather than left to ICU, whose vi-VN short forms vary (`24-11`, `tháng 11, 2026`).
const dayMonth = (f: { day: number; month: number }) => `${two(f.day)}/${two(f.month)}`;
const monthYear = (f: { month: number; year: number }) => `${two(f.month)}/${f.year}`;

/**
 * A short axis label for a tick at `time` when ticks are `unit` apart: `14:00`, `24/11`,
 * `11/2026`, `2026`. Hour ticks that fall on local midnight show the date instead, so a
 * reader sees where days change.
 */
export function formatTick(time: number, unit: TimeLabelUnit, locale: Locale, timeZone: string, offsetMinutes: number): string {
  if (!Number.isFinite(time)) return '';
  const fields = localFields(time, timeZone);
  switch (unit) {
    case 'minute':
    case 'hour': {
      const local = time + offsetMinutes * 60_000;
      const atMidnight = ((local % 86_400_000) + 86_400_000) % 86_400_000 === 0;
      return atMidnight ? dayMonth(fields) : `${two(fields.hour)}:${two(fields.minute)}`;
    }
    case 'day':
    case 'week':
      return dayMonth(fields);
    case 'month':
    case 'quarter':
      return locale === 'en' ? dateFormat(locale, timeZone, { month: 'short', year: 'numeric' }).format(new Date(time)) : monthYear(fields);
    case 'year':
      return String(fields.year);
  }
}

/** ISO 8601 week number and its year of a local date given as UTC fields. */
function isoWeek(localMs: number): { week: number; year: number } {
  const date = new Date(localMs);
  const day = (date.getUTCDay() + 6) % 7;
  const thursday = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return { week, year };
}

/**
 * A time as a reader names the period of `grain` it starts: `14:00 24/11/2026`,
 * `24/11/2026`, `Tuần 48/2026` / `Week 48, 2026`, `Tháng 11/2026` / `November 2026`,
 * `Quý 4/2026` / `Q4 2026`, `2026`.
 */
export function formatPeriod(time: number, grain: TimeGrain, locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) return '';
  const date = new Date(time);
  switch (grain) {
    case 'hour':
      return dateFormat(locale, timeZone, {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(date);
    case 'day':
      return dateFormat(locale, timeZone, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
    case 'week': {
      const { week, year } = isoWeek(time + zoneOffsetMinutes(timeZone, time) * 60_000);
      return locale === 'en' ? `Week ${week}, ${year}` : `Tuần ${week}/${year}`;
    }
    case 'month':
      return locale === 'en' ? dateFormat(locale, timeZone, { month: 'long', year: 'numeric' }).format(date) : `Tháng ${monthYear(localFields(time, timeZone))}`;
    case 'quarter': {
      const local = new Date(time + zoneOffsetMinutes(timeZone, time) * 60_000);
      const quarter = Math.floor(local.getUTCMonth() / 3) + 1;
      return locale === 'en' ? `Q${quarter} ${local.getUTCFullYear()}` : `Quý ${quarter}/${local.getUTCFullYear()}`;
    }
    case 'year':
      return dateFormat(locale, timeZone, { year: 'numeric' }).format(date);
  }
}
