import type { Band, Domain, Indicator } from '../contract/catalogue.js';
import { ENVIRONMENT } from './environment.js';

export { VN_AQI_BANDS } from './environment.js';

/** Every indicator ioc-kit knows, across the six domains. */
export const CATALOGUE: readonly Indicator[] = [...ENVIRONMENT];

const byId = new Map<string, Indicator>(CATALOGUE.map((indicator) => [indicator.id, indicator]));

/** The catalogue entry for an indicator id, or undefined. */
export function indicatorById(id: string): Indicator | undefined {
  return byId.get(id);
}

/** The indicators of one domain. */
export function indicatorsOf(domain: Domain): Indicator[] {
  return CATALOGUE.filter((indicator) => indicator.domain === domain);
}

/** The band a value falls in, or undefined. */
export function bandFor(indicator: Indicator, value: number): Band | undefined {
  const bands = indicator.bands ?? [];
  return bands.find((band, i) => value >= band.from && (value < band.to || (i === bands.length - 1 && value <= band.to)));
}
