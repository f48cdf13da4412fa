import { expect, fixture, html } from '@open-wc/testing';
import type { KpiResult } from '@ioc-kit/data';
import { THEMES, THEME_NAMES, type ThemeName } from '@ioc-kit/themes';
import '@ioc-kit/widgets';

const aqi: KpiResult = {
  kind: 'kpi',
  indicator: 'environment.aqi',
  area: '24',
  unit: { code: '1', system: 'UCUM', label: { vi: '' } },
  value: 87,
  previous: 60,
  partial: false,
  observedAt: '2026-11-24T10:00:00Z',
};

const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
/** A computed colour as drawn, #rrggbb. */
function hex(colour: string): string {
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = colour;
  canvas.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0] = canvas.getImageData(0, 0, 1, 1).data;
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function looks(card: Element) {
  const part = (name: string) => getComputedStyle(card.shadowRoot!.querySelector(`[part~="${name}"]`)!);
  return {
    surface: hex(part('base').backgroundColor),
    text: hex(part('value').color),
    muted: hex(part('header').color),
    valueSize: part('value').fontSize,
  };
}

describe('switching theme on an ancestor', () => {
  it('restyles a rendered KPI card live, through every built-in theme and back, without re-creating it', async () => {
    const board = await fixture<HTMLDivElement>(html`<div><ioc-kpi-card .data=${aqi}></ioc-kpi-card></div>`);
    const card = board.querySelector('ioc-kpi-card')!;
    const seen = new Set<string>();
    for (const theme of [...THEME_NAMES, 'light'] as ThemeName[]) {
      board.dataset.iocTheme = theme;
      const now = looks(card);
      expect(now.surface, `${theme} surface`).to.equal(THEMES[theme]['color-surface']);
      expect(now.text, `${theme} text`).to.equal(THEMES[theme]['color-on-surface']);
      expect(now.muted, `${theme} header`).to.equal(THEMES[theme]['color-on-surface-muted']);
      seen.add(`${now.surface}/${now.text}`);
      expect(board.querySelector('ioc-kpi-card')).to.equal(card);
    }
    expect(seen.size).to.equal(4);
  });

  it('restyles a board of every defined ioc-* widget live, without re-creating any', async () => {
    const tags = ['ioc-kpi-card', 'ioc-time-series', 'ioc-bar-chart', 'ioc-donut', 'ioc-gauge', 'ioc-sparkline', 'ioc-heatmap', 'ioc-map', 'ioc-alert-list'].filter((tag) => customElements.get(tag));
    expect(tags).to.include('ioc-kpi-card');
    const board = await fixture<HTMLDivElement>(html`<div></div>`);
    const widgets = tags.map((tag) => {
      const widget = document.createElement(tag);
      widget.setAttribute('indicator', 'environment.aqi');
      board.append(widget);
      return widget;
    });
    for (const theme of THEME_NAMES) {
      board.dataset.iocTheme = theme;
      for (const widget of widgets) {
        const style = getComputedStyle(widget);
        expect(hex(style.color), `${widget.localName} text in ${theme}`).to.equal(THEMES[theme]['color-on-surface']);
        expect(style.fontFamily, `${widget.localName} font in ${theme}`).to.match(/"Noto Sans"/);
      }
    }
    expect([...board.children]).to.deep.equal(widgets);
  });

  it('uses the wall type scale for the value on the wall theme', async () => {
    const board = await fixture<HTMLDivElement>(html`<div class="ioc-theme-wall"><ioc-kpi-card .data=${aqi}></ioc-kpi-card></div>`);
    const wall = Number.parseFloat(looks(board.querySelector('ioc-kpi-card')!).valueSize);
    board.className = 'ioc-theme-light';
    const light = Number.parseFloat(looks(board.querySelector('ioc-kpi-card')!).valueSize);
    expect(wall).to.be.at.least(light * 1.8);
  });

  it('follows <ioc-provider theme> for all four themes', async () => {
    const provider = await fixture<HTMLElement>(html`<ioc-provider theme="dark"><ioc-kpi-card .data=${aqi}></ioc-kpi-card></ioc-provider>`);
    const card = provider.querySelector('ioc-kpi-card')!;
    for (const theme of THEME_NAMES) {
      provider.setAttribute('theme', theme);
      await (provider as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(looks(card).surface, theme).to.equal(THEMES[theme]['color-surface']);
    }
  });

  it('follows the five brand tokens set on the page, with contrast kept', async () => {
    const root = document.documentElement;
    const brand = { '--ioc-brand-primary': '#ffff00', '--ioc-brand-accent': '#00ffff', '--ioc-brand-font': "'Be Vietnam Pro'", '--ioc-brand-radius': '0px', '--ioc-brand-density': '0.5' };
    try {
      for (const [name, value] of Object.entries(brand)) root.style.setProperty(name, value);
      const card = await fixture<HTMLElement>(html`<ioc-kpi-card .data=${aqi}></ioc-kpi-card>`);
      const base = getComputedStyle(card.shadowRoot!.querySelector('[part="base"]')!);
      expect(base.borderTopLeftRadius).to.equal('0px');
      expect(base.paddingLeft).to.equal('8px');
      expect(getComputedStyle(card).fontFamily).to.match(/^"Be Vietnam Pro", "Noto Sans"/);
    } finally {
      for (const name of Object.keys(brand)) root.style.removeProperty(name);
    }
  });
});
