import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { DataSource, KpiResult, Query, ResultFor, SeriesResult } from '@ioc-kit/data';
import { createDemoSource, createHttpSource, HttpClient, HttpError } from '@ioc-kit/data';
import { startTestServer } from '../../../../tests/support/server.js';
import { formatAge, staleMessage } from '../internal/messages.js';
import type { IocDataEvent, IocErrorEvent } from '../internal/events.js';
import { loadCatalogue } from '../internal/indicator.js';
import { loadTrendTools } from '../internal/insights-loader.js';
import '../provider/provider.js';
import './kpi-card.js';
import type { IocKpiCard } from './kpi-card.js';

const aqi: KpiResult = {
  kind: 'kpi',
  indicator: 'environment.aqi',
  area: '90',
  unit: { code: '1', system: 'UCUM', label: { vi: '' } },
  value: 1234.5,
  previous: 1200,
  partial: false,
  observedAt: '2026-11-24T10:00:00Z',
};

function part(card: IocKpiCard, name: string): HTMLElement | null {
  return card.shadowRoot!.querySelector(`[part~="${name}"]`);
}

function text(card: IocKpiCard, name: string): string {
  return part(card, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The sentence of the status line, without its retry button and details. */
function sentence(card: IocKpiCard): string {
  return card.shadowRoot!.querySelector('[part="status"] .status-text')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** A source whose answers the test controls. */
function controlledSource() {
  const pending: { resolve: (r: KpiResult) => void; reject: (e: unknown) => void; signal?: AbortSignal }[] = [];
  const source: DataSource = {
    id: 'controlled',
    indicators: () => Promise.resolve([]),
    areas: () => Promise.resolve([]),
    boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
    query: <Q extends Query>(_q: Q, options?: { signal?: AbortSignal }) =>
      new Promise<ResultFor<Q>>((resolve, reject) => {
        pending.push({ resolve: resolve as (r: KpiResult) => void, reject, signal: options?.signal });
      }),
  };
  return { source, pending };
}

describe('ioc-kpi-card', () => {
  // Without a provider's list, names and bands come from the built-in catalogue, a lazy chunk:
  // these tests are about what is shown with them (internal/indicator.test.ts covers the loading).
  before(() => loadCatalogue());

  it('formats the value for Vietnamese (1.234) and English (1,234)', async () => {
    const card = await fixture<IocKpiCard>(html`<ioc-kpi-card .data=${{ ...aqi, value: 1234 }}></ioc-kpi-card>`);
    expect(text(card, 'value')).to.equal('1.234');
    card.locale = 'en';
    await card.updateComplete;
    expect(text(card, 'value')).to.equal('1,234');
  });

  it('shows the change against the previous period with an arrow coloured by polarity', async () => {
    const card = await fixture<IocKpiCard>(html`<ioc-kpi-card .data=${{ ...aqi, value: 80, previous: 60 }}></ioc-kpi-card>`);
    const delta = part(card, 'delta')!;
    expect(delta.dataset.direction).to.equal('up');
    expect(delta.textContent).to.contain('▲');
    expect(delta.textContent).to.contain('+20');
    expect(delta.textContent).to.contain('+33,3 %');
    // AQI is lower-is-better: a rise is bad.
    expect(delta.classList.contains('bad')).to.be.true;
    card.data = { ...aqi, value: 40, previous: 60 };
    await card.updateComplete;
    expect(part(card, 'delta')!.dataset.direction).to.equal('down');
    expect(part(card, 'delta')!.textContent).to.contain('▼');
    expect(part(card, 'delta')!.classList.contains('good')).to.be.true;
  });

  it("shows when the value was observed in the province's time zone, day first", async () => {
    const card = await fixture<IocKpiCard>(html`<ioc-kpi-card .data=${aqi}></ioc-kpi-card>`);
    expect(text(card, 'footer')).to.equal('Cập nhật 17:00 24/11/2026');
    card.locale = 'en';
    card.timeZone = 'UTC';
    await card.updateComplete;
    expect(text(card, 'footer')).to.equal('Updated 24/11/2026, 10:00');
  });

  it('shows the same period last year and the target when given', async () => {
    const card = await fixture<IocKpiCard>(html`<ioc-kpi-card .data=${{ ...aqi, value: 80, sameLastYear: 1500, target: 50 }}></ioc-kpi-card>`);
    // The label as read (the short form is for narrow cards and hidden from screen readers).
    const label = (dt: Element) => [...dt.childNodes].filter((node) => node.nodeType !== Node.COMMENT_NODE && !(node instanceof Element && node.getAttribute('aria-hidden') === 'true')).map((node) => node.textContent).join('').trim();
    const items = [...part(card, 'comparison')!.querySelectorAll('div')].map((item) => [label(item.querySelector('dt')!), item.querySelector('dd')!.textContent]);
    expect(items).to.deep.equal([
      ['Cùng kỳ năm trước', '1.500'],
      ['Mục tiêu', '50'],
    ]);
    card.data = { ...aqi, sameLastYear: null, target: null };
    await card.updateComplete;
    expect(part(card, 'comparison')).to.equal(null);
  });

  it('shows the VN_AQI band of the value', async () => {
    const card = await fixture<IocKpiCard>(html`<ioc-kpi-card .data=${{ ...aqi, value: 87 }}></ioc-kpi-card>`);
    expect(text(card, 'band')).to.equal('Trung bình');
    card.locale = 'en';
    await card.updateComplete;
    expect(text(card, 'band')).to.equal('Moderate');
  });

  it('reflects state ready for direct data and empty for a null value', async () => {
    const card = await fixture<IocKpiCard>(html`<ioc-kpi-card .data=${aqi}></ioc-kpi-card>`);
    expect(card.getAttribute('state')).to.equal('ready');
    card.data = { ...aqi, value: null };
    await card.updateComplete;
    expect(card.getAttribute('state')).to.equal('empty');
    expect(text(card, 'status')).to.equal('Chưa có dữ liệu');
  });

  it('goes pending -> ready through a provider and fires ioc-data', async () => {
    const { source, pending } = controlledSource();
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-kpi-card indicator="environment.aqi"></ioc-kpi-card></ioc-provider>`);
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => pending.length === 1);
    await card.updateComplete;
    expect(card.getAttribute('state')).to.equal('pending');
    const event = oneEvent<IocDataEvent>(card, 'ioc-data');
    pending[0]!.resolve({ ...aqi, value: 42 });
    expect((await event).result).to.include({ value: 42 });
    await waitUntil(() => card.getAttribute('state') === 'ready');
    expect(text(card, 'value')).to.equal('42');
  });

  it('shows a clear error, fires ioc-error, and keeps last good data as stale when a refresh fails', async () => {
    const { source, pending } = controlledSource();
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-kpi-card indicator="environment.aqi"></ioc-kpi-card></ioc-provider>`);
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => pending.length === 1);
    pending[0]!.resolve({ ...aqi, value: 42 });
    await waitUntil(() => card.getAttribute('state') === 'ready');
    const errorEvent = oneEvent<IocErrorEvent>(card, 'ioc-error');
    (card as unknown as { loader: { refresh(): void } }).loader.refresh();
    await waitUntil(() => pending.length === 2);
    pending[1]!.reject(new HttpError('https://broker.example/ngsi-ld/v1/entities', 503, 'Service Unavailable'));
    expect((await errorEvent).error).to.be.instanceOf(HttpError);
    await waitUntil(() => card.getAttribute('state') === 'stale');
    expect(text(card, 'value')).to.equal('42');
    expect(text(card, 'status')).to.contain('Dữ liệu cũ');
  });

  it('renders state error with the message when the first load fails', async () => {
    const { source, pending } = controlledSource();
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-kpi-card indicator="environment.aqi"></ioc-kpi-card></ioc-provider>`);
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => pending.length === 1);
    pending[0]!.reject(new HttpError('https://x.example/api', 500));
    await waitUntil(() => card.getAttribute('state') === 'error');
    // An official reads a short sentence in their language; the address and status are details.
    expect(sentence(card)).to.match(/^Không tải được dữ liệu\. Thử lại lúc \d\d:\d\d$/);
    expect(sentence(card)).to.not.contain('http');
    expect(part(card, 'details')!.textContent).to.contain('answered 500');
    expect(part(card, 'status')!.title).to.contain('https://x.example/api answered 500');
    expect(part(card, 'value')).to.equal(null);
    card.locale = 'en';
    await card.updateComplete;
    expect(sentence(card)).to.match(/^Could not load data\. Retrying at \d\d:\d\d$/);
    // The retry button asks again at once.
    part(card, 'retry')!.click();
    await waitUntil(() => pending.length === 2, 'retry did not ask again');
    pending[1]!.resolve({ ...aqi, value: 7 });
    await waitUntil(() => card.getAttribute('state') === 'ready');
    expect(text(card, 'value')).to.equal('7');
  });

  it('tries again on its own after a failure that may pass, and says when on the widget clock', async () => {
    const { source, pending } = controlledSource();
    const pinned = { ...source, now: () => Date.parse('2026-11-24T10:00:00+07:00') };
    const provider = await fixture(html`<ioc-provider .source=${pinned} area="90"><ioc-kpi-card indicator="environment.aqi"></ioc-kpi-card></ioc-provider>`);
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => pending.length === 1);
    pending[0]!.reject(new HttpError('https://x.example/api', 503, 'Service Unavailable'));
    await waitUntil(() => card.getAttribute('state') === 'error');
    // The first retry is about 15 s away: on the source's clock, 10:00.
    expect(sentence(card)).to.equal('Không tải được dữ liệu. Thử lại lúc 10:00');
    const loader = (card as unknown as { loader: { retryAt?: number } }).loader;
    expect(loader.retryAt! - Date.now()).to.be.within(10_000, 20_000);
  });

  it('does not plan a retry for data or set-up mistakes, and names them in words', async () => {
    const { source, pending } = controlledSource();
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-kpi-card indicator="environment.aqi"></ioc-kpi-card></ioc-provider>`);
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => pending.length === 1);
    pending[0]!.reject(new HttpError('https://x.example/api', 403, 'Forbidden'));
    await waitUntil(() => card.getAttribute('state') === 'error');
    expect(sentence(card)).to.equal('Không có quyền truy cập dữ liệu');
    expect((card as unknown as { loader: { retryAt?: number } }).loader.retryAt).to.equal(undefined);
    expect(part(card, 'retry')).to.not.equal(null);
  });

  it('rejects NaN and wrong types from a source as a ValidationError', async () => {
    const { source, pending } = controlledSource();
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-kpi-card indicator="environment.aqi"></ioc-kpi-card></ioc-provider>`);
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => pending.length === 1);
    const errorEvent = oneEvent<IocErrorEvent>(card, 'ioc-error');
    pending[0]!.resolve({ ...aqi, value: Number.NaN });
    expect((await errorEvent).error.code).to.equal('validation');
    await waitUntil(() => card.getAttribute('state') === 'error');
    expect(sentence(card)).to.equal('Dữ liệu nhận được không hợp lệ');
    expect(text(card, 'status')).to.contain('value');
  });

  it('aborts the stale request when the indicator changes', async () => {
    const { source, pending } = controlledSource();
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-kpi-card indicator="environment.aqi"></ioc-kpi-card></ioc-provider>`);
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => pending.length === 1);
    card.indicator = 'environment.pm25';
    await waitUntil(() => pending.length === 2);
    expect(pending[0]!.signal?.aborted).to.be.true;
    expect(pending[1]!.signal?.aborted).to.be.false;
  });

  it('polls a source that cannot push, one request at a time, when refresh is set', async () => {
    let calls = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const source: DataSource = {
      ...controlledSource().source,
      query: <Q extends Query>() => {
        calls++;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        return new Promise<ResultFor<Q>>((resolve) =>
          setTimeout(() => {
            inFlight--;
            resolve({ ...aqi, value: calls } as ResultFor<Q>);
          }, 30),
        );
      },
    };
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-kpi-card indicator="environment.aqi" refresh="0.01"></ioc-kpi-card></ioc-provider>`);
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => calls >= 4, 'polling did not continue', { timeout: 3000 });
    expect(maxInFlight).to.equal(1);
    await waitUntil(() => Number(text(card, 'value')) > 1);
    card.remove();
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(calls).to.be.at.most(after + 1);
  });

  it('follows a source that pushes, and unsubscribes when removed', async () => {
    const { source } = controlledSource();
    let push: ((r: KpiResult | undefined, e?: unknown) => void) | undefined;
    let subscription: AbortSignal | undefined;
    const live: DataSource = {
      ...source,
      query: <Q extends Query>() => Promise.resolve({ ...aqi, value: 10 } as ResultFor<Q>),
      subscribe: (_q, onChange, options) => {
        push = onChange as typeof push;
        subscription = options?.signal;
      },
    };
    const provider = await fixture(html`<ioc-provider .source=${live} area="90"><ioc-kpi-card indicator="environment.aqi" refresh="60"></ioc-kpi-card></ioc-provider>`);
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => text(card, 'value') === '10' && push !== undefined);
    push!({ ...aqi, value: 11 });
    await waitUntil(() => text(card, 'value') === '11');
    push!(undefined, new HttpError('wss://x.example/live', 502));
    await waitUntil(() => card.getAttribute('state') === 'stale');
    expect(text(card, 'value')).to.equal('11');
    push!({ ...aqi, value: 12 });
    await waitUntil(() => card.getAttribute('state') === 'ready' && text(card, 'value') === '12');
    card.remove();
    expect(subscription?.aborted).to.be.true;
  });

  it('shows text, never markup, from hostile data', async () => {
    const card = await fixture<IocKpiCard>(
      html`<ioc-kpi-card .label=${'<img src=x onerror=alert(1)>'} .data=${{ ...aqi, unit: { code: 'x', system: 'none' as const, label: { vi: '<b>đv</b>' } } }}></ioc-kpi-card>`,
    );
    expect(card.shadowRoot!.querySelector('img')).to.equal(null);
    expect(card.shadowRoot!.querySelector('b')).to.equal(null);
    expect(text(card, 'header')).to.equal('<img src=x onerror=alert(1)>');
    expect(text(card, 'unit')).to.equal('<b>đv</b>');
  });

  it('reaches ready with the demo source by name, formatted in vi-VN', async () => {
    const provider = await fixture(html`<ioc-provider source="demo" area="90"><ioc-kpi-card indicator="environment.aqi"></ioc-kpi-card></ioc-provider>`);
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => card.getAttribute('state') === 'ready', 'demo KPI never became ready', { timeout: 5000 });
    expect(text(card, 'value')).to.match(/^\d{1,3}(\.\d{3})*$/);
  });

  it('says which sources exist when the name is unknown', async () => {
    const provider = await fixture(html`<ioc-provider source="nope" area="90"><ioc-kpi-card indicator="environment.aqi"></ioc-kpi-card></ioc-provider>`);
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => card.getAttribute('state') === 'error');
    expect(text(card, 'status')).to.contain('Unknown source "nope"');
    expect(text(card, 'status')).to.contain('demo');
  });

  it('is an error without an indicator, saying what to add', async () => {
    const card = await fixture<IocKpiCard>(html`<ioc-kpi-card></ioc-kpi-card>`);
    expect(card.getAttribute('state')).to.equal('error');
    expect(sentence(card)).to.equal('Chưa chọn chỉ tiêu');
    expect(text(card, 'status')).to.contain('indicator=');
    // Nothing to retry until the page gives an indicator.
    expect(part(card, 'retry')).to.equal(null);
  });

  it('shows a result the source served from its last good data as stale, with its age in vi and en', async () => {
    const kept: KpiResult = { ...aqi, value: 42, partial: true, stale: { ageMs: 5 * 60_000 + 10_000, reason: 'https://x.example/api answered 503' } };
    const card = await fixture<IocKpiCard>(html`<ioc-kpi-card .data=${kept}></ioc-kpi-card>`);
    expect(card.getAttribute('state')).to.equal('stale');
    expect(text(card, 'value')).to.equal('42');
    expect(sentence(card)).to.equal('Dữ liệu cũ 5 phút trước, chưa cập nhật được');
    expect(part(card, 'status')!.title).to.contain('503');
    card.locale = 'en';
    await card.updateComplete;
    expect(sentence(card)).to.equal('Data from 5 min ago: refresh failed');
    card.data = { ...aqi, value: 43 };
    await card.updateComplete;
    expect(card.getAttribute('state')).to.equal('ready');
    expect(part(card, 'status')).to.equal(null);
  });

  it('formats ages in words', () => {
    expect(formatAge(5_000, 'vi')).to.equal('vài giây');
    expect(formatAge(59 * 60_000, 'en')).to.equal('59 min');
    expect(formatAge(3 * 3_600_000 + 1, 'vi')).to.equal('3 giờ');
    expect(formatAge(3 * 86_400_000, 'en')).to.equal('3 days');
    expect(formatAge(1_500 * 86_400_000, 'vi')).to.equal('1.500 ngày');
    expect(formatAge(Number.NaN, 'en')).to.equal('a few seconds');
    expect(staleMessage(undefined, 'en')).to.equal('Showing older data: refresh failed');
  });

  it('says how old the data is when a real server fails and the source serves its last good answer', async () => {
    const server = await startTestServer('packages/data/src/internal/http.test-server.mjs');
    try {
      await server.call('script', '/api/kpi/aqi', [{ json: { value: 42 } }, { status: 503, body: 'bảo trì' }]);
      let clock = 1_000_000;
      const source = createHttpSource({
        baseUrl: `${server.url}/api/`,
        client: new HttpClient({ retries: 0, now: () => clock, sleep: () => Promise.resolve() }),
        indicatorNames: { 'environment.aqi': 'aqi' },
        kpi: { url: 'kpi/{indicator}?area={area}', value: 'value' },
      });
      const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-kpi-card indicator="environment.aqi"></ioc-kpi-card></ioc-provider>`);
      const card = provider.querySelector('ioc-kpi-card')!;
      await waitUntil(() => card.getAttribute('state') === 'ready', 'first answer', { timeout: 5000 });
      clock += 2 * 3_600_000;
      (card as unknown as { loader: { refresh(): void } }).loader.refresh();
      await waitUntil(() => card.getAttribute('state') === 'stale', 'stale after the 503', { timeout: 5000 });
      expect(text(card, 'value')).to.equal('42');
      expect(sentence(card)).to.equal('Dữ liệu cũ 2 giờ trước, chưa cập nhật được');
      expect(part(card, 'status')!.title).to.contain('503');
    } finally {
      await server.stop();
    }
  });

  it('demo source is deterministic', async () => {
    const a = createDemoSource({ seed: 7, now: '2026-11-24T10:00:00Z' });
    const b = createDemoSource({ seed: 7, now: '2026-11-24T10:00:00Z' });
    const q = { kind: 'kpi', indicator: 'environment.aqi', area: '90' } as const;
    expect(await a.query(q)).to.deep.equal(await b.query(q));
  });

  it('keeps every number in a narrow card and gives up words, which stay for screen readers and tooltips', async () => {
    const data = { ...aqi, value: 59, previous: 85, sameLastYear: 55, target: 50 };
    const wide = await fixture<IocKpiCard>(html`<ioc-kpi-card style="width: 400px" .data=${data}></ioc-kpi-card>`);
    const narrow = await fixture<IocKpiCard>(html`<ioc-kpi-card style="width: 180px" .data=${data}></ioc-kpi-card>`);
    const shown = (card: IocKpiCard, selector: string) => {
      const element = card.shadowRoot!.querySelector<HTMLElement>(selector)!;
      const style = getComputedStyle(element);
      return style.display !== 'none' && style.position !== 'absolute';
    };
    expect(shown(wide, '[part="delta"] .words')).to.equal(true);
    expect(shown(narrow, '[part="delta"] .words')).to.equal(false);
    expect(shown(narrow, '[part="comparison"] .short')).to.equal(true);
    expect(shown(narrow, '[part="comparison"] .long')).to.equal(false);
    expect(shown(wide, '[part="comparison"] .short')).to.equal(false);
    // The numbers are whole, not cut by an ellipsis.
    for (const part of ['delta', 'comparison']) {
      const element = narrow.shadowRoot!.querySelector<HTMLElement>(`[part="${part}"]`)!;
      expect(element.scrollWidth, `${part} overflows`).to.be.at.most(element.clientWidth + 1);
    }
    expect(narrow.shadowRoot!.querySelector('[part="delta"]')!.getAttribute('title')).to.contain('so với kỳ trước');
    expect(narrow.shadowRoot!.querySelector('[part="band"]')!.getAttribute('title')).to.equal('Trung bình');
  });

  describe('comparisons, polarity, band, compact, stale badge and trend', () => {
    const NOW = '2026-11-24T17:00:00+07:00';
    const DAY = 86_400_000;
    const onTime: KpiResult = { ...aqi, indicator: 'governance.dossiers-on-time', unit: { code: '%', system: 'UCUM', label: { vi: '%' } }, value: 90, previous: 80, sameLastYear: 92, target: 95 };
    const inProvider = async (card: ReturnType<typeof html>, now = NOW) => {
      const provider = await fixture(html`<ioc-provider now=${now}>${card}</ioc-provider>`);
      const element = provider.querySelector('ioc-kpi-card')!;
      await element.updateComplete;
      return element;
    };
    /** What a screen reader hears of a part: its text without what is aria-hidden. */
    const spoken = (element: Element): string => {
      const walk = (node: Node): string => {
        if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
        if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
        return [...node.childNodes].map(walk).join('');
      };
      return walk(element).replace(/\s+/g, ' ').trim();
    };
    const history = (values: number[], indicator = 'environment.aqi'): SeriesResult => ({
      kind: 'series',
      indicator: indicator as SeriesResult['indicator'],
      unit: aqi.unit,
      grain: 'day',
      partial: false,
      series: [{ area: '90', t: values.map((_, i) => Date.parse('2026-10-26T00:00:00+07:00') + i * DAY), v: values }],
    });

    it('colours and words the change by polarity: a rise is worse for AQI and better for dossiers on time', async () => {
      const card = await inProvider(html`<ioc-kpi-card .data=${{ ...aqi, value: 80, previous: 60 }}></ioc-kpi-card>`);
      const delta = part(card, 'delta')!;
      expect(delta.classList.contains('bad')).to.be.true;
      expect(spoken(delta)).to.match(/^Tăng, xấu đi \+20 \(\+33,3 %\) so với kỳ trước$/);
      const good = await inProvider(html`<ioc-kpi-card .data=${onTime}></ioc-kpi-card>`);
      const up = part(good, 'delta')!;
      expect(up.classList.contains('good')).to.be.true;
      expect(spoken(up)).to.contain('Tăng, cải thiện');
      expect(getComputedStyle(up).color).to.not.equal(getComputedStyle(delta).color);
      good.locale = 'en';
      await good.updateComplete;
      expect(spoken(part(good, 'delta')!)).to.equal('Up, improved +10.0 (+12.5 %) vs previous period');
      expect(part(good, 'delta')!.title).to.contain('improved');
    });

    it('shows the year and target comparisons with arrows and words, each switchable by compare', async () => {
      const card = await inProvider(html`<ioc-kpi-card .data=${onTime}></ioc-kpi-card>`);
      const year = part(card, 'comparison')!.querySelector('[data-comparison="year"] dd.vs')!;
      const target = part(card, 'comparison')!.querySelector('[data-comparison="target"] dd.vs')!;
      // 90 against 92 last year: down, worse for a higher-is-better indicator; below the target of 95: missed.
      expect(year.getAttribute('data-direction')).to.equal('down');
      expect(year.classList.contains('bad')).to.be.true;
      expect(spoken(year)).to.equal('Giảm, xấu đi −2,2 %');
      expect(spoken(target)).to.equal('chưa đạt mục tiêu −5,3 %');
      const seen = async (compare: string) => {
        card.compare = compare;
        await card.updateComplete;
        return {
          previous: part(card, 'delta') !== null,
          year: card.shadowRoot!.querySelector('[data-comparison="year"]') !== null,
          target: card.shadowRoot!.querySelector('[data-comparison="target"]') !== null,
        };
      };
      expect(await seen('previous,year,target')).to.deep.equal({ previous: true, year: true, target: true });
      expect(await seen('previous')).to.deep.equal({ previous: true, year: false, target: false });
      expect(await seen('year')).to.deep.equal({ previous: false, year: true, target: false });
      expect(await seen('target')).to.deep.equal({ previous: false, year: false, target: true });
      expect(await seen('none')).to.deep.equal({ previous: false, year: false, target: false });
      expect(part(card, 'comparison')).to.equal(null);
      // The attribute works from markup, spaces or commas.
      card.setAttribute('compare', 'year target');
      await card.updateComplete;
      expect(card.comparisons).to.deep.equal(['year', 'target']);
    });

    it('shows the band the value falls in, with its official VN_AQI colour and words', async () => {
      const card = await inProvider(html`<ioc-kpi-card .data=${{ ...aqi, value: 120 }}></ioc-kpi-card>`);
      const band = part(card, 'band')!;
      expect(text(card, 'band')).to.equal('Kém');
      expect(getComputedStyle(band, '::before').backgroundColor).to.equal('rgb(255, 126, 0)');
      card.data = { ...aqi, value: 320 };
      await card.updateComplete;
      expect(text(card, 'band')).to.equal('Nguy hại');
    });

    it('compact keeps value, band and the first comparison; full shows the rest', async () => {
      const card = await inProvider(html`<ioc-kpi-card compact .data=${onTime}></ioc-kpi-card>`);
      expect(card.hasAttribute('compact')).to.be.true;
      expect(text(card, 'value')).to.equal('90,0');
      expect(part(card, 'delta')).to.not.equal(null);
      expect(part(card, 'comparison')).to.equal(null);
      expect(part(card, 'footer')).to.equal(null);
      card.compare = 'target';
      await card.updateComplete;
      expect(part(card, 'delta')!.dataset.against).to.equal('target');
      expect(text(card, 'delta')).to.contain('so với mục tiêu');
      const compactHeight = card.getBoundingClientRect().height;
      card.compact = false;
      card.compare = 'previous,year,target';
      await card.updateComplete;
      expect(part(card, 'comparison')).to.not.equal(null);
      expect(part(card, 'footer')).to.not.equal(null);
      expect(card.getBoundingClientRect().height).to.be.greaterThan(compactHeight);
    });

    it('shows a stale badge with the age of the data on the widget clock, in vi and en', async () => {
      // Observed at 10:00 UTC = 17:00 in Vietnam; three hours later with a 1 h limit.
      const card = await inProvider(html`<ioc-kpi-card stale-after="3600" .data=${aqi}></ioc-kpi-card>`, '2026-11-24T20:00:00+07:00');
      expect(part(card, 'stale-badge')!.querySelector('[aria-hidden="true"]')!.textContent).to.equal('cũ 3 giờ');
      expect(spoken(part(card, 'stale-badge')!)).to.equal('Dữ liệu đã cũ 3 giờ');
      card.locale = 'en';
      await card.updateComplete;
      expect(part(card, 'stale-badge')!.querySelector('[aria-hidden="true"]')!.textContent).to.equal('3 h old');
      // Fresh data (under the limit) has no badge; by default the limit is two periods (two days).
      const fresh = await inProvider(html`<ioc-kpi-card .data=${aqi}></ioc-kpi-card>`, '2026-11-24T20:00:00+07:00');
      expect(part(fresh, 'stale-badge')).to.equal(null);
      const old = await inProvider(html`<ioc-kpi-card locale="en" .data=${aqi}></ioc-kpi-card>`, '2026-11-27T20:00:00+07:00');
      expect(part(old, 'stale-badge')!.querySelector('[aria-hidden="true"]')!.textContent).to.equal('3 days old');
    });

    it('a stale card always has its badge, with the age of its last good data', async () => {
      const kept: KpiResult = { ...aqi, observedAt: undefined, stale: { ageMs: 5 * 60_000, reason: '503' } };
      const card = await inProvider(html`<ioc-kpi-card .data=${kept}></ioc-kpi-card>`);
      expect(card.getAttribute('state')).to.equal('stale');
      expect(part(card, 'stale-badge')!.querySelector('[aria-hidden="true"]')!.textContent).to.equal('cũ 5 phút');
    });

    it('draws the sparkline of the history and says its trend from @ioc-kit/insights', async () => {
      await loadTrendTools();
      const rising = history(Array.from({ length: 30 }, (_, i) => 40 + 2 * i + (i % 3)));
      const card = await inProvider(html`<ioc-kpi-card style="width: 360px" .data=${aqi} .history=${rising}></ioc-kpi-card>`);
      await waitUntil(() => card.shadowRoot!.querySelector('[part="sparkline"] path.line'), 'no sparkline drawn');
      expect(part(card, 'trend')!.dataset.direction).to.equal('rising');
      expect(spoken(part(card, 'trend')!)).to.equal('Đang tăng · có ý nghĩa, xấu đi');
      expect(part(card, 'trend')!.classList.contains('bad')).to.be.true;
      card.locale = 'en';
      await card.updateComplete;
      expect(spoken(part(card, 'trend')!)).to.equal('Rising (significant), worsened');
      // A pure ramp (a fitted line of rounding error only) is rising and significant, not "flat".
      card.history = history(Array.from({ length: 30 }, (_, i) => 40.1 + 1.3 * i));
      await card.updateComplete;
      expect(part(card, 'trend')!.dataset.direction).to.equal('rising');
      expect(spoken(part(card, 'trend')!)).to.equal('Rising (significant), worsened');
      card.history = history(Array.from({ length: 30 }, (_, i) => 0.1 + i).reverse());
      await card.updateComplete;
      expect(part(card, 'trend')!.dataset.direction).to.equal('falling');
      // Noise has no direction: the words say so rather than "rising".
      card.history = history([50, 52, 49, 51, 50, 53, 48, 50, 52, 49, 51, 50, 49, 52, 50]);
      await card.updateComplete;
      expect(text(card, 'trend')).to.equal('No clear trend');
      // Fewer than four values: a line, no trend words.
      card.history = history([50, 52, 49]);
      await card.updateComplete;
      expect(part(card, 'trend')).to.equal(null);
      expect(part(card, 'sparkline')).to.not.equal(null);
    });

    it('keeps one height with its trend in every state, and compact is smaller', async () => {
      await loadTrendTools();
      const rising = history(Array.from({ length: 30 }, (_, i) => 40 + 2 * i));
      const data = { ...aqi, value: 59, previous: 85, sameLastYear: 55, target: 50 };
      const heights: Record<string, number> = {};
      for (const compact of [false, true]) {
        const ready = await inProvider(html`<ioc-kpi-card trend ?compact=${compact} style="width: 300px" .data=${data} .history=${rising}></ioc-kpi-card>`);
        await waitUntil(() => ready.shadowRoot!.querySelector('[part="sparkline"] path.line'));
        const stale = await inProvider(html`<ioc-kpi-card trend ?compact=${compact} style="width: 300px" .data=${{ ...data, stale: { ageMs: 3_600_000, reason: '503' } }} .history=${rising}></ioc-kpi-card>`);
        const empty = await inProvider(html`<ioc-kpi-card trend ?compact=${compact} style="width: 300px" .data=${{ ...data, value: null }}></ioc-kpi-card>`);
        const [r, s, e] = [ready, stale, empty].map((card) => card.getBoundingClientRect().height);
        expect(s, `stale (compact: ${compact})`).to.be.closeTo(r!, 1);
        expect(e, `empty (compact: ${compact})`).to.be.closeTo(r!, 1);
        heights[String(compact)] = r!;
      }
      expect(heights.true).to.be.lessThan(heights.false!);
    });

    it('loads the history with trend through a provider and the demo source', async () => {
      const provider = await fixture(html`<ioc-provider source="demo" area="90" now="2026-11-24T10:00:00+07:00"><ioc-kpi-card trend indicator="environment.aqi"></ioc-kpi-card></ioc-provider>`);
      const card = provider.querySelector('ioc-kpi-card')!;
      await waitUntil(() => card.getAttribute('state') === 'ready' && card.shadowRoot!.querySelector('[part="sparkline"] path.line') && part(card, 'trend'), 'no trend from the demo', { timeout: 8000 });
      expect(text(card, 'trend')).to.match(/^(Đang tăng · có ý nghĩa|Đang giảm · có ý nghĩa|Không có xu hướng rõ)/);
    });
  });
});
