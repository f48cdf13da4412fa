import type { Area, AreaLevel, Position } from './areas.js';
import type { AlertSeverity, Domain, IndicatorId, Unit } from './catalogue.js';
import type { LocalizedText } from './text.js';
import type { DataWarning } from './warnings.js';

export const TIME_GRAINS = ['hour', 'day', 'week', 'month', 'quarter', 'year'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];

/**
 * The headline value of one indicator for one area and period: the period that holds `at`
 * (default: the latest complete data) at `grain` (default: the indicator's natural grain).
 */
export interface KpiQuery {
  kind: 'kpi';
  indicator: IndicatorId;
  area: string;
  grain?: TimeGrain;
  at?: string;
}

/** Values over time, one series per area. `from` inclusive, `to` exclusive (ISO date-times). */
export interface SeriesQuery {
  kind: 'series';
  indicator: IndicatorId;
  areas: readonly string[];
  grain: TimeGrain;
  from: string;
  to: string;
}

/** One value per area at a level (for maps and rankings), for the period holding `at`. */
export interface ByAreaQuery {
  kind: 'by-area';
  indicator: IndicatorId;
  level: AreaLevel;
  parent?: string;
  grain?: TimeGrain;
  at?: string;
}

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

/** Alerts filtered by domain, area (and its descendants), severity, status and time. */
export interface AlertQuery {
  kind: 'alerts';
  domain?: Domain;
  area?: string;
  minSeverity?: AlertSeverity;
  status?: readonly AlertStatus[];
  from?: string;
  to?: string;
  limit?: number;
}

export type Query = KpiQuery | SeriesQuery | ByAreaQuery | AlertQuery;
export type QueryKind = Query['kind'];

/**
 * Why a result is older than asked for: a refresh failed and the source served the last good
 * data it had, `ageMs` old when it was handed out. `reason` is the failure's message (plain text).
 */
export interface StaleInfo {
  ageMs: number;
  reason: string;
}

interface ResultBase {
  /**
   * True when the source could return only part of what was asked (a page limit, a failed area,
   * values it skipped or read as gaps: then `warnings` says which).
   */
  partial: boolean;
  /**
   * What was skipped or read as a gap, and why: one entry per entity + field + kind of problem,
   * with a `count`, at most `MAX_WARNINGS` entries (the last one, `code: 'more'`, counts the
   * rest). Present only when there is something to say; then `partial` is true.
   */
  warnings?: readonly DataWarning[];
  /** When the newest value in the result was observed (ISO date-time), if known. */
  observedAt?: string;
  /**
   * Present only when the result is the last good data served after a failed refresh (then
   * `partial` is true too); a widget can say "data from 5 min ago". Absent on fresh results.
   */
  stale?: StaleInfo;
  /**
   * The areas the result speaks of (each area of a series or a by-area row, the KPI's area, the
   * alerts' areas), resolved once by the source: code, name, level, parent and valid dates. A
   * widget names and places areas from here and never guesses a level from a code's length.
   * Absent when the source knows nothing about its areas beyond their codes.
   */
  areas?: readonly Area[];
}

export interface KpiResult extends ResultBase {
  kind: 'kpi';
  indicator: IndicatorId;
  area: string;
  unit: Unit;
  /** Null when the period has no value yet. */
  value: number | null;
  /** The previous period's value (yesterday, last month, ...). */
  previous?: number | null;
  /** The same period one year earlier. */
  sameLastYear?: number | null;
  target?: number | null;
  /** The period the value describes: `from` inclusive, `to` exclusive. */
  period?: { grain: TimeGrain; from: string; to: string };
}

/** Numbers over time. `t` holds epoch milliseconds, ascending; `v` holds values, NaN for a gap. */
export interface SeriesData {
  area: string;
  t: Float64Array | readonly number[];
  v: Float64Array | readonly number[];
}

export interface SeriesResult extends ResultBase {
  kind: 'series';
  indicator: IndicatorId;
  unit: Unit;
  grain: TimeGrain;
  series: SeriesData[];
}

export interface ByAreaRow {
  area: string;
  value: number | null;
  observedAt?: string;
}

export interface ByAreaResult extends ResultBase {
  kind: 'by-area';
  indicator: IndicatorId;
  unit: Unit;
  level: AreaLevel;
  rows: ByAreaRow[];
}

/** An alert as in the FIWARE `Alert` data model, with ioc-kit's domain and status. */
export interface Alert {
  id: string;
  severity: AlertSeverity;
  /** FIWARE category (`traffic`, `environment`, `weather`, ...) or a free category. */
  category: string;
  subCategory?: string;
  domain: Domain;
  indicator?: IndicatorId;
  area?: string;
  location?: { type: 'Point'; coordinates: Position };
  title: string;
  description?: string;
  /**
   * Title and description in both languages, where the source has them (added for the demo and
   * catalogue-driven rules); `title`/`description` keep the Vietnamese or only text.
   */
  label?: { title: LocalizedText; description?: LocalizedText };
  /** ISO date-times. */
  start: string;
  end?: string;
  status: AlertStatus;
  /** Who or what raised it: a station, a camera, a threshold rule. */
  source: string;
  value?: number;
}

export interface AlertsResult extends ResultBase {
  kind: 'alerts';
  alerts: Alert[];
}

export type QueryResult = KpiResult | SeriesResult | ByAreaResult | AlertsResult;

/** The result type for a query type. */
export type ResultFor<Q extends Query> = Q extends KpiQuery
  ? KpiResult
  : Q extends SeriesQuery
    ? SeriesResult
    : Q extends ByAreaQuery
      ? ByAreaResult
      : Q extends AlertQuery
        ? AlertsResult
        : never;
