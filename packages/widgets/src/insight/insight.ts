import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localize, type Indicator, type SeriesQuery, type SeriesResult, type TimeGrain } from '@ioc-kit/data';
import { toFloat64 } from '@ioc-kit/charts';
import { computeInsight, summarize, type Insight } from '@ioc-kit/insights';
import { AreaNamesController } from '../internal/area-names-controller.js';
import { IocElement, baseStyles, defineElement } from '../internal/base-element.js';
import { DefaultPeriod, checkSeriesResult } from '../internal/chart-support.js';
import { cssVars } from '../internal/css-vars.js';
import { DataController, missing, type DataState } from '../internal/data-controller.js';
import { formatDate, formatNumber, formatSigned, type DateStyle } from '../internal/format.js';
import { IndicatorController } from '../internal/indicator-controller.js';
import { message, type Words } from '../internal/messages.js';
import { StatusController, areaProblem } from '../internal/status-controller.js';
import { ThemeController } from '../internal/theme-controller.js';
import * as words from '../internal/words.js';
import { insightStyles } from './insight.styles.js';

/** History asked for by default, per grain: enough for a normal range from earlier years. */
const DEFAULT_SPAN: Readonly<Record<TimeGrain, number>> = { hour: 24 * 28, day: 3 * 365 + 1, week: 156, month: 60, quarter: 20, year: 10 };

const UNITS: Readonly<Record<TimeGrain, readonly [Words, Words]>> = {
  hour: [words.unitHour, words.unitHours],
  day: [words.unitDay, words.unitDays],
  week: [words.unitWeek, words.unitWeeks],
  month: [words.unitMonth, words.unitMonths],
  quarter: [words.unitQuarter, words.unitQuarters],
  year: [words.unitYear, words.unitYears],
};

const DATE_STYLE: Readonly<Record<TimeGrain, DateStyle>> = { hour: 'date-time', day: 'date', week: 'date', month: 'month', quarter: 'month', year: 'year' };

/**
 * @tag ioc-insight
 * @summary What the numbers of one indicator in one area mean, computed in the browser by
 * `@ioc-kit/insights` from its history: the summary sentence in Vietnamese or English; the
 * status (the band of the latest value, against the target, against the area's normal range for
 * this time of year); the trend (a direction only when significant, Sen's slope per period with
 * its 95 % interval, the change over the window in the unit and as a percentage); and the
 * signals before an alert (anomalies, level shifts, runs past a threshold, a forecast crossing).
 *
 * @csspart base - The frame.
 * @csspart header - The indicator's and area's names.
 * @csspart summary - The plain-language summary (it also describes the element to screen readers).
 * @csspart facts - The status section.
 * @csspart band - The band of the latest value, with its colour.
 * @csspart trend - The trend section.
 * @csspart signals - The signals section (a list).
 * @csspart status - Loading, empty and error messages.
 *
 * @cssproperty --ioc-insight-surface - Background. Defaults to `--ioc-sys-color-surface`.
 * @cssproperty --ioc-insight-border-color - Border. Defaults to `--ioc-sys-color-outline`.
 *
 * @fires ioc-data - New data arrived (`event.result`).
 * @fires ioc-error - Data could not be loaded or was invalid (`event.error`); last good data stays, state `stale`.
 */
export class IocInsight extends IocElement {
  static override styles = [baseStyles, insightStyles];

  /** Indicator id from the catalogue, e.g. `environment.aqi`. */
  @property({ reflect: true }) indicator?: string;

  /** Time grain of the history (default `day`). */
  @property({ reflect: true }) grain: TimeGrain = 'day';

  /** Periods of history to ask for; default per grain (three years of days, four weeks of hours, ...). */
  @property({ type: Number, reflect: true }) span?: number;

  /** Overrides the indicator's name in the title and the summary. */
  @property() label?: string;

  /** Shows the summary sentence alone, without the header and the status, trend and signals sections: for a tile read at a glance (the overview board). */
  @property({ type: Boolean, reflect: true }) brief = false;

  /** A series result given directly (its first series is read), bypassing any source. */
  @property({ attribute: false }) data?: SeriesResult;

  private readonly period = new DefaultPeriod();
  private cached?: { series: SeriesResult['series'][number]; info: Indicator; grain: TimeGrain; insight: Insight | null };

  private readonly loader = new DataController<SeriesQuery>(this, {
    source: () => this.context?.source,
    sourceError: () => this.context?.sourceError,
    query: () => {
      const area = this.effectiveArea;
      if (!this.indicator || !area) return undefined;
      const span = this.span !== undefined && Number.isFinite(this.span) && this.span > 0 ? this.span : DEFAULT_SPAN[this.grain];
      const { from, to } = this.period.get(this.grain, span, this.now);
      return { kind: 'series', indicator: this.indicator as SeriesQuery['indicator'], areas: [area], grain: this.grain, from, to };
    },
    blocked: () => areaProblem(this.localName, this.effectiveArea, this.context),
    data: () => this.data,
    isEmpty: (result) => !toFloat64(result.series[0]?.v).some((value) => Number.isFinite(value)),
    validate: checkSeriesResult,
    refreshMs: () => this.refresh * 1000,
  });
  private readonly indicators = new IndicatorController(this, () => this.context);
  private readonly names = new AreaNamesController(this, { result: () => this.loader.value, source: () => this.context?.source, fallback: () => ({}) });
  private readonly status = new StatusController(this, {
    loader: this.loader,
    configError: () => (this.indicator ? undefined : missing('an indicator attribute, e.g. indicator="environment.aqi"', 'ioc-insight')),
    direct: () => this.data !== undefined,
    locale: () => this.effectiveLocale,
    timeZone: () => this.effectiveTimeZone,
    now: () => this.now,
  });

  constructor() {
    super();
    new ThemeController(this);
  }

  /**
   * What the element shows now: `pending`, `ready`, `empty`, `stale`, `error` or `idle`.
   * Reflected to the `state` attribute for styling and tests.
   */
  get state(): DataState {
    return this.status.state;
  }

  /** The insight on screen, or undefined (no data or indicator yet, or it could not be computed). */
  get insight(): Insight | undefined {
    const result = this.loader.value;
    const info = this.info;
    const series = result?.series[0];
    if (!result || !info || !series) return undefined;
    if (this.cached?.series !== series || this.cached.info !== info || this.cached.grain !== result.grain) {
      let insight: Insight | null;
      try {
        insight = computeInsight({ indicator: info, series, grain: result.grain });
      } catch {
        // Data the statistics cannot read (e.g. times out of order) says so, and nothing is thrown.
        insight = null;
      }
      this.cached = { series, info, grain: result.grain, insight };
    }
    return this.cached.insight ?? undefined;
  }

  /** The summary sentence in the element's language, or '' when there is none yet. */
  get summary(): string {
    const insight = this.insight;
    const info = this.info;
    if (!insight || !info) return '';
    return summarize(insight, info, { locale: this.effectiveLocale, indicatorName: this.label ?? info.name, areaName: this.areaName(insight.area) });
  }

  private get info(): Indicator | undefined {
    return this.indicators.info(this.loader.value?.indicator ?? this.indicator);
  }

  private areaName(code: string): string | undefined {
    const name = this.names.nameOf(code, this.effectiveLocale);
    return name && name !== code ? name : undefined;
  }

  protected override render() {
    const locale = this.effectiveLocale;
    const state = this.state;
    const info = this.info;
    const name = this.label ?? (info ? localize(info.name, locale) : (this.indicator ?? ''));
    const area = this.loader.value?.series[0]?.area ?? this.effectiveArea;
    const areaName = area ? (this.areaName(area) ?? area) : '';
    const title = areaName ? message(words.insightOf, locale, { name, area: areaName }) : name;
    const showing = state === 'ready' || state === 'stale';
    return html`
      <section part="base" role="group" aria-label=${title} aria-describedby="summary" aria-busy=${this.loader.loading ? 'true' : 'false'}>
        ${this.brief ? nothing : html`<h3 part="header">${title}</h3>`}
        ${showing ? this.renderInsight() : nothing} ${this.status.render(state)}
      </section>
    `;
  }

  private renderInsight() {
    const locale = this.effectiveLocale;
    const info = this.info;
    const insight = this.insight;
    if (!info) return nothing;
    if (!insight) return html`<p part="summary" id="summary">${message(words.cannotCompute, locale)}</p>`;
    return html`
      <p part="summary" id="summary">${this.summary}</p>
      ${this.brief ? nothing : this.renderSections(insight, info)}
    `;
  }

  private renderSections(insight: Insight, info: Indicator) {
    return html`
      <div class="sections">
        ${this.renderStatus(insight, info)} ${this.renderTrend(insight, info)} ${this.renderSignals(insight, info)}
      </div>
    `;
  }

  private value(value: number, info: Indicator, extra = 0): string {
    const locale = this.effectiveLocale;
    const unit = localize(info.unit.label, locale);
    return `${formatNumber(value, locale, info.decimals + extra)}${unit ? ` ${unit}` : ''}`;
  }

  private signed(value: number, info: Indicator, extra = 0): string {
    const locale = this.effectiveLocale;
    const unit = localize(info.unit.label, locale);
    return `${formatSigned(value, locale, info.decimals + extra)}${unit ? ` ${unit}` : ''}`;
  }

  private unit(grain: TimeGrain, count: number): string {
    const [one, many] = UNITS[grain];
    return message(count === 1 ? one : many, this.effectiveLocale);
  }

  private date(t: number, grain: TimeGrain): string {
    return formatDate(t, this.effectiveLocale, DATE_STYLE[grain], this.effectiveTimeZone);
  }

  private renderStatus(insight: Insight, info: Indicator) {
    const locale = this.effectiveLocale;
    const { status } = insight;
    if (status.value === null) return nothing;
    const rows: TemplateResult[] = [
      html`<div><dt>${message(words.latest, locale).replace(/^./, (c) => c.toLocaleUpperCase())}</dt><dd>${this.value(status.value, info)}${status.at !== null ? ` (${this.date(status.at, insight.grain)})` : ''}</dd></div>`,
    ];
    if (status.band) {
      const label = localize(status.band.label, locale);
      rows.push(
        html`<div>
          <dt>${message(words.band, locale)}</dt>
          <dd><span part="band" data-token=${status.band.token} ${cssVars({ '--_band-color': `var(--ioc-sys-color-${status.band.token}, ${status.band.color ?? 'currentColor'})` })}>${label}</span></dd>
        </div>`,
      );
    }
    if (status.target) {
      const { target, met, gap } = status.target;
      rows.push(
        html`<div class=${met ? 'good' : 'bad'} data-fact="target">
          <dt>${message(words.target, locale)}</dt>
          <dd>${message(met ? words.targetMetGap : words.targetMissedGap, locale, { target: this.value(target, info), gap: this.signed(gap, info) })}</dd>
        </div>`,
      );
    }
    if (status.normal) {
      const { position, basis, low, high, percentile } = status.normal;
      const positionWords = message(position === 'below' ? words.normalBelow : position === 'above' ? words.normalAbove : words.normalWithin, locale);
      const basisWords = message(basis === 'same-time-of-year' ? words.normalSameTimeOfYear : basis === 'same-hour-of-week' ? words.normalSameHourOfWeek : words.normalRecent, locale);
      rows.push(
        html`<div data-fact="normal" data-position=${position}>
          <dt>${message(words.againstNormal, locale)}</dt>
          <dd>${message(words.normalRange, locale, { position: positionWords, low: formatNumber(low, locale, info.decimals), high: this.value(high, info), basis: basisWords, p: formatNumber(percentile, locale, 0) })}</dd>
        </div>`,
      );
    }
    return html`<section class="section" aria-labelledby="h-status">
      <h4 id="h-status">${message(words.insightStatus, locale)}</h4>
      <dl part="facts">${rows}</dl>
    </section>`;
  }

  private renderTrend(insight: Insight, info: Indicator) {
    const locale = this.effectiveLocale;
    const { trend, grain } = insight;
    let body: TemplateResult;
    if (trend.direction === 'unknown') {
      body = html`<p>${message(words.tooFewForTrend, locale)}</p>`;
    } else {
      const p = formatNumber(trend.p, locale, trend.p < 0.001 ? 4 : 3);
      const direction =
        trend.direction === 'rising' ? message(words.rising, locale) : trend.direction === 'falling' ? message(words.falling, locale) : message(trend.reason === 'constant' ? words.unchanged : words.noClearTrend, locale);
      const judgement = trend.verdict === 'improving' ? 'good' : trend.verdict === 'worsening' ? 'bad' : 'neutral';
      const verdict = judgement === 'good' ? message(words.improved, locale) : judgement === 'bad' ? message(words.worsened, locale) : '';
      const unitOne = this.unit(grain, 1);
      const count = trend.periods + 1;
      const change = `${this.signed(trend.change, info)}${trend.changePercent !== null ? ` (${formatSigned(trend.changePercent, locale, 1)} %)` : ''}`;
      body = html`<dl>
        <div class=${judgement} data-fact="direction" data-direction=${trend.direction}>
          <dt>${message(words.direction, locale)}</dt>
          <dd>${direction}${verdict ? `, ${verdict}` : ''}; ${message(trend.significant ? words.significantP : words.notSignificantP, locale, { p })}</dd>
        </div>
        <div data-fact="slope">
          <dt>${message(words.slope, locale)}</dt>
          <dd>${message(words.slopeValue, locale, { slope: this.signed(trend.slope, info, 2), unit: unitOne, low: formatSigned(trend.slopeLow, locale, info.decimals + 2), high: formatSigned(trend.slopeHigh, locale, info.decimals + 2) })}</dd>
        </div>
        <div data-fact="change">
          <dt>${message(words.changeOver, locale)}</dt>
          <dd>${message(words.changeValue, locale, { change, n: formatNumber(count, locale), unit: this.unit(grain, count) })}</dd>
        </div>
      </dl>`;
    }
    return html`<section part="trend" class="section" aria-labelledby="h-trend">
      <h4 id="h-trend">${message(words.insightTrend, locale)}</h4>
      ${body}
    </section>`;
  }

  private renderSignals(insight: Insight, info: Indicator) {
    const locale = this.effectiveLocale;
    const grain = insight.grain;
    const items: TemplateResult[] = [];
    const latest = insight.anomalies[insight.anomalies.length - 1];
    if (latest) {
      items.push(
        html`<li data-signal="anomaly"><span class="term">${message(words.anomalies, locale)}:</span> ${message(words.anomalyLatest, locale, {
          n: formatNumber(insight.anomalies.length, locale),
          date: this.date(latest.t, grain),
          value: this.value(latest.value, info),
          direction: message(latest.direction === 'high' ? words.higher : words.lower, locale),
          expected: formatNumber(latest.expected, locale, info.decimals),
        })}</li>`,
      );
    }
    const change = insight.recentChange;
    if (change) {
      items.push(
        html`<li data-signal="change-point"><span class="term">${message(words.changePoint, locale)}:</span> ${message(words.changePointValue, locale, {
          direction: message(change.shift > 0 ? words.shiftUp : words.shiftDown, locale),
          date: this.date(change.t, grain),
          before: formatNumber(change.before, locale, info.decimals),
          after: this.value(change.after, info),
        })}</li>`,
      );
    }
    const run = insight.currentRun;
    if (run) {
      const threshold = run.threshold ? localize(run.threshold.label, locale) : message(words.target, locale);
      items.push(html`<li data-signal="run"><span class="term">${message(words.thresholdRun, locale)}:</span> ${message(words.runOngoing, locale, { threshold, n: formatNumber(run.length, locale) })}</li>`);
    } else if (insight.runs.length) {
      const last = insight.runs[insight.runs.length - 1]!;
      items.push(
        html`<li data-signal="run"><span class="term">${message(words.thresholdRun, locale)}:</span> ${message(words.runsPast, locale, { n: formatNumber(insight.runs.length, locale), date: this.date(last.to, grain) })}</li>`,
      );
    }
    const forecast = insight.forecast;
    const crossing = forecast?.crossing;
    if (crossing) {
      const threshold = crossing.band ? localize(crossing.band.label, locale) : this.value(crossing.threshold, info);
      items.push(
        html`<li data-signal="forecast" class="bad"><span class="term">${message(words.forecastLabel, locale)}:</span> ${message(words.forecastCross, locale, {
          direction: message(crossing.direction === 'up' ? words.forecastUp : words.forecastDown, locale),
          threshold,
          n: formatNumber(crossing.step, locale),
          unit: this.unit(grain, crossing.step),
          p: formatNumber(crossing.probability * 100, locale, 0),
        })}</li>`,
      );
    } else if (forecast) {
      const n = forecast.steps.length;
      items.push(html`<li data-signal="forecast"><span class="term">${message(words.forecastLabel, locale)}:</span> ${message(words.forecastNone, locale, { n: formatNumber(n, locale), unit: this.unit(grain, n) })}</li>`);
    }
    return html`<section part="signals" class="section" aria-labelledby="h-signals">
      <h4 id="h-signals">${message(words.insightSignals, locale)}</h4>
      ${items.length ? html`<ul>${items}</ul>` : html`<p>${message(words.noSignals, locale)}</p>`}
    </section>`;
  }
}

defineElement('ioc-insight', IocInsight);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-insight': IocInsight;
  }
}
