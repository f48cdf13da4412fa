/**
 * Smart Data Models (smartdatamodels.org) on the ioc-kit catalogue: which attribute of which
 * entity type answers which indicator, in which unit, at which time.
 *
 * - `AirQualityObserved`: `pm25` → environment.pm25, `pm10` → environment.pm10 (µg/m³; mg/m³
 *   `GP` converted), `airQualityIndex` → environment.aqi (the model does not fix the scale: a
 *   Vietnamese deployment publishes VN_AQI there).
 * - `WaterQualityObserved`: `O2` → environment.dissolved-oxygen (mg/L), `wqi` /
 *   `waterQualityIndex` → environment.wqi (not in the model; a common provincial extension).
 * - `TrafficFlowObserved`: `intensity` (vehicles counted over the observation period) →
 *   mobility.vehicle-flow in vehicles per hour, `averageVehicleSpeed` → mobility.mean-speed.
 * - `OnStreetParking`: `availableSpotNumber` → mobility.parking-free.
 * - `KeyPerformanceIndicator`: `kpiValue` → the indicator named for it in `kpiIndicators`.
 * - `Alert` → ioc-kit alerts (severity, category → domain, validity → status).
 *
 * Time of an observation: the attribute's `observedAt`, else the entity's `dateObservedTo`,
 * `dateObserved` (an interval counts at its end), `observationDateTime`, `dateModified`.
 * Times without a zone are UTC.
 *
 * Given a `warn` sink (as the NGSI-LD source passes), the mappings never throw for one bad
 * entity: a value that is not a number (`"NaN"`, `"n/a"`, null, an object, a boolean) or whose
 * unit cannot be converted is a gap (null) with a warning; an observation whose time cannot be
 * read is skipped with a warning. Without `warn` they throw `ValidationError`, as before.
 */
import type { Domain, IndicatorId } from '../../contract/catalogue.js';
import { ValidationError } from '../../contract/errors.js';
import { cleanText } from '../../contract/validate.js';
import { describeBadValue, type WarnFn } from '../../contract/warnings.js';
import { describeValue, parseInstant, parseNumber, readText } from '../../internal/http-values.js';
import { domainOfCategory, readSeverity, readStatus } from '../http/alert-fields.js';
import { latestInstance, type AttributeInstance, type NgsiEntity } from './entity.js';
import { convertUnit } from './units.js';

/** One value for the catalogue, as the domain adapter takes it. */
export interface SdmObservation {
  value: number | null;
  /** Epoch ms; absent when the entity says nothing about time (the adapter then uses the fetch time). */
  time?: number;
  area?: string;
}

export interface SdmContext {
  /** The area code of an entity (default: its `areaCode` attribute, else none). */
  areaOf?: (entity: NgsiEntity) => string | undefined;
  /** For `KeyPerformanceIndicator` entities: their `name` or id → the catalogue indicator. */
  kpiIndicators?: Readonly<Record<string, IndicatorId>>;
  /** Minutes a `TrafficFlowObserved.intensity` counts over when the entity does not say. */
  trafficPeriodMinutes?: number;
  /** Clock for alert status (an alert past its `validTo` is resolved). */
  now?: () => number;
}

export interface SdmIndicatorMapping {
  indicator: IndicatorId;
  /** The entity type that holds it. */
  type: string;
  /** Attributes to ask the broker for (names as brokers spell them). */
  attrs: readonly string[];
  /** With `warn`, one bad value or time is a gap or a skipped observation and a warning, never an error. */
  observe: (entity: NgsiEntity, context: SdmContext, warn?: WarnFn) => SdmObservation[];
}

/** The first attribute present among several spellings (`pm25`, `PM25`, `pm2_5`, …). */
function attributeName(entity: NgsiEntity, names: readonly string[]): string | undefined {
  return names.find((name) => entity.attributes.has(name));
}

function scalarOf(entity: NgsiEntity, name: string): unknown {
  return latestInstance(entity, name)?.value;
}

/** A date attribute that is present but cannot be read (only returned when there is a `warn` sink). */
const BAD_TIME = Symbol('bad time');

/**
 * Epoch ms of an entity-level date attribute, or undefined. An interval counts at `end`.
 * Unreadable: a `ValidationError`, or when `lenient` `BAD_TIME` (the caller says so).
 */
function entityDate(entity: NgsiEntity, name: string, interval: 'start' | 'end' = 'end', lenient = false): number | undefined | typeof BAD_TIME {
  const value = scalarOf(entity, name);
  if (value === undefined || value === null) return undefined;
  try {
    const ms = parseInstant(value, `${entity.id}.${name}`, { interval });
    return ms ?? undefined;
  } catch (error) {
    if (!lenient || !(error instanceof ValidationError)) throw error;
    return BAD_TIME;
  }
}

/**
 * The first readable date among `names`; `BAD_TIME` when none is readable and one was not.
 * With `warn`, each unreadable one is a warning saying what was done instead.
 */
function firstDate(entity: NgsiEntity, names: readonly string[], interval: 'start' | 'end', warn: WarnFn | undefined): number | undefined | typeof BAD_TIME {
  const bad: string[] = [];
  let found: number | undefined;
  let used: string | undefined;
  for (const name of names) {
    const time = entityDate(entity, name, interval, warn !== undefined);
    if (time === BAD_TIME) bad.push(name);
    else if (time !== undefined) {
      found = time;
      used = name;
      break;
    }
  }
  for (const name of bad) {
    const instead = used ? `${used} is used instead` : 'the values it dates are skipped';
    warn?.({ code: 'invalid-time', entity: entity.id, field: name, message: `${entity.id} ${name}: ${describeBadValue(scalarOf(entity, name))} is not a date-time; ${instead}` });
  }
  if (found !== undefined) return found;
  return bad.length > 0 ? BAD_TIME : undefined;
}

const ENTITY_TIMES = ['dateObservedTo', 'dateObserved', 'observationDateTime', 'dateIssued', 'dateModified'] as const;

/** When the entity's observation was made, if it says. Throws `ValidationError` for an unreadable date. */
export function entityTime(entity: NgsiEntity): number | undefined {
  const time = firstDate(entity, ENTITY_TIMES, 'end', undefined);
  return time === BAD_TIME ? undefined : time;
}

function defaultArea(entity: NgsiEntity): string | undefined {
  const value = scalarOf(entity, 'areaCode');
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? cleanText(value, 40) : undefined;
}

/**
 * A number from an attribute value, in `targetUnit`; null for a gap. Strict (no `warn`): text
 * that is not a number and a unit that cannot be converted are `ValidationError`s, null a quiet
 * gap. With `warn`: each of these, null included (NGSI-LD has no null values), is a gap and a
 * warning naming the entity and attribute.
 */
function numberOf(raw: unknown, unit: string | undefined, targetUnit: string | undefined, entity: NgsiEntity, name: string, path: string, warn: WarnFn | undefined): number | null {
  let parsed: number | null;
  try {
    parsed = parseNumber(raw, path);
  } catch (error) {
    if (!warn || !(error instanceof ValidationError)) throw error;
    warn({ code: 'invalid-value', entity: entity.id, field: name, message: `${entity.id} ${name}: ${describeBadValue(unwrapValue(raw))} is not a number; read as a gap` });
    return null;
  }
  if (parsed === null) {
    warn?.({ code: 'invalid-value', entity: entity.id, field: name, message: `${entity.id} ${name}: ${describeBadValue(unwrapValue(raw))} is not a number; read as a gap` });
    return null;
  }
  const converted = convertUnit(parsed, unit, targetUnit);
  if (converted !== undefined) return converted;
  const problem = `unit ${describeValue(unit)} cannot be converted to ${targetUnit ?? 'the indicator unit'}`;
  if (!warn) throw new ValidationError(`${path}.unitCode`, `${problem}.`);
  warn({ code: 'invalid-unit', entity: entity.id, field: name, message: `${entity.id} ${name}: ${problem}; read as a gap` });
  return null;
}

function unwrapValue(raw: unknown): unknown {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.hasOwn(raw, '@value') ? (raw as Record<string, unknown>)['@value'] : raw;
}

/**
 * Observations from every (non-relationship) instance of an attribute, converted from its
 * `unitCode` to `targetUnit` (UN/CEFACT). Deleted instances are gaps. With `warn`, bad values
 * are gaps and values whose time cannot be read are skipped, each with a warning (see `numberOf`).
 */
export function numericObservations(
  entity: NgsiEntity,
  names: readonly string[],
  context: SdmContext,
  targetUnit: string | undefined,
  assumedUnit?: string,
  transform?: (value: number, instance: AttributeInstance) => number,
  warn?: WarnFn,
): SdmObservation[] {
  const name = attributeName(entity, names);
  if (!name) return [];
  const attribute = entity.attributes.get(name);
  if (!attribute) return [];
  // The entity's own date, read (and warned about) only if an instance needs it.
  let fallback: { time: number | undefined | typeof BAD_TIME } | undefined;
  const fallbackTime = () => (fallback ??= { time: firstDate(entity, ENTITY_TIMES, 'end', warn) }).time;
  const area = (context.areaOf ?? defaultArea)(entity);
  const out: SdmObservation[] = [];
  attribute.instances.forEach((instance, index) => {
    if (instance.kind === 'Relationship') return;
    const path = `${entity.id}.${name}${attribute.instances.length > 1 ? `[${index}]` : ''}`;
    const time = instance.observedAt ?? fallbackTime();
    // Dated by an entity date that cannot be read: not placed at the fetch time, skipped (warned above).
    if (time === BAD_TIME) return;
    const observation: SdmObservation = { value: null };
    if (time !== undefined) observation.time = time;
    if (area !== undefined) observation.area = area;
    if (!instance.deleted) {
      const value = numberOf(instance.value, instance.unitCode ?? attribute.unitCode ?? assumedUnit, targetUnit, entity, name, path, warn);
      if (value !== null) observation.value = transform ? transform(value, instance) : value;
    }
    out.push(observation);
  });
  // Server-side aggregation (aggregatedValues): one observation per bucket, at the bucket start.
  for (const bucket of attribute.aggregates) {
    if (bucket.method !== 'avg' && bucket.method !== 'sum' && bucket.method !== 'max' && bucket.method !== 'min') continue;
    if (attribute.aggregates.some((other) => other.method === 'avg') && bucket.method !== 'avg') continue;
    const value = numberOf(bucket.value, attribute.unitCode ?? assumedUnit, targetUnit, entity, name, `${entity.id}.${name}.${bucket.method}`, warn);
    const observation: SdmObservation = { value, time: bucket.start };
    if (area !== undefined) observation.area = area;
    out.push(observation);
  }
  return out;
}

/**
 * Seconds a traffic count covers: `dateObservedFrom`→`To`, else the `dateObserved` interval, else
 * the configured period. Without any: a `ValidationError`, or with `warn` a warning and undefined.
 */
function trafficPeriodSeconds(entity: NgsiEntity, context: SdmContext, warn?: WarnFn): number | undefined {
  // Unreadable dates were already reported by the observations; here they just do not count.
  const quiet: WarnFn | undefined = warn ? () => undefined : undefined;
  const from = firstDate(entity, ['dateObservedFrom'], 'start', quiet) ?? firstDate(entity, ['dateObserved'], 'start', quiet);
  const to = firstDate(entity, ['dateObservedTo'], 'end', quiet) ?? firstDate(entity, ['dateObserved'], 'end', quiet);
  if (typeof from === 'number' && typeof to === 'number' && to > from) return (to - from) / 1000;
  if (context.trafficPeriodMinutes && context.trafficPeriodMinutes > 0) return context.trafficPeriodMinutes * 60;
  const problem = 'TrafficFlowObserved.intensity counts vehicles over the observation period, but the entity has no dateObservedFrom/dateObservedTo or interval: set trafficPeriodMinutes.';
  if (!warn) throw new ValidationError(`${entity.id}.intensity`, problem);
  warn({ code: 'missing-time', entity: entity.id, field: 'intensity', message: `${entity.id} intensity: ${problem} Its counts are skipped.` });
  return undefined;
}

export const SDM_INDICATORS: readonly SdmIndicatorMapping[] = [
  {
    indicator: 'environment.pm25',
    type: 'AirQualityObserved',
    attrs: ['pm25', 'PM25', 'pm2_5'],
    observe: (entity, context, warn) => numericObservations(entity, ['pm25', 'PM25', 'pm2_5'], context, 'GQ', 'GQ', undefined, warn),
  },
  {
    indicator: 'environment.pm10',
    type: 'AirQualityObserved',
    attrs: ['pm10', 'PM10'],
    observe: (entity, context, warn) => numericObservations(entity, ['pm10', 'PM10'], context, 'GQ', 'GQ', undefined, warn),
  },
  {
    indicator: 'environment.aqi',
    type: 'AirQualityObserved',
    attrs: ['airQualityIndex', 'AQI', 'aqi'],
    observe: (entity, context, warn) => numericObservations(entity, ['airQualityIndex', 'AQI', 'aqi'], context, undefined, undefined, undefined, warn),
  },
  {
    indicator: 'environment.dissolved-oxygen',
    type: 'WaterQualityObserved',
    attrs: ['O2', 'dissolvedOxygen'],
    observe: (entity, context, warn) => numericObservations(entity, ['O2', 'dissolvedOxygen'], context, 'M1', 'M1', undefined, warn),
  },
  {
    indicator: 'environment.wqi',
    type: 'WaterQualityObserved',
    attrs: ['wqi', 'WQI', 'waterQualityIndex'],
    observe: (entity, context, warn) => numericObservations(entity, ['wqi', 'WQI', 'waterQualityIndex'], context, undefined, undefined, undefined, warn),
  },
  {
    indicator: 'mobility.vehicle-flow',
    type: 'TrafficFlowObserved',
    attrs: ['intensity'],
    observe: (entity, context, warn) => {
      if (!entity.attributes.has('intensity')) return [];
      const seconds = trafficPeriodSeconds(entity, context, warn);
      if (seconds === undefined) return [];
      return numericObservations(entity, ['intensity'], context, undefined, undefined, (count) => (count * 3600) / seconds, warn);
    },
  },
  {
    indicator: 'mobility.mean-speed',
    type: 'TrafficFlowObserved',
    attrs: ['averageVehicleSpeed'],
    observe: (entity, context, warn) => numericObservations(entity, ['averageVehicleSpeed'], context, 'KMH', 'KMH', undefined, warn),
  },
  {
    indicator: 'mobility.parking-free',
    type: 'OnStreetParking',
    attrs: ['availableSpotNumber'],
    observe: (entity, context, warn) => numericObservations(entity, ['availableSpotNumber'], context, undefined, undefined, undefined, warn),
  },
];

/**
 * `KeyPerformanceIndicator.kpiValue` for the indicator `kpiIndicators` names (by the entity's
 * `name`, else its id). The value is placed at the start of its `calculationPeriod`, so it
 * falls in that period's bucket.
 */
export function kpiObservations(entity: NgsiEntity, indicator: IndicatorId, context: SdmContext, warn?: WarnFn): SdmObservation[] {
  const name = readText(scalarOf(entity, 'name'));
  const wanted = context.kpiIndicators?.[name ?? ''] ?? context.kpiIndicators?.[entity.id];
  if (wanted !== indicator) return [];
  const period = scalarOf(entity, 'calculationPeriod');
  let time: number | undefined;
  if (period !== null && typeof period === 'object' && !Array.isArray(period)) {
    const from = (period as Record<string, unknown>).from;
    try {
      time = parseInstant(from, `${entity.id}.calculationPeriod.from`) ?? undefined;
    } catch (error) {
      if (!warn || !(error instanceof ValidationError)) throw error;
      warn({ code: 'invalid-time', entity: entity.id, field: 'calculationPeriod', message: `${entity.id} calculationPeriod: from ${describeBadValue(from)} is not a date; its kpiValue is skipped` });
      return [];
    }
  }
  const observations = numericObservations(entity, ['kpiValue'], context, undefined, undefined, undefined, warn);
  return observations.map((observation) => (time !== undefined && observation.time === undefined ? { ...observation, time } : observation));
}

/** A FIWARE `Alert` entity as the fields `validateAlert` reads. */
export function alertFields(entity: NgsiEntity, context: SdmContext): Record<string, unknown> {
  const text = (name: string) => readText(scalarOf(entity, name));
  const iso = (name: string) => {
    const ms = entityDate(entity, name);
    return typeof ms === 'number' ? new Date(ms).toISOString() : undefined;
  };
  const category = text('category') ?? 'other';
  const subCategory = text('subCategory');
  const severity = readSeverity(scalarOf(entity, 'severity'), `${entity.id}.severity`);
  const end = iso('validTo');
  const now = (context.now ?? Date.now)();
  const explicitStatus = text('status');
  const status = explicitStatus ? readStatus(explicitStatus) : end !== undefined && Date.parse(end) < now ? 'resolved' : 'open';
  const domain: Domain = domainOfCategory(category);
  const location = scalarOf(entity, 'location');
  const fields: Record<string, unknown> = {
    id: entity.id,
    severity,
    category,
    domain,
    title: text('name') ?? humanise(subCategory) ?? humanise(category),
    start: iso('dateIssued') ?? iso('validFrom') ?? iso('dateCreated'),
    status,
    source: text('alertSource') ?? entity.id,
  };
  if (subCategory) fields.subCategory = subCategory;
  const description = text('description');
  if (description) fields.description = description;
  if (end) fields.end = end;
  const area = (context.areaOf ?? defaultArea)(entity);
  if (area) fields.area = area;
  // Only points are markers; a line or polygon alert keeps its area, not a marker.
  if (location !== null && typeof location === 'object' && (location as { type?: unknown }).type === 'Point') fields.location = location;
  return fields;
}

/** `trafficJam` → `Traffic jam`: a readable title when an alert has no name. */
function humanise(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const spaced = text.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
