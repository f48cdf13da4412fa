import { expect } from '@open-wc/testing';
import { VISION_DEFICIENCIES, deltaEOK, parseColor, rgbToOklch, simulateVision } from '../color/color.js';
import { THEME_NAMES } from '../generated/tokens.js';
import { THEMES } from '../themes.js';
import { MIN_CATEGORICAL_DISTANCE, MIN_RAMP_STEP, lightnessOf, palettePairs, rampOf } from './palettes.js';

const pick = (values: Readonly<Record<string, string>>, names: string[]) => Object.fromEntries(names.map((n) => [n, values[n] ?? '']));

describe('palettes', () => {
  for (const name of THEME_NAMES) {
    it(`${name}: the 8 categorical colours stay apart for normal vision, protanopia, deuteranopia and tritanopia`, () => {
      const chart = rampOf(THEMES[name], 'chart');
      expect(chart).to.have.length(8);
      const pairs = palettePairs(pick(THEMES[name], chart));
      expect(pairs).to.have.length(28);
      const closest = pairs[0]!;
      expect(closest.deltaE, `${closest.a} vs ${closest.b} for ${closest.vision}`).to.be.at.least(MIN_CATEGORICAL_DISTANCE);
    });

    it(`${name}: series 1, 2 and 3 are clearly different hues, not shades of one (three areas compared read apart)`, () => {
      const [one, two, three] = [1, 2, 3].map((i) => parseColor(THEMES[name][`color-chart-${i}`]));
      const hueGap = (a: typeof one, b: typeof one) => {
        const d = Math.abs(rgbToOklch(a!)[2] - rgbToOklch(b!)[2]) % 360;
        return Math.min(d, 360 - d);
      };
      for (const [a, b, label] of [[one, two, '1-2'], [one, three, '1-3'], [two, three, '2-3']] as const) {
        expect(rgbToOklch(a!)[1], `series ${label[0]} has colour`).to.be.at.least(0.1);
        expect(hueGap(a, b), `hue gap ${label}`).to.be.at.least(60);
        expect(deltaEOK(a!, b!), `ΔEOK ${label}`).to.be.at.least(0.15);
      }
    });

    it(`${name}: the sequential ramp runs from the surface to the primary, every step visible to every reader`, () => {
      const seq = rampOf(THEMES[name], 'seq').map((role) => THEMES[name][role] ?? '');
      expect(seq).to.have.length(7);
      const surface = lightnessOf(THEMES[name]['color-surface'] ?? '');
      const distances = seq.map((value) => Math.abs(lightnessOf(value) - surface));
      for (let i = 1; i < seq.length; i++) expect(distances[i]!, `step ${i + 1} further from the surface`).to.be.above(distances[i - 1]!);
      expect(seq[6]).to.equal(THEMES[name]['color-primary']);
      assertStepsVisible(seq);
    });

    it(`${name}: the diverging ramp has a neutral middle and two sides every reader can tell apart`, () => {
      const div = rampOf(THEMES[name], 'div').map((role) => THEMES[name][role] ?? '');
      expect(div).to.have.length(7);
      assertStepsVisible(div);
      const middle = lightnessOf(div[3]!);
      // Both sides move away from the neutral middle in lightness, so they read without hue.
      for (const [inner, outer] of [[2, 0], [4, 6]] as const) {
        expect(Math.abs(lightnessOf(div[outer]!) - middle)).to.be.above(Math.abs(lightnessOf(div[inner]!) - middle) * 0.9);
      }
      // The two ends stay apart for every reader.
      for (const deficiency of VISION_DEFICIENCIES) {
        expect(deltaEOK(simulateVision(parseColor(div[0]!), deficiency), simulateVision(parseColor(div[6]!), deficiency)), deficiency).to.be.above(0.1);
      }
    });
  }
});

function assertStepsVisible(ramp: string[]) {
  for (let i = 1; i < ramp.length; i++) {
    const [a, b] = [parseColor(ramp[i - 1]), parseColor(ramp[i])];
    expect(deltaEOK(a, b), `steps ${i}-${i + 1}`).to.be.at.least(MIN_RAMP_STEP);
    for (const deficiency of VISION_DEFICIENCIES) {
      expect(deltaEOK(simulateVision(a, deficiency), simulateVision(b, deficiency)), `steps ${i}-${i + 1} ${deficiency}`).to.be.at.least(MIN_RAMP_STEP);
    }
  }
}
