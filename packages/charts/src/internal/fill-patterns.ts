import { svg } from './draw.js';
import type { ChartPalette } from './palette.js';

/**
 * Fill patterns that tell areas apart when colour cannot: under `forced-colors: active` every
 * donut slice, bar and band is painted in one system colour, so each gets its own texture
 * (solid, hatches, dots...) in the palette's text colour on its surface colour (CanvasText on
 * Canvas). The same shapes draw an SVG `<pattern>`, a canvas pattern and a legend swatch, so
 * the legend shows exactly what the chart draws. Pure data: nothing depends on the clock or the
 * machine, and the same index always gives the same pattern.
 */

/** The side of one pattern tile, in CSS px. */
export const PATTERN_TILE = 8;

/** The patterns, in the order series take them (a reader tells neighbours apart at a glance). */
export const FILL_PATTERNS = ['solid', 'diagonal', 'dots', 'horizontal', 'cross-hatch', 'vertical', 'back-diagonal', 'grid'] as const;

/** A pattern of `FILL_PATTERNS`, or `none` (the surface, outlined): the grouped "other" slice. */
export type FillPattern = (typeof FILL_PATTERNS)[number] | 'none';

/** What one tile of a pattern holds, in tile px (0..PATTERN_TILE); lines may run past the edge so hatches join up. */
export interface PatternShapes {
  kind: FillPattern;
  /** The whole tile in ink. */
  solid: boolean;
  /** Lines `[x1, y1, x2, y2]`, stroked `width` px wide. */
  lines: (readonly [number, number, number, number])[];
  /** Dots `[cx, cy, r]`. */
  dots: (readonly [number, number, number])[];
  width: number;
}

const T = PATTERN_TILE;
const H = T / 2;

/** The pattern series `index` takes, cycling through `FILL_PATTERNS`. */
export function fillPattern(index: number): FillPattern {
  const count = FILL_PATTERNS.length;
  const i = Number.isFinite(index) ? ((Math.trunc(index) % count) + count) % count : 0;
  return FILL_PATTERNS[i] ?? 'solid';
}

/**
 * The pattern band `index` takes (VN_AQI "Tốt" = 0...): never solid, so a value mark drawn in
 * the text colour over a band (the bullet gauge's bar) stays visible; six bands, six patterns.
 */
export function bandPattern(index: number): FillPattern {
  return fillPattern((Number.isFinite(index) ? Math.trunc(index) : 0) + 1);
}

/** The shapes of one tile of pattern `pattern` (or of series `pattern`'s pattern, given an index). */
export function patternShapes(pattern: FillPattern | number): PatternShapes {
  const kind = typeof pattern === 'number' ? fillPattern(pattern) : pattern;
  const shapes: PatternShapes = { kind, solid: false, lines: [], dots: [], width: 1.5 };
  const slash = [
    [-H, H, H, -H],
    [0, T, T, 0],
    [H, T + H, T + H, H],
  ] as const;
  const backslash = [
    [-H, H, H, T + H],
    [0, 0, T, T],
    [H, -H, T + H, H],
  ] as const;
  switch (kind) {
    case 'solid':
      shapes.solid = true;
      break;
    case 'diagonal':
      shapes.lines.push(...slash);
      break;
    case 'back-diagonal':
      shapes.lines.push(...backslash);
      break;
    case 'cross-hatch':
      shapes.lines.push(...slash, ...backslash);
      shapes.width = 1;
      break;
    case 'dots':
      shapes.dots.push([H / 2, H / 2, 1.5], [H + H / 2, H + H / 2, 1.5]);
      break;
    case 'horizontal':
      shapes.lines.push([0, H, T, H]);
      shapes.width = 2;
      break;
    case 'vertical':
      shapes.lines.push([H, 0, H, T]);
      shapes.width = 2;
      break;
    case 'grid':
      shapes.lines.push([0, H, T, H], [H, 0, H, T]);
      shapes.width = 1;
      break;
    case 'none':
      break;
  }
  return shapes;
}

/** True when the chart should fill areas with patterns (forced colours). */
export function usesPatterns(palette: ChartPalette): boolean {
  return palette.forced === true;
}

/** The id of pattern `kind` inside a chart's SVG (`prefix` keeps two charts in one root apart). */
export function patternId(prefix: string, kind: FillPattern): string {
  return `${prefix}-fill-${kind}`;
}

/** `url(#id)` of pattern `kind`, for a `fill` attribute. */
export function patternFill(prefix: string, kind: FillPattern): string {
  return `url(#${patternId(prefix, kind)})`;
}

/**
 * A `<defs>` with one `<pattern>` per kind in `kinds` (each once, in the order given), ink in
 * `palette.text` on `palette.surface`. Put it in the chart's `<svg>`; fill with `patternFill`.
 * Tiles repeat in user space (`PATTERN_TILE` px), so neighbouring areas of one pattern join up;
 * with `fit`, each shape holds exactly one tile scaled to its box (small heatmap cells, whose
 * pitch is no multiple of the tile, then all show the same mark).
 */
export function patternDefs(doc: Document, prefix: string, kinds: Iterable<FillPattern>, palette: ChartPalette, fit = false): SVGDefsElement {
  const defs = svg(doc, 'defs', { class: 'fill-patterns' });
  const seen = new Set<FillPattern>();
  for (const kind of kinds) {
    if (seen.has(kind)) continue;
    seen.add(kind);
    const shapes = patternShapes(kind);
    const pattern = fit
      ? svg(doc, 'pattern', { id: patternId(prefix, kind), 'data-pattern': kind, patternUnits: 'objectBoundingBox', width: 1, height: 1, viewBox: `0 0 ${T} ${T}`, preserveAspectRatio: 'none' })
      : svg(doc, 'pattern', { id: patternId(prefix, kind), 'data-pattern': kind, patternUnits: 'userSpaceOnUse', width: T, height: T });
    pattern.append(svg(doc, 'rect', { width: T, height: T, fill: shapes.solid ? palette.text : palette.surface }));
    for (const [x1, y1, x2, y2] of shapes.lines) {
      pattern.append(svg(doc, 'line', { x1, y1, x2, y2, stroke: palette.text, 'stroke-width': shapes.width, 'stroke-linecap': 'square' }));
    }
    for (const [cx, cy, r] of shapes.dots) pattern.append(svg(doc, 'circle', { cx, cy, r, fill: palette.text }));
    defs.append(pattern);
  }
  return defs;
}

/**
 * A canvas pattern of `kind` (ink `palette.text` on `palette.surface`), drawn on a tile canvas
 * made through `doc`; undefined where canvas is missing. `scale` is the device pixel ratio.
 */
export function canvasPattern(context: CanvasRenderingContext2D, doc: Document, kind: FillPattern, palette: ChartPalette, scale = 1): CanvasPattern | undefined {
  const tile = doc.createElement('canvas');
  const size = Math.max(1, Math.round(T * scale));
  tile.width = size;
  tile.height = size;
  const ink = tile.getContext('2d');
  if (!ink) return undefined;
  const shapes = patternShapes(kind);
  ink.scale(size / T, size / T);
  ink.fillStyle = shapes.solid ? palette.text : palette.surface;
  ink.fillRect(0, 0, T, T);
  ink.strokeStyle = palette.text;
  ink.fillStyle = palette.text;
  ink.lineWidth = shapes.width;
  ink.lineCap = 'square';
  for (const [x1, y1, x2, y2] of shapes.lines) {
    ink.beginPath();
    ink.moveTo(x1, y1);
    ink.lineTo(x2, y2);
    ink.stroke();
  }
  for (const [cx, cy, r] of shapes.dots) {
    ink.beginPath();
    ink.arc(cx, cy, r, 0, 2 * Math.PI);
    ink.fill();
  }
  const pattern = context.createPattern(tile, 'repeat');
  const Matrix = doc.defaultView?.DOMMatrix;
  if (pattern && scale !== 1 && Matrix) pattern.setTransform(new Matrix().scale(1 / scale));
  return pattern ?? undefined;
}
