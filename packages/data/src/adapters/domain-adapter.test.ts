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

  it('reads a value that is not a number as a gap, with a warning naming the record and field; only an unusable answer rejects', async () => {
    const source = defineDomainAdapter<{ v: unknown }>({
      id: 'broken',
      now: () => Date.parse('2026-11-24T12:00:00+07:00'),
      fetchRecords: () => Promise.resolve([{ v: 1 }, { v: { nested: true } }, { v: 'NaN' }, { v: 3 }]),
      indicators: { 'environment.pm25': { from: 'x', map: (r) => ({ value: r.v, area: '10' }) } },
    });
    const result = await source.query({ kind: 'kpi', indicator: 'environment.pm25', area: '10' });
    // The two good values still count (mean 2); the bad ones are gaps, and the result says so.
    expect(result.value).to.equal(2);
    expect(result.partial).to.equal(true);
    expect(result.warnings).to.deep.equal([
      { code: 'invalid-value', entity: 'broken.environment.pm25[1]', field: 'value', count: 1, message: 'broken.environment.pm25[1] value: an object is not a number; read as a gap' },
      { code: 'invalid-value', entity: 'broken.environment.pm25[2]', field: 'value', count: 1, message: 'broken.environment.pm25[2] value: "NaN" is not a number; read as a gap' },
    ]);
    const notAList = defineDomainAdapter({ id: 'odd', fetchRecords: () => Promise.resolve({ nope: 1 } as never), indicators: { 'environment.pm25': { from: 'x', map: () => undefined } } });
    expect(await notAList.query({ kind: 'kpi', indicator: 'environment.pm25', area: '10' }).catch((e: unknown) => e)).to.be.instanceOf(ValidationError);
  });

  it('skips a record whose time or area cannot be read, or whose map throws ValidationError, and counts it', async () => {
    const at = '2026-11-24T08:00:00+07:00';
    const rows: { v: unknown; at: unknown; area: unknown; throws?: boolean }[] = [
      { v: 10, at, area: '10001' },
      { v: 20, at: 'yesterday-ish', area: '10001' },
      { v: 30, at, area: { code: '10001' } },
      { v: 40, at, area: '10002', throws: true },
      { v: 50, at, area: '10002' },
      { v: 5000, at, area: '10002', field: 'pm25' } as never,
    ];
    const source = defineDomainAdapter<(typeof rows)[number] & { field?: string }>({
      id: 'city',
      now: () => Date.parse('2026-11-24T12:00:00+07:00'),
      areas: AREAS,
      fetchRecords: () => Promise.resolve(rows),
      indicators: {
        'environment.pm25': {
          from: 'x',
          map: (r, _request, warn) => {
            if (r.throws) throw new ValidationError('row.v', 'the station was in maintenance');
            if (r.field) warn({ code: 'invalid-record', entity: 'station-9', message: 'station-9: a note from map' });
            return { value: r.v, time: r.at, area: r.area, ...(r.field ? { entity: 'station-9', field: r.field } : {}) };
          },
        },
      },
    });
    const result = await source.query({ kind: 'by-area', indicator: 'environment.pm25', level: 'commune', parent: '10' });
    expect(result.rows.map((row) => [row.area, row.value])).to.deep.equal([
      ['10001', 10],
      ['10002', 50],
    ]);
    expect(result.partial).to.equal(true);
    expect(result.warnings?.map((w) => [w.code, w.entity, w.field])).to.deep.equal([
      ['invalid-time', 'city.environment.pm25[1]', 'time'],
      ['missing-area', 'city.environment.pm25[2]', 'area'],
      ['invalid-record', 'city.environment.pm25[3]', 'row.v'],
      ['invalid-record', 'station-9', undefined],
      ['out-of-range', 'station-9', 'pm25'],
    ]);
    expect(result.warnings?.[0]?.message).to.equal('city.environment.pm25[1]: the time "yesterday-ish" cannot be read; skipped');
    expect(result.warnings?.[4]?.message).to.match(/^station-9 pm25: 5000 is outside the plausible range of environment\.pm25 \(0 to \d+\); read as a gap$/);
  });

  it('counts a bad value once in a KPI whose three periods read the same records', async () => {
    const source = defineDomainAdapter<{ v: unknown }>({
      id: 'same',
      now: () => Date.parse('2026-11-24T12:00:00+07:00'),
      fetchRecords: () => Promise.resolve([{ v: 'n/a' }, { v: 7 }]),
      indicators: { 'environment.pm25': { from: 'x', map: (r) => ({ value: r.v, area: '10', entity: 'station-1', field: 'pm25' }) } },
    });
    const result = await source.query({ kind: 'kpi', indicator: 'environment.pm25', area: '10' });
    expect(result.value).to.equal(7);
    expect(result.warnings).to.deep.equal([{ code: 'invalid-value', entity: 'station-1', field: 'pm25', count: 1, message: 'station-1 pm25: "n/a" is not a number; read as a gap' }]);
  });

  it('leaves out an alert that validateAlert refuses, naming it by its id, and keeps the others', async () => {
    const source = defineDomainAdapter<Record<string, unknown>>({
      id: 'alarms',
      domain: 'environment',
      fetchRecords: () =>
        Promise.resolve([
          { id: 'a1', severity: 'critical', dateIssued: '2026-11-24T08:00:00+07:00' },
          { id: 'a2', severity: 'apocalyptic', dateIssued: '2026-11-24T09:00:00+07:00' },
          { severity: 'low' },
        ]),
      indicators: {},
      alerts: { from: 'Alert', map: (r) => r },
    });
    const result = await source.query({ kind: 'alerts' });
    expect(result.alerts.map((a) => a.id)).to.deep.equal(['a1']);
    expect(result.partial).to.equal(true);
    expect(result.warnings?.map((w) => [w.code, w.entity, w.field])).to.deep.equal([
      ['invalid-record', 'a2', 'alarms.alerts[1].severity'],
      ['invalid-record', 'alarms.alerts[2]', 'alarms.alerts[2].start'],
    ]);
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
