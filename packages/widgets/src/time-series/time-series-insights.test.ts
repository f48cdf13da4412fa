import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SeriesResult } from '@ioc-kit/data';
import { loadCatalogue } from '../internal/indicator.js';
import { signalTools } from '../internal/insights-loader.js';
import './time-series.js';
import type { IocTimeSeries } from './time-series.js';

const HOUR = 3_600_000;
// 10/11/2026 00:00 in Vietnam.
const START = Date.UTC(2026, 10, 9, 17);
const N = 24 * 14;

/** Seeded noise in [-1, 1]. */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return (state / 2 ** 32) * 2 - 1;
  };
}

function series(shape: (i: number, e: number) => number, seed = 7): SeriesResult {
  const random = noise(seed);
  const t: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < N; i++) {
    t.push(START + i * HOUR);
    v.push(Math.round(shape(i, random() * 3) * 10) / 10);
  }
  return { kind: 'series', indicator: 'environment.aqi', unit: { code: '1', system: 'UCUM', label: { vi: '' } }, grain: 'hour', partial: false, series: [{ area: '24', t, v }] };
}

const daily = (i: number) => 5 * Math.sin((2 * Math.PI * i) / 24);
const SPIKE_AT = N - 60;
const spike = series((i, e) => 60 + daily(i) + e + (i === SPIKE_AT ? 55 : 0));
const step = series((i, e) => (i < 200 ? 45 : 80) + daily(i) + e);
// Flat, then a steady climb in the last day towards the Kém band (101+).
const ramp = series((i, e) => 60 + e * 0.5 + (i > N - 24 ? (i - (N - 24)) * 1.6 : 0));

async function chart(data: SeriesResult, attributes = '', lang = 'vi'): Promise<IocTimeSeries> {
  const element = await fixture<IocTimeSeries>(html`<ioc-time-series style="width: 720px" locale=${lang} .data=${data} grain="hour" indicator="environment.aqi" no-overview></ioc-time-series>`);
  if (attributes) element.setAttribute('insights', attributes);
  await element.updateComplete;
  await waitUntil(() => element.shadowRoot!.querySelector('.surface svg.ioc-ts-back g.series') !== null, 'the chart never drew');
  return element;
}

const front = (element: IocTimeSeries) => element.shadowRoot!.querySelector('svg.ioc-ts-front')!;
const legend = (element: IocTimeSeries) => [...element.shadowRoot!.querySelectorAll('[part~="legend-item"]')].map((item) => item.textContent?.trim() ?? '');

async function signalsDrawn(element: IocTimeSeries, selector: string): Promise<void> {
  await waitUntil(() => front(element).querySelector(selector) !== null, `no ${selector} drawn`, { timeout: 4000 });
}

describe('<ioc-time-series insights>', () => {
  before(() => loadCatalogue());

  // First, while nothing has asked for it: a chart without the attribute never loads @ioc-kit/insights.
  it('loads nothing and draws no signal marks without the attribute', async () => {
    const element = await chart(spike);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(signalTools()).to.equal(undefined);
    expect(front(element).querySelector('g.insights circle, g.insights line, g.insights polyline')).to.equal(null);
    expect(legend(element).join(' ')).not.to.match(/bất thường|dự báo/i);
  });

  it('rings a planted spike, with its words in the tooltip, the legend and the table', async () => {
    const element = await chart(spike, 'anomalies');
    await signalsDrawn(element, 'circle.anomaly');
    expect(signalTools()).not.to.equal(undefined);
    const rings = [...front(element).querySelectorAll('circle.anomaly')];
    expect(rings.length).to.be.within(1, 3);
    expect(rings.some((ring) => /^bất thường: cao hơn dự kiến \d+/.test(ring.getAttribute('data-label') ?? ''))).to.equal(true);
    expect(front(element).querySelector('.change-point, .forecast-line')).to.equal(null);
    expect(legend(element)).to.include('Giá trị bất thường');
    element.view = 'table';
    await element.updateComplete;
    const cells = [...element.shadowRoot!.querySelectorAll('td, th')].map((cell) => cell.textContent?.trim() ?? '');
    expect(cells).to.include('Tín hiệu');
    expect(cells.some((cell) => cell.startsWith('bất thường: cao hơn dự kiến'))).to.equal(true);
  });

  it('draws a dashed rule at a step, labelled in English', async () => {
    const element = await chart(step, 'changes', 'en');
    await signalsDrawn(element, 'line.change-point');
    const rules = [...front(element).querySelectorAll('line.change-point')];
    expect(rules.length).to.be.within(1, 2);
    expect(rules[0]!.getAttribute('stroke-dasharray')).to.equal('6 3');
    const x = Number(rules[0]!.getAttribute('x1'));
    const marks = element.shadowRoot!.querySelector('svg.ioc-ts-front')!;
    expect(marks.querySelector('text.change-label')?.textContent).to.equal('level shift ↑');
    // The rule stands near hour 200 of 336.
    const plot = Number(marks.getAttribute('width'));
    expect(x / plot).to.be.within(0.45, 0.7);
    expect(legend(element)).to.include('Level shifts');
  });

  it('continues a ramp with a dashed forecast over its band, and notes the band it will cross', async () => {
    const element = await chart(ramp, 'all');
    await signalsDrawn(element, 'polyline.forecast-line');
    const band = front(element).querySelector('polygon.forecast-band');
    expect(band).not.to.equal(null);
    expect(front(element).querySelector('polyline.forecast-line')!.getAttribute('stroke-dasharray')).to.equal('5 4');
    const note = front(element).querySelector('text.forecast-note')?.textContent ?? '';
    expect(note).to.match(/^dự báo vượt ngưỡng Kém trong \d giờ tới$/);
    expect(legend(element).some((label) => label.startsWith('Dự báo'))).to.equal(true);
    // The summary says it too (the insights' sentence).
    const said = () => element.shadowRoot!.querySelector('[part="plot"]')?.getAttribute('aria-label') ?? '';
    await waitUntil(() => /dự báo vượt ngưỡng Kém/.test(said()), `the summary never said it: ${said()}`, { timeout: 4000 });
  });

  it('says the forecast note in English', async () => {
    const element = await chart(ramp, 'forecast', 'en');
    await signalsDrawn(element, 'text.forecast-note');
    expect(front(element).querySelector('text.forecast-note')!.textContent).to.match(/^forecast to reach Poor within the next \d hours?$/);
  });

  it('hides a signal through its legend entry', async () => {
    const element = await chart(spike, 'anomalies');
    await signalsDrawn(element, 'circle.anomaly');
    element.toggleSeries('insight:anomalies', false);
    await element.updateComplete;
    await waitUntil(() => front(element).querySelector('circle.anomaly') === null, 'the rings stayed');
  });
});
