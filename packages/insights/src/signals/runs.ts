// Runs of threshold crossings: consecutive values in a band that raises an alert (a band with a
// severity: VN_AQI Kém and worse, VN_WQI Xấu and worse, heavy rain), or, for an indicator
// without bands, consecutive values on the wrong side of its target. A gap ends a run.
import type { Band, Indicator } from '@ioc-kit/data';
import { bandIndexOf } from '../status/status.js';

/** A run of consecutive values past a threshold. */
export interface CrossingRun {
  /** Indices of the first and last value of the run. */
  start: number;
  end: number;
  from: number;
  to: number;
  /** Values in the run. */
  length: number;
  /** The first alerting band the run entered (its threshold), when the indicator has bands. */
  threshold?: Band;
  /** The worst band the run reached. */
  worst?: Band;
  /** True when the run holds the series' last finite value. */
  ongoing: boolean;
}

/** Whether a band raises an alert. */
export function isAlertingBand(band: Band | undefined): boolean {
  return band?.severity !== undefined;
}

/** Runs of values past the indicator's threshold, oldest first. */
export function crossingRunsOf(series: { t: ArrayLike<number>; v: ArrayLike<number> }, indicator: Indicator, target?: number | null): CrossingRun[] {
  const { t, v } = series;
  const bands = indicator.bands;
  const alerting = bands?.some(isAlertingBand) ?? false;
  const goal = target ?? indicator.target;
  if (!alerting && (goal === undefined || goal === null || indicator.polarity === 'neutral')) return [];
  // How bad a value is: the band's index counted from the good end, or 1 when past the target.
  const goodAtTop = indicator.polarity === 'higher-is-better';
  const crossing = (value: number): number => {
    if (alerting) {
      const i = bandIndexOf(bands, value);
      return i >= 0 && isAlertingBand(bands![i]) ? i : -1;
    }
    return (goodAtTop ? value < goal! : value > goal!) ? 0 : -1;
  };
  let lastFinite = v.length - 1;
  while (lastFinite >= 0 && !Number.isFinite(v[lastFinite])) lastFinite--;
  const runs: CrossingRun[] = [];
  let start = -1;
  let first = -1;
  let worst = -1;
  const close = (end: number): void => {
    runs.push({
      start,
      end,
      from: t[start]!,
      to: t[end]!,
      length: end - start + 1,
      ...(alerting ? { threshold: bands![first]!, worst: bands![worst]! } : {}),
      ongoing: end === lastFinite,
    });
    start = -1;
  };
  for (let i = 0; i < v.length; i++) {
    const value = v[i]!;
    const level = Number.isFinite(value) ? crossing(value) : -1;
    if (level < 0) {
      if (start >= 0) close(i - 1);
      continue;
    }
    if (start < 0) {
      start = i;
      first = level;
      worst = level;
    } else if (goodAtTop ? level < worst : level > worst) {
      worst = level;
    }
  }
  if (start >= 0) close(v.length - 1);
  return runs;
}
