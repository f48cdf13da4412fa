// False-positive and detection rates over seeded series, for the property test and for
// `node packages/insights/scripts/rates.mjs` (which prints them for the issue note).
import { anomaliesOf } from '../signals/anomalies.js';
import { changePointsOf } from '../signals/change-points.js';
import { trendOf, type TrendMethod } from '../trend/trend.js';
import type { TimeGrain } from '@ioc-kit/data';
import { DAY, HOUR, seededRandom, synthetic } from './series.js';

/** One measured rate: how many of `trials` showed the event. */
export interface Rate {
  name: string;
  hits: number;
  trials: number;
  /** hits / trials × 100. */
  percent: number;
}

const rate = (name: string, hits: number, trials: number): Rate => ({ name, hits, trials, percent: (100 * hits) / trials });

function monthly(n: number, seed: number, slope = 0): { t: Float64Array; v: Float64Array; area: string } {
  const series = synthetic({ n, level: 50, noise: 5, slope, amplitude: 8, period: 12, seed });
  series.t = Float64Array.from({ length: n }, (_, i) => Date.UTC(2020, i, 1) - 7 * HOUR);
  return series;
}

function trendRate(name: string, trials: number, seed: number, make: (seed: number) => { t: Float64Array; v: Float64Array }, grain: TimeGrain, method: TrendMethod | 'auto' = 'auto'): Rate {
  let hits = 0;
  const seeds = seededRandom(seed);
  for (let k = 0; k < trials; k++) {
    const series = make(Math.floor(seeds() * 2 ** 31));
    if (trendOf(series, { grain, window: series.t.length, method }).significant) hits++;
  }
  return rate(name, hits, trials);
}

/** The rates reported in the issue note, over `trials` seeded series each. */
export function measureRates(trials = 1000, seed = 20261202): Rate[] {
  const rates: Rate[] = [];
  const noise = (n: number, step: number, phi = 0) => (s: number) => synthetic({ n, step, noise: 5, phi, seed: s });
  // Trend tests on noise only: the false-positive rate, nominal α = 5 %.
  rates.push(trendRate('trend FP, daily white noise, 90 d (corrected)', trials, seed + 1, noise(90, DAY), 'day'));
  rates.push(trendRate('trend FP, daily white noise, 30 d (corrected)', trials, seed + 2, noise(30, DAY), 'day'));
  rates.push(trendRate('trend FP, hourly white noise, 7 d (corrected)', trials, seed + 3, noise(168, HOUR), 'hour'));
  rates.push(trendRate('trend FP, daily white noise, 90 d (plain Mann–Kendall)', trials, seed + 4, noise(90, DAY), 'day', 'mann-kendall'));
  rates.push(trendRate('trend FP, monthly seasonal noise, 5 y (seasonal Kendall)', trials, seed + 5, (s) => monthly(60, s), 'month'));
  rates.push(trendRate('trend FP, daily AR(1) φ=0.5 noise, 90 d (corrected)', trials, seed + 6, noise(90, DAY, 0.5), 'day'));
  rates.push(trendRate('trend FP, daily AR(1) φ=0.5 noise, 90 d (Hamed–Rao alone)', trials, seed + 6, noise(90, DAY, 0.5), 'day', 'hamed-rao'));
  rates.push(trendRate('trend FP, daily AR(1) φ=0.5 noise, 90 d (plain Mann–Kendall)', trials, seed + 7, noise(90, DAY, 0.5), 'day', 'mann-kendall'));
  rates.push(trendRate('trend FP, daily AR(1) φ=0.5 noise, 30 d (corrected)', trials, seed + 12, noise(30, DAY, 0.5), 'day'));
  rates.push(trendRate('trend FP, hourly AR(1) φ=0.8 + daily cycle, 7 d (corrected)', trials, seed + 13, (s) => synthetic({ n: 168, step: HOUR, noise: 5, phi: 0.8, amplitude: 5, period: 24, seed: s }), 'hour'));
  // Detection of a planted trend: a total change of 1σ and 2σ over 90 days.
  rates.push(trendRate('trend detected, daily, +1σ over 90 d', trials, seed + 8, (s) => synthetic({ n: 90, noise: 5, slope: 5 / 89, seed: s }), 'day'));
  rates.push(trendRate('trend detected, daily, +2σ over 90 d', trials, seed + 9, (s) => synthetic({ n: 90, noise: 5, slope: 10 / 89, seed: s }), 'day'));
  rates.push(trendRate('trend detected, monthly, +2σ over 5 y (seasonal)', trials, seed + 10, (s) => monthly(60, s, 10 / 59), 'month'));
  rates.push(trendRate('trend detected, daily, step of 2σ at mid-window, 90 d', trials, seed + 11, (s) => synthetic({ n: 90, noise: 5, step_at: 45, step_size: 10, seed: s }), 'day'));

  // Anomaly flags on noise (share of values flagged) and detection of a planted 6σ spike.
  const seeds = seededRandom(seed + 20);
  let flaggedSeasonal = 0, pointsSeasonal = 0, flaggedRolling = 0, pointsRolling = 0, spikes = 0;
  let cpFalse = 0, cpFound = 0, cpFoundSmall = 0;
  const anomalyTrials = Math.max(1, Math.round(trials / 10));
  for (let k = 0; k < anomalyTrials; k++) {
    const long = synthetic({ n: 800, noise: 5, seed: Math.floor(seeds() * 2 ** 31) });
    flaggedSeasonal += anomaliesOf(long, { grain: 'day' }).anomalies.length;
    pointsSeasonal += long.v.length;
  }
  for (let k = 0; k < trials; k++) {
    const short = synthetic({ n: 90, noise: 5, seed: Math.floor(seeds() * 2 ** 31) });
    flaggedRolling += anomaliesOf(short, { grain: 'day' }).anomalies.length;
    pointsRolling += short.v.length;
    const spiked = synthetic({ n: 90, noise: 5, seed: Math.floor(seeds() * 2 ** 31) });
    spiked.v[60] = spiked.v[60]! + 30;
    if (anomaliesOf(spiked, { grain: 'day' }).anomalies.some((a) => a.index === 60)) spikes++;
    if (changePointsOf(short.t, short.v).length) cpFalse++;
    const stepped = synthetic({ n: 120, noise: 5, step_at: 60, step_size: 10, seed: Math.floor(seeds() * 2 ** 31) });
    if (changePointsOf(stepped.t, stepped.v).some((p) => Math.abs(p.index - 60) <= 3)) cpFound++;
    const small = synthetic({ n: 120, noise: 5, step_at: 60, step_size: 5, seed: Math.floor(seeds() * 2 ** 31) });
    if (changePointsOf(small.t, small.v).some((p) => Math.abs(p.index - 60) <= 3)) cpFoundSmall++;
  }
  rates.push(rate('anomaly false flags per value, daily noise, day-of-year baseline (800 d)', flaggedSeasonal, pointsSeasonal));
  rates.push(rate('anomaly false flags per value, daily noise, rolling baseline (90 d)', flaggedRolling, pointsRolling));
  rates.push(rate('anomaly detected, 6σ spike in 90 d of noise', spikes, trials));
  rates.push(rate('change point false alarm (any), 90 d of noise', cpFalse, trials));
  rates.push(rate('change point found (±3 d), 2σ step in 120 d', cpFound, trials));
  rates.push(rate('change point found (±3 d), 1σ step in 120 d', cpFoundSmall, trials));
  return rates;
}
