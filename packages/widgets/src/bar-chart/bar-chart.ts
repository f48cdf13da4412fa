import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  localize,
  type AreaLevel,
  type Band,
  type Polarity,
  type ByAreaQuery,
  type ByAreaResult,
  type Indicator,
  type SeriesQuery,
  type SeriesResult,
  type TimeGrain,
} from '@ioc-kit/data';
import {
  formatPeriod,
  formatTick,
  formatValue,
  zoneOffsetMinutes,
  bandPattern,
  decimalsToTellApart,
  fillPattern,
  rankRows,
  renderBar,
  valuesNeedZoom,
  summarizeCategories,
  toFloat64,
  type BarData,
  type BarLayout,
  type BarMarks,
  type BarOrientation,
  type ChartPalette,
  type DataTable,
  type RankedRow,
} from '@ioc-kit/charts';
import { barChartStyles } from './bar-chart.styles.js';
import { OwnAreaController } from '../internal/area-lookup.js';
import { AreaNamesController } from '../internal/area-names-controller.js';
import { DefaultPeriod, splitCodes, checkByAreaResult, checkSeriesResult } from '../internal/chart-support.js';
import { IocElement, baseStyles } from '../internal/base-element.js';
import { chartElementStyles } from '../internal/chart-element.styles.js';
import { ChartShell, defineChartElement } from '../internal/chart-shell.js';
import { missing, type DataState } from '../internal/data-controller.js';
import { forcedColorsActive, patternSwatch, type LegendItem } from '../internal/legend-controller.js';
import { AXIS_NAV_KEYS, LIST_NAV_KEYS, type NavKeySteps, type NavPoint } from '../internal/navigation-controller.js';
import type { ChartSize } from '../internal/size-controller.js';
import { areaProblem } from '../internal/status-controller.js';
import type { ChartView } from '../internal/table-view.js';
import { readThemePalette, type BandTokens } from '../internal/theme-controller.js';
import { message } from '../internal/messages.js';
import * as words from '../internal/words.js';
import { cssVars } from '../internal/css-vars.js';
import { IocAreaSelectEvent } from '../internal/events.js';

type BarQuery = ByAreaQuery | SeriesQuery;
type BarResult = ByAreaResult | SeriesResult;

/** What the chart shows, worked out once per result and settings. */
interface BarModel {
  data: BarData;
  /** Ranking mode: rows in the order shown, with their ranks. */
  ranked?: RankedRow[];
  /** Ranking mode: how many areas had a value. */
  rankedCount: number;
  /** Ranking mode: how many areas share rank 1. */
  tiedFirst: number;
  /** Ranking mode: the indicator's polarity, which decides whether rank 1 is the highest or the lowest value. */
  polarity?: Polarity;
  /** Ranking mode: from rank 1 (`top`) or from the last rank (`bottom`), and how many. */
  order?: 'top' | 'bottom';
  limit?: number;
  highlight?: string;
  unit: string;
  /** The indicator's decimals, or more when values that differ would otherwise read the same. */
  decimals: number;
}

/**
 * @tag ioc-bar-chart
 * @summary Bars for an indicator: a ranking of areas (sorted by value from a `by-area` query,
 * top or bottom N, the selected area highlighted) or areas over periods (from a `series`
 * query when `areas` is set), vertical or horizontal, grouped, stacked or stacked to 100 %.
 *
 * A ranking follows the indicator's polarity: rank 1 is the best (the highest on-time rate,
 * the lowest AQI), or the highest for a neutral indicator, and a line under the chart says so
 * ("Xếp hạng: 1 = tốt nhất (thấp nhất)"). `top="10"` shows the ten best, `bottom="10"` the ten
 * worst, worst first. Tied values share a rank, written "=1". When values differ by too little
 * for bars from zero to show it, dots on a zoomed value axis replace the bars, and the line
 * under the chart says the axis does not start at 0. The value axis names the unit.
 *
 * @csspart base - The figure around everything.
 * @csspart header - The title.
 * @csspart legend - The legend (with more than one series); each `legend-item` hides or shows one.
 * @csspart legend-item - One legend button (`aria-pressed`).
 * @csspart view-toggle - The switch between the chart and the data table.
 * @csspart plot - The chart (`role="img"`, named by a generated summary; focus it for the keyboard).
 * @csspart tooltip - The focused bar's value.
 * @csspart table - The data table.
 * @csspart status - Loading, empty and error messages.
 * @csspart note - Under a ranking: which end ranks 1, what is shown, ties, a zoomed axis.
 *
 * @cssproperty --ioc-bar-chart-height - Height of the plot. Defaults to 16rem.
 * @cssproperty --ioc-bar-chart-surface - Background. Defaults to `--ioc-sys-color-surface`.
 * @cssproperty --ioc-bar-chart-border-color - Border. Defaults to `--ioc-sys-color-outline`.
 * @cssproperty --ioc-bar-chart-radius - Corner radius. Defaults to `--ioc-sys-radius`.
 * @cssproperty --ioc-bar-chart-padding - Inner padding. Defaults to `--ioc-sys-space-3`.
 * @cssproperty --ioc-bar-chart-series-1 - Colour of series 1 (to 8). Defaults to `--ioc-sys-color-chart-1` (to 8).
 * @cssproperty --ioc-bar-chart-grid-color - Grid lines. Defaults to `--ioc-sys-color-outline`.
 * @cssproperty --ioc-bar-chart-target-color - Target line. Defaults to `--ioc-sys-color-on-surface`.
 *
 * @fires ioc-data - New data arrived (`event.result`).
 * @fires ioc-error - Data could not be loaded or was invalid (`event.error`); last good data stays.
 * @fires ioc-area-select - A ranked bar was clicked, or Enter pressed on the focused one (`event.area`: code, name, level).
 */
export class IocBarChart extends IocElement {
  static override styles = [baseStyles, chartElementStyles, barChartStyles];

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

  /** Areas to compare over periods (codes separated by spaces or commas); unset: a ranking of areas. */
  @property({ reflect: true }) areas?: string;

  /** Ranking: the level of the areas ranked (`commune` by default). */
  @property({ reflect: true }) level: AreaLevel = 'commune';

  /** Ranking: the parent area whose units are ranked; default: the provider's area when it is a province. */
  @property({ reflect: true }) parent?: string;

  /** Ranking: the area to highlight; default: the widget's or provider's area. */
  @property({ reflect: true }) selected?: string;

  /**
   * Ranking: show only the N best, rank 1 first. Best follows the indicator's polarity: the
   * highest values where higher is better (and for neutral indicators), the lowest where lower
   * is better (AQI: the cleanest air).
   */
  @property({ type: Number, reflect: true }) top?: number;

  /**
   * Ranking: show only the N worst, the worst first (AQI: the most polluted; on-time dossiers:
   * the latest). Neutral indicators: the N lowest. Ignored when `top` is set.
   */
  @property({ type: Number, reflect: true }) bottom?: number;

  /** Time grain: of the ranked period (default: the source's) or of the bars over time (default `month`). */
  @property({ reflect: true }) grain?: TimeGrain;

  /** Ranking: the period that holds this date (ISO); default: the provider's selection (the end of a brushed time range, else a selected period), else the latest. Over time (`areas`), the provider's selected range is the window unless `from`/`to` are set. */
  @property({ reflect: true }) at?: string;

  /** Over periods: start (ISO, inclusive); default: 12 periods back from `to`. */
  @property({ reflect: true }) from?: string;

  /** Over periods: end (ISO, exclusive); default: the end of the current period. */
  @property({ reflect: true }) to?: string;

  /** `vertical` or `horizontal`; default: horizontal for a ranking, vertical over periods. */
  @property({ reflect: true }) orientation?: BarOrientation;

  /** `grouped` (default), `stacked` or `percent` (stacked to 100 %). */
  @property({ reflect: true }) layout: BarLayout = 'grouped';

  /** Colour bars good or bad against the target (or the median) by the indicator's polarity. */
  @property({ type: Boolean, attribute: 'polarity-colors', reflect: true }) polarityColors = false;

  /** A target drawn as a line; default: the indicator's target. */
  @property({ type: Number }) target?: number;

  /** Data given directly, bypassing any source: a `by-area` result (ranking) or a `series` result. */
  @property({ attribute: false }) data?: BarResult;

  /** Names to show for area codes, e.g. `{ '25111': 'Phường Kinh Bắc' }`; default: the source's names, else the code. */
  @property({ attribute: false }) areaLabels: Readonly<Record<string, string>> = {};

  private readonly names = new AreaNamesController(this, {
    result: () => this.loader.value,
    source: () => this.context?.source,
    onChange: () => this.summary.invalidate(),
    // Ranked areas, or (over periods) the compared areas: by default the province's communes.
    fallback: () => {
      const result = this.loader.value;
      const parent = this.rankingParent();
      // Units of another date (districts before 1 July 2025) are named as they were then.
      return { level: result?.kind === 'by-area' ? result.level : this.level, ...(parent ? { parent } : {}), ...(this.at ? { at: this.at } : {}) };
    },
  });
  /** The widget's area as the source describes it: a province is the default parent of a ranking. */
  private readonly ownArea = new OwnAreaController(this, { source: () => this.context?.source, code: () => (this.parent || splitCodes(this.areas).length > 0 ? undefined : this.effectiveArea) });
  private readonly period = new DefaultPeriod();
  private modelCache?: { inputs: readonly unknown[]; model: BarModel };
  private marks?: BarMarks;

  private rankingParent(): string | undefined {
    if (this.parent) return this.parent;
    const area = this.effectiveArea;
    // Only a province is a sensible default parent for communes.
    return area && this.ownArea.area?.level === 'province' && this.level !== 'province' ? area : undefined;
  }


  private readonly shell: ChartShell<BarQuery> = new ChartShell(this, {
    query: () => this.chartQuery(),
    blocked: () => this.queryBlocked(),
    data: () => this.data,
    isEmpty: (result) => this.isEmptyResult(result),
    validate: (result) => this.validateResult(result),
    configError: () => this.configError(),
    summary: {
      summarize: (result) => this.chartSummary(result),
      // The settings the words read too (which ranks show, the highlight, the target, the names).
      inputs: () => this.drawInputs(),
    },
    legend: (result) => this.legendItems(result),
    nav: {
      count: () => this.navCount(),
      point: (index) => (this.loader.value ? this.navPoint(this.loader.value, index) : undefined),
      steps: () => (this.loader.value ? this.navKeySteps(this.loader.value) : AXIS_NAV_KEYS),
      indexAt: (x, y) => (this.loader.value ? this.pointIndexAt(this.loader.value, x, y) : -1),
      handleKey: (event) => event.key === 'Enter' && this.selectBar(this.shell.nav.active),
    },
    drawInputs: () => this.drawInputs(),
    draw: (surface, result, size) => this.drawChart(surface, result, size, readThemePalette(this, this.bandTokens())),
    clear: (surface) => this.clearChart(surface),
    below: (result) => this.renderBelowPlot(result),
    table: (result) => this.chartTable(result),
  });
  private readonly loader = this.shell.loader;
  private readonly indicators = this.shell.indicators;
  private readonly summary = this.shell.summary;

  /**
   * What the chart shows now: `pending`, `ready`, `empty`, `stale`, `error` or `idle`.
   * Reflected to the `state` attribute for styling and tests.
   */
  get state(): DataState {
    return this.shell.state;
  }

  /** Draws again on the next update (e.g. after the theme changed). */
  redraw(): void {
    this.shell.redraw();
  }

  /** Hides or shows a series, as its legend button does. */
  toggleSeries(key: string, visible = this.hiddenSeries.has(key)): void {
    this.shell.toggleSeries(key, visible);
  }

  constructor() {
    super();
    // A click on a ranked bar selects its area, as Enter does on the focused one.
    this.addEventListener('click', () => {
      if (this.shell.nav.from === 'pointer') this.selectBar(this.shell.nav.active);
    });
  }

  /** Fires `ioc-area-select` for the area of ranked bar `index`; false when it is no area's bar. */
  private selectBar(index: number): boolean {
    const result = this.loader.value;
    const bar = index >= 0 ? this.marks?.bars[index] : undefined;
    if (!result || result.kind !== 'by-area' || !bar) return false;
    const code = this.model(result).data.categories[bar.categoryIndex]?.key;
    if (!code) return false;
    const area = this.names.area(code);
    this.dispatchEvent(new IocAreaSelectEvent({ code, name: this.names.nameOf(code, this.effectiveLocale, this.areaLabels), level: area?.level ?? result.level }));
    return true;
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

  private chartQuery(): BarQuery | undefined {
    if (!this.indicator) return undefined;
    const indicator = this.indicator as BarQuery['indicator'];
    const areas = splitCodes(this.areas);
    if (areas.length > 0) {
      const grain = this.grain ?? 'month';
      // Without its own window: the provider's selected range, else 12 periods back from now.
      const range = this.from || this.to ? undefined : this.selectedRange;
      const { from, to } = range ? { from: new Date(range[0]).toISOString(), to: new Date(range[1]).toISOString() } : this.period.get(grain, 12, this.now, this.from, this.to);
      return { kind: 'series', indicator, areas, grain, from, to };
    }
    // Until the source says what the area is, it is not known whether it is the ranking's parent.
    if (this.ownArea.pending) return undefined;
    const parent = this.rankingParent();
    return { kind: 'by-area', indicator, level: this.level, ...(parent ? { parent } : {}), ...(this.grain ? { grain: this.grain } : {}), ...(this.at ?? this.selectedAt ?? this.pinnedAt ? { at: this.at ?? this.selectedAt ?? this.pinnedAt } : {}) };
  }

  private queryBlocked() {
    return this.ownArea.pending ? 'waiting' : areaProblem(this.localName, this.effectiveArea, this.context);
  }

  private directData(): BarResult | undefined {
    return this.data;
  }

  private isEmptyResult(result: BarResult): boolean {
    if (result.kind === 'by-area') return !result.rows.some((row) => typeof row.value === 'number' && Number.isFinite(row.value));
    return !result.series.some((series) => toFloat64(series.v).some((value) => Number.isFinite(value)));
  }

  private validateResult(result: BarResult): void {
    if (result?.kind === 'series') checkSeriesResult(result);
    else checkByAreaResult(result);
  }

  private configError() {
    if (!this.indicator) return missing('an indicator attribute, e.g. indicator="environment.aqi"', 'ioc-bar-chart');
    return undefined;
  }

  // ---- model --------------------------------------------------------------------------

  private model(result: BarResult): BarModel {
    const inputs = [result, this.names.areas, this.areaLabels, this.effectiveLocale, this.effectiveTimeZone, this.top, this.bottom, this.selected, this.effectiveArea, this.indicators.key];
    if (this.modelCache && this.modelCache.inputs.every((input, i) => input === inputs[i])) return this.modelCache.model;
    const model = this.buildModel(result);
    this.modelCache = { inputs, model };
    return model;
  }

  private buildModel(result: BarResult): BarModel {
    const locale = this.effectiveLocale;
    const unit = localize(result.unit.label, locale);
    const decimals = this.info?.decimals ?? 0;
    const name = (code: string) => this.names.nameOf(code, locale, this.areaLabels);
    if (result.kind === 'by-area') {
      const selected = this.selected ?? this.effectiveArea;
      const rows = result.rows.map((row) => ({ key: row.area, label: name(row.area), value: row.value }));
      const useTop = this.top !== undefined && Number.isFinite(this.top);
      const useBottom = !useTop && this.bottom !== undefined && Number.isFinite(this.bottom);
      const polarity = this.info?.polarity ?? 'neutral';
      const limit = useTop ? this.top : useBottom ? this.bottom : undefined;
      const order = useBottom ? 'bottom' : 'top';
      const ranked = rankRows(rows, {
        order,
        // Rank 1 is the best: the lowest value where lower is better.
        best: polarity === 'lower-is-better' ? 'lowest' : 'highest',
        ...(limit !== undefined ? { limit } : {}),
        ...(selected ? { keep: selected } : {}),
        locale,
      });
      const all = rankRows(rows, { best: polarity === 'lower-is-better' ? 'lowest' : 'highest' });
      const rankedCount = all.length;
      const tiedFirst = all.filter((row) => row.rank === 1).length;
      return {
        data: {
          categories: ranked.map((row) => ({ key: row.key, label: `${rankText(row)}. ${row.label}` })),
          series: [{ key: 'value', label: this.shell.title(result), values: ranked.map((row) => row.value) }],
        },
        ranked,
        rankedCount,
        tiedFirst,
        polarity,
        order,
        ...(limit !== undefined ? { limit: Math.max(0, Math.floor(limit)) } : {}),
        ...(selected ? { highlight: selected } : {}),
        unit,
        decimals: decimalsToTellApart(ranked.map((row) => row.value), decimals),
      };
    }
    // Periods as categories: the union of every series' times, in order.
    const times = [...new Set(result.series.flatMap((series) => [...toFloat64(series.t)].filter(Number.isFinite)))].sort((a, b) => a - b);
    const index = new Map(times.map((time, i) => [time, i]));
    return {
      data: {
        categories: times.map((time) => ({ key: String(time), label: this.shortPeriod(time, result.grain) })),
        series: result.series.map((series) => {
          const values: (number | null)[] = times.map(() => null);
          const t = toFloat64(series.t);
          const v = toFloat64(series.v);
          for (let i = 0; i < t.length; i++) {
            const at = index.get(t[i] as number);
            if (at !== undefined) values[at] = v[i] as number;
          }
          return { key: series.area, label: name(series.area), values };
        }),
      },
      rankedCount: 0,
      tiedFirst: 0,
      unit,
      decimals,
    };
  }

  /** A period as an axis writes it (`11/2026`, `24/11`, `14:00`); quarters and years in full. */
  private shortPeriod(time: number, grain: TimeGrain): string {
    const zone = this.effectiveTimeZone;
    if (grain === 'quarter' || grain === 'year') return formatPeriod(time, grain, this.effectiveLocale, zone);
    return formatTick(time, grain, this.effectiveLocale, zone, zoneOffsetMinutes(zone, time));
  }

  /** A period in full for the table and the spoken labels (`Tháng 11/2026`). */
  private longPeriod(key: string, result: BarResult): string {
    return result.kind === 'series' ? formatPeriod(Number(key), result.grain, this.effectiveLocale, this.effectiveTimeZone) : key;
  }

  // ---- drawing ------------------------------------------------------------------------

  private bandTokens(): BandTokens {
    // A ranking of an indicator with bands (VN_AQI, VN_WQI) is coloured by band, official colours as fallbacks.
    const bands = this.info?.bands ?? [];
    return {
      tokens: ['positive', 'negative', ...bands.map((band) => band.token)],
      fallbacks: Object.fromEntries(bands.filter((band) => band.color).map((band) => [band.token, band.color ?? ''])),
    };
  }

  /**
   * The indicator's bands with their resolved colours, for a ranking coloured by band (all of
   * them, in order: a band's position picks its pattern under forced colours; one without a
   * colour colours nothing).
   */
  private bandColors(palette: ChartPalette): { from: number; to: number; color: string }[] {
    return (this.info?.bands ?? []).map((band) => ({ from: band.from, to: band.to, color: palette.bands[band.token] ?? band.color ?? '' }));
  }

  /** The band a value falls in (its label in the locale), if the indicator has bands. */
  private bandOf(value: number): Band | undefined {
    const bands = this.info?.bands ?? [];
    const last = bands[bands.length - 1];
    return bands.find((band) => value >= band.from && (value < band.to || (band === last && value <= band.to)));
  }

  private drawInputs(): readonly unknown[] {
    return [this.names.areas, this.areaLabels, this.top, this.bottom, this.selected, this.orientation, this.layout, this.polarityColors, this.target, this.indicators.key];
  }

  private targetValue(): number | undefined {
    const target = this.target ?? this.info?.target;
    return target !== undefined && Number.isFinite(target) ? target : undefined;
  }

  private drawChart(surface: HTMLElement, result: BarResult, size: ChartSize, palette: ChartPalette): void {
    const model = this.model(result);
    const locale = this.effectiveLocale;
    const ranking = model.ranked !== undefined;
    const polarity = this.info?.polarity;
    const target = this.targetValue();
    let reference = target;
    if (reference === undefined) {
      // No target: the median of what is shown splits good from bad.
      const values = model.data.series.flatMap((series) => series.values).filter((value): value is number => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
      reference = values.length > 0 ? values[Math.floor(values.length / 2)] : undefined;
    }
    this.marks = renderBar(
      surface,
      model.data,
      {
        locale,
        palette,
        orientation: this.orientation ?? (ranking ? 'horizontal' : 'vertical'),
        layout: ranking ? 'grouped' : this.layout,
        hidden: this.hiddenSeries,
        ...(model.highlight ? { highlight: model.highlight } : {}),
        decimals: model.decimals,
        valueLabels: ranking,
        // Values too close for bars from zero (on-time rates of 98–99.7 %) get dots on a zoomed axis.
        mark: 'auto',
        ...(this.info?.range ? { valueRange: this.info.range } : {}),
        ...(ranking && this.info?.bands?.length ? { bands: this.bandColors(palette) } : {}),
        unit: model.unit,
        axisLabel: this.axisLabel(model),
        ...(this.polarityColors && polarity && polarity !== 'neutral' && reference !== undefined
          ? { polarity: { direction: polarity, reference, good: palette.bands.positive ?? palette.series[0] ?? palette.text, bad: palette.bands.negative ?? palette.signal } }
          : {}),
        ...(target !== undefined ? { target: { value: target, label: `${message(words.target, locale)} ${this.withUnit(target, model)}` } } : {}),
      },
      size,
    );
  }

  private clearChart(surface: HTMLElement): void {
    this.marks = undefined;
    surface.replaceChildren();
  }

  /** A value with its unit, as the labels write it: `95,0 %`, `1.600 AQI`. */
  private withUnit(value: number, model: BarModel): string {
    return `${formatValue(value, this.effectiveLocale, model.decimals)}${model.unit ? ` ${model.unit}` : ''}`;
  }

  /** The value axis's title: the unit (`Đơn vị: tấn/ngày`), or the share in the percent layout. */
  private axisLabel(model: BarModel): string {
    const locale = this.effectiveLocale;
    if (!model.ranked && this.layout === 'percent') return `${message(words.share, locale)} (%)`;
    return model.unit ? `${message(words.unit, locale)}: ${model.unit}` : '';
  }

  /** Which end ranks 1, in words: `1 = tốt nhất (cao nhất)`, or `1 = cao nhất` for a neutral indicator. */
  private rankWords(model: BarModel): string {
    const key = model.polarity === 'lower-is-better' ? words.rankBestLow : model.polarity === 'higher-is-better' ? words.rankBestHigh : words.rankHighest;
    return message(key, this.effectiveLocale);
  }

  /** The sentence under a ranking: which end ranks 1, what is shown, ties, a zoomed axis. */
  private rankingNote(model: BarModel): string {
    const locale = this.effectiveLocale;
    const parts = [`${message(words.rankingLead, locale)}: ${this.rankWords(model)}`];
    const ranked = model.ranked ?? [];
    if (model.limit !== undefined && model.limit < model.rankedCount) {
      const neutral = model.polarity !== 'higher-is-better' && model.polarity !== 'lower-is-better';
      const key = model.order === 'bottom' ? (neutral ? words.showingLowest : words.showingWorst) : neutral ? words.showingHighest : words.showingBest;
      parts.push(message(key, locale, { n: Math.min(model.limit, model.rankedCount), total: model.rankedCount }));
    }
    if (ranked.some((row) => row.tied)) {
      parts.push(message(words.tied, locale));
      // More areas share first place than are shown (every small office 100 % on time): say how many.
      const shownFirst = ranked.filter((row) => row.rank === 1).length;
      if (shownFirst > 0 && model.tiedFirst > shownFirst) parts.push(message(words.tiedFirst, locale, { n: model.tiedFirst }));
    }
    const target = this.targetValue();
    if (target !== undefined && (model.polarity === 'higher-is-better' || model.polarity === 'lower-is-better') && ranked.length > 0) {
      const met = ranked.filter((row) => (model.polarity === 'higher-is-better' ? row.value >= target : row.value <= target)).length;
      parts.push(message(words.targetMet, locale, { met, n: ranked.length, target: this.withUnit(target, model) }));
    }
    if (valuesNeedZoom(ranked.map((row) => row.value))) parts.push(message(words.zoomedAxis, locale));
    return parts.join(' · ');
  }

  /** The bands the shown values fall in, worst last, for the key under a ranking coloured by band. */
  private shownBands(model: BarModel): Band[] {
    const bands = this.info?.bands ?? [];
    if (this.polarityColors || bands.length === 0 || !model.ranked) return [];
    const used = new Set(model.ranked.map((row) => this.bandOf(row.value)).filter((band): band is Band => band !== undefined));
    return bands.filter((band) => used.has(band));
  }

  private renderBelowPlot(result: BarResult | undefined) {
    if (!result) return nothing;
    const model = this.model(result);
    if (model.ranked) {
      // The colours of a ranking coloured by band are named under it, with their swatches.
      const bands = this.shownBands(model);
      const locale = this.effectiveLocale;
      // Under forced colours each band's swatch is its bars' pattern (renderBar's bandPattern).
      const forced = forcedColorsActive(this);
      const all = this.info?.bands ?? [];
      return html`<p part="note" class="ranking-note" title=${this.rankingNote(model)}>
        ${bands.length > 0
          ? html`<span class="bands"
              >${message(words.band, locale)}:
              ${bands.map(
                (band) =>
                  html`<span class="band"
                    >${forced
                      ? patternSwatch(bandPattern(all.indexOf(band)))
                      : html`<span class="swatch" aria-hidden="true" ${cssVars({ '--_swatch': `var(--ioc-sys-color-${band.token}, ${band.color ?? 'currentColor'})` })}></span>`}${localize(
                      band.label,
                      locale,
                    )}</span
                  >`,
              )}</span
            >
            · `
          : nothing}${this.rankingNote(model)}
      </p>`;
    }
    // Over periods, grouped: say so when dots on a zoomed axis replace the bars.
    const visible = model.data.series.filter((series) => !this.hiddenSeries.has(series.key)).flatMap((series) => series.values);
    if (this.layout === 'grouped' && valuesNeedZoom(visible)) {
      const text = message(words.zoomedAxis, this.effectiveLocale);
      return html`<p part="note" class="ranking-note">${text.charAt(0).toUpperCase()}${text.slice(1)}</p>`;
    }
    return nothing;
  }

  private navKeySteps(_result?: BarResult): NavKeySteps {
    // A horizontal chart lists its bars from the top: ArrowDown goes to the next one (rank 1 to 2).
    return this.marks?.orientation === 'horizontal' ? LIST_NAV_KEYS : AXIS_NAV_KEYS;
  }

  // ---- description ----------------------------------------------------------------------

  private legendItems(result: BarResult): readonly LegendItem[] {
    const model = this.model(result);
    if (model.data.series.length < 2) return [];
    // Under forced colours each entry shows its bars' pattern (as renderBar picks it).
    const forced = forcedColorsActive(this);
    return model.data.series.map((series, index) => ({ key: series.key, label: series.label, color: `var(--_chart-series-${(index % 8) + 1})`, ...(forced ? { pattern: fillPattern(index) } : {}) }));
  }

  private chartSummary(result: BarResult): string {
    const model = this.model(result);
    const locale = this.effectiveLocale;
    const title = this.shell.title(result);
    if (model.ranked) {
      const items = model.ranked.map((row) => ({ label: row.label, value: row.value }));
      const text = summarizeCategories({ locale, title: `${title} (${message(words.ranking, locale)}, ${this.rankWords(model)})`, unit: model.unit, decimals: model.decimals, items });
      const selected = model.ranked.find((row) => row.key === model.highlight);
      if (!selected) return text;
      const place = message(words.ranksOf, locale, { area: selected.label, rank: rankText(selected), total: model.rankedCount });
      return `${text} ${place}`;
    }
    const visible = model.data.series.filter((series) => !this.hiddenSeries.has(series.key));
    const items = visible.flatMap((series) =>
      model.data.categories.map((category, c) => {
        const period = this.longPeriod(category.key, result);
        return { label: visible.length > 1 ? `${series.label} ${period}` : period, value: series.values[c] ?? null };
      }),
    );
    return summarizeCategories({ locale, title, unit: model.unit, decimals: model.decimals, items, total: this.layout !== 'grouped' });
  }

  private chartTable(result: BarResult): DataTable {
    const model = this.model(result);
    const locale = this.effectiveLocale;
    const unit = model.unit ? ` (${model.unit})` : '';
    const caption = this.shell.title(result);
    const value = (x: number | null | undefined) => formatValue(x, locale, model.decimals);
    if (model.ranked) {
      const rows = model.ranked.map((row) => [this.names.nameOf(row.key, locale, this.areaLabels), rankText(row), value(row.value)]);
      return {
        caption,
        columns: [
          { key: 'area', label: message(words.area, locale), numeric: false },
          { key: 'rank', label: `${message(words.rank, locale)} (${this.rankWords(model)})`, numeric: true },
          { key: 'value', label: `${message(words.value, locale)}${unit}`, numeric: true },
        ],
        rows,
        total: rows.length,
        truncated: false,
      };
    }
    const visible = model.data.series.filter((series) => !this.hiddenSeries.has(series.key));
    const rows = model.data.categories.map((category, c) => [this.longPeriod(category.key, result), ...visible.map((series) => value(series.values[c]))]);
    return {
      caption: `${caption}${unit}`,
      columns: [{ key: 'period', label: message(words.period, locale), numeric: false }, ...visible.map((series) => ({ key: series.key, label: series.label, numeric: true }))],
      rows,
      total: rows.length,
      truncated: false,
    };
  }

  private navCount(): number {
    return this.marks?.bars.length ?? 0;
  }

  private navPoint(result: BarResult, index: number): NavPoint | undefined {
    const bar = this.marks?.bars[index];
    if (!bar) return undefined;
    const model = this.model(result);
    const locale = this.effectiveLocale;
    const category = model.data.categories[bar.categoryIndex];
    const series = model.data.series[bar.seriesIndex];
    const band = model.ranked ? this.bandOf(bar.value) : undefined;
    const value = `${formatValue(bar.value, locale, model.decimals)}${model.unit ? ` ${model.unit}` : ''}${band ? ` (${localize(band.label, locale)})` : ''}`;
    const percent = bar.percent !== undefined ? ` (${formatValue(bar.percent, locale, 1)} %)` : '';
    const period = category ? this.longPeriod(category.key, result) : '';
    const who = model.ranked ? (category?.label ?? '') : model.data.series.length > 1 ? `${series?.label ?? ''}, ${period}` : period;
    const horizontal = this.marks?.orientation === 'horizontal';
    const negative = bar.value < 0;
    return {
      label: `${who}: ${value}${percent}`,
      // The focus mark sits at the bar's end.
      x: horizontal ? (negative ? bar.x : bar.x + bar.width) : bar.x + bar.width / 2,
      y: horizontal ? bar.y + bar.height / 2 : negative ? bar.y + bar.height : bar.y,
    };
  }

  private pointIndexAt(_result: BarResult, x: number, y: number): number {
    // A dot is small: a few pixels around it still count.
    const slack = this.marks?.mark === 'dot' ? 6 : 0;
    return this.marks?.bars.findIndex((bar) => x >= bar.x - slack && x <= bar.x + bar.width + slack && y >= bar.y - 2 - slack && y <= bar.y + bar.height + 2 + slack) ?? -1;
  }
}

/** A rank as a reader expects it: `3`, or `=1` when the value is tied with another area's. */
function rankText(row: RankedRow): string {
  return `${row.tied ? '=' : ''}${row.rank}`;
}

defineChartElement('ioc-bar-chart', IocBarChart);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-bar-chart': IocBarChart;
  }
}
