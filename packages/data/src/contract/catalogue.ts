import type { LocalizedText } from './text.js';

/** The six domains of a smart-city operations centre. */
export const DOMAINS = ['economy', 'citizens', 'governance', 'mobility', 'environment', 'living'] as const;
export type Domain = (typeof DOMAINS)[number];

/** Indicator ids are `domain.indicator`, e.g. `environment.aqi`. */
export type IndicatorId = `${Domain}.${string}`;

export type Polarity = 'higher-is-better' | 'lower-is-better' | 'neutral';

/** How values combine over time (hour -> day) and over areas (communes -> province). */
export type Aggregation = 'sum' | 'mean' | 'weighted-mean' | 'last' | 'max' | 'min';

/** A unit of measure: a machine code and what a person reads. */
export interface Unit {
  /** UCUM code (`ug/m3`, `%`, `km/h`) or UN/CEFACT common code (`GQ`, `KMH`). */
  code: string;
  system: 'UCUM' | 'UNCEFACT' | 'none';
  /** Display label, e.g. `µg/m³`, `tỷ đồng` / `bn VND`. Empty for plain counts. */
  label: LocalizedText;
}

/**
 * A band of values with a meaning, e.g. one of the six VN_AQI bands.
 * `from` inclusive, `to` exclusive (the last band includes its `to`).
 */
export interface Band {
  from: number;
  to: number;
  label: LocalizedText;
  /** A theme token name for the band's colour, e.g. `aqi-good`; widgets read `--ioc-sys-color-<token>`. */
  token: string;
  /** Official colour where the scale defines one (VN_AQI, VN_WQI), as `#rrggbb`. */
  color?: string;
  /** Health or action advice for the band, where one is published. */
  advice?: LocalizedText;
  /** Alert severity a value in this band raises, if any. */
  severity?: AlertSeverity;
}

export interface Indicator {
  id: IndicatorId;
  domain: Domain;
  name: LocalizedText;
  /** A short description for tooltips and docs. */
  description: LocalizedText;
  unit: Unit;
  /** Decimal places for display. */
  decimals: number;
  polarity: Polarity;
  aggregation: {
    time: Aggregation;
    area: Aggregation;
    /** For `weighted-mean` over areas: the indicator (or `population`) to weight by. */
    weight?: string;
  };
  /** Plausible range; values outside it are rejected by validation. */
  range?: { min?: number; max?: number };
  /** A standing target, e.g. 95 (% on time). Query results may carry period targets too. */
  target?: number;
  bands?: readonly Band[];
}

/** Severities of the FIWARE `Alert` model. */
export const ALERT_SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
