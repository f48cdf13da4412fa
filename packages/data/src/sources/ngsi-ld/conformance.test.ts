/**
 * Conformance: every public fixture under ../shared/fixtures/{sdm,ngsi-ld-temporal,ngsi-ld-entity}
 * goes through the NGSI-LD source (a real broker on 127.0.0.1 serving the file) and the domain
 * adapter, to values checked by hand against the file, or to a clear ValidationError. Each quirk
 * the fixtures README lists has an assertion, named after the file.
 */
import { expect } from '@open-wc/testing';
import { listShared, readShared, startTestServer, type TestServer } from '../../../../../tests/support/server.js';
import { ALERT_SEVERITIES, type Indicator } from '../../contract/catalogue.js';
import { HttpError, ValidationError } from '../../contract/errors.js';
import type { KpiResult } from '../../contract/query.js';
import type { DataWarningInput } from '../../contract/warnings.js';
import type { DataSource } from '../../contract/source.js';
import { HttpClient } from '../../internal/http.js';
import { NgsiLdClient } from './client.js';
import { latestInstance, readEntity, type NgsiEntity } from './entity.js';
import { parseContentRange } from './headers.js';
import { createNgsiLdSource, type NgsiLdSourceOptions } from './ngsi-ld-source.js';
import { unitFromCode } from './units.js';

const SERVER = 'packages/data/src/sources/ngsi-ld/ngsi-ld.test-server.mjs';
const TENANT = 'openiot';
const USER_CONTEXT = 'http://context/user-context.jsonld';
/** The clock of the tests: alerts of 2017 are long over. */
const NOW = Date.parse('2026-11-25T00:00:00Z');

interface Logged {
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
}

function indicator(id: Indicator['id'], unit: Indicator['unit'], time: Indicator['aggregation']['time'] = 'mean'): Indicator {
  return {
    id,
    domain: id.split('.')[0] as Indicator['domain'],
    name: { vi: id, en: id },
    description: { vi: 'Chỉ số thử.', en: 'Test indicator.' },
    unit,
    decimals: 1,
    polarity: 'neutral',
    aggregation: { time, area: 'mean' },
  };
}

/** Indicators for the non-Smart-Data-Models temporal fixtures (animals, beehives, vehicles). */
const TEST_CATALOGUE: Indicator[] = [
  indicator('living.test-heart-rate', { code: '5K', system: 'UNCEFACT', label: { vi: 'lần/phút', en: 'per min' } }),
  indicator('environment.test-temperature', { code: 'Cel', system: 'UCUM', label: { vi: '°C', en: '°C' } }),
  indicator('economy.test-incoming', { code: '{bee}', system: 'UCUM', label: { vi: 'con', en: 'bees' } }, 'sum'),
  indicator('living.test-fuel', { code: '%', system: 'UCUM', label: { vi: '%', en: '%' } }),
  indicator('living.test-container-faults', { code: '{fault}', system: 'UCUM', label: { vi: 'sự cố', en: 'faults' } }, 'last'),
];

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

function values(entity: NgsiEntity | undefined, name: string): unknown[] {
  return (entity?.attributes.get(name)?.instances ?? []).map((instance) => instance.value);
}

function times(entity: NgsiEntity | undefined, name: string): (string | undefined)[] {
  return (entity?.attributes.get(name)?.instances ?? []).map((instance) => (instance.observedAt === undefined ? undefined : new Date(instance.observedAt).toISOString()));
}

describe('NGSI-LD conformance against the shared fixtures', function () {
  let server: TestServer;
  let present = true;

  const http = () => new HttpClient({ retries: 0, sleep: () => Promise.resolve() });
  const client = (extra: Partial<ConstructorParameters<typeof NgsiLdClient>[0]> = {}) =>
    new NgsiLdClient({ baseUrl: server.url, tenant: TENANT, context: USER_CONTEXT, http: http(), ...extra });
  const source = (extra: Partial<NgsiLdSourceOptions> = {}): DataSource =>
    createNgsiLdSource({ baseUrl: server.url, tenant: TENANT, http: http(), now: () => NOW, temporal: false, catalogue: TEST_CATALOGUE, ...extra });
  const requests = () => server.call<Logged[]>('requests');
  const sdm = async (type: string, keyValues: boolean, dialect: 'ngsi-ld' | 'ngsi-v2' = 'ngsi-ld') => {
    const answer = await client({ dialect }).entities({ type, keyValues });
    expect(answer.entities, `${type} ${dialect} ${keyValues ? 'keyValues' : 'normalized'}`).to.have.length(1);
    return answer.entities[0]!;
  };
  const kpi = (src: DataSource, id: Indicator['id'], at: string, grain: 'hour' | 'day' | 'month' = 'day') => src.query({ kind: 'kpi', indicator: id, area: '27', at, grain });

  before(async function () {
    const listing = await listShared('fixtures/sdm');
    if (!listing) {
      console.log('NGSI-LD conformance: ../shared/fixtures is absent here, so the conformance suite is skipped.');
      present = false;
      this.skip();
    }
    server = await startTestServer(SERVER, { tenant: TENANT });
  });
  after(async () => {
    if (present) await server.stop();
  });
  beforeEach(async () => {
    await server.call('reset');
  });

  describe('Smart Data Models, NGSI-LD normalized and keyValues, NGSI v2', () => {
    it('AirQualityObserved/example-normalized.jsonld: airQualityIndex 65 at 11:00 UTC (no Z), no pm25/pm10, GP/GQ unit codes', async () => {
      const result = await kpi(source({ types: ['AirQualityObserved'] }), 'environment.aqi', '2016-03-15T12:00:00Z');
      expect(result.value).to.equal(65);
      expect(result.observedAt).to.equal('2016-03-15T11:00:00.000Z');
      const pm25 = await kpi(source({ types: ['AirQualityObserved'] }), 'environment.pm25', '2016-03-15T12:00:00Z');
      expect(pm25.value).to.equal(null);
      const entity = await sdm('AirQualityObserved', false);
      expect(latestInstance(entity, 'co')?.unitCode).to.equal('GP');
      expect(unitFromCode('GP').label.vi).to.equal('mg/m³');
      expect(latestInstance(entity, 'no2')?.unitCode).to.equal('GQ');
      expect(unitFromCode('GQ').label.vi).to.equal('µg/m³');
      expect(latestInstance(entity, 'refPointOfInterest')).to.deep.include({ kind: 'Relationship', value: 'urn:ngsi-ld:PointOfInterest:28079004-Pza.deEspanya' });
      expect((latestInstance(entity, 'address')?.value as { type: string }).type).to.equal('PostalAddress');
      expect(values(entity, 'windDirection')).to.deep.equal([186]);
    });

    it('AirQualityObserved/example.jsonld (keyValues): the same 65; windDirection 180; options=keyValues sent; Link context answered', async () => {
      const result = await kpi(source({ types: ['AirQualityObserved'], keyValues: true }), 'environment.aqi', '2016-03-15T12:00:00Z');
      expect(result.value).to.equal(65);
      expect(result.observedAt).to.equal('2016-03-15T11:00:00.000Z');
      const answer = await client().entities({ type: 'AirQualityObserved', keyValues: true });
      expect(values(answer.entities[0], 'windDirection')).to.deep.equal([180]);
      expect(answer.context).to.equal('https://raw.githubusercontent.com/smart-data-models/dataModel.Environment/master/context.jsonld');
      const logged = (await requests()).filter((entry) => entry.path === '/ngsi-ld/v1/entities');
      expect(logged.at(-1)!.query.options).to.equal('keyValues');
      expect(logged.at(-1)!.headers['ngsild-tenant']).to.equal(TENANT);
      expect(logged.at(-1)!.headers.link).to.equal(`<${USER_CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`);
    });

    it('AirQualityObserved/example-normalized.json (NGSI v2): metadata.unitCode, precipitation Boolean false, refPointOfInterest as Text', async () => {
      const result = await kpi(source({ types: ['AirQualityObserved'], dialect: 'ngsi-v2' }), 'environment.aqi', '2016-03-15T12:00:00Z');
      expect(result.value).to.equal(65);
      expect(result.observedAt).to.equal('2016-03-15T11:00:00.000Z');
      const entity = await sdm('AirQualityObserved', false, 'ngsi-v2');
      expect(latestInstance(entity, 'no2')?.unitCode).to.equal('GQ');
      expect(values(entity, 'precipitation')).to.deep.equal([false]);
      expect(latestInstance(entity, 'refPointOfInterest')).to.deep.include({ kind: 'Value', value: '28079004-Pza.deEspanya' });
      expect(values(entity, 'windDirection')).to.deep.equal([176]);
      const logged = (await requests()).filter((entry) => entry.path === '/v2/entities');
      expect(logged.at(-1)!.headers['fiware-service']).to.equal(TENANT);
      // Reading the Boolean as a concentration is refused, not turned into 0: a gap, and a warning naming the entity and attribute.
      await expectGap(
        kpi(source({ types: ['WaterQualityObserved'], dialect: 'ngsi-v2', attributes: { 'living.test-fuel': { type: 'AirQualityObserved', attribute: 'precipitation' } } }), 'living.test-fuel', '2016-03-15T12:00:00Z'),
        'precipitation',
        'false is not a number',
      );
    });

    it('AirQualityObserved/example.json (v2 keyValues): co2 69 where the other forms have no2', async () => {
      const entity = await sdm('AirQualityObserved', true, 'ngsi-v2');
      expect(values(entity, 'co2')).to.deep.equal([69]);
      expect(entity.attributes.has('no2')).to.equal(false);
      const result = await kpi(source({ types: ['AirQualityObserved'], dialect: 'ngsi-v2', keyValues: true }), 'environment.aqi', '2016-03-15T12:00:00Z');
      expect(result.value).to.equal(65);
    });

    it('AirQualityObserved history (2020): upper-case pollutant names and an interval dateObserved read at its end', async () => {
      const text = await readShared('fixtures/sdm/AirQualityObserved/history/example-normalized.jsonld@e8a1d119-2020-09-09.jsonld');
      const entity = readEntity(JSON.parse(text!));
      expect(values(entity, 'NO2')).to.deep.equal([69]);
      expect(latestInstance(entity, 'CO')?.unitCode).to.equal('GP');
      expect(values(entity, 'CO_Level')).to.deep.equal(['moderate']);
      expect(entity.context).to.deep.equal(['https://schema.lab.fiware.org/ld/context', 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld']);
      const { SDM_INDICATORS } = await import('./sdm.js');
      const aqi = SDM_INDICATORS.find((mapping) => mapping.indicator === 'environment.aqi')!.observe(entity, {});
      expect(aqi).to.deep.equal([{ value: 65, time: Date.UTC(2016, 2, 15, 12) }]);
    });

    it('AirQualityObserved schemas: not entities, a clear ValidationError', async () => {
      for (const file of ['AirQualityObserved/schema.json', 'AirQualityObserved/Environment-schema.json']) {
        const text = await readShared(`fixtures/sdm/${file}`);
        expect(() => readEntity(JSON.parse(text!), file), file).to.throw(ValidationError, /needs an id|needs a type/);
      }
    });

    it('WaterQualityObserved/example-normalized.jsonld: @type/@value date, hyphenated names, no O2 and no WQI (null, no error)', async () => {
      const entity = await sdm('WaterQualityObserved', false);
      expect(values(entity, 'N-TOT')).to.deep.equal([6]);
      expect(values(entity, 'Cr-III')).to.deep.equal([0]);
      expect(values(entity, 'anionic-surfactants')).to.deep.equal([0.3]);
      expect(values(entity, 'pH')).to.deep.equal([7.4]);
      expect(values(entity, 'Fe')).to.deep.equal([7.4]);
      expect(values(entity, 'measurand')).to.deep.equal([['NO3, 0.01, M1, Concentration of Nitrates']]);
      expect(values(entity, 'dateObserved')).to.deep.equal(['2017-01-31T06:45:00Z']);
      for (const id of ['environment.dissolved-oxygen', 'environment.wqi'] as const) {
        const result = await kpi(source({ types: ['WaterQualityObserved'] }), id, '2017-01-31T12:00:00Z');
        expect(result.value, id).to.equal(null);
      }
    });

    it('WaterQualityObserved keyValues and v2: Fe 0.0 vs 7.4, fluoride 0.1 vs 0.0, v2 Booleans for zeros, TKN true', async () => {
      const keyValues = await sdm('WaterQualityObserved', true);
      expect(values(keyValues, 'Fe')).to.deep.equal([0]);
      expect(values(keyValues, 'fluoride')).to.deep.equal([0.1]);
      expect(keyValues.context).to.have.length(2);
      const v2 = await sdm('WaterQualityObserved', false, 'ngsi-v2');
      expect(values(v2, 'fluoride')).to.deep.equal([false]);
      expect(values(v2, 'TKN')).to.deep.equal([true]);
      expect(values(v2, 'Fe')).to.deep.equal([7.4]);
      const v2KeyValues = await sdm('WaterQualityObserved', true, 'ngsi-v2');
      expect(values(v2KeyValues, 'TKN')).to.deep.equal([1]);
      // A province that sends WQI as an extension attribute is read; here a numeric one maps, a Boolean is a gap with a warning.
      await expectGap(
        kpi(source({ types: ['WaterQualityObserved'], dialect: 'ngsi-v2', attributes: { 'environment.wqi': { type: 'WaterQualityObserved', attribute: 'TKN' } } }), 'environment.wqi', '2017-01-31T12:00:00Z'),
        'TKN',
        'true is not a number',
      );
    });

    it('TrafficFlowObserved (all four forms): 197 vehicles in 5 minutes = 2364 veh/h at 11:15 UTC, mean speed 52.6 km/h', async () => {
      for (const [keyValues, dialect] of [[false, 'ngsi-ld'], [true, 'ngsi-ld'], [false, 'ngsi-v2'], [true, 'ngsi-v2']] as const) {
        const src = source({ types: ['TrafficFlowObserved'], keyValues, dialect });
        const flow = await kpi(src, 'mobility.vehicle-flow', '2016-12-07T12:00:00Z');
        expect(flow.value, `${dialect} ${keyValues}`).to.equal(2364);
        expect(flow.observedAt, `${dialect} ${keyValues}`).to.equal('2016-12-07T11:15:00.000Z');
        const speed = await kpi(src, 'mobility.mean-speed', '2016-12-07T12:00:00Z');
        expect(speed.value, `${dialect} ${keyValues}`).to.equal(52.6);
      }
      const normalized = await sdm('TrafficFlowObserved', false);
      // dateObserved @value has no Z while dateObservedFrom/To do; the period comes from From/To.
      expect(values(normalized, 'dateObserved')).to.deep.equal(['2016-12-07T11:10:00']);
      expect(values(normalized, 'laneId')).to.deep.equal([1]);
      expect(values(normalized, 'reversedLane')).to.deep.equal([false]);
      expect((latestInstance(normalized, 'location')?.value as { type: string }).type).to.equal('LineString');
      const keyValues = await sdm('TrafficFlowObserved', true);
      expect(values(keyValues, 'dateObserved')).to.deep.equal(['2016-12-07T11:10:00/2016-12-07T11:15:00']);
    });

    it('TrafficFlowObserved without an observation period: a ValidationError (or, in the source, a warning) that says what to set', async () => {
      const { SDM_INDICATORS } = await import('./sdm.js');
      const flow = SDM_INDICATORS.find((mapping) => mapping.indicator === 'mobility.vehicle-flow')!;
      const entity = readEntity({ id: 'urn:x', type: 'TrafficFlowObserved', intensity: 30, dateObserved: '2016-12-07T11:10:00Z' });
      expect(() => flow.observe(entity, {})).to.throw(ValidationError, /trafficPeriodMinutes/);
      // The source passes a warning sink: that entity's counts are skipped, the query goes on.
      const warnings: DataWarningInput[] = [];
      expect(flow.observe(entity, {}, (warning) => warnings.push(warning))).to.deep.equal([]);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.deep.include({ code: 'missing-time', entity: 'urn:x', field: 'intensity' });
      expect(warnings[0]!.message).to.contain('trafficPeriodMinutes');
      expect(flow.observe(entity, { trafficPeriodMinutes: 15 })).to.deep.equal([{ value: 120, time: Date.UTC(2016, 11, 7, 11, 10) }]);
    });

    it('OnStreetParking (all four forms): 3 free spaces, at observedAt / observationDateTime / v2 metadata.timestamp', async () => {
      const cases = [
        [false, 'ngsi-ld', '2018-09-12T12:00:00.000Z'],
        [true, 'ngsi-ld', '2021-03-11T15:51:02.000Z'],
        [false, 'ngsi-v2', '2018-09-12T12:00:00.000Z'],
        [true, 'ngsi-v2', '2021-03-11T15:51:02.000Z'],
      ] as const;
      for (const [keyValues, dialect, observedAt] of cases) {
        const result = await kpi(source({ types: ['OnStreetParking'], keyValues, dialect }), 'mobility.parking-free', observedAt);
        expect(result.value, `${dialect} ${keyValues}`).to.equal(3);
        expect(result.observedAt, `${dialect} ${keyValues}`).to.equal(observedAt);
      }
      const normalized = await sdm('OnStreetParking', false);
      expect(latestInstance(normalized, 'refParkingGroup')?.value).to.deep.equal(['urn:ngsi-ld:ParkingGroup:daoiz-velarde-1-5-main', 'urn:ngsi-ld:ParkingGroup:daoiz-velarde-1-5-disabled']);
      expect(latestInstance(normalized, 'occupiedSpotNumber')?.observedAt).to.equal(Date.UTC(2018, 8, 12, 12));
      expect(latestInstance(normalized, 'totalSpotNumber')?.observedAt).to.equal(undefined);
      expect((latestInstance(normalized, 'location')?.value as { type: string }).type).to.equal('Polygon');
      expect(values(normalized, 'category')).to.deep.equal([['blueZone', 'shortTerm', 'forDisabled']]);
      const keyValues = await sdm('OnStreetParking', true);
      expect(values(keyValues, 'fourWheelerSlots')).to.deep.equal([{ availableSpotNumber: 25, totalSpotNumber: 25, occupiedSpotNumber: 0 }]);
      const municipality = latestInstance(keyValues, 'municipalityInfo')?.value as Record<string, unknown>;
      expect(municipality.cityId).to.equal('23');
      expect(municipality.wardNum).to.equal(4);
      const v2 = await sdm('OnStreetParking', false, 'ngsi-v2');
      expect(latestInstance(v2, 'refParkingGroup')?.value).to.deep.equal(['daoiz-velarde-1-5-main', 'daoiz-velarde-1-5-disabled']);
      const v2KeyValues = await sdm('OnStreetParking', true, 'ngsi-v2');
      expect(values(v2KeyValues, 'maximumParkingDuration')).to.deep.equal(['PT2H']);
    });

    it('Alert (all four forms): severity high, traffic → mobility, 2-digit fractions, validity over → resolved', async () => {
      for (const [keyValues, dialect] of [[false, 'ngsi-ld'], [true, 'ngsi-ld'], [false, 'ngsi-v2'], [true, 'ngsi-v2']] as const) {
        const result = await source({ types: ['Alert'], keyValues, dialect }).query({ kind: 'alerts' });
        expect(result.alerts, `${dialect} ${keyValues}`).to.have.length(1);
        const [alert] = result.alerts;
        expect(alert, `${dialect} ${keyValues}`).to.deep.include({
          severity: 'high',
          category: 'traffic',
          subCategory: 'trafficJam',
          domain: 'mobility',
          title: 'Traffic jam',
          description: 'The road is completely blocked for 3kms',
          start: '2017-01-02T09:25:55.000Z',
          end: '2017-01-02T10:25:55.000Z',
          status: 'resolved',
          source: 'https://account.lab.fiware.org/users/8',
        });
        expect(alert!.location).to.deep.equal({ type: 'Point', coordinates: [-3.712247222222222, 40.423852777777775] });
        expect(alert!.id).to.equal(dialect === 'ngsi-ld' ? 'urn:ngsi-ld:Alert:Alert:1' : 'Alert:1');
      }
      const v2 = await sdm('Alert', false, 'ngsi-v2');
      // dateCreated has no zone: read as UTC.
      expect(new Date((await import('../../internal/http-values.js')).parseInstant(latestInstance(v2, 'dateCreated')?.value, 'x')!).toISOString()).to.equal('2019-06-06T12:06:06.000Z');
    });

    it('Alert/alert-schema.json: its severity enum is exactly ioc-kit’s; schema.json is not an entity', async () => {
      const schema = await readShared('fixtures/sdm/Alert/alert-schema.json');
      for (const severity of ALERT_SEVERITIES) expect(schema).to.contain(`"${severity}"`);
      for (const type of ['Alert', 'KeyPerformanceIndicator', 'OnStreetParking', 'TrafficFlowObserved', 'WaterQualityObserved']) {
        const text = await readShared(`fixtures/sdm/${type}/schema.json`);
        expect(() => readEntity(JSON.parse(text!), `${type}/schema.json`)).to.throw(ValidationError);
      }
    });

    it('KeyPerformanceIndicator (all four forms): kpiValue 20 for June 2016; user attribute modifiedAt kept; date-only dates', async () => {
      const kpiIndicators = { 'Incidencias-Contenedores-Mensual': 'living.test-container-faults' } as const;
      for (const [keyValues, dialect] of [[false, 'ngsi-ld'], [true, 'ngsi-ld'], [false, 'ngsi-v2'], [true, 'ngsi-v2']] as const) {
        const result = await kpi(source({ types: ['KeyPerformanceIndicator'], keyValues, dialect, kpiIndicators }), 'living.test-container-faults', '2016-06-15T00:00:00Z', 'month');
        expect(result.value, `${dialect} ${keyValues}`).to.equal(20);
        expect(result.observedAt, `${dialect} ${keyValues}`).to.equal('2016-06-01T00:00:00.000Z');
      }
      const normalized = await sdm('KeyPerformanceIndicator', false);
      expect(values(normalized, 'modifiedAt')).to.deep.equal(['2016-06-29T15:59:09.224Z']);
      expect(values(normalized, 'calculationPeriod')).to.deep.equal([{ to: '2016-06-30', from: '2016-06-01' }]);
      expect(values(normalized, 'dateNextCalculation')).to.deep.equal(['2016-07-31T15:59:09.224Z']);
      expect(normalized.attributes.has('location')).to.equal(false);
      const keyValues = await sdm('KeyPerformanceIndicator', true);
      expect(values(keyValues, 'dateNextCalculation')).to.deep.equal(['2016-07-31']);
      const v2 = await sdm('KeyPerformanceIndicator', false, 'ngsi-v2');
      expect(values(v2, 'dateNextCalculation')).to.deep.equal(['2016-07-31']);
    });

    it('pages entities with limit/offset and count=true, passing q and attrs through', async () => {
      await server.call('addCopies', 4);
      const answer = await client({ pageSize: 2 }).entities({ type: 'OnStreetParking', q: 'availableSpotNumber>0', attrs: ['availableSpotNumber'] });
      expect(answer.entities).to.have.length(5);
      expect(answer.pages).to.equal(3);
      expect(answer.count).to.equal(5);
      expect(new Set(answer.entities.map((entity) => entity.id)).size).to.equal(5);
      expect([...answer.entities[4]!.attributes.keys()]).to.deep.equal(['availableSpotNumber']);
      const logged = (await requests()).map((entry) => entry.query);
      expect(logged.map((query) => query.offset)).to.deep.equal(['0', '2', '4']);
      expect(logged[0]).to.include({ type: 'OnStreetParking', q: 'availableSpotNumber>0', attrs: 'availableSpotNumber', limit: '2', count: 'true' });
      // A source-level q reaches the broker with every request.
      await kpi(source({ types: ['OnStreetParking'], q: 'areaServed=="Zona Centro"' }), 'mobility.parking-free', '2018-09-12T12:00:00Z');
      expect((await requests()).at(-1)!.query.q).to.equal('areaServed=="Zona Centro"');
      // maxPages caps a runaway listing and says so.
      const capped = await client({ pageSize: 1, maxPages: 2 }).entities({ type: 'OnStreetParking' });
      expect(capped.partial).to.equal(true);
      expect(capped.entities).to.have.length(2);
    });

    it('refuses a broker that needs a tenant when the tenant is wrong, with the broker’s words', async () => {
      const error = await rejection(client({ tenant: 'nobody' }).entities({ type: 'Alert' }));
      expect(error).to.be.instanceOf(HttpError);
      expect((error as HttpError).status).to.equal(404);
      expect((error as HttpError).message).to.contain('Tenant nobody does not exist');
    });
  });

  describe('Current state from Orion-LD (ngsi-ld-entity)', () => {
    it('orionld-device-normalized-current-state.json: observedAt everywhere, "3" as text, VocabProperty, one-letter attr', async () => {
      const answer = await client().entity('urn:ngsi-ld:Device:pig003');
      const [device] = answer.entities;
      expect(answer.context).to.equal(USER_CONTEXT);
      expect(latestInstance(device!, 'controlledAsset')?.kind).to.equal('Relationship');
      expect(latestInstance(device!, 'controlledAsset')?.observedAt).to.be.a('number');
      expect(values(device, 'status')).to.deep.equal(['3']);
      const vocab = [...device!.attributes.values()].find((attribute) => attribute.instances[0]?.kind === 'VocabProperty');
      expect(vocab, 'a VocabProperty').to.not.equal(undefined);
      expect(device!.attributes.has('d')).to.equal(true);
      // "3" as text reaches a numeric indicator as the number 3.
      const { numericObservations } = await import('./sdm.js');
      expect(numericObservations(device!, ['status'], {}, undefined).map((observation) => observation.value)).to.deep.equal([3]);
    });
  });

  describe('Temporal API: Mintaka, Stellio, Scorpio, ETSI test suite', () => {
    const temporalSource = (attributes: NgsiLdSourceOptions['attributes'], extra: Partial<NgsiLdSourceOptions> = {}) =>
      source({ temporal: true, types: [], attributes, context: USER_CONTEXT, ...extra });
    const serve = (fixture: string, headers?: string) => server.call('serveTemporal', `ngsi-ld-temporal/${fixture}`, headers ? `ngsi-ld-temporal/${headers}` : undefined);

    it('mintaka-entity-lastN-normalized.json: newest first sorted, 5K unit, sub-relationship, 3-D point, single-object attrs', async () => {
      await serve('mintaka-entity-lastN-normalized.json');
      const answer = await client().temporal({ ids: ['urn:ngsi-ld:Animal:cow002'], lastN: 3 });
      const [cow] = answer.entities;
      expect(values(cow, 'heartRate')).to.deep.equal([51, 50, 51]);
      expect(times(cow, 'heartRate')).to.deep.equal(['2021-09-15T13:41:33.508Z', '2021-09-15T13:41:34.568Z', '2021-09-15T13:41:37.888Z']);
      expect(cow!.attributes.get('heartRate')!.unitCode).to.equal('5K');
      expect(unitFromCode('5K').label.en).to.equal('per min');
      expect((latestInstance(cow!, 'location')?.value as { coordinates: number[] }).coordinates).to.deep.equal([13.404, 52.47, 0]);
      expect(values(cow, 'species')).to.deep.equal(['dairy cattle']);
      // The sub-relationship providedBy belongs to each instance, not to the entity.
      expect(cow!.attributes.has('providedBy')).to.equal(false);
      const [logged] = await requests();
      expect(logged!.path).to.equal('/ngsi-ld/v1/temporal/entities/urn:ngsi-ld:Animal:cow002');
      expect(logged!.query.lastN).to.equal('3');
      expect(logged!.headers['ngsild-tenant']).to.equal(TENANT);
      const result = await kpi(temporalSource({ 'living.test-heart-rate': { type: 'Animal', attribute: 'heartRate' } }), 'living.test-heart-rate', '2021-09-15T13:50:00Z', 'hour');
      expect(result.value).to.be.closeTo(152 / 3, 1e-9);
      expect(result.observedAt).to.equal('2021-09-15T13:41:37.888Z');
    });

    it('mintaka-entity-lastN-temporalValues.json: value pairs, a GeoJSON value, floats like 52.0; options=temporalValues sent', async () => {
      await serve('mintaka-entity-lastN-temporalValues.json');
      const answer = await client().temporal({ ids: ['urn:ngsi-ld:Animal:cow001'], lastN: 3, format: 'temporalValues' });
      const [cow] = answer.entities;
      // The tutorial asked for cow001 and shows cow002: we report what the broker sent.
      expect(cow!.id).to.equal('urn:ngsi-ld:Animal:cow002');
      expect(values(cow, 'heartRate')).to.deep.equal([50, 51, 52]);
      expect(latestInstance(cow!, 'location')?.value).to.deep.equal({ type: 'Point', coordinates: [13.416, 52.485, 0] });
      const [logged] = await requests();
      expect(logged!.query.options).to.equal('temporalValues');
      const formatted = await client({ formatParameter: 'format' }).temporal({ ids: ['urn:ngsi-ld:Animal:cow001'], format: 'temporalValues' });
      expect(formatted.entities).to.have.length(1);
      expect((await requests()).at(-1)!.query.format).to.equal('temporalValues');
    });

    it('mintaka-query-timeproperty-modifiedAt (normalized and temporalValues): modifiedAt beside observedAt, "male" as text', async () => {
      await serve('mintaka-query-timeproperty-modifiedAt-normalized.json');
      const normalized = await client().temporal({ type: 'Animal', q: 'sex=="male"', timeproperty: 'modifiedAt', timerel: 'before', timeAt: '2021-09-16T11:00:00Z', lastN: 3 });
      expect(normalized.entities.length).to.be.greaterThan(1);
      const cow = normalized.entities.find((entity) => entity.id === 'urn:ngsi-ld:Animal:cow001');
      expect(values(cow, 'sex')).to.deep.equal(['male']);
      const heartTimes = times(cow, 'heartRate');
      expect(heartTimes).to.deep.equal([...heartTimes].sort());
      expect(heartTimes.at(-1)).to.equal('2021-09-16T10:26:41.108Z');
      const [logged] = await requests();
      expect(logged!.query).to.include({ type: 'Animal', q: 'sex=="male"', timeproperty: 'modifiedAt', timerel: 'before', lastN: '3' });
      await serve('mintaka-query-timeproperty-modifiedAt-temporalValues.json');
      const pairs = await client().temporal({ type: 'Animal', format: 'temporalValues', lastN: 3 });
      expect(values(pairs.entities[0], 'sex')).to.deep.equal(['male']);
      expect(values(pairs.entities[0], 'heartRate')).to.deep.equal([50, 51, 52]);
      // A text value on a numeric indicator is a gap with a warning that says so, not a number on a chart nor a lost query.
      await expectGap(kpi(temporalSource({ 'living.test-heart-rate': { type: 'Animal', attribute: 'sex' } }), 'living.test-heart-rate', '2021-09-16T10:30:00Z', 'hour'), 'sex', '"male" is not a number');
    });

    it('mintaka-query-206 page 1 → page 2 by Next-Page/pageAnchor: both pages merged, headers read', async () => {
      await server.call('servePages', {
        '': { fixture: 'ngsi-ld-temporal/mintaka-query-timeproperty-modifiedAt-temporalValues.json', headers: 'ngsi-ld-temporal/mintaka-query-206-page1.headers.txt' },
        'urn:ngsi-ld:Animal:pig001': { fixture: 'ngsi-ld-temporal/mintaka-query-206-page2-temporalValues.json', headers: 'ngsi-ld-temporal/mintaka-query-206-page2-temporalValues.headers.txt' },
        // The capture ends at page 2; the broker's last page is synthetic and empty.
        'urn:ngsi-ld:Animal:pig005': { body: [] },
      });
      const answer = await client().temporal({ type: 'Animal', format: 'temporalValues', lastN: 3 });
      expect(answer.pages).to.equal(3);
      expect(answer.count).to.equal(17);
      expect(answer.context).to.equal(USER_CONTEXT);
      expect(answer.partial).to.equal(false);
      expect(answer.entities.map((entity) => entity.id)).to.include.members(['urn:ngsi-ld:Animal:cow001', 'urn:ngsi-ld:Animal:pig003', 'urn:ngsi-ld:Animal:pig001']);
      const pig003 = answer.entities.find((entity) => entity.id === 'urn:ngsi-ld:Animal:pig003');
      expect(values(pig003, 'heartRate')).to.deep.equal([63, 62, 63]);
      const anchors = [...new Set((await requests()).map((entry) => entry.query.pageAnchor ?? '(first)'))];
      expect(anchors).to.deep.equal(['(first)', 'urn:ngsi-ld:Animal:pig001', 'urn:ngsi-ld:Animal:pig005']);
      // Mintaka's Content-Range: start later than end, no zone, minute precision on one side, "/3" = lastN.
      const page2 = await readShared('fixtures/ngsi-ld-temporal/mintaka-query-206-page2-temporalValues.headers.txt');
      expect(page2).to.contain('Page-Size: 2').and.contain('Previous-Page: urn:ngsi-ld:Animal:cow001');
      const range = parseContentRange(/Content-Range: (.*)/.exec(page2!)?.[1]);
      expect(range).to.deep.include({ unit: 'date-time', first: Date.UTC(2021, 8, 16, 11, 0), second: Date.UTC(2021, 8, 16, 10, 22, 39, 650), size: 3 });
      expect(range!.from).to.be.lessThan(range!.to);
    });

    it('mintaka-query-relationship-objects-temporalValues.json: Relationship "objects" pairs', async () => {
      await serve('mintaka-query-relationship-objects-temporalValues.json');
      const answer = await client().temporal({ type: 'Device', q: 'd=="FORAGING"', format: 'temporalValues', lastN: 2 });
      const pig = answer.entities.find((entity) => entity.id === 'urn:ngsi-ld:Device:pig002');
      expect(values(pig, 'controlledAsset')).to.deep.equal(['urn:ngsi-ld:Animal:pig002', 'urn:ngsi-ld:Animal:pig002']);
      expect(pig!.attributes.get('controlledAsset')!.instances[0]!.kind).to.equal('Relationship');
      expect(values(pig, 'heartRate')).to.deep.equal([65, 64]);
    });

    it('stellio-entity-normalized.json and temporalValues: CEL, 6- and 5-digit fractions meet at the same millisecond, mixed int/float', async () => {
      await serve('stellio-entity-normalized.json');
      const normalized = (await client().temporal({ ids: ['urn:ngsi-ld:BeeHive:01'] })).entities[0];
      await serve('stellio-entity-temporalValues.json');
      const pairs = (await client().temporal({ ids: ['urn:ngsi-ld:BeeHive:01'], format: 'temporalValues' })).entities[0];
      expect(values(normalized, 'temperature')).to.deep.equal([2, 22.1, 43]);
      expect(values(pairs, 'temperature')).to.deep.equal([2, 22.1, 43]);
      expect(times(normalized, 'temperature')).to.deep.equal(times(pairs, 'temperature'));
      expect(times(normalized, 'temperature')[0]).to.equal('2025-10-12T10:20:30.986Z');
      expect(unitFromCode(normalized!.attributes.get('temperature')!.unitCode).label.vi).to.equal('°C');
      expect(normalized!.context).to.deep.equal(['https://easy-global-market.github.io/ngsild-api-data-models/apic/jsonld-contexts/apic-compound.jsonld']);
      // Stellio's 206 header (TemporalEntityHandlerPaginationTests): ISO_INSTANT with Z, size "*".
      expect(parseContentRange('date-time 2019-01-01T00:00:00Z-2021-01-01T00:00:00Z/*')).to.deep.equal({
        unit: 'date-time',
        first: Date.UTC(2019, 0, 1),
        second: Date.UTC(2021, 0, 1),
        from: Date.UTC(2019, 0, 1),
        to: Date.UTC(2021, 0, 1),
      });
      // An offset on the first timestamp does not split the range in the wrong place.
      expect(parseContentRange('date-time 2021-01-01T00:00:00-03:00-2021-01-02T00:00:00-03:00/5')).to.deep.include({ first: Date.UTC(2021, 0, 1, 3), second: Date.UTC(2021, 0, 2, 3), size: 5 });
      await serve('stellio-entity-normalized.json');
      const series = await temporalSource({ 'environment.test-temperature': { type: 'BeeHive', attribute: 'temperature' } }).query({
        kind: 'series',
        indicator: 'environment.test-temperature',
        areas: ['27'],
        grain: 'day',
        from: '2025-10-11T17:00:00Z',
        to: '2025-10-27T17:00:00Z',
      });
      const v = Array.from(series.series[0]!.v);
      // Days in Vietnam time: 12 Oct holds 2; 27 Oct (local) holds 22.1 (04:32) and 43 (05:35): mean 32.55.
      expect(v[0]).to.equal(2);
      expect(v.at(-1)).to.be.closeTo(32.55, 1e-9);
      expect(v.filter((value) => !Number.isNaN(value))).to.have.length(2);
    });

    it('stellio-entity-aggregatedValues P1D: triples anchored at the first instance, totalCount integers', async () => {
      await serve('stellio-entity-aggregatedValues-max-avg-totalCount-P1D.json');
      const answer = await client().temporal({ ids: ['urn:ngsi-ld:BeeHive:01'], aggrMethods: ['max', 'avg', 'totalCount'], aggrPeriodDuration: 'P1D' });
      const buckets = answer.entities[0]!.attributes.get('temperature')!.aggregates;
      const avg = buckets.filter((bucket) => bucket.method === 'avg');
      expect(avg.map((bucket) => bucket.value)).to.deep.equal([2, 32.55]);
      expect(new Date(avg[0]!.start).toISOString()).to.equal('2025-10-12T10:20:30.986Z');
      expect(avg[0]!.end - avg[0]!.start).to.equal(86_400_000);
      expect(buckets.filter((bucket) => bucket.method === 'totalCount').map((bucket) => bucket.value)).to.deep.equal([1, 2]);
      const [logged] = await requests();
      expect(logged!.query).to.include({ options: 'aggregatedValues', aggrMethods: 'max,avg,totalCount', aggrPeriodDuration: 'P1D' });
      // Through the adapter with server aggregation: the avg buckets become the series.
      const series = await temporalSource({ 'environment.test-temperature': { type: 'BeeHive', attribute: 'temperature' } }, { serverAggregation: true }).query({
        kind: 'series',
        indicator: 'environment.test-temperature',
        areas: ['27'],
        grain: 'day',
        from: '2025-10-11T17:00:00Z',
        to: '2025-10-27T17:00:00Z',
      });
      expect(Array.from(series.series[0]!.v).filter((value) => !Number.isNaN(value))).to.deep.equal([2, 32.55]);
      expect((await requests()).at(-1)!.query).to.include({ options: 'aggregatedValues', aggrMethods: 'avg', aggrPeriodDuration: 'P1D', timerel: 'between' });
    });

    it('stellio-query-entities-normalized.json: an array of entities', async () => {
      await serve('stellio-query-entities-normalized.json');
      const answer = await client().temporal({ type: 'BeeHive', timerel: 'after', timeAt: '2025-10-26T00:00:00Z' });
      expect(answer.entities.map((entity) => entity.id)).to.deep.equal(['urn:ngsi-ld:BeeHive:01']);
      expect(values(answer.entities[0], 'temperature')).to.deep.equal([22.1, 43]);
    });

    it('stellio multi-datasetId (normalized, temporalValues, aggregated with string values)', async () => {
      await serve('stellio-test-normalized-multi-datasetId.json');
      const normalized = (await client().temporal({ ids: ['urn:ngsi-ld:BeeHive:TESTC'] })).entities[0]!;
      const incoming = normalized.attributes.get('incoming')!.instances;
      expect(incoming.map((instance) => [instance.datasetId, instance.value])).to.deep.equal([
        ['urn:ngsi-ld:Dataset:A', 1550],
        ['urn:ngsi-ld:Dataset:B', 1543],
        ['urn:ngsi-ld:Dataset:A', 1600],
        ['urn:ngsi-ld:Dataset:B', 2100],
      ]);
      expect(latestInstance(normalized, 'incoming', 'urn:ngsi-ld:Dataset:A')?.value).to.equal(1600);
      await serve('stellio-test-temporalValues-multi-datasetId.json');
      const pairs = (await client().temporal({ ids: ['urn:ngsi-ld:BeeHive:TESTC'], format: 'temporalValues' })).entities[0]!;
      const byDataset = (id: string) => pairs.attributes.get('incoming')!.instances.filter((instance) => instance.datasetId === id).map((instance) => instance.value);
      expect(byDataset('urn:ngsi-ld:Dataset:A')).to.deep.equal([1550, 1543, 1600, 550, 500]);
      expect(byDataset('urn:ngsi-ld:Dataset:B')).to.deep.equal([1250, 1500, 1000, 50, 50]);
      expect(byDataset('urn:ngsi-ld:Dataset:C')).to.deep.equal([250, 200, 25, 20]);
      // Summed over the three datasets per hour: 12:00 UTC hour = 1550 + 1250.
      const series = await temporalSource({ 'economy.test-incoming': { type: 'BeeHive', attribute: 'incoming' } }).query({
        kind: 'series',
        indicator: 'economy.test-incoming',
        areas: ['27'],
        grain: 'hour',
        from: '2020-01-24T12:00:00Z',
        to: '2020-01-24T19:00:00Z',
      });
      expect(Array.from(series.series[0]!.v)).to.deep.equal([2800, 3043, 2600, 800, 700, 75, 70]);
      await serve('stellio-test-aggregated-multi-datasetId-string-values.json');
      const aggregated = (await client().temporal({ ids: ['urn:ngsi-ld:BeeHive:TESTC'], aggrMethods: ['min', 'max'], aggrPeriodDuration: 'PT1H' })).entities[0]!;
      const buckets = aggregated.attributes.get('incoming')!.aggregates;
      const cMin = buckets.filter((bucket) => bucket.datasetId === 'urn:ngsi-ld:Dataset:C' && bucket.method === 'min');
      // Strings "900", "1000": parsed by the adapter; two buckets share 15:01–16:01 in Dataset:C.
      expect(cMin.map((bucket) => bucket.value)).to.deep.equal(['900', '1000', '900', '1000']);
      expect(cMin[2]!.start).to.equal(cMin[3]!.start);
      const { numericObservations } = await import('./sdm.js');
      const observed = numericObservations(aggregated, ['incoming'], {}, undefined);
      expect(observed.every((observation) => typeof observation.value === 'number')).to.equal(true);
    });

    it('scorpio-query-aggregated-all-methods.json: 8 methods, "Mercedes" as max/min, min 100 > max 95 kept as sent', async () => {
      await serve('scorpio-query-aggregated-all-methods.json');
      const answer = await client().temporal({ type: 'Vehicle', aggrMethods: ['max', 'min', 'avg', 'sum', 'sumsq', 'stddev', 'totalCount', 'distinctCount'] });
      const vehicle = answer.entities[0]!;
      const speed = vehicle.attributes.get('speed')!.aggregates;
      const of = (method: string) => speed.find((bucket) => bucket.method === method)?.value;
      expect(of('avg')).to.be.closeTo(94.44444444444444, 1e-12);
      expect(of('sumsq')).to.equal(83300);
      expect(of('min')).to.equal(100);
      expect(of('max')).to.equal(95);
      expect(of('totalCount')).to.equal(9);
      expect(new Date(speed[0]!.start).toISOString()).to.equal('2020-08-01T12:00:00.000Z');
      expect(vehicle.attributes.get('brandName')!.aggregates.find((bucket) => bucket.method === 'max')?.value).to.equal('Mercedes');
      // "Mercedes" as a speed is a gap: the series still answers, partial, with a warning naming the bucket's attribute.
      const brand = await temporalSource({ 'mobility.mean-speed': { type: 'Vehicle', attribute: 'brandName' } }).query({ kind: 'series', indicator: 'mobility.mean-speed', areas: ['27'], grain: 'hour', from: '2020-08-01T11:00:00Z', to: '2020-08-01T13:00:00Z' });
      expect(Array.from(brand.series[0]!.v).every((value) => Number.isNaN(value))).to.equal(true);
      expect(brand.partial).to.equal(true);
      // Two buckets (max and min) hold "Mercedes": one warning, counted twice.
      expect(brand.warnings).to.deep.equal([{ code: 'invalid-value', entity: 'urn:ngsi-ld:Vehicle:B9211', field: 'brandName', count: 2, message: 'urn:ngsi-ld:Vehicle:B9211 brandName: "Mercedes" is not a number; read as a gap' }]);
      // The avg bucket, converted km/h → km/h, is the mean speed.
      const series = await temporalSource({ 'mobility.mean-speed': { type: 'Vehicle', attribute: 'speed', unitCode: 'KMH' } }).query({
        kind: 'series',
        indicator: 'mobility.mean-speed',
        areas: ['27'],
        grain: 'hour',
        from: '2020-08-01T12:00:00Z',
        to: '2020-08-01T13:00:00Z',
      });
      expect(series.series[0]!.v[0]).to.be.closeTo(94.44444444444444, 1e-12);
    });

    it('scorpio-query-aggregated-max-avg-PT4M-2023.json: a normalized array beside aggregated speed', async () => {
      await serve('scorpio-query-aggregated-max-avg-PT4M-2023.json');
      const answer = await client().temporal({ type: 'Vehicle', aggrMethods: ['max', 'avg'], aggrPeriodDuration: 'PT4M' });
      const vehicle = answer.entities[0]!;
      expect(values(vehicle, 'brandName')).to.deep.equal(['Mercedes']);
      expect(vehicle.attributes.get('speed')!.aggregates.filter((bucket) => bucket.method === 'avg').map((bucket) => bucket.value)).to.deep.equal([120, 90]);
      const [logged] = await requests();
      expect(logged!.query).to.include({ options: 'aggregatedValues', aggrMethods: 'max,avg', aggrPeriodDuration: 'PT4M' });
    });

    it('etsi-ts-vehicle: normalized with @context in the body, temporalValues floats, PT1H buckets at 12:03, one P1D bucket', async () => {
      await serve('etsi-ts-vehicle-temporal-normalized.json');
      const normalized = await client().temporal({ ids: ['urn:ngsi-ld:Vehicle:randomUUID'] });
      expect(normalized.context).to.equal('https://raw.githubusercontent.com/marek-mraz/ngsi-ld-test-suite/main/resources/jsonld-contexts/ngsi-ld-test-suite-compound.jsonld');
      expect(values(normalized.entities[0], 'speed')).to.deep.equal([120, 80, 100]);
      await serve('etsi-ts-vehicle-temporalValues.json');
      const pairs = await client().temporal({ ids: ['urn:ngsi-ld:Vehicle:randomUUID'], format: 'temporalValues' });
      expect(values(pairs.entities[0], 'fuelLevel')).to.deep.equal([67, 53, 40]);
      await serve('etsi-ts-vehicle-aggregated-avg-max-PT1H.json');
      const hourly = (await client().temporal({ ids: ['urn:ngsi-ld:Vehicle:x'], aggrMethods: ['avg', 'max'], aggrPeriodDuration: 'PT1H' })).entities[0]!;
      const fuelAvg = hourly.attributes.get('fuelLevel')!.aggregates.filter((bucket) => bucket.method === 'avg');
      expect(fuelAvg.map((bucket) => [new Date(bucket.start).toISOString(), bucket.value])).to.deep.equal([
        ['2020-08-01T12:03:00.000Z', 67],
        ['2020-08-01T13:03:00.000Z', 53],
        ['2020-08-01T14:03:00.000Z', 40],
      ]);
      await serve('etsi-ts-vehicle-aggregated-min-max-P1D.json');
      const daily = (await client().temporal({ ids: ['urn:ngsi-ld:Vehicle:x'], aggrMethods: ['min', 'max'], aggrPeriodDuration: 'P1D' })).entities[0]!;
      expect(daily.attributes.get('speed')!.aggregates.map((bucket) => [bucket.method, bucket.value])).to.deep.equal([
        ['min', 80],
        ['max', 120],
      ]);
      // Normalized speed through the adapter: the 12:00 UTC hour holds 120, 80, 100 → mean 100.
      await serve('etsi-ts-vehicle-temporal-normalized.json');
      const speed = await kpi(temporalSource({ 'mobility.mean-speed': { type: 'Vehicle', attribute: 'speed', unitCode: 'KMH' } }), 'mobility.mean-speed', '2020-08-01T12:30:00Z', 'hour');
      expect(speed.value).to.equal(100);
      expect(speed.observedAt).to.equal('2020-08-01T12:07:00.000Z');
    });

    it('etsi-ts-query-temporalValues-two-datasetIds.json and two-entities normalized', async () => {
      await serve('etsi-ts-query-temporalValues-two-datasetIds.json');
      const twoDatasets = (await client().temporal({ type: 'Vehicle', format: 'temporalValues' })).entities[0]!;
      const speed = twoDatasets.attributes.get('speed')!.instances;
      expect(speed.map((instance) => [instance.datasetId, instance.value])).to.deep.equal([
        ['urn:ngsi-ld:Dataset:Speed', 60],
        ['urn:ngsi-ld:Dataset:Common', 80],
        ['urn:ngsi-ld:Dataset:Speed', 62],
        ['urn:ngsi-ld:Dataset:Common', 90],
      ]);
      expect(twoDatasets.attributes.get('fuelLevel')!.instances.map((instance) => [instance.datasetId, instance.value])).to.deep.equal([['urn:ngsi-ld:Dataset:Common', 53]]);
      await serve('etsi-ts-query-normalized-two-entities.json');
      const two = await client().temporal({ type: 'Vehicle', timerel: 'after', timeAt: '2020-08-01T00:00:00Z' });
      expect(two.entities.map((entity) => entity.id)).to.deep.equal(['urn:ngsi-ld:Vehicle:021-01-A', 'urn:ngsi-ld:Vehicle:021-01-B']);
      expect(values(two.entities[1], 'speed')).to.deep.equal([120, 80, 100]);
    });

    it('etsi-ts deletion markers: urn:ngsi-ld:null and deletedAt are gaps, never values', async () => {
      await serve('etsi-ts-relationship-deleted-normalized.json');
      const deleted = (await client().temporal({ ids: ['urn:ngsi-ld:Vehicle:3786481415227169'] })).entities[0]!;
      expect(deleted.attributes.get('isParkedIn')!.instances[0]).to.deep.include({ deleted: true, value: null, observedAt: Date.parse('2024-12-11T11:02:49.270Z') });
      expect(latestInstance(deleted, 'isParkedIn')).to.equal(undefined);
      await serve('etsi-ts-relationship-deleted-temporalValues.json');
      const objects = (await client().temporal({ ids: ['urn:ngsi-ld:Vehicle:3894486412971043'], format: 'temporalValues' })).entities[0]!;
      expect(objects.attributes.get('isParkedIn')!.instances[0]).to.deep.include({ deleted: true, value: null });
      await serve('etsi-ts-property-deleted-temporalValues.json');
      const result = await kpi(temporalSource({ 'living.test-fuel': { type: 'Vehicle', attribute: 'fuelLevel' } }), 'living.test-fuel', '2024-12-11T15:30:00Z', 'hour');
      expect(result.value).to.equal(null);
    });

    it('etsi-ts-vehicle-twenty-instances-for-206.json: the broker pages by 206 + Content-Range and every instance arrives once', async () => {
      await server.call('servePaged', 'ngsi-ld-temporal/etsi-ts-vehicle-twenty-instances-for-206.json', 5);
      const answer = await client().temporal({ ids: ['urn:ngsi-ld:Vehicle:randomUUID'], timerel: 'between', timeAt: '2020-01-01T00:00:00Z', endTimeAt: '2020-01-02T00:00:00Z' });
      const vehicle = answer.entities[0]!;
      expect(values(vehicle, 'speed')).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(values(vehicle, 'fuelLevel')).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(answer.partial).to.equal(false);
      expect(answer.pages).to.equal(6);
      const logged = await requests();
      expect(logged.find((entry) => entry.query.timeAt !== '2020-01-01T00:00:00Z')!.query).to.include({ timerel: 'between', timeAt: '2020-01-01T01:05:00.000Z', endTimeAt: '2020-01-02T00:00:00Z' });
      // With lastN the range runs newest → oldest and paging goes backwards.
      await server.call('reset');
      await server.call('servePaged', 'ngsi-ld-temporal/etsi-ts-vehicle-twenty-instances-for-206.json', 5);
      const lastN = await client().temporal({ ids: ['urn:ngsi-ld:Vehicle:randomUUID'], lastN: 12 });
      expect(values(lastN.entities[0], 'speed')).to.deep.equal(Array.from({ length: 12 }, (_, i) => i + 9));
      expect(values(lastN.entities[0], 'fuelLevel')).to.deep.equal(Array.from({ length: 12 }, (_, i) => i + 9));
      expect((await requests()).find((entry) => entry.query.timerel)!.query).to.include({ timerel: 'before' });
      // And a page limit makes the result partial instead of looping forever.
      await server.call('servePaged', 'ngsi-ld-temporal/etsi-ts-vehicle-twenty-instances-for-206.json', 5);
      const capped = await client({ maxPages: 2 }).temporal({ ids: ['urn:ngsi-ld:Vehicle:randomUUID'], timerel: 'after', timeAt: '2020-01-01T00:00:00Z' });
      expect(capped.partial).to.equal(true);
      expect(capped.pages).to.equal(2);
      // Through the adapter: the 01:00 UTC hour of speeds 1..20 has mean 10.5.
      await server.call('servePaged', 'ngsi-ld-temporal/etsi-ts-vehicle-twenty-instances-for-206.json', 5);
      const speed = await kpi(temporalSource({ 'mobility.mean-speed': { type: 'Vehicle', attribute: 'speed' } }), 'mobility.mean-speed', '2020-01-01T01:30:00Z', 'hour');
      expect(speed.value).to.equal(10.5);
      expect(speed.partial).to.equal(false);
    });

    it('every temporal and entity fixture was exercised by this suite', async () => {
      const temporal = (await listShared('fixtures/ngsi-ld-temporal')) ?? [];
      const covered = [
        'mintaka-entity-lastN-normalized.json',
        'mintaka-entity-lastN-temporalValues.json',
        'mintaka-query-timeproperty-modifiedAt-normalized.json',
        'mintaka-query-timeproperty-modifiedAt-temporalValues.json',
        'mintaka-query-206-page2-temporalValues.json',
        'mintaka-query-206-page2-temporalValues.headers.txt',
        'mintaka-query-206-page1.headers.txt',
        'mintaka-query-relationship-objects-temporalValues.json',
        'stellio-entity-normalized.json',
        'stellio-entity-temporalValues.json',
        'stellio-entity-aggregatedValues-max-avg-totalCount-P1D.json',
        'stellio-query-entities-normalized.json',
        'stellio-test-normalized-multi-datasetId.json',
        'stellio-test-temporalValues-multi-datasetId.json',
        'stellio-test-aggregated-multi-datasetId-string-values.json',
        'scorpio-query-aggregated-all-methods.json',
        'scorpio-query-aggregated-max-avg-PT4M-2023.json',
        'etsi-ts-vehicle-temporal-normalized.json',
        'etsi-ts-vehicle-temporalValues.json',
        'etsi-ts-vehicle-aggregated-avg-max-PT1H.json',
        'etsi-ts-vehicle-aggregated-min-max-P1D.json',
        'etsi-ts-query-temporalValues-two-datasetIds.json',
        'etsi-ts-query-normalized-two-entities.json',
        'etsi-ts-relationship-deleted-normalized.json',
        'etsi-ts-relationship-deleted-temporalValues.json',
        'etsi-ts-property-deleted-temporalValues.json',
        'etsi-ts-vehicle-twenty-instances-for-206.json',
      ];
      expect(temporal.filter((file) => !covered.includes(file)), 'fixtures without a conformance test').to.deep.equal([]);
      const sdmFiles = (await listShared('fixtures/sdm')) ?? [];
      const sdmCovered = sdmFiles.filter((file) => /\.(json|jsonld)$/.test(file));
      // Six types × (four example forms + schema.json), Environment-schema, alert-schema and the 2020 history file: all exercised above.
      expect(sdmCovered.length).to.equal(33);
    });
  });
});

/** One bad value is a gap: the query answers, partial, with an `invalid-value` warning naming the attribute. */
async function expectGap(promise: Promise<KpiResult>, field: string, message: string): Promise<void> {
  const result = await promise;
  expect(result.value, field).to.equal(null);
  expect(result.partial, field).to.equal(true);
  const warning = result.warnings?.find((entry) => entry.field === field);
  expect(warning, `a warning about ${field}`).to.not.equal(undefined);
  expect(warning!.code).to.equal('invalid-value');
  expect(warning!.entity).to.be.a('string').and.not.equal('');
  expect(warning!.message).to.contain(message).and.contain(warning!.entity!).and.contain('read as a gap');
}
