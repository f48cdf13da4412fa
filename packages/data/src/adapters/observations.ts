/**
 * The domain adapter's reading half: a fetcher's records, through an indicator's `map`, become
 * validated observations held as columns per area (time, value, end of the span observed), and
 * the sums the query kinds need are taken from those columns: one value for a window, a series
 * re-grained, the newest observation. Columns, not one object per value, so a year of hours for
 * a hundred communes stays a few typed arrays.
 */
import type { Area } from '../contract/areas.js';
import type { Indicator } from '../contract/catalogue.js';
import { ValidationError } from '../contract/errors.js';
import { aggregate, bucketSeries, combineSeries } from '../contract/aggregate.js';
import type { TimeGrain } from '../contract/query.js';
import { parseTime, periodStart } from '../contract/time.js';
import { readText } from '../contract/validate.js';
import { readValue, type WarningCollector } from '../contract/warnings.js';

/**
 * One observation of an indicator, as `map` returns it. Fields are `unknown` on purpose: they are
 * validated (numbers and numeric strings accepted; null is a gap; `"NaN"`, other text, booleans,
 * objects and values outside the indicator's range are gaps with a warning; times may be ISO text
 * or epoch ms, zone-less times are Vietnamese local time, an unreadable time skips the value with
 * a warning).
 */
export interface Observation {
  value: unknown;
  /** When the value was observed (the start of the span it covers); absent: the time the record was fetched. */
  time?: unknown;
  /**
   * When the span the value covers ends, for a value that sums up a span (a day's total, an
   * hour's mean): the result's `observedAt` is the newest of these. Absent: `time`.
   */
  until?: unknown;
  /**
   * Area code the value belongs to; absent: the area asked for when the query asks for exactly
   * one (a single-area system); otherwise the value is skipped with a `missing-area` warning.
   */
  area?: unknown;
  /** Names the record in warnings (e.g. an entity id); default `<adapter id>.<indicator>[<index>]`. */
  entity?: string;
  /** Names the field in warnings (e.g. `pm25`); default `value`. */
  field?: string;
}

/**
 * Many observations of one area at once, as columns: for long series (a generator, a
 * SensorThings `dataArray`) without an object per value. `t` holds epoch ms, `v` numbers (NaN
 * is a gap, a value outside the indicator's range a gap with a warning).
 */
export interface ObservationSeries {
  area: string;
  t: ArrayLike<number>;
  v: ArrayLike<number>;
  /** How long each value covers, in ms (an hour's mean: 3 600 000): its observation ends at `t + span`. Default 0. */
  span?: number;
  /** Nothing was observed after this (epoch ms): ends are capped at it (a day so far ends at the last complete hour). */
  until?: number;
  entity?: string;
  field?: string;
}

export type MappedObservations = Observation | readonly Observation[] | ObservationSeries | null | undefined;

/** Observations of one area: times, values (NaN a gap) and the ends of their spans (`u`, or `t + span` capped at `until`). */
export interface Column {
  t: ArrayLike<number>;
  v: ArrayLike<number>;
  u?: ArrayLike<number>;
  span?: number;
  until?: number;
}

/** Source area code -> its columns, in the order the records gave them. */
export type AreaColumns = Map<string, Column[]>;

/** Collects observations into columns; scalar observations of one area share one growing column. */
export class ColumnCollector {
  readonly byArea: AreaColumns = new Map();
  readonly #open = new Map<string, { t: number[]; v: number[]; u: number[] }>();

  push(area: string, time: number, value: number, until: number): void {
    let column = this.#open.get(area);
    if (!column) {
      column = { t: [], v: [], u: [] };
      this.#open.set(area, column);
      this.#add(area, column);
    }
    column.t.push(time);
    column.v.push(value);
    column.u.push(until);
  }

  pushColumn(area: string, column: Column): void {
    // Later scalar observations start a new column, so the order of the records is kept.
    this.#open.delete(area);
    this.#add(area, column);
  }

  #add(area: string, column: Column): void {
    const list = this.byArea.get(area);
    if (list) list.push(column);
    else this.byArea.set(area, [column]);
  }
}

export function isObservationSeries(value: unknown): value is ObservationSeries {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const candidate = value as { t?: unknown; v?: unknown; value?: unknown };
  return candidate.value === undefined && typeof candidate.t === 'object' && candidate.t !== null && typeof candidate.v === 'object' && candidate.v !== null;
}

/** Validates a columnar observation run into `into`; bad times skip their value, bad values become gaps, each with one counted warning. */
export function readSeries(series: ObservationSeries, indicator: Indicator, entity: string, warnings: WarningCollector, into: ColumnCollector): void {
  let area: string;
  try {
    area = readText(series.area, `${entity}.area`, 40);
  } catch {
    warnings.add({ code: 'missing-area', entity, field: 'area', message: `${entity}: the area ${describeUnknown(series.area)} is not an area code; skipped` });
    return;
  }
  const { t, v, span, until } = series;
  const n = Math.min(t.length, v.length);
  const min = indicator.range?.min ?? Number.NEGATIVE_INFINITY;
  const max = indicator.range?.max ?? Number.POSITIVE_INFINITY;
  const field = series.field ?? 'value';
  const ends = { ...(typeof span === 'number' && span > 0 ? { span } : {}), ...(typeof until === 'number' && !Number.isNaN(until) ? { until } : {}) };
  let clean = t.length === n && v.length === n;
  for (let i = 0; i < n && clean; i++) {
    const value = v[i] as number;
    // NaN is a gap the column already says; anything else outside the range needs a look.
    if (!Number.isFinite(t[i]) || (!(value >= min && value <= max) && !Number.isNaN(value))) clean = false;
  }
  if (clean) {
    into.pushColumn(area, { t, v, ...ends });
    return;
  }
  const times: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const time = t[i];
    if (typeof time !== 'number' || !Number.isFinite(time)) {
      warnings.add({ code: 'invalid-time', entity, field: 't', message: `${entity} t[${i}]: the time ${describeUnknown(time)} cannot be read; skipped` });
      continue;
    }
    const reading = readValue(v[i], indicator.range, indicator.id);
    if (reading.problem) warnings.add({ code: reading.problem.code, entity, field, message: `${entity} ${field}[${i}]: ${reading.problem.message}` });
    times.push(time);
    values.push(reading.value);
  }
  into.pushColumn(area, { t: times, v: values, ...ends });
}

/**
 * For each wanted area, its columns by source area: the area's own observations when the
 * records hold some (a system that reports the province itself), else those of every unit
 * that has sat under it, to be combined with the indicator's area aggregation.
 */
export function groupByWanted(byArea: AreaColumns, wanted: readonly string[], hierarchy: readonly Area[]): Map<string, AreaColumns> {
  const groups = new Map<string, AreaColumns>();
  let children: Map<string, string[]> | undefined;
  for (const code of wanted) {
    if (groups.has(code)) continue;
    const own = byArea.get(code);
    if (own) {
      groups.set(code, new Map([[code, own]]));
      continue;
    }
    children ??= childrenIndex(hierarchy);
    const within = descendants(children, code);
    const group: AreaColumns = new Map();
    for (const [area, columns] of byArea) if (within.has(area)) group.set(area, columns);
    groups.set(code, group);
  }
  return groups;
}

function childrenIndex(hierarchy: readonly Area[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const area of hierarchy) {
    if (area.parent === undefined) continue;
    const list = children.get(area.parent);
    if (list) list.push(area.code);
    else children.set(area.parent, [area.code]);
  }
  return children;
}

/** Every code that has ever sat under `code` (at any date). */
function descendants(children: Map<string, string[]>, code: string): Set<string> {
  const found = new Set<string>();
  const queue = [code];
  while (queue.length > 0) {
    const next = queue.pop() as string;
    for (const child of children.get(next) ?? []) {
      if (child === code || found.has(child)) continue;
      found.add(child);
      queue.push(child);
    }
  }
  return found;
}

/** One value for a window `[from, to)`: each source area over time (in time order), then across areas. */
export function windowValue(indicator: Indicator, group: AreaColumns | undefined, from: number, to: number): { value: number; observedAt: number } {
  const perArea: number[] = [];
  let observedAt = Number.NEGATIVE_INFINITY;
  for (const columns of group?.values() ?? []) {
    const times: number[] = [];
    const values: number[] = [];
    let sorted = true;
    for (const column of columns) {
      for (let i = 0; i < column.t.length; i++) {
        const time = column.t[i] as number;
        if (!(time >= from && time < to)) continue;
        const value = column.v[i] as number;
        if (times.length > 0 && time < (times[times.length - 1] as number)) sorted = false;
        times.push(time);
        values.push(value);
        if (Number.isFinite(value)) observedAt = Math.max(observedAt, Math.min(endOf(column, i), to));
      }
    }
    if (!sorted) {
      // Stable, so of equal times the earlier record comes first.
      const order = times.map((_, i) => i).sort((a, b) => (times[a] as number) - (times[b] as number));
      perArea.push(aggregate(order.map((i) => values[i] as number), indicator.aggregation.time));
    } else {
      perArea.push(aggregate(values, indicator.aggregation.time));
    }
  }
  return { value: aggregate(perArea, indicator.aggregation.area), observedAt };
}

/** A wanted area's series on regular periods: each source area re-grained, then combined across areas. */
export function seriesValue(indicator: Indicator, group: AreaColumns | undefined, grain: TimeGrain, from: number, to: number): { t: Float64Array; v: Float64Array; observedAt: number } {
  let observedAt = Number.NEGATIVE_INFINITY;
  const bucketed = [...(group?.values() ?? [])].map((columns) => {
    for (const column of columns) {
      for (let i = 0; i < column.t.length; i++) {
        const time = column.t[i] as number;
        if (time >= from && time < to && Number.isFinite(column.v[i])) observedAt = Math.max(observedAt, Math.min(endOf(column, i), to));
      }
    }
    const [only] = columns;
    const aligned = columns.length === 1 && only ? alignedValues(only, grain, from, to) : undefined;
    if (aligned) return aligned;
    const t = columns.length === 1 && only ? only.t : columns.flatMap((c) => Array.from(c.t));
    const v = columns.length === 1 && only ? only.v : columns.flatMap((c) => Array.from(c.v));
    return bucketSeries(t, v, grain, indicator.aggregation.time, { from, to });
  });
  const [first] = bucketed;
  if (!first) {
    const empty = bucketSeries([], [], grain, indicator.aggregation.time, { from, to });
    return { ...empty, observedAt };
  }
  const v = bucketed.length === 1 ? first.v : combineSeries(bucketed.map((b) => b.v), indicator.aggregation.area);
  return { t: first.t, v, observedAt };
}

function endOf(column: Column, i: number): number {
  const time = column.t[i] as number;
  if (column.u) {
    const end = column.u[i];
    return typeof end === 'number' && Number.isFinite(end) ? end : time;
  }
  const end = column.span ? time + column.span : time;
  return column.until !== undefined && column.until < end ? Math.max(time, column.until) : end;
}

const FIXED_STEP_MS: Partial<Record<TimeGrain, number>> = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

/**
 * A column that already holds one value per period (every period of the range, in order) is
 * its own re-graining: the values are used as they are, without bucketing a year of hours again.
 */
function alignedValues(column: Column, grain: TimeGrain, from: number, to: number): { t: Float64Array; v: Float64Array } | undefined {
  const step = FIXED_STEP_MS[grain];
  if (!step) return undefined;
  const start = periodStart(from, grain);
  const n = Math.ceil((to - start) / step);
  const { t, v } = column;
  if (t.length !== n || v.length !== n) return undefined;
  for (let i = 0; i < n; i++) if (t[i] !== start + i * step) return undefined;
  return { t: t instanceof Float64Array ? t : Float64Array.from(t), v: v instanceof Float64Array ? v : Float64Array.from(v) };
}

/** Reads one scalar observation's time (absent: `fallback`), NaN when unreadable. */
export function observationTime(value: unknown, fallback: number): number {
  return value === undefined || value === null ? fallback : parseTime(value);
}

/** A bad value as short plain text for a warning. */
export function describeUnknown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

/** Throws the `ValidationError` a series of more than `max` periods deserves, before anything is fetched. */
export function checkPeriodCount(from: number, to: number, grain: TimeGrain, max: number): void {
  const hours = grain === 'hour' ? 1 : grain === 'day' ? 24 : grain === 'week' ? 168 : 0;
  if (hours === 0) return;
  const count = Math.ceil((to - from) / (hours * 3_600_000));
  if (count > max + 1) throw new ValidationError('query.grain', `${count} ${grain}s is too many for one series; use a coarser grain or a shorter range`);
}
