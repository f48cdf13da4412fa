import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { HttpError, indicatorById, type DataSource, type Query, type ResultFor, type SeriesResult } from '@ioc-kit/data';
import { computeInsight, summarize } from '@ioc-kit/insights';
import type { IocErrorEvent } from '../internal/events.js';
import { loadCatalogue } from '../internal/indicator.js';
import '../provider/provider.js';
import './insight.js';
import type { IocInsight } from './insight.js';

const DAY = 86_400_000;
const START = Date.parse('2026-08-27T00:00:00+07:00');
const aqi = indicatorById('environment.aqi')!;

/** A seeded pseudo-random generator, so the series are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function series(values: readonly number[], indicator = 'environment.aqi'): SeriesResult {
  return {
    kind: 'series',
    indicator: indicator as SeriesResult['indicator'],
    unit: aqi.unit,
    grain: 'day',
    partial: false,
    series: [{ area: '90', t: values.map((_, i) => START + i * DAY), v: values }],
  };
}

const next = random(7);
/** 90 days of AQI rising by 1 a day from 40, with noise. */
const rising = series(Array.from({ length: 90 }, (_, i) => 40 + i + 4 * (next() - 0.5)));
/** 60 days of noise around 60. */
const noise = series(Array.from({ length: 60 }, () => 60 + 10 * (random(11)() - 0.5) + 10 * (next() - 0.5)));

function part(element: IocInsight, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(`[part~="${name}"]`);
}
function text(element: Element | null): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function controlledSource() {
  const pending: { resolve: (r: SeriesResult) => void; reject: (e: unknown) => void }[] = [];
  const source: DataSource = {
    id: 'controlled',
    indicators: () => Promise.resolve([aqi]),
    areas: () => Promise.resolve([{ code: '90', name: { vi: 'Tỉnh Demo', en: 'Demo Province' }, level: 'province' }]),
    boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
    query: <Q extends Query>() =>
      new Promise<ResultFor<Q>>((resolve, reject) => {
        pending.push({ resolve: resolve as (r: SeriesResult) => void, reject });
      }),
  };
  return { source, pending };
}

describe('ioc-insight', () => {
  before(() => loadCatalogue());

  it('shows the summary sentence of @ioc-kit/insights in vi and en', async () => {
    const element = await fixture<IocInsight>(html`<ioc-insight .data=${rising}></ioc-insight>`);
    expect(element.getAttribute('state')).to.equal('ready');
    const insight = computeInsight({ indicator: aqi, series: rising.series[0]!, grain: 'day' });
    const raw = () => part(element, 'summary')!.textContent.trim();
    expect(raw()).to.equal(summarize(insight, aqi, { locale: 'vi' }));
    expect(text(part(element, 'summary'))).to.match(/^Chỉ số chất lượng không khí/);
    expect(text(part(element, 'summary'))).to.contain('tăng');
    element.locale = 'en';
    await element.updateComplete;
    expect(raw()).to.equal(summarize(insight, aqi, { locale: 'en' }));
    // The summary describes the element to screen readers.
    expect(part(element, 'base')!.getAttribute('aria-describedby')).to.equal('summary');
  });

  it('with brief, shows the summary sentence alone (a tile read at a glance), still named and described', async () => {
    const element = await fixture<IocInsight>(html`<ioc-insight .data=${rising} brief></ioc-insight>`);
    expect(element.getAttribute('state')).to.equal('ready');
    expect(text(part(element, 'summary'))).to.match(/^Chỉ số chất lượng không khí/);
    for (const name of ['header', 'facts', 'trend', 'signals']) expect(part(element, name), name).to.equal(null);
    expect(part(element, 'base')!.getAttribute('aria-label')).to.contain('Chỉ số chất lượng không khí');
    expect(part(element, 'base')!.getAttribute('aria-describedby')).to.equal('summary');
    element.brief = false;
    await element.updateComplete;
    for (const name of ['header', 'facts', 'trend', 'signals']) expect(part(element, name), name).to.not.equal(null);
  });

  it('gives a direction only when the trend is significant, with the slope, its interval and the change', async () => {
    const element = await fixture<IocInsight>(html`<ioc-insight .data=${rising}></ioc-insight>`);
    const trend = part(element, 'trend')!;
    const direction = trend.querySelector('[data-fact="direction"]')!;
    expect(direction.getAttribute('data-direction')).to.equal('rising');
    expect(text(direction)).to.match(/^Hướng Đang tăng, xấu đi; có ý nghĩa thống kê \(p = 0,0+\d*\)$/);
    expect(direction.classList.contains('bad')).to.be.true;
    expect(text(trend.querySelector('[data-fact="slope"]'))).to.match(/^Độ dốc \+\d,\d\d mỗi ngày \(KTC 95 %: \+\d,\d\d đến \+\d,\d\d\)$/);
    expect(text(trend.querySelector('[data-fact="change"]'))).to.match(/^Thay đổi \+\d+ \(\+\d+,\d %\) trong 30 ngày$/);
    element.data = noise;
    await element.updateComplete;
    const flat = part(element, 'trend')!.querySelector('[data-fact="direction"]')!;
    expect(flat.getAttribute('data-direction')).to.equal('flat');
    expect(text(flat)).to.match(/^Hướng Không có xu hướng rõ; không có ý nghĩa thống kê \(p = 0,\d+\)$/);
    element.locale = 'en';
    await element.updateComplete;
    expect(text(part(element, 'trend')!.querySelector('[data-fact="slope"]'))).to.match(/ per day \(95 % CI [−+-]?\d+\.\d\d to [−+-]?\d+\.\d\d\)$/);
  });

  it('shows the status: band, target and the normal range for this time of year', async () => {
    // Two years and a bit of a seasonal series; the last value far above its season.
    const values = Array.from({ length: 800 }, (_, i) => 60 + 20 * Math.sin((2 * Math.PI * i) / 365) + 6 * (next() - 0.5));
    values[799] = 190;
    const element = await fixture<IocInsight>(html`<ioc-insight .data=${series(values)}></ioc-insight>`);
    const facts = part(element, 'facts')!;
    expect(text(part(element, 'band'))).to.equal('Xấu');
    const normal = facts.querySelector('[data-fact="normal"]')!;
    expect(normal.getAttribute('data-position')).to.equal('above');
    expect(text(normal)).to.match(/^So với thường lệ cao hơn thường lệ: \d+ – \d+ \(cùng kỳ các năm trước\), bách phân vị 100$/);
    // The anomaly at the latest value is a signal.
    expect(text(part(element, 'signals')!.querySelector('[data-signal="anomaly"]'))).to.contain('cao hơn dự kiến');
  });

  it('shows a target met or missed for a higher-is-better indicator', async () => {
    const onTime = series(Array.from({ length: 40 }, (_, i) => 80 + (i % 5)), 'governance.dossiers-on-time');
    const element = await fixture<IocInsight>(html`<ioc-insight locale="en" .data=${onTime}></ioc-insight>`);
    const target = part(element, 'facts')!.querySelector('[data-fact="target"]')!;
    expect(text(target)).to.match(/^Target Misses the target of 95\.0 % \(gap −1\d\.0 %\)$/);
    expect(target.classList.contains('bad')).to.be.true;
  });

  it('lists the signals, or says there are none', async () => {
    const element = await fixture<IocInsight>(html`<ioc-insight .data=${rising}></ioc-insight>`);
    const signals = part(element, 'signals')!;
    expect(signals.querySelector('[data-signal="forecast"]')).to.not.equal(null);
    expect(text(signals.querySelector('h4'))).to.equal('Tín hiệu');
    const quiet = await fixture<IocInsight>(html`<ioc-insight .data=${series([50, 51, 50])}></ioc-insight>`);
    expect(text(part(quiet, 'trend'))).to.contain('Chưa đủ dữ liệu để xét xu hướng');
  });

  it('goes pending -> ready through a provider, names the area, and reflects state', async () => {
    const { source, pending } = controlledSource();
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-insight indicator="environment.aqi"></ioc-insight></ioc-provider>`);
    const element = provider.querySelector('ioc-insight')!;
    await waitUntil(() => pending.length === 1);
    await element.updateComplete;
    expect(element.getAttribute('state')).to.equal('pending');
    pending[0]!.resolve({ ...rising, areas: [{ code: '90', name: { vi: 'Tỉnh Demo', en: 'Demo Province' }, level: 'province' }] });
    await waitUntil(() => element.getAttribute('state') === 'ready');
    expect(text(part(element, 'header'))).to.equal('Chỉ số chất lượng không khí (VN_AQI) · Tỉnh Demo');
    expect(text(part(element, 'summary'))).to.contain('Tỉnh Demo');
  });

  it('is empty for a series with no values, an error without an indicator, and stale with kept data', async () => {
    const empty = await fixture<IocInsight>(html`<ioc-insight .data=${series([Number.NaN, Number.NaN])}></ioc-insight>`);
    expect(empty.getAttribute('state')).to.equal('empty');
    expect(text(part(empty, 'status'))).to.equal('Chưa có dữ liệu');
    const none = await fixture<IocInsight>(html`<ioc-insight></ioc-insight>`);
    expect(none.getAttribute('state')).to.equal('error');
    expect(text(part(none, 'status'))).to.contain('indicator=');
    const stale = await fixture<IocInsight>(html`<ioc-insight .data=${{ ...rising, partial: true, stale: { ageMs: 5 * 60_000, reason: '503' } }}></ioc-insight>`);
    expect(stale.getAttribute('state')).to.equal('stale');
    expect(text(part(stale, 'summary'))).to.not.equal('');
    expect(text(part(stale, 'status'))).to.contain('Dữ liệu cũ 5 phút');
  });

  it('shows a failing source as an error and fires ioc-error', async () => {
    const { source, pending } = controlledSource();
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-insight indicator="environment.aqi"></ioc-insight></ioc-provider>`);
    const element = provider.querySelector('ioc-insight')!;
    await waitUntil(() => pending.length === 1);
    const event = oneEvent<IocErrorEvent>(element, 'ioc-error');
    pending[0]!.reject(new HttpError('https://x.example/api', 500));
    expect((await event).error).to.be.instanceOf(HttpError);
    await waitUntil(() => element.getAttribute('state') === 'error');
    expect(text(part(element, 'status'))).to.contain('Không tải được dữ liệu');
  });

  it('shows text, never markup, and never throws on data it cannot read', async () => {
    const hostile = await fixture<IocInsight>(html`<ioc-insight .label=${'<img src=x onerror=alert(1)>'} .data=${rising}></ioc-insight>`);
    expect(hostile.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(part(hostile, 'header'))).to.contain('<img src=x onerror=alert(1)>');
    const ordered = series([5, 4, 3, 2, 1, 0, 9, 8]);
    const backwards: SeriesResult = { ...ordered, series: [{ ...ordered.series[0]!, t: [...ordered.series[0]!.t].reverse() }] };
    const element = await fixture<IocInsight>(html`<ioc-insight .data=${backwards}></ioc-insight>`);
    expect(['ready', 'error']).to.include(element.getAttribute('state'));
  });

  it('reaches ready with the demo source, with a summary', async () => {
    const provider = await fixture(html`<ioc-provider source="demo" area="90" now="2026-11-24T10:00:00+07:00"><ioc-insight indicator="environment.aqi"></ioc-insight></ioc-provider>`);
    const element = provider.querySelector('ioc-insight')!;
    await waitUntil(() => element.getAttribute('state') === 'ready' && text(part(element, 'summary')) !== '', 'demo insight never became ready', { timeout: 10000 });
    expect(text(part(element, 'summary'))).to.match(/\.$/);
  });
});
