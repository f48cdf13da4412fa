import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HttpError, type DataSource, type SeriesQuery, type SeriesResult } from '@ioc-kit/data';
import type { PropertyValues } from 'lit';
import { formatValue, seriesTable, summarizeSeries, toFloat64, type ChartPalette } from '@ioc-kit/charts';
import { property } from 'lit/decorators.js';
import '../provider/provider.js';
import { IocElement, baseStyles } from './base-element.js';
import { chartElementStyles } from './chart-element.styles.js';
import { ChartShell, defineChartElement, type ChartSize, type ChartView, type LegendItem, type NavPoint } from './chart-shell.js';
import { readThemePalette } from './theme-controller.js';

/** The smallest chart on the shell: one dot per point of the first visible series. */
class TestChart extends IocElement {
  static override styles = [baseStyles, chartElementStyles];
  @property() label?: string;
  @property({ reflect: true }) view: ChartView = 'chart';
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;
  @property({ attribute: false }) hiddenSeries: ReadonlySet<string> = new Set();
  @property({ attribute: false }) data?: SeriesResult;
  draws = 0;
  lastSize?: ChartSize;
  lastPalette?: ChartPalette;

  private readonly shell: ChartShell<SeriesQuery> = new ChartShell(this, {
    query: () => ({ kind: 'series', indicator: 'environment.aqi', areas: ['90'], grain: 'day', from: '2026-11-01', to: '2026-11-25' }),
    data: () => this.data,
    isEmpty: (result) => result.series.every((series) => series.t.length === 0),
    title: () => this.label ?? '',
    summary: {
      summarize: (result) => summarizeSeries({ locale: this.effectiveLocale, title: 'Test', series: this.visible(result).map((s) => ({ label: s.area, t: toFloat64(s.t), v: toFloat64(s.v) })) }),
    },
    legend: (result): LegendItem[] => result.series.map((series, index) => ({ key: series.area, label: series.area, color: `var(--_chart-series-${index + 1})` })),
    nav: {
      count: () => (this.shell.loader.value ? (this.visible(this.shell.loader.value)[0]?.t.length ?? 0) : 0),
      point: (index) => (this.shell.loader.value ? this.navPoint(this.shell.loader.value, index) : undefined),
    },
    draw: (surface, result, size) => this.drawChart(surface, result, size, readThemePalette(this)),
    table: (result) => seriesTable({ locale: this.effectiveLocale, caption: 'Test', timeLabel: 'Ngày', series: this.visible(result).map((s) => ({ label: s.area, t: toFloat64(s.t), v: toFloat64(s.v) })) }),
  });

  get state() {
    return this.shell.state;
  }
  redraw() {
    this.shell.redraw();
  }
  protected override willUpdate(changed: PropertyValues) {
    this.shell.willUpdate(changed);
  }
  protected override render() {
    return this.shell.render();
  }

  private visible(result: SeriesResult) {
    return result.series.filter((series) => !this.hiddenSeries.has(series.area));
  }
  private drawChart(surface: HTMLElement, result: SeriesResult, size: ChartSize, palette: ChartPalette) {
    this.draws++;
    this.lastSize = size;
    this.lastPalette = palette;
    const doc = surface.ownerDocument;
    const dots = this.visible(result).flatMap((series) => [...toFloat64(series.v)].map((value) => {
      const dot = doc.createElement('i');
      dot.dataset.value = String(value);
      return dot;
    }));
    surface.replaceChildren(...dots);
  }
  private navPoint(result: SeriesResult, index: number): NavPoint | undefined {
    const series = this.visible(result)[0];
    const value = series?.v[index];
    return value === undefined ? undefined : { label: `${series!.area}: ${formatValue(value, this.effectiveLocale)}`, x: index * 10, y: 10 };
  }
}
defineChartElement('ioc-test-chart', TestChart);

const DAY = 86_400_000;
const start = Date.UTC(2026, 10, 1);
const result: SeriesResult = {
  kind: 'series',
  indicator: 'environment.aqi',
  unit: { code: '1', system: 'UCUM', label: { vi: '' } },
  grain: 'day',
  partial: false,
  series: [
    { area: 'a', t: [start, start + DAY, start + 2 * DAY], v: [10, 1234, 30] },
    { area: '<img src=x onerror=alert(1)>', t: [start, start + DAY], v: [5, 6] },
  ],
};

function shadow(chart: TestChart) {
  return chart.shadowRoot!;
}

async function chart(data: SeriesResult | undefined = result, width = 400) {
  const element = await fixture<TestChart>(html`<ioc-test-chart .data=${data} style="width:${width}px"></ioc-test-chart>`);
  await waitUntil(() => element.draws > 0 || element.state !== 'ready', 'chart never drew');
  return element;
}

describe('ChartShell (the chart widgets\' shared wiring)', () => {
  it('draws at the size of its container and again when it is resized', async () => {
    const element = await chart();
    expect(element.lastSize!.width).to.be.closeTo(400 - 2 * 12 - 2, 1);
    const before = element.draws;
    element.style.setProperty('width', '300px');
    await waitUntil(() => element.draws > before, 'no redraw after resize');
    expect(element.lastSize!.width).to.be.closeTo(300 - 2 * 12 - 2, 1);
  });

  it('is an image named by its generated summary, with keyboard help', async () => {
    const element = await chart();
    const plot = shadow(element).querySelector('[part="plot"]')!;
    expect(plot.getAttribute('role')).to.equal('img');
    expect(plot.getAttribute('aria-label')).to.contain('Test: 2 chuỗi');
    expect(plot.getAttribute('aria-label')).to.contain('mới nhất 30');
    expect(shadow(element).getElementById(plot.getAttribute('aria-describedby')!)!.textContent).to.contain('mũi tên');
  });

  it('hides a series from the legend, with aria-pressed, and redraws without it', async () => {
    const element = await chart();
    const buttons = [...shadow(element).querySelectorAll<HTMLButtonElement>('[part="legend-item"]')];
    expect(buttons.map((button) => button.getAttribute('aria-pressed'))).to.deep.equal(['true', 'true']);
    expect(shadow(element).querySelectorAll('.surface i').length).to.equal(5);
    buttons[1]!.click();
    await element.updateComplete;
    expect(buttons[1]!.getAttribute('aria-pressed')).to.equal('false');
    expect(element.hiddenSeries.has('<img src=x onerror=alert(1)>')).to.be.true;
    expect(shadow(element).querySelectorAll('.surface i').length).to.equal(3);
    expect(shadow(element).querySelector('[part="plot"]')!.getAttribute('aria-label')).to.contain('1 chuỗi');
  });

  it('shows hostile names as text, never markup', async () => {
    const element = await chart();
    expect(shadow(element).querySelector('img')).to.equal(null);
    expect(shadow(element).querySelector('[part="legend"]')!.textContent).to.contain('<img src=x onerror=alert(1)>');
  });

  it('switches to a data table and back', async () => {
    const element = await chart();
    const toggle = shadow(element).querySelector<HTMLButtonElement>('[part="view-toggle"]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await element.updateComplete;
    expect(element.view).to.equal('table');
    expect(shadow(element).querySelector<HTMLElement>('[part="plot"]')!.hidden).to.be.true;
    const rows = [...shadow(element).querySelectorAll('[part="table"] tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent.trim()));
    expect(rows).to.deep.equal([
      ['01/11/2026', '10', '5'],
      ['02/11/2026', '1.234', '6'],
      ['03/11/2026', '30', '–'],
    ]);
    shadow(element).querySelector<HTMLButtonElement>('[part="view-toggle"]')!.click();
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="table"]')).to.equal(null);
  });

  it('moves between points with the arrow keys, Home and End, and announces them', async () => {
    const element = await chart();
    const plot = shadow(element).querySelector<HTMLElement>('[part="plot"]')!;
    const live = shadow(element).querySelector('[aria-live="polite"]')!;
    plot.focus();
    const press = async (key: string) => {
      plot.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      await element.updateComplete;
      return live.textContent.trim();
    };
    expect(await press('ArrowRight')).to.equal('a: 10');
    expect(await press('ArrowRight')).to.equal('a: 1.234');
    expect(await press('End')).to.equal('a: 30');
    expect(await press('ArrowRight')).to.equal('a: 30');
    expect(await press('Home')).to.equal('a: 10');
    expect(shadow(element).querySelector('[part="tooltip"]')!.textContent).to.equal('a: 10');
    element.locale = 'en';
    await element.updateComplete;
    expect(await press('ArrowRight')).to.equal('a: 1,234');
  });

  it('reads its colours from tokens and component hooks', async () => {
    const element = await chart();
    element.style.setProperty('--ioc-sys-color-chart-2', 'rgb(9, 8, 7)');
    element.redraw();
    await element.updateComplete;
    expect(element.lastPalette!.series[1]).to.equal('rgb(9, 8, 7)');
    // Whatever the theme writes (hex, var(), relative colours), canvas gets a colour it can parse.
    const context = document.createElement('canvas').getContext('2d')!;
    for (const color of element.lastPalette!.series) {
      context.fillStyle = '#010203';
      context.fillStyle = color;
      expect(context.fillStyle, color).to.not.equal('#010203');
    }
  });

  it('says when there is no data, and when loading failed', async () => {
    const empty = await chart({ ...result, series: [] });
    expect(empty.state).to.equal('empty');
    expect(shadow(empty).querySelector('[part="status"]')!.textContent).to.equal('Chưa có dữ liệu');
    const failing: DataSource = {
      id: 'failing',
      indicators: () => Promise.resolve([]),
      areas: () => Promise.resolve([]),
      boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
      query: () => Promise.reject(new HttpError('https://broker.example/x', 503, 'Service Unavailable')),
    };
    const provider = await fixture(html`<ioc-provider .source=${failing} area="90"><ioc-test-chart></ioc-test-chart></ioc-provider>`);
    const element = provider.querySelector<TestChart>('ioc-test-chart')!;
    await waitUntil(() => element.state === 'error', 'never reached the error state');
    await element.updateComplete;
    expect(element.getAttribute('state')).to.equal('error');
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.contain('503');
    expect(element.draws).to.equal(0);
  });

  it('shows a loading placeholder while the source has not answered', async () => {
    const pending: DataSource = {
      id: 'pending',
      indicators: () => Promise.resolve([]),
      areas: () => Promise.resolve([]),
      boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
      query: () => new Promise<never>(() => undefined),
    };
    const provider = await fixture(html`<ioc-provider .source=${pending} area="90"><ioc-test-chart></ioc-test-chart></ioc-provider>`);
    const element = provider.querySelector<TestChart>('ioc-test-chart')!;
    await element.updateComplete;
    expect(element.state).to.equal('pending');
    expect(shadow(element).querySelector('.skeleton')).to.not.equal(null);
  });
});
