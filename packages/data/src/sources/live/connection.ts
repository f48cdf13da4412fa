/**
 * Live connections: a Server-Sent Events client and a WebSocket client that speak the ioc-kit
 * live protocol (`protocol.ts`), reconnect with capped exponential backoff and jitter, resume
 * where they left off, notice a silent server (heartbeat timeout), and close everything when
 * their signal aborts. Malformed messages are reported as `ValidationError`s; the stream goes on.
 *
 * Why SSE over `fetch` streaming rather than `EventSource`:
 * - `EventSource` cannot send headers, so no `Authorization` for a protected city API;
 * - it reconnects on its own fixed timer, gives up for good on any non-200 answer and hides
 *   the status, so backoff, "stop on 401/404" and typed errors would be impossible;
 * - its resume sends `Last-Event-ID` only within one `EventSource` object, not after we
 *   recreate it; with `fetch` we send it ourselves on every reconnection;
 * - both are governed by the same CSP directive (`connect-src`), so nothing is lost there, and
 *   `fetch` streaming also runs in workers and in Node (used by the benchmarks).
 * The cost: we parse the wire format ourselves (`sse-parser.ts`, fuzzed).
 */
import { AbortError, ConfigError, HttpError, IocDataError, NetworkError, TimeoutError, ValidationError, isAbortError, toDataError } from '../../contract/errors.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { compareTokens, parseLiveMessage, type LiveClientMessage, type LiveMessage } from './protocol.js';
import { SseParser } from './sse-parser.js';

export type LiveState = 'connecting' | 'open' | 'waiting' | 'closed';

export interface LiveStatus {
  state: LiveState;
  /** Failed attempts in a row (0 once a connection delivers). */
  attempt: number;
  /** While `waiting`: how long until the next attempt. */
  delayMs?: number;
  /** Why the last connection ended, if it failed. */
  error?: IocDataError;
}

export interface LiveConnectionOptions {
  /** Aborting it closes the connection and stops reconnecting. */
  signal: AbortSignal;
  /** Each well-formed message, once (replays after a resume are dropped). */
  onMessage(message: LiveMessage): void;
  /** Malformed messages, failed connections: the connection goes on unless the error is permanent. */
  onError?(error: IocDataError): void;
  onStatus?(status: LiveStatus): void;
  backoff?: BackoffOptions;
  /**
   * A connection that receives nothing (not even a heartbeat or SSE comment) for this long is
   * taken for dead and replaced. Default 45 000 ms; 0 turns the watchdog off.
   */
  heartbeatTimeoutMs?: number;
  /** The resume token to start from (e.g. kept from an earlier session). */
  lastId?: string;
  /** Waits between attempts; injectable so tests need not sleep. Must reject when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface SseOptions extends LiveConnectionOptions {
  /** Extra request headers, e.g. `Authorization`. */
  headers?: Readonly<Record<string, string>>;
  /** `include` to send cookies to a live endpoint on another origin (it must allow credentials in CORS). */
  credentials?: RequestCredentials;
  fetch?: typeof fetch;
}

export interface WebSocketOptions extends LiveConnectionOptions {
  protocols?: string | string[];
  /** Topics to subscribe to on every (re)connection: indicator ids and/or `alerts`. */
  topics?: () => readonly string[];
  /** The WebSocket constructor (default: the global one). */
  WebSocket?: typeof WebSocket;
}

/** A running connection. */
export interface LiveConnection {
  /** The last resume token received. */
  readonly lastId: string | undefined;
  readonly status: LiveStatus;
  /** Resolves when the connection is closed for good (aborted, or a permanent error). */
  readonly closed: Promise<void>;
  /** WebSocket only: tells the server the topics changed. */
  topicsChanged(): void;
}

export const DEFAULT_HEARTBEAT_TIMEOUT_MS = 45_000;

function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new AbortError());
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** An error after which reconnecting cannot help: the address, the credentials or the protocol are wrong. */
class PermanentError extends Error {
  constructor(readonly error: IocDataError) {
    super(error.message);
    this.name = 'PermanentError';
  }
}

interface Attempt {
  signal: AbortSignal;
  /** Anything arrived: the watchdog starts again. */
  alive(): void;
  /** The connection is established. */
  opened(): void;
  /** A message was delivered: the backoff starts again from the first step. */
  delivered(): void;
  /** The server asked for a different reconnection base delay (SSE `retry:`). */
  retry(ms: number): void;
}

/** What both transports share: the attempt loop, backoff, watchdog, resume token and dedupe. */
class ReconnectingConnection implements LiveConnection {
  lastId: string | undefined;
  status: LiveStatus = { state: 'connecting', attempt: 0 };
  readonly closed: Promise<void>;
  private readonly recent: string[] = [];
  onTopicsChanged: () => void = () => undefined;

  constructor(
    private readonly options: LiveConnectionOptions,
    private readonly connectOnce: (attempt: Attempt, connection: ReconnectingConnection) => Promise<'ended' | 'stop'>,
  ) {
    this.lastId = options.lastId;
    this.closed = this.run();
  }

  topicsChanged(): void {
    this.onTopicsChanged();
  }

  private setStatus(status: LiveStatus): void {
    this.status = status;
    this.options.onStatus?.(status);
  }

  report(error: IocDataError): void {
    try {
      this.options.onError?.(error);
    } catch {
      // A listener's mistake must not stop the stream.
    }
  }

  /** Hands a parsed message on unless it is a replay of one already delivered. */
  deliver(message: LiveMessage): boolean {
    const id = message.id;
    if (id !== undefined) {
      if (this.recent.includes(id)) return false;
      if (this.lastId !== undefined && /^\d+$/.test(id) && /^\d+$/.test(this.lastId) && compareTokens(id, this.lastId) <= 0) return false;
      this.markSeen(id);
    }
    try {
      this.options.onMessage(message);
    } catch (error) {
      this.report(toDataError(error));
    }
    return true;
  }

  private markSeen(id: string): void {
    this.recent.push(id);
    if (this.recent.length > 256) this.recent.shift();
    this.lastId = id;
  }

  /** Parses and delivers a message text; a malformed one is reported and skipped. */
  receive(json: string, fallback: { type?: string; id?: string }): void {
    let message: LiveMessage;
    try {
      message = parseLiveMessage(json, fallback);
    } catch (error) {
      // Skip it for good: a resumed stream must not replay it again.
      if (fallback.id) this.markSeen(fallback.id);
      this.report(error instanceof IocDataError ? error : new ValidationError('(message)', String(error)));
      return;
    }
    this.deliver(message);
  }

  private async run(): Promise<void> {
    const { signal } = this.options;
    const sleep = this.options.sleep ?? sleepFor;
    const heartbeatMs = this.options.heartbeatTimeoutMs ?? DEFAULT_HEARTBEAT_TIMEOUT_MS;
    let attempt = 0;
    let baseMs = this.options.backoff?.baseMs;
    while (!signal.aborted) {
      this.setStatus({ state: 'connecting', attempt });
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      let timedOut = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const alive = () => {
        if (heartbeatMs <= 0) return;
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, heartbeatMs);
      };
      let delivered = false;
      let failure: IocDataError | undefined;
      try {
        alive();
        const outcome = await this.connectOnce(
          {
            signal: controller.signal,
            alive,
            opened: () => this.setStatus({ state: 'open', attempt }),
            delivered: () => {
              delivered = true;
            },
            retry: (ms) => {
              baseMs = ms;
            },
          },
          this,
        );
        if (outcome === 'stop') break;
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof PermanentError) {
          this.report(error.error);
          this.setStatus({ state: 'closed', attempt, error: error.error });
          return;
        }
        failure = timedOut
          ? new TimeoutError('Waiting for a message or heartbeat on the live connection', heartbeatMs)
          : isAbortError(error)
            ? new NetworkError('live stream', { cause: error })
            : toDataError(error);
        this.report(failure);
      } finally {
        if (timer !== undefined) clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        controller.abort();
      }
      if (signal.aborted) break;
      if (delivered) attempt = 0;
      const delayMs = backoffDelay(attempt, { ...this.options.backoff, ...(baseMs !== undefined ? { baseMs } : {}) });
      attempt++;
      this.setStatus({ state: 'waiting', attempt, delayMs, ...(failure ? { error: failure } : {}) });
      try {
        await sleep(delayMs, signal);
      } catch {
        break;
      }
    }
    this.setStatus({ state: 'closed', attempt: 0 });
  }
}

function isPermanentStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * Opens a Server-Sent Events stream of ioc-kit live messages. HTTP 204 means "stop" (as in the
 * SSE spec); 4xx other than 408/429, and an answer that is not `text/event-stream`, are permanent
 * (reported once, no reconnection); anything else reconnects with backoff, resuming with
 * `Last-Event-ID` (a cross-origin server must allow that header in CORS).
 */
export function connectSse(url: string, options: SseOptions): LiveConnection {
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  return new ReconnectingConnection(options, async (attempt, connection) => {
    const headers: Record<string, string> = { accept: 'text/event-stream', 'cache-control': 'no-cache', ...options.headers };
    if (connection.lastId !== undefined && connection.lastId !== '') headers['last-event-id'] = connection.lastId;
    let response: Response;
    try {
      response = await fetchImpl(url, { headers, signal: attempt.signal, cache: 'no-store', ...(options.credentials ? { credentials: options.credentials } : {}) });
    } catch (error) {
      if (options.signal.aborted) throw new AbortError();
      throw isAbortError(error) ? error : new NetworkError(url, { cause: error });
    }
    if (response.status === 204) return 'stop';
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const error = new HttpError(url, response.status, response.statusText);
      throw isPermanentStatus(response.status) ? new PermanentError(error) : error;
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/^text\/event-stream\b/i.test(type.trim())) {
      await response.body?.cancel().catch(() => undefined);
      throw new PermanentError(new ValidationError('(content-type)', `${url} answered "${type || 'no Content-Type'}", not text/event-stream: is this the live endpoint?`));
    }
    if (!response.body) throw new NetworkError(url);
    attempt.opened();
    const parser = new SseParser(
      {
        onEvent: (event) => {
          connection.receive(event.data, { type: event.type, id: event.lastEventId });
          attempt.delivered();
        },
        onRetry: (ms) => attempt.retry(ms),
      },
      connection.lastId ?? '',
    );
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        attempt.alive();
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      if (options.signal.aborted) throw new AbortError();
      throw isAbortError(error) ? error : new NetworkError(url, { cause: error });
    } finally {
      reader.releaseLock();
    }
    return 'ended';
  });
}

/**
 * Opens a WebSocket carrying ioc-kit live messages. On every (re)connection it sends
 * `subscribe` with the topics and `since` = the last id seen, so a server that keeps history
 * replays what was missed. Close code 1008 (policy: e.g. refused credentials) and 4401/4403
 * are permanent; other closes reconnect with backoff.
 */
export function connectWebSocket(url: string, options: WebSocketOptions): LiveConnection {
  const Socket = options.WebSocket ?? globalThis.WebSocket;
  let current: WebSocket | undefined;
  let sentTopics: readonly string[] = [];
  const send = (socket: WebSocket, message: LiveClientMessage) => socket.send(JSON.stringify(message));
  const connection = new ReconnectingConnection(
    options,
    (attempt, self) =>
      new Promise<'ended'>((resolve, reject) => {
        if (typeof Socket !== 'function') {
          reject(new PermanentError(new ConfigError('This environment has no WebSocket: pass one in the `WebSocket` option.')));
          return;
        }
        let socket: WebSocket;
        try {
          socket = new Socket(url, options.protocols);
        } catch (error) {
          reject(new PermanentError(new ConfigError(`Cannot open a WebSocket to "${url}": ${error instanceof Error ? error.message : String(error)}`)));
          return;
        }
        current = socket;
        let opened = false;
        const finish = () => {
          attempt.signal.removeEventListener('abort', onAbort);
          if (current === socket) current = undefined;
        };
        const onAbort = () => {
          finish();
          socket.close(1000, 'closed by client');
          reject(new AbortError());
        };
        attempt.signal.addEventListener('abort', onAbort, { once: true });
        socket.onopen = () => {
          opened = true;
          attempt.opened();
          attempt.alive();
          sentTopics = [...(options.topics?.() ?? [])];
          send(socket, { type: 'subscribe', topics: [...sentTopics], ...(self.lastId !== undefined ? { since: self.lastId } : {}) });
        };
        socket.onmessage = (event: MessageEvent<unknown>) => {
          attempt.alive();
          if (typeof event.data !== 'string') {
            self.report(new ValidationError('(message)', 'a binary frame is not part of the ioc-kit live protocol (JSON text frames only)'));
            return;
          }
          self.receive(event.data, {});
          attempt.delivered();
        };
        socket.onclose = (event: CloseEvent) => {
          finish();
          if (event.code === 1008 || event.code === 4401 || event.code === 4403) {
            reject(new PermanentError(new IocDataError('config', `${url} closed the connection (${event.code}${event.reason ? `: ${event.reason.slice(0, 120)}` : ''}); check the credentials and the address.`)));
          } else if (!opened) reject(new NetworkError(url));
          else if (event.code === 1000 || event.code === 1001 || event.code === 1005) resolve('ended');
          else reject(new IocDataError('network', `${url} closed the live connection (code ${event.code}${event.reason ? `: ${event.reason.slice(0, 120)}` : ''}); reconnecting.`));
        };
      }),
  );
  connection.onTopicsChanged = () => {
    const socket = current;
    if (!socket || socket.readyState !== 1) return;
    const next = [...(options.topics?.() ?? [])];
    const added = next.filter((topic) => !sentTopics.includes(topic));
    const removed = sentTopics.filter((topic) => !next.includes(topic));
    if (added.length > 0) send(socket, { type: 'subscribe', topics: added });
    if (removed.length > 0) send(socket, { type: 'unsubscribe', topics: removed });
    sentTopics = next;
  };
  return connection;
}
