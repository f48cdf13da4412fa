/**
 * Domain adapters: map one system's payloads (NGSI-LD entities, REST rows, SensorThings
 * observations) onto catalogue indicators, so a province can point widgets at what it already runs.
 *
 * A domain adapter has two halves:
 * - a **record fetcher** that knows the protocol (HTTP JSON, NGSI-LD, SensorThings...) and returns
 *   raw records for a request (a selector such as an entity type, areas and a time window);
 * - per indicator, a **mapping** `{ from, map }`: `from` tells the fetcher which records hold the
 *   indicator, `map` turns one record into observations `{ value, time, area }`.
 *
 * The adapter validates the observations, aggregates them with the catalogue's rules (over time
 * and over areas) and answers all four query kinds of the contract. One bad record never costs
 * the rest: a value that is not a number is a gap, a record whose time or area cannot be read is
 * skipped, a `map` that throws `ValidationError` skips its record, and each of these becomes a
 * warning on the result (`warnings`, `partial: true`) naming the record and field.
 */
import type { Area, AreaQuery, BoundaryProperties, BoundaryQuery, FeatureCollection } from '../contract/areas.js';
import type { Domain, Indicator, IndicatorId } from '../contract/catalogue.js';
import { AbortError, ConfigError, NotFoundError, UnsupportedQueryError, ValidationError, throwIfAborted, toDataError } from '../contract/errors.js';
import { MAX_BUCKETS } from '../contract/aggregate.js';
import type {
  Alert,
  AlertQuery,
  AlertsResult,
  ByAreaQuery,
  ByAreaResult,
  KpiQuery,
  KpiResult,
  Query,
  QueryKind,
  ResultFor,
  SeriesQuery,
  SeriesResult,
  TimeGrain,
} from '../contract/query.js';
import type { ChangeListener, DataSource, RequestOptions, SubscribeOptions } from '../contract/source.js';
import { TIME_GRAINS } from '../contract/query.js';
import { addPeriods, parseTime, periodOf, periodStart, toIso } from '../contract/time.js';
import { readText, validateAlert } from '../contract/validate.js';
import { WarningCollector, readValue, type DataWarning, type WarnFn } from '../contract/warnings.js';
import { CATALOGUE } from '../catalogue/index.js';
import { filterAreas } from '../areas/areas.js';
import { filterAlerts } from './alert-filter.js';
import {
  checkPeriodCount,
  ColumnCollector,
  describeUnknown,
  groupByWanted,
  isObservationSeries,
  observationTime,
  readSeries,
  seriesValue,
  windowValue,
  type AreaColumns,
  type MappedObservations,
  type Observation,
} from './observations.js';
import { resolveAreas } from './resolve-areas.js';

export { filterAlerts } from './alert-filter.js';
export type { MappedObservations, Observation, ObservationSeries } from './observations.js';

/** What a domain adapter asks its fetcher for. */
export interface RecordRequest {
  /** The mapping's `from`: an entity type, an endpoint path, a datastream name... passed through as is. */
  from: string;
  /** The catalogue indicator being answered, or `alerts`. */
  indicator: IndicatorId | 'alerts';
  /** The query kind being answered. */
  kind: QueryKind;
  /** Area codes asked for (empty: all the fetcher has). Fetchers may return more; the adapter filters. */
  areas: readonly string[];
  /** Time window, epoch ms, `[timeFrom, timeTo)`. Absent for "latest values" (e.g. a KPI with no date). */
  timeFrom?: number;
  timeTo?: number;
  /** The grain the adapter will aggregate to, so a server that aggregates (NGSI-LD `aggrPeriodDuration`) may do it first. */
  grain?: TimeGrain;
  /** The original query, for fetchers that want more. */
  query: Query;
}

/**
 * A fetcher's answer: the records, whether they are only part of what exists (a page limit hit),
 * and what the fetcher skipped while reading them (an entity it could not read, an observation
 * without a time), which the adapter adds to the result's `warnings`.
 */
export interface RecordBatch<R> {
  records: readonly R[];
  partial?: boolean;
  warnings?: readonly DataWarning[];
}

/** The protocol half of a domain adapter. */
export type RecordFetcher<R> = (request: RecordRequest, options: RequestOptions) => Promise<readonly R[] | RecordBatch<R>>;

/** Lets an adapter know when records changed (SSE, WebSocket, NGSI-LD notifications) so it can re-query. */
export type RecordWatcher = (request: RecordRequest, onChange: () => void, options: SubscribeOptions) => void;

export interface IndicatorMapping<R> {
  /** Which records hold the indicator; handed to the fetcher as `RecordRequest.from`. */
  from: string;
  /**
   * One record to zero or more observations; `undefined` skips the record. `warn` adds a warning
   * to the result (for something `map` left out). Throwing `ValidationError` skips the record
   * with a warning; any other error rejects the query.
   */
  map: (record: R, request: RecordRequest, warn: WarnFn) => MappedObservations;
  /** A fetcher for this indicator only, overriding the adapter's. */
  fetchRecords?: RecordFetcher<R>;
}

/**
 * Alerts from records: `map` returns fields of the FIWARE `Alert` model (validated by
 * `validateAlert`). A record that `map` or `validateAlert` refuses (`ValidationError`) is skipped
 * with a warning naming it (by its `id` when it has one).
 */
export interface AlertMapping<R> {
  from: string;
  map: (record: R, request: RecordRequest, warn: WarnFn) => unknown;
  fetchRecords?: RecordFetcher<R>;
}

export interface DomainAdapterConfig<R = unknown> {
  /** A short name for messages, e.g. `ngsi-ld:air`. */
  id: string;
  /** The domain for alerts that do not say theirs. */
  domain?: Domain;
  /** The default record fetcher. */
  fetchRecords?: RecordFetcher<R>;
  /** Optional push: the adapter re-runs a subscribed query when the watcher says records changed. */
  watch?: RecordWatcher;
  /** Indicator id -> where its values are and how to read them. */
  indicators: Partial<Record<IndicatorId, IndicatorMapping<R>>>;
  alerts?: AlertMapping<R>;
  /** Definitions for indicators the built-in catalogue lacks (a province's own KPIs). */
  catalogue?: readonly Indicator[];
  /**
   * The areas this system covers: a list or a loader. Used for `areas()`, area roll-ups,
   * `by-area`, and to resolve the areas of every result (`areas` on the result).
   */
  areas?: readonly Area[] | ((query: AreaQuery, options: RequestOptions) => Promise<readonly Area[]>);
  /**
   * Every area the system has known, at every date (old districts and communes too), for
   * roll-ups, alerts of units that no longer exist, and resolving results' areas. Default: the
   * `areas` list, or what the loader lists at each level.
   */
  hierarchy?: (options: RequestOptions) => Promise<readonly Area[]>;
  boundaries?: (query: BoundaryQuery, options: RequestOptions) => Promise<FeatureCollection<BoundaryProperties>>;
  /** The clock (epoch ms); tests and replays pin it, and widgets then read it as the source's `now()`. Default `Date.now`. */
  now?: () => number;
  /** Grain for KPIs and by-area queries that do not name one. Default `day`. */
  defaultGrain?: TimeGrain;
  /**
   * Where complete data ends (epoch ms), for a system that publishes whole hours: KPIs and maps
   * without `at` describe the period holding the instant before it, and alerts start before it.
   * Default: `now`.
   */
  latest?: () => number;
  /** Round KPI and by-area values to the indicator's `decimals`, as a published figure is (series keep full precision). */
  round?: boolean;
  /** Alerts queries without `from` look back this many days from their end. Default: no limit. */
  alertLookbackDays?: number;
}

/**
 * Makes a `DataSource` from a record fetcher and per-indicator mappings.
 *
 * @example
 * ```ts
 * const air = defineDomainAdapter<AirQualityObserved>({
 *   id: 'city-air',
 *   fetchRecords: ({ from }, { signal }) => fetch(`/api/${from}`, { signal }).then((r) => r.json()),
 *   indicators: {
 *     'environment.pm25': { from: 'AirQualityObserved', map: (e) => ({ value: e.pm25, time: e.dateObserved, area: e.areaCode }) },
 *   },
 * });
 * ```
 */
export function defineDomainAdapter<R = unknown>(config: DomainAdapterConfig<R>): DataSource {
  const mapped = Object.keys(config.indicators) as IndicatorId[];
  if (mapped.length === 0 && !config.alerts) throw new ConfigError(`Domain adapter "${config.id}" maps no indicators and no alerts.`);
  const definitions = new Map<string, Indicator>([...CATALOGUE, ...(config.catalogue ?? [])].map((indicator) => [indicator.id, indicator]));
  for (const id of mapped) {
    if (!definitions.has(id)) {
      throw new ConfigError(`Domain adapter "${config.id}" maps "${id}", which is not in the catalogue: add its definition with the adapter's \`catalogue\` option.`);
    }
  }
  const now = config.now ?? (() => Date.now());
  const defaultGrain = config.defaultGrain ?? 'day';
  const supports: QueryKind[] = mapped.length > 0 ? ['kpi', 'series', 'by-area'] : [];
  if (config.alerts) supports.push('alerts');

  const latest = config.latest;
  /** The instant a KPI or map without `at` describes. */
  const defaultAt = () => (latest ? latest() - 1 : now());

  async function loadAreas(query: AreaQuery, options: RequestOptions): Promise<readonly Area[]> {
    if (!config.areas) return [];
    if (typeof config.areas === 'function') return config.areas(query, options);
    // The adapter's clock, not the wall clock: a pinned source lists the units of its own present.
    return filterAreas(config.areas, { ...query, at: query.at ?? now() });
  }

  async function allAreas(options: RequestOptions): Promise<readonly Area[]> {
    if (config.hierarchy) return config.hierarchy(options);
    if (!config.areas) return [];
    if (typeof config.areas !== 'function') return config.areas;
    // A loader is asked per level: gather every level so roll-ups can walk the hierarchy.
    const levels = await Promise.all((['province', 'district', 'commune'] as const).map((level) => loadAreas({ level }, options)));
    return levels.flat();
  }

  function definition(id: IndicatorId): Indicator {
    const indicator = definitions.get(id);
    if (!indicator) throw new NotFoundError(`Indicator "${String(id).slice(0, 80)}" in the catalogue of "${config.id}"`);
    if (!config.indicators[id]) throw new UnsupportedQueryError(config.id, `indicator "${id}"`);
    return indicator;
  }

  function readGrain(grain: unknown, path: string): TimeGrain {
    if ((TIME_GRAINS as readonly unknown[]).includes(grain)) return grain as TimeGrain;
    throw new ValidationError(path, `expected ${TIME_GRAINS.join(', ')}`);
  }

  function readAt(at: string | undefined): number {
    if (at === undefined) return defaultAt();
    const time = parseTime(at);
    if (!Number.isFinite(time)) throw new ValidationError('query.at', `"${String(at).slice(0, 40)}" is not a date`);
    return time;
  }

  const rounded = (indicator: Indicator, value: number): number | null => {
    if (!Number.isFinite(value)) return null;
    return config.round ? Number(value.toFixed(indicator.decimals)) : value;
  };

  async function observe(
    indicator: Indicator,
    request: Omit<RecordRequest, 'from' | 'indicator'>,
    options: RequestOptions,
  ): Promise<{ byArea: AreaColumns; partial: boolean; warnings: DataWarning[] | undefined }> {
    const mapping = config.indicators[indicator.id];
    const fetcher = mapping?.fetchRecords ?? config.fetchRecords;
    if (!mapping || !fetcher) throw new ConfigError(`Domain adapter "${config.id}" has no record fetcher for "${indicator.id}".`);
    const full: RecordRequest = { ...request, from: mapping.from, indicator: indicator.id };
    const answer = await untilAborted(() => fetcher(full, options), options.signal);
    const batch = toBatch(answer, config.id);
    const warnings = new WarningCollector();
    warnings.addAll(batch.warnings);
    const fetchedAt = now();
    // Only a query for one area may take a value that names none: in a map, it would be credited to whichever area came first.
    const fallbackArea = request.areas.length === 1 ? request.areas[0] : undefined;
    const columns = new ColumnCollector();
    batch.records.forEach((record, index) => {
      const path = `${config.id}.${indicator.id}[${index}]`;
      let result: MappedObservations;
      try {
        result = mapping.map(record, full, warnings.add);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        warnings.add({ code: 'invalid-record', entity: path, field: error.path, message: `${path} ${error.path}: ${error.problem.replace(/\.$/, '')}; skipped` });
        return;
      }
      if (result === undefined || result === null) return;
      if (isObservationSeries(result)) {
        readSeries(result, indicator, typeof result.entity === 'string' && result.entity !== '' ? result.entity : path, warnings, columns);
        return;
      }
      const list: readonly Observation[] = Array.isArray(result) ? (result as readonly Observation[]) : [result as Observation];
      list.forEach((observation, k) => {
        if (typeof observation !== 'object' || observation === null) return;
        const entity = typeof observation.entity === 'string' && observation.entity !== '' ? observation.entity : list.length > 1 ? `${path}[${k}]` : path;
        const field = typeof observation.field === 'string' && observation.field !== '' ? observation.field : undefined;
        const reading = readValue(observation.value, indicator.range, indicator.id);
        if (reading.problem) warnings.add({ code: reading.problem.code, entity, field: field ?? 'value', message: `${entity} ${field ?? 'value'}: ${reading.problem.message}` });
        const time = observationTime(observation.time, fetchedAt);
        if (!Number.isFinite(time)) {
          warnings.add({ code: 'invalid-time', entity, field: 'time', message: `${entity}${field ? ` ${field}` : ''}: the time ${describeUnknown(observation.time)} cannot be read; skipped` });
          return;
        }
        let area: string | undefined;
        try {
          area = observation.area === undefined || observation.area === null ? fallbackArea : readText(observation.area, `${entity}.area`, 40);
        } catch {
          warnings.add({ code: 'missing-area', entity, field: 'area', message: `${entity}: the area ${describeUnknown(observation.area)} is not an area code; skipped` });
          return;
        }
        if (area === undefined) {
          if (request.areas.length > 1) warnings.add({ code: 'missing-area', entity, field: 'area', message: `${entity}: no area code, so it cannot be placed on a map of several areas; skipped` });
          return;
        }
        const until = observation.until === undefined || observation.until === null ? time : parseTime(observation.until);
        columns.push(area, time, reading.value, Number.isFinite(until) ? until : time);
      });
    });
    return { byArea: columns.byArea, partial: batch.partial === true, warnings: warnings.list() };
  }

  async function kpi(query: KpiQuery, options: RequestOptions): Promise<KpiResult> {
    const indicator = definition(query.indicator);
    const grain = query.grain === undefined ? defaultGrain : readGrain(query.grain, 'query.grain');
    const at = readAt(query.at);
    const current = periodOf(at, grain);
    const previousFrom = addPeriods(current.from, grain, -1);
    const lastYear = periodOf(addPeriods(current.from, 'year', -1), grain);
    const hierarchy = await allAreas(options);
    const windows = [current, { from: previousFrom, to: current.from }, lastYear];
    const answers = await Promise.all(
      windows.map((window) => observe(indicator, { kind: 'kpi', areas: [query.area], timeFrom: window.from, timeTo: window.to, grain, query }, options)),
    );
    const values = answers.map((answer, i) => {
      const window = windows[i] ?? current;
      return windowValue(indicator, groupByWanted(answer.byArea, [query.area], hierarchy).get(query.area), window.from, window.to);
    });
    const result: KpiResult = {
      kind: 'kpi',
      indicator: indicator.id,
      area: query.area,
      unit: indicator.unit,
      value: rounded(indicator, values[0]?.value ?? Number.NaN),
      previous: rounded(indicator, values[1]?.value ?? Number.NaN),
      sameLastYear: rounded(indicator, values[2]?.value ?? Number.NaN),
      target: indicator.target ?? null,
      period: { grain, from: toIso(current.from) ?? '', to: toIso(current.to) ?? '' },
      partial: answers.some((answer) => answer.partial),
    };
    // The three periods may be answered by the same records (a broker without history): a bad
    // value seen in each counts once, not three times.
    const warnings = new WarningCollector();
    for (const answer of answers) warnings.addAll(answer.warnings, 'max');
    const list = warnings.list();
    if (list) {
      result.warnings = list;
      result.partial = true;
    }
    const observedAt = toIso(values[0]?.observedAt ?? Number.NaN);
    if (observedAt) result.observedAt = observedAt;
    const areas = resolveAreas(hierarchy, [query.area], at);
    if (areas) result.areas = areas;
    return result;
  }

  async function series(query: SeriesQuery, options: RequestOptions): Promise<SeriesResult> {
    const indicator = definition(query.indicator);
    const grain = readGrain(query.grain, 'query.grain');
    const from = parseTime(query.from);
    const to = parseTime(query.to);
    if (!Number.isFinite(from)) throw new ValidationError('query.from', 'is not a date');
    if (!Number.isFinite(to) || to <= from) throw new ValidationError('query.to', 'must be a date after `from`');
    const listed: unknown = query.areas;
    if (!Array.isArray(listed)) throw new ValidationError('query.areas', 'expected a list of area codes');
    // Refused before anything is fetched: a year of minutes is a mistake, not a request.
    checkPeriodCount(periodStart(from, grain), to, grain, MAX_BUCKETS);
    const hierarchy = await allAreas(options);
    const answer = await observe(indicator, { kind: 'series', areas: query.areas, timeFrom: from, timeTo: to, grain, query }, options);
    const groups = groupByWanted(answer.byArea, query.areas, hierarchy);
    let observedAt = Number.NEGATIVE_INFINITY;
    const result = query.areas.map((code) => {
      const { t, v, observedAt: newest } = seriesValue(indicator, groups.get(code), grain, from, to);
      if (newest > observedAt) observedAt = newest;
      return { area: code, t, v };
    });
    const out: SeriesResult = { kind: 'series', indicator: indicator.id, unit: indicator.unit, grain, series: result, partial: answer.partial || answer.warnings !== undefined };
    if (answer.warnings) out.warnings = answer.warnings;
    const iso = toIso(observedAt);
    if (iso) out.observedAt = iso;
    const areas = resolveAreas(hierarchy, query.areas, to - 1);
    if (areas) out.areas = areas;
    return out;
  }

  async function byArea(query: ByAreaQuery, options: RequestOptions): Promise<ByAreaResult> {
    const indicator = definition(query.indicator);
    const grain = query.grain === undefined ? defaultGrain : readGrain(query.grain, 'query.grain');
    const at = readAt(query.at);
    const window = periodOf(at, grain);
    const hierarchy = await allAreas(options);
    const listed = await loadAreas({ level: query.level, ...(query.parent ? { parent: query.parent } : {}), at: toIso(at) ?? '' }, options);
    const answer = await observe(indicator, { kind: 'by-area', areas: listed.map((a) => a.code), timeFrom: window.from, timeTo: window.to, grain, query }, options);
    // Without an area list, the rows are whatever areas the records name.
    const codes = listed.length > 0 ? listed.map((a) => a.code) : [...answer.byArea.keys()];
    const groups = groupByWanted(answer.byArea, codes, hierarchy);
    let newest = Number.NEGATIVE_INFINITY;
    const rows = codes.map((code) => {
      const { value, observedAt } = windowValue(indicator, groups.get(code), window.from, window.to);
      if (observedAt > newest) newest = observedAt;
      const iso = toIso(observedAt);
      return { area: code, value: rounded(indicator, value), ...(iso ? { observedAt: iso } : {}) };
    });
    const result: ByAreaResult = { kind: 'by-area', indicator: indicator.id, unit: indicator.unit, level: query.level, rows, partial: answer.partial || answer.warnings !== undefined };
    if (answer.warnings) result.warnings = answer.warnings;
    const iso = toIso(newest);
    if (iso) result.observedAt = iso;
    // The listed areas are the entries valid at `at`; areas the records named are looked up.
    const areas = listed.length > 0 ? [...listed] : resolveAreas(hierarchy, codes, at);
    if (areas && areas.length > 0) result.areas = areas;
    return result;
  }

  async function alerts(query: AlertQuery, options: RequestOptions): Promise<AlertsResult> {
    const mapping = config.alerts;
    const fetcher = mapping?.fetchRecords ?? config.fetchRecords;
    if (!mapping || !fetcher) throw new UnsupportedQueryError(config.id, 'alerts');
    const askedFrom = query.from === undefined ? undefined : parseTime(query.from);
    const askedTo = query.to === undefined ? undefined : parseTime(query.to);
    if (askedFrom !== undefined && !Number.isFinite(askedFrom)) throw new ValidationError('query.from', 'is not a date');
    if (askedTo !== undefined && !Number.isFinite(askedTo)) throw new ValidationError('query.to', 'is not a date');
    // Nothing starts after the data ends; a query without `from` looks back `alertLookbackDays`.
    const to = latest ? Math.min(askedTo ?? Number.POSITIVE_INFINITY, latest()) : askedTo;
    const from = askedFrom ?? (config.alertLookbackDays !== undefined && to !== undefined ? to - config.alertLookbackDays * 86_400_000 : undefined);
    const window: AlertQuery = { ...query, ...(from !== undefined ? { from: toIso(from) ?? '' } : {}), ...(to !== undefined ? { to: toIso(to) ?? '' } : {}) };
    const request: RecordRequest = {
      from: mapping.from,
      indicator: 'alerts',
      kind: 'alerts',
      areas: query.area ? [query.area] : [],
      ...(from !== undefined ? { timeFrom: from } : {}),
      ...(to !== undefined ? { timeTo: to } : {}),
      query,
    };
    const [answer, hierarchy] = await Promise.all([untilAborted(() => fetcher(request, options), options.signal), allAreas(options)]);
    const batch = toBatch(answer, config.id);
    const list: Alert[] = [];
    const warnings = new WarningCollector();
    warnings.addAll(batch.warnings);
    batch.records.forEach((record, index) => {
      const path = `${config.id}.alerts[${index}]`;
      let raw: unknown;
      try {
        raw = mapping.map(record, request, warnings.add);
        if (raw === undefined || raw === null) return;
        list.push(validateAlert(raw, path, { ...(config.domain ? { domain: config.domain } : {}), source: config.id }));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
        const entity = typeof id === 'string' && id !== '' ? id : path;
        warnings.add({ code: 'invalid-record', entity, field: error.path, message: `${entity} ${error.path}: ${error.problem.replace(/\.$/, '')}; this alert is left out` });
      }
    });
    const clock = now();
    const result: AlertsResult = { kind: 'alerts', alerts: filterAlerts(list, window, hierarchy, clock), partial: batch.partial === true };
    const warned = warnings.list();
    if (warned) {
      result.warnings = warned;
      result.partial = true;
    }
    const areas = resolveAreas(hierarchy, result.alerts.flatMap((alert) => (alert.area ? [alert.area] : [])), clock);
    if (areas) result.areas = areas;
    return result;
  }

  const source: DataSource = {
    id: config.id,
    supports,
    // A pinned clock is the adapter's present: widgets count their windows back from it too.
    ...(config.now ? { now: config.now } : {}),
    indicators: () => Promise.resolve(mapped.map((id) => definitions.get(id)).filter((i): i is Indicator => i !== undefined)),
    areas: (query, options = {}) => loadAreas(query, options),
    boundaries: (query, options = {}) => (config.boundaries ? config.boundaries(query, options) : Promise.resolve({ type: 'FeatureCollection', features: [] })),
    async query<Q extends Query>(query: Q, options: RequestOptions = {}): Promise<ResultFor<Q>> {
      try {
        throwIfAborted(options.signal);
        let result: KpiResult | SeriesResult | ByAreaResult | AlertsResult;
        switch (query.kind) {
          case 'kpi':
            result = await kpi(query, options);
            break;
          case 'series':
            result = await series(query, options);
            break;
          case 'by-area':
            result = await byArea(query, options);
            break;
          case 'alerts':
            result = await alerts(query, options);
            break;
          default:
            throw new UnsupportedQueryError(config.id, `"${String((query as { kind?: unknown }).kind)}" queries`);
        }
        throwIfAborted(options.signal);
        return result as ResultFor<Q>;
      } catch (error) {
        throw toDataError(error);
      }
    },
  };
  if (config.watch) {
    const watch = config.watch;
    source.subscribe = <Q extends Query>(query: Q, onChange: ChangeListener<Q>, options: SubscribeOptions = {}) => {
      const request: RecordRequest = {
        from: query.kind === 'alerts' ? (config.alerts?.from ?? '') : (config.indicators[query.indicator]?.from ?? ''),
        indicator: query.kind === 'alerts' ? 'alerts' : query.indicator,
        kind: query.kind,
        areas: query.kind === 'series' ? query.areas : query.kind === 'kpi' ? [query.area] : query.kind === 'alerts' && query.area ? [query.area] : [],
        query,
      };
      const rerun = () => {
        if (options.signal?.aborted) return;
        source.query(query, options).then((result) => onChange(result), (error: unknown) => onChange(undefined, error));
      };
      watch(request, rerun, options);
    };
  }
  return source;
}

/**
 * Runs a fetch that should stop on `signal`, and rejects with `AbortError` as soon as the signal
 * fires even if the fetcher ignores it, so a widget's stale query never lingers.
 */
function untilAborted<T>(run: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  throwIfAborted(signal);
  if (!signal) return run();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortError());
    signal.addEventListener('abort', onAbort, { once: true });
    run().then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) reject(new AbortError());
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? new AbortError() : error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function toBatch<R>(answer: readonly R[] | RecordBatch<R> | undefined, id: string): RecordBatch<R> {
  const value: unknown = answer;
  if (Array.isArray(value)) return { records: value as readonly R[] };
  if (typeof value === 'object' && value !== null && Array.isArray((value as { records?: unknown }).records)) return value as RecordBatch<R>;
  throw new ValidationError(`${id}.records`, 'the record fetcher returned neither a list nor { records: [...] }');
}
