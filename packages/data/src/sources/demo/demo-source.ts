/**
 * The demo source: a seeded, fictional province ("Tỉnh Sông Mây (demo)", code 90) that needs no
 * network. About 100 communes today, 8 districts and about 200 smaller communes before
 * 1 July 2025, synthetic boundaries in open sea, and every catalogue indicator for every area:
 * daily values for five years and more, hourly values on demand, with trends, seasons, weekly
 * cycles, Tết, weather shared across the province, incidents, station outages (gaps) and the
 * alerts that bands and thresholds raise.
 *
 * Values are generated lazily per (indicator, part of a commune) from seeds derived from the
 * source's seed, so the same seed (and `now`) gives the same numbers on every machine, in any
 * order of queries. Caches are bounded.
 */
import type { Area, AreaQuery, BoundaryProperties, BoundaryQuery, Feature, FeatureCollection } from '../../contract/areas.js';
import type { Aggregation, AlertSeverity, Indicator, IndicatorId } from '../../contract/catalogue.js';
import { ALERT_SEVERITIES } from '../../contract/catalogue.js';
import { NotFoundError, UnsupportedQueryError, ValidationError, throwIfAborted, toDataError } from '../../contract/errors.js';
import { aggregate, bucketSeries, MAX_BUCKETS } from '../../contract/aggregate.js';
import type {
  Alert,
  AlertQuery,
  AlertsResult,
  ByAreaQuery,
  ByAreaResult,
  KpiQuery,
  KpiResult,
  Query,
  ResultFor,
  SeriesQuery,
  SeriesResult,
  TimeGrain,
} from '../../contract/query.js';
import type { DataSource, RequestOptions } from '../../contract/source.js';
import { addPeriods, parseTime, periodOf, periodStart, toIso } from '../../contract/time.js';
import { bandFor, CATALOGUE, indicatorById } from '../../catalogue/index.js';
import { filterAlerts } from '../../adapters/domain-adapter.js';
import { filterAreas, successorsAt } from '../../areas/areas.js';
import { hashString, mulberry32 } from '../../internal/random.js';
import { areaKey, buildGeography, DEMO_PROVINCE_CODE, geometryKey, type DemoGeography, type DemoPart } from './geography.js';
import { LruCache } from './lru.js';
import {
  createModels,
  dayStart,
  DAY_MS,
  fillHours,
  HOUR_MS,
  daySeed,
  hourlyAqi,
  localDay,
  outageDays,
  regionalSeries,
  type DailyContext,
  type IndicatorModel,
} from './model.js';

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

/** How many years of history the demo keeps at least. */
const HISTORY_YEARS = 5;
/** Alerts queries without `from` look back this far. */
const DEFAULT_ALERT_DAYS = 30;

interface AlertRule {
  indicator: IndicatorId;
  category: string;
  subCategory: string;
  severity(value: number, indicator: Indicator): AlertSeverity | undefined;
}

const fromBands = (value: number, indicator: Indicator) => bandFor(indicator, value)?.severity;
const ALERT_RULES: readonly AlertRule[] = [
  { indicator: 'environment.aqi', category: 'environment', subCategory: 'airPollution', severity: fromBands },
  { indicator: 'environment.wqi', category: 'environment', subCategory: 'waterPollution', severity: fromBands },
  { indicator: 'environment.rainfall', category: 'weather', subCategory: 'rainfall', severity: fromBands },
  {
    indicator: 'environment.water-level',
    category: 'weather',
    subCategory: 'flood',
    // The demo river's alarm levels I / II / III.
    severity: (v) => (v >= 550 ? 'critical' : v >= 450 ? 'high' : v >= 350 ? 'medium' : undefined),
  },
  { indicator: 'environment.dissolved-oxygen', category: 'environment', subCategory: 'waterPollution', severity: (v) => (v < 1 ? 'high' : v < 2 ? 'medium' : undefined) },
  { indicator: 'living.bed-occupancy', category: 'health', subCategory: 'hospitalCapacity', severity: fromBands },
  { indicator: 'living.fire-incidents', category: 'security', subCategory: 'fire', severity: (v) => (v >= 2 ? 'critical' : v >= 1 ? 'high' : undefined) },
  { indicator: 'mobility.accidents', category: 'traffic', subCategory: 'carAccident', severity: (v) => (v >= 3 ? 'high' : v >= 2 ? 'medium' : undefined) },
  { indicator: 'mobility.congestion-points', category: 'traffic', subCategory: 'trafficJam', severity: (v) => (v >= 8 ? 'high' : v >= 5 ? 'medium' : undefined) },
];
/** Alert thresholds by indicator, exported for tests and docs. */
export const DEMO_ALERT_RULES: readonly { indicator: IndicatorId; severity: (value: number) => AlertSeverity | undefined }[] = ALERT_RULES.map((rule) => ({
  indicator: rule.indicator,
  severity: (value: number) => {
    const indicator = indicatorById(rule.indicator);
    return indicator ? rule.severity(value, indicator) : undefined;
  },
}));

function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function readSeed(value: number | string | undefined): number {
  if (value === undefined || value === '') return 2025;
  if (typeof value === 'number') return Number.isFinite(value) ? value >>> 0 : 2025;
  const text = value;
  return /^\d+$/.test(text.trim()) ? Number(text) >>> 0 : hashString(text);
}

/** Creates the demo source. Options may come from markup as strings (`seed="7" now="2026-11-24T10:00:00+07:00"`). */
export function createDemoSource(options: DemoSourceOptions | Readonly<Record<string, string>> = {}): DataSource {
  const seed = readSeed(options.seed);
  const parsedNow = options.now === undefined ? Date.now() : parseTime(options.now);
  if (!Number.isFinite(parsedNow)) throw new ValidationError('now', `"${String(options.now).slice(0, 40)}" is not a date-time`);
  const now = parsedNow;
  /** Hours whose end is at or before this are complete and have data. */
  const dataEnd = Math.floor(now / HOUR_MS) * HOUR_MS;
  const today = localDay(dataEnd - 1);
  // From 1 January five years back: a date's values then depend only on the seed and the year of `now`.
  const origin = localDay(Date.UTC(new Date(dayStart(today) + 7 * HOUR_MS).getUTCFullYear() - HISTORY_YEARS, 0, 1) - 7 * HOUR_MS);
  const days = today - origin + 1;
  const models = createModels();

  let geography: DemoGeography | undefined;
  const geo = () => (geography ??= buildGeography(seed));
  const regional = new Map<string, Float64Array>();
  const partDaily = new LruCache<string, Float64Array>(1800);
  const areaDailyCache = new LruCache<string, Float64Array>(1200);

  const memo = new WeakMap<DemoPart, Map<string, Map<string | number, number>>>();
  const partSeeds = new Map<string, number>();
  const outages = new LruCache<string, Uint8Array>(2000);

  const context: DailyContext = {
    seed,
    origin,
    days,
    regional(name) {
      let series = regional.get(name);
      if (!series) {
        series = regionalSeries(name, seed, origin, days);
        regional.set(name, series);
      }
      return series;
    },
    value: (id, part, day) => partValue(id, part, day),
    daily: (id, part) => dailyOfPart(id, part),
    memo(part, name, sub, make) {
      let byName = memo.get(part);
      if (!byName) memo.set(part, (byName = new Map<string, Map<string | number, number>>()));
      let bySub = byName.get(name);
      if (!bySub) byName.set(name, (bySub = new Map<string | number, number>()));
      let value = bySub.get(sub);
      if (value === undefined) {
        value = make();
        bySub.set(sub, value);
      }
      return value;
    },
  };

  function modelOf(id: IndicatorId): IndicatorModel {
    const model = models[id];
    if (!model) throw new NotFoundError(`Indicator "${id}" in the demo source`);
    return model;
  }

  function indicator(id: string): Indicator {
    const found = indicatorById(id);
    if (!found || !models[found.id]) throw new NotFoundError(`Indicator "${id.slice(0, 80)}" (see CATALOGUE for the ids the demo answers)`);
    return found;
  }

  function partSeed(id: IndicatorId, part: DemoPart): number {
    const key = `${id}|${part.index}`;
    let value = partSeeds.get(key);
    if (value === undefined) {
      value = hashString(`${seed}|${key}`);
      partSeeds.set(key, value);
    }
    return value;
  }

  function outageOf(station: string, part: DemoPart): Uint8Array {
    const key = `${station}|${part.index}`;
    let down = outages.get(key);
    if (!down) {
      down = outageDays(seed, station, part, origin, days);
      outages.set(key, down);
    }
    return down;
  }

  /** One day's model value for a part (outages applied), without building the whole span when the model allows. */
  function partValue(id: IndicatorId, part: DemoPart, day: number): number {
    const i = day - origin;
    if (i < 0 || i >= days) return Number.NaN;
    const cached = partDaily.peek(`${id}|${part.index}`);
    if (cached) return cached[i] ?? Number.NaN;
    const model = modelOf(id);
    if (!model.day) return dailyOfPart(id, part)[i] ?? Number.NaN;
    if (model.station && outageOf(model.station, part)[i]) return Number.NaN;
    return model.day(part, day, context, mulberry32(daySeed(partSeed(id, part), day)));
  }

  /** The model's daily values for one part over the whole span, outages removed. Index 0 is `origin`. */
  function dailyOfPart(id: IndicatorId, part: DemoPart): Float64Array {
    const key = `${id}|${part.index}`;
    let values = partDaily.get(key);
    if (values) return values;
    const model = modelOf(id);
    for (const dependency of model.uses ?? []) dailyOfPart(dependency, part);
    if (model.daily) {
      values = model.daily(part, context, mulberry32(partSeed(id, part)));
    } else {
      values = new Float64Array(days);
      const base = partSeed(id, part);
      for (let i = 0; i < days; i++) values[i] = model.day ? model.day(part, origin + i, context, mulberry32(daySeed(base, origin + i))) : Number.NaN;
    }
    if (model.station) {
      const down = outageOf(model.station, part);
      for (let i = 0; i < days; i++) if (down[i]) values[i] = Number.NaN;
    }
    partDaily.set(key, values);
    return values;
  }

  const hourSeeds = new Map<string, number>();

  /**
   * Hourly values of one part for `count` whole local days from `firstDay` (24 per day, not yet
   * cut at `now`). Each day's hours come from their own seed, so any range gives the same hours.
   */
  function partDays(id: IndicatorId, part: DemoPart, firstDay: number, count: number): Float64Array {
    const out = new Float64Array(count * 24);
    const model = modelOf(id);
    if (model.hourly.kind === 'aqi') {
      // NowCast looks back 12 hours, into the day before.
      const pm25 = partDays('environment.pm25', part, firstDay - 1, count + 1);
      const pm10 = partDays('environment.pm10', part, firstDay - 1, count + 1);
      hourlyAqi(pm25, pm10, 24, out);
      return out;
    }
    // A long range reads every day anyway: build the span once and index it.
    const span = count > 31 ? dailyOfPart(id, part) : undefined;
    const dayValue = (day: number) => (span ? (span[day - origin] ?? Number.NaN) : partValue(id, part, day));
    const hourly = model.hourly;
    const relatedId = hourly.kind === 'complement' || hourly.kind === 'ratio' ? hourly.of : undefined;
    const related = relatedId ? partDays(relatedId, part, firstDay, count) : undefined;
    const key = `${id}|${part.index}`;
    let base = hourSeeds.get(key);
    if (base === undefined) {
      base = hashString(`${seed}|h|${key}`);
      hourSeeds.set(key, base);
    }
    const phase = (part.index * 7) % 24;
    for (let k = 0; k < count; k++) {
      const day = firstDay + k;
      const i = day - origin;
      const slot = out.subarray(k * 24, k * 24 + 24);
      if (i < 0 || i >= days) {
        slot.fill(Number.NaN);
        continue;
      }
      fillHours(
        hourly,
        dayValue(day),
        dayValue(day - 1),
        mulberry32(daySeed(base, day)),
        slot,
        () => related?.subarray(k * 24, k * 24 + 24),
        () => (relatedId ? partValue(relatedId, part, day) : Number.NaN),
        phase,
      );
    }
    return out;
  }

  // ——— areas ———

  const entriesByCode = () => {
    const map = new Map<string, Area[]>();
    for (const area of geo().areas) map.set(area.code, [...(map.get(area.code) ?? []), area]);
    return map;
  };
  let codeIndex: Map<string, Area[]> | undefined;

  /** The entry a code means at `time`: the one valid then, else today's, else the latest. */
  function entryFor(code: string, time: number): Area {
    codeIndex ??= entriesByCode();
    const entries = codeIndex.get(code);
    if (!entries || entries.length === 0) throw new NotFoundError(`Area "${code.slice(0, 40)}" in the demo province (codes: 90, 901–908, 9xxxx)`);
    const valid = (area: Area, t: number) => (area.validFrom === undefined || t >= parseTime(area.validFrom)) && (area.validTo === undefined || t < parseTime(area.validTo));
    return entries.find((a) => valid(a, time)) ?? entries.find((a) => valid(a, now)) ?? (entries[entries.length - 1] as Area);
  }

  function childrenOf(area: Area): Area[] {
    if (area.level === 'commune') return [];
    if (area.level === 'district') return geo().areas.filter((a) => a.parent === area.code && a.level === 'commune');
    // The province adds up from today's communes, so "province = its communes" holds for the units people see.
    return filterAreas(geo().areas, { parent: area.code, level: 'commune', at: now });
  }

  function partsOfEntry(area: Area): DemoPart[] {
    const g = geo();
    return (g.partsOf.get(areaKey(area)) ?? []).map((i) => g.parts[i] as DemoPart);
  }

  /** How parts of one commune combine: amounts add up, peaks take the max, everything else is a population-weighted mean. */
  const partAggregation = (how: Aggregation): Aggregation => (how === 'sum' || how === 'max' || how === 'min' ? how : 'weighted-mean');

  function combineColumns(columns: readonly Float64Array[], how: Aggregation, weights: readonly (Float64Array | number)[], length: number): Float64Array {
    const out = new Float64Array(length);
    const column = new Float64Array(columns.length);
    const weightColumn = new Float64Array(columns.length);
    for (let t = 0; t < length; t++) {
      for (let k = 0; k < columns.length; k++) {
        column[k] = columns[k]?.[t] ?? Number.NaN;
        const w = weights[k];
        weightColumn[k] = typeof w === 'number' ? w : (w?.[t] ?? 0);
      }
      out[t] = aggregate(column, how, weightColumn);
    }
    return out;
  }

  function weightsFor(ind: Indicator, children: readonly Area[], values: (weightId: IndicatorId, child: Area) => Float64Array): (Float64Array | number)[] {
    const weight = ind.aggregation.weight;
    if (ind.aggregation.area !== 'weighted-mean') return children.map(() => 1);
    if (weight && weight !== 'population' && indicatorById(weight) && models[weight]) return children.map((child) => values(weight as IndicatorId, child));
    return children.map((child) => child.population ?? 1);
  }

  /** Daily values of an area over the whole span; today holds the day so far. */
  function areaDaily(id: IndicatorId, area: Area): Float64Array {
    const key = `${id}|${areaKey(area)}`;
    let values = areaDailyCache.get(key);
    if (values) return values;
    const ind = indicator(id);
    if (area.level === 'commune') {
      const parts = partsOfEntry(area);
      values = combineColumns(parts.map((p) => dailyOfPart(id, p)), partAggregation(ind.aggregation.area), parts.map((p) => p.population), days);
    } else {
      const children = childrenOf(area);
      values = combineColumns(children.map((c) => areaDaily(id, c)), ind.aggregation.area, weightsFor(ind, children, areaDaily), days);
    }
    // Today is not over: its value is the complete hours so far.
    const hours = areaHours(id, area, dayStart(today), 24);
    values[days - 1] = aggregate(hours, ind.aggregation.time === 'weighted-mean' ? 'mean' : ind.aggregation.time);
    areaDailyCache.set(key, values);
    return values;
  }

  /** `count` hourly values of an area from `start` (an hour boundary); NaN after the last complete hour. */
  function areaHours(id: IndicatorId, area: Area, start: number, count: number): Float64Array {
    const ind = indicator(id);
    let values: Float64Array;
    if (area.level === 'commune') {
      const parts = partsOfEntry(area);
      const firstDay = localDay(start);
      const offset = Math.round((start - dayStart(firstDay)) / HOUR_MS);
      const dayCount = Math.ceil((offset + count) / 24);
      const columns = parts.map((part) => partDays(id, part, firstDay, dayCount).subarray(offset, offset + count));
      values = combineColumns(columns, partAggregation(ind.aggregation.area), parts.map((p) => p.population), count);
    } else {
      const children = childrenOf(area);
      values = combineColumns(
        children.map((c) => areaHours(id, c, start, count)),
        ind.aggregation.area,
        weightsFor(ind, children, (weightId, child) => areaHours(weightId, child, start, count)),
        count,
      );
    }
    const complete = Math.max(0, Math.min(count, Math.floor((dataEnd - start) / HOUR_MS)));
    values.fill(Number.NaN, complete);
    return values;
  }

  /**
   * Daily values of an area for `count` days from `firstDay`. Short ranges (a KPI, a map) are
   * computed from the days themselves; long ones come from the cached whole-span arrays.
   */
  function areaDays(id: IndicatorId, area: Area, firstDay: number, count: number): Float64Array {
    if (count > 62) {
      const full = areaDaily(id, area);
      const out = new Float64Array(count).fill(Number.NaN);
      for (let k = 0; k < count; k++) {
        const i = firstDay + k - origin;
        if (i >= 0 && i < days) out[k] = full[i] ?? Number.NaN;
      }
      return out;
    }
    const ind = indicator(id);
    let values: Float64Array;
    if (area.level === 'commune') {
      const parts = partsOfEntry(area);
      const columns = parts.map((part) => {
        const column = new Float64Array(count);
        for (let k = 0; k < count; k++) column[k] = partValue(id, part, firstDay + k);
        return column;
      });
      values = combineColumns(columns, partAggregation(ind.aggregation.area), parts.map((p) => p.population), count);
    } else {
      const children = childrenOf(area);
      values = combineColumns(
        children.map((c) => areaDays(id, c, firstDay, count)),
        ind.aggregation.area,
        weightsFor(ind, children, (weightId, child) => areaDays(weightId, child, firstDay, count)),
        count,
      );
    }
    const todayIndex = today - firstDay;
    if (todayIndex >= 0 && todayIndex < count) {
      values[todayIndex] = aggregate(areaHours(id, area, dayStart(today), 24), ind.aggregation.time === 'weighted-mean' ? 'mean' : ind.aggregation.time);
    }
    for (let k = Math.max(0, todayIndex + 1); k < count; k++) values[k] = Number.NaN;
    return values;
  }

  /** One value for an area over a period at a grain. */
  function areaValue(ind: Indicator, area: Area, period: { from: number; to: number }, grain: TimeGrain): number {
    if (grain === 'hour') return areaHours(ind.id, area, period.from, 1)[0] ?? Number.NaN;
    const first = localDay(period.from);
    const last = localDay(period.to - 1);
    if (last < origin || first > today) return Number.NaN;
    const from = Math.max(first, origin);
    const to = Math.min(last, today);
    return aggregate(areaDays(ind.id, area, from, to - from + 1), ind.aggregation.time);
  }

  const round = (ind: Indicator, value: number) => (Number.isFinite(value) ? Number(value.toFixed(ind.decimals)) : null);
  const defaultAt = () => dataEnd - 1;

  function readAt(at: string | undefined, path: string): number {
    if (at === undefined) return defaultAt();
    const time = parseTime(at);
    if (!Number.isFinite(time)) throw new ValidationError(path, `"${at.slice(0, 40)}" is not a date-time`);
    return time;
  }

  function readGrain(grain: unknown, path: string): TimeGrain {
    if (grain === 'hour' || grain === 'day' || grain === 'week' || grain === 'month' || grain === 'quarter' || grain === 'year') return grain;
    throw new ValidationError(path, 'expected hour, day, week, month, quarter or year');
  }

  function kpi(query: KpiQuery): KpiResult {
    const ind = indicator(query.indicator);
    const grain = readGrain(query.grain ?? 'day', 'query.grain');
    const at = readAt(query.at, 'query.at');
    const area = entryFor(String(query.area), at);
    const period = periodOf(at, grain);
    const previous = periodOf(addPeriods(period.from, grain, -1), grain);
    const lastYear = periodOf(addPeriods(period.from, 'year', -1), grain);
    const value = round(ind, areaValue(ind, area, period, grain));
    const result: KpiResult = {
      kind: 'kpi',
      indicator: ind.id,
      area: area.code,
      unit: ind.unit,
      value,
      previous: round(ind, areaValue(ind, area, previous, grain)),
      sameLastYear: round(ind, areaValue(ind, area, lastYear, grain)),
      target: ind.target ?? null,
      period: { grain, from: toIso(period.from) ?? '', to: toIso(period.to) ?? '' },
      partial: false,
    };
    const observed = toIso(Math.min(period.to, dataEnd));
    if (value !== null && observed && period.from < dataEnd) result.observedAt = observed;
    return result;
  }

  async function series(query: SeriesQuery, signal: AbortSignal | undefined): Promise<SeriesResult> {
    const ind = indicator(query.indicator);
    const grain = readGrain(query.grain, 'query.grain');
    const from = parseTime(query.from);
    const to = parseTime(query.to);
    if (!Number.isFinite(from)) throw new ValidationError('query.from', 'is not a date-time');
    if (!Number.isFinite(to) || to <= from) throw new ValidationError('query.to', 'must be a date-time after `from`');
    if (!Array.isArray(query.areas)) throw new ValidationError('query.areas', 'expected a list of area codes');
    const start = periodStart(from, grain);
    const out: SeriesResult = { kind: 'series', indicator: ind.id, unit: ind.unit, grain, series: [], partial: false };
    let done = 0;
    for (const code of query.areas) {
      const area = entryFor(String(code), to - 1);
      if (grain === 'hour') {
        const count = Math.ceil((to - start) / HOUR_MS);
        if (count > MAX_BUCKETS) throw new ValidationError('query.grain', `${count} hours is too many for one series; use a coarser grain`);
        const t = new Float64Array(count);
        for (let i = 0; i < count; i++) t[i] = start + i * HOUR_MS;
        out.series.push({ area: area.code, t, v: areaHours(ind.id, area, start, count) });
      } else {
        const daily = areaDaily(ind.id, area);
        const firstDay = localDay(start);
        const lastDay = localDay(to - 1);
        const n = Math.max(0, lastDay - firstDay + 1);
        const t = new Float64Array(n);
        const v = new Float64Array(n);
        for (let k = 0; k < n; k++) {
          t[k] = dayStart(firstDay + k);
          v[k] = daily[firstDay + k - origin] ?? Number.NaN;
        }
        const bucketed = bucketSeries(t, v, grain, ind.aggregation.time, { from: start, to });
        out.series.push({ area: area.code, t: bucketed.t, v: bucketed.v });
      }
      // Long requests give an abort a chance to land between areas.
      if (++done % 8 === 0) {
        await macrotask();
        throwIfAborted(signal);
      }
    }
    const observed = toIso(Math.min(to, dataEnd));
    if (observed && start < dataEnd) out.observedAt = observed;
    return out;
  }

  function byArea(query: ByAreaQuery): ByAreaResult {
    const ind = indicator(query.indicator);
    const grain = readGrain(query.grain ?? 'day', 'query.grain');
    const at = readAt(query.at, 'query.at');
    const period = periodOf(at, grain);
    const areas = filterAreas(geo().areas, { level: query.level, parent: query.parent ?? DEMO_PROVINCE_CODE, at });
    const rows = areas.map((area) => ({ area: area.code, value: round(ind, areaValue(ind, area, period, grain)) }));
    const result: ByAreaResult = { kind: 'by-area', indicator: ind.id, unit: ind.unit, level: query.level, rows, partial: false };
    const observed = toIso(Math.min(period.to, dataEnd));
    if (observed && period.from < dataEnd && rows.some((r) => r.value !== null)) result.observedAt = observed;
    return result;
  }

  function alerts(query: AlertQuery): AlertsResult {
    const to = query.to === undefined ? dataEnd : Math.min(dataEnd, parseTime(query.to));
    const from = query.from === undefined ? to - DEFAULT_ALERT_DAYS * DAY_MS : parseTime(query.from);
    if (!Number.isFinite(from)) throw new ValidationError('query.from', 'is not a date-time');
    if (!Number.isFinite(to)) throw new ValidationError('query.to', 'is not a date-time');
    const minRank = query.minSeverity ? ALERT_SEVERITIES.indexOf(query.minSeverity) : 0;
    const communes = filterAreas(geo().areas, { level: 'commune', parent: DEMO_PROVINCE_CODE, at: now });
    let wanted = communes;
    if (query.area !== undefined && query.area !== DEMO_PROVINCE_CODE) {
      const area = entryFor(query.area, now);
      // Alerts are raised on today's communes; an old unit asks for the communes it became.
      const old = area.level === 'district' ? childrenOf(area) : [area];
      const targets = new Set(old.flatMap((a) => successorsAt(geo().areas, a.code, now).map((s) => s.code)));
      wanted = communes.filter((c) => targets.has(c.code));
    }
    const list: Alert[] = [];
    const firstDay = Math.max(localDay(from) - 7, origin);
    const lastDay = Math.min(localDay(to - 1), today);
    for (const rule of ALERT_RULES) {
      const ind = indicatorById(rule.indicator);
      if (!ind) continue;
      if (query.domain && ind.domain !== query.domain) continue;
      for (const area of wanted) {
        const daily = areaDays(rule.indicator, area, firstDay, Math.max(0, lastDay - firstDay + 1));
        let runStart = -1;
        let worst = -1;
        let peak = Number.NaN;
        for (let day = firstDay; day <= lastDay + 1; day++) {
          const value = day <= lastDay ? (daily[day - firstDay] ?? Number.NaN) : Number.NaN;
          const severity = Number.isFinite(value) ? rule.severity(value, ind) : undefined;
          const rank = severity ? ALERT_SEVERITIES.indexOf(severity) : -1;
          if (rank >= 0) {
            if (runStart < 0) {
              runStart = day;
              worst = rank;
              peak = value;
            } else if (rank > worst || (rank === worst && (ind.polarity === 'higher-is-better' ? value < peak : value > peak))) {
              worst = Math.max(worst, rank);
              peak = value;
            }
            continue;
          }
          if (runStart >= 0) {
            if (worst >= minRank) list.push(makeAlert(rule, ind, area, runStart, day, worst, peak));
            runStart = -1;
          }
        }
      }
    }
    return { kind: 'alerts', alerts: filterAlerts(list, { ...query, from: toIso(from) ?? '', to: toIso(to) ?? '' }), partial: false };
  }

  function makeAlert(rule: AlertRule, ind: Indicator, area: Area, firstDay: number, endDay: number, rank: number, peak: number): Alert {
    const severity = ALERT_SEVERITIES[rank] ?? 'medium';
    const hash = hashString(`${seed}|alert|${rule.indicator}|${area.code}|${firstDay}`);
    const start = dayStart(firstDay) + (6 + (hash % 10)) * HOUR_MS;
    const ongoing = endDay > today;
    const end = dayStart(endDay) + ((hash >>> 8) % 8) * HOUR_MS;
    // Ongoing alerts wait for an operator (about a third already acknowledged); ended ones are resolved.
    const status = ongoing ? (hash % 3 === 0 ? 'acknowledged' : 'open') : 'resolved';
    const band = bandFor(ind, peak);
    const shown = Number(peak.toFixed(ind.decimals));
    const unitVi = ind.unit.label.vi ? ` ${ind.unit.label.vi}` : '';
    const unitEn = ind.unit.label.en ? ` ${ind.unit.label.en}` : '';
    const titleVi = `${ind.name.vi}${band ? ` ${band.label.vi.toLowerCase()}` : ' vượt ngưỡng'}: ${area.name.vi}`;
    const titleEn = `${ind.name.en ?? ind.name.vi}${band ? ` ${(band.label.en ?? band.label.vi).toLowerCase()}` : ' over threshold'}: ${area.name.en ?? area.name.vi}`;
    const descriptionVi = `Giá trị cao nhất ${shown.toLocaleString('vi-VN')}${unitVi}. ${band?.advice?.vi ?? ''}`.trim();
    const descriptionEn = `Peak ${shown.toLocaleString('en-GB')}${unitEn}. ${band?.advice?.en ?? ''}`.trim();
    const alert: Alert = {
      id: `demo-${rule.indicator}-${area.code}-${toIso(dayStart(firstDay))?.slice(0, 10) ?? firstDay}`,
      severity,
      category: rule.category,
      subCategory: rule.subCategory,
      domain: ind.domain,
      indicator: ind.id,
      area: area.code,
      title: titleVi,
      description: descriptionVi,
      label: { title: { vi: titleVi, en: titleEn }, description: { vi: descriptionVi, en: descriptionEn } },
      start: toIso(start) ?? '',
      status,
      source: `demo:${rule.indicator}`,
      // Unrounded, so the value is in the band that raised the alert even right at its edge.
      value: peak,
    };
    if (!ongoing) alert.end = toIso(end) ?? '';
    if (area.centroid) alert.location = { type: 'Point', coordinates: [...area.centroid] };
    return alert;
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

  async function run<T>(signal: AbortSignal | undefined, work: () => T | Promise<T>): Promise<T> {
    try {
      throwIfAborted(signal);
      // A macrotask first, so a caller that aborts right after asking is heard before the work starts.
      await macrotask();
      throwIfAborted(signal);
      const result = await work();
      throwIfAborted(signal);
      return result;
    } catch (error) {
      throw toDataError(error);
    }
  }

  return {
    id: 'demo',
    supports: ['kpi', 'series', 'by-area', 'alerts'],
    // The demo's present: widgets count "the last 30 days" back from it, whatever the date.
    now: () => now,
    indicators: (requestOptions: RequestOptions = {}) => run(requestOptions.signal, () => CATALOGUE.filter((ind) => models[ind.id] !== undefined)),
    areas: (query: AreaQuery, requestOptions: RequestOptions = {}) =>
      run(requestOptions.signal, () => filterAreas(geo().areas, { ...query, at: query.at ?? toIso(now) ?? '' })),
    boundaries: (query: BoundaryQuery, requestOptions: RequestOptions = {}) => run(requestOptions.signal, () => boundaries(query)),
    query<Q extends Query>(query: Q, requestOptions: RequestOptions = {}): Promise<ResultFor<Q>> {
      const signal = requestOptions.signal;
      return run(signal, async () => {
        switch (query.kind) {
          case 'kpi':
            return kpi(query) as ResultFor<Q>;
          case 'series':
            return (await series(query, signal)) as ResultFor<Q>;
          case 'by-area':
            return byArea(query) as ResultFor<Q>;
          case 'alerts':
            return alerts(query) as ResultFor<Q>;
          default:
            throw new UnsupportedQueryError('demo', `"${String((query as { kind?: unknown }).kind).slice(0, 40)}" queries`);
        }
      });
    },
  };
}
