import type { Area, AreaQuery, BoundaryProperties, BoundaryQuery, FeatureCollection } from '../contract/areas.js';
import type { Indicator } from '../contract/catalogue.js';
import { ConfigError, UnsupportedQueryError, isAbortError, throwIfAborted } from '../contract/errors.js';
import type { Alert, AlertsResult, Query, QueryKind, ResultFor } from '../contract/query.js';
import { clockNow, type ChangeListener, type DataSource, type RequestOptions, type SubscribeOptions } from '../contract/source.js';
import { WarningCollector } from '../contract/warnings.js';
import { filterAlerts } from './alert-filter.js';
import { DEFAULT_POLL_INTERVAL_MS, pollingLoaderOf } from '../refresh/follow.js';
import { attachPolling, pollThrough } from '../refresh/polling.js';

export interface ComposeOptions {
  /** A short name for messages. Default `composite`. */
  id?: string;
}

function kindsOf(source: DataSource): readonly QueryKind[] {
  return source.supports ?? ['kpi', 'series', 'by-area', 'alerts'];
}

/**
 * One source made of several: each indicator query goes to the first source (in the order given)
 * that lists the indicator and supports the query kind; alert queries go to every source that
 * supports alerts and are merged. `indicators()` is the union (first source wins on a duplicate
 * id); `areas()` merges by code and validity (first source wins); `boundaries()` comes from the
 * first source that returns features. A source that fails while listing is skipped so one broken
 * system does not blank the whole screen; the results then say `partial`.
 */
export function composeSources(sources: readonly DataSource[], options: ComposeOptions = {}): DataSource {
  if (sources.length === 0) throw new ConfigError('composeSources() needs at least one source.');
  const id = options.id ?? 'composite';
  let routes: Promise<Map<string, DataSource[]>> | undefined;

  async function settle<T>(tasks: readonly Promise<T>[], signal?: AbortSignal): Promise<{ values: T[]; failed: unknown[] }> {
    const settled = await Promise.allSettled(tasks);
    throwIfAborted(signal);
    const values: T[] = [];
    const failed: unknown[] = [];
    for (const outcome of settled) {
      if (outcome.status === 'fulfilled') values.push(outcome.value);
      else if (isAbortError(outcome.reason)) throw outcome.reason;
      else failed.push(outcome.reason);
    }
    return { values, failed };
  }

  function routing(requestOptions: RequestOptions): Promise<Map<string, DataSource[]>> {
    routes ??= (async () => {
      const map = new Map<string, DataSource[]>();
      const lists = await Promise.all(sources.map((source) => source.indicators(requestOptions).catch((): readonly Indicator[] => [])));
      lists.forEach((list, i) => {
        const source = sources[i];
        if (!source) return;
        for (const indicator of list) map.set(indicator.id, [...(map.get(indicator.id) ?? []), source]);
      });
      return map;
    })();
    // A failed or aborted listing must not poison later queries.
    routes.catch(() => (routes = undefined));
    return routes;
  }

  const composite: DataSource = {
    id,
    supports: [...new Set(sources.flatMap(kindsOf))],
    // The first part with a clock of its own sets the composite's present.
    ...(sources.some((source) => typeof source.now === 'function')
      ? { now: () => clockNow(undefined, sources.find((source) => typeof source.now === 'function')) }
      : {}),
    async indicators(requestOptions = {}) {
      const { values } = await settle(sources.map((source) => source.indicators(requestOptions)), requestOptions.signal);
      const seen = new Map<string, Indicator>();
      for (const list of values) for (const indicator of list) if (!seen.has(indicator.id)) seen.set(indicator.id, indicator);
      return [...seen.values()];
    },
    async areas(query: AreaQuery, requestOptions = {}) {
      const { values } = await settle(sources.map((source) => source.areas(query, requestOptions)), requestOptions.signal);
      const seen = new Map<string, Area>();
      for (const list of values) for (const area of list) {
        const key = `${area.code}|${area.validFrom ?? ''}|${area.validTo ?? ''}`;
        if (!seen.has(key)) seen.set(key, area);
      }
      return [...seen.values()];
    },
    async boundaries(query: BoundaryQuery, requestOptions = {}): Promise<FeatureCollection<BoundaryProperties>> {
      for (const source of sources) {
        throwIfAborted(requestOptions.signal);
        try {
          const collection = await source.boundaries(query, requestOptions);
          if (collection.features.length > 0) return collection;
        } catch (error) {
          if (isAbortError(error)) throw error;
        }
      }
      return { type: 'FeatureCollection', features: [] };
    },
    async query<Q extends Query>(query: Q, requestOptions: RequestOptions = {}): Promise<ResultFor<Q>> {
      throwIfAborted(requestOptions.signal);
      if (query.kind === 'alerts') {
        const alerting = sources.filter((source) => kindsOf(source).includes('alerts'));
        if (alerting.length === 0) throw new UnsupportedQueryError(id, 'alerts');
        const settled = await Promise.allSettled(alerting.map((source) => source.query(query, requestOptions)));
        throwIfAborted(requestOptions.signal);
        const values: AlertsResult[] = [];
        const failed: { source: DataSource; error: unknown }[] = [];
        settled.forEach((outcome, i) => {
          const source = alerting[i];
          if (!source) return;
          if (outcome.status === 'fulfilled') values.push(outcome.value as AlertsResult);
          else if (isAbortError(outcome.reason)) throw outcome.reason;
          else failed.push({ source, error: outcome.reason });
        });
        if (values.length === 0 && failed.length > 0) {
          const first = failed[0]?.error;
          throw first instanceof Error ? first : new Error(String(first));
        }
        const merged: Alert[] = values.flatMap((result) => result.alerts);
        const result: AlertsResult = { kind: 'alerts', alerts: filterAlerts(merged, query), partial: failed.length > 0 || values.some((r) => r.partial) };
        // The parts resolved their alerts' areas; the composite keeps those of the alerts it kept (first part wins).
        const known = new Map<string, Area>();
        for (const part of values) for (const area of part.areas ?? []) if (!known.has(area.code)) known.set(area.code, area);
        const areas = [...new Set(result.alerts.flatMap((alert) => (alert.area ? [alert.area] : [])))].flatMap((code) => known.get(code) ?? []);
        if (areas.length > 0) result.areas = areas;
        // Each part's warnings, plus one for each source that failed, so "partial" says why.
        const warnings = new WarningCollector();
        for (const part of values) warnings.addAll(part.warnings);
        for (const { source, error } of failed) {
          warnings.add({ code: 'source-failed', entity: source.id, message: `${source.id}: ${error instanceof Error ? error.message : String(error)}; its alerts are missing` });
        }
        const list = warnings.list();
        if (list) {
          result.warnings = list;
          result.partial = true;
        }
        return result as ResultFor<Q>;
      }
      const candidates = (await routing(requestOptions)).get(query.indicator) ?? [];
      const source = candidates.find((candidate) => kindsOf(candidate).includes(query.kind));
      if (!source) throw new UnsupportedQueryError(id, `"${query.kind}" for indicator "${query.indicator}" (no source lists it)`);
      return source.query(query, requestOptions);
    },
  };
  const following = sources.filter((source) => source.subscribe !== undefined);
  if (following.length > 0 && following.every((source) => pollingLoaderOf(source) !== undefined)) {
    // Every part only polls: the composite is polled as one source, one request per poll.
    attachPolling(composite);
  } else if (following.length > 0) {
    composite.subscribe = <Q extends Query>(query: Q, onChange: ChangeListener<Q>, subscribeOptions: SubscribeOptions = {}) => {
      const pick = async (): Promise<DataSource | undefined> => {
        if (query.kind === 'alerts') return sources.find((s) => s.subscribe !== undefined && kindsOf(s).includes('alerts'));
        return ((await routing(subscribeOptions)).get(query.indicator) ?? []).find((s) => kindsOf(s).includes(query.kind));
      };
      pick().then(
        (source) => {
          const loader = pollingLoaderOf(source);
          // The follower already asked the composite once; a part that only polls waits a period before its first poll.
          if (source && loader) pollThrough(source, query, onChange, subscribeOptions, DEFAULT_POLL_INTERVAL_MS, loader, true);
          else if (source?.subscribe) source.subscribe(query, onChange, subscribeOptions);
          else onChange(undefined, new UnsupportedQueryError(id, `live updates for "${query.kind}"`));
        },
        (error: unknown) => onChange(undefined, error),
      );
    };
  }
  return composite;
}
