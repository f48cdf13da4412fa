// Change points in the level of a series by binary segmentation (Scott & Knott 1974; Killick et
// al. 2012 compare it with PELT): the split that most reduces the residual sum of squares is
// kept when the reduction pays a BIC-style penalty, and each side is searched again. O(n log n)
// with prefix sums. The noise scale is robust and long-run: its spread around a running median
// (steps barely move it), widened by the lag-one autocorrelation (1+ρ)/(1−ρ), so neighbours
// that are alike by nature (hourly air quality) do not read as a string of level changes. A split
// is kept only when two levels fit better than a straight line, so a steady trend (a ramp) is a
// trend, not a staircase of level shifts.
import { medianInPlace } from '../stats/robust.js';

/** A change in the level of a series. */
export interface ChangePoint {
  /** Index (in the input) of the first value of the new segment. */
  index: number;
  t: number;
  /** Mean of the segment before and after. */
  before: number;
  after: number;
  /** after − before. */
  shift: number;
}

/** Options of {@link changePointsOf}. */
export interface ChangePointOptions {
  /** Penalty per change, in multiples of σ²·ln n (default 3). */
  penalty?: number;
  /** Fewest values in a segment (default 6). */
  minSegment?: number;
  /** Smallest |shift| reported, in multiples of the noise σ (default 1). */
  minShift?: number;
}

function robustScale(values: Float64Array): number {
  const a = values.slice();
  const centre = medianInPlace(a);
  for (let i = 0; i < a.length; i++) a[i] = Math.abs(values[i]! - centre);
  return 1.4826 * medianInPlace(a);
}

/**
 * The long-run noise σ of `x`: the robust σ of its departures from a running median of
 * `2·half+1` values, times √((1+ρ)/(1−ρ)) with ρ (0–0.9) read from the first differences.
 * Long series are sampled (at most ~250 departures): a scale needs no more.
 */
export function longRunScale(x: Float64Array, half: number): { sigma: number; rho: number } {
  const n = x.length;
  if (n < 3) return { sigma: 0, rho: 0 };
  const stride = Math.max(1, Math.floor(n / 250));
  const departures = new Float64Array(Math.ceil(n / stride));
  const window = new Float64Array(2 * half + 1);
  let count = 0;
  for (let i = 0; i < n; i += stride) {
    const lo = Math.max(0, i - half);
    const hi = Math.min(n - 1, i + half);
    for (let j = lo; j <= hi; j++) window[j - lo] = x[j]!;
    departures[count++] = x[i]! - medianInPlace(window, 0, hi - lo);
  }
  const sigmaX = robustScale(departures.subarray(0, count));
  const diffs = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) diffs[i - 1] = x[i]! - x[i - 1]!;
  const sigmaD = robustScale(diffs);
  if (!(sigmaX > 0)) return { sigma: sigmaD / Math.SQRT2, rho: 0 };
  // Var(Δx) = 2σ²(1 − ρ) for a stationary series.
  const rho = Math.min(0.9, Math.max(0, 1 - (sigmaD * sigmaD) / (2 * sigmaX * sigmaX)));
  return { sigma: sigmaX * Math.sqrt((1 + rho) / (1 - rho)), rho };
}

/**
 * Change points of the finite values of `v` (times `t`), oldest first. `v` may already have its
 * seasonal pattern removed (the insights pass residuals from the seasonal baseline).
 */
export function changePointsOf(t: ArrayLike<number>, v: ArrayLike<number>, options: ChangePointOptions = {}): ChangePoint[] {
  const index: number[] = [];
  for (let i = 0; i < v.length; i++) if (Number.isFinite(v[i])) index.push(i);
  const n = index.length;
  const minSegment = Math.max(2, options.minSegment ?? 6);
  if (n < 2 * minSegment) return [];
  const x = Float64Array.from(index, (i) => v[i]!);
  const { sigma } = longRunScale(x, 2 * minSegment);
  if (!(sigma > 0)) return [];
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  const sk = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    s1[i + 1] = s1[i]! + x[i]!;
    s2[i + 1] = s2[i]! + x[i]! * x[i]!;
    sk[i + 1] = sk[i]! + i * x[i]!;
  }
  // Residual sum of squares of x[a..b) about its mean, in units of σ².
  const cost = (a: number, b: number): number => {
    const sum = s1[b]! - s1[a]!;
    return (s2[b]! - s2[a]! - (sum * sum) / (b - a)) / (sigma * sigma);
  };
  // Residual sum of squares of x[a..b) about its least-squares line (in σ²): Σk and Σk² of the
  // positions a..b−1 in closed form, Σk·x from the prefix sums.
  const lineCost = (a: number, b: number): number => {
    const m = b - a;
    const sum = s1[b]! - s1[a]!;
    const sumK = ((a + b - 1) * m) / 2;
    const sxx = s2[b]! - s2[a]! - (sum * sum) / m;
    const skk = (m * (m * m - 1)) / 12;
    const skx = sk[b]! - sk[a]! - (sumK * sum) / m;
    return Math.max(0, sxx - (skk > 0 ? (skx * skx) / skk : 0)) / (sigma * sigma);
  };
  const beta = (options.penalty ?? 3) * Math.log(n);
  const cuts: number[] = [];
  const stack: [number, number][] = [[0, n]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    if (b - a < 2 * minSegment) continue;
    const whole = cost(a, b);
    let gain = 0;
    let at = -1;
    for (let k = a + minSegment; k <= b - minSegment; k++) {
      const reduction = whole - cost(a, k) - cost(k, b);
      if (reduction > gain) {
        gain = reduction;
        at = k;
      }
    }
    if (at < 0 || gain <= beta) continue;
    // A steady trend is not a level shift: two levels must fit the segment better than one line
    // (a ramp cut in two leaves two saw-teeth; a line leaves only the noise).
    if (whole - gain >= lineCost(a, b)) continue;
    cuts.push(at);
    stack.push([a, at], [at, b]);
  }
  cuts.sort((p, q) => p - q);
  const bounds = [0, ...cuts, n];
  const points: ChangePoint[] = [];
  const minShift = (options.minShift ?? 1) * sigma;
  for (let k = 1; k < bounds.length - 1; k++) {
    const a = bounds[k - 1]!, b = bounds[k]!, c = bounds[k + 1]!;
    const before = (s1[b]! - s1[a]!) / (b - a);
    const after = (s1[c]! - s1[b]!) / (c - b);
    if (Math.abs(after - before) < minShift) continue;
    const at = index[b]!;
    points.push({ index: at, t: t[at]!, before, after, shift: after - before });
  }
  return points;
}
