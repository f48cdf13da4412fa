import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { localize, type ConfigError, type Query, type ResultFor } from '@ioc-kit/data';
import type { DataTable } from '@ioc-kit/charts';
import type { IocElement } from './base-element.js';
import type { IocContextValue } from './context.js';
import { defineElement } from './base-element.js';
import { renderChartFigure } from './chart-figure.js';
import { DataController, type DataState } from './data-controller.js';
import { DrawController } from './draw-controller.js';
import { IndicatorController } from './indicator-controller.js';
import { LegendController, type LegendItem } from './legend-controller.js';
import { message } from './messages.js';
import { NavigationController, type NavigationOptions } from './navigation-controller.js';
import type { ChartSize } from './size-controller.js';
import { StatusController, areaProblem } from './status-controller.js';
import { SummaryController, type SummaryOptions } from './summary-controller.js';
import type { ChartView } from './table-view.js';
import { ThemeController } from './theme-controller.js';
import * as words from './words.js';

export { AXIS_NAV_KEYS, LIST_NAV_KEYS, type NavKeySteps, type NavPoint } from './navigation-controller.js';
export type { LegendItem } from './legend-controller.js';
export type { ChartSize } from './size-controller.js';
export type { ChartView } from './table-view.js';

type Content = TemplateResult | typeof nothing;

/** The public settings every chart widget declares (as `@property`, with its own JSDoc) and the shell reads. */
export interface ChartShellHost extends IocElement {
  label?: string;
  /** The indicator id, when the widget has one (the default title reads its name). */
  indicator?: string;
  view: ChartView;
  noLegend: boolean;
  hiddenSeries: ReadonlySet<string>;
}

/** What the shell reads of `IocElement` that a widget keeps `protected`. */
interface HostView {
  readonly context?: IocContextValue;
  readonly effectiveLocale: 'vi' | 'en';
  readonly effectiveTimeZone: string;
  readonly effectiveArea: string | undefined;
  readonly now: number;
}

/** What a chart widget tells its shell: what to load, draw and say; the shell wires the rest. */
export interface ChartShellOptions<Q extends Query> {
  /** The query to run, or undefined when the widget lacks what it needs. */
  query: () => Q | undefined;
  /** Data given directly (the `.data` property), bypassing any source. */
  data: () => ResultFor<Q> | undefined;
  isEmpty: (result: ResultFor<Q>) => boolean;
  /** Throws a `ValidationError` for a result the widget cannot show. */
  validate?: (result: ResultFor<Q>) => void;
  /** Why `query()` gave nothing; default: a missing area (or the provider still finding one). */
  blocked?: () => ConfigError | 'waiting' | undefined;
  /** A set-up mistake to show instead of loading (no indicator, say). */
  configError?: () => ConfigError | undefined;
  /** The title; default: `label`, else the indicator's name, else its id. */
  title?: (result: ResultFor<Q> | undefined) => string;
  /** The generated summary (the plot's accessible name); `key` defaults to the locale, time zone, hidden series, label and indicators. */
  summary: Omit<SummaryOptions<ResultFor<Q>>, 'key' | 'placeholder'> & Partial<Pick<SummaryOptions<ResultFor<Q>>, 'key' | 'placeholder'>>;
  /** Legend entries (none: no legend). */
  legend?: (result: ResultFor<Q>) => readonly LegendItem[];
  /** Draws `result` at `size` into the surface, which the widget owns (Lit never touches its children). */
  draw: (surface: HTMLElement, result: ResultFor<Q>, size: ChartSize) => void;
  /** Empties the surface when there is nothing to draw (default: removes its children). */
  clear?: (surface: HTMLElement) => void;
  /** Values besides the result, size and properties whose change needs a redraw. */
  drawInputs?: () => readonly unknown[];
  /** The points the keyboard and the pointer visit. */
  nav: NavigationOptions;
  /** The data-table equivalent of the chart. */
  table: (result: ResultFor<Q>) => DataTable;
  /** Extra controls next to the table switch (e.g. "show all" after a zoom). */
  controls?: (result: ResultFor<Q>) => Content;
  /** Content under the plot (a note, an overview strip). */
  below?: (result: ResultFor<Q> | undefined) => Content;
  /** Keyboard help under the plot; default: the arrow keys. */
  help?: () => string;
}

/**
 * The wiring every chart widget shares, as one controller it composes: the data
 * (`DataController`), the indicator catalogue, the theme tokens, the state and status line,
 * the legend, the summary, keyboard and pointer navigation, drawing at the plot's size, the
 * chart/table switch and the accessible figure (`renderChartFigure`). The widget says what to
 * load, draw and say; it keeps its public API (`state`, `redraw()`, `toggleSeries()`) as
 * one-line calls into the shell, and defines itself with `defineChartElement`.
 *
 * ```ts
 * private readonly shell = new ChartShell<KpiQuery>(this, { query: () => ..., data: () => this.data, draw: ..., nav: ..., table: ... });
 * get state() { return this.shell.state; }
 * protected willUpdate(changed) { this.shell.willUpdate(changed); }
 * protected render() { return this.shell.render(); }
 * ```
 */
export class ChartShell<Q extends Query> {
  readonly loader: DataController<Q>;
  readonly indicators: IndicatorController;
  readonly status: StatusController<Q>;
  readonly legend: LegendController;
  readonly summary: SummaryController<ResultFor<Q>>;
  readonly nav: NavigationController;
  readonly drawing: DrawController<ResultFor<Q>>;
  readonly #host: ChartShellHost;
  readonly #options: ChartShellOptions<Q>;

  constructor(host: ChartShellHost, options: ChartShellOptions<Q>) {
    this.#host = host;
    this.#options = options;
    // The protected settings of IocElement, read here on the widget's behalf.
    const view = host as unknown as HostView;
    this.loader = new DataController<Q>(host, {
      source: () => view.context?.source,
      sourceError: () => view.context?.sourceError,
      query: options.query,
      blocked: options.blocked ?? (() => areaProblem(host.localName, view.effectiveArea, view.context)),
      data: options.data,
      isEmpty: options.isEmpty,
      validate: options.validate,
      refreshMs: () => host.refresh * 1000,
    });
    this.indicators = new IndicatorController(host, () => view.context);
    this.status = new StatusController(host, {
      loader: this.loader,
      configError: options.configError,
      direct: () => options.data() !== undefined,
      locale: () => view.effectiveLocale,
      timeZone: () => view.effectiveTimeZone,
      now: () => view.now,
    });
    this.legend = new LegendController(host, { hidden: () => host.hiddenSeries, setHidden: (next) => (host.hiddenSeries = next) });
    this.summary = new SummaryController<ResultFor<Q>>(host, {
      key: () => `${view.effectiveLocale}|${view.effectiveTimeZone}|${[...host.hiddenSeries].join(',')}|${host.label ?? ''}|${this.indicators.key}`,
      placeholder: (result) => this.title(result),
      ...options.summary,
    });
    this.nav = new NavigationController(host, options.nav);
    this.drawing = new DrawController<ResultFor<Q>>(host, {
      surface: () => this.surface,
      result: () => (this.state === 'ready' || this.state === 'stale' ? this.loader.value : undefined),
      visible: () => host.view === 'chart',
      inputs: options.drawInputs,
      draw: options.draw,
      clear: options.clear,
    });
    // The theme tokens, in whatever document the widget is connected to.
    new ThemeController(host);
  }

  /** `pending`, `ready`, `empty`, `stale`, `error` or `idle` (reflected to the host's `state` attribute). */
  get state(): DataState {
    return this.status.state;
  }

  /** The plot's surface, which the widget draws into. */
  get surface(): HTMLElement | undefined {
    return this.#host.renderRoot?.querySelector<HTMLElement>('.surface') ?? undefined;
  }

  /** The chart's title: `label`, else the name of the result's (or the widget's) indicator, else its id. */
  title(result: ResultFor<Q> | undefined): string {
    const host = this.#host;
    if (this.#options.title) return this.#options.title(result);
    if (host.label) return host.label;
    const indicator = (result as { indicator?: string } | undefined)?.indicator ?? host.indicator;
    const info = this.indicators.info(indicator);
    return info ? localize(info.name, (host as unknown as HostView).effectiveLocale) : (host.indicator ?? '');
  }

  /** Draws again on the next update (e.g. after the theme changed). */
  redraw(): void {
    this.drawing.request();
    this.#host.requestUpdate();
  }

  /** Hides or shows a series, as its legend button does. */
  toggleSeries(key: string, visible: boolean): void {
    this.legend.toggle(key, visible);
  }

  /** From the host's `willUpdate`: any property may change the drawing (the focus mark, tooltip and announcement render again without one). */
  willUpdate(changed: PropertyValues): void {
    if (changed.size > 0) this.drawing.request();
  }

  /** The figure: title, legend and table switch, the plot, what goes under it, the table, help and status. */
  render(): TemplateResult {
    const host = this.#host;
    const options = this.#options;
    const locale = (host as unknown as HostView).effectiveLocale;
    const state = this.state;
    const result = this.loader.value;
    const showing = (state === 'ready' || state === 'stale') && result !== undefined;
    const items = showing && !host.noLegend && options.legend ? options.legend(result) : [];
    return renderChartFigure({
      locale,
      title: this.title(result),
      busy: this.loader.loading,
      showing,
      view: host.view,
      summary: () => (result ? this.summary.text(result) : ''),
      legend: items.length > 0 ? this.legend.render(items, locale) : nothing,
      controls: showing ? options.controls?.(result) : nothing,
      onToggleView: this.#toggleView,
      nav: this.nav,
      onPointerMove: this.#onPointerMove,
      plotWidth: this.drawing.size?.width ?? 0,
      below: () => options.below?.(result) ?? nothing,
      table: () => options.table(result as ResultFor<Q>),
      help: options.help?.() ?? message(words.keyboardHelp, locale),
      status: this.status.render(state),
    });
  }

  readonly #toggleView = () => {
    this.#host.view = this.#host.view === 'table' ? 'chart' : 'table';
  };

  readonly #onPointerMove = (event: PointerEvent) => this.nav.pointerMove(event, this.surface);
}

/**
 * Registers a chart widget, then parses its shadow stylesheets and installs the theme tokens,
 * so that is done when the element is defined rather than inside its first frame.
 */
export function defineChartElement(tag: string, element: CustomElementConstructor & { readonly elementStyles: readonly unknown[] }): void {
  defineElement(tag, element);
  // Another copy of the library may have defined the tag first: this class is then never finalized.
  ThemeController.prepare({ elementStyles: element.elementStyles ?? [] });
}
