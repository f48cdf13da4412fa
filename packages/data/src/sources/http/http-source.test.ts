import { expect } from '@open-wc/testing';
import { startTestServer, type TestServer } from '../../../../../tests/support/server.js';
import type { Indicator } from '../../contract/catalogue.js';
import { ConfigError, HttpError, UnsupportedQueryError, type ValidationError } from '../../contract/errors.js';
import type { KpiResult, SeriesResult } from '../../contract/query.js';
import { createSource, registeredSources, registerSource } from '../../registry.js';
import { HttpClient } from '../../internal/http.js';
import { createHttpSource, fillTemplate, type HttpSourceOptions } from './http-source.js';
import { compilePath, selectAll, selectOne } from './json-path.js';

const SERVER = 'packages/data/src/internal/http.test-server.mjs';

interface Logged {
  path: string;
  query: string;
  headers: Record<string, string>;
}

/** A province's own indicator, as a portal developer would add one. */
const REVENUE: Indicator = {
  id: 'economy.test-revenue',
  domain: 'economy',
  name: { vi: 'Thu ngân sách (thử)', en: 'Budget revenue (test)' },
  description: { vi: 'Chỉ số thử.', en: 'Test indicator.' },
  unit: { code: 'tỷ đồng', system: 'none', label: { vi: 'tỷ đồng', en: 'bn VND' } },
  decimals: 1,
  polarity: 'higher-is-better',
  aggregation: { time: 'sum', area: 'sum' },
  range: { min: 0 },
};

const AQI: Indicator = {
  id: 'environment.test-aqi',
  domain: 'environment',
  name: { vi: 'AQI (thử)' },
  description: { vi: 'Chỉ số thử.' },
  unit: { code: '1', system: 'UCUM', label: { vi: '' } },
  decimals: 0,
  polarity: 'lower-is-better',
  aggregation: { time: 'mean', area: 'mean' },
  range: { min: 0, max: 500 },
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('HTTP JSON source against a real server', () => {
  let server: TestServer;
  const script = (path: string, steps: unknown[]) => server.call('script', path, steps);
  const requests = (path?: string) => server.call<Logged[]>('requests', path);
  const quickClient = () => new HttpClient({ retries: 0, sleep: () => Promise.resolve() });

  function source(extra: Partial<HttpSourceOptions> = {}) {
    return createHttpSource({
      baseUrl: `${server.url}/api/`,
      indicators: [REVENUE, AQI],
      indicatorNames: { 'economy.test-revenue': 'thu-ngan-sach', 'environment.test-aqi': 'aqi' },
      client: quickClient(),
      kpi: {
        url: 'kpi/{indicator}?area={area}',
        value: { path: '$.data.current', notation: 'vi' },
        previous: { path: 'data.previous', notation: 'vi' },
        target: 'data.plan',
        observedAt: { path: 'data.updated', date: { assumeOffset: '+07:00' } },
      },
      series: {
        url: 'series/{indicator}?areas={areas}&from={from}&to={to}&grain={grain}',
        items: 'data.items[*]',
        time: 'ts',
        value: { path: 'value', scale: 0.001 },
        area: 'commune',
      },
      byArea: { url: 'by-area/{indicator}?level={level}', items: '$.results[*]', area: 'code', value: 'v', observedAt: 'at' },
      alerts: {
        url: 'alerts?domain={domain}',
        items: 'alerts[*]',
        id: 'id',
        severity: { path: 'muc_do', map: { 'rất cao': 'critical' } },
        title: 'tieu_de',
        start: { path: 'bat_dau', date: { assumeOffset: '+07:00' } },
        end: 'ket_thuc',
        status: 'trang_thai',
        category: 'loai',
        area: 'ma_xa',
        longitude: 'vi_tri[0]',
        latitude: 'vi_tri[1]',
      },
      ...extra,
    });
  }

  before(async () => {
    server = await startTestServer(SERVER);
  });
  after(async () => {
    await server.stop();
  });
  beforeEach(async () => {
    await server.call('reset');
  });

  it('answers a KPI from Vietnamese-formatted strings, with remote names in the URL', async () => {
    await script('/api/kpi/thu-ngan-sach', [{ json: { data: { current: '1.234,5', previous: '1.200', plan: 1500, updated: '24/11/2026 08:30' } } }]);
    const result: KpiResult = await source({ headers: { Authorization: 'Bearer t0k3n' } }).query({ kind: 'kpi', indicator: 'economy.test-revenue', area: '27' });
    expect(result.value).to.equal(1234.5);
    expect(result.previous).to.equal(1200);
    expect(result.target).to.equal(1500);
    expect(result.unit.label.en).to.equal('bn VND');
    // 08:30 in Vietnam (UTC+7) is 01:30 UTC.
    expect(result.observedAt).to.equal('2026-11-24T01:30:00.000Z');
    const [logged] = await requests('/api/kpi/thu-ngan-sach');
    expect(logged!.query).to.equal('?area=27');
    expect(logged!.headers.accept).to.equal('application/json');
    expect(logged!.headers.authorization).to.equal('Bearer t0k3n');
  });

  it('serves the last good KPI with its age and the reason when a refresh fails', async () => {
    await script('/api/kpi/thu-ngan-sach', [{ json: { data: { current: 10, updated: '24/11/2026 08:30' } } }, { status: 503, body: 'bảo trì' }]);
    let clock = 1_000_000;
    const client = new HttpClient({ retries: 0, sleep: () => Promise.resolve(), now: () => clock });
    const kpiSource = source({ client });
    const fresh: KpiResult = await kpiSource.query({ kind: 'kpi', indicator: 'economy.test-revenue', area: '27' });
    expect(fresh.stale).to.equal(undefined);
    expect(fresh.partial).to.equal(false);
    clock += 5 * 60_000;
    const kept: KpiResult = await kpiSource.query({ kind: 'kpi', indicator: 'economy.test-revenue', area: '27' });
    expect(kept.value).to.equal(10);
    expect(kept.partial).to.equal(true);
    expect(kept.stale?.ageMs).to.equal(5 * 60_000);
    expect(kept.stale?.reason).to.contain('503');
  });

  it('builds series one per area, bucketed to the grain asked, with duplicates collapsed and the unit scaled', async () => {
    await script('/api/series/aqi', [
      {
        json: {
          data: {
            items: [
              { ts: '2026-11-24T02:00:00Z', value: '52000', commune: '27001' },
              { ts: '2026-11-24T00:00:00Z', value: 48000, commune: '27001' },
              { ts: '2026-11-24T01:00:00Z', value: null, commune: '27001' },
              { ts: '2026-11-24T00:00:00Z', value: 50000, commune: '27001' },
              { ts: 1795489200000, value: '61000', commune: '27004' },
              { ts: 1795996800000, value: 70000, commune: '27004' },
              { ts: '2026-11-25T00:00:00Z', value: 1, commune: '27001' },
            ],
          },
        },
      },
    ]);
    const result: SeriesResult = await source().query({
      kind: 'series',
      indicator: 'environment.test-aqi',
      areas: ['27001', '27004'],
      grain: 'hour',
      from: '2026-11-24T00:00:00Z',
      to: '2026-11-25T00:00:00Z',
    });
    const [first, second] = result.series;
    // Every hour of [from, to) is a bucket, as from every source: the domain adapter buckets to the grain asked.
    const hours = Array.from({ length: 24 }, (_, h) => Date.UTC(2026, 10, 24, h));
    expect(first!.area).to.equal('27001');
    expect(Array.from(first!.t)).to.deep.equal(hours);
    // The later duplicate (50000) wins over the earlier (48000); the null is a gap; 25 Nov is outside [from, to).
    expect(Array.from(first!.v).slice(0, 3)).to.deep.equal([50, Number.NaN, 52]);
    expect(Array.from(first!.v).slice(3).every(Number.isNaN)).to.equal(true);
    expect(second!.area).to.equal('27004');
    // Epoch ms: 1795489200000 is 2026-11-24T03:00Z (kept); 1795996800000 is 30 Nov (outside).
    expect(Array.from(second!.t)).to.deep.equal(hours);
    expect(Array.from(second!.v).map((v, h) => (Number.isNaN(v) ? null : [h, v])).filter(Boolean)).to.deep.equal([[3, 61]]);
    expect(result.observedAt).to.equal('2026-11-24T03:00:00.000Z');
    const [logged] = await requests('/api/series/aqi');
    expect(logged!.query).to.contain('areas=27001%2C27004').and.contain('grain=hour').and.contain('from=2026-11-24T00%3A00%3A00Z');
  });

  it('answers by-area rows', async () => {
    await script('/api/by-area/aqi', [{ json: { results: [{ code: '27001', v: 42, at: '2026-11-24T00:00:00Z' }, { code: '27004', v: '57,5', at: '2026-11-24T01:00:00Z' }] } }]);
    const result = await source().query({ kind: 'by-area', indicator: 'environment.test-aqi', level: 'commune' });
    expect(result.rows).to.deep.equal([
      { area: '27001', value: 42, observedAt: '2026-11-24T00:00:00.000Z' },
      { area: '27004', value: 57.5, observedAt: '2026-11-24T01:00:00.000Z' },
    ]);
    expect(result.observedAt).to.equal('2026-11-24T01:00:00.000Z');
  });

  it('resolves the areas of its results from the areas it is given', async () => {
    const areas = [
      { code: '27', level: 'province' as const, name: { vi: 'Tỉnh Thử' } },
      { code: '27001', level: 'commune' as const, name: { vi: 'Phường Một' }, parent: '27' },
      { code: '27004', level: 'commune' as const, name: { vi: 'Xã Bốn' }, parent: '27' },
    ];
    await script('/api/by-area/aqi', [{ json: { results: [{ code: '27001', v: 42 }, { code: '27004', v: 57 }] } }]);
    const map = await source({ areas }).query({ kind: 'by-area', indicator: 'environment.test-aqi', level: 'commune' });
    expect(map.areas?.map((area) => [area.code, area.name.vi])).to.deep.equal([
      ['27001', 'Phường Một'],
      ['27004', 'Xã Bốn'],
    ]);
    // Without areas, a result carries none.
    await script('/api/by-area/aqi', [{ json: { results: [{ code: '27001', v: 42 }] } }]);
    expect((await source().query({ kind: 'by-area', indicator: 'environment.test-aqi', level: 'commune' })).areas).to.equal(undefined);
  });

  it('maps alerts: Vietnamese severities, categories to domains, filters and newest first', async () => {
    await script('/api/alerts', [
      {
        json: {
          alerts: [
            { id: 'a1', muc_do: 'cao', tieu_de: 'Ùn tắc <b>Lý Thái Tổ</b>', bat_dau: '2026-11-24T07:00:00', loai: 'traffic', ma_xa: '27001', vi_tri: [106.07, 21.18], trang_thai: 'closed', ket_thuc: '2026-11-24T09:00:00Z' },
            { id: 'a2', muc_do: 'rất cao', tieu_de: 'Ngập', bat_dau: '2026-11-24T08:00:00', loai: 'weather' },
            { id: 'a3', muc_do: 'low', tieu_de: 'Đèn hỏng', bat_dau: '2026-11-24T09:00:00', loai: 'lighting' },
          ],
        },
      },
    ]);
    const result = await source().query({ kind: 'alerts', minSeverity: 'medium' });
    expect(result.alerts.map((alert) => alert.id)).to.deep.equal(['a2', 'a1']);
    const [flood, jam] = result.alerts;
    expect(flood!.severity).to.equal('critical');
    expect(flood!.domain).to.equal('environment');
    expect(jam!.severity).to.equal('high');
    expect(jam!.domain).to.equal('mobility');
    expect(jam!.status).to.equal('resolved');
    // Text stays text: markup in a title is kept verbatim for widgets to render as text.
    expect(jam!.title).to.equal('Ùn tắc <b>Lý Thái Tổ</b>');
    expect(jam!.start).to.equal('2026-11-24T00:00:00.000Z');
    expect(jam!.location).to.deep.equal({ type: 'Point', coordinates: [106.07, 21.18] });
  });

  it('reads a value that is not a number as a gap and skips a point without a time, with warnings naming row and field', async () => {
    await script('/api/series/aqi', [
      {
        json: {
          data: {
            items: [
              { ts: '2026-11-24T00:00:00Z', value: 1000 },
              { ts: '2026-11-24T01:00:00Z', value: 'n/a' },
              { ts: '2026-11-24T02:00:00Z', value: { amount: 3 } },
              { value: 4000 },
              { ts: 'tomorrow', value: 5000 },
              { ts: '2026-11-24T05:00:00Z', value: 'NaN' },
              { ts: '2026-11-24T06:00:00Z', value: 6000 },
            ],
          },
        },
      },
    ]);
    const result: SeriesResult = await source().query({ kind: 'series', indicator: 'environment.test-aqi', areas: ['27'], grain: 'hour', from: '2026-11-24T00:00:00Z', to: '2026-11-25T00:00:00Z' });
    // Hourly buckets: 03:00 and 04:00 lost their only points (no time, an unreadable one).
    expect(Array.from(result.series[0]!.v).slice(0, 7)).to.deep.equal([1, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, 6]);
    expect(result.partial).to.equal(true);
    expect(result.warnings).to.deep.equal([
      { code: 'invalid-value', entity: 'data.items[1]', field: 'value', count: 1, message: 'data.items[1] value: "n/a" is not a number (or too large); read as a gap' },
      { code: 'invalid-value', entity: 'data.items[2]', field: 'value', count: 1, message: 'data.items[2] value: an object is not a number; read as a gap' },
      { code: 'missing-time', entity: 'data.items[3]', field: 'ts', count: 1, message: 'data.items[3] ts: a point has no time; skipped' },
      { code: 'invalid-time', entity: 'data.items[4]', field: 'ts', count: 1, message: 'data.items[4] ts: "tomorrow" is not a date-time; this point is skipped' },
      { code: 'invalid-value', entity: 'data.items[5]', field: 'value', count: 1, message: 'data.items[5] value: "NaN" is not a number (or too large); read as a gap' },
    ]);
  });

  it('reads a by-area value outside the indicator range as a gap and skips a row without an area; a payload without the list still rejects', async () => {
    await script('/api/by-area/aqi', [
      { json: { results: [{ code: '27001', v: 9999 }, { code: '27004', v: 57 }, { v: 12 }, { code: '27007', v: 'cao', at: 'hôm qua' }] } },
      { json: { rows: [] } },
    ]);
    const result = await source().query({ kind: 'by-area', indicator: 'environment.test-aqi', level: 'commune' });
    expect(result.rows).to.deep.equal([
      { area: '27001', value: null },
      { area: '27004', value: 57 },
      { area: '27007', value: null },
    ]);
    expect(result.partial).to.equal(true);
    expect(result.warnings?.map((w) => [w.code, w.entity, w.field])).to.deep.equal([
      ['out-of-range', 'results[0]', 'v'],
      ['missing-area', 'results[2]', 'code'],
      ['invalid-value', 'results[3]', 'v'],
      ['invalid-time', 'results[3]', 'at'],
    ]);
    expect(result.warnings![0]!.message).to.equal('results[0] v: 9999 is outside the plausible range of environment.test-aqi (0 to 500); read as a gap');
    const noList = await rejection(source().query({ kind: 'by-area', indicator: 'environment.test-aqi', level: 'commune' }));
    expect((noList as ValidationError).path).to.equal('$.results[*]');
  });

  it('answers a KPI whose value is not a number with null and a warning, and leaves out an alert that cannot be read', async () => {
    await script('/api/kpi/thu-ngan-sach', [{ json: { data: { current: 'đang cập nhật', previous: '1.200', updated: '24/11/2026 08:30' } } }]);
    const kpi: KpiResult = await source().query({ kind: 'kpi', indicator: 'economy.test-revenue', area: '27' });
    expect(kpi).to.deep.include({ value: null, previous: 1200, partial: true });
    expect(kpi.warnings).to.deep.equal([{ code: 'invalid-value', entity: '(body)', field: 'data.current', count: 1, message: '(body) data.current: "đang cập nhật" is not a number (or too large); read as a gap' }]);
    await script('/api/alerts', [
      { json: { alerts: [{ id: 'a1', muc_do: 'cao', tieu_de: 'Ngập', bat_dau: '2026-11-24T08:00:00' }, { id: 'a2', muc_do: 'kinh khủng', bat_dau: '2026-11-24T09:00:00' }, { muc_do: 'low', bat_dau: '2026-11-24T09:00:00' }] } },
    ]);
    const alerts = await source().query({ kind: 'alerts' });
    expect(alerts.alerts.map((alert) => alert.id)).to.deep.equal(['a1']);
    expect(alerts.warnings?.map((w) => [w.code, w.entity, w.field])).to.deep.equal([
      ['invalid-record', 'a2', 'alerts[1].muc_do'],
      ['invalid-record', 'alerts[2]', 'alerts[2].id'],
    ]);
  });

  it('aggregates and caps warnings: a thousand bad rows make twenty entries, the last counting the rest', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ ts: new Date(Date.UTC(2026, 10, 24) + i * 60_000).toISOString(), value: i % 100 === 0 ? i * 100 : 'NaN' }));
    await script('/api/series/aqi', [{ json: { data: { items } } }]);
    const result: SeriesResult = await source().query({ kind: 'series', indicator: 'environment.test-aqi', areas: ['27'], grain: 'hour', from: '2026-11-24T00:00:00Z', to: '2026-11-25T00:00:00Z' });
    // Bucketed to the hour asked (the minutes' values do not each get a point); the ten good values, 100 minutes apart, each fill an hour.
    expect(Array.from(result.series[0]!.t).length).to.equal(24);
    expect(Array.from(result.series[0]!.v).filter(Number.isFinite)).to.deep.equal(Array.from({ length: 10 }, (_, k) => k * 10));
    expect(result.warnings).to.have.length(20);
    expect(result.warnings!.slice(0, 19).every((w) => w.code === 'invalid-value' && w.count === 1)).to.equal(true);
    expect(result.warnings![19]).to.deep.equal({ code: 'more', count: 990 - 19, message: `…and ${990 - 19} more values skipped or read as gaps (other entities or fields; the list stops at 20).` });
  });

  it('passes server errors through as HttpError and says which query kinds it cannot answer', async () => {
    await script('/api/kpi/aqi', [{ status: 404, json: { message: 'no such indicator' } }]);
    const missing = await rejection(source().query({ kind: 'kpi', indicator: 'environment.test-aqi', area: '27' }));
    expect(missing).to.be.instanceOf(HttpError);
    expect((missing as HttpError).status).to.equal(404);
    expect((missing as HttpError).message).to.contain('no such indicator');
    const unsupported = await rejection(source({ byArea: undefined }).query({ kind: 'by-area', indicator: 'environment.test-aqi', level: 'commune' }));
    expect(unsupported).to.be.instanceOf(UnsupportedQueryError);
  });

  it('polls with If-None-Match and calls back only when the data changed', async () => {
    await script('/api/kpi/aqi', [{ json: { data: { current: 40 } }, etag: '"1"' }]);
    const seen: (number | null | undefined)[] = [];
    const stop = new AbortController();
    source().subscribe!({ kind: 'kpi', indicator: 'environment.test-aqi', area: '27' }, (result) => seen.push(result?.value), { intervalMs: 60, signal: stop.signal });
    await waitFor(async () => (await requests('/api/kpi/aqi')).length >= 3);
    expect(seen).to.deep.equal([40]);
    await script('/api/kpi/aqi', [{ json: { data: { current: 41 } }, etag: '"2"' }]);
    await waitFor(() => seen.length >= 2);
    stop.abort();
    expect(seen).to.deep.equal([40, 41]);
    const logged = await requests('/api/kpi/aqi');
    expect(logged[0]!.headers['if-none-match']).to.equal(undefined);
    expect(logged[1]!.headers['if-none-match']).to.equal('"1"');
    const count = logged.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await requests('/api/kpi/aqi')).length).to.equal(count);
  });

  it('is created from data-* attributes through the registry, with no registration needed', async () => {
    expect(registeredSources()).to.include.members(['http', 'ngsi-ld']);
    await script('/v1/kpi/environment.aqi', [{ json: { value: 87 } }]);
    const fromMarkup = await createSource('http', {
      url: `${server.url}/v1/`,
      mapping: JSON.stringify({ kpi: { url: 'kpi/{indicator}?area={area}', value: 'value' } }),
      pollInterval: '30',
    });
    const result = await fromMarkup.query({ kind: 'kpi', indicator: 'environment.aqi', area: '27' });
    expect(result.value).to.equal(87);
    expect(await rejection(createSource('http', {}))).to.be.instanceOf(ConfigError);
    expect(await rejection(createSource('http', { url: 'x', mapping: '{oops' }))).to.be.instanceOf(ConfigError);
    registerSource('http');
    expect((await createSource('http', { url: `${server.url}/v1/` })).id).to.equal(`http:${server.url}/v1/`);
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('field paths and URL templates', () => {
  it('selects with dots, indexes, wildcards and quoted keys, own properties only', () => {
    const payload = { data: { items: [{ value: 1 }, { value: 2 }] }, results: [{ ts: 't0' }], 'odd key': [5, 6, 7] };
    expect(selectAll(payload, 'data.items[*].value')).to.deep.equal([1, 2]);
    expect(selectOne(payload, '$.results[0].ts')).to.equal('t0');
    expect(selectOne(payload, "$['odd key'][-1]")).to.equal(7);
    expect(selectAll(payload, 'data.missing[*]')).to.deep.equal([]);
    expect(selectOne(payload, 'constructor')).to.equal(undefined);
    expect(selectOne(payload, 'data.__proto__')).to.equal(undefined);
  });

  it('reports a malformed path as a ConfigError', () => {
    expect(() => compilePath('data.items[')).to.throw(ConfigError, /not closed/);
    expect(() => compilePath('data..items')).to.throw(ConfigError, /recursive/);
    expect(() => compilePath('data[?(@.x)]')).to.throw(ConfigError);
  });

  it('fills templates URL-encoded and refuses unknown placeholders', () => {
    expect(fillTemplate('a/{area}?q={q}', { area: '27 001', q: 'x&y' })).to.equal('a/27%20001?q=x%26y');
    expect(fillTemplate('a/{area}', { area: undefined })).to.equal('a/');
    expect(() => fillTemplate('a/{nope}', { area: '1' })).to.throw(ConfigError, /\{nope\}/);
  });
});
