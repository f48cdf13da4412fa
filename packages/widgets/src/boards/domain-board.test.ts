import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { HttpError, createDemoSource, type DataSource, type Query, type ResultFor } from '@ioc-kit/data';
import type { IocErrorEvent } from '../internal/events.js';
import '../provider/provider.js';
import '../kpi-card/kpi-card.js';
import '../time-series/time-series.js';
import '../bar-chart/bar-chart.js';
import './domain-board.js';
import type { IocDomainBoard } from './domain-board.js';
import { DOMAIN_BOARDS } from './boards.js';

const NOW = '2026-11-24T10:00:00+07:00';
const demo: DataSource = createDemoSource({ seed: 2025, now: NOW });

/** The demo source, with one indicator's queries failing while `failing` is set (a broker down for one feed). */
function flakySource(indicator: string) {
  const control = { failing: true, calls: 0 };
  const source: DataSource = {
    id: 'flaky',
    indicators: (options) => demo.indicators(options),
    areas: (query, options) => demo.areas(query, options),
    boundaries: (query, options) => demo.boundaries(query, options),
    now: () => demo.now!(),
    query: <Q extends Query>(query: Q, options?: { signal?: AbortSignal }): Promise<ResultFor<Q>> => {
      if ('indicator' in query && query.indicator === indicator) {
        control.calls++;
        if (control.failing) return Promise.reject(new HttpError('https://broker.example.gov.vn/ngsi-ld/v1/entities', 503, 'Service Unavailable'));
      }
      return demo.query(query, options);
    },
  };
  return { source, control };
}

const widgetsOf = (board: IocDomainBoard) => [...board.shadowRoot!.querySelectorAll<HTMLElement>('ioc-kpi-card, ioc-time-series, ioc-bar-chart')];
const settled = (board: IocDomainBoard) => widgetsOf(board).length > 0 && widgetsOf(board).every((w) => !['pending', 'idle', null].includes(w.getAttribute('state')));

describe('ioc-domain-board', () => {
  it('composes its domain: title, breadcrumb, KPI cards, map, trend, ranking, table, alerts, each in its named region', async () => {
    const el = await fixture(html`<ioc-provider .source=${demo} area="90" now=${NOW}><ioc-domain-board domain="environment"></ioc-domain-board></ioc-provider>`);
    const board = el.querySelector('ioc-domain-board')!;
    await board.updateComplete;
    const root = board.shadowRoot!;
    expect(root.querySelector('[part~="title"]')!.textContent).to.equal('Môi trường thông minh');
    expect(root.querySelector('[part~="header"] ioc-breadcrumb')).to.exist;
    expect([...root.querySelectorAll('slot')].map((slot) => slot.name)).to.deep.equal(['header', 'kpis', 'map', 'trend', 'ranking', 'table', 'alerts']);
    expect([...root.querySelectorAll('slot[name="kpis"] ioc-kpi-card')].map((card) => card.getAttribute('indicator'))).to.deep.equal(['environment.aqi', 'environment.pm25', 'environment.wqi', 'environment.rainfall']);
    const map = root.querySelector('slot[name="map"] ioc-map')!;
    expect([map.getAttribute('indicator'), map.getAttribute('level')]).to.deep.equal(['environment.aqi', 'commune']);
    const trend = root.querySelector('slot[name="trend"] ioc-time-series')!;
    expect([trend.getAttribute('indicator'), trend.getAttribute('grain')]).to.deep.equal(['environment.pm25', 'day']);
    const ranking = root.querySelector('slot[name="ranking"] ioc-bar-chart')!;
    // The ranking shows the ten worst communes (the most polluted first): what a leader acts on.
    expect([ranking.getAttribute('indicator'), ranking.getAttribute('level'), ranking.getAttribute('bottom'), ranking.hasAttribute('top')]).to.deep.equal(['environment.aqi', 'commune', '10', false]);
    // The headline cards show their recent trend.
    expect([...root.querySelectorAll('slot[name="kpis"] ioc-kpi-card')].every((card) => card.hasAttribute('trend'))).to.equal(true);
    expect(root.querySelector('slot[name="table"] ioc-area-table')!.getAttribute('indicators')).to.equal('environment.aqi,environment.pm25,environment.wqi');
    expect(root.querySelector('slot[name="alerts"] ioc-alert-list')!.getAttribute('domain')).to.equal('environment');
    // The regions are labelled for a screen reader.
    expect([...root.querySelectorAll('section[part~="region"]')].map((region) => region.getAttribute('aria-label'))).to.include('Cảnh báo');
    await waitUntil(() => board.getAttribute('state') === 'ready', `board state ${board.getAttribute('state')}`, { timeout: 20_000 });
    expect(widgetsOf(board).map((w) => w.getAttribute('state'))).to.deep.equal(Array(6).fill('ready'));
  });

  it('ranks the worst areas first by default, the best with ranking="best"', async () => {
    const el = await fixture(html`<ioc-provider .source=${demo} area="90" now=${NOW}><ioc-domain-board domain="environment" top="5"></ioc-domain-board></ioc-provider>`);
    const board = el.querySelector('ioc-domain-board')!;
    await board.updateComplete;
    const chart = () => board.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('ioc-bar-chart')!;
    await waitUntil(() => chart().getAttribute('state') === 'ready', 'ranking ready', { timeout: 20_000 });
    expect(chart().getAttribute('bottom')).to.equal('5');
    // The note under the chart says the worst are shown, the worst first.
    expect(chart().shadowRoot!.querySelector('[part~="note"]')!.textContent).to.contain('5 kém nhất trong 100, kém nhất trước');
    board.ranking = 'best';
    await board.updateComplete;
    expect([chart().getAttribute('top'), chart().hasAttribute('bottom')]).to.deep.equal(['5', false]);
    await waitUntil(() => chart().shadowRoot!.querySelector('[part~="note"]')?.textContent?.includes('5 tốt nhất trong 100'), 'the note follows', { timeout: 10_000 });
  });

  it('switches domain and language: the regions follow', async () => {
    const el = await fixture(html`<ioc-provider .source=${demo} area="90" now=${NOW} locale="en"><ioc-domain-board domain="mobility"></ioc-domain-board></ioc-provider>`);
    const board = el.querySelector('ioc-domain-board')!;
    await board.updateComplete;
    expect(board.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Smart mobility');
    board.domain = 'living';
    await board.updateComplete;
    expect(board.shadowRoot!.querySelector('ioc-map')!.getAttribute('indicator')).to.equal(DOMAIN_BOARDS.find((b) => b.domain === 'living')!.map);
  });

  it('lets the page replace a region by slotting: the default widget is not made, and comes back when the slotted element goes', async () => {
    const el = await fixture(html`
      <ioc-provider .source=${demo} area="90" now=${NOW}>
        <ioc-domain-board domain="environment">
          <div slot="map" id="mine">Bản đồ của cổng</div>
          <h2 slot="header" id="heading">Sở Tài nguyên và Môi trường</h2>
        </ioc-domain-board>
      </ioc-provider>
    `);
    const board = el.querySelector('ioc-domain-board')!;
    await board.updateComplete;
    const root = board.shadowRoot!;
    expect(root.querySelector('ioc-map')).to.equal(null);
    expect(root.querySelector('[part~="title"]')).to.equal(null);
    const mapSlot = root.querySelector<HTMLSlotElement>('slot[name="map"]')!;
    expect(mapSlot.assignedElements()).to.deep.equal([el.querySelector('#mine')]);
    // The other regions keep their widgets.
    expect(root.querySelectorAll('ioc-kpi-card').length).to.equal(4);
    el.querySelector('#mine')!.remove();
    await waitUntil(() => root.querySelector('ioc-map') !== null, 'the default map did not come back');
  });

  it('keeps working when one widget’s source fails: that card shows the error, the rest are ready; it recovers without a reload', async function () {
    this.timeout(30_000);
    const { source, control } = flakySource('environment.wqi');
    const el = await fixture(html`<ioc-provider .source=${source} area="90" now=${NOW}><ioc-domain-board domain="environment"></ioc-domain-board></ioc-provider>`);
    const board = el.querySelector('ioc-domain-board')!;
    await waitUntil(() => settled(board), 'widgets still pending', { timeout: 20_000 });
    const wqi = board.shadowRoot!.querySelector<HTMLElement>('ioc-kpi-card[indicator="environment.wqi"]')!;
    expect(wqi.getAttribute('state')).to.equal('error');
    expect(wqi.shadowRoot!.querySelector('[part="status"]')!.textContent).to.match(/Không tải được|503|máy chủ|dịch vụ/i);
    const others = widgetsOf(board).filter((w) => w !== wqi);
    expect(others.map((w) => w.getAttribute('state'))).to.deep.equal(Array(5).fill('ready'));
    await waitUntil(() => board.getAttribute('state') === 'stale', `board state ${board.getAttribute('state')}`);

    // The broker comes back: a retry brings the card up, no reload, the others untouched.
    control.failing = false;
    wqi.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => wqi.getAttribute('state') === 'ready', `wqi ${wqi.getAttribute('state')}`, { timeout: 10_000 });
    const value = wqi.shadowRoot!.querySelector('[part="value"]')!.textContent;
    await waitUntil(() => board.getAttribute('state') === 'ready', `board state ${board.getAttribute('state')}`);

    // It fails again on a refresh: the last good value stays, marked stale with its age; the rest stay ready.
    control.failing = true;
    const failed = oneEvent<IocErrorEvent>(wqi, 'ioc-error');
    // A ready card has no retry button: a new refresh setting makes it ask again at once.
    (wqi as unknown as { refresh: number }).refresh = 3600;
    await failed;
    await waitUntil(() => wqi.getAttribute('state') === 'stale', `wqi ${wqi.getAttribute('state')}`, { timeout: 10_000 });
    expect(wqi.shadowRoot!.querySelector('[part="value"]')!.textContent).to.equal(value);
    expect(others.map((w) => w.getAttribute('state'))).to.deep.equal(Array(5).fill('ready'));
    expect(control.calls).to.be.greaterThan(2);
  });

  it('says so, and fires ioc-error, for a domain that is not one of the six', async () => {
    const el = await fixture(html`<ioc-provider .source=${demo} area="90" now=${NOW}></ioc-provider>`);
    const board = document.createElement('ioc-domain-board');
    board.domain = '<img src=x onerror=alert(1)>';
    const failed = oneEvent<IocErrorEvent>(el, 'ioc-error');
    el.append(board);
    const event = await failed;
    expect(event.error.code).to.equal('config');
    await board.updateComplete;
    expect(board.getAttribute('state')).to.equal('error');
    expect(board.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain('Lĩnh vực không xác định');
    expect(board.shadowRoot!.querySelector('img')).to.equal(null);
  });

  for (const [width, columns] of [[360, 1], [800, 2], [1280, 3], [3840, 4]] as const) {
    it(`lays out ${columns} column(s) in a ${width} px container, whatever the viewport`, async () => {
      const el = await fixture(html`<div style="width: ${width}px"><ioc-domain-board domain="economy"></ioc-domain-board></div>`);
      const board = el.querySelector('ioc-domain-board')!;
      await board.updateComplete;
      const grid = board.shadowRoot!.querySelector('[part="board"]')!;
      expect(getComputedStyle(grid).gridTemplateColumns.split(' ').length).to.equal(columns);
      // Nothing sticks out of the board sideways.
      expect(board.scrollWidth).to.be.at.most(width + 1);
    });
  }
});
