/**
 * The one refresh loop. Everything that keeps a query's result fresh goes through
 * `followQuery`: the widgets' data controller, and the `subscribe` of every source that
 * cannot push. It loads at once, then polls (or follows the source's own push), retries
 * failures that may pass with backoff, pauses polling while the page is hidden, never has
 * two requests in flight, aborts on its signal, and lets followers of the same source, query
 * and interval share one loop and one request.
 */
import { ConfigError, isAbortError, toDataError, type IocDataError } from '../contract/errors.js';
import type { Query, ResultFor } from '../contract/query.js';
import type { DataSource, RequestOptions } from '../contract/source.js';
import { pageVisibility, type VisibilitySignal } from './page.js';

export interface FollowUpdate<Q extends Query> {
  /**
   * A new good result (validated by the caller), or undefined with an error. An answer equal to
   * the last one is delivered as that same object, so a follower can tell "asked again,
   * nothing changed" by identity.
   */
  result?: ResultFor<Q>;
  error?: IocDataError;
  /** After a failure: when the next automatic attempt is due (wall-clock epoch ms); undefined when none is planned. */
  retryAt?: number;
}

export interface FollowOptions {
  signal: AbortSignal;
  /**
   * Ask again every this many ms (sources that cannot push are polled; pushing sources use
   * their own `subscribe`). 0/undefined: ask once, and again only to retry a failure that may pass.
   */
  intervalMs?: number;
  /**
   * Retries after failures that may pass (network, timeout, HTTP 408/429/5xx): first wait,
   * growing ×2 to the max, with a little jitter. Defaults 15 000 and 300 000 ms.
   */
  retry?: { firstMs?: number; maxMs?: number };
  /** Default `pageVisibility()`: pauses polling (not the first load) while the page is hidden. */
  visibility?: VisibilitySignal;
  /** Schedules a call and returns the function that cancels it; tests inject their own. */
  schedule?: (ms: number, callback: () => void) => () => void;
  /** Random source in [0, 1) for the jitter; tests inject their own. */
  random?: () => number;
}

export interface FollowHandle {
  /** Ask again now (a "retry" click), replacing any planned retry; never two requests at once. */
  refresh(): void;
  /** When the next automatic attempt after a failure is due (wall-clock epoch ms), if one is planned. */
  readonly retryAt: number | undefined;
  /** True while a request is in flight. */
  readonly loading: boolean;
}

export const RETRY_FIRST_MS = 15_000;
export const RETRY_MAX_MS = 300_000;
export const DEFAULT_POLL_INTERVAL_MS = 60_000;

/** True for failures worth trying again without a change: the server or the network, not the data or the set-up. */
export function isTransient(error: IocDataError): boolean {
  if (error.code === 'network' || error.code === 'timeout') return true;
  if (error.code !== 'http') return false;
  const status = (error as { status?: unknown }).status;
  return typeof status !== 'number' || status >= 500 || status === 429 || status === 408;
}

/**
 * The wait before retry number `failures` (1 = the first): `firstMs`, twice as long each time,
 * at most `maxMs`; spread by ±10 % so a wall of screens on one failed server does not come back
 * in the same second.
 */
export function retryDelay(failures: number, retry: { firstMs?: number; maxMs?: number } = {}, random: () => number = Math.random): number {
  const first = Math.max(1, retry.firstMs ?? RETRY_FIRST_MS);
  const max = Math.max(first, retry.maxMs ?? RETRY_MAX_MS);
  const base = Math.min(max, first * 2 ** Math.min(30, Math.max(0, failures - 1)));
  const spread = 0.9 + 0.2 * Math.min(0.999_999, Math.max(0, random()));
  return Math.min(max, Math.round(base * spread));
}

type Load<Q extends Query> = (query: Q, options: RequestOptions) => Promise<ResultFor<Q>>;
/** How to ask a polled source for one query; may keep state between asks (e.g. NGSI-LD's incremental series). */
export type PollLoader = <Q extends Query>(query: Q) => Load<Q>;
type Followable = Pick<DataSource, 'query' | 'subscribe'> & { readonly id?: string };

/** `subscribe` functions that only poll: followQuery polls with their loader itself instead of running a second loop inside. */
const POLLING = new WeakMap<object, PollLoader>();

/** Marks a source's `subscribe` as polling that `followQuery` can do itself, with `loader`. */
export function markPolling(subscribe: object, loader: PollLoader): void {
  POLLING.set(subscribe, loader);
}

const defaultSchedule = (ms: number, callback: () => void) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

let unreadable = 0;

/** A result as text, to tell a changed result from the same one asked again. */
export function fingerprint(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Float64Array ? Array.from(inner) : inner)) ?? '';
  } catch {
    // Something that cannot be written out (a cycle) is taken as changed every time.
    return `\u0000${++unreadable}`;
  }
}

/** A query as a key: the same fields in any order are the same query. */
function queryKey(query: Query): string {
  return JSON.stringify(query, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

interface Follower<Q extends Query> {
  onUpdate: (update: FollowUpdate<Q>) => void;
  active: boolean;
}

const loops = new WeakMap<object, Map<string, Loop<Query>>>();

class Loop<Q extends Query> {
  private readonly followers = new Set<Follower<Q>>();
  private readonly subscription = new AbortController();
  private readonly visibility: VisibilitySignal;
  private readonly schedule: (ms: number, callback: () => void) => () => void;
  private readonly random: () => number;
  private inFlight: AbortController | undefined;
  private result: ResultFor<Q> | undefined;
  private printed = '';
  private error: IocDataError | undefined;
  private failures = 0;
  private cancelTimer: (() => void) | undefined;
  private plannedRetryAt: number | undefined;
  /** A poll or retry fell due while the page was hidden: ask as soon as it shows again. */
  private due = false;
  private stopped = false;
  private stopListening: () => void = () => undefined;

  constructor(
    private readonly source: Followable,
    private readonly query: Q,
    private readonly load: Load<Q>,
    private readonly intervalMs: number,
    private readonly push: boolean,
    private readonly options: FollowOptions,
    private readonly forget: () => void,
  ) {
    this.visibility = options.visibility ?? pageVisibility();
    this.schedule = options.schedule ?? defaultSchedule;
    this.random = options.random ?? Math.random;
  }

  get loading(): boolean {
    return this.inFlight !== undefined;
  }

  get retryAt(): number | undefined {
    return this.plannedRetryAt;
  }

  start(): void {
    this.stopListening = this.visibility.onChange(() => {
      if (this.stopped || !this.due || this.visibility.hidden()) return;
      this.due = false;
      this.ask();
    });
    this.ask();
    if (this.push) {
      try {
        this.source.subscribe?.(this.query, (result, error) => this.pushed(result, error), { signal: this.subscription.signal, intervalMs: this.intervalMs });
      } catch (error) {
        this.fail(toDataError(error));
      }
    }
  }

  join(follower: Follower<Q>): void {
    this.followers.add(follower);
    if (this.result === undefined && this.error === undefined) return;
    // A late follower gets what the others already have, then whatever comes next.
    queueMicrotask(() => {
      if (!follower.active) return;
      if (this.result !== undefined) deliver(follower, { result: this.result });
      if (this.error !== undefined) deliver(follower, { error: this.error, ...(this.plannedRetryAt !== undefined ? { retryAt: this.plannedRetryAt } : {}) });
    });
    // After a failure with nothing planned, a new follower is a new reason to ask.
    if (this.error !== undefined && !this.inFlight && !this.cancelTimer) this.ask();
  }

  leave(follower: Follower<Q>): void {
    follower.active = false;
    this.followers.delete(follower);
    if (this.followers.size === 0) this.stop();
  }

  refresh(): void {
    if (this.stopped) return;
    this.due = false;
    this.ask();
  }

  private stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.subscription.abort();
    this.stopListening();
    this.forget();
  }

  /** Starts a request unless one is in flight; replaces any planned poll or retry. */
  private ask(): void {
    if (this.stopped || this.inFlight) return;
    this.clearTimer();
    const controller = new AbortController();
    this.inFlight = controller;
    let request: Promise<ResultFor<Q>>;
    try {
      request = this.load(this.query, { signal: controller.signal });
    } catch (error) {
      request = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    request.then(
      (result) => {
        if (this.inFlight !== controller) return;
        this.inFlight = undefined;
        this.succeed(result);
      },
      (error: unknown) => {
        if (this.inFlight !== controller) return;
        this.inFlight = undefined;
        // An abort nobody here asked for is no news: keep polling.
        if (isAbortError(error)) this.planPoll();
        else this.fail(toDataError(error));
      },
    );
  }

  private pushed(result: ResultFor<Q> | undefined, error: unknown): void {
    if (this.stopped) return;
    if (error !== undefined || result === undefined) {
      this.fail(toDataError(error ?? new ConfigError(`Source "${this.source.id ?? '?'}" pushed an empty update.`)));
      return;
    }
    // A pushed result is newer than the answer of a request still on its way: that one is dropped.
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.succeed(result);
  }

  private succeed(answer: ResultFor<Q>): void {
    const printed = fingerprint(answer);
    if (this.result === undefined || printed !== this.printed) {
      this.result = answer;
      this.printed = printed;
    }
    const result = this.result;
    this.error = undefined;
    this.failures = 0;
    this.clearTimer();
    this.deliverAll({ result });
    this.planPoll();
  }

  private fail(error: IocDataError): void {
    this.error = error;
    this.failures++;
    if (isTransient(error)) {
      const delay = retryDelay(this.failures, this.options.retry, this.random);
      this.plan(delay, Date.now() + delay);
    } else {
      this.clearTimer();
      this.planPoll();
    }
    this.deliverAll({ error, ...(this.plannedRetryAt !== undefined ? { retryAt: this.plannedRetryAt } : {}) });
  }

  private planPoll(): void {
    if (!this.push && this.intervalMs > 0 && !this.cancelTimer) this.plan(this.intervalMs, undefined);
  }

  private plan(ms: number, retryAt: number | undefined): void {
    this.clearTimer();
    this.plannedRetryAt = retryAt;
    this.cancelTimer = this.schedule(ms, () => {
      this.cancelTimer = undefined;
      if (this.stopped) return;
      if (this.visibility.hidden()) {
        this.due = true;
        return;
      }
      this.ask();
    });
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.plannedRetryAt = undefined;
  }

  private deliverAll(update: FollowUpdate<Q>): void {
    for (const follower of [...this.followers]) deliver(follower, update);
  }
}

function deliver<Q extends Query>(follower: Follower<Q>, update: FollowUpdate<Q>): void {
  if (!follower.active) return;
  try {
    follower.onUpdate(update);
  } catch {
    // One follower's failing listener is not a failed request, nor the others' problem.
  }
}

/**
 * The one loop: loads `query` from `source` at once, then keeps it fresh (source.subscribe when
 * the source pushes, else polling), retries failures with backoff, pauses while hidden, aborts
 * on `signal`. Followers of the same (source, query, interval) share one loop and one request;
 * the first follower's `retry`, `visibility`, `schedule` and `random` hold for the loop.
 */
export function followQuery<Q extends Query>(source: DataSource, query: Q, onUpdate: (update: FollowUpdate<Q>) => void, options: FollowOptions): FollowHandle {
  return followWith(source, query, onUpdate, options);
}

/** `followQuery` for anything with a `query`, optionally polling with a loader of its own. */
export function followWith<Q extends Query>(source: Followable, query: Q, onUpdate: (update: FollowUpdate<Q>) => void, options: FollowOptions, loader?: PollLoader): FollowHandle {
  const follower: Follower<Q> = { onUpdate, active: true };
  if (options.signal.aborted) return { refresh: () => undefined, retryAt: undefined, loading: false };
  const intervalMs = options.intervalMs !== undefined && Number.isFinite(options.intervalMs) && options.intervalMs > 0 ? options.intervalMs : 0;
  const polls = loader ?? (source.subscribe ? POLLING.get(source.subscribe) : undefined);
  const push = !polls && intervalMs > 0 && typeof source.subscribe === 'function';
  const key = `${push ? 'push' : 'poll'}:${intervalMs}:${queryKey(query)}`;
  let bySource = loops.get(source);
  if (!bySource) loops.set(source, (bySource = new Map<string, Loop<Query>>()));
  let loop = bySource.get(key) as Loop<Q> | undefined;
  const fresh = !loop;
  if (!loop) {
    const registry = bySource;
    const load: Load<Q> = polls ? polls(query) : (asked, requestOptions) => source.query(asked, requestOptions);
    const created: Loop<Q> = new Loop(source, query, load, intervalMs, push, options, () => {
      if (registry.get(key) === (created as unknown as Loop<Query>)) registry.delete(key);
    });
    loop = created;
    bySource.set(key, created as unknown as Loop<Query>);
  }
  const shared = loop;
  shared.join(follower);
  options.signal.addEventListener('abort', () => shared.leave(follower), { once: true });
  if (fresh) shared.start();
  return {
    refresh: () => {
      if (follower.active) shared.refresh();
    },
    get retryAt() {
      return follower.active ? shared.retryAt : undefined;
    },
    get loading() {
      return follower.active && shared.loading;
    },
  };
}
