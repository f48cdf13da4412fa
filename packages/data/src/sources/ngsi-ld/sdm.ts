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
 */
import type { Domain, IndicatorId } from '../../contract/catalogue.js';
import { ValidationError } from '../../contract/errors.js';
import { cleanText } from '../../contract/validate.js';
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
  observe: (entity: NgsiEntity, context: SdmContext) => SdmObservation[];
}

/** The first attribute present among several spellings (`pm25`, `PM25`, `pm2_5`, …). */
function attributeName(entity: NgsiEntity, names: readonly string[]): string | undefined {
  return names.find((name) => entity.attributes.has(name));
}

function scalarOf(entity: NgsiEntity, name: string): unknown {
  return latestInstance(entity, name)?.value;
}

/** Epoch ms of an entity-level date attribute, or undefined. An interval counts at `end`. */
function entityDate(entity: NgsiEntity, name: string, interval: 'start' | 'end' = 'end'): number | undefined {
  const value = scalarOf(entity, name);
  if (value === undefined || value === null) return undefined;
  const ms = parseInstant(value, `${entity.id}.${name}`, { interval });
  return ms ?? undefined;
}

/** When the entity's observation was made, if it says. */
export function entityTime(entity: NgsiEntity): number | undefined {
  return (
    entityDate(entity, 'dateObservedTo') ??
    entityDate(entity, 'dateObserved') ??
    entityDate(entity, 'observationDateTime') ??
    entityDate(entity, 'dateIssued') ??
    entityDate(entity, 'dateModified')
  );
}

function defaultArea(entity: NgsiEntity): string | undefined {
  const value = scalarOf(entity, 'areaCode');
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? cleanText(value, 40) : undefined;
}

/**
 * Observations from every (non-relationship) instance of an attribute, converted from its
 * `unitCode` to `targetUnit` (UN/CEFACT). Deleted instances are gaps.
 */
export function numericObservations(
  entity: NgsiEntity,
  names: readonly string[],
  context: SdmContext,
  targetUnit: string | undefined,
  assumedUnit?: string,
  transform?: (value: number, instance: AttributeInstance) => number,
): SdmObservation[] {
  const name = attributeName(entity, names);
  if (!name) return [];
  const attribute = entity.attributes.get(name);
  if (!attribute) return [];
  const fallbackTime = entityTime(entity);
  const area = (context.areaOf ?? defaultArea)(entity);
  const out: SdmObservation[] = [];
  attribute.instances.forEach((instance, index) => {
    if (instance.kind === 'Relationship') return;
    const path = `${entity.id}.${name}${attribute.instances.length > 1 ? `[${index}]` : ''}`;
    const time = instance.observedAt ?? fallbackTime;
    const observation: SdmObservation = { value: null };
    if (time !== undefined) observation.time = time;
    if (area !== undefined) observation.area = area;
    if (!instance.deleted) {
      const raw = parseNumber(instance.value, path);
      if (raw !== null) {
        const unit = instance.unitCode ?? attribute.unitCode ?? assumedUnit;
        const converted = convertUnit(raw, unit, targetUnit);
        if (converted === undefined) throw new ValidationError(`${path}.unitCode`, `unit ${describeValue(unit)} cannot be converted to ${targetUnit ?? 'the indicator unit'}.`);
        observation.value = transform ? transform(converted, instance) : converted;
      }
    }
    out.push(observation);
  });
  // Server-side aggregation (aggregatedValues): one observation per bucket, at the bucket start.
  for (const bucket of attribute.aggregates) {
    if (bucket.method !== 'avg' && bucket.method !== 'sum' && bucket.method !== 'max' && bucket.method !== 'min') continue;
    if (attribute.aggregates.some((other) => other.method === 'avg') && bucket.method !== 'avg') continue;
    const raw = parseNumber(bucket.value, `${entity.id}.${name}.${bucket.method}`);
    const converted = raw === null ? null : convertUnit(raw, attribute.unitCode ?? assumedUnit, targetUnit);
    if (converted === undefined) throw new ValidationError(`${entity.id}.${name}.unitCode`, `unit ${describeValue(attribute.unitCode)} cannot be converted to ${targetUnit ?? 'the indicator unit'}.`);
    const observation: SdmObservation = { value: converted, time: bucket.start };
    if (area !== undefined) observation.area = area;
    out.push(observation);
  }
  return out;
}

/** Seconds a traffic count covers: `dateObservedFrom`→`To`, else the `dateObserved` interval, else the configured period. */
function trafficPeriodSeconds(entity: NgsiEntity, context: SdmContext): number {
  const from = entityDate(entity, 'dateObservedFrom') ?? entityDate(entity, 'dateObserved', 'start');
  const to = entityDate(entity, 'dateObservedTo') ?? entityDate(entity, 'dateObserved', 'end');
  if (from !== undefined && to !== undefined && to > from) return (to - from) / 1000;
  if (context.trafficPeriodMinutes && context.trafficPeriodMinutes > 0) return context.trafficPeriodMinutes * 60;
  throw new ValidationError(
    `${entity.id}.intensity`,
    'TrafficFlowObserved.intensity counts vehicles over the observation period, but the entity has no dateObservedFrom/dateObservedTo or interval: set trafficPeriodMinutes.',
  );
}

export const SDM_INDICATORS: readonly SdmIndicatorMapping[] = [
  {
    indicator: 'environment.pm25',
    type: 'AirQualityObserved',
    attrs: ['pm25', 'PM25', 'pm2_5'],
    observe: (entity, context) => numericObservations(entity, ['pm25', 'PM25', 'pm2_5'], context, 'GQ', 'GQ'),
  },
  {
    indicator: 'environment.pm10',
    type: 'AirQualityObserved',
    attrs: ['pm10', 'PM10'],
    observe: (entity, context) => numericObservations(entity, ['pm10', 'PM10'], context, 'GQ', 'GQ'),
  },
  {
    indicator: 'environment.aqi',
    type: 'AirQualityObserved',
    attrs: ['airQualityIndex', 'AQI', 'aqi'],
    observe: (entity, context) => numericObservations(entity, ['airQualityIndex', 'AQI', 'aqi'], context, undefined),
  },
  {
    indicator: 'environment.dissolved-oxygen',
    type: 'WaterQualityObserved',
    attrs: ['O2', 'dissolvedOxygen'],
    observe: (entity, context) => numericObservations(entity, ['O2', 'dissolvedOxygen'], context, 'M1', 'M1'),
  },
  {
    indicator: 'environment.wqi',
    type: 'WaterQualityObserved',
    attrs: ['wqi', 'WQI', 'waterQualityIndex'],
    observe: (entity, context) => numericObservations(entity, ['wqi', 'WQI', 'waterQualityIndex'], context, undefined),
  },
  {
    indicator: 'mobility.vehicle-flow',
    type: 'TrafficFlowObserved',
    attrs: ['intensity'],
    observe: (entity, context) => {
      if (!entity.attributes.has('intensity')) return [];
      const seconds = trafficPeriodSeconds(entity, context);
      return numericObservations(entity, ['intensity'], context, undefined, undefined, (count) => (count * 3600) / seconds);
    },
  },
  {
    indicator: 'mobility.mean-speed',
    type: 'TrafficFlowObserved',
    attrs: ['averageVehicleSpeed'],
    observe: (entity, context) => numericObservations(entity, ['averageVehicleSpeed'], context, 'KMH', 'KMH'),
  },
  {
    indicator: 'mobility.parking-free',
    type: 'OnStreetParking',
    attrs: ['availableSpotNumber'],
    observe: (entity, context) => numericObservations(entity, ['availableSpotNumber'], context, undefined),
  },
];

/**
 * `KeyPerformanceIndicator.kpiValue` for the indicator `kpiIndicators` names (by the entity's
 * `name`, else its id). The value is placed at the start of its `calculationPeriod`, so it
 * falls in that period's bucket.
 */
export function kpiObservations(entity: NgsiEntity, indicator: IndicatorId, context: SdmContext): SdmObservation[] {
  const name = readText(scalarOf(entity, 'name'));
  const wanted = context.kpiIndicators?.[name ?? ''] ?? context.kpiIndicators?.[entity.id];
  if (wanted !== indicator) return [];
  const period = scalarOf(entity, 'calculationPeriod');
  let time: number | undefined;
  if (period !== null && typeof period === 'object' && !Array.isArray(period)) {
    const from = (period as Record<string, unknown>).from;
    time = parseInstant(from, `${entity.id}.calculationPeriod.from`) ?? undefined;
  }
  const observations = numericObservations(entity, ['kpiValue'], context, undefined);
  return observations.map((observation) => (time !== undefined && observation.time === undefined ? { ...observation, time } : observation));
}

/** A FIWARE `Alert` entity as the fields `validateAlert` reads. */
export function alertFields(entity: NgsiEntity, context: SdmContext): Record<string, unknown> {
  const text = (name: string) => readText(scalarOf(entity, name));
  const iso = (name: string) => {
    const ms = entityDate(entity, name);
    return ms === undefined ? undefined : new Date(ms).toISOString();
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
