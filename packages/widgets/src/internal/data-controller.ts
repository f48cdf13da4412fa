import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import {
  ConfigError,
  isAbortError,
  toDataError,
  type DataSource,
  type IocDataError,
  type Query,
  type ResultFor,
  type StaleInfo,
} from '@ioc-kit/data';
import { IocDataEvent, IocErrorEvent } from './events.js';
import { MissingSettingError } from './status.js';

/**
 * What a widget shows: `idle` (nothing asked yet), `pending` (loading, nothing to show),
 * `ready`, `empty` (loaded, no values), `stale` (a refresh failed, here or in the source, which
 * then says so in `result.stale`; last good data shown)
 * and `error` (failed, nothing to show).
 */
export type DataState = 'idle' | 'pending' | 'ready' | 'empty' | 'stale' | 'error';

export interface DataControllerOptions<Q extends Query> {
  /** The source to ask; undefined while none is available. */
  source: () => DataSource | undefined;
  /** Why there is no source, if known (e.g. an unknown source name). */
  sourceError?: () => IocDataError | undefined;
  /** The query to run; undefined when the widget lacks what it needs (no indicator, no area). */
  query: () => Q | undefined;
  /**
   * Why `query()` gives nothing: an error to show (state `error`, fired once as `ioc-error`),
   * `'waiting'` while what it needs is on its way (state `pending`, e.g. the provider is looking
   * up its source's province), or undefined (state `idle`).
   */
  blocked?: () => IocDataError | 'waiting' | undefined;
  /** Data given directly to the widget; when set, no source is asked. */
  data?: () => ResultFor<Q> | undefined;
  /** Whether a result has nothing to show. */
  isEmpty: (result: ResultFor<Q>) => boolean;
  /** Checks a result before it is shown; throws a `ValidationError` to reject it. */
  validate?: (result: ResultFor<Q>) => void;
  /**
   * Keep the data fresh every this many milliseconds (0 or undefined: load once). Sources that
   * can push (`subscribe`) are subscribed to; others are polled, never with two requests at once,
   * and not while the page is hidden.
   */
  refreshMs?: () => number | undefined;
}

/** Automatic retries after a failure that may pass (network, timeout, 5xx, 429): 15 s, 30 s, 1, 2, 4 then every 5 min. */
const RETRY_FIRST_MS = 15_000;
const RETRY_MAX_MS = 300_000;

/** True for failures worth trying again without a change: the server or the network, not the data or the set-up. */
export function isTransient(error: IocDataError): boolean {
  if (error.code === 'network' || error.code === 'timeout') return true;
  if (error.code !== 'http') return false;
  const status = (error as { status?: unknown }).status;
  return typeof status !== 'number' || status >= 500 || status === 429 || status === 408;
}

/**
 * Loads a widget's data through the data contract: runs the query when it or the source
 * changes, aborts the stale request, keeps the last good result when a refresh fails, tries
 * again on its own after a failure that may pass (with backoff, `retryAt` says when), follows
 * live sources or polls, and fires `ioc-data` / `ioc-error` from the host.
 */
export class DataController<Q extends Query> implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: DataControllerOptions<Q>;
  private readonly task: Task<[DataSource | undefined, string], ResultFor<Q> | undefined>;
  private good?: { key: string; result: ResultFor<Q>; acceptedAt: number };
  private lastError?: IocDataError;
  private currentQuery?: Q;
  private currentKey = '';
  private live?: { key: string; source: DataSource; refreshMs: number; stop: AbortController };
  private retry?: { key: string; at: number; timer: ReturnType<typeof setTimeout> };
  private failures = 0;
  private blockedReported = '';

  constructor(host: ReactiveControllerHost & HTMLElement, options: DataControllerOptions<Q>) {
    this.host = host;
    this.options = options;
    host.addController(this);
    this.task = new Task(host, {
      args: () => {
        const direct = this.options.data?.() !== undefined;
        this.currentQuery = direct ? undefined : this.options.query();
        this.currentKey = this.currentQuery ? JSON.stringify(this.currentQuery) : '';
        return [direct ? undefined : this.options.source(), this.currentKey];
      },
      task: async ([source, key], { signal }) => {
        const query = this.currentQuery;
        if (!source || !query) return undefined;
        const result = await source.query(query, { signal });
        this.accept(key, result);
        return result;
      },
      onComplete: (result) => {
        if (result !== undefined) this.host.dispatchEvent(new IocDataEvent(result));
      },
      onError: (error) => this.reject(error),
    });
  }

  hostConnected(): void {
    // A re-attached widget picks up where it was; hostUpdated restarts any live follow-up.
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    this.followLive();
    if (this.retry && this.retry.key !== this.currentKey) this.cancelRetry();
    this.reportBlocked();
  }

  hostDisconnected(): void {
    this.stopLive();
    this.cancelRetry();
  }

  /** Fires `ioc-error` once for a query that cannot run (no area, say), so the page hears why. */
  private reportBlocked(): void {
    const why = this.currentQuery || this.options.data?.() ? undefined : this.options.blocked?.();
    const message = why && why !== 'waiting' ? why.message : '';
    if (message === this.blockedReported) return;
    this.blockedReported = message;
    if (why && why !== 'waiting') this.host.dispatchEvent(new IocErrorEvent(why));
  }

  /** Validates and keeps a result as the newest good data for a query key. */
  private accept(key: string, result: ResultFor<Q>): void {
    this.options.validate?.(result);
    this.good = { key, result, acceptedAt: Date.now() };
    this.lastError = undefined;
    this.failures = 0;
    this.cancelRetry();
  }

  private reject(error: unknown): void {
    if (isAbortError(error)) return;
    this.lastError = toDataError(error);
    this.failures++;
    this.scheduleRetry(this.lastError);
    this.host.dispatchEvent(new IocErrorEvent(this.lastError));
  }

  /** After a failure that may pass, runs the query again later: 15 s, then twice as long each time, at most 5 min. */
  private scheduleRetry(error: IocDataError): void {
    this.cancelRetry();
    if (!isTransient(error) || !this.host.isConnected || !this.currentQuery) return;
    const base = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.min(10, this.failures - 1));
    // A little spread, so a wall of widgets on one failed server does not come back all at once.
    const delay = Math.round(base * (0.9 + 0.2 * Math.random()));
    const key = this.currentKey;
    const timer = setTimeout(() => {
      if (this.retry?.timer !== timer) return;
      this.retry = undefined;
      if (this.currentKey === key && this.task.status !== TaskStatus.PENDING) void this.task.run();
      this.host.requestUpdate();
    }, delay);
    this.retry = { key, at: Date.now() + delay, timer };
  }

  private cancelRetry(): void {
    if (this.retry) clearTimeout(this.retry.timer);
    this.retry = undefined;
  }

  /**
   * When the next automatic attempt is due (wall-clock epoch ms), after a failure that may pass;
   * undefined when none is planned (the data or the set-up is at fault, or the widget is detached).
   */
  get retryAt(): number | undefined {
    return this.retry?.key === this.currentKey ? this.retry.at : undefined;
  }

  /** Starts, restarts or stops the subscription / polling to match the current query. */
  private followLive(): void {
    const refreshMs = this.options.refreshMs?.() ?? 0;
    const source = this.options.data?.() ? undefined : this.options.source();
    const query = this.currentQuery;
    const wanted = refreshMs > 0 && source && query && this.host.isConnected;
    if (this.live && wanted && this.live.key === this.currentKey && this.live.source === source && this.live.refreshMs === refreshMs) return;
    this.stopLive();
    if (!wanted) return;
    const stop = new AbortController();
    const key = this.currentKey;
    this.live = { key, source, refreshMs, stop };
    if (source.subscribe) {
      source.subscribe(
        query,
        (result, error) => {
          if (stop.signal.aborted) return;
          if (error !== undefined || result === undefined) {
            this.reject(error ?? new ConfigError(`Source "${source.id}" pushed an empty update.`));
          } else {
            try {
              this.accept(key, result);
              this.host.dispatchEvent(new IocDataEvent(result));
            } catch (invalid) {
              this.reject(invalid);
            }
          }
          this.host.requestUpdate();
        },
        { signal: stop.signal, intervalMs: refreshMs },
      );
    } else {
      this.poll(stop.signal, refreshMs);
    }
  }

  private poll(signal: AbortSignal, refreshMs: number): void {
    const tick = () => {
      if (signal.aborted) return;
      const hidden = this.host.ownerDocument.visibilityState === 'hidden';
      // Task.run aborts nothing here: a tick while a request is in flight is skipped.
      if (!hidden && this.task.status !== TaskStatus.PENDING) void this.task.run();
      timer = setTimeout(tick, refreshMs);
    };
    let timer = setTimeout(tick, refreshMs);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  }

  private stopLive(): void {
    this.live?.stop.abort();
    this.live = undefined;
  }

  /** The newest good result of the current query (a different query never shows old data). */
  private get lastGood(): ResultFor<Q> | undefined {
    return this.good && this.good.key === this.currentKey ? this.good.result : undefined;
  }

  /** The result to render: direct data, else the newest good result. */
  get value(): ResultFor<Q> | undefined {
    return this.options.data?.() ?? this.lastGood;
  }

  /** The error in force, if the last load failed or no source could be made. */
  get error(): IocDataError | undefined {
    if (this.options.data?.()) return undefined;
    if (!this.options.source()) return this.options.sourceError?.();
    if (!this.options.query()) {
      const why = this.options.blocked?.();
      return why && why !== 'waiting' ? why : undefined;
    }
    return this.lastError;
  }

  /**
   * How old the data on screen is and why it was not refreshed, when it is the last good data:
   * the source served it after a failed refresh (`result.stale`), or the widget kept it when a
   * refresh failed (its age then counts from when it arrived). Undefined for fresh data.
   */
  get staleness(): StaleInfo | undefined {
    const direct = this.options.data?.();
    if (direct) return staleOfResult(direct);
    const good = this.good && this.good.key === this.currentKey ? this.good : undefined;
    if (!good) return undefined;
    const reported = staleOfResult(good.result);
    const error = this.error;
    if (error && this.task.status !== TaskStatus.PENDING) {
      return { ageMs: (reported?.ageMs ?? 0) + Math.max(0, Date.now() - good.acceptedAt), reason: error.message };
    }
    return reported;
  }

  /** True while a request is in flight (also when older data is on screen). */
  get loading(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  get state(): DataState {
    const direct = this.options.data?.();
    if (direct) return this.options.isEmpty(direct) ? 'empty' : staleOfResult(direct) ? 'stale' : 'ready';
    const value = this.lastGood;
    if (!this.options.source()) {
      if (this.options.sourceError?.()) return value ? 'stale' : 'error';
      return 'pending';
    }
    if (!this.options.query()) {
      const why = this.options.blocked?.();
      return why === 'waiting' ? 'pending' : why ? 'error' : 'idle';
    }
    if (this.lastError && this.task.status !== TaskStatus.PENDING) return value ? 'stale' : 'error';
    if (value) return this.options.isEmpty(value) ? 'empty' : staleOfResult(value) ? 'stale' : 'ready';
    return this.task.status === TaskStatus.COMPLETE ? 'empty' : 'pending';
  }

  /** Runs the query again, e.g. on a polling tick or a "retry" click (which replaces any planned retry). */
  refresh(): void {
    this.cancelRetry();
    void this.task.run();
  }
}

/** The `stale` note of a result (the last good data a source served after a failed refresh), checked. */
function staleOfResult(result: unknown): StaleInfo | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const stale: unknown = Reflect.get(result, 'stale');
  if (typeof stale !== 'object' || stale === null) return undefined;
  const ageMs: unknown = Reflect.get(stale, 'ageMs');
  const reason: unknown = Reflect.get(stale, 'reason');
  return { ageMs: typeof ageMs === 'number' && Number.isFinite(ageMs) ? Math.max(0, ageMs) : 0, reason: typeof reason === 'string' ? reason : '' };
}

/** A clear error for a widget that is missing its indicator (the widget says "Chưa chọn chỉ tiêu"). */
export function missing(what: string, tag: string): ConfigError {
  return new MissingSettingError('indicator', `<${tag}> needs ${what}.`);
}
