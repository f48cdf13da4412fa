/**
 * A source that answers queries from a base source and pushes what changes afterwards, from a
 * Server-Sent Events or WebSocket stream of ioc-kit live messages (see `protocol.ts`): appended
 * series points, new KPI values, new or updated alerts.
 */
import type { Area, AreaQuery, BoundaryProperties, BoundaryQuery, FeatureCollection } from '../../contract/areas.js';
import type { Indicator } from '../../contract/catalogue.js';
import { ConfigError, type IocDataError, isAbortError, toDataError } from '../../contract/errors.js';
import type { Alert, AlertQuery, AlertsResult, ByAreaResult, KpiResult, Query, QueryResult, ResultFor, SeriesQuery, SeriesResult } from '../../contract/query.js';
import type { ChangeListener, DataSource, RequestOptions, SubscribeOptions } from '../../contract/source.js';
import { parseTime, periodOf, periodStart, toIso } from '../../contract/time.js';
import { validateAlert } from '../../contract/validate.js';
import { filterAlerts } from '../../adapters/alert-filter.js';
import type { BackoffOptions } from './backoff.js';
import { connectSse, connectWebSocket, type LiveConnection, type LiveStatus } from './connection.js';
import type { LiveKpiMessage, LiveMessage, LivePointsMessage } from './protocol.js';

export interface LiveSourceOptions {
  /** Answers queries, and is asked again when the stream cannot resume. */
  base: DataSource;
  /** URL of a Server-Sent Events stream. Give this or `ws`. */
  sse?: string;
  /** URL of a WebSocket (`ws:` / `wss:`). Give this or `sse`. */
  ws?: string;
  /** Name for messages; default `live:<url>`. */
  id?: string;
  /** SSE request headers, e.g. `Authorization`. */
  headers?: Readonly<Record<string, string>>;
  protocols?: string | string[];
  backoff?: BackoffOptions;
  heartbeatTimeoutMs?: number;
  /** Injectable for tests. */
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Connection state changes, e.g. to show "reconnecting…". */
  onStatus?: (status: LiveStatus) => void;
}

export interface LiveSource extends DataSource {
  subscribe<Q extends Query>(query: Q, onChange: ChangeListener<Q>, options?: SubscribeOptions): void;
  /** The connection's state; `closed` while nobody is subscribed. */
  readonly status: LiveStatus;
  /** Closes the connection and ends every subscription. */
  close(): void;
}

interface Subscriber {
  query: Query;
  onChange: (result: QueryResult | undefined, error?: unknown) => void;
  result?: QueryResult;
  /** Messages that arrived before the base answered, applied once it does. */
  early: LiveMessage[];
  /** Incremented on every re-read, so an older answer never overwrites a newer one. */
  generation: number;
  /** A read from the base is in flight: messages are also kept in `early`, to apply to its answer. */
  loading: boolean;
  signal: AbortSignal;
}

const MAX_EARLY_MESSAGES = 1000;

/**
 * Makes a live source. Nothing connects until the first `subscribe`; the connection is shared by
 * all subscriptions and closes when the last one's signal aborts.
 */
export function createLiveSource(options: LiveSourceOptions): LiveSource {
  const { base } = options;
  if ((options.sse === undefined) === (options.ws === undefined)) {
    throw new ConfigError('createLiveSource needs exactly one of `sse` (a Server-Sent Events URL) or `ws` (a WebSocket URL).');
  }
  const url = options.sse ?? options.ws ?? '';
  const subscribers = new Set<Subscriber>();
  let connection: LiveConnection | undefined;
  let stop: AbortController | undefined;
  let everOpen = false;
  const ownControllers = new Set<AbortController>();

  const notify = (subscriber: Subscriber, result: QueryResult | undefined, error?: unknown) => {
    if (subscriber.signal.aborted) return;
    try {
      subscriber.onChange(result, error);
    } catch {
      // One widget's failing listener must not starve the others.
    }
  };

  const load = (subscriber: Subscriber) => {
    const generation = ++subscriber.generation;
    subscriber.loading = true;
    base.query(subscriber.query, { signal: subscriber.signal }).then(
      (result) => {
        if (subscriber.signal.aborted || generation !== subscriber.generation) return;
        subscriber.loading = false;
        let current: QueryResult = result;
        for (const message of subscriber.early.splice(0)) current = apply(subscriber.query, current, message, (error) => notify(subscriber, undefined, error)) ?? current;
        subscriber.result = current;
        notify(subscriber, current);
      },
      (error: unknown) => {
        if (isAbortError(error) || generation !== subscriber.generation) return;
        subscriber.loading = false;
        notify(subscriber, undefined, toDataError(error));
      },
    );
  };

  const onMessage = (message: LiveMessage) => {
    if (message.type === 'heartbeat') return;
    if (message.type === 'reset') {
      // The server cannot replay what we missed: read everything again.
      for (const subscriber of subscribers) {
        subscriber.early = [];
        load(subscriber);
      }
      return;
    }
    for (const subscriber of subscribers) {
      // During a re-read the message also waits for the new answer, or that answer would drop it
      // (applying it twice is harmless: points replace their period, KPIs and alerts go by time and id).
      if (subscriber.loading && subscriber.early.length < MAX_EARLY_MESSAGES) subscriber.early.push(message);
      if (!subscriber.result) continue;
      const next = apply(subscriber.query, subscriber.result, message, (error) => notify(subscriber, undefined, error));
      if (next) {
        subscriber.result = next;
        notify(subscriber, next);
      }
    }
  };

  const onError = (error: IocDataError) => {
    for (const subscriber of subscribers) notify(subscriber, undefined, error);
  };

  const onStatus = (status: LiveStatus) => {
    if (status.state === 'open') {
      // Reconnected to a stream that cannot resume (no id seen yet): what happened meanwhile is lost, so re-read.
      if (everOpen && connection?.lastId === undefined) for (const subscriber of subscribers) load(subscriber);
      everOpen = true;
    }
    options.onStatus?.(status);
  };

  const topics = () => {
    const set = new Set<string>();
    for (const subscriber of subscribers) set.add(subscriber.query.kind === 'alerts' ? 'alerts' : subscriber.query.indicator);
    return [...set].sort();
  };

  const open = () => {
    if (connection) return;
    stop = new AbortController();
    everOpen = false;
    const common = {
      signal: stop.signal,
      onMessage,
      onError,
      onStatus,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.heartbeatTimeoutMs !== undefined ? { heartbeatTimeoutMs: options.heartbeatTimeoutMs } : {}),
      ...(options.sleep ? { sleep: options.sleep } : {}),
    };
    connection = options.sse
      ? connectSse(options.sse, { ...common, ...(options.headers ? { headers: options.headers } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) })
      : connectWebSocket(url, {
          ...common,
          topics,
          ...(options.protocols ? { protocols: options.protocols } : {}),
          ...(options.WebSocket ? { WebSocket: options.WebSocket } : {}),
        });
  };

  const closeConnection = () => {
    stop?.abort();
    stop = undefined;
    connection = undefined;
  };

  return {
    id: options.id ?? `live:${url}`,
    get supports() {
      return base.supports;
    },
    get status(): LiveStatus {
      return connection?.status ?? { state: 'closed', attempt: 0 };
    },
    indicators: (requestOptions?: RequestOptions): Promise<readonly Indicator[]> => base.indicators(requestOptions),
    areas: (query: AreaQuery, requestOptions?: RequestOptions): Promise<readonly Area[]> => base.areas(query, requestOptions),
    boundaries: (query: BoundaryQuery, requestOptions?: RequestOptions): Promise<FeatureCollection<BoundaryProperties>> => base.boundaries(query, requestOptions),
    query: <Q extends Query>(query: Q, requestOptions?: RequestOptions): Promise<ResultFor<Q>> => base.query(query, requestOptions),
    subscribe<Q extends Query>(query: Q, onChange: ChangeListener<Q>, subscribeOptions: SubscribeOptions = {}): void {
      const outer = subscribeOptions.signal;
      if (outer?.aborted) return;
      const own = new AbortController();
      const subscriber: Subscriber = {
        query,
        onChange: onChange as (result: QueryResult | undefined, error?: unknown) => void,
        early: [],
        generation: 0,
        loading: false,
        signal: own.signal,
      };
      subscribers.add(subscriber);
      const leave = () => {
        own.abort();
        subscribers.delete(subscriber);
        if (subscribers.size === 0) closeConnection();
        else connection?.topicsChanged();
      };
      outer?.addEventListener('abort', leave, { once: true });
      own.signal.addEventListener('abort', () => outer?.removeEventListener('abort', leave), { once: true });
      ownControllers.add(own);
      own.signal.addEventListener('abort', () => ownControllers.delete(own), { once: true });
      open();
      connection?.topicsChanged();
      load(subscriber);
    },
    close(): void {
      for (const own of [...ownControllers]) own.abort();
      subscribers.clear();
      closeConnection();
    },
  };
}

/** A message applied to a result: the new result, or undefined when the message does not concern it. */
function apply(query: Query, result: QueryResult, message: LiveMessage, onInvalid: (error: IocDataError) => void): QueryResult | undefined {
  switch (result.kind) {
    case 'series':
      return message.type === 'points' && query.kind === 'series' ? applyPoints(result, query, message) : undefined;
    case 'kpi':
      return message.type === 'points' || message.type === 'kpi' ? applyKpi(result, latest(message)) : undefined;
    case 'by-area':
      return message.type === 'points' || message.type === 'kpi' ? applyByArea(result, latest(message)) : undefined;
    case 'alerts':
      return message.type === 'alerts' && query.kind === 'alerts' ? applyAlerts(result, query, message.alerts, onInvalid) : undefined;
  }
}

interface LatestValue {
  indicator: string;
  area: string;
  value: number | null;
  time: number;
}

/** The newest value a points or kpi message carries. */
function latest(message: LivePointsMessage | LiveKpiMessage): LatestValue | undefined {
  if (message.type === 'kpi') {
    return { indicator: message.indicator, area: message.area, value: message.value, time: message.observedAt ? parseTime(message.observedAt) : Number.NaN };
  }
  let index = -1;
  for (let i = 0; i < message.t.length; i++) if (index === -1 || (message.t[i] ?? 0) >= (message.t[index] ?? 0)) index = i;
  if (index === -1) return undefined;
  const value = message.v[index] ?? Number.NaN;
  return { indicator: message.indicator, area: message.area, value: Number.isFinite(value) ? value : null, time: message.t[index] ?? Number.NaN };
}

/** Inserts each point at the start of its period (replacing the period's older value) and slides the window. */
function applyPoints(result: SeriesResult, query: SeriesQuery, message: LivePointsMessage): SeriesResult | undefined {
  if (message.indicator !== result.indicator) return undefined;
  let index = result.series.findIndex((series) => series.area === message.area);
  if (index === -1 && !query.areas.includes(message.area)) return undefined;
  const series = [...result.series];
  if (index === -1) {
    series.push({ area: message.area, t: new Float64Array(0), v: new Float64Array(0) });
    index = series.length - 1;
  }
  const old = series[index];
  if (!old) return undefined;
  const t = Array.from(old.t);
  const v = Array.from(old.v);
  for (let i = 0; i < message.t.length; i++) {
    const time = periodStart(message.t[i] ?? Number.NaN, result.grain);
    if (!Number.isFinite(time)) continue;
    const value = message.v[i] ?? Number.NaN;
    let at = t.length;
    while (at > 0 && (t[at - 1] ?? 0) > time) at--;
    if (at > 0 && t[at - 1] === time) v[at - 1] = value;
    else {
      t.splice(at, 0, time);
      v.splice(at, 0, value);
    }
  }
  // A live chart shows a fixed-length window: points older than the window's length fall off.
  const windowMs = Date.parse(query.to) - Date.parse(query.from);
  const newest = t[t.length - 1];
  if (Number.isFinite(windowMs) && windowMs > 0 && newest !== undefined) {
    let drop = 0;
    while (drop < t.length && (t[drop] ?? 0) <= newest - windowMs) drop++;
    t.splice(0, drop);
    v.splice(0, drop);
  }
  series[index] = { area: old.area, t: Float64Array.from(t), v: Float64Array.from(v) };
  const lastTime = newest === undefined ? undefined : toIso(newest);
  const observedAt = lastTime !== undefined && (!result.observedAt || lastTime > result.observedAt) ? lastTime : result.observedAt;
  return { ...result, series, ...(observedAt ? { observedAt } : {}) };
}

function applyKpi(result: KpiResult, update: LatestValue | undefined): KpiResult | undefined {
  if (!update || update.indicator !== result.indicator || update.area !== result.area) return undefined;
  const next: KpiResult = { ...result, value: update.value };
  const observedAt = toIso(update.time);
  if (observedAt) {
    if (result.observedAt && parseTime(result.observedAt) > update.time) return undefined;
    next.observedAt = observedAt;
    if (result.period && update.time >= parseTime(result.period.to)) {
      // A new period began: today's value becomes "yesterday".
      const period = periodOf(update.time, result.period.grain);
      next.previous = result.value;
      next.period = { grain: result.period.grain, from: toIso(period.from) ?? result.period.from, to: toIso(period.to) ?? result.period.to };
    }
  }
  return next;
}

function applyByArea(result: ByAreaResult, update: LatestValue | undefined): ByAreaResult | undefined {
  if (!update || update.indicator !== result.indicator) return undefined;
  const index = result.rows.findIndex((row) => row.area === update.area);
  if (index === -1) return undefined;
  const rows = [...result.rows];
  const observedAt = toIso(update.time);
  rows[index] = { area: update.area, value: update.value, ...(observedAt ? { observedAt } : {}) };
  const newest = observedAt && (!result.observedAt || observedAt > result.observedAt) ? observedAt : result.observedAt;
  return { ...result, rows, ...(newest ? { observedAt: newest } : {}) };
}

function applyAlerts(result: AlertsResult, query: AlertQuery, raw: readonly unknown[], onInvalid: (error: IocDataError) => void): AlertsResult | undefined {
  const byId = new Map<string, Alert>(result.alerts.map((alert) => [alert.id, alert]));
  const { limit: _limit, ...unlimited } = query;
  // The areas the base resolved with its result, when it did: an alert in a commune then counts for its province.
  const resolved: unknown = Reflect.get(result, 'areas');
  const hierarchy = Array.isArray(resolved) ? (resolved as Area[]) : [];
  let changed = false;
  raw.forEach((item, i) => {
    let alert: Alert;
    try {
      alert = validateAlert(item, `alerts[${i}]`, { ...(query.domain ? { domain: query.domain } : {}), source: 'live' });
    } catch (error) {
      onInvalid(toDataError(error));
      return;
    }
    if (filterAlerts([alert], unlimited, hierarchy).length === 0) {
      // An alert that no longer matches (e.g. now resolved, and the query wants open ones) leaves the list.
      if (byId.delete(alert.id)) changed = true;
      return;
    }
    byId.set(alert.id, alert);
    changed = true;
  });
  if (!changed) return undefined;
  // The domain adapter's filter, the one every source's alerts go through: newest first, up to the limit.
  const alerts = filterAlerts([...byId.values()], query, hierarchy);
  const newest = alerts[0]?.start;
  return { ...result, alerts, ...(newest && (!result.observedAt || newest > result.observedAt) ? { observedAt: newest } : {}) };
}
