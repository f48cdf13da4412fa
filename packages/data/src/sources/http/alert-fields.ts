/**
 * Alert vocabulary shared by the sources: FIWARE `Alert` severities and statuses, which
 * ioc-kit domain an alert category belongs to, and an alert read from a payload row by the
 * HTTP source's field paths.
 */
import { ALERT_SEVERITIES, DOMAINS, type AlertSeverity, type Domain } from '../../contract/catalogue.js';
import { ValidationError } from '../../contract/errors.js';
import type { Alert, AlertStatus } from '../../contract/query.js';
import type { WarnFn } from '../../contract/warnings.js';
import { describeValue } from '../../internal/http-values.js';
import { dateOrWarn, joinPath, numberOrGap, rawField, readDateField, readTextField, type FieldSpec, type PayloadRow } from './fields.js';

/**
 * FIWARE `Alert` categories (dataModel.Alert `alert-schema.json`) and common free ones,
 * mapped to the domain that handles them in an operations centre.
 */
const CATEGORY_DOMAIN: Readonly<Record<string, Domain>> = {
  traffic: 'mobility',
  transport: 'mobility',
  parking: 'mobility',
  naturaldisaster: 'environment',
  weather: 'environment',
  environment: 'environment',
  airquality: 'environment',
  water: 'environment',
  flood: 'environment',
  health: 'living',
  security: 'living',
  fire: 'living',
  energy: 'living',
  lighting: 'living',
  agriculture: 'economy',
  economy: 'economy',
  citizen: 'citizens',
  citizens: 'citizens',
  feedback: 'citizens',
  governance: 'governance',
  administration: 'governance',
};

/** The domain an alert category belongs to; unknown categories go to `fallback`. */
export function domainOfCategory(category: string | undefined, fallback: Domain = 'living'): Domain {
  if (!category) return fallback;
  const key = category.toLowerCase().replace(/[^a-z]/g, '');
  if ((DOMAINS as readonly string[]).includes(key)) return key as Domain;
  return CATEGORY_DOMAIN[key] ?? fallback;
}

const SEVERITY_SYNONYMS: Readonly<Record<string, AlertSeverity>> = {
  info: 'informational',
  information: 'informational',
  minor: 'low',
  moderate: 'medium',
  warning: 'medium',
  major: 'high',
  severe: 'high',
  extreme: 'critical',
  // Vietnamese labels seen in provincial systems.
  'thông tin': 'informational',
  thấp: 'low',
  'trung bình': 'medium',
  cao: 'high',
  'nghiêm trọng': 'critical',
  'khẩn cấp': 'critical',
};

/** A FIWARE severity from a payload value, or a `ValidationError` at `path`. */
export function readSeverity(value: unknown, path: string): AlertSeverity {
  if (typeof value === 'string') {
    const key = value.trim().toLowerCase();
    if ((ALERT_SEVERITIES as readonly string[]).includes(key)) return key as AlertSeverity;
    const synonym = SEVERITY_SYNONYMS[key];
    if (synonym) return synonym;
  }
  throw new ValidationError(path, `expected a severity (${ALERT_SEVERITIES.join(', ')}), got ${describeValue(value)}.`);
}

/** A status from a payload value; anything unrecognised counts as `open` (an alert nobody has handled). */
export function readStatus(value: unknown): AlertStatus {
  if (typeof value !== 'string') return 'open';
  const key = value.trim().toLowerCase();
  if (['acknowledged', 'ack', 'inprogress', 'in-progress', 'assigned'].includes(key)) return 'acknowledged';
  if (['resolved', 'closed', 'done', 'solved', 'cleared', 'expired'].includes(key)) return 'resolved';
  return 'open';
}

/** Where an alert's fields are in a row of the HTTP source's alerts endpoint. */
export interface AlertFields {
  id: FieldSpec;
  severity: FieldSpec;
  title: FieldSpec;
  start: FieldSpec;
  end?: FieldSpec;
  status?: FieldSpec;
  category?: FieldSpec;
  domain?: FieldSpec;
  area?: FieldSpec;
  description?: FieldSpec;
  source?: FieldSpec;
  value?: FieldSpec;
  longitude?: FieldSpec;
  latitude?: FieldSpec;
}

const pathOf = (field: FieldSpec) => (typeof field === 'string' ? field : field.path);

/**
 * One alert row; a `ValidationError` when it cannot be an alert (no id, no start, an unknown
 * severity). A bad end, value or position is left out with a warning and the alert kept.
 */
export function readAlert(row: PayloadRow, fields: AlertFields, warn: WarnFn, sourceId: string): Alert {
  const { record, where } = row;
  const alertId = readTextField(record, fields.id);
  if (!alertId) throw new ValidationError(joinPath(where, pathOf(fields.id)), 'an alert has no id.');
  const severity = readSeverity(rawField(record, fields.severity), joinPath(where, pathOf(fields.severity)));
  const start = readDateField(record, fields.start, where);
  if (start === null) throw new ValidationError(joinPath(where, pathOf(fields.start)), 'an alert has no start time.');
  const category = readTextField(record, fields.category) ?? 'other';
  const domainText = readTextField(record, fields.domain);
  const domain: Domain = domainText && (DOMAINS as readonly string[]).includes(domainText) ? (domainText as Domain) : domainOfCategory(category);
  const alert: Alert = {
    id: alertId,
    severity,
    category,
    domain,
    title: readTextField(record, fields.title) ?? category,
    start: new Date(start).toISOString(),
    status: readStatus(readTextField(record, fields.status)),
    source: readTextField(record, fields.source) ?? sourceId,
  };
  const end = fields.end ? dateOrWarn(row, fields.end, warn, 'the alert is kept without an end') : null;
  if (end !== null && end !== undefined) alert.end = new Date(end).toISOString();
  const area = readTextField(record, fields.area);
  if (area) alert.area = area;
  const description = readTextField(record, fields.description);
  if (description) alert.description = description;
  const value = fields.value ? numberOrGap(row, fields.value, warn) : null;
  if (value !== null) alert.value = value;
  const longitude = fields.longitude ? numberOrGap(row, fields.longitude, warn) : null;
  const latitude = fields.latitude ? numberOrGap(row, fields.latitude, warn) : null;
  if (longitude !== null && latitude !== null) alert.location = { type: 'Point', coordinates: [longitude, latitude] };
  return alert;
}
