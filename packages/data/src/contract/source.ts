import type { Area, AreaQuery, BoundaryProperties, BoundaryQuery, FeatureCollection } from './areas.js';
import type { Indicator } from './catalogue.js';
import type { Query, QueryKind, ResultFor } from './query.js';

export interface RequestOptions {
  /** Aborts the request; a widget aborts the old query when it asks a new one. */
  signal?: AbortSignal;
}

export interface SubscribeOptions extends RequestOptions {
  /** For sources that cannot push: how often to poll, in milliseconds. */
  intervalMs?: number;
}

/** Called with each new result of a subscription, or with an error (the subscription goes on). */
export type ChangeListener<Q extends Query> = (result: ResultFor<Q> | undefined, error?: unknown) => void;

/**
 * What every source implements: areas, boundaries, the indicators it can answer, and queries.
 * Sources never touch the DOM.
 */
export interface DataSource {
  /** A short name for messages, e.g. `demo`, `ngsi-ld:https://broker.example`. */
  readonly id: string;
  /** Indicators this source can answer. */
  indicators(options?: RequestOptions): Promise<readonly Indicator[]>;
  areas(query: AreaQuery, options?: RequestOptions): Promise<readonly Area[]>;
  boundaries(query: BoundaryQuery, options?: RequestOptions): Promise<FeatureCollection<BoundaryProperties>>;
  query<Q extends Query>(query: Q, options?: RequestOptions): Promise<ResultFor<Q>>;
  /**
   * Present on sources that can push (SSE, WebSocket, a relay of NGSI-LD notifications) or
   * poll. Widgets and pages follow a query with `followQuery`, which uses this for pushing
   * sources and polls the others itself (one loop, one request, whoever follows).
   */
  subscribe?<Q extends Query>(query: Q, onChange: ChangeListener<Q>, options?: SubscribeOptions): void;
  /** Query kinds this source answers; others reject with `UnsupportedQueryError`. */
  readonly supports?: readonly QueryKind[];
  /**
   * The source's own clock (epoch ms), for sources whose data has a present of its own: the
   * demo's fixed `now`, a replay of a past week. Widgets take "the last 48 hours", "today" and
   * "same period last year" from the provider's `now`, else from this, else from the wall clock
   * (see `clockNow`). Absent on sources that serve live systems.
   */
  now?(): number;
}

/**
 * The one clock every widget reads "now" from: a pinned time (`<ioc-provider now>`) when given,
 * else the source's own clock when it has one, else the wall clock. A non-finite pinned time or
 * a clock that throws or answers nonsense falls through to the next.
 */
export function clockNow(pinned?: number, source?: Pick<DataSource, 'now'>): number {
  if (pinned !== undefined && Number.isFinite(pinned)) return pinned;
  if (typeof source?.now === 'function') {
    try {
      const own = source.now();
      if (typeof own === 'number' && Number.isFinite(own)) return own;
    } catch {
      // A broken clock is no reason to show nothing: the wall clock answers.
    }
  }
  return Date.now();
}

/** Looks up an indicator in a list, or undefined. */
export function findIndicator(list: readonly Indicator[], id: string): Indicator | undefined {
  return list.find((indicator) => indicator.id === id);
}
