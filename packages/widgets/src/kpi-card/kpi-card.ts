import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import {
  bandFor,
  localize,
  type Indicator,
  type KpiQuery,
  type KpiResult,
  type TimeGrain,
} from '@ioc-kit/data';
import { IocElement, baseStyles, defineElement } from '../internal/base-element.js';
import { checkKpiResult } from '../internal/chart-support.js';
import { cssVars } from '../internal/css-vars.js';
import { DataController, missing, type DataState } from '../internal/data-controller.js';
import { formatDate, formatNumber, formatSigned } from '../internal/format.js';
import { IndicatorController } from '../internal/indicator-controller.js';
import { message } from '../internal/messages.js';
import * as words from '../internal/words.js';
import { StatusController, areaProblem } from '../internal/status-controller.js';
import { ThemeController } from '../internal/theme-controller.js';
import { kpiCardStyles } from './kpi-card.styles.js';

/**
 * @tag ioc-kpi-card
 * @summary One indicator's headline value for an area: value and unit in the locale's format,
 * its band (e.g. the VN_AQI band), and the change against the previous period.
 *
 * @csspart base - The card.
 * @csspart header - The indicator's name.
 * @csspart value - The formatted value.
 * @csspart unit - The unit label.
 * @csspart band - The band the value falls in, with its colour.
 * @csspart delta - The change against the previous period, with an arrow.
 * @csspart comparison - Same period last year and the target, when known.
 * @csspart footer - When the value was observed.
 * @csspart status - Loading, empty and error messages.
 *
 * @cssproperty --ioc-kpi-card-surface - Card background. Defaults to `--ioc-sys-color-surface`.
 * @cssproperty --ioc-kpi-card-border-color - Card border. Defaults to `--ioc-sys-color-outline`.
 * @cssproperty --ioc-kpi-card-radius - Corner radius. Defaults to `--ioc-sys-radius`.
 * @cssproperty --ioc-kpi-card-padding - Inner padding. Defaults to `--ioc-sys-widget-padding`.
 * @cssproperty --ioc-kpi-card-value-size - Size of the value (it shrinks to fit a narrow card). Defaults to `--ioc-sys-widget-value-size`.
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

  /** Show the period that holds this date (ISO); default: the latest. */
  @property({ reflect: true }) at?: string;

  /** Overrides the indicator's name as the card's title. */
  @property() label?: string;

  /** Data given directly, bypassing any source. */
  @property({ attribute: false }) data?: KpiResult;

  private readonly loader = new DataController<KpiQuery>(this, {
    source: () => this.context?.source,
    sourceError: () => this.context?.sourceError,
    query: () => {
      const area = this.effectiveArea;
      if (!this.indicator || !area) return undefined;
      return { kind: 'kpi', indicator: this.indicator as KpiQuery['indicator'], area, grain: this.grain, at: this.at ?? this.pinnedAt };
    },
    blocked: () => areaProblem(this.localName, this.effectiveArea, this.context),
    data: () => this.data,
    isEmpty: (result) => result.value === null,
    validate: checkKpiResult,
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

  protected override render() {
    const locale = this.effectiveLocale;
    const state = this.state;
    const info = this.info;
    const title = this.label ?? (info ? localize(info.name, locale) : (this.indicator ?? ''));
    const result = this.loader.value;
    return html`
      <section part="base" role="group" aria-label=${title} aria-busy=${this.loader.loading ? 'true' : 'false'}>
        <h3 part="header" title=${title}>${title}</h3>
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
      ${this.renderDelta(result, info)} ${this.renderComparisons(result, decimals)}
      ${result.observedAt
        ? html`<div part="footer" title=${`${message(words.updated, locale)} ${formatDate(result.observedAt, locale, 'date-time', this.effectiveTimeZone)}`}>
            <span class="words">${message(words.updated, locale)}</span> ${formatDate(result.observedAt, locale, 'date-time', this.effectiveTimeZone)}
          </div>`
        : nothing}
    `;
  }

  private renderDelta(result: KpiResult, info: Indicator | undefined) {
    const { value, previous } = result;
    if (value === null || previous === null || previous === undefined) return nothing;
    const locale = this.effectiveLocale;
    const decimals = info?.decimals ?? 0;
    const change = Number((value - previous).toFixed(decimals));
    const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'unchanged';
    const polarity = info?.polarity ?? 'neutral';
    const judgement =
      direction === 'unchanged' || polarity === 'neutral'
        ? 'neutral'
        : (direction === 'up') === (polarity === 'higher-is-better')
          ? 'good'
          : 'bad';
    const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■';
    const percent = previous !== 0 ? ` (${formatSigned(((value - previous) / Math.abs(previous)) * 100, locale, 1)} %)` : '';
    const vsPrevious = message(words.vsPrevious, locale);
    // In a narrow card the words give way to the numbers (still read aloud, and in the tooltip).
    return html`<div part="delta" class=${judgement} data-direction=${direction} title=${`${formatSigned(change, locale, decimals)}${percent} ${vsPrevious}`}>
      <span class="arrow" aria-hidden="true">${arrow}</span>
      <span class="visually-hidden">${message(direction === 'up' ? words.up : direction === 'down' ? words.down : words.unchanged, locale)}</span>
      ${formatSigned(change, locale, decimals)}${percent} <span class="words">${vsPrevious}</span>
    </div>`;
  }

  /** Same period last year and the target, when the source gives them. */
  private renderComparisons(result: KpiResult, decimals: number) {
    const locale = this.effectiveLocale;
    const target = result.target ?? this.info?.target ?? null;
    const items = [
      result.sameLastYear !== null && result.sameLastYear !== undefined
        ? html`<div class="comparison-item">
            <dt><span class="long">${message(words.sameLastYear, locale)}</span><span class="short" aria-hidden="true">${message(words.sameLastYearShort, locale)}</span></dt>
            <dd>${formatNumber(result.sameLastYear, locale, decimals)}</dd>
          </div>`
        : nothing,
      target !== null
        ? html`<div class="comparison-item"><dt>${message(words.target, locale)}</dt><dd>${formatNumber(target, locale, decimals)}</dd></div>`
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
