import { expect } from '@open-wc/testing';
import {
  ThemeInputError,
  contrastRatio,
  deltaEOK,
  fitLuminance,
  oklchToRgb,
  parseColor,
  relativeLuminance,
  rgbToOklch,
  simulateVision,
  toHex,
  worstCaseDistance,
} from './color.js';

describe('colour maths', () => {
  it('computes WCAG 2.1 contrast ratios', () => {
    expect(contrastRatio(parseColor('#000'), parseColor('#fff'))).to.be.closeTo(21, 1e-9);
    expect(contrastRatio(parseColor('#777777'), parseColor('#ffffff'))).to.be.closeTo(4.48, 0.01);
    expect(contrastRatio(parseColor('#0b5cad'), parseColor('#ffffff'))).to.be.closeTo(6.67, 0.02);
    expect(contrastRatio(parseColor('#fff'), parseColor('#fff'))).to.equal(1);
  });

  it('reads hex, rgb(), hsl() and oklch()', () => {
    expect(toHex(parseColor('#0B5CAD'))).to.equal('#0b5cad');
    expect(toHex(parseColor('#f00'))).to.equal('#ff0000');
    expect(toHex(parseColor('#ff000080'))).to.equal('#ff0000');
    expect(toHex(parseColor('rgb(0, 228, 0)'))).to.equal('#00e400');
    expect(toHex(parseColor('rgba(143 63 151 / 50%)'))).to.equal('#8f3f97');
    expect(toHex(parseColor('hsl(0, 100%, 50%)'))).to.equal('#ff0000');
    expect(toHex(parseColor('oklch(0.628 0.2577 29.23)'))).to.equal('#ff0000');
  });

  it('rejects what is not a colour with a typed error that names the option', () => {
    for (const bad of ['', 'red; } body {', 'url(x)', '#12', 'rgb(1,2)', null, 42, undefined]) {
      expect(() => parseColor(bad, 'primary'), String(bad)).to.throw(ThemeInputError, /primary/);
    }
  });

  it('round-trips through OKLCH and keeps hue when mapping out-of-gamut colours into sRGB', () => {
    for (const hex of ['#0b5cad', '#ffff00', '#8f3f97', '#00e400', '#123456']) {
      expect(toHex(oklchToRgb(rgbToOklch(parseColor(hex))))).to.equal(hex);
    }
    const [, , hue] = rgbToOklch(parseColor('#ffff00'));
    const darkYellow = oklchToRgb([0.45, 0.3, hue]);
    expect(rgbToOklch(darkYellow)[2]).to.be.closeTo(hue, 1);
    expect(rgbToOklch(darkYellow)[0]).to.be.closeTo(0.45, 0.005);
  });

  it('scales luminance in linear light the way the stylesheet formulas do', () => {
    const darkened = fitLuminance(parseColor('#ffff00'), { max: 0.175 });
    expect(relativeLuminance(darkened)).to.be.closeTo(0.175, 1e-6);
    const lightened = fitLuminance(parseColor('#0a0a0a'), { min: 0.28 });
    expect(relativeLuminance(lightened)).to.be.closeTo(0.28, 1e-6);
    expect(fitLuminance(parseColor('#0b5cad'), { max: 0.175 })).to.deep.equal(parseColor('#0b5cad'));
  });

  it('simulates dichromacy: red and green collapse for protanopes and deuteranopes, not for tritanopes', () => {
    const [red, green] = [parseColor('#d62728'), parseColor('#2ca02c')];
    const normal = deltaEOK(red, green);
    const redGreen = (['protanopia', 'deuteranopia'] as const).map((d) => deltaEOK(simulateVision(red, d), simulateVision(green, d)));
    for (const distance of redGreen) expect(distance).to.be.below(normal * 0.65);
    expect(deltaEOK(simulateVision(red, 'tritanopia'), simulateVision(green, 'tritanopia'))).to.be.above(Math.max(...redGreen));
    expect(worstCaseDistance(red, green).vision).to.be.oneOf(['protanopia', 'deuteranopia']);
    // Greys are unchanged by every simulation.
    for (const deficiency of ['protanopia', 'deuteranopia', 'tritanopia'] as const) {
      expect(toHex(simulateVision(parseColor('#808080'), deficiency))).to.equal('#808080');
    }
  });
});
