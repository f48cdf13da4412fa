// Where each timestamp sits on its grain's calendar grid, and the seasonal keys the baselines
// group by: all in Vietnam's local time (UTC+7, no daylight saving), as the reports count days.
import type { TimeGrain } from '@ioc-kit/data';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/**
 * Vietnam's fixed UTC+07:00 (@ioc-kit/data's VIETNAM_UTC_OFFSET_MINUTES, a test keeps them
 * equal). A copy, not an import, so the worker's bundle takes nothing but types from @ioc-kit/data.
 */
export const VIETNAM_OFFSET_MS = 420 * 60_000;
const offset = (): number => VIETNAM_OFFSET_MS;

/** Whole periods of `grain` since the epoch for a timestamp (months counted on the calendar). */
export function periodIndex(time: number, grain: TimeGrain): number {
  const local = time + offset();
  switch (grain) {
    case 'hour':
      return Math.floor(local / HOUR);
    case 'day':
      return Math.floor(local / DAY);
    case 'week':
      return Math.floor((Math.floor(local / DAY) + 3) / 7);
    default: {
      const date = new Date(local);
      const months = date.getUTCFullYear() * 12 + date.getUTCMonth();
      return grain === 'month' ? months : grain === 'quarter' ? Math.floor(months / 3) : Math.floor(months / 12);
    }
  }
}

/** Grid positions of `t` relative to the first one: 0, 1, 2, 4, … (a missing period skips a number). */
export function gridPositions(t: ArrayLike<number>, grain: TimeGrain): Float64Array {
  const out = new Float64Array(t.length);
  const first = t.length ? periodIndex(t[0]!, grain) : 0;
  for (let i = 0; i < t.length; i++) out[i] = periodIndex(t[i]!, grain) - first;
  return out;
}

/** Hour of the week, 0 = Monday 00:00 local time. */
export function hourOfWeek(time: number): number {
  const local = time + offset();
  const day = Math.floor(local / DAY);
  return ((((day + 3) % 7) + 7) % 7) * 24 + Math.floor((local - day * DAY) / HOUR);
}

/** Hour of the day, 0–23 local time. */
export function hourOfDay(time: number): number {
  const local = time + offset();
  return Math.floor((local - Math.floor(local / DAY) * DAY) / HOUR);
}

/** Day of the year, 0–365 local time (arithmetic, no Date: it runs for every value of a series). */
export function dayOfYear(time: number): number {
  const days = Math.floor((time + offset()) / DAY);
  // Howard Hinnant's civil_from_days, reduced to the year and the day within it.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // from 1 March
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9; // 1–12
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  // Days from 1 January: March-based day plus Jan and Feb (59, or 60 in a leap year).
  return month <= 2 ? doy - 306 : doy + 59 + (leap ? 1 : 0);
}

const dayCache = new WeakMap<object, Int16Array>();

/**
 * The day of the year of every timestamp, computed once per array: status and anomalies both
 * read it, for every value of a five-year series.
 */
export function daysOfYear(t: ArrayLike<number>): Int16Array {
  const key = t as object;
  let days = dayCache.get(key);
  if (!days || days.length !== t.length) {
    days = new Int16Array(t.length);
    let previousDay = Number.NaN;
    let previous = 0;
    for (let i = 0; i < t.length; i++) {
      const day = Math.floor((t[i]! + offset()) / DAY);
      // Consecutive values on the same local day share the answer (hourly data).
      if (day !== previousDay) {
        previous = dayOfYear(t[i]!);
        previousDay = day;
      }
      days[i] = previous;
    }
    dayCache.set(key, days);
  }
  return days;
}

/** Month of the year, 0–11 local time. */
export function monthOfYear(time: number): number {
  return new Date(time + offset()).getUTCMonth();
}

/** Quarter of the year, 0–3 local time. */
export function quarterOfYear(time: number): number {
  return Math.floor(monthOfYear(time) / 3);
}

/** Periods of `grain` in a year (the seasonal period of monthly and quarterly data). */
export function periodsPerYear(grain: TimeGrain): number {
  switch (grain) {
    case 'hour':
      return 8766;
    case 'day':
      return 365.25;
    case 'week':
      return 52.18;
    case 'month':
      return 12;
    case 'quarter':
      return 4;
    case 'year':
      return 1;
  }
}

/** `time` moved `count` periods of `grain` ahead (calendar months for month, quarter and year). */
export function addGrain(time: number, grain: TimeGrain, count: number): number {
  switch (grain) {
    case 'hour':
      return time + count * HOUR;
    case 'day':
      return time + count * DAY;
    case 'week':
      return time + count * 7 * DAY;
    default: {
      const date = new Date(time + offset());
      const months = count * (grain === 'month' ? 1 : grain === 'quarter' ? 3 : 12);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()) - offset();
    }
  }
}
