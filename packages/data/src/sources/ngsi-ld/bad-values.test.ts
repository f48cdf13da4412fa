/**
 * One bad reading never wipes out the others: against the test broker on 127.0.0.1, entities
 * with "NaN", "n/a", objects, null, unreadable times and broken entities among good ones. The
 * good stations keep their values; the result is `partial` and its `warnings` name the entities
 * and attributes, aggregated and capped.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../../../../../tests/support/server.js';
import type { Area } from '../../contract/areas.js';
import type { ByAreaResult, KpiResult, SeriesResult } from '../../contract/query.js';
import { MAX_WARNINGS } from '../../contract/warnings.js';
import { HttpClient } from '../../internal/http.js';
import { createNgsiLdSource, type NgsiLdSourceOptions } from './ngsi-ld-source.js';

const SERVER = 'packages/data/src/sources/ngsi-ld/ngsi-ld.test-server.mjs';
const AT = '2026-11-24T12:00:00+07:00';
const OBSERVED = '2026-11-24T03:00:00Z';
const STATIONS = 12;

const code = (i: number) => `270${String(i + 1).padStart(2, '0')}`;
const AREAS: Area[] = [
  { code: '27', level: 'province', name: { vi: 'Tỉnh Bắc Ninh' } },
  ...Array.from({ length: STATIONS }, (_, i): Area => ({ code: code(i), level: 'commune', parent: '27', name: { vi: `Xã ${i + 1}` } })),
];
const id = (i: number) => `urn:ngsi-ld:AirQualityObserved:BN-${String(i + 1).padStart(2, '0')}`;

/** A normalized AirQualityObserved of station `i` with `pm25` = `value` (20 + i by default). */
function station(i: number, pm25: unknown = { type: 'Property', value: 20 + i, unitCode: 'GQ' }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: id(i),
    type: 'AirQualityObserved',
    dateObserved: { type: 'Property', value: OBSERVED },
    areaCode: { type: 'Property', value: code(i) },
    pm25,
    ...extra,
  };
}

const byArea = { kind: 'by-area' as const, indicator: 'environment.pm25' as const, level: 'commune' as const, parent: '27', grain: 'day' as const, at: AT };

describe('NGSI-LD: one bad reading never wipes out the others', function () {
  let server: TestServer;
  const source = (extra: Partial<NgsiLdSourceOptions> = {}) =>
    createNgsiLdSource({
      baseUrl: server.url,
      types: ['AirQualityObserved'],
      temporal: false,
      areas: AREAS,
      now: () => Date.parse(AT),
      http: new HttpClient({ retries: 0, sleep: () => Promise.resolve() }),
      ...extra,
    });
  const serve = (entities: unknown[], pageSize = 100) => server.call('serveLinkPaged', entities, pageSize);

  before(async () => {
    server = await startTestServer(SERVER);
  });
  after(async () => {
    await server.stop();
  });
  beforeEach(async () => {
    await server.call('reset');
  });

  it('a by-area map over many stations keeps every good station when some send "NaN", "n/a", an object, null or an unreadable time', async () => {
    const entities: unknown[] = Array.from({ length: STATIONS }, (_, i) => station(i));
    entities[2] = station(2, { type: 'Property', value: 'NaN', unitCode: 'GQ' });
    entities[4] = station(4, { type: 'Property', value: 'n/a' });
    entities[6] = station(6, { type: 'Property', value: { amount: 27 } });
    entities[7] = station(7, { type: 'Property', value: null });
    entities[8] = station(8, { type: 'Property', value: 28, observedAt: 'hôm qua' });
    entities[9] = station(9, { type: 'Property', value: '1e999' });
    // Not entities at all, among the others: skipped and named.
    entities.push(42, { type: 'AirQualityObserved', pm25: 5 });
    await serve(entities, 5);
    const result: ByAreaResult = await source().query(byArea);
    const rows = Object.fromEntries(result.rows.map((row) => [row.area, row.value]));
    const bad = new Set([2, 4, 6, 7, 8, 9]);
    for (let i = 0; i < STATIONS; i++) expect(rows[code(i)], code(i)).to.equal(bad.has(i) ? null : 20 + i);
    expect(result.partial).to.equal(true);
    expect(result.warnings).to.deep.equal([
      { code: 'invalid-time', entity: id(8), field: 'pm25', count: 1, message: `${id(8)} pm25: the time "hôm qua" cannot be read; this value is skipped` },
      { code: 'invalid-record', entity: 'entities(page 3)[2]', count: 1, message: 'entities(page 3)[2]: expected an NGSI-LD entity object, got 42; this entity is skipped' },
      { code: 'invalid-record', entity: 'entities(page 3)[3]', count: 1, message: 'entities(page 3)[3]: an entity needs an id, got undefined; this entity is skipped' },
      { code: 'invalid-value', entity: id(2), field: 'pm25', count: 1, message: `${id(2)} pm25: "NaN" is not a number; read as a gap` },
      { code: 'invalid-value', entity: id(4), field: 'pm25', count: 1, message: `${id(4)} pm25: "n/a" is not a number; read as a gap` },
      { code: 'invalid-value', entity: id(6), field: 'pm25', count: 1, message: `${id(6)} pm25: an object is not a number; read as a gap` },
      { code: 'invalid-value', entity: id(7), field: 'pm25', count: 1, message: `${id(7)} pm25: null is not a number; read as a gap` },
      { code: 'invalid-value', entity: id(9), field: 'pm25', count: 1, message: `${id(9)} pm25: "1e999" is not a number; read as a gap` },
    ]);
  });

  it('keyValues entities and a KPI over the province: the mean of the good stations, partial, the bad ones named', async () => {
    const entities = Array.from({ length: STATIONS }, (_, i) => ({ id: id(i), type: 'AirQualityObserved', dateObserved: OBSERVED, areaCode: code(i), pm25: i === 3 ? 'NaN' : i === 5 ? { value: 1 } : 20 + i }));
    await serve(entities);
    const result: KpiResult = await source({ keyValues: true }).query({ kind: 'kpi', indicator: 'environment.pm25', area: '27', grain: 'day', at: AT });
    const good = Array.from({ length: STATIONS }, (_, i) => i).filter((i) => i !== 3 && i !== 5);
    expect(result.value).to.be.closeTo(good.reduce((sum, i) => sum + 20 + i, 0) / good.length, 1e-9);
    expect(result.partial).to.equal(true);
    // The KPI reads the same current state for its three periods: each bad value is counted once.
    expect(result.warnings?.map((w) => [w.code, w.entity, w.field, w.count])).to.deep.equal([
      ['invalid-value', id(3), 'pm25', 1],
      ['invalid-value', id(5), 'pm25', 1],
    ]);
  });

  it('a series from the temporal API: bad values are gaps, pairs without a time are skipped, each counted per entity and attribute', async () => {
    const hour = (h: number) => `2026-11-24T${String(h).padStart(2, '0')}:00:00Z`;
    await server.call('servePages', {
      '': {
        body: [
          {
            id: id(0),
            type: 'AirQualityObserved',
            areaCode: { type: 'Property', value: code(0) },
            pm25: { type: 'Property', values: [[10, hour(0)], ['NaN', hour(1)], [12, hour(2)], [13, null], ['n/a', hour(4)], [15, 'not a time'], [16, hour(6)], [{ v: 1 }, hour(7)], ['NaN', hour(8)], ['NaN', hour(9)]] },
          },
          {
            id: id(1),
            type: 'AirQualityObserved',
            areaCode: { type: 'Property', value: code(1) },
            pm25: [
              { type: 'Property', value: 30, observedAt: hour(0) },
              { type: 'Property', value: 'NaN', observedAt: hour(1) },
              { type: 'Property', value: 32, observedAt: hour(2) },
            ],
          },
        ],
      },
    });
    const result: SeriesResult = await source({ temporal: true }).query({ kind: 'series', indicator: 'environment.pm25', areas: [code(0), code(1)], grain: 'hour', from: hour(0), to: hour(10) });
    const [first, second] = result.series;
    expect(Array.from(first!.v)).to.deep.equal([10, Number.NaN, 12, Number.NaN, Number.NaN, Number.NaN, 16, Number.NaN, Number.NaN, Number.NaN]);
    expect(Array.from(second!.v).slice(0, 3)).to.deep.equal([30, Number.NaN, 32]);
    expect(result.partial).to.equal(true);
    expect(result.warnings).to.deep.equal([
      { code: 'missing-time', entity: id(0), field: 'pm25', count: 1, message: `${id(0)} pm25: a temporal value has no time; this value is skipped` },
      { code: 'invalid-time', entity: id(0), field: 'pm25', count: 1, message: `${id(0)} pm25: the time "not a time" cannot be read; this value is skipped` },
      { code: 'invalid-value', entity: id(0), field: 'pm25', count: 5, message: `${id(0)} pm25: "NaN" is not a number; read as a gap` },
      { code: 'invalid-value', entity: id(1), field: 'pm25', count: 1, message: `${id(1)} pm25: "NaN" is not a number; read as a gap` },
    ]);
  });

  it('a unit that cannot be converted and an unreadable dateObserved cost only their own station', async () => {
    const entities: unknown[] = Array.from({ length: 4 }, (_, i) => station(i));
    entities[1] = station(1, { type: 'Property', value: 20, unitCode: 'CEL' });
    entities[2] = station(2, undefined, { dateObserved: { type: 'Property', value: '31/02/2026' } });
    entities[3] = station(3, undefined, { dateObservedTo: { type: 'Property', value: 'chiều nay' } });
    await serve(entities);
    const result: ByAreaResult = await source().query(byArea);
    expect(result.rows.slice(0, 4).map((row) => row.value)).to.deep.equal([20, null, null, 23]);
    expect(result.warnings?.map((w) => [w.code, w.entity, w.field])).to.deep.equal([
      ['invalid-unit', id(1), 'pm25'],
      ['invalid-time', id(2), 'dateObserved'],
      ['invalid-time', id(3), 'dateObservedTo'],
    ]);
    expect(result.warnings?.[0]?.message).to.equal(`${id(1)} pm25: unit "CEL" cannot be converted to GQ; read as a gap`);
    expect(result.warnings?.[1]?.message).to.equal(`${id(2)} dateObserved: "31/02/2026" is not a date-time; the values it dates are skipped`);
    expect(result.warnings?.[2]?.message).to.equal(`${id(3)} dateObservedTo: "chiều nay" is not a date-time; dateObserved is used instead`);
  });

  it('a station without an area code is not credited to the first commune of a map: skipped, and said', async () => {
    const entities = [station(0), { ...station(1), areaCode: undefined }, station(2)];
    await serve(entities);
    const result: ByAreaResult = await source().query(byArea);
    expect(result.rows.slice(0, 3).map((row) => row.value)).to.deep.equal([20, null, 22]);
    expect(result.warnings).to.deep.equal([
      { code: 'missing-area', entity: id(1), field: 'area', count: 1, message: `${id(1)}: no area code, so it cannot be placed on a map of several areas; skipped` },
    ]);
    // A KPI for one area still takes it (a single-area broker names no area).
    const kpi: KpiResult = await source().query({ kind: 'kpi', indicator: 'environment.pm25', area: code(0), grain: 'day', at: AT });
    expect(kpi.value).to.equal(20.5);
  });

  it('caps the warnings: sixty bad stations make twenty entries, the last one counting the rest', async () => {
    const entities = Array.from({ length: 61 }, (_, i) => ({ id: `urn:ngsi-ld:AirQualityObserved:X-${i}`, type: 'AirQualityObserved', dateObserved: OBSERVED, areaCode: code(0), pm25: i === 60 ? 42 : 'NaN' }));
    await serve(entities);
    const result: ByAreaResult = await source({ keyValues: true }).query(byArea);
    expect(result.rows.find((row) => row.area === code(0))?.value).to.equal(42);
    expect(result.warnings).to.have.length(MAX_WARNINGS);
    expect(result.warnings!.slice(0, 19).map((w) => w.entity)).to.deep.equal(Array.from({ length: 19 }, (_, i) => `urn:ngsi-ld:AirQualityObserved:X-${i}`));
    expect(result.warnings![19]).to.deep.include({ code: 'more', count: 41 });
  });

  it('an Alert that cannot be read is left out, named by its id; the others are kept', async () => {
    await serve([
      { id: 'urn:ngsi-ld:Alert:1', type: 'Alert', severity: 'high', category: 'traffic', dateIssued: '2026-11-24T01:00:00Z' },
      { id: 'urn:ngsi-ld:Alert:2', type: 'Alert', severity: 'apocalyptic', category: 'traffic', dateIssued: '2026-11-24T02:00:00Z' },
      { id: 'urn:ngsi-ld:Alert:3', type: 'Alert', severity: 'low', category: 'weather', dateIssued: 'sáng nay' },
    ]);
    const result = await source({ types: ['Alert'], keyValues: true }).query({ kind: 'alerts' });
    expect(result.alerts.map((alert) => alert.id)).to.deep.equal(['urn:ngsi-ld:Alert:1']);
    expect(result.partial).to.equal(true);
    expect(result.warnings?.map((w) => [w.code, w.entity, w.field])).to.deep.equal([
      ['invalid-record', 'urn:ngsi-ld:Alert:2', 'severity'],
      ['invalid-record', 'urn:ngsi-ld:Alert:3', 'dateIssued'],
    ]);
  });

  it('a body that is not entities at all is still an error', async () => {
    await server.call('servePages', { '': { body: { nope: true } } });
    const error = await source({ temporal: true })
      .query({ kind: 'series', indicator: 'environment.pm25', areas: [code(0)], grain: 'hour', from: '2026-11-24T00:00:00Z', to: '2026-11-24T02:00:00Z' })
      .then(() => undefined, (e: unknown) => e);
    expect((error as { code?: string }).code).to.equal('validation');
  });

  it('any mix of bad values never rejects a by-area or KPI query, nor yields a non-finite value (property)', async () => {
    const bad = fc.constantFrom<unknown>('NaN', 'n/a', '-', 'Infinity', '1e999', '', '<script>alert(1)</script>', null, true, false, {}, { value: 3 }, [], [1, 2], 'urn:ngsi-ld:null', '35,2', '1.234,5', 40);
    const time = fc.oneof(fc.constant(OBSERVED), fc.constantFrom<unknown>('hôm qua', '2026-02-30T00:00:00Z', 12, null, '', { '@value': OBSERVED }, '2026-11-24T02:00:00Z/2026-11-24T03:00:00Z'));
    const pm25 = fc.oneof(
      bad,
      fc.double({ noNaN: false }),
      fc.record({ type: fc.constant('Property'), value: bad, unitCode: fc.constantFrom<unknown>('GQ', 'GP', 'CEL', 7, undefined), observedAt: fc.option(time, { nil: undefined }) }, { requiredKeys: ['type', 'value'] }),
      fc.array(fc.record({ type: fc.constant('Property'), value: bad, observedAt: time }), { maxLength: 3 }),
    );
    const entity = fc.oneof(
      fc.record({
        id: fc.integer({ min: 0, max: 40 }).map((n) => `urn:ngsi-ld:AirQualityObserved:P-${n}`),
        type: fc.constant('AirQualityObserved'),
        areaCode: fc.constantFrom<unknown>(code(0), code(1), code(2), '27', 99, null, { x: 1 }),
        dateObserved: time,
        pm25,
      }),
      fc.constantFrom<unknown>(42, null, 'text', [], { type: 'AirQualityObserved' }, { id: 'urn:x' }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(entity, { maxLength: 8 }), async (entities) => {
        await serve(entities);
        const src = source();
        const map: ByAreaResult = await src.query(byArea);
        for (const row of map.rows) if (row.value !== null) expect(Number.isFinite(row.value), JSON.stringify(row)).to.equal(true);
        if (map.warnings) expect(map.partial).to.equal(true);
        expect(map.warnings?.length ?? 0).to.be.at.most(MAX_WARNINGS);
        const kpi: KpiResult = await src.query({ kind: 'kpi', indicator: 'environment.pm25', area: '27', grain: 'day', at: AT });
        for (const value of [kpi.value, kpi.previous, kpi.sameLastYear]) if (value !== null && value !== undefined) expect(Number.isFinite(value)).to.equal(true);
      }),
      { numRuns: 40 },
    );
  });
});
