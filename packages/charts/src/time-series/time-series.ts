/**
 * The time-series chart: one or many series over time, drawn as a function of its input.
 * `timeSeriesMarks(inputs, options, size)` works out every mark as numbers (no DOM), from the
 * mark modules beside it (axes, bands, line/area, overlay, target, annotations, signals);
 * `TimeSeriesChart` paints marks into its three layers. Nothing is kept between renders but
 * caches keyed by the caller's arrays (sorting, the per-column reduction), so the same input
 * draws the same marks and a million points are reduced once.
 */
import { areaRuns, clamp, clearChildren, sizeCanvas, svg } from '../internal/draw.js';
import { DEFAULT_TIME_ZONE } from '../internal/format.js';
import { seriesColor, seriesDash } from '../internal/palette.js';
import { bucketWidthFor } from '../internal/reduce.js';
import { createScale, type Scale, type ScaleKind } from '../internal/scales.js';
import { annotationMarks, paintAnnotations } from './annotations.js';
import { baseMargin, paintAxes, timeAxisTicks, valueAxis } from './axes.js';
import { bandLabelRoom, bandMarks, paintBands } from './bands.js';
import { columnVertices, paintCanvasLines, paintSvgLines, rawVertices } from './line.js';
import { overlayViews } from './overlay.js';
import { UnsortedSeries, columnsFor, fullExtent, prepareAll, sortLate, stackLayers, visibleRange, type SeriesView } from './prepare.js';
import { forecastEnd, forecastValues, insightMarks, paintInsights } from './insights.js';
import { paintSignals, signalMarks } from './signals.js';
import { paintTarget, targetMark } from './target.js';
import type { SeriesMarks, TimeSeriesInput, TimeSeriesMarks, TimeSeriesOptions, TimeSeriesSize } from './types.js';

export type {
  InsightMarks,
  SeriesMarks,
  SignalMark,
  TimeSeriesAnnotation,
  TimeSeriesBand,
  TimeSeriesInput,
  TimeSeriesInsights,
  TimeSeriesMarks,
  TimeSeriesMode,
  TimeSeriesOptions,
  TimeSeriesRenderer,
  TimeSeriesSize,
  TimeSeriesThreshold,
} from './types.js';

/**
 * Every mark of a time-series chart for these series, options and size, as numbers: a pure
 * function (the same input gives equal marks; nothing is read from or kept for a chart).
 * Lines are reduced per pixel column (first/min/max/last) once points outnumber the columns,
 * so no peak is lost; the reduction is remembered by the input arrays, and arrays grown with
 * `appendSeries` extend it by their new points only.
 */
export function timeSeriesMarks(inputs: readonly TimeSeriesInput[], options: TimeSeriesOptions, size: TimeSeriesSize): TimeSeriesMarks {
  const hidden = options.hidden ?? new Set<string>();
  const views = prepareAll(inputs);
  const overlays = overlayViews(options.overlays ?? [], hidden);
  try {
    return computeMarks(views, overlays, options, size);
  } catch (error) {
    if (!(error instanceof UnsortedSeries)) throw error;
    // A long series turned out unsorted while it was reduced: sort it once and start again.
    for (const view of [...views, ...overlays]) sortLate(view);
    return computeMarks(prepareAll(inputs), overlayViews(options.overlays ?? [], hidden), options, size);
  }
}

/** The x and y scales marks were drawn with, for pointer and keyboard look-ups. */
export function timeSeriesScales(marks: TimeSeriesMarks, yScale: ScaleKind = 'linear'): { x: Scale; y: Scale } {
  const { plot } = marks;
  return {
    x: createScale('linear', marks.xDomain, [plot.left, plot.left + plot.width]),
    y: createScale(yScale, marks.yDomain, [plot.top + plot.height, plot.top]),
  };
}

function computeMarks(views: readonly SeriesView[], overlays: readonly SeriesView[], options: TimeSeriesOptions, size: TimeSeriesSize): TimeSeriesMarks {
  const palette = options.palette;
  const width = Math.max(0, Number.isFinite(size.width) ? size.width : 0);
  const height = Math.max(0, Number.isFinite(size.height) ? size.height : 0);
  const mode = options.mode ?? 'line';
  const kind: ScaleKind = options.yScale === 'log' ? 'log' : 'linear';
  const axesWanted = options.axes ?? true;
  const zone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const hidden = options.hidden ?? new Set<string>();
  const ratio = clamp(options.pixelRatio ?? 1, 1, 2);

  // Time domain: the zoom, else all the data; a single instant gets an hour either side.
  const visible = views.filter((view) => !hidden.has(view.key));
  let [d0, d1] = options.xDomain && Number.isFinite(options.xDomain[0]) && Number.isFinite(options.xDomain[1]) ? options.xDomain : fullExtent(views);
  // Without a zoom, the time axis reaches to the end of the forecast of a visible series.
  const insights = options.insights && !hidden.has(options.insights.key) && views.some((view) => view.key === options.insights?.key) ? options.insights : undefined;
  const until = forecastEnd(insights);
  if (!options.xDomain && until > d1) d1 = until;
  if (!(d0 <= d1)) [d0, d1] = Number.isFinite(d0) && Number.isFinite(d1) ? [d1, d0] : [0, 3_600_000];
  if (d0 === d1) [d0, d1] = [d0 - 3_600_000, d1 + 3_600_000];

  const fontSize = palette.fontSize;
  // Every series hidden: no axis either, a -1…1 scale of nothing would only mislead.
  const nothingVisible = views.length > 0 && visible.length === 0;
  const axes = axesWanted && !nothingVisible;
  const unitText = axes ? (options.unit ?? '').trim() : '';
  const margin = baseMargin(axes, unitText, fontSize);
  // Room at the right for the band names, when they fit in a quarter of the width.
  const bandList = nothingVisible ? [] : (options.bands ?? []);
  const bandRoom = bandLabelRoom(bandList, axes && (options.bandLabels ?? true), fontSize, width);
  if (bandRoom > 0) margin.right = bandRoom;
  const plotWidthGuess = Math.max(1, width - margin.left - margin.right);
  const columns = Math.max(1, Math.round(plotWidthGuess * ratio));

  // Stacked areas add each series to the ones before it (aligned by index on the first's times).
  const layers = mode === 'stacked' ? stackLayers(visible) : visible;
  const ranges = new Map<string, [number, number]>();
  const reductions = new Map<string, ReturnType<typeof columnsFor>>();
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let rawPoints = 0;
  const extend = (a: number, b: number) => {
    if (a < lo) lo = a;
    if (b > hi) hi = b;
  };
  for (const view of [...layers, ...overlays]) {
    const range = visibleRange(view, d0, d1);
    ranges.set(view.key, range);
    rawPoints += range[1] - range[0];
    if (range[1] - range[0] > columns * 2) {
      const reduction = columnsFor(view, range, bucketWidthFor(d1 - d0, columns));
      reductions.set(view.key, reduction);
      const from = reduction.lowerBound(Math.floor(d0 / reduction.bucketMs));
      const to = reduction.lowerBound(Math.floor(d1 / reduction.bucketMs) + 1);
      const [a, b] = reduction.extent(from, to);
      if (kind === 'log') extend(a > 0 ? a : b > 0 ? b : Number.NaN, b);
      else extend(a, b);
    } else {
      for (let i = range[0]; i < range[1]; i++) {
        const y = view.v[i] as number;
        if (y - y !== 0 || (kind === 'log' && y <= 0)) continue;
        if (y < lo) lo = y;
        if (y > hi) hi = y;
      }
    }
  }
  for (const value of forecastValues(insights)) if (Number.isFinite(value) && (kind === 'linear' || value > 0)) extend(value, value);
  if (mode === 'stacked' && kind === 'linear') extend(0, 0);
  if (options.includeZero ?? mode !== 'line') {
    if (kind === 'linear') extend(0, 0);
  }
  if (options.target && Number.isFinite(options.target.value) && (kind === 'linear' || options.target.value > 0)) extend(options.target.value, options.target.value);

  const { yScale, yTicks, plot } = valueAxis(lo, hi, kind, options, axes, margin, width, height, fontSize);
  const bottom = plot.top + plot.height;
  const xScale = createScale('linear', [d0, d1], [plot.left, plot.left + plot.width]);
  const xTicks = axes ? timeAxisTicks(xScale, plot, options.locale, zone) : [];

  const renderer: 'svg' | 'canvas' =
    options.renderer === 'svg' || options.renderer === 'canvas' ? options.renderer : rawPoints > plot.width ? 'canvas' : 'svg';
  const { bands, bandLabels } = bandMarks(bandList, yScale, plot, bandRoom > 0, fontSize);
  const unit = unitText ? { x: 0, y: Math.ceil(fontSize), label: unitText } : undefined;

  // Vertices for every layer; the baseline of plain areas is zero (or the bottom).
  let reduced = false;
  const baseline = clamp(kind === 'linear' ? yScale.map(Math.max(yScale.domain[0], Math.min(0, yScale.domain[1]))) : bottom, plot.top, bottom);
  const lineOf = (view: SeriesView): { line: Float64Array; points: number } => {
    const range = ranges.get(view.key) ?? [0, 0];
    const reduction = reductions.get(view.key);
    reduced ||= reduction !== undefined;
    const line = reduction ? columnVertices(reduction, xScale, yScale, plot) : rawVertices(view, range, xScale, yScale, plot);
    return { line, points: range[1] - range[0] };
  };
  const indexOf = new Map(views.map((view, index) => [view.key, index]));
  const series: SeriesMarks[] = [];
  for (const view of overlays) {
    const { line, points } = lineOf(view);
    series.push({ key: view.key, label: view.label, color: view.color ?? seriesColor(palette, indexOf.get(view.baseKey) ?? 0), line, areas: [], overlay: true, dash: [4, 3], points });
  }
  let lower: Float64Array | undefined;
  for (const view of layers) {
    const { line, points } = lineOf(view);
    const areas = mode === 'line' ? [] : mode === 'stacked' && lower ? areaRuns(line, line.length, lower, lower.length) : areaRuns(line, line.length, baseline);
    series.push({ key: view.baseKey, label: view.label, color: view.color ?? seriesColor(palette, indexOf.get(view.baseKey) ?? 0), line, areas, overlay: false, dash: seriesDash(palette, indexOf.get(view.baseKey) ?? 0), points });
    lower = line;
  }

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
    target: nothingVisible ? undefined : targetMark(options.target, yScale),
    annotations: nothingVisible ? [] : annotationMarks(options.annotations ?? [], xScale),
    signals: signalMarks(visible, ranges, options.thresholds ?? [], xScale, yScale, plot),
    insights: insightMarks(insights, xScale, yScale, plot, fontSize),
  };
}

/**
 * Paints time-series marks into a target element: threshold bands, axes, lines or (stacked)
 * areas on SVG or canvas, then target, annotations and signals. It holds its three layers and
 * what they show (to leave unchanged axes alone), never the data: each `render` is drawn from
 * its arguments alone. No fetching, no globals, no randomness.
 */
export class TimeSeriesChart {
  readonly target: HTMLElement;
  private readonly back: SVGSVGElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly front: SVGSVGElement;
  private axisKey = '';
  private canvasUsed = false;
  /** The marks on screen, from the last render. */
  marks?: TimeSeriesMarks;
  /** The scales of the marks on screen, for pointer and keyboard look-ups. */
  xScale?: Scale;
  yScale?: Scale;

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
    this.marks = undefined;
  }

  /** Draws the series (`timeSeriesMarks`, painted); returns the marks. The pixel ratio defaults to the target's window's. */
  render(inputs: readonly TimeSeriesInput[], options: TimeSeriesOptions, size: TimeSeriesSize): TimeSeriesMarks {
    const pixelRatio = options.pixelRatio ?? this.target.ownerDocument.defaultView?.devicePixelRatio ?? 1;
    const marks = timeSeriesMarks(inputs, { ...options, pixelRatio }, size);
    const scales = timeSeriesScales(marks, options.yScale === 'log' ? 'log' : 'linear');
    this.marks = marks;
    this.xScale = scales.x;
    this.yScale = scales.y;
    this.paint(marks, options);
    return marks;
  }

  private paint(marks: TimeSeriesMarks, options: TimeSeriesOptions): void {
    const doc = this.target.ownerDocument;
    const { width, height, plot } = marks;
    const palette = options.palette;
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
      this.back.append(paintBands(doc, marks, palette.muted, palette.fontSize));
      paintAxes(this.back, marks, palette);
      backSeries = svg(doc, 'g', { class: 'series' });
      this.back.append(backSeries);
    }
    clearChildren(backSeries);

    // The canvas is only made (and its backing store allocated) once lines go to it.
    const useCanvas = marks.renderer === 'canvas';
    const context = useCanvas || this.canvasUsed ? sizeCanvas(this.canvas, useCanvas ? width : 0, useCanvas ? height : 0) : null;
    this.canvasUsed ||= useCanvas;
    if (context) context.clearRect(0, 0, width, height);
    if (useCanvas && context) paintCanvasLines(context, marks.series, plot, palette.lineWidth);
    else paintSvgLines(backSeries, marks.series, palette.lineWidth);

    clearChildren(this.front);
    if (marks.target) paintTarget(this.front, marks.target, plot, palette);
    paintAnnotations(this.front, marks.annotations, plot, palette);
    paintSignals(this.front, marks.signals, palette);
    paintInsights(this.front, marks.insights, plot, palette, options.insights?.colors);
  }
}

/** One-shot render into `target` (a new chart each call); returns the marks. */
export function renderTimeSeries(target: HTMLElement, inputs: readonly TimeSeriesInput[], options: TimeSeriesOptions, size: TimeSeriesSize): TimeSeriesMarks {
  for (const old of target.querySelectorAll(':scope > .ioc-ts-back, :scope > .ioc-ts-canvas, :scope > .ioc-ts-front')) old.remove();
  return new TimeSeriesChart(target).render(inputs, options, size);
}
