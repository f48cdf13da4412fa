// Anomalies against a seasonal baseline: each value is compared with the median and MAD of the
// values that share its season (hour of the week, day of the year ±7 days across years, month
// of the year), a robust z-score that one spike cannot move. Where the history holds no
// repeated seasons, the baseline is the values around it (a centred rolling window).
import type { TimeGrain } from '@ioc-kit/data';
import { medianInPlace } from '../stats/robust.js';
import { daysOfYear, hourOfDay, hourOfWeek, monthOfYear, periodIndex } from '../time-grid.js';

/** A value far from its seasonal baseline. */
export interface Anomaly {
  index: number;
  t: number;
  value: number;
  /** The baseline median. */
  expected: number;
  /** Robust z-score: (value − median) / (1.4826 · MAD). */
  score: number;
  direction: 'high' | 'low';
}

/** How a baseline was drawn. */
export type BaselineBasis = 'hour-of-week' | 'hour-of-day' | 'day-of-year' | 'month-of-year' | 'rolling';

/** The baseline of every value: its expected value and robust scale (NaN where none). */
export interface Baseline {
  basis: BaselineBasis;
  expected: Float64Array;
  scale: Float64Array;
}

/** Options of {@link anomaliesOf}. */
export interface AnomalyOptions {
  grain: TimeGrain;
  /** |robust z| above which a value is an anomaly (default 3.5, Iglewicz and Hoaglin's rule). */
  threshold?: number;
}

/** Fewest values a baseline group needs. */
const MIN_GROUP = 5;
/**
 * Below this many values a group's own MAD is too noisy to scale by (five values put a third of
 * noise-only points past 3.5): its centre is kept and the series' pooled scale is used.
 */
const MIN_SCALE_GROUP = 20;
const MAD_TO_SIGMA = 1.4826;
const MEAN_AD_TO_SIGMA = 1.2533;

/** Median and robust σ of `group[0..length)`, which it reorders; `spare` is scratch of the same size. */
function robustCentre(group: Float64Array, length: number, spare: Float64Array): { centre: number; scale: number } {
  const centre = medianInPlace(group, 0, length - 1);
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const d = Math.abs(group[i]! - centre);
    spare[i] = d;
    sum += d;
  }
  let scale = MAD_TO_SIGMA * medianInPlace(spare, 0, length - 1);
  // More than half the values equal the median: the mean deviation still sees the rest.
  if (!(scale > 0)) scale = (MEAN_AD_TO_SIGMA * sum) / length;
  return { centre, scale };
}

function spanPeriods(t: ArrayLike<number>, grain: TimeGrain): number {
  return t.length ? periodIndex(t[t.length - 1]!, grain) - periodIndex(t[0]!, grain) + 1 : 0;
}

/**
 * A baseline per seasonal key, pooling the values of keys within ±`pool`. With `every` > 1 the
 * median and MAD are computed at every `every`-th key and shared with its neighbours (the
 * day-of-year baseline pools ±7 days, so neighbouring days differ by two days in fifteen).
 */
function keyedBaseline(t: ArrayLike<number>, v: ArrayLike<number>, keyOf: (time: number, i: number) => number, keys: number, pool: number, basis: BaselineBasis, every = 1): Baseline {
  const n = v.length;
  const key = new Int32Array(n);
  const buckets: number[][] = Array.from({ length: keys }, () => []);
  for (let i = 0; i < n; i++) {
    key[i] = keyOf(t[i]!, i);
    if (Number.isFinite(v[i])) buckets[key[i]!]!.push(v[i]!);
  }
  const centre = new Float64Array(keys).fill(Number.NaN);
  const scale = new Float64Array(keys).fill(Number.NaN);
  const sizes = new Int32Array(keys);
  let largest = 0;
  for (let k = 0; k < keys; k++) {
    let size = 0;
    for (let d = -pool; d <= pool; d++) size += buckets[(((k + d) % keys) + keys) % keys]!.length;
    largest = Math.max(largest, size);
  }
  const pooled = new Float64Array(largest);
  const spare = new Float64Array(largest);
  for (let k = 0; k < keys; k += every) {
    let size = 0;
    for (let d = -pool; d <= pool; d++) for (const value of buckets[(((k + d) % keys) + keys) % keys]!) pooled[size++] = value;
    const fit = size >= MIN_GROUP ? robustCentre(pooled, size, spare) : { centre: Number.NaN, scale: Number.NaN };
    for (let j = k - (every >> 1); j <= k + (every >> 1); j++) {
      const at = ((j % keys) + keys) % keys;
      sizes[at] = size;
      centre[at] = fit.centre;
      scale[at] = fit.scale;
    }
  }
  let small = false;
  for (let k = 0; k < keys; k++) if (sizes[k]! >= MIN_GROUP && sizes[k]! < MIN_SCALE_GROUP) small = true;
  if (small) {
    // The pooled scale: robust σ of every value's departure from its group's centre.
    const departures = new Float64Array(n);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const c = centre[key[i]!]!;
      if (Number.isFinite(v[i]) && Number.isFinite(c)) departures[count++] = v[i]! - c;
    }
    const pooledScale = count >= MIN_GROUP ? robustCentre(departures, count, new Float64Array(count)).scale : Number.NaN;
    for (let k = 0; k < keys; k++) if (sizes[k]! < MIN_SCALE_GROUP) scale[k] = pooledScale;
  }
  const expected = new Float64Array(n);
  const spread = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    expected[i] = centre[key[i]!]!;
    spread[i] = scale[key[i]!]!;
  }
  return { basis, expected, scale: spread };
}

function rollingBaseline(v: ArrayLike<number>, half: number): Baseline {
  const n = v.length;
  const expected = new Float64Array(n).fill(Number.NaN);
  const scale = new Float64Array(n).fill(Number.NaN);
  const window = new Float64Array(2 * half + 1);
  const spare = new Float64Array(2 * half + 1);
  for (let i = 0; i < n; i++) {
    let size = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(n - 1, i + half); j++) if (Number.isFinite(v[j])) window[size++] = v[j]!;
    if (size < MIN_GROUP) continue;
    const fit = robustCentre(window, size, spare);
    expected[i] = fit.centre;
    scale[i] = fit.scale;
  }
  return { basis: 'rolling', expected, scale };
}

/** The seasonal baseline of every value of a series at `grain`. */
export function seasonalBaseline(series: { t: ArrayLike<number>; v: ArrayLike<number> }, grain: TimeGrain): Baseline {
  const { t, v } = series;
  const span = spanPeriods(t, grain);
  if (grain === 'hour') {
    if (span >= 8 * 168) return keyedBaseline(t, v, hourOfWeek, 168, 0, 'hour-of-week');
    if (span >= 7 * 24) return keyedBaseline(t, v, hourOfDay, 24, 0, 'hour-of-day');
  } else if (grain === 'day' && span >= 2 * 365) {
    const days = daysOfYear(t);
    return keyedBaseline(t, v, (_, i) => days[i]!, 366, 7, 'day-of-year', 3);
  } else if (grain === 'month' && span >= 36) {
    return keyedBaseline(t, v, monthOfYear, 12, 0, 'month-of-year');
  }
  return rollingBaseline(v, grain === 'hour' ? 12 : grain === 'day' ? 14 : 6);
}

/** The anomalies of a series, oldest first, and the baseline they were measured against. */
export function anomaliesOf(series: { t: ArrayLike<number>; v: ArrayLike<number> }, options: AnomalyOptions): { anomalies: Anomaly[]; baseline: Baseline } {
  const threshold = options.threshold ?? 3.5;
  const baseline = seasonalBaseline(series, options.grain);
  const anomalies: Anomaly[] = [];
  for (let i = 0; i < series.v.length; i++) {
    const value = series.v[i]!;
    const scale = baseline.scale[i]!;
    if (!Number.isFinite(value) || !(scale > 0)) continue;
    const score = (value - baseline.expected[i]!) / scale;
    if (Math.abs(score) > threshold) anomalies.push({ index: i, t: series.t[i]!, value, expected: baseline.expected[i]!, score, direction: score > 0 ? 'high' : 'low' });
  }
  return { anomalies, baseline };
}
