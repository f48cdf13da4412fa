import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ThemeInputError, contrastRatio, parseColor, rgbToOklch, toHex } from '../color/color.js';
import { THEMES } from '../themes.js';
import { createTheme } from './create-theme.js';

const HARD_COLOURS = {
  'bright yellow': '#ffff00',
  'pure red': '#ff0000',
  'light cyan': '#e0ffff',
  'near-black': '#0a0a0a',
  white: '#ffffff',
  'mid grey': '#777777',
  'Vietnam red': '#da251d',
  'VN_WQI blue': '#3333ff',
  'lime': '#00ff00',
};

describe('createTheme', () => {
  for (const base of ['light', 'dark'] as const) {
    for (const [label, colour] of Object.entries(HARD_COLOURS)) {
      it(`${base}: ${label} ${colour} as primary and accent gives a theme where every role meets WCAG AA`, () => {
        const theme = createTheme({ primary: colour, accent: colour, base });
        const failing = theme.report.filter((r) => !r.ok).map((r) => `${r.role} ${r.ratio.toFixed(2)}`);
        expect(failing).to.deep.equal([]);
        const primary = parseColor(theme.values['color-primary']);
        const onPrimary = parseColor(theme.values['color-on-primary']);
        expect(contrastRatio(primary, parseColor(theme.values['color-surface']))).to.be.at.least(4.5);
        expect(contrastRatio(onPrimary, primary)).to.be.at.least(4.5);
        expect(theme.values['color-focus']).to.equal(theme.values['color-primary']);
        expect(theme.palette[0]!.ok).to.be.true;
      });
    }
  }

  it('keeps a brand colour that already contrasts, and reports it as not adjusted', () => {
    const theme = createTheme({ primary: '#0b3d91' });
    expect(theme.values['color-primary']).to.equal('#0b3d91');
    const primary = theme.report.find((r) => r.role === 'color-primary')!;
    expect(primary).to.include({ ok: true, adjusted: false });
  });

  it('moves a colour that does not contrast along OKLCH lightness, keeping its hue, and says so', () => {
    const theme = createTheme({ primary: '#ffff00' });
    const entry = theme.report.find((r) => r.role === 'color-primary')!;
    expect(entry).to.include({ adjusted: true, requested: '#ffff00', ok: true });
    const [, , hueAsked] = rgbToOklch(parseColor('#ffff00'));
    const [lightness, , hueGot] = rgbToOklch(parseColor(theme.values['color-primary']));
    expect(hueGot).to.be.closeTo(hueAsked, 2);
    expect(lightness).to.be.below(0.7);
    // The least change that works: a touch lighter would fail.
    expect(entry.ratio).to.be.within(4.5, 4.8);
  });

  it('derives on-colours, the focus ring, chart series 1 and the sequential ramp from the brand', () => {
    const theme = createTheme({ primary: '#006d77', accent: '#e29578' });
    expect(theme.values['color-primary']).to.equal('#006d77');
    expect(theme.values['color-on-primary']).to.equal('#ffffff');
    expect(theme.values['color-focus']).to.equal('#006d77');
    expect(theme.values['color-seq-7']).to.equal('#006d77');
    expect(theme.values['color-seq-1']).to.not.equal(THEMES.light['color-seq-1']);
    expect(theme.tokens['--ioc-sys-color-primary']).to.equal('#006d77');
  });

  it('keeps chart series apart for colour-blind readers, moving series 1 when the brand collides with another series', () => {
    // The light palette's series 5 is a raspberry; a brand of the same colour would be indistinguishable.
    const theme = createTheme({ primary: THEMES.light['color-chart-5'] });
    expect(theme.palette[0]).to.include({ ok: true, adjusted: true });
    expect(theme.values['color-chart-1']).to.not.equal(THEMES.light['color-chart-5']);
  });

  it('holds the brand to 7:1 on the wall and high-contrast bases, like their own roles', () => {
    for (const [base, colour] of [['high-contrast', '#ffff00'], ['wall', '#0a0a0a'], ['wall', '#3333ff']] as const) {
      const theme = createTheme({ primary: colour, base });
      const primary = parseColor(theme.values['color-primary']);
      expect(contrastRatio(primary, parseColor(theme.values['color-surface'])), `${base} ${colour}`).to.be.at.least(7);
      expect(contrastRatio(primary, parseColor(theme.values['color-surface-raised'])), `${base} ${colour}`).to.be.at.least(7);
    }
  });

  it('follows font, radius and density, keeping the Vietnamese fallback stack', () => {
    const theme = createTheme({ font: "'Be Vietnam Pro'", radius: 2, density: 0.5 });
    expect(theme.values['font-family']).to.equal(`'Be Vietnam Pro', ${THEMES.light['font-family']}`);
    expect(theme.values.radius).to.equal('2px');
    expect(theme.values['space-4']).to.equal('8px');
    expect(createTheme({ radius: '0.5rem' }).values.radius).to.equal('0.5rem');
  });

  it('writes a stylesheet with the brand tokens and every role, for its selector', () => {
    const theme = createTheme({ primary: '#da251d', name: 'bac-ninh', density: 1.25 });
    expect(theme.css).to.contain(':root, [data-ioc-theme="bac-ninh"], .ioc-theme-bac-ninh {');
    expect(theme.css).to.contain('--ioc-brand-primary: #da251d;');
    expect(theme.css).to.contain(`--ioc-sys-color-primary: ${theme.values['color-primary']};`);
    expect(theme.css).to.contain('--ioc-brand-density: 1.25;');
    expect(theme.css.match(/--ioc-sys-/g)).to.have.length(Object.keys(THEMES.light).length);
  });

  it('rejects bad options with a typed error naming the option, so nothing hostile reaches the CSS', () => {
    const bad: [Parameters<typeof createTheme>[0], string][] = [
      [{ primary: 'not-a-colour' }, 'primary'],
      [{ accent: '#12' }, 'accent'],
      [{ font: "x; } body { display: none } a {" }, 'font'],
      [{ radius: '4px; color: red' }, 'radius'],
      [{ radius: -1 }, 'radius'],
      [{ density: Number.NaN }, 'density'],
      [{ density: 40 }, 'density'],
      [{ base: 'sepia' as 'light' }, 'base'],
      [{ name: 'Bad Name"]' }, 'name'],
    ];
    for (const [options, field] of bad) {
      expect(() => createTheme(options), JSON.stringify(options)).to.throw(ThemeInputError).with.property('field', field);
    }
  });

  it('meets AA for any brand colours on either base (property)', () => {
    const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);
    fc.assert(
      fc.property(hex, hex, fc.constantFrom('light' as const, 'dark' as const, 'wall' as const, 'high-contrast' as const), (primary, accent, base) => {
        const theme = createTheme({ primary, accent, base });
        return theme.report.every((r) => r.ok) && theme.palette.every((p) => p.ok);
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });

  it('returns hex colours the browser draws exactly', () => {
    const theme = createTheme({ primary: 'oklch(0.7 0.2 140)' });
    expect(theme.values['color-primary']).to.match(/^#[0-9a-f]{6}$/);
    expect(toHex(parseColor(theme.values['color-primary']))).to.equal(theme.values['color-primary']);
  });
});
