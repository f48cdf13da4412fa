/**
 * Reads NGSI-LD entities in every shape brokers send (ETSI GS CIM 009): normalized and
 * keyValues (concise) current state, the temporal representations (normalized instance arrays,
 * `temporalValues` pairs, `aggregatedValues` triples), several `datasetId`s per attribute,
 * deletion markers, and NGSI v2 attributes (`metadata.unitCode`) where a v2 payload turns up.
 *
 * Times without a zone are read as UTC (NGSI-LD requires UTC; Smart Data Models examples
 * often omit the `Z`). An ISO interval is read as its end: the instant the observation was
 * complete.
 *
 * Strict by default: everything unreadable is a `ValidationError` naming the field. Given a
 * `warn` sink (as the NGSI-LD source does), the readers are lenient instead: an instance, value
 * pair or bucket whose time cannot be read (or is missing), whose unit code or datasetId is not
 * text, or that is malformed is skipped and reported as a warning naming the entity and
 * attribute; an unreadable entity in a list is skipped the same way. Only a body that is not an
 * entity or a list at all is still an error.
 */
import { ValidationError } from '../../contract/errors.js';
import type { DataWarningCode, WarnFn } from '../../contract/warnings.js';
import { describeValue, parseInstant, readText, unwrapTyped } from '../../internal/http-values.js';

/** The NGSI-LD deletion marker (GS CIM 009 v1.8 §4.5.x): a deleted value in temporal evolution. */
export const NGSI_LD_NULL = 'urn:ngsi-ld:null';

const ATTRIBUTE_TYPES = new Set([
  'Property',
  'Relationship',
  'GeoProperty',
  'LanguageProperty',
  'VocabProperty',
  'JsonProperty',
  'ListProperty',
  'ListRelationship',
]);

/** NGSI-LD aggregation methods (`aggrMethods`). */
export const AGGREGATION_METHODS = ['totalCount', 'distinctCount', 'sum', 'avg', 'min', 'max', 'stddev', 'sumsq'] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

/** Keys of an entity that are not attributes. */
const ENTITY_KEYS = new Set(['id', 'type', '@context', 'scope', 'createdAt', 'deletedAt']);

export interface AttributeInstance {
  /** `Property`, `Relationship`, … or `Value` for a keyValues / v2 attribute. */
  kind: string;
  /** The value (JSON-LD `@value` unwrapped), the relationship's object, or null when deleted. */
  value: unknown;
  /** `observedAt` (or the temporalValues timestamp, or v2 `metadata.timestamp`), epoch ms. */
  observedAt?: number;
  unitCode?: string;
  datasetId?: string;
  /** True for a deletion marker (`urn:ngsi-ld:null`, `deletedAt`): a gap, not a value. */
  deleted: boolean;
}

export interface AggregateBucket {
  method: string;
  value: unknown;
  /** Bucket start and end, epoch ms. */
  start: number;
  end: number;
  datasetId?: string;
}

export interface NgsiAttribute {
  name: string;
  /** Ascending by `observedAt`; instances without a time keep their order, before the timed ones. */
  instances: AttributeInstance[];
  /** `aggregatedValues` buckets, ascending by start. */
  aggregates: AggregateBucket[];
  /** The first `unitCode` seen on the attribute. */
  unitCode?: string;
}

export interface NgsiEntity {
  id: string;
  type: string;
  attributes: Map<string, NgsiAttribute>;
  /** The `@context` of the body, if any (with `Accept: application/json` it comes in a Link header instead). */
  context?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether a value is an attribute object (normalized, temporal or v2) rather than a keyValues value. */
export function isAttributeObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const type = own(value, 'type');
  if (typeof type === 'string' && ATTRIBUTE_TYPES.has(type)) return true;
  if (Array.isArray(own(value, 'values')) || Array.isArray(own(value, 'objects'))) return true;
  if (AGGREGATION_METHODS.some((method) => Array.isArray(own(value, method)))) return true;
  // NGSI v2: `{ "type": "Number", "value": 3, "metadata": {…} }`. GeoJSON has no `value` key.
  return typeof type === 'string' && Object.hasOwn(value, 'value') && !Object.hasOwn(value, 'coordinates');
}

function isDeletionMarker(value: unknown): boolean {
  return value === NGSI_LD_NULL || (Array.isArray(value) && value.length === 1 && value[0] === NGSI_LD_NULL);
}

/** Something unreadable inside an entity: strict readers throw it, lenient ones warn and skip the part. */
interface Problem {
  code: Exclude<DataWarningCode, 'more'>;
  /** Full path, for a `ValidationError`. */
  path: string;
  /** The attribute, for a warning. */
  field: string;
  problem: string;
  /** What was done about it, for a warning ("skipped"). */
  consequence: string;
}

type Report = (problem: Problem) => void;

/** Thrown inside a lenient read to abandon the part being read (after it was reported); never escapes. */
class Skipped extends Error {}
const SKIP = new Skipped('skipped');

function reporter(entity: string, warn: WarnFn | undefined): Report {
  if (!warn) {
    return (problem) => {
      throw new ValidationError(problem.path, problem.problem);
    };
  }
  return (problem) => {
    warn({ code: problem.code, entity, field: problem.field, message: `${entity} ${problem.field}: ${problem.problem.replace(/\.$/, '')}; ${problem.consequence}` });
    throw SKIP;
  };
}

/** Runs `read`; a part a lenient reader reported is dropped (undefined). */
function unlessSkipped<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error === SKIP) return undefined;
    throw error;
  }
}

function textOrUndefined(value: unknown, path: string, field: string, what: string, code: Problem['code'], report: Report): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') report({ code, path, field, problem: `expected ${what} as text, got ${describeValue(value)}.`, consequence: 'its value is left out' });
  return readText(value, 300);
}

function readInstant(value: unknown, path: string, field: string, report: Report): number | undefined {
  try {
    const ms = parseInstant(value, path);
    return ms === null ? undefined : ms;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    report({ code: 'invalid-time', path, field, problem: `the time ${describeValue(unwrapTyped(value))} cannot be read`, consequence: 'this value is skipped' });
    return undefined;
  }
}

/** One attribute object in normalized form (current state or one temporal instance). */
function readInstance(raw: Record<string, unknown>, path: string, field: string, report: Report): AttributeInstance {
  const type = own(raw, 'type');
  const kind = typeof type === 'string' ? (ATTRIBUTE_TYPES.has(type) ? type : 'Value') : 'Property';
  let value: unknown;
  if (kind === 'Relationship' || kind === 'ListRelationship') value = own(raw, 'object') ?? own(raw, 'objectList');
  else if (kind === 'LanguageProperty') value = own(raw, 'languageMap');
  else if (kind === 'VocabProperty') value = own(raw, 'vocab');
  else if (kind === 'JsonProperty') value = own(raw, 'json');
  else if (kind === 'ListProperty') value = own(raw, 'valueList');
  else value = own(raw, 'value');
  value = unwrapTyped(value);
  const instance: AttributeInstance = { kind, value, deleted: false };
  const metadata = own(raw, 'metadata');
  const v2Timestamp = isRecord(metadata) && isRecord(own(metadata, 'timestamp')) ? own(own(metadata, 'timestamp') as Record<string, unknown>, 'value') : undefined;
  const v2Unit = isRecord(metadata) && isRecord(own(metadata, 'unitCode')) ? own(own(metadata, 'unitCode') as Record<string, unknown>, 'value') : undefined;
  const observedAt = readInstant(own(raw, 'observedAt') ?? v2Timestamp, `${path}.observedAt`, field, report);
  if (observedAt !== undefined) instance.observedAt = observedAt;
  const unitCode = textOrUndefined(own(raw, 'unitCode') ?? v2Unit, `${path}.unitCode`, field, 'a unit code', 'invalid-unit', report);
  if (unitCode) instance.unitCode = unitCode;
  const datasetId = textOrUndefined(own(raw, 'datasetId'), `${path}.datasetId`, field, 'a datasetId', 'invalid-record', report);
  if (datasetId) instance.datasetId = datasetId;
  const deletedAt = own(raw, 'deletedAt');
  if (deletedAt !== undefined || isDeletionMarker(value)) {
    instance.deleted = true;
    instance.value = null;
    if (instance.observedAt === undefined && deletedAt !== undefined) {
      const at = readInstant(deletedAt, `${path}.deletedAt`, field, report);
      if (at !== undefined) instance.observedAt = at;
    }
  }
  return instance;
}

/** `values` / `objects` pairs of the temporalValues representation. A pair needs a time. */
function readPairs(pairs: readonly unknown[], kind: string, datasetId: string | undefined, unitCode: string | undefined, path: string, field: string, report: Report): AttributeInstance[] {
  const instances: AttributeInstance[] = [];
  pairs.forEach((pair, index) => {
    const at = `${path}[${index}]`;
    const instance = unlessSkipped(() => {
      if (!Array.isArray(pair) || pair.length < 2) {
        report({ code: 'invalid-record', path: at, field, problem: `expected a [value, time] pair, got ${describeValue(pair)}.`, consequence: 'this value is skipped' });
      }
      const [rawValue, rawTime] = pair as unknown[];
      const value = unwrapTyped(rawValue);
      const observedAt = readInstant(rawTime, `${at}[1]`, field, report);
      if (observedAt === undefined) report({ code: 'missing-time', path: `${at}[1]`, field, problem: 'a temporal value has no time.', consequence: 'this value is skipped' });
      const deleted = isDeletionMarker(value);
      const read: AttributeInstance = { kind, value: deleted ? null : value, deleted };
      if (observedAt !== undefined) read.observedAt = observedAt;
      if (datasetId) read.datasetId = datasetId;
      if (unitCode) read.unitCode = unitCode;
      return read;
    });
    if (instance) instances.push(instance);
  });
  return instances;
}

function readBuckets(raw: Record<string, unknown>, datasetId: string | undefined, path: string, field: string, report: Report): AggregateBucket[] {
  const buckets: AggregateBucket[] = [];
  for (const method of AGGREGATION_METHODS) {
    const list = own(raw, method);
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      unlessSkipped(() => report({ code: 'invalid-record', path: `${path}.${method}`, field, problem: `expected a list of [value, start, end] for ${method}, got ${describeValue(list)}.`, consequence: 'skipped' }));
      continue;
    }
    list.forEach((triple: unknown, index) => {
      const at = `${path}.${method}[${index}]`;
      const bucket = unlessSkipped(() => {
        if (!Array.isArray(triple) || triple.length < 3) report({ code: 'invalid-record', path: at, field, problem: `expected [value, start, end], got ${describeValue(triple)}.`, consequence: 'this bucket is skipped' });
        const [rawValue, rawStart, rawEnd] = triple as unknown[];
        const start = readInstant(rawStart, `${at}[1]`, field, report);
        const end = readInstant(rawEnd, `${at}[2]`, field, report);
        if (start === undefined || end === undefined) report({ code: 'missing-time', path: at, field, problem: 'an aggregation bucket needs a start and an end.', consequence: 'this bucket is skipped' });
        const value = unwrapTyped(rawValue);
        const read: AggregateBucket = { method, value: isDeletionMarker(value) ? null : value, start: start ?? 0, end: end ?? 0 };
        if (datasetId) read.datasetId = datasetId;
        return read;
      });
      if (bucket) buckets.push(bucket);
    });
  }
  return buckets;
}

/** One attribute, whatever its representation, added to `into`. */
function readAttributeValue(raw: unknown, into: NgsiAttribute, path: string, report: Report): void {
  if (Array.isArray(raw) && raw.length > 0 && raw.every((item) => isAttributeObject(item))) {
    // Several instances: temporal normalized, several datasetIds, or both.
    raw.forEach((item, index) => readAttributeValue(item, into, `${path}[${index}]`, report));
    return;
  }
  if (!isAttributeObject(raw)) {
    // keyValues (concise): the value itself.
    const value = unwrapTyped(raw);
    const deleted = isDeletionMarker(value);
    into.instances.push({ kind: 'Value', value: deleted ? null : value, deleted });
    return;
  }
  const type = own(raw, 'type');
  const kind = typeof type === 'string' && ATTRIBUTE_TYPES.has(type) ? type : 'Property';
  const field = into.name;
  unlessSkipped(() => {
    const datasetId = textOrUndefined(own(raw, 'datasetId'), `${path}.datasetId`, field, 'a datasetId', 'invalid-record', report);
    const unitCode = textOrUndefined(own(raw, 'unitCode'), `${path}.unitCode`, field, 'a unit code', 'invalid-unit', report);
    const values = own(raw, 'values');
    const objects = own(raw, 'objects');
    const hasBuckets = AGGREGATION_METHODS.some((method) => own(raw, method) !== undefined);
    if (Array.isArray(values) || Array.isArray(objects)) {
      into.instances.push(...readPairs((Array.isArray(values) ? values : objects) as unknown[], kind, datasetId, unitCode, `${path}.${Array.isArray(values) ? 'values' : 'objects'}`, field, report));
    } else if (hasBuckets) {
      into.aggregates.push(...readBuckets(raw, datasetId, path, field, report));
    } else {
      into.instances.push(readInstance(raw, path, field, report));
    }
    if (unitCode && !into.unitCode) into.unitCode = unitCode;
  });
}

/**
 * Reads one entity. `path` names it in error messages (e.g. `entities[3]`).
 * Throws `ValidationError` for a payload that is not an NGSI-LD entity. Without `warn`, any
 * unreadable part is a `ValidationError` too; with it, unreadable parts (a time, a unit code, a
 * malformed value pair or bucket) are skipped and reported there, naming the entity and attribute.
 */
export function readEntity(raw: unknown, path = '(entity)', warn?: WarnFn): NgsiEntity {
  if (!isRecord(raw)) throw new ValidationError(path, `expected an NGSI-LD entity object, got ${describeValue(raw)}.`);
  const id = own(raw, 'id') ?? own(raw, '@id');
  const type = own(raw, 'type') ?? own(raw, '@type');
  if (typeof id !== 'string' || id === '') throw new ValidationError(`${path}.id`, `an entity needs an id, got ${describeValue(id)}.`);
  const typeText = Array.isArray(type) && typeof type[0] === 'string' ? type[0] : type;
  if (typeof typeText !== 'string' || typeText === '') throw new ValidationError(`${path}.type`, `an entity needs a type, got ${describeValue(type)}.`);
  const entity: NgsiEntity = { id: readText(id, 300) ?? id, type: readText(typeText, 200) ?? typeText, attributes: new Map() };
  if (Object.hasOwn(raw, '@context')) entity.context = raw['@context'];
  const report = reporter(entity.id, warn);
  for (const [name, value] of Object.entries(raw)) {
    if (ENTITY_KEYS.has(name) || name === '@id' || name === '@type') continue;
    // System `modifiedAt` is a plain timestamp; a user attribute of that name (Smart Data Models
    // KeyPerformanceIndicator has one) is an attribute object and is read like any other.
    if ((name === 'modifiedAt' || name === 'observedAt') && typeof value === 'string' && !isAttributeObject(value)) continue;
    const attribute: NgsiAttribute = { name, instances: [], aggregates: [] };
    readAttributeValue(value, attribute, `${path}.${name}`, report);
    const firstUnit = attribute.instances.find((instance) => instance.unitCode)?.unitCode;
    if (!attribute.unitCode && firstUnit) attribute.unitCode = firstUnit;
    // Brokers send newest first (lastN) or oldest first: always hand out oldest first.
    attribute.instances = sortInstances(attribute.instances);
    attribute.aggregates.sort((a, b) => a.start - b.start);
    entity.attributes.set(name, attribute);
  }
  return entity;
}

/** Untimed instances first (in their order), then timed ones ascending; the sort is stable. */
function sortInstances(instances: readonly AttributeInstance[]): AttributeInstance[] {
  const untimed = instances.filter((instance) => instance.observedAt === undefined);
  const timed = instances.filter((instance) => instance.observedAt !== undefined).sort((a, b) => (a.observedAt ?? 0) - (b.observedAt ?? 0));
  return [...untimed, ...timed];
}

/**
 * Reads a response body holding one entity or an array of them. With `warn`, an entity of the
 * list that cannot be read (no id, no type, not an object) is skipped and reported there, and
 * so are unreadable parts of the others (see `readEntity`); without it, they are errors.
 */
export function readEntities(body: unknown, path = 'entities', warn?: WarnFn): NgsiEntity[] {
  if (Array.isArray(body)) {
    if (!warn) return body.map((item, index) => readEntity(item, `${path}[${index}]`));
    const entities: NgsiEntity[] = [];
    body.forEach((item, index) => {
      try {
        entities.push(readEntity(item, `${path}[${index}]`, warn));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const id = isRecord(item) ? (own(item, 'id') ?? own(item, '@id')) : undefined;
        const entity = typeof id === 'string' && id !== '' ? (readText(id, 300) ?? id) : `${path}[${index}]`;
        warn({ code: 'invalid-record', entity, message: `${entity}: ${error.problem.replace(/\.$/, '')}; this entity is skipped` });
      }
    });
    return entities;
  }
  if (isRecord(body)) return [readEntity(body, path, warn)];
  throw new ValidationError(path, `expected an entity or a list of entities, got ${describeValue(body)}.`);
}

/** The newest non-deleted instance of an attribute (for a dataset, if given). */
export function latestInstance(entity: NgsiEntity, name: string, datasetId?: string): AttributeInstance | undefined {
  const instances = entity.attributes.get(name)?.instances ?? [];
  for (let i = instances.length - 1; i >= 0; i--) {
    const instance = instances[i];
    if (instance && !instance.deleted && (datasetId === undefined || instance.datasetId === datasetId)) return instance;
  }
  return undefined;
}

/** Merges entities with the same id (pages of one temporal query), joining their instances. */
export function mergeEntities(into: Map<string, NgsiEntity>, entities: readonly NgsiEntity[]): void {
  for (const entity of entities) {
    const existing = into.get(entity.id);
    if (!existing) {
      into.set(entity.id, entity);
      continue;
    }
    for (const [name, attribute] of entity.attributes) {
      const target = existing.attributes.get(name);
      if (!target) {
        existing.attributes.set(name, attribute);
        continue;
      }
      // Pages overlap at their boundary instant: keep one instance per (time, dataset).
      const seen = new Set(target.instances.map((instance) => `${instance.observedAt ?? ''}|${instance.datasetId ?? ''}`));
      for (const instance of attribute.instances) {
        const key = `${instance.observedAt ?? ''}|${instance.datasetId ?? ''}`;
        if (instance.observedAt === undefined || !seen.has(key)) target.instances.push(instance);
        seen.add(key);
      }
      target.instances = sortInstances(target.instances);
      target.aggregates.push(...attribute.aggregates);
      target.aggregates.sort((a, b) => a.start - b.start);
      if (!target.unitCode && attribute.unitCode) target.unitCode = attribute.unitCode;
    }
  }
}
