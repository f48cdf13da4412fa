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
