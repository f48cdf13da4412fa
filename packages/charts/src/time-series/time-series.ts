import type { Locale, TimeGrain } from '@ioc-kit/data';
import { drawAxis, estimateTextWidth, type AxisTick } from '../internal/axis.js';
import { areaRuns, clamp, clearChildren, fillPolygon, pathData, polygonData, sizeCanvas, svg, traceLine, type PlotRect } from '../internal/draw.js';
import { DEFAULT_TIME_ZONE, formatTick, tickFormatter, zoneOffsetMinutes } from '../internal/format.js';
import type { ChartPalette } from '../internal/palette.js';
import { seriesColor } from '../internal/palette.js';
import { ColumnBuckets, bucketWidthFor } from '../internal/reduce.js';
import { createScale, niceDomain, safeDomain, timeTicks, type Scale, type ScaleKind } from '../internal/scales.js';
import { isSortedByTime, lowerBound, sortByTime, toFloat64 } from '../internal/series-data.js';

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
}

/** A series as the chart keeps it: typed arrays it may grow for live data, and its reduction. */
interface SeriesState {
  key: string;
  label: string;
  source: TimeSeriesInput;
  sourceT: unknown;
  sourceV: unknown;
  t: Float64Array;
  v: Float64Array;
  /** Points in use (t and v may have spare capacity after appends). */
  length: number;
  /** True when t/v are the caller's own arrays (not to be written). */
  borrowed: boolean;
  buckets?: { start: number; columns: ColumnBuckets };
  xy: Float64Array;
}

/** Thrown inside a render when reduction finds a series out of time order. */
class UnsortedSeries extends Error {
  constructor(readonly state: unknown) {
    super('series out of time order');
  }
}

const MAX_SIGNALS = 500;
const LAZY_ORDER_CHECK = 20_000;
const ORDER_SAMPLE = 1024;
const EMPTY: Float64Array = new Float64Array(0);

function prepare(input: TimeSeriesInput, previous: SeriesState | undefined): SeriesState {
  if (previous && previous.sourceT === input.t && previous.sourceV === input.v) {
    previous.label = input.label;
    previous.source = input;
    return previous;
  }
  let t = toFloat64(input.t);
  let v = toFloat64(input.v);
  const length = Math.min(t.length, v.length);
  let borrowed = t === input.t || v === input.v;
  // Long series are checked for order while they are reduced (one pass, not two).
  // A short sample still catches a series that is out of order from the start, which is
  // sorted here rather than found out halfway through the reduction.
  if (length <= LAZY_ORDER_CHECK || !isSortedByTime(t.subarray(0, ORDER_SAMPLE))) {
    if (!isSortedByTime(t.subarray(0, length))) {
      ({ t, v } = sortByTime(t.subarray(0, length), v.subarray(0, length)));
      borrowed = false;
    }
  }
  return { key: input.key, label: input.label, source: input, sourceT: input.t, sourceV: input.v, t, v, length, borrowed, xy: EMPTY };
}

/** First and last finite time of a sorted series. */
function timeExtent(state: SeriesState): [number, number] {
  let lo = Number.NaN;
  let hi = Number.NaN;
  for (let i = 0; i < state.length; i++) {
    const x = state.t[i] as number;
    if (Number.isFinite(x)) {
      lo = x;
      break;
    }
  }
  for (let i = state.length - 1; i >= 0; i--) {
    const x = state.t[i] as number;
    if (Number.isFinite(x)) {
      hi = x;
      break;
    }
  }
  return [lo, hi];
}

/** The visible index range `[start, end)` of a sorted series for a time domain. */
function visibleRange(state: SeriesState, d0: number, d1: number): [number, number] {
  // The whole series in view: no search (and a long series not yet checked for order is
  // then reduced whole, which is where its order is checked).
  const [first, last] = timeExtent(state);
  if (d0 <= first && d1 >= last) return [0, state.length];
  const start = lowerBound(state.t, d0, 0, state.length);
  let end = lowerBound(state.t, d1, start, state.length);
  while (end < state.length && (state.t[end] as number) <= d1) end++;
  return [start, end];
}

/**
 * Draws one or many time series into a target element: threshold bands, target line,
 * annotations, last-year overlays, signals on threshold crossings, and lines or (stacked)
 * areas. Lines go to canvas when points outnumber pixels and are reduced per pixel column
 * (first/min/max/last) so no peak is lost; `appendPoints` adds live data reducing only the
 * newest column. Pure apart from the target it draws into: no fetching, no globals, no
 * randomness, and the same input draws the same marks.
 */
export class TimeSeriesChart {
  readonly target: HTMLElement;
  private readonly back: SVGSVGElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly front: SVGSVGElement;
  private states = new Map<string, SeriesState>();
  private overlayStates = new Map<string, SeriesState>();
  private stackStates = new Map<string, SeriesState>();
  private last?: { inputs: readonly TimeSeriesInput[]; options: TimeSeriesOptions; size: TimeSeriesSize };
  private axisKey = '';
  private canvasUsed = false;
  /** The scales of the last render, for pointer and keyboard look-ups. */
  xScale?: Scale;
  yScale?: Scale;
  marks?: TimeSeriesMarks;

  constructor(target: HTMLElement) {
    this.target = target;
    const doc = target.ownerDocument;
    this.back = svg(doc, 'svg', { class: 'ioc-ts-back', 'aria-hidden': 'true' });
    this.canvas = doc.createElement('canvas');
    this.canvas.setAttribute('aria-hidden', 'true');
    this.canvas.setAttribute('class', 'ioc-ts-canvas');
    this.front = svg(doc, 'svg', { class: 'ioc-ts-front', 'aria-hidden': 'true' });
    for (const layer of [this.back, this.canvas, this.front]) {
      layer.style.setProperty('position', 'absolute');
      layer.style.setProperty('left', '0');
      layer.style.setProperty('top', '0');
      layer.style.setProperty('pointer-events', 'none');
    }
    target.append(this.back, this.canvas, this.front);
  }

  /** Removes everything the chart drew. */
  destroy(): void {
    this.back.remove();
    this.canvas.remove();
    this.front.remove();
    this.states.clear();
    this.overlayStates.clear();
    this.stackStates.clear();
  }

  /** The chart's copy of a series (after sorting and appends): typed arrays, no per-point objects. */
  seriesData(key: string): { t: Float64Array; v: Float64Array } | undefined {
    const state = this.states.get(key);
    return state ? { t: state.t.subarray(0, state.length), v: state.v.subarray(0, state.length) } : undefined;
  }

  /** Time extent of all series drawn, `[NaN, NaN]` when none has a finite time. */
  get fullExtent(): [number, number] {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const state of this.states.values()) {
      const [a, b] = timeExtent(state);
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    return lo <= hi ? [lo, hi] : [Number.NaN, Number.NaN];
  }

  /** Draws the series; returns the marks. */
  render(inputs: readonly TimeSeriesInput[], options: TimeSeriesOptions, size: TimeSeriesSize): TimeSeriesMarks {
    this.last = { inputs, options, size };
    const next = new Map<string, SeriesState>();
    inputs.forEach((input, index) => {
      const key = next.has(input.key) ? `${input.key}#${index}` : input.key;
      next.set(key, prepare({ ...input, key }, this.states.get(key)));
    });
    this.states = next;
    const overlays = new Map<string, SeriesState>();
    (options.overlays ?? []).forEach((input, index) => {
      const key = `${input.key}#overlay${index}`;
      overlays.set(key, prepare({ ...input, key }, this.overlayStates.get(key)));
    });
    this.overlayStates = overlays;
    return this.draw();
  }

  /**
   * Adds live points to the end of a series and redraws from the kept reductions: history is
   * not reduced again, only the newest columns. Times earlier than the series' last are ignored.
   */
  appendPoints(key: string, t: ArrayLike<number>, v: ArrayLike<number>): TimeSeriesMarks | undefined {
    const state = this.states.get(key);
    if (!state || !this.last) return undefined;
    const count = Math.min(t.length, v.length);
    let lastTime = state.length > 0 ? (state.t[state.length - 1] as number) : Number.NEGATIVE_INFINITY;
    if (Number.isNaN(lastTime)) lastTime = timeExtent(state)[1];
    const needed = state.length + count;
    if (state.borrowed || needed > state.t.length) {
      // Grow by half again: amortised O(1) per point, and never more than 1.5x spare.
      const capacity = Math.max(needed, Math.ceil(state.length * 1.5), 1024);
      const grownT = new Float64Array(capacity);
      const grownV = new Float64Array(capacity);
      grownT.set(state.t.subarray(0, state.length));
      grownV.set(state.v.subarray(0, state.length));
      state.t = grownT;
      state.v = grownV;
      state.borrowed = false;
    }
    for (let i = 0; i < count; i++) {
      const time = Number(t[i]);
      const value = Number(v[i]);
      if (Number.isFinite(time) && time < lastTime) continue;
      state.t[state.length] = time;
      state.v[state.length] = value;
      state.length++;
      if (Number.isFinite(time)) lastTime = time;
    }
    this.stackStates.clear();
    return this.draw();
  }

  /** Draws again with the last inputs at a new size or options (zoom, hidden series). */
  update(options?: Partial<TimeSeriesOptions>, size?: TimeSeriesSize): TimeSeriesMarks | undefined {
    if (!this.last) return undefined;
    this.last = { ...this.last, options: { ...this.last.options, ...options }, size: size ?? this.last.size };
    return this.draw();
  }

  private draw(): TimeSeriesMarks {
    let marks: TimeSeriesMarks;
    try {
      marks = this.computeMarks();
    } catch (error) {
      if (!(error instanceof UnsortedSeries)) throw error;
      // A long series turned out unsorted while it was reduced: sort it once and start again.
      for (const states of [this.states, this.overlayStates]) {
        for (const state of states.values()) {
          if (isSortedByTime(state.t.subarray(0, state.length))) continue;
          const sorted = sortByTime(state.t.subarray(0, state.length), state.v.subarray(0, state.length));
          Object.assign(state, { t: sorted.t, v: sorted.v, borrowed: false, buckets: undefined });
        }
      }
      this.stackStates.clear();
      marks = this.computeMarks();
    }
    this.marks = marks;
    this.paint(marks);
    return marks;
  }

  /** The marks for the current state: the numbers only, no DOM. */
  private computeMarks(): TimeSeriesMarks {
    const { options, size } = this.last ?? { options: undefined, size: { width: 0, height: 0 } };
    if (!options) throw new Error('render() first');
    const palette = options.palette;
    const width = Math.max(0, Number.isFinite(size.width) ? size.width : 0);
    const height = Math.max(0, Number.isFinite(size.height) ? size.height : 0);
    const mode = options.mode ?? 'line';
    const kind: ScaleKind = options.yScale === 'log' ? 'log' : 'linear';
    const axesWanted = options.axes ?? true;
    const zone = options.timeZone ?? DEFAULT_TIME_ZONE;
    const hidden = options.hidden ?? new Set<string>();
    const ratio = clamp(options.pixelRatio ?? this.target.ownerDocument.defaultView?.devicePixelRatio ?? 1, 1, 2);

    // Time domain: the zoom, else all the data; a single instant gets an hour either side.
    const visible = [...this.states.values()].filter((state) => !hidden.has(state.key));
    let [d0, d1] = options.xDomain && Number.isFinite(options.xDomain[0]) && Number.isFinite(options.xDomain[1]) ? options.xDomain : this.fullExtent;
    if (!(d0 <= d1)) [d0, d1] = Number.isFinite(d0) && Number.isFinite(d1) ? [d1, d0] : [0, 3_600_000];
    if (d0 === d1) [d0, d1] = [d0 - 3_600_000, d1 + 3_600_000];

    const fontSize = palette.fontSize;
    // Every series hidden: no axis either, a -1…1 scale of nothing would only mislead.
    const nothingVisible = this.states.size > 0 && visible.length === 0;
    const axes = axesWanted && !nothingVisible;
    const unitText = axes ? (options.unit ?? '').trim() : '';
    const margin = axes ? { top: unitText ? Math.ceil(fontSize + 10) : 8, right: 12, bottom: Math.ceil(fontSize + 10), left: 40 } : { top: 2, right: 0, bottom: 2, left: 0 };
    // Room at the right for the band names, when they fit in a quarter of the width.
    const bandList = nothingVisible ? [] : (options.bands ?? []);
    const bandLabelWidth = axes && (options.bandLabels ?? true) && bandList.length > 0 ? Math.max(...bandList.map((band) => estimateTextWidth(band.label, fontSize))) + 12 : 0;
    const showBandLabels = bandLabelWidth > 0 && bandLabelWidth <= width / 4;
    if (showBandLabels) margin.right = bandLabelWidth;
    const plotWidthGuess = Math.max(1, width - margin.left - margin.right);
    const columns = Math.max(1, Math.round(plotWidthGuess * ratio));

    // Stacked areas add each series to the ones before it (aligned by index on the first's times).
    const layers = mode === 'stacked' ? this.stackLayers(visible) : visible;
    const ranges = new Map<string, [number, number]>();
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    let rawPoints = 0;
    const extend = (a: number, b: number) => {
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    };
    const layerStates = [...layers, ...[...this.overlayStates.values()].filter((s) => !hidden.has(s.source.key.replace(/#overlay\d+$/, '')))];
    for (const state of layerStates) {
      const range = visibleRange(state, d0, d1);
      ranges.set(state.key, range);
      rawPoints += range[1] - range[0];
      const reduce = range[1] - range[0] > columns * 2;
      if (reduce) {
        const columnsState = this.columnsFor(state, range, bucketWidthFor(d1 - d0, columns));
        const from = columnsState.lowerBound(Math.floor(d0 / columnsState.bucketMs));
        const to = columnsState.lowerBound(Math.floor(d1 / columnsState.bucketMs) + 1);
        const [a, b] = columnsState.extent(from, to);
        if (kind === 'log') extend(a > 0 ? a : b > 0 ? b : Number.NaN, b);
        else extend(a, b);
      } else {
        for (let i = range[0]; i < range[1]; i++) {
          const y = state.v[i] as number;
          if (y - y !== 0 || (kind === 'log' && y <= 0)) continue;
          if (y < lo) lo = y;
          if (y > hi) hi = y;
        }
      }
    }
    if (mode === 'stacked' && kind === 'linear') extend(0, 0);
    if (options.includeZero ?? mode !== 'line') {
      if (kind === 'linear') extend(0, 0);
    }
    if (options.target && Number.isFinite(options.target.value) && (kind === 'linear' || options.target.value > 0)) extend(options.target.value, options.target.value);
    const yCount = Math.max(2, Math.round((height - margin.top - margin.bottom) / 40));
    const yDomain: [number, number] = options.yDomain ? safeDomain(options.yDomain[0], options.yDomain[1], kind) : niceDomain(lo, hi, yCount, kind);

    // The left margin fits the widest value label; estimated from characters, never measured.
    let yScale = createScale(kind, yDomain, [1, 0]);
    const yTickValues = axes ? yScale.ticks(yCount) : [];
    const maxAbs = Math.max(Math.abs(yScale.domain[0]), Math.abs(yScale.domain[1]));
    const formatY = tickFormatter(yTickValues.length > 1 ? Math.abs((yTickValues[1] as number) - (yTickValues[0] as number)) : 1, maxAbs, options.locale);
    const yLabels = yTickValues.map(formatY);
    if (axes) margin.left = Math.max(24, Math.min(width / 3, Math.max(0, ...yLabels.map((label) => estimateTextWidth(label, fontSize))) + 10));
    const plot: PlotRect = {
      left: margin.left,
      top: margin.top,
      width: Math.max(0, width - margin.left - margin.right),
      height: Math.max(0, height - margin.top - margin.bottom),
    };
    const right = plot.left + plot.width;
    const bottom = plot.top + plot.height;
    const xScale = createScale('linear', [d0, d1], [plot.left, right]);
    yScale = createScale(kind, yScale.domain, [bottom, plot.top]);
    this.xScale = xScale;
    this.yScale = yScale;

    const xTicks: AxisTick[] = [];
    if (axes) {
      const offset = zoneOffsetMinutes(zone, (d0 + d1) / 2);
      const { ticks, unit } = timeTicks(d0, d1, Math.max(2, Math.floor(plot.width / 90)), offset);
      for (const tick of ticks) xTicks.push({ position: xScale.map(tick), label: formatTick(tick, unit, options.locale, zone, offset) });
    }
    const yTicks: AxisTick[] = yTickValues.map((value, i) => ({ position: yScale.map(value), label: yLabels[i] ?? '' }));

    const renderer: 'svg' | 'canvas' =
      options.renderer === 'svg' || options.renderer === 'canvas' ? options.renderer : rawPoints > plot.width ? 'canvas' : 'svg';

    const bands: TimeSeriesMarks['bands'] = [];
    const bandLabels: TimeSeriesMarks['bandLabels'] = [];
    for (const band of bandList) {
      const a = Math.max(band.from, yScale.domain[0]);
      const b = Math.min(band.to, yScale.domain[1]);
      if (!(a < b)) continue;
      const y0 = clamp(yScale.map(b), plot.top, bottom);
      const y1 = clamp(yScale.map(a), plot.top, bottom);
      if (!(Number.isFinite(y0) && Number.isFinite(y1) && y1 > y0)) continue;
      bands.push({ y: y0, height: y1 - y0, color: band.color, label: band.label });
      if (showBandLabels && y1 - y0 >= fontSize * 0.9) bandLabels.push({ x: right + 9, y: (y0 + y1) / 2, label: band.label, color: band.color });
    }
    const unit = unitText ? { x: 0, y: Math.ceil(fontSize), label: unitText } : undefined;

    // Vertices for every layer; the baseline of plain areas is zero (or the bottom).
    let reduced = false;
    const baseline = clamp(kind === 'linear' ? yScale.map(Math.max(yScale.domain[0], Math.min(0, yScale.domain[1]))) : bottom, plot.top, bottom);
    const series: SeriesMarks[] = [];
    const lineOf = (state: SeriesState): { line: Float64Array; points: number } => {
      const range = ranges.get(state.key) ?? [0, 0];
      const points = range[1] - range[0];
      const reduce = points > columns * 2;
      reduced ||= reduce;
      const length = reduce ? this.columnVertices(state, xScale, yScale, plot) : this.rawVertices(state, range, xScale, yScale, plot);
      return { line: state.xy.subarray(0, length), points };
    };
    const colorOf = (state: SeriesState, index: number) => state.source.color ?? seriesColor(palette, index);
    const indexOf = new Map([...this.states.keys()].map((key, index) => [key, index]));
    for (const state of this.overlayStates.values()) {
      const base = state.source.key.replace(/#overlay\d+$/, '');
      if (hidden.has(base)) continue;
      const { line, points } = lineOf(state);
      series.push({ key: state.key, label: state.label, color: state.source.color ?? seriesColor(palette, indexOf.get(base) ?? 0), line, areas: [], overlay: true, points });
    }
    let lower: Float64Array | undefined;
    for (const state of layers) {
      const { line, points } = lineOf(state);
      const index = indexOf.get(state.key.replace(/#stack$/, '')) ?? 0;
      const areas =
        mode === 'line'
          ? []
          : mode === 'stacked' && lower
            ? areaRuns(line, line.length, lower, lower.length)
            : areaRuns(line, line.length, baseline);
      series.push({ key: state.key.replace(/#stack$/, ''), label: state.label, color: colorOf(state, index), line, areas, overlay: false, points });
      lower = line;
    }

    const target =
      !nothingVisible && options.target && Number.isFinite(yScale.map(options.target.value)) && options.target.value >= yScale.domain[0] && options.target.value <= yScale.domain[1]
        ? { y: yScale.map(options.target.value), label: options.target.label }
        : undefined;
    const annotations = (nothingVisible ? [] : (options.annotations ?? []))
      .filter((annotation) => Number.isFinite(annotation.t) && annotation.t >= d0 && annotation.t <= d1)
      .map((annotation) => ({ x: xScale.map(annotation.t), label: annotation.label }));
    const signals = this.findSignals(visible, ranges, options.thresholds ?? [], xScale, yScale, plot);
    return {
      width,
      height,
      plot,
      xDomain: [d0, d1],
      yDomain: [yScale.domain[0], yScale.domain[1]],
      renderer,
      reduced,
      xTicks,
      yTicks,
      bands,
      bandLabels,
      ...(unit ? { unit } : {}),
      nothingVisible,
      series,
      target,
      annotations,
      signals,
    };
  }

  /** Cumulative layers for stacked areas; a gap counts as zero so layers stay closed. */
  private stackLayers(visible: readonly SeriesState[]): SeriesState[] {
    const base = visible[0];
    if (!base) return [];
    const layers: SeriesState[] = [];
    let sum: Float64Array | undefined;
    for (const state of visible) {
      const key = `${state.key}#stack`;
      const cached = this.stackStates.get(key);
      if (cached && cached.sourceT === base.t && cached.sourceV === state.v && cached.length === base.length) {
        layers.push(cached);
        sum = cached.v;
        continue;
      }
      const values = new Float64Array(base.length);
      const sameTimes = state.t === base.t || (state.length === base.length && state.t[0] === base.t[0] && state.t[state.length - 1] === base.t[base.length - 1]);
      for (let i = 0; i < base.length; i++) {
        let value: number;
        if (sameTimes) value = state.v[i] as number;
        else {
          const at = lowerBound(state.t, base.t[i] as number, 0, state.length);
          value = state.t[at] === base.t[i] ? (state.v[at] as number) : Number.NaN;
        }
        const below = sum ? (sum[i] as number) : 0;
        values[i] = (Number.isFinite(value) ? value : 0) + (Number.isFinite(below) ? below : 0);
      }
      const layer: SeriesState = {
        key,
        label: state.label,
        source: state.source,
        sourceT: base.t,
        sourceV: state.v,
        t: base.t,
        v: values,
        length: base.length,
        borrowed: true,
        xy: cached?.xy ?? EMPTY,
      };
      this.stackStates.set(key, layer);
      layers.push(layer);
      sum = values;
    }
    return layers;
  }

  /** The column reduction of a series for `range` at `bucketMs`, extended (not rebuilt) when only new points arrived. */
  private columnsFor(state: SeriesState, range: [number, number], bucketMs: number): ColumnBuckets {
    const kept = state.buckets;
    if (kept && kept.columns.bucketMs === bucketMs && kept.start === range[0] && kept.columns.consumed <= range[1]) {
      if (kept.columns.consumed < range[1]) kept.columns.add(state.t, state.v, kept.columns.consumed, range[1]);
      if (kept.columns.unsorted) throw new UnsortedSeries(state);
      return kept.columns;
    }
    // Sorted times fill at most one bucket per `bucketMs` of their span: sized to that, a
    // million points need a few thousand buckets, not megabytes of zeroed arrays (which also
    // push the garbage collector to run during the first paint). Columns grow if times go back.
    const points = range[1] - range[0];
    const spanBuckets = (((state.t[range[1] - 1] as number) - (state.t[range[0]] as number)) / bucketMs) | 0;
    const capacity = spanBuckets > 0 ? Math.min(spanBuckets + 16, points + 16) : Math.ceil(points / 4) + 16;
    const columns = new ColumnBuckets(bucketMs, Math.min(65_536, capacity));
    columns.add(state.t, state.v, range[0], range[1]);
    if (columns.unsorted) throw new UnsortedSeries(state);
    state.buckets = { start: range[0], columns };
    return columns;
  }

  private ensureXY(state: SeriesState, pairs: number): Float64Array {
    if (state.xy.length < pairs * 2) state.xy = new Float64Array(Math.max(64, pairs * 2 + (pairs >> 1) * 2));
    return state.xy;
  }

  /** Raw vertices of `[start, end)`, with the line cut exactly at the plot's left and right edges. */
  private rawVertices(state: SeriesState, range: [number, number], xScale: Scale, yScale: Scale, plot: PlotRect): number {
    const [start, end] = range;
    const xy = this.ensureXY(state, end - start + 4);
    const top = plot.top;
    const bottom = plot.top + plot.height;
    const left = plot.left;
    const right = plot.left + plot.width;
    let n = 0;
    // A value the scale cannot place (≤ 0 on a log scale) is a gap: both coordinates NaN.
    const push = (x: number, y: number) => {
      const broken = x - x !== 0 || y - y !== 0;
      xy[n++] = broken ? Number.NaN : x;
      xy[n++] = broken ? Number.NaN : y;
    };
    const yOf = (value: number) => {
      const y = yScale.map(value);
      return y - y === 0 ? clamp(y, top, bottom) : Number.NaN;
    };
    // Where the line enters the plot from a point outside it, cut at the edge.
    const edge = (inside: number, outside: number, x: number) => {
      const t0 = state.t[inside] as number;
      const t1 = state.t[outside] as number;
      const v0 = state.v[inside] as number;
      const v1 = state.v[outside] as number;
      if (![t0, t1, v0, v1].every(Number.isFinite) || t0 === t1) return;
      const time = xScale.invert(x);
      push(x, yOf(v0 + ((v1 - v0) * (time - t0)) / (t1 - t0)));
    };
    if (start > 0 && start < end) edge(start, start - 1, left);
    let previous = Number.NEGATIVE_INFINITY;
    for (let i = start; i < end; i++) {
      const time = state.t[i] as number;
      const value = state.v[i] as number;
      if (time - time === 0) {
        if (time < previous) throw new UnsortedSeries(state);
        previous = time;
      }
      if (time - time !== 0 || value - value !== 0) {
        push(Number.NaN, Number.NaN);
        continue;
      }
      push(clamp(time * xScale.k + xScale.b, left, right), yOf(value));
    }
    if (end < state.length && end > start) edge(end - 1, end, right);
    return n;
  }

  /** Vertices from the column reduction: first, min, max, last of each column at its centre. */
  private columnVertices(state: SeriesState, xScale: Scale, yScale: Scale, plot: PlotRect): number {
    const columns = state.buckets?.columns;
    if (!columns) return 0;
    const [d0, d1] = xScale.domain;
    const from = columns.lowerBound(Math.floor(d0 / columns.bucketMs));
    const to = columns.lowerBound(Math.floor(d1 / columns.bucketMs) + 1);
    const xy = this.ensureXY(state, (to - from) * 5 + 2);
    const top = plot.top;
    const bottom = plot.top + plot.height;
    const left = plot.left;
    const right = plot.left + plot.width;
    const { k: kx, b: bx } = xScale;
    const { k: ky, b: by } = yScale;
    const log = yScale.kind === 'log';
    const bucketMs = columns.bucketMs;
    const yOf = (value: number) => {
      const y = log ? (value > 0 ? Math.log10(value) * ky + by : bottom) : value * ky + by;
      return y < top ? top : y > bottom ? bottom : y;
    };
    let n = 0;
    for (let i = from; i < to; i++) {
      if (columns.gapBefore[i] === 1 && n > 0) {
        xy[n++] = Number.NaN;
        xy[n++] = Number.NaN;
      }
      let x = ((columns.key[i] as number) + 0.5) * bucketMs * kx + bx;
      x = x < left ? left : x > right ? right : x;
      const first = yOf(columns.first[i] as number);
      const low = yOf(columns.min[i] as number);
      const high = yOf(columns.max[i] as number);
      const last = yOf(columns.last[i] as number);
      xy[n++] = x;
      xy[n++] = first;
      if (low !== high) {
        xy[n++] = x;
        xy[n++] = low;
        xy[n++] = x;
        xy[n++] = high;
      }
      if (last !== first || low !== high) {
        xy[n++] = x;
        xy[n++] = last;
      }
    }
    return n;
  }

  /** Points where a visible series crosses a threshold the bad way, one per few pixels. */
  private findSignals(
    visible: readonly SeriesState[],
    ranges: Map<string, [number, number]>,
    thresholds: readonly TimeSeriesThreshold[],
    xScale: Scale,
    yScale: Scale,
    plot: PlotRect,
  ): SignalMark[] {
    const usable = thresholds.filter((threshold) => Number.isFinite(threshold.value));
    if (usable.length === 0) return [];
    const signals: SignalMark[] = [];
    const bottom = plot.top + plot.height;
    for (const state of visible) {
      const [start, end] = ranges.get(state.key) ?? [0, 0];
      let previous = Number.NaN;
      let lastX = Number.NEGATIVE_INFINITY;
      for (let i = Math.max(0, start - 1); i < end; i++) {
        const value = state.v[i] as number;
        if (value - value !== 0) continue;
        if (i >= start && previous === previous) {
          for (const threshold of usable) {
            const crossed = threshold.direction === 'up' ? previous < threshold.value && value >= threshold.value : previous >= threshold.value && value < threshold.value;
            if (!crossed) continue;
            const time = state.t[i] as number;
            const x = xScale.map(time);
            const y = yScale.map(value);
            if (!Number.isFinite(x) || !Number.isFinite(y) || x - lastX < 3) break;
            signals.push({ key: state.key, x: clamp(x, plot.left, plot.left + plot.width), y: clamp(y, plot.top, bottom), t: time, value, threshold: threshold.label });
            lastX = x;
            break;
          }
          if (signals.length >= MAX_SIGNALS) return signals;
        }
        previous = value;
      }
    }
    return signals;
  }

  private paint(marks: TimeSeriesMarks): void {
    const doc = this.target.ownerDocument;
    const { width, height, plot } = marks;
    const palette = (this.last as { options: TimeSeriesOptions }).options.palette;
    const lineWidth = palette.lineWidth;
    for (const layer of [this.back, this.front]) {
      if (layer.getAttribute('width') === String(width) && layer.getAttribute('height') === String(height)) continue;
      layer.setAttribute('width', String(width));
      layer.setAttribute('height', String(height));
      layer.setAttribute('viewBox', `0 0 ${width} ${height}`);
    }

    // Bands and axes change rarely: rebuild them only when their numbers changed.
    // Live data moves the ticks by a fraction of a pixel per point: redraw them only once they
    // have moved half a pixel, so appending a point costs a canvas redraw and no DOM work.
    const half = (value: number) => Math.round(value * 2) / 2;
    const axisKey = JSON.stringify([
      width,
      height,
      marks.bands.map((band) => [half(band.y), half(band.height), band.color, band.label]),
      marks.bandLabels.map((label) => [half(label.y), label.label]),
      marks.unit?.label ?? '',
      palette.fontSize,
      marks.xTicks.map((tick) => [half(tick.position), tick.label]),
      marks.yTicks.map((tick) => [half(tick.position), tick.label]),
      palette.grid,
      palette.muted,
    ]);
    let backSeries = this.back.querySelector<SVGGElement>('g.series');
    if (axisKey !== this.axisKey || !backSeries) {
      this.axisKey = axisKey;
      clearChildren(this.back);
      const bands = svg(doc, 'g', { class: 'bands' });
      for (const band of marks.bands) {
        const rect = svg(doc, 'rect', { x: plot.left, y: band.y, width: plot.width, height: band.height, fill: band.color, 'fill-opacity': '0.18', 'data-label': band.label });
        bands.append(rect);
        // The band's own colour, solid, just outside the plot: the key its name sits next to.
        if (marks.bandLabels.length > 0) bands.append(svg(doc, 'rect', { class: 'band-key', x: plot.left + plot.width + 1, y: band.y, width: 4, height: band.height, fill: band.color }));
      }
      for (const label of marks.bandLabels) {
        bands.append(svg(doc, 'text', { class: 'band-label', x: label.x, y: label.y, dy: '0.32em', fill: palette.muted, 'font-size': palette.fontSize }, label.label));
      }
      this.back.append(bands);
      if (marks.xTicks.length > 0 || marks.yTicks.length > 0) {
        const x = svg(doc, 'g');
        drawAxis(x, 'bottom', marks.xTicks, plot, palette, true, palette.fontSize, width);
        const y = svg(doc, 'g');
        drawAxis(y, 'left', marks.yTicks, plot, palette, true, palette.fontSize);
        this.back.append(x, y);
      }
      if (marks.unit) this.back.append(svg(doc, 'text', { class: 'unit', x: marks.unit.x, y: marks.unit.y, fill: palette.muted, 'font-size': palette.fontSize }, marks.unit.label));
      backSeries = svg(doc, 'g', { class: 'series' });
      this.back.append(backSeries);
    }
    clearChildren(backSeries);

    // The canvas is only made (and its backing store allocated) once lines go to it.
    const useCanvas = marks.renderer === 'canvas';
    const context = useCanvas || this.canvasUsed ? sizeCanvas(this.canvas, useCanvas ? width : 0, useCanvas ? height : 0) : null;
    this.canvasUsed ||= useCanvas;
    if (context) context.clearRect(0, 0, width, height);
    if (useCanvas && context) {
      context.save();
      context.beginPath();
      context.rect(plot.left, plot.top, plot.width, plot.height);
      context.clip();
      // Bevel joins: round ones cost a lot in software raster on thousands of short segments.
      context.lineJoin = 'bevel';
      for (const series of marks.series) {
        context.fillStyle = series.color;
        context.strokeStyle = series.color;
        context.globalAlpha = 0.25;
        for (const polygon of series.areas) fillPolygon(context, polygon);
        context.globalAlpha = series.overlay ? 0.55 : 1;
        context.lineWidth = lineWidth;
        context.setLineDash(series.overlay ? [4, 3] : []);
        context.beginPath();
        traceLine(context, series.line);
        context.stroke();
      }
      context.restore();
    } else {
      for (const series of marks.series) {
        const group = svg(doc, 'g', { 'data-key': series.key, class: series.overlay ? 'overlay' : 'line' });
        for (const polygon of series.areas) group.append(svg(doc, 'path', { d: polygonData(polygon), fill: series.color, 'fill-opacity': '0.25', stroke: 'none' }));
        group.append(
          svg(doc, 'path', {
            d: pathData(series.line),
            fill: 'none',
            stroke: series.color,
            'stroke-width': lineWidth,
            'stroke-linejoin': 'round',
            'stroke-dasharray': series.overlay ? '4 3' : undefined,
            'stroke-opacity': series.overlay ? '0.55' : undefined,
          }),
        );
        backSeries.append(group);
      }
    }

    clearChildren(this.front);
    if (marks.target) {
      const y = marks.target.y;
      this.front.append(
        svg(doc, 'line', { class: 'target', x1: plot.left, x2: plot.left + plot.width, y1: y, y2: y, stroke: palette.target, 'stroke-width': 1.5, 'stroke-dasharray': '6 4' }),
        svg(doc, 'text', { x: plot.left + plot.width - 4, y: y - 4, 'text-anchor': 'end', fill: palette.target, 'font-size': palette.fontSize }, marks.target.label),
      );
    }
    for (const annotation of marks.annotations) {
      // The label reads to the right of its line, or to the left where it would leave the plot.
      const before = annotation.x + 3 + estimateTextWidth(annotation.label, palette.fontSize) > plot.left + plot.width;
      this.front.append(
        svg(doc, 'line', { class: 'annotation', x1: annotation.x, x2: annotation.x, y1: plot.top, y2: plot.top + plot.height, stroke: palette.annotation, 'stroke-dasharray': '2 3' }),
        svg(
          doc,
          'text',
          { x: before ? annotation.x - 3 : annotation.x + 3, y: plot.top + palette.fontSize, 'text-anchor': before ? 'end' : 'start', fill: palette.annotation, 'font-size': palette.fontSize },
          annotation.label,
        ),
      );
    }
    for (const signal of marks.signals) {
      this.front.append(svg(doc, 'circle', { class: 'signal', cx: signal.x, cy: signal.y, r: 3.5, fill: palette.signal, stroke: palette.surface, 'stroke-width': 1 }));
    }
  }
}

/** One-shot render into `target` (a new chart each call); returns the marks. */
export function renderTimeSeries(target: HTMLElement, inputs: readonly TimeSeriesInput[], options: TimeSeriesOptions, size: TimeSeriesSize): TimeSeriesMarks {
  for (const old of target.querySelectorAll(':scope > .ioc-ts-back, :scope > .ioc-ts-canvas, :scope > .ioc-ts-front')) old.remove();
  return new TimeSeriesChart(target).render(inputs, options, size);
}
