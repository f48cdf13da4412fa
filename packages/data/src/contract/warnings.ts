/**
 * What a source skipped or read as a gap, so one bad reading never costs the rest: a result
 * that carries `warnings` is `partial`, and each warning names the entity and field at fault.
 *
 * Warnings are aggregated (one per entity + field + code, with a `count`) and capped at
 * `MAX_WARNINGS` entries, the last of which (`code: 'more'`) counts everything left off, so a
 * broker that sends a million bad values yields a short list, not a million warnings.
 */

/** Why a value or a record was left out. */
export type DataWarningCode =
  /** A value that is not a number where one is expected ("NaN", "n/a", null, an object, Infinity…): read as a gap. */
  | 'invalid-value'
  /** A number outside the indicator's plausible range: read as a gap. */
  | 'out-of-range'
  /** A unit that cannot be converted to the indicator's: the value is a gap. */
  | 'invalid-unit'
  /** An observation without a time: skipped. */
  | 'missing-time'
  /** An observation whose time cannot be read: skipped. */
  | 'invalid-time'
  /** A row without a usable area code: skipped. */
  | 'missing-area'
  /** An entity, row, observation or alert that could not be read at all: skipped. */
  | 'invalid-record'
  /** One of several sources failed; the result holds the others' data (`composeSources`). */
  | 'source-failed'
  /** The list was capped: `count` values (of other entities or fields) were also skipped. */
  | 'more';

export interface DataWarning {
  readonly code: DataWarningCode;
  /** What was read: an NGSI-LD entity id, a SensorThings `Datastreams(id)`, an HTTP row such as `results[3]`. */
  readonly entity?: string;
  /** Where in it: an attribute or property path (`pm25`, `result`, `phenomenonTime`, `v`). */
  readonly field?: string;
  /** How many values of this kind were skipped or read as gaps. */
  readonly count: number;
  /**
   * Plain English for developers, about the first such value, e.g.
   * `urn:ngsi-ld:AirQualityObserved:HN-01 pm25: "NaN" is not a number; read as a gap`.
   */
  readonly message: string;
}

/** A warning as a reader reports it (before aggregation). */
export interface DataWarningInput {
  code: Exclude<DataWarningCode, 'more'>;
  entity?: string;
  field?: string;
  message: string;
  /** Values it stands for; default 1. */
  count?: number;
}

/** How a reader hands a warning to whoever collects them. */
export type WarnFn = (warning: DataWarningInput) => void;

/** Most entries in a result's `warnings`, the final "…and N more" included. */
export const MAX_WARNINGS = 20;

const MAX_MESSAGE_LENGTH = 300;

function keyOf(warning: Pick<DataWarning, 'code' | 'entity' | 'field'>): string {
  return `${warning.code}\u0000${warning.entity ?? ''}\u0000${warning.field ?? ''}`;
}

function clip(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function countOf(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.round(value) : 1;
}

/**
 * Collects warnings: repeats of one entity + field + code add to its count; past the cap, new
 * kinds only add to the final "…and N more". Memory stays bounded whatever the payload.
 */
export class WarningCollector {
  private readonly entries = new Map<string, { code: DataWarningCode; entity?: string; field?: string; count: number; message: string }>();
  private overflow = 0;

  constructor(private readonly limit = MAX_WARNINGS) {}

  /** Adds one warning (or `count` values of one kind). */
  readonly add: WarnFn = (warning) => {
    this.put({ ...warning, count: countOf(warning.count) }, 'sum');
  };

  /**
   * Adds a result's warnings. `sum` adds counts (parts that read different data); `max` keeps
   * the larger count (parts that may have read the same records, e.g. a KPI's three periods).
   */
  addAll(list: readonly DataWarning[] | undefined, mode: 'sum' | 'max' = 'sum'): void {
    for (const warning of list ?? []) this.put(warning, mode);
  }

  private put(warning: DataWarningInput | DataWarning, mode: 'sum' | 'max'): void {
    const count = countOf(warning.count);
    if (warning.code === 'more') {
      this.overflow = mode === 'sum' ? this.overflow + count : Math.max(this.overflow, count);
      return;
    }
    const key = keyOf(warning);
    const existing = this.entries.get(key);
    if (existing) {
      existing.count = mode === 'sum' ? existing.count + count : Math.max(existing.count, count);
      return;
    }
    if (this.entries.size >= this.limit - 1) {
      this.overflow += count;
      return;
    }
    this.entries.set(key, {
      code: warning.code,
      ...(warning.entity !== undefined ? { entity: clip(warning.entity, 200) } : {}),
      ...(warning.field !== undefined ? { field: clip(warning.field, 200) } : {}),
      count,
      message: clip(warning.message, MAX_MESSAGE_LENGTH),
    });
  }

  /** True when nothing was collected. */
  get empty(): boolean {
    return this.entries.size === 0 && this.overflow === 0;
  }

  /** The aggregated, capped list, or undefined when there is none. */
  list(): DataWarning[] | undefined {
    if (this.empty) return undefined;
    const list: DataWarning[] = [...this.entries.values()].map((entry) => ({ ...entry }));
    if (this.overflow > 0) {
      list.push({
        code: 'more',
        count: this.overflow,
        message: `…and ${this.overflow} more value${this.overflow === 1 ? '' : 's'} skipped or read as gaps (other entities or fields; the list stops at ${this.limit}).`,
      });
    }
    return list;
  }
}

/** The warnings of several parts as one aggregated, capped list (see `WarningCollector.addAll`). */
export function mergeWarnings(lists: readonly (readonly DataWarning[] | undefined)[], mode: 'sum' | 'max' = 'sum'): DataWarning[] | undefined {
  const collector = new WarningCollector();
  for (const list of lists) collector.addAll(list, mode);
  return collector.list();
}

/** A result with `warnings` set (merged with any it had) and `partial: true` when there are any. */
export function withWarnings<R extends { partial: boolean; warnings?: readonly DataWarning[] }>(result: R, warnings: readonly DataWarning[] | undefined): R {
  const merged = mergeWarnings([result.warnings, warnings]);
  if (!merged) return result;
  return { ...result, warnings: merged, partial: true };
}

/** A short, printable rendering of a bad value for a warning (never markup-shaped, at most ~60 characters). */
export function describeBadValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(clip(value, 60));
  else if (value === undefined) text = 'nothing';
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else if (Array.isArray(value)) text = `a list of ${value.length}`;
  else text = 'an object';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const NOT_A_NUMBER_TEXT = /^(nan|null|none|n\/a|na|-|--|[+-]?inf(inity)?)$/i;

/** What `readValue` found. `problem` is set when the value was read as a gap for a reason worth a warning. */
export interface ValueReading {
  /** A finite number, or NaN for a gap. */
  value: number;
  problem?: { code: 'invalid-value' | 'out-of-range'; message: string };
}

/**
 * Reads a number where one is expected, never throwing: numbers and numeric strings (`"35.2"`,
 * `"35,2"`, `" 1e3 "`) are read; `null`, `undefined`, `""` and a NaN the code already made are
 * quiet gaps; `"NaN"`, `"n/a"`, other text, booleans, objects, lists and ±Infinity are gaps
 * with an `invalid-value` problem; numbers outside `range` are gaps with an `out-of-range` one.
 */
export function readValue(value: unknown, range?: { min?: number; max?: number }, what = 'the indicator'): ValueReading {
  if (value === null || value === undefined) return { value: Number.NaN };
  let number: number;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { value: Number.NaN };
    number = value;
  } else if (typeof value === 'string') {
    const text = value.trim().replace(/,/g, '.');
    if (text === '') return { value: Number.NaN };
    if (NOT_A_NUMBER_TEXT.test(text) || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) {
      return { value: Number.NaN, problem: { code: 'invalid-value', message: `${describeBadValue(value)} is not a number; read as a gap` } };
    }
    number = Number(text);
  } else {
    return { value: Number.NaN, problem: { code: 'invalid-value', message: `${describeBadValue(value)} is not a number; read as a gap` } };
  }
  if (!Number.isFinite(number)) return { value: Number.NaN, problem: { code: 'invalid-value', message: `${describeBadValue(value)} is not a finite number; read as a gap` } };
  if ((range?.min !== undefined && number < range.min) || (range?.max !== undefined && number > range.max)) {
    return {
      value: Number.NaN,
      problem: { code: 'out-of-range', message: `${number} is outside the plausible range of ${what} (${range?.min ?? '−∞'} to ${range?.max ?? '∞'}); read as a gap` },
    };
  }
  return { value: number };
}
