import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { HttpError, indicatorById, type Area, type ByAreaResult, type DataSource, type Query, type QueryResult, type ResultFor, type SeriesResult } from '@ioc-kit/data';
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
/** The marks drawn: bars, or the dots that replace them on a zoomed axis. */
const bars = (element: IocBarChart) => [...shadow(element).querySelectorAll<SVGRectElement>('.surface g.bars rect, .surface g.bars circle')];
const categoryLabels = (element: IocBarChart) => [...shadow(element).querySelectorAll('.surface g.categories text')].map((text) => text.textContent);
const note = (element: IocBarChart) => shadow(element).querySelector('[part="note"]')?.textContent.trim() ?? '';

/** On-time rates of twelve communes, the best ten within 1 point of each other: the README's embed. */
const onTime: ByAreaResult = {
  kind: 'by-area',
  indicator: 'governance.dossiers-on-time',
  unit: { code: '%', system: 'UCUM', label: { vi: '%', en: '%' } },
  level: 'commune',
  partial: false,
  rows: [99.7, 99.7, 99.7, 99.6, 99.6, 99.5, 99.3, 99.1, 99, 98.9, 92.2, 80.1].map((value, i) => ({ area: `900${String(i).padStart(2, '0')}`, value })),
};

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
    // AQI: lower is better, so rank 1 is the cleanest air and the top 2 are the two lowest.
    const element = await chart(
      html`<ioc-bar-chart style="width: 480px" .data=${ranking} top="2" selected="25113" .areaLabels=${{ '25113': 'Phường Kinh Bắc' }}></ioc-bar-chart>`,
    );
    expect(bars(element).map((rect) => rect.dataset.category)).to.deep.equal(['25112', '25115', '25113']);
    expect(categoryLabels(element)).to.deep.equal(['1. 25112', '2. 25115', '4. Phường Kinh Bắc']);
    expect(bars(element)[2]!.getAttribute('class')).to.equal('highlight');
    // Horizontal: bars start at the same x, and AQI 45,5 is shorter than 80.
    const widths = bars(element).map((rect) => Number(rect.getAttribute('width')));
    expect(widths[0]).to.be.lessThan(widths[1]!);
    expect(new Set(bars(element).map((rect) => rect.getAttribute('x'))).size).to.equal(1);
    expect(shadow(element).querySelector('[part="plot"]')!.getAttribute('aria-label')).to.contain('Phường Kinh Bắc xếp hạng 4/4');
  });

  it('says in words which end ranks 1, following the polarity, in both languages', async () => {
    // Lower is better (AQI): rank 1 is the lowest.
    const aqi = await chart(html`<ioc-bar-chart style="width: 480px" .data=${ranking} top="2" selected="none"></ioc-bar-chart>`);
    expect(note(aqi)).to.contain('Xếp hạng: 1 = tốt nhất (thấp nhất)');
    expect(note(aqi)).to.contain('2 tốt nhất trong 4');
    expect(shadow(aqi).querySelector('[part="plot"]')!.getAttribute('aria-label')).to.contain('1 = tốt nhất (thấp nhất)');
    aqi.locale = 'en';
    await aqi.updateComplete;
    expect(note(aqi)).to.contain('Ranking: 1 = best (lowest)');
    expect(note(aqi)).to.contain('best 2 of 4');
    // Higher is better (on time): rank 1 is the highest.
    const rates = await chart(html`<ioc-bar-chart style="width: 480px" .data=${onTime} top="10"></ioc-bar-chart>`);
    expect(note(rates)).to.contain('Xếp hạng: 1 = tốt nhất (cao nhất)');
    expect(note(rates)).to.contain('10 tốt nhất trong 12');
    // Neutral (electricity used): rank 1 is just the highest.
    const power = await chart(html`<ioc-bar-chart style="width: 480px" .data=${{ ...ranking, indicator: 'living.electricity' }}></ioc-bar-chart>`);
    expect(note(power)).to.contain('Xếp hạng: 1 = cao nhất');
    expect(bars(power)[0]!.dataset.category).to.equal('25113');
    // The table's rank column says it too.
    power.view = 'table';
    await power.updateComplete;
    expect(shadow(power).querySelector('[part="table"] thead')!.textContent).to.contain('Hạng (1 = cao nhất)');
  });

  it('colours an AQI ranking by its VN_AQI band and names the bands under it', async () => {
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${ranking}></ioc-bar-chart>`);
    const fill = (area: string) => bars(element).find((bar) => bar.dataset.category === area)!.getAttribute('fill');
    // Official colours (Decision 1459): 45,5 good (green), 80 moderate (yellow), 120 poor (orange).
    expect(fill('25112')).to.equal('rgb(0, 228, 0)');
    expect(fill('25115')).to.equal('rgb(255, 255, 0)');
    expect(fill('25111')).to.equal('rgb(255, 126, 0)');
    const bands = [...shadow(element).querySelectorAll('[part="note"] .band')].map((band) => band.textContent.trim());
    expect(bands).to.deep.equal(['Tốt', 'Trung bình', 'Kém']);
    // Polarity colours, when asked for, take precedence.
    element.polarityColors = true;
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('[part="note"] .band')).to.have.length(0);
  });

  it('makes the on-time ranking readable: dots on a zoomed axis, shared ranks as "=1", the unit, the axis said in words', async () => {
    // The README's embed: ten communes within one point of each other, against a 95 % target.
    const element = await chart(html`<ioc-bar-chart style="width: 560px; --ioc-bar-chart-height: 22rem" .data=${onTime} top="10"></ioc-bar-chart>`);
    const marks = bars(element);
    expect(marks.map((mark) => mark.tagName)).to.deep.equal(Array(10).fill('circle'));
    // The best and the tenth are far apart on screen, not ten equal bars.
    const cx = marks.map((mark) => Number(mark.getAttribute('cx')));
    expect(cx[0]! - cx[9]!).to.be.above(40);
    const ticks = [...shadow(element).querySelectorAll('.surface g.axis text')].map((text) => Number(text.textContent.replace(',', '.')));
    expect(Math.min(...ticks)).to.be.above(0);
    expect(categoryLabels(element).slice(0, 6)).to.deep.equal(['=1. 90000', '=1. 90001', '=1. 90002', '=4. 90003', '=4. 90004', '6. 90005']);
    const values = [...shadow(element).querySelectorAll('.surface g.value-labels text')].map((text) => text.textContent);
    expect(values[0]).to.equal('99,7 %');
    expect(shadow(element).querySelector('.surface text.axis-label')!.textContent).to.equal('Đơn vị: %');
    // The target is far below the ten: named at the axis's edge with an arrow, and in words.
    expect(shadow(element).querySelector('.surface text.target-label')!.textContent).to.equal('← Mục tiêu 95,0 %');
    expect(note(element)).to.contain('10/10 đạt mục tiêu 95,0 %');
    expect(note(element)).to.contain('“=”: đồng hạng');
    expect(note(element)).to.contain('trục giá trị không bắt đầu từ 0');
    element.locale = 'en';
    await element.updateComplete;
    await waitUntil(() => shadow(element).querySelector('.surface text.axis-label')?.textContent === 'Unit: %', 'no English unit');
    expect(note(element)).to.contain('“=”: tied');
    expect(note(element)).to.contain('the value axis does not start at 0');
    expect(note(element)).to.contain('10 of 10 meet the target of 95.0 %');
    // Values that differ get the decimals to show it: ranked 1 and 2 never both read "99,1".
    const close: ByAreaResult = { ...onTime, rows: [{ area: 'a', value: 99.13 }, { area: 'b', value: 99.08 }] };
    const precise = await chart(html`<ioc-bar-chart style="width: 480px" .data=${close}></ioc-bar-chart>`);
    expect([...shadow(precise).querySelectorAll('.surface g.value-labels text')].map((text) => text.textContent)).to.deep.equal(['99,13 %', '99,08 %']);
  });

  it("draws again with the indicator's decimals and polarity once the provider's list arrives", async () => {
    // The list comes after the data: a ranking drawn before it must not keep "99" for 99,7 and 99,6.
    let release: () => void = () => undefined;
    const listed = new Promise<void>((resolve) => (release = resolve));
    const late: DataSource = {
      ...source(() => Promise.resolve(onTime)),
      id: 'test:late-list',
      indicators: () => listed.then(() => [indicatorById('governance.dossiers-on-time')!]),
    };
    const provider = await fixture(html`<ioc-provider .source=${late} area="90"><ioc-bar-chart style="width: 480px" indicator="governance.dossiers-on-time" top="5"></ioc-bar-chart></ioc-provider>`);
    const element = provider.querySelector<IocBarChart>('ioc-bar-chart')!;
    await waitUntil(() => bars(element).length > 0, 'never drew');
    // Until then no polarity is known: rank 1 is only "the highest".
    expect(note(element)).to.contain('1 = cao nhất');
    release();
    await waitUntil(() => note(element).includes('1 = tốt nhất (cao nhất)'), 'polarity never arrived');
    await waitUntil(() => shadow(element).querySelector('.surface text.target-label')?.textContent === '← Mục tiêu 95,0 %', 'the target never arrived');
    expect(shadow(element).querySelector('.surface g.value-labels text')!.textContent).to.equal('99,7 %');
  });

  it('says the unit on the value axis over periods too', async () => {
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${monthly}></ioc-bar-chart>`);
    expect(shadow(element).querySelector('.surface text.axis-label')!.textContent).to.equal('Đơn vị: tỷ đồng');
    element.locale = 'en';
    await element.updateComplete;
    await waitUntil(() => shadow(element).querySelector('.surface text.axis-label')?.textContent === 'Unit: bn VND', 'no English unit');
  });

  it('draws the target line under the value labels and labels it', async () => {
    const close: ByAreaResult = { ...onTime, rows: [{ area: 'a', value: 94.6 }, { area: 'b', value: 99 }, { area: 'c', value: 60 }] };
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${close}></ioc-bar-chart>`);
    const root = shadow(element).querySelector('.surface svg')!;
    const order = [...root.children].map((node) => node.getAttribute('class'));
    expect(order.indexOf('target')).to.be.within(0, order.indexOf('value-labels'));
    const surface = getComputedStyle(element).getPropertyValue('--ioc-sys-color-surface').trim();
    expect(surface).to.not.equal('');
    for (const text of shadow(element).querySelectorAll('.surface g.value-labels text')) expect(text.getAttribute('paint-order')).to.equal('stroke');
    expect(shadow(element).querySelector('.surface text.target-label')!.textContent).to.equal('Mục tiêu 95,0 %');
  });

  it('colours bars good or bad against the target by polarity, and draws the target line', async () => {
    const onTime: ByAreaResult = { ...ranking, indicator: 'governance.dossiers-on-time', unit: { code: '%', system: 'UCUM', label: { vi: '%' } }, rows: [{ area: 'a', value: 97 }, { area: 'b', value: 90 }] };
    const style = 'width: 480px; --ioc-sys-color-positive: rgb(0, 128, 0); --ioc-sys-color-negative: rgb(200, 0, 0)';
    const element = await chart(html`<ioc-bar-chart style=${style} polarity-colors .data=${onTime}></ioc-bar-chart>`);
    expect(bars(element).map((rect) => rect.getAttribute('fill'))).to.deep.equal(['rgb(0, 128, 0)', 'rgb(200, 0, 0)']);
    expect(shadow(element).querySelector('.surface line.target')).to.not.equal(null);
  });

  it('shows the bottom N: the worst, worst first (for AQI the highest)', async () => {
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${ranking} bottom="2" selected="none"></ioc-bar-chart>`);
    expect(bars(element).map((rect) => rect.dataset.category)).to.deep.equal(['25113', '25111']);
    expect(categoryLabels(element)).to.deep.equal(['4. 25113', '3. 25111']);
    expect(note(element)).to.contain('2 kém nhất trong 4, kém nhất trước');
    // Where higher is better, the worst are the lowest.
    const rates = await chart(html`<ioc-bar-chart style="width: 480px" .data=${onTime} bottom="2" selected="none" locale="en"></ioc-bar-chart>`);
    expect(bars(rates).map((rect) => rect.dataset.category)).to.deep.equal(['90011', '90010']);
    expect(note(rates)).to.contain('worst 2 of 12, worst first');
  });

  it('names areas from the source and queries by-area for the provider province', async () => {
    const queries: Query[] = [];
    // The source says 24 is a province (its level is never read from the length of its code).
    const areas: Area[] = [
      { code: '24', level: 'province', name: { vi: 'Bắc Ninh' } },
      { code: '25112', level: 'commune', parent: '24', name: { vi: 'Phường Võ Cường', en: 'Vo Cuong Ward' } },
    ];
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
    expect(await press(element, 'ArrowRight')).to.equal('1. 25112: 46 AQI (Good)');
    expect(await press(element, 'ArrowRight')).to.equal('2. 25115: 80 AQI (Moderate)');
    // AQI has no decimals.
    expect(await press(element, 'End')).to.equal('4. 25113: 1,600 AQI');
    element.locale = 'vi';
    await element.updateComplete;
    expect(await press(element, 'Home')).to.equal('1. 25112: 46 AQI (Tốt)');
  });

  it('goes down a horizontal ranking with ArrowDown: rank 1, then 2; ArrowUp back; Home and End', async () => {
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${ranking} locale="en"></ioc-bar-chart>`);
    expect(await press(element, 'ArrowDown')).to.equal('1. 25112: 46 AQI (Good)');
    expect(await press(element, 'ArrowDown')).to.equal('2. 25115: 80 AQI (Moderate)');
    expect(await press(element, 'ArrowDown')).to.equal('3. 25111: 120 AQI (Poor)');
    expect(await press(element, 'ArrowUp')).to.equal('2. 25115: 80 AQI (Moderate)');
    expect(await press(element, 'End')).to.equal('4. 25113: 1,600 AQI');
    expect(await press(element, 'ArrowUp')).to.equal('3. 25111: 120 AQI (Poor)');
    expect(await press(element, 'Home')).to.equal('1. 25112: 46 AQI (Good)');
    // The focus mark sits on the row announced, the top one for rank 1.
    const plot = shadow(element).querySelector('.surface')!.getBoundingClientRect();
    const dot = shadow(element).querySelector('.focus-dot')!.getBoundingClientRect();
    const first = bars(element)[0]!.getBoundingClientRect();
    expect(dot.top + dot.height / 2 - plot.top).to.be.closeTo(first.top + first.height / 2 - plot.top, 2);
    // Escape leaves; the first ArrowUp from nothing goes to the last row.
    await press(element, 'Escape');
    expect(await press(element, 'ArrowUp')).to.equal('4. 25113: 1,600 AQI');
    // Vertical bars over periods keep ArrowRight/ArrowUp forward.
    const periods = await chart(html`<ioc-bar-chart style="width: 480px" .data=${monthly} .areaLabels=${{ '24': 'Bắc Ninh', '01': 'Hà Nội' }}></ioc-bar-chart>`);
    expect(await press(periods, 'ArrowRight')).to.contain('Bắc Ninh');
    expect(await press(periods, 'ArrowUp')).to.contain('Hà Nội');
  });

  it('shows the bar under the pointer in the tooltip', async () => {
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${ranking}></ioc-bar-chart>`);
    const box = shadow(element).querySelector('.surface')!.getBoundingClientRect();
    const second = bars(element)[1]!;
    const x = Number(second.getAttribute('x')) + 2;
    const y = Number(second.getAttribute('y')) + Number(second.getAttribute('height')) / 2;
    shadow(element).querySelector('[part="plot"]')!.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + x, clientY: box.top + y, bubbles: true, composed: true }));
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="tooltip"]')!.textContent).to.equal('2. 25115: 80 AQI (Trung bình)');
  });

  it('switches to a data table of the ranking', async () => {
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${ranking}></ioc-bar-chart>`);
    shadow(element).querySelector<HTMLButtonElement>('[part="view-toggle"]')!.click();
    await element.updateComplete;
    const rows = [...shadow(element).querySelectorAll('[part="table"] tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent.trim()));
    expect(rows).to.deep.equal([
      ['25112', '1', '46'],
      ['25115', '2', '80'],
      ['25111', '3', '120'],
      ['25113', '4', '1.600'],
    ]);
    expect(shadow(element).querySelector('[part="table"] thead')!.textContent).to.contain('Hạng (1 = tốt nhất (thấp nhất))');
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
    expect(categoryLabels(element).some((label) => label?.includes('<img'))).to.equal(true);
  });
});

describe('<ioc-bar-chart> under forced colours', () => {
  before(() => loadCatalogue());
  afterEach(() => emulateMedia({ forcedColors: 'none' }));

  it('fills the bars of each series with its own pattern, as the legend shows them', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${monthly}></ioc-bar-chart>`);
    const bySeries = new Map(bars(element).map((bar) => [bar.dataset.series, bar.dataset.pattern]));
    expect([...bySeries.values()]).to.deep.equal(['solid', 'diagonal']);
    const swatches = [...shadow(element).querySelectorAll<SVGElement>('[part="legend-item"] .swatch-fill')].map((swatch) => swatch.dataset.pattern);
    expect(swatches).to.deep.equal([...bySeries.values()]);
  });

  it('fills an AQI ranking by band, and the band key under it shows the same patterns', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const element = await chart(html`<ioc-bar-chart style="width: 480px" .data=${ranking}></ioc-bar-chart>`);
    const pattern = (area: string) => bars(element).find((bar) => bar.dataset.category === area)!.dataset.pattern;
    const key = [...shadow(element).querySelectorAll<SVGElement>('[part="note"] .band .swatch-fill')].map((swatch) => swatch.dataset.pattern);
    // Tốt (45,5), Trung bình (80), Kém (120): three bands, three patterns, none solid.
    expect(key).to.deep.equal([pattern('25112'), pattern('25115'), pattern('25111')]);
    expect(new Set(key).size).to.equal(3);
    expect(key).to.not.include('solid');
  });
});
