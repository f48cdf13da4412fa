/**
 * The two worked examples of docs/architecture.md, run: a new source (tests/docs/examples/
 * water-gauges.ts, a fetcher and a mapping) against a server on 127.0.0.1, and a new widget
 * (tests/docs/examples/alert-count.ts, built from the public API of @ioc-kit/widgets) inside an
 * <ioc-provider> with a pinned "now". tests/docs/doc-code.test.mjs checks that the doc shows
 * these files verbatim.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createDemoSource, type AlertQuery } from '@ioc-kit/data';
import '@ioc-kit/widgets';
import { startTestServer, type TestServer } from '../support/server.js';
import { createWaterGauges } from './examples/water-gauges.js';
import { IocAlertCount } from './examples/alert-count.js';

describe('docs/architecture.md: a new source', function () {
  this.timeout(30_000);
  let server: TestServer;
  before(async () => {
    server = await startTestServer('tests/docs/examples/examples.test-server.mjs');
  });
  after(async () => {
    await server.stop();
  });

  it('answers series and KPIs from one JSON file: Vietnam times, "318,5", gaps and a warning', async () => {
    const communes = [
      { code: '27001', level: 'commune' as const, name: { vi: 'Phường Kinh Bắc' }, parent: '27' },
      { code: '27004', level: 'commune' as const, name: { vi: 'Phường Võ Cường' }, parent: '27' },
    ];
    const gauges = createWaterGauges(`${server.url}muc-nuoc.json`, communes);
    // 08:00 to 11:00 Vietnam time is 01:00 to 04:00 UTC.
    const series = await gauges.query({ kind: 'series', indicator: 'environment.water-level', areas: ['27001', '27004'], grain: 'hour', from: '2026-11-24T01:00:00Z', to: '2026-11-24T04:00:00Z' });
    expect(series.series.map((one) => [one.area, Array.from(one.v)])).to.deep.equal([
      ['27001', [312, 318.5, Number.NaN]],
      ['27004', [250, Number.NaN, Number.NaN]],
    ]);
    expect(series.partial).to.equal(true);
    expect(series.warnings?.map((warning) => [warning.code, warning.count])).to.deep.equal([['invalid-value', 1]]);
    expect(series.areas?.map((area) => area.name.vi)).to.deep.equal(['Phường Kinh Bắc', 'Phường Võ Cường']);
    // The province is the communes' parent: the catalogue's rule for water level is the highest.
    const kpi = await gauges.query({ kind: 'kpi', indicator: 'environment.water-level', area: '27001', grain: 'day', at: '2026-11-24T03:00:00Z' });
    expect(kpi.value).to.equal(318.5);
    expect(kpi.unit.code).to.equal('cm');
    const asked = await server.call<{ path: string; ifNoneMatch: string | null }[]>('requests');
    expect(asked.slice(1).every((entry) => entry.ifNoneMatch === '"g1"')).to.equal(true);
  });
});

describe('docs/architecture.md: a new widget', function () {
  this.timeout(30_000);
  const NOW = '2026-11-24T10:30:00+07:00';

  it('counts the alerts of the 24 hours before the provider\'s pinned "now", in Vietnamese and English', async () => {
    const source = createDemoSource({ seed: 7, now: '2026-11-24T10:00:00Z' });
    const el = await fixture<HTMLElement>(html`<ioc-provider .source=${source} now=${NOW}><ioc-alert-count area="90"></ioc-alert-count></ioc-provider>`);
    const count = el.querySelector('ioc-alert-count') as IocAlertCount;
    expect(count).to.be.instanceOf(IocAlertCount);
    await waitUntil(() => ['ready', 'empty'].includes(count.getAttribute('state') ?? ''), 'the widget settles', { timeout: 20_000 });
    // The same query by hand: from the start of the hour 24 hours before "now" (09:00 the day before, Vietnam time).
    const query: AlertQuery = { kind: 'alerts', area: '90', from: '2026-11-23T03:00:00.000Z' };
    const expected = (await source.query(query)).alerts.length;
    expect(expected, "the demo has alerts in that window").to.be.greaterThan(0);
    const text = () => count.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '';
    expect(text()).to.equal(`${expected.toLocaleString('vi-VN')} cảnh báo trong 24 giờ qua`);
    el.setAttribute('locale', 'en');
    await waitUntil(() => text().includes('alerts'), 'English words', { timeout: 5_000 });
    expect(text()).to.equal(`${expected.toLocaleString('en-GB')} alerts in the last 24 hours`);
  });

  it('says why when there is no source', async () => {
    const el = await fixture<HTMLElement>(html`<ioc-provider source="no-such-source" now=${NOW}><ioc-alert-count area="90"></ioc-alert-count></ioc-provider>`);
    const count = el.querySelector('ioc-alert-count') as IocAlertCount;
    await waitUntil(() => count.getAttribute('state') === 'error', 'an error state', { timeout: 10_000 });
    expect(count.shadowRoot?.querySelector('[role="status"]')?.textContent).to.match(/no-such-source/);
  });
});
