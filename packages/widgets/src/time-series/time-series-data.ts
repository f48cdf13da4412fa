import { addPeriods, localize, periodStart, type Indicator, type Locale, type SeriesResult, type TimeGrain } from '@ioc-kit/data';
import { lowerBound, timeSorted, type Scale, type TimeSeriesAnnotation, type TimeSeriesThreshold } from '@ioc-kit/charts';
import { message } from '../internal/messages.js';
import * as words from '../internal/words.js';

/** How far back a chart looks by default, per grain. */
export const DEFAULT_SPAN: Record<TimeGrain, number> = { hour: 48, day: 30, week: 26, month: 24, quarter: 12, year: 10 };

/** The legend key of the last-year overlay (no area code looks like it). */
export const LAST_YEAR_KEY = 'ioc:last-year';

/** Shifts times forward one calendar year, so last year's values sit under this year's. */
export function shiftOneYear(t: Float64Array): Float64Array {
  const out = new Float64Array(t.length);
  if (t.length > 20_000) {
    // Long series: one offset (exact except across 29 February), not a calendar sum per point.
    const first = t.find((x) => Number.isFinite(x)) ?? 0;
    const shift = addPeriods(first, 'year', 1) - first;
    for (let i = 0; i < t.length; i++) out[i] = (t[i] as number) + shift;
    return out;
  }
  for (let i = 0; i < t.length; i++) out[i] = addPeriods(t[i] as number, 'year', 1);
  return out;
}

/** First and last time of all the series of a result, `[NaN, NaN]` when none has one. */
export function timeExtent(result: SeriesResult | undefined): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const series of result?.series ?? []) {
    const { t } = timeSorted(series.t, series.v);
    const first = t.findIndex((x) => Number.isFinite(x));
    if (first < 0) continue;
    let last = t.length - 1;
    while (!Number.isFinite(t[last])) last--;
    lo = Math.min(lo, t[first] as number);
    hi = Math.max(hi, t[last] as number);
  }
  return lo <= hi ? [lo, hi] : [Number.NaN, Number.NaN];
}

/** Crossing markers: into each band with a severity, and past the target (the widget's, else the indicator's). */
export function seriesThresholds(info: Indicator | undefined, target: number | undefined, locale: Locale): TimeSeriesThreshold[] {
  const higherIsBetter = info?.polarity === 'higher-is-better';
  const out: TimeSeriesThreshold[] = [];
  for (const band of info?.bands ?? []) {
    if (!band.severity) continue;
    out.push(
      higherIsBetter
        ? { value: band.to, direction: 'down', label: localize(band.label, locale) }
        : { value: band.from, direction: 'up', label: localize(band.label, locale) },
    );
  }
  const line = target ?? info?.target;
  if (line !== undefined && Number.isFinite(line)) {
    out.push({ value: line, direction: higherIsBetter ? 'down' : 'up', label: message(words.target, locale) });
  }
  return out;
}

/**
 * A mark where the period still under way begins, for totals (reports, vehicles, rain): its
 * sum so far would read as a sudden drop. Only when the data reaches into that period.
 */
export function inProgressMark(info: Indicator | undefined, result: SeriesResult, now: number, locale: Locale): TimeSeriesAnnotation | undefined {
  if (info?.aggregation.time !== 'sum' || result.grain === 'hour') return undefined;
  const start = periodStart(now, result.grain);
  const reaches = result.series.some((series) => {
    const t = series.t;
    return t.length > 0 && (t[t.length - 1] as number) >= start;
  });
  return reaches ? { t: start, label: message(words.inProgress, locale) } : undefined;
}

/** The name of the indicator's band `value` falls in, or `''`. */
export function bandLabel(info: Indicator | undefined, value: number, locale: Locale): string {
  const bands = info?.bands ?? [];
  const band = bands.find((b, i) => value >= b.from && (value < b.to || (i === bands.length - 1 && value <= b.to)));
  return band ? localize(band.label, locale) : '';
}

/** The points the keyboard visits: a series inside the visible range, at most one per pixel column. */
export interface NavSpace<S extends { t: Float64Array; v: Float64Array }> {
  series: S;
  /** Index of the first point in range, and how many are in range. */
  start: number;
  points: number;
  /** How many the keyboard visits (≤ points). */
  count: number;
}

export function navSpace<S extends { t: Float64Array; v: Float64Array }>(series: S | undefined, scale: Scale | undefined): NavSpace<S> | undefined {
  if (!series || !scale) return undefined;
  const [d0, d1] = scale.domain;
  const start = lowerBound(series.t, d0);
  let end = lowerBound(series.t, d1, start);
  while (end < series.t.length && (series.t[end] as number) <= d1) end++;
  const points = end - start;
  const count = Math.min(points, Math.max(1, Math.round(scale.range[1] - scale.range[0])));
  return { series, start, points, count };
}

/** The index of the point visited nearest plot px `x`, or -1 off the plot. */
export function navIndexAt(space: NavSpace<{ t: Float64Array; v: Float64Array }> | undefined, scale: Scale | undefined, x: number): number {
  if (!space || !scale || space.points === 0 || x < scale.range[0] - 4 || x > scale.range[1] + 4) return -1;
  const time = scale.invert(x);
  let raw = lowerBound(space.series.t, time, space.start, space.start + space.points);
  const previous = space.series.t[raw - 1];
  if (raw > space.start && (raw >= space.start + space.points || (previous !== undefined && time - previous < (space.series.t[raw] as number) - time))) raw--;
  return Math.min(space.count - 1, Math.floor(((raw - space.start) * space.count) / space.points));
}
