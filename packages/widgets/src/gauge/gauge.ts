import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { localize, type Indicator, type KpiQuery, type KpiResult, type TimeGrain } from '@ioc-kit/data';
import {
  bandOf,
  formatValue,
  gaugeDomain,
  judgeAgainstTarget,
  renderGauge,
  type ChartPalette,
  type DataTable,
  type GaugeBand,
  type GaugeForm,
  type GaugeMarks,
} from '@ioc-kit/charts';
import { IocElement, baseStyles } from '../internal/base-element.js';
import { chartElementStyles } from '../internal/chart-element.styles.js';
import { ChartShell, defineChartElement } from '../internal/chart-shell.js';
import { checkKpiResult } from '../internal/chart-support.js';
import { missing, type DataState } from '../internal/data-controller.js';
import { message } from '../internal/messages.js';
import type { NavPoint } from '../internal/navigation-controller.js';
import type { ChartSize } from '../internal/size-controller.js';
import type { ChartView } from '../internal/table-view.js';
import { readThemePalette, type BandTokens } from '../internal/theme-controller.js';
import * as words from '../internal/words.js';
import { gaugeStyles } from './gauge.styles.js';

/**
 * @tag ioc-gauge
 * @summary One indicator's value for an area (from a `kpi` query) on its scale: a radial dial
 * or a bullet bar, with the indicator's bands (e.g. the six VN_AQI bands in their token
 * colours), a target marker, and the value coloured by its band or, without bands, good or
 * bad against the target by the indicator's polarity.
 *
 * @csspart base - The figure around everything.
 * @csspart header - The title.
 * @csspart view-toggle - The switch between the gauge and the data table.
 * @csspart plot - The gauge (`role="img"`, named by a generated summary; focus it for the keyboard).
 * @csspart tooltip - The focused mark's value.
 * @csspart table - The data table.
 * @csspart status - Loading, empty and error messages.
 *
 * @cssproperty --ioc-gauge-height - Height of the plot. Defaults to 12rem (radial) or 4rem (bullet).
 * @cssproperty --ioc-gauge-surface - Background. Defaults to `--ioc-sys-color-surface`.
 * @cssproperty --ioc-gauge-border-color - Border. Defaults to `--ioc-sys-color-outline`.
 * @cssproperty --ioc-gauge-radius - Corner radius. Defaults to `--ioc-sys-radius`.
 * @cssproperty --ioc-gauge-padding - Inner padding. Defaults to `--ioc-sys-space-3`.
 * @cssproperty --ioc-gauge-value-color - The value's colour when there are no bands and no target. Defaults to `--ioc-sys-color-chart-1`.
 * @cssproperty --ioc-gauge-track-color - The empty track. Defaults to `--ioc-sys-color-outline`.
 * @cssproperty --ioc-gauge-target-color - The target marker. Defaults to `--ioc-sys-color-on-surface`.
 *
 * @fires ioc-data - New data arrived (`event.result`).
 * @fires ioc-error - Data could not be loaded or was invalid (`event.error`); last good data stays.
 */
export class IocGauge extends IocElement {
  static override styles = [baseStyles, chartElementStyles, gaugeStyles];

  /** Title shown above the gauge and used in its accessible name; defaults to the indicator's name. */
  @property() label?: string;

  /** `chart` (default) or `table`: the accessible data table instead of the gauge. */
  @property({ reflect: true }) view: ChartView = 'chart';

  /** Hides the legend (a gauge has none; kept for the attribute every chart takes). */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** Keys of series hidden (a gauge has one value; kept for the property every chart takes). */
  @property({ attribute: false }) hiddenSeries: ReadonlySet<string> = new Set();

  /** Indicator id from the catalogue, e.g. `environment.aqi`. */
  @property({ reflect: true }) indicator?: string;

  /** Time grain of the period shown; default: the source's choice. */
  @property({ reflect: true }) grain?: TimeGrain;

  /** Show the period that holds this date (ISO); default: the provider's selection (the end of a brushed time range, else a selected period), else the latest. */
  @property({ reflect: true }) at?: string;

  /** `radial` (default) or `bullet`. */
  @property({ reflect: true }) form: GaugeForm = 'radial';

  /** Start of the scale; default: 0, or the first band's start. */
  @property({ type: Number }) min?: number;

  /** End of the scale; default: the last band's end, else a little above the value and target. */
  @property({ type: Number }) max?: number;

  /** A target marker; default: the result's target, then the indicator's. */
  @property({ type: Number }) target?: number;

  /** Hides the indicator's bands. */
  @property({ type: Boolean, attribute: 'no-bands' }) noBands = false;

  /** Data given directly, bypassing any source. */
  @property({ attribute: false }) data?: KpiResult;

  private marks?: GaugeMarks;

  private readonly shell: ChartShell<KpiQuery> = new ChartShell(this, {
    query: () => this.chartQuery(),
    data: () => this.data,
    isEmpty: (result) => result.value === null,
    validate: checkKpiResult,
    configError: () => this.configError(),
    summary: {
      summarize: (result) => this.chartSummary(result),
      key: () => `${this.effectiveLocale}|${this.label ?? ''}|${this.indicators.key}`,
      // The settings the words read too (the scale, the target, the bands).
      inputs: () => [this.min, this.max, this.target, this.noBands, this.info],
    },
    nav: {
      count: () => this.navCount(),
      point: (index) => (this.loader.value ? this.navPoint(this.loader.value, index) : undefined),
    },
    // The indicator too: its bands and range arrive with the catalogue.
    drawInputs: () => [this.form, this.min, this.max, this.target, this.noBands, this.info],
    draw: (surface, result, size) => this.drawGauge(surface, result, size),
    clear: (surface) => {
      this.marks = undefined;
      surface.replaceChildren();
    },
    table: (result) => this.chartTable(result),
  });
  private readonly loader = this.shell.loader;
  private readonly indicators = this.shell.indicators;

  /**
   * What the gauge shows now: `pending`, `ready`, `empty`, `stale`, `error` or `idle`.
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

  private chartQuery(): KpiQuery | undefined {
    const area = this.effectiveArea;
    if (!this.indicator || !area) return undefined;
    return { kind: 'kpi', indicator: this.indicator as KpiQuery['indicator'], area, ...(this.grain ? { grain: this.grain } : {}), ...(this.at ?? this.selectedAt ?? this.pinnedAt ? { at: this.at ?? this.selectedAt ?? this.pinnedAt } : {}) };
  }

  private configError() {
    if (!this.indicator) return missing('an indicator attribute, e.g. indicator="environment.aqi"', 'ioc-gauge');
    return undefined;
  }

  private targetOf(result: KpiResult): number | undefined {
    const target = this.target ?? result.target ?? this.info?.target;
    return typeof target === 'number' && Number.isFinite(target) ? target : undefined;
  }

  private unitOf(result: KpiResult): string {
    return localize(result.unit.label, this.effectiveLocale);
  }

  private bandsOf(palette?: ChartPalette): GaugeBand[] {
    if (this.noBands) return [];
    const locale = this.effectiveLocale;
    return (this.info?.bands ?? []).map((band) => ({ from: band.from, to: band.to, label: localize(band.label, locale), color: palette?.bands[band.token] ?? '' }));
  }

  /** The scale's ends: the attributes, else the indicator's plausible range (its maximum only when there are no bands to end the scale). */
  private scaleEnds(): { min?: number; max?: number } {
    const range = this.info?.range;
    const min = this.min ?? range?.min;
    const max = this.max ?? (this.bandsOf().length === 0 ? range?.max : undefined);
    return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  }

  private bandTokens(): BandTokens {
    const bands = this.noBands ? [] : (this.info?.bands ?? []);
    return {
      tokens: [...bands.map((band) => band.token), 'positive', 'negative'],
      fallbacks: Object.fromEntries(bands.filter((band) => band.color).map((band) => [band.token, band.color ?? ''])),
    };
  }

  /** The value's colour: its band's, else good/bad against the target by polarity, else the first series colour. */
  private valueColor(result: KpiResult, palette: ChartPalette): string {
    const band = bandOf(this.bandsOf(palette), result.value);
    if (band) return band.color;
    const judgement = judgeAgainstTarget(result.value, this.targetOf(result), this.info?.polarity ?? 'neutral');
    if (judgement === 'good') return palette.bands.positive ?? palette.series[0] ?? palette.text;
    if (judgement === 'bad') return palette.bands.negative ?? palette.signal;
    return palette.series[0] ?? palette.text;
  }

  private drawGauge(surface: HTMLElement, result: KpiResult, size: ChartSize): void {
    const palette = readThemePalette(this, this.bandTokens());
    const locale = this.effectiveLocale;
    const target = this.targetOf(result);
    this.marks = renderGauge(
      surface,
      result.value,
      {
        locale,
        palette,
        form: this.form,
        ...this.scaleEnds(),
        bands: this.bandsOf(palette),
        ...(target !== undefined ? { target: { value: target, label: message(words.target, locale) } } : {}),
        valueColor: this.valueColor(result, palette),
        decimals: this.info?.decimals ?? 0,
        unit: this.unitOf(result),
      },
      size,
    );
  }

  private valueText(value: number | null | undefined, result: KpiResult): string {
    const unit = this.unitOf(result);
    return `${formatValue(value, this.effectiveLocale, this.info?.decimals ?? 0)}${unit && value !== null && value !== undefined ? ` ${unit}` : ''}`;
  }

  private chartSummary(result: KpiResult): string {
    const locale = this.effectiveLocale;
    const parts = [`${this.shell.title(result)}: ${this.valueText(result.value, result)}`];
    const band = bandOf(this.bandsOf(), result.value);
    if (band) parts.push(`${message(words.band, locale).toLowerCase()} ${band.label}`);
    const target = this.targetOf(result);
    if (target !== undefined) {
      const judgement = judgeAgainstTarget(result.value, target, this.info?.polarity ?? 'neutral');
      const verdict = judgement === 'good' ? `, ${message(words.met, locale)}` : judgement === 'bad' ? `, ${message(words.missed, locale)}` : '';
      parts.push(`${message(words.target, locale).toLowerCase()} ${this.valueText(target, result)}${verdict}`);
    }
    const [lo, hi] = gaugeDomain(result.value, { ...this.scaleEnds(), bands: this.bandsOf(), ...(target !== undefined ? { target: { value: target, label: '' } } : {}) });
    parts.push(`${message(words.scale, locale)} ${formatValue(lo, locale)}–${formatValue(hi, locale)}`);
    return `${parts.join('; ')}.`;
  }

  private chartTable(result: KpiResult): DataTable {
    const locale = this.effectiveLocale;
    const rows: string[][] = [[message(words.value, locale), this.valueText(result.value, result)]];
    const band = bandOf(this.bandsOf(), result.value);
    if (band) rows.push([message(words.band, locale), band.label]);
    const target = this.targetOf(result);
    if (target !== undefined) rows.push([message(words.target, locale), this.valueText(target, result)]);
    if (result.previous !== undefined && result.previous !== null) rows.push([message(words.previous, locale), this.valueText(result.previous, result)]);
    if (result.sameLastYear !== undefined && result.sameLastYear !== null) rows.push([message(words.sameLastYear, locale), this.valueText(result.sameLastYear, result)]);
    for (const each of this.bandsOf()) rows.push([`${message(words.band, locale)} ${each.label}`, `${formatValue(each.from, locale)}–${formatValue(each.to, locale)}`]);
    return {
      caption: this.shell.title(result),
      columns: [
        { key: 'what', label: '', numeric: false },
        { key: 'value', label: message(words.value, locale), numeric: true },
      ],
      rows,
      total: rows.length,
      truncated: false,
    };
  }

  private navCount(): number {
    return (this.marks?.valuePoint ? 1 : 0) + (this.marks?.targetPoint ? 1 : 0);
  }

  private navPoint(result: KpiResult, index: number): NavPoint | undefined {
    const marks = this.marks;
    if (!marks) return undefined;
    const locale = this.effectiveLocale;
    const points: NavPoint[] = [];
    if (marks.valuePoint) {
      const band = bandOf(this.bandsOf(), result.value);
      points.push({ label: `${message(words.value, locale)}: ${this.valueText(result.value, result)}${band ? ` (${band.label})` : ''}`, x: marks.valuePoint[0], y: marks.valuePoint[1] });
    }
    const target = this.targetOf(result);
    if (marks.targetPoint && target !== undefined) points.push({ label: `${message(words.target, locale)}: ${this.valueText(target, result)}`, x: marks.targetPoint[0], y: marks.targetPoint[1] });
    return points[index];
  }
}

defineChartElement('ioc-gauge', IocGauge);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-gauge': IocGauge;
  }
}
