/** The axes mark: margins, the value domain and ticks, time ticks in the province's zone, the unit, and their painting. */
import { drawAxis, estimateTextWidth, type AxisTick } from '../internal/axis.js';
import { svg, type PlotRect } from '../internal/draw.js';
import { formatTick, tickFormatter, zoneOffsetMinutes } from '../internal/format.js';
import type { ChartPalette } from '../internal/palette.js';
import { createScale, niceDomain, safeDomain, timeTicks, type Scale, type ScaleKind } from '../internal/scales.js';
import type { TimeSeriesMarks, TimeSeriesOptions } from './types.js';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The margins before the value labels are known: room for the time labels, the unit, nothing for a bare strip. */
export function baseMargin(axes: boolean, unitText: string, fontSize: number): Margin {
  return axes ? { top: unitText ? Math.ceil(fontSize + 10) : 8, right: 12, bottom: Math.ceil(fontSize + 10), left: 40 } : { top: 2, right: 0, bottom: 2, left: 0 };
}

/**
 * The value scale, its ticks and the plot they leave: the domain is the given one or the
 * data's `[lo, hi]` rounded to ticks, and the left margin fits the widest value label
 * (estimated from characters, never measured).
 */
export function valueAxis(
  lo: number,
  hi: number,
  kind: ScaleKind,
  options: Pick<TimeSeriesOptions, 'yDomain' | 'locale'>,
  axes: boolean,
  margin: Margin,
  width: number,
  height: number,
  fontSize: number,
): { yScale: Scale; yTicks: AxisTick[]; plot: PlotRect } {
  const yCount = Math.max(2, Math.round((height - margin.top - margin.bottom) / 40));
  const yDomain: [number, number] = options.yDomain ? safeDomain(options.yDomain[0], options.yDomain[1], kind) : niceDomain(lo, hi, yCount, kind);
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
  yScale = createScale(kind, yScale.domain, [plot.top + plot.height, plot.top]);
  const yTicks = yTickValues.map((value, i) => ({ position: yScale.map(value), label: yLabels[i] ?? '' }));
  return { yScale, yTicks, plot };
}

/** Time ticks about every 90 px, labelled in the zone's wall-clock time. */
export function timeAxisTicks(xScale: Scale, plot: PlotRect, locale: TimeSeriesOptions['locale'], zone: string): AxisTick[] {
  const [d0, d1] = xScale.domain;
  const offset = zoneOffsetMinutes(zone, (d0 + d1) / 2);
  const { ticks, unit } = timeTicks(d0, d1, Math.max(2, Math.floor(plot.width / 90)), offset);
  return ticks.map((tick) => ({ position: xScale.map(tick), label: formatTick(tick, unit, locale, zone, offset) }));
}

/** Paints both axes (grid, labels, domain lines) and the unit into `back`. */
export function paintAxes(back: SVGSVGElement, marks: TimeSeriesMarks, palette: ChartPalette): void {
  const doc = back.ownerDocument;
  if (marks.xTicks.length > 0 || marks.yTicks.length > 0) {
    const x = svg(doc, 'g');
    drawAxis(x, 'bottom', marks.xTicks, marks.plot, palette, true, palette.fontSize, marks.width);
    const y = svg(doc, 'g');
    drawAxis(y, 'left', marks.yTicks, marks.plot, palette, true, palette.fontSize);
    back.append(x, y);
  }
  if (marks.unit) back.append(svg(doc, 'text', { class: 'unit', x: marks.unit.x, y: marks.unit.y, fill: palette.muted, 'font-size': palette.fontSize }, marks.unit.label));
}
