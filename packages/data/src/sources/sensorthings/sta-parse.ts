/**
 * Readers for OGC SensorThings API 1.1 payloads (also 1.0, which has the same shapes): entity
 * sets with `@iot.count` / `@iot.nextLink`, Things, Locations, Datastreams, Observations (plain
 * and `$resultFormat=dataArray`), `unitOfMeasurement`, and `phenomenonTime` instants or intervals.
 * They throw nothing but `ValidationError`, naming the field at fault.
 *
 * Leniency, decided once:
 * - `"values"` instead of `"value"` as the collection key (a typo in the OGC 18-088 spec's own
 *   `$expand` example) is **accepted**: the meaning is unambiguous and servers copied from the
 *   spec exist. It is recorded in `quirks`. A payload with both keys uses `value`.
 * - `"@iot.id "` (with a trailing space, also from the spec) and other control-annotation keys
 *   with stray whitespace are **accepted** by trimming: again unambiguous. Recorded in `quirks`.
 * - A time without a zone is read as Vietnamese local time (UTC+07:00), like every ioc-kit source.
 * - `resultTime: null` is valid (STA allows it) and reads as null.
 * Anything else that is not the expected shape is a `ValidationError`, except where a reader is
 * given an `onProblem` handler (as the SensorThings source does): then one Observation or
 * dataArray row without a readable `phenomenonTime` (or otherwise unreadable) is skipped and
 * reported to the handler, and an unreadable `resultTime` is reported and read as null, so one
 * bad row never costs the page.
 */
import type { Unit } from '../../contract/catalogue.js';
import { ValidationError } from '../../contract/errors.js';
import { parseTime } from '../../contract/time.js';
import { cleanText } from '../../contract/validate.js';

export type StaRecord = Record<string, unknown>;

export interface StaCollection {
  items: StaRecord[];
  /** `@iot.count` when the server sent it (`$count=true`). */
  count?: number;
  /** `@iot.nextLink` as sent (absolute or relative; resolve it against the URL of the page). */
  nextLink?: string;
  /** Spec deviations that were accepted, for diagnostics. */
  quirks: string[];
}

export interface StaInterval {
  /** Epoch ms. For an instant, start = end. */
  start: number;
  end: number;
}

export interface StaObservation {
  id?: string;
  /** Start of the phenomenon time (the instant, or an interval's start), epoch ms. */
  time: number;
  /** End of the phenomenon time (equal to `time` for an instant). */
  end: number;
  /** As sent: a number, a numeric string, null, or anything a sensor reports (read by the adapter). */
  result: unknown;
  resultTime: number | null;
}

export interface StaObservedProperty {
  name: string;
  definition?: string;
}

export interface StaThing {
  /** '' when `$select` left the id out. */
  id: string;
  name: string;
  properties: Record<string, unknown>;
  /** [longitude, latitude] of the first Location with a point, when Locations were expanded. */
  location?: [number, number];
  datastreams?: StaDatastream[];
}

export interface StaDatastream {
  /** '' when `$select` left the id out. */
  id: string;
  name: string;
  unit: Unit;
  observedProperty?: StaObservedProperty;
  thing?: StaThing;
  phenomenonTime?: StaInterval;
  observations?: StaObservation[];
  /** `Observations@iot.count` of an expanded Datastream. */
  observationsCount?: number;
  observationsNextLink?: string;
}

function isRecord(value: unknown): value is StaRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the text "${cleanText(value, 40)}"`;
  return `a ${typeof value}`;
}

/**
 * Copies an entity with annotation keys (`…@iot.…`) trimmed of stray whitespace, noting each
 * repair in `quirks`. Other keys are kept as they are.
 */
export function normaliseKeys(record: StaRecord, path: string, quirks: string[]): StaRecord {
  let repaired: StaRecord | undefined;
  for (const key of Object.keys(record)) {
    const trimmed = key.trim();
    if (trimmed !== key && trimmed.includes('@iot.')) {
      repaired ??= { ...record };
      if (!(trimmed in record)) repaired[trimmed] = record[key];
      delete repaired[key];
      quirks.push(`${path}: key "${key}" read as "${trimmed}"`);
    }
  }
  return repaired ?? record;
}

/** An `@iot.id`: a number or a non-empty string (servers use both). */
export function readId(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '' && value.length <= 200) return cleanText(value, 200);
  throw new ValidationError(path, `expected an @iot.id (number or text), got ${describe(value)}`);
}

/** An `@iot.id` that `$select` may have left out: '' when absent. */
function idOrEmpty(record: StaRecord, path: string): string {
  const value = record['@iot.id'] ?? record.id;
  return value === undefined ? '' : readId(value, path);
}

function optionalCount(value: unknown, path: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new ValidationError(path, `expected a count (a whole number ≥ 0), got ${describe(value)}`);
}

function optionalLink(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() !== '' && value.length <= 8192) return value.trim();
  throw new ValidationError(path, `expected a link, got ${describe(value)}`);
}

/** An entity set: `{ value: [...], @iot.count?, @iot.nextLink? }` (or the spec typo `values`). */
export function readCollection(body: unknown, path = '(body)'): StaCollection {
  const quirks: string[] = [];
  if (!isRecord(body)) throw new ValidationError(path, `expected a SensorThings entity set (an object with "value"), got ${describe(body)}`);
  const record = normaliseKeys(body, path, quirks);
  let list = record.value;
  if (list === undefined && Array.isArray(record.values)) {
    list = record.values;
    quirks.push(`${path}: "values" read as "value"`);
  }
  if (!Array.isArray(list)) throw new ValidationError(`${path}.value`, `expected the list of entities, got ${describe(list)}`);
  const items = list.map((item: unknown, i) => {
    if (!isRecord(item)) throw new ValidationError(`${path}.value[${i}]`, `expected an entity, got ${describe(item)}`);
    return normaliseKeys(item, `${path}.value[${i}]`, quirks);
  });
  const collection: StaCollection = { items, quirks };
  const count = optionalCount(record['@iot.count'], `${path}.@iot.count`);
  if (count !== undefined) collection.count = count;
  const nextLink = optionalLink(record['@iot.nextLink'], `${path}.@iot.nextLink`);
  if (nextLink !== undefined) collection.nextLink = nextLink;
  return collection;
}

/** A time instant or an ISO 8601 interval `start/end`; offsets (`+08:00`, `-07:00`) are honoured. */
export function readTimeOrInterval(value: unknown, path: string): StaInterval {
  if (typeof value !== 'string' && typeof value !== 'number') throw new ValidationError(path, `expected a time or an interval, got ${describe(value)}`);
  if (typeof value === 'string' && value.includes('/')) {
    const [from = '', to = '', ...rest] = value.split('/');
    const start = parseTime(from);
    const end = parseTime(to);
    if (rest.length > 0 || !Number.isFinite(start) || !Number.isFinite(end)) {
      throw new ValidationError(path, `expected an interval "start/end" of two date-times, got ${describe(value)}`);
    }
    if (end < start) throw new ValidationError(path, 'the interval ends before it starts');
    return { start, end };
  }
  const time = parseTime(value);
  if (!Number.isFinite(time)) throw new ValidationError(path, `expected a date-time, got ${describe(value)}`);
  return { start: time, end: time };
}

/** Something wrong with one Observation (or dataArray row), for a lenient reader's `onProblem`. */
export interface StaProblem {
  code: 'missing-time' | 'invalid-time' | 'invalid-record';
  /** Where, for messages: `(body).value[3]`, `(body).value[0].dataArray[7]`. */
  path: string;
  /** The property at fault: `phenomenonTime`, `resultTime`, `@iot.id`, or `(row)` for the whole. */
  field: string;
  /** The Observation's `@iot.id`, when it could be read. */
  observation?: string;
  problem: string;
  /** What was done: the row `skipped`, or the field `read as null`. */
  consequence: 'skipped' | 'read as null';
}

export type StaProblemHandler = (problem: StaProblem) => void;

/** The fields of one Observation, wherever they came from (an object, or a dataArray row). */
interface ObservationFields {
  id: unknown;
  phenomenonTime: unknown;
  result: unknown;
  resultTime: unknown;
}

/**
 * Reads one Observation's fields. Strict (no handler): a `ValidationError` at the first problem.
 * Lenient: the problem goes to the handler and the Observation is skipped (undefined), except a
 * bad `resultTime`, which is read as null.
 */
function observationOf(fields: ObservationFields, path: string, paths: { id: string; time: string; resultTime: string }, onProblem: StaProblemHandler | undefined): StaObservation | undefined {
  let id: string | undefined;
  const fail = (problem: Omit<StaProblem, 'observation' | 'consequence'>, consequence: StaProblem['consequence'] = 'skipped'): undefined => {
    if (!onProblem) throw new ValidationError(problem.path, problem.problem);
    onProblem({ ...problem, consequence, ...(id !== undefined ? { observation: id } : {}) });
    return undefined;
  };
  if (fields.id !== undefined) {
    try {
      id = readId(fields.id, paths.id);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return fail({ code: 'invalid-record', path: paths.id, field: '@iot.id', problem: `expected an @iot.id (number or text), got ${describe(fields.id)}` });
    }
  }
  if (fields.phenomenonTime === undefined || fields.phenomenonTime === null || fields.phenomenonTime === '') {
    return fail({ code: 'missing-time', path: paths.time, field: 'phenomenonTime', problem: 'an Observation needs a phenomenonTime, got none' });
  }
  let phenomenon: StaInterval;
  try {
    phenomenon = readTimeOrInterval(fields.phenomenonTime, paths.time);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return fail({ code: 'invalid-time', path: paths.time, field: 'phenomenonTime', problem: `expected a date-time or an interval, got ${describe(fields.phenomenonTime)}` });
  }
  const observation: StaObservation = { time: phenomenon.start, end: phenomenon.end, result: fields.result, resultTime: null };
  if (id !== undefined) observation.id = id;
  if (fields.resultTime !== undefined && fields.resultTime !== null) {
    try {
      observation.resultTime = readTimeOrInterval(fields.resultTime, paths.resultTime).start;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      fail({ code: 'invalid-time', path: paths.resultTime, field: 'resultTime', problem: `expected a date-time, got ${describe(fields.resultTime)}` }, 'read as null');
    }
  }
  return observation;
}

/**
 * One Observation: `phenomenonTime` (required), `result`, `resultTime` (may be null). Throws
 * `ValidationError` for anything unreadable; with `onProblem`, reports it there instead and
 * returns undefined for an Observation that cannot be used (see `StaProblem`).
 */
export function readObservation(raw: unknown, path: string, quirks?: string[]): StaObservation;
export function readObservation(raw: unknown, path: string, quirks: string[], onProblem: StaProblemHandler): StaObservation | undefined;
export function readObservation(raw: unknown, path: string, quirks: string[] = [], onProblem?: StaProblemHandler): StaObservation | undefined {
  if (!isRecord(raw)) {
    const problem = `expected an Observation, got ${describe(raw)}`;
    if (!onProblem) throw new ValidationError(path, problem);
    onProblem({ code: 'invalid-record', path, field: '(row)', problem, consequence: 'skipped' });
    return undefined;
  }
  const record = normaliseKeys(raw, path, quirks);
  return observationOf(
    { id: record['@iot.id'], phenomenonTime: record.phenomenonTime, result: record.result, resultTime: record.resultTime },
    path,
    { id: `${path}.@iot.id`, time: `${path}.phenomenonTime`, resultTime: `${path}.resultTime` },
    onProblem,
  );
}

/**
 * Observations in `$resultFormat=dataArray` form: `value` holds one block per Datastream with
 * `components` (field names) and `dataArray` (rows in that order). `phenomenonTime` and `result`
 * must be among the components. A block without them is a `ValidationError`; so is a bad row,
 * unless `onProblem` is given: then the row is reported there and skipped.
 */
export function readDataArray(
  body: unknown,
  path = '(body)',
  onProblem?: StaProblemHandler,
): { blocks: { datastreamLink?: string; observations: StaObservation[] }[]; count?: number; nextLink?: string; quirks: string[] } {
  const collection = readCollection(body, path);
  const blocks = collection.items.map((block, b) => {
    const at = `${path}.value[${b}]`;
    const components = block.components;
    if (!Array.isArray(components) || !components.every((c): c is string => typeof c === 'string')) {
      throw new ValidationError(`${at}.components`, 'expected the list of component names');
    }
    const timeIndex = components.indexOf('phenomenonTime');
    const resultIndex = components.indexOf('result');
    if (timeIndex === -1 || resultIndex === -1) throw new ValidationError(`${at}.components`, 'must include "phenomenonTime" and "result"');
    const idIndex = components.indexOf('id') === -1 ? components.indexOf('@iot.id') : components.indexOf('id');
    const resultTimeIndex = components.indexOf('resultTime');
    const rows = block.dataArray;
    if (!Array.isArray(rows)) throw new ValidationError(`${at}.dataArray`, `expected rows, got ${describe(rows)}`);
    const observations: StaObservation[] = [];
    rows.forEach((row: unknown, r) => {
      const rowPath = `${at}.dataArray[${r}]`;
      if (!Array.isArray(row) || row.length !== components.length) {
        const problem = `expected a row of ${components.length} values (${components.join(', ')})`;
        if (!onProblem) throw new ValidationError(rowPath, problem);
        onProblem({ code: 'invalid-record', path: rowPath, field: '(row)', problem, consequence: 'skipped' });
        return;
      }
      const cells = row as unknown[];
      const observation = observationOf(
        { id: idIndex === -1 ? undefined : cells[idIndex], phenomenonTime: cells[timeIndex], result: cells[resultIndex], resultTime: resultTimeIndex === -1 ? undefined : cells[resultTimeIndex] },
        rowPath,
        { id: `${rowPath}[${idIndex}]`, time: `${rowPath}[${timeIndex}]`, resultTime: `${rowPath}[${resultTimeIndex}]` },
        onProblem,
      );
      if (observation) observations.push(observation);
    });
    const link = optionalLink(block['Datastream@iot.navigationLink'], `${at}.Datastream@iot.navigationLink`);
    return { observations, ...(link ? { datastreamLink: link } : {}) };
  });
  return { blocks, quirks: collection.quirks, ...(collection.count !== undefined ? { count: collection.count } : {}), ...(collection.nextLink ? { nextLink: collection.nextLink } : {}) };
}

/** Display labels and UCUM codes for the unit symbols sensors use. */
const UNIT_SYMBOLS: Readonly<Record<string, { code: string; label: string }>> = {
  'µg/m³': { code: 'ug/m3', label: 'µg/m³' },
  'μg/m³': { code: 'ug/m3', label: 'µg/m³' },
  'ug/m3': { code: 'ug/m3', label: 'µg/m³' },
  'µg/m3': { code: 'ug/m3', label: 'µg/m³' },
  'ug/m³': { code: 'ug/m3', label: 'µg/m³' },
  'mg/m³': { code: 'mg/m3', label: 'mg/m³' },
  'mg/m3': { code: 'mg/m3', label: 'mg/m³' },
  'mg/l': { code: 'mg/L', label: 'mg/L' },
  'mg/L': { code: 'mg/L', label: 'mg/L' },
  '°C': { code: 'Cel', label: '°C' },
  degC: { code: 'Cel', label: '°C' },
  Cel: { code: 'Cel', label: '°C' },
  '%': { code: '%', label: '%' },
  cm: { code: 'cm', label: 'cm' },
  m: { code: 'm', label: 'm' },
  mm: { code: 'mm', label: 'mm' },
  lx: { code: 'lx', label: 'lx' },
  lux: { code: 'lx', label: 'lx' },
  hPa: { code: 'hPa', label: 'hPa' },
  ppm: { code: '[ppm]', label: 'ppm' },
  '[ppm]': { code: '[ppm]', label: 'ppm' },
  'km/h': { code: 'km/h', label: 'km/h' },
  'm/s': { code: 'm/s', label: 'm/s' },
};

/**
 * A Datastream's `unitOfMeasurement` (`{ name, symbol, definition }`) as an ioc-kit unit: known
 * symbols get their UCUM code and display label; a UCUM definition URL marks the system; an
 * unknown symbol is shown as plain text, never rejected. `definition: null` is accepted.
 */
export function readUnitOfMeasurement(value: unknown, path: string): Unit {
  if (value === undefined || value === null) return { code: '', system: 'none', label: { vi: '' } };
  if (!isRecord(value)) throw new ValidationError(path, `expected unitOfMeasurement {name, symbol, definition}, got ${describe(value)}`);
  const symbol = typeof value.symbol === 'string' ? cleanText(value.symbol, 40) : '';
  const name = typeof value.name === 'string' ? cleanText(value.name, 80) : '';
  const definition = typeof value.definition === 'string' ? value.definition : '';
  const known = UNIT_SYMBOLS[symbol];
  const ucum = /unitsofmeasure\.org|ucum/i.test(definition);
  if (known) return { code: known.code, system: 'UCUM', label: { vi: known.label, en: known.label } };
  const shown = symbol || name;
  return { code: shown, system: ucum ? 'UCUM' : 'none', label: { vi: shown, en: shown } };
}

/** A GeoJSON point (or a Feature holding one) as [longitude, latitude], or undefined. */
function pointOf(value: unknown): [number, number] | undefined {
  if (!isRecord(value)) return undefined;
  const geometry = value.type === 'Feature' ? value.geometry : value;
  if (!isRecord(geometry) || geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) return undefined;
  const [lon, lat] = geometry.coordinates as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || Math.abs(lon) > 180 || Math.abs(lat) > 90) return undefined;
  return [lon, lat];
}

/** A Thing, with its expanded Locations and Datastreams when present. */
export function readThing(raw: unknown, path: string, quirks: string[] = []): StaThing {
  if (!isRecord(raw)) throw new ValidationError(path, `expected a Thing, got ${describe(raw)}`);
  const record = normaliseKeys(raw, path, quirks);
  const thing: StaThing = {
    id: idOrEmpty(record, `${path}.@iot.id`),
    name: typeof record.name === 'string' ? cleanText(record.name, 200) : '',
    properties: isRecord(record.properties) ? record.properties : {},
  };
  if (Array.isArray(record.Locations)) {
    for (const location of record.Locations as unknown[]) {
      const point = isRecord(location) ? pointOf(location.location) : undefined;
      if (point) {
        thing.location = point;
        break;
      }
    }
  }
  if (Array.isArray(record.Datastreams)) {
    thing.datastreams = (record.Datastreams as unknown[]).map((item, i) => readDatastream(item, `${path}.Datastreams[${i}]`, quirks, thing));
  }
  return thing;
}

/** A Datastream, with its expanded ObservedProperty, Thing and Observations when present. */
export function readDatastream(raw: unknown, path: string, quirks: string[] = [], parentThing?: StaThing): StaDatastream {
  if (!isRecord(raw)) throw new ValidationError(path, `expected a Datastream, got ${describe(raw)}`);
  const record = normaliseKeys(raw, path, quirks);
  const datastream: StaDatastream = {
    id: idOrEmpty(record, `${path}.@iot.id`),
    name: typeof record.name === 'string' ? cleanText(record.name, 200) : typeof record.description === 'string' ? cleanText(record.description, 200) : '',
    unit: readUnitOfMeasurement(record.unitOfMeasurement, `${path}.unitOfMeasurement`),
  };
  if (isRecord(record.ObservedProperty)) {
    const property = record.ObservedProperty;
    const name = typeof property.name === 'string' ? cleanText(property.name, 200) : '';
    datastream.observedProperty = { name, ...(typeof property.definition === 'string' ? { definition: cleanText(property.definition, 500) } : {}) };
  }
  if (isRecord(record.Thing)) datastream.thing = readThing(record.Thing, `${path}.Thing`, quirks);
  else if (parentThing) datastream.thing = parentThing;
  if (record.phenomenonTime !== undefined && record.phenomenonTime !== null) {
    datastream.phenomenonTime = readTimeOrInterval(record.phenomenonTime, `${path}.phenomenonTime`);
  }
  if (Array.isArray(record.Observations)) {
    datastream.observations = (record.Observations as unknown[]).map((item, i) => readObservation(item, `${path}.Observations[${i}]`, quirks));
  }
  const count = optionalCount(record['Observations@iot.count'], `${path}.Observations@iot.count`);
  if (count !== undefined) datastream.observationsCount = count;
  const next = optionalLink(record['Observations@iot.nextLink'], `${path}.Observations@iot.nextLink`);
  if (next !== undefined) datastream.observationsNextLink = next;
  return datastream;
}
