// Where the latest value stands: in its indicator's bands (VN_AQI, VN_WQI, …), against its
// target, and against the area's own normal range for this time of year (percentiles of the
// values at the same season in earlier years).
import type { Band, Indicator, TimeGrain } from '@ioc-kit/data';
import { quantileSorted } from '../stats/robust.js';
import { daysOfYear, hourOfDay, hourOfWeek, monthOfYear, quarterOfYear } from '../time-grid.js';

/** How the normal range was drawn from the history. */
export type NormalBasis = 'same-time-of-year' | 'same-hour-of-week' | 'recent';

/** The area's normal range for the latest value's season, and where the value falls in it. */
export interface NormalRange {
  basis: NormalBasis;
  /** The `lowQuantile`, median and `highQuantile` of the reference values. */
  low: number;
  median: number;
  high: number;
  /** Reference values used. */
  n: number;
  /** Share of reference values below the latest value (ties count half), 0–100. */
  percentile: number;
  position: 'below' | 'within' | 'above';
}

/** The latest value against a target, read through the indicator's polarity. */
export interface TargetStatus {
  target: number;
  /** At or beyond the target on the good side (for a neutral indicator: within 1 % of it). */
  met: boolean;
  /** value − target, in the indicator's unit. */
  gap: number;
}

/** The status of the latest value. */
export interface Status {
  /** The last finite value and its time (null when the series has none). */
  value: number | null;
  at: number | null;
  band?: Band;
  bandIndex?: number;
  target?: TargetStatus;
  normal?: NormalRange;
}

/** Options of {@link statusOf}. */
export interface StatusOptions {
  grain: TimeGrain;
  /** A target for this period (a query result's `target`); default: the indicator's own. */
  target?: number | null;
  /** Quantiles bounding the normal range (default 0.1 and 0.9). */
  lowQuantile?: number;
  highQuantile?: number;
}

const DAY = 86_400_000;
/** Fewest reference values a normal range is drawn from. */
export const MIN_NORMAL_VALUES = 10;

/** Index of the band holding `value` (the last band includes its `to`), or -1. */
export function bandIndexOf(bands: readonly Band[] | undefined, value: number): number {
  if (!bands || !Number.isFinite(value)) return -1;
  return bands.findIndex((band, i) => value >= band.from && (value < band.to || (i === bands.length - 1 && value <= band.to)));
}

function circularDistance(a: number, b: number, period: number): number {
  const d = Math.abs(a - b) % period;
  return Math.min(d, period - d);
}

/** The reference values for time `at`: same season in earlier years, else a recent window. */
function referenceValues(t: ArrayLike<number>, v: ArrayLike<number>, last: number, grain: TimeGrain): { values: number[]; basis: NormalBasis } {
  const at = t[last]!;
  const sameSeason: number[] = [];
  // Earlier years only: at least half a year back, so this season's own run is not its reference.
  const before = at - 180 * DAY;
  const days = daysOfYear(t);
  const atDay = days[last]!;
  const atHour = hourOfDay(at);
  const atMonth = monthOfYear(at);
  const seasonOf = (time: number, i: number): boolean => {
    switch (grain) {
      case 'hour':
        return circularDistance(days[i]!, atDay, 365) <= 14 && hourOfDay(time) === atHour;
      case 'day':
      case 'week':
        return circularDistance(days[i]!, atDay, 365) <= 14;
      case 'month':
        return monthOfYear(time) === atMonth;
      case 'quarter':
        return quarterOfYear(time) === Math.floor(atMonth / 3);
      case 'year':
        return false;
    }
  };
  for (let i = 0; i < last; i++) if (t[i]! < before && Number.isFinite(v[i]) && seasonOf(t[i]!, i)) sameSeason.push(v[i]!);
  const enough = grain === 'month' || grain === 'quarter' ? 3 : MIN_NORMAL_VALUES;
  if (sameSeason.length >= enough) return { values: sameSeason, basis: 'same-time-of-year' };
  if (grain === 'hour') {
    // Less than a year of hours: the same hour of the week in the weeks before.
    const hour = hourOfWeek(at);
    const weekly: number[] = [];
    for (let i = 0; i < last; i++) if (Number.isFinite(v[i]) && hourOfWeek(t[i]!) === hour) weekly.push(v[i]!);
    if (weekly.length >= 4) return { values: weekly, basis: 'same-hour-of-week' };
  }
  const recent: number[] = [];
  for (let i = last - 1; i >= 0 && recent.length < 28; i--) if (Number.isFinite(v[i])) recent.push(v[i]!);
  return { values: recent.length >= MIN_NORMAL_VALUES ? recent : [], basis: 'recent' };
}

function targetStatus(indicator: Indicator, value: number, target: number): TargetStatus {
  const gap = value - target;
  const met =
    indicator.polarity === 'higher-is-better' ? value >= target : indicator.polarity === 'lower-is-better' ? value <= target : Math.abs(gap) <= Math.abs(target) * 0.01;
  return { target, met, gap };
}

/** The status of the latest finite value of `series`. */
export function statusOf(series: { t: ArrayLike<number>; v: ArrayLike<number> }, indicator: Indicator, options: StatusOptions): Status {
  const { t, v } = series;
  let last = v.length - 1;
  while (last >= 0 && !Number.isFinite(v[last])) last--;
  if (last < 0) return { value: null, at: null };
  const value = v[last]!;
  const status: Status = { value, at: t[last]! };
  const index = bandIndexOf(indicator.bands, value);
  if (index >= 0) {
    status.band = indicator.bands![index]!;
    status.bandIndex = index;
  }
  const target = options.target ?? indicator.target;
  if (target !== undefined && target !== null && Number.isFinite(target)) status.target = targetStatus(indicator, value, target);
  const { values, basis } = referenceValues(t, v, last, options.grain);
  if (values.length) {
    const sorted = Float64Array.from(values).sort();
    const low = quantileSorted(sorted, options.lowQuantile ?? 0.1);
    const high = quantileSorted(sorted, options.highQuantile ?? 0.9);
    let below = 0;
    let equal = 0;
    for (const reference of sorted) {
      if (reference < value) below++;
      else if (reference === value) equal++;
    }
    status.normal = {
      basis,
      low,
      median: quantileSorted(sorted, 0.5),
      high,
      n: sorted.length,
      percentile: ((below + equal / 2) / sorted.length) * 100,
      position: value < low ? 'below' : value > high ? 'above' : 'within',
    };
  }
  return status;
}
