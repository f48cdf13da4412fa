/**
 * A source for any REST/JSON API, described declaratively: for each kind of query, a URL
 * template and paths into the payload (`data.items[*].value`, `$.results[0].ts`) with value
 * transforms (number parsing incl. Vietnamese `1.234,5`, unit scale, date parsing).
 *
 * It is a record fetcher (the URL templates, filled from the query) and a mapping (the field
 * paths) on `defineDomainAdapter`, which validates, aggregates to the grain asked for, filters
 * alerts and answers every query kind as every other source does. Endpoints that answer an
 * aggregate for a period (a KPI's `current` and `previous`, a map's rows) are read as
 * observations at the start of the period the adapter asks for.
 *
 * One bad row never rejects the result: a value that is not a number or is outside the
 * indicator's plausible range is a gap, a series point without a readable time and a by-area
 * row without an area code are skipped, an alert that cannot be read is left out; each becomes
 * a warning naming the row (`results[3]`) and field, and the result is `partial`. Only a
 * payload without the list at `items` (or that is not JSON) is a `ValidationError`.
 */
import type { Area, BoundaryProperties, FeatureCollection } from '../../contract/areas.js';
import type { Indicator, IndicatorId } from '../../contract/catalogue.js';
import { ConfigError, UnsupportedQueryError, ValidationError } from '../../contract/errors.js';
import type { AlertQuery, ByAreaQuery, KpiQuery, KpiResult, Query, QueryKind, ResultFor, SeriesQuery, StaleInfo } from '../../contract/query.js';
import type { DataSource, RequestOptions } from '../../contract/source.js';
import { parseTime, periodOf } from '../../contract/time.js';
import type { DataWarning, WarnFn } from '../../contract/warnings.js';
import { defineDomainAdapter, type IndicatorMapping, type MappedObservations, type RecordBatch, type RecordRequest } from '../../adapters/domain-adapter.js';
import { CATALOGUE, indicatorById } from '../../catalogue/index.js';
import { HttpClient, type HttpClientOptions, type HttpResult } from '../../internal/http.js';
import { attachPolling } from '../../refresh/polling.js';
import { readAlert, type AlertFields } from './alert-fields.js';
import { dateOrWarn, dateQuietly, fillTemplate, nameOf, numberOrGap, readTextField, recordsAt, type FieldSpec, type PayloadRow, type TemplateFields } from './fields.js';
import { createQueryNotes, olderStale, staleOf, withStale } from './stale.js';

export { fillTemplate, type FieldSpec } from './fields.js';

/** A URL (absolute, or relative to `baseUrl`) with `{placeholders}`, or a function of the query. */
export type UrlTemplate<Q extends Query> = string | ((query: Q, remoteIndicator: string) => string);

interface EndpointBase<Q extends Query> {
  url: UrlTemplate<Q>;
  headers?: Readonly<Record<string, string>>;
}

/** A KPI endpoint answers the period's value itself (and, optionally, the previous period's and the one a year before). */
export interface KpiEndpoint extends EndpointBase<KpiQuery> {
  value: FieldSpec;
  previous?: FieldSpec;
  sameLastYear?: FieldSpec;
  target?: FieldSpec;
  observedAt?: FieldSpec;
}

export interface SeriesEndpoint extends EndpointBase<SeriesQuery> {
  /** Path to the list of records, e.g. `data.items[*]`. */
  items: string;
  /** Within a record. */
  time: FieldSpec;
  value: FieldSpec;
  /** Within a record; default: the query's area, when it asks for one. */
  area?: FieldSpec;
}

/** A by-area endpoint answers one row per area for the period asked. */
export interface ByAreaEndpoint extends EndpointBase<ByAreaQuery> {
  items: string;
  area: FieldSpec;
  value: FieldSpec;
  observedAt?: FieldSpec;
}

export interface AlertsEndpoint extends EndpointBase<AlertQuery>, AlertFields {
  items: string;
}

export interface HttpSourceOptions {
  /** A short name for messages; default `http:<baseUrl>`. */
  id?: string;
  baseUrl: string;
  /** Sent with every request (e.g. `Authorization`, `Accept-Language`). */
  headers?: Readonly<Record<string, string>>;
  /** How often `subscribe` polls when a widget does not say; default 60 000 ms. */
  pollIntervalMs?: number;
  /** The remote name of each catalogue indicator, for `{indicator}` in URLs. Default: the id itself. */
  indicatorNames?: Readonly<Partial<Record<IndicatorId, string>>>;
  /** Indicators this source answers; default: those named in `indicatorNames`, else the whole catalogue. */
  indicators?: readonly Indicator[];
  kpi?: KpiEndpoint;
  series?: SeriesEndpoint;
  byArea?: ByAreaEndpoint;
  alerts?: AlertsEndpoint;
  /** The areas this API reports on, if it has no areas endpoint of its own. */
  areas?: readonly Area[];
  /** A URL template answering GeoJSON boundaries (`{level}`, `{parent}`, `{at}`). */
  boundaries?: string;
  /** An HTTP client to share, or options for this source's own client (timeouts, retries, cache). */
  client?: HttpClient | HttpClientOptions;
}

/**
 * What the reads of one query leave for its result: one GET per URL, the oldest fallback, and
 * what aggregate endpoints say of themselves (when a value was observed, a KPI's own target),
 * which the result reports as they said it.
 */
interface QueryNote {
  gets: Map<string, Promise<HttpResult>>;
  stale?: StaleInfo;
  observedAt: Map<string, string>;
  target?: number | null;
}

/** KPI queries asked without a date are pinned to one "now", so the three periods the adapter reads agree; the URL keeps the query as asked. */
const asAsked = new WeakMap<Query, Query>();

/** Which of a KPI's three periods a request is for, by its window. */
function kpiPeriod(request: RecordRequest): 'value' | 'previous' | 'sameLastYear' {
  const query = request.query as KpiQuery;
  const at = query.at === undefined ? Number.NaN : parseTime(query.at);
  const current = periodOf(Number.isFinite(at) ? at : Date.now(), query.grain ?? 'day');
  if (request.timeFrom === current.from) return 'value';
  return request.timeTo === current.from ? 'previous' : 'sameLastYear';
}

/**
 * Creates a source reading a REST/JSON API. Each query kind without an endpoint rejects with
 * `UnsupportedQueryError`. Requests go through the robust HTTP layer (abort, timeout, retries,
 * shared in-flight reads, ETag revalidation, last good result on failure).
 */
export function createHttpSource(options: HttpSourceOptions): DataSource {
  if (typeof options.baseUrl !== 'string' || options.baseUrl.trim() === '') {
    throw new ConfigError('The HTTP source needs a baseUrl (data-url="https://…" in markup).');
  }
  const baseUrl = options.baseUrl.trim();
  const client = options.client instanceof HttpClient ? options.client : new HttpClient({ headers: options.headers, ...options.client });
  const sharedHeaders = options.client instanceof HttpClient ? options.headers : undefined;
  const id = options.id ?? `http:${baseUrl}`;
  const endpoints: Partial<Record<QueryKind, EndpointBase<never>>> = { kpi: options.kpi, series: options.series, 'by-area': options.byArea, alerts: options.alerts };
  const supports = (['kpi', 'series', 'by-area', 'alerts'] as const).filter((kind) => endpoints[kind] !== undefined);
  const named = Object.keys(options.indicatorNames ?? {});
  const indicatorList: readonly Indicator[] =
    options.indicators ?? (named.length > 0 ? named.map((name) => indicatorById(name)).filter((entry): entry is Indicator => entry !== undefined) : CATALOGUE);
  const remoteName = (indicator: IndicatorId) => options.indicatorNames?.[indicator] ?? indicator;
  const notes = createQueryNotes<QueryNote>();
  /** The note of the query a record request belongs to (the adapter hands `map` the request its fetcher got). */
  const noteOf = new WeakMap<RecordRequest, QueryNote>();

  function resolve(path: string): string {
    try {
      return new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
    } catch {
      throw new ConfigError(`"${path}" is not a valid URL relative to ${baseUrl}.`);
    }
  }

  function urlOf<Q extends Query>(template: UrlTemplate<Q>, query: Q, fields: TemplateFields): string {
    return resolve(typeof template === 'function' ? template(query, 'indicator' in query ? remoteName(query.indicator) : '') : fillTemplate(template, fields));
  }

  /** GETs JSON once per URL per query (a KPI's three periods read one answer), noting a fallback. */
  async function getJson(url: string, headers: Readonly<Record<string, string>> | undefined, signal: AbortSignal | undefined): Promise<unknown> {
    const note = notes.of(signal);
    let pending = note?.gets.get(url);
    if (!pending) {
      pending = client.request(url, { headers: { accept: 'application/json', ...sharedHeaders, ...headers }, ...(signal ? { signal } : {}) });
      note?.gets.set(url, pending);
    }
    const response = await pending;
    if (note) note.stale = olderStale(note.stale, staleOf(response));
    return response.data;
  }

  /** The protocol half: the endpoint for the request's query kind, filled from the query as it was asked. */
  async function fetchRecords(request: RecordRequest, { signal }: RequestOptions): Promise<RecordBatch<PayloadRow>> {
    const query = asAsked.get(request.query) ?? request.query;
    const note = notes.of(signal);
    if (note) noteOf.set(request, note);
    switch (query.kind) {
      case 'kpi': {
        const endpoint = options.kpi;
        if (!endpoint) throw new UnsupportedQueryError(id, 'kpi queries');
        const payload = await getJson(urlOf(endpoint.url, query, { indicator: remoteName(query.indicator), area: query.area, grain: query.grain, at: query.at }), endpoint.headers, signal);
        return batch([{ record: payload, where: '' }]);
      }
      case 'series': {
        const endpoint = options.series;
        if (!endpoint) throw new UnsupportedQueryError(id, 'series queries');
        const fields = { indicator: remoteName(query.indicator), area: query.areas[0], areas: query.areas.join(','), grain: query.grain, from: query.from, to: query.to };
        return batch(latestOfEach(recordsAt(await getJson(urlOf(endpoint.url, query, fields), endpoint.headers, signal), endpoint.items), endpoint));
      }
      case 'by-area': {
        const endpoint = options.byArea;
        if (!endpoint) throw new UnsupportedQueryError(id, 'by-area queries');
        const fields = { indicator: remoteName(query.indicator), level: query.level, parent: query.parent, grain: query.grain, at: query.at };
        return batch(recordsAt(await getJson(urlOf(endpoint.url, query, fields), endpoint.headers, signal), endpoint.items));
      }
      case 'alerts': {
        const endpoint = options.alerts;
        if (!endpoint) throw new UnsupportedQueryError(id, 'alert queries');
        const fields = { domain: query.domain, area: query.area, minSeverity: query.minSeverity, status: query.status?.join(','), from: query.from, to: query.to, limit: query.limit };
        return batch(recordsAt(await getJson(urlOf(endpoint.url, query, fields), endpoint.headers, signal), endpoint.items));
      }
    }
  }

  /** The mapping half: a payload row to observations of the indicator, by the endpoint's field paths. */
  function observe(row: PayloadRow, request: RecordRequest, warn: WarnFn): MappedObservations {
    const note = noteOf.get(request);
    if (request.kind === 'kpi' && options.kpi) {
      // The endpoint answers aggregates: each counts at the start of the period it is for.
      const endpoint = options.kpi;
      const period = kpiPeriod(request);
      const field = endpoint[period];
      if (period === 'value') {
        const observed = endpoint.observedAt ? dateOrWarn(row, endpoint.observedAt, warn, 'left out') : undefined;
        if (typeof observed === 'number') note?.observedAt.set(request.areas[0] ?? '', new Date(observed).toISOString());
        if (endpoint.target && note) note.target = numberOrGap(row, endpoint.target, warn);
      }
      if (field === undefined) return undefined;
      return { value: numberOrGap(row, field, warn), time: request.timeFrom, ...nameOf(row.where, field) };
    }
    if (request.kind === 'series' && options.series) {
      const endpoint = options.series;
      const time = dateOrWarn(row, endpoint.time, warn, 'this point is skipped');
      if (time === undefined) return undefined;
      if (time === null) {
        const names = nameOf(row.where, endpoint.time);
        warn({ code: 'missing-time', ...names, message: `${names.entity} ${names.field}: a point has no time; skipped` });
        return undefined;
      }
      const area = readTextField(row.record, endpoint.area);
      return { value: numberOrGap(row, endpoint.value, warn), time, ...(area ? { area } : {}), ...nameOf(row.where, endpoint.value) };
    }
    if (request.kind === 'by-area' && options.byArea) {
      const endpoint = options.byArea;
      const area = readTextField(row.record, endpoint.area);
      if (!area) {
        const names = nameOf(row.where, endpoint.area);
        warn({ code: 'missing-area', ...names, message: `${names.entity} ${names.field}: a row has no area code; skipped` });
        return undefined;
      }
      const value = numberOrGap(row, endpoint.value, warn);
      const observed = endpoint.observedAt ? dateOrWarn(row, endpoint.observedAt, warn, 'the row is kept without it') : undefined;
      if (typeof observed === 'number') note?.observedAt.set(area, new Date(observed).toISOString());
      // A row is the area's value for the period asked: it counts at the period's start.
      return { value, time: request.timeFrom, area, ...nameOf(row.where, endpoint.value) };
    }
    return undefined;
  }

  const mapping: Omit<IndicatorMapping<PayloadRow>, 'from'> = { map: observe };
  const indicators: Partial<Record<IndicatorId, IndicatorMapping<PayloadRow>>> = {};
  for (const indicator of [...CATALOGUE, ...indicatorList]) indicators[indicator.id] = { ...mapping, from: remoteName(indicator.id) };
  const alerts = options.alerts;
  const adapter = defineDomainAdapter<PayloadRow>({
    id,
    fetchRecords,
    indicators,
    ...(alerts
      ? {
          alerts: {
            from: 'alerts',
            map: (row: PayloadRow, _request: RecordRequest, warn: WarnFn) => {
              try {
                return readAlert(row, alerts, warn, id);
              } catch (error) {
                if (!(error instanceof ValidationError)) throw error;
                const entity = readTextField(row.record, alerts.id) || row.where;
                warn({ code: 'invalid-record', entity, field: error.path, message: `${entity} ${error.path}: ${error.problem.replace(/\.$/, '')}; this alert is left out` });
                return undefined;
              }
            },
          },
        }
      : {}),
    ...(options.indicators ? { catalogue: options.indicators } : {}),
    ...(options.areas ? { areas: options.areas } : {}),
    boundaries: async (query, { signal }) => {
      if (!options.boundaries) throw new UnsupportedQueryError(id, 'boundaries (set the `boundaries` URL option)');
      return checkFeatureCollection(await getJson(resolve(fillTemplate(options.boundaries, { level: query.level, parent: query.parent, at: query.at })), undefined, signal));
    },
    defaultGrain: 'day',
  });

  async function query<Q extends Query>(asked: Q, requestOptions: RequestOptions = {}): Promise<ResultFor<Q>> {
    if (!supports.includes(asked.kind)) throw new UnsupportedQueryError(id, `${asked.kind} queries`);
    let pinned: Q = asked;
    if (asked.kind === 'kpi' && asked.at === undefined) {
      pinned = { ...asked, at: new Date().toISOString() };
      asAsked.set(pinned, asked);
    }
    const { value, notes: note } = await notes.run(requestOptions.signal, { gets: new Map(), observedAt: new Map() }, (signal) => adapter.query(pinned, { ...requestOptions, signal }));
    return ownTimes(withStale(value, note.stale), note);
  }

  /** An aggregate endpoint's result says when its values were observed as the endpoint said it, not when their period began. */
  function ownTimes<R extends ResultFor<Query>>(result: R, note: QueryNote): R {
    if (result.kind === 'kpi') {
      const kpi: KpiResult = result;
      const observedAt = note.observedAt.get(kpi.area);
      if (observedAt) kpi.observedAt = observedAt;
      else delete kpi.observedAt;
      if (note.target !== undefined) kpi.target = note.target;
    } else if (result.kind === 'by-area') {
      let newest: string | undefined;
      const rows = result.rows.map((row) => {
        const { observedAt: _periodStart, ...rest } = row;
        const observedAt = note.observedAt.get(row.area);
        if (observedAt && (!newest || Date.parse(observedAt) > Date.parse(newest))) newest = observedAt;
        return observedAt ? { ...rest, observedAt } : rest;
      });
      const { observedAt: _newestStart, ...rest } = result;
      return { ...rest, rows, ...(newest ? { observedAt: newest } : {}) } as R;
    }
    return result;
  }

  const source: DataSource = {
    id,
    supports,
    indicators: () => Promise.resolve(indicatorList),
    areas: (areaQuery, requestOptions) => adapter.areas(areaQuery, requestOptions),
    boundaries: (boundaryQuery, requestOptions) => adapter.boundaries(boundaryQuery, requestOptions),
    query,
  };
  return attachPolling(source, { intervalMs: options.pollIntervalMs ?? 60_000 });
}

function batch(records: readonly PayloadRow[], warnings?: readonly DataWarning[]): RecordBatch<PayloadRow> {
  return { records, ...(warnings ? { warnings } : {}) };
}

/** Of two points for the same area and instant, the later row is the correction: the earlier one is dropped. */
function latestOfEach(rows: readonly PayloadRow[], endpoint: SeriesEndpoint): PayloadRow[] {
  const keys = rows.map((row) => {
    const time = dateQuietly(row, endpoint.time);
    return time === undefined ? undefined : `${readTextField(row.record, endpoint.area) ?? ''}\u0000${time}`;
  });
  const last = new Map<string, number>();
  keys.forEach((key, index) => {
    if (key !== undefined) last.set(key, index);
  });
  return rows.filter((_row, index) => {
    const key = keys[index];
    return key === undefined || last.get(key) === index;
  });
}

function checkFeatureCollection(value: unknown): FeatureCollection<BoundaryProperties> {
  if (!value || typeof value !== 'object' || (value as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray((value as { features?: unknown }).features)) {
    throw new ValidationError('(body)', 'expected a GeoJSON FeatureCollection.');
  }
  return value as FeatureCollection<BoundaryProperties>;
}
