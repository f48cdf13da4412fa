// Helpers for stories: sources that stay pending, fail, or answer fixed data, so every widget
// state can be shown without a backend.
import { HttpError, createDemoSource, withStale, type DataSource, type Query, type QueryResult, type RequestOptions, type ResultFor, type StaleInfo } from '@ioc-kit/data';

/** The stories' "now": the demo data ends here, and every story's clock reads it, whatever the date. */
export const STORY_NOW = '2026-11-24T10:00:00+07:00';

/** The demo province with a fixed "now", so stories look the same on every machine and day. */
export const demoSource: DataSource = createDemoSource({ seed: 2025, now: STORY_NOW });

const base = {
  // The same clock as the demo's: "retrying at 10:00" reads the same on every run.
  now: () => Date.parse(STORY_NOW),
  indicators: () => Promise.resolve([]),
  areas: () => Promise.resolve([]),
  boundaries: () => Promise.resolve({ type: 'FeatureCollection' as const, features: [] }),
};

/** Never answers: the widget stays in its pending state. */
export const pendingSource: DataSource = {
  ...base,
  id: 'story:pending',
  query: () => new Promise<never>(() => undefined),
};

/** Always fails the way a broker that is down fails. */
export const failingSource: DataSource = {
  ...base,
  id: 'story:failing',
  query: () => Promise.reject(new HttpError('https://broker.example.gov.vn/ngsi-ld/v1/entities', 503, 'Service Unavailable')),
};

/**
 * The demo province as a source that could not refresh: every answer is the last good data it
 * kept, marked `stale` (5 minutes old, the broker down), as an HTTP source serves it after a
 * failed refresh. The widget shows the data with its "older data" note: state `stale`. The age
 * is fixed, so the note reads the same on every run.
 */
export function staleSource(source: DataSource = demoSource, stale: StaleInfo = { ageMs: 5 * 60_000, reason: 'HTTP 503 Service Unavailable' }): DataSource {
  return {
    id: `story:stale:${source.id}`,
    indicators: (options) => source.indicators(options),
    areas: (query, options) => source.areas(query, options),
    boundaries: (query, options) => source.boundaries(query, options),
    query: async <Q extends Query>(query: Q, options?: RequestOptions): Promise<ResultFor<Q>> => withStale(await source.query<Q>(query, options), stale),
    ...(source.supports ? { supports: source.supports } : {}),
    // A wrapper keeps the clock of what it wraps: the windows end where the data does.
    ...(source.now ? { now: source.now.bind(source) } : {}),
  };
}

/** Answers every query with the given result. */
export function fixedSource(result: QueryResult): DataSource {
  return { ...base, id: 'story:fixed', query: <Q extends Query>() => Promise.resolve(result as ResultFor<Q>) };
}

export const THEMES = ['light', 'dark', 'wall', 'high-contrast'] as const;
export type Locale = 'vi' | 'en';
export const localeOf = (globals: Record<string, unknown>): Locale => (globals.locale === 'en' ? 'en' : 'vi');
