import { expect } from '@open-wc/testing';
import { checkContrast } from './contrast/contrast.js';
import { COMPONENT_HOOKS, SYSTEM_TOKENS, THEME_NAMES } from './generated/tokens.js';
import { THEMES, installThemes, themeCss, themeDeclarations, themeRules } from './themes.js';

const COMPATIBLE_ROLES = [
  ...['surface', 'surface-raised', 'on-surface', 'on-surface-muted', 'outline', 'primary', 'on-primary', 'accent', 'positive', 'negative', 'warning', 'neutral', 'focus'].map((r) => `color-${r}`),
  ...['informational', 'low', 'medium', 'high', 'critical'].map((s) => `color-severity-${s}`),
  ...['good', 'moderate', 'poor', 'bad', 'very-bad', 'hazardous'].map((b) => `color-aqi-${b}`),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `color-chart-${i}`),
  ...[1, 2, 3, 4, 5, 6, 7].flatMap((i) => [`color-seq-${i}`, `color-div-${i}`]),
  ...['very-good', 'good', 'moderate', 'bad', 'poor', 'heavily-polluted'].map((b) => `color-wqi-${b}`),
  'font-family', 'font-numeric', 'font-weight-regular', 'font-weight-bold', 'radius', 'motion-duration', 'line-width', 'border-width', 'focus-width',
  ...['xs', 'sm', 'md', 'lg', 'xl', 'display'].map((s) => `font-size-${s}`),
  ...[1, 2, 3, 4, 5].map((i) => `space-${i}`),
];

const rem = (value: string | undefined) => Number.parseFloat(value ?? '') * (value?.endsWith('rem') ? 16 : 1);

describe('built-in themes', () => {
  it('are light, dark, wall and high-contrast, each defining every role widgets use', () => {
    expect([...THEME_NAMES]).to.deep.equal(['light', 'dark', 'wall', 'high-contrast']);
    for (const name of THEME_NAMES) {
      for (const role of COMPATIBLE_ROLES) expect(THEMES[name][role], `${name} ${role}`).to.be.a('string').and.not.equal('');
      expect(Object.keys(THEMES[name])).to.deep.equal(Object.keys(THEMES.light));
    }
  });

  for (const name of THEME_NAMES) {
    it(`${name}: every text role has 4.5:1 and every graphic role 3:1 on both surfaces (WCAG 2.1 AA)`, () => {
      const results = checkContrast(THEMES[name]);
      expect(results.length).to.be.above(35);
      const failing = results.filter((r) => !r.ok).map((r) => `${r.role} on ${r.against}: ${r.ratio.toFixed(2)} < ${r.required}`);
      expect(failing).to.deep.equal([]);
    });
  }

  it('wall and high-contrast keep text at 7:1 (AAA) on their surface', () => {
    for (const name of ['wall', 'high-contrast'] as const) {
      const text = checkContrast(THEMES[name]).filter((r) => r.required === 4.5 && !/-(aqi|wqi)-/.test(r.role));
      for (const result of text) expect(result.ratio, `${name} ${result.role}`).to.be.at.least(7);
    }
  });

  it('keep the official VN_AQI and VN_WQI colours exactly, in every theme', () => {
    const aqi = { good: '#00e400', moderate: '#ffff00', poor: '#ff7e00', bad: '#ff0000', 'very-bad': '#8f3f97', hazardous: '#7e0023' };
    const wqi = { 'very-good': '#3333ff', good: '#00e400', moderate: '#ffff00', bad: '#ff7e00', poor: '#ff0000', 'heavily-polluted': '#7e0023' };
    for (const name of THEME_NAMES) {
      for (const [band, hex] of Object.entries(aqi)) expect(THEMES[name][`color-aqi-${band}`]).to.equal(hex);
      for (const [band, hex] of Object.entries(wqi)) expect(THEMES[name][`color-wqi-${band}`]).to.equal(hex);
    }
  });

  it('default to a font stack that covers Vietnamese without a download, with tabular numerals', () => {
    for (const name of THEME_NAMES) {
      expect(THEMES[name]['font-family']).to.match(/^'Noto Sans', 'Segoe UI', Roboto, .*sans-serif$/);
      expect(THEMES[name]['font-numeric']).to.contain('tabular-nums');
    }
  });

  it('wall has a larger type scale, thicker lines and a dark background', () => {
    for (const size of ['xs', 'sm', 'md', 'lg', 'xl', 'display']) {
      expect(rem(THEMES.wall[`font-size-${size}`]), size).to.be.at.least(1.4 * rem(THEMES.light[`font-size-${size}`]));
    }
    expect(rem(THEMES.wall['font-size-xs'])).to.be.at.least(18);
    expect(rem(THEMES.wall['line-width'])).to.be.above(rem(THEMES.light['line-width']));
    expect(rem(THEMES.wall['border-width'])).to.be.above(rem(THEMES.light['border-width']));
    expect(THEMES.wall['color-surface']).to.equal('#000000');
  });

  it('wall sizes widget text, spacing and lines to the widget (clamped container units); desk themes keep their fixed scale', () => {
    const sized = ['title-size', 'value-size', 'text-size', 'label-size', 'padding', 'gap', 'line-width'];
    for (const role of sized) {
      const wall = THEMES.wall[`widget-${role}`] ?? '';
      expect(wall, role).to.match(/^clamp\([0-9.]+(rem|px), [0-9.]+cqi, [0-9.]+(rem|px)\)$/);
      const [low = '', , high = ''] = wall.slice('clamp('.length, -1).split(', ');
      expect(rem(high), `${role} grows`).to.be.above(rem(low));
      for (const desk of ['light', 'dark', 'high-contrast'] as const) expect(THEMES[desk][`widget-${role}`], `${desk} ${role}`).to.not.contain('cqi');
    }
    // Wall text never goes below 16 px, and the value's floor is twice the title's.
    const floor = (role: string) => rem(THEMES.wall[`widget-${role}`]?.slice('clamp('.length).split(',')[0]);
    for (const role of ['title-size', 'text-size', 'label-size']) expect(floor(role), role).to.be.at.least(16);
    expect(floor('value-size')).to.be.at.least(2 * floor('title-size'));
    expect(THEMES.wall['widget-title-lines']).to.equal('1');
    expect(Number(THEMES.wall['widget-plot-ratio'])).to.be.above(0);
    expect(THEMES.light['widget-plot-ratio']).to.equal('0');
  });

  it('maps every high-contrast colour role to a system colour under forced-colors', () => {
    const css = themeCss();
    const forced = css.slice(css.indexOf('@media (forced-colors: active)'));
    for (const role of ['surface', 'on-surface', 'primary', 'focus', 'negative', 'chart-1']) {
      expect(forced).to.match(new RegExp(`--ioc-sys-color-${role}: ?(Canvas|CanvasText|LinkText|Highlight|HighlightText);`));
    }
  });

  it('give plain declarations and complete rules for any selector', () => {
    expect(themeDeclarations('dark')).to.contain('--ioc-sys-color-surface: #14181d;');
    expect(themeDeclarations('dark')).to.contain('color-scheme: dark;');
    expect(themeDeclarations('dark')).not.to.contain('{');
    const rules = themeRules(':host([theme="wall"])', 'wall');
    expect(rules).to.contain(':host([theme="wall"]) {');
    expect(rules).to.contain('--ioc-brand-primary');
  });

  it('describe every role and hook with a type', () => {
    for (const token of SYSTEM_TOKENS.light) expect(token.type, token.name).to.be.a('string').and.not.equal('');
    for (const hook of COMPONENT_HOOKS) {
      expect(hook.name).to.match(/^--ioc-[a-z]+(-[a-z0-9]+)+$/);
      expect(hook.default).to.match(/^var\(--ioc-sys-[a-z0-9-]+\)$/);
      expect(hook.description).to.not.equal('');
    }
  });

  it('installs the stylesheet once per document, and the tokens resolve', () => {
    installThemes(document);
    const before = document.adoptedStyleSheets.length;
    installThemes(document);
    expect(document.adoptedStyleSheets.length).to.equal(before);
    expect(getComputedStyle(document.documentElement).getPropertyValue('--ioc-sys-color-surface').trim()).to.equal('#ffffff');
  });

  it('themes elements inside a shadow root once installed there', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('p');
    inner.dataset.iocTheme = 'dark';
    shadow.append(inner);
    expect(getComputedStyle(inner).getPropertyValue('--ioc-sys-color-surface').trim()).to.not.equal('#14181d');
    installThemes(shadow);
    expect(getComputedStyle(inner).getPropertyValue('--ioc-sys-color-surface').trim()).to.equal('#14181d');
    host.remove();
  });
});
