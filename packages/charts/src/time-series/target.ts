/** The target mark: a dashed line across the plot at the target value, with its label. */
import { svg, type PlotRect } from '../internal/draw.js';
import type { ChartPalette } from '../internal/palette.js';
import type { Scale } from '../internal/scales.js';
import type { TimeSeriesMarks, TimeSeriesOptions } from './types.js';

/** Where the target line goes, when there is one inside the value domain. */
export function targetMark(target: TimeSeriesOptions['target'], yScale: Scale): TimeSeriesMarks['target'] {
  if (!target || !Number.isFinite(yScale.map(target.value)) || target.value < yScale.domain[0] || target.value > yScale.domain[1]) return undefined;
  return { y: yScale.map(target.value), label: target.label };
}

export function paintTarget(front: SVGSVGElement, target: NonNullable<TimeSeriesMarks['target']>, plot: PlotRect, palette: ChartPalette): void {
  const doc = front.ownerDocument;
  const y = target.y;
  front.append(
    svg(doc, 'line', { class: 'target', x1: plot.left, x2: plot.left + plot.width, y1: y, y2: y, stroke: palette.target, 'stroke-width': 1.5, 'stroke-dasharray': '6 4' }),
    svg(doc, 'text', { x: plot.left + plot.width - 4, y: y - 4, 'text-anchor': 'end', fill: palette.target, 'font-size': palette.fontSize }, target.label),
  );
}
