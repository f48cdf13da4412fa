/**
 * The demo source: a seeded, fictional province ("Tỉnh Sông Mây (demo)", code 90) that needs no
 * network. About 100 communes today, 8 districts and about 200 smaller communes before
 * 1 July 2025, synthetic boundaries in open sea, and every catalogue indicator for every area:
 * daily values for five years and more, hourly values on demand, with trends, seasons, weekly
 * cycles, Tết, weather shared across the province, incidents, station outages (gaps) and the
 * alerts that bands and thresholds raise.
 *
 * It is a domain adapter like any other source: its generator (generator.ts) is the record
 * fetcher, answering each area asked for with a column of raw values (hourly for an hourly
 * query, else daily) and its alert rules (alert-rules.ts) with the alerts they raise; the
 * adapter aggregates over time, finds gaps and the newest observation, filters alerts and
 * resolves areas, as it does for every source.
 */
import type { AreaQuery, BoundaryProperties, BoundaryQuery, Feature, FeatureCollection } from '../../contract/areas.js';
import type { IndicatorId } from '../../contract/catalogue.js';
import { ValidationError, throwIfAborted, toDataError } from '../../contract/errors.js';
import type { DataSource, RequestOptions } from '../../contract/source.js';
import { parseTime, periodStart, toIso } from '../../contract/time.js';
import { CATALOGUE } from '../../catalogue/index.js';
import { filterAreas } from '../../areas/areas.js';
import { hashString } from '../../internal/random.js';
import { defineDomainAdapter, type IndicatorMapping, type RecordRequest } from '../../adapters/domain-adapter.js';
import type { ObservationSeries } from '../../adapters/observations.js';
import { raiseAlerts } from './alert-rules.js';
import { createDemoGenerator, type DemoGenerator } from './generator.js';
import { geometryKey } from './geography.js';
import { dayStart, DAY_MS, HOUR_MS, localDay } from './model.js';

export { DEMO_ALERT_RULES } from './alert-rules.js';

export interface DemoSourceOptions {
  /** Same seed, same data. A number or any text. Default 2025. */
  seed?: number | string;
  /**
   * The demo's "now" (ISO date-time); default: the real time when the source is made. Data stops
   * at the last complete hour, and the source's `now()` answers this time, so widgets' default
   * windows end where the data does.
   */
  now?: string;
}

/** Alerts queries without `from` look back this far. */
const DEFAULT_ALERT_DAYS = 30;

function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function readSeed(value: number | string | undefined): number {
  if (value === undefined || value === '') return 2025;
  if (typeof value === 'number') return Number.isFinite(value) ? value >>> 0 : 2025;
  const text = value;
  return /^\d+$/.test(text.trim()) ? Number(text) >>> 0 : hashString(text);
}

/**
 * Raw values of one indicator for each area asked for, as columns: hourly for an hourly query,
 * else daily (a series from the whole-span arrays, a KPI or a map from the days it needs).
 */
async function generate(generator: DemoGenerator, request: RecordRequest, signal: AbortSignal | undefined): Promise<ObservationSeries[]> {
  const id = request.indicator as IndicatorId;
  const { dataEnd, origin, today } = generator;
  const from = request.timeFrom ?? dataEnd - 1;
  const to = request.timeTo ?? dataEnd;
  const grain = request.grain ?? 'day';
  const query = request.query;
  // The entry a code means: at the query's date for a KPI (all three periods) or a map, at the end of a series.
  const at = query.kind === 'series' ? to - 1 : query.kind !== 'alerts' && query.at !== undefined ? parseTime(query.at) : dataEnd - 1;
  const out: ObservationSeries[] = [];
  for (const [index, code] of request.areas.entries()) {
    const area = generator.entryFor(String(code), at);
    if (grain === 'hour') {
      const start = periodStart(from, 'hour');
      const count = Math.ceil((to - start) / HOUR_MS);
      const t = new Float64Array(count);
      for (let i = 0; i < count; i++) t[i] = start + i * HOUR_MS;
      out.push({ area: area.code, t, v: generator.areaHours(id, area, start, count), span: HOUR_MS });
    } else if (request.kind === 'series') {
      const daily = generator.areaDaily(id, area);
      const firstDay = localDay(periodStart(from, grain));
      const n = Math.max(0, localDay(to - 1) - firstDay + 1);
      const t = new Float64Array(n);
      const v = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        t[k] = dayStart(firstDay + k);
        v[k] = daily[firstDay + k - origin] ?? Number.NaN;
      }
      out.push({ area: area.code, t, v, span: DAY_MS, until: dataEnd });
    } else {
      const first = Math.max(localDay(from), origin);
      const last = Math.min(localDay(to - 1), today);
      if (last < first) continue;
      const t = new Float64Array(last - first + 1);
      for (let k = 0; k < t.length; k++) t[k] = dayStart(first + k);
      out.push({ area: area.code, t, v: generator.areaDays(id, area, first, t.length), span: DAY_MS, until: dataEnd });
    }
    // Long series give an abort a chance to land between areas.
    if (request.kind === 'series' && (index + 1) % 8 === 0) {
      await macrotask();
      throwIfAborted(signal);
    }
  }
  return out;
}

/** Creates the demo source. Options may come from markup as strings (`seed="7" now="2026-11-24T10:00:00+07:00"`). */
export function createDemoSource(options: DemoSourceOptions | Readonly<Record<string, string>> = {}): DataSource {
  const seed = readSeed(options.seed);
  const parsedNow = options.now === undefined ? Date.now() : parseTime(options.now);
  if (!Number.isFinite(parsedNow)) throw new ValidationError('now', `"${String(options.now).slice(0, 40)}" is not a date-time`);
  const now = parsedNow;
  const generator = createDemoGenerator(seed, now);
  const geo = generator.geography;

  async function fetchRecords(request: RecordRequest, { signal }: RequestOptions): Promise<readonly unknown[]> {
    // A macrotask first, so a caller that aborts right after asking is heard before the work starts.
    await macrotask();
    throwIfAborted(signal);
    if (request.kind === 'alerts') {
      const domain = request.query.kind === 'alerts' ? request.query.domain : undefined;
      return raiseAlerts(generator, request.timeFrom ?? generator.dataEnd - DEFAULT_ALERT_DAYS * DAY_MS, request.timeTo ?? generator.dataEnd, domain);
    }
    return generate(generator, request, signal);
  }

  const indicators: Partial<Record<IndicatorId, IndicatorMapping<unknown>>> = {};
  for (const indicator of CATALOGUE) {
    if (generator.models[indicator.id]) indicators[indicator.id] = { from: indicator.id, map: (record) => record as ObservationSeries };
  }

  function boundaries(query: BoundaryQuery): FeatureCollection<BoundaryProperties> {
    const g = geo();
    const at = query.at === undefined ? now : parseTime(query.at);
    if (!Number.isFinite(at)) throw new ValidationError('query.at', 'is not a date-time');
    const list = filterAreas(g.areas, { level: query.level, ...(query.parent !== undefined ? { parent: query.parent } : {}), at });
    const features: Feature<BoundaryProperties>[] = list.map((area) => ({
      type: 'Feature',
      id: area.code,
      geometry: g.geometryOf(geometryKey(area)),
      properties: {
        code: area.code,
        level: area.level,
        name: area.name.vi,
        nameEn: area.name.en ?? area.name.vi,
        ...(area.parent !== undefined ? { parent: area.parent } : {}),
        ...(area.population !== undefined ? { population: area.population } : {}),
      },
    }));
    return { type: 'FeatureCollection', features };
  }

  return defineDomainAdapter({
    id: 'demo',
    fetchRecords,
    indicators,
    alerts: { from: 'rules', map: (alert) => alert },
    // The demo's present: widgets count "the last 30 days" back from it, whatever the date.
    now: () => now,
    latest: () => generator.dataEnd,
    round: true,
    alertLookbackDays: DEFAULT_ALERT_DAYS,
    areas: (query: AreaQuery) => Promise.resolve(filterAreas(geo().areas, { ...query, at: query.at ?? toIso(now) ?? '' })),
    hierarchy: () => Promise.resolve(geo().areas),
    boundaries: async (query: BoundaryQuery, { signal }: RequestOptions) => {
      try {
        throwIfAborted(signal);
        await macrotask();
        throwIfAborted(signal);
        return boundaries(query);
      } catch (error) {
        throw toDataError(error);
      }
    },
  });
}
