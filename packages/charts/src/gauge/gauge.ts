import { arc } from 'd3-shape';
import type { Locale, Polarity } from '@ioc-kit/data';
import { drawAxis, TICK_FONT_SIZE, type AxisTick } from '../internal/axis.js';
import { clamp, svg, type PlotRect } from '../internal/draw.js';
import { bandPattern, patternDefs, patternFill, usesPatterns, type FillPattern } from '../internal/fill-patterns.js';
import { formatValue, tickFormatter } from '../internal/format.js';
import type { ChartPalette } from '../internal/palette.js';
import { createScale } from '../internal/scales.js';

export type GaugeForm = 'radial' | 'bullet';

export interface GaugeBand {
  from: number;
  to: number;
  label: string;
  /** Resolved colour (from `--ioc-sys-color-<token>`). */
  color: string;
}

export interface GaugeOptions {
  locale: Locale;
  palette: ChartPalette;
  form?: GaugeForm;
  /** The scale's ends; default: from the bands, the target and the value. */
  min?: number;
  max?: number;
  bands?: readonly GaugeBand[];
  target?: { value: number; label: string };
  /** Colour of the value mark (e.g. its band's, or good/bad by polarity); default the first series colour. */
  valueColor?: string;
  decimals?: number;
  unit?: string;
  /** Writes the name of the value's band under the reading (default true): "59" alone says less than "59, Trung bình". */
  bandName?: boolean;
}

export interface GaugeSize {
  width: number;
  height: number;
}

export interface GaugeMarks {
  width: number;
  height: number;
  form: GaugeForm;
  /** The box every mark stays inside (the arc's bounding box, or the bullet's plot). */
  plot: PlotRect;
  domain: [number, number];
  value: number | null;
  valueText: string;
  /** The words under the reading: the unit and the value's band, as drawn. */
  caption: string[];
  /** Where the value mark ends (focus position): px. */
  valuePoint?: [number, number];
  targetPoint?: [number, number];
  /** The bands drawn; under forced colours (`palette.forced`) each with its `bandPattern`. */
  bands: { from: number; to: number; label: string; color: string; start: number; end: number; pattern?: FillPattern }[];
  ticks: AxisTick[];
}

/** The radial gauge's sweep: 240°, open at the bottom. */
const START = (-2 * Math.PI) / 3;
const END = (2 * Math.PI) / 3;

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Whether a value is good or bad against a target for an indicator's polarity: at or above
 * the target is good when higher is better, at or below when lower is better.
 */
export function judgeAgainstTarget(value: number | null | undefined, target: number | null | undefined, polarity: Polarity): 'good' | 'bad' | 'neutral' {
  if (!isFiniteNumber(value) || !isFiniteNumber(target) || polarity === 'neutral') return 'neutral';
  return polarity === 'higher-is-better' ? (value >= target ? 'good' : 'bad') : value <= target ? 'good' : 'bad';
}

/** The band a value falls in (`from` inclusive, `to` exclusive; the last band includes its `to`). */
export function bandOf<B extends { from: number; to: number }>(bands: readonly B[], value: number | null | undefined): B | undefined {
  if (!isFiniteNumber(value)) return undefined;
  const last = bands[bands.length - 1];
  return bands.find((band) => value >= band.from && (value < band.to || (band === last && value <= band.to)));
}

/** The scale's ends from what is known: explicit ends, bands, target and value; never empty. */
export function gaugeDomain(value: number | null | undefined, options: Pick<GaugeOptions, 'min' | 'max' | 'bands' | 'target'>): [number, number] {
  const bands = (options.bands ?? []).filter((band) => isFiniteNumber(band.from) && isFiniteNumber(band.to));
  const candidates = [isFiniteNumber(value) ? value : undefined, options.target && isFiniteNumber(options.target.value) ? options.target.value : undefined].filter(isFiniteNumber);
  let lo = isFiniteNumber(options.min) ? options.min : Math.min(0, ...bands.map((band) => band.from), ...candidates);
  let hi = isFiniteNumber(options.max)
    ? options.max
    : bands.length > 0
      ? Math.max(...bands.map((band) => band.to))
      : Math.max(0, ...candidates.map((x) => (x > 0 ? x * 1.2 : 0)));
  if (!Number.isFinite(lo)) lo = -Number.MAX_VALUE / 2;
  if (!Number.isFinite(hi)) hi = Number.MAX_VALUE / 2;
  if (lo > hi) [lo, hi] = [hi, lo];
  if (!(hi - lo > Math.max(Math.abs(lo), Math.abs(hi)) * 1e-12)) hi = lo === 0 ? 1 : lo + Math.abs(lo);
  if (!Number.isFinite(hi - lo)) return [lo / 2, hi / 2];
  return [lo, hi];
}

/**
 * Draws a gauge into `target`: a radial 240° dial or a horizontal bullet bar, with coloured
 * bands (e.g. the six VN_AQI bands), the value in its colour, a target marker and the value
 * in the locale's format with its unit. Values outside the scale are drawn at its end.
 * Pure apart from the target; the same input draws the same marks.
 */
export function renderGauge(target: HTMLElement, value: number | null | undefined, options: GaugeOptions, size: GaugeSize): GaugeMarks {
  const doc = target.ownerDocument;
  const width = Math.max(0, Number.isFinite(size.width) ? size.width : 0);
  const height = Math.max(0, Number.isFinite(size.height) ? size.height : 0);
  const form = options.form ?? 'radial';
  const palette = options.palette;
  const decimals = options.decimals ?? 0;
  const shown = isFiniteNumber(value) ? value : null;
  const domain = gaugeDomain(shown, options);
  const valueText = formatValue(shown, options.locale, decimals);
  const unit = options.unit ?? '';
  // Under forced colours the value is CanvasText on an outlined Canvas track (a band colour,
  // which forced colours leave alone, could vanish on Canvas; the reading names the band).
  const forced = usesPatterns(palette);
  const valueColor = forced ? palette.text : (options.valueColor ?? palette.series[0] ?? palette.text);
  const trackPaint = forced ? { fill: palette.surface, stroke: palette.text, 'stroke-width': 1 } : { fill: palette.grid };
  const bands = (options.bands ?? []).filter((band) => isFiniteNumber(band.from) && isFiniteNumber(band.to) && band.to > band.from);
  const targetValue = options.target && isFiniteNumber(options.target.value) ? options.target.value : undefined;
  const tickValues = createScale('linear', domain, [0, 1]).ticks(form === 'radial' ? 4 : Math.max(2, Math.floor(width / 70)));
  const step = tickValues.length > 1 ? Math.abs((tickValues[1] as number) - (tickValues[0] as number)) : 1;
  const tickLabel = tickFormatter(step, Math.max(Math.abs(domain[0]), Math.abs(domain[1])), options.locale);
  // Labels follow the theme's label size (on a wall, the chart's size).
  const fontSize = palette.fontSize > 0 ? palette.fontSize : TICK_FONT_SIZE;
  const bandName = (options.bandName ?? true) ? (bandOf(bands, shown)?.label ?? '') : '';

  for (const old of target.querySelectorAll(':scope > svg.ioc-gauge')) old.remove();
  const root = svg(doc, 'svg', { class: `ioc-gauge ioc-gauge-${form}`, 'aria-hidden': 'true', width, height, viewBox: `0 0 ${width} ${height}` });
  const marks: GaugeMarks = { width, height, form, plot: { left: 0, top: 0, width: 0, height: 0 }, domain, value: shown, valueText, caption: [], bands: [], ticks: [] };
  // Under forced colours every band is one system colour: each gets its own pattern (and the
  // reading names the value's band, as it always does).
  const patterned = forced && bands.length > 0;
  if (patterned) root.append(patternDefs(doc, 'ioc-gauge', bands.map((_, index) => bandPattern(index)), palette));
  const bandMark = (band: GaugeBand, index: number, start: number, end: number): GaugeMarks['bands'][number] => {
    const mark: GaugeMarks['bands'][number] = { from: band.from, to: band.to, label: band.label, color: band.color, start, end };
    if (patterned) mark.pattern = bandPattern(index);
    marks.bands.push(mark);
    return mark;
  };
  const bandPaint = (mark: GaugeMarks['bands'][number]) =>
    mark.pattern ? { fill: patternFill('ioc-gauge', mark.pattern), stroke: palette.text, 'stroke-width': 1, 'data-pattern': mark.pattern } : { fill: mark.color };

  if (form === 'radial') {
    // A 240° arc's box is 2r wide and r(1 + sin 30°) = 1.5r tall: fit that, leaving room for the end labels.
    const labelRoom = fontSize + 6;
    const pad = Math.min(4, width / 4, height / 4);
    const outer = Math.max(0, Math.min(width / 2 - pad, (height - labelRoom - pad) / 1.5));
    const cx = width / 2;
    const cy = pad + outer;
    const thickness = Math.max(2, outer * 0.22);
    const angle = createScale('linear', domain, [START, END]);
    const angleOf = (x: number) => clamp(angle.map(x), START, END);
    const at = (a: number, r: number): [number, number] => [cx + Math.sin(a) * r, cy - Math.cos(a) * r];
    marks.plot = { left: cx - outer, top: cy - outer, width: 2 * outer, height: outer * 1.5 };
    const ring = arc<{ startAngle: number; endAngle: number; innerRadius: number; outerRadius: number }>();
    const group = svg(doc, 'g', { class: 'dial' });
    // d3's arcs are drawn around the origin: they go in a group moved to the centre.
    const arcs = svg(doc, 'g', { class: 'arcs', transform: `translate(${cx},${cy})` });
    group.append(arcs);
    const bandInner = Math.max(0, outer - thickness * 0.35);
    const valueOuter = Math.max(0, bandInner - 2);
    const valueInner = Math.max(0, valueOuter - thickness * 0.65);
    if (outer > 0) {
      arcs.append(svg(doc, 'path', { class: 'track', d: ring({ startAngle: START, endAngle: END, innerRadius: valueInner, outerRadius: valueOuter }) ?? '', ...trackPaint }));
      for (const [index, band] of bands.entries()) {
        const start = angleOf(band.from);
        const end = angleOf(band.to);
        const mark = bandMark(band, index, start, end);
        if (end <= start) continue;
        arcs.append(svg(doc, 'path', { class: 'band', d: ring({ startAngle: start, endAngle: end, innerRadius: bandInner, outerRadius: outer }) ?? '', ...bandPaint(mark), 'data-label': band.label }));
      }
      if (shown !== null) {
        const end = angleOf(shown);
        arcs.append(svg(doc, 'path', { class: 'value', d: ring({ startAngle: START, endAngle: end, innerRadius: valueInner, outerRadius: valueOuter }) ?? '', fill: valueColor }));
        marks.valuePoint = at(end, (valueInner + valueOuter) / 2);
      }
      if (targetValue !== undefined) {
        const a = angleOf(targetValue);
        const [x1, y1] = at(a, Math.max(0, valueInner - 3));
        const [x2, y2] = at(a, outer);
        group.append(svg(doc, 'line', { class: 'target', x1, y1, x2, y2, stroke: palette.target, 'stroke-width': 2.5 }));
        marks.targetPoint = at(a, outer);
      }
      for (const end of [domain[0], domain[1]]) {
        const [x, y] = at(angleOf(end), (valueInner + outer) / 2);
        const label = tickLabel(end);
        marks.ticks.push({ position: angleOf(end), label });
        group.append(svg(doc, 'text', { class: 'end', x, y: Math.min(height - 2, y + fontSize + 6), 'text-anchor': 'middle', fill: palette.muted, 'font-size': fontSize }, label));
      }
      const readingSize = Math.max(fontSize, Math.min(valueInner * 0.55, (valueInner * 1.6) / Math.max(1, valueText.length * 0.6)));
      group.append(svg(doc, 'text', { class: 'reading', x: cx, y: cy + readingSize * 0.3, 'text-anchor': 'middle', fill: palette.text, 'font-size': readingSize, 'font-weight': 'bold' }, valueText));
      // Under the reading, one line each: the unit, then the band the value is in.
      let lineY = cy + readingSize * 0.3;
      for (const [name, text] of [['unit', unit], ['band-name', bandName]] as const) {
        if (!text) continue;
        lineY += fontSize + 4;
        group.append(svg(doc, 'text', { class: name, x: cx, y: lineY, 'text-anchor': 'middle', fill: name === 'unit' ? palette.muted : palette.text, 'font-size': fontSize }, text));
        marks.caption.push(text);
      }
    }
    root.append(group);
  } else {
    // Bullet: the reading on the left, the bar across the rest, ticks below.
    const caption = [unit, bandName].filter(Boolean).join(' · ');
    const readingWidth = Math.min(width * 0.35, Math.max(valueText.length, caption.length * 0.8) * fontSize * 0.75 + 12);
    const left = Math.min(width, readingWidth + 4);
    const barHeight = Math.min(height, Math.max(4, Math.min(Math.max(28, fontSize * 2.5), height - fontSize - 14)));
    const top = clamp((height - barHeight - fontSize - 8) / 2, 0, height - barHeight);
    const plot: PlotRect = { left, top, width: Math.max(0, width - left - 10), height: barHeight };
    marks.plot = plot;
    const x = createScale('linear', domain, [plot.left, plot.left + plot.width]);
    const xOf = (v: number) => clamp(x.map(v), plot.left, plot.left + plot.width);
    const group = svg(doc, 'g', { class: 'bullet' });
    group.append(svg(doc, 'rect', { class: 'track', x: plot.left, y: plot.top, width: plot.width, height: plot.height, ...trackPaint }));
    for (const [index, band] of bands.entries()) {
      const start = xOf(band.from);
      const end = xOf(band.to);
      const mark = bandMark(band, index, start, end);
      if (end <= start) continue;
      group.append(svg(doc, 'rect', { class: 'band', x: start, y: plot.top, width: end - start, height: plot.height, ...bandPaint(mark), 'data-label': band.label }));
    }
    if (shown !== null) {
      const zero = xOf(clamp(0, domain[0], domain[1]));
      const end = xOf(shown);
      const barTop = plot.top + plot.height / 3;
      // Over coloured bands the bar takes the text colour, so it never vanishes into its own band.
      const fill = bands.length > 0 ? palette.text : valueColor;
      group.append(svg(doc, 'rect', { class: 'value', x: Math.min(zero, end), y: barTop, width: Math.abs(end - zero), height: plot.height / 3, fill, stroke: palette.surface, 'stroke-width': 1 }));
      marks.valuePoint = [end, plot.top + plot.height / 2];
    }
    if (targetValue !== undefined) {
      const p = xOf(targetValue);
      group.append(svg(doc, 'line', { class: 'target', x1: p, x2: p, y1: plot.top + 2, y2: plot.top + plot.height - 2, stroke: palette.target, 'stroke-width': 3 }));
      marks.targetPoint = [p, plot.top + plot.height / 2];
    }
    const ticks = tickValues.map((value) => ({ position: x.map(value), label: tickLabel(value) }));
    marks.ticks = ticks;
    const axis = svg(doc, 'g');
    drawAxis(axis, 'bottom', ticks, { ...plot, height: plot.height + 2 }, palette, false, fontSize);
    group.append(axis);
    group.append(svg(doc, 'text', { class: 'reading', x: readingWidth, y: plot.top + plot.height / 2, dy: caption ? '0' : '0.35em', 'text-anchor': 'end', fill: palette.text, 'font-size': Math.min(Math.max(20, fontSize * 1.6), Math.max(fontSize, plot.height * 0.7)), 'font-weight': 'bold' }, valueText));
    if (caption) {
      group.append(svg(doc, 'text', { class: 'unit', x: readingWidth, y: plot.top + plot.height / 2 + fontSize + 2, 'text-anchor': 'end', fill: palette.muted, 'font-size': fontSize }, caption));
      marks.caption.push(caption);
    }
    root.append(group);
  }
  target.append(root);
  return marks;
}
