import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  type ConfigError,
  followQuery,
  toDataError,
  type DataSource,
  type FollowHandle,
  type IocDataError,
  type Query,
  type ResultFor,
  type StaleInfo,
} from '@ioc-kit/data';
import { IocDataEvent, IocErrorEvent } from './events.js';
import { MissingSettingError } from './status.js';

export { isTransient } from '@ioc-kit/data';

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

/** The query being followed, through the one refresh loop of `@ioc-kit/data`. */
interface Following {
  key: string;
  source: DataSource;
  refreshMs: number;
  stop: AbortController;
  handle: FollowHandle;
  /** The failure in force for this query (cleared by the next good result). */
  error?: IocDataError;
}

/**
 * Loads a widget's data through the data contract and `followQuery`: follows the query while
 * it, the source or the refresh interval stay the same, aborts the stale request when one
 * changes, keeps the last good result when a refresh fails, tries again on its own after a
 * failure that may pass (with backoff, `retryAt` says when), follows live sources or polls,
 * and fires `ioc-data` / `ioc-error` from the host. It holds the results; widgets read them.
 */
export class DataController<Q extends Query> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: DataControllerOptions<Q>;
  /** The newest good result of a query: as the source answered (`answer`), and with live points added since (`result`). */
  #good?: { key: string; answer: ResultFor<Q>; result: ResultFor<Q>; acceptedAt: number };
  /** Direct data with live points added since it was given (dropped when other data is given). */
  #live?: { given: ResultFor<Q>; result: ResultFor<Q> };
  #following?: Following;
  #currentQuery?: Q;
  #currentKey = '';
  #blockedReported = '';

  constructor(host: ReactiveControllerHost & HTMLElement, options: DataControllerOptions<Q>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // A re-attached widget picks up where it was; hostUpdate starts following again.
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostUpdated(): void {
    this.#reportBlocked();
  }

  hostDisconnected(): void {
    this.#unfollow();
  }

  /** Starts, restarts or stops following to match the current source, query and interval. */
  #follow(): void {
    // Live points added to direct data that has since been replaced are forgotten.
    if (this.#live && this.#live.given !== this.#options.data?.()) this.#live = undefined;
    const direct = this.#options.data?.() !== undefined;
    this.#currentQuery = direct ? undefined : this.#options.query();
    this.#currentKey = this.#currentQuery ? JSON.stringify(this.#currentQuery) : '';
    const source = direct ? undefined : this.#options.source();
    const query = this.#currentQuery;
    const refreshMs = Math.max(0, this.#options.refreshMs?.() ?? 0);
    const current = this.#following;
    if (current && source && query && this.#host.isConnected && current.key === this.#currentKey && current.source === source && current.refreshMs === refreshMs) return;
    this.#unfollow();
    if (!source || !query || !this.#host.isConnected) return;
    const stop = new AbortController();
    // Updates never come before followQuery returns: they follow a request or a microtask.
    const following = { key: this.#currentKey, source, refreshMs, stop } as Following;
    this.#following = following;
    following.handle = followQuery(
      source,
      query,
      ({ result, error }) => {
        if (this.#following !== following) return;
        if (result !== undefined) this.#accept(following, result);
        else if (error) this.#reject(following, error);
      },
      { signal: stop.signal, intervalMs: refreshMs },
    );
  }

  #unfollow(): void {
    this.#following?.stop.abort();
    this.#following = undefined;
  }

  /** Fires `ioc-error` once for a query that cannot run (no area, say), so the page hears why. */
  #reportBlocked(): void {
    const why = this.#currentQuery || this.#options.data?.() ? undefined : this.#options.blocked?.();
    const message = why && why !== 'waiting' ? why.message : '';
    if (message === this.#blockedReported) return;
    this.#blockedReported = message;
    if (why && why !== 'waiting') this.#host.dispatchEvent(new IocErrorEvent(why));
  }

  /**
   * Validates and keeps a result as the newest good data for the followed query. An answer
   * the loop hands back unchanged (the same object) only renews its age: no event, no render.
   */
  #accept(following: Following, result: ResultFor<Q>): void {
    const unchanged = following.error === undefined && this.#good?.key === following.key && this.#good.answer === result;
    if (!unchanged) {
      try {
        this.#options.validate?.(result);
      } catch (invalid) {
        this.#reject(following, toDataError(invalid));
        return;
      }
    }
    following.error = undefined;
    if (unchanged && this.#good) {
      // The same answer again keeps the live points added to it.
      this.#good.acceptedAt = Date.now();
      return;
    }
    // After a failure the same answer is shown again as it was, live points included.
    const kept = this.#good?.key === following.key && this.#good.answer === result ? this.#good.result : result;
    this.#good = { key: following.key, answer: result, result: kept, acceptedAt: Date.now() };
    this.#host.dispatchEvent(new IocDataEvent(kept));
    this.#host.requestUpdate();
  }

  #reject(following: Following, error: IocDataError): void {
    following.error = error;
    this.#host.dispatchEvent(new IocErrorEvent(error));
    this.#host.requestUpdate();
  }

  /** The follow-up of the current query, if it is being followed. */
  get #current(): Following | undefined {
    return this.#following && this.#following.key === this.#currentKey ? this.#following : undefined;
  }

  /**
   * When the next automatic attempt is due (wall-clock epoch ms), after a failure that may pass;
   * undefined when none is planned (the data or the set-up is at fault, or the widget is detached).
   */
  get retryAt(): number | undefined {
    const current = this.#current;
    return current?.error ? current.handle.retryAt : undefined;
  }

  /** The newest good result of the current query (a different query never shows old data). */
  get #lastGood(): ResultFor<Q> | undefined {
    return this.#good && this.#good.key === this.#currentKey ? this.#good.result : undefined;
  }

  /** Direct data, with the live points added to it since it was given. */
  #direct(): ResultFor<Q> | undefined {
    const given = this.#options.data?.();
    if (given === undefined) return undefined;
    return this.#live?.given === given ? this.#live.result : given;
  }

  /** The result to render: direct data, else the newest good result (live points included). */
  get value(): ResultFor<Q> | undefined {
    return this.#direct() ?? this.#lastGood;
  }

  /**
   * Replaces the result on screen with `next`, a newer version of it (e.g. with live points
   * added), which then is the value: checked like any arrival, announced with `ioc-data` and
   * rendered. The source's next answer replaces it (a reload never brings back points added to
   * the data it replaced), as does other direct data. Returns false, changing nothing, when
   * nothing is on screen to update or `next` is invalid (then `ioc-error` says why).
   *
   * `{ render: false }` leaves rendering to the caller: a chart that draws the new points
   * itself (its words and controls unchanged) spares the host a full update.
   */
  update(next: ResultFor<Q>, options: { render?: boolean } = {}): boolean {
    const given = this.#options.data?.();
    const good = given === undefined && this.#good?.key === this.#currentKey ? this.#good : undefined;
    if (given === undefined && !good) return false;
    try {
      this.#options.validate?.(next);
    } catch (invalid) {
      this.#host.dispatchEvent(new IocErrorEvent(toDataError(invalid)));
      return false;
    }
    if (given !== undefined) this.#live = { given, result: next };
    else if (good) good.result = next;
    this.#host.dispatchEvent(new IocDataEvent(next));
    if (options.render !== false) this.#host.requestUpdate();
    return true;
  }

  /** The error in force, if the last load failed or no source could be made. */
  get error(): IocDataError | undefined {
    if (this.#options.data?.()) return undefined;
    if (!this.#options.source()) return this.#options.sourceError?.();
    if (!this.#options.query()) {
      const why = this.#options.blocked?.();
      return why && why !== 'waiting' ? why : undefined;
    }
    return this.#current?.error;
  }

  /**
   * How old the data on screen is and why it was not refreshed, when it is the last good data:
   * the source served it after a failed refresh (`result.stale`), or the widget kept it when a
   * refresh failed (its age then counts from when it last arrived). Undefined for fresh data.
   */
  get staleness(): StaleInfo | undefined {
    const direct = this.#direct();
    if (direct) return staleOfResult(direct);
    const good = this.#good && this.#good.key === this.#currentKey ? this.#good : undefined;
    if (!good) return undefined;
    const reported = staleOfResult(good.result);
    const error = this.error;
    if (error && !this.loading) {
      return { ageMs: (reported?.ageMs ?? 0) + Math.max(0, Date.now() - good.acceptedAt), reason: error.message };
    }
    return reported;
  }

  /** True while a request is in flight (also when older data is on screen). */
  get loading(): boolean {
    return this.#current?.handle.loading ?? false;
  }

  get state(): DataState {
    const direct = this.#direct();
    if (direct) return this.#options.isEmpty(direct) ? 'empty' : staleOfResult(direct) ? 'stale' : 'ready';
    const value = this.#lastGood;
    if (!this.#options.source()) {
      if (this.#options.sourceError?.()) return value ? 'stale' : 'error';
      return 'pending';
    }
    if (!this.#options.query()) {
      const why = this.#options.blocked?.();
      return why === 'waiting' ? 'pending' : why ? 'error' : 'idle';
    }
    if (this.#current?.error && !this.loading) return value ? 'stale' : 'error';
    if (value) return this.#options.isEmpty(value) ? 'empty' : staleOfResult(value) ? 'stale' : 'ready';
    return 'pending';
  }

  /** Runs the query again, e.g. on a "retry" click (which replaces any planned retry). */
  refresh(): void {
    this.#current?.handle.refresh();
    this.#host.requestUpdate();
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
