// The Mann–Kendall trend test and its two corrections, after the published formulas:
//   Mann (1945), Kendall (1975): S = Σ_{i<j} sign(x_j − x_i), tie-corrected variance
//     Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18, Z = (S ∓ 1)/√Var(S).
//   Hamed & Rao (1998): Var*(S) = Var(S) · n/n*, n/n* = 1 + 2/(n(n−1)(n−2)) Σ_k (n−k)(n−k−1)(n−k−2) ρ_k,
//     ρ_k the autocorrelation of the ranks of the Sen-detrended series, only lags significant at α.
//   Yue & Wang (2004): Var*(S) = Var(S) · n/n*, n/n* = 1 + 2 Σ_{k=1}^{n−1} (1 − k/n) ρ₁^k, ρ₁ the lag-one
//     autocorrelation of the Sen-detrended series, bias-corrected as (n·r₁ + 1)/(n − 4), used when
//     r₁ is significant at α.
//   Hirsch, Slack & Smith (1982): the seasonal Kendall test sums S and Var(S) over the seasons.
// Gaps (NaN) are skipped: the test runs on the finite values in their time order.
import { normalQuantile, twoSidedP } from './normal.js';
import { averageRanks, tieGroups } from './robust.js';
import { senSlope } from './theil-sen.js';

/** The result of a Mann–Kendall test (plain, Hamed–Rao corrected or seasonal). */
export interface KendallTest {
  /** Finite values used. */
  n: number;
  /** Kendall's S: concordant minus discordant pairs in time order. */
  s: number;
  /** Variance of S under no trend, tie-corrected (and autocorrelation-corrected for Hamed–Rao). */
  varS: number;
  /** Normal score of S (with the ±1 continuity correction unless turned off). */
  z: number;
  /** Two-sided p-value of `z`. */
  p: number;
  /** Kendall's tau-b between time and value (SciPy's `kendalltau`). */
  tau: number;
}

/** Kendall's S of the finite values of `x` in order, and their tie groups. */
function kendallS(x: ArrayLike<number>): { s: number; values: Float64Array } {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) n++;
  const values = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) values[j++] = x[i]!;
  let s = 0;
  for (let a = 0; a < n - 1; a++) {
    const va = values[a]!;
    for (let b = a + 1; b < n; b++) {
      const d = values[b]! - va;
      s += d > 0 ? 1 : d < 0 ? -1 : 0;
    }
  }
  return { s, values };
}

/** Var(S) under no trend with ties in the values (time has none). */
export function kendallVariance(n: number, ties: readonly number[]): number {
  let tieTerm = 0;
  for (const t of ties) tieTerm += t * (t - 1) * (2 * t + 5);
  return (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
}

function score(s: number, varS: number, continuity: boolean): number {
  if (!(varS > 0) || s === 0) return 0;
  const c = continuity ? 1 : 0;
  return s > 0 ? (s - c) / Math.sqrt(varS) : (s + c) / Math.sqrt(varS);
}

function tauB(s: number, n: number, ties: readonly number[]): number {
  const n0 = (n * (n - 1)) / 2;
  let n2 = 0;
  for (const t of ties) n2 += (t * (t - 1)) / 2;
  const denominator = Math.sqrt(n0 * (n0 - n2));
  return denominator > 0 ? s / denominator : Number.NaN;
}

/** Options of the Mann–Kendall tests. */
export interface KendallOptions {
  /** Subtract 1 from |S| before scaling (the usual MK score); false gives SciPy's `kendalltau` z. Default true. */
  continuity?: boolean;
}

/** The Mann–Kendall test on the finite values of `x` in time order. */
export function mannKendall(x: ArrayLike<number>, options: KendallOptions = {}): KendallTest {
  const { s, values } = kendallS(x);
  const n = values.length;
  const ties = tieGroups(values);
  const varS = n >= 2 ? kendallVariance(n, ties) : 0;
  const z = score(s, varS, options.continuity ?? true);
  return { n, s, varS, z, p: varS > 0 ? twoSidedP(z) : 1, tau: tauB(s, n, ties) };
}

/**
 * Relative size below which Sen-detrended residuals count as equal: rounding error, not data.
 * Removing a slope that fits exactly (0.1, 1.1, 2.1, …) leaves residuals that differ only in
 * the last bits of the float, and their ranks carry a pattern of rounding (strongly
 * autocorrelated) that would inflate Var(S) twentyfold and call a perfect ramp "flat".
 */
export const RESIDUAL_TOLERANCE = 1e-9;

/**
 * The finite values of `x` less Sen's slope times their `positions`, with differences within
 * {@link RESIDUAL_TOLERANCE} of the data's magnitude merged into exact ties (each run of
 * residuals closer than the tolerance to its smallest takes that value), and how many distinct
 * residuals remain (1: the line fits exactly; no autocorrelation can be measured).
 */
export function senResiduals(positions: ArrayLike<number>, x: ArrayLike<number>): { residuals: Float64Array; distinct: number } {
  const slope = senSlope(positions, x);
  const b = Number.isFinite(slope) ? slope : 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) n++;
  const residuals = new Float64Array(n);
  let scale = 0;
  let j = 0;
  for (let i = 0; i < x.length; i++) {
    const value = x[i]!;
    if (!Number.isFinite(value)) continue;
    const trend = b * positions[i]!;
    residuals[j++] = value - trend;
    scale = Math.max(scale, Math.abs(value), Math.abs(trend));
  }
  const tolerance = RESIDUAL_TOLERANCE * scale;
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => residuals[p]! - residuals[q]!);
  let distinct = 0;
  let anchor = Number.NaN;
  for (const i of order) {
    const r = residuals[i]!;
    if (distinct > 0 && r - anchor <= tolerance) residuals[i] = anchor;
    else {
      anchor = r;
      distinct++;
    }
  }
  return { residuals, distinct };
}

/** Options of the Hamed–Rao test. */
export interface HamedRaoOptions extends KendallOptions {
  /** Largest lag examined (default n − 3, every lag that contributes). */
  maxLag?: number;
  /** Level at which a lag's autocorrelation counts (default `alpha`). */
  lagAlpha?: number;
}

/** A Mann–Kendall test with the Hamed–Rao variance correction, and the factor it applied. */
export interface HamedRaoTest extends KendallTest {
  /** n/n*: the factor applied to Var(S) (1 when no lag is significant). */
  correction: number;
}

/**
 * The Mann–Kendall test with Hamed and Rao's (1998) variance correction for autocorrelation.
 * `positions` are the values' places on the time grid (index 0, 1, 3, … when one is missing),
 * used to remove the Sen slope before the ranks' autocorrelation is measured; `alpha` is the
 * level at which a lag counts as significant. By default every lag is examined at `alpha`, as
 * in Hamed and Rao's paper and pymannkendall; `maxLag` and `lagAlpha` narrow the screen (the
 * trend module examines 10 lags, 24 for hourly data, at alpha/maxLag: with every lag at alpha,
 * white noise finds "significant" lags by chance and the test rejects 8–9 % of the time instead
 * of 5 %). A factor that would be zero or negative (possible with strong negative
 * autocorrelation) is replaced by 1, and so is the factor of a series the Sen line fits exactly
 * (residuals equal to rounding error: see {@link senResiduals}).
 */
export function hamedRao(positions: ArrayLike<number>, x: ArrayLike<number>, alpha = 0.05, options: HamedRaoOptions = {}): HamedRaoTest {
  const plain = mannKendall(x, options);
  const n = plain.n;
  if (n < 3) return { ...plain, correction: 1 };
  const { residuals, distinct } = senResiduals(positions, x);
  // A line that fits exactly leaves nothing whose autocorrelation could be measured: no inflation.
  if (distinct < 2) return { ...plain, correction: 1 };
  const ranks = averageRanks(residuals);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += ranks[i]!;
  mean /= n;
  const y = ranks.map((rank) => rank - mean);
  let c0 = 0;
  for (let i = 0; i < n; i++) c0 += y[i]! * y[i]!;
  if (!(c0 > 0)) return { ...plain, correction: 1 };
  const bound = normalQuantile(1 - (options.lagAlpha ?? alpha) / 2) / Math.sqrt(n);
  const maxLag = Math.min(n - 3, options.maxLag ?? n);
  let sum = 0;
  for (let k = 1; k <= maxLag; k++) {
    let ck = 0;
    for (let i = 0; i + k < n; i++) ck += y[i]! * y[i + k]!;
    const rho = ck / c0;
    if (rho > bound || rho < -bound) sum += (n - k) * (n - k - 1) * (n - k - 2) * rho;
  }
  let correction = 1 + (2 / (n * (n - 1) * (n - 2))) * sum;
  if (!(correction > 0)) correction = 1;
  const varS = plain.varS * correction;
  const z = score(plain.s, varS, options.continuity ?? true);
  return { ...plain, varS, z, p: varS > 0 ? twoSidedP(z) : 1, correction };
}

/** A Mann–Kendall test with Yue and Wang's effective-sample-size correction. */
export interface YueWangTest extends KendallTest {
  /** n/n*: the factor applied to Var(S) (1 when the lag-one autocorrelation is not significant). */
  correction: number;
  /** The bias-corrected lag-one autocorrelation used (0 when not significant). */
  rho: number;
}

/**
 * The Mann–Kendall test with Yue and Wang's (2004) correction for lag-one autocorrelation:
 * the Sen slope (over `positions`) is removed, r₁ of the rest is measured and, when significant
 * at `alpha`, bias-corrected to (n·r₁ + 1)/(n − 4) (capped at 0.95) and turned into an effective
 * sample size. Gaps are skipped: r₁ is measured between consecutive finite values. A series the
 * Sen line fits exactly (to rounding error) has no r₁: factor 1.
 */
export function yueWang(positions: ArrayLike<number>, x: ArrayLike<number>, alpha = 0.05, options: KendallOptions = {}): YueWangTest {
  const plain = mannKendall(x, options);
  const n = plain.n;
  if (n < 5) return { ...plain, correction: 1, rho: 0 };
  const { residuals: detrended, distinct } = senResiduals(positions, x);
  if (distinct < 2) return { ...plain, correction: 1, rho: 0 };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += detrended[i]!;
  mean /= n;
  let c0 = 0;
  let c1 = 0;
  for (let i = 0; i < n; i++) {
    const d = detrended[i]! - mean;
    c0 += d * d;
    if (i > 0) c1 += d * (detrended[i - 1]! - mean);
  }
  if (!(c0 > 0)) return { ...plain, correction: 1, rho: 0 };
  const r1 = c1 / c0;
  if (Math.abs(r1) <= normalQuantile(1 - alpha / 2) / Math.sqrt(n)) return { ...plain, correction: 1, rho: 0 };
  const rho = Math.min(0.95, (n * r1 + 1) / (n - 4));
  let sum = 0;
  let power = 1;
  for (let k = 1; k < n; k++) {
    power *= rho;
    sum += (1 - k / n) * power;
  }
  let correction = 1 + 2 * sum;
  if (!(correction > 0)) correction = 1;
  const varS = plain.varS * correction;
  const z = score(plain.s, varS, options.continuity ?? true);
  return { ...plain, varS, z, p: varS > 0 ? twoSidedP(z) : 1, correction, rho };
}

/** A seasonal Kendall test: the sums over the seasons, and how many seasons took part. */
export interface SeasonalKendallTest extends KendallTest {
  seasons: number;
}

/**
 * The seasonal Kendall test (Hirsch et al. 1982): values grouped by `season` (an integer per
 * value, e.g. the month 0–11), S and Var(S) summed over the groups, each in time order, with
 * ties corrected within each season. `tau` is S over the number of within-season pairs.
 */
export function seasonalKendall(x: ArrayLike<number>, season: ArrayLike<number>, options: KendallOptions = {}): SeasonalKendallTest {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) continue;
    const key = season[i]!;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(x[i]!);
  }
  let s = 0;
  let varS = 0;
  let n = 0;
  let pairs = 0;
  let seasons = 0;
  for (const group of groups.values()) {
    n += group.length;
    if (group.length < 2) continue;
    const test = mannKendall(group);
    s += test.s;
    varS += test.varS;
    pairs += (group.length * (group.length - 1)) / 2;
    seasons++;
  }
  const z = score(s, varS, options.continuity ?? true);
  return { n, s, varS, z, p: varS > 0 ? twoSidedP(z) : 1, tau: pairs > 0 ? s / pairs : Number.NaN, seasons };
}
