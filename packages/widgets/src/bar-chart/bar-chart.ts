import { property } from 'lit/decorators.js';
import {
  localize,
  type AreaLevel,
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
  rankRows,
  renderBar,
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
import { defineElement } from '../internal/base-element.js';
import { IocChartElement, type BandTokens, type ChartSize, type LegendItem, type NavPoint } from '../internal/chart-element.js';
import { missing } from '../internal/data-controller.js';
import { barChartStyles } from './bar-chart.styles.js';
import { AreaNamesController, DefaultPeriod, splitCodes, validateByArea, validateSeries } from '../internal/chart-support.js';
import { chartMsg } from '../internal/chart-messages.js';

type BarQuery = ByAreaQuery | SeriesQuery;
type BarResult = ByAreaResult | SeriesResult;

/** What the chart shows, worked out once per result and settings. */
interface BarModel {
  data: BarData;
  /** Ranking mode: rows in the order shown, with their ranks. */
  ranked?: RankedRow[];
  /** Ranking mode: how many areas had a value. */
  rankedCount: number;
  highlight?: string;
  unit: string;
  decimals: number;
}

/**
 * @tag ioc-bar-chart
 * @summary Bars for an indicator: a ranking of areas (sorted by value from a `by-area` query,
 * top or bottom N, the selected area highlighted) or areas over periods (from a `series`
 * query when `areas` is set), vertical or horizontal, grouped, stacked or stacked to 100 %.
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
 */
export class IocBarChart extends IocChartElement<BarQuery> {
  static override styles = [...IocChartElement.styles, barChartStyles];

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

  /** Ranking: show only the N highest values. */
  @property({ type: Number, reflect: true }) top?: number;

  /** Ranking: show only the N lowest values (lowest first). Ignored when `top` is set. */
  @property({ type: Number, reflect: true }) bottom?: number;

  /** Time grain: of the ranked period (default: the source's) or of the bars over time (default `month`). */
  @property({ reflect: true }) grain?: TimeGrain;

  /** Ranking: the period that holds this date (ISO); default: the latest. */
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
    source: () => this.context?.source,
    onChange: () => this.refreshDescription(),
    // Ranked areas, or (over periods) the compared areas: by default the province's communes.
    query: () => {
      const result = this.loader.value;
      const parent = this.rankingParent();
      return { level: result?.kind === 'by-area' ? result.level : this.level, ...(parent ? { parent } : {}) };
    },
  });
  private readonly period = new DefaultPeriod();
  private modelCache?: { inputs: readonly unknown[]; model: BarModel };
  private marks?: BarMarks;

  private rankingParent(): string | undefined {
    if (this.parent) return this.parent;
    const area = this.effectiveArea;
    // Only a province code (two digits) is a sensible default parent for communes.
    return area && /^\d{2}$/.test(area) && this.level !== 'province' ? area : undefined;
  }

  private get info(): Indicator | undefined {
    return this.indicatorInfo(this.loader.value?.indicator ?? this.indicator);
  }

  protected chartQuery(): BarQuery | undefined {
    if (!this.indicator) return undefined;
    const indicator = this.indicator as BarQuery['indicator'];
    const areas = splitCodes(this.areas);
    if (areas.length > 0) {
      const grain = this.grain ?? 'month';
      const { from, to } = this.period.get(grain, 12, this.now, this.from, this.to);
      return { kind: 'series', indicator, areas, grain, from, to };
    }
    const parent = this.rankingParent();
    return { kind: 'by-area', indicator, level: this.level, ...(parent ? { parent } : {}), ...(this.grain ? { grain: this.grain } : {}), ...(this.at ?? this.pinnedAt ? { at: this.at ?? this.pinnedAt } : {}) };
  }

  protected directData(): BarResult | undefined {
    return this.data;
  }

  protected isEmptyResult(result: BarResult): boolean {
    if (result.kind === 'by-area') return !result.rows.some((row) => typeof row.value === 'number' && Number.isFinite(row.value));
    return !result.series.some((series) => toFloat64(series.v).some((value) => Number.isFinite(value)));
  }

  protected override validateResult(result: BarResult): void {
    if (result?.kind === 'series') validateSeries(result);
    else validateByArea(result);
  }

  protected override configError() {
    if (!this.indicator) return missing('an indicator attribute, e.g. indicator="environment.aqi"', 'ioc-bar-chart');
    return undefined;
  }

  protected override chartTitle(result: BarResult | undefined): string {
    if (this.label) return this.label;
    const info = this.indicatorInfo(result?.indicator ?? this.indicator);
    return info ? localize(info.name, this.effectiveLocale) : (this.indicator ?? '');
  }

  // ---- model --------------------------------------------------------------------------

  private model(result: BarResult): BarModel {
    const inputs = [result, this.names.names, this.areaLabels, this.effectiveLocale, this.effectiveTimeZone, this.top, this.bottom, this.selected, this.effectiveArea];
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
      const ranked = rankRows(rows, {
        order: useBottom ? 'bottom' : 'top',
        ...(useTop ? { limit: this.top } : useBottom ? { limit: this.bottom } : {}),
        ...(selected ? { keep: selected } : {}),
        locale,
      });
      const rankedCount = rankRows(rows).length;
      return {
        data: {
          categories: ranked.map((row) => ({ key: row.key, label: `${row.rank}. ${row.label}` })),
          series: [{ key: 'value', label: this.chartTitle(result), values: ranked.map((row) => row.value) }],
        },
        ranked,
        rankedCount,
        ...(selected ? { highlight: selected } : {}),
        unit,
        decimals,
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

  protected override bandTokens(): BandTokens {
    return { tokens: ['positive', 'negative'] };
  }

  protected override drawInputs(): readonly unknown[] {
    return [this.names.names, this.areaLabels, this.top, this.bottom, this.selected, this.orientation, this.layout, this.polarityColors, this.target];
  }

  private targetValue(): number | undefined {
    const target = this.target ?? this.info?.target;
    return target !== undefined && Number.isFinite(target) ? target : undefined;
  }

  protected override drawChart(surface: HTMLElement, result: BarResult, size: ChartSize, palette: ChartPalette): void {
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
        ...(this.polarityColors && polarity && polarity !== 'neutral' && reference !== undefined
          ? { polarity: { direction: polarity, reference, good: palette.bands.positive ?? palette.series[0] ?? palette.text, bad: palette.bands.negative ?? palette.signal } }
          : {}),
        ...(target !== undefined ? { target: { value: target, label: `${chartMsg('target', locale)} ${formatValue(target, locale, model.decimals)}` } } : {}),
      },
      size,
    );
  }

  protected override clearChart(surface: HTMLElement): void {
    this.marks = undefined;
    surface.replaceChildren();
  }

  // ---- description ----------------------------------------------------------------------

  protected override legendItems(result: BarResult): readonly LegendItem[] {
    const model = this.model(result);
    if (model.data.series.length < 2) return [];
    return model.data.series.map((series, index) => ({ key: series.key, label: series.label, color: `var(--_chart-series-${(index % 8) + 1})` }));
  }

  protected override chartSummary(result: BarResult): string {
    const model = this.model(result);
    const locale = this.effectiveLocale;
    const title = this.chartTitle(result);
    if (model.ranked) {
      const items = model.ranked.map((row) => ({ label: row.label, value: row.value }));
      const text = summarizeCategories({ locale, title: `${title} (${chartMsg('ranking', locale)})`, unit: model.unit, decimals: model.decimals, items });
      const selected = model.ranked.find((row) => row.key === model.highlight);
      if (!selected) return text;
      const place = locale === 'en' ? `${selected.label} ranks ${selected.rank} of ${model.rankedCount}.` : `${selected.label} xếp hạng ${selected.rank}/${model.rankedCount}.`;
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

  protected override chartTable(result: BarResult): DataTable {
    const model = this.model(result);
    const locale = this.effectiveLocale;
    const unit = model.unit ? ` (${model.unit})` : '';
    const caption = this.chartTitle(result);
    const value = (x: number | null | undefined) => formatValue(x, locale, model.decimals);
    if (model.ranked) {
      const rows = model.ranked.map((row) => [this.names.nameOf(row.key, locale, this.areaLabels), String(row.rank), value(row.value)]);
      return {
        caption,
        columns: [
          { key: 'area', label: chartMsg('area', locale), numeric: false },
          { key: 'rank', label: chartMsg('rank', locale), numeric: true },
          { key: 'value', label: `${chartMsg('value', locale)}${unit}`, numeric: true },
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
      columns: [{ key: 'period', label: chartMsg('period', locale), numeric: false }, ...visible.map((series) => ({ key: series.key, label: series.label, numeric: true }))],
      rows,
      total: rows.length,
      truncated: false,
    };
  }

  protected override navCount(): number {
    return this.marks?.bars.length ?? 0;
  }

  protected override navPoint(result: BarResult, index: number): NavPoint | undefined {
    const bar = this.marks?.bars[index];
    if (!bar) return undefined;
    const model = this.model(result);
    const locale = this.effectiveLocale;
    const category = model.data.categories[bar.categoryIndex];
    const series = model.data.series[bar.seriesIndex];
    const value = `${formatValue(bar.value, locale, model.decimals)}${model.unit ? ` ${model.unit}` : ''}`;
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

  protected override pointIndexAt(_result: BarResult, x: number, y: number): number {
    return this.marks?.bars.findIndex((bar) => x >= bar.x && x <= bar.x + bar.width && y >= bar.y - 2 && y <= bar.y + bar.height + 2) ?? -1;
  }
}

defineElement('ioc-bar-chart', IocBarChart);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-bar-chart': IocBarChart;
  }
}
