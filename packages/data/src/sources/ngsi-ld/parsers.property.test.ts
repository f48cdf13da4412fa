/**
 * Property tests: the NGSI-LD and HTTP JSON parsers, fed random JSON, hostile strings, NaN,
 * ±Infinity, huge numbers and wrong types, either answer or throw a typed `IocDataError`,
 * and what they answer is sane (finite numbers, ascending times).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { IocDataError } from '../../contract/errors.js';
import type { DataWarningInput } from '../../contract/warnings.js';
import { parseInstant, parseNumber, readText } from '../../internal/http-values.js';
import { bodyExcerpt, parseRetryAfter } from '../../internal/http.js';
import { fillTemplate, readDateField, readNumberField } from '../http/fields.js';
import { compilePath, selectAll } from '../http/json-path.js';
import { readSeverity } from '../http/alert-fields.js';
import { readEntities, readEntity } from './entity.js';
import { contextFromLink, parseContentRange, parseLinkHeader } from './headers.js';
import { SDM_INDICATORS, alertFields, kpiObservations } from './sdm.js';

const RUNS = { numRuns: 300, seed: 20261125 };

/** Runs `fn`; passes if it returns or throws an IocDataError, fails on anything else. */
function onlyTyped(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    if (error instanceof IocDataError) return true;
    throw error;
  }
}

const hostile = fc.constantFrom(
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '__proto__',
  'constructor',
  'urn:ngsi-ld:null',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '\u0000\u001b[31m',
  '9'.repeat(400),
  '2016-02-30T25:61:61Z',
  '2016-03-15T11:00:00/2016-03-15T12:00:00/x',
  '١٢٣',
  '1.234,5',
  '',
);
const weirdNumber = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, -Number.MAX_VALUE, 1e308, -0, 8.64e15 + 1);
const leaf = fc.oneof(fc.string(), hostile, fc.double(), weirdNumber, fc.integer(), fc.boolean(), fc.constant(null));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.string(), hostile), tie('value'), { maxKeys: 5 })),
})).value;

const time = fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), hostile, fc.string(), weirdNumber, fc.integer());
const attributeShape = fc.oneof(
  json,
  fc.record({ type: fc.constantFrom('Property', 'Relationship', 'GeoProperty', 'VocabProperty'), value: json, observedAt: time, unitCode: fc.oneof(fc.string(), json), datasetId: fc.oneof(fc.string(), json) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('Property'), values: fc.array(fc.oneof(fc.tuple(json, time), json), { maxLength: 5 }) }),
  fc.record({ type: fc.constant('Relationship'), objects: fc.array(fc.tuple(json, time), { maxLength: 3 }) }),
  fc.record({ type: fc.constant('Property'), avg: fc.array(fc.oneof(fc.tuple(json, time, time), json), { maxLength: 3 }), max: json }),
  fc.array(fc.record({ type: fc.constant('Property'), value: json, observedAt: time, deletedAt: fc.option(time) }), { maxLength: 4 }),
  fc.record({ type: fc.constantFrom('Number', 'DateTime', 'Text'), value: json, metadata: fc.record({ unitCode: fc.record({ value: json }), timestamp: fc.record({ value: time }) }) }),
);
const entityShape = fc.record({
  id: fc.oneof(fc.string({ minLength: 1 }), hostile, json),
  type: fc.constantFrom('AirQualityObserved', 'WaterQualityObserved', 'TrafficFlowObserved', 'OnStreetParking', 'Alert', 'KeyPerformanceIndicator'),
  attributes: fc.dictionary(
    fc.constantFrom('pm25', 'pm10', 'airQualityIndex', 'O2', 'wqi', 'intensity', 'averageVehicleSpeed', 'availableSpotNumber', 'kpiValue', 'name', 'calculationPeriod', 'severity', 'category', 'dateIssued', 'validTo', 'location', 'dateObserved', 'dateObservedFrom', 'dateObservedTo', 'areaCode', '__proto__', 'modifiedAt'),
    attributeShape,
    { maxKeys: 8 },
  ),
});

describe('parsers never throw anything but typed errors (fast-check)', () => {
  it('readEntity / readEntities on random JSON', () => {
    fc.assert(fc.property(json, (value) => onlyTyped(() => readEntities(value))), RUNS);
  });

  it('readEntity on entity-shaped payloads: answers have ascending times', () => {
    fc.assert(
      fc.property(entityShape, ({ id, type, attributes }) =>
        onlyTyped(() => {
          const entity = readEntity({ ...attributes, id, type });
          for (const attribute of entity.attributes.values()) {
            const times = attribute.instances.map((instance) => instance.observedAt).filter((t): t is number => t !== undefined);
            expect(times).to.deep.equal([...times].sort((a, b) => a - b));
            for (const t of times) expect(Number.isFinite(t)).to.equal(true);
          }
        }),
      ),
      RUNS,
    );
  });

  it('Smart Data Models mappings on random entities: finite values or gaps, typed errors otherwise', () => {
    fc.assert(
      fc.property(entityShape, ({ id, type, attributes }) =>
        onlyTyped(() => {
          const entity = readEntity({ ...attributes, id, type });
          for (const mapping of SDM_INDICATORS) {
            for (const observation of mapping.observe(entity, { trafficPeriodMinutes: 5 })) {
              if (observation.value !== null) expect(Number.isFinite(observation.value)).to.equal(true);
            }
          }
          onlyTyped(() => kpiObservations(entity, 'living.test', { kpiIndicators: { [typeof id === 'string' ? id : 'x']: 'living.test' } }));
          onlyTyped(() => alertFields(entity, { now: () => 0 }));
        }),
      ),
      RUNS,
    );
  });

  it('with a warning sink, readEntities never throws for a list and the SDM mappings never throw at all: gaps and warnings instead', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(entityShape.map(({ id, type, attributes }) => ({ ...attributes, id, type })), json), { maxLength: 5 }), (body) => {
        const warnings: DataWarningInput[] = [];
        const warn = (warning: DataWarningInput) => warnings.push(warning);
        const entities = readEntities(body, 'entities', warn);
        for (const entity of entities) {
          for (const mapping of SDM_INDICATORS) {
            for (const observation of mapping.observe(entity, {}, warn)) {
              if (observation.value !== null) expect(Number.isFinite(observation.value)).to.equal(true);
              if (observation.time !== undefined) expect(Number.isFinite(observation.time)).to.equal(true);
            }
          }
          kpiObservations(entity, 'living.test', { kpiIndicators: { [entity.id]: 'living.test' } }, warn);
        }
        for (const warning of warnings) expect(warning.message).to.be.a('string').and.not.equal('');
        // Everything that was dropped was said: fewer entities than items means warnings.
        if (entities.length < body.length) expect(warnings.length).to.be.greaterThan(0);
      }),
      RUNS,
    );
  });

  it('Content-Range and Link headers from random and hostile text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), hostile, fc.tuple(time, time).map(([a, b]) => `date-time ${String(a)}-${String(b)}/*`)), (text) =>
        onlyTyped(() => {
          const range = parseContentRange(text);
          if (range) expect(range.from <= range.to).to.equal(true);
          parseLinkHeader(text);
          contextFromLink(text);
        }),
      ),
      RUNS,
    );
  });

  it('numbers, dates and text from anything', () => {
    fc.assert(
      fc.property(json, fc.constantFrom<'vi' | 'en' | 'auto'>('vi', 'en', 'auto'), (value, notation) =>
        onlyTyped(() => {
          const number = parseNumber(value, 'x', notation);
          if (number !== null) expect(Number.isFinite(number)).to.equal(true);
        }) &&
        onlyTyped(() => {
          const instant = parseInstant(value, 'x');
          if (instant !== null) expect(Math.abs(instant) <= 8.64e15).to.equal(true);
        }) &&
        onlyTyped(() => readText(value)),
      ),
      RUNS,
    );
  });

  it('HTTP JSON field paths, field reads and URL templates on random input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), hostile, fc.constantFrom('data.items[*].value', "$['a'][0]", '$.x[-1]', 'a[*][*]')), json, (path, record) =>
        onlyTyped(() => {
          compilePath(path);
          selectAll(record, path);
          const number = readNumberField(record, { path, scale: 1e300 }, 'rows[0]');
          if (number !== null) expect(Number.isFinite(number)).to.equal(true);
          readDateField(record, path, 'rows[0]');
          readSeverity(record, 'severity');
        }),
      ),
      RUNS,
    );
  });

  it('URL templates and error excerpts never let input become anything but text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), hostile), fc.dictionary(fc.string(), fc.oneof(fc.string(), hostile, fc.integer())), (template, values) =>
        onlyTyped(() => {
          const url = fillTemplate(template, values);
          for (const value of Object.values(values)) if (String(value).includes('<')) expect(url).to.not.contain(`{${String(value)}}`);
          const excerpt = bodyExcerpt(template);
          expect(excerpt).to.not.match(/<[a-z/!][^>]*>/i);
          expect(excerpt.length).to.be.at.most(160);
          parseRetryAfter(template, 0);
        }),
      ),
      RUNS,
    );
  });
});
