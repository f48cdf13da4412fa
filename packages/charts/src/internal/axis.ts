import { svg, type PlotRect } from './draw.js';
import type { ChartPalette } from './palette.js';

/** A tick: where it sits (CSS px along the axis) and its label. */
export interface AxisTick {
  position: number;
  label: string;
}

export type AxisSide = 'bottom' | 'left';

/** Font size of tick labels in CSS px when nothing else is known; charts draw at the palette's `fontSize`. */
export const TICK_FONT_SIZE = 11;

/**
 * Draws an axis with grid lines across the plot into `group`: a `bottom` axis for x (labels
 * under the plot) or a `left` axis for y (labels right-aligned before it). Labels are text
 * nodes; ticks outside the plot are skipped so nothing is drawn outside it. `fontSize` is the
 * theme's (larger on a wall), the margins having been sized for it; with the drawing's `width`, a
 * bottom label at either end is moved in so it is never cut off.
 */
export function drawAxis(group: SVGGElement, side: AxisSide, ticks: readonly AxisTick[], plot: PlotRect, palette: ChartPalette, grid = true, fontSize = palette.fontSize > 0 ? palette.fontSize : TICK_FONT_SIZE, width?: number): void {
  const doc = group.ownerDocument;
  group.setAttribute('class', `axis axis-${side}`);
  const right = plot.left + plot.width;
  const bottom = plot.top + plot.height;
  for (const tick of ticks) {
    const p = tick.position;
    if (!Number.isFinite(p)) continue;
    if (side === 'bottom') {
      if (p < plot.left - 0.5 || p > right + 0.5) continue;
      if (grid) group.append(svg(doc, 'line', { x1: p, x2: p, y1: plot.top, y2: bottom, stroke: palette.grid, 'stroke-width': 1, class: 'grid' }));
      // A label centred on a tick at the plot's edge would be cut by the drawing's edge: keep it inside.
      const half = estimateTextWidth(tick.label, fontSize) / 2;
      const x = Math.max(half, width !== undefined ? Math.min(width - half, p) : p);
      group.append(
        svg(doc, 'text', { x: Math.round(x * 10) / 10, y: bottom + fontSize + 4, 'text-anchor': 'middle', fill: palette.muted, 'font-size': fontSize }, tick.label),
      );
    } else {
      if (p < plot.top - 0.5 || p > bottom + 0.5) continue;
      if (grid) group.append(svg(doc, 'line', { x1: plot.left, x2: right, y1: p, y2: p, stroke: palette.grid, 'stroke-width': 1, class: 'grid' }));
      group.append(
        svg(doc, 'text', { x: plot.left - 6, y: p, dy: '0.32em', 'text-anchor': 'end', fill: palette.muted, 'font-size': fontSize }, tick.label),
      );
    }
  }
  const baseline =
    side === 'bottom'
      ? svg(doc, 'line', { x1: plot.left, x2: right, y1: bottom, y2: bottom, stroke: palette.muted, 'stroke-width': 1, class: 'domain' })
      : svg(doc, 'line', { x1: plot.left, x2: plot.left, y1: plot.top, y2: bottom, stroke: palette.muted, 'stroke-width': 1, class: 'domain' });
  group.append(baseline);
}

/** Rough width of a label in CSS px at the tick font size, to size margins without measuring (no layout). */
export function estimateTextWidth(text: string, fontSize = TICK_FONT_SIZE): number {
  return Math.ceil(text.length * fontSize * 0.6);
}
