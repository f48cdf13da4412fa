import { expect } from '@open-wc/testing';
import { startTestServer, type TestServer } from '../../../../tests/support/server.js';
import { AbortError, HttpError, NetworkError, TimeoutError, ValidationError } from '../contract/errors.js';
import { HttpClient, bodyExcerpt, parseRetryAfter, type HttpClientOptions } from './http.js';

interface Step {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  json?: unknown;
  delayMs?: number;
  etag?: string;
  breakAfter?: number;
}
interface Logged {
  method: string;
  path: string;
  headers: Record<string, string>;
}

const SERVER = 'packages/data/src/internal/http.test-server.mjs';

/** A client whose waits are recorded instead of slept, and whose clock the test moves. */
function testClient(options: HttpClientOptions = {}) {
  const sleeps: number[] = [];
  let clock = 1_000_000;
  const client = new HttpClient({
    now: () => clock,
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...options,
  });
  return {
    client,
    sleeps,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

/** Waits for a condition the server reports, polling; fails after 5 s. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 250; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met within 5 s');
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('HttpClient against a real server', () => {
  let server: TestServer;
  const script = (path: string, steps: Step[]) => server.call('script', path, steps);
  const requests = (path?: string) => server.call<Logged[]>('requests', path);

  before(async () => {
    server = await startTestServer(SERVER);
  });
  after(async () => {
    await server.stop();
  });
  beforeEach(async () => {
    await server.call('reset');
  });

  it('reads JSON and exposes response headers in lower case', async () => {
    await script('/ok', [{ json: { value: 42 }, headers: { ETag: '"v1"' } }]);
    const { client } = testClient();
    const result = await client.request<{ value: number }>(`${server.url}/ok`);
    expect(result.data.value).to.equal(42);
    expect(result.status).to.equal(200);
    expect(result.headers.etag).to.equal('"v1"');
    expect(result.cache).to.equal('network');
    expect(result.stale).to.equal(false);
  });

  it('aborts a request in flight with an AbortError', async () => {
    await script('/slow', [{ json: 1, delayMs: 2000 }]);
    const { client } = testClient();
    const controller = new AbortController();
    const pending = client.request(`${server.url}/slow`, { signal: controller.signal });
    await until(async () => (await requests('/slow')).length === 1);
    controller.abort();
    const error = await rejection(pending);
    expect(error).to.be.instanceOf(AbortError);
  });

  it('rejects at once when the signal has already fired, without a request', async () => {
    await script('/ok', [{ json: 1 }]);
    const { client } = testClient();
    const error = await rejection(client.request(`${server.url}/ok`, { signal: AbortSignal.abort() }));
    expect(error).to.be.instanceOf(AbortError);
    expect(await requests('/ok')).to.have.length(0);
  });

  it('stops a slow response with a TimeoutError naming the limit', async () => {
    await script('/slow', [{ json: 1, delayMs: 3000 }]);
    const { client } = testClient();
    const error = await rejection(client.request(`${server.url}/slow`, { timeoutMs: 60, retries: 0 }));
    expect(error).to.be.instanceOf(TimeoutError);
    expect((error as TimeoutError).message).to.contain('60 ms');
  });

  it('retries a 503 with exponential backoff and full jitter, then succeeds', async () => {
    await script('/flaky', [{ status: 503 }, { status: 503 }, { json: { ok: true } }]);
    const { client, sleeps } = testClient({ baseDelayMs: 100, retries: 3 });
    const result = await client.request<{ ok: boolean }>(`${server.url}/flaky`);
    expect(result.data.ok).to.equal(true);
    expect(await requests('/flaky')).to.have.length(3);
    // random() = 0.5 of the cap: 0.5 × 100·2⁰, then 0.5 × 100·2¹.
    expect(sleeps).to.deep.equal([50, 100]);
  });

  it('caps the backoff at maxDelayMs and gives up after the retries with the last HttpError', async () => {
    await script('/down', [{ status: 502, body: '<html><body><h1>Bad gateway</h1></body></html>', headers: { 'content-type': 'text/html' } }]);
    const { client, sleeps } = testClient({ baseDelayMs: 100, maxDelayMs: 150, retries: 3, random: () => 0.999 });
    const error = await rejection(client.request(`${server.url}/down`));
    expect(error).to.be.instanceOf(HttpError);
    expect((error as HttpError).status).to.equal(502);
    expect((error as HttpError).message).to.contain('Bad gateway').and.not.contain('<');
    expect(await requests('/down')).to.have.length(4);
    expect(sleeps).to.deep.equal([99, 149, 149]);
  });

  it('never retries a 4xx and puts the server explanation in the message as plain text', async () => {
    await script('/bad', [{ status: 400, json: { type: 'https://uri.etsi.org/ngsi-ld/errors/BadRequestData', title: 'Bad request', detail: 'Unknown attribute <b>pm25x</b>' } }]);
    const { client, sleeps } = testClient();
    const error = await rejection(client.request(`${server.url}/bad`));
    expect(error).to.be.instanceOf(HttpError);
    expect((error as HttpError).status).to.equal(400);
    expect((error as HttpError).message).to.contain('Bad request: Unknown attribute pm25x');
    expect(await requests('/bad')).to.have.length(1);
    expect(sleeps).to.deep.equal([]);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    await script('/limited', [{ status: 429, headers: { 'Retry-After': '2' } }, { json: 'done' }]);
    const { client, sleeps } = testClient();
    const result = await client.request(`${server.url}/limited`);
    expect(result.data).to.equal('done');
    expect(sleeps).to.deep.equal([2000]);
  });

  it('fails at once when Retry-After is longer than the client will wait', async () => {
    await script('/limited', [{ status: 503, headers: { 'Retry-After': '3600' } }, { json: 'never' }]);
    const { client, sleeps } = testClient({ maxRetryAfterMs: 10_000 });
    const error = await rejection(client.request(`${server.url}/limited`));
    expect((error as HttpError).status).to.equal(503);
    expect(sleeps).to.deep.equal([]);
    expect(await requests('/limited')).to.have.length(1);
  });

  it('never retries a write', async () => {
    await script('/write', [{ status: 503 }, { json: 'ok' }]);
    const { client } = testClient();
    const error = await rejection(client.request(`${server.url}/write`, { method: 'POST', body: '{}' }));
    expect((error as HttpError).status).to.equal(503);
    expect(await requests('/write')).to.have.length(1);
  });

  it('retries a connection broken half-way through the body', async () => {
    await script('/broken', [{ body: '{"value": 12345678', breakAfter: 8 }, { json: { value: 7 } }]);
    const { client, sleeps } = testClient();
    const result = await client.request<{ value: number }>(`${server.url}/broken`);
    expect(result.data.value).to.equal(7);
    expect(sleeps).to.have.length(1);
  });

  it('turns an unreachable server into a NetworkError that says what to check', async () => {
    const { client } = testClient({ retries: 1 });
    const error = await rejection(client.request('http://127.0.0.1:9/nothing'));
    expect(error).to.be.instanceOf(NetworkError);
    expect((error as NetworkError).message).to.contain('CORS');
  });

  it('rejects a body that is not JSON with a ValidationError', async () => {
    await script('/html', [{ body: '<!doctype html><title>Login</title>', headers: { 'content-type': 'text/html' } }]);
    const { client } = testClient();
    const error = await rejection(client.request(`${server.url}/html`));
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).message).to.contain('did not answer JSON').and.contain('text/html');
  });

  it('shares identical requests in flight: one request reaches the server', async () => {
    await script('/shared', [{ json: { n: 1 }, delayMs: 150 }]);
    const { client } = testClient();
    const [a, b, c] = await Promise.all([
      client.request(`${server.url}/shared`),
      client.request(`${server.url}/shared`),
      client.request(`${server.url}/shared`, { headers: { 'X-Test': 'other' } }),
    ]);
    expect(a.data).to.deep.equal({ n: 1 });
    expect(b.data).to.deep.equal({ n: 1 });
    expect(c.data).to.deep.equal({ n: 1 });
    // The third differs by a header, so it is its own request.
    expect(await requests('/shared')).to.have.length(2);
  });

  it('lets one caller abort a shared request while the others still get the answer', async () => {
    await script('/shared', [{ json: { n: 2 }, delayMs: 150 }]);
    const { client } = testClient();
    const first = new AbortController();
    const aborted = client.request(`${server.url}/shared`, { signal: first.signal });
    const kept = client.request(`${server.url}/shared`);
    await until(async () => (await requests('/shared')).length === 1);
    first.abort();
    expect(await rejection(aborted)).to.be.instanceOf(AbortError);
    expect((await kept).data).to.deep.equal({ n: 2 });
    expect(await requests('/shared')).to.have.length(1);
  });

  it('aborts the shared request when every caller has gone', async () => {
    await script('/shared', [{ json: { n: 3 }, delayMs: 300 }]);
    const { client } = testClient();
    const a = new AbortController();
    const b = new AbortController();
    const first = client.request(`${server.url}/shared`, { signal: a.signal });
    const second = client.request(`${server.url}/shared`, { signal: b.signal });
    a.abort();
    b.abort();
    expect(await rejection(first)).to.be.instanceOf(AbortError);
    expect(await rejection(second)).to.be.instanceOf(AbortError);
    // A new caller starts a new request rather than joining the aborted one.
    const third = await client.request(`${server.url}/shared`);
    expect(third.data).to.deep.equal({ n: 3 });
  });

  it('serves fresh hits, then stale-while-revalidate, then the new data', async () => {
    await script('/swr', [{ json: { v: 1 } }, { json: { v: 2 }, delayMs: 50 }]);
    const { client, advance } = testClient({ ttlMs: 1000, staleWhileRevalidateMs: 10_000 });
    const url = `${server.url}/swr`;
    expect((await client.request(url)).data).to.deep.equal({ v: 1 });
    advance(500);
    const hit = await client.request(url);
    expect(hit.cache).to.equal('hit');
    expect(hit.ageMs).to.equal(500);
    expect(await requests('/swr')).to.have.length(1);
    advance(1000);
    const stale = await client.request(url);
    expect(stale.cache).to.equal('stale');
    expect(stale.stale).to.equal(true);
    expect(stale.data).to.deep.equal({ v: 1 });
    // Until the background refresh lands, calls keep getting the stale data (and join that refresh);
    // then the next call is a fresh hit with the new data.
    let after = await client.request(url);
    await until(async () => {
      after = await client.request(url);
      return after.cache === 'hit';
    });
    expect(after.cache).to.equal('hit');
    expect(after.data).to.deep.equal({ v: 2 });
    expect(await requests('/swr')).to.have.length(2);
  });

  it('bounds the cache by entries, evicting the least recently used', async () => {
    for (const name of ['a', 'b', 'c']) await script(`/lru-${name}`, [{ json: { name } }]);
    const { client } = testClient({ ttlMs: 60_000, maxEntries: 2 });
    await client.request(`${server.url}/lru-a`);
    await client.request(`${server.url}/lru-b`);
    await client.request(`${server.url}/lru-a`); // a is now the most recently used
    await client.request(`${server.url}/lru-c`); // evicts b
    expect(client.cacheStats().entries).to.equal(2);
    await client.request(`${server.url}/lru-a`);
    await client.request(`${server.url}/lru-b`);
    expect(await requests('/lru-a')).to.have.length(1);
    expect(await requests('/lru-b')).to.have.length(2);
  });

  it('bounds the cache by bytes and never keeps a result larger than the budget', async () => {
    await script('/big', [{ json: { text: 'x'.repeat(5000) } }]);
    await script('/small', [{ json: { text: 'y' } }]);
    const { client } = testClient({ ttlMs: 60_000, maxBytes: 4000 });
    await client.request(`${server.url}/small`);
    await client.request(`${server.url}/big`);
    expect(client.cacheStats().entries).to.equal(1);
    expect(client.cacheStats().bytes).to.be.at.most(4000);
    await client.request(`${server.url}/big`);
    expect(await requests('/big')).to.have.length(2);
    expect(await requests('/small')).to.have.length(1);
  });

  it('keeps the last good result with its age and the error when a refresh fails', async () => {
    await script('/kept', [{ json: { v: 'good' } }, { status: 500, body: 'database down' }]);
    const { client, advance } = testClient({ retries: 1 });
    await client.request(`${server.url}/kept`);
    advance(90_000);
    const result = await client.request<{ v: string }>(`${server.url}/kept`);
    expect(result.data.v).to.equal('good');
    expect(result.stale).to.equal(true);
    expect(result.cache).to.equal('fallback');
    expect(result.ageMs).to.equal(90_000);
    expect(result.error).to.be.instanceOf(HttpError);
    expect(result.error?.message).to.contain('database down');
  });

  it('fails with the error when there is no last good result, or when staleOnError is off', async () => {
    await script('/kept', [{ json: { v: 'good' } }, { status: 500 }]);
    const { client } = testClient({ retries: 0, staleOnError: false });
    await client.request(`${server.url}/kept`);
    expect(await rejection(client.request(`${server.url}/kept`))).to.be.instanceOf(HttpError);
  });

  it('revalidates with If-None-Match and reuses the body on a 304', async () => {
    await script('/etag', [{ json: { v: 'tagged' }, etag: '"abc"' }]);
    const { client, advance } = testClient();
    const first = await client.request(`${server.url}/etag`);
    advance(5000);
    const second = await client.request(`${server.url}/etag`);
    expect(second.cache).to.equal('revalidated');
    expect(second.status).to.equal(200);
    expect(second.data).to.deep.equal({ v: 'tagged' });
    expect(second.fetchedAt).to.equal(first.fetchedAt + 5000);
    const logged = await requests('/etag');
    expect(logged).to.have.length(2);
    expect(logged[0]!.headers['if-none-match']).to.equal(undefined);
    expect(logged[1]!.headers['if-none-match']).to.equal('"abc"');
  });
});

describe('HTTP helpers', () => {
  it('bodyExcerpt strips markup and control characters and shortens', () => {
    expect(bodyExcerpt('<h1>Oops</h1>\n<script>alert(1)</script><p>try\u0000later</p>')).to.equal('Oops try later');
    expect(bodyExcerpt('x'.repeat(500))).to.have.length(160);
    expect(bodyExcerpt('{"title":"Not found","detail":"no entity urn:x"}')).to.equal('Not found: no entity urn:x');
  });

  it('parseRetryAfter reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-25T08:00:00Z');
    expect(parseRetryAfter('3', now)).to.equal(3000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 08:00:10 GMT', now)).to.equal(10_000);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });
});
