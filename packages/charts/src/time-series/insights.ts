/**
 * The insight marks: what @ioc-kit/insights found in a series, drawn over it. Anomalies are
 * rings (not the filled dots of threshold crossings), changes of level a dashed vertical rule
 * with a short label, the forecast a dashed continuation of the line over its shaded prediction
 * interval, with a note when a band is likely to be crossed. Pure: data + scales → numbers, then
 * painted on the front SVG layer whichever renderer drew the lines (there are a few dozen marks
 * at most, never one per point).
 */
import { estimateTextWidth } from '../internal/axis.js';
import { clamp, svg, type PlotRect } from '../internal/draw.js';
import type { ChartPalette } from '../internal/palette.js';
import type { Scale } from '../internal/scales.js';
import type { InsightMarks, TimeSeriesInsights } from './types.js';

const MAX_ANOMALIES = 200;
const MAX_CHANGES = 20;

/** The last time a forecast reaches, to stretch the time axis over (NaN when there is none). */
export function forecastEnd(insights: TimeSeriesInsights | undefined): number {
  const t = insights?.forecast?.t;
  return t && t.length > 0 ? (t[t.length - 1] as number) : Number.NaN;
}

/** The forecast's central values, which the value axis is stretched to include (the interval may leave the plot). */
export function forecastValues(insights: TimeSeriesInsights | undefined): readonly number[] {
  return insights?.forecast?.mean ?? [];
}

/** Every insight mark inside the visible ranges, placed. */
export function insightMarks(insights: TimeSeriesInsights | undefined, xScale: Scale, yScale: Scale, plot: PlotRect, fontSize: number): InsightMarks {
  const out: InsightMarks = { anomalies: [], changes: [] };
  if (!insights) return out;
  const [d0, d1] = xScale.domain;
  const bottom = plot.top + plot.height;
  const right = plot.left + plot.width;
  const inside = (t: number) => Number.isFinite(t) && t >= d0 && t <= d1;
  let lastX = Number.NEGATIVE_INFINITY;
  for (const anomaly of insights.anomalies ?? []) {
    if (!inside(anomaly.t) || !Number.isFinite(anomaly.value)) continue;
    const x = xScale.map(anomaly.t);
    const y = yScale.map(anomaly.value);
    // One ring per ring's width: a run of flagged values reads as one ring, not a chain.
    if (!Number.isFinite(x) || !Number.isFinite(y) || x - lastX < 12) continue;
    lastX = x;
    out.anomalies.push({ key: insights.key, x, y: clamp(y, plot.top, bottom), t: anomaly.t, value: anomaly.value, label: anomaly.label });
    if (out.anomalies.length >= MAX_ANOMALIES) break;
  }
  // Labels that would overlap the one before go a row lower (three rows, then no label).
  const rowEnds: number[] = [];
  for (const change of insights.changes ?? []) {
    if (!inside(change.t)) continue;
    const x = xScale.map(change.t);
    const width = estimateTextWidth(change.label, fontSize);
    // The label reads to the right of its rule, or to the left where it would leave the plot.
    const before = x + 4 + width > right;
    const from = before ? x - 4 - width : x + 4;
    let row = 0;
    while (row < 3 && (rowEnds[row] ?? Number.NEGATIVE_INFINITY) > from - 4) row++;
    if (row < 3) rowEnds[row] = from + width;
    out.changes.push({ x, t: change.t, label: row < 3 ? change.label : '', labelX: before ? x - 4 : x + 4, labelY: plot.top + fontSize * (2.3 + row * 1.2), anchor: before ? 'end' : 'start' });
    if (out.changes.length >= MAX_CHANGES) break;
  }
  const forecast = insights.forecast;
  if (forecast && forecast.t.length > 0) {
    const line: number[] = [];
    const upper: number[] = [];
    const lower: number[] = [];
    for (let i = 0; i < forecast.t.length; i++) {
      const t = forecast.t[i] as number;
      const mean = forecast.mean[i] as number;
      if (!inside(t) || !Number.isFinite(mean)) continue;
      const x = xScale.map(t);
      line.push(x, clamp(yScale.map(mean), plot.top, bottom));
      const high = forecast.high[i] ?? mean;
      const low = forecast.low[i] ?? mean;
      upper.push(x, clamp(yScale.map(Number.isFinite(high) ? high : mean), plot.top, bottom));
      lower.push(x, clamp(yScale.map(Number.isFinite(low) ? low : mean), plot.top, bottom));
    }
    if (line.length >= 4) {
      const band: number[] = [...upper];
      for (let i = lower.length - 2; i >= 0; i -= 2) band.push(lower[i] as number, lower[i + 1] as number);
      const mark: NonNullable<InsightMarks['forecast']> = { key: insights.key, line: Float64Array.from(line), band: Float64Array.from(band), label: forecast.label };
      if (forecast.note) {
        // Above the forecast's last point, right-aligned to it, inside the plot.
        const lastX = line[line.length - 2] as number;
        const lastY = Math.min(...upper.filter((_, i) => i % 2 === 1));
        const width = estimateTextWidth(forecast.note, fontSize);
        const x = clamp(lastX, plot.left + width, right);
        const y = clamp(lastY - fontSize * 0.6, plot.top + fontSize, bottom);
        mark.note = { x, y, label: forecast.note };
      }
      out.forecast = mark;
    }
  }
  return out;
}

/** Resolved colours of the insight marks: the theme's, or one system colour under forced colours. */
function colorsOf(insights: TimeSeriesInsights['colors'] | undefined, palette: ChartPalette) {
  if (palette.forced) return { anomaly: palette.text, change: palette.text, forecast: palette.text };
  return { anomaly: insights?.anomaly || palette.signal, change: insights?.change || palette.annotation, forecast: insights?.forecast || palette.text };
}

const points = (flat: Float64Array): string => {
  const out: string[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push(`${(flat[i] as number).toFixed(1)},${(flat[i + 1] as number).toFixed(1)}`);
  return out.join(' ');
};

/** Paints insight marks on the front layer: forecast band and line, change rules, anomaly rings, then the note. */
export function paintInsights(front: SVGSVGElement, marks: InsightMarks, plot: PlotRect, palette: ChartPalette, colors?: TimeSeriesInsights['colors']): void {
  if (!marks.forecast && marks.changes.length === 0 && marks.anomalies.length === 0) return;
  const doc = front.ownerDocument;
  const color = colorsOf(colors, palette);
  const width = Math.max(1.5, palette.lineWidth);
  const group = svg(doc, 'g', { class: 'insights' });
  const forecast = marks.forecast;
  if (forecast) {
    group.append(
      svg(doc, 'polygon', { class: 'forecast-band', points: points(forecast.band), fill: color.forecast, 'fill-opacity': palette.forced ? '0.12' : '0.16', stroke: 'none' }),
      svg(doc, 'polyline', { class: 'forecast-line', points: points(forecast.line), fill: 'none', stroke: color.forecast, 'stroke-width': width, 'stroke-dasharray': palette.forced ? '2 3' : '5 4', 'stroke-linecap': 'round' }),
    );
  }
  for (const change of marks.changes) {
    group.append(
      svg(doc, 'line', { class: 'change-point', x1: change.x, x2: change.x, y1: plot.top, y2: plot.top + plot.height, stroke: color.change, 'stroke-width': 1.5, 'stroke-dasharray': '6 3' }),
    );
    if (change.label) group.append(svg(doc, 'text', { class: 'change-label', x: change.labelX, y: change.labelY, 'text-anchor': change.anchor, fill: color.change, 'font-size': palette.fontSize }, change.label));
  }
  for (const anomaly of marks.anomalies) {
    // A ring with a surface halo: it reads on the line it sits on, apart from the filled threshold dots.
    group.append(
      svg(doc, 'circle', { class: 'anomaly-halo', cx: anomaly.x, cy: anomaly.y, r: 6, fill: 'none', stroke: palette.surface, 'stroke-width': 4 }),
      svg(doc, 'circle', { class: 'anomaly', cx: anomaly.x, cy: anomaly.y, r: 6, fill: 'none', stroke: color.anomaly, 'stroke-width': 2, 'data-label': anomaly.label }),
    );
  }
  if (forecast?.note) {
    const note = forecast.note;
    group.append(
      svg(doc, 'text', { class: 'forecast-note-halo', x: note.x, y: note.y, 'text-anchor': 'end', fill: 'none', stroke: palette.surface, 'stroke-width': 3, 'stroke-linejoin': 'round', 'font-size': palette.fontSize }, note.label),
      svg(doc, 'text', { class: 'forecast-note', x: note.x, y: note.y, 'text-anchor': 'end', fill: color.forecast, 'font-size': palette.fontSize, 'font-weight': '600' }, note.label),
    );
  }
  front.append(group);
}
