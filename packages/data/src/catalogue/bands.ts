import type { Band, Indicator } from '../contract/catalogue.js';

/** The band a value falls in, or undefined (also for NaN). */
export function bandFor(indicator: Indicator, value: number): Band | undefined {
  const bands = indicator.bands ?? [];
  return bands.find((band, i) => value >= band.from && (value < band.to || (i === bands.length - 1 && value <= band.to)));
}
