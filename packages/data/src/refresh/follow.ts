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
  const first = retry.firstMs ?? RETRY_FIRST_MS;
  const max = Math.max(first, retry.maxMs ?? RETRY_MAX_MS);
  const base = Math.min(max, first * 2 ** Math.min(30, failures - 1));
  return Math.min(max, Math.round(base * (0.9 + 0.2 * random())));
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

/** The loader of a source whose `subscribe` only polls (see `markPolling`), else undefined. */
export function pollingLoaderOf(source: Pick<DataSource, 'subscribe'> | undefined): PollLoader | undefined {
  return source?.subscribe ? POLLING.get(source.subscribe) : undefined;
}

const defaultSchedule = (ms: number, callback: () => void) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

/** A result as text, to tell a changed result from the same one asked again; undefined when it cannot be written out (then it is always news). */
export function fingerprint(value: unknown): string | undefined {
  try {
    // A Float64Array is written as an object of its values: enough to compare two answers.
    return JSON.stringify(value);
  } catch {
    return undefined;
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

/** One loop: its followers, its request in flight, its timer, and what it last heard. */
interface Loop<Q extends Query> {
  readonly loading: boolean;
  readonly retryAt: number | undefined;
  start(): void;
  join(follower: Follower<Q>): void;
  leave(follower: Follower<Q>): void;
  refresh(): void;
}

const loops = new WeakMap<object, Map<string, Loop<Query>>>();

// A closure rather than a class: its state minifies to short local names in every widget's bundle.
function createLoop<Q extends Query>(
  source: Followable,
  query: Q,
  load: Load<Q>,
  intervalMs: number,
  push: boolean,
  options: FollowOptions,
  forget: () => void,
  deferFirst = false,
): Loop<Q> {
  const followers = new Set<Follower<Q>>();
  const subscription = new AbortController();
  const visibility = options.visibility ?? pageVisibility();
  const schedule = options.schedule ?? defaultSchedule;
  const random = options.random ?? Math.random;
  let inFlight: AbortController | undefined;
  let result: ResultFor<Q> | undefined;
  let printed: string | undefined;
  let error: IocDataError | undefined;
  let failures = 0;
  let cancelTimer: (() => void) | undefined;
  let plannedRetryAt: number | undefined;
  /** A poll or retry fell due while the page was hidden: ask as soon as it shows again. */
  let due = false;
  let stopped = false;
  let stopListening: () => void = () => undefined;

  const deliverAll = (update: FollowUpdate<Q>) => {
    for (const follower of [...followers]) deliver(follower, update);
  };

  const clearTimer = () => {
    cancelTimer?.();
    cancelTimer = undefined;
    plannedRetryAt = undefined;
  };

  const plan = (ms: number, retryAt: number | undefined) => {
    clearTimer();
    plannedRetryAt = retryAt;
    cancelTimer = schedule(ms, () => {
      cancelTimer = undefined;
      if (stopped) return;
      if (visibility.hidden()) due = true;
      else ask();
    });
  };

  const planPoll = () => {
    if (!push && intervalMs > 0 && !cancelTimer) plan(intervalMs, undefined);
  };

  const succeed = (answer: ResultFor<Q>) => {
    // An answer equal to the last one is handed on as that same object.
    const print = fingerprint(answer);
    if (result === undefined || print === undefined || print !== printed) {
      result = answer;
      printed = print;
    }
    error = undefined;
    failures = 0;
    clearTimer();
    deliverAll({ result });
    planPoll();
  };

  const fail = (failure: IocDataError) => {
    error = failure;
    failures++;
    if (isTransient(failure)) {
      const delay = retryDelay(failures, options.retry, random);
      plan(delay, Date.now() + delay);
    } else {
      clearTimer();
      planPoll();
    }
    deliverAll({ error: failure, retryAt: plannedRetryAt });
  };

  /** Starts a request unless one is in flight; replaces any planned poll or retry. */
  function ask(): void {
    if (stopped || inFlight) return;
    clearTimer();
    const controller = new AbortController();
    inFlight = controller;
    // A loader that throws at once fails like one that rejects.
    new Promise<ResultFor<Q>>((resolve) => resolve(load(query, { signal: controller.signal }))).then(
      (answer) => {
        if (inFlight !== controller) return;
        inFlight = undefined;
        succeed(answer);
      },
      (thrown: unknown) => {
        if (inFlight !== controller) return;
        inFlight = undefined;
        // An abort nobody here asked for is no news: keep polling.
        if (isAbortError(thrown)) planPoll();
        else fail(toDataError(thrown));
      },
    );
  }

  const pushed = (answer: ResultFor<Q> | undefined, thrown: unknown) => {
    if (stopped) return;
    if (answer === undefined) return fail(toDataError(thrown ?? new ConfigError(`${source.id ?? 'A source'} pushed an empty update.`)));
    // A pushed result is newer than the answer of a request still on its way: that one is dropped.
    inFlight?.abort();
    inFlight = undefined;
    succeed(answer);
  };

  return {
    get loading() {
      return inFlight !== undefined;
    },
    get retryAt() {
      return plannedRetryAt;
    },
    start() {
      stopListening = visibility.onChange(() => {
        if (stopped || !due || visibility.hidden()) return;
        due = false;
        ask();
      });
      // A loop started for someone who already holds the first answer (a composite's own loop) waits a period instead.
      if (deferFirst && !push && intervalMs > 0) planPoll();
      else ask();
      if (!push) return;
      try {
        source.subscribe?.(query, pushed, { signal: subscription.signal, intervalMs });
      } catch (thrown) {
        fail(toDataError(thrown));
      }
    },
    join(follower) {
      followers.add(follower);
      if (result === undefined && error === undefined) return;
      // A late follower gets what the others already have, then whatever comes next.
      queueMicrotask(() => {
        if (result !== undefined) deliver(follower, { result });
        if (error !== undefined) deliver(follower, { error, retryAt: plannedRetryAt });
      });
      // After a failure with nothing planned, a new follower is a new reason to ask.
      if (error !== undefined && !inFlight && !cancelTimer) ask();
    },
    leave(follower) {
      follower.active = false;
      followers.delete(follower);
      if (followers.size > 0) return;
      stopped = true;
      clearTimer();
      inFlight?.abort();
      inFlight = undefined;
      subscription.abort();
      stopListening();
      forget();
    },
    refresh() {
      if (stopped) return;
      due = false;
      ask();
    },
  };
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
export function followWith<Q extends Query>(
  source: Followable,
  query: Q,
  onUpdate: (update: FollowUpdate<Q>) => void,
  options: FollowOptions,
  loader?: PollLoader,
  deferFirst = false,
): FollowHandle {
  const follower: Follower<Q> = { onUpdate, active: !options.signal.aborted };
  const handle: FollowHandle = {
    refresh: () => {
      if (follower.active) shared?.refresh();
    },
    get retryAt() {
      return follower.active ? shared?.retryAt : undefined;
    },
    get loading() {
      return follower.active && shared?.loading === true;
    },
  };
  let shared: Loop<Q> | undefined;
  if (!follower.active) return handle;
  const asked = options.intervalMs ?? 0;
  const intervalMs = asked > 0 && asked < Infinity ? asked : 0;
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
    const created: Loop<Q> = createLoop(source, query, load, intervalMs, push, options, () => {
      if (registry.get(key) === (created as unknown as Loop<Query>)) registry.delete(key);
    }, deferFirst);
    loop = created;
    bySource.set(key, created);
  }
  const joined = (shared = loop);
  joined.join(follower);
  options.signal.addEventListener('abort', () => joined.leave(follower), { once: true });
  if (fresh) joined.start();
  return handle;
}
