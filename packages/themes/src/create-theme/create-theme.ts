import {
  ThemeInputError,
  contrastRatio,
  mixOklab,
  onColorFor,
  oklchToRgb,
  parseColor,
  quantize,
  relativeLuminance,
  rgbToOklch,
  toHex,
  worstCaseDistance,
  type Rgb,
} from '../color/color.js';
import { checkContrast } from '../contrast/contrast.js';
import { SYSTEM_TOKENS, THEME_VALUES, type ThemeName } from '../generated/tokens.js';
import { isThemeName } from '../themes.js';
import { MIN_CATEGORICAL_DISTANCE } from '../palettes/palettes.js';

/** The five brand tokens, and what to build on. */
export interface BrandOptions {
  /** Main brand colour (any of #rrggbb, rgb(), hsl(), oklch()). */
  primary?: string;
  /** Second brand colour. */
  accent?: string;
  /** Font family put in front of the Vietnamese-capable system stack, e.g. `'Be Vietnam Pro'`. */
  font?: string;
  /** Corner radius: a CSS length (`2px`, `0.5rem`) or a number of pixels. */
  radius?: string | number;
  /** Spacing multiplier, 0.5..2 (0.75 compact, 1 default, 1.25 roomy). */
  density?: number;
  /** The built-in theme to derive from: `light` (default) or `dark` (`wall`, `high-contrast` work too). */
  base?: ThemeName;
  /** Theme name for the generated selectors `[data-ioc-theme="<name>"]` and `.ioc-theme-<name>`; default `brand`. */
  name?: string;
  /** Apply the theme to this selector instead (default: `:root` and the name's attribute and class). */
  selector?: string;
}

/** One contrast requirement of the derived theme. */
export interface ThemeReportEntry {
  /** Role after `--ioc-sys-`, e.g. `color-primary`. */
  readonly role: string;
  /** The background it contrasts least with. */
  readonly against: string;
  readonly ratio: number;
  readonly required: number;
  /** Meets WCAG 2.1 AA. */
  readonly ok: boolean;
  /** The brand colour was changed (lightness in OKLCH) to get here. */
  readonly adjusted: boolean;
  /** The colour asked for, when adjusted. */
  readonly requested?: string;
}

/** Whether chart series 1 (the brand primary) stays apart from the other series for every vision. */
export interface PaletteReportEntry {
  readonly role: string;
  readonly closest: string;
  readonly deltaE: number;
  readonly required: number;
  readonly ok: boolean;
  readonly adjusted: boolean;
}

export interface CreatedTheme {
  readonly name: string;
  readonly base: ThemeName;
  /** Every system role: `--ioc-sys-<name>` -> value. */
  readonly tokens: Readonly<Record<string, string>>;
  /** The same, keyed by name after `--ioc-sys-`, like `THEMES.light`. */
  readonly values: Readonly<Record<string, string>>;
  /** A stylesheet to adopt or ship: the brand tokens and every role, for the selector. */
  readonly css: string;
  /** Every contrast requirement with its ratio; `ok: false` marks a role that could not be made accessible. */
  readonly report: readonly ThemeReportEntry[];
  readonly palette: readonly PaletteReportEntry[];
}

const ALIAS = /^var\(--ioc-sys-([a-z0-9-]+)\)$/;
const SAFE_FONT = /^[\p{L}\p{N} ,'"._-]+$/u;
const LENGTH = /^(\d+(?:\.\d+)?)(px|rem|em|%)?$/;
const NAME = /^[a-z][a-z0-9-]*$/;

/** What a brand colour must reach against the theme's surfaces: AA, or AAA-level on the wall and high contrast. */
const REQUIRED: Record<'normal' | 'strict', Record<'primary' | 'accent', number>> = {
  normal: { primary: 4.5, accent: 3 },
  strict: { primary: 7, accent: 4.5 },
};

/**
 * Moves a colour's OKLCH lightness (hue kept, chroma reduced only to stay in sRGB) the least
 * that makes it contrast `required` with every background. Returns undefined if no lightness does.
 */
function fitContrast(colour: Rgb, backgrounds: readonly Rgb[], required: number): Rgb | undefined {
  const passes = (c: Rgb) => backgrounds.every((bg) => contrastRatio(quantize(c), bg) >= required);
  if (passes(colour)) return colour;
  const [L, C, H] = rgbToOklch(colour);
  const darkBackgrounds = backgrounds.every((bg) => relativeLuminance(bg) < 0.18);
  const end = darkBackgrounds ? 1 : 0;
  if (!passes(oklchToRgb([end, C, H]))) return undefined;
  let [near, far] = [L, end];
  for (let i = 0; i < 30; i++) {
    const mid = (near + far) / 2;
    if (passes(oklchToRgb([mid, C, H]))) far = mid;
    else near = mid;
  }
  return quantize(oklchToRgb([far, C, H]));
}

function validFont(font: string): string {
  if (!SAFE_FONT.test(font) || font.trim() === '') throw new ThemeInputError('font', `"${font}" is not a font-family list (letters, digits, spaces, commas and quotes only)`);
  return font.trim();
}

function validRadius(radius: string | number): string {
  if (typeof radius === 'number') {
    if (!Number.isFinite(radius) || radius < 0) throw new ThemeInputError('radius', `expected a length of 0 or more, got ${radius}`);
    return `${radius}px`;
  }
  const m = LENGTH.exec(radius.trim());
  if (!m) throw new ThemeInputError('radius', `"${radius}" is not a CSS length like 4px or 0.5rem`);
  return `${m[1]}${m[2] ?? 'px'}`;
}

function validDensity(density: number): number {
  if (typeof density !== 'number' || !Number.isFinite(density) || density < 0.5 || density > 2) {
    throw new ThemeInputError('density', `expected a number from 0.5 to 2, got ${String(density)}`);
  }
  return density;
}

function scaleLength(value: string, factor: number): string {
  const m = /^(\d+(?:\.\d+)?)(px|rem|em)$/.exec(value);
  if (m) return `${Number((Number(m[1]) * factor).toFixed(3))}${m[2]}`;
  // A length the browser works out (the wall's spacing follows the widget's size: clamp(… cqi …)).
  return factor === 1 ? value : `calc(${value} * ${factor})`;
}

/**
 * Derives a complete theme from the five brand tokens: brand colours are kept where they
 * contrast enough and otherwise moved in OKLCH lightness until WCAG 2.1 AA holds; on-colours,
 * focus ring, first chart series and the sequential ramp follow. The report lists every
 * requirement and flags any role that could not be made accessible.
 *
 * @example
 * const { css, report } = createTheme({ primary: '#c8102e', accent: '#f4a300', font: "'Be Vietnam Pro'", radius: 4, density: 0.9 });
 */
export function createTheme(options: BrandOptions = {}): CreatedTheme {
  const base = options.base ?? 'light';
  if (!isThemeName(base)) throw new ThemeInputError('base', `"${String(base)}" is not a built-in theme (light, dark, wall, high-contrast)`);
  const name = options.name ?? 'brand';
  if (!NAME.test(name)) throw new ThemeInputError('name', `"${name}" must be lowercase letters, digits and hyphens`);
  const brandColours = {
    primary: options.primary === undefined ? undefined : parseColor(options.primary, 'primary'),
    accent: options.accent === undefined ? undefined : parseColor(options.accent, 'accent'),
  };
  const font = options.font === undefined ? undefined : validFont(options.font);
  const radius = options.radius === undefined ? undefined : validRadius(options.radius);
  const density = options.density === undefined ? undefined : validDensity(options.density);

  const values: Record<string, string> = {};
  const adjusted = new Map<string, string>();
  const colour = (role: string) => quantize(parseColor(values[role] ?? THEME_VALUES[base][role], role));
  for (const token of SYSTEM_TOKENS[base]) {
    const alias = ALIAS.exec(token.css)?.[1];
    const derive = token.derive;
    let value = token.value;
    if (alias && values[alias] !== undefined) {
      value = values[alias];
      const from = adjusted.get(alias);
      if (from !== undefined) adjusted.set(token.name, from);
    } else if (derive?.kind === 'brand-color') {
      const requested = brandColours[derive.brand];
      if (requested) {
        const level = base === 'wall' || base === 'high-contrast' ? 'strict' : 'normal';
        const fitted = fitContrast(requested, [colour('color-surface'), colour('color-surface-raised')], REQUIRED[level][derive.brand]);
        value = toHex(fitted ?? requested);
        if (value !== toHex(requested)) adjusted.set(token.name, toHex(requested));
      }
    } else if (derive?.kind === 'on-color') {
      value = toHex(onColorFor(colour(derive.of)));
    } else if (derive?.kind === 'mix') {
      // An operand is a role, or a fixed reference colour (#rrggbb).
      const operand = (role: string) => (role.startsWith('#') ? parseColor(role) : colour(role));
      const [a = '', b = ''] = derive.of;
      value = toHex(mixOklab(operand(a), operand(b), derive.amount));
    } else if (derive?.kind === 'brand-font' && font) {
      value = `${font}, ${token.value}`;
    } else if (derive?.kind === 'brand-radius' && radius) {
      value = radius;
    } else if (derive?.kind === 'brand-density' && density !== undefined) {
      value = scaleLength(token.value, density);
    }
    values[token.name] = value;
  }

  // Series 1 follows the brand; if that makes it look like another series to some reader,
  // it falls back to the palette's own first colour, which was chosen to stay apart.
  const palette = checkChartOne(values, base);

  const report: ThemeReportEntry[] = checkContrast(values).map((result) => {
    const requested = adjusted.get(result.role);
    return { ...result, adjusted: requested !== undefined, ...(requested !== undefined ? { requested } : {}) };
  });
  const tokens = Object.fromEntries(Object.entries(values).map(([key, value]) => [`--ioc-sys-${key}`, value]));
  const selector = options.selector ?? `:root, [data-ioc-theme="${name}"], .ioc-theme-${name}`;
  const brandLines = [
    options.primary !== undefined ? `--ioc-brand-primary: ${toHex(brandColours.primary ?? [0, 0, 0])};` : '',
    options.accent !== undefined ? `--ioc-brand-accent: ${toHex(brandColours.accent ?? [0, 0, 0])};` : '',
    font ? `--ioc-brand-font: ${font};` : '',
    radius ? `--ioc-brand-radius: ${radius};` : '',
    density !== undefined ? `--ioc-brand-density: ${density};` : '',
  ].filter(Boolean);
  const dark = relativeLuminance(colour('color-surface')) < 0.18;
  const css = `/* ioc-kit theme "${name}" from createTheme(), base ${base} */\n${selector} {\n${[...brandLines, ...Object.entries(tokens).map(([k, v]) => `${k}: ${v};`), `color-scheme: ${dark ? 'dark' : 'light'};`].map((line) => `  ${line}`).join('\n')}\n}\n`;
  return { name, base, tokens, values, css, report, palette };
}

function checkChartOne(values: Record<string, string>, base: ThemeName): PaletteReportEntry[] {
  const series = Object.keys(values).filter((role) => /^color-chart-\d+$/.test(role) && role !== 'color-chart-1');
  const closestTo = (value: string) => {
    let best = { closest: '', deltaE: Infinity };
    for (const role of series) {
      const { deltaE } = worstCaseDistance(parseColor(value), parseColor(values[role]));
      if (deltaE < best.deltaE) best = { closest: role, deltaE };
    }
    return best;
  };
  const current = values['color-chart-1'] ?? '';
  const first = closestTo(current);
  if (first.deltaE >= MIN_CATEGORICAL_DISTANCE) return [{ role: 'color-chart-1', ...first, required: MIN_CATEGORICAL_DISTANCE, ok: true, adjusted: false }];
  // First try the brand hue at another lightness that keeps 3:1 on the surfaces.
  const [L, C, H] = rgbToOklch(parseColor(current));
  const surfaces = [parseColor(values['color-surface']), parseColor(values['color-surface-raised'])];
  for (let step = 1; step <= 60; step++) {
    for (const shifted of [L + step * 0.01, L - step * 0.01]) {
      if (shifted <= 0 || shifted >= 1) continue;
      const candidate = quantize(oklchToRgb([shifted, C, H]));
      if (!surfaces.every((surface) => contrastRatio(candidate, surface) >= 3)) continue;
      const hex = toHex(candidate);
      const found = closestTo(hex);
      if (found.deltaE >= MIN_CATEGORICAL_DISTANCE) {
        values['color-chart-1'] = hex;
        return [{ role: 'color-chart-1', ...found, required: MIN_CATEGORICAL_DISTANCE, ok: true, adjusted: true }];
      }
    }
  }
  const fallback = THEME_VALUES[base]['color-chart-1'] ?? current;
  values['color-chart-1'] = fallback;
  const second = closestTo(fallback);
  return [{ role: 'color-chart-1', ...second, required: MIN_CATEGORICAL_DISTANCE, ok: second.deltaE >= MIN_CATEGORICAL_DISTANCE, adjusted: true }];
}
