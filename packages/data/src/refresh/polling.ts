/**
 * `subscribe` for sources that cannot push, as a use of the one loop (`followQuery`): the
 * source's `subscribe` polls through it, and `followQuery` on such a source polls it directly
 * (one loop, shared with every other follower of the same query).
 */
import type { Query, ResultFor } from '../contract/query.js';
import type { ChangeListener, DataSource, SubscribeOptions } from '../contract/source.js';
import { DEFAULT_POLL_INTERVAL_MS, followWith, markPolling, type FollowHandle, type FollowOptions, type FollowUpdate, type PollLoader } from './follow.js';

/** Test hooks a subscriber may pass along with `SubscribeOptions`. */
export type PollingOptions = SubscribeOptions & Partial<Pick<FollowOptions, 'visibility' | 'schedule' | 'random' | 'retry'>>;

/**
 * The loop's updates as a `ChangeListener` expects them: each result that differs from the last
 * one delivered (the loop hands an unchanged answer back as the same object), or that ends a
 * run of failures, and the last good result with each error.
 */
export function changesTo<Q extends Query>(onChange: ChangeListener<Q>): (update: FollowUpdate<Q>) => void {
  let last: ResultFor<Q> | undefined;
  let failing = false;
  return (update) => {
    if (update.error !== undefined) {
      failing = true;
      onChange(last, update.error);
      return;
    }
    if (update.result === undefined || (update.result === last && !failing)) return;
    failing = false;
    last = update.result;
    onChange(update.result);
  };
}

/** Subscribes `onChange` to polls of `source` through the loop (with `loader`, when the source asks in a way of its own). */
export function pollThrough<Q extends Query>(
  source: Pick<DataSource, 'query' | 'subscribe'> & { readonly id?: string },
  query: Q,
  onChange: ChangeListener<Q>,
  options: PollingOptions,
  defaultIntervalMs: number,
  loader?: PollLoader,
  deferFirst = false,
): FollowHandle {
  const { signal, intervalMs, ...hooks } = options;
  return followWith(source, query, changesTo(onChange), { ...hooks, signal: signal ?? new AbortController().signal, intervalMs: intervalMs ?? defaultIntervalMs }, loader, deferFirst);
}

/**
 * Gives `source` a polling `subscribe` (every `intervalMs` the subscriber asks for, else
 * `defaults.intervalMs`), marked so that `followQuery` polls the source itself. Returns `source`.
 */
export function attachPolling<S extends DataSource>(source: S, defaults: { intervalMs?: number; loader?: PollLoader } = {}): S {
  const defaultIntervalMs = defaults.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const subscribe = <Q extends Query>(query: Q, onChange: ChangeListener<Q>, options: SubscribeOptions = {}): void => {
    pollThrough(source, query, onChange, options, defaultIntervalMs, defaults.loader);
  };
  markPolling(subscribe, defaults.loader ?? (<Q extends Query>() => (asked: Q, requestOptions: Parameters<DataSource['query']>[1]) => source.query(asked, requestOptions)));
  source.subscribe = subscribe;
  return source;
}

/** `source` with a polling `subscribe`, unless it has one (then it is returned as it is). */
export function withPolling<S extends DataSource>(source: S, defaults: { intervalMs?: number } = {}): S {
  if (source.subscribe) return source;
  return attachPolling(Object.create(source) as S, defaults);
}
