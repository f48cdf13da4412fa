// One call for everything the widgets say about an indicator in an area: status, trend and the
// signals before an alert, from the history a series query returns.
import type { Indicator, IndicatorId, SeriesData, TimeGrain } from '@ioc-kit/data';
import { anomaliesOf, type Anomaly, type BaselineBasis } from './signals/anomalies.js';
import { changePointsOf, type ChangePoint } from './signals/change-points.js';
import { forecastOf, type Forecast } from './signals/forecast.js';
import { crossingRunsOf, type CrossingRun } from './signals/runs.js';
import { statusOf, type Status } from './status/status.js';
import { median } from './stats/robust.js';
import { trendOf, type Trend, type TrendMethod } from './trend/trend.js';

/** What one insight is computed from: an indicator's catalogue entry and one area's series. */
export interface InsightInput {
  indicator: Indicator;
  /** `t` epoch ms ascending, `v` values with NaN for gaps (a `SeriesResult`'s series). */
  series: SeriesData;
  grain: TimeGrain;
  /** A target for the period (a query result's); default: the indicator's own. */
  target?: number | null;
}

/** Settings shared by every insight of a run; all optional. */
export interface InsightOptions {
  /** Trend window in periods of the grain (default per grain, see `DEFAULT_TREND_WINDOW`). */
  trendWindow?: number;
  /** Significance level of the trend test (default 0.05). */
  alpha?: number;
  trendMethod?: TrendMethod | 'auto';
  /** |robust z| that makes an anomaly (default 3.5). */
  anomalyThreshold?: number;
  /** Forecast steps (default per grain, see `DEFAULT_HORIZON`). */
  horizon?: number;
  /** PELT penalty in multiples of σ²·ln n (default 3). */
  changePenalty?: number;
}

/** Status, trend and signals of one indicator in one area. Plain data: it crosses a worker boundary. */
export interface Insight {
  indicator: IndicatorId;
  area: string;
  grain: TimeGrain;
  status: Status;
  trend: Trend;
  /** Values far from their seasonal baseline, oldest first, and the baseline's kind. */
  anomalies: Anomaly[];
  baseline: BaselineBasis;
  /** The anomaly at the latest value, if it is one. */
  latestAnomaly: Anomaly | null;
  /** Changes of level, oldest first; `recentChange` is the last one inside the trend window. */
  changePoints: ChangePoint[];
  recentChange: ChangePoint | null;
  /** Runs past the alert threshold (or the target); `currentRun` is the one still going. */
  runs: CrossingRun[];
  currentRun: CrossingRun | null;
  forecast: Forecast | null;
}

/** The insight of one series, computed synchronously on the calling thread. */
export function computeInsight(input: InsightInput, options: InsightOptions = {}): Insight {
  const { indicator, series, grain } = input;
  const target = input.target ?? indicator.target;
  const status = statusOf(series, indicator, { grain, target });
  const trend = trendOf(series, { grain, polarity: indicator.polarity, window: options.trendWindow, alpha: options.alpha, method: options.trendMethod });
  const { anomalies, baseline } = anomaliesOf(series, { grain, threshold: options.anomalyThreshold });
  // Levels change against the seasonal pattern, so seasonal baselines are taken out first; a
  // rolling baseline would take the step out with it, so then the values are used as they are.
  let residual: ArrayLike<number> = series.v;
  if (baseline.basis !== 'rolling') {
    const centre = median(baseline.expected);
    const values = new Float64Array(series.v.length);
    for (let i = 0; i < values.length; i++) values[i] = series.v[i]! - baseline.expected[i]! + centre;
    residual = values;
  }
  const changePoints = changePointsOf(series.t, residual, { penalty: options.changePenalty });
  const recent = changePoints.filter((point) => point.t >= trend.from);
  const runs = crossingRunsOf(series, indicator, target);
  const lastRun = runs[runs.length - 1];
  let last = series.v.length - 1;
  while (last >= 0 && !Number.isFinite(series.v[last])) last--;
  const lastAnomaly = anomalies[anomalies.length - 1];
  return {
    indicator: indicator.id,
    area: series.area,
    grain,
    status,
    trend,
    anomalies,
    baseline: baseline.basis,
    latestAnomaly: lastAnomaly && lastAnomaly.index === last ? lastAnomaly : null,
    changePoints,
    recentChange: recent[recent.length - 1] ?? null,
    runs,
    currentRun: lastRun?.ongoing ? lastRun : null,
    forecast: forecastOf(series, indicator, { grain, horizon: options.horizon, target }),
  };
}

/** The insights of many series (a whole board), in order, on the calling thread. */
export function computeInsights(inputs: readonly InsightInput[], options: InsightOptions = {}): Insight[] {
  return inputs.map((input) => computeInsight(input, options));
}
