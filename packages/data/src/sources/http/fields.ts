/**
 * The declarative half of the HTTP JSON source: URL templates, and fields read from a payload
 * by path with value transforms (number notation, unit scale, dates, text replacements). Bad
 * values are read leniently, as gaps or skipped fields with a warning naming the row and field.
 */
import { ConfigError, ValidationError } from '../../contract/errors.js';
import { describeBadValue, type WarnFn } from '../../contract/warnings.js';
import { describeValue, parseInstant, parseNumber, readText, type DateOptions, type NumberNotation } from '../../internal/http-values.js';
import { compilePath, selectAll, selectOne } from './json-path.js';

/** How to read one field: a path, or a path with a type and transforms. */
export type FieldSpec =
  | string
  | {
      path: string;
      /** `number` (default for values), `date` or `text`. */
      type?: 'number' | 'date' | 'text';
      /** Notation of numeric strings; `auto` reads both `1.234,5` and `1,234.5`. */
      notation?: NumberNotation;
      /** Multiply numbers by this, e.g. 1000 for a g/m³ payload shown in mg/m³. */
      scale?: number;
      /** Date options: zone assumed when none is written, interval end, epoch unit. */
      date?: DateOptions;
      /** Text replacements applied before interpretation, e.g. `{ "cao": "high" }`. */
      map?: Readonly<Record<string, string>>;
    };

export type TemplateFields = Readonly<Record<string, string | number | undefined>>;

/** Fills `{name}` placeholders (URL-encoded); an unknown placeholder is a configuration error. */
export function fillTemplate(template: string, values: TemplateFields): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (_whole, name: string) => {
    if (!Object.hasOwn(values, name)) {
      throw new ConfigError(`URL template "${template}" uses {${name}}, which is not one of ${Object.keys(values).map((key) => `{${key}}`).join(', ')}.`);
    }
    const value = values[name];
    return value === undefined ? '' : encodeURIComponent(String(value));
  });
}

function specOf(field: FieldSpec): Exclude<FieldSpec, string> {
  return typeof field === 'string' ? { path: field } : field;
}

/** The raw value of a field, after its text replacements. */
export function rawField(record: unknown, field: FieldSpec): unknown {
  const spec = specOf(field);
  const value = selectOne(record, spec.path);
  if (spec.map && typeof value === 'string' && Object.hasOwn(spec.map, value)) return spec.map[value];
  return value;
}

/** Reads a number field of `record`; null for a gap. `where` names the record for messages. */
export function readNumberField(record: unknown, field: FieldSpec, where: string): number | null {
  const spec = specOf(field);
  const raw = rawField(record, field);
  const value = parseNumber(raw, joinPath(where, spec.path), spec.notation ?? 'auto');
  if (value === null) return null;
  const scaled = spec.scale === undefined ? value : value * spec.scale;
  if (!Number.isFinite(scaled)) throw new ValidationError(joinPath(where, spec.path), `${describeValue(raw)} is too large.`);
  return scaled;
}

export function readDateField(record: unknown, field: FieldSpec, where: string): number | null {
  return parseInstant(rawField(record, field), joinPath(where, specOf(field).path), specOf(field).date);
}

export function readTextField(record: unknown, field: FieldSpec | undefined): string | undefined {
  if (field === undefined) return undefined;
  return readText(rawField(record, field));
}

export function joinPath(where: string, path: string): string {
  const relative = path.replace(/^\$\.?/, '');
  if (!where) return relative;
  if (!relative) return where;
  return relative.startsWith('[') ? `${where}${relative}` : `${where}.${relative}`;
}

/** A row of a payload, and the path that names it in messages (`results[3]`; empty for the body itself). */
export interface PayloadRow {
  record: unknown;
  where: string;
}

/** Records at `itemsPath`; a payload with no list there is a `ValidationError`. */
export function recordsAt(payload: unknown, itemsPath: string): PayloadRow[] {
  const records = selectAll(payload, compilePath(itemsPath));
  if (records.length === 0 && selectAll(payload, itemsPath.replace(/(\[\*\]|\.\*)$/, '') || '$').length === 0) {
    throw new ValidationError(itemsPath, 'the payload has no list here. Check the `items` path against a real response.');
  }
  const base = itemsPath.replace(/^\$\.?/, '').replace(/\[\*\]$/, '');
  return records.map((record, index) => ({ record, where: `${base}[${index}]` }));
}

/** `where` and `field` as the warnings name them: the row (`results[3]`, or `(body)`) and the field path. */
export function nameOf(where: string, field: FieldSpec): { entity: string; field: string } {
  return { entity: where || '(body)', field: specOf(field).path.replace(/^\$\.?/, '') || '$' };
}

/**
 * A number field read leniently: a value that is not a number (or too large once scaled) is a
 * gap (null) with a warning. (The domain adapter then checks the indicator's plausible range.)
 */
export function numberOrGap(row: PayloadRow, field: FieldSpec, warn: WarnFn): number | null {
  try {
    return readNumberField(row.record, field, row.where);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const names = nameOf(row.where, field);
    const raw = rawField(row.record, field);
    warn({ code: 'invalid-value', ...names, message: `${names.entity} ${names.field}: ${describeBadValue(raw)} is not a number${typeof raw === 'number' || typeof raw === 'string' ? ' (or too large)' : ''}; read as a gap` });
    return null;
  }
}

/** A date field read leniently: null when absent, `undefined` (with a warning ending in `consequence`) when it cannot be read. */
export function dateOrWarn(row: PayloadRow, field: FieldSpec, warn: WarnFn, consequence: string): number | null | undefined {
  try {
    return readDateField(row.record, field, row.where);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const names = nameOf(row.where, field);
    warn({ code: 'invalid-time', ...names, message: `${names.entity} ${names.field}: ${describeBadValue(rawField(row.record, field))} is not a date-time; ${consequence}` });
    return undefined;
  }
}

/** A date field read quietly: the instant, or undefined when absent or unreadable. */
export function dateQuietly(row: PayloadRow, field: FieldSpec): number | undefined {
  try {
    return readDateField(row.record, field, row.where) ?? undefined;
  } catch {
    return undefined;
  }
}
