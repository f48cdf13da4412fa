/**
 * Calendar steps in UTC for time-axis ticks: the few intervals the axes need, in place of
 * d3-time (4.5 kB minified in every chart entry for six intervals). Semantics follow d3-time's
 * `utcX.every(step).range(start, stop)`: a tick sits on a unit boundary whose field (minute,
 * hour, day of month − 1, month, year) is a multiple of `step`; weeks start on Monday.
 */
export type CalendarUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** The start of the unit holding `date` (mutates and returns it). */
function floorTo(date: Date, unit: CalendarUnit): Date {
  switch (unit) {
    case 'minute':
      date.setUTCSeconds(0, 0);
      break;
    case 'hour':
      date.setUTCMinutes(0, 0, 0);
      break;
    case 'week':
      date.setUTCHours(0, 0, 0, 0);
      date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
      break;
    case 'day':
      date.setUTCHours(0, 0, 0, 0);
      break;
    case 'month':
      date.setUTCHours(0, 0, 0, 0);
      date.setUTCDate(1);
      break;
    case 'year':
      date.setUTCHours(0, 0, 0, 0);
      date.setUTCMonth(0, 1);
      break;
  }
  return date;
}

/** Moves `date` one unit forward (mutates it). */
function stepForward(date: Date, unit: CalendarUnit): void {
  switch (unit) {
    case 'minute':
      date.setTime(date.getTime() + MINUTE);
      break;
    case 'hour':
      date.setTime(date.getTime() + HOUR);
      break;
    case 'day':
      date.setUTCDate(date.getUTCDate() + 1);
      break;
    case 'week':
      date.setUTCDate(date.getUTCDate() + 7);
      break;
    case 'month':
      date.setUTCMonth(date.getUTCMonth() + 1);
      break;
    case 'year':
      date.setUTCFullYear(date.getUTCFullYear() + 1);
      break;
  }
}

/** The field `every(step)` filters on, as in d3-time. Weeks are never filtered. */
function field(date: Date, unit: CalendarUnit): number {
  switch (unit) {
    case 'minute':
      return date.getUTCMinutes();
    case 'hour':
      return date.getUTCHours();
    case 'day':
      return date.getUTCDate() - 1;
    case 'week':
      return 0;
    case 'month':
      return date.getUTCMonth();
    case 'year':
      return date.getUTCFullYear();
  }
}

/**
 * Unit boundaries in [start, stop) (epoch ms) whose field is a multiple of `step`, at most
 * `limit` of them.
 */
export function calendarRange(unit: CalendarUnit, step: number, start: number, stop: number, limit: number): number[] {
  const out: number[] = [];
  if (!(start < stop) || !Number.isFinite(start) || !Number.isFinite(stop) || !(step >= 1)) return out;
  const every = Math.floor(step);
  const date = floorTo(new Date(start), unit);
  if (date.getTime() < start) stepForward(date, unit);
  while (date.getTime() < stop && out.length < limit) {
    if (field(date, unit) % every === 0) out.push(date.getTime());
    stepForward(date, unit);
  }
  return out;
}
