import { expect, waitUntil as waitUntilWithin } from '@open-wc/testing';
import { startTestServer, type TestServer } from '../../../../../tests/support/server.js';
import { ConfigError, HttpError, TimeoutError, ValidationError } from '../../contract/errors.js';
import type { AlertsResult, ByAreaResult, KpiResult, Query, QueryResult, ResultFor, SeriesResult } from '../../contract/query.js';
import type { DataSource } from '../../contract/source.js';
import type { LiveStatus } from './connection.js';
import { createSource, registerSource } from '../../registry.js';
import { createLiveSource, type LiveSourceOptions } from './live-source.js';

const SERVER = 'packages/data/src/sources/live/live.test-server.mjs';

/**
 * waitUntil with 8 s instead of 1 s: WebSocket round trips to the test server take longer than a
 * second when the machine runs other suites at the same time, and a slow pass is not a failure.
 */
const waitUntil = (predicate: () => unknown, message?: string, options: { interval?: number; timeout?: number } = {}) =>
  waitUntilWithin(predicate, message, { timeout: 8000, ...options });
const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-24T00:00:00+07:00');

/** A base source answering from memory, counting how often it is asked. */
function memoryBase() {
  const calls: Query['kind'][] = [];
  const series: SeriesResult = {
    kind: 'series',
    indicator: 'environment.pm25',
    unit: { code: 'ug/m3', system: 'UCUM', label: { vi: 'µg/m³' } },
    grain: 'hour',
    series: [{ area: '90001', t: Float64Array.from([T0, T0 + HOUR, T0 + 2 * HOUR]), v: Float64Array.from([10, 11, 12]) }],
    partial: false,
    areas: [{ code: '90001', level: 'commune', name: { vi: 'Xã Một' }, parent: '90' }],
  };
  const kpi: KpiResult = {
    kind: 'kpi',
    indicator: 'environment.aqi',
    area: '90',
    unit: { code: '1', system: 'none', label: { vi: '' } },
    value: 50,
    period: { grain: 'day', from: new Date(T0).toISOString(), to: new Date(T0 + 24 * HOUR).toISOString() },
    observedAt: new Date(T0 + 2 * HOUR).toISOString(),
    partial: false,
  };
  const alerts: AlertsResult = { kind: 'alerts', alerts: [], partial: false };
  const byArea: ByAreaResult = {
    kind: 'by-area',
    indicator: 'environment.pm25',
    unit: { code: 'ug/m3', system: 'UCUM', label: { vi: 'µg/m³' } },
    level: 'commune',
    rows: [
      { area: '90001', value: 10, observedAt: new Date(T0).toISOString() },
      { area: '90002', value: 20, observedAt: new Date(T0).toISOString() },
    ],
    observedAt: new Date(T0).toISOString(),
    partial: false,
  };
  const base: DataSource = {
    id: 'memory',
    indicators: () => Promise.resolve([]),
    areas: () => Promise.resolve([]),
    boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
    query<Q extends Query>(query: Q): Promise<ResultFor<Q>> {
      calls.push(query.kind);
      const result: QueryResult = query.kind === 'series' ? series : query.kind === 'kpi' ? kpi : query.kind === 'by-area' ? byArea : alerts;
      return Promise.resolve(result as ResultFor<Q>);
    },
  };
  return { base, calls };
}

const seriesQuery: Query = { kind: 'series', indicator: 'environment.pm25', areas: ['90001'], grain: 'hour', from: new Date(T0).toISOString(), to: new Date(T0 + 3 * HOUR).toISOString() };

/** A sleep the test releases by hand, recording each requested delay. */
function gatedSleep() {
  const delays: number[] = [];
  let open: (() => void) | undefined;
  let gate = new Promise<void>((resolve) => (open = resolve));
  return {
    delays,
    sleep: (ms: number, signal: AbortSignal) => {
      delays.push(ms);
      return new Promise<void>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        void gate.then(resolve);
      });
    },
    release() {
      open?.();
      gate = new Promise<void>((resolve) => (open = resolve));
    },
  };
}

function recorder() {
  const results: QueryResult[] = [];
  const errors: unknown[] = [];
  return {
    results,
    errors,
    listener: (result: QueryResult | undefined, error?: unknown) => {
      if (result) results.push(result);
      else errors.push(error);
    },
  };
}

function lastValues(results: QueryResult[]): number[] {
  const last = results[results.length - 1];
  if (!last || last.kind !== 'series') return [];
  return Array.from(last.series[0]?.v ?? []);
}

for (const transport of ['sse', 'ws'] as const) {
  describe(`createLiveSource over ${transport === 'sse' ? 'Server-Sent Events' : 'WebSocket'} (real server)`, () => {
    let server: TestServer;
    const endpoint = (path = transport === 'sse' ? '/events' : '/ws') => (transport === 'sse' ? server.url : server.url.replace(/^http/, 'ws')) + path;
    const live = (extra: Partial<LiveSourceOptions> & { base: DataSource }) => createLiveSource({ [transport]: endpoint(), heartbeatTimeoutMs: 0, ...extra });
    const push = (message: Record<string, unknown>) => server.call<number>('push', message);
    const connections = () => server.call<{ transport: string; lastEventId?: string | null; messages?: { type: string; since?: string; topics?: string[] }[] }[]>('connections');
    const points = (hour: number, value: number) => ({ type: 'points', indicator: 'environment.pm25', area: '90001', points: [[new Date(T0 + hour * HOUR).toISOString(), value]] });

    beforeEach(async () => {
      server = await startTestServer(SERVER);
    });
    afterEach(async () => {
      await server.stop();
    });

    it('answers from the base source, then appends pushed points and slides the window', async () => {
      const { base } = memoryBase();
      const source = live({ base });
      const stop = new AbortController();
      const { results, listener } = recorder();
      source.subscribe(seriesQuery, listener, { signal: stop.signal });
      await waitUntil(() => results.length === 1 && source.status.state === 'open', 'initial result');
      await waitUntil(async () => (await server.call<number>('openCount')) === 1, 'connected');
      expect(lastValues(results)).to.deep.equal([10, 11, 12]);
      await push(points(3, 13));
      await waitUntil(() => results.length === 2, 'pushed point');
      const latest = results[1] as SeriesResult;
      // The window stays three hours long: 00:00 fell off when 03:00 arrived.
      expect(Array.from(latest.series[0]!.t)).to.deep.equal([T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR]);
      expect(lastValues(results)).to.deep.equal([11, 12, 13]);
      expect(latest.observedAt).to.equal(new Date(T0 + 3 * HOUR).toISOString());
      // The areas the base resolved stay with every pushed result.
      expect(latest.areas?.map((area) => area.name.vi)).to.deep.equal(['Xã Một']);
      // A newer value for the same period replaces the older one.
      await push({ ...points(3, 14), points: [[new Date(T0 + 3 * HOUR + 20 * 60_000).toISOString(), 14]] });
      await waitUntil(() => results.length === 3);
      expect(lastValues(results)).to.deep.equal([11, 12, 14]);
      // Other indicators and areas do not disturb this subscription.
      await push({ ...points(4, 99), area: '90002' });
      await push({ ...points(4, 99), indicator: 'environment.pm10' });
      await push(points(4, 15));
      await waitUntil(() => results.length === 4);
      expect(lastValues(results)).to.deep.equal([12, 14, 15]);
      stop.abort();
    });

    it('reconnects after the server drops it and resumes from the last id, without duplicates or gaps', async () => {
      const { base } = memoryBase();
      const gate = gatedSleep();
      const statuses: LiveStatus[] = [];
      const source = live({ base, sleep: gate.sleep, onStatus: (status) => statuses.push(status) });
      const stop = new AbortController();
      const { results, listener } = recorder();
      // The server replays one message before the resume point too: the client must drop it.
      await server.call('setMode', { overlap: 1 });
      source.subscribe(seriesQuery, listener, { signal: stop.signal });
      await waitUntil(async () => results.length === 1 && (await server.call<number>('openCount')) === 1, 'connected');
      await push(points(3, 13));
      await push(points(4, 14));
      await waitUntil(() => results.length === 3, 'two points');
      await server.call('drop');
      await waitUntil(() => gate.delays.length === 1, 'waiting to reconnect');
      // Pushed while the client is away: must arrive after the resume.
      await push(points(5, 15));
      await push(points(6, 16));
      gate.release();
      await waitUntil(() => results.length === 5, 'missed points after resume');
      await push(points(7, 17));
      await waitUntil(() => results.length === 6);
      const values = results.map((result) => lastValues([result]).at(-1));
      expect(values).to.deep.equal([12, 13, 14, 15, 16, 17]);
      const seen = await connections();
      expect(seen).to.have.length(2);
      if (transport === 'sse') {
        expect(seen[0]!.lastEventId).to.equal(null);
        expect(seen[1]!.lastEventId).to.equal('2');
      } else {
        expect(seen[0]!.messages![0]).to.deep.equal({ type: 'subscribe', topics: ['environment.pm25'] });
        expect(seen[1]!.messages![0]).to.deep.equal({ type: 'subscribe', topics: ['environment.pm25'], since: '2' });
      }
      expect(statuses.map((status) => status.state)).to.include.members(['connecting', 'open', 'waiting']);
      stop.abort();
    });

    it('backs off exponentially with jitter while the server fails, and starts again after a delivery', async () => {
      const { base } = memoryBase();
      const delays: number[] = [];
      const source = live({
        base,
        backoff: { baseMs: 100, maxMs: 350, random: () => 0.5 },
        sleep: (ms) => {
          delays.push(ms);
          return Promise.resolve();
        },
      });
      await server.call('setMode', { failNext: 4 });
      const stop = new AbortController();
      const { results, errors, listener } = recorder();
      source.subscribe(seriesQuery, listener, { signal: stop.signal });
      await waitUntil(async () => (await server.call<number>('openCount')) === 1, 'connected after failures');
      // cap = min(350, 100·2^n); delay = cap/2 + cap/2·0.5
      expect(delays).to.deep.equal([75, 150, 262, 262]);
      expect(errors.length).to.equal(4);
      await push(points(3, 13));
      await waitUntil(() => lastValues(results).at(-1) === 13);
      await server.call('drop');
      await waitUntil(async () => (await server.call<number>('openCount')) === 1, 'reconnected');
      expect(delays[4], 'a connection that delivered resets the backoff').to.equal(75);
      stop.abort();
    });

    it('reports a malformed message as a ValidationError and keeps the stream going', async () => {
      const { base } = memoryBase();
      const source = live({ base });
      const stop = new AbortController();
      const { results, errors, listener } = recorder();
      source.subscribe(seriesQuery, listener, { signal: stop.signal });
      await waitUntil(async () => results.length === 1 && (await server.call<number>('openCount')) === 1);
      await server.call('raw', transport === 'sse' ? 'data: {not json\n\n' : '{not json');
      await server.call('raw', transport === 'sse' ? 'data: {"type":"points","indicator":"environment.pm25","area":"90001","points":[["soon",1]]}\n\n' : '{"type":"points","indicator":"environment.pm25","area":"90001","points":[["soon",1]]}');
      await push(points(3, 13));
      await waitUntil(() => results.length === 2 && errors.length === 2);
      expect(errors[0]).to.be.instanceOf(ValidationError);
      expect((errors[1] as ValidationError).path).to.equal('points[0][0]');
      expect(lastValues(results)).to.deep.equal([11, 12, 13]);
      stop.abort();
    });

    it('replaces a connection that stays silent past the heartbeat timeout', async () => {
      const { base } = memoryBase();
      await server.call('setMode', { silent: true });
      const source = live({ base, heartbeatTimeoutMs: 300, sleep: () => Promise.resolve() });
      const stop = new AbortController();
      const { errors, listener } = recorder();
      source.subscribe(seriesQuery, listener, { signal: stop.signal });
      await waitUntil(async () => (await connections()).length >= 2, 'reconnected after silence', { timeout: 5000 });
      expect(errors.some((error) => error instanceof TimeoutError)).to.equal(true);
      stop.abort();
    });

    it('keeps a quiet connection that the server keeps alive with heartbeats', async () => {
      const { base } = memoryBase();
      await server.call('heartbeat', 50);
      const source = live({ base, heartbeatTimeoutMs: 1000, sleep: () => Promise.resolve() });
      const stop = new AbortController();
      const { results, errors, listener } = recorder();
      source.subscribe(seriesQuery, listener, { signal: stop.signal });
      await waitUntil(async () => results.length === 1 && (await server.call<number>('openCount')) === 1);
      // One and a half heartbeat timeouts long, with nothing but keep-alives on the wire.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(errors).to.deep.equal([]);
      expect(await connections()).to.have.length(1);
      stop.abort();
      await server.call('heartbeat', 0);
    });

    it('pushes KPI values (rolling the period) and alerts, validated against the Alert model', async () => {
      const { base } = memoryBase();
      const source = live({ base });
      const stop = new AbortController();
      const kpis = recorder();
      const alerts = recorder();
      source.subscribe({ kind: 'kpi', indicator: 'environment.aqi', area: '90' }, kpis.listener, { signal: stop.signal });
      source.subscribe({ kind: 'alerts', domain: 'environment', minSeverity: 'medium', status: ['open'] }, alerts.listener, { signal: stop.signal });
      await waitUntil(async () => kpis.results.length === 1 && alerts.results.length === 1 && (await server.call<number>('openCount')) === 1);
      await push({ type: 'kpi', indicator: 'environment.aqi', area: '90', value: 61, observedAt: new Date(T0 + 3 * HOUR).toISOString() });
      await waitUntil(() => kpis.results.length === 2);
      expect(kpis.results[1]).to.deep.include({ value: 61, observedAt: new Date(T0 + 3 * HOUR).toISOString() });
      await push({ type: 'kpi', indicator: 'environment.aqi', area: '90', value: 70, observedAt: new Date(T0 + 25 * HOUR).toISOString() });
      await waitUntil(() => kpis.results.length === 3);
      expect(kpis.results[2]).to.deep.include({ value: 70, previous: 61 });
      expect((kpis.results[2] as KpiResult).period?.from).to.equal(new Date(T0 + 24 * HOUR).toISOString());
      const alert = { id: 'a1', severity: 'high', category: 'environment', domain: 'environment', dateIssued: '2026-11-24T09:00:00+07:00', title: 'PM2.5 <b>cao</b>' };
      await push({ type: 'alerts', alerts: [alert, { id: 'a2', severity: 'low', domain: 'environment', dateIssued: '2026-11-24T09:00:00Z' }, { id: 'bad', severity: 'apocalyptic', domain: 'environment', dateIssued: '2026-11-24T09:00:00Z' }] });
      await waitUntil(() => alerts.results.length === 2 && alerts.errors.length === 1);
      const list = (alerts.results[1] as AlertsResult).alerts;
      expect(list.map((a) => a.id)).to.deep.equal(['a1']);
      expect(list[0]!.title, 'text stays text').to.equal('PM2.5 <b>cao</b>');
      expect((alerts.errors[0] as ValidationError).path).to.equal('alerts[2].severity');
      await push({ type: 'alerts', alerts: [{ ...alert, status: 'resolved' }] });
      await waitUntil(() => alerts.results.length === 3);
      expect((alerts.results[2] as AlertsResult).alerts, 'resolved leaves an open-only list').to.deep.equal([]);
      stop.abort();
    });

    it('filters pushed alerts as the domain adapter does: one still going when the window opens belongs to it', async () => {
      const { base } = memoryBase();
      const source = live({ base });
      const stop = new AbortController();
      const alerts = recorder();
      source.subscribe({ kind: 'alerts', from: new Date(T0 + HOUR).toISOString(), to: new Date(T0 + 3 * HOUR).toISOString() }, alerts.listener, { signal: stop.signal });
      await waitUntil(async () => alerts.results.length === 1 && (await server.call<number>('openCount')) === 1);
      const at = (hours: number) => new Date(T0 + hours * HOUR).toISOString();
      await push({
        type: 'alerts',
        alerts: [
          { id: 'going', severity: 'high', domain: 'environment', dateIssued: at(0), validTo: at(2) },
          { id: 'over', severity: 'high', domain: 'environment', dateIssued: at(0), validTo: at(0.5) },
          { id: 'new', severity: 'low', domain: 'environment', dateIssued: at(2) },
        ],
      });
      await waitUntil(() => alerts.results.length === 2);
      expect((alerts.results[1] as AlertsResult).alerts.map((a) => a.id)).to.deep.equal(['new', 'going']);
      stop.abort();
    });

    if (transport === 'sse') {
      it("takes the server's retry: field as the reconnection base delay", async () => {
        const { base } = memoryBase();
        const gate = gatedSleep();
        const source = live({ base, sleep: gate.sleep, backoff: { baseMs: 100, random: () => 0.5 } });
        const stop = new AbortController();
        const { results, listener } = recorder();
        source.subscribe(seriesQuery, listener, { signal: stop.signal });
        await waitUntil(async () => results.length === 1 && (await server.call<number>('openCount')) === 1);
        await server.call('raw', 'retry: 4000\n\n');
        await push(points(3, 13));
        await waitUntil(() => results.length === 2);
        await server.call('drop');
        await waitUntil(() => gate.delays.length === 1);
        expect(gate.delays[0]).to.equal(3000);
        stop.abort();
      });
    }

    it('close() ends every subscription and the connection', async () => {
      const { base } = memoryBase();
      const source = live({ base });
      const { results, listener } = recorder();
      source.subscribe(seriesQuery, listener);
      await waitUntil(async () => results.length === 1 && (await server.call<number>('openCount')) === 1);
      source.close();
      await waitUntil(async () => (await server.call<number>('openCount')) === 0, 'connection closed');
      await push(points(3, 13));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(results).to.have.length(1);
    });

    it('re-reads from the base when the server says it cannot resume', async () => {
      const { base, calls } = memoryBase();
      const source = live({ base });
      const stop = new AbortController();
      const { results, listener } = recorder();
      source.subscribe(seriesQuery, listener, { signal: stop.signal });
      await waitUntil(async () => results.length === 1 && (await server.call<number>('openCount')) === 1);
      await push({ type: 'reset' });
      await waitUntil(() => results.length === 2);
      expect(calls).to.deep.equal(['series', 'series']);
      stop.abort();
    });

    it('updates one row of a by-area result per pushed point or KPI, ignoring other areas and indicators', async () => {
      const { base } = memoryBase();
      const source = live({ base });
      const stop = new AbortController();
      const { results, listener } = recorder();
      source.subscribe({ kind: 'by-area', indicator: 'environment.pm25', level: 'commune', parent: '90' }, listener, { signal: stop.signal });
      await waitUntil(async () => results.length === 1 && (await server.call<number>('openCount')) === 1, 'connected');
      await push(points(3, 13));
      await waitUntil(() => results.length === 2, 'point applied');
      const first = results[1] as ByAreaResult;
      expect(first.rows).to.deep.equal([
        { area: '90001', value: 13, observedAt: new Date(T0 + 3 * HOUR).toISOString() },
        { area: '90002', value: 20, observedAt: new Date(T0).toISOString() },
      ]);
      expect(first.observedAt).to.equal(new Date(T0 + 3 * HOUR).toISOString());
      // Neither a commune outside the result nor another indicator changes anything.
      await push({ type: 'points', indicator: 'environment.pm25', area: '90009', points: [[new Date(T0 + 4 * HOUR).toISOString(), 99]] });
      await push({ type: 'kpi', indicator: 'environment.aqi', area: '90002', value: 150, observedAt: new Date(T0 + 4 * HOUR).toISOString() });
      await push({ type: 'kpi', indicator: 'environment.pm25', area: '90002', value: 25.5, observedAt: new Date(T0 + 5 * HOUR).toISOString() });
      await waitUntil(() => results.length === 3, 'KPI applied');
      const second = results[2] as ByAreaResult;
      expect(second.rows.map((row) => row.value)).to.deep.equal([13, 25.5]);
      expect(second.rows[1]!.observedAt).to.equal(new Date(T0 + 5 * HOUR).toISOString());
      expect(second.observedAt).to.equal(new Date(T0 + 5 * HOUR).toISOString());
      stop.abort();
    });

    it('re-reads the base after reconnecting to a server that sends no ids (nothing to resume from)', async () => {
      const { base, calls } = memoryBase();
      const gate = gatedSleep();
      const source = live({ base, sleep: gate.sleep });
      const stop = new AbortController();
      const { results, listener } = recorder();
      await server.call('setMode', { ids: false });
      source.subscribe(seriesQuery, listener, { signal: stop.signal });
      await waitUntil(async () => results.length === 1 && (await server.call<number>('openCount')) === 1, 'connected');
      await push(points(3, 13));
      await waitUntil(() => results.length === 2, 'pushed point');
      expect(calls).to.deep.equal(['series']);
      await server.call('drop');
      await waitUntil(() => gate.delays.length === 1, 'waiting to reconnect');
      // Missed while away, and the server cannot replay it: only a re-read brings the base back.
      await push(points(4, 14));
      gate.release();
      await waitUntil(() => results.length === 3, 're-read after reconnecting');
      expect(calls).to.deep.equal(['series', 'series']);
      expect(lastValues(results)).to.deep.equal([10, 11, 12]);
      const seen = await connections();
      expect(seen).to.have.length(2);
      if (transport === 'sse') expect(seen[1]!.lastEventId).to.equal(null);
      else expect(seen[1]!.messages![0]).to.deep.equal({ type: 'subscribe', topics: ['environment.pm25'] });
      // Pushes after the re-read still arrive.
      await push(points(5, 15));
      await waitUntil(() => results.length === 4, 'push after re-read');
      expect(lastValues(results).at(-1)).to.equal(15);
      stop.abort();
    });

    it('keeps a point pushed while the re-read after a reconnect is still in flight', async () => {
      const { base, calls } = memoryBase();
      let releaseReRead: (() => void) | undefined;
      const held: DataSource = {
        ...base,
        query<Q extends Query>(query: Q): Promise<ResultFor<Q>> {
          const answer = base.query(query);
          if (calls.length < 2) return answer;
          return new Promise<void>((resolve) => (releaseReRead = resolve)).then(() => answer);
        },
      };
      const gate = gatedSleep();
      const source = live({ base: held, sleep: gate.sleep });
      const stop = new AbortController();
      const { results, listener } = recorder();
      await server.call('setMode', { ids: false });
      source.subscribe(seriesQuery, listener, { signal: stop.signal });
      await waitUntil(async () => results.length === 1 && (await server.call<number>('openCount')) === 1, 'connected');
      await server.call('drop');
      await waitUntil(() => gate.delays.length === 1, 'waiting to reconnect');
      gate.release();
      await waitUntil(async () => releaseReRead !== undefined && (await server.call<number>('openCount')) === 1, 're-read in flight');
      await push(points(4, 14));
      await waitUntil(() => results.length === 2, 'point on the old result');
      releaseReRead!();
      await waitUntil(() => results.length === 3, 're-read answered');
      const last = results[2] as SeriesResult;
      expect(Array.from(last.series[0]!.t).at(-1)).to.equal(T0 + 4 * HOUR);
      expect(lastValues(results).at(-1)).to.equal(14);
      stop.abort();
    });

    it('does not re-read the base after reconnecting to a server that sends ids (it resumes instead)', async () => {
      const { base, calls } = memoryBase();
      const gate = gatedSleep();
      const source = live({ base, sleep: gate.sleep });
      const stop = new AbortController();
      const { results, listener } = recorder();
      source.subscribe(seriesQuery, listener, { signal: stop.signal });
      await waitUntil(async () => results.length === 1 && (await server.call<number>('openCount')) === 1, 'connected');
      await push(points(3, 13));
      await waitUntil(() => results.length === 2, 'pushed point');
      await server.call('drop');
      await waitUntil(() => gate.delays.length === 1, 'waiting to reconnect');
      await push(points(4, 14));
      gate.release();
      await waitUntil(() => results.length === 3, 'resumed');
      expect(lastValues(results).at(-1)).to.equal(14);
      expect(calls).to.deep.equal(['series']);
      stop.abort();
    });

    it('closes the connection when the last subscription aborts, and stays quiet after', async () => {
      const { base } = memoryBase();
      const source = live({ base });
      const first = new AbortController();
      const second = new AbortController();
      const a = recorder();
      const b = recorder();
      source.subscribe(seriesQuery, a.listener, { signal: first.signal });
      source.subscribe(seriesQuery, b.listener, { signal: second.signal });
      await waitUntil(async () => a.results.length === 1 && b.results.length === 1 && (await server.call<number>('openCount')) === 1);
      first.abort();
      await push(points(3, 13));
      await waitUntil(() => b.results.length === 2);
      expect(a.results).to.have.length(1);
      second.abort();
      await waitUntil(async () => (await server.call<number>('openCount')) === 0, 'connection closed');
      expect(source.status.state).to.equal('closed');
      await push(points(4, 14));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(b.results).to.have.length(2);
    });

    it('gives up at once, with one clear error, when the address is wrong (404 / refused upgrade)', async () => {
      const { base } = memoryBase();
      const source = createLiveSource({ [transport]: endpoint('/nowhere'), base, heartbeatTimeoutMs: 0, sleep: () => Promise.resolve() });
      const stop = new AbortController();
      const { errors, listener } = recorder();
      source.subscribe(seriesQuery, listener, { signal: stop.signal });
      if (transport === 'sse') {
        await waitUntil(() => errors.length === 1 && source.status.state === 'closed');
        expect(errors[0]).to.be.instanceOf(HttpError);
        expect((errors[0] as HttpError).status).to.equal(404);
      } else {
        // A refused WebSocket upgrade looks like a network failure to the browser: it keeps trying, with backoff.
        await waitUntil(() => errors.length >= 2);
        expect(source.status.attempt).to.be.greaterThan(0);
      }
      stop.abort();
    });
  });
}

describe('createLiveSource configuration', () => {
  it('is available to markup as source="live" over the demo source', async () => {
    const server = await startTestServer(SERVER);
    try {
      registerSource('live');
      const source = await createSource('live', { sse: `${server.url}/events`, base: 'demo', now: '2026-11-24T10:00:00+07:00', heartbeatTimeout: '0' });
      const stop = new AbortController();
      const { results, listener } = recorder();
      source.subscribe!({ kind: 'kpi', indicator: 'environment.aqi', area: '90' }, listener, { signal: stop.signal });
      await waitUntil(async () => results.length === 1 && (await server.call<number>('openCount')) === 1);
      await server.call('push', { type: 'kpi', indicator: 'environment.aqi', area: '90', value: 123, observedAt: '2026-11-24T10:30:00+07:00' });
      await waitUntil(() => results.length === 2);
      expect((results[1] as KpiResult).value).to.equal(123);
      stop.abort();
    } finally {
      await server.stop();
    }
  });

  it('needs exactly one of sse or ws', () => {
    const { base } = memoryBase();
    expect(() => createLiveSource({ base })).to.throw(ConfigError);
    expect(() => createLiveSource({ base, sse: 'http://127.0.0.1:1/e', ws: 'ws://127.0.0.1:1/w' })).to.throw(ConfigError);
  });

  it('stops for good, quietly, when the SSE server answers 204 No Content', async () => {
    const server = await startTestServer(SERVER);
    try {
      await server.call('setMode', { failNext: 1, failStatus: 204 });
      const { base } = memoryBase();
      const source = createLiveSource({ base, sse: `${server.url}/events`, heartbeatTimeoutMs: 0, sleep: () => Promise.resolve() });
      const stop = new AbortController();
      const { results, errors, listener } = recorder();
      source.subscribe(seriesQuery, listener, { signal: stop.signal });
      await waitUntil(() => results.length === 1 && source.status.state === 'closed');
      expect(errors).to.deep.equal([]);
      expect((await server.call<unknown[]>('connections')).length).to.equal(1);
      stop.abort();
    } finally {
      await server.stop();
    }
  });

  it('rejects a stream that is not text/event-stream, once, without reconnecting', async () => {
    const server = await startTestServer(SERVER);
    try {
      await server.call('setMode', { contentType: 'text/html' });
      const { base } = memoryBase();
      const source = createLiveSource({ base, sse: `${server.url}/events`, heartbeatTimeoutMs: 0, sleep: () => Promise.resolve() });
      const stop = new AbortController();
      const { errors, listener } = recorder();
      source.subscribe(seriesQuery, listener, { signal: stop.signal });
      await waitUntil(() => errors.length === 1 && source.status.state === 'closed');
      expect(errors[0]).to.be.instanceOf(ValidationError);
      expect((await server.call<unknown[]>('connections')).length).to.equal(1);
      stop.abort();
    } finally {
      await server.stop();
    }
  });
});
