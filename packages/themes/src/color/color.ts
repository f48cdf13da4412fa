/**
 * Colour maths for themes: parsing, WCAG 2.1 contrast, OKLab/OKLCH, gamut mapping, and
 * colour-vision-deficiency simulation. Pure functions, no DOM.
 */

/** An opaque sRGB colour, channels 0..1 (gamma-encoded). */
export type Rgb = readonly [number, number, number];
/** OKLab: lightness 0..1, a and b roughly -0.4..0.4. */
export type Oklab = readonly [number, number, number];
/** OKLCH: lightness 0..1, chroma 0..~0.4, hue in degrees. */
export type Oklch = readonly [number, number, number];

/** A theme input that is not usable (an unparsable colour, a negative density, ...). */
export class ThemeInputError extends Error {
  readonly code = 'validation';
  /** Which option was wrong, e.g. `primary`. */
  readonly field: string;
  constructor(field: string, problem: string) {
    super(`Invalid theme option ${field}: ${problem}`);
    this.name = 'ThemeInputError';
    this.field = field;
  }
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const map3 = (c: Rgb, f: (v: number) => number): Rgb => [f(c[0]), f(c[1]), f(c[2])];

export const toLinear = (v: number): number => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
export const fromLinear = (v: number): number => (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
const linearOf = (c: Rgb): Rgb => map3(c, toLinear);
const gammaOf = (c: Rgb): Rgb => map3(c, fromLinear);

/** `#rrggbb`, rounded to 8 bits per channel. */
export function toHex(c: Rgb): string {
  return `#${c.map((v) => Math.round(clamp01(v) * 255).toString(16).padStart(2, '0')).join('')}`;
}

/** Rounds a colour to what an 8-bit screen shows, so contrast is measured on real pixels. */
export const quantize = (c: Rgb): Rgb => [Math.round(clamp01(c[0]) * 255) / 255, Math.round(clamp01(c[1]) * 255) / 255, Math.round(clamp01(c[2]) * 255) / 255];

function channel(text: string, scale: number): number {
  const t = text.trim();
  const value = t.endsWith('%') ? (Number.parseFloat(t) / 100) * scale : Number.parseFloat(t);
  if (!Number.isFinite(value)) throw new ThemeInputError('colour', `"${text}" is not a number`);
  return value;
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [f(0), f(8), f(4)];
}

/**
 * Parses the colour notations designers hand over: `#rgb`, `#rrggbb` (alpha forms too, alpha
 * ignored), `rgb()`/`rgba()`, `hsl()`/`hsla()` and `oklch()`. Throws ThemeInputError otherwise.
 */
export function parseColor(input: unknown, field = 'colour'): Rgb {
  if (typeof input !== 'string') throw new ThemeInputError(field, `expected a CSS colour string, got ${input === null ? 'null' : typeof input}`);
  const text = input.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex.slice(0, 3)].map((d) => d + d).join('') : hex.slice(0, 6);
    const n = Number.parseInt(full, 16);
    return [(n >> 16) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
  }
  const fn = /^(rgba?|hsla?|oklch)\(\s*([^)]*)\)$/.exec(text);
  if (fn?.[1] && fn[2] !== undefined) {
    const parts = fn[2].split(/[\s,/]+/).filter(Boolean);
    const [x = '', y = '', z = ''] = parts;
    if (parts.length < 3) throw new ThemeInputError(field, `"${input}" needs three channels`);
    if (fn[1].startsWith('rgb')) return [clamp01(channel(x, 255) / 255), clamp01(channel(y, 255) / 255), clamp01(channel(z, 255) / 255)];
    if (fn[1].startsWith('hsl')) return hslToRgb(channel(x.replace('deg', ''), 360) % 360, clamp01(channel(y, 1) / (y.endsWith('%') ? 1 : 100)), clamp01(channel(z, 1) / (z.endsWith('%') ? 1 : 100)));
    return oklchToRgb([clamp01(channel(x, 1)), Math.max(0, channel(y, 0.4)), channel(z.replace('deg', ''), 360)]);
  }
  throw new ThemeInputError(field, `"${input}" is not a colour this function reads (#rrggbb, rgb(), hsl() or oklch())`);
}

/** WCAG 2.1 relative luminance. */
export function relativeLuminance(c: Rgb): number {
  const [r, g, b] = linearOf(c);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio, 1..21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

export function rgbToOklab(c: Rgb): Oklab {
  const [r, g, b] = linearOf(c);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** OKLab to sRGB without clipping (channels may leave 0..1 when out of gamut). */
function oklabToRgbUnclipped([L, a, b]: Oklab): Rgb {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const lin: Rgb = [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
  return map3(lin, (v) => Math.sign(v) * fromLinear(Math.abs(v)));
}

export function oklabToRgb(lab: Oklab): Rgb {
  const c = oklabToRgbUnclipped(lab);
  return [clamp01(c[0]), clamp01(c[1]), clamp01(c[2])];
}

export function rgbToOklch(c: Rgb): Oklch {
  const [L, a, b] = rgbToOklab(c);
  const hue = (Math.atan2(b, a) * 180) / Math.PI;
  return [L, Math.hypot(a, b), hue < 0 ? hue + 360 : hue];
}

const inGamut = (c: Rgb) => c.every((v) => v >= -1e-6 && v <= 1 + 1e-6);
const lchToLab = ([L, C, H]: Oklch): Oklab => [L, C * Math.cos((H * Math.PI) / 180), C * Math.sin((H * Math.PI) / 180)];

/**
 * OKLCH to sRGB, keeping lightness and hue and reducing chroma until the colour fits sRGB
 * (the CSS Color 4 approach, without its JND shortcut), so hue never shifts.
 */
export function oklchToRgb(lch: Oklch): Rgb {
  const [L, C, H] = lch;
  if (L >= 1) return [1, 1, 1];
  if (L <= 0) return [0, 0, 0];
  const direct = oklabToRgbUnclipped(lchToLab(lch));
  if (inGamut(direct)) return oklabToRgb(lchToLab(lch));
  let [low, high] = [0, C];
  for (let i = 0; i < 24; i++) {
    const mid = (low + high) / 2;
    if (inGamut(oklabToRgbUnclipped(lchToLab([L, mid, H])))) low = mid;
    else high = mid;
  }
  return oklabToRgb(lchToLab([L, low, H]));
}

/** `color-mix(in oklab, a amount, b)`. */
export function mixOklab(a: Rgb, b: Rgb, amount: number): Rgb {
  const [x, y] = [rgbToOklab(a), rgbToOklab(b)];
  return oklabToRgb([x[0] * amount + y[0] * (1 - amount), x[1] * amount + y[1] * (1 - amount), x[2] * amount + y[2] * (1 - amount)]);
}

/**
 * Scales a colour in linear light until its luminance is at most `max` (darken) or at least
 * `min` (lighten towards white): what the stylesheet's brand formulas compute in CSS.
 */
export function fitLuminance(c: Rgb, { max, min }: { max?: number; min?: number }): Rgb {
  const lin = linearOf(c);
  const y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  if (max !== undefined && y > max) return gammaOf(map3(lin, (v) => v * (max / y)));
  if (min !== undefined && y < min) {
    const t = (min - y) / (1 - y);
    return gammaOf(map3(lin, (v) => v + (1 - v) * t));
  }
  return c;
}

/** Where black and white text contrast equally with a fill: sqrt(1.05 × 0.05) − 0.05. */
export const ON_COLOR_THRESHOLD = 0.179;

/** Black or white, whichever contrasts more with the fill. */
export function onColorFor(fill: Rgb): Rgb {
  return relativeLuminance(fill) < ON_COLOR_THRESHOLD ? [1, 1, 1] : [0, 0, 0];
}

export type VisionDeficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';
export const VISION_DEFICIENCIES: readonly VisionDeficiency[] = ['protanopia', 'deuteranopia', 'tritanopia'];

// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
const MACHADO: Record<VisionDeficiency, readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** How a colour looks to a dichromat (Machado et al. 2009, full severity). */
export function simulateVision(c: Rgb, deficiency: VisionDeficiency): Rgb {
  const lin = linearOf(c);
  const rows = MACHADO[deficiency];
  const apply = (row: readonly [number, number, number]) => clamp01(row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]);
  const [r, g, b] = rows;
  return gammaOf([apply(r), apply(g), apply(b)]);
}

/** Euclidean distance in OKLab (ΔEOK); about 0.02 is a just-noticeable difference. */
export function deltaEOK(a: Rgb, b: Rgb): number {
  const [x, y] = [rgbToOklab(a), rgbToOklab(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

/** The smallest ΔEOK between two colours over normal vision and the three dichromacies. */
export function worstCaseDistance(a: Rgb, b: Rgb): { deltaE: number; vision: VisionDeficiency | 'normal' } {
  let worst: { deltaE: number; vision: VisionDeficiency | 'normal' } = { deltaE: deltaEOK(a, b), vision: 'normal' };
  for (const deficiency of VISION_DEFICIENCIES) {
    const d = deltaEOK(simulateVision(a, deficiency), simulateVision(b, deficiency));
    if (d < worst.deltaE) worst = { deltaE: d, vision: deficiency };
  }
  return worst;
}
