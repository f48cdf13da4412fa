/**
 * NGSI-LD `subscribe` (polling that asks only for what changed), the last good result with
 * its age, and `Link rel="next"` entity paging, against the test broker on 127.0.0.1 serving
 * synthetic entities (no shared fixtures needed).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { startTestServer, type TestServer } from '../../../../../tests/support/server.js';
import type { KpiResult, SeriesQuery, SeriesResult } from '../../contract/query.js';
import { HttpClient } from '../../internal/http.js';
import type { VisibilitySignal } from '../../refresh/page.js';
import { ConfigError } from '../../contract/errors.js';
import { NgsiLdClient } from './client.js';
import { createNgsiLdSource } from './ngsi-ld-source.js';
import { mergeSeries, ngsiLdSubscribe } from './subscribe.js';

const SERVER = 'packages/data/src/sources/ngsi-ld/ngsi-ld.test-server.mjs';
const STATION = 'urn:ngsi-ld:AirQualityObserved:test-station';
const pm25 = (observedAt: string, value: number) => ({ type: 'Property', value, unitCode: 'GQ', observedAt });
const SERIES: SeriesQuery = { kind: 'series', indicator: 'environment.pm25', areas: ['27001'], grain: 'hour', from: '2026-11-24T00:00:00.000Z', to: '2026-11-24T06:00:00.000Z' };
const hour = (h: number) => Date.parse(`2026-11-24T0${h}:00:00.000Z`);
const visible: VisibilitySignal = { hidden: () => false, onChange: () => () => undefined };

interface Logged {
  path: string;
  query: Record<string, string>;
}

/** A schedule the test runs by hand: no timers, so no timing flakiness. */
function manualSchedule() {
  const pending = new Set<() => void>();
  return {
    schedule: (_ms: number, callback: () => void) => {
      pending.add(callback);
      return () => pending.delete(callback);
    },
    get size() {
      return pending.size;
    },
    runNext() {
      const [first] = pending;
      if (!first) throw new Error('nothing scheduled');
      pending.delete(first);
      first();
    },
  };
}

describe('NGSI-LD subscribe, stale results and Link paging against a real broker', () => {
  let server: TestServer;
  let clock = Date.parse('2026-11-24T06:00:00Z');

  const source = () =>
    createNgsiLdSource({
      baseUrl: server.url,
      types: ['AirQualityObserved'],
      areaOf: () => '27001',
      http: new HttpClient({ retries: 0, now: () => clock, sleep: () => Promise.resolve() }),
    });
  const temporalRequests = async () => (await server.call<Logged[]>('requests')).filter((entry) => entry.path === '/ngsi-ld/v1/temporal/entities');

  before(async () => {
    server = await startTestServer(SERVER);
  });
  after(async () => {
    await server.stop();
  });
  beforeEach(async () => {
    clock = Date.parse('2026-11-24T06:00:00Z');
    await server.call('reset');
    await server.call('serveSynthetic', [{ id: STATION, type: 'AirQualityObserved', pm25: [pm25('2026-11-24T00:00:00Z', 10), pm25('2026-11-24T01:00:00Z', 20), pm25('2026-11-24T02:00:00Z', 30)] }]);
  });

  it('polls only from the newest bucket, merges new instances without duplicates, keeps the last value on errors and stops on abort', async () => {
    const results: (SeriesResult | undefined)[] = [];
    const errors: unknown[] = [];
    const timer = manualSchedule();
    const controller = new AbortController();
    const handle = ngsiLdSubscribe(
      source(),
      SERIES,
      (result, error) => {
        results.push(result);
        if (error !== undefined) errors.push(error);
      },
      { signal: controller.signal, schedule: timer.schedule, visibility: visible },
    );
    await waitUntil(() => results.length === 1, 'first result');
    const first = results[0]!;
    expect(Array.from(first.series[0]!.t)).to.deep.equal([0, 1, 2, 3, 4, 5].map(hour));
    expect(Array.from(first.series[0]!.v).slice(0, 3)).to.deep.equal([10, 20, 30]);
    expect((await temporalRequests())[0]!.query.timeAt).to.equal(SERIES.from);

    // The station reports twice more: once inside the 02:00 bucket, once in a new one.
    await server.call('appendInstances', STATION, 'pm25', [pm25('2026-11-24T02:30:00Z', 50), pm25('2026-11-24T03:00:00Z', 70)]);
    timer.runNext();
    await waitUntil(() => results.length === 2, 'second result');
    const asked = (await temporalRequests()).at(-1)!;
    expect(asked.query.timerel).to.equal('between');
    expect(asked.query.timeAt).to.equal('2026-11-24T02:00:00.000Z');
    const second = results[1]!;
    const t = Array.from(second.series[0]!.t);
    expect(t).to.deep.equal([0, 1, 2, 3, 4, 5].map(hour));
    const v = Array.from(second.series[0]!.v);
    expect(v.slice(0, 4)).to.deep.equal([10, 20, 40, 70]);
    expect(v.slice(4).every(Number.isNaN)).to.equal(true);
    expect(second.observedAt).to.equal('2026-11-24T03:00:00.000Z');

    // The broker fails: the listener gets the last good series with the error, and polling goes on.
    await server.call('fail', [503]);
    timer.runNext();
    await waitUntil(() => results.length === 3, 'third call');
    expect(errors).to.have.length(1);
    expect(results[2]).to.equal(second);
    expect(timer.size).to.equal(1);

    // Aborting stops the polling: nothing is scheduled and a refresh asks nothing.
    const before = (await temporalRequests()).length;
    controller.abort();
    expect(timer.size).to.equal(0);
    handle.refresh();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await temporalRequests()).length).to.equal(before);
    expect(results).to.have.length(3);
  });

  it('gives the source a subscribe that delivers results until aborted', async () => {
    const broker = source();
    expect(broker.subscribe).to.be.a('function');
    const controller = new AbortController();
    const results: SeriesResult[] = [];
    broker.subscribe!(SERIES, (result) => {
      if (result) results.push(result);
    }, { signal: controller.signal, intervalMs: 60_000 });
    await waitUntil(() => results.length === 1, 'first result');
    expect(Array.from(results[0]!.series[0]!.v).slice(0, 3)).to.deep.equal([10, 20, 30]);
    controller.abort();
  });

  it('marks the last good result stale, with its age and the reason, when the broker fails', async () => {
    const broker = source();
    const kpi = { kind: 'kpi' as const, indicator: 'environment.pm25' as const, area: '27001', at: '2026-11-24T02:30:00Z', grain: 'day' as const };
    const fresh: KpiResult = await broker.query(kpi);
    expect(fresh.stale).to.equal(undefined);
    clock += 5 * 60_000;
    await server.call('fail', [503, 503, 503, 503, 503, 503]);
    const kept: KpiResult = await broker.query(kpi);
    expect(kept.value).to.equal(fresh.value);
    expect(kept.partial).to.equal(true);
    expect(kept.stale?.ageMs).to.equal(5 * 60_000);
    expect(kept.stale?.reason).to.contain('503');
  });

  it('creates and deletes a notification subscription pointing at a relay', async () => {
    const client = new NgsiLdClient({ baseUrl: server.url, tenant: 'bacninh', context: 'https://smartdatamodels.org/context.jsonld', http: new HttpClient({ retries: 0 }) });
    const id = await client.createSubscription({ type: 'AirQualityObserved', watchedAttributes: ['pm25'], endpoint: 'https://relay.example/notify', attributes: ['pm25', 'areaCode'], throttling: 10 });
    expect(id).to.equal('urn:ngsi-ld:Subscription:1');
    const [created] = await server.call<{ id: string; contentType: string; link: string | null; tenant: string | null; body: Record<string, unknown>; deleted: boolean }[]>('subscriptions');
    expect(created!.contentType).to.equal('application/json');
    expect(created!.link).to.contain('smartdatamodels.org/context.jsonld');
    expect(created!.tenant).to.equal('bacninh');
    expect(created!.body).to.deep.equal({
      type: 'Subscription',
      entities: [{ type: 'AirQualityObserved' }],
      watchedAttributes: ['pm25'],
      throttling: 10,
      notification: { endpoint: { uri: 'https://relay.example/notify', accept: 'application/json' }, attributes: ['pm25', 'areaCode'] },
    });
    await client.deleteSubscription(id);
    expect((await server.call<{ deleted: boolean }[]>('subscriptions'))[0]!.deleted).to.equal(true);
    let refused: unknown;
    try {
      await client.createSubscription({ type: 'AirQualityObserved', endpoint: 'javascript:alert(1)' });
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(ConfigError);
  });

  it('follows Link rel="next" pages to the end and stops at the page without one', async () => {
    const entities = Array.from({ length: 5 }, (_, i) => ({ id: `urn:ngsi-ld:AirQualityObserved:p${i}`, type: 'AirQualityObserved', pm25: pm25('2026-11-24T00:00:00Z', i) }));
    await server.call('serveLinkPaged', entities, 2);
    const client = new NgsiLdClient({ baseUrl: server.url, pageSize: 2, http: new HttpClient({ retries: 0 }) });
    const answer = await client.entities({ type: 'AirQualityObserved' });
    expect(answer.entities.map((entity) => entity.id)).to.deep.equal(entities.map((entity) => entity.id));
    expect(answer.pages).to.equal(3);
    expect(answer.partial).to.equal(false);
    const pages = (await server.call<Logged[]>('requests')).filter((entry) => entry.path === '/ngsi-ld/v1/entities').map((entry) => entry.query.page ?? '0');
    expect(pages).to.deep.equal(['0', '1', '2']);

    // A last page that is full but has no Link is still the last: no re-asking the same page.
    await server.call('reset');
    await server.call('serveLinkPaged', entities.slice(0, 4), 2);
    const even = await client.entities({ type: 'AirQualityObserved' });
    expect(even.entities).to.have.length(4);
    expect(even.pages).to.equal(2);
    expect(even.partial).to.equal(false);
  });
});

describe('mergeSeries keeps what the earlier buckets skipped', () => {
  const base = (v: number[], warnings?: SeriesResult['warnings']): SeriesResult => ({
    kind: 'series',
    indicator: 'environment.pm25',
    unit: { code: 'ug/m3', system: 'UCUM', label: { vi: 'µg/m³' } },
    grain: 'hour',
    series: [{ area: '27', t: v.map((_, i) => i * 3_600_000), v }],
    partial: warnings !== undefined,
    ...(warnings ? { warnings } : {}),
  });

  it('merges the warnings of the kept and the fresh buckets, counting the bucket both read once', () => {
    const old = base([1, Number.NaN, 3], [
      { code: 'invalid-value', entity: 'urn:a', field: 'pm25', count: 1, message: 'urn:a pm25: "NaN" is not a number; read as a gap' },
      { code: 'invalid-value', entity: 'urn:b', field: 'pm25', count: 2, message: 'urn:b pm25: "n/a" is not a number; read as a gap' },
    ]);
    const fresh = base([Number.NaN, 4], [{ code: 'invalid-value', entity: 'urn:b', field: 'pm25', count: 2, message: 'urn:b pm25: "n/a" is not a number; read as a gap' }]);
    fresh.series[0] = { area: '27', t: [2 * 3_600_000, 3 * 3_600_000], v: [Number.NaN, 4] };
    const merged = mergeSeries(old, fresh, 2 * 3_600_000);
    expect(Array.from(merged.series[0]!.v)).to.deep.equal([1, Number.NaN, Number.NaN, 4]);
    expect(merged.partial).to.equal(true);
    expect(merged.warnings?.map((w) => [w.entity, w.count])).to.deep.equal([
      ['urn:a', 1],
      ['urn:b', 2],
    ]);
    const clean = mergeSeries(base([1, 2]), base([2, 3]), 3_600_000);
    expect(clean.warnings).to.equal(undefined);
    expect(clean.partial).to.equal(false);
  });
});
