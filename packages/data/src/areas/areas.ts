/**
 * The administrative hierarchy as data: which units exist at a date, their parents and children,
 * and how units that no longer exist map onto today's (Vietnam's 1 July 2025 reorganisation
 * removed districts and merged communes). Nothing here is hard-coded to a province: every answer
 * comes from the `Area` list a source reports.
 */
import type { Area, AreaQuery, AreaSuccessor } from '../contract/areas.js';
import type { Indicator } from '../contract/catalogue.js';
import { aggregate } from '../contract/aggregate.js';
import type { ByAreaRow, SeriesData } from '../contract/query.js';
import { parseTime } from '../contract/time.js';

function timeOf(at: string | number | undefined): number {
  if (at === undefined) return Date.now();
  return typeof at === 'number' ? at : parseTime(at);
}

/** True when the unit exists at `at` (`validFrom` inclusive, `validTo` exclusive; dates are Vietnamese local days). */
export function isValidAt(area: Area, at?: string | number): boolean {
  const time = timeOf(at);
  if (!Number.isFinite(time)) return false;
  if (area.validFrom !== undefined && time < parseTime(area.validFrom)) return false;
  if (area.validTo !== undefined && time >= parseTime(area.validTo)) return false;
  return true;
}

/** The entry for `code` that is valid at `at` (a code may have several entries over time, e.g. a new parent). */
export function areaAt(list: readonly Area[], code: string, at?: string | number): Area | undefined {
  return list.find((area) => area.code === code && isValidAt(area, at));
}

/** Codes of the unit's ancestors at `at`, nearest first. */
export function ancestorsOf(list: readonly Area[], code: string, at?: string | number): string[] {
  const chain: string[] = [];
  let current = areaAt(list, code, at);
  while (current?.parent !== undefined && !chain.includes(current.parent)) {
    chain.push(current.parent);
    current = areaAt(list, current.parent, at);
  }
  return chain;
}

/**
 * Lists units: valid at `at` (default now), at `level`, under `parent`. With a level, `parent` may
 * be any ancestor (communes of a province, whether or not districts sit between them); without a
 * level, only the direct children of `parent`. Ordered by code.
 */
export function filterAreas(list: readonly Area[], query: Omit<AreaQuery, 'at'> & { at?: string | number } = {}): Area[] {
  const at = timeOf(query.at);
  const valid = list.filter((area) => isValidAt(area, at));
  let found = query.level === undefined ? valid : valid.filter((area) => area.level === query.level);
  const parent = query.parent;
  if (parent !== undefined) {
    if (query.level === undefined) {
      found = found.filter((area) => area.parent === parent);
    } else {
      // Each code's entry at `at`, read once: walking up from a hundred communes stays linear.
      const byCode = new Map<string, Area>();
      for (const area of valid) if (!byCode.has(area.code)) byCode.set(area.code, area);
      found = found.filter((area) => {
        const seen: string[] = [];
        let current = byCode.get(area.code);
        while (current?.parent !== undefined && !seen.includes(current.parent)) {
          if (current.parent === parent) return true;
          seen.push(current.parent);
          current = byCode.get(current.parent);
        }
        return false;
      });
    }
  }
  return [...found].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Every code that has ever sat under `code`, at any date (for matching records to a unit and its parts). */
export function descendantsOf(list: readonly Area[], code: string): string[] {
  const children = new Map<string, Set<string>>();
  for (const area of list) {
    if (area.parent === undefined) continue;
    const set = children.get(area.parent) ?? new Set<string>();
    set.add(area.code);
    children.set(area.parent, set);
  }
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
  return [...found];
}

/**
 * The units valid at `at` (default now) that took over `code`, with the share of the old unit
 * each received, following chains of successive merges. A unit that exists at `at` maps to
 * itself with share 1; a unit with no recorded successors maps to nothing.
 */
export function successorsAt(list: readonly Area[], code: string, at?: string | number): AreaSuccessor[] {
  const time = timeOf(at);
  const shares = new Map<string, number>();
  const walk = (current: string, share: number, depth: number) => {
    if (depth > 16 || !(share > 0)) return;
    if (list.some((area) => area.code === current && isValidAt(area, time))) {
      shares.set(current, (shares.get(current) ?? 0) + share);
      return;
    }
    // The latest entry of a code that no longer exists carries its successors.
    const entries = list.filter((area) => area.code === current && area.successors && area.successors.length > 0);
    const last = entries.sort((a, b) => parseTime(b.validTo ?? '9999-12-31') - parseTime(a.validTo ?? '9999-12-31'))[0];
    for (const successor of last?.successors ?? []) {
      if (successor.code === current && depth > 0) continue;
      walk(successor.code, share * (Number.isFinite(successor.share) ? successor.share : 0), depth + 1);
    }
  };
  walk(code, 1, 0);
  return [...shares].map(([successor, share]) => ({ code: successor, share })).sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** Old code -> today's units with shares, for every unit in the list that is not valid at `at`. */
export function successorMap(list: readonly Area[], at?: string | number): Map<string, AreaSuccessor[]> {
  const map = new Map<string, AreaSuccessor[]>();
  for (const area of list) {
    if (isValidAt(area, at) || map.has(area.code)) continue;
    if (list.some((other) => other.code === area.code && isValidAt(other, at))) continue;
    map.set(area.code, successorsAt(list, area.code, at));
  }
  return map;
}

/** The units (valid before `at`) whose successors at `at` include `code`, with the share each gave. */
export function predecessorsOf(list: readonly Area[], code: string, at?: string | number): AreaSuccessor[] {
  const result: AreaSuccessor[] = [];
  for (const [old, successors] of successorMap(list, at)) {
    const share = successors.find((s) => s.code === code)?.share;
    if (share !== undefined && share > 0) result.push({ code: old, share });
  }
  return result;
}

export interface ReexpressOptions {
  /** The date whose units to express the data in. Default now. */
  at?: string | number;
  /** Weights per old unit for means (e.g. population); default 1 each. */
  weights?: Readonly<Record<string, number>>;
}

/**
 * Contributions of each recorded row to today's units: for additive indicators (area aggregation
 * `sum`) each old value is split by share; for means each old value weighs share × weight.
 */
function contributions(codes: readonly string[], list: readonly Area[], options: ReexpressOptions): Map<string, { index: number; share: number; weight: number }[]> {
  const target = new Map<string, { index: number; share: number; weight: number }[]>();
  codes.forEach((code, index) => {
    const weight = options.weights?.[code];
    const successors = successorsAt(list, code, options.at);
    for (const successor of successors) {
      const parts = target.get(successor.code) ?? [];
      parts.push({ index, share: successor.share, weight: successor.share * (weight !== undefined && Number.isFinite(weight) && weight > 0 ? weight : 1) });
      target.set(successor.code, parts);
    }
  });
  return target;
}

function combine(indicator: Indicator, values: readonly number[], parts: readonly { share: number; weight: number }[]): number {
  const how = indicator.aggregation.area;
  if (how === 'sum') {
    let total = 0;
    let any = false;
    values.forEach((value, i) => {
      if (!Number.isFinite(value)) return;
      any = true;
      total += value * (parts[i]?.share ?? 0);
    });
    return any && Number.isFinite(total) ? total : Number.NaN;
  }
  if (how === 'max' || how === 'min') return aggregate(values, how);
  return aggregate(values, 'weighted-mean', parts.map((p) => p.weight));
}

/**
 * Re-expresses by-area rows recorded against old units (before a merge) onto the units valid at
 * `options.at`, using the indicator's area aggregation: additive indicators are split by share and
 * summed, means are weighted by share (× optional weights). Rows for units that still exist pass
 * through; units with no known successor are dropped. Ordered by code.
 */
export function reexpressRows(rows: readonly ByAreaRow[], list: readonly Area[], indicator: Indicator, options: ReexpressOptions = {}): ByAreaRow[] {
  const codes = rows.map((row) => row.area);
  const target = contributions(codes, list, options);
  return [...target]
    .map(([code, parts]) => {
      const value = combine(indicator, parts.map((p) => rows[p.index]?.value ?? Number.NaN), parts);
      return { area: code, value: Number.isFinite(value) ? value : null };
    })
    .sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : 0));
}

/**
 * Re-expresses series recorded against old units onto the units valid at `options.at`, point by
 * point, with the same rules as `reexpressRows`. Series are aligned by timestamp (union of all
 * times); a time where no contributing unit has a value stays a gap.
 */
export function reexpressSeries(series: readonly SeriesData[], list: readonly Area[], indicator: Indicator, options: ReexpressOptions = {}): SeriesData[] {
  const times = new Set<number>();
  for (const s of series) for (let i = 0; i < s.t.length; i++) if (Number.isFinite(s.t[i])) times.add(s.t[i] as number);
  const t = Float64Array.from([...times].sort((a, b) => a - b));
  const lookup = series.map((s) => {
    const map = new Map<number, number>();
    for (let i = 0; i < s.t.length; i++) map.set(s.t[i] as number, s.v[i] ?? Number.NaN);
    return map;
  });
  const target = contributions(series.map((s) => s.area), list, options);
  return [...target]
    .map(([code, parts]) => {
      const v = new Float64Array(t.length);
      for (let i = 0; i < t.length; i++) {
        const time = t[i] as number;
        v[i] = combine(indicator, parts.map((p) => lookup[p.index]?.get(time) ?? Number.NaN), parts);
      }
      return { area: code, t, v };
    })
    .sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : 0));
}
