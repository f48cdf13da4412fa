// Sen's (1968) slope: the median of the pairwise slopes, with the rank-based confidence interval
// of Sen's eq. 2.6 as SciPy's `theilslopes` computes it (its default 'separate' intercept,
// NumPy's half-to-even rounding of the bounds' ranks). Selections instead of a sort keep it
// linear in the number of pairs.
import { normalQuantile } from './normal.js';
import { median, medianInPlace, roundHalfEven, select, tieGroups } from './robust.js';

/** Sen's slope with its confidence interval. */
export interface SenSlope {
  /** Median pairwise slope, per unit of `positions`. */
  slope: number;
  /** median(v) − slope · median(t). */
  intercept: number;
  /** Lower and upper bound of the slope's confidence interval (NaN when it cannot be formed). */
  low: number;
  high: number;
  /** Finite points used. */
  n: number;
}

/** The pairwise slopes (v_j − v_i)/(t_j − t_i), t_j > t_i, of the points where v is finite. */
export function pairwiseSlopes(t: ArrayLike<number>, v: ArrayLike<number>): Float64Array {
  const ts: number[] = [];
  const vs: number[] = [];
  for (let i = 0; i < v.length; i++) {
    if (Number.isFinite(v[i]) && Number.isFinite(t[i])) {
      ts.push(t[i]!);
      vs.push(v[i]!);
    }
  }
  const n = ts.length;
  const out = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) {
      const dt = ts[j]! - ts[i]!;
      if (dt > 0) out[k++] = (vs[j]! - vs[i]!) / dt;
      else if (dt < 0) out[k++] = (vs[i]! - vs[j]!) / -dt;
    }
  }
  return k === out.length ? out : out.subarray(0, k);
}

/** Just the slope: the median pairwise slope (NaN for fewer than two points). */
export function senSlope(t: ArrayLike<number>, v: ArrayLike<number>): number {
  return medianInPlace(pairwiseSlopes(t, v));
}

/**
 * The order statistics [low, high] of `slopes` (reordered in place) bounding a `confidence`
 * interval, given the variance of Kendall's S (Sen 1968, eq. 2.6; SciPy's `theilslopes`).
 */
export function senInterval(slopes: Float64Array, varS: number, confidence = 0.95): [number, number] {
  const nt = slopes.length;
  const z = normalQuantile((1 - confidence) / 2);
  const sigma = Math.sqrt(varS);
  if (!(nt > 0) || !Number.isFinite(sigma)) return [Number.NaN, Number.NaN];
  const upper = Math.min(roundHalfEven((nt - z * sigma) / 2), nt - 1);
  const lower = Math.max(roundHalfEven((nt + z * sigma) / 2) - 1, 0);
  if (upper < 0 || lower > nt - 1) return [Number.NaN, Number.NaN];
  return [select(slopes, lower), select(slopes, upper)];
}

/**
 * Theil–Sen regression of `v` on `t` (NaN values skipped) with a `confidence` interval for the
 * slope. `varS` replaces the tie-corrected Var(S) when given (a Hamed–Rao corrected one widens
 * the interval for autocorrelated data).
 */
export function theilSen(t: ArrayLike<number>, v: ArrayLike<number>, confidence = 0.95, varS?: number): SenSlope {
  const slopes = pairwiseSlopes(t, v);
  const ts: number[] = [];
  const vs: number[] = [];
  for (let i = 0; i < v.length; i++) {
    if (Number.isFinite(v[i]) && Number.isFinite(t[i])) {
      ts.push(t[i]!);
      vs.push(v[i]!);
    }
  }
  const n = ts.length;
  if (slopes.length === 0) return { slope: Number.NaN, intercept: Number.NaN, low: Number.NaN, high: Number.NaN, n };
  const slope = medianInPlace(slopes);
  let variance = varS;
  if (variance === undefined) {
    let tieTerm = 0;
    for (const k of tieGroups(ts)) tieTerm += k * (k - 1) * (2 * k + 5);
    for (const k of tieGroups(vs)) tieTerm += k * (k - 1) * (2 * k + 5);
    variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  }
  const [low, high] = senInterval(slopes, variance, confidence);
  return { slope, intercept: median(vs) - slope * median(ts), low, high, n };
}

/**
 * The seasonal Sen slope (Hirsch et al. 1982): the median of the pairwise slopes within each
 * season, with the interval from the seasonal Var(S).
 */
export function seasonalSen(t: ArrayLike<number>, v: ArrayLike<number>, season: ArrayLike<number>, varS: number, confidence = 0.95): SenSlope {
  const groups = new Map<number, { t: number[]; v: number[] }>();
  const allT: number[] = [];
  const allV: number[] = [];
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i]) || !Number.isFinite(t[i])) continue;
    let group = groups.get(season[i]!);
    if (!group) groups.set(season[i]!, (group = { t: [], v: [] }));
    group.t.push(t[i]!);
    group.v.push(v[i]!);
    allT.push(t[i]!);
    allV.push(v[i]!);
  }
  const parts = [...groups.values()].map((group) => pairwiseSlopes(group.t, group.v));
  const slopes = new Float64Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    slopes.set(part, offset);
    offset += part.length;
  }
  if (slopes.length === 0) return { slope: Number.NaN, intercept: Number.NaN, low: Number.NaN, high: Number.NaN, n: allV.length };
  const slope = medianInPlace(slopes);
  const [low, high] = senInterval(slopes, varS, confidence);
  return { slope, intercept: median(allV) - slope * median(allT), low, high, n: allV.length };
}
