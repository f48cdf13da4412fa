import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  bandFor,
  localize,
  parseTime,
  type Indicator,
  type KpiQuery,
  type KpiResult,
  type Polarity,
  type SeriesQuery,
  type SeriesResult,
  type TimeGrain,
} from '@ioc-kit/data';
import type { Trend } from '@ioc-kit/insights';
import { IocElement, baseStyles, defineElement } from '../internal/base-element.js';
import { DefaultPeriod, checkKpiResult, checkSeriesResult } from '../internal/chart-support.js';
import { cssVars } from '../internal/css-vars.js';
import { DataController, missing, type DataState } from '../internal/data-controller.js';
import { formatDate, formatNumber, formatSigned } from '../internal/format.js';
import { IndicatorController } from '../internal/indicator-controller.js';
import { loadTrendTools, trendTools } from '../internal/insights-loader.js';
import { formatAge, message } from '../internal/messages.js';
import { SizeController } from '../internal/size-controller.js';
import * as words from '../internal/words.js';
import { StatusController, areaProblem } from '../internal/status-controller.js';
import { ThemeController, readThemePalette } from '../internal/theme-controller.js';
import { kpiCardStyles } from './kpi-card.styles.js';

/** A comparison the card can show: the previous period, the same period last year, the target. */
export type KpiComparison = 'previous' | 'year' | 'target';
const COMPARISONS: readonly KpiComparison[] = ['previous', 'year', 'target'];

/** How old data may be before the badge says so, by the period's grain (two periods). */
const STALE_AFTER_MS: Readonly<Record<TimeGrain, number>> = {
  hour: 2 * 3_600_000,
  day: 2 * 86_400_000,
  week: 14 * 86_400_000,
  month: 62 * 86_400_000,
  quarter: 184 * 86_400_000,
  year: 731 * 86_400_000,
};

type Direction = 'up' | 'down' | 'unchanged';
type Judgement = 'good' | 'bad' | 'neutral';

/** Good or bad by the indicator's polarity (a rise of a lower-is-better indicator is bad). */
function judge(direction: Direction, polarity: Polarity): Judgement {
  if (direction === 'unchanged' || polarity === 'neutral') return 'neutral';
  return (direction === 'up') === (polarity === 'higher-is-better') ? 'good' : 'bad';
}

/** Values as a Float64Array (what the renderer reads), without loading the charts package for it. */
function finite(values: ArrayLike<number> | undefined): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values ?? []);
}

const ARROWS: Readonly<Record<Direction, string>> = { up: '▲', down: '▼', unchanged: '■' };

/**
 * @tag ioc-kpi-card
 * @summary One indicator's headline value for an area: value and unit in the locale's format,
 * its band (e.g. the VN_AQI band, in its official colour and words), the change against the
 * previous period, the same period last year and the target (each switchable with `compare`),
 * with arrows coloured by the indicator's polarity and "improved" / "worsened" in words for
 * screen readers; a badge with the data's age when it is old ("cũ 3 giờ"); and, with `trend`,
 * a sparkline of the recent periods and the trend's significance from `@ioc-kit/insights`
 * (loaded on need): "Đang tăng · có ý nghĩa". `compact` keeps the value, band, first change
 * and badge for a tight row of cards.
 *
 * @csspart base - The card.
 * @csspart header - The indicator's name.
 * @csspart value - The formatted value.
 * @csspart unit - The unit label.
 * @csspart band - The band the value falls in, with its colour.
 * @csspart delta - The change against the previous period, with an arrow.
 * @csspart comparison - Same period last year and the target, when known, each with its change.
 * @csspart stale-badge - The data's age ("cũ 3 giờ" / "3 h old") when it is older than `stale-after`.
 * @csspart sparkline - The recent trend's line (with `trend` or `history`).
 * @csspart trend - The trend's direction and significance ("Đang tăng · có ý nghĩa").
 * @csspart footer - When the value was observed.
 * @csspart status - Loading, empty and error messages.
 *
 * @cssproperty --ioc-kpi-card-surface - Card background. Defaults to `--ioc-sys-color-surface`.
 * @cssproperty --ioc-kpi-card-border-color - Card border. Defaults to `--ioc-sys-color-outline`.
 * @cssproperty --ioc-kpi-card-radius - Corner radius. Defaults to `--ioc-sys-radius`.
 * @cssproperty --ioc-kpi-card-padding - Inner padding. Defaults to `--ioc-sys-widget-padding`.
 * @cssproperty --ioc-kpi-card-value-size - Size of the value (it shrinks to fit a narrow card). Defaults to `--ioc-sys-widget-value-size`.
 * @cssproperty --ioc-kpi-card-sparkline-color - The trend line's colour. Defaults to `--ioc-sys-color-chart-1`.
 *
 * @fires ioc-data - New data arrived (`event.result`).
 * @fires ioc-error - Data could not be loaded or was invalid (`event.error`); last good data stays,
 * with state `stale` and a status line saying how old it is ("Dữ liệu cũ 5 phút trước…"), as it
 * does when the source itself served its last good data (`result.stale`).
 */
export class IocKpiCard extends IocElement {
  static override styles = [baseStyles, kpiCardStyles];

  /** Indicator id from the catalogue, e.g. `environment.aqi`. */
  @property({ reflect: true }) indicator?: string;

  /** Time grain of the period shown (`day`, `month`, ...); default: the source's choice. */
  @property({ reflect: true }) grain?: TimeGrain;

  /** Show the period that holds this date (ISO); default: the provider's selection (the end of a brushed time range, else a selected period), else the latest. The trend's history ends there too. */
  @property({ reflect: true }) at?: string;

  /** Overrides the indicator's name as the card's title. */
  @property() label?: string;

  /** Data given directly, bypassing any source. */
  @property({ attribute: false }) data?: KpiResult;

  /**
   * Which comparisons to show, comma or space separated: `previous` (the change against the
   * previous period), `year` (the same period last year), `target`; `none` for none. Default: all three.
   */
  @property() compare = 'previous,year,target';

  /** The small card: value, band, the first comparison and the stale badge only. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Shows the recent trend: a sparkline of the last `span` periods and its significance. */
  @property({ type: Boolean, reflect: true }) trend = false;

  /** How many periods the trend covers (default 30). */
  @property({ type: Number }) span = 30;

  /** The badge shows once the data is older than this many seconds; default two periods of its grain. */
  @property({ type: Number, attribute: 'stale-after' }) staleAfter?: number;

  /** The recent history given directly (its first series is the trend), bypassing any source. */
  @property({ attribute: false }) history?: SeriesResult;

  private readonly period = new DefaultPeriod();
  private readonly sizer = new SizeController(this);
  private trendCache?: { key: string; series: SeriesResult['series'][number]; trend: Trend | null };

  private readonly loader = new DataController<KpiQuery>(this, {
    source: () => this.context?.source,
    sourceError: () => this.context?.sourceError,
    query: () => {
      const area = this.effectiveArea;
      if (!this.indicator || !area) return undefined;
      return { kind: 'kpi', indicator: this.indicator as KpiQuery['indicator'], area, grain: this.grain, at: this.at ?? this.selectedAt ?? this.pinnedAt };
    },
    blocked: () => areaProblem(this.localName, this.effectiveArea, this.context),
    data: () => this.data,
    isEmpty: (result) => result.value === null,
    validate: checkKpiResult,
    refreshMs: () => this.refresh * 1000,
  });
  private readonly historyLoader = new DataController<SeriesQuery>(this, {
    source: () => this.context?.source,
    query: () => this.historyQuery(),
    data: () => this.history,
    isEmpty: (result) => !Array.prototype.some.call(result.series[0]?.v ?? [], (value: number) => Number.isFinite(value)),
    validate: checkSeriesResult,
    refreshMs: () => this.refresh * 1000,
  });
  private readonly indicators = new IndicatorController(this, () => this.context);
  private readonly status = new StatusController(this, {
    loader: this.loader,
    configError: () => (this.indicator ? undefined : missing('an indicator attribute, e.g. indicator="environment.aqi"', 'ioc-kpi-card')),
    direct: () => this.data !== undefined,
    locale: () => this.effectiveLocale,
    timeZone: () => this.effectiveTimeZone,
    now: () => this.now,
  });

  constructor() {
    super();
    // The theme tokens, in whatever document the widget is connected to.
    new ThemeController(this);
  }

  private get info(): Indicator | undefined {
    return this.indicators.info(this.loader.value?.indicator ?? this.indicator);
  }

  /**
   * What the card shows now: `pending`, `ready`, `empty`, `stale`, `error` or `idle`.
   * Reflected to the `state` attribute for styling and tests.
   */
  get state(): DataState {
    return this.status.state;
  }

  /** The comparisons switched on, in the order given. */
  get comparisons(): KpiComparison[] {
    const asked = (this.compare ?? '').split(/[\s,]+/).filter((name): name is KpiComparison => (COMPARISONS as readonly string[]).includes(name));
    return [...new Set(asked)];
  }

  private get grainInForce(): TimeGrain {
    return this.grain ?? this.loader.value?.period?.grain ?? 'day';
  }

  private historyQuery(): SeriesQuery | undefined {
    const area = this.effectiveArea;
    if (!this.trend || !this.indicator || !area) return undefined;
    const grain = this.grainInForce;
    // The sparkline ends where the card's value is: its `at`, else the selected range's end, else now.
    const at = this.at ?? this.selectedAt;
    const end = at !== undefined ? parseTime(at) : Number.NaN;
    const { from, to } = this.period.get(grain, this.span, Number.isFinite(end) ? end : this.now);
    return { kind: 'series', indicator: this.indicator as SeriesQuery['indicator'], areas: [area], grain, from, to };
  }

  /** The history on screen (given, or loaded with `trend`). */
  private get shownHistory(): SeriesResult | undefined {
    const history = this.historyLoader.value;
    return history && (this.history || this.trend) && history.series[0] ? history : undefined;
  }

  /** The trend of the history from @ioc-kit/insights; undefined while the module loads, null when it cannot be had. */
  private trendOf(history: SeriesResult, info: Indicator | undefined): Trend | null | undefined {
    const series = history.series[0];
    if (!series) return null;
    const key = `${info?.polarity ?? 'neutral'}|${history.grain}|${this.span}`;
    if (this.trendCache?.series === series && this.trendCache.key === key) return this.trendCache.trend;
    const tools = trendTools();
    if (!tools) {
      void loadTrendTools().then((loaded) => loaded && this.requestUpdate());
      return undefined;
    }
    let trend: Trend | null;
    try {
      trend = tools.trendOf(series, { grain: history.grain, polarity: info?.polarity ?? 'neutral', window: Math.max(this.span, series.v.length) });
    } catch {
      // A series the statistics cannot read shows no trend words (the line still shows).
      trend = null;
    }
    this.trendCache = { key, series, trend };
    return trend;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const surface = this.renderRoot.querySelector<HTMLElement>('[part="sparkline"]');
    this.sizer.observe(surface);
    const history = this.shownHistory;
    const size = this.sizer.size;
    const tools = trendTools();
    if (!surface || !history || !size || !tools) return;
    const series = history.series[0];
    tools.renderSparkline(surface, finite(series?.v), { palette: readThemePalette(this), marks: true }, size, finite(series?.t));
  }

  protected override render() {
    const locale = this.effectiveLocale;
    const state = this.state;
    const info = this.info;
    const title = this.label ?? (info ? localize(info.name, locale) : (this.indicator ?? ''));
    const result = this.loader.value;
    return html`
      <section part="base" role="group" aria-label=${title} aria-busy=${this.loader.loading ? 'true' : 'false'}>
        <div class="head">
          <h3 part="header" title=${title}>${title}</h3>
          ${state === 'ready' || state === 'stale' ? this.renderBadge(result) : nothing}
        </div>
        ${state === 'ready' || state === 'stale' || (state === 'empty' && result) ? this.renderValue(result, info) : nothing}
        ${this.status.render(state)}
      </section>
    `;
  }

  private renderValue(result: KpiResult | undefined, info: Indicator | undefined) {
    if (!result) return nothing;
    const locale = this.effectiveLocale;
    const decimals = info?.decimals ?? 0;
    const unit = localize(result.unit.label, locale);
    const band = info && result.value !== null ? bandFor(info, result.value) : undefined;
    const value = formatNumber(result.value, locale, decimals);
    const bandLabel = band ? localize(band.label, locale) : '';
    // How wide the reading is, in characters of the value's size: the styles fit the value to the
    // card's width with it (a short value fills a wall card, 1.991.172 still fits a narrow one).
    const chars = value.length + (unit ? 0.45 * (unit.length + 1) : 0) + (band ? 0.25 * (bandLabel.length + 3) : 0);
    return html`
      <div class="reading" ${cssVars({ '--_value-chars': chars.toFixed(1) })}>
        <span part="value">${value}</span>
        ${unit ? html`<span part="unit">${unit}</span>` : nothing}
        ${band
          ? html`<span part="band" title=${bandLabel} ${cssVars({ '--_band-color': `var(--ioc-sys-color-${band.token}, ${band.color ?? 'currentColor'})` })}
              >${bandLabel}</span
            >`
          : nothing}
      </div>
      ${this.renderDelta(result, info)} ${this.compact ? nothing : this.renderComparisons(result, info, decimals)} ${this.renderTrend(info)}
      ${result.observedAt && !this.compact
        ? html`<div part="footer" title=${`${message(words.updated, locale)} ${formatDate(result.observedAt, locale, 'date-time', this.effectiveTimeZone)}`}>
            <span class="words">${message(words.updated, locale)}</span> ${formatDate(result.observedAt, locale, 'date-time', this.effectiveTimeZone)}
          </div>`
        : nothing}
    `;
  }

  /** How old the data is, in ms, on the widget's clock; undefined when unknown. */
  private ageOf(result: KpiResult | undefined): number | undefined {
    if (!result) return undefined;
    const observed = result.observedAt ? Date.parse(result.observedAt) : Number.NaN;
    const sinceObserved = Number.isFinite(observed) ? Math.max(0, this.now - observed) : undefined;
    // Kept data is at least as old as the source says it kept it.
    const kept = this.loader.staleness?.ageMs ?? result.stale?.ageMs;
    if (sinceObserved === undefined) return kept;
    return kept === undefined ? sinceObserved : Math.max(sinceObserved, kept);
  }

  /** "cũ 3 giờ" / "3 h old" once the data is older than `stale-after` (or the card is stale). */
  private renderBadge(result: KpiResult | undefined) {
    const age = this.ageOf(result);
    if (age === undefined) return nothing;
    const limit = this.staleAfter !== undefined && Number.isFinite(this.staleAfter) ? this.staleAfter * 1000 : STALE_AFTER_MS[this.grainInForce];
    if (age <= limit && this.state !== 'stale') return nothing;
    const locale = this.effectiveLocale;
    const ageText = formatAge(age, locale);
    const label = message(words.staleBadgeLabel, locale, { age: ageText });
    return html`<span part="stale-badge" title=${label}
      ><span aria-hidden="true">${message(words.staleBadge, locale, { age: ageText })}</span><span class="visually-hidden">${label}</span></span
    >`;
  }

  /** The sparkline and, once @ioc-kit/insights has loaded, the trend's direction and significance. */
  private renderTrend(info: Indicator | undefined) {
    const history = this.shownHistory;
    if (!history) return nothing;
    const locale = this.effectiveLocale;
    const trend = this.trendOf(history, info);
    const n = history.series[0]?.v.length ?? 0;
    const over = message(words.trendOver, locale, { n: formatNumber(n, locale) });
    let line: ReturnType<typeof html> | typeof nothing = nothing;
    if (trend && trend.direction !== 'unknown' && !this.compact) {
      const text =
        trend.direction === 'flat'
          ? message(trend.reason === 'constant' ? words.unchanged : words.noClearTrend, locale)
          : message(words.trendSignificant, locale, { direction: message(trend.direction === 'rising' ? words.rising : words.falling, locale) });
      const judgement: Judgement = trend.verdict === 'improving' ? 'good' : trend.verdict === 'worsening' ? 'bad' : 'neutral';
      const verdict = judgement === 'good' ? message(words.improved, locale) : judgement === 'bad' ? message(words.worsened, locale) : '';
      const slope = `${formatSigned(trend.slope, locale, (info?.decimals ?? 0) + 1)}/${message(words.period, locale).toLowerCase()}`;
      const p = formatNumber(trend.p, locale, 3);
      line = html`<div part="trend" class=${judgement} data-direction=${trend.direction} title=${`${over}: ${text}${verdict ? `, ${verdict}` : ''}; ${slope}; p = ${p}`}>
        ${text}${verdict ? html`<span class="visually-hidden">, ${verdict}</span>` : nothing}
      </div>`;
    }
    return html`<div part="sparkline" aria-hidden="true" title=${over}></div>
      ${line}`;
  }

  /** One change against a reference: arrow, signed change and percentage, coloured and worded by polarity. */
  private change(value: number, reference: number, info: Indicator | undefined, against: string) {
    const locale = this.effectiveLocale;
    const decimals = info?.decimals ?? 0;
    const change = Number((value - reference).toFixed(decimals));
    const direction: Direction = change > 0 ? 'up' : change < 0 ? 'down' : 'unchanged';
    const judgement = judge(direction, info?.polarity ?? 'neutral');
    const share = reference !== 0 ? `${formatSigned(((value - reference) / Math.abs(reference)) * 100, locale, 1)} %` : '';
    const percent = share ? ` (${share})` : '';
    const moved = message(direction === 'up' ? words.up : direction === 'down' ? words.down : words.unchanged, locale);
    const verdict = judgement === 'good' ? message(words.improved, locale) : judgement === 'bad' ? message(words.worsened, locale) : '';
    const signed = formatSigned(change, locale, decimals);
    const numbers = `${signed}${percent}`;
    return { direction, judgement, numbers, signed, percent: share, spoken: verdict ? `${moved}, ${verdict}` : moved, title: `${numbers} ${against}${verdict ? `, ${verdict}` : ''}` };
  }

  private renderDelta(result: KpiResult, info: Indicator | undefined) {
    const { value, previous } = result;
    if (this.compact && this.comparisons[0] !== 'previous') return this.renderCompactComparison(result, info);
    if (!this.comparisons.includes('previous')) return nothing;
    if (value === null || previous === null || previous === undefined) return nothing;
    const locale = this.effectiveLocale;
    const vsPrevious = message(words.vsPrevious, locale);
    const change = this.change(value, previous, info, vsPrevious);
    // In a narrow card the words give way to the numbers (still read aloud, and in the tooltip).
    return html`<div part="delta" class=${change.judgement} data-direction=${change.direction} data-against="previous" title=${change.title}>
      <span class="arrow" aria-hidden="true">${ARROWS[change.direction]}</span>
      <span class="visually-hidden">${change.spoken}</span>
      ${change.numbers} <span class="words">${vsPrevious}</span>
    </div>`;
  }

  /** A compact card whose first comparison is the year or the target shows that one as its change line. */
  private renderCompactComparison(result: KpiResult, info: Indicator | undefined) {
    const first = this.comparisons[0];
    const reference = first === 'year' ? result.sameLastYear : first === 'target' ? (result.target ?? info?.target) : undefined;
    if (result.value === null || reference === null || reference === undefined) return nothing;
    const locale = this.effectiveLocale;
    const against = message(first === 'year' ? words.vsYear : words.vsTarget, locale);
    const change = this.change(result.value, reference, info, against);
    return html`<div part="delta" class=${change.judgement} data-direction=${change.direction} data-against=${first ?? ''} title=${change.title}>
      <span class="arrow" aria-hidden="true">${ARROWS[change.direction]}</span>
      <span class="visually-hidden">${change.spoken}</span>
      ${change.numbers} <span class="words">${against}</span>
    </div>`;
  }

  /** Same period last year and the target, when switched on and known, each with its change. */
  private renderComparisons(result: KpiResult, info: Indicator | undefined, decimals: number) {
    const locale = this.effectiveLocale;
    const shown = this.comparisons;
    const target = result.target ?? info?.target ?? null;
    const vs = (reference: number, against: string, isTarget = false) => {
      if (result.value === null) return nothing;
      const change = this.change(result.value, reference, info, against);
      // Against a target the words are "meets" / "misses" it, not a rise or fall.
      const spoken = isTarget && change.judgement !== 'neutral' ? message(change.judgement === 'good' ? words.met : words.missed, locale) : change.spoken;
      const shown = change.percent || change.signed;
      return html`<dd class=${`vs ${change.judgement}`} data-direction=${change.direction} title=${change.title}>
        <span class="arrow" aria-hidden="true">${ARROWS[change.direction]}</span><span class="visually-hidden">${spoken}</span>
        <span class="vs-number">${shown}</span>
      </dd>`;
    };
    const items = [
      shown.includes('year') && result.sameLastYear !== null && result.sameLastYear !== undefined
        ? html`<div class="comparison-item" data-comparison="year">
            <dt><span class="long">${message(words.sameLastYear, locale)}</span><span class="short" aria-hidden="true">${message(words.sameLastYearShort, locale)}</span></dt>
            <dd>${formatNumber(result.sameLastYear, locale, decimals)}</dd>
            ${vs(result.sameLastYear, message(words.vsYear, locale))}
          </div>`
        : nothing,
      shown.includes('target') && target !== null
        ? html`<div class="comparison-item" data-comparison="target">
            <dt>${message(words.target, locale)}</dt>
            <dd>${formatNumber(target, locale, decimals)}</dd>
            ${vs(target, message(words.vsTarget, locale), true)}
          </div>`
        : nothing,
    ];
    return items.every((item) => item === nothing) ? nothing : html`<dl part="comparison">${items}</dl>`;
  }
}

defineElement('ioc-kpi-card', IocKpiCard);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-kpi-card': IocKpiCard;
  }
}
