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
import { AbortError, ConfigError, UnsupportedQueryError, ValidationError, throwIfAborted, toDataError } from '../contract/errors.js';
import { aggregate, bucketSeries, combineSeries } from '../contract/aggregate.js';
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
import { addPeriods, parseTime, periodOf, toIso } from '../contract/time.js';
import { readText, validateAlert } from '../contract/validate.js';
import { WarningCollector, readValue, type DataWarning, type WarnFn } from '../contract/warnings.js';
import { CATALOGUE } from '../catalogue/index.js';
import { ALERT_SEVERITIES } from '../contract/catalogue.js';
import { descendantsOf, filterAreas } from '../areas/areas.js';

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

/**
 * One observation of an indicator, as `map` returns it. Fields are `unknown` on purpose: they are
 * validated (numbers and numeric strings accepted; null is a gap; `"NaN"`, other text, booleans,
 * objects and values outside the indicator's range are gaps with a warning; times may be ISO text
 * or epoch ms, zone-less times are Vietnamese local time, an unreadable time skips the value with
 * a warning).
 */
export interface Observation {
  value: unknown;
  /** When the value was observed; absent: the time the record was fetched. */
  time?: unknown;
  /**
   * Area code the value belongs to; absent: the area asked for when the query asks for exactly
   * one (a single-area system); otherwise the value is skipped with a `missing-area` warning.
   */
  area?: unknown;
  /** Names the record in warnings (e.g. an entity id); default `<adapter id>.<indicator>[<index>]`. */
  entity?: string;
  /** Names the field in warnings (e.g. `pm25`); default `value`. */
  field?: string;
}

export type MappedObservations = Observation | readonly Observation[] | null | undefined;

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
  /** The areas this system covers: a list or a loader. Used for `areas()`, area roll-ups and `by-area`. */
  areas?: readonly Area[] | ((query: AreaQuery, options: RequestOptions) => Promise<readonly Area[]>);
  boundaries?: (query: BoundaryQuery, options: RequestOptions) => Promise<FeatureCollection<BoundaryProperties>>;
  /** The clock (epoch ms); tests and replays pin it, and widgets then read it as the source's `now()`. Default `Date.now`. */
  now?: () => number;
  /** Grain for KPIs and by-area queries that do not name one. Default `day`. */
  defaultGrain?: TimeGrain;
}

interface Point {
  value: number;
  time: number;
  area: string;
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

  async function loadAreas(query: AreaQuery, options: RequestOptions): Promise<readonly Area[]> {
    if (!config.areas) return [];
    if (typeof config.areas === 'function') return config.areas(query, options);
    return filterAreas(config.areas, query);
  }

  async function allAreas(options: RequestOptions): Promise<readonly Area[]> {
    if (!config.areas) return [];
    if (typeof config.areas !== 'function') return config.areas;
    // A loader is asked per level: gather every level so roll-ups can walk the hierarchy.
    const levels = await Promise.all((['province', 'district', 'commune'] as const).map((level) => loadAreas({ level }, options)));
    return levels.flat();
  }

  function definition(id: IndicatorId): Indicator {
    const indicator = definitions.get(id);
    if (!indicator || !config.indicators[id]) throw new UnsupportedQueryError(config.id, `indicator "${id}"`);
    return indicator;
  }

  async function observe(
    indicator: Indicator,
    request: Omit<RecordRequest, 'from' | 'indicator'>,
    options: RequestOptions,
  ): Promise<{ points: Point[]; partial: boolean; warnings: DataWarning[] | undefined }> {
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
    const points: Point[] = [];
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
      const list: readonly Observation[] = Array.isArray(result) ? (result as readonly Observation[]) : [result as Observation];
      list.forEach((observation, k) => {
        if (typeof observation !== 'object' || observation === null) return;
        const entity = typeof observation.entity === 'string' && observation.entity !== '' ? observation.entity : list.length > 1 ? `${path}[${k}]` : path;
        const field = typeof observation.field === 'string' && observation.field !== '' ? observation.field : undefined;
        const reading = readValue(observation.value, indicator.range, indicator.id);
        if (reading.problem) warnings.add({ code: reading.problem.code, entity, field: field ?? 'value', message: `${entity} ${field ?? 'value'}: ${reading.problem.message}` });
        const time = observation.time === undefined || observation.time === null ? fetchedAt : parseTime(observation.time);
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
        points.push({ value: reading.value, time, area });
      });
    });
    return { points, partial: batch.partial === true, warnings: warnings.list() };
  }

  /** For each wanted area, the points of that area or of any unit under it, grouped by source area. */
  function groupByWanted(points: readonly Point[], wanted: readonly string[], hierarchy: readonly Area[]): Map<string, Map<string, Point[]>> {
    const groups = new Map<string, Map<string, Point[]>>(wanted.map((code) => [code, new Map()]));
    const within = new Map<string, Set<string>>(wanted.map((code) => [code, new Set([code, ...descendantsOf(hierarchy, code)])]));
    for (const point of points) {
      for (const code of wanted) {
        if (!within.get(code)?.has(point.area)) continue;
        const byArea = groups.get(code);
        if (!byArea) continue;
        const list = byArea.get(point.area) ?? [];
        list.push(point);
        byArea.set(point.area, list);
      }
    }
    return groups;
  }

  /** One value for a window: aggregate each source area over time, then across areas. */
  function windowValue(indicator: Indicator, byArea: Map<string, Point[]> | undefined, from: number, to: number): { value: number; observedAt: number } {
    const perArea: number[] = [];
    let observedAt = Number.NEGATIVE_INFINITY;
    for (const points of byArea?.values() ?? []) {
      const inWindow = points.filter((p) => p.time >= from && p.time < to).sort((a, b) => a.time - b.time);
      for (const p of inWindow) if (Number.isFinite(p.value) && p.time > observedAt) observedAt = p.time;
      perArea.push(aggregate(inWindow.map((p) => p.value), indicator.aggregation.time));
    }
    return { value: aggregate(perArea, indicator.aggregation.area), observedAt };
  }

  async function kpi(query: KpiQuery, options: RequestOptions): Promise<KpiResult> {
    const indicator = definition(query.indicator);
    const grain = query.grain ?? defaultGrain;
    const at = query.at === undefined ? now() : parseTime(query.at);
    if (!Number.isFinite(at)) throw new ValidationError('query.at', `"${String(query.at).slice(0, 40)}" is not a date`);
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
      return windowValue(indicator, groupByWanted(answer.points, [query.area], hierarchy).get(query.area), window.from, window.to);
    });
    const finite = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n : null);
    const result: KpiResult = {
      kind: 'kpi',
      indicator: indicator.id,
      area: query.area,
      unit: indicator.unit,
      value: finite(values[0]?.value),
      previous: finite(values[1]?.value),
      sameLastYear: finite(values[2]?.value),
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
    return result;
  }

  async function series(query: SeriesQuery, options: RequestOptions): Promise<SeriesResult> {
    const indicator = definition(query.indicator);
    const from = parseTime(query.from);
    const to = parseTime(query.to);
    if (!Number.isFinite(from)) throw new ValidationError('query.from', 'is not a date');
    if (!Number.isFinite(to) || to <= from) throw new ValidationError('query.to', 'must be a date after `from`');
    const hierarchy = await allAreas(options);
    const answer = await observe(indicator, { kind: 'series', areas: query.areas, timeFrom: from, timeTo: to, grain: query.grain, query }, options);
    const groups = groupByWanted(answer.points, query.areas, hierarchy);
    let observedAt = Number.NEGATIVE_INFINITY;
    const result = query.areas.map((code) => {
      const bySource = groups.get(code) ?? new Map<string, Point[]>();
      const bucketed = [...bySource.values()].map((points) => {
        for (const p of points) if (Number.isFinite(p.value) && p.time >= from && p.time < to && p.time > observedAt) observedAt = p.time;
        return bucketSeries(points.map((p) => p.time), points.map((p) => p.value), query.grain, indicator.aggregation.time, { from, to });
      });
      const empty = bucketSeries([], [], query.grain, indicator.aggregation.time, { from, to });
      const t = bucketed[0]?.t ?? empty.t;
      const v = bucketed.length === 0 ? empty.v : bucketed.length === 1 ? (bucketed[0]?.v ?? empty.v) : combineSeries(bucketed.map((b) => b.v), indicator.aggregation.area);
      return { area: code, t, v };
    });
    const out: SeriesResult = { kind: 'series', indicator: indicator.id, unit: indicator.unit, grain: query.grain, series: result, partial: answer.partial || answer.warnings !== undefined };
    if (answer.warnings) out.warnings = answer.warnings;
    const iso = toIso(observedAt);
    if (iso) out.observedAt = iso;
    return out;
  }

  async function byArea(query: ByAreaQuery, options: RequestOptions): Promise<ByAreaResult> {
    const indicator = definition(query.indicator);
    const grain = query.grain ?? defaultGrain;
    const at = query.at === undefined ? now() : parseTime(query.at);
    if (!Number.isFinite(at)) throw new ValidationError('query.at', 'is not a date');
    const window = periodOf(at, grain);
    const hierarchy = await allAreas(options);
    const listed = await loadAreas({ level: query.level, ...(query.parent ? { parent: query.parent } : {}), at: toIso(at) ?? '' }, options);
    const answer = await observe(indicator, { kind: 'by-area', areas: listed.map((a) => a.code), timeFrom: window.from, timeTo: window.to, grain, query }, options);
    // Without an area list, the rows are whatever areas the records name.
    const codes = listed.length > 0 ? listed.map((a) => a.code) : [...new Set(answer.points.map((p) => p.area))];
    const groups = groupByWanted(answer.points, codes, hierarchy);
    let newest = Number.NEGATIVE_INFINITY;
    const rows = codes.map((code) => {
      const { value, observedAt } = windowValue(indicator, groups.get(code), window.from, window.to);
      if (observedAt > newest) newest = observedAt;
      const iso = toIso(observedAt);
      return { area: code, value: Number.isFinite(value) ? value : null, ...(iso ? { observedAt: iso } : {}) };
    });
    const result: ByAreaResult = { kind: 'by-area', indicator: indicator.id, unit: indicator.unit, level: query.level, rows, partial: answer.partial || answer.warnings !== undefined };
    if (answer.warnings) result.warnings = answer.warnings;
    const iso = toIso(newest);
    if (iso) result.observedAt = iso;
    return result;
  }

  async function alerts(query: AlertQuery, options: RequestOptions): Promise<AlertsResult> {
    const mapping = config.alerts;
    const fetcher = mapping?.fetchRecords ?? config.fetchRecords;
    if (!mapping || !fetcher) throw new UnsupportedQueryError(config.id, 'alerts');
    const from = query.from === undefined ? undefined : parseTime(query.from);
    const to = query.to === undefined ? undefined : parseTime(query.to);
    const request: RecordRequest = {
      from: mapping.from,
      indicator: 'alerts',
      kind: 'alerts',
      areas: query.area ? [query.area] : [],
      ...(from !== undefined && Number.isFinite(from) ? { timeFrom: from } : {}),
      ...(to !== undefined && Number.isFinite(to) ? { timeTo: to } : {}),
      query,
    };
    const answer = await untilAborted(() => fetcher(request, options), options.signal);
    const batch = toBatch(answer, config.id);
    const hierarchy = query.area ? await allAreas(options) : [];
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
    const result: AlertsResult = { kind: 'alerts', alerts: filterAlerts(list, query, hierarchy), partial: batch.partial === true };
    const warned = warnings.list();
    if (warned) {
      result.warnings = warned;
      result.partial = true;
    }
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

/** A bad value as short plain text for a warning. */
function describeUnknown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

function toBatch<R>(answer: readonly R[] | RecordBatch<R> | undefined, id: string): RecordBatch<R> {
  const value: unknown = answer;
  if (Array.isArray(value)) return { records: value as readonly R[] };
  if (typeof value === 'object' && value !== null && Array.isArray((value as { records?: unknown }).records)) return value as RecordBatch<R>;
  throw new ValidationError(`${id}.records`, 'the record fetcher returned neither a list nor { records: [...] }');
}

/** Applies an `AlertQuery`'s filters (area includes its descendants), newest first, up to `limit`. */
export function filterAlerts(list: readonly Alert[], query: AlertQuery, hierarchy: readonly Area[] = []): Alert[] {
  const minRank = query.minSeverity ? ALERT_SEVERITIES.indexOf(query.minSeverity) : 0;
  const from = query.from === undefined ? Number.NEGATIVE_INFINITY : parseTime(query.from);
  const to = query.to === undefined ? Number.POSITIVE_INFINITY : parseTime(query.to);
  const within = query.area ? new Set([query.area, ...descendantsOf(hierarchy, query.area)]) : undefined;
  const matching = list.filter((alert) => {
    if (query.domain && alert.domain !== query.domain) return false;
    if (ALERT_SEVERITIES.indexOf(alert.severity) < minRank) return false;
    if (query.status && !query.status.includes(alert.status)) return false;
    if (within && (!alert.area || !within.has(alert.area))) return false;
    const start = parseTime(alert.start);
    const end = alert.end === undefined ? Number.POSITIVE_INFINITY : parseTime(alert.end);
    // An alert belongs to a window it overlaps.
    if (Number.isFinite(from) && end < from) return false;
    if (Number.isFinite(to) && start >= to) return false;
    return true;
  });
  matching.sort((a, b) => parseTime(b.start) - parseTime(a.start) || (a.id < b.id ? -1 : 1));
  const limit = query.limit !== undefined && Number.isFinite(query.limit) && query.limit >= 0 ? Math.floor(query.limit) : matching.length;
  return matching.slice(0, limit);
}
