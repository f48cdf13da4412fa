// Order statistics without sorting everything: the Theil–Sen slope of n points has n(n−1)/2
// pairwise slopes, and the median and two confidence bounds are three selections in O(n²).

/**
 * Rearranges `a` so that a[k] is the k-th smallest (0-based) and returns it: Hoare selection
 * with a median-of-three pivot, in place. NaN must not be present.
 */
export function select(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as pivot, which keeps sorted and tied input linear.
    const x = a[lo]!, y = a[mid]!, z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const swap = a[i]!;
        a[i] = a[j]!;
        a[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** The finite values of `values`, copied. */
export function finiteValues(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (Number.isFinite(value)) out[j++] = value;
  }
  return out;
}

/** Median of the finite values (NaN when there are none); the average of the middle two when even. */
export function median(values: ArrayLike<number>): number {
  const a = finiteValues(values);
  return medianInPlace(a);
}

/** Median of `a`, which it reorders; `a` must hold no NaN. */
export function medianInPlace(a: Float64Array, lo = 0, hi = a.length - 1): number {
  const n = hi - lo + 1;
  if (n <= 0) return Number.NaN;
  const k = lo + ((n - 1) >> 1);
  const low = select(a, k, lo, hi);
  if (n % 2 === 1) return low;
  // The upper middle is the smallest value right of k.
  let high = Infinity;
  for (let i = k + 1; i <= hi; i++) if (a[i]! < high) high = a[i]!;
  return (low + high) / 2;
}

/**
 * Quantile `p` of the finite values with linear interpolation between order statistics
 * (NumPy's default, Hyndman–Fan type 7). NaN when there are none.
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  const a = finiteValues(values).sort();
  return quantileSorted(a, p);
}

/** Quantile `p` (type 7) of values already sorted ascending. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Median absolute deviation from `center` of the finite values (unscaled). */
export function mad(values: ArrayLike<number>, center = median(values)): number {
  const a = finiteValues(values);
  for (let i = 0; i < a.length; i++) a[i] = Math.abs(a[i]! - center);
  return medianInPlace(a);
}

/** Ranks 1..n with ties given their average rank (SciPy's `rankdata`, method 'average'). */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Sizes of the groups of equal values (only groups of 2 or more). */
export function tieGroups(values: ArrayLike<number>): number[] {
  const sorted = Float64Array.from(values).sort();
  const groups: number[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[i]) j++;
    if (j > i) groups.push(j - i + 1);
    i = j + 1;
  }
  return groups;
}

/** NumPy's `round`: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
