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
} from '@ioc-kit/data';
import { IocDataEvent, IocErrorEvent } from './events.js';

/**
 * What a widget shows: `idle` (nothing asked yet), `pending` (loading, nothing to show),
 * `ready`, `empty` (loaded, no values), `stale` (a refresh failed; last good data shown)
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
  /** Data given directly to the widget; when set, no source is asked. */
  data?: () => ResultFor<Q> | undefined;
  /** Whether a result has nothing to show. */
  isEmpty: (result: ResultFor<Q>) => boolean;
  /** Checks a result before it is shown; throws a `ValidationError` to reject it. */
  validate?: (result: ResultFor<Q>) => void;
}

/**
 * Loads a widget's data through the data contract: runs the query when it or the source
 * changes, aborts the stale request, keeps the last good result when a refresh fails, and
 * fires `ioc-data` / `ioc-error` from the host.
 */
export class DataController<Q extends Query> implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: DataControllerOptions<Q>;
  private readonly task: Task<[DataSource | undefined, string], ResultFor<Q> | undefined>;
  private good?: { key: string; result: ResultFor<Q> };
  private lastError?: IocDataError;
  private currentQuery?: Q;
  private currentKey = '';

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
        this.options.validate?.(result);
        this.good = { key, result };
        return result;
      },
      onComplete: (result) => {
        if (result === undefined) return;
        this.lastError = undefined;
        this.host.dispatchEvent(new IocDataEvent(result));
      },
      onError: (error) => {
        if (isAbortError(error)) return;
        this.lastError = toDataError(error);
        this.host.dispatchEvent(new IocErrorEvent(this.lastError));
      },
    });
  }

  hostConnected(): void {}

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
    return this.task.status === TaskStatus.ERROR ? this.lastError : undefined;
  }

  /** True while a request is in flight (also when older data is on screen). */
  get loading(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  get state(): DataState {
    const direct = this.options.data?.();
    if (direct) return this.options.isEmpty(direct) ? 'empty' : 'ready';
    if (!this.options.source()) {
      const sourceError = this.options.sourceError?.();
      if (sourceError) return this.lastGood ? 'stale' : 'error';
      return 'pending';
    }
    if (!this.options.query()) return 'idle';
    const value = this.lastGood;
    switch (this.task.status) {
      case TaskStatus.ERROR:
        return value ? 'stale' : 'error';
      case TaskStatus.COMPLETE:
        return value && !this.options.isEmpty(value) ? 'ready' : 'empty';
      default:
        return value ? (this.options.isEmpty(value) ? 'empty' : 'ready') : 'pending';
    }
  }

  /** Runs the query again, e.g. on a polling tick or a "retry" click. */
  refresh(): void {
    void this.task.run();
  }
}

/** A clear error for a widget that is missing a required attribute. */
export function missing(what: string, tag: string): ConfigError {
  return new ConfigError(`<${tag}> needs ${what}.`);
}
