/**
 * The time series' signals (`insights="anomalies,changes,forecast"` or `all`): the insight of
 * the first visible series, computed by @ioc-kit/insights (loaded on first need, so a chart
 * without the attribute never downloads it), turned into the chart's insight marks, legend
 * entries, table rows and a summary sentence. One series only: rings, rules and a forecast
 * band for each of several lines would hide the lines.
 */
import { localize, type Indicator, type Locale, type SeriesResult, type TimeGrain } from '@ioc-kit/data';
import { formatPeriod, formatValue, timeSorted, type ChartPalette, type DataTable, type TimeSeriesInsights } from '@ioc-kit/charts';
import type { Insight } from '@ioc-kit/insights';
import { loadSignalTools, signalTools } from '../internal/insights-loader.js';
import type { LegendItem } from '../internal/legend-controller.js';
import { message, type Words } from '../internal/messages.js';
import * as words from '../internal/words.js';

export type SignalKind = 'anomalies' | 'changes' | 'forecast';
const KINDS: readonly SignalKind[] = ['anomalies', 'changes', 'forecast'];
/** Legend keys of the signal marks (the legend hides them as it hides a series). */
export const SIGNAL_KEYS: Readonly<Record<SignalKind, string>> = { anomalies: 'insight:anomalies', changes: 'insight:changes', forecast: 'insight:forecast' };

const UNITS: Record<TimeGrain, [Words, Words]> = {
  hour: [words.unitHour, words.unitHours],
  day: [words.unitDay, words.unitDays],
  week: [words.unitWeek, words.unitWeeks],
  month: [words.unitMonth, words.unitMonths],
  quarter: [words.unitQuarter, words.unitQuarters],
  year: [words.unitYear, words.unitYears],
};

/** One anomaly per run of consecutive flagged values (the strongest): a climb flagged hour after hour is one event on the chart. */
export function strongestOfRuns(anomalies: Insight['anomalies']): Insight['anomalies'] {
  const out: Insight['anomalies'] = [];
  for (let i = 0; i < anomalies.length; i++) {
    const anomaly = anomalies[i]!;
    const last = out[out.length - 1];
    const previous = anomalies[i - 1];
    if (last && previous && anomaly.index === previous.index + 1 && anomaly.direction === last.direction) {
      if (Math.abs(anomaly.score) > Math.abs(last.score)) out[out.length - 1] = anomaly;
    } else out.push(anomaly);
  }
  return out;
}

/** The kinds an `insights` attribute asks for (unknown words are ignored). */
export function signalKinds(attribute: string | undefined): Set<SignalKind> {
  const parts = (attribute ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (parts.includes('all')) return new Set(KINDS);
  return new Set(KINDS.filter((kind) => parts.includes(kind)));
}

export interface SignalContext {
  result: SeriesResult;
  info: Indicator | undefined;
  /** The series to read (the first visible one). */
  area: string | undefined;
  target: number | undefined;
  kinds: ReadonlySet<SignalKind>;
  locale: Locale;
  timeZone: string;
}

/** Computes and keeps the insight of the first visible series; asks for a redraw once @ioc-kit/insights has loaded. */
export class TimeSeriesSignals {
  private kept?: { result: SeriesResult; area: string; info: Indicator; target: number | undefined; insight: Insight | undefined };
  constructor(private readonly loaded: () => void) {}

  /** The insight for this context, or undefined (not asked for, not loaded yet, no catalogue entry, or it failed). */
  insight(context: SignalContext): Insight | undefined {
    const { result, info, area, target } = context;
    if (context.kinds.size === 0 || !info || area === undefined) return undefined;
    const tools = signalTools();
    if (!tools) {
      void loadSignalTools().then((done) => done && this.loaded());
      return undefined;
    }
    const kept = this.kept;
    if (kept && kept.result === result && kept.area === area && kept.info === info && kept.target === target) return kept.insight;
    const series = result.series.find((s) => s.area === area);
    let insight: Insight | undefined;
    if (series) {
      try {
        insight = tools.computeInsight({ indicator: info, series: { area, ...timeSorted(series.t, series.v) }, grain: result.grain, target });
      } catch {
        // Odd data the statistics cannot take: the chart is drawn without its signals.
        insight = undefined;
      }
    }
    this.kept = { result, area, info, target, insight };
    return insight;
  }

  /** The chart's insight input: worded marks, in the theme's colours. */
  chartInput(context: SignalContext, palette: ChartPalette, hidden: ReadonlySet<string>, seriesColor: string): TimeSeriesInsights | undefined {
    const insight = this.insight(context);
    if (!insight || context.area === undefined) return undefined;
    const { kinds, locale, info } = context;
    const show = (kind: SignalKind) => kinds.has(kind) && !hidden.has(SIGNAL_KEYS[kind]);
    const out: TimeSeriesInsights = {
      key: context.area,
      colors: { anomaly: palette.bands.negative ?? palette.signal, change: palette.bands.warning ?? palette.annotation, forecast: seriesColor },
    };
    if (show('anomalies')) out.anomalies = strongestOfRuns(insight.anomalies).map((anomaly) => ({ t: anomaly.t, value: anomaly.value, label: this.anomalyText(anomaly, info, locale) }));
    if (show('changes')) out.changes = insight.changePoints.map((change) => ({ t: change.t, label: `${message(words.tsLevelShift, locale)} ${change.after >= change.before ? '↑' : '↓'}` }));
    const forecast = insight.forecast;
    if (show('forecast') && forecast && forecast.steps.length > 0) {
      const series = context.result.series.find((s) => s.area === context.area);
      const sorted = series ? timeSorted(series.t, series.v) : undefined;
      let last = sorted ? sorted.v.length - 1 : -1;
      while (sorted && last >= 0 && !Number.isFinite(sorted.v[last])) last--;
      // The dashed line starts at the last value, so it reads as the line's continuation.
      const anchor = sorted && last >= 0 ? [{ t: sorted.t[last] as number, mean: sorted.v[last] as number, low: sorted.v[last] as number, high: sorted.v[last] as number }] : [];
      const steps = [...anchor, ...forecast.steps];
      out.forecast = {
        t: steps.map((step) => step.t),
        mean: steps.map((step) => step.mean),
        low: steps.map((step) => step.low),
        high: steps.map((step) => step.high),
        label: this.forecastLabel(forecast.confidence, locale),
        ...(forecast.crossing ? { note: this.crossingNote(insight, info, locale) } : {}),
      };
    }
    return out;
  }

  private anomalyText(anomaly: Insight['anomalies'][number], info: Indicator | undefined, locale: Locale): string {
    const unit = info ? localize(info.unit.label, locale) : '';
    const amount = `${formatValue(Math.abs(anomaly.value - anomaly.expected), locale, info?.decimals ?? 0)}${unit ? ` ${unit}` : ''}`;
    return message(words.tsAnomaly, locale, { direction: message(anomaly.direction === 'high' ? words.tsAbove : words.tsBelow, locale), amount });
  }

  private forecastLabel(confidence: number, locale: Locale): string {
    return message(words.tsForecast, locale, { p: Math.round(confidence * 100) });
  }

  /** "dự báo vượt ngưỡng Kém trong 6 giờ tới" / "forecast to reach Poor within the next 6 hours". */
  private crossingNote(insight: Insight, info: Indicator | undefined, locale: Locale): string {
    const crossing = insight.forecast?.crossing;
    if (!crossing) return '';
    const [one, many] = UNITS[insight.grain];
    const values = { n: crossing.step, unit: message(crossing.step === 1 ? one : many, locale) };
    if (crossing.band) return message(crossing.direction === 'up' ? words.tsForecastUp : words.tsForecastDown, locale, { ...values, band: localize(crossing.band.label, locale) });
    return message(words.tsForecastTarget, locale, { ...values, target: formatValue(crossing.threshold, locale, info?.decimals ?? 0) });
  }

  /** Legend entries for what is drawn (each hides its marks, as a series entry does). */
  legendItems(context: SignalContext, palette: ChartPalette): LegendItem[] {
    const insight = this.insight(context);
    if (!insight) return [];
    const { kinds, locale } = context;
    const items: LegendItem[] = [];
    if (kinds.has('anomalies') && insight.anomalies.length > 0) items.push({ key: SIGNAL_KEYS.anomalies, label: message(words.tsAnomalies, locale), color: 'var(--ioc-sys-color-negative)' });
    if (kinds.has('changes') && insight.changePoints.length > 0) items.push({ key: SIGNAL_KEYS.changes, label: message(words.tsLevelShifts, locale), color: 'var(--ioc-sys-color-warning)', dashed: true });
    if (kinds.has('forecast') && insight.forecast && insight.forecast.steps.length > 0) {
      items.push({ key: SIGNAL_KEYS.forecast, label: this.forecastLabel(insight.forecast.confidence, locale), color: 'var(--_chart-series-1)', dashed: true, ...(palette.forced ? { dash: [2, 3] } : {}) });
    }
    return items;
  }

  /** The table with a signal column (anomalies and changes on their rows) and the forecast's rows after the data. */
  table(table: DataTable, context: SignalContext): DataTable {
    const insight = this.insight(context);
    if (!insight) return table;
    const { kinds, locale, info, timeZone } = context;
    const grain = context.result.grain;
    const notes = new Map<string, string[]>();
    const add = (t: number, text: string) => {
      const key = formatPeriod(t, grain, locale, timeZone);
      notes.set(key, [...(notes.get(key) ?? []), text]);
    };
    if (kinds.has('anomalies')) for (const anomaly of insight.anomalies) add(anomaly.t, this.anomalyText(anomaly, info, locale));
    if (kinds.has('changes')) for (const change of insight.changePoints) add(change.t, message(words.tsLevelShift, locale));
    const decimals = info?.decimals ?? 0;
    const width = table.columns.length;
    const rows = table.rows.map((row) => [...row, (notes.get(row[0] ?? '') ?? []).join('; ')]);
    const forecast = insight.forecast;
    if (kinds.has('forecast') && forecast) {
      for (const step of forecast.steps) {
        const row = Array.from({ length: width + 1 }, () => '');
        row[0] = formatPeriod(step.t, grain, locale, timeZone);
        row[width] = message(words.tsForecastRow, locale, { mean: formatValue(step.mean, locale, decimals), low: formatValue(step.low, locale, decimals), high: formatValue(step.high, locale, decimals) });
        rows.push(row);
      }
    }
    return { ...table, columns: [...table.columns, { key: 'signal', label: message(words.tsSignal, locale), numeric: false }], rows };
  }

  /** The insights' summary sentence of the series, for the spoken summary (empty when none). */
  summary(context: SignalContext, areaName: string): string {
    const insight = this.insight(context);
    const tools = signalTools();
    if (!insight || !tools || !context.info) return '';
    try {
      return tools.summarize(insight, context.info, { locale: context.locale, areaName });
    } catch {
      return '';
    }
  }

  /** Tooltip lines for the point at `t` (the anomaly's words). */
  tooltipLines(context: SignalContext, t: number): string[] {
    const insight = this.insight(context);
    if (!insight || !context.kinds.has('anomalies')) return [];
    return insight.anomalies.filter((anomaly) => anomaly.t === t).map((anomaly) => this.anomalyText(anomaly, context.info, context.locale));
  }
}
