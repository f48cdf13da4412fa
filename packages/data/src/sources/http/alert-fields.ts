/**
 * Alert vocabulary shared by the sources: FIWARE `Alert` severities and statuses, and which
 * ioc-kit domain an alert category belongs to.
 */
import { ALERT_SEVERITIES, DOMAINS, type AlertSeverity, type Domain } from '../../contract/catalogue.js';
import { ValidationError } from '../../contract/errors.js';
import type { AlertStatus } from '../../contract/query.js';
import { describeValue } from '../../internal/http-values.js';

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

/** Rank of a severity, informational = 0 … critical = 4. */
export function severityRank(severity: AlertSeverity): number {
  return ALERT_SEVERITIES.indexOf(severity);
}
