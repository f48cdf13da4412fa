/**
 * Validation for payloads coming from outside: every source runs what it received through these
 * before handing it to a widget. They never throw anything but `ValidationError` (with the path
 * of the field at fault); non-finite numbers become gaps (NaN in series, null in single values);
 * timestamps are sorted and de-duplicated; strings stay plain text (trimmed of control characters
 * and bounded in length) so nothing can reach the DOM as markup.
 *
 * One bad row does not reject a result: `validateKpi` and `validateByArea` read a value that is
 * not a number as null, skip a row without an area and drop a time they cannot read, and list
 * each in the result's `warnings` (then `partial` is true); they throw only when the result as a
 * whole is unusable (not an object, no indicator, no rows list). `validateSeries` does the same
 * for its points when given a `warn` sink, and is strict without one.
 */
import type { AreaLevel } from './areas.js';
import { ALERT_SEVERITIES, DOMAINS, type AlertSeverity, type Domain, type IndicatorId, type Unit } from './catalogue.js';
import { ValidationError } from './errors.js';
import type { Alert, AlertStatus, ByAreaResult, ByAreaRow, KpiResult, SeriesData, TimeGrain } from './query.js';
import { TIME_GRAINS } from './query.js';
import { parseTime, toIso } from './time.js';
import type { LocalizedText } from './text.js';
import { WarningCollector, readValue, type WarnFn } from './warnings.js';

/** Longest text kept from a payload; longer strings are cut (a title is not a novel). */
export const MAX_TEXT_LENGTH = 2000;

const AREA_LEVELS: readonly AreaLevel[] = ['province', 'district', 'commune'];
const ALERT_STATUSES: readonly AlertStatus[] = ['open', 'acknowledged', 'resolved'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the text "${cleanText(value).slice(0, 40)}"` : `a ${typeof value}`;
}

/** Keeps a string as plain text: drops control characters (except tab and newline) and bounds its length. */
export function cleanText(value: string, maxLength = MAX_TEXT_LENGTH): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}

/** A required string field; numbers are accepted and turned into text (codes often arrive as numbers). */
export function readText(value: unknown, path: string, maxLength = MAX_TEXT_LENGTH): string {
  if (typeof value === 'string') {
    const text = cleanText(value, maxLength);
    if (text !== '') return text;
    throw new ValidationError(path, 'expected a non-empty text, got an empty one');
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new ValidationError(path, `expected a text, got ${describe(value)}`);
}

function optionalText(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : readText(value, path);
}

/**
 * A number from a payload: numbers and numeric strings (values often arrive as strings) are read;
 * null, undefined, NaN, ±Infinity and values outside `range` give NaN (a gap); booleans, objects,
 * arrays and non-numeric strings are a `ValidationError`.
 */
export function readNumber(value: unknown, path: string, range?: { min?: number; max?: number }): number {
  let number: number;
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string') {
    const text = value.trim().replace(/,/g, '.');
    if (text === '' || /^(nan|null|-|n\/a|[+-]?inf(inity)?)$/i.test(text)) return Number.NaN;
    number = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
    if (Number.isNaN(number)) throw new ValidationError(path, `expected a number, got ${describe(value)}`);
  } else throw new ValidationError(path, `expected a number, got ${describe(value)}`);
  if (!Number.isFinite(number)) return Number.NaN;
  if (range?.min !== undefined && number < range.min) return Number.NaN;
  if (range?.max !== undefined && number > range.max) return Number.NaN;
  return number;
}

/** A time from a payload as epoch ms: ISO text (zone-less read as Vietnamese local time), epoch ms, or a Date. */
export function readTime(value: unknown, path: string): number {
  const time = parseTime(value);
  if (Number.isFinite(time) && Math.abs(time) <= 8.64e15) return time;
  throw new ValidationError(path, `expected a date-time, got ${describe(value)}`);
}

function optionalIso(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return toIso(readTime(value, path));
}

function readIndicatorId(value: unknown, path: string): IndicatorId {
  const text = readText(value, path, 200);
  const [domain, rest] = [text.slice(0, text.indexOf('.')), text.slice(text.indexOf('.') + 1)];
  if (text.includes('.') && (DOMAINS as readonly string[]).includes(domain) && rest !== '') return text as IndicatorId;
  throw new ValidationError(path, `expected an indicator id like "environment.aqi", got "${text.slice(0, 60)}"`);
}

/** A unit: a full `Unit`, or just a code (then shown as itself). Unknown codes are kept, never rejected. */
export function readUnit(value: unknown, path: string): Unit {
  if (value === undefined || value === null) return { code: '', system: 'none', label: { vi: '' } };
  if (typeof value === 'string') {
    const code = cleanText(value, 60);
    return { code, system: 'none', label: { vi: code } };
  }
  if (!isRecord(value)) throw new ValidationError(path, `expected a unit, got ${describe(value)}`);
  const code = value.code === undefined ? '' : readText(value.code, `${path}.code`, 60);
  const system = value.system === 'UCUM' || value.system === 'UNCEFACT' ? value.system : 'none';
  const label = isRecord(value.label)
    ? { vi: typeof value.label.vi === 'string' ? cleanText(value.label.vi, 60) : code, ...(typeof value.label.en === 'string' ? { en: cleanText(value.label.en, 60) } : {}) }
    : { vi: typeof value.label === 'string' ? cleanText(value.label, 60) : code };
  return { code, system, label };
}

function readArray(value: unknown, path: string): ArrayLike<unknown> {
  if (Array.isArray(value) || value instanceof Float64Array || value instanceof Float32Array || value instanceof Int32Array) return value;
  throw new ValidationError(path, `expected a list, got ${describe(value)}`);
}

export interface SeriesValidationOptions {
  /** Plausible range: values outside it become gaps. */
  range?: { min?: number; max?: number };
  /**
   * Where to report what was skipped. With it, a point that is not a point is skipped and a
   * value that is not a number (an object, `"n/a"`) is a gap, each reported here; without it,
   * those are `ValidationError`s.
   */
  warn?: WarnFn;
}

/**
 * One area's series from a payload, either `{ area, t: [...], v: [...] }` or
 * `{ area, points: [{ t|time, v|value }, ...] | [[t, v], ...] }`. Returns `Float64Array`s sorted by
 * time with one point per timestamp (the later one in the payload wins), points without a
 * readable time dropped, and non-finite or out-of-range values as NaN.
 */
export function validateSeries(input: unknown, path = 'series', options: SeriesValidationOptions = {}): SeriesData {
  if (!isRecord(input)) throw new ValidationError(path, `expected a series object, got ${describe(input)}`);
  const area = readText(input.area, `${path}.area`, 40);
  const { warn } = options;
  const times: number[] = [];
  const values: number[] = [];
  /** A value; strict: readNumber's rules; lenient: anything unreadable is a gap, reported. */
  const valueAt = (raw: unknown, at: string, field: string): number => {
    if (!warn) return readNumber(raw, `${at}.${field}`, options.range);
    const reading = readValue(raw, options.range, `series ${area}`);
    if (reading.problem) warn({ code: reading.problem.code, entity: at, field, message: `${at} ${field}: ${reading.problem.message}` });
    return reading.value;
  };
  if (input.points !== undefined) {
    const points = readArray(input.points, `${path}.points`);
    for (let i = 0; i < points.length; i++) {
      const point = points[i];
      const at = `${path}.points[${i}]`;
      let rawTime: unknown;
      let rawValue: unknown;
      if (Array.isArray(point)) [rawTime, rawValue] = point as unknown[];
      else if (isRecord(point)) {
        rawTime = point.t ?? point.time;
        rawValue = point.v ?? point.value;
      } else if (warn) {
        warn({ code: 'invalid-record', entity: at, message: `${at}: expected a point, got ${describe(point)}; skipped` });
        continue;
      } else throw new ValidationError(at, `expected a point, got ${describe(point)}`);
      const time = parseTime(rawTime);
      if (!Number.isFinite(time)) {
        warn?.({ code: rawTime === undefined || rawTime === null ? 'missing-time' : 'invalid-time', entity: at, field: 't', message: `${at} t: ${describe(rawTime)} is not a date-time; skipped` });
        continue;
      }
      times.push(time);
      values.push(valueAt(rawValue, at, 'v'));
    }
  } else {
    const t = readArray(input.t, `${path}.t`);
    const v = readArray(input.v, `${path}.v`);
    if (t.length !== v.length) throw new ValidationError(`${path}.v`, `has ${v.length} values for ${t.length} times`);
    for (let i = 0; i < t.length; i++) {
      const time = parseTime(t[i]);
      if (!Number.isFinite(time)) {
        warn?.({ code: t[i] === undefined || t[i] === null ? 'missing-time' : 'invalid-time', entity: path, field: `t[${i}]`, message: `${path} t[${i}]: ${describe(t[i])} is not a date-time; skipped` });
        continue;
      }
      times.push(time);
      if (warn) {
        const reading = readValue(v[i], options.range, `series ${area}`);
        if (reading.problem) warn({ code: reading.problem.code, entity: path, field: 'v', message: `${path} v[${i}]: ${reading.problem.message}` });
        values.push(reading.value);
      } else values.push(readNumber(v[i], `${path}.v[${i}]`, options.range));
    }
  }
  return { area, ...sortAndDedupe(times, values) };
}

/** Sorts points by time; of duplicate timestamps the one that came last wins. */
export function sortAndDedupe(times: ArrayLike<number>, values: ArrayLike<number>): { t: Float64Array; v: Float64Array } {
  const n = Math.min(times.length, values.length);
  const order: number[] = [];
  let sorted = true;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(times[i])) continue;
    const previous = order[order.length - 1];
    if (previous !== undefined && (times[previous] ?? 0) >= (times[i] ?? 0)) sorted = false;
    order.push(i);
  }
  // A stable sort keeps payload order among equal times, so "last wins" below is well defined.
  if (!sorted) order.sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0));
  const t: number[] = [];
  const v: number[] = [];
  for (const i of order) {
    const time = times[i] ?? Number.NaN;
    const value = values[i] ?? Number.NaN;
    if (t.length > 0 && t[t.length - 1] === time) v[v.length - 1] = Number.isFinite(value) ? value : Number.NaN;
    else {
      t.push(time);
      v.push(Number.isFinite(value) ? value : Number.NaN);
    }
  }
  return { t: Float64Array.from(t), v: Float64Array.from(v) };
}

function readGrain(value: unknown, path: string): TimeGrain {
  if (typeof value === 'string' && (TIME_GRAINS as readonly string[]).includes(value)) return value as TimeGrain;
  throw new ValidationError(path, `expected one of ${TIME_GRAINS.join(', ')}, got ${describe(value)}`);
}

/** A number or null, leniently: what is not a number is null and a warning. */
function valueOrNull(value: unknown, entity: string, field: string, warnings: WarningCollector): number | null {
  const reading = readValue(value);
  if (reading.problem) warnings.add({ code: reading.problem.code, entity, field, message: `${entity} ${field}: ${reading.problem.message}` });
  return Number.isFinite(reading.value) ? reading.value : null;
}

/** An optional ISO time, leniently: one that cannot be read is left out with a warning. */
function isoOrWarn(value: unknown, entity: string, field: string, warnings: WarningCollector): string | undefined {
  try {
    return optionalIso(value, `${entity}.${field}`);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    warnings.add({ code: 'invalid-time', entity, field, message: `${entity} ${field}: ${describe(value)} is not a date-time; left out` });
    return undefined;
  }
}

/**
 * A KPI result from a payload. `value`, `previous`, `sameLastYear` and `target` that are not
 * finite become null; those that are not numbers at all (text, an object) too, with a warning;
 * an unreadable `observedAt` or `period` is left out with a warning.
 */
export function validateKpi(input: unknown, path = 'kpi'): KpiResult {
  if (!isRecord(input)) throw new ValidationError(path, `expected a KPI object, got ${describe(input)}`);
  const warnings = new WarningCollector();
  const result: KpiResult = {
    kind: 'kpi',
    indicator: readIndicatorId(input.indicator, `${path}.indicator`),
    area: readText(input.area, `${path}.area`, 40),
    unit: readUnit(input.unit, `${path}.unit`),
    value: valueOrNull(input.value, path, 'value', warnings),
    partial: input.partial === true,
  };
  if (input.previous !== undefined) result.previous = valueOrNull(input.previous, path, 'previous', warnings);
  if (input.sameLastYear !== undefined) result.sameLastYear = valueOrNull(input.sameLastYear, path, 'sameLastYear', warnings);
  if (input.target !== undefined) result.target = valueOrNull(input.target, path, 'target', warnings);
  const observedAt = isoOrWarn(input.observedAt, path, 'observedAt', warnings);
  if (observedAt) result.observedAt = observedAt;
  if (isRecord(input.period)) {
    const from = isoOrWarn(input.period.from, path, 'period.from', warnings);
    const to = isoOrWarn(input.period.to, path, 'period.to', warnings);
    if (from && to) {
      try {
        result.period = { grain: readGrain(input.period.grain, `${path}.period.grain`), from, to };
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        warnings.add({ code: 'invalid-record', entity: path, field: 'period.grain', message: `${path} period.grain: ${describe(input.period.grain)} is not a time grain; the period is left out` });
      }
    }
  }
  const list = warnings.list();
  if (list) {
    result.warnings = list;
    result.partial = true;
  }
  return result;
}

/**
 * A by-area result from a payload. A row that is not an object or has no area code is skipped,
 * a value that is not a number is null, an unreadable `observedAt` is left out, each with a
 * warning; a repeated area keeps its last row; non-finite values become null.
 */
export function validateByArea(input: unknown, path = 'byArea'): ByAreaResult {
  if (!isRecord(input)) throw new ValidationError(path, `expected a by-area object, got ${describe(input)}`);
  const level = input.level;
  if (typeof level !== 'string' || !(AREA_LEVELS as readonly string[]).includes(level)) {
    throw new ValidationError(`${path}.level`, `expected province, district or commune, got ${describe(level)}`);
  }
  const rawRows = readArray(input.rows, `${path}.rows`);
  const rows = new Map<string, ByAreaRow>();
  const warnings = new WarningCollector();
  for (let i = 0; i < rawRows.length; i++) {
    const raw = rawRows[i];
    const at = `${path}.rows[${i}]`;
    if (!isRecord(raw)) {
      warnings.add({ code: 'invalid-record', entity: at, message: `${at}: expected a row, got ${describe(raw)}; skipped` });
      continue;
    }
    let area: string;
    try {
      area = readText(raw.area, `${at}.area`, 40);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      warnings.add({ code: 'missing-area', entity: at, field: 'area', message: `${at} area: ${describe(raw.area)} is not an area code; skipped` });
      continue;
    }
    const row: ByAreaRow = { area, value: valueOrNull(raw.value, at, 'value', warnings) };
    const observedAt = isoOrWarn(raw.observedAt, at, 'observedAt', warnings);
    if (observedAt) row.observedAt = observedAt;
    rows.delete(row.area);
    rows.set(row.area, row);
  }
  const result: ByAreaResult = {
    kind: 'by-area',
    indicator: readIndicatorId(input.indicator, `${path}.indicator`),
    unit: readUnit(input.unit, `${path}.unit`),
    level: level as AreaLevel,
    rows: [...rows.values()],
    partial: input.partial === true,
  };
  const observedAt = isoOrWarn(input.observedAt, path, 'observedAt', warnings);
  if (observedAt) result.observedAt = observedAt;
  const list = warnings.list();
  if (list) {
    result.warnings = list;
    result.partial = true;
  }
  return result;
}

/** Severity names other systems use, mapped onto the FIWARE scale. */
const SEVERITY_ALIASES: Readonly<Record<string, AlertSeverity>> = {
  info: 'informational',
  information: 'informational',
  minor: 'low',
  warning: 'medium',
  moderate: 'medium',
  major: 'high',
  severe: 'high',
  extreme: 'critical',
};

/**
 * An alert from a payload (FIWARE `Alert` fields: `id`, `severity`, `category`, `subCategory`,
 * `dateIssued`/`validFrom` as start, `validTo` as end, `alertSource` as source, `location`).
 * Unknown severities are a `ValidationError`; a missing status is `open`.
 */
export function validateAlert(input: unknown, path = 'alert', defaults: { domain?: Domain; source?: string } = {}): Alert {
  if (!isRecord(input)) throw new ValidationError(path, `expected an alert object, got ${describe(input)}`);
  const severityText = typeof input.severity === 'string' ? input.severity.trim().toLowerCase() : input.severity;
  const severity =
    typeof severityText === 'string' && (ALERT_SEVERITIES as readonly string[]).includes(severityText)
      ? (severityText as AlertSeverity)
      : typeof severityText === 'string' ? SEVERITY_ALIASES[severityText] : undefined;
  if (!severity) throw new ValidationError(`${path}.severity`, `expected one of ${ALERT_SEVERITIES.join(', ')}, got ${describe(input.severity)}`);
  const domainValue = input.domain ?? defaults.domain;
  if (typeof domainValue !== 'string' || !(DOMAINS as readonly string[]).includes(domainValue)) {
    throw new ValidationError(`${path}.domain`, `expected one of ${DOMAINS.join(', ')}, got ${describe(domainValue)}`);
  }
  const statusValue = input.status ?? 'open';
  if (typeof statusValue !== 'string' || !(ALERT_STATUSES as readonly string[]).includes(statusValue)) {
    throw new ValidationError(`${path}.status`, `expected open, acknowledged or resolved, got ${describe(statusValue)}`);
  }
  const start = optionalIso(input.start ?? input.dateIssued ?? input.validFrom, `${path}.start`);
  if (!start) throw new ValidationError(`${path}.start`, 'an alert needs a start time');
  const category = optionalText(input.category, `${path}.category`) ?? domainValue;
  const alert: Alert = {
    id: readText(input.id, `${path}.id`, 200),
    severity,
    category,
    domain: domainValue as Domain,
    title: optionalText(input.title ?? input.name, `${path}.title`) ?? category,
    start,
    status: statusValue as AlertStatus,
    source: optionalText(input.source ?? input.alertSource, `${path}.source`) ?? defaults.source ?? 'unknown',
  };
  const subCategory = optionalText(input.subCategory, `${path}.subCategory`);
  if (subCategory) alert.subCategory = subCategory;
  if (input.indicator !== undefined && input.indicator !== null) alert.indicator = readIndicatorId(input.indicator, `${path}.indicator`);
  const area = optionalText(input.area, `${path}.area`);
  if (area) alert.area = area;
  const description = optionalText(input.description, `${path}.description`);
  if (description) alert.description = description;
  const end = optionalIso(input.end ?? input.validTo, `${path}.end`);
  if (end) alert.end = end;
  if (input.value !== undefined) {
    const value = readNumber(input.value, `${path}.value`);
    if (Number.isFinite(value)) alert.value = value;
  }
  if (input.location !== undefined && input.location !== null) alert.location = readPoint(input.location, `${path}.location`);
  const label = readAlertLabel(input.label, `${path}.label`);
  if (label) alert.label = label;
  return alert;
}

/** `{ vi, en? }` text, or undefined when absent; anything else is refused. */
function optionalLocalized(value: unknown, path: string): LocalizedText | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new ValidationError(path, `expected { vi, en }, got ${describe(value)}`);
  const vi = readText(value.vi, `${path}.vi`);
  const en = optionalText(value.en, `${path}.en`);
  return en === undefined ? { vi } : { vi, en };
}

/** An alert's title and description in both languages (`Alert.label`), where the source has them. */
function readAlertLabel(value: unknown, path: string): Alert['label'] {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new ValidationError(path, `expected { title, description? }, got ${describe(value)}`);
  const title = optionalLocalized(value.title, `${path}.title`);
  if (!title) throw new ValidationError(`${path}.title`, 'a label needs a title');
  const description = optionalLocalized(value.description, `${path}.description`);
  return description ? { title, description } : { title };
}

/** A GeoJSON point `{ type: 'Point', coordinates: [lon, lat] }` with coordinates in range. */
export function readPoint(value: unknown, path: string): { type: 'Point'; coordinates: [number, number] } {
  if (!isRecord(value) || value.type !== 'Point' || !Array.isArray(value.coordinates)) {
    throw new ValidationError(path, `expected a GeoJSON Point, got ${describe(value)}`);
  }
  const lon = readNumber(value.coordinates[0], `${path}.coordinates[0]`, { min: -180, max: 180 });
  const lat = readNumber(value.coordinates[1], `${path}.coordinates[1]`, { min: -90, max: 90 });
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new ValidationError(`${path}.coordinates`, 'expected [longitude, latitude] within range');
  return { type: 'Point', coordinates: [lon, lat] };
}
