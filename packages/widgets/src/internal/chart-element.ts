import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ConfigError, Query, ResultFor } from '@ioc-kit/data';
import type { ChartPalette, DataTable } from '@ioc-kit/charts';
import { IocElement, baseStyles } from './base-element.js';
import { chartElementStyles } from './chart-element.styles.js';
import { renderChartFigure } from './chart-figure.js';
import { DataController, type DataState } from './data-controller.js';
import { DrawController } from './draw-controller.js';
import { IndicatorController } from './indicator-controller.js';
import { LegendController, type LegendItem } from './legend-controller.js';
import { message } from './messages.js';
import * as words from './words.js';
import { AXIS_NAV_KEYS, NavigationController, type NavKeySteps, type NavPoint } from './navigation-controller.js';
import type { ChartSize } from './size-controller.js';
import { areaProblem, StatusController } from './status-controller.js';
import { SummaryController, afterFirstFrames } from './summary-controller.js';
import type { ChartView } from './table-view.js';
import { ThemeController, readThemePalette, type BandTokens } from './theme-controller.js';

export { AXIS_NAV_KEYS, LIST_NAV_KEYS, type NavKeySteps, type NavPoint } from './navigation-controller.js';
export type { LegendItem } from './legend-controller.js';
export type { ChartSize } from './size-controller.js';
export type { ChartView } from './table-view.js';
export type { BandTokens } from './theme-controller.js';

/**
 * A chart shell put together from the same controllers the chart widgets compose one by one
 * (`DataController`, `DrawController`, `ThemeController`, `IndicatorController`,
 * `LegendController`, `NavigationController`, `SummaryController`, `StatusController`) and the
 * figure they share (`renderChartFigure`), for a chart that fills in hooks rather than wiring
 * them itself: `ioc-time-series` today, until its renderer becomes a function of its input.
 *
 * A new widget composes the controllers it needs on `IocElement` instead, as `ioc-gauge` and
 * `ioc-bar-chart` do: what to load, what to draw and how to describe it stay in the widget.
 */
export abstract class IocChartElement<Q extends Query> extends IocElement {
  static override styles = [baseStyles, chartElementStyles];

  /** Title shown above the chart and used in its accessible name; defaults to the indicator's name. */
  @property() label?: string;

  /** `chart` (default) or `table`: the accessible data table instead of the plot. */
  @property({ reflect: true }) view: ChartView = 'chart';

  /** Hides the legend (series can still be hidden with `hiddenSeries`). */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** Keys of series the user has hidden through the legend. */
  @property({ attribute: false }) hiddenSeries: ReadonlySet<string> = new Set();

  protected readonly loader = new DataController<Q>(this, {
    source: () => this.context?.source,
    sourceError: () => this.context?.sourceError,
    query: () => this.chartQuery(),
    blocked: () => this.queryBlocked(),
    data: () => this.directData(),
    isEmpty: (result) => this.isEmptyResult(result),
    validate: (result) => this.validateResult(result),
    refreshMs: () => this.refresh * 1000,
  });
  protected readonly indicators = new IndicatorController(this, () => this.context);
  /** Installs the theme tokens in whatever document the chart is connected to. */
  protected readonly theme = new ThemeController(this);
  protected readonly legend = new LegendController(this, { hidden: () => this.hiddenSeries, setHidden: (next) => (this.hiddenSeries = next) });
  protected readonly status = new StatusController<Q>(this, {
    loader: this.loader,
    configError: () => this.configError(),
    direct: () => this.directData() !== undefined,
    locale: () => this.effectiveLocale,
    timeZone: () => this.effectiveTimeZone,
    now: () => this.now,
  });
  protected readonly summary = new SummaryController<ResultFor<Q>>(this, {
    summarize: (result) => this.chartSummary(result),
    key: () => `${this.effectiveLocale}|${this.effectiveTimeZone}|${[...this.hiddenSeries].join(',')}|${this.label ?? ''}|${this.indicators.key}`,
    isCostly: (result) => this.summaryIsCostly(result),
    placeholder: (result) => this.chartTitle(result),
    current: () => this.loader.value,
  });
  /** Draws into the surface when the result, the size or the inputs changed (after the state attribute is set). */
  protected readonly drawing = new DrawController<ResultFor<Q>>(this, {
    surface: () => this.surface,
    result: () => (this.state === 'ready' || this.state === 'stale' ? this.loader.value : undefined),
    visible: () => this.view === 'chart',
    inputs: () => this.drawInputs(),
    draw: (surface, result, size) => this.drawChart(surface, result, size, this.palette),
    clear: (surface) => this.clearChart(surface),
  });
  protected readonly nav = new NavigationController(this, {
    count: () => (this.loader.value ? this.navCount(this.loader.value) : 0),
    point: (index) => (this.loader.value ? this.navPoint(this.loader.value, index) : undefined),
    steps: () => (this.loader.value ? this.navKeySteps(this.loader.value) : AXIS_NAV_KEYS),
    handleKey: (event) => (this.loader.value ? this.handleChartKey(event, this.loader.value) : false),
    indexAt: (x, y) => (this.loader.value ? this.pointIndexAt(this.loader.value, x, y) : -1),
  });

  /** Parses the shadow stylesheets and installs the theme tokens when the element is defined. */
  protected static override finalize(): void {
    super.finalize();
    ThemeController.prepare(this);
  }

  // ---- what a chart implements ----------------------------------------------------------

  /** The query to run, or undefined when the chart lacks what it needs. */
  protected abstract chartQuery(): Q | undefined;
  /** Data given directly (a `.data` property), bypassing any source. */
  protected abstract directData(): ResultFor<Q> | undefined;
  protected abstract isEmptyResult(result: ResultFor<Q>): boolean;
  /** Throws a `ValidationError` for a result the chart cannot show. */
  protected validateResult(_result: ResultFor<Q>): void {}
  /** A configuration mistake to report instead of loading (e.g. no indicator). */
  protected configError(): ConfigError | undefined {
    return undefined;
  }
  /** Why `chartQuery()` gave nothing: by default, a missing area (or the provider still finding one). */
  protected queryBlocked(): ConfigError | 'waiting' | undefined {
    return areaProblem(this.localName, this.effectiveArea, this.context);
  }
  /** Draws the chart into `surface`, which the chart owns (Lit never touches its children). */
  protected abstract drawChart(surface: HTMLElement, result: ResultFor<Q>, size: ChartSize, palette: ChartPalette): void;
  /** Empties the surface when there is nothing to draw. */
  protected clearChart(surface: HTMLElement): void {
    surface.replaceChildren();
  }
  /** The generated text summary: range, latest value, trend. */
  protected abstract chartSummary(result: ResultFor<Q>): string;
  /** True when the summary reads so much data that it should be written after the first paint. */
  protected summaryIsCostly(_result: ResultFor<Q>): boolean {
    return false;
  }
  /** The data-table equivalent of the chart. */
  protected abstract chartTable(result: ResultFor<Q>): DataTable;
  /** The chart's title: the `label` attribute, else what the chart knows (indicator name). */
  protected chartTitle(_result: ResultFor<Q> | undefined): string {
    return this.label ?? '';
  }
  protected legendItems(_result: ResultFor<Q>): readonly LegendItem[] {
    return [];
  }
  /** Band colour tokens to resolve along with the palette. */
  protected bandTokens(_result: ResultFor<Q>): BandTokens {
    return { tokens: [] };
  }
  /** How many points the keyboard can visit. */
  protected navCount(_result: ResultFor<Q>): number {
    return 0;
  }
  protected navPoint(_result: ResultFor<Q>, _index: number): NavPoint | undefined {
    return undefined;
  }
  /** The point under the pointer at plot px `(x, y)`, or -1. */
  protected pointIndexAt(_result: ResultFor<Q>, _x: number, _y: number): number {
    return -1;
  }
  /** How the arrow keys map onto the points' order; a chart whose points run down the screen maps ArrowDown forward. */
  protected navKeySteps(_result: ResultFor<Q>): NavKeySteps {
    return AXIS_NAV_KEYS;
  }
  /** Keys the chart handles itself (zoom, pan); return true when handled. */
  protected handleChartKey(_event: KeyboardEvent, _result: ResultFor<Q>): boolean {
    return false;
  }
  /** Extra controls next to the table switch (e.g. "show all" after a zoom). */
  protected renderControls(_result: ResultFor<Q> | undefined): TemplateResult | typeof nothing {
    return nothing;
  }
  /** Content under the plot (e.g. an overview brush). */
  protected renderBelowPlot(_result: ResultFor<Q> | undefined): TemplateResult | typeof nothing {
    return nothing;
  }
  /** Values besides the result, size and properties whose change needs a redraw (e.g. a second loader's result). */
  protected drawInputs(): readonly unknown[] {
    return [];
  }
  /** A sentence of extra keyboard help appended to the plot's description. */
  protected keyboardHelp(): string {
    return message(words.keyboardHelp, this.effectiveLocale);
  }

  // ---- state ------------------------------------------------------------------------

  /**
   * What the chart shows now: `pending`, `ready`, `empty`, `stale`, `error` or `idle`.
   * Reflected to the `state` attribute for styling and tests.
   */
  get state(): DataState {
    return this.status.state;
  }

  /** The plot's surface, which the chart draws into. */
  protected get surface(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('.surface') ?? undefined;
  }

  /** The plot size last reported by the ResizeObserver. */
  protected get size(): ChartSize | undefined {
    return this.drawing.size;
  }

  /** The indicator's metadata, by id. */
  protected indicatorInfo(id: string | undefined) {
    return this.indicators.info(id);
  }

  /** Draws again on the next update (e.g. after the theme changed). */
  redraw(): void {
    this.drawing.request();
    this.requestUpdate();
  }

  /** Runs `work` in idle time once the chart's first frames are on screen (for what the first paint can do without). */
  protected afterFirstPaint(work: () => void): void {
    afterFirstFrames(this.ownerDocument.defaultView, work);
  }

  /** Forgets the cached summary, e.g. after live points changed the data behind the same result. */
  protected refreshDescription(): void {
    this.summary.invalidate();
  }

  /** Hides or shows a series, as its legend button does. */
  toggleSeries(key: string, visible = this.hiddenSeries.has(key)): void {
    this.legend.toggle(key, visible);
  }

  protected get palette(): ChartPalette {
    const result = this.loader.value;
    return readThemePalette(this, result ? this.bandTokens(result) : undefined);
  }

  // ---- lifecycle --------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    // Any property may change the drawing; the focus mark, the tooltip and the announcement
    // live in the navigation controller and render again without one.
    if (changed.size > 0) this.drawing.request();
  }

  // ---- rendering --------------------------------------------------------------------

  protected override render() {
    const locale = this.effectiveLocale;
    const state = this.state;
    const result = this.loader.value;
    const showing = (state === 'ready' || state === 'stale') && result !== undefined;
    const items = showing && !this.noLegend ? this.legendItems(result) : [];
    return renderChartFigure({
      locale,
      title: this.chartTitle(result),
      busy: this.loader.loading,
      showing,
      view: this.view,
      summary: () => (result ? this.summary.text(result) : ''),
      legend: items.length > 0 ? this.legend.render(items, locale) : nothing,
      controls: showing ? this.renderControls(result) : nothing,
      onToggleView: this.toggleView,
      nav: this.nav,
      onPointerMove: this.onPointerMove,
      plotWidth: this.size?.width ?? 0,
      below: () => this.renderBelowPlot(result),
      table: () => this.chartTable(result as ResultFor<Q>),
      help: this.keyboardHelp(),
      status: this.status.render(state),
    });
  }

  private readonly toggleView = () => {
    this.view = this.view === 'table' ? 'chart' : 'table';
  };

  private readonly onPointerMove = (event: PointerEvent) => this.nav.pointerMove(event, this.surface);
}
