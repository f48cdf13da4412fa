// The trend of one series over a window: a Mann–Kendall family test for "is there a monotonic
// trend" and Sen's slope for "how steep", both robust to outliers and free of any distribution.
// The test follows the data's grain: the seasonal Kendall test for monthly and quarterly data
// (the months are not compared with each other); for hourly, daily and weekly data (whose
// neighbours are alike, which inflates a plain test) the Mann–Kendall variance is corrected for
// autocorrelation by the larger of two factors: Hamed–Rao's over the significant lags (which
// sees a daily cycle at lag 24) and Yue–Wang's from the bias-corrected lag-one autocorrelation
// (which holds α for AR(1) noise where Hamed–Rao alone rejects 10–12 % of the time).
import type { Polarity, TimeGrain } from '@ioc-kit/data';
import { hamedRao, mannKendall, seasonalKendall, yueWang, type KendallTest } from '../stats/kendall.js';
import { median } from '../stats/robust.js';
import { seasonalSen, theilSen } from '../stats/theil-sen.js';
import { gridPositions, monthOfYear, periodIndex, quarterOfYear } from '../time-grid.js';

/** Which way a series goes: a direction only when the test is significant at `alpha`. */
export type TrendDirection = 'rising' | 'falling' | 'flat' | 'unknown';
/** The direction read through the indicator's polarity (`changing` for a neutral indicator). */
export type TrendVerdict = 'improving' | 'worsening' | 'stable' | 'changing' | 'unknown';
/**
 * The test behind a trend: plain Mann–Kendall, one autocorrelation correction, `corrected` (the
 * larger of the Hamed–Rao and Yue–Wang factors), or the seasonal Kendall test.
 */
export type TrendMethod = 'mann-kendall' | 'hamed-rao' | 'yue-wang' | 'corrected' | 'seasonal-kendall';

/** How to read a trend. Only `grain` is required. */
export interface TrendOptions {
  grain: TimeGrain;
  polarity?: Polarity;
  /** Periods of `grain` back from the last value (default: 7 days of hours, 30 days, 26 weeks, 36 months, 20 quarters, 10 years). */
  window?: number;
  /** Significance level (default 0.05). */
  alpha?: number;
  /** Confidence of the slope's interval (default 0.95). */
  confidence?: number;
  /** The test (default `auto`: seasonal Kendall for months and quarters over two cycles, `corrected` for hours, days and weeks, else Mann–Kendall). */
  method?: TrendMethod | 'auto';
}

/** A trend over a window, with the statistics behind it. */
export interface Trend {
  direction: TrendDirection;
  verdict: TrendVerdict;
  /** p < alpha. */
  significant: boolean;
  method: TrendMethod;
  alpha: number;
  /** Finite values in the window. */
  n: number;
  s: number;
  varS: number;
  z: number;
  p: number;
  tau: number;
  /** The factor n/n* applied to Var(S), when an autocorrelation correction ran. */
  correction?: number;
  grain: TimeGrain;
  /** Sen's slope per period of `grain`, in the indicator's unit, and its confidence interval. */
  slope: number;
  slopeLow: number;
  slopeHigh: number;
  /** Periods from the window's first value to its last. */
  periods: number;
  /** Change over the window along the fitted line (slope × periods), in the indicator's unit. */
  change: number;
  /** `change` as a percentage of the fitted starting level; null where that level is zero, under half the median |value|, or the values change sign. */
  changePercent: number | null;
  /** Epoch ms of the window's first and last value (NaN when there is none). */
  from: number;
  to: number;
  /** Why there is no direction: fewer than 4 values, or all equal. */
  reason?: 'too-few-points' | 'constant';
}

/** Default window per grain, in periods. */
export const DEFAULT_TREND_WINDOW: Readonly<Record<TimeGrain, number>> = { hour: 168, day: 30, week: 26, month: 36, quarter: 20, year: 10 };

/** Fewer values than this give no direction. */
export const MIN_TREND_POINTS = 4;

function verdictOf(direction: TrendDirection, polarity: Polarity): TrendVerdict {
  if (direction === 'unknown') return 'unknown';
  if (direction === 'flat') return 'stable';
  if (polarity === 'neutral') return 'changing';
  return (direction === 'rising') === (polarity === 'higher-is-better') ? 'improving' : 'worsening';
}

function autoMethod(grain: TimeGrain, positions: Float64Array, n: number): TrendMethod {
  const cycle = grain === 'month' ? 12 : grain === 'quarter' ? 4 : 0;
  if (cycle && n > 0 && positions[positions.length - 1]! >= 2 * cycle) return 'seasonal-kendall';
  return grain === 'hour' || grain === 'day' || grain === 'week' ? 'corrected' : 'mann-kendall';
}

/** The trend of `series` over its last `window` periods. */
export function trendOf(series: { t: ArrayLike<number>; v: ArrayLike<number> }, options: TrendOptions): Trend {
  const { grain, polarity = 'neutral', alpha = 0.05, confidence = 0.95 } = options;
  const window = options.window ?? DEFAULT_TREND_WINDOW[grain];
  // The window: the last `window` periods up to the last finite value.
  let last = series.v.length - 1;
  while (last >= 0 && !Number.isFinite(series.v[last])) last--;
  const lastPeriod = last >= 0 ? periodIndex(series.t[last]!, grain) : 0;
  let first = last;
  while (first > 0 && lastPeriod - periodIndex(series.t[first - 1]!, grain) < window) first--;
  const t = Array.prototype.slice.call(series.t, Math.max(first, 0), last + 1) as number[];
  const v = Array.prototype.slice.call(series.v, Math.max(first, 0), last + 1) as number[];
  // Positions start at the first finite value, so "periods" spans the values, not leading gaps.
  let head = 0;
  while (head < v.length && !Number.isFinite(v[head])) head++;
  const positions = gridPositions(t.slice(head), grain);
  const values = v.slice(head);
  const times = t.slice(head);
  const n = values.filter(Number.isFinite).length;
  const method = options.method && options.method !== 'auto' ? options.method : autoMethod(grain, positions, n);
  let test: KendallTest & { correction?: number };
  let fit;
  if (method === 'seasonal-kendall') {
    const season = times.map(grain === 'quarter' ? quarterOfYear : monthOfYear);
    test = seasonalKendall(values, season);
    fit = seasonalSen(positions, values, season, test.varS, confidence);
  } else if (method === 'hamed-rao' || method === 'yue-wang' || method === 'corrected') {
    const maxLag = grain === 'hour' ? 24 : 10;
    const hr = method === 'yue-wang' ? null : hamedRao(positions, values, alpha, { maxLag, lagAlpha: alpha / maxLag });
    const yw = method === 'hamed-rao' ? null : yueWang(positions, values, alpha);
    test = hr && (!yw || hr.correction >= yw.correction) ? hr : yw!;
    fit = theilSen(positions, values, confidence, test.varS);
  } else {
    test = mannKendall(values);
    fit = theilSen(positions, values, confidence, test.varS);
  }
  const periods = positions.length ? positions[positions.length - 1]! : 0;
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const reason = n < MIN_TREND_POINTS ? 'too-few-points' : min === max ? 'constant' : undefined;
  const significant = reason === undefined && test.p < alpha;
  const direction: TrendDirection = reason === 'too-few-points' ? 'unknown' : !significant ? 'flat' : test.s > 0 ? 'rising' : 'falling';
  const slope = Number.isFinite(fit.slope) ? fit.slope : 0;
  const change = slope * periods;
  const start = fit.intercept;
  // A percentage of a near-zero base is meaningless: none when the fitted start is under half the
  // typical magnitude of the values (median |v|), is zero, or the values change sign.
  const typical = n >= 2 ? median(values.map(Math.abs)) : Number.NaN;
  const changePercent =
    n >= 2 && Number.isFinite(start) && start !== 0 && (min > 0 || max < 0) && Math.abs(start) >= typical / 2 ? (change / Math.abs(start)) * 100 : null;
  return {
    direction,
    verdict: verdictOf(direction, polarity),
    significant,
    method,
    alpha,
    n,
    s: test.s,
    varS: test.varS,
    z: test.z,
    p: test.p,
    tau: test.tau,
    ...(test.correction !== undefined ? { correction: test.correction } : {}),
    grain,
    slope,
    slopeLow: fit.low,
    slopeHigh: fit.high,
    periods,
    change,
    changePercent,
    from: times.length ? times[0]! : Number.NaN,
    to: times.length ? times[times.length - 1]! : Number.NaN,
    ...(reason ? { reason } : {}),
  };
}
