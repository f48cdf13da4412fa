/**
 * A source for any REST/JSON API, described declaratively: for each kind of query, a URL
 * template and paths into the payload (`data.items[*].value`, `$.results[0].ts`) with value
 * transforms (number parsing incl. Vietnamese `1.234,5`, unit scale, date parsing).
 *
 * One bad row never rejects the result: a value that is not a number or is outside the
 * indicator's plausible range is a gap (null / NaN), a series point without a readable time and
 * a by-area row without an area code are skipped, an alert that cannot be read is left out; each
 * becomes a warning naming the row (`results[3]`) and field, and the result is `partial`. Only a
 * payload without the list at `items` (or that is not JSON) is a `ValidationError`.
 */
import type { Area, AreaQuery, BoundaryProperties, BoundaryQuery, FeatureCollection } from '../../contract/areas.js';
import type { Domain, Indicator, IndicatorId } from '../../contract/catalogue.js';
import { DOMAINS } from '../../contract/catalogue.js';
import {
  ConfigError,
  NotFoundError,
  UnsupportedQueryError,
  ValidationError,
  isAbortError,
  toDataError,
} from '../../contract/errors.js';
import type {
  Alert,
  AlertQuery,
  AlertsResult,
  ByAreaQuery,
  ByAreaResult,
  ByAreaRow,
  KpiQuery,
  KpiResult,
  Query,
  QueryKind,
  ResultFor,
  SeriesData,
  SeriesQuery,
  SeriesResult,
} from '../../contract/query.js';
import type { ChangeListener, DataSource, RequestOptions, SubscribeOptions } from '../../contract/source.js';
import { CATALOGUE, indicatorById } from '../../catalogue/index.js';
import { HttpClient, type HttpClientOptions } from '../../internal/http.js';
import {
  describeValue,
  parseInstant,
  parseNumber,
  readText,
  type DateOptions,
  type NumberNotation,
} from '../../internal/http-values.js';
import { WarningCollector, describeBadValue, type DataWarning } from '../../contract/warnings.js';
import { domainOfCategory, readSeverity, readStatus, severityRank } from './alert-fields.js';
import { compilePath, selectAll, selectOne } from './json-path.js';
import { staleField } from './stale.js';

/** How to read one field: a path, or a path with a type and transforms. */
export type FieldSpec =
  | string
  | {
      path: string;
      /** `number` (default for values), `date` or `text`. */
      type?: 'number' | 'date' | 'text';
      /** Notation of numeric strings; `auto` reads both `1.234,5` and `1,234.5`. */
      notation?: NumberNotation;
      /** Multiply numbers by this, e.g. 1000 for a g/m³ payload shown in mg/m³. */
      scale?: number;
      /** Date options: zone assumed when none is written, interval end, epoch unit. */
      date?: DateOptions;
      /** Text replacements applied before interpretation, e.g. `{ "cao": "high" }`. */
      map?: Readonly<Record<string, string>>;
    };

/** A URL (absolute, or relative to `baseUrl`) with `{placeholders}`, or a function of the query. */
export type UrlTemplate<Q extends Query> = string | ((query: Q, remoteIndicator: string) => string);

interface EndpointBase<Q extends Query> {
  url: UrlTemplate<Q>;
  headers?: Readonly<Record<string, string>>;
}

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
  /** Within a record; default: the query's first area. */
  area?: FieldSpec;
}

export interface ByAreaEndpoint extends EndpointBase<ByAreaQuery> {
  items: string;
  area: FieldSpec;
  value: FieldSpec;
  observedAt?: FieldSpec;
}

export interface AlertsEndpoint extends EndpointBase<AlertQuery> {
  items: string;
  id: FieldSpec;
  severity: FieldSpec;
  title: FieldSpec;
  start: FieldSpec;
  end?: FieldSpec;
  status?: FieldSpec;
  category?: FieldSpec;
  domain?: FieldSpec;
  area?: FieldSpec;
  description?: FieldSpec;
  source?: FieldSpec;
  value?: FieldSpec;
  longitude?: FieldSpec;
  latitude?: FieldSpec;
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

type Fields = Readonly<Record<string, string | number | undefined>>;

/** Fills `{name}` placeholders (URL-encoded); an unknown placeholder is a configuration error. */
export function fillTemplate(template: string, values: Fields): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (_whole, name: string) => {
    if (!Object.hasOwn(values, name)) {
      throw new ConfigError(`URL template "${template}" uses {${name}}, which is not one of ${Object.keys(values).map((key) => `{${key}}`).join(', ')}.`);
    }
    const value = values[name];
    return value === undefined ? '' : encodeURIComponent(String(value));
  });
}

function specOf(field: FieldSpec): Exclude<FieldSpec, string> {
  return typeof field === 'string' ? { path: field } : field;
}

function mapped(value: unknown, map: Readonly<Record<string, string>> | undefined): unknown {
  if (map && typeof value === 'string' && Object.hasOwn(map, value)) return map[value];
  return value;
}

/** Reads a number field of `record`; null for a gap. `where` names the record for messages. */
export function readNumberField(record: unknown, field: FieldSpec, where: string): number | null {
  const spec = specOf(field);
  const raw = mapped(selectOne(record, spec.path), spec.map);
  const value = parseNumber(raw, joinPath(where, spec.path), spec.notation ?? 'auto');
  if (value === null) return null;
  const scaled = spec.scale === undefined ? value : value * spec.scale;
  if (!Number.isFinite(scaled)) throw new ValidationError(joinPath(where, spec.path), `${describeValue(raw)} is too large.`);
  return scaled;
}

export function readDateField(record: unknown, field: FieldSpec, where: string): number | null {
  const spec = specOf(field);
  return parseInstant(mapped(selectOne(record, spec.path), spec.map), joinPath(where, spec.path), spec.date);
}

export function readTextField(record: unknown, field: FieldSpec | undefined): string | undefined {
  if (field === undefined) return undefined;
  const spec = specOf(field);
  return readText(mapped(selectOne(record, spec.path), spec.map));
}

function joinPath(where: string, path: string): string {
  const relative = path.replace(/^\$\.?/, '');
  if (!where) return relative;
  if (!relative) return where;
  return relative.startsWith('[') ? `${where}${relative}` : `${where}.${relative}`;
}

/** Records at `itemsPath`, each with the path to name it in messages. */
function recordsAt(payload: unknown, itemsPath: string): { record: unknown; where: string }[] {
  const compiled = compilePath(itemsPath);
  const records = selectAll(payload, compiled);
  if (records.length === 0 && selectAll(payload, stripLastWildcard(itemsPath)).length === 0) {
    throw new ValidationError(itemsPath, 'the payload has no list here. Check the `items` path against a real response.');
  }
  const base = itemsPath.replace(/^\$\.?/, '').replace(/\[\*\]$/, '');
  return records.map((record, index) => ({ record, where: `${base}[${index}]` }));
}

function stripLastWildcard(path: string): string {
  return path.replace(/(\[\*\]|\.\*)$/, '') || '$';
}

/**
 * Sorts points by time, keeps the last value of a duplicated timestamp, and keeps `[from, to)`.
 * Shared by the remote sources so every series leaves them ascending and unique.
 */
export function tidySeries(area: string, points: readonly (readonly [number, number])[], from = -Infinity, to = Infinity): SeriesData {
  const byTime = new Map<number, number>();
  for (const [t, v] of points) if (Number.isFinite(t) && t >= from && t < to) byTime.set(t, v);
  const times = [...byTime.keys()].sort((a, b) => a - b);
  return { area, t: Float64Array.from(times), v: Float64Array.from(times, (t) => byTime.get(t) ?? Number.NaN) };
}

function isoOrUndefined(ms: number | null): string | undefined {
  return ms === null ? undefined : new Date(ms).toISOString();
}

/** `where` and `field` as the warnings name them: the row (`results[3]`, or `(body)`) and the field path. */
function nameOf(where: string, field: FieldSpec): { entity: string; field: string } {
  return { entity: where || '(body)', field: specOf(field).path.replace(/^\$\.?/, '') || '$' };
}

/**
 * A number field read leniently: a value that is not a number (or too large once scaled) and,
 * with `indicator`, one outside its plausible range are a gap (null) with a warning.
 */
function numberOrGap(record: unknown, field: FieldSpec, where: string, warnings: WarningCollector, indicator?: Indicator): number | null {
  const names = nameOf(where, field);
  let value: number | null;
  try {
    value = readNumberField(record, field, where);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const spec = specOf(field);
    const raw = mapped(selectOne(record, spec.path), spec.map);
    warnings.add({ code: 'invalid-value', ...names, message: `${names.entity} ${names.field}: ${describeBadValue(raw)} is not a number${typeof raw === 'number' || typeof raw === 'string' ? ' (or too large)' : ''}; read as a gap` });
    return null;
  }
  if (indicator && value !== null) {
    const { min, max } = indicator.range ?? {};
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      warnings.add({ code: 'out-of-range', ...names, message: `${names.entity} ${names.field}: ${value} is outside the plausible range of ${indicator.id} (${min ?? '−∞'} to ${max ?? '∞'}); read as a gap` });
      return null;
    }
  }
  return value;
}

/** A date field read leniently: null when absent, `undefined` (with a warning) when it cannot be read. */
function dateOrWarn(record: unknown, field: FieldSpec, where: string, warnings: WarningCollector, consequence: string): number | null | undefined {
  try {
    return readDateField(record, field, where);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const names = nameOf(where, field);
    const spec = specOf(field);
    warnings.add({ code: 'invalid-time', ...names, message: `${names.entity} ${names.field}: ${describeBadValue(mapped(selectOne(record, spec.path), spec.map))} is not a date-time; ${consequence}` });
    return undefined;
  }
}

/** `{ warnings, partial: true }` for a result when any were collected, else nothing. */
function warningFields(warnings: WarningCollector): { warnings?: DataWarning[]; partial?: true } {
  const list = warnings.list();
  return list ? { warnings: list, partial: true } : {};
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
  const pollIntervalMs = options.pollIntervalMs ?? 60_000;
  const supports: QueryKind[] = [];
  if (options.kpi) supports.push('kpi');
  if (options.series) supports.push('series');
  if (options.byArea) supports.push('by-area');
  if (options.alerts) supports.push('alerts');
  const named = Object.keys(options.indicatorNames ?? {});
  const indicatorList: readonly Indicator[] =
    options.indicators ?? (named.length > 0 ? named.map((name) => indicatorById(name)).filter((entry): entry is Indicator => entry !== undefined) : CATALOGUE);

  function indicatorFor(idOf: IndicatorId): Indicator {
    const indicator = indicatorList.find((entry) => entry.id === idOf) ?? indicatorById(idOf);
    if (!indicator) throw new NotFoundError(`Indicator "${idOf}" (not in the catalogue nor in this source's indicators)`);
    return indicator;
  }

  function remoteName(indicator: IndicatorId): string {
    return options.indicatorNames?.[indicator] ?? indicator;
  }

  function resolveUrl<Q extends Query>(template: UrlTemplate<Q>, query: Q, fields: Fields): string {
    const remote = 'indicator' in query ? remoteName(query.indicator) : '';
    const path = typeof template === 'function' ? template(query, remote) : fillTemplate(template, fields);
    try {
      return new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
    } catch {
      throw new ConfigError(`"${path}" is not a valid URL relative to ${baseUrl}.`);
    }
  }

  async function getJson(url: string, headers: Readonly<Record<string, string>> | undefined, signal: AbortSignal | undefined, fresh: boolean) {
    const result = await client.request(url, { headers: { accept: 'application/json', ...sharedHeaders, ...headers }, signal, cache: fresh ? 'no-cache' : 'default' });
    return result;
  }

  async function kpi(query: KpiQuery, signal: AbortSignal | undefined, fresh: boolean): Promise<KpiResult> {
    const endpoint = options.kpi;
    if (!endpoint) throw new UnsupportedQueryError(id, 'kpi queries');
    const indicator = indicatorFor(query.indicator);
    const url = resolveUrl(endpoint.url, query, { indicator: remoteName(query.indicator), area: query.area, grain: query.grain, at: query.at });
    const response = await getJson(url, endpoint.headers, signal, fresh);
    const payload = response.data;
    const warnings = new WarningCollector();
    const value = numberOrGap(payload, endpoint.value, '', warnings, indicator);
    const optional = (field: FieldSpec | undefined) => (field === undefined ? undefined : numberOrGap(payload, field, '', warnings));
    const observed = endpoint.observedAt ? dateOrWarn(payload, endpoint.observedAt, '', warnings, 'left out') : null;
    const observedAt = observed === undefined ? undefined : isoOrUndefined(observed);
    const result: KpiResult = {
      kind: 'kpi',
      indicator: indicator.id,
      area: query.area,
      unit: indicator.unit,
      value,
      partial: response.cache === 'fallback',
      ...staleField(response),
    };
    const previous = optional(endpoint.previous);
    const sameLastYear = optional(endpoint.sameLastYear);
    const target = optional(endpoint.target);
    if (previous !== undefined) result.previous = previous;
    if (sameLastYear !== undefined) result.sameLastYear = sameLastYear;
    if (target !== undefined) result.target = target;
    else if (indicator.target !== undefined) result.target = indicator.target;
    if (observedAt) result.observedAt = observedAt;
    return { ...result, ...warningFields(warnings) };
  }

  async function series(query: SeriesQuery, signal: AbortSignal | undefined, fresh: boolean): Promise<SeriesResult> {
    const endpoint = options.series;
    if (!endpoint) throw new UnsupportedQueryError(id, 'series queries');
    const indicator = indicatorFor(query.indicator);
    const url = resolveUrl(endpoint.url, query, {
      indicator: remoteName(query.indicator),
      area: query.areas[0],
      areas: query.areas.join(','),
      grain: query.grain,
      from: query.from,
      to: query.to,
    });
    const response = await getJson(url, endpoint.headers, signal, fresh);
    const groups = new Map<string, [number, number][]>();
    for (const area of query.areas) groups.set(area, []);
    const fallbackArea = query.areas[0] ?? '';
    const warnings = new WarningCollector();
    for (const { record, where } of recordsAt(response.data, endpoint.items)) {
      const t = dateOrWarn(record, endpoint.time, where, warnings, 'this point is skipped');
      if (t === undefined) continue;
      if (t === null) {
        const names = nameOf(where, endpoint.time);
        warnings.add({ code: 'missing-time', ...names, message: `${names.entity} ${names.field}: a point has no time; skipped` });
        continue;
      }
      const v = numberOrGap(record, endpoint.value, where, warnings, indicator);
      const area = readTextField(record, endpoint.area) ?? fallbackArea;
      let points = groups.get(area);
      if (!points) groups.set(area, (points = []));
      points.push([t, v ?? Number.NaN]);
    }
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    const list = [...groups].map(([area, points]) => tidySeries(area, points, Number.isNaN(from) ? -Infinity : from, Number.isNaN(to) ? Infinity : to));
    const newest = Math.max(...list.map((entry) => (entry.t.length ? (entry.t[entry.t.length - 1] ?? -Infinity) : -Infinity)));
    const result: SeriesResult = { kind: 'series', indicator: indicator.id, unit: indicator.unit, grain: query.grain, series: list, partial: response.cache === 'fallback', ...staleField(response), ...warningFields(warnings) };
    if (Number.isFinite(newest)) result.observedAt = new Date(newest).toISOString();
    return result;
  }

  async function byArea(query: ByAreaQuery, signal: AbortSignal | undefined, fresh: boolean): Promise<ByAreaResult> {
    const endpoint = options.byArea;
    if (!endpoint) throw new UnsupportedQueryError(id, 'by-area queries');
    const indicator = indicatorFor(query.indicator);
    const url = resolveUrl(endpoint.url, query, { indicator: remoteName(query.indicator), level: query.level, parent: query.parent, grain: query.grain, at: query.at });
    const response = await getJson(url, endpoint.headers, signal, fresh);
    const rows: ByAreaRow[] = [];
    let newest = -Infinity;
    const warnings = new WarningCollector();
    for (const { record, where } of recordsAt(response.data, endpoint.items)) {
      const area = readTextField(record, endpoint.area);
      if (!area) {
        const names = nameOf(where, endpoint.area);
        warnings.add({ code: 'missing-area', ...names, message: `${names.entity} ${names.field}: a row has no area code; skipped` });
        continue;
      }
      const value = numberOrGap(record, endpoint.value, where, warnings, indicator);
      const row: ByAreaRow = { area, value };
      const observed = endpoint.observedAt ? dateOrWarn(record, endpoint.observedAt, where, warnings, 'the row is kept without it') : null;
      if (observed !== null && observed !== undefined) {
        row.observedAt = new Date(observed).toISOString();
        newest = Math.max(newest, observed);
      }
      rows.push(row);
    }
    const result: ByAreaResult = { kind: 'by-area', indicator: indicator.id, unit: indicator.unit, level: query.level, rows, partial: response.cache === 'fallback', ...staleField(response), ...warningFields(warnings) };
    if (Number.isFinite(newest)) result.observedAt = new Date(newest).toISOString();
    return result;
  }

  async function alerts(query: AlertQuery, signal: AbortSignal | undefined, fresh: boolean): Promise<AlertsResult> {
    const endpoint = options.alerts;
    if (!endpoint) throw new UnsupportedQueryError(id, 'alert queries');
    const url = resolveUrl(endpoint.url, query, { domain: query.domain, area: query.area, minSeverity: query.minSeverity, status: query.status?.join(','), from: query.from, to: query.to, limit: query.limit });
    const response = await getJson(url, endpoint.headers, signal, fresh);
    const list: Alert[] = [];
    const warnings = new WarningCollector();
    for (const { record, where } of recordsAt(response.data, endpoint.items)) {
      try {
        list.push(readAlert(record, where, endpoint, warnings));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const alertId = readTextField(record, endpoint.id);
        const entity = alertId || where;
        warnings.add({ code: 'invalid-record', entity, field: error.path, message: `${entity} ${error.path}: ${error.problem.replace(/\.$/, '')}; this alert is left out` });
      }
    }
    return { kind: 'alerts', alerts: filterAlerts(list, query), partial: response.cache === 'fallback', ...staleField(response), ...warningFields(warnings) };
  }

  /** One alert row; a `ValidationError` when it cannot be an alert (no id, no start, an unknown severity). */
  function readAlert(record: unknown, where: string, endpoint: AlertsEndpoint, warnings: WarningCollector): Alert {
    const alertId = readTextField(record, endpoint.id);
    if (!alertId) throw new ValidationError(joinPath(where, specOf(endpoint.id).path), 'an alert has no id.');
    const severitySpec = specOf(endpoint.severity);
    const severity = readSeverity(mapped(selectOne(record, severitySpec.path), severitySpec.map), joinPath(where, severitySpec.path));
    const start = readDateField(record, endpoint.start, where);
    if (start === null) throw new ValidationError(joinPath(where, specOf(endpoint.start).path), 'an alert has no start time.');
    const category = readTextField(record, endpoint.category) ?? 'other';
    const domainText = readTextField(record, endpoint.domain);
    const domain: Domain = domainText && (DOMAINS as readonly string[]).includes(domainText) ? (domainText as Domain) : domainOfCategory(category);
    const alert: Alert = {
      id: alertId,
      severity,
      category,
      domain,
      title: readTextField(record, endpoint.title) ?? category,
      start: new Date(start).toISOString(),
      status: readStatus(readTextField(record, endpoint.status)),
      source: readTextField(record, endpoint.source) ?? id,
    };
    const end = endpoint.end ? dateOrWarn(record, endpoint.end, where, warnings, 'the alert is kept without an end') : null;
    if (end !== null && end !== undefined) alert.end = new Date(end).toISOString();
    const area = readTextField(record, endpoint.area);
    if (area) alert.area = area;
    const description = readTextField(record, endpoint.description);
    if (description) alert.description = description;
    const value = endpoint.value ? numberOrGap(record, endpoint.value, where, warnings) : null;
    if (value !== null) alert.value = value;
    const longitude = endpoint.longitude ? numberOrGap(record, endpoint.longitude, where, warnings) : null;
    const latitude = endpoint.latitude ? numberOrGap(record, endpoint.latitude, where, warnings) : null;
    if (longitude !== null && latitude !== null) alert.location = { type: 'Point', coordinates: [longitude, latitude] };
    return alert;
  }

  async function run<Q extends Query>(query: Q, signal: AbortSignal | undefined, fresh: boolean): Promise<ResultFor<Q>> {
    // Each branch returns the result type of its query kind; TypeScript cannot narrow Q itself.
    switch (query.kind) {
      case 'kpi':
        return (await kpi(query, signal, fresh)) as ResultFor<Q>;
      case 'series':
        return (await series(query, signal, fresh)) as ResultFor<Q>;
      case 'by-area':
        return (await byArea(query, signal, fresh)) as ResultFor<Q>;
      case 'alerts':
        return (await alerts(query, signal, fresh)) as ResultFor<Q>;
      default:
        throw new UnsupportedQueryError(id, `queries of kind ${describeValue((query as { kind?: unknown }).kind)}`);
    }
  }

  return {
    id,
    supports,
    indicators: () => Promise.resolve(indicatorList),
    areas(query: AreaQuery): Promise<readonly Area[]> {
      const list = (options.areas ?? []).filter(
        (area) => (query.level === undefined || area.level === query.level) && (query.parent === undefined || area.parent === query.parent),
      );
      return Promise.resolve(list);
    },
    async boundaries(query: BoundaryQuery, requestOptions?: RequestOptions): Promise<FeatureCollection<BoundaryProperties>> {
      if (!options.boundaries) throw new UnsupportedQueryError(id, 'boundaries (set the `boundaries` URL option)');
      const url = new URL(fillTemplate(options.boundaries, { level: query.level, parent: query.parent, at: query.at }), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
      const response = await getJson(url, undefined, requestOptions?.signal, false);
      return checkFeatureCollection(response.data);
    },
    async query<Q extends Query>(query: Q, requestOptions?: RequestOptions): Promise<ResultFor<Q>> {
      return run(query, requestOptions?.signal, false);
    },
    subscribe<Q extends Query>(query: Q, onChange: ChangeListener<Q>, subscribeOptions?: SubscribeOptions): void {
      pollQuery((signal) => run(query, signal, true), onChange, subscribeOptions?.intervalMs ?? pollIntervalMs, subscribeOptions?.signal);
    },
  };
}

/**
 * Polls `load` every `intervalMs` until `signal` fires: never two loads at once, and
 * `onChange` only when the result differs from the last one delivered. Errors are reported
 * and polling goes on; aborts end it quietly.
 */
export function pollQuery<R>(
  load: (signal: AbortSignal) => Promise<R>,
  onChange: (result: R | undefined, error?: unknown) => void,
  intervalMs: number,
  signal: AbortSignal | undefined,
): void {
  const controller = new AbortController();
  if (signal?.aborted) return;
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  controller.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  const tick = async () => {
    try {
      const result = await load(controller.signal);
      const fingerprint = stableFingerprint(result);
      if (fingerprint !== last) {
        last = fingerprint;
        onChange(result);
      }
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return;
      onChange(undefined, toDataError(error));
    }
    if (!controller.signal.aborted) timer = setTimeout(() => void tick(), Math.max(50, intervalMs));
  };
  void tick();
}

function stableFingerprint(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Float64Array ? Array.from(inner) : inner)) ?? '';
  } catch {
    return String(Math.random());
  }
}

/** Applies an alert query's filters (the server may ignore them). Newest first. */
export function filterAlerts(list: readonly Alert[], query: AlertQuery): Alert[] {
  const min = query.minSeverity ? severityRank(query.minSeverity) : 0;
  const from = query.from ? Date.parse(query.from) : -Infinity;
  const to = query.to ? Date.parse(query.to) : Infinity;
  const filtered = list.filter(
    (alert) =>
      severityRank(alert.severity) >= min &&
      (!query.domain || alert.domain === query.domain) &&
      (!query.status || query.status.includes(alert.status)) &&
      Date.parse(alert.start) < to &&
      (alert.end === undefined || Date.parse(alert.end) >= from),
  );
  filtered.sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  return query.limit !== undefined && query.limit >= 0 ? filtered.slice(0, query.limit) : filtered;
}

function checkFeatureCollection(value: unknown): FeatureCollection<BoundaryProperties> {
  if (!value || typeof value !== 'object' || (value as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray((value as { features?: unknown }).features)) {
    throw new ValidationError('(body)', 'expected a GeoJSON FeatureCollection.');
  }
  return value as FeatureCollection<BoundaryProperties>;
}
