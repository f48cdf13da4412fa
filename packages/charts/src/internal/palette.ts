/**
 * Colours a chart draws with, already resolved to CSS colour strings (canvas cannot read
 * `var()`). Widgets read them from theme tokens with `readPalette()`, so a chart only ever
 * shows `--ioc-*` colours; tests and other hosts can pass a palette directly.
 */
export interface ChartPalette {
  /** Categorical colours, series 1..n (`--ioc-sys-color-chart-1..8`). */
  readonly series: readonly string[];
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly surface: string;
  readonly target: string;
  readonly signal: string;
  readonly annotation: string;
  /** Colours by band token (`aqi-good` -> value of `--ioc-sys-color-aqi-good`). */
  readonly bands: Readonly<Record<string, string>>;
  /** Stroke width of series lines in CSS px (`--ioc-sys-widget-line-width`: thicker on a video wall, with the chart's size). */
  readonly lineWidth: number;
  /** Font size of axis and other chart labels in CSS px (`--ioc-sys-widget-label-size`: on a video wall, with the chart's size). */
  readonly fontSize: number;
  /**
   * Dash patterns of series 1..n (in multiples of the line width), when colour alone cannot tell
   * the series apart: under `forced-colors: active` every series is CanvasText, so each line gets
   * its own pattern. Absent or empty: every series is solid.
   */
  readonly dashes?: readonly (readonly number[])[];
  /**
   * True under `forced-colors: active`: areas that colour alone tells apart (donut slices, bars
   * coloured by series or band, band segments, heatmap cells by band) are filled with patterns
   * (`fill-patterns.ts`) in `text` on `surface`.
   */
  readonly forced?: boolean;
}

/**
 * Dash patterns for series 1..8 under forced colours, in line widths: solid, then patterns a
 * reader tells apart at a glance (long, short, dot, dash-dot...).
 */
export const SERIES_DASHES: readonly (readonly number[])[] = [[], [6, 3], [2, 2], [8, 3, 2, 3], [1, 3], [10, 4], [4, 2, 1, 2, 1, 2], [3, 5]];

/** How many categorical colours the themes define. */
export const CATEGORICAL_COUNT = 8;

/**
 * The private custom properties a chart widget defines on its host (each defaulting to a
 * component hook, then a system token), which `readPalette` reads back resolved.
 */
export const PALETTE_PROPERTIES = {
  series: (index: number) => `--_chart-series-${index + 1}`,
  text: '--_chart-text',
  muted: '--_chart-muted',
  grid: '--_chart-grid',
  surface: '--_chart-surface',
  target: '--_chart-target',
  signal: '--_chart-signal',
  annotation: '--_chart-annotation',
  lineWidth: '--_chart-line-width',
  fontSize: '--_chart-font-size',
} as const;

/**
 * Resolves CSS colour expressions (`var(--x)`, relative colours, `color-mix()`) to computed
 * colours, which canvas can use, with probes inside `element`'s shadow root: one style
 * recalculation for the whole palette. An expression that does not resolve gives ''.
 */
function computeColors(element: Element, expressions: readonly string[]): string[] {
  const doc = element.ownerDocument;
  const view = doc.defaultView;
  if (!view) return expressions.map(() => '');
  const parent: ParentNode = element.shadowRoot ?? element;
  const colors = expressions.map((expression) => hexColor(expression));
  const probes = expressions.map((expression, index) => {
    if (colors[index] !== undefined) return undefined;
    const probe = doc.createElement('span');
    probe.style.setProperty('display', 'none');
    probe.style.setProperty('color', expression);
    parent.append(probe);
    return probe;
  });
  const resolved = probes.map((probe, index) => colors[index] ?? (probe?.style.getPropertyValue('color') ? view.getComputedStyle(probe).color : ''));
  for (const probe of probes) probe?.remove();
  return resolved;
}

/**
 * `#rgb` or `#rrggbb` (what the built-in themes use) written as the browser computes it,
 * `rgb(r, g, b)`, without a probe element; undefined for anything else.
 */
function hexColor(value: string): string | undefined {
  const text = value.trim();
  if (text.charCodeAt(0) !== 35 || (text.length !== 4 && text.length !== 7)) return undefined;
  const digits: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const digit = Number.parseInt(text.charAt(i), 16);
    if (Number.isNaN(digit)) return undefined;
    digits.push(digit);
  }
  const channel = (i: number) => (text.length === 4 ? (digits[i] as number) * 17 : (digits[2 * i] as number) * 16 + (digits[2 * i + 1] as number));
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

/**
 * Resolves a chart's colours from the custom properties in force on `element` (through its
 * own window, never the global one). `bandTokens` are read as `--ioc-sys-color-<token>`,
 * falling back to `bandFallbacks` (e.g. an official colour the catalogue carries).
 */
export function readPalette(
  element: Element,
  bandTokens: readonly string[] = [],
  bandFallbacks: Readonly<Record<string, string>> = {},
): ChartPalette {
  const view = element.ownerDocument.defaultView;
  const style = view ? view.getComputedStyle(element) : undefined;
  const defined = (name: string): boolean => (style?.getPropertyValue(name).trim() ?? '') !== '';
  const tokens = bandTokens.filter((token) => /^[a-z0-9-]{1,64}$/.test(token));
  const names = [
    ...Array.from({ length: CATEGORICAL_COUNT }, (_, i) => PALETTE_PROPERTIES.series(i)),
    PALETTE_PROPERTIES.text,
    PALETTE_PROPERTIES.muted,
    PALETTE_PROPERTIES.grid,
    PALETTE_PROPERTIES.surface,
    PALETTE_PROPERTIES.target,
    PALETTE_PROPERTIES.signal,
    PALETTE_PROPERTIES.annotation,
    ...tokens.map((token) => `--ioc-sys-color-${token}`),
  ];
  const expressions = names.map((name, index) => {
    // The value in force, already substituted: a plain hex colour needs no probe to resolve.
    const value = style?.getPropertyValue(name).trim() ?? '';
    if (hexColor(value) !== undefined) return value;
    if (defined(name)) return `var(${name})`;
    const token = tokens[index - (names.length - tokens.length)];
    const fallback = token === undefined ? undefined : bandFallbacks[token];
    return fallback ?? '';
  });
  const colors = computeColors(element, expressions);
  const at = (index: number): string => colors[index] ?? '';
  const text = at(CATEGORICAL_COUNT) || LAST_RESORT;
  const muted = at(CATEGORICAL_COUNT + 1) || text;
  const bands: Record<string, string> = {};
  tokens.forEach((token, i) => {
    bands[token] = at(CATEGORICAL_COUNT + 7 + i) || muted;
  });
  const [lineWidth = 1.5, fontSize = 11] = lengthsOf(element, style, [
    [PALETTE_PROPERTIES.lineWidth, 1.5],
    [PALETTE_PROPERTIES.fontSize, 11],
  ]);
  return {
    series: Array.from({ length: CATEGORICAL_COUNT }, (_, i) => at(i) || text),
    text,
    muted,
    grid: at(CATEGORICAL_COUNT + 2) || muted,
    surface: at(CATEGORICAL_COUNT + 3) || 'Canvas',
    target: at(CATEGORICAL_COUNT + 4) || text,
    signal: at(CATEGORICAL_COUNT + 5) || text,
    annotation: at(CATEGORICAL_COUNT + 6) || muted,
    bands,
    lineWidth,
    fontSize,
    // Windows High Contrast (and the emulation designers check it with) paints every series in
    // one system colour: dash patterns keep them apart.
    ...(view?.matchMedia?.('(forced-colors: active)').matches ? { dashes: SERIES_DASHES, forced: true } : {}),
  };
}

/**
 * Lengths in px of custom properties in force on `element` (`[name, fallback]` pairs), resolved
 * through probes inside its shadow root: rem, calc() and the container query units the wall
 * theme uses (relative to the widget, which is the container) all come out as px. A plain
 * `<n>px` needs no probe; an unset or unusable value gives the fallback.
 */
function lengthsOf(element: Element, style: CSSStyleDeclaration | undefined, lengths: readonly (readonly [string, number])[]): number[] {
  const view = element.ownerDocument.defaultView;
  const values = lengths.map(([name]) => style?.getPropertyValue(name).trim() ?? '');
  const plain = values.map((value) => (/^\d+(\.\d+)?px$/.test(value) ? Number.parseFloat(value) : undefined));
  const probes = values.map((value, index) => {
    if (!view || value === '' || plain[index] !== undefined) return undefined;
    const probe = element.ownerDocument.createElement('span');
    probe.style.setProperty('display', 'none');
    // Every length resolves in font-size (never rounded to device pixels, as border widths are).
    probe.style.setProperty('font-size', `var(${lengths[index]?.[0] ?? ''})`);
    (element.shadowRoot ?? element).append(probe);
    return probe;
  });
  const sizes = probes.map((probe, index) => plain[index] ?? (probe && view ? Number.parseFloat(view.getComputedStyle(probe).fontSize) : Number.NaN));
  for (const probe of probes) probe?.remove();
  return sizes.map((size, index) => (Number.isFinite(size) && size > 0 ? size : (lengths[index]?.[1] ?? 0)));
}

/** A colour every browser knows, used only when no theme is installed at all. */
const LAST_RESORT = 'CanvasText';

/**
 * The dash pattern of series `index` in CSS px (the palette's pattern times `lineWidth`), cycling
 * like the colours; empty (solid) when the palette has no patterns.
 */
export function seriesDash(palette: ChartPalette, index: number, lineWidth = palette.lineWidth): number[] {
  const dashes = palette.dashes ?? [];
  const count = dashes.length;
  if (count === 0) return [];
  const pattern = dashes[((index % count) + count) % count] ?? [];
  return pattern.map((step) => Math.round(step * Math.max(1, lineWidth) * 10) / 10);
}

/** The colour of series `index`, cycling through the categorical colours. */
export function seriesColor(palette: ChartPalette, index: number): string {
  const count = palette.series.length;
  if (count === 0) return palette.text;
  return palette.series[((index % count) + count) % count] ?? palette.text;
}
