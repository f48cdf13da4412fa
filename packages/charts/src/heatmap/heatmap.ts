import { color as parseColor } from 'd3-color';
import { interpolateLab } from 'd3-interpolate';
import type { Locale } from '@ioc-kit/data';
import { estimateTextWidth, TICK_FONT_SIZE } from '../internal/axis.js';
import { svg, type PlotRect } from '../internal/draw.js';
import { DEFAULT_TIME_ZONE, formatValue, tickFormatter, zoneOffsetMinutes } from '../internal/format.js';
import { bandPattern, patternDefs, patternFill, usesPatterns, type FillPattern } from '../internal/fill-patterns.js';
import type { ChartPalette } from '../internal/palette.js';

/** `calendar`: one cell per day, weeks as columns (Monday first), a block per year; `hour-weekday`: 7 × 24 cells. */
export type HeatmapLayout = 'calendar' | 'hour-weekday';
export type HeatmapScale = 'sequential' | 'diverging';

/** A band of values with a meaning and an official colour (e.g. a VN_AQI band). */
export interface HeatmapBand {
  from: number;
  to: number;
  label: string;
  /** Resolved colour (from `--ioc-sys-color-<token>`). */
  color: string;
}

export interface HeatmapOptions {
  locale: Locale;
  palette: ChartPalette;
  layout?: HeatmapLayout;
  scale?: HeatmapScale;
  /** Colour stops low to high, resolved (from `--ioc-sys-color-seq-*` or `--ioc-sys-color-div-*`). */
  colors: readonly string[];
  /**
   * Bands of the indicator: when given, each cell takes its band's colour (a day of VN_AQI
   * "Kém" is the official orange) instead of a ramp, and the legend lists the bands by name.
   * Values beyond the first or last band take that band's colour.
   */
  bands?: readonly HeatmapBand[];
  /** The unit of the values (e.g. `µg/m³`, or an index's name), written in the legend. */
  unit?: string;
  /** Fixed value range; default the data's. */
  domain?: readonly [number, number];
  /** The diverging scale's centre (default 0 when the data spans it, else the mean). */
  midpoint?: number;
  timeZone?: string;
  /** At most this many years in the calendar, the latest (default 5). */
  maxYears?: number;
}

export interface HeatmapSize {
  width: number;
  height: number;
}

export interface HeatmapCell {
  /** `2026-11-24` (calendar) or `0-8` (weekday 0 = Monday, hour 8). */
  key: string;
  row: number;
  column: number;
  x: number;
  y: number;
  size: number;
  /** NaN when the day or hour has no value. */
  value: number;
  /** Values averaged into the cell. */
  count: number;
  color: string;
  /** The period in words, e.g. `Thứ Ba 24/11/2026` or `Thứ Hai, 08:00–09:00`. */
  label: string;
  /** The band the value falls in, when the heatmap is coloured by bands. */
  band?: string;
  /** The band's fill pattern under forced colours (`palette.forced`), as its legend swatch shows. */
  pattern?: FillPattern;
  /** Start of the day or hour-of-week slot (epoch ms); for hour × weekday, the latest such hour. */
  t: number;
}

export interface HeatmapMarks {
  width: number;
  height: number;
  layout: HeatmapLayout;
  plot: PlotRect;
  domain: [number, number];
  midpoint?: number;
  years: number[];
  cells: HeatmapCell[];
  rowLabels: string[];
  columnLabels: { position: number; label: string }[];
  /** What the legend shows: the ramp's ends (with the unit), or the bands by name. */
  legend: { kind: 'ramp' | 'bands' | 'none'; items: { label: string; color: string; x: number; y: number; pattern?: FillPattern }[] };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MAX_TIME = 8.64e15;

const WEEKDAYS_SHORT = {
  vi: ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
} as const;
const WEEKDAYS_LONG = {
  vi: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
} as const;
const MONTHS_SHORT = {
  vi: ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11', 'Th12'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
} as const;

/** Short weekday names Monday first, as Vietnamese calendars print them. */
export function weekdayNames(locale: Locale, style: 'short' | 'long' = 'short'): readonly string[] {
  return (style === 'short' ? WEEKDAYS_SHORT : WEEKDAYS_LONG)[locale];
}

export function monthNames(locale: Locale): readonly string[] {
  return MONTHS_SHORT[locale];
}

/** Monday = 0 … Sunday = 6 of a local date written as UTC fields. */
const weekdayOf = (localMs: number) => (new Date(localMs).getUTCDay() + 6) % 7;
const two = (n: number) => String(n).padStart(2, '0');

/**
 * A colour scale over resolved stops: piecewise Lab interpolation when every stop parses,
 * otherwise the nearest stop (a theme may write colours d3-color cannot read, e.g. `oklch()`).
 */
export function colorRamp(colors: readonly string[]): (t: number) => string {
  const stops = colors.filter((c) => c.trim() !== '');
  if (stops.length === 0) return () => 'currentColor';
  if (stops.length === 1) return () => stops[0] as string;
  const parsed = stops.every((c) => parseColor(c) !== null);
  const segments = parsed ? stops.slice(1).map((stop, i) => interpolateLab(stops[i] as string, stop)) : [];
  return (t: number) => {
    const u = Number.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0;
    if (segments.length > 0) {
      const x = u * segments.length;
      const i = Math.min(segments.length - 1, Math.floor(x));
      const segment = segments[i];
      if (segment) return segment(x - i);
    }
    return stops[Math.min(stops.length - 1, Math.round(u * (stops.length - 1)))] as string;
  };
}

interface Aggregate {
  sum: number;
  count: number;
  /** Latest time seen in the cell (epoch ms). */
  t: number;
}

function add(map: Map<string, Aggregate>, key: string, value: number, t: number): void {
  const cell = map.get(key);
  if (!cell) {
    map.set(key, { sum: Number.isFinite(value) ? value : 0, count: Number.isFinite(value) ? 1 : 0, t });
    return;
  }
  if (Number.isFinite(value)) {
    cell.sum += value;
    cell.count++;
  }
  if (t > cell.t) cell.t = t;
}

const meanOf = (cell: Aggregate | undefined) => (cell && cell.count > 0 ? cell.sum / cell.count : Number.NaN);

/** Range of the finite cell means (sums can overflow: a mean of huge values is clamped). */
function extent(values: readonly number[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [Number.NaN, Number.NaN];
}

/**
 * Draws a heatmap into `target`: a calendar (days of one or more years, weeks as columns,
 * Monday first, Vietnamese or English month and weekday labels) or hour of day × weekday, with
 * values averaged per cell and coloured on a sequential or diverging ramp of token colours.
 * Cells without data are outlined, not filled. A small legend shows the ramp. Pure apart from
 * the target; the same input draws the same marks.
 */
export function renderHeatmap(
  target: HTMLElement,
  series: { t: ArrayLike<number>; v: ArrayLike<number> },
  options: HeatmapOptions,
  size: HeatmapSize,
): HeatmapMarks {
  const doc = target.ownerDocument;
  const width = Math.max(0, Number.isFinite(size.width) ? size.width : 0);
  const height = Math.max(0, Number.isFinite(size.height) ? size.height : 0);
  const layout = options.layout ?? 'calendar';
  const locale = options.locale;
  const palette = options.palette;
  const zone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const n = Math.min(series.t.length, series.v.length);
  let latest = Number.NaN;
  for (let i = 0; i < n; i++) {
    const t = series.t[i] as number;
    if (Number.isFinite(t) && Math.abs(t) <= MAX_TIME && !(t <= latest)) latest = t;
  }
  // Vietnam keeps UTC+07:00 all year: one offset per render places every day and hour.
  const offset = Number.isFinite(latest) ? zoneOffsetMinutes(zone, latest) * 60_000 : 7 * HOUR;
  const localOf = (t: number) => t + offset;

  const cellsByKey = new Map<string, Aggregate>();
  let years: number[] = [];
  if (layout === 'calendar') {
    const maxYears = Math.max(1, Math.floor(options.maxYears ?? 5));
    const latestYear = Number.isFinite(latest) ? new Date(localOf(latest)).getUTCFullYear() : Number.NaN;
    const yearSet = new Set<number>();
    for (let i = 0; i < n; i++) {
      const t = series.t[i] as number;
      if (!Number.isFinite(t) || Math.abs(t) > MAX_TIME - DAY) continue;
      const local = new Date(localOf(t));
      const year = local.getUTCFullYear();
      if (!(year > latestYear - maxYears)) continue;
      yearSet.add(year);
      const key = `${String(year).padStart(4, '0')}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`;
      add(cellsByKey, key, series.v[i] as number, Date.UTC(year, local.getUTCMonth(), local.getUTCDate()) - offset);
    }
    years = [...yearSet].sort((a, b) => a - b);
  } else {
    for (let i = 0; i < n; i++) {
      const t = series.t[i] as number;
      if (!Number.isFinite(t) || Math.abs(t) > MAX_TIME - DAY) continue;
      const local = localOf(t);
      const hour = new Date(local).getUTCHours();
      add(cellsByKey, `${weekdayOf(local)}-${hour}`, series.v[i] as number, Math.floor(local / HOUR) * HOUR - offset);
    }
  }

  const means = [...cellsByKey.values()].map(meanOf);
  let [lo, hi] = options.domain && Number.isFinite(options.domain[0]) && Number.isFinite(options.domain[1]) ? [Math.min(...options.domain), Math.max(...options.domain)] : extent(means);
  const diverging = options.scale === 'diverging';
  let midpoint: number | undefined;
  if (diverging && Number.isFinite(lo) && Number.isFinite(hi)) {
    const finite = means.filter(Number.isFinite);
    const mean = finite.reduce((sum, v) => sum + v / finite.length, 0);
    midpoint = options.midpoint !== undefined && Number.isFinite(options.midpoint) ? options.midpoint : lo <= 0 && hi >= 0 ? 0 : mean;
    const reach = Math.max(Math.abs(lo - midpoint), Math.abs(hi - midpoint));
    [lo, hi] = [midpoint - reach, midpoint + reach];
  }
  const ramp = colorRamp(options.colors);
  const bands = (options.bands ?? []).filter((band) => Number.isFinite(band.from) && Number.isFinite(band.to) && band.to > band.from);
  const bandFor = (v: number): HeatmapBand | undefined => {
    if (!Number.isFinite(v) || bands.length === 0) return undefined;
    const last = bands[bands.length - 1] as HeatmapBand;
    const found = bands.find((band) => v >= band.from && (v < band.to || (band === last && v <= band.to)));
    if (found) return found;
    // Beyond the scale (an AQI over 500, a rounding below 0): the nearest end's band.
    return v > last.to ? last : v < (bands[0] as HeatmapBand).from ? bands[0] : undefined;
  };
  // Labels and the room kept for them follow the theme's label size (on a wall, the chart's size).
  const fontSize = palette.fontSize > 0 ? palette.fontSize : TICK_FONT_SIZE;
  const unit = (options.unit ?? '').trim();
  const position = (v: number): number => {
    if (!Number.isFinite(v)) return Number.NaN;
    const span = hi - lo;
    if (!(span > 0) || !Number.isFinite(span)) return diverging ? 0.5 : 1;
    return (v - lo) / span;
  };

  const rowLabels = [...weekdayNames(locale)];
  // Capitals (Mon, Wed) run wider than the average glyph the estimate assumes: a little slack.
  const weekdayColumn = Math.ceil(Math.max(...rowLabels.map((label) => estimateTextWidth(label, fontSize))) * 1.2) + 6;
  // Legend along the bottom: seven ramp swatches between the ends' values (and the unit), or
  // the bands by name, wrapped into rows (only the bands the data reaches when all would
  // take more than two rows).
  const swatchSize = Math.min(12, fontSize);
  const rowHeight = fontSize + 6;
  const legendWidth = Math.max(1, width - weekdayColumn - (years.length > 1 ? estimateTextWidth('0000', fontSize) + 6 : 0) - 4);
  let bandRows: { band: HeatmapBand; x: number; row: number }[] = [];
  const unitTitle = unit ? `${unit}:` : '';
  const layoutBands = (list: readonly HeatmapBand[]) => {
    const placed: { band: HeatmapBand; x: number; row: number }[] = [];
    let x = unitTitle ? estimateTextWidth(unitTitle, fontSize) + 8 : 0;
    let row = 0;
    for (const band of list) {
      const itemWidth = swatchSize + 4 + estimateTextWidth(band.label, fontSize);
      if (x > 0 && x + itemWidth > legendWidth) {
        row++;
        x = 0;
      }
      placed.push({ band, x, row });
      x += itemWidth + 12;
    }
    return placed;
  };
  if (bands.length > 0 && Number.isFinite(lo)) {
    bandRows = layoutBands(bands);
    if ((bandRows[bandRows.length - 1]?.row ?? 0) > 1) {
      const reached = new Set(means.map(bandFor));
      bandRows = layoutBands(bands.filter((band) => reached.has(band)));
    }
  }
  const legendHeight = !Number.isFinite(lo) ? 0 : bandRows.length > 0 ? ((bandRows[bandRows.length - 1]?.row ?? 0) + 1) * rowHeight + 6 : fontSize + 14;
  const cells: HeatmapCell[] = [];
  const columnLabels: { position: number; label: string }[] = [];
  const root = svg(doc, 'svg', { class: `ioc-heatmap ioc-heatmap-${layout}`, 'aria-hidden': 'true', width, height, viewBox: `0 0 ${width} ${height}` });
  const labelGroup = svg(doc, 'g', { class: 'labels', fill: palette.muted, 'font-size': fontSize });
  const cellGroup = svg(doc, 'g', { class: 'cells' });
  let plot: PlotRect;
  // Under forced colours every band is one system colour: each band gets its own pattern.
  const patterned = usesPatterns(palette) && bands.length > 0;
  const patternOf = (band: HeatmapBand): FillPattern => bandPattern(bands.indexOf(band));
  const colorOf = (value: number): { color: string; band?: string; pattern?: FillPattern } => {
    if (bands.length > 0) {
      const band = bandFor(value);
      return band ? { color: band.color, band: band.label, ...(patterned ? { pattern: patternOf(band) } : {}) } : { color: 'none' };
    }
    const p = position(value);
    return { color: Number.isFinite(p) ? ramp(p) : 'none' };
  };

  if (layout === 'calendar') {
    const yearLabel = years.length > 1 ? estimateTextWidth('0000', fontSize) + 6 : 0;
    const left = Math.min(width, yearLabel + weekdayColumn);
    const top = Math.min(height, fontSize + 4);
    const availableWidth = Math.max(0, width - left - 4);
    const blocks = Math.max(1, years.length);
    // Room for the month labels between year blocks, never more than an eighth of a block.
    const blockGap = Math.min(fontSize + 8, Math.max(0, height - top - legendHeight) / (blocks * 8));
    const availableHeight = Math.max(0, height - top - legendHeight - 4 - (blocks - 1) * blockGap);
    const cell = Math.max(0, Math.min(availableWidth / 54, availableHeight / (7 * blocks)));
    plot = { left, top, width: cell * 54, height: blocks * 7 * cell + (blocks - 1) * blockGap };
    years.forEach((year, block) => {
      const blockTop = top + block * (7 * cell + blockGap);
      const jan1 = Date.UTC(year, 0, 1);
      const firstMonday = jan1 - weekdayOf(jan1) * DAY;
      const daysInYear = Math.round((Date.UTC(year + 1, 0, 1) - jan1) / DAY);
      if (years.length > 1) labelGroup.append(svg(doc, 'text', { class: 'year', x: 0, y: blockTop + 3.5 * cell, dy: '0.32em', 'font-weight': 'bold' }, String(year)));
      if (block === 0 || cell >= fontSize) {
        for (let month = 0; month < 12; month++) {
          const first = Date.UTC(year, month, 1);
          const column = Math.floor((first - firstMonday) / (7 * DAY));
          const x = left + column * cell;
          const label = monthNames(locale)[month] ?? '';
          if (block === 0) columnLabels.push({ position: x, label });
          if (cell * 4.3 >= estimateTextWidth(label, fontSize)) labelGroup.append(svg(doc, 'text', { class: 'month', x, y: blockTop - 3 }, label));
        }
      }
      rowLabels.forEach((label, row) => {
        // Small cells: label Monday, Wednesday and Friday only, as most calendars do (or fewer, so labels never overlap).
        if (cell < fontSize && row % Math.max(2, Math.ceil(fontSize / Math.max(cell, 1e-9))) !== 0) return;
        labelGroup.append(svg(doc, 'text', { class: 'weekday', x: left - 4, y: blockTop + (row + 0.5) * cell, dy: '0.32em', 'text-anchor': 'end' }, label));
      });
      for (let d = 0; d < daysInYear; d++) {
        const day = jan1 + d * DAY;
        const date = new Date(day);
        const key = `${String(year).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
        const aggregate = cellsByKey.get(key);
        const value = meanOf(aggregate);
        const row = weekdayOf(day);
        const column = Math.floor((day - firstMonday) / (7 * DAY));
        cells.push({
          key,
          row,
          column,
          x: left + column * cell,
          y: blockTop + row * cell,
          size: cell,
          value,
          count: aggregate?.count ?? 0,
          ...colorOf(value),
          label: `${weekdayNames(locale, 'long')[row] ?? ''} ${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${year}`,
          t: day - offset,
        });
      }
    });
  } else {
    const left = Math.min(width, weekdayColumn);
    const top = Math.min(height, fontSize + 4);
    const cell = Math.max(0, Math.min(Math.max(0, width - left - 4) / 24, Math.max(0, height - top - legendHeight - 4) / 7));
    plot = { left, top, width: 24 * cell, height: 7 * cell };
    const hourEvery = cell >= 24 ? 1 : cell >= 12 ? 3 : 6;
    for (let hour = 0; hour < 24; hour++) {
      const x = left + (hour + 0.5) * cell;
      const label = locale === 'en' ? `${two(hour)}:00` : `${hour}h`;
      columnLabels.push({ position: x, label });
      if (hour % hourEvery === 0) labelGroup.append(svg(doc, 'text', { class: 'hour', x, y: top - 4, 'text-anchor': 'middle' }, label));
    }
    rowLabels.forEach((label, row) => {
      // Rows clearly thinner than a line of text: every k-th weekday, so labels do not overlap.
      if (cell < fontSize * 0.8 && row % Math.ceil(fontSize / Math.max(cell, 1e-9)) !== 0) return;
      labelGroup.append(svg(doc, 'text', { class: 'weekday', x: left - 4, y: top + (row + 0.5) * cell, dy: '0.32em', 'text-anchor': 'end' }, label));
    });
    for (let row = 0; row < 7; row++) {
      for (let hour = 0; hour < 24; hour++) {
        const key = `${row}-${hour}`;
        const aggregate = cellsByKey.get(key);
        const value = meanOf(aggregate);
        cells.push({
          key,
          row,
          column: hour,
          x: left + hour * cell,
          y: top + row * cell,
          size: cell,
          value,
          count: aggregate?.count ?? 0,
          ...colorOf(value),
          label: `${weekdayNames(locale, 'long')[row] ?? ''}, ${two(hour)}:00–${two((hour + 1) % 24)}:00`,
          t: aggregate?.t ?? Number.NaN,
        });
      }
    }
  }

  const gap = cells[0] && cells[0].size >= 6 ? 1 : 0;
  if (patterned) root.append(patternDefs(doc, 'ioc-heatmap', bands.map(patternOf), palette, true));
  for (const cell of cells) {
    const filled = cell.color !== 'none';
    if (filled && cell.pattern) {
      cellGroup.append(
        svg(doc, 'rect', {
          x: cell.x + gap / 2,
          y: cell.y + gap / 2,
          width: Math.max(0, cell.size - gap),
          height: Math.max(0, cell.size - gap),
          rx: Math.min(2, cell.size / 5),
          fill: patternFill('ioc-heatmap', cell.pattern),
          stroke: palette.text,
          'stroke-width': 0.5,
          'data-key': cell.key,
          'data-pattern': cell.pattern,
        }),
      );
      continue;
    }
    cellGroup.append(
      svg(doc, 'rect', {
        x: cell.x + gap / 2,
        y: cell.y + gap / 2,
        width: Math.max(0, cell.size - gap),
        height: Math.max(0, cell.size - gap),
        rx: Math.min(2, cell.size / 5),
        fill: filled ? cell.color : 'none',
        stroke: filled ? undefined : palette.grid,
        'stroke-width': filled ? undefined : 0.5,
        'data-key': cell.key,
      }),
    );
  }
  root.append(cellGroup, labelGroup);

  const legendMarks: HeatmapMarks['legend'] = { kind: 'none', items: [] };
  if (legendHeight > 0 && plot.width > 0 && bandRows.length > 0) {
    const legend = svg(doc, 'g', { class: 'legend legend-bands', 'font-size': fontSize, fill: palette.muted });
    const y0 = Math.min(height - legendHeight + 2, plot.top + plot.height + 6);
    if (unitTitle) legend.append(svg(doc, 'text', { class: 'unit', x: plot.left, y: y0 + swatchSize / 2, dy: '0.32em' }, unitTitle));
    legendMarks.kind = 'bands';
    for (const { band, x, row } of bandRows) {
      const left = plot.left + x;
      const y = y0 + row * rowHeight;
      const pattern = patterned ? patternOf(band) : undefined;
      legend.append(
        pattern
          ? svg(doc, 'rect', { x: left, y, width: swatchSize, height: swatchSize, rx: Math.min(2, swatchSize / 5), fill: patternFill('ioc-heatmap', pattern), stroke: palette.text, 'stroke-width': 1, 'data-pattern': pattern })
          : svg(doc, 'rect', { x: left, y, width: swatchSize, height: swatchSize, rx: Math.min(2, swatchSize / 5), fill: band.color, stroke: palette.grid, 'stroke-width': 0.5 }),
      );
      legend.append(svg(doc, 'text', { x: left + swatchSize + 4, y: y + swatchSize / 2, dy: '0.32em' }, band.label));
      legendMarks.items.push({ label: band.label, color: band.color, x: left, y, ...(pattern ? { pattern } : {}) });
    }
    root.append(legend);
  } else if (legendHeight > 0 && plot.width > 0) {
    const legend = svg(doc, 'g', { class: 'legend', 'font-size': fontSize, fill: palette.muted });
    const steps = 7;
    const swatch = Math.min(Math.max(16, fontSize * 1.4), plot.width / (steps + 8));
    const swatchHeight = Math.min(Math.max(10, fontSize * 0.9), swatch);
    const y = Math.min(height - legendHeight + 2, plot.top + plot.height + 6);
    const format = tickFormatter(Math.abs(hi - lo) / 4, Math.max(Math.abs(lo), Math.abs(hi)), locale);
    const loText = format(lo);
    const hiText = unit ? `${format(hi)} ${unit}` : format(hi);
    const x0 = Math.max(plot.left + estimateTextWidth(loText, fontSize) + 4, plot.left + plot.width - steps * swatch - estimateTextWidth(hiText, fontSize) - 4);
    legend.append(svg(doc, 'text', { x: x0 - 4, y: y + swatchHeight / 2, dy: '0.32em', 'text-anchor': 'end' }, loText));
    for (let i = 0; i < steps; i++) {
      legend.append(svg(doc, 'rect', { x: x0 + i * swatch, y, width: swatch, height: swatchHeight, fill: ramp(i / (steps - 1)) }));
    }
    legend.append(svg(doc, 'text', { x: x0 + steps * swatch + 4, y: y + swatchHeight / 2, dy: '0.32em' }, hiText));
    legendMarks.kind = 'ramp';
    legendMarks.items.push({ label: loText, color: ramp(0), x: x0 - 4, y }, { label: hiText, color: ramp(1), x: x0 + steps * swatch + 4, y });
    root.append(legend);
  }

  for (const old of target.querySelectorAll(':scope > svg.ioc-heatmap')) old.remove();
  target.append(root);
  return {
    width,
    height,
    layout,
    plot,
    domain: [lo, hi],
    ...(midpoint !== undefined ? { midpoint } : {}),
    years,
    cells,
    rowLabels,
    columnLabels,
    legend: legendMarks,
  };
}

/** The words for one cell: its period, value and band, e.g. `Thứ Ba 24/11/2026: 85 µg/m³ (Trung bình)`. */
export function heatmapCellText(cell: HeatmapCell, locale: Locale, decimals = 0, unit = ''): string {
  const value = Number.isFinite(cell.value) ? `${formatValue(cell.value, locale, decimals)}${unit ? ` ${unit}` : ''}${cell.band ? ` (${cell.band})` : ''}` : locale === 'en' ? 'no data' : 'không có dữ liệu';
  return `${cell.label}: ${value}`;
}
