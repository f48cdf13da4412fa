import type { Domain, Indicator } from '../contract/catalogue.js';
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
// Kept apart from the catalogue so a widget that colours a value by its band does not ship every domain.
export { bandFor } from './bands.js';
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
