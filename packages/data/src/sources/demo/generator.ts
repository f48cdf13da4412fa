/**
 * The demo's generator: seeded raw values per area and time for every catalogue indicator.
 * A commune's values combine the parts it is made of (the pieces of old and new communes the
 * reorganisation of 1 July 2025 cut), with the indicator's area aggregation and the parts'
 * populations; a district or the province combines its communes day by day (weighted by
 * population or by the weight indicator's values that day). Today holds the complete hours so far.
 *
 * Values are generated lazily per (indicator, part of a commune) from seeds derived from the
 * source's seed, so the same seed (and `now`) gives the same numbers on every machine, in any
 * order of queries. Caches are bounded.
 */
import type { Area } from '../../contract/areas.js';
import type { Aggregation, Indicator, IndicatorId } from '../../contract/catalogue.js';
import { NotFoundError } from '../../contract/errors.js';
import { aggregate } from '../../contract/aggregate.js';
import { parseTime } from '../../contract/time.js';
import { indicatorById } from '../../catalogue/index.js';
import { filterAreas } from '../../areas/areas.js';
import { hashString, mulberry32 } from '../../internal/random.js';
import { areaKey, buildGeography, type DemoGeography, type DemoPart } from './geography.js';
import { LruCache } from './lru.js';
import {
  createModels,
  dayStart,
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

/** How many years of history the demo keeps at least. */
const HISTORY_YEARS = 5;

/** What the demo source reads from its generator. */
export interface DemoGenerator {
  readonly seed: number;
  readonly now: number;
  /** Hours whose end is at or before this are complete and have data. */
  readonly dataEnd: number;
  /** First and last local day with data. */
  readonly origin: number;
  readonly today: number;
  readonly geography: () => DemoGeography;
  readonly models: Readonly<Record<string, IndicatorModel>>;
  /** The entry a code means at `time`: the one valid then, else today's, else the latest. Unknown codes: `NotFoundError`. */
  entryFor(code: string, time: number): Area;
  /** The communes (for a district) or today's communes (for the province) an area adds up from. */
  childrenOf(area: Area): Area[];
  /** `count` hourly values of an area from `start` (an hour boundary); NaN after the last complete hour. */
  areaHours(id: IndicatorId, area: Area, start: number, count: number): Float64Array;
  /** Daily values of an area for `count` days from `firstDay` (built from the days themselves when few). */
  areaDays(id: IndicatorId, area: Area, firstDay: number, count: number): Float64Array;
  /** Daily values of an area over the whole span (index 0 is `origin`); today holds the day so far. */
  areaDaily(id: IndicatorId, area: Area): Float64Array;
}

export function createDemoGenerator(seed: number, now: number): DemoGenerator {
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

  /** Each code's entries with their valid dates read once (a map asks for a hundred codes at a time). */
  interface Entry {
    area: Area;
    from: number;
    to: number;
  }
  const entriesByCode = () => {
    const map = new Map<string, Entry[]>();
    for (const area of geo().areas) {
      const entry = { area, from: area.validFrom === undefined ? -Infinity : parseTime(area.validFrom), to: area.validTo === undefined ? Infinity : parseTime(area.validTo) };
      map.set(area.code, [...(map.get(area.code) ?? []), entry]);
    }
    return map;
  };
  let codeIndex: Map<string, Entry[]> | undefined;

  /** The entry a code means at `time`: the one valid then, else today's, else the latest. */
  function entryFor(code: string, time: number): Area {
    codeIndex ??= entriesByCode();
    const entries = codeIndex.get(code);
    const last = entries?.[entries.length - 1];
    if (!entries || !last) throw new NotFoundError(`Area "${code.slice(0, 40)}" in the demo province (codes: 90, 901–908, 9xxxx)`);
    const valid = (entry: Entry, t: number) => t >= entry.from && t < entry.to;
    return (entries.find((e) => valid(e, time)) ?? entries.find((e) => valid(e, now)) ?? last).area;
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


  return { seed, now, dataEnd, origin, today, geography: geo, models, entryFor, childrenOf, areaHours, areaDays, areaDaily };
}
