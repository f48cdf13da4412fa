import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { localize, type AreaLevel, type ByAreaQuery, type ByAreaResult, type Indicator, type TimeGrain } from '@ioc-kit/data';
import {
  OTHER_KEY,
  fillPattern,
  formatValue,
  planSlices,
  rankRows,
  renderBar,
  renderDonut,
  summarizeCategories,
  type BarMarks,
  type ChartPalette,
  type DataTable,
  type DonutMarks,
  type DonutSlice,
} from '@ioc-kit/charts';
import { WidgetSetupError } from '../internal/status.js';
import { OwnAreaController } from '../internal/area-lookup.js';
import { AreaNamesController } from '../internal/area-names-controller.js';
import { checkByAreaResult } from '../internal/chart-support.js';
import { IocElement, baseStyles } from '../internal/base-element.js';
import { chartElementStyles } from '../internal/chart-element.styles.js';
import { ChartShell, defineChartElement } from '../internal/chart-shell.js';
import { missing, type DataState } from '../internal/data-controller.js';
import { forcedColorsActive, type LegendItem } from '../internal/legend-controller.js';
import { AXIS_NAV_KEYS, LIST_NAV_KEYS, type NavKeySteps, type NavPoint } from '../internal/navigation-controller.js';
import type { ChartSize } from '../internal/size-controller.js';
import { areaProblem } from '../internal/status-controller.js';
import type { ChartView } from '../internal/table-view.js';
import { readThemePalette } from '../internal/theme-controller.js';
import { message } from '../internal/messages.js';
import * as words from '../internal/words.js';
import { donutStyles } from './donut.styles.js';

interface DonutModel {
  /** Every area with a positive value, largest first. */
  slices: (DonutSlice & { value: number })[];
  /** The slices drawn (small ones grouped as "other"), also the legend. */
  parts: { key: string; label: string; value: number; members?: string[] }[];
  /**
   * False when the total is spread over so many similar areas that no donut of `maxSlices`
   * slices can keep "other" small: the largest areas are then shown as bars of their share.
   */
  fits: boolean;
  total: number;
  unit: string;
  decimals: number;
}

/**
 * @tag ioc-donut
 * @summary Shares of a whole across areas (from a `by-area` query): a donut with the total in
 * the centre in the locale's format with its unit, small slices grouped as "Khác" / "Other".
 *
 * The areas are those under the widget's area (or the provider's): a province's communes, a
 * former district's communes. Small slices are grouped only while "Khác" stays small (at most
 * 10 % of the total, and never the biggest slice). When the total is spread over so many similar
 * areas that no donut of `max-slices` slices can do that, the largest areas are shown as bars of
 * their share instead, and a line under them says what the others hold together.
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
 * @csspart note - Under the bars shown instead of a donut: the total and what the other areas hold.
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
export class IocDonut extends IocElement {
  static override styles = [baseStyles, chartElementStyles, donutStyles];

  /** Title shown above the chart and used in its accessible name; defaults to the indicator's name. */
  @property() label?: string;

  /** `chart` (default) or `table`: the accessible data table instead of the plot. */
  @property({ reflect: true }) view: ChartView = 'chart';

  /** Hides the legend (slices can still be hidden with `hiddenSeries`). */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** Keys of slices the user has hidden through the legend. */
  @property({ attribute: false }) hiddenSeries: ReadonlySet<string> = new Set();

  /** Indicator id from the catalogue, e.g. `economy.budget-revenue`. */
  @property({ reflect: true }) indicator?: string;

  /** The level of the areas sharing the whole (`commune` by default). */
  @property({ reflect: true }) level: AreaLevel = 'commune';

  /**
   * The area whose total is shared; default: the widget's area (or the provider's) when it has
   * units at `level` under it (a province, or a former district for communes).
   */
  @property({ reflect: true }) parent?: string;

  /** Time grain of the period; default: the source's. */
  @property({ reflect: true }) grain?: TimeGrain;

  /** The period that holds this date (ISO); default: the provider's selection (the end of a brushed time range, else a selected period), else the latest. */
  @property({ reflect: true }) at?: string;

  /** Slices under this share of the total (0..1) are grouped as "Khác" / "Other". Default 0.03. */
  @property({ type: Number, attribute: 'other-threshold', reflect: true }) otherThreshold = 0.03;

  /** At most this many slices, "other" included (default 8): many areas would be unreadable. Beyond it, bars of the largest shares. */
  @property({ type: Number, attribute: 'max-slices', reflect: true }) maxSlices = 8;

  /** Data given directly, bypassing any source. */
  @property({ attribute: false }) data?: ByAreaResult;

  /** Names to show for area codes; default: the source's names, else the code. */
  @property({ attribute: false }) areaLabels: Readonly<Record<string, string>> = {};

  private readonly names = new AreaNamesController(this, {
    result: () => this.loader.value,
    source: () => this.context?.source,
    onChange: () => this.summary.invalidate(),
    fallback: () => {
      const parent = this.parentArea();
      // Units of another date (districts before 1 July 2025) are named as they were then.
      return { level: this.loader.value?.level ?? this.level, ...(parent ? { parent } : {}), ...(this.at ? { at: this.at } : {}) };
    },
  });
  /** The widget's area as the source describes it: its level says whether units lie under it. */
  private readonly ownArea = new OwnAreaController(this, { source: () => this.context?.source, code: () => (this.parent ? undefined : this.effectiveArea) });
  private modelCache?: { inputs: readonly unknown[]; model: DonutModel };
  private marks?: DonutMarks;
  /** Set instead of `marks` when the shares are drawn as bars. */
  private barMarks?: BarMarks;

  /**
   * The area whose total is shared: `parent`, else the widget's (or provider's) area when it
   * sits above `level`. A commune's board must show the commune's own breakdown, never the
   * province's in its place.
   */
  private parentArea(): string | undefined {
    if (this.parent) return this.parent;
    const area = this.effectiveArea;
    if (!area) return undefined;
    const own = this.ownArea.area?.level;
    // An area the source does not list is still the one whose units are asked for, never the whole level in its place.
    return own === undefined || LEVEL_DEPTH[own] < LEVEL_DEPTH[this.level] ? area : undefined;
  }

  /** The level of the widget's area when nothing at `level` lies under it (a commune asked for its communes). */
  private levelWithoutUnits(): AreaLevel | undefined {
    const own = this.parent ? undefined : this.ownArea.area?.level;
    return own && LEVEL_DEPTH[own] >= LEVEL_DEPTH[this.level] ? own : undefined;
  }


  private readonly shell: ChartShell<ByAreaQuery> = new ChartShell(this, {
    query: () => this.chartQuery(),
    blocked: () => this.queryBlocked(),
    data: () => this.data,
    isEmpty: (result) => this.isEmptyResult(result),
    validate: (result) => this.validateResult(result),
    configError: () => this.configError(),
    summary: {
      summarize: (result) => this.chartSummary(result),
      // The settings the words read too (how slices are grouped, the names).
      inputs: () => this.drawInputs(),
    },
    legend: (result) => this.legendItems(result),
    nav: {
      count: () => this.navCount(),
      point: (index) => (this.loader.value ? this.navPoint(this.loader.value, index) : undefined),
      steps: () => (this.loader.value ? this.navKeySteps(this.loader.value) : AXIS_NAV_KEYS),
      indexAt: (x, y) => (this.loader.value ? this.pointIndexAt(this.loader.value, x, y) : -1),
    },
    drawInputs: () => this.drawInputs(),
    draw: (surface, result, size) => this.drawChart(surface, result, size, readThemePalette(this)),
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

  protected override willUpdate(changed: PropertyValues): void {
    this.shell.willUpdate(changed);
  }

  protected override render() {
    return this.shell.render();
  }

  private get info(): Indicator | undefined {
    return this.indicators.info(this.loader.value?.indicator ?? this.indicator);
  }

  private chartQuery(): ByAreaQuery | undefined {
    // Until the source says what the area is, it is not known whose units to ask for.
    if (!this.indicator || this.ownArea.pending || this.levelWithoutUnits()) return undefined;
    const parent = this.parentArea();
    return {
      kind: 'by-area',
      indicator: this.indicator as ByAreaQuery['indicator'],
      level: this.level,
      ...(parent ? { parent } : {}),
      ...(this.grain ? { grain: this.grain } : {}),
      ...(this.at ?? this.selectedAt ?? this.pinnedAt ? { at: this.at ?? this.selectedAt ?? this.pinnedAt } : {}),
    };
  }

  private queryBlocked() {
    return this.ownArea.pending ? 'waiting' : areaProblem(this.localName, this.effectiveArea, this.context);
  }

  private directData(): ByAreaResult | undefined {
    return this.data;
  }

  private isEmptyResult(result: ByAreaResult): boolean {
    return !result.rows.some((row) => typeof row.value === 'number' && Number.isFinite(row.value) && row.value > 0);
  }

  private validateResult(result: ByAreaResult): void {
    checkByAreaResult(result);
  }

  private configError() {
    if (!this.indicator) return missing('an indicator attribute, e.g. indicator="economy.budget-revenue"', 'ioc-donut');
    const own = this.levelWithoutUnits();
    if (own) {
      const area = this.effectiveArea ?? '';
      // Falling back to the whole province would show another area's breakdown as this one's.
      return new WidgetSetupError(
        { vi: 'Địa bàn này không có đơn vị nhỏ hơn để chia tỷ trọng', en: 'This area has no smaller units to share its total among' },
        `<ioc-donut> shares its area's total among the units under it, and ${area} is a ${own}: it has no ${this.level} units under it. Set parent="<province code>" to share the province's total instead, or give the donut a province or district as area.`,
      );
    }
    return undefined;
  }

  private model(result: ByAreaResult): DonutModel {
    const locale = this.effectiveLocale;
    const inputs = [result, this.names.areas, this.areaLabels, locale, this.otherThreshold, this.maxSlices, this.indicators.key];
    if (this.modelCache && this.modelCache.inputs.every((input, i) => input === inputs[i])) return this.modelCache.model;
    const ranked = rankRows(
      result.rows.map((row) => ({ key: row.area, label: this.names.nameOf(row.area, locale, this.areaLabels), value: row.value })),
      { locale },
    ).filter((row) => row.value > 0);
    const slices = ranked.map((row) => ({ key: row.key, label: row.label, value: row.value }));
    // Grouped once without regard to hidden slices, so the legend stays put as slices are toggled.
    const plan = planSlices(slices, { threshold: this.otherThreshold, maxSlices: this.maxSlices, otherLabel: message(words.other, locale) });
    const parts = plan.parts.map(({ key, label, value, members }) => ({
      key,
      label,
      value,
      ...(members ? { members } : {}),
    }));
    const model: DonutModel = {
      slices,
      parts,
      fits: plan.fits,
      total: slices.reduce((sum, slice) => sum + slice.value, 0),
      unit: localize(result.unit.label, locale),
      decimals: this.info?.decimals ?? 0,
    };
    this.modelCache = { inputs, model };
    return model;
  }

  private drawInputs(): readonly unknown[] {
    return [this.names.areas, this.areaLabels, this.otherThreshold, this.maxSlices, this.indicators.key];
  }

  /** How many of the largest areas the bars show when a donut cannot. */
  private get barCount(): number {
    return Math.max(1, Math.floor(Number.isFinite(this.maxSlices) ? this.maxSlices : 8));
  }

  private drawChart(surface: HTMLElement, result: ByAreaResult, size: ChartSize, palette: ChartPalette): void {
    const model = this.model(result);
    const locale = this.effectiveLocale;
    if (!model.fits) {
      // Many similar parts: a donut would be a ring of slivers or a giant "Khác". Bars of the
      // largest shares say it, and the note under them says what the rest hold together.
      this.marks = undefined;
      for (const old of surface.querySelectorAll(':scope > svg.ioc-donut')) old.remove();
      const largest = model.slices.slice(0, this.barCount);
      this.barMarks = renderBar(
        surface,
        {
          categories: largest.map((slice) => ({ key: slice.key, label: slice.label })),
          series: [{ key: 'share', label: message(words.share, locale), values: largest.map((slice) => (model.total > 0 ? (slice.value / model.total) * 100 : null)), color: palette.series[0] ?? palette.text }],
        },
        { locale, palette, orientation: 'horizontal', mark: 'bar', valueLabels: true, decimals: 1, unit: '%', axisLabel: `${message(words.share, locale)} (%)` },
        size,
      );
      return;
    }
    this.barMarks = undefined;
    for (const old of surface.querySelectorAll(':scope > svg.ioc-bar')) old.remove();
    this.marks = renderDonut(
      surface,
      model.parts.map((part, index) => ({ key: part.key, label: part.label, value: part.value, color: part.key === OTHER_KEY ? palette.muted : (palette.series[index % palette.series.length] ?? palette.text) })),
      { locale, palette, unit: model.unit, decimals: model.decimals, otherThreshold: 0, hidden: this.hiddenSeries, totalLabel: message(words.total, locale) },
      size,
    );
  }

  private clearChart(surface: HTMLElement): void {
    this.marks = undefined;
    this.barMarks = undefined;
    surface.replaceChildren();
  }

  private renderBelowPlot(result: ByAreaResult | undefined) {
    const note = result ? this.sharesNote(this.model(result)) : undefined;
    return note ? html`<p part="note" class="shares-note" title=${note}>${note}</p>` : nothing;
  }

  /** Under the bars shown instead of a donut: why, what the other areas hold, the total. */
  private sharesNote(model: DonutModel): string | undefined {
    if (model.fits) return undefined;
    const locale = this.effectiveLocale;
    const shown = Math.min(this.barCount, model.slices.length);
    const rest = model.slices.slice(shown);
    const parts = [message(words.sharesInstead, locale, { n: shown })];
    if (rest.length > 0) {
      const restTotal = rest.reduce((sum, slice) => sum + slice.value, 0);
      const each = Math.max(...rest.map((slice) => slice.value));
      parts.push(message(words.restShare, locale, { count: rest.length, share: this.shareText(restTotal, model.total), each: this.shareText(each, model.total) }));
    }
    parts.push(`${message(words.total, locale)}: ${formatValue(model.total, locale, model.decimals)}${model.unit ? ` ${model.unit}` : ''}`);
    return parts.join(' · ');
  }

  private navKeySteps(result: ByAreaResult): NavKeySteps {
    // The bars shown instead of a donut list the areas from the top.
    return this.model(result).fits ? AXIS_NAV_KEYS : LIST_NAV_KEYS;
  }

  private legendItems(result: ByAreaResult): readonly LegendItem[] {
    const model = this.model(result);
    // Bars of the largest shares need no legend: each is named beside it.
    if (!model.fits) return [];
    const parts = model.parts;
    if (parts.length < 2) return [];
    // Each entry says its share of the whole: a ring alone makes the reader guess angles.
    // Under forced colours, each entry shows its slice's pattern (as renderDonut picks it).
    const forced = forcedColorsActive(this);
    return parts.map((part, index) => ({
      key: part.key,
      label: `${part.label} · ${this.shareText(part.value, model.total)}`,
      color: part.key === OTHER_KEY ? 'var(--_chart-muted)' : `var(--_chart-series-${(index % 8) + 1})`,
      ...(forced ? { pattern: part.key === OTHER_KEY ? ('none' as const) : fillPattern(index) } : {}),
    }));
  }

  private shareText(value: number, total: number): string {
    return total > 0 ? `${formatValue((value / total) * 100, this.effectiveLocale, 1)} %` : '–';
  }

  private chartSummary(result: ByAreaResult): string {
    const model = this.model(result);
    if (!model.fits) {
      const largest = model.slices.slice(0, this.barCount);
      const text = summarizeCategories({
        locale: this.effectiveLocale,
        title: `${this.shell.title(result)} (${message(words.share, this.effectiveLocale)})`,
        unit: '%',
        decimals: 1,
        items: largest.map((slice) => ({ label: slice.label, value: model.total > 0 ? (slice.value / model.total) * 100 : null })),
      });
      return `${text} ${this.sharesNote(model) ?? ''}`.trim();
    }
    const visible = model.parts.filter((part) => !this.hiddenSeries.has(part.key));
    return summarizeCategories({
      locale: this.effectiveLocale,
      title: this.shell.title(result),
      unit: model.unit,
      decimals: model.decimals,
      items: visible.map((part) => ({ label: part.label, value: part.value })),
      total: true,
    });
  }

  private chartTable(result: ByAreaResult): DataTable {
    const model = this.model(result);
    const locale = this.effectiveLocale;
    const unit = model.unit ? ` (${model.unit})` : '';
    const rows = model.slices.map((slice) => [slice.label, formatValue(slice.value, locale, model.decimals), this.shareText(slice.value, model.total)]);
    rows.push([message(words.total, locale), formatValue(model.total, locale, model.decimals), this.shareText(model.total, model.total)]);
    return {
      caption: this.shell.title(result),
      columns: [
        { key: 'area', label: message(words.area, locale), numeric: false },
        { key: 'value', label: `${message(words.value, locale)}${unit}`, numeric: true },
        { key: 'share', label: message(words.share, locale), numeric: true },
      ],
      rows,
      total: rows.length,
      truncated: false,
    };
  }

  private navCount(): number {
    return this.barMarks?.bars.length ?? this.marks?.slices.length ?? 0;
  }

  private navPoint(result: ByAreaResult, index: number): NavPoint | undefined {
    const bar = this.barMarks?.bars[index];
    if (bar) {
      const model = this.model(result);
      const slice = model.slices[bar.categoryIndex];
      if (!slice) return undefined;
      const locale = this.effectiveLocale;
      const value = `${formatValue(slice.value, locale, model.decimals)}${model.unit ? ` ${model.unit}` : ''}`;
      return { label: `${slice.label}: ${value}, ${this.shareText(slice.value, model.total)}`, x: bar.x + bar.width, y: bar.y + bar.height / 2 };
    }
    const slice = this.marks?.slices[index];
    if (!slice) return undefined;
    const model = this.model(result);
    const locale = this.effectiveLocale;
    const value = `${formatValue(slice.value, locale, model.decimals)}${model.unit ? ` ${model.unit}` : ''}`;
    const grouped = model.parts.find((part) => part.key === slice.key)?.members;
    const members = grouped ? ` (${message(words.areaCount, locale, { n: grouped.length })})` : '';
    return { label: `${slice.label}${members}: ${value}, ${formatValue(slice.share * 100, locale, 1)} %`, x: slice.centroid[0], y: slice.centroid[1] };
  }

  private pointIndexAt(_result: ByAreaResult, x: number, y: number): number {
    const bars = this.barMarks;
    if (bars) return bars.bars.findIndex((bar) => x >= bar.x && x <= bar.x + bar.width && y >= bar.y - 2 && y <= bar.y + bar.height + 2);
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

/** How deep each level sits: a unit shares its total among units deeper than itself. */
const LEVEL_DEPTH: Readonly<Record<AreaLevel, number>> = { province: 0, district: 1, commune: 2 };

defineChartElement('ioc-donut', IocDonut);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-donut': IocDonut;
  }
}
