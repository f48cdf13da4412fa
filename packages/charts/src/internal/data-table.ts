import type { Locale, TimeGrain } from '@ioc-kit/data';
import { DEFAULT_TIME_ZONE, formatPeriod, formatValue } from './format.js';
import { lowerBound } from './series-data.js';

/** One column of a chart's data table. */
export interface DataTableColumn {
  key: string;
  label: string;
  /** Right-aligned numbers. */
  numeric: boolean;
}

/**
 * The accessible equivalent of a chart: the numbers it draws as rows of text, which a widget
 * renders as a `<table>`. Cells are already formatted for the locale.
 */
export interface DataTable {
  caption: string;
  columns: readonly DataTableColumn[];
  rows: readonly (readonly string[])[];
  /** Rows there would be without the cap. */
  total: number;
  /** True when only the latest `rows.length` of `total` rows are listed. */
  truncated: boolean;
}

export interface SeriesTableInput {
  locale: Locale;
  caption: string;
  /** Header of the time column. */
  timeLabel: string;
  grain?: TimeGrain;
  timeZone?: string;
  decimals?: number;
  series: readonly { label: string; t: Float64Array; v: Float64Array }[];
  /** Only times in `[from, to]` (e.g. the zoomed range). */
  from?: number;
  to?: number;
  /** At most this many rows, the latest ones (default 500). */
  maxRows?: number;
}

/**
 * Rows by time, one column per series: the union of the series' times within the range,
 * latest `maxRows` first cut (a table of a million rows helps nobody). Each series' arrays are
 * searched, never copied.
 */
export function seriesTable(input: SeriesTableInput): DataTable {
  const maxRows = Math.max(1, Math.floor(input.maxRows ?? 500));
  const from = input.from ?? Number.NEGATIVE_INFINITY;
  const to = input.to ?? Number.POSITIVE_INFINITY;
  const ranges = input.series.map(({ t }) => {
    const start = lowerBound(t, from);
    let end = lowerBound(t, to, start);
    while (end < t.length && (t[end] as number) <= to) end++;
    return { start, end };
  });
  // Every series contributes at most its latest maxRows times; the union is cut again.
  const candidates = new Set<number>();
  let total = 0;
  input.series.forEach(({ t }, index) => {
    const range = ranges[index];
    if (!range) return;
    total = Math.max(total, range.end - range.start);
    for (let i = Math.max(range.start, range.end - maxRows); i < range.end; i++) {
      const x = t[i] as number;
      if (Number.isFinite(x)) candidates.add(x);
    }
  });
  const times = [...candidates].sort((a, b) => a - b);
  total = Math.max(total, times.length);
  const kept = times.slice(-maxRows);
  const grain = input.grain ?? 'day';
  const zone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const rows = kept.map((time) => [
    formatPeriod(time, grain, input.locale, zone),
    ...input.series.map(({ t, v }, index) => {
      const range = ranges[index];
      const at = lowerBound(t, time, range?.start ?? 0, range?.end ?? t.length);
      return t[at] === time ? formatValue(v[at], input.locale, input.decimals ?? 0) : '–';
    }),
  ]);
  return {
    caption: input.caption,
    columns: [
      { key: 'time', label: input.timeLabel, numeric: false },
      ...input.series.map((series, index) => ({ key: `series-${index}`, label: series.label, numeric: true })),
    ],
    rows,
    total,
    truncated: total > rows.length,
  };
}
