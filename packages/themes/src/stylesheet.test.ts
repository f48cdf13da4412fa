import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { checkContrast } from './contrast/contrast.js';
import { THEME_NAMES, type ThemeName } from './generated/tokens.js';
import { THEMES, installThemes } from './themes.js';

const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;

/** The colour a CSS value draws as, read back from a canvas pixel: #rrggbb. */
function drawn(probe: HTMLElement, value: string): string {
  probe.style.color = value;
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = getComputedStyle(probe).color;
  canvas.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0] = canvas.getImageData(0, 0, 1, 1).data;
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

const colourRoles = Object.keys(THEMES.light).filter((name) => name.startsWith('color-'));

/** Every colour role as the browser draws it inside the element. */
function drawnRoles(scope: HTMLElement): Record<string, string> {
  const probe = document.createElement('span');
  scope.append(probe);
  const values = Object.fromEntries(colourRoles.map((role) => [role, drawn(probe, `var(--ioc-sys-${role})`)]));
  probe.remove();
  return values;
}

const channelsApart = (a: string, b: string) =>
  Math.max(...[1, 3, 5].map((i) => Math.abs(Number.parseInt(a.slice(i, i + 2), 16) - Number.parseInt(b.slice(i, i + 2), 16))));

async function themed(theme: string, brand: Record<string, string> = {}) {
  installThemes(document);
  const element = await fixture<HTMLDivElement>(html`<div data-ioc-theme=${theme}><span>x</span></div>`);
  for (const [name, value] of Object.entries(brand)) element.style.setProperty(name, value);
  return element;
}

const BRAND_COLOURS = ['#ffff00', '#ff0000', '#e0ffff', '#0a0a0a', '#ffffff', '#000000', '#777777', '#da251d', '#00a651', '#3333ff', '#ff00ff', 'rgb(0 200 200)'];

describe('the theme stylesheet in Chromium', () => {
  for (const name of THEME_NAMES) {
    it(`${name}: draws every colour role as THEMES says when no brand is set`, async () => {
      const drawnValues = drawnRoles(await themed(name));
      for (const role of colourRoles) {
        expect(channelsApart(drawnValues[role]!, THEMES[name][role]!), `${role}: drawn ${drawnValues[role]}, THEMES ${THEMES[name][role]}`).to.be.at.most(2);
      }
    });

    it(`${name}: the CSS-only path keeps WCAG AA for hard brand colours set as --ioc-brand-*`, async () => {
      for (const colour of BRAND_COLOURS) {
        const scope = await themed(name, { '--ioc-brand-primary': colour, '--ioc-brand-accent': colour });
        const values = drawnRoles(scope);
        const failing = checkContrast(values).filter((r) => !r.ok).map((r) => `${r.role} on ${r.against} ${r.ratio.toFixed(2)}`);
        expect(failing, `${name} with ${colour}`).to.deep.equal([]);
        // And the brand was really followed, not ignored.
        expect(values['color-primary'], `${name} with ${colour}`).to.not.equal(THEMES[name]['color-primary']);
        expect(values['color-focus']).to.equal(values['color-primary']);
      }
    });
  }

  it('follows the brand primary: hue kept, focus ring, chart series 1 and ramp with it', async () => {
    const scope = await themed('light', { '--ioc-brand-primary': '#006d77' });
    const values = drawnRoles(scope);
    expect(values['color-primary']).to.equal('#006d77');
    expect(values['color-focus']).to.equal('#006d77');
    expect(values['color-chart-1']).to.equal('#006d77');
    expect(values['color-seq-7']).to.equal('#006d77');
    const dark = drawnRoles(await themed('dark', { '--ioc-brand-primary': '#006d77' }));
    // Lightened on dark until it reads, still teal (green and blue over red).
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(dark['color-primary']!.slice(i, i + 2), 16)) as [number, number, number];
    expect(g).to.be.above(r);
    expect(b).to.be.above(r);
  });

  it('follows the brand font (Vietnamese stack kept behind it), radius and density', async () => {
    const scope = await themed('light', { '--ioc-brand-font': "'Be Vietnam Pro'", '--ioc-brand-radius': '2px', '--ioc-brand-density': '0.5' });
    const probe = scope.querySelector('span')!;
    probe.style.fontFamily = 'var(--ioc-sys-font-family)';
    probe.style.borderRadius = 'var(--ioc-sys-radius)';
    probe.style.paddingLeft = 'var(--ioc-sys-space-4)';
    const style = getComputedStyle(probe);
    expect(style.fontFamily).to.match(/^"Be Vietnam Pro", "Noto Sans", "Segoe UI"/);
    expect(style.borderTopLeftRadius).to.equal('2px');
    expect(style.paddingLeft).to.equal('8px');
  });

  it('switches by class and by attribute, nested themes win inside', async () => {
    installThemes(document);
    const outer = await fixture<HTMLDivElement>(html`<div class="ioc-theme-dark"><div data-ioc-theme="wall"><i></i></div><b></b></div>`);
    expect(drawnRoles(outer.querySelector('b')!)['color-surface']).to.equal(THEMES.dark['color-surface']);
    expect(drawnRoles(outer.querySelector('i')!)['color-surface']).to.equal(THEMES.wall['color-surface']);
  });

  describe('with the reader\'s settings', () => {
    afterEach(() => emulateMedia({ colorScheme: 'light', forcedColors: 'none', reducedMotion: 'no-preference', contrast: 'no-preference' } as Parameters<typeof emulateMedia>[0]));

    const surfaceOf = async (theme: string) => drawnRoles(await themed(theme))['color-surface'];

    it('auto follows prefers-color-scheme', async () => {
      expect(await surfaceOf('auto')).to.equal(THEMES.light['color-surface']);
      await emulateMedia({ colorScheme: 'dark' });
      expect(await surfaceOf('auto')).to.equal(THEMES.dark['color-surface']);
      expect(await surfaceOf('light')).to.equal(THEMES.light['color-surface']);
    });

    it('auto follows prefers-contrast: more with the high-contrast theme', async () => {
      await emulateMedia({ colorScheme: 'dark', contrast: 'more' } as Parameters<typeof emulateMedia>[0]);
      const values = drawnRoles(await themed('auto'));
      const expected: Record<string, string> = THEMES['high-contrast'];
      for (const role of ['color-surface', 'color-on-surface', 'color-primary']) expect(values[role], role).to.equal(expected[role]);
    });

    // The stylesheet writes auto as light plus only what differs: every role must still match,
    // plain and brand-following, in each combination of the reader's settings.
    const settings: [Parameters<typeof emulateMedia>[0], ThemeName][] = [
      [{ colorScheme: 'light', contrast: 'no-preference' } as Parameters<typeof emulateMedia>[0], 'light'],
      [{ colorScheme: 'dark', contrast: 'no-preference' } as Parameters<typeof emulateMedia>[0], 'dark'],
      [{ colorScheme: 'light', contrast: 'more' } as Parameters<typeof emulateMedia>[0], 'high-contrast'],
      [{ colorScheme: 'dark', contrast: 'more' } as Parameters<typeof emulateMedia>[0], 'high-contrast'],
    ];
    for (const [media, expected] of settings) {
      it(`auto draws every role exactly as ${expected} under ${JSON.stringify(media)}, with and without a brand`, async () => {
        await emulateMedia(media);
        const brands: Record<string, string>[] = [{}, { '--ioc-brand-primary': '#da251d', '--ioc-brand-accent': '#00a651' }];
        for (const brand of brands) {
          const auto = drawnRoles(await themed('auto', brand));
          const named = drawnRoles(await themed(expected, brand));
          expect(auto, JSON.stringify(brand)).to.deep.equal(named);
        }
        const style = (theme: string) => getComputedStyle(document.querySelector(`[data-ioc-theme="${theme}"]`) ?? document.body);
        await themed('auto');
        await themed(expected);
        expect(style('auto').colorScheme).to.equal(style(expected).colorScheme);
        for (const role of Object.keys(THEMES.light).filter((name) => !name.startsWith('color-'))) {
          expect(style('auto').getPropertyValue(`--ioc-sys-${role}`).trim(), role).to.equal(style(expected).getPropertyValue(`--ioc-sys-${role}`).trim());
        }
      });
    }

    it('turns motion off for readers who ask for reduced motion', async () => {
      const scope = await themed('wall');
      const duration = () => getComputedStyle(scope).getPropertyValue('--ioc-sys-motion-duration').trim();
      expect(duration()).to.equal('200ms');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(duration()).to.equal('0ms');
    });

    it('maps roles to system colours under forced-colors, whatever the theme', async () => {
      await emulateMedia({ forcedColors: 'active' });
      for (const theme of ['light', 'dark', 'wall'] satisfies ThemeName[]) {
        const scope = await themed(theme);
        const read = (role: string) => getComputedStyle(scope).getPropertyValue(`--ioc-sys-${role}`).trim();
        expect(read('color-surface'), theme).to.equal('Canvas');
        expect(read('color-on-surface'), theme).to.equal('CanvasText');
        expect(read('color-focus'), theme).to.equal('Highlight');
      }
    });
  });
});
