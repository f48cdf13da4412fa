/**
 * `subscribe` for an NGSI-LD broker by polling that asks only for what changed.
 *
 * A series asks the temporal API again only from the start of its newest bucket that holds a
 * value (`timerel=between&timeAt=<that bucket>&endTimeAt=<to>`): that bucket is recomputed
 * with every instance it now holds, later buckets are added, and earlier ones are kept as they
 * were, so nothing is counted twice. KPIs, by-area and alerts are re-asked in full (a KPI
 * aggregates its whole period; the HTTP layer's ETag revalidation keeps an unchanged answer
 * cheap).
 *
 * NGSI-LD notifications (`POST /ngsi-ld/v1/subscriptions` with a `notification.endpoint`, see
 * `NgsiLdClient.createSubscription`) are HTTP requests from the broker to a server: a browser
 * cannot receive them. To push instead of poll, run a relay that receives the notifications and
 * re-sends them as Server-Sent Events in the ioc-kit live protocol, and read it with
 * `createLiveSource({ base: ngsiLdSource, sse: relayUrl })` (`sources/live`).
 */
import type { Query, ResultFor, SeriesData, SeriesQuery, SeriesResult } from '../../contract/query.js';
import type { ChangeListener, DataSource, RequestOptions } from '../../contract/source.js';
import { mergeWarnings } from '../../contract/warnings.js';
import { DEFAULT_POLL_INTERVAL_MS, type FollowHandle, type PollLoader } from '../../refresh/follow.js';
import { pollThrough, type PollingOptions } from '../../refresh/polling.js';

/** The start of the newest bucket with a value, over every series; undefined when there is none. */
export function newestFilledBucket(result: SeriesResult): number | undefined {
  let newest: number | undefined;
  for (const series of result.series) {
    for (let i = series.t.length - 1; i >= 0; i--) {
      const value = series.v[i];
      const time = series.t[i];
      if (value === undefined || time === undefined || !Number.isFinite(value)) continue;
      if (newest === undefined || time > newest) newest = time;
      break;
    }
  }
  return newest;
}

/**
 * The previous series up to `cut` (exclusive) followed by the fresh series from `cut` on: one
 * point per bucket, ascending, no duplicates. An area the fresh answer lacks keeps its old points.
 */
export function mergeSeries(previous: SeriesResult, fresh: SeriesResult, cut: number): SeriesResult {
  const freshByArea = new Map(fresh.series.map((series) => [series.area, series]));
  const merged: SeriesData[] = previous.series.map((old) => {
    const t: number[] = [];
    const v: number[] = [];
    for (let i = 0; i < old.t.length; i++) {
      const time = old.t[i];
      if (time === undefined || time >= cut) continue;
      t.push(time);
      v.push(old.v[i] ?? Number.NaN);
    }
    const update = freshByArea.get(old.area);
    const source = update ?? { t: Array.from(old.t).filter((time) => time >= cut), v: Array.from(old.v).filter((_, i) => (old.t[i] ?? -Infinity) >= cut) };
    for (let i = 0; i < source.t.length; i++) {
      const time = source.t[i];
      if (time === undefined || time < cut) continue;
      t.push(time);
      v.push(source.v[i] ?? Number.NaN);
    }
    return { area: old.area, t: Float64Array.from(t), v: Float64Array.from(v) };
  });
  const out: SeriesResult = { ...fresh, series: merged };
  const observedAt = fresh.observedAt ?? previous.observedAt;
  if (observedAt !== undefined) out.observedAt = observedAt;
  else delete out.observedAt;
  // Gaps kept from the earlier buckets are still explained; the recomputed bucket was read by
  // both answers, so a warning in each counts once (the larger count), not twice.
  const warnings = mergeWarnings([previous.warnings, fresh.warnings], 'max');
  if (warnings) {
    out.warnings = warnings;
    out.partial = true;
  } else delete out.warnings;
  return out;
}

/**
 * A query function that remembers its last result and, for a series, asks the source only for
 * the buckets that may have changed since (see the module comment).
 */
export function incrementalQuery<Q extends Query>(source: Pick<DataSource, 'query'>): (query: Q, options?: RequestOptions) => Promise<ResultFor<Q>> {
  let previous: SeriesResult | undefined;
  return async (query, options = {}) => {
    if (query.kind !== 'series') return source.query(query, options);
    const seriesQuery: SeriesQuery = query;
    const from = Date.parse(seriesQuery.from);
    const cut = previous ? newestFilledBucket(previous) : undefined;
    if (previous && cut !== undefined && cut > from && cut < Date.parse(seriesQuery.to)) {
      const fresh = await source.query({ ...seriesQuery, from: new Date(cut).toISOString() }, options);
      previous = mergeSeries(previous, fresh, cut);
    } else {
      previous = await source.query(seriesQuery, options);
    }
    return previous as ResultFor<Q>;
  };
}

/** Asks `source` the way `ngsiLdSubscribe` polls it: each followed query remembers its last series. */
export function incrementalLoader(source: Pick<DataSource, 'query'>): PollLoader {
  return <Q extends Query>() => incrementalQuery<Q>(source) as (query: Q, options: RequestOptions) => Promise<ResultFor<Q>>;
}

/**
 * Polls `source` for `query` through the one refresh loop, asking only for what changed (see
 * the module comment); stops when `options.signal` aborts. A failed poll hands the last good
 * result with the error.
 */
export function ngsiLdSubscribe<Q extends Query>(
  source: Pick<DataSource, 'query' | 'subscribe'>,
  query: Q,
  onChange: ChangeListener<Q>,
  options: PollingOptions = {},
): FollowHandle {
  return pollThrough(source, query, onChange, options, DEFAULT_POLL_INTERVAL_MS, incrementalLoader(source));
}
