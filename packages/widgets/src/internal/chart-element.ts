import { CSSResult, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ConfigError, Query, ResultFor } from '@ioc-kit/data';
import { readPalette, type ChartPalette, type DataTable } from '@ioc-kit/charts';
import { installThemes } from '@ioc-kit/themes';
import { IocElement, baseStyles } from './base-element.js';
import { chartElementStyles } from './chart-element.styles.js';
import { chartMsg } from './chart-messages.js';
import { cssVars } from './css-vars.js';
import { DataController, type DataState } from './data-controller.js';
import { msg } from './messages.js';
import { renderStatus } from './status.js';

/** One entry of a chart's legend: a series the user can hide and show again. */
export interface LegendItem {
  key: string;
  label: string;
  /** A CSS colour expression from tokens, e.g. `var(--_chart-series-2)`. */
  color: string;
  /** Drawn as a short dashed line rather than a square, for a series the chart draws dashed. */
  dashed?: boolean;
}

/** A point the keyboard can move to: what to announce and where to mark it (plot px). */
export interface NavPoint {
  label: string;
  x: number;
  y: number;
}

/** The plot's size in CSS pixels, from the ResizeObserver (never measured by reading layout). */
export interface ChartSize {
  width: number;
  height: number;
}

/** Colour tokens of bands a chart draws, with fallbacks the data itself carries (official colours). */
export interface BandTokens {
  tokens: readonly string[];
  fallbacks?: Readonly<Record<string, string>>;
}

export type ChartView = 'chart' | 'table';

/**
 * Which way each arrow key moves through a chart's points: `1` to the next point (the index
 * after), `-1` to the previous. PageUp and PageDown jump as ArrowUp and ArrowDown step.
 */
export type NavKeySteps = Readonly<Record<'ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown', 1 | -1>>;

/** Along a time or category axis: right and up go forward, left and down back. */
export const AXIS_NAV_KEYS: NavKeySteps = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };
/** Down a list drawn from the top (a horizontal ranking): down and right go to the next row. */
export const LIST_NAV_KEYS: NavKeySteps = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * The base of every chart widget. It loads data through a `DataController` (or takes it
 * directly), sizes the plot with a `ResizeObserver`, resolves colours from tokens, and gives
 * every chart the same accessible shell: a `role="img"` plot named by a generated summary, a
 * legend that hides and shows series (`aria-pressed`), a switch to a data table, keyboard
 * navigation between points announced in a live region, a tooltip, and the pending, empty
 * and error renderings.
 *
 * A chart subclass implements the data hooks (`chartQuery`, `directData`, `isEmptyResult`),
 * draws with `drawChart` into the surface it is given, and describes itself with
 * `chartSummary`, `chartTable` and optionally `legendItems`, `navCount`/`navPoint` and
 * `pointIndexAt`.
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

  /** Index of the point the keyboard or pointer is on, -1 for none. */
  @state() protected activeIndex = -1;
  /** Whether the active point came from the pointer (tooltip + crosshair) or keyboard (focus ring). */
  @state() protected activeFrom: 'pointer' | 'keyboard' = 'keyboard';
  @state() protected announcement = '';

  @query('.surface') protected surface?: HTMLElement;

  protected readonly loader: DataController<Q>;

  private observedSize?: ChartSize;
  /**
   * A plain observer rather than a ResizeController: that one renders the element again on
   * every report, including the first one of the size the first draw already used, which
   * would add an update inside the first frame for nothing.
   */
  private resizeObserver?: ResizeObserver;
  private readonly onResize = (entries: ResizeObserverEntry[]): void => {
    const rect = entries[entries.length - 1]?.contentRect;
    if (!rect) return;
    const next = { width: Math.floor(rect.width), height: Math.floor(rect.height) };
    if (next.width === this.observedSize?.width && next.height === this.observedSize.height) return;
    this.observedSize = next;
    this.requestUpdate();
  };

  private drawn?: { result: unknown; width: number; height: number; inputs: readonly unknown[] };
  private drawRequested = true;
  private summaryCache?: { result: unknown; key: string; text: string };
  private summaryPending?: { result: unknown; key: string };
  private observedSurface?: Element;

  /**
   * Parses the shadow stylesheets and installs the theme tokens in the page when the element
   * is defined, as a page parses its own stylesheets before scripts run, instead of inside
   * the first chart's first frame (connecting still installs them in any other document).
   */
  protected static override finalize(): void {
    super.finalize();
    for (const style of this.elementStyles) if (style instanceof CSSResult) void style.styleSheet;
    if (typeof document !== 'undefined') installThemes(document);
  }

  /** Properties that change only the overlay (focus, tooltip), never the drawing. */
  protected static readonly overlayProperties: ReadonlySet<PropertyKey> = new Set(['activeIndex', 'activeFrom', 'announcement']);

  constructor() {
    super();
    this.loader = new DataController<Q>(this, {
      source: () => this.context?.source,
      sourceError: () => this.context?.sourceError,
      query: () => this.chartQuery(),
      blocked: () => this.queryBlocked(),
      data: () => this.directData(),
      isEmpty: (result) => this.isEmptyResult(result),
      validate: (result) => this.validateResult(result),
      refreshMs: () => this.refresh * 1000,
    });
  }

  // ---- hooks a chart implements -------------------------------------------------------

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
    return this.areaProblem();
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
    return chartMsg('keyboardHelp', this.effectiveLocale);
  }

  // ---- state ------------------------------------------------------------------------

  /**
   * What the chart shows now: `pending`, `ready`, `empty`, `stale`, `error` or `idle`.
   * Reflected to the `state` attribute for styling and tests.
   */
  get state(): DataState {
    if (!this.directData() && this.configError()) return 'error';
    return this.loader.state;
  }

  /** The plot size last reported by the ResizeObserver. */
  protected get size(): ChartSize | undefined {
    return this.observedSize;
  }

  /** True unless the user asked the system for reduced motion. */
  protected get motionAllowed(): boolean {
    return this.ownerDocument.defaultView?.matchMedia('(prefers-reduced-motion: no-preference)').matches ?? false;
  }

  /** Draws again on the next update (e.g. after the theme changed). */
  redraw(): void {
    this.drawRequested = true;
    this.requestUpdate();
  }

  /** Runs `work` in idle time once the chart's first frames are on screen (for what the first paint can do without). */
  protected afterFirstPaint(work: () => void): void {
    afterFirstFrames(this.ownerDocument.defaultView, work);
  }

  /** Forgets the cached summary, e.g. after live points changed the data behind the same result. */
  protected refreshDescription(): void {
    this.summaryCache = undefined;
    this.requestUpdate();
  }

  /** Hides or shows a series, as its legend button does. */
  toggleSeries(key: string, visible = this.hiddenSeries.has(key)): void {
    const next = new Set(this.hiddenSeries);
    if (visible) next.delete(key);
    else next.add(key);
    this.hiddenSeries = next;
  }

  protected get palette(): ChartPalette {
    const result = this.loader.value;
    const bands = result ? this.bandTokens(result) : { tokens: [] };
    return readPalette(this, bands.tokens, bands.fallbacks);
  }

  // ---- lifecycle --------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved or re-attached: watch the same surface again (its size may have changed meanwhile).
    if (this.observedSurface) this.resizeObserver?.observe(this.observedSurface);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const overlay = (this.constructor as typeof IocChartElement).overlayProperties;
    for (const key of changed.keys()) {
      if (!overlay.has(key)) {
        this.drawRequested = true;
        break;
      }
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const state = this.state;
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
    const surface = this.surface;
    if (surface && surface !== this.observedSurface) {
      const view = this.ownerDocument.defaultView;
      if (this.observedSurface) this.resizeObserver?.unobserve(this.observedSurface);
      if (view?.ResizeObserver) {
        this.resizeObserver ??= new view.ResizeObserver(this.onResize);
        this.resizeObserver.observe(surface);
      }
      this.observedSurface = surface;
      // One read of the new surface's box, right after it was rendered and before anything else
      // writes, lets the first draw happen now instead of a frame later when the observer
      // reports; from then on only the ResizeObserver tells the size.
      if (!this.observedSize) {
        const box = surface.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) this.observedSize = { width: Math.floor(box.width), height: Math.floor(box.height) };
      }
    }
    this.drawIfNeeded();
  }

  private drawIfNeeded(): void {
    const surface = this.surface;
    const size = this.size;
    const result = this.loader.value;
    const showing = this.state === 'ready' || this.state === 'stale';
    if (!surface) return;
    if (!showing || !result) {
      if (this.drawn) this.clearChart(surface);
      this.drawn = undefined;
      return;
    }
    if (!size || size.width <= 0 || size.height <= 0 || this.view !== 'chart') return;
    const inputs = this.drawInputs();
    const same =
      this.drawn &&
      this.drawn.result === result &&
      this.drawn.width === size.width &&
      this.drawn.height === size.height &&
      this.drawn.inputs.length === inputs.length &&
      this.drawn.inputs.every((input, i) => input === inputs[i]);
    if (same && !this.drawRequested) return;
    const first = !this.drawn;
    this.drawRequested = false;
    this.drawn = { result, width: size.width, height: size.height, inputs };
    this.drawChart(surface, result, size, this.palette);
    if (first && this.motionAllowed) {
      surface.classList.remove('enter');
      surface.classList.add('enter');
    }
  }

  // ---- rendering --------------------------------------------------------------------

  protected override render() {
    const locale = this.effectiveLocale;
    const state = this.state;
    const result = this.loader.value;
    const showing = (state === 'ready' || state === 'stale') && result !== undefined;
    const title = this.chartTitle(result);
    return html`
      <figure part="base" aria-busy=${this.loader.loading ? 'true' : 'false'}>
        ${title ? html`<figcaption part="header" title=${title}>${title}</figcaption>` : nothing}
        ${showing ? this.renderToolbar(result) : nothing}
        <div
          part="plot"
          class="plot"
          role="img"
          tabindex=${showing ? '0' : '-1'}
          aria-label=${showing ? this.summaryText(result) : title || msg('loading', locale)}
          aria-describedby="chart-help"
          ?hidden=${!showing || this.view !== 'chart'}
          @keydown=${this.onKeyDown}
          @pointermove=${this.onPointerMove}
          @pointerleave=${this.onPointerLeave}
          @blur=${this.onBlur}
        >
          <div class="surface"></div>
          ${showing && this.view === 'chart' ? this.renderFocus(result) : nothing}
        </div>
        ${showing && this.view === 'chart' ? this.renderBelowPlot(result) : nothing}
        ${showing && this.view === 'table' ? this.renderTable(this.chartTable(result)) : nothing}
        <p id="chart-help" class="visually-hidden">${this.keyboardHelp()}</p>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
        ${this.renderStatus(state)}
      </figure>
    `;
  }

  private summaryText(result: ResultFor<Q>): string {
    const key = `${this.effectiveLocale}|${this.effectiveTimeZone}|${[...this.hiddenSeries].join(',')}|${this.label ?? ''}|${this.indicatorsKey}`;
    if (this.summaryCache && this.summaryCache.result === result && this.summaryCache.key === key) return this.summaryCache.text;
    if (!this.summaryIsCostly(result)) {
      const text = this.chartSummary(result);
      this.summaryCache = { result, key, text };
      return text;
    }
    // A summary of a million points reads them all: write it after the chart is on screen,
    // keeping the previous words (or the title) for the moment in between.
    if (this.summaryPending?.result !== result || this.summaryPending.key !== key) {
      const pending = { result, key };
      this.summaryPending = pending;
      afterFirstFrames(this.ownerDocument.defaultView, () => {
        if (this.summaryPending !== pending) return;
        this.summaryPending = undefined;
        if (this.loader.value !== result) return;
        this.summaryCache = { result, key, text: this.chartSummary(result) };
        this.requestUpdate();
      });
    }
    return this.summaryCache?.text ?? this.chartTitle(result);
  }

  private renderToolbar(result: ResultFor<Q>) {
    const locale = this.effectiveLocale;
    const items = this.noLegend ? [] : this.legendItems(result);
    const table = this.view === 'table';
    return html`<div class="toolbar">
      ${items.length > 0
        ? html`<div part="legend" role="group" aria-label=${chartMsg('legend', locale)}>
            ${items.map(
              (item) =>
                html`<button
                  type="button"
                  class="legend-item"
                  part="legend-item"
                  data-key=${item.key}
                  aria-pressed=${this.hiddenSeries.has(item.key) ? 'false' : 'true'}
                  @click=${() => this.toggleSeries(item.key)}
                >
                  <span class=${item.dashed ? 'swatch dashed' : 'swatch'} aria-hidden="true" ${cssVars({ '--_swatch': item.color })}></span>${item.label}
                </button>`,
            )}
          </div>`
        : html`<span></span>`}
      <div class="controls">
        ${this.renderControls(result)}
        <button type="button" part="view-toggle" aria-pressed=${table ? 'true' : 'false'} @click=${this.toggleView}>
          ${chartMsg(table ? 'showChart' : 'showTable', locale)}
        </button>
      </div>
    </div>`;
  }

  private renderFocus(result: ResultFor<Q>) {
    if (this.activeIndex < 0) return nothing;
    const point = this.navPoint(result, this.activeIndex);
    if (!point || !Number.isFinite(point.x) || !Number.isFinite(point.y)) return nothing;
    const width = this.size?.width ?? 0;
    const vars = {
      '--_x': `${point.x}px`,
      '--_y': `${point.y}px`,
      // Keep the tooltip inside the plot: flip it left of the point on the right half.
      '--_tx': point.x > width / 2 ? 'calc(-100% - 8px)' : '8px',
    };
    return html`${this.activeFrom === 'pointer' ? html`<div class="crosshair" ${cssVars(vars)}></div>` : nothing}
      <div class="focus-dot" ${cssVars(vars)}></div>
      <div part="tooltip" aria-hidden="true" ${cssVars(vars)}>${point.label}</div>`;
  }

  private renderTable(table: DataTable) {
    const locale = this.effectiveLocale;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${table.caption}>
      <table part="table">
        <caption>${table.caption}</caption>
        <thead>
          <tr>
            ${table.columns.map((column) => html`<th scope="col" class=${column.numeric ? 'numeric' : ''}>${column.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map(
            (row) =>
              html`<tr>
                ${row.map((cell, index) =>
                  index === 0
                    ? html`<th scope="row">${cell}</th>`
                    : html`<td class=${table.columns[index]?.numeric ? 'numeric' : ''}>${cell}</td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
      ${table.truncated
        ? html`<p class="note">${chartMsg('truncated', locale, { shown: table.rows.length, total: table.total })}</p>`
        : nothing}
    </div>`;
  }

  private renderStatus(state: DataState) {
    const config = this.directData() ? undefined : this.configError();
    const retryAt = this.loader.retryAt;
    return renderStatus({
      state,
      locale: this.effectiveLocale,
      timeZone: this.effectiveTimeZone,
      error: config ?? this.loader.error,
      staleness: this.loader.staleness,
      // On the widget's clock: a pinned story or replay says its own time, not the viewer's.
      retryAt: retryAt === undefined ? undefined : this.now + Math.max(0, retryAt - Date.now()),
      onRetry: config ? undefined : this.retryNow,
    });
  }

  private readonly retryNow = () => this.loader.refresh();

  /** The message of the error in force, as text. */
  protected errorText(): string {
    if (!this.directData()) {
      const config = this.configError();
      if (config) return config.message;
    }
    return this.loader.error?.message ?? '';
  }

  // ---- interaction ------------------------------------------------------------------

  private readonly toggleView = () => {
    this.view = this.view === 'table' ? 'chart' : 'table';
  };

  /** Moves the keyboard focus to point `index` (clamped) and announces it. */
  protected focusPoint(index: number, from: 'pointer' | 'keyboard' = 'keyboard'): void {
    const result = this.loader.value;
    if (!result) return;
    const count = this.navCount(result);
    if (count <= 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    this.activeIndex = next;
    this.activeFrom = from;
    if (from === 'keyboard') this.announcement = this.navPoint(result, next)?.label ?? '';
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const result = this.loader.value;
    if (!result) return;
    if (this.handleChartKey(event, result)) {
      event.preventDefault();
      return;
    }
    const count = this.navCount(result);
    if (count <= 0) return;
    const current = this.activeIndex;
    const page = Math.max(1, Math.round(count / 10));
    const steps = this.navKeySteps(result);
    // From no point yet, a forward key lands on the first point and a backward one on the last.
    const move = (step: 1 | -1, by: number) => (current < 0 ? (step > 0 ? 0 : count - 1) : current + step * by);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowUp':
      case 'ArrowLeft':
      case 'ArrowDown':
        next = move(steps[event.key], 1);
        break;
      case 'PageUp':
        next = move(steps.ArrowUp, page);
        break;
      case 'PageDown':
        next = move(steps.ArrowDown, page);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      case 'Escape':
        this.activeIndex = -1;
        this.announcement = '';
        return;
      default:
        return;
    }
    event.preventDefault();
    this.focusPoint(next, 'keyboard');
  };

  private readonly onPointerMove = (event: PointerEvent) => {
    const result = this.loader.value;
    const surface = this.surface;
    if (!result || !surface || event.buttons !== 0) return;
    // offsetX/Y are relative to the event target, which may be a node inside the surface.
    const box = surface.getBoundingClientRect();
    const index = this.pointIndexAt(result, event.clientX - box.left, event.clientY - box.top);
    if (index < 0) {
      if (this.activeFrom === 'pointer') this.activeIndex = -1;
      return;
    }
    if (index !== this.activeIndex || this.activeFrom !== 'pointer') this.focusPoint(index, 'pointer');
  };

  private readonly onPointerLeave = () => {
    if (this.activeFrom === 'pointer') this.activeIndex = -1;
  };

  private readonly onBlur = () => {
    if (this.activeFrom === 'keyboard') this.activeIndex = -1;
  };
}

/**
 * Runs `work` once the frame being drawn and the next are on screen, in idle time: an idle
 * callback alone can fall between those two frames, where a long task (a summary of a
 * million points) holds back the frame that shows the chart settled.
 */
function afterFirstFrames(view: (Window & typeof globalThis) | null, work: () => void): void {
  if (!view) {
    setTimeout(work, 0);
    return;
  }
  const idle = () => (view.requestIdleCallback ? view.requestIdleCallback(work, { timeout: 300 }) : view.setTimeout(work, 0));
  // A hidden page gets no frames: fall back so the summary still comes.
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    idle();
  };
  view.requestAnimationFrame(() => view.requestAnimationFrame(() => view.setTimeout(start, 0)));
  view.setTimeout(start, 1000);
}
