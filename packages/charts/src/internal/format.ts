import { intlLocale, type Locale, type TimeGrain } from '@ioc-kit/data';

/** The time zone charts use when none is given: Vietnam's (UTC+07:00 all year). */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

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

/**
 * The minus sign readers see: U+2212, not the hyphen-minus `-` (which is shorter, sits lower
 * and breaks lines after it). Screen readers say "minus" for it. Parseable output (none today:
 * tables are for reading too) would have to use `-` on purpose.
 */
export const MINUS = '\u2212';

const SEPARATORS: Readonly<Record<Locale, { group: string; decimal: string }>> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * Digits with the locale's separators, written out rather than through `Intl.NumberFormat`:
 * the first Intl object on a page loads locale data for tens of milliseconds, which a chart's
 * first frame should not wait for. Same output as Intl for vi-VN and en-GB.
 */
function writeNumber(value: number, locale: Locale, decimals: number, trimZeros = false): string {
  const { group, decimal } = SEPARATORS[locale];
  if (Math.abs(value) >= 1e21) return String(value);
  // Plain string work, no regular expressions: a first chart writes its tick labels before
  // the engine has compiled any of them.
  const text = Math.abs(value).toFixed(decimals);
  const point = text.indexOf('.');
  const whole = point < 0 ? text : text.slice(0, point);
  let fraction = point < 0 ? '' : text.slice(point + 1);
  if (trimZeros) {
    let end = fraction.length;
    while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
    fraction = fraction.slice(0, end);
  }
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += group;
    grouped += whole[i] as string;
  }
  const written = fraction ? `${grouped}${decimal}${fraction}` : grouped;
  let nonZero = false;
  for (let i = 0; i < text.length && !nonZero; i++) {
    const code = text.charCodeAt(i);
    nonZero = code >= 49 && code <= 57;
  }
  return value < 0 && nonZero ? `${MINUS}${written}` : written;
}

/** `1.234,5` in Vietnamese, `1,234.5` in English, `−3` with a true minus; an en dash for a missing value. */
export function formatValue(value: number | null | undefined, locale: Locale, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const digits = Math.max(0, Math.min(20, Math.round(decimals)));
  return writeNumber(value, locale, digits);
}

/**
 * Compact multipliers as words a reader knows: `5,8 nghìn`, `1,2 triệu`, `3 tỷ`; `5.8k`,
 * `1.2M`, `3bn`. Not ICU's Vietnamese short forms (`5,8 N`, `1,2 Tr`), which nobody reads as
 * thousands or millions on a wall.
 */
const COMPACT: Readonly<Record<Locale, readonly (readonly [number, string])[]>> = {
  vi: [
    [1e9, ' tỷ'],
    [1e6, ' triệu'],
    [1e3, ' nghìn'],
  ],
  en: [
    [1e9, 'bn'],
    [1e6, 'M'],
    [1e3, 'k'],
  ],
};

/**
 * A formatter for axis ticks spaced `step` apart: just enough decimals to tell ticks apart,
 * and compact notation in words (`1,2 triệu` / `1.2M`) once values reach hundreds of thousands.
 */
export function tickFormatter(step: number, maxAbs: number, locale: Locale): (value: number) => string {
  if (Number.isFinite(maxAbs) && maxAbs >= 1e5) {
    return (value) => {
      const unit = COMPACT[locale].find(([size]) => Math.abs(value) >= size);
      return unit ? `${writeNumber(value / unit[0], locale, 1, true)}${unit[1]}` : writeNumber(value, locale, 0);
    };
  }
  const decimals = Number.isFinite(step) && step > 0 ? Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9))) : 0;
  return (value) => writeNumber(value, locale, decimals);
}

/**
 * Zones with one offset all year. Creating an `Intl.DateTimeFormat` costs milliseconds on a
 * cold page, so the common cases (Vietnam, UTC) never touch Intl for dates.
 */
const FIXED_ZONES: Readonly<Record<string, number>> = {
  'Asia/Ho_Chi_Minh': 420,
  'Asia/Saigon': 420,
  'Asia/Bangkok': 420,
  'Asia/Jakarta': 420,
  UTC: 0,
  'Etc/UTC': 0,
  GMT: 0,
  'Etc/GMT': 0,
};

/**
 * Minutes east of UTC of an IANA zone at an instant, e.g. 420 for Asia/Ho_Chi_Minh. Vietnam
 * has no daylight saving, so one offset per render is exact there and close enough elsewhere.
 */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  const fixed = FIXED_ZONES[timeZone];
  if (fixed !== undefined) return fixed;
  if (!Number.isFinite(at) || Math.abs(at) > 8.64e15) return 0;
  const minute = Math.floor(at / 60_000) * 60_000;
  const parts = dateFormat('en', timeZone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(minute));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const local = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'));
  const offset = Math.round((local - minute) / 60_000);
  return Number.isFinite(offset) ? offset : 0;
}

/** How precisely a time is shown: the tick spacing of an axis, or a data grain. */
export type TimeLabelUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Local calendar fields of a time in a zone, as numbers. */
function localFields(time: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const date = new Date(time + zoneOffsetMinutes(timeZone, time) * 60_000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
  };
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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
      return locale === 'en' ? `${(EN_MONTHS[fields.month - 1] ?? '').slice(0, 3)} ${fields.year}` : monthYear(fields);
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
  const f = localFields(time, timeZone);
  const date = `${two(f.day)}/${two(f.month)}/${f.year}`;
  switch (grain) {
    case 'hour': {
      const clock = `${two(f.hour)}:${two(f.minute)}`;
      return locale === 'en' ? `${date}, ${clock}` : `${clock} ${date}`;
    }
    case 'day':
      return date;
    case 'week': {
      const { week, year } = isoWeek(Date.UTC(f.year, f.month - 1, f.day));
      return locale === 'en' ? `Week ${week}, ${year}` : `Tuần ${week}/${year}`;
    }
    case 'month':
      return locale === 'en' ? `${EN_MONTHS[f.month - 1] ?? ''} ${f.year}` : `Tháng ${monthYear(f)}`;
    case 'quarter': {
      const quarter = Math.floor((f.month - 1) / 3) + 1;
      return locale === 'en' ? `Q${quarter} ${f.year}` : `Quý ${quarter}/${f.year}`;
    }
    case 'year':
      return String(f.year);
  }
}
