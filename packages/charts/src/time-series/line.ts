/**
 * The line and area mark: each series' vertices in CSS px (raw, or first/min/max/last per
 * pixel column once points outnumber the columns), fill polygons for areas, and their
 * painting on SVG or canvas.
 */
import type { ColumnBuckets } from '../internal/reduce.js';
import { clamp, fillPolygon, pathData, polygonData, svg, traceLine, type PlotRect } from '../internal/draw.js';
import type { Scale } from '../internal/scales.js';
import { UnsortedSeries, type SeriesView } from './prepare.js';
import type { SeriesMarks } from './types.js';

/** Raw vertices of `[start, end)`, with the line cut exactly at the plot's left and right edges. */
export function rawVertices(view: SeriesView, range: [number, number], xScale: Scale, yScale: Scale, plot: PlotRect): Float64Array {
  const [start, end] = range;
  const xy = new Float64Array(Math.max(0, end - start + 4) * 2);
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
    const t0 = view.t[inside] as number;
    const t1 = view.t[outside] as number;
    const v0 = view.v[inside] as number;
    const v1 = view.v[outside] as number;
    if (![t0, t1, v0, v1].every(Number.isFinite) || t0 === t1) return;
    const time = xScale.invert(x);
    push(x, yOf(v0 + ((v1 - v0) * (time - t0)) / (t1 - t0)));
  };
  if (start > 0 && start < end) edge(start, start - 1, left);
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = start; i < end; i++) {
    const time = view.t[i] as number;
    const value = view.v[i] as number;
    if (time - time === 0) {
      if (time < previous) throw new UnsortedSeries(view);
      previous = time;
    }
    if (time - time !== 0 || value - value !== 0) {
      push(Number.NaN, Number.NaN);
      continue;
    }
    push(clamp(time * xScale.k + xScale.b, left, right), yOf(value));
  }
  if (end < view.length && end > start) edge(end - 1, end, right);
  return xy.subarray(0, n);
}

let scratch = new Float64Array(0);

/** Vertices from the column reduction: first, min, max, last of each column at its centre. */
export function columnVertices(columns: ColumnBuckets, xScale: Scale, yScale: Scale, plot: PlotRect): Float64Array {
  const [d0, d1] = xScale.domain;
  const from = columns.lowerBound(Math.floor(d0 / columns.bucketMs));
  const to = columns.lowerBound(Math.floor(d1 / columns.bucketMs) + 1);
  // Written into a shared scratch buffer and copied out at its exact length: a column gives
  // at most five vertex pairs but most give two, so this allocates a third of the bound.
  const needed = Math.max(0, to - from) * 10 + 4;
  if (scratch.length < needed) scratch = new Float64Array(needed + (needed >> 1));
  const xy = scratch;
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
  return xy.slice(0, n);
}

/** Strokes (and fills) the series on a canvas, clipped to the plot. */
export function paintCanvasLines(context: CanvasRenderingContext2D, series: readonly SeriesMarks[], plot: PlotRect, lineWidth: number): void {
  context.save();
  context.beginPath();
  context.rect(plot.left, plot.top, plot.width, plot.height);
  context.clip();
  // Bevel joins: round ones cost a lot in software raster on thousands of short segments.
  context.lineJoin = 'bevel';
  for (const mark of series) {
    context.fillStyle = mark.color;
    context.strokeStyle = mark.color;
    context.globalAlpha = 0.25;
    for (const polygon of mark.areas) fillPolygon(context, polygon);
    context.globalAlpha = mark.overlay ? 0.55 : 1;
    context.lineWidth = lineWidth;
    context.setLineDash(mark.dash);
    context.beginPath();
    traceLine(context, mark.line);
    context.stroke();
  }
  context.restore();
}

/** Appends one SVG group per series (its fills, then its line) to `group`. */
export function paintSvgLines(group: SVGGElement, series: readonly SeriesMarks[], lineWidth: number): void {
  const doc = group.ownerDocument;
  for (const mark of series) {
    const g = svg(doc, 'g', { 'data-key': mark.key, class: mark.overlay ? 'overlay' : 'line' });
    for (const polygon of mark.areas) g.append(svg(doc, 'path', { d: polygonData(polygon), fill: mark.color, 'fill-opacity': '0.25', stroke: 'none' }));
    g.append(
      svg(doc, 'path', {
        d: pathData(mark.line),
        fill: 'none',
        stroke: mark.color,
        'stroke-width': lineWidth,
        'stroke-linejoin': 'round',
        'stroke-dasharray': mark.dash.length ? mark.dash.join(' ') : undefined,
        'stroke-opacity': mark.overlay ? '0.55' : undefined,
      }),
    );
    group.append(g);
  }
}
