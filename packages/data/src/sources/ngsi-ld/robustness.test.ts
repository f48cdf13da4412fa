/**
 * Robustness of the NGSI-LD source end to end, against the test broker: aborts, a new query
 * aborting the old, timeouts, retries with backoff, no retry on 4xx, shared identical queries,
 * the last good result when the broker fails, broken and non-JSON answers.
 */
import { expect } from '@open-wc/testing';
import { listShared, startTestServer, type TestServer } from '../../../../../tests/support/server.js';
import { AbortError, HttpError, NetworkError, TimeoutError, ValidationError } from '../../contract/errors.js';
import { HttpClient, type HttpClientOptions } from '../../internal/http.js';
import { createSource, registerSource } from '../../registry.js';
import { ConfigError } from '../../contract/errors.js';
import { createNgsiLdSource } from './ngsi-ld-source.js';

const SERVER = 'packages/data/src/sources/ngsi-ld/ngsi-ld.test-server.mjs';
const AT = '2016-03-15T12:00:00Z';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('NGSI-LD source robustness against a real broker', function () {
  let server: TestServer;
  let present = true;
  const sleeps: number[] = [];
  let clock = Date.parse('2026-11-25T00:00:00Z');

  const source = (http: HttpClientOptions = {}) =>
    createNgsiLdSource({
      baseUrl: server.url,
      types: ['AirQualityObserved'],
      temporal: false,
      http: new HttpClient({
        retries: 2,
        baseDelayMs: 100,
        random: () => 0.5,
        now: () => clock,
        sleep: (ms) => {
          sleeps.push(ms);
          return Promise.resolve();
        },
        ...http,
      }),
    });
  const aqi = (signal?: AbortSignal) => ({ query: { kind: 'kpi' as const, indicator: 'environment.aqi' as const, area: '27', at: AT }, options: signal ? { signal } : {} });
  const entityRequests = async () => (await server.call<{ path: string }[]>('requests')).filter((entry) => entry.path === '/ngsi-ld/v1/entities').length;

  before(async function () {
    if (!(await listShared('fixtures/sdm'))) {
      console.log('NGSI-LD robustness: ../shared/fixtures is absent here, so this suite is skipped.');
      present = false;
      this.skip();
    }
    server = await startTestServer(SERVER);
  });
  after(async () => {
    if (present) await server.stop();
  });
  beforeEach(async () => {
    sleeps.length = 0;
    await server.call('reset');
  });

  it('resolves a result’s areas from the areas it is given', async () => {
    const withAreas = createNgsiLdSource({
      baseUrl: server.url,
      types: ['AirQualityObserved'],
      temporal: false,
      areas: [{ code: '27', level: 'province', name: { vi: 'Tỉnh Thử' } }],
      http: new HttpClient({ retries: 0, now: () => clock, sleep: () => Promise.resolve() }),
    });
    const { query } = aqi();
    const result = await withAreas.query(query);
    expect(result.areas?.map((area) => [area.code, area.name.vi])).to.deep.equal([['27', 'Tỉnh Thử']]);
  });

  it('aborts a query in flight', async () => {
    await server.call('slow', 2000);
    const controller = new AbortController();
    const { query } = aqi();
    const pending = source().query(query, { signal: controller.signal });
    // Abort once the broker has the request: it is really in flight.
    for (let i = 0; i < 250 && (await entityRequests()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await entityRequests()).to.equal(1);
    controller.abort();
    expect(await rejection(pending)).to.be.instanceOf(AbortError);
  });

  it('a new query aborts the old one, and only the new answer is used', async () => {
    await server.call('slow', 150);
    const src = source();
    let controller = new AbortController();
    const first = src.query(aqi().query, { signal: controller.signal });
    // What a widget does when the user picks another period: abort, then ask again.
    controller.abort();
    controller = new AbortController();
    const second = src.query({ ...aqi().query, at: '2016-03-15T13:00:00Z' }, { signal: controller.signal });
    expect(await rejection(first)).to.be.instanceOf(AbortError);
    expect((await second).value).to.equal(65);
  });

  it('stops a broker that never answers with a TimeoutError', async () => {
    await server.call('fail', ['hang', 'hang', 'hang']);
    const error = await rejection(source({ timeoutMs: 80, retries: 1 }).query(aqi().query));
    expect(error).to.be.instanceOf(TimeoutError);
    expect(sleeps).to.deep.equal([50]);
    // On a loaded machine the aborted retry can reach the broker late: wait for it, so it is
    // not counted (nor served a scripted failure) in the next test.
    for (let waited = 0; (await entityRequests()) < 2 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it('retries 503s with exponential backoff, then answers', async () => {
    await server.call('fail', [503, 503]);
    const result = await source().query(aqi().query);
    expect(result.value).to.equal(65);
    expect(sleeps).to.deep.equal([50, 100]);
    expect(await entityRequests()).to.equal(3);
  });

  it('does not retry a 400 and passes on the broker’s problem details', async () => {
    await server.call('fail', [400]);
    const error = await rejection(source().query(aqi().query));
    expect(error).to.be.instanceOf(HttpError);
    expect((error as HttpError).message).to.contain('Bad Request: scripted failure 400');
    expect(await entityRequests()).to.equal(1);
  });

  it('shares identical queries in flight: three widgets, one request', async () => {
    await server.call('slow', 100);
    const src = source();
    const results = await Promise.all([src.query(aqi().query), src.query(aqi().query), src.query(aqi().query)]);
    expect(results.map((result) => result.value)).to.deep.equal([65, 65, 65]);
    expect(await entityRequests()).to.equal(1);
  });

  it('keeps the last good data, marked partial, when the broker fails later', async () => {
    const src = source({ retries: 0 });
    expect((await src.query(aqi().query)).partial).to.equal(false);
    clock += 120_000;
    await server.call('fail', [500]);
    const kept = await src.query(aqi().query);
    expect(kept.value).to.equal(65);
    expect(kept.partial).to.equal(true);
  });

  it('retries a connection broken mid-body and refuses an HTML login page with a ValidationError', async () => {
    await server.call('fail', ['broken']);
    expect((await source().query(aqi().query)).value).to.equal(65);
    await server.call('fail', ['html']);
    const error = await rejection(source({ retries: 0 }).query(aqi().query));
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).message).to.contain('login screen');
  });

  it('reports an unreachable broker as a NetworkError', async () => {
    const src = createNgsiLdSource({ baseUrl: 'http://127.0.0.1:9', types: ['AirQualityObserved'], temporal: false, http: { retries: 0 } });
    expect(await rejection(src.query(aqi().query))).to.be.instanceOf(NetworkError);
  });

  it('is created from data-* attributes through the registry', async () => {
    registerSource('ngsi-ld');
    const broker = await createSource('ngsi-ld', { url: server.url, types: 'AirQualityObserved', temporal: 'false', areaAttribute: 'areaServed', retries: '0' });
    // The fixture's areaServed is "Brooklands": asking for that area finds its value.
    const result = await broker.query({ kind: 'kpi', indicator: 'environment.aqi', area: 'Brooklands', at: AT });
    expect(result.value).to.equal(65);
    expect(await rejection(createSource('ngsi-ld', {}))).to.be.instanceOf(ConfigError);
    expect(await rejection(createSource('ngsi-ld', { url: server.url, types: 'Cow' }))).to.be.instanceOf(ConfigError);
    expect(await rejection(createSource('ngsi-ld', { url: server.url, pageSize: '-3' }))).to.be.instanceOf(ConfigError);
  });
});
