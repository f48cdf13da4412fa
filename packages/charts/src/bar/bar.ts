import { scaleBand } from 'd3-scale';
import type { Locale } from '@ioc-kit/data';
import { drawAxis, estimateTextWidth, type AxisTick } from '../internal/axis.js';
import { clamp, svg, type PlotRect } from '../internal/draw.js';
import { formatValue, tickFormatter } from '../internal/format.js';
import { seriesColor, type ChartPalette } from '../internal/palette.js';
import { bandPattern, fillPattern, patternDefs, patternFill, usesPatterns, type FillPattern } from '../internal/fill-patterns.js';
import { createScale, niceDomain } from '../internal/scales.js';

export type BarOrientation = 'vertical' | 'horizontal';
/** `grouped` bars side by side, `stacked` on each other, `percent`: stacked to 100 % of each category. */
export type BarLayout = 'grouped' | 'stacked' | 'percent';
/**
 * `bar`: lengths from zero. `dot`: a dot at each value on a value axis zoomed to the data, where
 * position rather than length carries the value, so an axis that does not start at zero cannot
 * mislead. `auto`: dots when the values differ by too little for bars from zero to show it.
 */
export type BarMarkKind = 'bar' | 'dot' | 'auto';

export interface BarCategory {
  key: string;
  label: string;
}

export interface BarSeries {
  key: string;
  label: string;
  /** One value per category, in the categories' order; null, NaN or ±Infinity draw no bar. */
  values: readonly (number | null | undefined)[];
  /** Resolved colour; default: the palette's categorical colour for the series' position. */
  color?: string;
}

export interface BarData {
  categories: readonly BarCategory[];
  series: readonly BarSeries[];
}

/** Colours bars by whether their value is on the good or the bad side of `reference`. */
export interface BarPolarity {
  direction: 'higher-is-better' | 'lower-is-better';
  reference: number;
  good: string;
  bad: string;
}

export interface BarOptions {
  locale: Locale;
  palette: ChartPalette;
  orientation?: BarOrientation;
  layout?: BarLayout;
  /** Keys of series not to draw. */
  hidden?: ReadonlySet<string>;
  /** Key of the category to highlight (outlined, its label bold; the others dimmed). */
  highlight?: string;
  decimals?: number;
  /** Write each bar's value at its end (grouped layout only). */
  valueLabels?: boolean;
  polarity?: BarPolarity;
  /** A reference line across the plot (not drawn in the percent layout), labelled with `label` at its end. */
  target?: { value: number; label: string };
  /** Bars or dots (grouped layout only; default `bar`). */
  mark?: BarMarkKind;
  /** The values' unit, written after each value label when it is short (`99,1 %`); longer units go in `axisLabel` only. */
  unit?: string;
  /** Title of the value axis, e.g. `Đơn vị: tấn/ngày`: under a horizontal chart's axis, above a vertical one's. */
  axisLabel?: string;
  /**
   * Colours bars by the band holding their value (`from` inclusive, `to` exclusive, the last
   * band's `to` included), e.g. the official VN_AQI colours; `polarity` takes precedence.
   */
  bands?: readonly { from: number; to: number; color: string }[];
  /** Values the indicator can take (e.g. 0–100 for a rate): a zoomed axis never reaches past them (no "101 %" tick). */
  valueRange?: { min?: number; max?: number };
}

export interface BarSize {
  width: number;
  height: number;
}

/** One drawn bar, in CSS px. */
export interface BarMark {
  series: string;
  category: string;
  seriesIndex: number;
  categoryIndex: number;
  /** The value as given. */
  value: number;
  /** Percent of the category's total (percent layout), else undefined. */
  percent?: number;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  /**
   * The bar's fill pattern under forced colours (`palette.forced`), picked as its colour is:
   * by good/bad (polarity: solid / diagonal), by the band's position in `bands` (`bandPattern`),
   * else by the series' position (a single series stays solid).
   */
  pattern?: FillPattern;
  highlighted: boolean;
}

export interface BarMarks {
  width: number;
  height: number;
  plot: PlotRect;
  orientation: BarOrientation;
  layout: BarLayout;
  valueDomain: [number, number];
  /** The marks drawn: bars, or dots on a zoomed axis. */
  mark: 'bar' | 'dot';
  /** True when the value axis does not start at zero (dots only). */
  zoomed: boolean;
  categoryTicks: AxisTick[];
  valueTicks: AxisTick[];
  bars: BarMark[];
  /** Where the target line is drawn; `offAxis` when it lies beyond a zoomed axis (then only its label, at that edge). */
  target?: { position: number; label: string; offAxis?: 'low' | 'high' };
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Cuts a label to about `maxWidth` px at the label font size, with an ellipsis. */
function fitLabel(label: string, maxWidth: number, fontSize: number): string {
  const chars = Math.floor(maxWidth / (fontSize * 0.6));
  if (label.length <= chars) return label;
  if (chars <= 1) return '';
  return `${label.slice(0, chars - 1)}…`;
}

/** Units short enough to follow every value label (`99,1 %`, `12 cm`). */
const SHORT_UNIT = 3;

/**
 * Whether bars from zero would hide how the values differ: all of one sign and spread over less
 * than a fifth of the largest, as a ranking of on-time rates between 98 and 99.7 % is.
 */
export function valuesNeedZoom(values: readonly (number | null | undefined)[]): boolean {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let count = 0;
  for (const value of values) {
    if (!isFiniteNumber(value)) continue;
    lo = Math.min(lo, value);
    hi = Math.max(hi, value);
    count++;
  }
  if (count < 2 || !(lo > 0 || hi < 0)) return false;
  const magnitude = Math.max(Math.abs(lo), Math.abs(hi));
  return Number.isFinite(hi - lo) && hi - lo < 0.2 * magnitude;
}

/** Stacks values of one category: positives upwards from 0, negatives downwards (as d3's diverging offset). */
function stackCategory(values: readonly (number | undefined)[]): { base: number; end: number }[] {
  let positive = 0;
  let negative = 0;
  return values.map((value) => {
    if (!isFiniteNumber(value)) return { base: Number.NaN, end: Number.NaN };
    if (value >= 0) {
      const base = positive;
      positive += value;
      return { base, end: positive };
    }
    const base = negative;
    negative += value;
    return { base, end: negative };
  });
}

/**
 * Draws bars into `target`: vertical or horizontal, grouped, stacked or stacked to 100 %,
 * with a highlighted category, optional value labels, a target line and colours by polarity.
 * Categories come in the order given (sort first for a ranking: see `rankRows`). Nodes are
 * made through `target.ownerDocument`, labels are text, the same input draws the same marks,
 * and nothing is drawn outside the plot rectangle except axis labels.
 */
export function renderBar(target: HTMLElement, data: BarData, options: BarOptions, size: BarSize): BarMarks {
  const doc = target.ownerDocument;
  const width = Math.max(0, Number.isFinite(size.width) ? size.width : 0);
  const height = Math.max(0, Number.isFinite(size.height) ? size.height : 0);
  const orientation = options.orientation ?? 'vertical';
  const layout = options.layout ?? 'grouped';
  const palette = options.palette;
  // Labels and the room kept for them follow the theme's label size (on a wall, the chart's size).
  const fontSize = palette.fontSize;
  const locale = options.locale;
  const decimals = options.decimals ?? 0;
  const hidden = options.hidden ?? new Set<string>();
  const categories = data.categories;
  const allSeries = data.series.map((series, index) => ({ series, index }));
  const visible = allSeries.filter(({ series }) => !hidden.has(series.key));

  // Values per category and visible series (percent: shares of the category's absolute total).
  const raw = categories.map((_, c) => visible.map(({ series }) => {
    const value = series.values[c];
    return isFiniteNumber(value) ? value : undefined;
  }));
  const shown = raw.map((row) => {
    if (layout !== 'percent') return row;
    const total = row.reduce<number>((sum, value) => sum + (value === undefined ? 0 : Math.abs(value)), 0);
    return row.map((value) => (value === undefined || !(total > 0) || !Number.isFinite(total) ? undefined : (value / total) * 100));
  });
  const stacks = layout === 'grouped' ? undefined : shown.map(stackCategory);

  const target_ = options.target && layout !== 'percent' && isFiniteNumber(options.target.value) ? options.target : undefined;
  const mark: 'bar' | 'dot' =
    layout === 'grouped' && (options.mark === 'dot' || (options.mark === 'auto' && valuesNeedZoom(raw.flat()))) ? 'dot' : 'bar';

  let lo = 0;
  let hi = 0;
  // A target far off the values of a zoomed axis would squeeze them into a corner: it is then
  // named at the axis's edge, with an arrow towards it, instead of drawn.
  let targetOff: 'low' | 'high' | undefined;
  if (mark === 'dot') {
    // Dots sit on an axis zoomed to the values (and the target), padded so none sits on an edge.
    lo = Number.POSITIVE_INFINITY;
    hi = Number.NEGATIVE_INFINITY;
    for (const value of raw.flat()) {
      if (value === undefined) continue;
      lo = Math.min(lo, value);
      hi = Math.max(hi, value);
    }
    if (target_ && hi >= lo) {
      const span = Math.max(hi, target_.value) - Math.min(lo, target_.value);
      if (span > 0 && hi - lo < 0.35 * span && (target_.value < lo || target_.value > hi)) targetOff = target_.value < lo ? 'low' : 'high';
      else {
        lo = Math.min(lo, target_.value);
        hi = Math.max(hi, target_.value);
      }
    }
    if (!(hi >= lo)) [lo, hi] = [0, 1];
    const pad = hi > lo ? (hi - lo) * 0.08 : Math.max(Math.abs(hi) * 0.01, 1e-9);
    lo -= pad;
    hi += pad;
  } else {
    shown.forEach((row, c) => {
      row.forEach((value, s) => {
        if (value === undefined) return;
        const extent = stacks ? stacks[c]?.[s] : { base: 0, end: value };
        if (!extent || !Number.isFinite(extent.end)) return;
        lo = Math.min(lo, extent.end);
        hi = Math.max(hi, extent.end);
      });
    });
    if (target_) {
      lo = Math.min(lo, target_.value);
      hi = Math.max(hi, target_.value);
    }
  }
  // Sums of huge values overflow to Infinity: keep the domain finite.
  if (!Number.isFinite(lo)) lo = -Number.MAX_VALUE / 4;
  if (!Number.isFinite(hi)) hi = Number.MAX_VALUE / 4;
  let valueDomain: [number, number] = layout === 'percent' ? [lo < 0 ? -100 : 0, hi > 0 || lo === 0 ? 100 : 0] : niceDomain(lo, hi, 5);
  if (mark === 'dot' && options.valueRange) {
    const { min, max } = options.valueRange;
    const clamped: [number, number] = [isFiniteNumber(min) ? Math.max(min, valueDomain[0]) : valueDomain[0], isFiniteNumber(max) ? Math.min(max, valueDomain[1]) : valueDomain[1]];
    if (clamped[1] > clamped[0]) valueDomain = clamped;
  }
  if (!(valueDomain[1] > valueDomain[0])) valueDomain = [0, 1];
  const zoomed = mark === 'dot' && (valueDomain[0] > 0 || valueDomain[1] < 0);

  const valueTickValues = createScale('linear', valueDomain, [0, 1]).ticks(orientation === 'vertical' ? Math.max(2, Math.floor(height / 40)) : Math.max(2, Math.floor(width / 80)));
  const step = valueTickValues.length > 1 ? Math.abs((valueTickValues[1] as number) - (valueTickValues[0] as number)) : 1;
  const tickFormat = tickFormatter(step, Math.max(Math.abs(valueDomain[0]), Math.abs(valueDomain[1])), locale);
  const valueLabel = (value: number) => `${tickFormat(value)}${layout === 'percent' ? ' %' : ''}`;
  const widestTick = Math.max(0, ...valueTickValues.map((value) => estimateTextWidth(valueLabel(value), fontSize)));
  const unit = options.unit && options.unit.length <= SHORT_UNIT ? ` ${options.unit}` : '';
  const labelText = (value: number) => `${formatValue(value, locale, decimals)}${unit}`;
  const valueLabels = options.valueLabels === true && layout === 'grouped';
  const widestValueLabel = valueLabels ? Math.max(0, ...raw.flat().map((value) => (value === undefined ? 0 : estimateTextWidth(labelText(value), fontSize)))) : 0;
  const axisLabel = options.axisLabel ?? '';
  // A line of text above or below the plot: the target's label, the axis title.
  const line = fontSize + 6;
  const dotRadius = 6;

  const widestCategory = Math.max(0, ...categories.map((category) => estimateTextWidth(category.label, fontSize)));
  let plot: PlotRect;
  if (orientation === 'vertical') {
    const left = Math.min(widestTick + 10, width * 0.3);
    const top = (valueLabels ? fontSize + 6 : 8) + (axisLabel ? line : 0);
    plot = { left, top, width: Math.max(0, width - left - 8), height: Math.max(0, height - top - fontSize - 10) };
  } else {
    const left = Math.min(widestCategory + 10, width * 0.4);
    const right = Math.min(8 + (valueLabels ? widestValueLabel + 6 + (mark === 'dot' ? dotRadius : 0) : widestTick / 2), width * 0.25);
    const top = target_ ? line : 4;
    const bottom = fontSize + 10 + (axisLabel ? line : 0);
    plot = { left, top, width: Math.max(0, width - left - right), height: Math.max(0, height - top - bottom) };
  }
  const plotRight = plot.left + plot.width;
  const plotBottom = plot.top + plot.height;

  const band = scaleBand<number>()
    .domain(categories.map((_, index) => index))
    .range(orientation === 'vertical' ? [plot.left, plotRight] : [plot.top, plotBottom])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  // Few categories would make slabs: bars stay at most 48 px thick, centred in their band.
  const bandSize = Math.min(band.bandwidth(), 48 * (layout === 'grouped' ? Math.max(1, visible.length) : 1));
  const bandOffset = (band.bandwidth() - bandSize) / 2;
  const inner = scaleBand<number>()
    .domain(visible.map((_, index) => index))
    .range([0, bandSize])
    .paddingInner(visible.length > 1 ? 0.08 : 0);
  const valueScale = createScale('linear', valueDomain, orientation === 'vertical' ? [plotBottom, plot.top] : [plot.left, plotRight]);
  const valueMin = orientation === 'vertical' ? plot.top : plot.left;
  const valueMax = orientation === 'vertical' ? plotBottom : plotRight;
  const toPixel = (value: number) => clamp(valueScale.map(value), valueMin, valueMax);

  // The colour of a bar, and the position that picks its pattern under forced colours.
  const colorOf = (seriesIndex: number, series: BarSeries, value: number): { color: string; pattern: FillPattern } => {
    const polarity = options.polarity;
    if (polarity && isFiniteNumber(polarity.reference)) {
      const good = polarity.direction === 'higher-is-better' ? value >= polarity.reference : value <= polarity.reference;
      return good ? { color: polarity.good, pattern: fillPattern(0) } : { color: polarity.bad, pattern: fillPattern(1) };
    }
    const bands = options.bands;
    if (bands && bands.length > 0) {
      const last = bands[bands.length - 1];
      const index = bands.findIndex((b) => value >= b.from && (value < b.to || (b === last && value <= b.to)));
      const band = bands[index];
      if (band?.color) return { color: band.color, pattern: bandPattern(index) };
    }
    return { color: series.color ?? seriesColor(palette, seriesIndex), pattern: fillPattern(seriesIndex) };
  };
  const patterned = usesPatterns(palette);

  const bars: BarMark[] = [];
  categories.forEach((category, c) => {
    const start = band(c) ?? Number.NaN;
    if (!Number.isFinite(start)) return;
    visible.forEach(({ series, index: seriesIndex }, s) => {
      const given = raw[c]?.[s];
      const value = shown[c]?.[s];
      if (given === undefined || value === undefined) return;
      const extent = stacks ? stacks[c]?.[s] : { base: 0, end: value };
      if (!extent || !Number.isFinite(extent.base) || !Number.isFinite(extent.end)) return;
      const offset = stacks ? 0 : (inner(s) ?? 0);
      const thickness = stacks ? bandSize : inner.bandwidth();
      const along = start + bandOffset + offset;
      let x: number;
      let y: number;
      let w: number;
      let h: number;
      if (mark === 'dot') {
        // The mark is the dot's box, kept inside the plot.
        const r = Math.max(0, Math.min(dotRadius, Math.max(2, thickness / 2), plot.width / 2, plot.height / 2));
        const centre = clamp(toPixel(extent.end), valueMin + r, valueMax - r);
        const middle = along + thickness / 2;
        [x, y, w, h] = orientation === 'vertical' ? [middle - r, centre - r, 2 * r, 2 * r] : [centre - r, middle - r, 2 * r, 2 * r];
        x = clamp(x, plot.left, Math.max(plot.left, plotRight - w));
        y = clamp(y, plot.top, Math.max(plot.top, plotBottom - h));
      } else {
        const p0 = toPixel(extent.base);
        const p1 = toPixel(extent.end);
        [x, y, w, h] = orientation === 'vertical' ? [along, Math.min(p0, p1), thickness, Math.abs(p1 - p0)] : [Math.min(p0, p1), along, Math.abs(p1 - p0), thickness];
      }
      const paint = colorOf(seriesIndex, series, given);
      const bar: BarMark = {
        series: series.key,
        category: category.key,
        seriesIndex,
        categoryIndex: c,
        value: given,
        x,
        y,
        width: w,
        height: h,
        color: paint.color,
        ...(patterned ? { pattern: paint.pattern } : {}),
        highlighted: options.highlight !== undefined && category.key === options.highlight,
      };
      if (layout === 'percent') bar.percent = value;
      bars.push(bar);
    });
  });

  const valueTicks: AxisTick[] = valueTickValues.map((value) => ({ position: valueScale.map(value), label: valueLabel(value) }));
  const categoryTicks: AxisTick[] = categories.map((category, c) => ({ position: (band(c) ?? Number.NaN) + band.bandwidth() / 2, label: category.label }));

  // ---- drawing ----------------------------------------------------------------------
  for (const old of target.querySelectorAll(':scope > svg.ioc-bar')) old.remove();
  const root = svg(doc, 'svg', { class: 'ioc-bar', 'aria-hidden': 'true', width, height, viewBox: `0 0 ${width} ${height}` });
  const valueAxis = svg(doc, 'g');
  drawAxis(valueAxis, orientation === 'vertical' ? 'left' : 'bottom', valueTicks, plot, palette);
  root.append(valueAxis);
  if (axisLabel) {
    const title =
      orientation === 'vertical'
        ? svg(doc, 'text', { class: 'axis-label', x: 0, y: fontSize, 'text-anchor': 'start', fill: palette.muted, 'font-size': fontSize }, axisLabel)
        : svg(doc, 'text', { class: 'axis-label', x: plotRight, y: plotBottom + 2 * fontSize + 10, 'text-anchor': 'end', fill: palette.muted, 'font-size': fontSize }, axisLabel);
    root.append(title);
  }

  const categoryAxis = svg(doc, 'g', { class: 'categories' });
  // Labels that do not fit the band are cut; when bands are thinner than a line of text, every k-th is shown.
  const bandSpace = band.step();
  // A ranking names every row: where rows are thinner than the text (large wall text in a small
  // chart), the names get smaller, down to 10 px, before any is left out.
  const categorySize = orientation === 'vertical' ? fontSize : Math.max(Math.min(fontSize, 10), Math.min(fontSize, bandSpace - 2));
  const every = orientation === 'vertical' ? 1 : Math.max(1, Math.ceil((categorySize + 2) / Math.max(bandSpace, 1e-9)));
  // Vertical labels that do not fit their band: every k-th label, whole, rather than all of them cut.
  const verticalEvery = orientation === 'vertical' ? Math.max(1, Math.ceil((Math.min(widestCategory, 120) + 6) / Math.max(bandSpace, 1e-9))) : 1;
  categoryTicks.forEach((tick, c) => {
    if (!Number.isFinite(tick.position)) return;
    const category = categories[c];
    if (!category) return;
    const highlighted = category.key === options.highlight;
    if (!highlighted && c % Math.max(every, verticalEvery) !== 0) return;
    const text =
      orientation === 'vertical'
        ? svg(doc, 'text', { x: tick.position, y: plotBottom + fontSize + 4, 'text-anchor': 'middle', fill: palette.muted, 'font-size': fontSize })
        : svg(doc, 'text', { x: plot.left - 6, y: tick.position, dy: '0.32em', 'text-anchor': 'end', fill: palette.muted, 'font-size': categorySize });
    const room = orientation === 'vertical' ? bandSpace * verticalEvery : plot.left - 8;
    text.textContent = fitLabel(tick.label, room, categorySize);
    if (highlighted) {
      text.setAttribute('font-weight', 'bold');
      text.setAttribute('fill', palette.text);
    }
    if (text.textContent !== tick.label) text.append(svg(doc, 'title', {}, tick.label));
    categoryAxis.append(text);
  });
  root.append(categoryAxis);

  const anyHighlight = bars.some((bar) => bar.highlighted);
  if (mark === 'dot') {
    // A faint guide along each row (or column) leads the eye from the label to its dot.
    const guides = svg(doc, 'g', { class: 'guides' });
    for (const bar of bars) {
      const attributes =
        orientation === 'vertical'
          ? { x1: bar.x + bar.width / 2, x2: bar.x + bar.width / 2, y1: plot.top, y2: plotBottom }
          : { x1: plot.left, x2: plotRight, y1: bar.y + bar.height / 2, y2: bar.y + bar.height / 2 };
      guides.append(svg(doc, 'line', { ...attributes, stroke: palette.grid, 'stroke-width': 1, 'stroke-dasharray': '2 3' }));
    }
    root.append(guides);
  }

  // Under forced colours every bar is one system colour: its pattern (outlined) tells it apart.
  if (patterned && bars.length > 0) root.append(patternDefs(doc, 'ioc-bar', bars.map((bar) => bar.pattern ?? 'solid'), palette));
  const group = svg(doc, 'g', { class: 'bars' });
  for (const bar of bars) {
    const fill = bar.pattern ? patternFill('ioc-bar', bar.pattern) : bar.color;
    const node =
      mark === 'dot'
        ? svg(doc, 'circle', { cx: bar.x + bar.width / 2, cy: bar.y + bar.height / 2, r: bar.width / 2, fill, 'data-series': bar.series, 'data-category': bar.category })
        : svg(doc, 'rect', { x: bar.x, y: bar.y, width: bar.width, height: bar.height, fill, 'data-series': bar.series, 'data-category': bar.category });
    if (bar.pattern) {
      node.setAttribute('data-pattern', bar.pattern);
      node.setAttribute('stroke', palette.text);
      node.setAttribute('stroke-width', '1');
    }
    if (bar.highlighted) {
      node.setAttribute('class', 'highlight');
      node.setAttribute('stroke', palette.text);
      node.setAttribute('stroke-width', '2');
    } else if (anyHighlight) {
      node.setAttribute('fill-opacity', '0.55');
    }
    group.append(node);
  }
  root.append(group);

  // The target line goes under the value labels, which carry a halo of the surface colour: the
  // line stops short of every label instead of striking through it.
  let targetMark: BarMarks['target'];
  if (target_ && targetOff) {
    targetMark = { position: targetOff === 'low' ? valueMin : valueMax, label: target_.label, offAxis: targetOff };
  } else if (target_) {
    const position = toPixel(target_.value);
    targetMark = { position, label: target_.label };
    const targetGroup = svg(doc, 'g', { class: 'target' });
    const rule =
      orientation === 'vertical'
        ? svg(doc, 'line', { class: 'target', x1: plot.left, x2: plotRight, y1: position, y2: position })
        : svg(doc, 'line', { class: 'target', x1: position, x2: position, y1: plot.top, y2: plotBottom });
    rule.setAttribute('stroke', palette.target);
    rule.setAttribute('stroke-width', '1.5');
    rule.setAttribute('stroke-dasharray', '6 4');
    targetGroup.append(rule);
    root.append(targetGroup);
  }

  const halo = { stroke: palette.surface, 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' };
  if (valueLabels) {
    const labels = svg(doc, 'g', { class: 'value-labels' });
    for (const bar of bars) {
      const text = labelText(bar.value);
      const negative = bar.value < 0;
      const gap = mark === 'dot' ? 4 : 3;
      const attributes =
        orientation === 'vertical'
          ? { x: bar.x + bar.width / 2, y: negative && mark === 'bar' ? bar.y + bar.height + fontSize : bar.y - gap, 'text-anchor': 'middle' }
          : { x: negative && mark === 'bar' ? bar.x - gap : bar.x + bar.width + gap, y: bar.y + bar.height / 2, dy: '0.32em', 'text-anchor': negative && mark === 'bar' ? 'end' : 'start' };
      labels.append(svg(doc, 'text', { ...attributes, ...halo, fill: palette.text, 'font-size': fontSize, 'font-weight': bar.highlighted ? 'bold' : undefined }, text));
    }
    root.append(labels);
  }

  if (target_ && targetMark?.offAxis && target_.label) {
    // Off the axis: named at the edge it lies beyond, an arrow pointing on towards it.
    const low = targetMark.offAxis === 'low';
    const label =
      orientation === 'vertical'
        ? svg(doc, 'text', { class: 'target-label off-axis', x: plotRight, y: low ? plotBottom - 4 : plot.top + fontSize, 'text-anchor': 'end', ...halo, fill: palette.target, 'font-size': fontSize }, `${low ? '↓' : '↑'} ${target_.label}`)
        : svg(
            doc,
            'text',
            { class: 'target-label off-axis', x: low ? plot.left : plotRight, y: plot.top - 5, 'text-anchor': low ? 'start' : 'end', ...halo, fill: palette.target, 'font-size': fontSize },
            low ? `← ${target_.label}` : `${target_.label} →`,
          );
    root.append(label);
  } else if (target_ && targetMark && target_.label) {
    // The target says what it is at its end: above the plot (horizontal) or at the right (vertical).
    const half = estimateTextWidth(target_.label) / 2;
    const position = targetMark.position;
    const label =
      orientation === 'vertical'
        ? svg(doc, 'text', { class: 'target-label', x: plotRight, y: position - 4, 'text-anchor': 'end', ...halo, fill: palette.target, 'font-size': fontSize }, target_.label)
        : svg(
            doc,
            'text',
            {
              class: 'target-label',
              x: position,
              y: plot.top - 5,
              'text-anchor': position + half > width ? 'end' : position - half < 0 ? 'start' : 'middle',
              ...halo,
              fill: palette.target,
              'font-size': fontSize,
            },
            target_.label,
          );
    root.append(label);
  }

  target.append(root);
  return {
    width,
    height,
    plot,
    orientation,
    layout,
    valueDomain,
    mark,
    zoomed,
    categoryTicks,
    valueTicks,
    bars,
    ...(targetMark ? { target: targetMark } : {}),
  };
}

export interface RankRow {
  key: string;
  label: string;
  value: number | null | undefined;
}

export interface RankedRow {
  key: string;
  label: string;
  value: number;
  /** 1 for the best value (the highest, or the lowest with `best: 'lowest'`); tied values share a rank. */
  rank: number;
  /** True when another row has exactly the same value, so the same rank ("=1"). */
  tied: boolean;
  /** True for a row kept only because it is the selected one (outside the top/bottom N). */
  extra: boolean;
}

export interface RankOptions {
  /** `top` (default): rank 1 first, the best N; `bottom`: the last ranks, the worst first. */
  order?: 'top' | 'bottom';
  /**
   * Which end ranks 1: `highest` (default) or `lowest`, for an indicator where lower is better
   * (AQI, late dossiers), so that rank 1 is always the best.
   */
  best?: 'highest' | 'lowest';
  /** At most this many rows (default: all). */
  limit?: number;
  /** A row to keep even outside the limit (the selected area), appended after the others. */
  keep?: string;
  locale?: Locale;
}

/**
 * Rows for a ranking: rows without a finite value dropped, ranked by value (1 = the best: the
 * highest, or the lowest with `best: 'lowest'`; ties share a rank, as in "=1, =1, 3"), ordered
 * from rank 1 (`top`) or from the last rank (`bottom`), cut to `limit`, and the `keep` row
 * appended when the cut left it out. Ties are ordered by label, then key, so the order never
 * depends on the input's.
 */
export function rankRows(rows: readonly RankRow[], options: RankOptions = {}): RankedRow[] {
  const collator = new Intl.Collator(options.locale === 'en' ? 'en' : 'vi');
  const sign = options.best === 'lowest' ? -1 : 1;
  const finite = rows.filter((row): row is RankRow & { value: number } => isFiniteNumber(row.value));
  const byValue = [...finite].sort((a, b) => sign * (b.value - a.value) || collator.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const ranked: RankedRow[] = [];
  byValue.forEach((row, index) => {
    const previous = ranked[index - 1];
    const same = previous !== undefined && previous.value === row.value;
    if (same) previous.tied = true;
    ranked.push({ key: row.key, label: row.label, value: row.value, rank: same ? previous.rank : index + 1, tied: same, extra: false });
  });
  const ordered = options.order === 'bottom' ? ranked.reverse() : ranked;
  const limit = options.limit !== undefined && Number.isFinite(options.limit) ? Math.max(0, Math.floor(options.limit)) : ordered.length;
  const kept = ordered.slice(0, limit);
  if (options.keep !== undefined && !kept.some((row) => row.key === options.keep)) {
    const selected = ordered.find((row) => row.key === options.keep);
    if (selected) kept.push({ ...selected, extra: true });
  }
  return kept;
}

/**
 * The fewest decimals, from `decimals` up to `decimals + extra`, at which values that differ are
 * also written differently: two areas ranked 1 and 2 must not both read "99,1".
 */
export function decimalsToTellApart(values: readonly number[], decimals: number, extra = 2): number {
  const base = Math.max(0, Math.min(20, Math.round(Number.isFinite(decimals) ? decimals : 0)));
  const distinct = [...new Set(values.filter(isFiniteNumber))];
  for (let digits = base; digits < base + extra; digits++) {
    if (new Set(distinct.map((value) => value.toFixed(digits))).size === distinct.length) return digits;
  }
  return base + extra;
}
