import { pathData, svg, type PlotRect } from '../internal/draw.js';
import type { ChartPalette } from '../internal/palette.js';

export interface SparklineOptions {
  palette: ChartPalette;
  /** Line colour; default the first series colour. */
  color?: string;
  /** Mark the lowest, highest and last values with dots (default true). */
  marks?: boolean;
  /** Fill under the line, faintly (default false). */
  area?: boolean;
  /** Stroke width in px; default the palette's line width. */
  lineWidth?: number;
}

export interface SparklineSize {
  width: number;
  height: number;
}

export interface SparklinePoint {
  index: number;
  x: number;
  y: number;
  value: number;
}

export interface SparklineMarks {
  width: number;
  height: number;
  plot: PlotRect;
  /** Flat `[x, y, ...]`; NaN pairs are gaps. */
  line: Float64Array;
  min?: SparklinePoint;
  max?: SparklinePoint;
  last?: SparklinePoint;
  /** Every point's position, for keyboard focus (NaN for gaps). */
  points: Float64Array;
}

const DOT = 2.5;

/**
 * A tiny trend line for cards and table cells: values spread evenly (or by `t` when given,
 * sorted ascending), with dots on the lowest, highest and last values. Deliberately free of d3
 * so a card that embeds it stays small. NaN and ±Infinity are gaps; the same input draws the
 * same marks, and every mark stays inside the box inset by the dot radius.
 */
export function renderSparkline(
  target: HTMLElement,
  values: ArrayLike<number>,
  options: SparklineOptions,
  size: SparklineSize,
  times?: ArrayLike<number>,
): SparklineMarks {
  const doc = target.ownerDocument;
  const width = Math.max(0, Number.isFinite(size.width) ? size.width : 0);
  const height = Math.max(0, Number.isFinite(size.height) ? size.height : 0);
  const palette = options.palette;
  const lineWidth = options.lineWidth ?? palette.lineWidth;
  const inset = Math.min(DOT + 1, width / 2, height / 2);
  const plot: PlotRect = { left: inset, top: inset, width: Math.max(0, width - 2 * inset), height: Math.max(0, height - 2 * inset) };
  const n = values.length;

  let t0 = 0;
  let t1 = Math.max(0, n - 1);
  const useTimes = times !== undefined && times.length === n && n > 0;
  if (useTimes) {
    t0 = Number.POSITIVE_INFINITY;
    t1 = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const t = times[i] as number;
      if (!Number.isFinite(t)) continue;
      t0 = Math.min(t0, t);
      t1 = Math.max(t1, t);
    }
  }
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let minIndex = -1;
  let maxIndex = -1;
  let lastIndex = -1;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    // A point without a finite value or time is a gap, never a min/max/last mark.
    if (!Number.isFinite(v) || (useTimes && !Number.isFinite(times[i]))) continue;
    if (v < lo) {
      lo = v;
      minIndex = i;
    }
    if (v > hi) {
      hi = v;
      maxIndex = i;
    }
    lastIndex = i;
  }
  const xSpan = t1 - t0;
  const ySpan = hi - lo;
  const xOf = (i: number): number => {
    const t = useTimes ? (times[i] as number) : i;
    if (!Number.isFinite(t)) return Number.NaN;
    // One point (or one time): in the middle.
    if (!(xSpan > 0) || !Number.isFinite(xSpan)) return plot.left + plot.width / 2;
    return plot.left + ((t - t0) / xSpan) * plot.width;
  };
  const yOf = (v: number): number => {
    if (!Number.isFinite(v)) return Number.NaN;
    // All values equal: a flat line through the middle.
    if (!(ySpan > 0) || !Number.isFinite(ySpan)) return plot.top + plot.height / 2;
    return plot.top + plot.height - ((v - lo) / ySpan) * plot.height;
  };
  const points = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const x = xOf(i);
    const y = yOf(values[i] as number);
    const gap = !Number.isFinite(x) || !Number.isFinite(y);
    points[2 * i] = gap ? Number.NaN : x;
    points[2 * i + 1] = gap ? Number.NaN : y;
  }
  const point = (index: number): SparklinePoint | undefined =>
    index < 0 ? undefined : { index, x: points[2 * index] as number, y: points[2 * index + 1] as number, value: values[index] as number };

  for (const old of target.querySelectorAll(':scope > svg.ioc-sparkline')) old.remove();
  const root = svg(doc, 'svg', { class: 'ioc-sparkline', 'aria-hidden': 'true', width, height, viewBox: `0 0 ${width} ${height}` });
  const color = options.color ?? palette.series[0] ?? palette.text;
  const d = pathData(points);
  if (options.area && d) {
    const bottom = plot.top + plot.height;
    // One closed shape per run between gaps.
    const runs = d.split('M').filter(Boolean).map((run) => {
      const vertices = run.split('L');
      const first = vertices[0]?.split(',')[0] ?? '0';
      const last = vertices[vertices.length - 1]?.split(',')[0] ?? '0';
      return `M${run}L${last},${bottom}L${first},${bottom}Z`;
    });
    root.append(svg(doc, 'path', { class: 'area', d: runs.join(''), fill: color, 'fill-opacity': '0.15' }));
  }
  if (d) root.append(svg(doc, 'path', { class: 'line', d, fill: 'none', stroke: color, 'stroke-width': lineWidth, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }));
  const min = point(minIndex);
  const max = point(maxIndex);
  const last = point(lastIndex);
  if (options.marks !== false) {
    const dot = (p: SparklinePoint | undefined, kind: string, fill: string) => {
      if (!p) return;
      root.append(svg(doc, 'circle', { class: kind, cx: p.x, cy: p.y, r: DOT, fill, stroke: palette.surface, 'stroke-width': 1 }));
    };
    // Lowest and highest in muted tones, the last in the line's colour: the eye goes to "now".
    if (minIndex !== maxIndex) {
      dot(min, 'min', palette.muted);
      dot(max, 'max', palette.text);
    }
    dot(last, 'last', color);
  }
  target.append(root);
  return {
    width,
    height,
    plot,
    line: points,
    points,
    ...(min ? { min } : {}),
    ...(max ? { max } : {}),
    ...(last ? { last } : {}),
  };
}
