import type { TimeGrain } from './query.js';

/**
 * Vietnam keeps UTC+07:00 all year (no daylight saving), so a fixed offset is exact and a
 * "day" in a provincial report runs from 00:00 to 24:00 local time, not UTC.
 */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;

const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * Start (epoch ms) of the period of `grain` that holds `time`, in local time at `offsetMinutes`
 * east of UTC. Weeks start on Monday (ISO 8601). NaN in, NaN out.
 */
export function periodStart(time: number, grain: TimeGrain, offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): number {
  if (!Number.isFinite(time)) return Number.NaN;
  const offset = offsetMinutes * 60_000;
  const local = time + offset;
  switch (grain) {
    case 'hour':
      return Math.floor(local / HOUR) * HOUR - offset;
    case 'day':
      return Math.floor(local / DAY) * DAY - offset;
    case 'week': {
      const day = Math.floor(local / DAY);
      // 1 Jan 1970 was a Thursday: (day + 3) mod 7 counts days since Monday.
      const sinceMonday = (((day + 3) % 7) + 7) % 7;
      return (day - sinceMonday) * DAY - offset;
    }
    default: {
      const date = new Date(local);
      const year = date.getUTCFullYear();
      const month = grain === 'year' ? 0 : grain === 'quarter' ? Math.floor(date.getUTCMonth() / 3) * 3 : date.getUTCMonth();
      return Date.UTC(year, month, 1) - offset;
    }
  }
}

/** `start` moved by `count` periods of `grain` (count may be negative). Calendar-aware for months. */
export function addPeriods(start: number, grain: TimeGrain, count: number, offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): number {
  if (!Number.isFinite(start) || !Number.isFinite(count)) return Number.NaN;
  switch (grain) {
    case 'hour':
      return start + count * HOUR;
    case 'day':
      return start + count * DAY;
    case 'week':
      return start + count * 7 * DAY;
    default: {
      const offset = offsetMinutes * 60_000;
      const date = new Date(start + offset);
      const months = grain === 'month' ? 1 : grain === 'quarter' ? 3 : 12;
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + count * months, date.getUTCDate(), date.getUTCHours()) - offset;
    }
  }
}

/** The period of `grain` holding `time`, as epoch ms `[from, to)`. */
export function periodOf(time: number, grain: TimeGrain, offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): { from: number; to: number } {
  const from = periodStart(time, grain, offsetMinutes);
  return { from, to: addPeriods(from, grain, 1, offsetMinutes) };
}

/** Nominal length of a grain in hours, for sizing buffers and scaling rates. */
export function grainHours(grain: TimeGrain): number {
  switch (grain) {
    case 'hour':
      return 1;
    case 'day':
      return 24;
    case 'week':
      return 168;
    case 'month':
      return 730.5;
    case 'quarter':
      return 2191.5;
    case 'year':
      return 8766;
  }
}

/** Parses an ISO date or date-time to epoch ms; a date without a zone is read as local Vietnamese time. NaN if unreadable. */
export function parseTime(value: unknown, offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string') return Number.NaN;
  const text = value.trim();
  if (text === '' || text.length > 64) return Number.NaN;
  // Date-only and zone-less strings would otherwise be UTC or browser-local: make them province-local.
  const hasZone = /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(text);
  if (!hasZone && /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.test(text)) {
    const [datePart = '', timePart = '00:00:00'] = text.split(/[T ]/);
    const parsed = Date.parse(`${datePart}T${timePart.length === 5 ? `${timePart}:00` : timePart}Z`);
    return Number.isFinite(parsed) ? parsed - offsetMinutes * 60_000 : Number.NaN;
  }
  const parsed = Date.parse(text);
  return Number.isFinite(parsed) ? parsed : Number.NaN;
}

/** Epoch ms to an ISO string, or undefined for NaN/out-of-range times. */
export function toIso(time: number): string | undefined {
  if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) return undefined;
  return new Date(time).toISOString();
}
