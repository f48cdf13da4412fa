import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HttpError, type Area, type ByAreaResult, type DataSource, type Query, type QueryResult, type ResultFor, type SeriesResult } from '@ioc-kit/data';
import { loadCatalogue } from '../internal/indicator.js';
import '../provider/provider.js';
import './bar-chart.js';
import type { IocBarChart } from './bar-chart.js';

const unit = { code: '1', system: 'UCUM' as const, label: { vi: 'AQI', en: 'AQI' } };
const ranking: ByAreaResult = {
  kind: 'by-area',
  indicator: 'environment.aqi',
  unit,
  level: 'commune',
  partial: false,
  rows: [
    { area: '25111', value: 120 },
    { area: '25112', value: 45.5 },
    { area: '25113', value: 1600 },
    { area: '25114', value: null },
    { area: '25115', value: 80 },
  ],
};
const MONTH = Date.UTC(2026, 8, 30, 17);
const monthly: SeriesResult = {
  kind: 'series',
  indicator: 'economy.budget-revenue',
  unit: { code: '1', system: 'none', label: { vi: 'tỷ đồng', en: 'bn VND' } },
  grain: 'month',
  partial: false,
  series: [
    { area: '24', t: [MONTH, MONTH + 31 * 86_400_000], v: [300, 100] },
    { area: '01', t: [MONTH, MONTH + 31 * 86_400_000], v: [100, 100] },
  ],
};

function source(answer: (query: Query) => Promise<QueryResult>, areas: Area[] = []): DataSource {
  return {
    id: `test:${Math.floor(areas.length)}`,
    indicators: () => Promise.resolve([]),
    areas: () => Promise.resolve(areas),
    boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
    query: <Q extends Query>(query: Q) => answer(query) as Promise<ResultFor<Q>>,
  };
}

const shadow = (element: IocBarChart) => element.shadowRoot!;
const bars = (element: IocBarChart) => [...shadow(element).querySelectorAll<SVGRectElement>('.surface g.bars rect')];

async function chart(template: ReturnType<typeof html>): Promise<IocBarChart> {
  const element = await fixture<IocBarChart>(template);
  await waitUntil(() => element.state === 'error' || element.state === 'empty' || bars(element).length > 0, 'bar chart never drew');
  return element;
}

async function press(element: IocBarChart, key: string): Promise<string> {
  const plot = shadow(element).querySelector<HTMLElement>('[part="plot"]')!;
  plot.focus();
  plot.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  await element.updateComplete;
  return shadow(element).querySelector('[aria-live="polite"]')!.textContent.trim();
}

describe('<ioc-bar-chart>', () => {
  // Without a provider's list, names and bands come from the built-in catalogue, a lazy chunk:
  // these tests are about what is shown with them (internal/indicator.test.ts covers the loading).
  before(() => loadCatalogue());

  it('ranks areas by value, horizontally, top N, keeping and highlighting the selected area', async () => {
    const element = await chart(
      html`<ioc-bar-chart style="width: 480px" .data=${ranking} top="2" selected="25112" .areaLabels=${{ '25113': 'Phường Kinh Bắc' }}></ioc-bar-chart>`,
    );
    expect(bars(element).map((rect) => rect.dataset.category)).to.deep.equal(['25113', '25111', '25112']);
    const labels = [...shadow(element).querySelectorAll('.surface g.categories text')].map((text) => text.textContent);
    expect(labels).to.deep.equal(['1. Phường Kinh Bắc', '2. 25111', '4. 25112']);
    expect(bars(element)[2]!.getAttribute('class')).to.equal('highlight');
    // Horizontal: bars start at the same x and the longest is the highest.
    const widths = bars(element).map((rect) => Number(rect.getAttribute('width')));
    expect(widths[0]).to.be.greaterThan(widths[1]!);
    expect(new Set(bars(element).map((rect) => rect.getAttribute('x'))).size).to.equal(1);
    expect(shadow(element).querySelector('[part="plot"]')!.getAttribute('aria-label')).to.contain('25112 xếp hạng 4/4');
  });

  it('colours bars good or bad against the target by polarity, and draws the target line', async () => {
    const onTime: ByAreaResult = { ...ranking, indicator: 'governance.dossiers-on-time', unit: { code: '%', system: 'UCUM', label: { vi: '%' } }, rows: [{ area: 'a', value: 97 }, { area: 'b', value: 90 }] };
    const style = 'width: 480px; --ioc-sys-color-positive: rgb(0, 128, 0); --ioc-sys-color-negative: rgb(200, 0, 0)';
    const element = await chart(html`<ioc-bar-chart style=${style} polarity-colors .data=${onTime}></ioc-bar-chart>`);
    expect(bars(element).map((rect) => rect.getAttribute('fill'))).to.deep.equal(['rgb(0, 128, 0)', 'rgb(200, 0, 0)']);
    expect(shadow(element).querySelector('.surface line.target')).to.not.equal(null);
  });

  it('shows the bottom N, lowest first', async () => {
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${ranking} bottom="2" selected="none"></ioc-bar-chart>`);
    expect(bars(element).map((rect) => rect.dataset.category)).to.deep.equal(['25112', '25115']);
  });

  it('names areas from the source and queries by-area for the provider province', async () => {
    const queries: Query[] = [];
    const areas: Area[] = [{ code: '25113', level: 'commune', parent: '24', name: { vi: 'Phường Võ Cường', en: 'Vo Cuong Ward' } }];
    const answer = (query: Query) => {
      queries.push(query);
      return Promise.resolve(ranking);
    };
    const provider = await fixture(
      html`<ioc-provider .source=${source(answer, areas)} area="24" locale="en"><ioc-bar-chart style="width: 480px" indicator="environment.aqi" top="3"></ioc-bar-chart></ioc-provider>`,
    );
    const element = provider.querySelector<IocBarChart>('ioc-bar-chart')!;
    await waitUntil(() => shadow(element).querySelector('.surface g.categories text')?.textContent === '1. Vo Cuong Ward', 'names never arrived');
    expect(queries[0]).to.deep.include({ kind: 'by-area', indicator: 'environment.aqi', level: 'commune', parent: '24' });
  });

  it('names the compared areas over periods from the source too', async () => {
    const areas: Area[] = [{ code: '24', level: 'commune', parent: '90', name: { vi: 'Phường Kinh Bắc' } }];
    const provider = await fixture(
      html`<ioc-provider .source=${source(() => Promise.resolve(monthly), areas)} area="90"
        ><ioc-bar-chart style="width: 480px" indicator="economy.budget-revenue" areas="24 01"></ioc-bar-chart
      ></ioc-provider>`,
    );
    const element = provider.querySelector<IocBarChart>('ioc-bar-chart')!;
    await waitUntil(() => shadow(element).querySelector('[part="legend-item"]')?.textContent.trim() === 'Phường Kinh Bắc', 'names never arrived');
    expect([...shadow(element).querySelectorAll('[part="legend-item"]')].map((button) => button.textContent.trim())).to.deep.equal(['Phường Kinh Bắc', '01']);
  });

  it('stacks areas over periods, and to 100 %; the legend hides a series', async () => {
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${monthly} layout="stacked" .areaLabels=${{ '24': 'Bắc Ninh', '01': 'Hà Nội' }}></ioc-bar-chart>`);
    const [first, second] = bars(element).filter((rect) => rect.dataset.category === String(MONTH));
    expect(Number(second!.getAttribute('y')) + Number(second!.getAttribute('height'))).to.be.closeTo(Number(first!.getAttribute('y')), 0.11);
    element.layout = 'percent';
    await element.updateComplete;
    const heights = bars(element).filter((rect) => rect.dataset.category === String(MONTH)).map((rect) => Number(rect.getAttribute('height')));
    expect(heights[0]! / heights[1]!).to.be.closeTo(3, 0.02);
    const legend = [...shadow(element).querySelectorAll<HTMLButtonElement>('[part="legend-item"]')];
    expect(legend.map((button) => button.textContent.trim())).to.deep.equal(['Bắc Ninh', 'Hà Nội']);
    legend[1]!.click();
    await element.updateComplete;
    expect(legend[1]!.getAttribute('aria-pressed')).to.equal('false');
    expect(bars(element).map((rect) => rect.dataset.series)).to.deep.equal(['24', '24']);
  });

  it('moves between bars with the keyboard and announces them in the locale', async () => {
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${ranking} locale="en"></ioc-bar-chart>`);
    expect(await press(element, 'ArrowRight')).to.equal('1. 25113: 1,600 AQI');
    expect(await press(element, 'ArrowRight')).to.equal('2. 25111: 120 AQI');
    // AQI has no decimals.
    expect(await press(element, 'End')).to.equal('4. 25112: 46 AQI');
    element.locale = 'vi';
    await element.updateComplete;
    expect(await press(element, 'Home')).to.equal('1. 25113: 1.600 AQI');
  });

  it('shows the bar under the pointer in the tooltip', async () => {
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${ranking}></ioc-bar-chart>`);
    const box = shadow(element).querySelector('.surface')!.getBoundingClientRect();
    const second = bars(element)[1]!;
    const x = Number(second.getAttribute('x')) + 2;
    const y = Number(second.getAttribute('y')) + Number(second.getAttribute('height')) / 2;
    shadow(element).querySelector('[part="plot"]')!.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + x, clientY: box.top + y, bubbles: true, composed: true }));
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="tooltip"]')!.textContent).to.equal('2. 25111: 120 AQI');
  });

  it('switches to a data table of the ranking', async () => {
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${ranking}></ioc-bar-chart>`);
    shadow(element).querySelector<HTMLButtonElement>('[part="view-toggle"]')!.click();
    await element.updateComplete;
    const rows = [...shadow(element).querySelectorAll('[part="table"] tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent.trim()));
    expect(rows).to.deep.equal([
      ['25113', '1', '1.600'],
      ['25111', '2', '120'],
      ['25115', '3', '80'],
      ['25112', '4', '46'],
    ]);
    expect(shadow(element).querySelector('[part="table"] thead')!.textContent).to.contain('Giá trị (AQI)');
  });

  it('redraws at its new size when its container is resized', async () => {
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${ranking}></ioc-bar-chart>`);
    const width = () => Number(shadow(element).querySelector('.surface svg')!.getAttribute('width'));
    const before = width();
    element.style.setProperty('width', '320px');
    await waitUntil(() => width() < before, 'no redraw after resize');
    expect(before - width()).to.be.closeTo(160, 2);
  });

  it('says when there is no data, and when loading failed', async () => {
    const empty = await chart(html`<ioc-bar-chart .data=${{ ...ranking, rows: [{ area: 'x', value: null }] }}></ioc-bar-chart>`);
    expect(empty.state).to.equal('empty');
    expect(shadow(empty).querySelector('[part="status"]')!.textContent).to.equal('Chưa có dữ liệu');
    const failing = source(() => Promise.reject(new HttpError('https://broker.example/x', 503, 'Service Unavailable')));
    const provider = await fixture(html`<ioc-provider .source=${failing} area="24"><ioc-bar-chart indicator="environment.aqi"></ioc-bar-chart></ioc-provider>`);
    const element = provider.querySelector<IocBarChart>('ioc-bar-chart')!;
    await waitUntil(() => element.state === 'error', 'never reached the error state');
    await element.updateComplete;
    expect(element.getAttribute('state')).to.equal('error');
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.contain('503');
    const unconfigured = await fixture<IocBarChart>(html`<ioc-bar-chart></ioc-bar-chart>`);
    expect(unconfigured.state).to.equal('error');
    await unconfigured.updateComplete;
    expect(shadow(unconfigured).querySelector('[role="alert"]')!.textContent).to.contain('indicator');
  });

  it('rejects a malformed result with a clear message', async () => {
    const bad = { ...ranking, rows: [{ area: 'x', value: 'lots' }] } as unknown as ByAreaResult;
    const provider = await fixture(html`<ioc-provider .source=${source(() => Promise.resolve(bad))} area="24"><ioc-bar-chart indicator="environment.aqi"></ioc-bar-chart></ioc-provider>`);
    const element = provider.querySelector<IocBarChart>('ioc-bar-chart')!;
    await waitUntil(() => element.state === 'error', 'never rejected');
    await element.updateComplete;
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.contain('rows[0].value');
  });

  it('shows hostile names as text, never markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${ranking} .areaLabels=${{ '25113': hostile }} label=${hostile}></ioc-bar-chart>`);
    expect(shadow(element).querySelector('img')).to.equal(null);
    expect(shadow(element).querySelector('[part="header"]')!.textContent).to.equal(hostile);
    expect(shadow(element).querySelector('.surface g.categories text')!.textContent).to.contain('<img');
  });
});
