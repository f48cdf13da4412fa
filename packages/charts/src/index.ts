// Shared building blocks every chart uses (scales, formats, palette, summaries, tables, reduction).
export { DEFAULT_TIME_ZONE, formatValue, formatTick, formatPeriod, tickFormatter, zoneOffsetMinutes, type TimeLabelUnit } from './internal/format.js';
export { createScale, niceDomain, safeDomain, timeTicks, type Scale, type ScaleKind, type TimeTicks } from './internal/scales.js';
export { readPalette, seriesColor, CATEGORICAL_COUNT, PALETTE_PROPERTIES, type ChartPalette } from './internal/palette.js';
export {
  summarizeSeries,
  summarizeCategories,
  seriesStats,
  upwardCrossings,
  trendWord,
  type SeriesSummaryInput,
  type CategorySummaryInput,
  type SeriesStats,
  type SummarySeries,
  type SummaryThreshold,
  type TrendDirection,
} from './internal/summary.js';
export { seriesTable, type DataTable, type DataTableColumn, type SeriesTableInput } from './internal/data-table.js';
export { ColumnBuckets, bucketWidthFor, lttb } from './internal/reduce.js';
export { toFloat64, isSortedByTime, sortByTime, lowerBound, extentOf, lastFiniteIndex } from './internal/series-data.js';
export {
  SVG_NS,
  svg,
  setAttributes,
  clearChildren,
  clamp,
  px,
  pathData,
  traceLine,
  areaRuns,
  polygonData,
  fillPolygon,
  sizeCanvas,
  type Attributes,
  type PlotRect,
} from './internal/draw.js';
export { drawAxis, estimateTextWidth, TICK_FONT_SIZE, type AxisTick, type AxisSide } from './internal/axis.js';
export {
  TimeSeriesChart,
  renderTimeSeries,
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
} from './time-series/time-series.js';
export { renderBar, clearBar, rankRows, valuesNeedZoom, decimalsToTellApart, type BarData, type BarMarkKind, type BarCategory, type BarSeries, type BarOptions, type BarMarks, type BarMark, type BarLayout, type BarOrientation, type BarPolarity, type BarSize, type RankRow, type RankedRow, type RankOptions } from './bar/bar.js';
export { renderDonut, groupSlices, planSlices, OTHER_KEY, type SliceOptions, type SlicePlan, type DonutPart, type DonutSlice, type DonutOptions, type DonutMarks, type DonutSliceMark, type DonutSize } from './donut/donut.js';
export { renderGauge, gaugeDomain, bandOf, judgeAgainstTarget, type GaugeBand, type GaugeForm, type GaugeOptions, type GaugeMarks, type GaugeSize } from './gauge/gauge.js';
export { renderSparkline, type SparklineOptions, type SparklineMarks, type SparklinePoint, type SparklineSize } from './sparkline/sparkline.js';
export { renderHeatmap, heatmapCellText, colorRamp, weekdayNames, monthNames, type HeatmapLayout, type HeatmapScale, type HeatmapOptions, type HeatmapMarks, type HeatmapCell, type HeatmapSize, type HeatmapBand } from './heatmap/heatmap.js';
