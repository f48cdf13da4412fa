import { property } from 'lit/decorators.js';
import { localize, type AreaLevel, type ByAreaQuery, type ByAreaResult, type Indicator, type TimeGrain } from '@ioc-kit/data';
import {
  OTHER_KEY,
  formatValue,
  groupSlices,
  rankRows,
  renderDonut,
  summarizeCategories,
  type ChartPalette,
  type DataTable,
  type DonutMarks,
  type DonutSlice,
} from '@ioc-kit/charts';
import { defineElement } from '../internal/base-element.js';
import { IocChartElement, type ChartSize, type LegendItem, type NavPoint } from '../internal/chart-element.js';
import { missing } from '../internal/data-controller.js';
import { AreaNamesController, validateByArea } from '../internal/chart-support.js';
import { chartMsg } from '../internal/chart-messages.js';
import { donutStyles } from './donut.styles.js';

interface DonutModel {
  /** Every area with a positive value, largest first. */
  slices: (DonutSlice & { value: number })[];
  /** The slices drawn (small ones grouped as "other"), also the legend. */
  parts: { key: string; label: string; value: number; members?: string[] }[];
  total: number;
  unit: string;
  decimals: number;
}

/**
 * @tag ioc-donut
 * @summary Shares of a whole across areas (from a `by-area` query): a donut with the total in
 * the centre in the locale's format with its unit, small slices grouped as "Khác" / "Other".
 *
 * @csspart base - The figure around everything.
 * @csspart header - The title.
 * @csspart legend - The legend; each `legend-item` hides or shows a slice (the total follows).
 * @csspart legend-item - One legend button (`aria-pressed`).
 * @csspart view-toggle - The switch between the chart and the data table.
 * @csspart plot - The chart (`role="img"`, named by a generated summary; focus it for the keyboard).
 * @csspart tooltip - The focused slice's value and share.
 * @csspart table - The data table (every area, with its share).
 * @csspart status - Loading, empty and error messages.
 *
 * @cssproperty --ioc-donut-height - Height of the plot. Defaults to 14rem.
 * @cssproperty --ioc-donut-surface - Background. Defaults to `--ioc-sys-color-surface`.
 * @cssproperty --ioc-donut-border-color - Border. Defaults to `--ioc-sys-color-outline`.
 * @cssproperty --ioc-donut-radius - Corner radius. Defaults to `--ioc-sys-radius`.
 * @cssproperty --ioc-donut-padding - Inner padding. Defaults to `--ioc-sys-space-3`.
 * @cssproperty --ioc-donut-series-1 - Colour of slice 1 (to 8). Defaults to `--ioc-sys-color-chart-1` (to 8).
 *
 * @fires ioc-data - New data arrived (`event.result`).
 * @fires ioc-error - Data could not be loaded or was invalid (`event.error`); last good data stays.
 */
export class IocDonut extends IocChartElement<ByAreaQuery> {
  static override styles = [...IocChartElement.styles, donutStyles];

  /** Indicator id from the catalogue, e.g. `economy.budget-revenue`. */
  @property({ reflect: true }) indicator?: string;

  /** The level of the areas sharing the whole (`commune` by default). */
  @property({ reflect: true }) level: AreaLevel = 'commune';

  /** The parent area; default: the provider's area when it is a province. */
  @property({ reflect: true }) parent?: string;

  /** Time grain of the period; default: the source's. */
  @property({ reflect: true }) grain?: TimeGrain;

  /** The period that holds this date (ISO); default: the latest. */
  @property({ reflect: true }) at?: string;

  /** Slices under this share of the total (0..1) are grouped as "Khác" / "Other". Default 0.03. */
  @property({ type: Number, attribute: 'other-threshold', reflect: true }) otherThreshold = 0.03;

  /** At most this many slices, "other" included (default 8): many areas would be unreadable. */
  @property({ type: Number, attribute: 'max-slices', reflect: true }) maxSlices = 8;

  /** Data given directly, bypassing any source. */
  @property({ attribute: false }) data?: ByAreaResult;

  /** Names to show for area codes; default: the source's names, else the code. */
  @property({ attribute: false }) areaLabels: Readonly<Record<string, string>> = {};

  private readonly names = new AreaNamesController(this, {
    source: () => this.context?.source,
    onChange: () => this.refreshDescription(),
    query: () => {
      const parent = this.parentArea();
      return { level: this.loader.value?.level ?? this.level, ...(parent ? { parent } : {}) };
    },
  });
  private modelCache?: { inputs: readonly unknown[]; model: DonutModel };
  private marks?: DonutMarks;

  private parentArea(): string | undefined {
    if (this.parent) return this.parent;
    const area = this.effectiveArea;
    return area && /^\d{2}$/.test(area) && this.level !== 'province' ? area : undefined;
  }

  private get info(): Indicator | undefined {
    return this.indicatorInfo(this.loader.value?.indicator ?? this.indicator);
  }

  protected chartQuery(): ByAreaQuery | undefined {
    if (!this.indicator) return undefined;
    const parent = this.parentArea();
    return {
      kind: 'by-area',
      indicator: this.indicator as ByAreaQuery['indicator'],
      level: this.level,
      ...(parent ? { parent } : {}),
      ...(this.grain ? { grain: this.grain } : {}),
      ...(this.at ?? this.pinnedAt ? { at: this.at ?? this.pinnedAt } : {}),
    };
  }

  protected directData(): ByAreaResult | undefined {
    return this.data;
  }

  protected isEmptyResult(result: ByAreaResult): boolean {
    return !result.rows.some((row) => typeof row.value === 'number' && Number.isFinite(row.value) && row.value > 0);
  }

  protected override validateResult(result: ByAreaResult): void {
    validateByArea(result);
  }

  protected override configError() {
    if (!this.indicator) return missing('an indicator attribute, e.g. indicator="economy.budget-revenue"', 'ioc-donut');
    return undefined;
  }

  protected override chartTitle(result: ByAreaResult | undefined): string {
    if (this.label) return this.label;
    const info = this.indicatorInfo(result?.indicator ?? this.indicator);
    return info ? localize(info.name, this.effectiveLocale) : (this.indicator ?? '');
  }

  private model(result: ByAreaResult): DonutModel {
    const locale = this.effectiveLocale;
    const inputs = [result, this.names.names, this.areaLabels, locale, this.otherThreshold, this.maxSlices];
    if (this.modelCache && this.modelCache.inputs.every((input, i) => input === inputs[i])) return this.modelCache.model;
    const ranked = rankRows(
      result.rows.map((row) => ({ key: row.area, label: this.names.nameOf(row.area, locale, this.areaLabels), value: row.value })),
      { locale },
    ).filter((row) => row.value > 0);
    const slices = ranked.map((row) => ({ key: row.key, label: row.label, value: row.value }));
    // Grouped once without regard to hidden slices, so the legend stays put as slices are toggled.
    const parts = groupSlices(slices, { threshold: this.otherThreshold, maxSlices: this.maxSlices, otherLabel: locale === 'en' ? 'Other' : 'Khác' }).map(({ key, label, value, members }) => ({
      key,
      label,
      value,
      ...(members ? { members } : {}),
    }));
    const model: DonutModel = {
      slices,
      parts,
      total: slices.reduce((sum, slice) => sum + slice.value, 0),
      unit: localize(result.unit.label, locale),
      decimals: this.info?.decimals ?? 0,
    };
    this.modelCache = { inputs, model };
    return model;
  }

  protected override drawInputs(): readonly unknown[] {
    return [this.names.names, this.areaLabels, this.otherThreshold, this.maxSlices];
  }

  protected override drawChart(surface: HTMLElement, result: ByAreaResult, size: ChartSize, palette: ChartPalette): void {
    const model = this.model(result);
    const locale = this.effectiveLocale;
    this.marks = renderDonut(
      surface,
      model.parts.map((part, index) => ({ key: part.key, label: part.label, value: part.value, color: part.key === OTHER_KEY ? palette.muted : (palette.series[index % palette.series.length] ?? palette.text) })),
      { locale, palette, unit: model.unit, decimals: model.decimals, otherThreshold: 0, hidden: this.hiddenSeries, totalLabel: chartMsg('total', locale) },
      size,
    );
  }

  protected override clearChart(surface: HTMLElement): void {
    this.marks = undefined;
    surface.replaceChildren();
  }

  protected override legendItems(result: ByAreaResult): readonly LegendItem[] {
    const parts = this.model(result).parts;
    if (parts.length < 2) return [];
    return parts.map((part, index) => ({
      key: part.key,
      label: part.label,
      color: part.key === OTHER_KEY ? 'var(--_chart-muted)' : `var(--_chart-series-${(index % 8) + 1})`,
    }));
  }

  private shareText(value: number, total: number): string {
    return total > 0 ? `${formatValue((value / total) * 100, this.effectiveLocale, 1)} %` : '–';
  }

  protected override chartSummary(result: ByAreaResult): string {
    const model = this.model(result);
    const visible = model.parts.filter((part) => !this.hiddenSeries.has(part.key));
    return summarizeCategories({
      locale: this.effectiveLocale,
      title: this.chartTitle(result),
      unit: model.unit,
      decimals: model.decimals,
      items: visible.map((part) => ({ label: part.label, value: part.value })),
      total: true,
    });
  }

  protected override chartTable(result: ByAreaResult): DataTable {
    const model = this.model(result);
    const locale = this.effectiveLocale;
    const unit = model.unit ? ` (${model.unit})` : '';
    const rows = model.slices.map((slice) => [slice.label, formatValue(slice.value, locale, model.decimals), this.shareText(slice.value, model.total)]);
    rows.push([chartMsg('total', locale), formatValue(model.total, locale, model.decimals), this.shareText(model.total, model.total)]);
    return {
      caption: this.chartTitle(result),
      columns: [
        { key: 'area', label: chartMsg('area', locale), numeric: false },
        { key: 'value', label: `${chartMsg('value', locale)}${unit}`, numeric: true },
        { key: 'share', label: chartMsg('share', locale), numeric: true },
      ],
      rows,
      total: rows.length,
      truncated: false,
    };
  }

  protected override navCount(): number {
    return this.marks?.slices.length ?? 0;
  }

  protected override navPoint(result: ByAreaResult, index: number): NavPoint | undefined {
    const slice = this.marks?.slices[index];
    if (!slice) return undefined;
    const model = this.model(result);
    const locale = this.effectiveLocale;
    const value = `${formatValue(slice.value, locale, model.decimals)}${model.unit ? ` ${model.unit}` : ''}`;
    const grouped = model.parts.find((part) => part.key === slice.key)?.members;
    const members = grouped ? ` (${grouped.length} ${locale === 'en' ? 'areas' : 'khu vực'})` : '';
    return { label: `${slice.label}${members}: ${value}, ${formatValue(slice.share * 100, locale, 1)} %`, x: slice.centroid[0], y: slice.centroid[1] };
  }

  protected override pointIndexAt(_result: ByAreaResult, x: number, y: number): number {
    const marks = this.marks;
    if (!marks) return -1;
    const distance = Math.hypot(x - marks.cx, y - marks.cy);
    if (distance < marks.inner || distance > marks.outer) return -1;
    // Angles run clockwise from 12 o'clock, as d3's pie lays them out.
    let angle = Math.atan2(x - marks.cx, marks.cy - y);
    if (angle < 0) angle += 2 * Math.PI;
    return marks.slices.findIndex((slice) => angle >= slice.startAngle && angle < slice.endAngle);
  }
}

defineElement('ioc-donut', IocDonut);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-donut': IocDonut;
  }
}
