/**
 * From the caller's series to what the marks read: sorted typed arrays, visible ranges,
 * stacked layers and the per-column reduction. Nothing here is held per chart: what is
 * remembered is keyed by the caller's arrays (WeakMaps), so the same input gives the same
 * answer, a new input is worked out afresh, and a million points are sorted and reduced once,
 * not on every draw. Arrays that only grow at the end (`appendSeries`) are recognised by their
 * buffer, so a live point extends the kept reduction instead of starting it again.
 */
import { ColumnBuckets } from '../internal/reduce.js';
import { isGrownSeries, isSortedByTime, lowerBound, sortByTime, toFloat64 } from '../internal/series-data.js';
import type { TimeSeriesInput } from './types.js';

/** A series ready to draw: time-sorted typed arrays, never written. */
export interface SeriesView {
  /** Unique within one render (a repeated key gets `#index`, an overlay `#overlay<index>`, a stack layer `#stack`). */
  key: string;
  /** The key of the series it belongs to, as the caller gave it (legend, hiding, colour). */
  baseKey: string;
  label: string;
  color?: string;
  t: Float64Array;
  v: Float64Array;
  /** Points in use: the shorter of `t` and `v`. */
  length: number;
  /** Where the sorted arrays are remembered, so a late-found disorder is sorted once. */
  memo?: Prepared;
}

/** Thrown inside a render when the reduction finds a series out of time order. */
export class UnsortedSeries extends Error {
  constructor(readonly view: SeriesView) {
    super('series out of time order');
  }
}

/** The caller's arrays as the chart reads them: the same arrays when already typed and sorted. */
interface Prepared {
  t: Float64Array;
  v: Float64Array;
}

const LAZY_ORDER_CHECK = 20_000;
const ORDER_SAMPLE = 1024;
/** Reductions kept per series: a chart and its overview reduce the same arrays at two widths. */
const KEPT_REDUCTIONS = 4;

const prepared = new WeakMap<object, WeakMap<object, Prepared>>();

/** The input as a sorted view, remembered by its time array. */
export function prepareSeries(input: TimeSeriesInput, key: string, baseKey: string): SeriesView {
  let byValues = prepared.get(input.t);
  if (!byValues) prepared.set(input.t, (byValues = new WeakMap()));
  let memo = byValues.get(input.v);
  if (!memo) {
    let t = toFloat64(input.t);
    let v = toFloat64(input.v);
    const length = Math.min(t.length, v.length);
    // Arrays grown by appendSeries only ever receive later times: sorted by construction.
    // Long series are checked for order while they are reduced (one pass, not two); a short
    // sample still catches one out of order from the start, sorted here rather than found
    // out halfway through the reduction.
    if (!isGrownSeries(t) && (length <= LAZY_ORDER_CHECK || !isSortedByTime(t.subarray(0, ORDER_SAMPLE)))) {
      if (!isSortedByTime(t.subarray(0, length))) ({ t, v } = sortByTime(t.subarray(0, length), v.subarray(0, length)));
    }
    memo = { t, v };
    byValues.set(input.v, memo);
  }
  const length = Math.min(memo.t.length, memo.v.length);
  return { key, baseKey, label: input.label, color: input.color, t: memo.t, v: memo.v, length, memo };
}

/** Sorts a series the reduction found out of order, and remembers the sorted copy. */
export function sortLate(view: SeriesView): void {
  const memo = view.memo;
  if (!memo || isSortedByTime(memo.t.subarray(0, view.length))) return;
  const sorted = sortByTime(memo.t.subarray(0, view.length), memo.v.subarray(0, view.length));
  memo.t = sorted.t;
  memo.v = sorted.v;
}

/** The series of a render with unique keys (a key given twice gets `#index`). */
export function prepareAll(inputs: readonly TimeSeriesInput[]): SeriesView[] {
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const key = seen.has(input.key) ? `${input.key}#${index}` : input.key;
    seen.add(key);
    return prepareSeries(input, key, key);
  });
}

/** First and last finite time of a sorted series. */
export function timeExtent(view: SeriesView): [number, number] {
  let lo = Number.NaN;
  let hi = Number.NaN;
  for (let i = 0; i < view.length; i++) {
    const x = view.t[i] as number;
    if (Number.isFinite(x)) {
      lo = x;
      break;
    }
  }
  for (let i = view.length - 1; i >= 0; i--) {
    const x = view.t[i] as number;
    if (Number.isFinite(x)) {
      hi = x;
      break;
    }
  }
  return [lo, hi];
}

/** Time extent of all the series, `[NaN, NaN]` when none has a finite time. */
export function fullExtent(views: readonly SeriesView[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const view of views) {
    const [a, b] = timeExtent(view);
    if (a < lo) lo = a;
    if (b > hi) hi = b;
  }
  return lo <= hi ? [lo, hi] : [Number.NaN, Number.NaN];
}

/** The visible index range `[start, end)` of a sorted series for a time domain. */
export function visibleRange(view: SeriesView, d0: number, d1: number): [number, number] {
  // The whole series in view: no search (and a long series not yet checked for order is
  // then reduced whole, which is where its order is checked).
  const [first, last] = timeExtent(view);
  if (d0 <= first && d1 >= last) return [0, view.length];
  const start = lowerBound(view.t, d0, 0, view.length);
  let end = lowerBound(view.t, d1, start, view.length);
  while (end < view.length && (view.t[end] as number) <= d1) end++;
  return [start, end];
}

interface StackMemo {
  baseT: Float64Array;
  t: Float64Array;
  below: Float64Array | undefined;
  length: number;
  values: Float64Array;
}
const stacks = new WeakMap<Float64Array, StackMemo>();

/** Cumulative layers for stacked areas (aligned on the first series' times); a gap counts as zero so layers stay closed. */
export function stackLayers(visible: readonly SeriesView[]): SeriesView[] {
  const base = visible[0];
  if (!base) return [];
  const layers: SeriesView[] = [];
  let sum: Float64Array | undefined;
  for (const view of visible) {
    const kept = stacks.get(view.v);
    let values: Float64Array;
    if (kept && kept.baseT === base.t && kept.t === view.t && kept.below === sum && kept.length === base.length) {
      values = kept.values;
    } else {
      values = new Float64Array(base.length);
      const sameTimes = view.t === base.t || (view.length === base.length && view.t[0] === base.t[0] && view.t[view.length - 1] === base.t[base.length - 1]);
      for (let i = 0; i < base.length; i++) {
        let value: number;
        if (sameTimes) value = view.v[i] as number;
        else {
          const at = lowerBound(view.t, base.t[i] as number, 0, view.length);
          value = view.t[at] === base.t[i] ? (view.v[at] as number) : Number.NaN;
        }
        const below = sum ? (sum[i] as number) : 0;
        values[i] = (Number.isFinite(value) ? value : 0) + (Number.isFinite(below) ? below : 0);
      }
      stacks.set(view.v, { baseT: base.t, t: view.t, below: sum, length: base.length, values });
    }
    layers.push({ key: `${view.key}#stack`, baseKey: view.baseKey, label: view.label, color: view.color, t: base.t, v: values, length: base.length });
    sum = values;
  }
  return layers;
}

interface Reduction {
  vKey: object;
  start: number;
  columns: ColumnBuckets;
}
const reductions = new WeakMap<object, Reduction[]>();

/** What a kept reduction is remembered by: a grown array's buffer (its views only get longer), else the array. */
function reductionKey(values: Float64Array): object {
  return isGrownSeries(values) ? values.buffer : values;
}

/**
 * The column reduction of a series for `range` at `bucketMs`: a kept one extended (not rebuilt)
 * when only new points arrived since, else a new one.
 */
export function columnsFor(view: SeriesView, range: [number, number], bucketMs: number): ColumnBuckets {
  const key = reductionKey(view.t);
  const vKey = reductionKey(view.v);
  const kept = reductions.get(key) ?? [];
  const hit = kept.find((entry) => entry.vKey === vKey && entry.start === range[0] && entry.columns.bucketMs === bucketMs && entry.columns.consumed <= range[1]);
  if (hit) {
    if (hit.columns.consumed < range[1]) hit.columns.add(view.t, view.v, hit.columns.consumed, range[1]);
    if (hit.columns.unsorted) throw new UnsortedSeries(view);
    return hit.columns;
  }
  // Sorted times fill at most one bucket per `bucketMs` of their span: sized to that, a
  // million points need a few thousand buckets, not megabytes of zeroed arrays (which also
  // push the garbage collector to run during the first paint). Columns grow if times go back.
  const points = range[1] - range[0];
  const spanBuckets = (((view.t[range[1] - 1] as number) - (view.t[range[0]] as number)) / bucketMs) | 0;
  const capacity = spanBuckets > 0 ? Math.min(spanBuckets + 16, points + 16) : Math.ceil(points / 4) + 16;
  const columns = new ColumnBuckets(bucketMs, Math.min(65_536, capacity));
  columns.add(view.t, view.v, range[0], range[1]);
  if (columns.unsorted) throw new UnsortedSeries(view);
  reductions.set(key, [{ vKey, start: range[0], columns }, ...kept.filter((entry) => entry.vKey === vKey)].slice(0, KEPT_REDUCTIONS));
  return columns;
}
