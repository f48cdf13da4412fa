import type { Aggregation } from './catalogue.js';
import { ValidationError } from './errors.js';
import type { TimeGrain } from './query.js';
import { addPeriods, periodStart, VIETNAM_UTC_OFFSET_MINUTES } from './time.js';

/** The most buckets one series may have (about 11 years hourly): beyond this a query is a mistake. */
export const MAX_BUCKETS = 100_000;

/**
 * Combines values with an indicator's aggregation. Non-finite values (NaN, ±Infinity) are gaps
 * and are skipped; no values, or a result that overflows, gives NaN. `last` takes the last finite
 * value in the order given. `weighted-mean` weights by `weights` (non-finite or negative weights
 * count as 0) and falls back to the plain mean when there are no usable weights.
 */
export function aggregate(values: ArrayLike<number>, how: Aggregation, weights?: ArrayLike<number>): number {
  let count = 0;
  let sum = 0;
  let weighted = 0;
  let weightSum = 0;
  let max = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  let last = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    count++;
    sum += value;
    if (value > max) max = value;
    if (value < min) min = value;
    last = value;
    if (weights) {
      const weight = weights[i];
      if (typeof weight === 'number' && Number.isFinite(weight) && weight > 0) {
        weighted += weight * value;
        weightSum += weight;
      }
    }
  }
  if (count === 0) return Number.NaN;
  let result: number;
  switch (how) {
    case 'sum':
      result = sum;
      break;
    case 'mean':
      result = sum / count;
      break;
    case 'weighted-mean':
      result = weightSum > 0 ? weighted / weightSum : sum / count;
      break;
    case 'last':
      result = last;
      break;
    case 'max':
      result = max;
      break;
    case 'min':
      result = min;
      break;
  }
  return Number.isFinite(result) ? result : Number.NaN;
}

export interface BucketOptions {
  /** First bucket: the period holding `from` (epoch ms). Default: the period of the earliest point. */
  from?: number;
  /** End, exclusive (epoch ms). Default: just after the latest point. */
  to?: number;
  offsetMinutes?: number;
}

/** A series on regular periods: `t` holds each period's start, `v` its value (NaN = no data). */
export interface BucketedSeries {
  t: Float64Array;
  v: Float64Array;
}

/**
 * Re-grains a series: groups points into periods of `grain` (local time, weeks from Monday) and
 * combines each period with `how`. Points may be out of order or share timestamps; points with a
 * non-finite time are dropped, non-finite values are gaps. Every period in the range appears,
 * with NaN where it has no value. Throws `ValidationError` only for a range wider than
 * `MAX_BUCKETS` periods.
 */
export function bucketSeries(
  t: ArrayLike<number>,
  v: ArrayLike<number>,
  grain: TimeGrain,
  how: Aggregation,
  options: BucketOptions = {},
): BucketedSeries {
  const offsetMinutes = options.offsetMinutes ?? VIETNAM_UTC_OFFSET_MINUTES;
  const length = Math.min(t.length, v.length);
  let first = options.from;
  let end = options.to;
  if (first === undefined || end === undefined) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < length; i++) {
      const time = t[i];
      if (typeof time !== 'number' || !Number.isFinite(time)) continue;
      if (time < lo) lo = time;
      if (time > hi) hi = time;
    }
    if (first === undefined) first = lo;
    if (end === undefined) end = hi + 1;
  }
  if (!Number.isFinite(first) || !Number.isFinite(end) || end <= first) {
    return { t: new Float64Array(0), v: new Float64Array(0) };
  }
  const starts: number[] = [];
  for (let start = periodStart(first, grain, offsetMinutes); start < end; start = addPeriods(start, grain, 1, offsetMinutes)) {
    if (!Number.isFinite(start)) break;
    starts.push(start);
    if (starts.length > MAX_BUCKETS) {
      throw new ValidationError('grain', `the range holds more than ${MAX_BUCKETS} ${grain} periods; choose a coarser grain or a shorter range`);
    }
  }
  const n = starts.length;
  const bounds = Float64Array.from(starts);
  const sum = new Float64Array(n);
  const count = new Uint32Array(n);
  const max = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const min = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const lastTime = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const lastValue = new Float64Array(n).fill(Number.NaN);
  const rangeEnd = n > 0 ? Math.min(end, addPeriods(bounds[n - 1] ?? Number.NaN, grain, 1, offsetMinutes)) : end;
  let cursor = 0;
  for (let i = 0; i < length; i++) {
    const time = t[i];
    const value = v[i];
    if (typeof time !== 'number' || !Number.isFinite(time) || time < (bounds[0] ?? 0) || time >= rangeEnd) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    // Sorted input walks forward; anything else falls back to a binary search.
    if (!((bounds[cursor] ?? Infinity) <= time && time < (bounds[cursor + 1] ?? Infinity))) {
      if ((bounds[cursor + 1] ?? Infinity) <= time && time < (bounds[cursor + 2] ?? Infinity)) cursor++;
      else cursor = findBucket(bounds, time);
    }
    sum[cursor] = (sum[cursor] ?? 0) + value;
    count[cursor] = (count[cursor] ?? 0) + 1;
    if (value > (max[cursor] ?? 0)) max[cursor] = value;
    if (value < (min[cursor] ?? 0)) min[cursor] = value;
    // `>=` so that of duplicate timestamps the later one in the input wins.
    if (time >= (lastTime[cursor] ?? 0)) {
      lastTime[cursor] = time;
      lastValue[cursor] = value;
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = count[i] ?? 0;
    if (c === 0) {
      out[i] = Number.NaN;
      continue;
    }
    let result: number;
    switch (how) {
      case 'sum':
        result = sum[i] ?? Number.NaN;
        break;
      case 'mean':
      case 'weighted-mean':
        result = (sum[i] ?? Number.NaN) / c;
        break;
      case 'last':
        result = lastValue[i] ?? Number.NaN;
        break;
      case 'max':
        result = max[i] ?? Number.NaN;
        break;
      case 'min':
        result = min[i] ?? Number.NaN;
        break;
    }
    out[i] = Number.isFinite(result) ? result : Number.NaN;
  }
  return { t: bounds, v: out };
}

/** Index of the bucket whose start is the greatest not after `time`. */
function findBucket(bounds: Float64Array, time: number): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((bounds[mid] ?? Infinity) <= time) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Combines several areas' series, point by point, with an indicator's area aggregation (sum for
 * additive indicators, mean or weighted mean otherwise). All series must share the same `t`;
 * a point where every area has a gap stays a gap.
 */
export function combineSeries(values: readonly ArrayLike<number>[], how: Aggregation, weights?: ArrayLike<number>): Float64Array {
  const length = values.reduce((n, series) => Math.max(n, series.length), 0);
  const out = new Float64Array(length);
  const column = new Float64Array(values.length);
  for (let i = 0; i < length; i++) {
    for (let s = 0; s < values.length; s++) column[s] = values[s]?.[i] ?? Number.NaN;
    out[i] = aggregate(column, how, weights);
  }
  return out;
}
