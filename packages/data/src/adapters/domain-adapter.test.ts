import { expect } from '@open-wc/testing';
import type { Area } from '../contract/areas.js';
import { AbortError, ConfigError, UnsupportedQueryError, ValidationError } from '../contract/errors.js';
import type { KpiResult } from '../contract/query.js';
import { defineDomainAdapter, type RecordRequest } from './domain-adapter.js';

/** What a city's own REST API might return: one row per station reading. */
interface Reading {
  station: string;
  commune: string;
  at: string;
  pm25?: number | string | null;
  crashes?: number;
}

const AREAS: Area[] = [
  { code: '10', level: 'province', name: { vi: 'Tỉnh Thử' } },
  { code: '10001', level: 'commune', name: { vi: 'Phường Một' }, parent: '10' },
  { code: '10002', level: 'commune', name: { vi: 'Xã Hai' }, parent: '10' },
];

const READINGS: Reading[] = [
  { station: 's1', commune: '10001', at: '2026-11-23T08:00:00+07:00', pm25: 40, crashes: 1 },
  { station: 's1', commune: '10001', at: '2026-11-24T08:00:00+07:00', pm25: '30', crashes: 2 },
  { station: 's1', commune: '10001', at: '2026-11-24T09:00:00+07:00', pm25: 50, crashes: 0 },
  { station: 's2', commune: '10002', at: '2026-11-24T08:00:00+07:00', pm25: null, crashes: 3 },
  { station: 's2', commune: '10002', at: '2026-11-24T10:00:00+07:00', pm25: 20, crashes: 1 },
  { station: 's2', commune: '10002', at: '2025-11-24T10:00:00+07:00', pm25: 99, crashes: 7 },
];

function cityAdapter(log: RecordRequest[] = []) {
  return defineDomainAdapter<Reading>({
    id: 'city',
    now: () => Date.parse('2026-11-24T12:00:00+07:00'),
    areas: AREAS,
    fetchRecords: (request) => {
      log.push(request);
      return Promise.resolve(READINGS);
    },
    indicators: {
      'environment.pm25': { from: 'air', map: (r) => ({ value: r.pm25, time: r.at, area: r.commune }) },
      'mobility.accidents': { from: 'traffic', map: (r) => ({ value: r.crashes, time: r.at, area: r.commune }) },
    },
  });
}

describe('defineDomainAdapter', () => {
  it('answers a KPI for a province from its communes, with the catalogue’s aggregation', async () => {
    const log: RecordRequest[] = [];
    const source = cityAdapter(log);
    const crashes = await source.query({ kind: 'kpi', indicator: 'mobility.accidents', area: '10' });
    // Accidents add up over time and areas: today 2 + 0 + 3 + 1.
    expect(crashes).to.deep.include({ value: 6, previous: 1, sameLastYear: 7, partial: false });
    expect(crashes.unit.code).to.equal('{accident}');
    expect(crashes.observedAt).to.equal('2026-11-24T03:00:00.000Z');
    const pm = await source.query({ kind: 'kpi', indicator: 'environment.pm25', area: '10' });
    // PM2.5 is a mean over time per commune (40 and 20), then a mean over communes; null was a gap.
    expect(pm.value).to.equal(30);
    expect(log[0]).to.deep.include({ from: 'traffic', indicator: 'mobility.accidents', kind: 'kpi', areas: ['10'] });
  });

  it('answers series per area, re-grained, with NaN for periods without data', async () => {
    const series = await cityAdapter().query({ kind: 'series', indicator: 'mobility.accidents', areas: ['10001', '10'], grain: 'day', from: '2026-11-22T00:00:00+07:00', to: '2026-11-25T00:00:00+07:00' });
    expect(series.series.map((s) => s.area)).to.deep.equal(['10001', '10']);
    const commune = [...series.series[0]!.v];
    expect(commune[0]).to.be.NaN;
    expect(commune.slice(1)).to.deep.equal([1, 2]);
    expect([...series.series[1]!.v].slice(1)).to.deep.equal([1, 6]);
  });

  it('answers by-area rows for the areas at a level', async () => {
    const result = await cityAdapter().query({ kind: 'by-area', indicator: 'environment.pm25', level: 'commune', parent: '10' });
    expect(result.rows.map((r) => [r.area, r.value])).to.deep.equal([
      ['10001', 40],
      ['10002', 20],
    ]);
  });

  it('reports a bad payload as a ValidationError that names the record and field', async () => {
    const source = defineDomainAdapter<{ v: unknown }>({
      id: 'broken',
      fetchRecords: () => Promise.resolve([{ v: 1 }, { v: { nested: true } }]),
      indicators: { 'environment.pm25': { from: 'x', map: (r) => ({ value: r.v, area: '10' }) } },
    });
    const error = await source.query({ kind: 'kpi', indicator: 'environment.pm25', area: '10' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).path).to.equal('broken.environment.pm25[1].value');
    const notAList = defineDomainAdapter({ id: 'odd', fetchRecords: () => Promise.resolve({ nope: 1 } as never), indicators: { 'environment.pm25': { from: 'x', map: () => undefined } } });
    expect(await notAList.query({ kind: 'kpi', indicator: 'environment.pm25', area: '10' }).catch((e: unknown) => e)).to.be.instanceOf(ValidationError);
  });

  it('refuses indicators outside the catalogue unless defined, and queries it cannot answer', async () => {
    expect(() => defineDomainAdapter({ id: 'x', fetchRecords: () => Promise.resolve([]), indicators: { 'economy.unknown-thing': { from: 'x', map: () => undefined } } })).to.throw(ConfigError);
    const error = await cityAdapter().query({ kind: 'kpi', indicator: 'environment.wqi', area: '10' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(UnsupportedQueryError);
    expect(await cityAdapter().query({ kind: 'alerts' }).catch((e: unknown) => e)).to.be.instanceOf(UnsupportedQueryError);
  });

  it('maps alerts through validateAlert and filters them', async () => {
    const source = defineDomainAdapter<Record<string, unknown>>({
      id: 'alarms',
      domain: 'environment',
      areas: AREAS,
      fetchRecords: () =>
        Promise.resolve([
          { id: 'a1', severity: 'critical', dateIssued: '2026-11-24T08:00:00+07:00', area: '10001', title: 'Ngập sâu' },
          { id: 'a2', severity: 'low', dateIssued: '2026-11-24T09:00:00+07:00', area: '10002' },
          { id: 'a3', severity: 'high', dateIssued: '2026-11-20T09:00:00+07:00', area: '10002', status: 'resolved', validTo: '2026-11-20T12:00:00+07:00' },
        ]),
      indicators: {},
      alerts: { from: 'Alert', map: (r) => r },
    });
    const all = await source.query({ kind: 'alerts' });
    expect(all.alerts.map((a) => a.id)).to.deep.equal(['a2', 'a1', 'a3']);
    expect(all.alerts[0]?.domain).to.equal('environment');
    const severe = await source.query({ kind: 'alerts', minSeverity: 'high', status: ['open'], area: '10' });
    expect(severe.alerts.map((a) => a.id)).to.deep.equal(['a1']);
    const recent = await source.query({ kind: 'alerts', from: '2026-11-23T00:00:00+07:00', limit: 1 });
    expect(recent.alerts.map((a) => a.id)).to.deep.equal(['a2']);
  });

  it('passes the abort signal to the fetcher and rejects with AbortError', async () => {
    const controller = new AbortController();
    const source = defineDomainAdapter({
      id: 'slow',
      fetchRecords: (_request, { signal }) =>
        new Promise<never>((_resolve, reject) => signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      indicators: { 'environment.pm25': { from: 'x', map: () => undefined } },
    });
    const pending = source.query({ kind: 'kpi', indicator: 'environment.pm25', area: '10' }, { signal: controller.signal });
    controller.abort();
    expect(await pending.catch((e: unknown) => e)).to.be.instanceOf(AbortError);
  });

  it('re-runs a subscribed query when the watcher says records changed', async () => {
    let notify: () => void = () => undefined;
    let value = 1;
    const source = defineDomainAdapter<{ v: number }>({
      id: 'live',
      now: () => Date.parse('2026-11-24T12:00:00+07:00'),
      fetchRecords: () => Promise.resolve([{ v: value }]),
      watch: (_request, onChange) => (notify = onChange),
      indicators: { 'environment.pm25': { from: 'x', map: (r) => ({ value: r.v, area: '10' }) } },
    });
    const results: (KpiResult | undefined)[] = [];
    source.subscribe?.({ kind: 'kpi', indicator: 'environment.pm25', area: '10' }, (result) => results.push(result));
    value = 42;
    notify();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(results.map((r) => r?.value)).to.deep.equal([42]);
  });
});
