import { expect, waitUntil } from '@open-wc/testing';
import { HttpError, UnsupportedQueryError } from '../contract/errors.js';
import type { KpiQuery } from '../contract/query.js';
import type { DataSource } from '../contract/source.js';
import { followQuery } from '../refresh/follow.js';
import { attachPolling } from '../refresh/polling.js';
import { composeSources } from './compose.js';
import { defineDomainAdapter } from './domain-adapter.js';

const now = () => Date.parse('2026-11-24T12:00:00+07:00');

const air = defineDomainAdapter<number>({
  id: 'air',
  now,
  areas: [{ code: '10', level: 'province', name: { vi: 'Tỉnh Thử' } }],
  fetchRecords: () => Promise.resolve([35]),
  indicators: { 'environment.pm25': { from: 'x', map: (v) => ({ value: v, area: '10' }) } },
  alerts: { from: 'a', map: () => ({ id: 'air-1', severity: 'high', domain: 'environment', start: '2026-11-24T08:00:00+07:00' }) },
});
const traffic = defineDomainAdapter<number>({
  id: 'traffic',
  now,
  areas: [
    { code: '10', level: 'province', name: { vi: 'Tỉnh Thử (bản khác)' } },
    { code: '10001', level: 'commune', name: { vi: 'Phường Một' }, parent: '10' },
  ],
  fetchRecords: () => Promise.resolve([4]),
  indicators: {
    'mobility.accidents': { from: 'x', map: (v) => ({ value: v, area: '10' }) },
    'environment.pm25': { from: 'x', map: () => ({ value: 999, area: '10' }) },
  },
  alerts: { from: 'a', map: () => ({ id: 'traffic-1', severity: 'medium', domain: 'mobility', start: '2026-11-24T09:00:00+07:00' }) },
});
const broken: DataSource = {
  id: 'broken',
  supports: ['alerts'],
  indicators: () => Promise.reject(new HttpError('https://x.example/indicators', 500)),
  areas: () => Promise.reject(new HttpError('https://x.example/areas', 500)),
  boundaries: () => Promise.reject(new HttpError('https://x.example/b', 500)),
  query: () => Promise.reject(new HttpError('https://x.example/alerts', 503)),
};

describe('composeSources', () => {
  it('routes each indicator to the first source that lists it', async () => {
    const province = composeSources([air, traffic]);
    expect((await province.query({ kind: 'kpi', indicator: 'environment.pm25', area: '10' })).value).to.equal(35);
    expect((await province.query({ kind: 'kpi', indicator: 'mobility.accidents', area: '10' })).value).to.equal(4);
    expect((await province.indicators()).map((i) => i.id)).to.deep.equal(['environment.pm25', 'mobility.accidents']);
    const error = await province.query({ kind: 'kpi', indicator: 'living.electricity', area: '10' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(UnsupportedQueryError);
  });

  it('merges areas (first source wins) and alerts from every source, newest first', async () => {
    const province = composeSources([air, traffic]);
    const areas = await province.areas({});
    expect(areas.map((a) => [a.code, a.name.vi])).to.deep.equal([
      ['10', 'Tỉnh Thử'],
      ['10001', 'Phường Một'],
    ]);
    const alerts = await province.query({ kind: 'alerts' });
    expect(alerts.alerts.map((a) => a.id)).to.deep.equal(['traffic-1', 'air-1']);
    expect(alerts.partial).to.be.false;
  });

  it('keeps working when one source fails, and says the result is partial', async () => {
    const province = composeSources([broken, air]);
    expect((await province.query({ kind: 'kpi', indicator: 'environment.pm25', area: '10' })).value).to.equal(35);
    const alerts = await province.query({ kind: 'alerts' });
    expect(alerts.alerts.map((a) => a.id)).to.deep.equal(['air-1']);
    expect(alerts.partial).to.be.true;
    expect((await province.areas({})).length).to.equal(1);
    // When every source fails, the error is the first one's.
    expect(await composeSources([broken]).query({ kind: 'alerts' }).catch((e: unknown) => e)).to.be.instanceOf(HttpError);
  });
});

describe('composeSources carries warnings', () => {
  const noisy = defineDomainAdapter<unknown>({
    id: 'noisy',
    now,
    fetchRecords: () => Promise.resolve({ records: ['NaN', 12], warnings: [{ code: 'invalid-record', entity: 'urn:x', count: 1, message: 'urn:x: not an entity; skipped' }] }),
    indicators: { 'environment.pm25': { from: 'x', map: (v) => ({ value: v, area: '10', entity: 'urn:s', field: 'pm25' }) } },
    alerts: { from: 'a', map: (v) => (v === 12 ? { id: 'noisy-1', severity: 'low', domain: 'environment', start: '2026-11-24T07:00:00+07:00' } : { id: 'noisy-bad', severity: 'huge', domain: 'environment', start: '2026-11-24T07:00:00+07:00' }) },
  });

  it('passes a routed query’s warnings through, merges alert warnings and names a source that failed', async () => {
    const province = composeSources([noisy, broken, air]);
    const kpi = await province.query({ kind: 'kpi', indicator: 'environment.pm25', area: '10' });
    expect(kpi.value).to.equal(12);
    expect(kpi.partial).to.equal(true);
    expect(kpi.warnings?.map((w) => [w.code, w.entity])).to.deep.equal([
      ['invalid-record', 'urn:x'],
      ['invalid-value', 'urn:s'],
    ]);
    const alerts = await province.query({ kind: 'alerts' });
    expect(alerts.alerts.map((a) => a.id)).to.deep.equal(['air-1', 'noisy-1']);
    expect(alerts.partial).to.equal(true);
    expect(alerts.warnings?.map((w) => [w.code, w.entity])).to.deep.equal([
      ['invalid-record', 'urn:x'],
      ['invalid-record', 'noisy-bad'],
      ['source-failed', 'broken'],
    ]);
    expect(alerts.warnings?.[2]?.message).to.contain('broken: https://x.example/alerts answered 503').and.contain('its alerts are missing');
  });
});

describe('composeSources follows a query with one first request', () => {
  /** A polling source (attachPolling) that counts its requests. */
  function counted(id: string, extra: Partial<DataSource> = {}) {
    const asked: string[] = [];
    const base = defineDomainAdapter<number>({
      id,
      now,
      areas: [{ code: '10', level: 'province', name: { vi: 'Tỉnh Thử' } }],
      fetchRecords: () => {
        asked.push(id);
        return Promise.resolve([35]);
      },
      indicators: id === 'air' ? { 'environment.pm25': { from: 'x', map: (v) => ({ value: v, area: '10' }) } } : { 'mobility.accidents': { from: 'x', map: (v) => ({ value: v, area: '10' }) } },
    });
    return { source: attachPolling({ ...base, ...extra }), asked };
  }
  const kpi: KpiQuery = { kind: 'kpi', indicator: 'environment.pm25', area: '10' };
  // A KPI reads three periods: one request is three fetches.
  const perRequest = 3;

  async function followOnce(source: DataSource): Promise<void> {
    const controller = new AbortController();
    const updates: unknown[] = [];
    followQuery(source, kpi, (update) => updates.push(update), { signal: controller.signal, intervalMs: 60_000 });
    await waitUntil(() => updates.length > 0, 'no first result');
    // Time for a second, unwanted request to be made.
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
  }

  it('when every part only polls', async () => {
    const air = counted('air');
    const traffic = counted('traffic');
    await followOnce(composeSources([air.source, traffic.source]));
    expect(air.asked).to.have.length(perRequest);
  });

  it('when another part pushes', async () => {
    const air = counted('air');
    const pushing = counted('traffic', { subscribe: () => undefined });
    await followOnce(composeSources([air.source, pushing.source]));
    expect(air.asked).to.have.length(perRequest);
  });
});

describe('composeSources keeps the areas its parts resolved', () => {
  it('on routed results and on merged alerts', async () => {
    const province = composeSources([air, traffic]);
    const kpi = await province.query({ kind: 'kpi', indicator: 'mobility.accidents', area: '10' });
    expect(kpi.areas?.map((a) => [a.code, a.name.vi])).to.deep.equal([['10', 'Tỉnh Thử (bản khác)']]);
    const placed = defineDomainAdapter<number>({
      id: 'placed',
      now,
      areas: [{ code: '10001', level: 'commune', name: { vi: 'Phường Một' }, parent: '10' }],
      fetchRecords: () => Promise.resolve([1]),
      indicators: {},
      alerts: { from: 'a', map: () => ({ id: 'placed-1', severity: 'low', domain: 'environment', area: '10001', start: '2026-11-24T07:00:00+07:00' }) },
    });
    const alerts = await composeSources([air, placed]).query({ kind: 'alerts' });
    expect(alerts.alerts.map((a) => a.id)).to.deep.equal(['air-1', 'placed-1']);
    expect(alerts.areas?.map((a) => a.code)).to.deep.equal(['10001']);
  });
});
