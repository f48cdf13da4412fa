import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HttpError, type DataSource, type Query, type QueryResult, type ResultFor, type SeriesResult } from '@ioc-kit/data';
import { loadCatalogue } from '../internal/indicator.js';
import '../provider/provider.js';
import './heatmap.js';
import type { IocHeatmap } from './heatmap.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Midnight of a date in Vietnam (UTC+07:00). */
const vnDay = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) - 7 * HOUR;

const unit = { code: '1', system: 'UCUM' as const, label: { vi: 'AQI', en: 'AQI' } };
// 1–30 November 2026, AQI rising by one each day.
const november: SeriesResult = {
  kind: 'series',
  indicator: 'environment.aqi',
  unit,
  grain: 'day',
  partial: false,
  series: [{ area: '24', t: Array.from({ length: 30 }, (_, i) => vnDay(2026, 11, 1) + i * DAY), v: Array.from({ length: 30 }, (_, i) => 40 + i) }],
};
// Two weeks of hours: busier in the evening.
const hourly: SeriesResult = {
  kind: 'series',
  indicator: 'mobility.vehicle-flow',
  unit: { code: '1', system: 'none', label: { vi: 'xe/giờ', en: 'vehicles/h' } },
  grain: 'hour',
  partial: false,
  series: [{ area: '24', t: Array.from({ length: 14 * 24 }, (_, i) => vnDay(2026, 11, 9) + i * HOUR), v: Array.from({ length: 14 * 24 }, (_, i) => (i % 24) * 100) }],
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

const shadow = (element: IocHeatmap) => element.shadowRoot!;
const cell = (element: IocHeatmap, key: string) => shadow(element).querySelector<SVGRectElement>(`.surface rect[data-key="${key}"]`)!;

async function heatmap(template: ReturnType<typeof html>): Promise<IocHeatmap> {
  const element = await fixture<IocHeatmap>(template);
  await waitUntil(() => element.state === 'error' || element.state === 'empty' || shadow(element).querySelector('.surface svg') !== null, 'heatmap never drew');
  return element;
}

async function press(element: IocHeatmap, key: string): Promise<string> {
  const plot = shadow(element).querySelector<HTMLElement>('[part="plot"]')!;
  plot.focus();
  plot.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  await element.updateComplete;
  return shadow(element).querySelector('[aria-live="polite"]')!.textContent.trim();
}

describe('<ioc-heatmap>', () => {
  // Without a provider's list, names and bands come from the built-in catalogue, a lazy chunk:
  // these tests are about what is shown with them (internal/indicator.test.ts covers the loading).
  before(() => loadCatalogue());

  it('lays out a calendar Monday first, with Vietnamese weekday and month labels', async () => {
    const element = await heatmap(html`<ioc-heatmap style="width: 760px" .data=${november}></ioc-heatmap>`);
    const weekdays = [...shadow(element).querySelectorAll('.surface text.weekday')].map((text) => text.textContent);
    expect(weekdays[0]).to.equal('T2');
    expect(weekdays.at(-1)).to.equal('CN');
    expect([...shadow(element).querySelectorAll('.surface text.month')].map((text) => text.textContent)).to.include('Th11');
    // Monday 23 and Tuesday 24 November: same column, one row apart.
    const monday = cell(element, '2026-11-23');
    const tuesday = cell(element, '2026-11-24');
    expect(monday.getAttribute('x')).to.equal(tuesday.getAttribute('x'));
    expect(Number(tuesday.getAttribute('y'))).to.be.greaterThan(Number(monday.getAttribute('y')));
    // Sunday 29 is in the same week (column) as Monday 23; Monday 30 starts the next.
    expect(cell(element, '2026-11-29').getAttribute('x')).to.equal(monday.getAttribute('x'));
    expect(Number(cell(element, '2026-11-30').getAttribute('x'))).to.be.greaterThan(Number(monday.getAttribute('x')));
    expect(cell(element, '2026-10-01').getAttribute('fill')).to.equal('none');
    const label = shadow(element).querySelector('[part="plot"]')!.getAttribute('aria-label')!;
    expect(label).to.contain('30 ngày có dữ liệu');
    expect(label).to.contain('cao nhất 69 AQI (Thứ Hai 30/11/2026)');
  });

  it('colours cells on the theme ramp: low values like seq-1, high like seq-7', async () => {
    const style = 'width: 760px; --ioc-sys-color-seq-1: rgb(250, 250, 250); --ioc-sys-color-seq-7: rgb(0, 0, 100)';
    const element = await heatmap(html`<ioc-heatmap style=${style} no-bands .data=${november}></ioc-heatmap>`);
    expect(cell(element, '2026-11-01').getAttribute('fill')).to.equal('rgb(250, 250, 250)');
    expect(cell(element, '2026-11-30').getAttribute('fill')).to.equal('rgb(0, 0, 100)');
    element.scale = 'diverging';
    element.style.setProperty('--ioc-sys-color-div-4', 'rgb(240, 240, 240)');
    element.midpoint = 55;
    await element.updateComplete;
    await waitUntil(() => cell(element, '2026-11-16').getAttribute('fill') === 'rgb(240, 240, 240)', 'diverging midpoint not at div-4');
  });

  it('shows hour × weekday, averaged per slot, in English too', async () => {
    const element = await heatmap(html`<ioc-heatmap style="width: 760px" layout="hour-weekday" .data=${hourly} locale="en"></ioc-heatmap>`);
    expect(shadow(element).querySelectorAll('.surface g.cells rect').length).to.equal(7 * 24);
    expect([...shadow(element).querySelectorAll('.surface text.weekday')].map((text) => text.textContent)).to.deep.equal(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(await press(element, 'ArrowRight')).to.equal('Monday, 00:00–01:00: 0 vehicles/h');
    expect(await press(element, 'ArrowRight')).to.equal('Monday, 01:00–02:00: 100 vehicles/h');
    expect(await press(element, 'ArrowDown')).to.equal('Tuesday, 01:00–02:00: 100 vehicles/h');
    expect(await press(element, 'End')).to.equal('Sunday, 23:00–00:00: 2,300 vehicles/h');
    shadow(element).querySelector<HTMLButtonElement>('[part="view-toggle"]')!.click();
    await element.updateComplete;
    const rows = [...shadow(element).querySelectorAll('[part="table"] tbody tr')];
    expect(rows.length).to.equal(7);
    expect([...rows[0]!.children].slice(0, 3).map((c) => c.textContent.trim())).to.deep.equal(['Monday', '0', '100']);
  });

  it('asks for the days of a year, or hours of the last four weeks', async () => {
    const queries: Query[] = [];
    const answer = (query: Query) => (queries.push(query), Promise.resolve(november));
    await fixture(html`<ioc-provider .source=${source(answer)} area="24"><ioc-heatmap indicator="environment.aqi" year="2026"></ioc-heatmap></ioc-provider>`);
    await waitUntil(() => queries.length > 0, 'no query');
    expect(queries[0]).to.deep.include({ kind: 'series', grain: 'day', areas: ['24'], from: '2025-12-31T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z' });
    await fixture(html`<ioc-provider .source=${source(answer)} area="24"><ioc-heatmap indicator="environment.aqi" layout="hour-weekday"></ioc-heatmap></ioc-provider>`);
    await waitUntil(() => queries.length > 1, 'no second query');
    const hours = queries[1] as { grain: string; from: string; to: string };
    expect(hours.grain).to.equal('hour');
    expect(Date.parse(hours.to) - Date.parse(hours.from)).to.equal(28 * DAY);
  });

  it('moves through the days with data and lists them in the table', async () => {
    const element = await heatmap(html`<ioc-heatmap style="width: 760px" .data=${november}></ioc-heatmap>`);
    expect(await press(element, 'ArrowRight')).to.equal('Chủ Nhật 01/11/2026: 40 AQI (Tốt)');
    // In the calendar → is a week on, ↓ the next day, ← a week back.
    expect(await press(element, 'ArrowRight')).to.equal('Chủ Nhật 08/11/2026: 47 AQI (Tốt)');
    expect(await press(element, 'ArrowDown')).to.equal('Thứ Hai 09/11/2026: 48 AQI (Tốt)');
    expect(await press(element, 'ArrowLeft')).to.equal('Thứ Hai 02/11/2026: 41 AQI (Tốt)');
    expect(await press(element, 'ArrowLeft')).to.equal('Thứ Hai 02/11/2026: 41 AQI (Tốt)');
    expect(await press(element, 'End')).to.equal('Thứ Hai 30/11/2026: 69 AQI (Trung bình)');
    expect(shadow(element).getElementById('chart-help')!.textContent).to.contain('trái/phải theo tuần');
    expect(shadow(element).querySelector('.focus-dot')).to.not.equal(null);
    shadow(element).querySelector<HTMLButtonElement>('[part="view-toggle"]')!.click();
    await element.updateComplete;
    const rows = [...shadow(element).querySelectorAll('[part="table"] tbody tr')].map((row) => [...row.children].map((c) => c.textContent.trim()));
    expect(rows.length).to.equal(30);
    expect(rows[0]).to.deep.equal(['Chủ Nhật 01/11/2026', '40', 'Tốt']);
  });

  it('lists new data in the table when data changes while the table is shown', async () => {
    const element = await heatmap(html`<ioc-heatmap style="width: 760px" .data=${november}></ioc-heatmap>`);
    shadow(element).querySelector<HTMLButtonElement>('[part="view-toggle"]')!.click();
    await element.updateComplete;
    element.data = { ...november, series: [{ area: '24', t: [vnDay(2026, 11, 24)], v: [99] }] };
    await element.updateComplete;
    const rows = [...shadow(element).querySelectorAll('[part="table"] tbody tr')].map((row) => [...row.children].map((c) => c.textContent.trim()));
    expect(rows).to.deep.equal([['Thứ Ba 24/11/2026', '99', 'Trung bình']]);
  });

  it('averages several areas per cell, and the legend takes an area out of the mean', async () => {
    const day = vnDay(2026, 11, 24);
    const two: SeriesResult = { ...november, series: [{ area: 'a', t: [day], v: [10] }, { area: 'b', t: [day], v: [30] }] };
    const element = await heatmap(html`<ioc-heatmap style="width: 760px" .data=${two} .areaLabels=${{ a: 'Xã A' }}></ioc-heatmap>`);
    expect(await press(element, 'ArrowRight')).to.equal('Thứ Ba 24/11/2026: 20 AQI (Tốt)');
    const legend = [...shadow(element).querySelectorAll<HTMLButtonElement>('[part="legend-item"]')];
    expect(legend.map((button) => button.textContent.trim())).to.deep.equal(['Xã A', 'b']);
    legend[0]!.click();
    await element.updateComplete;
    expect(await press(element, 'Home')).to.equal('Thứ Ba 24/11/2026: 30 AQI (Tốt)');
    // Both areas out: the heatmap says so in words, and the legend stays to bring one back.
    legend[1]!.click();
    await element.updateComplete;
    await waitUntil(() => shadow(element).querySelector('.all-hidden') !== null, 'no words for an empty heatmap');
    expect(shadow(element).querySelector('.all-hidden')!.textContent).to.contain('Tất cả chuỗi đã ẩn');
    expect(shadow(element).querySelectorAll('[part="legend-item"]').length).to.equal(2);
    legend[1]!.click();
    await element.updateComplete;
    await waitUntil(() => shadow(element).querySelector('.all-hidden') === null, 'the note stayed');
  });

  it('redraws at its new size', async () => {
    const element = await heatmap(html`<ioc-heatmap style="width: 760px" .data=${november}></ioc-heatmap>`);
    const width = () => Number(shadow(element).querySelector('.surface svg')!.getAttribute('width'));
    const before = width();
    element.style.setProperty('width', '500px');
    await waitUntil(() => width() < before, 'no redraw after resize');
  });

  it('says when there is no data and when loading failed', async () => {
    const empty = await heatmap(html`<ioc-heatmap .data=${{ ...november, series: [] }}></ioc-heatmap>`);
    expect(empty.state).to.equal('empty');
    const failing = source(() => Promise.reject(new HttpError('https://broker.example/x', 503, 'Service Unavailable')));
    const provider = await fixture(html`<ioc-provider .source=${failing} area="24"><ioc-heatmap indicator="environment.aqi"></ioc-heatmap></ioc-provider>`);
    const element = provider.querySelector<IocHeatmap>('ioc-heatmap')!;
    await waitUntil(() => element.state === 'error', 'never reached the error state');
    await element.updateComplete;
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.contain('503');
  });

  it('shows a hostile label and unit as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const element = await heatmap(html`<ioc-heatmap style="width: 760px" label=${hostile} .data=${{ ...november, unit: { code: 'x', system: 'none', label: { vi: hostile } } }}></ioc-heatmap>`);
    expect(shadow(element).querySelector('img')).to.equal(null);
    expect(await press(element, 'ArrowRight')).to.contain(hostile);
  });

  it('colours an AQI calendar by the official VN_AQI band colours, with a legend of the bands', async () => {
    const element = await heatmap(html`<ioc-heatmap style="width: 760px" .data=${november}></ioc-heatmap>`);
    // 40..50 is Tốt (green 0,228,0); 51..69 Trung bình (yellow 255,255,0): not a ramp.
    expect(cell(element, '2026-11-01').getAttribute('fill')).to.equal('rgb(0, 228, 0)');
    expect(cell(element, '2026-11-11').getAttribute('fill')).to.equal('rgb(0, 228, 0)');
    expect(cell(element, '2026-11-12').getAttribute('fill')).to.equal('rgb(255, 255, 0)');
    expect(cell(element, '2026-11-30').getAttribute('fill')).to.equal('rgb(255, 255, 0)');
    const legend = () => [...shadow(element).querySelectorAll('.surface .legend-bands text:not(.unit)')].map((text) => text.textContent);
    expect(legend()).to.deep.equal(['Tốt', 'Trung bình', 'Kém', 'Xấu', 'Rất xấu', 'Nguy hại']);
    const swatches = [...shadow(element).querySelectorAll('.surface .legend-bands rect')].map((rect) => rect.getAttribute('fill'));
    expect(swatches).to.deep.equal(['rgb(0, 228, 0)', 'rgb(255, 255, 0)', 'rgb(255, 126, 0)', 'rgb(255, 0, 0)', 'rgb(143, 63, 151)', 'rgb(126, 0, 35)']);
    expect(shadow(element).querySelector('[part="plot"]')!.getAttribute('aria-label')).to.contain('Tốt 11 ngày, Trung bình 19 ngày');
    element.locale = 'en';
    await element.updateComplete;
    await waitUntil(() => legend()[0] === 'Good', 'the legend stayed Vietnamese');
    expect(legend()).to.deep.equal(['Good', 'Moderate', 'Poor', 'Bad', 'Very bad', 'Hazardous']);
  });

  it('puts warm (above) anomalies on the red side and cold (below) on the blue side, flipped when higher is better', async () => {
    const style = 'width: 760px; --ioc-sys-color-div-1: rgb(200, 0, 0); --ioc-sys-color-div-4: rgb(240, 240, 240); --ioc-sys-color-div-7: rgb(0, 0, 200)';
    const days = [vnDay(2026, 7, 1), vnDay(2026, 7, 2), vnDay(2026, 7, 3)];
    const anomaly: SeriesResult = { ...november, indicator: 'environment.temperature-anomaly', unit: { code: 'Cel', system: 'UCUM', label: { vi: '°C', en: '°C' } }, series: [{ area: '24', t: days, v: [-3, 0, 3] }] };
    const element = await heatmap(html`<ioc-heatmap style=${style} scale="diverging" .data=${anomaly}></ioc-heatmap>`);
    expect(cell(element, '2026-07-03').getAttribute('fill'), 'warm').to.equal('rgb(200, 0, 0)');
    expect(cell(element, '2026-07-01').getAttribute('fill'), 'cold').to.equal('rgb(0, 0, 200)');
    expect(cell(element, '2026-07-02').getAttribute('fill'), 'neutral').to.equal('rgb(240, 240, 240)');
    // The legend runs cold to warm and says the unit, with a true minus.
    const legend = [...shadow(element).querySelectorAll('.surface .legend text')].map((text) => text.textContent);
    expect(legend).to.deep.equal(['\u22123', '3 °C']);
    // Growth above the mean is good news: blue, and a shortfall red.
    element.data = { ...anomaly, indicator: 'economy.grdp-growth', unit: { code: '%', system: 'UCUM', label: { vi: '%', en: '%' } } };
    await element.updateComplete;
    await waitUntil(() => cell(element, '2026-07-03').getAttribute('fill') === 'rgb(0, 0, 200)', 'higher-is-better above the midpoint is not blue');
    expect(cell(element, '2026-07-01').getAttribute('fill')).to.equal('rgb(200, 0, 0)');
  });

  it('states the unit in the ramp legend and writes large values in words, not "N"', async () => {
    const element = await heatmap(html`<ioc-heatmap style="width: 760px" layout="hour-weekday" .data=${{ ...hourly, series: [{ area: '24', t: hourly.series[0]!.t, v: (hourly.series[0]!.v as number[]).map((v) => v * 75 + 5800) }] }}></ioc-heatmap>`);
    const legend = [...shadow(element).querySelectorAll('.surface .legend text')].map((text) => text.textContent);
    expect(legend[0]).to.equal('5,8 nghìn');
    expect(legend[1]).to.match(/^178,3 nghìn xe\/giờ$/);
  });
});
