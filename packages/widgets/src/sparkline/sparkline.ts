import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { localize, type Indicator, type SeriesQuery, type SeriesResult, type TimeGrain } from '@ioc-kit/data';
import {
  formatPeriod,
  formatValue,
  renderSparkline,
  seriesStats,
  toFloat64,
  trendWord,
  type DataTable,
  type SparklineMarks,
} from '@ioc-kit/charts';
import { IocElement, baseStyles } from '../internal/base-element.js';
import { chartElementStyles } from '../internal/chart-element.styles.js';
import { ChartShell, defineChartElement } from '../internal/chart-shell.js';
import { DefaultPeriod, checkSeriesResult } from '../internal/chart-support.js';
import { missing, type DataState } from '../internal/data-controller.js';
import { message } from '../internal/messages.js';
import type { NavPoint } from '../internal/navigation-controller.js';
import type { ChartSize } from '../internal/size-controller.js';
import type { ChartView } from '../internal/table-view.js';
import { readThemePalette } from '../internal/theme-controller.js';
import * as words from '../internal/words.js';
import { sparklineStyles } from './sparkline.styles.js';

/** Marks a result made from bare `values`: its times are positions, not dates. */
const FROM_VALUES = 'values';

/**
 * @tag ioc-sparkline
 * @summary A tiny trend for cards and table cells: an indicator over time for one area (from a
 * `series` query) or bare `values`, with dots on the lowest, highest and last values. No
 * border, title or buttons by default; still an image with a spoken summary and keyboard
 * navigation between points.
 *
 * @csspart base - The figure around everything.
 * @csspart header - The title (only when `label` is set).
 * @csspart plot - The line (`role="img"`, named by a generated summary; focus it for the keyboard).
 * @csspart tooltip - The focused point's value.
 * @csspart view-toggle - The switch to the data table (shown with `controls`).
 * @csspart table - The data table.
 * @csspart status - Loading, empty and error messages.
 *
 * @cssproperty --ioc-sparkline-height - Height. Defaults to 2rem.
 * @cssproperty --ioc-sparkline-color - Line colour. Defaults to `--ioc-sys-color-chart-1`.
 * @cssproperty --ioc-sparkline-line-width - Line width. Defaults to `--ioc-sys-widget-line-width`.
 *
 * @fires ioc-data - New data arrived (`event.result`).
 * @fires ioc-error - Data could not be loaded or was invalid (`event.error`); last good data stays.
 */
export class IocSparkline extends IocElement {
  static override styles = [baseStyles, chartElementStyles, sparklineStyles];

  /** Title shown above the line (none by default) and used in its accessible name. */
  @property() label?: string;

  /** `chart` (default) or `table`: the accessible data table instead of the line. */
  @property({ reflect: true }) view: ChartView = 'chart';

  /** Hides the legend (a sparkline has none; kept for the attribute every chart takes). */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** Keys of series hidden (a sparkline draws one; kept for the property every chart takes). */
  @property({ attribute: false }) hiddenSeries: ReadonlySet<string> = new Set();

  /** Indicator id from the catalogue, e.g. `environment.aqi`. */
  @property({ reflect: true }) indicator?: string;

  /** Time grain of the points (default `day`). */
  @property({ reflect: true }) grain: TimeGrain = 'day';

  /** Start (ISO, inclusive); default: `span` periods back from `to`. */
  @property({ reflect: true }) from?: string;

  /** End (ISO, exclusive); default: the end of the current period. */
  @property({ reflect: true }) to?: string;

  /** How many periods back when `from` is not set (default 30). */
  @property({ type: Number, reflect: true }) span = 30;

  /** Bare values to draw, oldest first (no source asked). */
  @property({ attribute: false }) values?: readonly number[];

  /** A series result given directly (its first series is drawn). */
  @property({ attribute: false }) data?: SeriesResult;

  /** Hides the dots on the lowest, highest and last values. */
  @property({ type: Boolean, attribute: 'no-marks' }) noMarks = false;

  /** Fills faintly under the line. */
  @property({ type: Boolean, reflect: true }) fill = false;

  /** Shows the table switch (hidden by default: a sparkline sits inside cards and cells). */
  @property({ type: Boolean, reflect: true }) controls = false;

  private readonly period = new DefaultPeriod();
  private fromValues?: { values: readonly number[]; result: SeriesResult };
  private marks?: SparklineMarks;

  private readonly shell: ChartShell<SeriesQuery> = new ChartShell(this, {
    query: () => this.chartQuery(),
    data: () => this.directData(),
    isEmpty: (result) => this.isEmptyResult(result),
    validate: checkSeriesResult,
    configError: () => this.configError(),
    // Only an explicit `label` is shown above the line: a sparkline's card or table row names it.
    title: () => this.label ?? '',
    summary: {
      summarize: (result) => this.chartSummary(result),
      key: () => `${this.effectiveLocale}|${this.effectiveTimeZone}|${this.label ?? ''}|${this.indicators.key}`,
    },
    nav: {
      count: () => (this.loader.value ? this.series(this.loader.value).v.length : 0),
      point: (index) => (this.loader.value ? this.navPoint(this.loader.value, index) : undefined),
      indexAt: (x) => (this.loader.value ? this.pointIndexAt(this.loader.value, x) : -1),
    },
    drawInputs: () => [this.noMarks, this.fill],
    draw: (surface, result, size) => this.drawLine(surface, result, size),
    clear: (surface) => {
      this.marks = undefined;
      surface.replaceChildren();
    },
    table: (result) => this.chartTable(result),
  });
  private readonly loader = this.shell.loader;
  private readonly indicators = this.shell.indicators;

  /**
   * What the sparkline shows now: `pending`, `ready`, `empty`, `stale`, `error` or `idle`.
   * Reflected to the `state` attribute for styling and tests.
   */
  get state(): DataState {
    return this.shell.state;
  }

  /** Draws again on the next update (e.g. after the theme changed). */
  redraw(): void {
    this.shell.redraw();
  }

  /** Hides or shows a series, as a legend button does. */
  toggleSeries(key: string, visible = this.hiddenSeries.has(key)): void {
    this.shell.toggleSeries(key, visible);
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.shell.willUpdate(changed);
  }

  protected override render() {
    return this.shell.render();
  }

  private get info(): Indicator | undefined {
    return this.indicators.info(this.loader.value?.indicator ?? this.indicator);
  }

  private chartQuery(): SeriesQuery | undefined {
    const area = this.effectiveArea;
    if (!this.indicator || !area) return undefined;
    const { from, to } = this.period.get(this.grain, this.span, this.now, this.from, this.to);
    return { kind: 'series', indicator: this.indicator as SeriesQuery['indicator'], areas: [area], grain: this.grain, from, to };
  }

  private directData(): SeriesResult | undefined {
    if (this.data) return this.data;
    const values = this.values;
    if (!values) return undefined;
    if (this.fromValues?.values !== values) {
      this.fromValues = {
        values,
        result: {
          kind: 'series',
          indicator: (this.indicator ?? 'living.values') as SeriesQuery['indicator'],
          unit: { code: '1', system: 'none', label: { vi: '' } },
          grain: this.grain,
          partial: false,
          series: [{ area: FROM_VALUES, t: values.map((_, index) => index), v: toFloat64(values) }],
        },
      };
    }
    return this.fromValues.result;
  }

  private isBare(result: SeriesResult): boolean {
    return result === this.fromValues?.result;
  }

  private isEmptyResult(result: SeriesResult): boolean {
    return !toFloat64(result.series[0]?.v).some((value) => Number.isFinite(value));
  }

  private configError() {
    if (!this.indicator) return missing('an indicator attribute, e.g. indicator="environment.aqi", or `values`', 'ioc-sparkline');
    return undefined;
  }

  /** What the summary and table call the line: the label, else the indicator's name. */
  private name(result: SeriesResult): string {
    if (this.label) return this.label;
    const info = this.isBare(result) ? undefined : this.indicators.info(result.indicator);
    if (info) return localize(info.name, this.effectiveLocale);
    return message(words.trendName, this.effectiveLocale);
  }

  private series(result: SeriesResult): { t: Float64Array; v: Float64Array } {
    const first = result.series[0];
    return { t: toFloat64(first?.t), v: toFloat64(first?.v) };
  }

  private unitOf(result: SeriesResult): string {
    return localize(result.unit.label, this.effectiveLocale);
  }

  private valueText(value: number, result: SeriesResult): string {
    const unit = this.unitOf(result);
    return `${formatValue(value, this.effectiveLocale, this.info?.decimals ?? (Number.isInteger(value) ? 0 : 1))}${unit ? ` ${unit}` : ''}`;
  }

  private whenText(index: number, t: Float64Array, result: SeriesResult): string {
    if (this.isBare(result)) return `${message(words.point, this.effectiveLocale)} ${index + 1}`;
    return formatPeriod(t[index] as number, result.grain, this.effectiveLocale, this.effectiveTimeZone);
  }

  private drawLine(surface: HTMLElement, result: SeriesResult, size: ChartSize): void {
    const palette = readThemePalette(this);
    const { t, v } = this.series(result);
    this.marks = renderSparkline(surface, v, { palette, marks: !this.noMarks, area: this.fill }, size, this.isBare(result) ? undefined : t);
  }

  private chartSummary(result: SeriesResult): string {
    const locale = this.effectiveLocale;
    const { t, v } = this.series(result);
    const title = this.name(result);
    const stats = seriesStats(this.isBare(result) ? Float64Array.from(v, (_, i) => i) : t, v);
    if (!stats) return `${title}: ${message(words.noData, locale)}.`;
    const at = (time: number) => this.whenText(this.isBare(result) ? time : Math.max(0, t.indexOf(time)), t, result);
    return (
      `${title}: ${message(words.lowest, locale)} ${this.valueText(stats.min, result)} (${at(stats.minAt)}), ` +
      `${message(words.highest, locale)} ${this.valueText(stats.max, result)} (${at(stats.maxAt)}), ` +
      `${message(words.latest, locale)} ${this.valueText(stats.latest, result)} (${at(stats.latestAt)}), ` +
      `${message(words.trend, locale)} ${trendWord(stats.trend, locale)}.`
    );
  }

  private chartTable(result: SeriesResult): DataTable {
    const locale = this.effectiveLocale;
    const { t, v } = this.series(result);
    const rows: string[][] = [];
    for (let i = 0; i < v.length; i++) rows.push([this.whenText(i, t, result), formatValue(v[i], locale, this.info?.decimals ?? 1)]);
    const unit = this.unitOf(result);
    const kept = rows.slice(-500);
    return {
      caption: this.name(result),
      columns: [
        { key: 'time', label: this.isBare(result) ? message(words.point, locale) : message(words.period, locale), numeric: false },
        { key: 'value', label: `${message(words.value, locale)}${unit ? ` (${unit})` : ''}`, numeric: true },
      ],
      rows: kept,
      total: rows.length,
      truncated: kept.length < rows.length,
    };
  }

  private navPoint(result: SeriesResult, index: number): NavPoint | undefined {
    const points = this.marks?.points;
    const { t, v } = this.series(result);
    const value = v[index];
    if (!points || value === undefined) return undefined;
    const x = points[2 * index] as number;
    const y = points[2 * index + 1] as number;
    const text = Number.isFinite(value) ? this.valueText(value, result) : '–';
    return { label: `${this.whenText(index, t, result)}: ${text}`, x: Number.isFinite(x) ? x : 0, y: Number.isFinite(y) ? y : 0 };
  }

  private pointIndexAt(result: SeriesResult, x: number): number {
    const points = this.marks?.points;
    if (!points) return -1;
    let best = -1;
    let distance = Number.POSITIVE_INFINITY;
    for (let i = 0; i < points.length / 2; i++) {
      const d = Math.abs((points[2 * i] as number) - x);
      if (d < distance) {
        distance = d;
        best = i;
      }
    }
    return best < this.series(result).v.length ? best : -1;
  }
}

defineChartElement('ioc-sparkline', IocSparkline);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-sparkline': IocSparkline;
  }
}
