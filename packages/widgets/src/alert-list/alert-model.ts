/**
 * The alert list's data work, without the DOM: alerts checked one by one (a bad one is skipped
 * or shown safely, and counted), sorted by severity then time, filtered by the chips, repeats
 * grouped, and times said relatively ("3 phút trước").
 */
import { localize, type Alert, type AlertSeverity, type AlertStatus, type Locale } from '@ioc-kit/data';
import { formatNumber } from '../internal/format.js';
import { message } from '../internal/messages.js';
import * as words from '../internal/words.js';

/**
 * The severities, least severe first (as `ALERT_SEVERITIES` of `@ioc-kit/data`, repeated here so
 * a bundle that loads the catalogue lazily still has them when the first alert is drawn).
 */
export const ALERT_SEVERITIES: readonly AlertSeverity[] = ['informational', 'low', 'medium', 'high', 'critical'];

export const ALERT_STATUS_LIST: readonly AlertStatus[] = ['open', 'acknowledged', 'resolved'];

/** Repeats of one alert (same kind, area, severity and status) within this span are one row. */
export const GROUP_WINDOW_MS = 60 * 60_000;
/** Longest title or description shown; the rest is cut with an ellipsis. */
const MAX_TEXT = 240;
/** Clock skew tolerated before a start time counts as "in the future". */
const FUTURE_SLACK_MS = 5 * 60_000;

/** An alert as the list shows it: checked, its time read once, its text made safe. */
export interface ShownAlert {
  alert: Alert;
  time: number;
  rank: number;
  /** Started after "now" (a wrong clock at the source): shown with its date and a note. */
  future: boolean;
}

/** Why alerts were left out or marked, counted. */
export interface AlertProblems {
  skipped: number;
  future: number;
  /** One line per kind of problem, for the tooltip and `ioc-error`. */
  reasons: string[];
}

/** Control characters and bidirectional overrides, which could hide or reorder text. */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Plain, short, single-spaced text (Lit writes it as text: markup in it stays visible words). */
export function safeText(value: unknown, max = MAX_TEXT): string {
  if (typeof value !== 'string') return '';
  const text = value.replace(UNSAFE_CHARS, '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Checks every alert: one without an id, a readable start time, or a known severity is skipped
 * and counted; a start in the future is kept and marked. Never throws.
 */
export function checkAlerts(input: unknown, now: number): { alerts: ShownAlert[]; problems: AlertProblems } {
  const problems: AlertProblems = { skipped: 0, future: 0, reasons: [] };
  const reasons = new Map<string, number>();
  const note = (reason: string) => reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const list = Array.isArray(input) ? (input as unknown[]) : [];
  const alerts: ShownAlert[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    if (typeof item !== 'object' || item === null) {
      note('not an alert object');
      continue;
    }
    const alert = item as Partial<Alert>;
    const id = typeof alert.id === 'string' ? alert.id : typeof alert.id === 'number' ? String(alert.id) : '';
    if (!id) {
      note('no id');
      continue;
    }
    if (seen.has(id)) {
      note('repeated id');
      continue;
    }
    const rank = ALERT_SEVERITIES.indexOf(alert.severity as AlertSeverity);
    if (rank < 0) {
      note('unknown severity');
      continue;
    }
    const time = typeof alert.start === 'string' ? Date.parse(alert.start) : Number.NaN;
    if (!Number.isFinite(time)) {
      note('no readable start time');
      continue;
    }
    seen.add(id);
    const future = time > now + FUTURE_SLACK_MS;
    if (future) problems.future++;
    const status = ALERT_STATUS_LIST.includes(alert.status as AlertStatus) ? (alert.status as AlertStatus) : 'open';
    const shown: Alert = {
      ...(alert as Alert),
      id,
      status,
      category: safeText(alert.category, 60) || 'other',
      title: safeText(alert.title),
      source: safeText(alert.source, 120),
    };
    if (typeof alert.area !== 'string' || !alert.area.trim()) delete shown.area;
    alerts.push({ alert: shown, time, rank, future });
  }
  for (const [reason, count] of reasons) {
    problems.skipped += count;
    problems.reasons.push(`${count} × ${reason}`);
  }
  if (problems.future) problems.reasons.push(`${problems.future} × start time in the future`);
  return { alerts, problems };
}

/** Most severe first, then newest first, then by id (a stable order on every run). */
export function sortAlerts(list: ShownAlert[]): ShownAlert[] {
  return list.sort((a, b) => b.rank - a.rank || b.time - a.time || (a.alert.id < b.alert.id ? -1 : a.alert.id > b.alert.id ? 1 : 0));
}

/** One row: an alert and its repeats. `alerts[0]` is the newest. */
export interface AlertGroup {
  key: string;
  alerts: ShownAlert[];
  /** Newest minus oldest start, ms. */
  spanMs: number;
}

function kindOf(alert: Alert): string {
  return `${alert.domain}|${alert.indicator ?? `${alert.category}/${alert.subCategory ?? ''}`}|${alert.area ?? ''}|${alert.severity}|${alert.status}`;
}

/**
 * Groups repeats: alerts of the same kind, area, severity and status whose starts fall within
 * `GROUP_WINDOW_MS` of the group's newest. Expects the sorted list (severity, then newest first);
 * keeps that order.
 */
export function groupAlerts(sorted: readonly ShownAlert[], windowMs = GROUP_WINDOW_MS): AlertGroup[] {
  const groups: AlertGroup[] = [];
  const open = new Map<string, AlertGroup>();
  for (const item of sorted) {
    const kind = kindOf(item.alert);
    const group = open.get(kind);
    const newest = group?.alerts[0];
    if (group && newest && newest.time - item.time <= windowMs) {
      group.alerts.push(item);
      group.spanMs = newest.time - item.time;
      continue;
    }
    const created: AlertGroup = { key: item.alert.id, alerts: [item], spanMs: 0 };
    open.set(kind, created);
    groups.push(created);
  }
  return groups;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "vừa xong", "3 phút trước", "2 giờ trước", "5 ngày trước" / "just now", "3 min ago", ... */
export function relativeTime(time: number, now: number, locale: Locale): string {
  const age = now - time;
  if (age < MINUTE) return message(words.justNow, locale);
  if (age < HOUR) return message(words.minutesAgo, locale, { n: formatNumber(Math.floor(age / MINUTE), locale) });
  if (age < DAY) return message(words.hoursAgo, locale, { n: formatNumber(Math.floor(age / HOUR), locale) });
  const days = Math.floor(age / DAY);
  return message(days === 1 ? words.dayAgo : words.daysAgo, locale, { n: formatNumber(days, locale) });
}

/** "×12 trong 1 giờ" / "×12 in 1 h": a group's size and the span its starts cover. */
export function repeatText(count: number, spanMs: number, locale: Locale): string {
  const minutes = Math.max(1, Math.ceil(spanMs / MINUTE));
  const span =
    minutes < 60
      ? message(words.minutes, locale, { n: formatNumber(minutes, locale) })
      : message(words.hours, locale, { n: formatNumber(Math.ceil(minutes / 60), locale) });
  return message(words.repeats, locale, { n: formatNumber(count, locale), span });
}

/** The alert's title in the locale (bilingual label when the source gave one), never empty. */
export function titleOf(alert: Alert, locale: Locale): string {
  const label = alert.label?.title ? safeText(localize(alert.label.title, locale)) : '';
  return label || alert.title || safeText(alert.subCategory, 80) || alert.category;
}

export function descriptionOf(alert: Alert, locale: Locale): string {
  const label = alert.label?.description ? safeText(localize(alert.label.description, locale)) : '';
  return label || safeText(alert.description);
}
