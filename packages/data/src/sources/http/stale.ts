/**
 * Carries "this is the last good data, N ms old, because the refresh failed" from the HTTP
 * layer up to a query's result (`result.stale`), for sources whose reads go through a domain
 * adapter and so cannot return it directly; and, more generally, notes per query that reads
 * deep inside an adapter leave for the result (`createQueryNotes`).
 */
import type { Query, ResultFor, StaleInfo } from '../../contract/query.js';
import type { DataSource, RequestOptions } from '../../contract/source.js';
import type { HttpResult } from '../../internal/http.js';

/** The stale note of one HTTP result: only a fallback (a failed refresh) counts. */
export function staleOf(result: Pick<HttpResult, 'cache' | 'ageMs' | 'error'>): StaleInfo | undefined {
  if (result.cache !== 'fallback') return undefined;
  return { ageMs: result.ageMs, reason: result.error?.message ?? 'the refresh failed' };
}

/** The older of two notes: a result is as stale as its oldest part. */
export function olderStale(a: StaleInfo | undefined, b: StaleInfo | undefined): StaleInfo | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.ageMs > a.ageMs ? b : a;
}

/** Adds `stale` (and `partial: true`) to a result when there is a note. */
export function withStale<R extends { partial: boolean; stale?: StaleInfo }>(result: R, stale: StaleInfo | undefined): R {
  if (!stale) return result;
  return { ...result, partial: true, stale: olderStale(result.stale, stale) };
}

export interface QueryNotes<N> {
  /** The notes of the query whose reads use `signal`, if it is one this tracker runs. */
  of(signal: AbortSignal | undefined): N | undefined;
  /**
   * Runs one query with a signal of its own (linked to the caller's `signal`), so reads deep
   * inside a domain adapter can say which query they belong to by the signal they were handed;
   * returns its answer with the notes they left.
   */
  run<T>(signal: AbortSignal | undefined, notes: N, ask: (signal: AbortSignal) => Promise<T>): Promise<{ value: T; notes: N }>;
}

/** Notes per query, kept by the signal each query's reads are handed. */
export function createQueryNotes<N extends object>(): QueryNotes<N> {
  const bySignal = new WeakMap<AbortSignal, N>();
  return {
    of: (signal) => (signal ? bySignal.get(signal) : undefined),
    async run(outer, notes, ask) {
      const controller = new AbortController();
      const onAbort = () => controller.abort(outer?.reason);
      if (outer?.aborted) controller.abort(outer.reason);
      else outer?.addEventListener('abort', onAbort, { once: true });
      bySignal.set(controller.signal, notes);
      try {
        return { value: await ask(controller.signal), notes };
      } finally {
        outer?.removeEventListener('abort', onAbort);
      }
    },
  };
}

export interface StaleTracker {
  /** Records a stale note for the query whose reads use `signal`. */
  note(signal: AbortSignal | undefined, stale: StaleInfo | undefined): void;
  /** Wraps a source so each query's result carries the notes its reads recorded. */
  wrap<S extends DataSource>(source: S): S;
}

/** Stale notes per query: a result is as stale as the oldest read it was made of. */
export function createStaleTracker(): StaleTracker {
  const notes = createQueryNotes<{ stale?: StaleInfo }>();
  return {
    note(signal, stale) {
      const entry = notes.of(signal);
      if (entry && stale) entry.stale = olderStale(entry.stale, stale);
    },
    wrap<S extends DataSource>(source: S): S {
      const query = async <Q extends Query>(q: Q, options: RequestOptions = {}): Promise<ResultFor<Q>> => {
        const { value, notes: found } = await notes.run(options.signal, {}, (signal) => source.query(q, { ...options, signal }));
        return withStale<ResultFor<Q>>(value, found.stale);
      };
      return Object.assign(Object.create(source) as S, { query });
    },
  };
}

/** `{ stale }` for a fallback result, else nothing: spread into a result literal. */
export function staleField(result: Pick<HttpResult, 'cache' | 'ageMs' | 'error'>): { stale?: StaleInfo } {
  const stale = staleOf(result);
  return stale ? { stale } : {};
}
