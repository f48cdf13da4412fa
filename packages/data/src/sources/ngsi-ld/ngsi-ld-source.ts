/**
 * An NGSI-LD context broker (Orion-LD, Scorpio, Stellio; Mintaka for history) as an ioc-kit
 * source: Smart Data Models entities mapped onto the catalogue by `defineDomainAdapter`.
 *
 * One bad entity never rejects a query: an entity that cannot be read is skipped, a value that
 * is not a number (`"NaN"`, `"n/a"`, null, an object) or whose unit cannot be converted is a
 * gap, an observation whose time is missing or unreadable is skipped, an Alert that cannot be
 * read is left out; the result is `partial` and its `warnings` name each entity and attribute.
 */
import type { Area, AreaQuery, BoundaryProperties, BoundaryQuery, FeatureCollection } from '../../contract/areas.js';
import type { Indicator, IndicatorId } from '../../contract/catalogue.js';
import type { StaleInfo } from '../../contract/query.js';
import type { DataSource, RequestOptions } from '../../contract/source.js';
import { ConfigError, ValidationError } from '../../contract/errors.js';
import type { WarnFn } from '../../contract/warnings.js';
import { indicatorById } from '../../catalogue/index.js';
import {
  defineDomainAdapter,
  type AlertMapping,
  type IndicatorMapping,
  type RecordBatch,
  type RecordRequest,
} from '../../adapters/domain-adapter.js';
import { NgsiLdClient, durationOfGrain, type NgsiLdClientOptions } from './client.js';
import type { AggregationMethod, NgsiEntity } from './entity.js';
import { SDM_INDICATORS, alertFields, kpiObservations, numericObservations, type SdmContext, type SdmObservation } from './sdm.js';
import { cefactCodeOf } from './units.js';
import { DEFAULT_POLL_INTERVAL_MS } from '../../refresh/follow.js';
import { attachPolling } from '../../refresh/polling.js';
import { createStaleTracker } from '../http/stale.js';
import { incrementalLoader } from './subscribe.js';

/** The Smart Data Models types ioc-kit maps. */
export const SDM_TYPES = ['AirQualityObserved', 'WaterQualityObserved', 'TrafficFlowObserved', 'OnStreetParking', 'Alert', 'KeyPerformanceIndicator'] as const;
export type SdmType = (typeof SDM_TYPES)[number];

export interface NgsiLdSourceOptions extends NgsiLdClientOptions, SdmContext {
  /** A short name for messages; default `ngsi-ld:<baseUrl>`. */
  id?: string;
  /** Which entity types to read; default all six. */
  types?: readonly SdmType[];
  /**
   * Read history from the temporal API (`/temporal/entities`, e.g. Mintaka or Stellio) for
   * time windows. Default true; false reads only current state (`/entities`).
   */
  temporal?: boolean;
  /** Let the broker aggregate series (`aggrMethods` + `aggrPeriodDuration` of the grain). Default false: not every broker does (Mintaka does not). */
  serverAggregation?: boolean;
  /** Ask for keyValues instead of normalized current state (normalized carries `observedAt` and `unitCode`). */
  keyValues?: boolean;
  /** A broker query (`q`) added to every request, e.g. `areaCode=="27"`. */
  q?: string;
  /**
   * Any other entity attribute onto an indicator, e.g.
   * `{ 'mobility.mean-speed': { type: 'Vehicle', attribute: 'speed', unitCode: 'KMH' } }`.
   * `unitCode` is assumed where the broker sends none; values are converted to the indicator's unit.
   */
  attributes?: Readonly<Partial<Record<IndicatorId, { type: string; attribute: string; unitCode?: string }>>>;
  /** Definitions for indicators the catalogue lacks (e.g. the province's own KPIs). */
  catalogue?: readonly Indicator[];
  areas?: readonly Area[] | ((query: AreaQuery, options: RequestOptions) => Promise<readonly Area[]>);
  boundaries?: (query: BoundaryQuery, options: RequestOptions) => Promise<FeatureCollection<BoundaryProperties>>;
  /** How often `subscribe` polls when the widget does not say, ms. Default 60 000. */
  pollIntervalMs?: number;
}

const AGGREGATION_FOR: Readonly<Record<string, AggregationMethod>> = { mean: 'avg', 'weighted-mean': 'avg', sum: 'sum', max: 'max', min: 'min' };

/**
 * A record fetcher for `defineDomainAdapter`: asks the broker for entities of type
 * `request.from`, from the temporal API when the request has a time window (and `temporal`
 * is on), else their current state.
 */
export function ngsiLdFetcher(
  client: NgsiLdClient,
  options: Pick<NgsiLdSourceOptions, 'temporal' | 'serverAggregation' | 'keyValues' | 'q' | 'catalogue'>,
  attrs: (request: RecordRequest) => readonly string[] | undefined,
  /** Told when an answer was the last good data after a failed refresh, with the signal of the query it served. */
  onFallback?: (signal: AbortSignal | undefined, stale: StaleInfo) => void,
) {
  return async (request: RecordRequest, requestOptions: RequestOptions): Promise<RecordBatch<NgsiEntity>> => {
    const wanted = attrs(request);
    const base = { type: request.from, ...(options.q ? { q: options.q } : {}), ...(wanted?.length ? { attrs: wanted } : {}) };
    const windowed = request.timeFrom !== undefined && request.timeTo !== undefined && Number.isFinite(request.timeFrom) && Number.isFinite(request.timeTo);
    if (options.temporal !== false && windowed && request.kind !== 'alerts') {
      const indicator = request.indicator === 'alerts' ? undefined : (indicatorById(request.indicator) ?? options.catalogue?.find((entry) => entry.id === request.indicator));
      const method = indicator ? AGGREGATION_FOR[indicator.aggregation.time] : undefined;
      const aggregate = options.serverAggregation && request.kind === 'series' && request.grain && method;
      const answer = await client.temporal(
        {
          ...base,
          timerel: 'between',
          timeAt: new Date(request.timeFrom ?? 0).toISOString(),
          endTimeAt: new Date(request.timeTo ?? 0).toISOString(),
          ...(aggregate && request.grain ? { format: 'aggregatedValues' as const, aggrMethods: [method], aggrPeriodDuration: durationOfGrain(request.grain) } : {}),
        },
        requestOptions.signal,
      );
      if (answer.fallback) onFallback?.(requestOptions.signal, answer.fallback);
      return { records: answer.entities, partial: answer.partial || answer.stale, ...(answer.warnings ? { warnings: answer.warnings } : {}) };
    }
    const answer = await client.entities({ ...base, keyValues: options.keyValues === true }, requestOptions.signal);
    if (answer.fallback) onFallback?.(requestOptions.signal, answer.fallback);
    return { records: answer.entities, partial: answer.partial || answer.stale, ...(answer.warnings ? { warnings: answer.warnings } : {}) };
  };
}

/**
 * Creates a source reading Smart Data Models entities from an NGSI-LD broker.
 *
 * @example
 * ```ts
 * const broker = createNgsiLdSource({ baseUrl: 'https://broker.example', tenant: 'bacninh',
 *   context: 'https://smartdatamodels.org/context.jsonld', areaOf: (e) => e.id.split(':')[3] });
 * ```
 */
export function createNgsiLdSource(options: NgsiLdSourceOptions): DataSource {
  const client = new NgsiLdClient(options);
  const types = new Set<string>(options.types ?? SDM_TYPES);
  for (const type of types) if (!(SDM_TYPES as readonly string[]).includes(type)) throw new ConfigError(`Unknown entity type "${type}". Known: ${SDM_TYPES.join(', ')}.`);
  const context: SdmContext = {
    ...(options.areaOf ? { areaOf: options.areaOf } : {}),
    ...(options.kpiIndicators ? { kpiIndicators: options.kpiIndicators } : {}),
    ...(options.trafficPeriodMinutes ? { trafficPeriodMinutes: options.trafficPeriodMinutes } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
  const known = (id: IndicatorId) => indicatorById(id) !== undefined || (options.catalogue ?? []).some((entry) => entry.id === id);
  const indicators: Partial<Record<IndicatorId, IndicatorMapping<NgsiEntity>>> = {};
  const attrsOf = new Map<string, readonly string[]>();
  /** Observations named for warnings: the entity id and the attribute that holds the value. */
  const named =
    (names: readonly string[], observe: (entity: NgsiEntity, warn: WarnFn) => SdmObservation[]) =>
    (entity: NgsiEntity, _request: RecordRequest, warn: WarnFn) => {
      const field = names.find((name) => entity.attributes.has(name));
      return observe(entity, warn).map((observation) => ({ ...observation, entity: entity.id, ...(field ? { field } : {}) }));
    };
  for (const mapping of SDM_INDICATORS) {
    // A catalogue without the indicator (renamed, or trimmed by the province) just skips it.
    if (!types.has(mapping.type) || !known(mapping.indicator)) continue;
    indicators[mapping.indicator] = { from: mapping.type, map: named(mapping.attrs, (entity, warn) => mapping.observe(entity, context, warn)) };
    attrsOf.set(mapping.indicator, mapping.attrs);
  }
  for (const [id, mapping] of Object.entries(options.attributes ?? {}) as [IndicatorId, { type: string; attribute: string; unitCode?: string } | undefined][]) {
    if (!mapping) continue;
    const definition = indicatorById(id) ?? options.catalogue?.find((entry) => entry.id === id);
    if (!definition) throw new ConfigError(`attributes maps "${mapping.type}.${mapping.attribute}" to "${id}", which is not in the catalogue: add its definition with the \`catalogue\` option.`);
    const target = cefactCodeOf(definition.unit);
    indicators[id] = { from: mapping.type, map: named([mapping.attribute], (entity, warn) => numericObservations(entity, [mapping.attribute], context, target, mapping.unitCode ?? target, undefined, warn)) };
    attrsOf.set(id, [mapping.attribute]);
  }
  if (types.has('KeyPerformanceIndicator')) {
    for (const indicator of new Set(Object.values(options.kpiIndicators ?? {}))) {
      if (!known(indicator)) throw new ConfigError(`kpiIndicators maps to "${indicator}", which is not in the catalogue: add its definition with the \`catalogue\` option.`);
      indicators[indicator] = { from: 'KeyPerformanceIndicator', map: named(['kpiValue'], (entity, warn) => kpiObservations(entity, indicator, context, warn)) };
      attrsOf.set(indicator, ['kpiValue', 'name', 'calculationPeriod', 'areaCode']);
    }
  }
  // An Alert that cannot be read (an unknown severity, a date that is not one) is left out, named by its id.
  const alertOf = (entity: NgsiEntity, _request: RecordRequest, warn: WarnFn) => {
    try {
      return alertFields(entity, context);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      warn({ code: 'invalid-record', entity: entity.id, field: error.path.startsWith(`${entity.id}.`) ? error.path.slice(entity.id.length + 1) : error.path, message: `${entity.id} ${error.path.startsWith(`${entity.id}.`) ? error.path.slice(entity.id.length + 1) : error.path}: ${error.problem.replace(/\.$/, '')}; this alert is left out` });
      return undefined;
    }
  };
  const alerts: AlertMapping<NgsiEntity> | undefined = types.has('Alert') ? { from: 'Alert', map: alertOf } : undefined;
  // Entity-level time and area attributes travel with the measured ones, or they would be filtered out.
  const attrs = (request: RecordRequest) => {
    const measured = attrsOf.get(request.indicator);
    return measured ? [...measured, 'dateObserved', 'dateObservedFrom', 'dateObservedTo', 'observationDateTime', 'areaCode'] : undefined;
  };
  const stale = createStaleTracker();
  const adapter = defineDomainAdapter<NgsiEntity>({
    id: options.id ?? `ngsi-ld:${client.baseUrl}`,
    fetchRecords: ngsiLdFetcher(client, options, attrs, (signal, info) => stale.note(signal, info)),
    indicators,
    ...(alerts ? { alerts } : {}),
    ...(options.catalogue ? { catalogue: options.catalogue } : {}),
    ...(options.areas ? { areas: options.areas } : {}),
    ...(options.boundaries ? { boundaries: options.boundaries } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const source = stale.wrap(adapter);
  // Polled through the one refresh loop, a series asking only for its newest buckets.
  return attachPolling(source, { intervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, loader: incrementalLoader(source) });
}
