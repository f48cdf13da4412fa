import { nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  addPeriods,
  localize,
  parseTime,
  toIso,
  type Indicator,
  type SeriesQuery,
  type SeriesResult,
  type TimeGrain,
} from '@ioc-kit/data';
import {
  TimeSeriesChart,
  formatPeriod,
  formatValue,
  lowerBound,
  seriesDash,
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
import type { ChartView } from '../internal/table-view.js';
import { readThemePalette, type BandTokens } from '../internal/theme-controller.js';
import { message } from '../internal/messages.js';
import * as words from '../internal/words.js';
import { DataController, missing, type DataState } from '../internal/data-controller.js';
import { AreaNamesController } from '../internal/area-names-controller.js';
import { DefaultPeriod, checkSeriesResult } from '../internal/chart-support.js';
import { axisUnit } from '../internal/format.js';
import { timeSeriesStyles } from './time-series.styles.js';
import { LivePace, withPoints } from './time-series-live.js';
import { TimeSeriesOverview } from './time-series-overview.js';
import { TimeSeriesZoom, type IocZoomEvent } from './time-series-zoom.js';
import { TimeSeriesSignals, signalKinds, type SignalContext } from './time-series-insights.js';

import { LAST_YEAR_KEY, DEFAULT_SPAN, bandLabel, inProgressMark, navIndexAt, navSpace, seriesThresholds, shiftOneYear, timeExtent } from './time-series-data.js';

export { IocZoomEvent } from './time-series-zoom.js';
export { LAST_YEAR_KEY } from './time-series-data.js';


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
 * @fires ioc-period-select - The same change as the page's selected range (`event.selection.range`, ISO; undefined for all), for an `<ioc-provider>` above.
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

  /**
   * Signals of @ioc-kit/insights drawn over the first visible series: `anomalies` (rings, with
   * their words in the tooltip), `changes` (a dashed rule at each change of level), `forecast`
   * (a dashed continuation over its prediction interval, with a note when a band is likely to be
   * crossed), separated by commas or spaces, or `all`. The statistics are loaded on first use:
   * a chart without the attribute never downloads them. The data table gets a signal column and
   * the forecast's rows; the spoken summary, the insight's sentence.
   */
  @property({ reflect: true }) insights?: string;

  /** Data given directly, bypassing any source. */
  @property({ attribute: false }) data?: SeriesResult;

  /** Last year's data given directly (its times are shifted forward one year to overlay). */
  @property({ attribute: false }) lastYear?: SeriesResult;

  /** Events to mark on the time axis. */
  @property({ attribute: false }) annotations: readonly TimeSeriesAnnotation[] = [];

  /** Names to show for area codes, e.g. `{ '24': 'Bắc Ninh' }`; default: the code. */
  @property({ attribute: false }) areaLabels: Readonly<Record<string, string>> = {};

  /**
   * The visible time range `[from, to]` in epoch ms after a zoom; undefined shows everything.
   * Under an `<ioc-provider>` it follows the provider's selected range (another time series
   * brushed or zoomed), without firing `ioc-period-select` again; a cleared range shows everything.
   */
  @property({ attribute: false }) domain?: readonly [number, number];

  private chart?: TimeSeriesChart;
  private readonly overview = new TimeSeriesOverview({
    root: () => this.renderRoot,
    domain: () => this.domain,
    locale: () => this.effectiveLocale,
    hidden: () => this.hiddenSeries,
    mode: () => this.mode,
    alive: () => this.chart !== undefined && this.isConnected && !this.noOverview,
  });
  private readonly defaultPeriod = new DefaultPeriod();
  private readonly zoom = new TimeSeriesZoom({
    host: this,
    domain: () => this.domain,
    setDomain: (domain) => (this.domain = domain),
    extent: () => ({ range: timeExtent(this.loader.value), points: this.loader.value?.series[0]?.t.length ?? 0 }),
    xScale: () => this.chart?.xScale,
    overviewScale: () => this.overview.xScale,
    surface: () => this.shell.surface,
    locale: () => this.effectiveLocale,
  });
  private readonly live = new LivePace();
  private readonly signals = new TimeSeriesSignals(() => {
    this.shell.summary.invalidate();
    this.shell.redraw();
  });

  private readonly shell: ChartShell<SeriesQuery> = new ChartShell(this, {
    query: () => this.chartQuery(),
    data: () => this.data,
    isEmpty: (result) => this.isEmptyResult(result),
    validate: checkSeriesResult,
    configError: () => this.configError(),
    summary: {
      summarize: (result) => this.chartSummary(result),
      isCostly: (result) => this.summaryIsCostly(result),
      current: () => this.loader.value,
    },
    legend: (result) => this.legendItems(result),
    nav: {
      count: () => (this.loader.value ? this.navCount(this.loader.value) : 0),
      point: (index) => (this.loader.value ? this.navPoint(this.loader.value, index) : undefined),
      handleKey: (event) => (this.loader.value ? this.zoom.handleKey(event) : false),
      indexAt: (x) => (this.loader.value ? this.pointIndexAt(this.loader.value, x) : -1),
    },
    drawInputs: () => this.drawInputs(),
    draw: (surface, result, size) => this.drawChart(surface, result, size, this.palette()),
    clear: (surface) => this.clearChart(surface),
    controls: () => this.zoom.renderReset(),
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

  private thresholds(): TimeSeriesThreshold[] {
    return seriesThresholds(this.info, this.target, this.effectiveLocale);
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
    const result = this.loader.value;
    return this.live.palette(result, () => readThemePalette(this, result ? this.bandTokens() : undefined));
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
    this.live.forgetPalette();
    this.shell.redraw();
  }

  /** Hides or shows a series, as its legend button does. */
  toggleSeries(key: string, visible = this.hiddenSeries.has(key)): void {
    this.shell.toggleSeries(key, visible);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('context')) this.followRange();
    // The spoken summary adds the insights' sentence: written again when they are asked for or dropped.
    if (changed.has('insights') && this.hasUpdated) this.shell.summary.invalidate();
    this.shell.willUpdate(changed);
  }

  /** The provider's range last followed (`from|to` epoch ms, '' for none). */
  private followed = '';

  /**
   * Zooms to the provider's selected range when it changed (quietly: the range came from a
   * period-select already, so none is fired back), and back to everything when it is cleared.
   */
  private followRange(): void {
    const range = this.selectedRange;
    const key = range ? `${range[0]}|${range[1]}` : '';
    if (key === this.followed) return;
    const had = this.followed !== '';
    this.followed = key;
    if (range) {
      if (this.domain?.[0] !== range[0] || this.domain?.[1] !== range[1]) this.domain = range;
    } else if (had && this.domain) {
      this.domain = undefined;
    }
  }

  protected override render() {
    return this.shell.render();
  }

  private drawInputs(): readonly unknown[] {
    return [this.lastYearLoader.value, this.info, this.names.areas, this.insights];
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
    const progress = inProgressMark(this.info, result, this.now, locale);
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
        insights: this.signalInput(result, palette),
        hidden: this.hiddenSeries,
        renderer: this.renderer,
      },
      size,
    );
    this.showAllHidden(surface, this.allHidden(result));
    if (!this.noOverview) this.overview.update(inputs, palette, size.width, this.live.isLive(result), this.ownerDocument.defaultView);
  }

  /** What the signals are computed from: the first visible series, when `insights` asks for any. */
  private signalContext(result: SeriesResult): SignalContext {
    return {
      result,
      info: this.info,
      area: result.series.find((series) => !this.hiddenSeries.has(series.area))?.area,
      target: this.target,
      kinds: signalKinds(this.insights),
      locale: this.effectiveLocale,
      timeZone: this.effectiveTimeZone,
    };
  }

  private signalInput(result: SeriesResult, palette: ChartPalette) {
    const context = this.signalContext(result);
    if (context.kinds.size === 0) return undefined;
    const index = Math.max(0, result.series.findIndex((series) => series.area === context.area));
    return this.signals.chartInput(context, palette, this.hiddenSeries, palette.series[index % palette.series.length] ?? palette.text);
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

  private clearChart(surface: HTMLElement): void {
    this.chart?.destroy();
    this.chart = undefined;
    this.overview.destroy();
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
    const next = withPoints(result, t, v, area);
    if (!next) return;
    const before = this.domain ? timeExtent(result)[1] : Number.NaN;
    this.live.added(result, next);
    if (!this.loader.update(next, { render: false })) return;
    if (this.domain && this.domain[1] >= before) {
      // Following the latest data: slide the window instead of letting new points fall off the edge.
      const shift = timeExtent(next)[1] - before;
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
    return this.live.summaryStands(from, next);
  }

  // ---- accessibility --------------------------------------------------------------------

  private chartSummary(result: SeriesResult): string {
    // The spoken summary reads every point: while points stream in it is written again every few seconds, not on every point.
    return this.live.summary(result, () => this.writeSummary(result));
  }

  private writeSummary(result: SeriesResult): string {
    const info = this.info;
    const locale = this.effectiveLocale;
    if (this.allHidden(result)) return `${this.shell.title(result)}: ${message(words.allHidden, locale)}`;
    const context = this.signalContext(result);
    const sentence = context.kinds.size > 0 && context.area !== undefined ? this.signals.summary(context, this.labelOf(context.area)) : '';
    const text = summarizeSeries({
      locale,
      title: this.shell.title(result),
      unit: this.unitLabel(result),
      decimals: info?.decimals ?? 0,
      grain: result.grain,
      timeZone: this.effectiveTimeZone,
      series: this.visibleSeries(result),
      thresholds: this.thresholds()
        .filter((threshold) => threshold.direction === 'up')
        .map((threshold) => ({ value: threshold.value, label: threshold.label })),
    });
    return sentence ? `${text} ${sentence}` : text;
  }

  private summaryIsCostly(result: SeriesResult): boolean {
    // Live points on a series already summed up: the kept words, or new ones now (every few seconds).
    if (this.live.isLive(result)) return false;
    return result.series.reduce((sum, series) => sum + series.t.length, 0) > 5_000;
  }

  private chartTable(result: SeriesResult): DataTable {
    const locale = this.effectiveLocale;
    const table = seriesTable({
      locale,
      caption: this.shell.title(result),
      timeLabel: message(words.time, locale),
      grain: result.grain,
      timeZone: this.effectiveTimeZone,
      decimals: this.info?.decimals ?? 0,
      series: this.visibleSeries(result),
      from: this.domain?.[0],
      to: this.domain?.[1],
    });
    const context = this.signalContext(result);
    return context.kinds.size > 0 ? this.signals.table(table, context) : table;
  }

  /**
   * One entry per area in its series colour, and, when last year is drawn, one for the dashed
   * overlay: in the area's colour when there is one area, in the text colour when the dashes
   * take each area's colour (the dash then says "last year", the colour which area).
   */
  private legendItems(result: SeriesResult): LegendItem[] {
    const palette = this.palette();
    const items: LegendItem[] = result.series.map((series, index) => {
      const dash = seriesDash(palette, index, 2);
      return { key: series.area, label: this.labelOf(series.area), color: `var(--_chart-series-${(index % 8) + 1})`, ...(palette.dashes?.length ? { dash } : {}) };
    });
    if (this.lastYearShown()) {
      items.push({
        key: LAST_YEAR_KEY,
        label: message(words.sameLastYear, this.effectiveLocale),
        color: result.series.length === 1 ? 'var(--_chart-series-1)' : 'var(--_chart-text)',
        dashed: true,
      });
    }
    const context = this.signalContext(result);
    if (context.kinds.size > 0) items.push(...this.signals.legendItems(context, palette));
    return items;
  }

  /** The points the keyboard visits: the first visible series inside the visible range, at most one per pixel column. */
  private navSpace(result: SeriesResult) {
    return navSpace(this.visibleSeries(result)[0], this.chart?.xScale);
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
      const band = value !== undefined && Number.isFinite(value) ? bandLabel(this.info, value, locale) : '';
      lines.push(`${series.label}: ${formatValue(value, locale, decimals)}${unit ? ` ${unit}` : ''}${band ? ` (${band})` : ''}`);
    }
    const context = this.signalContext(result);
    if (context.kinds.size > 0) lines.push(...this.signals.tooltipLines(context, time));
    const value = space.series.v[raw] ?? Number.NaN;
    const plotTop = yScale.range[1];
    const plotBottom = yScale.range[0];
    const y = Number.isFinite(yScale.map(value)) ? Math.min(plotBottom, Math.max(plotTop, yScale.map(value))) : plotBottom;
    return { label: lines.join('\n'), x: xScale.map(time), y };
  }

  private pointIndexAt(result: SeriesResult, x: number): number {
    return navIndexAt(this.navSpace(result), this.chart?.xScale, x);
  }

  private keyboardHelp(): string {
    const locale = this.effectiveLocale;
    return `${message(words.keyboardHelp, locale)} ${message(words.zoomHelp, locale)}`;
  }

  // ---- zoom and pan -----------------------------------------------------------------------

  /** Sets the visible range (clamped to the data, at least a few points wide) and tells listeners. */
  zoomTo(domain: readonly [number, number] | undefined): void {
    this.zoom.zoomTo(domain);
  }

  /** Zooms by `factor` (< 1 in) around `center` (epoch ms; default the middle). */
  zoomBy(factor: number, center?: number): void {
    this.zoom.zoomBy(factor, center);
  }

  /** Moves the visible range by `fraction` of its width (negative: back in time). */
  panBy(fraction: number): void {
    this.zoom.panBy(fraction);
  }

  private renderBelowPlot(result: SeriesResult | undefined) {
    // Nothing shown, nothing to brush: the strip would be an empty box under the words.
    if (this.noOverview || (result && this.allHidden(result))) return nothing;
    return this.zoom.renderOverview();
  }

  protected override firstUpdated(): void {
    const plot = this.renderRoot.querySelector<HTMLElement>('.plot');
    if (plot) this.zoom.attach(plot);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.zoom.cancel();
  }

  /** When the overview was last drawn (ms, `performance.now()`); for tests and diagnostics. */
  get overviewUpdatedAt(): number {
    return this.overview.drawnAt;
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
