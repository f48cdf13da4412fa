/**
 * The characterisation of the demo source: a fixed set of queries whose answers were recorded
 * (in `demo-results.json`, by `record-snapshot.ts`) from the demo source as it was before it
 * moved behind the domain adapter. Every story's pixel baseline depends on these numbers, so
 * the test beside this file keeps them equal.
 */
import type { Query, QueryResult, TimeGrain } from '../../../contract/query.js';

export const SNAPSHOT_SEED = 2025;
/** A pinned clock half-way through an hour, as the stories and the demo's tests use. */
export const SNAPSHOT_NOW = '2026-11-24T10:30:00+07:00';

/** One indicator per kind of model and aggregation (mean, sum, max, last, weighted means, stocks, hourly AQI). */
const INDICATORS = [
  'environment.pm25',
  'environment.aqi',
  'environment.rainfall',
  'environment.water-level',
  'environment.wqi',
  'governance.dossiers-on-time',
  'governance.dossiers-late',
  'economy.budget-revenue',
  'economy.budget-revenue-plan',
  'mobility.parking-free',
  'mobility.mean-speed',
  'living.streetlight-faults',
  'living.bed-occupancy',
  'citizens.unemployment',
] as const;

const GRAINS: readonly TimeGrain[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];
/** Today's province and communes; a district and an old commune from before 1 July 2025. */
const TODAY_AREAS = ['90', '90001', '90007'];
const DISTRICT = '901';

/** Series windows per grain: long enough to cross month, year and reorganisation boundaries. */
const WINDOWS: Record<TimeGrain, { from: string; to: string }> = {
  hour: { from: '2026-11-22T20:00:00+07:00', to: '2026-11-24T14:00:00+07:00' },
  day: { from: '2026-10-20', to: '2026-11-26' },
  week: { from: '2026-06-01', to: '2026-11-30' },
  month: { from: '2024-11-01', to: '2026-12-01' },
  quarter: { from: '2023-01-01', to: '2027-01-01' },
  year: { from: '2020-01-01', to: '2027-01-01' },
};

export function snapshotQueries(oldCommune: string): Query[] {
  const queries: Query[] = [];
  for (const indicator of INDICATORS) {
    for (const grain of GRAINS) {
      queries.push({ kind: 'series', indicator, areas: TODAY_AREAS, grain, ...WINDOWS[grain] });
      for (const area of ['90', '90001']) queries.push({ kind: 'kpi', indicator, area, grain });
      queries.push({ kind: 'kpi', indicator, area: '90', grain, at: '2026-02-10T08:15:00+07:00' });
      queries.push({ kind: 'kpi', indicator, area: DISTRICT, grain, at: '2024-05-10T12:00:00+07:00' });
    }
    queries.push({ kind: 'kpi', indicator, area: oldCommune, grain: 'day', at: '2024-05-10' });
    queries.push({ kind: 'kpi', indicator, area: '90001', grain: 'day', at: '2019-06-01' });
    // Before the reorganisation, a district and an old commune; a window that crosses it.
    queries.push({ kind: 'series', indicator, areas: [DISTRICT, oldCommune], grain: 'day', from: '2024-04-20', to: '2024-05-20' });
    queries.push({ kind: 'series', indicator, areas: ['90', DISTRICT], grain: 'month', from: '2024-01-01', to: '2025-12-01' });
    queries.push({ kind: 'series', indicator, areas: ['90001'], grain: 'day', from: '2026-11-23T12:00:00+07:00', to: '2026-11-24T12:00:00+07:00' });
    for (const grain of ['hour', 'day', 'month', 'year'] as const) queries.push({ kind: 'by-area', indicator, level: 'commune', grain });
    queries.push({ kind: 'by-area', indicator, level: 'commune', grain: 'day', at: '2026-03-03T09:00:00+07:00' });
    queries.push({ kind: 'by-area', indicator, level: 'district', grain: 'month', at: '2024-06-15' });
    queries.push({ kind: 'by-area', indicator, level: 'commune', parent: DISTRICT, grain: 'day', at: '2024-06-15' });
    queries.push({ kind: 'by-area', indicator, level: 'province', grain: 'quarter' });
  }
  queries.push(
    { kind: 'alerts' },
    { kind: 'alerts', from: '2026-01-01' },
    { kind: 'alerts', from: '2026-06-01', to: '2026-09-01' },
    { kind: 'alerts', from: '2026-01-01', minSeverity: 'high' },
    { kind: 'alerts', from: '2026-01-01', domain: 'environment' },
    { kind: 'alerts', from: '2026-01-01', domain: 'mobility', limit: 5 },
    { kind: 'alerts', status: ['open', 'acknowledged'] },
    { kind: 'alerts', from: '2026-01-01', area: '90001' },
    { kind: 'alerts', from: '2026-01-01', area: '90' },
    { kind: 'alerts', from: '2025-01-01', area: DISTRICT },
    { kind: 'alerts', from: '2025-01-01', area: oldCommune },
    { kind: 'alerts', from: '2024-03-01', to: '2024-04-01' },
    { kind: 'alerts', limit: 3 },
  );
  return queries;
}

/** JSON with sorted keys, so that two equal values give the same text whatever order their fields were set in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Float64Array) return Array.from(v);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

/**
 * A result as plain JSON: typed arrays as lists, NaN as null. `areas` (resolved areas, added
 * after the snapshot was recorded) is left out: it is tested on its own. Alerts are many and
 * wordy: a list is kept as its length, its first three alerts and a SHA-256 of all of it.
 */
export async function plainResult(result: QueryResult, sha256: (text: string) => Promise<string>): Promise<unknown> {
  const { areas: _areas, ...rest } = result;
  if (rest.kind === 'alerts') {
    const { alerts, ...others } = rest;
    const plain = JSON.parse(canonicalJson(others)) as Record<string, unknown>;
    return { ...plain, count: alerts.length, head: JSON.parse(canonicalJson(alerts.slice(0, 3))) as unknown, sha256: await sha256(canonicalJson(alerts)) };
  }
  return JSON.parse(canonicalJson(rest)) as unknown;
}

/** SHA-256 of a text, as hex. */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
