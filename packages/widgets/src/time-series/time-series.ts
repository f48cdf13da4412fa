import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  addPeriods,
  localize,
  parseTime,
  periodStart,
  toIso,
  type Indicator,
  type SeriesQuery,
  type SeriesResult,
  type TimeGrain,
} from '@ioc-kit/data';
import {
  TimeSeriesChart,
  appendSeries,
  formatPeriod,
  formatValue,
  lowerBound,
  seriesTable,
  summarizeSeries,
  timeSorted,
  toFloat64,
  type ChartPalette,
  type DataTable,
  type TimeSeriesAnnotation,
  type TimeSeriesBand,
  type TimeSeriesInput,
  type TimeSeriesMode,
  type TimeSeriesRenderer,
  type TimeSeriesThreshold,
} from '@ioc-kit/charts';
import { IocElement, baseStyles } from '../internal/base-element.js';
import { chartElementStyles } from '../internal/chart-element.styles.js';
import { ChartShell, defineChartElement } from '../internal/chart-shell.js';
import type { LegendItem } from '../internal/legend-controller.js';
import type { NavPoint } from '../internal/navigation-controller.js';
import type { ChartSize } from '../internal/size-controller.js';
import { afterFirstFrames } from '../internal/summary-controller.js';
import type { ChartView } from '../internal/table-view.js';
import { readThemePalette, type BandTokens } from '../internal/theme-controller.js';
import { message } from '../internal/messages.js';
import * as words from '../internal/words.js';
import { DataController, missing, type DataState } from '../internal/data-controller.js';
import { AreaNamesController } from '../internal/area-names-controller.js';
import { DefaultPeriod, checkSeriesResult } from '../internal/chart-support.js';
import { axisUnit } from '../internal/format.js';
import { timeSeriesStyles } from './time-series.styles.js';

/** Fired when the user zooms or pans: the visible time range, or undefined for all of it. */
export class IocZoomEvent extends Event {
  static readonly eventName = 'ioc-zoom';
  readonly domain: readonly [number, number] | undefined;
  constructor(domain: readonly [number, number] | undefined) {
    super(IocZoomEvent.eventName, { bubbles: true, composed: true });
    this.domain = domain;
  }
}

/** How far back a chart looks by default, per grain. */
const DEFAULT_SPAN: Record<TimeGrain, number> = { hour: 48, day: 30, week: 26, month: 24, quarter: 12, year: 10 };

const OVERVIEW_HEIGHT = 40;

/** How long the spoken summary stands while live points stream in (ms). */
const SUMMARY_KEPT_MS = 5000;

/** The legend key of the last-year overlay (no area code looks like it). */
export const LAST_YEAR_KEY = 'ioc:last-year';

/** Shifts times forward one calendar year, so last year's values sit under this year's. */
function shiftOneYear(t: Float64Array): Float64Array {
  const out = new Float64Array(t.length);
  if (t.length > 20_000) {
    // Long series: one offset (exact except across 29 February), not a calendar sum per point.
    const first = t.find((x) => Number.isFinite(x)) ?? 0;
    const shift = addPeriods(first, 'year', 1) - first;
    for (let i = 0; i < t.length; i++) out[i] = (t[i] as number) + shift;
    return out;
  }
  for (let i = 0; i < t.length; i++) out[i] = addPeriods(t[i] as number, 'year', 1);
  return out;
}

/**
 * @tag ioc-time-series
 * @summary An indicator over time for one or many areas: lines, areas or stacked areas over the
 * indicator's bands (e.g. the six VN_AQI bands), with target, annotations, last year's values,
 * markers where a threshold was crossed, a crosshair tooltip, zoom and pan, and an overview
 * brush. Large histories are drawn on canvas, reduced per pixel column without losing peaks;
 * live points are added with `appendPoints()`.
 *
 * @csspart base - The figure around everything.
 * @csspart header - The title.
 * @csspart legend - The legend; each series is a `legend-item` button that hides or shows it.
 * @csspart legend-item - One legend button (`aria-pressed`).
 * @csspart view-toggle - The switch between the chart and the data table.
 * @csspart reset-zoom - "Show all", after a zoom.
 * @csspart plot - The chart (`role="img"`, named by a generated summary; focus it for the keyboard).
 * @csspart tooltip - The crosshair tooltip.
 * @csspart overview - The overview strip with the brushed range.
 * @csspart table - The data table.
 * @csspart status - Loading, empty and error messages.
 *
 * @cssproperty --ioc-time-series-height - Height of the plot. Defaults to 16rem.
 * @cssproperty --ioc-time-series-surface - Background. Defaults to `--ioc-sys-color-surface`.
 * @cssproperty --ioc-time-series-border-color - Border. Defaults to `--ioc-sys-color-outline`.
 * @cssproperty --ioc-time-series-radius - Corner radius. Defaults to `--ioc-sys-radius`.
 * @cssproperty --ioc-time-series-padding - Inner padding. Defaults to `--ioc-sys-space-3`.
 * @cssproperty --ioc-time-series-line-width - Line width. Defaults to `--ioc-sys-widget-line-width`.
 * @cssproperty --ioc-time-series-series-1 - Colour of series 1 (to 8). Defaults to `--ioc-sys-color-chart-1` (to 8).
 * @cssproperty --ioc-time-series-grid-color - Grid lines. Defaults to `--ioc-sys-color-outline`.
 * @cssproperty --ioc-time-series-target-color - Target line. Defaults to `--ioc-sys-color-on-surface`.
 * @cssproperty --ioc-time-series-signal-color - Threshold-crossing markers. Defaults to `--ioc-sys-color-negative`.
 * @cssproperty --ioc-time-series-overview-height - Height of the overview strip. Defaults to 2.5rem.
 *
 * @fires ioc-data - New data arrived (`event.result`), also for the last-year comparison and for live points added with `appendPoints()` (the result with them).
 * @fires ioc-error - Data could not be loaded or was invalid (`event.error`); last good data stays.
 * @fires ioc-zoom - The visible time range changed (`event.domain`, epoch ms, or undefined for all).
 */
export class IocTimeSeries extends IocElement {
  static override styles = [baseStyles, chartElementStyles, timeSeriesStyles];

  /** Title shown above the chart and used in its accessible name; defaults to the indicator's name. */
  @property() label?: string;

  /** `chart` (default) or `table`: the accessible data table instead of the plot. */
  @property({ reflect: true }) view: ChartView = 'chart';

  /** Hides the legend (series can still be hidden with `hiddenSeries`). */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** Keys of series the user has hidden through the legend. */
  @property({ attribute: false }) hiddenSeries: ReadonlySet<string> = new Set();

  /** Indicator id from the catalogue, e.g. `environment.aqi`. */
  @property({ reflect: true }) indicator?: string;

  /** Time grain of the points: `hour`, `day` (default), `week`, `month`, `quarter` or `year`. */
  @property({ reflect: true }) grain: TimeGrain = 'day';

  /** Start of the period (ISO date or date-time, inclusive); default: a span back from `to` that suits the grain. */
  @property({ reflect: true }) from?: string;

  /** End of the period (ISO, exclusive); default: the end of the current period. */
  @property({ reflect: true }) to?: string;

  /** Area codes to compare, separated by spaces or commas; default: the widget's or provider's area. */
  @property({ reflect: true }) areas?: string;

  /** `line` (default), `area` or `stacked`. */
  @property({ reflect: true }) mode: TimeSeriesMode = 'line';

  /** `linear` (default) or `log` value axis; values ≤ 0 are gaps on a log axis. */
  @property({ attribute: 'y-scale', reflect: true }) yScale: 'linear' | 'log' = 'linear';

  /**
   * `auto` (default): lines on canvas once points outnumber the plot's pixel columns, SVG below
   * that (crisp, printable, inspectable); `svg` or `canvas` to force one.
   */
  @property({ reflect: true }) renderer: TimeSeriesRenderer = 'auto';

  /** Also show the same period last year, dashed. */
  @property({ type: Boolean, attribute: 'compare-last-year', reflect: true }) compareLastYear = false;

  /** A target value drawn as a line; default: the indicator's target. */
  @property({ type: Number }) target?: number;

  /** Hides the indicator's bands behind the series. */
  @property({ type: Boolean, attribute: 'no-bands' }) noBands = false;

  /** Hides the overview strip under the chart. */
  @property({ type: Boolean, attribute: 'no-overview', reflect: true }) noOverview = false;

  /** Data given directly, bypassing any source. */
  @property({ attribute: false }) data?: SeriesResult;

  /** Last year's data given directly (its times are shifted forward one year to overlay). */
  @property({ attribute: false }) lastYear?: SeriesResult;

  /** Events to mark on the time axis. */
  @property({ attribute: false }) annotations: readonly TimeSeriesAnnotation[] = [];

  /** Names to show for area codes, e.g. `{ '24': 'Bắc Ninh' }`; default: the code. */
  @property({ attribute: false }) areaLabels: Readonly<Record<string, string>> = {};

  /** The visible time range `[from, to]` in epoch ms after a zoom; undefined shows everything. */
  @property({ attribute: false }) domain?: readonly [number, number];

  private chart?: TimeSeriesChart;
  private overview?: TimeSeriesChart;
  private overviewDrawnAt = 0;
  private overviewPending?: { inputs: readonly TimeSeriesInput[]; palette: ChartPalette; width: number };
  private overviewInputs?: { inputs: readonly TimeSeriesInput[]; palette: ChartPalette; width: number };
  private readonly defaultPeriod = new DefaultPeriod();
  private drag?: { pointerId: number; x: number; domain: readonly [number, number]; width: number };
  private brush?: { pointerId: number; x: number; time: number; moved: boolean };
  /** The newest result `appendPoints` made, and the one it was made from (to pace the overview and summary while points stream in). */
  private appended?: { result: SeriesResult; from: SeriesResult };
  /** The spoken summary last written, for which result and when (`performance.now()`). */
  private summaryKept?: { result: SeriesResult; text: string; at: number };
  /** The colours last read from the tokens, and for which result. */
  private paletteKept?: { result: SeriesResult | undefined; palette: ChartPalette };

  private readonly shell: ChartShell<SeriesQuery> = new ChartShell(this, {
    query: () => this.chartQuery(),
    data: () => this.data,
    isEmpty: (result) => this.isEmptyResult(result),
    validate: checkSeriesResult,
    configError: () => this.configError(),
    title: (result) => this.chartTitle(result),
    summary: {
      summarize: (result) => this.chartSummary(result),
      isCostly: (result) => this.summaryIsCostly(result),
      current: () => this.loader.value,
    },
    legend: (result) => this.legendItems(result),
    nav: {
      count: () => (this.loader.value ? this.navCount(this.loader.value) : 0),
      point: (index) => (this.loader.value ? this.navPoint(this.loader.value, index) : undefined),
      handleKey: (event) => (this.loader.value ? this.handleChartKey(event) : false),
      indexAt: (x) => (this.loader.value ? this.pointIndexAt(this.loader.value, x) : -1),
    },
    drawInputs: () => this.drawInputs(),
    draw: (surface, result, size) => this.drawChart(surface, result, size, this.palette()),
    clear: (surface) => this.clearChart(surface),
    controls: () => this.renderControls(),
    below: (result) => this.renderBelowPlot(result),
    table: (result) => this.chartTable(result),
    help: () => this.keyboardHelp(),
  });
  private readonly loader = this.shell.loader;

  private readonly lastYearLoader = new DataController<SeriesQuery>(this, {
    source: () => this.context?.source,
    query: () => {
      const query = this.compareLastYear && !this.data ? this.chartQuery() : undefined;
      if (!query) return undefined;
      const shift = (iso: string) => toIso(addPeriods(parseTime(iso), 'year', -1)) ?? iso;
      return { ...query, from: shift(query.from), to: shift(query.to) };
    },
    data: () => this.lastYear,
    isEmpty: (result) => result.series.every((series) => series.t.length === 0),
    validate: checkSeriesResult,
  });

  // ---- data -------------------------------------------------------------------------

  private get info(): Indicator | undefined {
    return this.shell.indicators.info(this.loader.value?.indicator ?? this.indicator);
  }

  private areaList(): string[] {
    const list = (this.areas ?? '').split(/[\s,]+/).filter((code) => code !== '');
    if (list.length > 0) return list;
    const area = this.effectiveArea;
    return area ? [area] : [];
  }

  /** The period asked for: `from`/`to`, else a span that suits the grain back from the widget's clock. */
  private period(): { from: string; to: string } {
    return this.defaultPeriod.get(this.grain, DEFAULT_SPAN[this.grain], this.now, this.from, this.to);
  }

  private chartQuery(): SeriesQuery | undefined {
    const areas = this.areaList();
    if (!this.indicator || areas.length === 0) return undefined;
    const { from, to } = this.period();
    return { kind: 'series', indicator: this.indicator as SeriesQuery['indicator'], areas, grain: this.grain, from, to };
  }

  private isEmptyResult(result: SeriesResult): boolean {
    return result.series.every((series) => series.t.length === 0 || !toFloat64(series.v).some((value) => Number.isFinite(value)));
  }

  private configError() {
    if (!this.indicator) return missing('an indicator attribute, e.g. indicator="environment.aqi"', 'ioc-time-series');
    return undefined;
  }

  private chartTitle(result: SeriesResult | undefined): string {
    if (this.label) return this.label;
    const info = this.shell.indicators.info(result?.indicator ?? this.indicator);
    return info ? localize(info.name, this.effectiveLocale) : (this.indicator ?? '');
  }

  /** Names of the areas shown, from the source's `areas()`, so the legend says the province's name, not "90". */
  private readonly names = new AreaNamesController(this, {
    result: () => this.loader.value,
    source: () => this.context?.source,
    onChange: () => this.shell.summary.invalidate(),
    // A result without its areas: list the source's areas once (their level is not guessed from a code).
    fallback: () => ({}),
  });

  private labelOf(area: string): string {
    return this.names.nameOf(area, this.effectiveLocale, this.areaLabels);
  }

  private unitLabel(result: SeriesResult): string {
    return localize(result.unit.label, this.effectiveLocale);
  }

  /** What the value axis says its numbers are: `µg/m³`, `%`, or an index's name such as `VN_AQI`. */
  private axisUnit(result: SeriesResult): string {
    const info = this.info;
    return axisUnit({ code: result.unit.code, label: this.unitLabel(result) }, info ? localize(info.name, this.effectiveLocale) : undefined, this.effectiveLocale);
  }

  /** True when the legend hides every area: the chart then says so instead of drawing an empty scale. */
  private allHidden(result: SeriesResult): boolean {
    return result.series.length > 0 && result.series.every((series) => this.hiddenSeries.has(series.area));
  }

  /** Whether last year's values are drawn (asked for, loaded, and not hidden through the legend). */
  private lastYearShown(): boolean {
    const last = this.lastYearLoader.value;
    return !!last && (this.compareLastYear || !!this.lastYear) && last.series.some((series) => series.t.length > 0);
  }

  /** The visible series of a result (live points included: they are in the result), in time order. */
  private visibleSeries(result: SeriesResult): { key: string; label: string; t: Float64Array; v: Float64Array }[] {
    return result.series
      .filter((series) => !this.hiddenSeries.has(series.area))
      .map((series) => ({ key: series.area, label: this.labelOf(series.area), ...timeSorted(series.t, series.v) }));
  }

  /** First and last time of all the series of a result, `[NaN, NaN]` when none has one. */
  private timeExtent(result: SeriesResult | undefined): [number, number] {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const series of result?.series ?? []) {
      const { t } = timeSorted(series.t, series.v);
      const first = t.findIndex((x) => Number.isFinite(x));
      if (first < 0) continue;
      let last = t.length - 1;
      while (!Number.isFinite(t[last])) last--;
      lo = Math.min(lo, t[first] as number);
      hi = Math.max(hi, t[last] as number);
    }
    return lo <= hi ? [lo, hi] : [Number.NaN, Number.NaN];
  }

  private thresholds(): TimeSeriesThreshold[] {
    const info = this.info;
    const locale = this.effectiveLocale;
    const higherIsBetter = info?.polarity === 'higher-is-better';
    const out: TimeSeriesThreshold[] = [];
    for (const band of info?.bands ?? []) {
      if (!band.severity) continue;
      out.push(
        higherIsBetter
          ? { value: band.to, direction: 'down', label: localize(band.label, locale) }
          : { value: band.from, direction: 'up', label: localize(band.label, locale) },
      );
    }
    const target = this.target ?? info?.target;
    if (target !== undefined && Number.isFinite(target)) {
      out.push({ value: target, direction: higherIsBetter ? 'down' : 'up', label: message(words.target, locale) });
    }
    return out;
  }

  /**
   * A mark where the period still under way begins, for totals (reports, vehicles, rain): its
   * sum so far would read as a sudden drop. Only when the data reaches into that period.
   */
  private inProgress(result: SeriesResult): TimeSeriesAnnotation | undefined {
    const time = this.info?.aggregation.time;
    if (time !== 'sum' || result.grain === 'hour') return undefined;
    const start = periodStart(this.now, result.grain);
    const reaches = result.series.some((series) => {
      const t = series.t;
      return t.length > 0 && (t[t.length - 1] as number) >= start;
    });
    return reaches ? { t: start, label: message(words.inProgress, this.effectiveLocale) } : undefined;
  }

  // ---- drawing ------------------------------------------------------------------------

  private bandTokens(): BandTokens {
    const bands = this.info?.bands ?? [];
    return { tokens: bands.map((band) => band.token), fallbacks: Object.fromEntries(bands.filter((band) => band.color).map((band) => [band.token, band.color ?? ''])) };
  }

  /**
   * Live points change no colour: while they stream in, the colours read for the data they
   * were added to are used again rather than read from the styles on every point
   * (`redraw()` reads them afresh).
   */
  private palette(): ChartPalette {
    const kept = this.paletteKept;
    const result = this.loader.value;
    if (kept && result !== undefined && result === this.appended?.result && kept.result === this.appended.from) {
      kept.result = result;
      return kept.palette;
    }
    const palette = readThemePalette(this, result ? this.bandTokens() : undefined);
    this.paletteKept = { result, palette };
    return palette;
  }

  /**
   * What the chart shows now: `pending`, `ready`, `empty`, `stale`, `error` or `idle`.
   * Reflected to the `state` attribute for styling and tests.
   */
  get state(): DataState {
    return this.shell.state;
  }

  /** Draws again on the next update (e.g. after the theme changed), with the colours read afresh. */
  redraw(): void {
    this.paletteKept = undefined;
    this.shell.redraw();
  }

  /** Hides or shows a series, as its legend button does. */
  toggleSeries(key: string, visible = this.hiddenSeries.has(key)): void {
    this.shell.toggleSeries(key, visible);
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.shell.willUpdate(changed);
  }

  protected override render() {
    return this.shell.render();
  }

  private drawInputs(): readonly unknown[] {
    return [this.lastYearLoader.value, this.info, this.names.areas];
  }

  private drawChart(surface: HTMLElement, result: SeriesResult, size: ChartSize, palette: ChartPalette): void {
    const locale = this.effectiveLocale;
    const info = this.info;
    this.chart ??= new TimeSeriesChart(surface);
    const inputs: TimeSeriesInput[] = result.series.map((series, index) => ({
      key: series.area,
      label: this.labelOf(series.area),
      t: series.t,
      v: series.v,
      color: palette.series[index % palette.series.length],
    }));
    const bands: TimeSeriesBand[] = this.noBands
      ? []
      : (info?.bands ?? []).map((band) => ({ from: band.from, to: band.to, label: localize(band.label, locale), color: palette.bands[band.token] ?? palette.muted }));
    const target = this.target ?? info?.target;
    const overlays = this.overlayInputs(result, palette);
    const progress = this.inProgress(result);
    this.chart.render(
      inputs,
      {
        locale,
        palette,
        timeZone: this.effectiveTimeZone,
        grain: result.grain,
        mode: this.mode,
        yScale: this.yScale,
        xDomain: this.domain,
        includeZero: info?.range?.min === 0 || this.mode !== 'line',
        bands,
        unit: this.axisUnit(result),
        target: target !== undefined && Number.isFinite(target) ? { value: target, label: `${message(words.target, locale)} ${formatValue(target, locale, info?.decimals ?? 0)}` } : undefined,
        annotations: progress ? [...this.annotations, progress] : this.annotations,
        overlays,
        thresholds: this.thresholds(),
        hidden: this.hiddenSeries,
        renderer: this.renderer,
      },
      size,
    );
    this.showAllHidden(surface, this.allHidden(result));
    if (this.noOverview) return;
    if (this.overview && result === this.appended?.result && performance.now() - this.overviewDrawnAt <= 1000) {
      // Live points: the strip catches up about once a second (a full draw of the small
      // strip), not on every point; its window follows meanwhile.
      this.placeOverviewWindow();
    } else if (this.overview) {
      this.drawOverview(inputs, palette, size.width, true);
    } else {
      // The strip is a second chart of all the data: drawn after the first paint, from the
      // inputs of the latest draw by then.
      const first = !this.overviewPending;
      this.overviewPending = { inputs, palette, width: size.width };
      if (first) {
        afterFirstFrames(this.ownerDocument.defaultView, () => {
          const pending = this.overviewPending;
          this.overviewPending = undefined;
          if (pending && this.chart && this.isConnected) this.drawOverview(pending.inputs, pending.palette, pending.width, true);
        });
      }
    }
  }

  /** Words in the plot when the legend hides every series; the legend stays there to bring one back. */
  private showAllHidden(surface: HTMLElement, hidden: boolean): void {
    let note = surface.querySelector<HTMLElement>(':scope > .all-hidden');
    if (!hidden) {
      note?.remove();
      return;
    }
    if (!note) {
      note = this.ownerDocument.createElement('p');
      note.className = 'all-hidden';
      surface.append(note);
    }
    note.textContent = message(words.allHidden, this.effectiveLocale);
  }

  private overlayInputs(result: SeriesResult, palette: ChartPalette): TimeSeriesInput[] {
    const last = this.lastYearLoader.value;
    if (!last || !this.lastYearShown() || this.hiddenSeries.has(LAST_YEAR_KEY)) return [];
    return last.series.map((series) => {
      const index = Math.max(0, result.series.findIndex((s) => s.area === series.area));
      return {
        key: series.area,
        label: `${this.labelOf(series.area)} (${message(words.lastYear, this.effectiveLocale)})`,
        t: shiftOneYear(toFloat64(series.t)),
        v: series.v,
        color: palette.series[index % palette.series.length],
      };
    });
  }

  /** The overview strip: all the data, small, with the zoomed range marked. */
  private drawOverview(inputs: readonly TimeSeriesInput[], palette: ChartPalette, width: number, full: boolean): void {
    const host = this.renderRoot.querySelector<HTMLElement>('.overview-surface');
    if (!host || this.noOverview) return;
    // The strip is rendered again after the table view: draw into the element that is there now.
    if (this.overview && this.overview.target !== host) {
      this.overview.destroy();
      this.overview = undefined;
    }
    this.overview ??= new TimeSeriesChart(host);
    this.overviewInputs = { inputs, palette, width };
    if (full) {
      this.overview.render(inputs, { locale: this.effectiveLocale, palette, axes: false, hidden: this.hiddenSeries, mode: this.mode === 'stacked' ? 'stacked' : 'line' }, { width, height: OVERVIEW_HEIGHT });
    }
    this.overviewDrawnAt = performance.now();
    this.placeOverviewWindow();
  }

  private placeOverviewWindow(): void {
    const windowElement = this.renderRoot.querySelector<HTMLElement>('.overview-window');
    const scale = this.overview?.xScale;
    if (!windowElement || !scale) return;
    const [d0, d1] = this.domain ?? scale.domain;
    const x0 = Math.max(scale.range[0], scale.map(d0));
    const x1 = Math.min(scale.range[1], scale.map(d1));
    windowElement.style.setProperty('--_x0', `${Math.max(0, x0)}px`);
    windowElement.style.setProperty('--_w', `${Math.max(2, x1 - x0)}px`);
  }

  private clearChart(surface: HTMLElement): void {
    this.chart?.destroy();
    this.chart = undefined;
    this.overview?.destroy();
    this.overview = undefined;
    this.overviewPending = undefined;
    surface.replaceChildren();
  }

  /**
   * Adds live points to a series (default: the first) without redrawing history: only the
   * newest reduction column is recomputed. The points join the data controller's result (a
   * new result, fired as `ioc-data`), which the chart is then drawn from; the next answer of
   * the source replaces them. Times earlier than the series' last are ignored. When the view
   * is zoomed to the latest data, it follows the new points.
   *
   * Only the marks are drawn again while nothing else on screen changes (the legend, the
   * controls, the spoken summary for a few seconds): the template is not rendered for a point.
   */
  appendPoints(t: ArrayLike<number> | number, v: ArrayLike<number> | number, area?: string): void {
    const result = this.loader.value;
    if (!result) return;
    const key = area ?? result.series[0]?.area;
    const index = result.series.findIndex((series) => series.area === key);
    const series = result.series[index];
    if (!series) return;
    const before = this.domain ? this.timeExtent(result)[1] : Number.NaN;
    const grown = appendSeries(series.t, series.v, typeof t === 'number' ? [t] : t, typeof v === 'number' ? [v] : v);
    const next: SeriesResult = { ...result, series: result.series.map((s, i) => (i === index ? { ...s, t: grown.t, v: grown.v } : s)) };
    this.appended = { result: next, from: result };
    if (!this.loader.update(next, { render: false })) return;
    if (this.domain && this.domain[1] >= before) {
      // Following the latest data: slide the window instead of letting new points fall off the edge.
      const shift = this.timeExtent(next)[1] - before;
      if (shift > 0) this.domain = [this.domain[0] + shift, this.domain[1] + shift];
    }
    if (!this.isConnected || !this.hasUpdated) {
      this.requestUpdate();
      return;
    }
    // Drawn now, as a live chart should be, rather than in a microtask after the call.
    if (!this.isUpdatePending && this.onlyMarksChange(result, next)) {
      this.shell.drawing.drawNow();
      return;
    }
    this.requestUpdate();
    this.performUpdate();
  }

  /**
   * True when live points turning `from` into `next` change nothing on screen but the marks: the
   * plot shows (not the table), ready, no point is focused (its tooltip would move), and the
   * spoken summary written a few seconds ago at most still stands (it then stands for `next`).
   */
  private onlyMarksChange(from: SeriesResult, next: SeriesResult): boolean {
    if (this.view !== 'chart' || this.state !== 'ready' || this.shell.nav.active >= 0) return false;
    const kept = this.summaryKept;
    if (!kept || kept.result !== from || performance.now() - kept.at >= SUMMARY_KEPT_MS) return false;
    kept.result = next;
    return true;
  }

  /** True when the summary of `result` is the one kept (live points added since it was written, a few seconds ago at most). */
  private summaryStillTrue(result: SeriesResult): boolean {
    const kept = this.summaryKept;
    // The spoken summary reads every point: while points stream in it is written again every few seconds, not on every point.
    const from = this.appended?.from;
    return !!kept && result === this.appended?.result && (kept.result === from || kept.result === result) && performance.now() - kept.at < SUMMARY_KEPT_MS;
  }

  // ---- accessibility --------------------------------------------------------------------

  private chartSummary(result: SeriesResult): string {
    const kept = this.summaryKept;
    if (kept && this.summaryStillTrue(result)) {
      kept.result = result;
      return kept.text;
    }
    const text = this.writeSummary(result);
    this.summaryKept = { result, text, at: performance.now() };
    return text;
  }

  private writeSummary(result: SeriesResult): string {
    const info = this.info;
    const locale = this.effectiveLocale;
    if (this.allHidden(result)) return `${this.chartTitle(result)}: ${message(words.allHidden, locale)}`;
    return summarizeSeries({
      locale,
      title: this.chartTitle(result),
      unit: this.unitLabel(result),
      decimals: info?.decimals ?? 0,
      grain: result.grain,
      timeZone: this.effectiveTimeZone,
      series: this.visibleSeries(result),
      thresholds: this.thresholds()
        .filter((threshold) => threshold.direction === 'up')
        .map((threshold) => ({ value: threshold.value, label: threshold.label })),
    });
  }

  private summaryIsCostly(result: SeriesResult): boolean {
    // Live points on a series already summed up: the kept words, or new ones now (every few seconds).
    if (result === this.appended?.result) return false;
    return result.series.reduce((sum, series) => sum + series.t.length, 0) > 5_000;
  }

  private chartTable(result: SeriesResult): DataTable {
    const locale = this.effectiveLocale;
    return seriesTable({
      locale,
      caption: this.chartTitle(result),
      timeLabel: message(words.time, locale),
      grain: result.grain,
      timeZone: this.effectiveTimeZone,
      decimals: this.info?.decimals ?? 0,
      series: this.visibleSeries(result),
      from: this.domain?.[0],
      to: this.domain?.[1],
    });
  }

  /**
   * One entry per area in its series colour, and, when last year is drawn, one for the dashed
   * overlay: in the area's colour when there is one area, in the text colour when the dashes
   * take each area's colour (the dash then says "last year", the colour which area).
   */
  private legendItems(result: SeriesResult): LegendItem[] {
    const items: LegendItem[] = result.series.map((series, index) => ({ key: series.area, label: this.labelOf(series.area), color: `var(--_chart-series-${(index % 8) + 1})` }));
    if (this.lastYearShown()) {
      items.push({
        key: LAST_YEAR_KEY,
        label: message(words.sameLastYear, this.effectiveLocale),
        color: result.series.length === 1 ? 'var(--_chart-series-1)' : 'var(--_chart-text)',
        dashed: true,
      });
    }
    return items;
  }

  /** The points the keyboard visits: the first visible series inside the visible range, at most one per pixel column. */
  private navSpace(result: SeriesResult) {
    const first = this.visibleSeries(result)[0];
    const scale = this.chart?.xScale;
    if (!first || !scale) return undefined;
    const [d0, d1] = scale.domain;
    const start = lowerBound(first.t, d0);
    let end = lowerBound(first.t, d1, start);
    while (end < first.t.length && (first.t[end] as number) <= d1) end++;
    const points = end - start;
    const count = Math.min(points, Math.max(1, Math.round(scale.range[1] - scale.range[0])));
    return { series: first, start, points, count };
  }

  private navCount(result: SeriesResult): number {
    return this.navSpace(result)?.count ?? 0;
  }

  private navPoint(result: SeriesResult, index: number): NavPoint | undefined {
    const space = this.navSpace(result);
    const xScale = this.chart?.xScale;
    const yScale = this.chart?.yScale;
    if (!space || !xScale || !yScale || space.count === 0) return undefined;
    const raw = space.start + Math.floor((index * space.points) / space.count);
    const time = space.series.t[raw];
    if (time === undefined) return undefined;
    const locale = this.effectiveLocale;
    const decimals = this.info?.decimals ?? 0;
    const unit = this.unitLabel(result);
    const lines = [formatPeriod(time, result.grain, locale, this.effectiveTimeZone)];
    for (const series of this.visibleSeries(result)) {
      const at = lowerBound(series.t, time);
      const value = series.t[at] === time ? series.v[at] : undefined;
      const band = value !== undefined && Number.isFinite(value) ? this.bandLabel(value) : '';
      lines.push(`${series.label}: ${formatValue(value, locale, decimals)}${unit ? ` ${unit}` : ''}${band ? ` (${band})` : ''}`);
    }
    const value = space.series.v[raw] ?? Number.NaN;
    const plotTop = yScale.range[1];
    const plotBottom = yScale.range[0];
    const y = Number.isFinite(yScale.map(value)) ? Math.min(plotBottom, Math.max(plotTop, yScale.map(value))) : plotBottom;
    return { label: lines.join('\n'), x: xScale.map(time), y };
  }

  private bandLabel(value: number): string {
    const bands = this.info?.bands ?? [];
    const band = bands.find((b, i) => value >= b.from && (value < b.to || (i === bands.length - 1 && value <= b.to)));
    return band ? localize(band.label, this.effectiveLocale) : '';
  }

  private pointIndexAt(result: SeriesResult, x: number): number {
    const space = this.navSpace(result);
    const scale = this.chart?.xScale;
    if (!space || !scale || space.points === 0 || x < scale.range[0] - 4 || x > scale.range[1] + 4) return -1;
    const time = scale.invert(x);
    let raw = lowerBound(space.series.t, time, space.start, space.start + space.points);
    const previous = space.series.t[raw - 1];
    if (raw > space.start && (raw >= space.start + space.points || (previous !== undefined && time - previous < (space.series.t[raw] as number) - time))) raw--;
    return Math.min(space.count - 1, Math.floor(((raw - space.start) * space.count) / space.points));
  }

  private keyboardHelp(): string {
    const locale = this.effectiveLocale;
    return `${message(words.keyboardHelp, locale)} ${message(words.zoomHelp, locale)}`;
  }

  // ---- zoom and pan -----------------------------------------------------------------------

  /** Sets the visible range (clamped to the data, at least a few points wide) and tells listeners. */
  zoomTo(domain: readonly [number, number] | undefined): void {
    const extent = this.timeExtent(this.loader.value);
    if (!domain || !Number.isFinite(extent[0]) || !Number.isFinite(extent[1])) {
      if (this.domain !== undefined) {
        this.domain = undefined;
        this.dispatchEvent(new IocZoomEvent(undefined));
      }
      return;
    }
    const full = extent[1] - extent[0];
    const first = this.loader.value?.series[0];
    const step = first && first.t.length > 1 ? full / (first.t.length - 1) : 60_000;
    const minimum = Math.min(full, Math.max(step * 4, 60_000));
    let [a, b] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
    if (b - a < minimum) {
      const middle = (a + b) / 2;
      [a, b] = [middle - minimum / 2, middle + minimum / 2];
    }
    if (b - a >= full) {
      this.zoomTo(undefined);
      return;
    }
    if (a < extent[0]) [a, b] = [extent[0], extent[0] + (b - a)];
    if (b > extent[1]) [a, b] = [extent[1] - (b - a), extent[1]];
    this.domain = [a, b];
    this.dispatchEvent(new IocZoomEvent(this.domain));
  }

  private currentDomain(): readonly [number, number] | undefined {
    return this.domain ?? this.chart?.xScale?.domain;
  }

  /** Zooms by `factor` (< 1 in) around `center` (epoch ms; default the middle). */
  zoomBy(factor: number, center?: number): void {
    const domain = this.currentDomain();
    if (!domain || !(factor > 0)) return;
    const [a, b] = domain;
    const c = center ?? (a + b) / 2;
    this.zoomTo([c - (c - a) * factor, c + (b - c) * factor]);
  }

  /** Moves the visible range by `fraction` of its width (negative: back in time). */
  panBy(fraction: number): void {
    const domain = this.currentDomain();
    if (!domain || !this.domain) return;
    const shift = (domain[1] - domain[0]) * fraction;
    this.zoomTo([domain[0] + shift, domain[1] + shift]);
  }

  private handleChartKey(event: KeyboardEvent): boolean {
    switch (event.key) {
      case '+':
      case '=':
        this.zoomBy(0.5);
        return true;
      case '-':
      case '_':
        this.zoomBy(2);
        return true;
      case '0':
        this.zoomTo(undefined);
        return true;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (!event.shiftKey) return false;
        this.panBy(event.key === 'ArrowLeft' ? -0.25 : 0.25);
        return true;
      default:
        return false;
    }
  }

  private renderControls() {
    if (!this.domain) return nothing;
    return html`<button type="button" part="reset-zoom" @click=${() => this.zoomTo(undefined)}>${message(words.resetZoom, this.effectiveLocale)}</button>`;
  }

  private renderBelowPlot(result: SeriesResult | undefined) {
    // Nothing shown, nothing to brush: the strip would be an empty box under the words.
    if (this.noOverview || (result && this.allHidden(result))) return nothing;
    return html`<div
      part="overview"
      aria-hidden="true"
      title=${message(words.overview, this.effectiveLocale)}
      @pointerdown=${this.onBrushDown}
      @pointermove=${this.onBrushMove}
      @pointerup=${this.onBrushUp}
      @pointercancel=${this.onBrushUp}
    >
      <div class="overview-surface"></div>
      <div class="overview-window"></div>
    </div>`;
  }

  protected override firstUpdated(): void {
    const plot = this.renderRoot.querySelector<HTMLElement>('.plot');
    if (!plot) return;
    // Not passive: a wheel over the chart zooms it instead of scrolling the page.
    plot.addEventListener('wheel', this.onWheel, { passive: false });
    plot.addEventListener('pointerdown', this.onPanDown);
    plot.addEventListener('pointermove', this.onPanMove);
    plot.addEventListener('pointerup', this.onPanUp);
    plot.addEventListener('pointercancel', this.onPanUp);
  }

  private plotX(event: MouseEvent): number {
    const surface = this.shell.surface;
    return surface ? event.clientX - surface.getBoundingClientRect().left : Number.NaN;
  }

  private readonly onWheel = (event: WheelEvent) => {
    const scale = this.chart?.xScale;
    if (!scale || event.deltaY === 0) return;
    event.preventDefault();
    const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    const factor = Math.min(2, Math.max(0.5, Math.exp(delta * 0.0015)));
    const x = this.plotX(event);
    this.zoomBy(factor, Number.isFinite(x) ? scale.invert(Math.min(scale.range[1], Math.max(scale.range[0], x))) : undefined);
  };

  private readonly onPanDown = (event: PointerEvent) => {
    const domain = this.domain;
    const scale = this.chart?.xScale;
    if (event.button !== 0 || !domain || !scale) return;
    this.drag = { pointerId: event.pointerId, x: event.clientX, domain, width: scale.range[1] - scale.range[0] };
    capturePointer(event);
    (event.currentTarget as HTMLElement).classList.add('panning');
  };

  private readonly onPanMove = (event: PointerEvent) => {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId || drag.width <= 0) return;
    const span = drag.domain[1] - drag.domain[0];
    const shift = (-(event.clientX - drag.x) / drag.width) * span;
    this.zoomTo([drag.domain[0] + shift, drag.domain[1] + shift]);
  };

  private readonly onPanUp = (event: PointerEvent) => {
    if (this.drag?.pointerId !== event.pointerId) return;
    this.drag = undefined;
    (event.currentTarget as HTMLElement).classList.remove('panning');
  };

  private overviewTime(event: PointerEvent): number {
    const scale = this.overview?.xScale;
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    if (!scale) return Number.NaN;
    return scale.invert(Math.min(scale.range[1], Math.max(scale.range[0], event.clientX - box.left)));
  }

  private readonly onBrushDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    const time = this.overviewTime(event);
    if (!Number.isFinite(time)) return;
    this.brush = { pointerId: event.pointerId, x: event.clientX, time, moved: false };
    capturePointer(event);
  };

  private readonly onBrushMove = (event: PointerEvent) => {
    const brush = this.brush;
    if (!brush || brush.pointerId !== event.pointerId) return;
    if (Math.abs(event.clientX - brush.x) < 3 && !brush.moved) return;
    brush.moved = true;
    const time = this.overviewTime(event);
    if (Number.isFinite(time)) this.zoomTo([Math.min(brush.time, time), Math.max(brush.time, time)]);
  };

  private readonly onBrushUp = (event: PointerEvent) => {
    const brush = this.brush;
    if (!brush || brush.pointerId !== event.pointerId) return;
    this.brush = undefined;
    if (brush.moved) return;
    // A click centres the current window there.
    const domain = this.currentDomain();
    if (domain && this.domain) {
      const half = (domain[1] - domain[0]) / 2;
      this.zoomTo([brush.time - half, brush.time + half]);
    }
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.drag = undefined;
    this.brush = undefined;
  }

  /** When the overview was last drawn (ms, `performance.now()`); for tests and diagnostics. */
  get overviewUpdatedAt(): number {
    return this.overviewDrawnAt;
  }
}

/** Keeps a drag going when the pointer leaves the element; a pointer the browser no longer tracks cannot be captured. */
function capturePointer(event: PointerEvent): void {
  try {
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
  } catch {
    // Not capturing only means a drag ends at the element's edge.
  }
}

defineChartElement('ioc-time-series', IocTimeSeries);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-time-series': IocTimeSeries;
  }
  interface GlobalEventHandlersEventMap {
    'ioc-zoom': IocZoomEvent;
  }
}
