import type { Band, Domain, Indicator } from '../contract/catalogue.js';
import { CITIZENS } from './citizens.js';
import { ECONOMY } from './economy.js';
import { ENVIRONMENT } from './environment.js';
import { GOVERNANCE } from './governance.js';
import { LIVING } from './living.js';
import { MOBILITY } from './mobility.js';

export {
  VN_AQI_BANDS,
  VN_WQI_BANDS,
  PM25_BANDS,
  PM10_BANDS,
  PM25_BREAKPOINTS,
  PM10_BREAKPOINTS,
  RAINFALL_24H_BANDS,
} from './environment.js';
export { BED_OCCUPANCY_BANDS } from './living.js';
export { aqiFromConcentrations, aqiSubIndex, nowCast, VN_AQI_BREAKPOINTS, type AqiPollutant, type AqiResult } from './aqi.js';
export { ECONOMY, CITIZENS, GOVERNANCE, MOBILITY, ENVIRONMENT, LIVING };

/** Every indicator ioc-kit knows, across the six domains. */
export const CATALOGUE: readonly Indicator[] = [...ECONOMY, ...CITIZENS, ...GOVERNANCE, ...MOBILITY, ...ENVIRONMENT, ...LIVING];

const byId = new Map<string, Indicator>(CATALOGUE.map((indicator) => [indicator.id, indicator]));

/** The catalogue entry for an indicator id, or undefined. */
export function indicatorById(id: string): Indicator | undefined {
  return byId.get(id);
}

/** The indicators of one domain. */
export function indicatorsOf(domain: Domain): Indicator[] {
  return CATALOGUE.filter((indicator) => indicator.domain === domain);
}

/** The band a value falls in, or undefined (also for NaN). */
export function bandFor(indicator: Indicator, value: number): Band | undefined {
  const bands = indicator.bands ?? [];
  return bands.find((band, i) => value >= band.from && (value < band.to || (i === bands.length - 1 && value <= band.to)));
}
