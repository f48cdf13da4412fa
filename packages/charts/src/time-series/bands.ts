/** The band mark: value ranges with a meaning (e.g. the VN_AQI bands) shaded behind the series, and their names outside the plot's right edge. */
import { clamp, svg, type PlotRect } from '../internal/draw.js';
import { estimateTextWidth } from '../internal/axis.js';
import type { Scale } from '../internal/scales.js';
import type { TimeSeriesBand, TimeSeriesMarks } from './types.js';

/** The right margin the band names need, or 0 when they are not shown (they must fit in a quarter of the width). */
export function bandLabelRoom(bands: readonly TimeSeriesBand[], wanted: boolean, fontSize: number, width: number): number {
  if (!wanted || bands.length === 0) return 0;
  const room = Math.max(...bands.map((band) => estimateTextWidth(band.label, fontSize))) + 12;
  return room <= width / 4 ? room : 0;
}

/** The visible part of each band, and a name beside each band tall enough to hold one. */
export function bandMarks(
  bands: readonly TimeSeriesBand[],
  yScale: Scale,
  plot: PlotRect,
  showLabels: boolean,
  fontSize: number,
): Pick<TimeSeriesMarks, 'bands' | 'bandLabels'> {
  const out: TimeSeriesMarks['bands'] = [];
  const labels: TimeSeriesMarks['bandLabels'] = [];
  const bottom = plot.top + plot.height;
  const right = plot.left + plot.width;
  for (const band of bands) {
    const a = Math.max(band.from, yScale.domain[0]);
    const b = Math.min(band.to, yScale.domain[1]);
    if (!(a < b)) continue;
    const y0 = clamp(yScale.map(b), plot.top, bottom);
    const y1 = clamp(yScale.map(a), plot.top, bottom);
    if (!(Number.isFinite(y0) && Number.isFinite(y1) && y1 > y0)) continue;
    out.push({ y: y0, height: y1 - y0, color: band.color, label: band.label });
    if (showLabels && y1 - y0 >= fontSize * 0.9) labels.push({ x: right + 9, y: (y0 + y1) / 2, label: band.label, color: band.color });
  }
  return { bands: out, bandLabels: labels };
}

/** The bands group: each band's shade (and its key strip when names are shown), then the names. */
export function paintBands(doc: Document, marks: TimeSeriesMarks, muted: string, fontSize: number): SVGGElement {
  const { plot } = marks;
  const group = svg(doc, 'g', { class: 'bands' });
  for (const band of marks.bands) {
    group.append(svg(doc, 'rect', { x: plot.left, y: band.y, width: plot.width, height: band.height, fill: band.color, 'fill-opacity': '0.18', 'data-label': band.label }));
    // The band's own colour, solid, just outside the plot: the key its name sits next to.
    if (marks.bandLabels.length > 0) group.append(svg(doc, 'rect', { class: 'band-key', x: plot.left + plot.width + 1, y: band.y, width: 4, height: band.height, fill: band.color }));
  }
  for (const label of marks.bandLabels) {
    group.append(svg(doc, 'text', { class: 'band-label', x: label.x, y: label.y, dy: '0.32em', fill: muted, 'font-size': fontSize }, label.label));
  }
  return group;
}
