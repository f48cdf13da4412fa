import { parseColor, relativeLuminance, rgbToOklab, worstCaseDistance, type Rgb, type VisionDeficiency } from '../color/color.js';

/**
 * The smallest OKLab distance (ΔEOK) two categorical chart colours may have under normal vision
 * and under full-severity protanopia, deuteranopia and tritanopia (about 4-5 just-noticeable
 * differences): enough to tell two adjacent lines or bars apart at a glance.
 */
export const MIN_CATEGORICAL_DISTANCE = 0.09;

/** Adjacent steps of a sequential or diverging ramp must differ at least this much (ΔEOK), for every vision. */
export const MIN_RAMP_STEP = 0.03;

export interface PairDistance {
  readonly a: string;
  readonly b: string;
  readonly deltaE: number;
  readonly vision: VisionDeficiency | 'normal';
}

/** Every pair of a palette with its worst-case (over the three dichromacies) ΔEOK, closest first. */
export function palettePairs(palette: Readonly<Record<string, string>>): PairDistance[] {
  const entries = Object.entries(palette).map(([name, value]) => [name, parseColor(value, name)] as const);
  const pairs: PairDistance[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [a, ca] = entries[i]!;
      const [b, cb] = entries[j]!;
      pairs.push({ a, b, ...worstCaseDistance(ca, cb) });
    }
  }
  return pairs.sort((x, y) => x.deltaE - y.deltaE);
}

/** The roles of one ramp (`seq` or `div`) of a theme, in order. */
export function rampOf(values: Readonly<Record<string, string>>, ramp: 'seq' | 'div' | 'chart'): string[] {
  return Object.keys(values)
    .filter((name) => name.startsWith(`color-${ramp}-`))
    .sort((a, b) => Number(a.split('-').pop()) - Number(b.split('-').pop()));
}

export const lightnessOf = (value: string): number => rgbToOklab(parseColor(value))[0];
export const luminanceOf = (value: string): number => relativeLuminance(parseColor(value));
export type { Rgb };
