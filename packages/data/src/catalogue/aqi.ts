/**
 * VN_AQI from pollutant concentrations, Decision 1459/QĐ-TCMT (12 Nov 2019): each pollutant's
 * sub-index by linear interpolation between breakpoints, the AQI the largest sub-index rounded to
 * an integer; hourly PM uses NowCast over the last 12 hours.
 */

export type AqiPollutant = 'pm25' | 'pm10' | 'o3_1h' | 'o3_8h' | 'no2' | 'so2' | 'co';

const INDEX_BREAKPOINTS = [0, 50, 100, 150, 200, 300, 400, 500] as const;

/** Concentration breakpoints (µg/m³, CO too) matching index 0/50/100/150/200/300/400/500. */
export const VN_AQI_BREAKPOINTS: Readonly<Record<AqiPollutant, readonly number[]>> = {
  pm25: [0, 25, 50, 80, 150, 250, 350, 500],
  pm10: [0, 50, 150, 250, 350, 420, 500, 600],
  o3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
  // 8-hour ozone stops at index 300: above 400 µg/m³ the 1-hour value is used.
  o3_8h: [0, 100, 120, 170, 210, 400],
  no2: [0, 100, 200, 700, 1200, 2350, 3100, 3850],
  so2: [0, 125, 350, 550, 800, 1600, 2100, 2630],
  co: [0, 10000, 30000, 45000, 60000, 90000, 120000, 150000],
};

/**
 * A pollutant's sub-index (unrounded). NaN for a missing, negative or non-finite concentration,
 * and for 8-hour ozone above its last breakpoint; 500 above the top of the scale.
 */
export function aqiSubIndex(pollutant: AqiPollutant, concentration: number): number {
  const breakpoints = VN_AQI_BREAKPOINTS[pollutant];
  if (typeof concentration !== 'number' || !Number.isFinite(concentration) || concentration < 0) return Number.NaN;
  for (let i = 1; i < breakpoints.length; i++) {
    const high = breakpoints[i] ?? Number.NaN;
    if (concentration <= high) {
      const low = breakpoints[i - 1] ?? 0;
      const indexLow = INDEX_BREAKPOINTS[i - 1] ?? 0;
      const indexHigh = INDEX_BREAKPOINTS[i] ?? 500;
      return indexLow + ((indexHigh - indexLow) * (concentration - low)) / (high - low);
    }
  }
  return pollutant === 'o3_8h' ? Number.NaN : 500;
}

export interface AqiResult {
  /** The VN_AQI, an integer 0..500, or NaN when no PM value is available. */
  aqi: number;
  /** The pollutant with the largest sub-index (which a published AQI must name). */
  dominant?: AqiPollutant;
  subIndices: Partial<Record<AqiPollutant, number>>;
}

/**
 * The VN_AQI from concentrations (µg/m³). At least one of PM2.5 and PM10 is required, as the
 * decision demands; without one the AQI is NaN. Pass hourly values (PM as NowCast) for the
 * hourly index or daily values (PM 24-hour means, O3 and the others as the decision says) for
 * the daily index.
 */
export function aqiFromConcentrations(concentrations: Partial<Record<AqiPollutant, number>>): AqiResult {
  const subIndices: Partial<Record<AqiPollutant, number>> = {};
  let best = Number.NEGATIVE_INFINITY;
  let dominant: AqiPollutant | undefined;
  for (const pollutant of Object.keys(VN_AQI_BREAKPOINTS) as AqiPollutant[]) {
    const value = concentrations[pollutant];
    if (value === undefined) continue;
    const index = aqiSubIndex(pollutant, value);
    if (!Number.isFinite(index)) continue;
    subIndices[pollutant] = index;
    if (index > best) {
      best = index;
      dominant = pollutant;
    }
  }
  if (subIndices.pm25 === undefined && subIndices.pm10 === undefined) return { aqi: Number.NaN, subIndices };
  return { aqi: Math.round(best), ...(dominant ? { dominant } : {}), subIndices };
}

/**
 * NowCast of hourly PM concentrations, as Decision 1459 defines it for the hourly VN_AQI.
 * `hourly[0]` is the most recent hour, `hourly[11]` eleven hours earlier; missing hours are NaN
 * (or absent). Needs at least 2 of the 3 most recent hours, else NaN.
 * w* = Cmin / Cmax over the 12 hours, w = max(w*, ½), NowCast = Σ w^(i−1)·cᵢ / Σ w^(i−1).
 */
export function nowCast(hourly: ArrayLike<number>): number {
  const values: number[] = [];
  for (let i = 0; i < 12; i++) {
    const value = i < hourly.length ? hourly[i] : Number.NaN;
    values.push(typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : Number.NaN);
  }
  const recent = values.slice(0, 3).filter((value) => !Number.isNaN(value)).length;
  if (recent < 2) return Number.NaN;
  const present = values.filter((value) => !Number.isNaN(value));
  const max = Math.max(...present);
  const min = Math.min(...present);
  const ratio = max > 0 ? min / max : 1;
  const w = Math.max(ratio, 0.5);
  if (max === 0) return 0;
  // Summed as shares of the largest hour: a weighted mean never exceeds it, so no sum overflows.
  let numerator = 0;
  let denominator = 0;
  values.forEach((value, i) => {
    if (Number.isNaN(value)) return;
    const weight = w ** i;
    numerator += weight * (value / max);
    denominator += weight;
  });
  return (numerator / denominator) * max;
}
