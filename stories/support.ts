// Helpers for stories: sources that stay pending, fail, or answer fixed data, so every widget
// state can be shown without a backend.
import { HttpError, createDemoSource, type DataSource, type Query, type QueryResult, type ResultFor } from '@ioc-kit/data';

/** The demo province with a fixed "now", so stories look the same on every machine and day. */
export const demoSource: DataSource = createDemoSource({ seed: 2025, now: '2026-11-24T10:00:00+07:00' });

const base = {
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

/** Answers every query with the given result. */
export function fixedSource(result: QueryResult): DataSource {
  return { ...base, id: 'story:fixed', query: <Q extends Query>() => Promise.resolve(result as ResultFor<Q>) };
}

export const THEMES = ['light', 'dark', 'wall', 'high-contrast'] as const;
export type Locale = 'vi' | 'en';
export const localeOf = (globals: Record<string, unknown>): Locale => (globals.locale === 'en' ? 'en' : 'vi');
