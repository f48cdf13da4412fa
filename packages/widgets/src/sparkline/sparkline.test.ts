import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HttpError, type DataSource, type Query, type QueryResult, type ResultFor, type SeriesResult } from '@ioc-kit/data';
import { loadCatalogue } from '../internal/indicator.js';
import '../provider/provider.js';
import './sparkline.js';
import type { IocSparkline } from './sparkline.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 19, 17);
const week: SeriesResult = {
  kind: 'series',
  indicator: 'environment.pm25',
  unit: { code: 'ug/m3', system: 'UCUM', label: { vi: 'µg/m³', en: 'µg/m³' } },
  grain: 'day',
  partial: false,
  series: [{ area: '24', t: [0, 1, 2, 3, 4].map((i) => START + i * DAY), v: [30.5, 12, 55.25, Number.NaN, 41] }],
};

function source(answer: (query: Query) => Promise<QueryResult>): DataSource {
  return {
    id: 'test',
    indicators: () => Promise.resolve([]),
    areas: () => Promise.resolve([]),
    boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
    query: <Q extends Query>(query: Q) => answer(query) as Promise<ResultFor<Q>>,
  };
}

const shadow = (element: IocSparkline) => element.shadowRoot!;
const svgOf = (element: IocSparkline) => shadow(element).querySelector('.surface svg');

async function spark(template: ReturnType<typeof html>): Promise<IocSparkline> {
  const element = await fixture<IocSparkline>(template);
  await waitUntil(() => element.state === 'error' || element.state === 'empty' || svgOf(element) !== null, 'sparkline never drew');
  return element;
}

describe('<ioc-sparkline>', () => {
  // Without a provider's list, names and bands come from the built-in catalogue, a lazy chunk:
  // these tests are about what is shown with them (internal/indicator.test.ts covers the loading).
  before(() => loadCatalogue());

  it('draws bare values with dots on the lowest, highest and last, and no frame or buttons', async () => {
    const element = await spark(html`<ioc-sparkline .values=${[4, 2, 9, 7]}></ioc-sparkline>`);
    const circle = (kind: string) => shadow(element).querySelector<SVGCircleElement>(`.surface circle.${kind}`)!;
    expect(Number(circle('max').getAttribute('cy'))).to.be.lessThan(Number(circle('min').getAttribute('cy')));
    expect(Number(circle('last').getAttribute('cx'))).to.be.greaterThan(Number(circle('max').getAttribute('cx')));
    expect(getComputedStyle(shadow(element).querySelector('.toolbar')!).display).to.equal('none');
    expect(shadow(element).querySelector('[part="header"]')).to.equal(null);
    const label = shadow(element).querySelector('[part="plot"]')!.getAttribute('aria-label')!;
    expect(label).to.equal('Xu hướng: thấp nhất 2 (Điểm 2), cao nhất 9 (Điểm 3), mới nhất 7 (Điểm 4), xu hướng tăng.');
  });

  it('asks a series query for its area and describes it with dates and units', async () => {
    const queries: Query[] = [];
    const provider = await fixture(
      html`<ioc-provider .source=${source((query) => (queries.push(query), Promise.resolve(week)))} area="24"
        ><ioc-sparkline indicator="environment.pm25" span="7"></ioc-sparkline
      ></ioc-provider>`,
    );
    const element = provider.querySelector<IocSparkline>('ioc-sparkline')!;
    await waitUntil(() => svgOf(element) !== null, 'never drew');
    expect(queries[0]).to.deep.include({ kind: 'series', indicator: 'environment.pm25', areas: ['24'], grain: 'day' });
    const query = queries[0] as { from: string; to: string };
    expect(Date.parse(query.to) - Date.parse(query.from)).to.equal(7 * DAY);
    const label = shadow(element).querySelector('[part="plot"]')!.getAttribute('aria-label')!;
    expect(label).to.contain('Bụi mịn PM2.5: thấp nhất 12,0 µg/m³ (21/11/2026)');
    expect(label).to.contain('mới nhất 41,0 µg/m³ (24/11/2026)');
    // The gap breaks the line.
    expect(shadow(element).querySelector('.surface path.line')!.getAttribute('d')!.match(/M/g)!.length).to.equal(2);
  });

  it('moves between points with the keyboard and announces them', async () => {
    const element = await spark(html`<ioc-sparkline .data=${week} locale="en"></ioc-sparkline>`);
    const plot = shadow(element).querySelector<HTMLElement>('[part="plot"]')!;
    plot.focus();
    const press = async (key: string) => {
      plot.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      await element.updateComplete;
      return shadow(element).querySelector('[aria-live="polite"]')!.textContent.trim();
    };
    expect(await press('ArrowRight')).to.equal('20/11/2026: 30.5 µg/m³');
    expect(await press('End')).to.equal('24/11/2026: 41.0 µg/m³');
    expect(await press('ArrowLeft')).to.equal('23/11/2026: –');
  });

  it('offers the data table with `controls`', async () => {
    const element = await spark(html`<ioc-sparkline controls .values=${[1234.5, 2]}></ioc-sparkline>`);
    shadow(element).querySelector<HTMLButtonElement>('[part="view-toggle"]')!.click();
    await element.updateComplete;
    const rows = [...shadow(element).querySelectorAll('[part="table"] tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent.trim()));
    expect(rows).to.deep.equal([
      ['Điểm 1', '1.234,5'],
      ['Điểm 2', '2,0'],
    ]);
  });

  it('redraws at its new size', async () => {
    const element = await spark(html`<ioc-sparkline style="width: 200px" .values=${[1, 3, 2]}></ioc-sparkline>`);
    const width = () => Number(svgOf(element)!.getAttribute('width'));
    expect(width()).to.equal(200);
    element.style.setProperty('width', '100px');
    await waitUntil(() => width() === 100, 'no redraw after resize');
  });

  it('says when there is no data and when loading failed', async () => {
    const empty = await spark(html`<ioc-sparkline .values=${[Number.NaN]}></ioc-sparkline>`);
    expect(empty.state).to.equal('empty');
    const failing = source(() => Promise.reject(new HttpError('https://broker.example/x', 503, 'Service Unavailable')));
    const provider = await fixture(html`<ioc-provider .source=${failing} area="24"><ioc-sparkline indicator="environment.aqi"></ioc-sparkline></ioc-provider>`);
    const element = provider.querySelector<IocSparkline>('ioc-sparkline')!;
    await waitUntil(() => element.state === 'error', 'never reached the error state');
    await element.updateComplete;
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.contain('503');
  });

  it('shows a hostile label as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const element = await spark(html`<ioc-sparkline label=${hostile} .values=${[1, 2]}></ioc-sparkline>`);
    expect(shadow(element).querySelector('img')).to.equal(null);
    expect(shadow(element).querySelector('[part="header"]')!.textContent).to.equal(hostile);
  });
});
