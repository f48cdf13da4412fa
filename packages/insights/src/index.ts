// @ioc-kit/insights: status, trend, signals and a plain-language summary of an indicator in an
// area, computed from its history. No DOM; runs in a worker or on the calling thread.
export { computeInsight, computeInsights, type Insight, type InsightInput, type InsightOptions } from './insights.js';
export { insightsInWorker, insightsWorkerUnavailable, type WorkerInsightOptions } from './worker/in-worker.js';
export { summarize, type SummaryOptions } from './summary/summary.js';
export { formatNumber, formatPercent } from './summary/format.js';
export { statusOf, bandIndexOf, type Status, type StatusOptions, type NormalRange, type NormalBasis, type TargetStatus } from './status/status.js';
export { trendOf, DEFAULT_TREND_WINDOW, MIN_TREND_POINTS, type Trend, type TrendOptions, type TrendDirection, type TrendVerdict, type TrendMethod } from './trend/trend.js';
export { anomaliesOf, seasonalBaseline, type Anomaly, type AnomalyOptions, type Baseline, type BaselineBasis } from './signals/anomalies.js';
export { changePointsOf, type ChangePoint, type ChangePointOptions } from './signals/change-points.js';
export { crossingRunsOf, type CrossingRun } from './signals/runs.js';
export { forecastOf, DEFAULT_HORIZON, type Forecast, type ForecastOptions, type ForecastStep, type ForecastCrossing } from './signals/forecast.js';
export { mannKendall, hamedRao, yueWang, seasonalKendall, senResiduals, RESIDUAL_TOLERANCE, type KendallTest, type KendallOptions, type HamedRaoTest, type HamedRaoOptions, type YueWangTest, type SeasonalKendallTest } from './stats/kendall.js';
export { theilSen, seasonalSen, type SenSlope } from './stats/theil-sen.js';
