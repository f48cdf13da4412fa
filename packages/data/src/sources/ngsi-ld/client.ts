/**
 * The NGSI-LD protocol (ETSI GS CIM 009) over the robust HTTP layer: entity queries with
 * `type`, `q`, `attrs`, `options=keyValues` and limit/offset paging; the temporal API with
 * `timerel`/`timeAt`/`endTimeAt`, `lastN`, `aggrMethods` + `aggrPeriodDuration`, the
 * temporalValues / aggregatedValues formats, HTTP 206 + `Content-Range` instance paging and
 * `Next-Page`/`pageAnchor` (or `Link rel="next"`) entity paging; the @context in a `Link`
 * header; `NGSILD-Tenant`. NGSI v2 (`/v2/entities`, `Fiware-Service`) is read too, for the
 * many brokers that still speak it.
 */
import { ConfigError, ValidationError } from '../../contract/errors.js';
import type { StaleInfo } from '../../contract/query.js';
import { WarningCollector, type DataWarning } from '../../contract/warnings.js';
import { HttpClient, type HttpClientOptions, type HttpResult } from '../../internal/http.js';
import { olderStale, staleOf } from '../http/stale.js';
import { contextFromLink, contextLink, nextFromLink, parseContentRange } from './headers.js';
import { mergeEntities, readEntities, type AggregationMethod, type NgsiEntity } from './entity.js';
import { pageAddress } from '../../refresh/page.js';

export interface NgsiLdClientOptions {
  /** The broker's root, e.g. `https://broker.example` (the `/ngsi-ld/v1` prefix is added). */
  baseUrl: string;
  /** `NGSILD-Tenant` (or `Fiware-Service` for v2). */
  tenant?: string;
  /** The @context URL, sent in a `Link` header so short attribute names resolve. */
  context?: string;
  /** `ngsi-ld` (default) or `ngsi-v2` for an Orion v2 broker (current state only). */
  dialect?: 'ngsi-ld' | 'ngsi-v2';
  /**
   * How the temporal format is asked for: `options=temporalValues` (NGSI-LD ≤ 1.5, Mintaka,
   * Scorpio; default) or `format=temporalValues` (1.6 and later).
   */
  formatParameter?: 'options' | 'format';
  /** Entities per page (`limit`). Default 100. */
  pageSize?: number;
  /** Most requests one query may make while paging; beyond it the result is partial. Default 20. */
  maxPages?: number;
  /** Extra headers (e.g. `Authorization`). */
  headers?: Readonly<Record<string, string>>;
  /** An HTTP client to share, or options for this client's own (timeouts, retries, cache). */
  http?: HttpClient | HttpClientOptions;
}

export interface EntityQuery {
  type?: string;
  ids?: readonly string[];
  /** NGSI-LD query language, e.g. `pm25>50;areaServed=="27001"`. */
  q?: string;
  attrs?: readonly string[];
  /** Ask for keyValues (concise) instead of normalized. */
  keyValues?: boolean;
}

export interface TemporalQuery extends EntityQuery {
  timerel?: 'before' | 'after' | 'between';
  timeAt?: string;
  endTimeAt?: string;
  /** Which time property `timerel` applies to (default observedAt). */
  timeproperty?: string;
  lastN?: number;
  format?: 'normalized' | 'temporalValues' | 'aggregatedValues';
  aggrMethods?: readonly AggregationMethod[];
  /** ISO 8601 duration of the aggregation buckets, e.g. `PT1H`, `P1D`. */
  aggrPeriodDuration?: string;
}

export interface NgsiAnswer {
  entities: NgsiEntity[];
  /** True when paging stopped before the end (page limit, or a broker that did not advance). */
  partial: boolean;
  /** The @context the broker announced (Link header) or put in the body. */
  context?: string;
  /** Requests made. */
  pages: number;
  /** `NGSILD-Results-Count` when the broker sent it. */
  count?: number;
  /** The oldest fetch time of the pages and whether any came from a fallback (last good data). */
  fetchedAt: number;
  stale: boolean;
  /** When a page was the last good data served after a failed refresh: the oldest such page's age and why. */
  fallback?: StaleInfo;
  /**
   * What was skipped while reading: an entity of a list that is not an entity, an instance or
   * value pair without a readable time, a unit code that is not text (see `readEntities`).
   */
  warnings?: DataWarning[];
}

/**
 * An NGSI-LD subscription: the broker POSTs a notification to `endpoint` when a watched entity
 * changes. A browser cannot receive those requests: point `endpoint` at a relay server that
 * re-sends them as Server-Sent Events in the ioc-kit live protocol, and read the relay with
 * `createLiveSource({ base: ngsiLdSource, sse: relayUrl })`.
 */
export interface NotificationSubscription {
  /** Entity type to watch, e.g. `AirQualityObserved`. */
  type: string;
  /** Only changes of these attributes notify (default: every attribute). */
  watchedAttributes?: readonly string[];
  /** Only entities matching this NGSI-LD query notify. */
  q?: string;
  /** Where the broker sends notifications (the relay's URL). */
  endpoint: string;
  /** Attributes carried by each notification (default: all). */
  attributes?: readonly string[];
  /** Fewest seconds between two notifications. */
  throttling?: number;
  description?: string;
}

/** An ISO 8601 duration for a time grain, for `aggrPeriodDuration`. */
export function durationOfGrain(grain: 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year'): string {
  return { hour: 'PT1H', day: 'P1D', week: 'P1W', month: 'P1M', quarter: 'P3M', year: 'P1Y' }[grain];
}

export class NgsiLdClient {
  readonly baseUrl: string;
  private readonly options: NgsiLdClientOptions;
  private readonly http: HttpClient;

  constructor(options: NgsiLdClientOptions) {
    if (typeof options.baseUrl !== 'string' || !/^https?:\/\//i.test(options.baseUrl.trim()) && !options.baseUrl.startsWith('/')) {
      throw new ConfigError(`The NGSI-LD source needs the broker's address (https://…), got "${String(options.baseUrl).slice(0, 80)}".`);
    }
    this.baseUrl = options.baseUrl.trim().replace(/\/+$/, '').replace(/\/ngsi-ld\/v1$/, '');
    this.options = options;
    this.http = options.http instanceof HttpClient ? options.http : new HttpClient(options.http);
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers };
    if (this.options.dialect === 'ngsi-v2') {
      if (this.options.tenant) headers['fiware-service'] = this.options.tenant;
    } else {
      if (this.options.tenant) headers['ngsild-tenant'] = this.options.tenant;
      if (this.options.context) headers.link = contextLink(this.options.context);
    }
    return headers;
  }

  private url(path: string, params: Readonly<Record<string, string | undefined>>): string {
    const prefix = this.options.dialect === 'ngsi-v2' ? '/v2' : '/ngsi-ld/v1';
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(name, value);
    const query = search.toString();
    const base = /^https?:/i.test(this.baseUrl) ? this.baseUrl : new URL(this.baseUrl, pageAddress() ?? 'http://localhost/').href.replace(/\/$/, '');
    return `${base}${prefix}${path}${query ? `?${query}` : ''}`;
  }

  private async get(url: string, signal: AbortSignal | undefined): Promise<HttpResult> {
    return this.http.request(url, { headers: this.headers(), signal });
  }

  /**
   * Creates a subscription (`POST /ngsi-ld/v1/subscriptions`) and returns its id (from the
   * `Location` header, or the body). Writes are never retried.
   */
  async createSubscription(subscription: NotificationSubscription, signal?: AbortSignal): Promise<string> {
    if (this.options.dialect === 'ngsi-v2') throw new ConfigError('Subscriptions are created here for NGSI-LD brokers only.');
    if (typeof subscription.type !== 'string' || subscription.type.trim() === '') throw new ConfigError('A subscription needs the entity type to watch.');
    if (typeof subscription.endpoint !== 'string' || !/^https?:\/\//i.test(subscription.endpoint)) {
      throw new ConfigError(`A subscription needs the http(s) address of a relay that receives notifications, got "${String(subscription.endpoint).slice(0, 80)}".`);
    }
    const body: Record<string, unknown> = {
      type: 'Subscription',
      entities: [{ type: subscription.type }],
      notification: { endpoint: { uri: subscription.endpoint, accept: 'application/json' }, ...(subscription.attributes?.length ? { attributes: [...subscription.attributes] } : {}) },
    };
    if (subscription.watchedAttributes?.length) body.watchedAttributes = [...subscription.watchedAttributes];
    if (subscription.q) body.q = subscription.q;
    if (subscription.throttling !== undefined) body.throttling = subscription.throttling;
    if (subscription.description) body.description = subscription.description;
    const result = await this.http.request(this.url('/subscriptions', {}), {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
      responseType: 'text',
      ...(signal ? { signal } : {}),
    });
    const fromLocation = result.headers.location?.split('/').filter(Boolean).pop();
    if (fromLocation) return decodeURIComponent(fromLocation);
    const text = typeof result.data === 'string' ? result.data : '';
    try {
      const parsed: unknown = text ? JSON.parse(text) : undefined;
      const id: unknown = parsed && typeof parsed === 'object' ? Reflect.get(parsed, 'id') : undefined;
      if (typeof id === 'string' && id !== '') return id;
    } catch {
      // Fall through to the error below.
    }
    throw new ValidationError('Location', 'the broker created the subscription but sent neither a Location header (is it exposed by CORS?) nor an id.');
  }

  /** Deletes a subscription (`DELETE /ngsi-ld/v1/subscriptions/{id}`). */
  async deleteSubscription(id: string, signal?: AbortSignal): Promise<void> {
    await this.http.request(this.url(`/subscriptions/${encodeURIComponent(id)}`, {}), { method: 'DELETE', headers: this.headers(), responseType: 'none', ...(signal ? { signal } : {}) });
  }

  private static contextOf(result: HttpResult): string | undefined {
    const fromLink = contextFromLink(result.headers.link);
    if (fromLink) return fromLink;
    const body = result.data;
    const context = Array.isArray(body) ? (body[0] as Record<string, unknown> | undefined)?.['@context'] : (body as Record<string, unknown> | null)?.['@context'];
    if (typeof context === 'string') return context;
    if (Array.isArray(context) && typeof context[0] === 'string') return context[0];
    return undefined;
  }

  /** One entity by id (current state). */
  async entity(id: string, query: Omit<EntityQuery, 'ids' | 'type'> = {}, signal?: AbortSignal): Promise<NgsiAnswer> {
    const result = await this.get(this.url(`/entities/${encodeURIComponent(id)}`, this.entityParams(query)), signal);
    const warnings = new WarningCollector();
    const answer: NgsiAnswer = { entities: readEntities(result.data, 'entities', warnings.add), partial: false, pages: 1, fetchedAt: result.fetchedAt, stale: result.stale };
    const list = warnings.list();
    if (list) answer.warnings = list;
    const fallback = staleOf(result);
    if (fallback) answer.fallback = fallback;
    const context = NgsiLdClient.contextOf(result);
    if (context) answer.context = context;
    return answer;
  }

  private entityParams(query: EntityQuery): Record<string, string | undefined> {
    const v2 = this.options.dialect === 'ngsi-v2';
    return {
      type: query.type,
      id: query.ids?.join(','),
      q: query.q,
      attrs: query.attrs?.join(','),
      // v2 asks for the total with options=count; NGSI-LD with count=true.
      options: [v2 ? 'count' : '', query.keyValues ? 'keyValues' : ''].filter(Boolean).join(',') || undefined,
    };
  }

  /** Current state of the entities matching a query, following limit/offset (or `Link rel=next`) pages. */
  async entities(query: EntityQuery, signal?: AbortSignal): Promise<NgsiAnswer> {
    if (!query.type && !query.ids?.length && !query.q && !query.attrs?.length) {
      throw new ConfigError('An NGSI-LD entity query needs a type, ids, q or attrs (brokers refuse an unbounded query).');
    }
    const pageSize = Math.max(1, Math.min(1000, this.options.pageSize ?? 100));
    const maxPages = Math.max(1, this.options.maxPages ?? 20);
    const merged = new Map<string, NgsiEntity>();
    let url: string | undefined = this.url('/entities', { ...this.entityParams(query), limit: String(pageSize), offset: '0', count: this.options.dialect === 'ngsi-v2' ? undefined : 'true' });
    let pages = 0;
    let offset = 0;
    let linked = false;
    let count: number | undefined;
    let context: string | undefined;
    let fetchedAt = Infinity;
    let stale = false;
    let fallback: StaleInfo | undefined;
    let partial = false;
    const warnings = new WarningCollector();
    while (url) {
      if (pages >= maxPages) {
        partial = true;
        break;
      }
      const result = await this.get(url, signal);
      pages++;
      fetchedAt = Math.min(fetchedAt, result.fetchedAt);
      stale ||= result.stale;
      fallback = olderStale(fallback, staleOf(result));
      context ??= NgsiLdClient.contextOf(result);
      const page = readEntities(result.data ?? [], `entities(page ${pages})`, warnings.add);
      mergeEntities(merged, page);
      const total = Number(result.headers['ngsild-results-count'] ?? result.headers['fiware-total-count']);
      if (Number.isFinite(total)) count = total;
      const next = nextFromLink(result.headers.link);
      offset += page.length;
      if (next) {
        url = new URL(next, url).href;
        linked = true;
      }
      // A broker that pages by Link ends with a page without one (its URLs need not carry an offset).
      else if (linked || page.length < pageSize || (count !== undefined && offset >= count) || page.length === 0) url = undefined;
      else url = url.replace(/([?&])offset=\d+/, `$1offset=${offset}`);
    }
    const answer: NgsiAnswer = { entities: [...merged.values()], partial, pages, fetchedAt: Number.isFinite(fetchedAt) ? fetchedAt : Date.now(), stale };
    const list = warnings.list();
    if (list) answer.warnings = list;
    if (count !== undefined) answer.count = count;
    if (fallback) answer.fallback = fallback;
    if (context) answer.context = context;
    return answer;
  }

  private temporalParams(query: TemporalQuery): Record<string, string | undefined> {
    const params: Record<string, string | undefined> = {
      ...this.entityParams({ ...query, keyValues: false }),
      options: undefined,
      timerel: query.timerel,
      timeAt: query.timeAt,
      endTimeAt: query.endTimeAt,
      timeproperty: query.timeproperty,
      lastN: query.lastN === undefined ? undefined : String(query.lastN),
    };
    const format = query.format ?? (query.aggrMethods?.length ? 'aggregatedValues' : 'normalized');
    if (format !== 'normalized') params[this.options.formatParameter ?? 'options'] = format;
    if (format === 'aggregatedValues') {
      if (!query.aggrMethods?.length) throw new ConfigError('aggregatedValues needs aggrMethods (e.g. ["avg", "max"]).');
      params.aggrMethods = query.aggrMethods.join(',');
      params.aggrPeriodDuration = query.aggrPeriodDuration;
    }
    return params;
  }

  /**
   * The temporal evolution of the entities matching a query. Follows entity pages
   * (`Next-Page` → `pageAnchor`, or `Link rel="next"`) and instance pages (HTTP 206 with
   * `Content-Range`: asks again from where the range ended), merging instances per entity.
   */
  async temporal(query: TemporalQuery, signal?: AbortSignal): Promise<NgsiAnswer> {
    if (this.options.dialect === 'ngsi-v2') throw new ConfigError('NGSI v2 has no temporal API: use an NGSI-LD broker (or Mintaka/STH) for history.');
    const single = query.ids?.length === 1 && !query.type && !query.q ? query.ids[0] : undefined;
    const path = single ? `/temporal/entities/${encodeURIComponent(single)}` : '/temporal/entities';
    const base = this.temporalParams(single ? { ...query, ids: undefined } : query);
    const maxPages = Math.max(1, this.options.maxPages ?? 20);
    const merged = new Map<string, NgsiEntity>();
    const warnings = new WarningCollector();
    let params: Record<string, string | undefined> = { ...base };
    let pages = 0;
    let partial = false;
    let count: number | undefined;
    let context: string | undefined;
    let fetchedAt = Infinity;
    let stale = false;
    let fallback: StaleInfo | undefined;
    let lastBound: number | undefined;
    let url: string | undefined = this.url(path, params);
    while (url) {
      if (pages >= maxPages) {
        partial = true;
        break;
      }
      const result = await this.get(url, signal);
      pages++;
      fetchedAt = Math.min(fetchedAt, result.fetchedAt);
      stale ||= result.stale;
      fallback = olderStale(fallback, staleOf(result));
      context ??= NgsiLdClient.contextOf(result);
      mergeEntities(merged, readEntities(result.data ?? [], `temporal(page ${pages})`, warnings.add));
      const total = Number(result.headers['ngsild-results-count']);
      if (Number.isFinite(total)) count = total;
      const nextPage = result.headers['next-page'];
      const nextLink = nextFromLink(result.headers.link);
      const range = result.status === 206 ? parseContentRange(result.headers['content-range']) : undefined;
      url = undefined;
      if (nextPage) {
        // Entity paging (Mintaka): the 206 is about entities; the same time window continues on the next page.
        params = { ...base, pageAnchor: nextPage };
        url = this.url(path, params);
      } else if (nextLink) {
        url = new URL(nextLink, this.url(path, {})).href;
      } else if (result.status === 206 && range) {
        const continuation = continueAfter(base, params, range, query.lastN !== undefined);
        if (continuation === undefined || continuation.bound === lastBound) {
          // A 206 without a way forward (or one that did not move): what we have is partial.
          partial = true;
        } else {
          lastBound = continuation.bound;
          params = continuation.params;
          url = this.url(path, params);
        }
      } else if (result.status === 206) {
        throw new ValidationError('Content-Range', 'the broker answered 206 Partial Content without a Content-Range header (is it exposed by CORS?).');
      }
    }
    const entities = [...merged.values()];
    if (query.lastN !== undefined) trimToLastN(entities, query.lastN);
    const answer: NgsiAnswer = { entities, partial, pages, fetchedAt: Number.isFinite(fetchedAt) ? fetchedAt : Date.now(), stale };
    const list = warnings.list();
    if (list) answer.warnings = list;
    if (count !== undefined) answer.count = count;
    if (fallback) answer.fallback = fallback;
    if (context) answer.context = context;
    return answer;
  }
}

/**
 * The parameters of the next instance page after a 206. Without lastN the range ran from the
 * oldest to the newest returned instance, so the rest lies after its newer end; with lastN it
 * ran from the newest back to the oldest, so the rest lies before its older end (ETSI
 * RetrieveTemporalEvolutionOfEntity 020_13, 021_15, 021_16).
 */
function continueAfter(
  base: Readonly<Record<string, string | undefined>>,
  current: Readonly<Record<string, string | undefined>>,
  range: { from: number; to: number },
  lastN: boolean,
): { params: Record<string, string | undefined>; bound: number } | undefined {
  const timerel = base.timerel;
  if (!lastN) {
    const bound = range.to;
    const from = new Date(bound).toISOString();
    if (timerel === 'between') return { params: { ...current, timerel: 'between', timeAt: from, endTimeAt: base.endTimeAt }, bound };
    if (timerel === 'after' || timerel === undefined) return { params: { ...current, timerel: 'after', timeAt: from, endTimeAt: undefined }, bound };
    if (timerel === 'before' && base.timeAt) return { params: { ...current, timerel: 'between', timeAt: from, endTimeAt: base.timeAt }, bound };
    return undefined;
  }
  const bound = range.from;
  const to = new Date(bound).toISOString();
  if (timerel === 'between' && base.timeAt) return { params: { ...current, timerel: 'between', timeAt: base.timeAt, endTimeAt: to }, bound };
  if (timerel === 'after' && base.timeAt) return { params: { ...current, timerel: 'between', timeAt: base.timeAt, endTimeAt: to }, bound };
  return { params: { ...current, timerel: 'before', timeAt: to, endTimeAt: undefined }, bound };
}

function trimToLastN(entities: readonly NgsiEntity[], lastN: number): void {
  for (const entity of entities) {
    for (const attribute of entity.attributes.values()) {
      const byDataset = new Map<string, number>();
      const kept: typeof attribute.instances = [];
      for (let i = attribute.instances.length - 1; i >= 0; i--) {
        const instance = attribute.instances[i];
        if (!instance) continue;
        const key = instance.datasetId ?? '';
        const seen = byDataset.get(key) ?? 0;
        if (instance.observedAt === undefined || seen < lastN) kept.push(instance);
        byDataset.set(key, seen + 1);
      }
      attribute.instances = kept.reverse();
    }
  }
}
