import { scaleBand } from 'd3-scale';
import type { Locale } from '@ioc-kit/data';
import { drawAxis, estimateTextWidth, type AxisTick } from '../internal/axis.js';
import { clamp, svg, type PlotRect } from '../internal/draw.js';
import { formatValue, tickFormatter } from '../internal/format.js';
import { seriesColor, type ChartPalette } from '../internal/palette.js';
import { createScale, niceDomain } from '../internal/scales.js';

export type BarOrientation = 'vertical' | 'horizontal';
/** `grouped` bars side by side, `stacked` on each other, `percent`: stacked to 100 % of each category. */
export type BarLayout = 'grouped' | 'stacked' | 'percent';

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
  /** A reference line across the plot (not drawn in the percent layout). */
  target?: { value: number; label: string };
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
  highlighted: boolean;
}

export interface BarMarks {
  width: number;
  height: number;
  plot: PlotRect;
  orientation: BarOrientation;
  layout: BarLayout;
  valueDomain: [number, number];
  categoryTicks: AxisTick[];
  valueTicks: AxisTick[];
  bars: BarMark[];
  target?: { position: number; label: string };
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Cuts a label to about `maxWidth` px at the label font size, with an ellipsis. */
function fitLabel(label: string, maxWidth: number, fontSize: number): string {
  const chars = Math.floor(maxWidth / (fontSize * 0.6));
  if (label.length <= chars) return label;
  if (chars <= 1) return '';
  return `${label.slice(0, chars - 1)}…`;
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

  let lo = 0;
  let hi = 0;
  shown.forEach((row, c) => {
    row.forEach((value, s) => {
      if (value === undefined) return;
      const extent = stacks ? stacks[c]?.[s] : { base: 0, end: value };
      if (!extent || !Number.isFinite(extent.end)) return;
      lo = Math.min(lo, extent.end);
      hi = Math.max(hi, extent.end);
    });
  });
  const target_ = options.target && layout !== 'percent' && isFiniteNumber(options.target.value) ? options.target : undefined;
  if (target_) {
    lo = Math.min(lo, target_.value);
    hi = Math.max(hi, target_.value);
  }
  // Sums of huge values overflow to Infinity: keep the domain finite.
  if (!Number.isFinite(lo)) lo = -Number.MAX_VALUE / 4;
  if (!Number.isFinite(hi)) hi = Number.MAX_VALUE / 4;
  let valueDomain: [number, number] = layout === 'percent' ? [lo < 0 ? -100 : 0, hi > 0 || lo === 0 ? 100 : 0] : niceDomain(lo, hi, 5);
  if (!(valueDomain[1] > valueDomain[0])) valueDomain = [0, 1];

  const valueTickValues = createScale('linear', valueDomain, [0, 1]).ticks(orientation === 'vertical' ? Math.max(2, Math.floor(height / 40)) : Math.max(2, Math.floor(width / 80)));
  const step = valueTickValues.length > 1 ? Math.abs((valueTickValues[1] as number) - (valueTickValues[0] as number)) : 1;
  const tickFormat = tickFormatter(step, Math.max(Math.abs(valueDomain[0]), Math.abs(valueDomain[1])), locale);
  const valueLabel = (value: number) => `${tickFormat(value)}${layout === 'percent' ? ' %' : ''}`;
  const widestTick = Math.max(0, ...valueTickValues.map((value) => estimateTextWidth(valueLabel(value), fontSize)));
  const labelText = (value: number) => formatValue(value, locale, decimals);
  const valueLabels = options.valueLabels === true && layout === 'grouped';
  const widestValueLabel = valueLabels ? Math.max(0, ...raw.flat().map((value) => (value === undefined ? 0 : estimateTextWidth(labelText(value), fontSize)))) : 0;

  const widestCategory = Math.max(0, ...categories.map((category) => estimateTextWidth(category.label, fontSize)));
  let plot: PlotRect;
  if (orientation === 'vertical') {
    const left = Math.min(widestTick + 10, width * 0.3);
    const top = valueLabels ? fontSize + 6 : 8;
    plot = { left, top, width: Math.max(0, width - left - 8), height: Math.max(0, height - top - fontSize - 10) };
  } else {
    const left = Math.min(widestCategory + 10, width * 0.4);
    const right = Math.min(8 + (valueLabels ? widestValueLabel + 6 : widestTick / 2), width * 0.25);
    plot = { left, top: 4, width: Math.max(0, width - left - right), height: Math.max(0, height - 4 - fontSize - 10) };
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

  const colorOf = (seriesIndex: number, series: BarSeries, value: number): string => {
    const polarity = options.polarity;
    if (polarity && isFiniteNumber(polarity.reference)) {
      const good = polarity.direction === 'higher-is-better' ? value >= polarity.reference : value <= polarity.reference;
      return good ? polarity.good : polarity.bad;
    }
    return series.color ?? seriesColor(palette, seriesIndex);
  };

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
      const p0 = toPixel(extent.base);
      const p1 = toPixel(extent.end);
      const offset = stacks ? 0 : (inner(s) ?? 0);
      const thickness = stacks ? bandSize : inner.bandwidth();
      const along = start + bandOffset + offset;
      const mark: BarMark = {
        series: series.key,
        category: category.key,
        seriesIndex,
        categoryIndex: c,
        value: given,
        x: orientation === 'vertical' ? along : Math.min(p0, p1),
        y: orientation === 'vertical' ? Math.min(p0, p1) : along,
        width: orientation === 'vertical' ? thickness : Math.abs(p1 - p0),
        height: orientation === 'vertical' ? Math.abs(p1 - p0) : thickness,
        color: colorOf(seriesIndex, series, given),
        highlighted: options.highlight !== undefined && category.key === options.highlight,
      };
      if (layout === 'percent') mark.percent = value;
      bars.push(mark);
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

  const categoryAxis = svg(doc, 'g', { class: 'categories' });
  // Labels that do not fit the band are cut; when bands are thinner than a line of text, every k-th is shown.
  const bandSpace = band.step();
  const every = orientation === 'vertical' ? 1 : Math.max(1, Math.ceil((fontSize + 2) / Math.max(bandSpace, 1e-9)));
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
        : svg(doc, 'text', { x: plot.left - 6, y: tick.position, dy: '0.32em', 'text-anchor': 'end', fill: palette.muted, 'font-size': fontSize });
    const room = orientation === 'vertical' ? bandSpace * verticalEvery : plot.left - 8;
    text.textContent = fitLabel(tick.label, room, fontSize);
    if (highlighted) {
      text.setAttribute('font-weight', 'bold');
      text.setAttribute('fill', palette.text);
    }
    if (text.textContent !== tick.label) text.append(svg(doc, 'title', {}, tick.label));
    categoryAxis.append(text);
  });
  root.append(categoryAxis);

  const group = svg(doc, 'g', { class: 'bars' });
  const anyHighlight = bars.some((bar) => bar.highlighted);
  for (const bar of bars) {
    const rect = svg(doc, 'rect', {
      x: bar.x,
      y: bar.y,
      width: bar.width,
      height: bar.height,
      fill: bar.color,
      'data-series': bar.series,
      'data-category': bar.category,
    });
    if (bar.highlighted) {
      rect.setAttribute('class', 'highlight');
      rect.setAttribute('stroke', palette.text);
      rect.setAttribute('stroke-width', '2');
    } else if (anyHighlight) {
      rect.setAttribute('fill-opacity', '0.55');
    }
    group.append(rect);
  }
  root.append(group);

  if (valueLabels) {
    const labels = svg(doc, 'g', { class: 'value-labels' });
    for (const bar of bars) {
      const text = labelText(bar.value);
      const negative = bar.value < 0;
      const attributes =
        orientation === 'vertical'
          ? { x: bar.x + bar.width / 2, y: negative ? bar.y + bar.height + fontSize : bar.y - 3, 'text-anchor': 'middle' }
          : { x: negative ? bar.x - 3 : bar.x + bar.width + 3, y: bar.y + bar.height / 2, dy: '0.32em', 'text-anchor': negative ? 'end' : 'start' };
      labels.append(svg(doc, 'text', { ...attributes, fill: palette.text, 'font-size': fontSize, 'font-weight': bar.highlighted ? 'bold' : undefined }, text));
    }
    root.append(labels);
  }

  let targetMark: BarMarks['target'];
  if (target_) {
    const position = toPixel(target_.value);
    targetMark = { position, label: target_.label };
    const line =
      orientation === 'vertical'
        ? svg(doc, 'line', { class: 'target', x1: plot.left, x2: plotRight, y1: position, y2: position })
        : svg(doc, 'line', { class: 'target', x1: position, x2: position, y1: plot.top, y2: plotBottom });
    line.setAttribute('stroke', palette.target);
    line.setAttribute('stroke-width', '1.5');
    line.setAttribute('stroke-dasharray', '6 4');
    root.append(line);
  }

  target.append(root);
  return {
    width,
    height,
    plot,
    orientation,
    layout,
    valueDomain,
    categoryTicks,
    valueTicks,
    bars,
    ...(targetMark ? { target: targetMark } : {}),
  };
}

/** Removes what `renderBar` drew. */
export function clearBar(target: HTMLElement): void {
  for (const old of target.querySelectorAll(':scope > svg.ioc-bar')) old.remove();
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
  /** 1 for the highest value. */
  rank: number;
  /** True for a row kept only because it is the selected one (outside the top/bottom N). */
  extra: boolean;
}

export interface RankOptions {
  /** `top` (default): the highest values first; `bottom`: the lowest first. */
  order?: 'top' | 'bottom';
  /** At most this many rows (default: all). */
  limit?: number;
  /** A row to keep even outside the limit (the selected area), appended after the others. */
  keep?: string;
  locale?: Locale;
}

/**
 * Rows for a ranking: rows without a finite value dropped, ranked by value (1 = highest; ties
 * share a rank), ordered top or bottom first, cut to `limit`, and the `keep` row appended
 * when the cut left it out. Ties are ordered by label, then key, so the order never depends
 * on the input's.
 */
export function rankRows(rows: readonly RankRow[], options: RankOptions = {}): RankedRow[] {
  const collator = new Intl.Collator(options.locale === 'en' ? 'en' : 'vi');
  const finite = rows.filter((row): row is RankRow & { value: number } => isFiniteNumber(row.value));
  const byValue = [...finite].sort((a, b) => b.value - a.value || collator.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const ranked: RankedRow[] = [];
  byValue.forEach((row, index) => {
    const previous = ranked[index - 1];
    const rank = previous && previous.value === row.value ? previous.rank : index + 1;
    ranked.push({ key: row.key, label: row.label, value: row.value, rank, extra: false });
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
