import type { Locale, TimeGrain } from '@ioc-kit/data';
import type { AxisTick } from '../internal/axis.js';
import type { PlotRect } from '../internal/draw.js';
import type { ChartPalette } from '../internal/palette.js';
import type { ScaleKind } from '../internal/scales.js';

/** One series to draw: times (epoch ms) and values, NaN for a gap. Arrays are read, never copied when Float64Array and sorted. */
export interface TimeSeriesInput {
  key: string;
  label: string;
  t: Float64Array | readonly number[];
  v: Float64Array | readonly number[];
  /** Resolved colour; default: the palette's categorical colour for its position. */
  color?: string;
}

/** A band of values with a meaning (e.g. a VN_AQI band), drawn behind the series. */
export interface TimeSeriesBand {
  from: number;
  to: number;
  label: string;
  /** Resolved colour (from `--ioc-sys-color-<token>`). */
  color: string;
}

/** A value whose crossing is a signal: `up` when rising to or above it is bad, `down` when falling below it is. */
export interface TimeSeriesThreshold {
  value: number;
  direction: 'up' | 'down';
  label: string;
}

export interface TimeSeriesAnnotation {
  t: number;
  label: string;
}

export type TimeSeriesMode = 'line' | 'area' | 'stacked';
export type TimeSeriesRenderer = 'auto' | 'svg' | 'canvas';

export interface TimeSeriesOptions {
  locale: Locale;
  palette: ChartPalette;
  timeZone?: string;
  grain?: TimeGrain;
  /** `line` (default), `area` (filled to zero) or `stacked` areas. */
  mode?: TimeSeriesMode;
  yScale?: ScaleKind;
  /** The visible time range (zoom); default: all the data. */
  xDomain?: readonly [number, number];
  /** A fixed value range; default: the visible data, rounded to ticks. */
  yDomain?: readonly [number, number];
  /** Stretch the value axis to include zero (default for areas). */
  includeZero?: boolean;
  bands?: readonly TimeSeriesBand[];
  /**
   * Names the bands at the plot's right edge, outside the plot (a strip of each band's colour
   * and its label), so a reader knows what the shading means without covering data
   * (default true). Labels that do not fit the band's height are left out.
   */
  bandLabels?: boolean;
  /** The unit of the values (e.g. `µg/m³`), written above the value axis. */
  unit?: string;
  target?: { value: number; label: string };
  annotations?: readonly TimeSeriesAnnotation[];
  /** Drawn dashed and faint behind the series, e.g. the same period last year already shifted forward. */
  overlays?: readonly TimeSeriesInput[];
  /** Points where a series crosses one of these get a signal marker. */
  thresholds?: readonly TimeSeriesThreshold[];
  /** What @ioc-kit/insights found in one series (anomalies, changes of level, a forecast), drawn over it. */
  insights?: TimeSeriesInsights;
  /** Keys of series not to draw. */
  hidden?: ReadonlySet<string>;
  /** `auto` (default): canvas when visible points outnumber the plot's pixel columns, SVG otherwise. */
  renderer?: TimeSeriesRenderer;
  /** Draw axes and grid (default true); an overview strip has none. */
  axes?: boolean;
  /** Device pixels per CSS pixel used to size reduction columns (default: the window's, at most 2). */
  pixelRatio?: number;
}

export interface TimeSeriesSize {
  width: number;
  height: number;
}

/** What was drawn for one series, in CSS px: a flat `[x, y, ...]` line (NaN pairs are breaks) and fill polygons. */
export interface SeriesMarks {
  key: string;
  label: string;
  color: string;
  line: Float64Array;
  areas: Float64Array[];
  overlay: boolean;
  /** Dash pattern in px (empty: solid), from the palette's patterns under forced colours. */
  dash: number[];
  /** Raw points in the visible range, before reduction. */
  points: number;
}

export interface SignalMark {
  key: string;
  x: number;
  y: number;
  t: number;
  value: number;
  threshold: string;
}

/** Insights of one series, already worded by the caller (the chart formats nothing). */
export interface TimeSeriesInsights {
  /** The series they were computed from. */
  key: string;
  /** Values far from their baseline, each with its tooltip text. */
  anomalies?: readonly { t: number; value: number; label: string }[];
  /** Changes of level, each with a short label ("level shift"). */
  changes?: readonly { t: number; label: string }[];
  /** A forecast from the last value on: central values and a prediction interval (`low`…`high`), and a note (e.g. a band likely crossed). */
  forecast?: { t: readonly number[]; mean: readonly number[]; low: readonly number[]; high: readonly number[]; label: string; note?: string };
  /** Resolved colours (theme tokens); under forced colours every mark is the text colour. */
  colors?: { anomaly?: string; change?: string; forecast?: string };
}

/** The placed insight marks, in CSS px. */
export interface InsightMarks {
  anomalies: { key: string; x: number; y: number; t: number; value: number; label: string }[];
  changes: { x: number; t: number; label: string; labelX: number; labelY: number; anchor: 'start' | 'end' }[];
  /** `line` flat `[x, y, ...]`; `band` the interval's polygon (upper edge forward, lower back). */
  forecast?: { key: string; line: Float64Array; band: Float64Array; label: string; note?: { x: number; y: number; label: string } };
}

/** Everything a time-series render produced, as numbers: what snapshot and property tests inspect. */
export interface TimeSeriesMarks {
  width: number;
  height: number;
  plot: PlotRect;
  xDomain: [number, number];
  yDomain: [number, number];
  renderer: 'svg' | 'canvas';
  /** True when the lines were reduced per pixel column. */
  reduced: boolean;
  xTicks: AxisTick[];
  yTicks: AxisTick[];
  bands: { y: number; height: number; color: string; label: string }[];
  /** Band names at the plot's right edge: the label's vertical centre, outside the plot. */
  bandLabels: { x: number; y: number; label: string; color: string }[];
  /** The unit above the value axis, when one was given and axes are drawn. */
  unit?: { x: number; y: number; label: string };
  /** True when every series is hidden: nothing is drawn, not even an axis (which would mean nothing). */
  nothingVisible: boolean;
  series: SeriesMarks[];
  target?: { y: number; label: string };
  annotations: { x: number; label: string }[];
  signals: SignalMark[];
  /** Insight marks (empty without `options.insights`). */
  insights: InsightMarks;
}
