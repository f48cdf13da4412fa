/**
 * Reading numbers and dates out of remote payloads, where they arrive as numbers, as strings
 * in either Vietnamese (`1.234,5`) or English (`1,234.5`) notation, as JSON-LD typed values,
 * with or without a time zone, or as ISO 8601 intervals. Everything unreadable becomes a
 * `ValidationError` naming the field; nothing else is thrown.
 */
import { ValidationError } from '../contract/errors.js';

/** Which notation a numeric string uses: `vi` (`1.234,5`), `en` (`1,234.5`) or `auto`. */
export type NumberNotation = 'vi' | 'en' | 'auto';

const NUMBER_TEXT = /^[+-]?(\d[\d.,]*)?(\.\d+|,\d+)?([eE][+-]?\d+)?$/;

/** The value of a JSON-LD typed literal (`{"@type":"DateTime","@value":"…"}`), else the value itself. */
export function unwrapTyped(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, '@value')) {
    return (value as Record<string, unknown>)['@value'];
  }
  return value;
}

/** A short, printable rendering of a bad value for an error message (never markup-shaped). */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value === undefined) text = 'undefined';
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else if (Array.isArray(value)) text = `an array of ${value.length}`;
  else text = `an object`;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Parses a number from a number or a string. `null`, `undefined` and blank strings are a gap
 * (null). Strings may carry thousands separators, a decimal comma, spaces and a trailing `%`.
 * Throws a `ValidationError` at `path` for anything else, and for NaN or ±Infinity.
 */
export function parseNumber(raw: unknown, path: string, notation: NumberNotation = 'auto'): number | null {
  const value = unwrapTyped(raw);
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ValidationError(path, `expected a finite number, got ${describeValue(value)}.`);
    return value;
  }
  if (typeof value !== 'string') throw new ValidationError(path, `expected a number, got ${describeValue(value)}.`);
  const text = value.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
  if (text === '') return null;
  if (!NUMBER_TEXT.test(text)) throw new ValidationError(path, `expected a number, got ${describeValue(value)}.`);
  const normalised = normaliseSeparators(text, notation);
  const parsed = normalised === undefined ? Number.NaN : Number(normalised);
  if (!Number.isFinite(parsed)) throw new ValidationError(path, `expected a number, got ${describeValue(value)}.`);
  return parsed;
}

/** Rewrites a numeric string to JavaScript notation (`.` decimal, no grouping), or undefined if ambiguous-invalid. */
function normaliseSeparators(text: string, notation: NumberNotation): string | undefined {
  const exponentAt = text.search(/[eE]/);
  const mantissa = exponentAt >= 0 ? text.slice(0, exponentAt) : text;
  const exponent = exponentAt >= 0 ? text.slice(exponentAt) : '';
  const dots = (mantissa.match(/\./g) ?? []).length;
  const commas = (mantissa.match(/,/g) ?? []).length;
  let decimal: '.' | ',' | undefined;
  if (dots > 0 && commas > 0) {
    // Both present: the last one is the decimal separator, whatever the notation.
    decimal = mantissa.lastIndexOf('.') > mantissa.lastIndexOf(',') ? '.' : ',';
  } else if (dots > 1) decimal = undefined;
  else if (commas > 1) decimal = undefined;
  else if (dots === 1) {
    // "1.234" is one thousand two hundred and thirty-four in Vietnamese, 1.234 in English.
    decimal = notation === 'vi' && /^[+-]?\d{1,3}\.\d{3}$/.test(mantissa) ? undefined : '.';
  } else if (commas === 1) {
    decimal = notation === 'en' && /^[+-]?\d{1,3},\d{3}$/.test(mantissa) ? undefined : ',';
  }
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : dots > 0 ? '.' : ',';
  const [whole = '', fraction] = decimal ? splitLast(mantissa, decimal) : [mantissa, undefined];
  // Grouping must be in threes, or it was not grouping at all (e.g. "1.2.3").
  if (whole.includes(group) && !new RegExp(`^[+-]?\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) return undefined;
  const digits = whole.split(group).join('');
  return `${digits}${fraction !== undefined ? `.${fraction}` : ''}${exponent}`;
}

function splitLast(text: string, separator: string): [string, string] {
  const at = text.lastIndexOf(separator);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** Where in an ISO 8601 interval (`start/end`) a single instant is taken from. */
export type IntervalEnd = 'start' | 'end';

export interface DateOptions {
  /**
   * Offset assumed for date-times written without a zone (`2016-12-07T11:10:00`). Default `Z`
   * (UTC), as NGSI-LD requires UTC; use `+07:00` for an API that writes Vietnamese local time.
   */
  assumeOffset?: string;
  /** For an interval `start/end`: which end is the instant. Default `end` (when the observation was complete). */
  interval?: IntervalEnd;
  /** Epoch numbers: `ms`, `s`, or `auto` (below 10¹¹ means seconds). Default `auto`. */
  epoch?: 'ms' | 's' | 'auto';
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const VN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const MAX_TIME = 8.64e15;

/**
 * Parses an instant into epoch ms. Accepts ISO 8601 (with or without zone, date-only, any
 * number of fractional digits), ISO intervals, Vietnamese `dd/mm/yyyy [hh:mm[:ss]]`, epoch
 * numbers and JSON-LD `{"@type":"DateTime","@value":…}`. `null`/`undefined`/blank → null.
 */
export function parseInstant(raw: unknown, path: string, options: DateOptions = {}): number | null {
  const value = unwrapTyped(raw);
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ValidationError(path, `expected a date, got ${describeValue(value)}.`);
    const epoch = options.epoch ?? 'auto';
    const ms = epoch === 's' || (epoch === 'auto' && Math.abs(value) < 1e11) ? value * 1000 : value;
    if (Math.abs(ms) > MAX_TIME) throw new ValidationError(path, `the date ${describeValue(value)} is out of range.`);
    return ms;
  }
  if (typeof value !== 'string') throw new ValidationError(path, `expected a date, got ${describeValue(value)}.`);
  const text = value.trim();
  if (text === '') return null;
  if (text.includes('/') && !VN_DATE.test(text)) {
    const parts = text.split('/');
    if (parts.length !== 2) throw new ValidationError(path, `expected a date or an ISO 8601 interval, got ${describeValue(value)}.`);
    const chosen = (options.interval ?? 'end') === 'end' ? parts[1] : parts[0];
    return parseInstant(chosen, path, { ...options, interval: undefined });
  }
  const vn = VN_DATE.exec(text);
  if (vn) {
    const [, day, month, year, hour = '0', minute = '00', second = '0'] = vn;
    const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}T${hour.padStart(2, '0')}:${minute}:${second.padStart(2, '0')}`;
    return parseInstant(iso, path, options);
  }
  const iso = ISO_DATE_TIME.exec(text);
  if (!iso) throw new ValidationError(path, `expected an ISO 8601 date, got ${describeValue(value)}.`);
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = iso;
  // Truncated to the millisecond, as Date.parse does, so 6-digit and 5-digit fractions meet.
  const ms = fraction ? Number(fraction.slice(1, 4).padEnd(3, '0')) : 0;
  const offset = zone ?? (hour === undefined ? 'Z' : (options.assumeOffset ?? 'Z'));
  const base = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second), ms);
  const check = new Date(base);
  if (
    check.getUTCMonth() !== Number(month) - 1 ||
    check.getUTCDate() !== Number(day) ||
    Number(hour ?? 0) > 23 ||
    Number(minute ?? 0) > 59 ||
    Number(second) > 60
  ) {
    throw new ValidationError(path, `${describeValue(value)} is not a real date.`);
  }
  return base - offsetMs(offset, path);
}

function offsetMs(zone: string, path: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!match) throw new ValidationError(path, `unknown time zone offset ${describeValue(zone)}.`);
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}

/** `parseInstant` as an ISO string, or undefined for a gap. */
export function toIso(raw: unknown, path: string, options?: DateOptions): string | undefined {
  const ms = parseInstant(raw, path, options);
  return ms === null ? undefined : new Date(ms).toISOString();
}

/**
 * Text from a payload for display: strings as they are (never interpreted as markup by
 * ioc-kit, which renders text only), numbers and booleans printed, anything else undefined.
 * Control characters are removed and the length capped so a hostile field cannot flood a widget.
 */
export function readText(raw: unknown, maxLength = 500): string | undefined {
  const value = unwrapTyped(raw);
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else return undefined;
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
