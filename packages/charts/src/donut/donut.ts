import { arc, pie, type PieArcDatum } from 'd3-shape';
import type { Locale } from '@ioc-kit/data';
import { svg } from '../internal/draw.js';
import { formatValue } from '../internal/format.js';
import { seriesColor, type ChartPalette } from '../internal/palette.js';
import { fillPattern, patternDefs, patternFill, usesPatterns, type FillPattern } from '../internal/fill-patterns.js';

export interface DonutSlice {
  key: string;
  label: string;
  /** Only positive finite values make a slice (a share of a whole cannot be negative). */
  value: number | null | undefined;
  color?: string;
}

export interface DonutOptions {
  locale: Locale;
  palette: ChartPalette;
  decimals?: number;
  /** Unit shown after the centre total, e.g. `tỷ đồng`. */
  unit?: string;
  /** Slices below this share of the total (0..1, default 0.03) are grouped into one "other" slice. */
  otherThreshold?: number;
  /** Label of the grouped slice; default `Khác` / `Other`. */
  otherLabel?: string;
  /** Keys of slices not to draw (the total counts only what is shown). */
  hidden?: ReadonlySet<string>;
  /** Inner radius as a share of the outer (default 0.6). */
  innerRatio?: number;
  /** A caption under the total, e.g. `Tổng` / `Total`. */
  totalLabel?: string;
}

export interface DonutSize {
  width: number;
  height: number;
}

export interface DonutSliceMark {
  key: string;
  label: string;
  value: number;
  /** Share of the total, 0..1. */
  share: number;
  startAngle: number;
  endAngle: number;
  color: string;
  /** Where a keyboard focus mark sits: the middle of the ring at the slice's middle angle. */
  centroid: [number, number];
  /** Keys of the slices grouped into "other" (only on that slice). */
  members?: string[];
  /**
   * The slice's fill pattern under forced colours (`palette.forced`): the slice's position in
   * the input picks it, so hiding a slice never changes another's; "other" is `none` (outlined).
   */
  pattern?: FillPattern;
}

export interface DonutMarks {
  width: number;
  height: number;
  cx: number;
  cy: number;
  outer: number;
  inner: number;
  total: number;
  totalText: string;
  slices: DonutSliceMark[];
}

/** The key of the grouped slice. */
export const OTHER_KEY = '__other__';

const isPositive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

/** A slice as drawn: after grouping, with its colour. */
export interface DonutPart {
  key: string;
  label: string;
  value: number;
  color: string;
  /** Position in the input (what picks colour and pattern); -1 for "other". */
  index: number;
  members?: string[];
}

export interface SliceOptions {
  /** Slices below this share of the total (0..1, default 0.03) may be grouped into "other". */
  threshold?: number;
  /** At most this many slices, "other" included, as long as "other" stays small (default: no limit). */
  maxSlices?: number;
  /** The most "other" may hold, as a share of the total (0..1, default 0.1). */
  maxOtherShare?: number;
  otherLabel?: string;
  hidden?: ReadonlySet<string>;
  palette?: ChartPalette;
}

/** What a donut can show: its slices, and whether they fit `maxSlices` with a small "other". */
export interface SlicePlan {
  parts: DonutPart[];
  /**
   * False when no grouping gives at most `maxSlices` slices with "other" small: the whole is
   * spread over many similar parts, and a donut would either be unreadable or say "other" is
   * the biggest part. Show the largest parts as bars instead.
   */
  fits: boolean;
}

/**
 * Plans a donut's slices: positive values only; slices below `threshold` of the total are
 * merged into one "other" slice, smallest first, only while "other" stays small (at most
 * `maxOtherShare` of the total and smaller than the largest slice: "other" is never the biggest
 * part); then, beyond `maxSlices`, the smallest slices are merged on the same terms. A lone
 * small slice keeps its name. The input order is kept; "other" comes last.
 */
export function planSlices(slices: readonly DonutSlice[], options: SliceOptions = {}): SlicePlan {
  const threshold = Number.isFinite(options.threshold) ? (options.threshold as number) : 0.03;
  const maxOther = Number.isFinite(options.maxOtherShare) ? Math.max(0, options.maxOtherShare as number) : 0.1;
  const hidden = options.hidden ?? new Set<string>();
  const palette = options.palette;
  const parts: DonutPart[] = [];
  slices.forEach((slice, index) => {
    if (hidden.has(slice.key) || !isPositive(slice.value)) return;
    parts.push({ key: slice.key, label: slice.label, value: slice.value, color: slice.color ?? (palette ? seriesColor(palette, index) : ''), index });
  });
  const maxSlices = Math.max(1, Math.floor(Number.isFinite(options.maxSlices) ? (options.maxSlices as number) : Number.POSITIVE_INFINITY));
  // Shares relative to the largest part: sums of huge values cannot overflow to Infinity.
  const largest = parts.reduce((max, part) => Math.max(max, part.value), 0);
  if (!(largest > 0)) return { parts, fits: parts.length <= maxSlices };
  let total = 0;
  for (const part of parts) total += part.value / largest;
  const share = (value: number) => value / largest / total;
  // Smallest first; ties by position, so the plan never depends on the sort's stability.
  const bySize = parts.map((part, index) => ({ part, index })).sort((a, b) => a.part.value - b.part.value || b.index - a.index);
  const grouped = new Set<DonutPart>();
  let other = 0;
  const room = (part: DonutPart) => {
    const next = other + share(part.value);
    // "Other" stays small and below the largest part it sits beside.
    return next <= maxOther + 1e-12 && next < share(largest) - 1e-12;
  };
  for (const { part } of bySize) {
    if (share(part.value) >= threshold || !room(part)) break;
    grouped.add(part);
    other += share(part.value);
  }
  for (const { part } of bySize) {
    const count = parts.length - grouped.size + (grouped.size > 0 ? 1 : 0);
    if (count <= maxSlices) break;
    if (grouped.has(part)) continue;
    if (!room(part)) break;
    grouped.add(part);
    other += share(part.value);
  }
  if (grouped.size < 2) return { parts, fits: parts.length <= maxSlices };
  const kept = parts.filter((part) => !grouped.has(part));
  const members = parts.filter((part) => grouped.has(part));
  const sum = members.reduce((acc, part) => acc + part.value, 0);
  kept.push({ key: OTHER_KEY, label: options.otherLabel ?? 'Khác', value: sum, color: palette?.muted ?? '', index: -1, members: members.map((part) => part.key) });
  return { parts: kept, fits: kept.length <= maxSlices };
}

/** The slices of `planSlices`, for callers that only draw them. */
export function groupSlices(slices: readonly DonutSlice[], options: SliceOptions = {}): DonutPart[] {
  return planSlices(slices, options).parts;
}

/**
 * Draws a donut of shares into `target`, with the total (locale-formatted, with its unit) in
 * the centre, and small slices grouped as "Khác" / "Other". Pure apart from the target: nodes
 * come from `target.ownerDocument`, text is text, and the same input draws the same marks.
 */
export function renderDonut(target: HTMLElement, slices: readonly DonutSlice[], options: DonutOptions, size: DonutSize): DonutMarks {
  const doc = target.ownerDocument;
  const width = Math.max(0, Number.isFinite(size.width) ? size.width : 0);
  const height = Math.max(0, Number.isFinite(size.height) ? size.height : 0);
  const locale = options.locale;
  const palette = options.palette;
  const threshold = Number.isFinite(options.otherThreshold) ? (options.otherThreshold as number) : 0.03;
  const parts = groupSlices(slices, { threshold, otherLabel: options.otherLabel ?? (locale === 'en' ? 'Other' : 'Khác'), ...(options.hidden ? { hidden: options.hidden } : {}), palette });
  let total = 0;
  for (const part of parts) total += part.value;
  // Angles come from values relative to the largest: sums of huge values cannot overflow and
  // denormal ones cannot divide by zero.
  const largest = parts.reduce((max, part) => Math.max(max, part.value), 0);
  const cx = width / 2;
  const cy = height / 2;
  const outer = Math.max(0, Math.min(width, height) / 2 - 2);
  const ratio = Number.isFinite(options.innerRatio) ? Math.max(0, Math.min(0.95, options.innerRatio as number)) : 0.6;
  const inner = outer * ratio;

  const layout = pie<DonutPart>()
    .value((part) => (largest > 0 ? part.value / largest : 0))
    .sort(null)
    .padAngle(parts.length > 1 ? Math.min(0.02, 2 / Math.max(outer, 1)) : 0);
  const arcs: PieArcDatum<DonutPart>[] = layout(parts);
  const shape = arc<PieArcDatum<DonutPart>>().innerRadius(inner).outerRadius(outer).cornerRadius(Math.min(2, (outer - inner) / 4));
  const middle = (inner + outer) / 2;
  const sum = total;

  const patterned = usesPatterns(palette);
  const marks: DonutSliceMark[] = arcs.map((datum) => {
    const angle = (datum.startAngle + datum.endAngle) / 2;
    const mark: DonutSliceMark = {
      key: datum.data.key,
      label: datum.data.label,
      value: datum.data.value,
      share: Number.isFinite(total) && total > 0 ? datum.data.value / total : (datum.endAngle - datum.startAngle) / (2 * Math.PI),
      startAngle: datum.startAngle,
      endAngle: datum.endAngle,
      color: datum.data.color,
      centroid: [cx + Math.sin(angle) * middle, cy - Math.cos(angle) * middle],
    };
    if (datum.data.members) mark.members = datum.data.members;
    if (patterned) mark.pattern = datum.data.index < 0 || datum.data.key === OTHER_KEY ? 'none' : fillPattern(datum.data.index);
    return mark;
  });

  for (const old of target.querySelectorAll(':scope > svg.ioc-donut')) old.remove();
  const root = svg(doc, 'svg', { class: 'ioc-donut', 'aria-hidden': 'true', width, height, viewBox: `0 0 ${width} ${height}` });
  // Under forced colours each slice has its own pattern, outlined in the text colour.
  if (patterned && marks.length > 0) root.append(patternDefs(doc, 'ioc-donut', marks.map((mark) => mark.pattern ?? 'solid'), palette));
  const ring = svg(doc, 'g', { class: 'slices', transform: `translate(${cx},${cy})` });
  if (marks.length === 0 && outer > 0) {
    ring.append(svg(doc, 'circle', { class: 'track', r: middle, fill: 'none', stroke: palette.grid, 'stroke-width': Math.max(1, outer - inner) }));
  }
  arcs.forEach((datum, index) => {
    const mark = marks[index];
    const d = shape(datum);
    if (!mark || !d) return;
    ring.append(
      mark.pattern
        ? svg(doc, 'path', { d, fill: patternFill('ioc-donut', mark.pattern), stroke: palette.text, 'stroke-width': 1.5, 'data-key': mark.key, 'data-pattern': mark.pattern })
        : svg(doc, 'path', { d, fill: mark.color, stroke: palette.surface, 'stroke-width': 1, 'data-key': mark.key }),
    );
  });
  root.append(ring);

  const totalText = `${formatValue(sum, locale, options.decimals ?? 0)}${options.unit ? ` ${options.unit}` : ''}`;
  // Labels follow the theme's label size (on a wall, the chart's size).
  const labelSize = palette.fontSize;
  if (inner > labelSize) {
    // The total's font shrinks to fit the hole; long units wrap to a second line.
    const fontSize = Math.max(labelSize, Math.min(inner / 2.2, (inner * 1.7) / Math.max(1, formatValue(sum, locale, options.decimals ?? 0).length * 0.6)));
    const centre = svg(doc, 'g', { class: 'centre', 'text-anchor': 'middle' });
    centre.append(
      svg(doc, 'text', { class: 'total', x: cx, y: cy, dy: options.unit ? '0' : '0.35em', fill: palette.text, 'font-size': fontSize, 'font-weight': 'bold' }, formatValue(sum, locale, options.decimals ?? 0)),
    );
    if (options.unit) centre.append(svg(doc, 'text', { class: 'unit', x: cx, y: cy + labelSize + 4, fill: palette.muted, 'font-size': labelSize }, options.unit));
    if (options.totalLabel) centre.append(svg(doc, 'text', { class: 'caption', x: cx, y: cy - fontSize * 0.9, fill: palette.muted, 'font-size': labelSize }, options.totalLabel));
    root.append(centre);
  }
  target.append(root);
  return { width, height, cx, cy, outer, inner, total: sum, totalText, slices: marks };
}
