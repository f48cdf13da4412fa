/**
 * The ioc-kit live protocol (version 1): small JSON messages a province's backend pushes over
 * Server-Sent Events (one message per event, in `data:`) or a WebSocket (one message per text
 * frame).
 *
 * Server → client:
 * ```jsonc
 * { "type": "points",    "id": "41", "indicator": "environment.pm25", "area": "90001",
 *   "points": [["2026-11-24T10:00:00+07:00", 35.2], [1764043200000, 36.0]] }   // [time, value]; time ISO or epoch ms
 * { "type": "kpi",       "id": "42", "indicator": "environment.aqi", "area": "90",
 *   "value": 87, "observedAt": "2026-11-24T10:05:00+07:00" }
 * { "type": "alerts",    "id": "43", "alerts": [ { FIWARE Alert fields: id, severity, category, domain, dateIssued, status, … } ] }
 * { "type": "heartbeat", "at": "2026-11-24T10:05:30Z" }                       // keeps an idle connection alive
 * { "type": "reset",     "id": "44" }                                          // "I cannot resume from your token": re-read everything
 * ```
 * `id` is an opaque resume token, increasing in the server's order. Over SSE the event's `id:`
 * field carries it (and the JSON `id` may be left out); the SSE event name may carry `type`.
 * A point is the value of its period so far: a newer point in the same period replaces the older.
 *
 * Client → server (WebSocket only; over SSE the client resumes with the `Last-Event-ID` header):
 * ```jsonc
 * { "type": "subscribe",   "topics": ["environment.pm25", "alerts"], "since": "43" }  // since: the last id seen, to resume
 * { "type": "unsubscribe", "topics": ["environment.pm25"] }
 * ```
 * A topic is an indicator id or `alerts`. A server may ignore topics and send everything: the
 * client filters. A server that can resume replays every message after `since`, in order.
 */
import { ValidationError } from '../../contract/errors.js';
import type { IndicatorId } from '../../contract/catalogue.js';
import { DOMAINS } from '../../contract/catalogue.js';
import { cleanText } from '../../contract/validate.js';
import { parseTime, toIso } from '../../contract/time.js';

export const LIVE_PROTOCOL_VERSION = 1;

export interface LivePointsMessage {
  type: 'points';
  id?: string;
  indicator: IndicatorId;
  area: string;
  /** Epoch ms and values; unreadable values are NaN (gaps), unreadable times are a ValidationError. */
  t: number[];
  v: number[];
}

export interface LiveKpiMessage {
  type: 'kpi';
  id?: string;
  indicator: IndicatorId;
  area: string;
  value: number | null;
  observedAt?: string;
}

export interface LiveAlertsMessage {
  type: 'alerts';
  id?: string;
  /** Raw alert objects: validated against the FIWARE Alert model where they are applied. */
  alerts: unknown[];
}

export interface LiveHeartbeatMessage {
  type: 'heartbeat';
  id?: string;
}

export interface LiveResetMessage {
  type: 'reset';
  id?: string;
}

export type LiveMessage = LivePointsMessage | LiveKpiMessage | LiveAlertsMessage | LiveHeartbeatMessage | LiveResetMessage;

/** Client → server messages (WebSocket). */
export type LiveClientMessage = { type: 'subscribe'; topics: string[]; since?: string } | { type: 'unsubscribe'; topics: string[] };

/** The most points one message may carry: beyond it the message is refused rather than freezing a screen. */
export const MAX_POINTS_PER_MESSAGE = 100_000;
const MAX_TOKEN_LENGTH = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, path: string, maxLength: number): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw new ValidationError(path, `expected a text, got ${value === null ? 'null' : typeof value}`);
  const cleaned = cleanText(value, maxLength);
  if (cleaned === '') throw new ValidationError(path, 'expected a non-empty text');
  return cleaned;
}

function indicatorId(value: unknown, path: string): IndicatorId {
  const id = text(value, path, 200);
  const dot = id.indexOf('.');
  if (dot > 0 && dot < id.length - 1 && (DOMAINS as readonly string[]).includes(id.slice(0, dot))) return id as IndicatorId;
  throw new ValidationError(path, `expected an indicator id like "environment.pm25", got "${id.slice(0, 60)}"`);
}

function numberOrNaN(value: unknown, path: string): number {
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(value)) return Number(value);
  throw new ValidationError(path, `expected a number, got ${typeof value}`);
}

/**
 * Reads one live message from its JSON text. `fallback` supplies what the transport knows
 * (the SSE event name and id). Throws only `ValidationError`, naming the field at fault.
 */
export function parseLiveMessage(json: string, fallback: { type?: string; id?: string } = {}): LiveMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ValidationError('(message)', `a live message was not JSON; it began with "${cleanText(json, 60)}"`);
  }
  if (!isRecord(raw)) throw new ValidationError('(message)', 'a live message must be a JSON object');
  const type = raw.type ?? (fallback.type && fallback.type !== 'message' ? fallback.type : undefined);
  const idValue = raw.id ?? (fallback.id === '' ? undefined : fallback.id);
  const id = idValue === undefined || idValue === null ? undefined : text(idValue, 'id', MAX_TOKEN_LENGTH);
  const withId = <M extends LiveMessage>(message: M): M => (id === undefined ? message : { ...message, id });
  switch (type) {
    case 'points': {
      const points = raw.points;
      if (!Array.isArray(points)) throw new ValidationError('points', 'expected a list of [time, value] pairs');
      if (points.length > MAX_POINTS_PER_MESSAGE) throw new ValidationError('points', `more than ${MAX_POINTS_PER_MESSAGE} points in one message`);
      const t: number[] = [];
      const v: number[] = [];
      points.forEach((point: unknown, i) => {
        const pair: unknown[] | undefined = Array.isArray(point) ? (point as unknown[]) : isRecord(point) ? [point.t ?? point.time, point.v ?? point.value] : undefined;
        if (!pair) throw new ValidationError(`points[${i}]`, 'expected [time, value]');
        const time = parseTime(pair[0]);
        if (!Number.isFinite(time)) throw new ValidationError(`points[${i}][0]`, 'expected a date-time (ISO text or epoch ms)');
        t.push(time);
        v.push(numberOrNaN(pair[1], `points[${i}][1]`));
      });
      return withId({ type: 'points', indicator: indicatorId(raw.indicator, 'indicator'), area: text(raw.area, 'area', 40), t, v });
    }
    case 'kpi': {
      const value = numberOrNaN(raw.value, 'value');
      const message: LiveKpiMessage = { type: 'kpi', indicator: indicatorId(raw.indicator, 'indicator'), area: text(raw.area, 'area', 40), value: Number.isFinite(value) ? value : null };
      if (raw.observedAt !== undefined && raw.observedAt !== null) {
        const observedAt = toIso(parseTime(raw.observedAt));
        if (!observedAt) throw new ValidationError('observedAt', 'expected a date-time');
        message.observedAt = observedAt;
      }
      return withId(message);
    }
    case 'alerts': {
      const alerts = Array.isArray(raw.alerts) ? (raw.alerts as unknown[]) : isRecord(raw.alert) ? [raw.alert] : undefined;
      if (!alerts) throw new ValidationError('alerts', 'expected a list of alerts');
      return withId({ type: 'alerts', alerts });
    }
    case 'heartbeat':
      return withId({ type: 'heartbeat' });
    case 'reset':
      return withId({ type: 'reset' });
    default:
      throw new ValidationError('type', `expected points, kpi, alerts, heartbeat or reset, got ${typeof type === 'string' ? `"${cleanText(type, 40)}"` : typeof type}`);
  }
}

/**
 * Compares resume tokens: numerically when both are integers (so "10" follows "9"), else as
 * text. Servers that use opaque tokens still get duplicate detection by equality.
 */
export function compareTokens(a: string, b: string): number {
  if (/^\d{1,15}$/.test(a) && /^\d{1,15}$/.test(b)) return Number(a) - Number(b);
  return a === b ? 0 : a < b ? -1 : 1;
}
