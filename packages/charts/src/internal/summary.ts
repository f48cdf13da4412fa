import type { Locale, TimeGrain } from '@ioc-kit/data';
import { DEFAULT_TIME_ZONE, formatPeriod, formatValue } from './format.js';

/**
 * The words a screen reader hears for a chart: range, latest value, trend and threshold
 * crossings, in Vietnamese or English. Generated from the numbers, never from markup.
 */

const WORDS = {
  vi: {
    series: (n: number) => `${n} chuỗi`,
    from: 'từ',
    to: 'đến',
    lowest: 'thấp nhất',
    highest: 'cao nhất',
    latest: 'mới nhất',
    trend: 'xu hướng',
    up: 'tăng',
    down: 'giảm',
    flat: 'ổn định',
    noData: 'chưa có dữ liệu',
    crossed: (label: string, value: string, count: number) => `vượt ngưỡng ${label} (${value}) ${count} lần`,
    total: 'tổng',
    items: (n: number) => `${n} mục`,
  },
  en: {
    series: (n: number) => `${n} series`,
    from: 'from',
    to: 'to',
    lowest: 'lowest',
    highest: 'highest',
    latest: 'latest',
    trend: 'trend',
    up: 'rising',
    down: 'falling',
    flat: 'stable',
    noData: 'no data yet',
    crossed: (label: string, value: string, count: number) => `crossed ${label} (${value}) ${count} ${count === 1 ? 'time' : 'times'}`,
    total: 'total',
    items: (n: number) => `${n} items`,
  },
} as const;

export type TrendDirection = 'up' | 'down' | 'flat';

export interface SummarySeries {
  label: string;
  t: Float64Array;
  v: Float64Array;
}

export interface SummaryThreshold {
  value: number;
  label: string;
}

export interface SeriesSummaryInput {
  locale: Locale;
  title: string;
  /** Unit label shown after values, e.g. `µg/m³`; empty for plain counts. */
  unit?: string;
  decimals?: number;
  grain?: TimeGrain;
  timeZone?: string;
  series: readonly SummarySeries[];
  /** Upward crossings of these values are counted (e.g. VN_AQI 101 "Kém"). */
  thresholds?: readonly SummaryThreshold[];
}

export interface SeriesStats {
  count: number;
  min: number;
  minAt: number;
  max: number;
  maxAt: number;
  first: number;
  firstAt: number;
  latest: number;
  latestAt: number;
  trend: TrendDirection;
}

/**
 * Range, first and latest value, and the trend of a series in one pass. The trend is the
 * least-squares slope over the whole span compared with the value range: a change of less
 * than a tenth of the range reads as stable.
 */
export function seriesStats(t: Float64Array, v: Float64Array): SeriesStats | undefined {
  const n = Math.min(t.length, v.length);
  // Centred on the first finite time, so epoch milliseconds squared keep their precision.
  let origin = Number.NaN;
  for (let i = 0; i < n && origin !== origin; i++) if ((t[i] as number) - (t[i] as number) === 0) origin = t[i] as number;
  let count = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let minAt = Number.NaN;
  let maxAt = Number.NaN;
  let first = Number.NaN;
  let firstAt = Number.POSITIVE_INFINITY;
  let latest = Number.NaN;
  let latestAt = Number.NEGATIVE_INFINITY;
  let sumX = 0;
  let sumY = 0;
  let sumXY = 0;
  let sumXX = 0;
  for (let i = 0; i < n; i++) {
    const x = t[i] as number;
    const y = v[i] as number;
    if (y - y !== 0 || x - x !== 0) continue;
    count++;
    if (y < min) {
      min = y;
      minAt = x;
    }
    if (y > max) {
      max = y;
      maxAt = x;
    }
    if (x < firstAt) {
      first = y;
      firstAt = x;
    }
    if (x >= latestAt) {
      latest = y;
      latestAt = x;
    }
    const dx = x - origin;
    sumX += dx;
    sumY += y;
    sumXY += dx * y;
    sumXX += dx * dx;
  }
  if (count === 0) return undefined;
  let trend: TrendDirection = 'flat';
  const denominator = count * sumXX - sumX * sumX;
  const range = max - min;
  if (count > 1 && denominator > 0 && range > 0) {
    const slope = (count * sumXY - sumX * sumY) / denominator;
    const change = (slope * (latestAt - firstAt)) / range;
    if (change > 0.1) trend = 'up';
    else if (change < -0.1) trend = 'down';
  }
  return { count, min, minAt, max, maxAt, first, firstAt, latest, latestAt, trend };
}

/** How many times the series rises from below `threshold` to at or above it. */
export function upwardCrossings(v: Float64Array, threshold: number, from = 0, to = v.length): number {
  let count = 0;
  let previous = Number.NaN;
  for (let i = from; i < to; i++) {
    const y = v[i] as number;
    if (y - y !== 0) continue;
    if (previous < threshold && y >= threshold) count++;
    previous = y;
  }
  return count;
}

/** The words for a trend direction. */
export function trendWord(trend: TrendDirection, locale: Locale): string {
  return WORDS[locale][trend];
}

/** A text summary of time series for `role="img"` charts, e.g. for `aria-label`. */
export function summarizeSeries(input: SeriesSummaryInput): string {
  const words = WORDS[input.locale];
  const decimals = input.decimals ?? 0;
  const grain = input.grain ?? 'day';
  const zone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const unit = input.unit ? ` ${input.unit}` : '';
  const value = (x: number) => `${formatValue(x, input.locale, decimals)}${unit}`;
  const when = (x: number) => formatPeriod(x, grain, input.locale, zone);
  const stats = input.series.map((series) => ({ series, stats: seriesStats(series.t, series.v) }));
  const known = stats.filter((entry): entry is { series: SummarySeries; stats: SeriesStats } => entry.stats !== undefined);
  const title = input.title.trim();
  if (known.length === 0) return `${title}: ${words.noData}.`;
  const start = Math.min(...known.map((entry) => entry.stats.firstAt));
  const end = Math.max(...known.map((entry) => entry.stats.latestAt));
  const sentences = [`${title}: ${words.series(known.length)}, ${words.from} ${when(start)} ${words.to} ${when(end)}.`];
  for (const { series, stats: s } of known) {
    const parts = [
      `${words.lowest} ${value(s.min)} (${when(s.minAt)})`,
      `${words.highest} ${value(s.max)} (${when(s.maxAt)})`,
      `${words.latest} ${value(s.latest)} (${when(s.latestAt)})`,
      `${words.trend} ${words[s.trend]}`,
    ];
    for (const threshold of input.thresholds ?? []) {
      const count = upwardCrossings(series.v, threshold.value);
      if (count > 0) parts.push(words.crossed(threshold.label, formatValue(threshold.value, input.locale, decimals), count));
    }
    const label = series.label.trim();
    sentences.push(`${label ? `${label}: ` : ''}${parts.join(', ')}.`);
  }
  return sentences.join(' ');
}

export interface CategorySummaryInput {
  locale: Locale;
  title: string;
  unit?: string;
  decimals?: number;
  items: readonly { label: string; value: number | null }[];
  /** Say the total too (shares, counts). */
  total?: boolean;
}

/** A text summary of categories (bars, slices): count, highest, lowest and the total. */
export function summarizeCategories(input: CategorySummaryInput): string {
  const words = WORDS[input.locale];
  const unit = input.unit ? ` ${input.unit}` : '';
  const value = (x: number) => `${formatValue(x, input.locale, input.decimals ?? 0)}${unit}`;
  const finite = input.items.filter((item): item is { label: string; value: number } => typeof item.value === 'number' && Number.isFinite(item.value));
  const title = input.title.trim();
  if (finite.length === 0) return `${title}: ${words.noData}.`;
  let highest = finite[0] as { label: string; value: number };
  let lowest = highest;
  let sum = 0;
  for (const item of finite) {
    if (item.value > highest.value) highest = item;
    if (item.value < lowest.value) lowest = item;
    sum += item.value;
  }
  const parts = [`${words.highest} ${highest.label} ${value(highest.value)}`, `${words.lowest} ${lowest.label} ${value(lowest.value)}`];
  if (input.total) parts.push(`${words.total} ${value(sum)}`);
  return `${title}: ${words.items(finite.length)}; ${parts.join(', ')}.`;
}
