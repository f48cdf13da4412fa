/**
 * The HTTP layer every remote source reads through: abortable requests with timeouts, retries
 * with exponential backoff and full jitter for idempotent reads, shared identical in-flight
 * requests, a bounded stale-while-revalidate cache with ETag revalidation, and the last good
 * result served (with its age and the error) when a refresh fails.
 *
 * Sources never call `fetch` directly: they call `client.request(url, options)`.
 */
import {
  AbortError,
  HttpError,
  IocDataError,
  NetworkError,
  TimeoutError,
  ValidationError,
  isAbortError,
} from '../contract/errors.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How a response body is read: parsed JSON (default), plain text, or not at all. */
export type ResponseKind = 'json' | 'text' | 'none';

export interface HttpRequestOptions {
  method?: HttpMethod;
  headers?: Readonly<Record<string, string>>;
  /** A request body (only for writes; writes are never retried, shared or cached). */
  body?: string;
  /** Aborts this caller's wait; a shared request goes on while other callers still wait. */
  signal?: AbortSignal;
  /** Per attempt; 0 = no timeout. Default from the client (15 s). */
  timeoutMs?: number;
  /** Extra attempts after the first, for GET/HEAD only. Default from the client (2). */
  retries?: number;
  /** How to read the body. Default `json`. */
  responseType?: ResponseKind;
  /**
   * Cache use for this request (GET only). `default`: fresh hit, else stale-while-revalidate,
   * else fetch with If-None-Match. `no-cache`: always ask the server (still revalidating with
   * the ETag and falling back to the last good result). `no-store`: bypass the cache entirely.
   */
  cache?: 'default' | 'no-cache' | 'no-store';
  /** Override the client's TTL for this request: how long a result is fresh, in ms. */
  ttlMs?: number;
  /** Statuses other than 2xx and 304 that count as success, e.g. `[206]` is already 2xx. */
  acceptStatus?: readonly number[];
}

/** Where a result came from. */
export type CacheOutcome = 'network' | 'hit' | 'stale' | 'revalidated' | 'fallback';

export interface HttpResult<T = unknown> {
  data: T;
  status: number;
  /** Response headers with lower-case names (only the ones CORS exposes, in a browser). */
  headers: Readonly<Record<string, string>>;
  url: string;
  /** When the data was last fetched or confirmed by the server (epoch ms, client clock). */
  fetchedAt: number;
  /** `now - fetchedAt` when the result was handed out. */
  ageMs: number;
  /** True when the data is older than the TTL: being revalidated, or kept after a failed refresh. */
  stale: boolean;
  /** Why a refresh failed, when the last good result is served instead (`cache: 'fallback'`). */
  error?: IocDataError;
  cache: CacheOutcome;
}

export interface HttpClientOptions {
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
  /** Clock in epoch ms, injectable so cache tests need not wait. */
  now?: () => number;
  /** Random source in [0, 1) for jitter, injectable for deterministic tests. */
  random?: () => number;
  /** Waits between retries; injectable so tests need not sleep. Must reject when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Headers sent with every request (e.g. `Authorization`). */
  headers?: Readonly<Record<string, string>>;
  timeoutMs?: number;
  retries?: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs·2^n)). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The longest `Retry-After` honoured; a longer one fails at once with the server's answer. */
  maxRetryAfterMs?: number;
  /** How long a cached GET result is fresh. Default 0: always revalidate (with ETag). */
  ttlMs?: number;
  /** After the TTL, how long a stale result is served at once while it revalidates in the background. */
  staleWhileRevalidateMs?: number;
  /** Serve the last good result (flagged stale, with the error) when a refresh fails. Default true. */
  staleOnError?: boolean;
  /** Cache bounds: entries and approximate bytes (UTF-16 body length × 2). */
  maxEntries?: number;
  maxBytes?: number;
}

interface CacheEntry {
  data: unknown;
  status: number;
  headers: Record<string, string>;
  url: string;
  etag?: string;
  lastModified?: string;
  fetchedAt: number;
  ttlMs: number;
  bytes: number;
}

interface Shared {
  promise: Promise<HttpResult>;
  controller: AbortController;
  waiters: number;
}

const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD']);
const EXCERPT_LENGTH = 160;

/** Sleeps for `ms`, rejecting with an `AbortError` as soon as the signal fires. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new AbortError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A short, single-line, plain-text excerpt of an error body: HTML tags dropped, NGSI-LD /
 * RFC 7807 problem details reduced to their title and detail, control characters removed.
 */
export function bodyExcerpt(text: string, maxLength = EXCERPT_LENGTH): string {
  let plain = text;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const problem = parsed as Record<string, unknown>;
      const parts = [problem.title, problem.detail, problem.message, problem.error, problem.description].filter(
        (part): part is string => typeof part === 'string' && part.length > 0,
      );
      if (parts.length > 0) plain = parts.join(': ');
    }
  } catch {
    // Not JSON: keep the text as it is.
  }
  plain = plain
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > maxLength ? `${plain.slice(0, maxLength - 1)}…` : plain;
}

/**
 * Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `now`, or
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function lowerCaseHeaders(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** A failure on one attempt, with what the retry loop needs to decide. Never leaves this module. */
class AttemptFailure extends Error {
  constructor(
    readonly error: IocDataError,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(error.message);
    this.name = 'AttemptFailure';
  }
}

/**
 * An HTTP client with the robustness every source needs. One client per source (or shared
 * by several) holds one cache and one table of in-flight requests.
 */
export class HttpClient {
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly options: Required<
    Pick<
      HttpClientOptions,
      | 'timeoutMs'
      | 'retries'
      | 'baseDelayMs'
      | 'maxDelayMs'
      | 'maxRetryAfterMs'
      | 'ttlMs'
      | 'staleWhileRevalidateMs'
      | 'staleOnError'
      | 'maxEntries'
      | 'maxBytes'
    >
  >;
  private readonly defaultHeaders: Record<string, string>;
  private readonly cache = new Map<string, CacheEntry>();
  private cacheBytes = 0;
  private readonly inFlight = new Map<string, Shared>();

  constructor(options: HttpClientOptions = {}) {
    // Bound so that a method reference does not lose `globalThis` (fetch throws "Illegal invocation").
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? abortableSleep;
    this.defaultHeaders = lowerCaseHeaders(options.headers);
    this.options = {
      timeoutMs: options.timeoutMs ?? 15_000,
      retries: options.retries ?? 2,
      baseDelayMs: options.baseDelayMs ?? 300,
      maxDelayMs: options.maxDelayMs ?? 10_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      ttlMs: options.ttlMs ?? 0,
      staleWhileRevalidateMs: options.staleWhileRevalidateMs ?? 0,
      staleOnError: options.staleOnError ?? true,
      maxEntries: options.maxEntries ?? 200,
      maxBytes: options.maxBytes ?? 8 * 1024 * 1024,
    };
  }

  /** Number of cached results and their approximate size, for tests and diagnostics. */
  cacheStats(): { entries: number; bytes: number } {
    return { entries: this.cache.size, bytes: this.cacheBytes };
  }

  /** Forgets every cached result (e.g. after the user changes credentials). */
  clearCache(): void {
    this.cache.clear();
    this.cacheBytes = 0;
  }

  /** Sends a request; see `HttpRequestOptions`. Rejects only with `IocDataError`s. */
  async request<T = unknown>(url: string, options: HttpRequestOptions = {}): Promise<HttpResult<T>> {
    const method = options.method ?? 'GET';
    const headers = { ...this.defaultHeaders, ...lowerCaseHeaders(options.headers) };
    const signal = options.signal;
    if (signal?.aborted) throw new AbortError();
    if (!IDEMPOTENT.has(method)) {
      const controller = new AbortController();
      const unlink = linkAbort(signal, controller);
      try {
        return (await this.attempt(url, method, headers, options, controller.signal, undefined)) as HttpResult<T>;
      } catch (error) {
        if (error instanceof AttemptFailure) throw error.error;
        throw error;
      } finally {
        unlink();
      }
    }

    const key = cacheKey(method, url, headers, options.responseType ?? 'json');
    const useCache = method === 'GET' && options.cache !== 'no-store';
    const entry = useCache ? this.touch(key) : undefined;
    const now = this.now();
    if (entry && options.cache !== 'no-cache') {
      const age = now - entry.fetchedAt;
      const ttl = options.ttlMs ?? entry.ttlMs;
      if (age < ttl) return this.fromEntry<T>(entry, 'hit', false);
      if (age < ttl + this.options.staleWhileRevalidateMs) {
        // Serve at once and refresh behind the caller's back; failures wait for the next call.
        this.shared(key, url, method, headers, options, useCache).promise.catch(() => undefined);
        return this.fromEntry<T>(entry, 'stale', true);
      }
    }

    const shared = this.shared(key, url, method, headers, options, useCache);
    shared.waiters++;
    try {
      return (await waitFor(shared, signal)) as HttpResult<T>;
    } catch (error) {
      if (isAbortError(error)) throw new AbortError();
      const dataError = error instanceof IocDataError ? error : new NetworkError(url, { cause: error });
      const last = useCache && this.options.staleOnError ? this.cache.get(key) : undefined;
      if (last) return { ...this.fromEntry<T>(last, 'fallback', true), error: dataError };
      throw dataError;
    }
  }

  /** A GET that returns only the data. */
  async getJson<T = unknown>(url: string, options: HttpRequestOptions = {}): Promise<T> {
    return (await this.request<T>(url, { ...options, method: 'GET', responseType: 'json' })).data;
  }

  private fromEntry<T>(entry: CacheEntry, cache: CacheOutcome, stale: boolean): HttpResult<T> {
    const now = this.now();
    return {
      data: entry.data as T,
      status: entry.status,
      headers: entry.headers,
      url: entry.url,
      fetchedAt: entry.fetchedAt,
      ageMs: Math.max(0, now - entry.fetchedAt),
      stale,
      cache,
    };
  }

  /** Returns the cache entry and marks it most recently used. */
  private touch(key: string): CacheEntry | undefined {
    const entry = this.cache.get(key);
    if (entry) {
      this.cache.delete(key);
      this.cache.set(key, entry);
    }
    return entry;
  }

  private store(key: string, entry: CacheEntry): void {
    const old = this.cache.get(key);
    if (old) {
      this.cacheBytes -= old.bytes;
      this.cache.delete(key);
    }
    // A single result larger than the whole budget is not kept at all.
    if (entry.bytes > this.options.maxBytes) return;
    this.cache.set(key, entry);
    this.cacheBytes += entry.bytes;
    for (const [oldestKey, oldest] of this.cache) {
      if (this.cache.size <= this.options.maxEntries && this.cacheBytes <= this.options.maxBytes) break;
      this.cache.delete(oldestKey);
      this.cacheBytes -= oldest.bytes;
    }
  }

  /** The in-flight request for a key, started if there is none. */
  private shared(
    key: string,
    url: string,
    method: HttpMethod,
    headers: Record<string, string>,
    options: HttpRequestOptions,
    useCache: boolean,
  ): Shared {
    const existing = this.inFlight.get(key);
    if (existing) return existing;
    const controller = new AbortController();
    const shared: Shared = {
      controller,
      waiters: 0,
      promise: this.withRetries(key, url, method, headers, options, controller.signal, useCache).finally(() => {
        if (this.inFlight.get(key) === shared) this.inFlight.delete(key);
      }),
    };
    this.inFlight.set(key, shared);
    return shared;
  }

  private async withRetries(
    key: string,
    url: string,
    method: HttpMethod,
    headers: Record<string, string>,
    options: HttpRequestOptions,
    signal: AbortSignal,
    useCache: boolean,
  ): Promise<HttpResult> {
    const retries = Math.max(0, options.retries ?? this.options.retries);
    for (let attempt = 0; ; attempt++) {
      const entry = useCache ? this.cache.get(key) : undefined;
      try {
        const result = await this.attempt(url, method, headers, options, signal, entry);
        if (useCache && result.cache === 'network' && result.status >= 200 && result.status < 300) {
          this.store(key, {
            data: result.data,
            status: result.status,
            headers: result.headers,
            url: result.url,
            etag: result.headers.etag,
            lastModified: result.headers['last-modified'],
            fetchedAt: result.fetchedAt,
            ttlMs: options.ttlMs ?? this.options.ttlMs,
            bytes: approximateBytes(result.data),
          });
        }
        return result;
      } catch (error) {
        if (!(error instanceof AttemptFailure)) throw error;
        if (!error.retryable || attempt >= retries || signal.aborted) throw error.error;
        let delay: number;
        if (error.retryAfterMs !== undefined) {
          if (error.retryAfterMs > this.options.maxRetryAfterMs) throw error.error;
          delay = error.retryAfterMs;
        } else {
          const cap = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** attempt);
          delay = Math.floor(this.random() * cap);
        }
        await this.sleep(delay, signal);
      }
    }
  }

  /** One attempt: fetch with a timeout, classify the outcome, read the body. */
  private async attempt(
    url: string,
    method: HttpMethod,
    headers: Record<string, string>,
    options: HttpRequestOptions,
    signal: AbortSignal,
    entry: CacheEntry | undefined,
  ): Promise<HttpResult> {
    if (signal.aborted) throw new AbortError();
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const controller = new AbortController();
    const unlink = linkAbort(signal, controller);
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs)
        : undefined;
    const sent = { ...headers };
    if (entry?.etag && sent['if-none-match'] === undefined) sent['if-none-match'] = entry.etag;
    else if (entry?.lastModified && sent['if-modified-since'] === undefined) sent['if-modified-since'] = entry.lastModified;
    const retryable = IDEMPOTENT.has(method);
    try {
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          method,
          headers: sent,
          body: options.body,
          signal: controller.signal,
          // Our cache decides; the browser's must not answer 304s for us or hide them.
          cache: 'no-store',
        });
      } catch (error) {
        if (timedOut) throw new AttemptFailure(new TimeoutError(`${method} ${url}`, timeoutMs), retryable);
        if (signal.aborted || isAbortError(error)) throw new AbortError();
        throw new AttemptFailure(new NetworkError(url, { cause: error }), retryable);
      }
      const responseHeaders = headersToRecord(response.headers);
      const fetchedAt = this.now();
      if (response.status === 304 && !entry) {
        // The caller sent its own validator: tell it "not modified" rather than failing.
        return { data: null, status: 304, headers: responseHeaders, url, fetchedAt, ageMs: 0, stale: false, cache: 'network' };
      }
      if (response.status === 304 && entry) {
        await response.body?.cancel().catch(() => undefined);
        entry.fetchedAt = fetchedAt;
        return { ...this.fromEntry(entry, 'revalidated', false), headers: { ...entry.headers, ...pickRevalidationHeaders(responseHeaders) } };
      }
      const ok = (response.status >= 200 && response.status < 300) || (options.acceptStatus ?? []).includes(response.status);
      let text: string;
      try {
        text = options.responseType === 'none' || method === 'HEAD' ? '' : await response.text();
      } catch (error) {
        if (timedOut) throw new AttemptFailure(new TimeoutError(`${method} ${url}`, timeoutMs), retryable);
        if (signal.aborted) throw new AbortError();
        // The connection broke half-way through the body.
        throw new AttemptFailure(new NetworkError(url, { cause: error }), retryable);
      }
      if (!ok) {
        const error = new HttpError(url, response.status, response.statusText, bodyExcerpt(text));
        throw new AttemptFailure(
          error,
          retryable && isRetryableStatus(response.status),
          parseRetryAfter(response.headers.get('retry-after'), this.now()),
        );
      }
      const data = parseBody(text, options.responseType ?? 'json', response.status, url, responseHeaders['content-type']);
      return { data, status: response.status, headers: responseHeaders, url, fetchedAt, ageMs: 0, stale: false, cache: 'network' };
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      unlink();
    }
  }
}

function pickRevalidationHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['etag', 'date', 'cache-control', 'last-modified']) {
    const value = headers[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function parseBody(text: string, kind: ResponseKind, status: number, url: string, contentType: string | undefined): unknown {
  if (kind === 'none') return undefined;
  if (kind === 'text') return text;
  if (status === 204 || text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const type = contentType ? ` (Content-Type ${contentType.split(';')[0]})` : '';
    throw new ValidationError(
      '(body)',
      `${url} did not answer JSON${type}; it began with "${bodyExcerpt(text, 60)}". Check the URL points at the API, not a web page or login screen.`,
    );
  }
}

/** Waits for a shared request; this caller's abort rejects only this caller, and the last one out aborts the request. */
function waitFor(shared: Shared, signal: AbortSignal | undefined): Promise<HttpResult> {
  if (!signal) {
    return shared.promise.finally(() => {
      shared.waiters--;
    });
  }
  return new Promise<HttpResult>((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      if (settled) return;
      settled = true;
      shared.waiters--;
      if (shared.waiters <= 0) shared.controller.abort();
      reject(new AbortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (result) => {
        if (settled) return;
        settled = true;
        shared.waiters--;
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        shared.waiters--;
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new NetworkError('request', { cause: error }));
      },
    );
  });
}

/** Aborts `controller` when `signal` does; returns the function that undoes the link. */
function linkAbort(signal: AbortSignal | undefined, controller: AbortController): () => void {
  if (!signal) return () => undefined;
  if (signal.aborted) {
    controller.abort();
    return () => undefined;
  }
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

/** Method, URL, body kind and every header (sorted): two requests with the same key get the same answer. */
function cacheKey(method: string, url: string, headers: Record<string, string>, kind: ResponseKind): string {
  const headerPart = Object.keys(headers)
    .sort()
    .map((name) => `${name}:${headers[name] ?? ''}`)
    .join('\n');
  return `${method} ${url} ${kind}\n${headerPart}`;
}

function approximateBytes(data: unknown): number {
  if (typeof data === 'string') return data.length * 2;
  try {
    return (JSON.stringify(data) ?? '').length * 2;
  } catch {
    return 1024;
  }
}

/** The client used by `request()` when a source does not bring its own. */
export const defaultHttpClient = new HttpClient();

/** Sends a request through the default client. */
export function request<T = unknown>(url: string, options?: HttpRequestOptions): Promise<HttpResult<T>> {
  return defaultHttpClient.request<T>(url, options);
}
