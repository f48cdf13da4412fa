/**
 * `subscribe` for sources that cannot push: polls `query` at an interval. Never two requests at
 * once (the next one is scheduled only when the last has settled), pauses while the page is
 * hidden (when there is a page: the data package must run without a DOM, so `document` is only
 * looked up on `globalThis`), backs off when requests keep failing, and hands the last good
 * result along with each error.
 */
import { isAbortError, toDataError } from '../contract/errors.js';
import type { Query, ResultFor } from '../contract/query.js';
import type { ChangeListener, DataSource, SubscribeOptions } from '../contract/source.js';
import { backoffDelay } from '../sources/live/backoff.js';

/** Whether results are wanted now; a page's visibility by default. */
export interface VisibilitySignal {
  hidden(): boolean;
  /** Calls back when visibility changes; returns the function that stops listening. */
  onChange(callback: () => void): () => void;
}

export interface PollingOptions extends SubscribeOptions {
  /** Time between the end of one request and the start of the next, ms. Default 60 000. */
  intervalMs?: number;
  /** After failures in a row the wait grows up to this, ms. Default 10 × interval (at most 15 min). */
  maxBackoffMs?: number;
  /** Ask at once (default) or only after the first interval. */
  immediate?: boolean;
  /** Visibility to follow; default: `globalThis.document` when it exists, else always visible. */
  visibility?: VisibilitySignal;
  /** Schedules a call; injectable for tests. Returns the function that cancels it. */
  schedule?: (ms: number, callback: () => void) => () => void;
  random?: () => number;
}

/** What a running poll exposes. */
export interface PollingHandle {
  /** The last good result, if any. */
  readonly last: unknown;
  /** Failed requests in a row. */
  readonly failures: number;
  /** Polls now (unless a request is in flight). */
  refresh(): void;
}

export const DEFAULT_POLL_INTERVAL_MS = 60_000;

interface DocumentLike {
  visibilityState?: unknown;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

function isDocumentLike(value: unknown): value is DocumentLike {
  return typeof value === 'object' && value !== null && typeof (value as { addEventListener?: unknown }).addEventListener === 'function' && 'visibilityState' in value;
}

/** The page's visibility when there is a page; otherwise always visible (Node, workers). */
export function pageVisibility(): VisibilitySignal {
  const doc: unknown = Reflect.get(globalThis, 'document');
  if (!isDocumentLike(doc)) return { hidden: () => false, onChange: () => () => undefined };
  return {
    hidden: () => doc.visibilityState === 'hidden',
    onChange(callback) {
      doc.addEventListener('visibilitychange', callback);
      return () => doc.removeEventListener('visibilitychange', callback);
    },
  };
}

const defaultSchedule = (ms: number, callback: () => void) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

/**
 * Polls `source.query(query)` and calls `onChange(result)` with each result, or
 * `onChange(lastGood, error)` when a request fails (the polling goes on, slower). Stops when
 * `options.signal` aborts, aborting any request in flight.
 */
export function pollingSubscribe<Q extends Query>(
  source: Pick<DataSource, 'query'>,
  query: Q,
  onChange: ChangeListener<Q>,
  options: PollingOptions = {},
): PollingHandle {
  const intervalMs = Math.max(1, options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS);
  const maxBackoffMs = Math.max(intervalMs, options.maxBackoffMs ?? Math.min(10 * intervalMs, 15 * 60_000));
  const visibility = options.visibility ?? pageVisibility();
  const schedule = options.schedule ?? defaultSchedule;
  const signal = options.signal;
  let last: ResultFor<Q> | undefined;
  let failures = 0;
  let inFlight: AbortController | undefined;
  let cancelTimer: (() => void) | undefined;
  /** A tick fell while the page was hidden: poll as soon as it shows again. */
  let dueWhileHidden = false;
  let stopped = false;

  const emit = (result: ResultFor<Q> | undefined, error?: unknown) => {
    if (stopped) return;
    try {
      if (error === undefined) onChange(result);
      else onChange(result, error);
    } catch {
      // The listener's own failure is not a failed poll.
    }
  };

  const next = () => {
    if (stopped) return;
    const delay = failures === 0 ? intervalMs : Math.max(intervalMs, backoffDelay(failures - 1, { baseMs: intervalMs * 2, maxMs: maxBackoffMs, ...(options.random ? { random: options.random } : {}) }));
    cancelTimer = schedule(delay, tick);
  };

  const tick = () => {
    cancelTimer = undefined;
    if (stopped || inFlight) return;
    if (visibility.hidden()) {
      dueWhileHidden = true;
      return;
    }
    const controller = new AbortController();
    inFlight = controller;
    source.query(query, { signal: controller.signal }).then(
      (result) => {
        inFlight = undefined;
        if (stopped) return;
        failures = 0;
        last = result;
        emit(result);
        next();
      },
      (error: unknown) => {
        inFlight = undefined;
        if (stopped || isAbortError(error)) return;
        failures++;
        emit(last, toDataError(error));
        next();
      },
    );
  };

  const stopListening = visibility.onChange(() => {
    if (stopped || visibility.hidden() || !dueWhileHidden) return;
    dueWhileHidden = false;
    tick();
  });

  const stop = () => {
    stopped = true;
    cancelTimer?.();
    inFlight?.abort();
    stopListening();
  };

  if (signal?.aborted) stop();
  else {
    signal?.addEventListener('abort', stop, { once: true });
    if (options.immediate === false) next();
    else tick();
  }

  return {
    get last() {
      return last;
    },
    get failures() {
      return failures;
    },
    refresh() {
      if (stopped || inFlight) return;
      cancelTimer?.();
      tick();
    },
  };
}

/**
 * Gives a source that cannot push a polling `subscribe` (kept as it is when it has one).
 * The widget's `intervalMs` wins over `defaults.intervalMs`.
 */
export function withPolling<S extends DataSource>(source: S, defaults: Omit<PollingOptions, 'signal'> = {}): S {
  if (source.subscribe) return source;
  const subscribe = <Q extends Query>(query: Q, onChange: ChangeListener<Q>, options: SubscribeOptions = {}): void => {
    pollingSubscribe(source, query, onChange, { ...defaults, ...options, intervalMs: options.intervalMs ?? defaults.intervalMs ?? DEFAULT_POLL_INTERVAL_MS });
  };
  return Object.assign(Object.create(source) as S, { subscribe });
}
