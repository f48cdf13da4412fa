/**
 * Input hygiene for series: typed arrays in, typed arrays out, no per-point objects, so a
 * million points cost 16 MB and not a hundred.
 */

/** The values as a Float64Array: the same array when it already is one, else a copy with non-numbers as NaN. */
export function toFloat64(values: unknown): Float64Array {
  if (values instanceof Float64Array) return values;
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) return new Float64Array(0);
  const list = values as ArrayLike<unknown>;
  const out = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const value = list[i];
    out[i] = typeof value === 'number' ? value : Number.NaN;
  }
  return out;
}

/** True when the finite times never go backwards (non-finite times are gaps and ignored). */
export function isSortedByTime(t: Float64Array): boolean {
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < t.length; i++) {
    const x = t[i] as number;
    if (x - x !== 0) continue;
    if (x < previous) return false;
    previous = x;
  }
  return true;
}

/** Copies of `t` and `v` ordered by time (stable for equal times); non-finite times go last. */
export function sortByTime(t: Float64Array, v: Float64Array): { t: Float64Array; v: Float64Array } {
  const n = Math.min(t.length, v.length);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const key = (i: number) => {
    const x = t[i] as number;
    return Number.isFinite(x) ? x : Number.POSITIVE_INFINITY;
  };
  order.sort((a, b) => key(a) - key(b) || a - b);
  const sortedT = new Float64Array(n);
  const sortedV = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const from = order[i] as number;
    sortedT[i] = t[from] as number;
    sortedV[i] = v[from] as number;
  }
  return { t: sortedT, v: sortedV };
}

/** First index whose time is ≥ `x` in a time-sorted array (non-finite times sort last). */
export function lowerBound(t: Float64Array, x: number, from = 0, to = t.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((t[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Lowest and highest finite time and value, in one pass. */
export function extentOf(values: Float64Array, from = 0, to = values.length): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = from; i < to; i++) {
    const x = values[i] as number;
    if (x - x !== 0) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return lo <= hi ? [lo, hi] : [Number.NaN, Number.NaN];
}

/** Index of the last finite value, or -1. */
export function lastFiniteIndex(values: Float64Array, to = values.length): number {
  for (let i = to - 1; i >= 0; i--) if (Number.isFinite(values[i])) return i;
  return -1;
}

/**
 * Buffers made by `appendSeries`, with how many points of each are in use. Such a buffer is
 * only ever written past that mark, so every view of it is a prefix of the longest one and
 * what a shorter view saw never changes.
 */
const grown = new WeakMap<ArrayBufferLike, { used: number }>();

/** True when `values` is a view made by `appendSeries` (sorted by time when it holds times). */
export function isGrownSeries(values: Float64Array): boolean {
  return grown.has(values.buffer);
}

/**
 * A series with live points added at its end, as new arrays; the arrays given are never
 * written. Times earlier than the series' last are ignored (live data only moves forward).
 * Amortised O(1) per point: the result is a view of a buffer with room to spare, which the
 * next append fills in place when it extends the newest view of that buffer (an older view
 * is copied instead, so no result ever changes under its holder). Unsorted input is sorted
 * when it is first copied.
 */
export function appendSeries(
  t: Float64Array | readonly number[],
  v: Float64Array | readonly number[],
  times: ArrayLike<number>,
  values: ArrayLike<number>,
): { t: Float64Array; v: Float64Array } {
  let baseT = toFloat64(t);
  let baseV = toFloat64(v);
  let length = Math.min(baseT.length, baseV.length);
  baseT = baseT.subarray(0, length);
  baseV = baseV.subarray(0, length);
  const count = Math.min(times.length, values.length);
  const tInfo = grown.get(baseT.buffer);
  const vInfo = grown.get(baseV.buffer);
  // In place only at the end of the newest view of a buffer this function made.
  const inPlace =
    tInfo !== undefined &&
    vInfo !== undefined &&
    baseT.byteOffset === 0 &&
    baseV.byteOffset === 0 &&
    tInfo.used === length &&
    vInfo.used === length &&
    baseT.buffer.byteLength >= (length + count) * 8 &&
    baseV.buffer.byteLength >= (length + count) * 8;
  let bufT: Float64Array;
  let bufV: Float64Array;
  if (inPlace) {
    bufT = new Float64Array(baseT.buffer, 0, baseT.buffer.byteLength / 8);
    bufV = new Float64Array(baseV.buffer, 0, baseV.buffer.byteLength / 8);
  } else {
    if (!tInfo && !isSortedByTime(baseT)) ({ t: baseT, v: baseV } = sortByTime(baseT, baseV));
    // Grow by half again: amortised O(1) per point, and never more than 1.5x spare.
    const capacity = Math.max(length + count, Math.ceil(length * 1.5), 1024);
    bufT = new Float64Array(capacity);
    bufV = new Float64Array(capacity);
    bufT.set(baseT);
    bufV.set(baseV);
  }
  let lastTime = Number.NEGATIVE_INFINITY;
  const lastAt = lastFiniteIndex(baseT, length);
  if (lastAt >= 0) lastTime = bufT[lastAt] as number;
  for (let i = 0; i < count; i++) {
    const time = Number(times[i]);
    const value = Number(values[i]);
    if (Number.isFinite(time) && time < lastTime) continue;
    bufT[length] = time;
    bufV[length] = value;
    length++;
    if (Number.isFinite(time)) lastTime = time;
  }
  grown.set(bufT.buffer, { used: length });
  grown.set(bufV.buffer, { used: length });
  return { t: bufT.subarray(0, length), v: bufV.subarray(0, length) };
}

const sortedMemo = new WeakMap<object, WeakMap<object, { t: Float64Array; v: Float64Array }>>();

/**
 * A series as typed arrays in time order: the same arrays when they already are, else sorted
 * copies; remembered by the arrays given, so asking again for the same series costs nothing.
 */
export function timeSorted(t: Float64Array | readonly number[], v: Float64Array | readonly number[]): { t: Float64Array; v: Float64Array } {
  let byValues = sortedMemo.get(t);
  if (!byValues) sortedMemo.set(t, (byValues = new WeakMap()));
  let kept = byValues.get(v);
  if (!kept) {
    const times = toFloat64(t);
    const values = toFloat64(v);
    kept = isGrownSeries(times) || isSortedByTime(times) ? { t: times, v: values } : sortByTime(times, values);
    byValues.set(v, kept);
  }
  return kept;
}
