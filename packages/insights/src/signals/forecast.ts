// A short forecast with a prediction interval: additive Holt–Winters with a damped trend
// (ETS(A,Ad,A)), smoothing parameters chosen by one-step squared error on a small grid, the
// h-step variance of Hyndman et al. (2008, table 6.1), and the first step at which the next
// worse band becomes more likely than not.
import type { Band, Indicator, TimeGrain } from '@ioc-kit/data';
import { normalCdf, normalQuantile } from '../stats/normal.js';
import { bandIndexOf } from '../status/status.js';
import { addGrain } from '../time-grid.js';

/** One forecast step. */
export interface ForecastStep {
  step: number;
  t: number;
  mean: number;
  low: number;
  high: number;
}

/** A likely crossing into a worse band (or past the target) within the horizon. */
export interface ForecastCrossing {
  /** The band the forecast enters (absent when the boundary is a target). */
  band?: Band;
  /** The boundary crossed, in the indicator's unit. */
  threshold: number;
  direction: 'up' | 'down';
  /** First step (1 = the next period) at which crossing is more likely than not. */
  step: number;
  t: number;
  /** Probability that the value is past the boundary at that step. */
  probability: number;
}

/** A forecast over a short horizon. */
export interface Forecast {
  method: 'holt-winters' | 'holt';
  /** Seasonal period in steps (0 for no season). */
  period: number;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  /** Residual standard deviation of the one-step errors. */
  sigma: number;
  /** Coverage of `low`–`high` (default 0.9). */
  confidence: number;
  steps: ForecastStep[];
  crossing?: ForecastCrossing;
}

/** Options of {@link forecastOf}. */
export interface ForecastOptions {
  grain: TimeGrain;
  /** Steps ahead (default 6 hours, 3 days, 2 weeks, 3 months, 2 quarters, 1 year). */
  horizon?: number;
  confidence?: number;
  /** A target to warn about when the indicator has no bands. */
  target?: number | null;
}

export const DEFAULT_HORIZON: Readonly<Record<TimeGrain, number>> = { hour: 6, day: 3, week: 2, month: 3, quarter: 2, year: 1 };
const PERIOD: Readonly<Record<TimeGrain, number>> = { hour: 24, day: 7, week: 0, month: 12, quarter: 4, year: 0 };
/** Values fitted: the recent past that says most about the next few steps. */
const FIT_LENGTH: Readonly<Record<TimeGrain, number>> = { hour: 14 * 24, day: 8 * 7, week: 52, month: 48, quarter: 16, year: 15 };
const PHI = 0.98;
const ALPHAS = [0.1, 0.3, 0.5, 0.7, 0.9];
const BETAS = [0.01, 0.1, 0.3];
const GAMMAS = [0.05, 0.2, 0.4];

interface Fit {
  sse: number;
  count: number;
  level: number;
  trend: number;
  season: Float64Array;
  /** Index into `season` of the next step. */
  next: number;
}

function run(x: Float64Array, m: number, alpha: number, beta: number, gamma: number): Fit {
  let level: number;
  let trend: number;
  const season = new Float64Array(Math.max(m, 1));
  let start: number;
  if (m > 0) {
    let first = 0;
    let second = 0;
    for (let i = 0; i < m; i++) {
      first += x[i]!;
      second += x[i + m]!;
    }
    first /= m;
    second /= m;
    level = first;
    trend = (second - first) / m;
    for (let i = 0; i < m; i++) season[i] = x[i]! - first;
    start = m;
  } else {
    level = x[0]!;
    trend = x[1]! - x[0]!;
    start = 1;
  }
  let sse = 0;
  let count = 0;
  for (let i = start; i < x.length; i++) {
    const s = m > 0 ? season[i % m]! : 0;
    const predicted = level + PHI * trend + s;
    const error = x[i]! - predicted;
    sse += error * error;
    count++;
    const previousLevel = level;
    level = previousLevel + PHI * trend + alpha * error;
    trend = PHI * trend + alpha * beta * error;
    if (m > 0) season[i % m] = s + gamma * error;
  }
  return { sse, count, level, trend, season, next: m > 0 ? x.length % m : 0 };
}

/** The recent values to fit, gaps filled by linear interpolation (null when too few or too gappy). */
function recentValues(v: ArrayLike<number>, length: number): { x: Float64Array; last: number } | null {
  let last = v.length - 1;
  while (last >= 0 && !Number.isFinite(v[last])) last--;
  if (last < 0) return null;
  const first = Math.max(0, last - length + 1);
  const x = Float64Array.from({ length: last - first + 1 }, (_, i) => v[first + i]!);
  let gaps = 0;
  let previous = -1;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      gaps++;
      continue;
    }
    if (previous >= 0 && i - previous > 1) for (let j = previous + 1; j < i; j++) x[j] = x[previous]! + ((x[i]! - x[previous]!) * (j - previous)) / (i - previous);
    previous = i;
  }
  // Leading gaps: start at the first value.
  let head = 0;
  while (head < x.length && !Number.isFinite(x[head])) head++;
  if (gaps > x.length * 0.25) return null;
  return { x: x.subarray(head), last };
}

/** The boundary of the next worse band from the latest value's band, or the target. */
function nextBoundary(indicator: Indicator, value: number, target: number | null | undefined): { threshold: number; direction: 'up' | 'down'; band?: Band } | null {
  const bands = indicator.bands;
  const index = bandIndexOf(bands, value);
  if (indicator.polarity === 'lower-is-better') {
    if (bands && index >= 0) return index + 1 < bands.length ? { threshold: bands[index + 1]!.from, direction: 'up', band: bands[index + 1]! } : null;
    return target !== undefined && target !== null && value <= target ? { threshold: target, direction: 'up' } : null;
  }
  if (indicator.polarity === 'higher-is-better') {
    if (bands && index >= 0) return index > 0 ? { threshold: bands[index]!.from, direction: 'down', band: bands[index - 1]! } : null;
    return target !== undefined && target !== null && value >= target ? { threshold: target, direction: 'down' } : null;
  }
  return null;
}

/** A short forecast of `series` and the first likely crossing into a worse band. Null with too little history. */
export function forecastOf(series: { t: ArrayLike<number>; v: ArrayLike<number> }, indicator: Indicator, options: ForecastOptions): Forecast | null {
  const { grain } = options;
  const horizon = options.horizon ?? DEFAULT_HORIZON[grain];
  const confidence = options.confidence ?? 0.9;
  const recent = recentValues(series.v, FIT_LENGTH[grain]);
  if (!recent || recent.x.length < 6) return null;
  const { x } = recent;
  const m = PERIOD[grain] > 0 && x.length >= 3 * PERIOD[grain] ? PERIOD[grain] : 0;
  let best: (Fit & { alpha: number; beta: number; gamma: number }) | null = null;
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      for (const gamma of m > 0 ? GAMMAS : [0]) {
        const fit = run(x, m, alpha, beta, gamma);
        if (!best || fit.sse < best.sse) best = { ...fit, alpha, beta, gamma };
      }
    }
  }
  if (!best || best.count < 3) return null;
  const parameters = 2 + (m > 0 ? 1 + m : 0);
  const sigma = Math.sqrt(best.sse / Math.max(1, best.count - Math.min(parameters, best.count - 1)));
  const z = normalQuantile(0.5 + confidence / 2);
  const lastT = series.t[recent.last]!;
  const steps: ForecastStep[] = [];
  let damp = 0;
  let varianceSum = 0;
  for (let h = 1; h <= horizon; h++) {
    damp += PHI ** h;
    const s = m > 0 ? best.season[(best.next + h - 1) % m]! : 0;
    const mean = best.level + damp * best.trend + s;
    // Var(h) = σ²[1 + Σ_{j<h} c_j²], c_j = α(1 + β Σ_{i≤j} φ^i) + γ·[j ≡ 0 mod m].
    if (h > 1) {
      const j = h - 1;
      let dampJ = 0;
      for (let i = 1; i <= j; i++) dampJ += PHI ** i;
      const c = best.alpha * (1 + best.beta * dampJ) + (m > 0 && j % m === 0 ? best.gamma : 0);
      varianceSum += c * c;
    }
    const sd = sigma * Math.sqrt(1 + varianceSum);
    steps.push({ step: h, t: addGrain(lastT, grain, h), mean, low: mean - z * sd, high: mean + z * sd });
  }
  const forecast: Forecast = { method: m > 0 ? 'holt-winters' : 'holt', period: m, alpha: best.alpha, beta: best.beta, gamma: best.gamma, phi: PHI, sigma, confidence, steps };
  const boundary = nextBoundary(indicator, series.v[recent.last]!, options.target ?? indicator.target);
  if (boundary && sigma >= 0) {
    for (const step of steps) {
      const sd = (step.high - step.mean) / z;
      const past = sd > 0 ? (boundary.direction === 'up' ? 1 - normalCdf((boundary.threshold - step.mean) / sd) : normalCdf((boundary.threshold - step.mean) / sd)) : boundary.direction === 'up' ? Number(step.mean >= boundary.threshold) : Number(step.mean < boundary.threshold);
      if (past >= 0.5) {
        forecast.crossing = { ...(boundary.band ? { band: boundary.band } : {}), threshold: boundary.threshold, direction: boundary.direction, step: step.step, t: step.t, probability: past };
        break;
      }
    }
  }
  return forecast;
}
