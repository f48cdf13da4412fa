/**
 * Reductions that let a chart draw a million points as a few thousand vertices without
 * losing a peak: per pixel column, keep the first, lowest, highest and last value (M4), which
 * draws the same pixels as the full line; and LTTB for picking representative points.
 */

/** Columns narrower than a pixel: `bucketMs` is a power of two, so buckets stay aligned as data grows. */
export function bucketWidthFor(spanMs: number, pixels: number): number {
  const perPixel = spanMs / Math.max(1, pixels);
  if (!Number.isFinite(perPixel) || perPixel <= 0) return 1;
  return 2 ** Math.floor(Math.log2(perPixel));
}

/**
 * M4 buckets of a time-sorted series, aligned to multiples of `bucketMs` since the epoch.
 * Points can be added at the end (live data) in O(1) each: only the last bucket changes, so
 * history is never reduced again. Non-finite values close the current bucket and mark the
 * next one as starting after a gap.
 */
export class ColumnBuckets {
  readonly bucketMs: number;
  /** Number of buckets in use. */
  count = 0;
  /** Bucket index: the bucket covers `[key * bucketMs, (key + 1) * bucketMs)`. */
  key: Float64Array;
  first: Float64Array;
  min: Float64Array;
  max: Float64Array;
  last: Float64Array;
  /** 1 when a gap (NaN) comes before this bucket: the line breaks there. */
  gapBefore: Uint8Array;
  /** Raw index one past the last point consumed. */
  consumed = 0;
  /**
   * True when a time went backwards: the buckets are then wrong and the caller must sort and
   * reduce again. Checking here saves a separate pass over a million times.
   */
  unsorted = false;
  private lastTime = Number.NEGATIVE_INFINITY;
  private open = false;
  private pendingGap = false;

  constructor(bucketMs: number, capacity = 256) {
    this.bucketMs = bucketMs > 0 && Number.isFinite(bucketMs) ? bucketMs : 1;
    const size = Math.max(16, capacity);
    this.key = new Float64Array(size);
    this.first = new Float64Array(size);
    this.min = new Float64Array(size);
    this.max = new Float64Array(size);
    this.last = new Float64Array(size);
    this.gapBefore = new Uint8Array(size);
  }

  private grow(): void {
    const size = this.key.length * 2;
    const copy = <A extends Float64Array | Uint8Array>(from: A, to: A): A => {
      to.set(from);
      return to;
    };
    this.key = copy(this.key, new Float64Array(size));
    this.first = copy(this.first, new Float64Array(size));
    this.min = copy(this.min, new Float64Array(size));
    this.max = copy(this.max, new Float64Array(size));
    this.last = copy(this.last, new Float64Array(size));
    this.gapBefore = copy(this.gapBefore, new Uint8Array(size));
  }

  /** Adds points `[start, end)`; their times must not precede the points already added. */
  add(t: Float64Array, v: Float64Array, start: number, end: number): void {
    const bucketMs = this.bucketMs;
    let n = this.count;
    let open = this.open;
    let gap = this.pendingGap;
    let key = open ? (this.key[n - 1] ?? Number.NaN) : Number.NaN;
    // Times are sorted: a point stays in the open bucket until it reaches the next edge, so
    // the division is only done once per bucket, not once per point.
    let edge = open ? (key + 1) * bucketMs : Number.NEGATIVE_INFINITY;
    let previous = this.lastTime;
    let unsorted = false;
    let lo = open ? (this.min[n - 1] ?? 0) : 0;
    let hi = open ? (this.max[n - 1] ?? 0) : 0;
    let last = open ? (this.last[n - 1] ?? 0) : 0;
    let i = start;
    const scratch = new Float64Array(4);
    while (i < end) {
      // The common case, in a small function of its own: sorted, finite points that fall in
      // the open bucket. A first render runs this before anything is optimised, and a small
      // loop is compiled (on-stack) much sooner than this whole method.
      if (edge > Number.NEGATIVE_INFINITY) {
        scratch[0] = lo;
        scratch[1] = hi;
        scratch[2] = last;
        scratch[3] = previous;
        i = scanBucket(t, v, i, end, edge, scratch);
        lo = scratch[0];
        hi = scratch[1];
        last = scratch[2];
        previous = scratch[3];
      }
      if (i >= end) break;
      const y = v[i] as number;
      const x = t[i] as number;
      i++;
      // `a - a === 0` is false exactly for NaN and ±Infinity, without a call per point.
      if (y - y !== 0 || x - x !== 0) {
        if (open) {
          this.min[n - 1] = lo;
          this.max[n - 1] = hi;
          this.last[n - 1] = last;
          open = false;
          edge = Number.NEGATIVE_INFINITY;
        }
        gap = true;
        continue;
      }
      if (x < previous) unsorted = true;
      previous = x;
      const k = Math.floor(x / bucketMs);
      if (open && k === key) {
        if (y < lo) lo = y;
        else if (y > hi) hi = y;
        last = y;
        continue;
      }
      edge = (k + 1) * bucketMs;
      if (open) {
        this.min[n - 1] = lo;
        this.max[n - 1] = hi;
        this.last[n - 1] = last;
      }
      if (n === this.key.length) this.grow();
      this.key[n] = k;
      this.first[n] = y;
      this.gapBefore[n] = gap ? 1 : 0;
      n++;
      key = k;
      lo = hi = last = y;
      gap = false;
      open = true;
    }
    if (open) {
      this.min[n - 1] = lo;
      this.max[n - 1] = hi;
      this.last[n - 1] = last;
    }
    this.count = n;
    this.lastTime = previous;
    if (unsorted) this.unsorted = true;
    this.open = open;
    this.pendingGap = gap;
    this.consumed = Math.max(this.consumed, end);
  }

  /** Index of the first bucket whose key is ≥ `key` (binary search). */
  lowerBound(key: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.key[mid] as number) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Lowest and highest value of the buckets `[from, to)`; `[NaN, NaN]` when none. */
  extent(from = 0, to = this.count): [number, number] {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = from; i < to; i++) {
      const a = this.min[i] as number;
      const b = this.max[i] as number;
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    return lo <= hi ? [lo, hi] : [Number.NaN, Number.NaN];
  }
}

/**
 * Takes points from `i` while they stay sorted, finite and before `edge` into the open bucket
 * whose low, high, last value and last time are in `state` (updated in place); returns the
 * index of the first point it did not take.
 */
function scanBucket(t: Float64Array, v: Float64Array, i: number, end: number, edge: number, state: Float64Array): number {
  let lo = state[0] as number;
  let hi = state[1] as number;
  let last = state[2] as number;
  let previous = state[3] as number;
  for (; i < end; i++) {
    const x = t[i] as number;
    if (!(x < edge && x >= previous)) break;
    const y = v[i] as number;
    if (y - y !== 0) break;
    if (y < lo) lo = y;
    else if (y > hi) hi = y;
    last = y;
    previous = x;
  }
  state[0] = lo;
  state[1] = hi;
  state[2] = last;
  state[3] = previous;
  return i;
}

/**
 * Largest-Triangle-Three-Buckets: indices of about `threshold` points that keep the shape of
 * the series `[start, end)`. Non-finite points are skipped; first and last finite points kept.
 */
export function lttb(t: ArrayLike<number>, v: ArrayLike<number>, threshold: number, start = 0, end = Math.min(t.length, v.length)): Uint32Array {
  const finite: number[] = [];
  for (let i = start; i < end; i++) {
    if (Number.isFinite(t[i]) && Number.isFinite(v[i])) finite.push(i);
  }
  const n = finite.length;
  const wanted = Math.max(2, Math.floor(threshold));
  if (n <= wanted || n < 3) return Uint32Array.from(finite);
  const out = new Uint32Array(wanted);
  const every = (n - 2) / (wanted - 2);
  let a = 0;
  out[0] = finite[0] as number;
  for (let bucket = 0; bucket < wanted - 2; bucket++) {
    const nextStart = Math.floor((bucket + 1) * every) + 1;
    const nextEnd = Math.min(n, Math.floor((bucket + 2) * every) + 1);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      const index = finite[j] as number;
      avgX += t[index] as number;
      avgY += v[index] as number;
    }
    const size = Math.max(1, nextEnd - nextStart);
    avgX /= size;
    avgY /= size;
    const rangeStart = Math.floor(bucket * every) + 1;
    const rangeEnd = Math.floor((bucket + 1) * every) + 1;
    const pointA = finite[a] as number;
    const ax = t[pointA] as number;
    const ay = v[pointA] as number;
    let best = -1;
    let chosen = rangeStart;
    for (let j = rangeStart; j < rangeEnd; j++) {
      const index = finite[j] as number;
      const area = Math.abs((ax - avgX) * ((v[index] as number) - ay) - (ax - (t[index] as number)) * (avgY - ay));
      if (area > best) {
        best = area;
        chosen = j;
      }
    }
    out[bucket + 1] = finite[chosen] as number;
    a = chosen;
  }
  out[wanted - 1] = finite[n - 1] as number;
  return out;
}
