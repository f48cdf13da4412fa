/**
 * A board keeps working when one of its sources fails: the province's own rainfall and alert
 * feeds come from an HTTP API (createHttpSource against a real server on 127.0.0.1), the rest
 * from the demo source. The API answers, then fails with 503, then recovers: the rainfall card
 * and the alert list show stale with the age of their last good data and the reason, every
 * other widget stays ready, and both come back by themselves (the board's refresh), no reload.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HttpClient, createDemoSource, createHttpSource, indicatorById, type DataSource, type Query, type ResultFor } from '@ioc-kit/data';
import { startTestServer, type TestServer } from '../../../../tests/support/server.js';
import '../ioc-kit.js';
import type { IocDomainBoard } from './domain-board.js';

const NOW = '2026-11-24T10:00:00+07:00';
const NOW_MS = Date.parse(NOW);
const DAY = 86_400_000;

const kpiBody = (current: number) => ({ data: { current, previous: 3.5, updated: '2026-11-24T09:00:00+07:00' } });
const seriesBody = { items: Array.from({ length: 30 }, (_, i) => ({ t: new Date(NOW_MS - (30 - i) * DAY).toISOString(), v: (i * 7) % 13 })) };
const alertsBody = {
  alerts: [{ id: 'mua-1', severity: 'high', title: 'Mưa lớn kéo dài: nguy cơ ngập úng', start: new Date(NOW_MS - 2 * 3_600_000).toISOString(), status: 'open', category: 'weather' }],
};

describe('ioc-domain-board with a failing HTTP source', function () {
  this.timeout(60_000);
  let server: TestServer;
  const script = (path: string, steps: unknown[]) => server.call('script', path, steps);
  const answerAll = async (current: number) => {
    await script('/api/kpi/environment.rainfall', [{ json: kpiBody(current) }]);
    await script('/api/series/environment.rainfall', [{ json: seriesBody }]);
    await script('/api/alerts', [{ json: alertsBody }]);
  };
  const failAll = async () => {
    for (const path of ['/api/kpi/environment.rainfall', '/api/series/environment.rainfall', '/api/alerts']) await script(path, [{ status: 503, body: 'bảo trì' }]);
  };

  before(async () => {
    server = await startTestServer('packages/data/src/internal/http.test-server.mjs');
  });
  after(async () => {
    await server.stop();
  });

  it('shows stale with the age of the last good data where the API failed, keeps the rest ready, and recovers without a reload', async () => {
    await answerAll(12.5);
    const demo = createDemoSource({ seed: 2025, now: NOW });
    const api = createHttpSource({
      id: 'province-api',
      baseUrl: `${server.url}/api/`,
      indicators: [indicatorById('environment.rainfall')!],
      client: new HttpClient({ retries: 0, sleep: () => Promise.resolve() }),
      kpi: { url: 'kpi/{indicator}?area={area}', value: 'data.current', previous: 'data.previous', observedAt: 'data.updated' },
      series: { url: 'series/{indicator}?areas={areas}&from={from}&to={to}', items: 'items[*]', time: 't', value: 'v' },
      alerts: { url: 'alerts?domain={domain}', items: 'alerts[*]', id: 'id', severity: 'severity', title: 'title', start: 'start', status: 'status', category: 'category' },
    });
    const fromApi = (query: Query) => query.kind === 'alerts' || ('indicator' in query && query.indicator === 'environment.rainfall');
    // The portal's source: its own API for rainfall and alerts, the demo for everything else.
    const source: DataSource = {
      id: 'province',
      indicators: (options) => demo.indicators(options),
      areas: (query, options) => demo.areas(query, options),
      boundaries: (query, options) => demo.boundaries(query, options),
      now: () => demo.now!(),
      query: <Q extends Query>(query: Q, options?: { signal?: AbortSignal }): Promise<ResultFor<Q>> => (fromApi(query) ? api.query(query, options) : demo.query(query, options)),
    };
    const el = await fixture(html`<ioc-provider .source=${source} area="90" now=${NOW}>
      <ioc-domain-board domain="environment" refresh="1" style="width: 1200px"></ioc-domain-board>
    </ioc-provider>`);
    const board = el.querySelector<IocDomainBoard>('ioc-domain-board')!;
    const root = board.shadowRoot!;
    const rainfall = () => root.querySelector<HTMLElement>('ioc-kpi-card[indicator="environment.rainfall"]')!;
    const alerts = () => root.querySelector<HTMLElement>('ioc-alert-list')!;
    const affected = () => [rainfall(), alerts()];
    const others = () => [...root.querySelectorAll<HTMLElement>('ioc-kpi-card, ioc-map, ioc-time-series, ioc-bar-chart, ioc-area-table, ioc-alert-list')].filter((w) => !affected().includes(w));
    const states = (list: HTMLElement[]) => list.map((w) => `${w.localName}[${w.getAttribute('indicator') ?? ''}]=${w.getAttribute('state')}`);
    const text = (w: HTMLElement) => (w.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

    // 1. All live.
    await waitUntil(() => board.getAttribute('state') === 'ready', `board ${board.getAttribute('state')}: ${states([...affected(), ...others()]).join(', ')}`, { timeout: 30_000 });
    expect(text(rainfall())).to.contain('12,5');
    expect(text(alerts())).to.contain('Mưa lớn kéo dài');
    expect(others().length).to.equal(7);

    // 2. The API fails (503): the rainfall card and the alert list keep their last good data, stale, with its age.
    await failAll();
    const failedAt = Date.now();
    await waitUntil(() => affected().every((w) => w.getAttribute('state') === 'stale'), `after 503: ${states(affected()).join(', ')}`, { timeout: 15_000 });
    expect(Date.now() - failedAt).to.be.below(10_000);
    for (const widget of affected()) {
      const status = widget.shadowRoot!.querySelector('[part~="status"]');
      expect(status?.textContent ?? '', widget.localName).to.match(/Dữ liệu cũ .+ trước, chưa cập nhật được/);
    }
    expect(text(rainfall())).to.contain('12,5');
    expect(text(alerts())).to.contain('Mưa lớn kéo dài');
    // The rest stay live, and the board says some of it is stale.
    expect(states(others()).filter((s) => !s.endsWith('=ready'))).to.deep.equal([]);
    expect(board.getAttribute('state')).to.equal('stale');
    // The reason is at hand (the status's title and details): the API's 503.
    for (const widget of affected()) expect(widget.shadowRoot!.querySelector('[part~="status"]')!.getAttribute('title')).to.match(/answered 503/);
    // Still failing a few refreshes later: still stale (not error), the age grows, the rest still ready.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(states(affected())).to.deep.equal(states(affected()).map((s) => s.replace(/=.*/, '=stale')));
    expect(states(others()).filter((s) => !s.endsWith('=ready'))).to.deep.equal([]);

    // 3. The API recovers: back to ready by the board's own refresh, with the new value; no reload.
    await answerAll(14.5);
    await waitUntil(() => board.getAttribute('state') === 'ready', `after recovery: ${states([...affected(), ...others()]).join(', ')}`, { timeout: 15_000 });
    expect(text(rainfall())).to.contain('14,5');
    expect(affected().every((w) => !w.shadowRoot!.querySelector('[part~="status"]')?.textContent?.includes('Dữ liệu cũ'))).to.equal(true);
    // The same elements: nothing was re-created.
    expect(root.querySelector('ioc-kpi-card[indicator="environment.rainfall"]')).to.equal(rainfall());
  });
});
