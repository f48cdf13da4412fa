// The public API of @ioc-kit/charts: each chart's render function (data + options + size in,
// marks out) with its types, and the few helpers the widgets share with their charts (formats,
// palette, summaries, tables, series input). Drawing helpers, scales and reductions are internal.
export { formatValue, formatTick, formatPeriod, zoneOffsetMinutes, type TimeLabelUnit } from './internal/format.js';
export type { Scale, ScaleKind } from './internal/scales.js';
export type { PlotRect } from './internal/draw.js';
export type { AxisTick } from './internal/axis.js';
export { readPalette, seriesDash, type ChartPalette } from './internal/palette.js';
export { PATTERN_TILE, fillPattern, bandPattern, patternShapes, type FillPattern, type PatternShapes } from './internal/fill-patterns.js';
export {
  summarizeSeries,
  summarizeCategories,
  seriesStats,
  trendWord,
  type SeriesSummaryInput,
  type CategorySummaryInput,
  type SeriesStats,
  type SummarySeries,
  type SummaryThreshold,
  type TrendDirection,
} from './internal/summary.js';
export { seriesTable, type DataTable, type DataTableColumn, type SeriesTableInput } from './internal/data-table.js';
export { toFloat64, lowerBound, timeSorted, appendSeries } from './internal/series-data.js';
export {
  TimeSeriesChart,
  renderTimeSeries,
  timeSeriesMarks,
  type TimeSeriesInput,
  type TimeSeriesOptions,
  type TimeSeriesMarks,
  type TimeSeriesBand,
  type TimeSeriesThreshold,
  type TimeSeriesAnnotation,
  type TimeSeriesMode,
  type TimeSeriesRenderer,
  type TimeSeriesSize,
  type SeriesMarks,
  type SignalMark,
  type TimeSeriesInsights,
  type InsightMarks,
} from './time-series/time-series.js';
export { renderBar, rankRows, valuesNeedZoom, decimalsToTellApart, type BarData, type BarMarkKind, type BarCategory, type BarSeries, type BarOptions, type BarMarks, type BarMark, type BarLayout, type BarOrientation, type BarPolarity, type BarSize, type RankRow, type RankedRow, type RankOptions } from './bar/bar.js';
export { renderDonut, planSlices, OTHER_KEY, type SliceOptions, type SlicePlan, type DonutPart, type DonutSlice, type DonutOptions, type DonutMarks, type DonutSliceMark, type DonutSize } from './donut/donut.js';
export { renderGauge, gaugeDomain, bandOf, judgeAgainstTarget, type GaugeBand, type GaugeForm, type GaugeOptions, type GaugeMarks, type GaugeSize } from './gauge/gauge.js';
export { renderSparkline, type SparklineOptions, type SparklineMarks, type SparklinePoint, type SparklineSize } from './sparkline/sparkline.js';
export { renderHeatmap, heatmapCellText, weekdayNames, type HeatmapLayout, type HeatmapScale, type HeatmapOptions, type HeatmapMarks, type HeatmapCell, type HeatmapSize, type HeatmapBand } from './heatmap/heatmap.js';
export { prepareMap, projectPoint, renderMap, hitTest, toScreen, fitTransform, composeTransform, clampTransform, rewindGeometry, shapePath, classOf, rampClasses, type MapFeatureInput, type MapGeometryProblem, type MapShape, type PreparedMap, type MapTransform, type MapRenderer, type MapRenderOptions, type MapMarks, type MapClass } from './map/map.js';
export { clusterPoints, clusterAt, clusterOrder, renderPoints, tileMap, shortName, type MapPointInput, type MapCluster, type PointRenderOptions } from './map/points.js';
