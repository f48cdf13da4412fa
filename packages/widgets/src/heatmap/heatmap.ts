import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { localize, type Indicator, type SeriesQuery, type SeriesResult } from '@ioc-kit/data';
import {
  formatValue,
  heatmapCellText,
  renderHeatmap,
  toFloat64,
  weekdayNames,
  type ChartPalette,
  type DataTable,
  type HeatmapBand,
  type HeatmapCell,
  type HeatmapLayout,
  type HeatmapMarks,
  type HeatmapScale,
} from '@ioc-kit/charts';
import { IocElement, baseStyles } from '../internal/base-element.js';
import { chartElementStyles } from '../internal/chart-element.styles.js';
import { ChartShell, defineChartElement } from '../internal/chart-shell.js';
import { DefaultPeriod, checkSeriesResult, splitCodes, yearPeriod } from '../internal/chart-support.js';
import { missing, type DataState } from '../internal/data-controller.js';
import type { LegendItem } from '../internal/legend-controller.js';
import { message } from '../internal/messages.js';
import type { NavPoint } from '../internal/navigation-controller.js';
import type { ChartSize } from '../internal/size-controller.js';
import type { ChartView } from '../internal/table-view.js';
import { readThemePalette, type BandTokens } from '../internal/theme-controller.js';
import * as words from '../internal/words.js';
import { axisUnit } from '../internal/format.js';
import { heatmapStyles } from './heatmap.styles.js';

const RAMP_STEPS = 7;

/**
 * @tag ioc-heatmap
 * @summary An indicator's rhythm for an area, or the mean of several (from a `series` query): a calendar of days
 * (weeks as columns, Monday first as in Vietnam, a block per year) or hour of day × weekday,
 * each cell the mean of its values, coloured on a sequential or diverging scale of theme colours.
 *
 * @csspart base - The figure around everything.
 * @csspart header - The title.
 * @csspart view-toggle - The switch between the heatmap and the data table.
 * @csspart plot - The heatmap (`role="img"`, named by a generated summary; focus it for the keyboard).
 * @csspart tooltip - The focused cell's period and value.
 * @csspart table - The data table.
 * @csspart status - Loading, empty and error messages.
 *
 * @cssproperty --ioc-heatmap-height - Height of the plot. Defaults to 12rem.
 * @cssproperty --ioc-heatmap-surface - Background. Defaults to `--ioc-sys-color-surface`.
 * @cssproperty --ioc-heatmap-border-color - Border. Defaults to `--ioc-sys-color-outline`.
 * @cssproperty --ioc-heatmap-radius - Corner radius. Defaults to `--ioc-sys-radius`.
 * @cssproperty --ioc-heatmap-padding - Inner padding. Defaults to `--ioc-sys-space-3`.
 * @cssproperty --ioc-heatmap-empty-color - Outline of cells without data. Defaults to `--ioc-sys-color-outline`.
 *
 * Cell colours: for an indicator with bands (VN_AQI, VN_WQI, rainfall), each day takes its
 * band's official colour (`--ioc-sys-color-<band token>`) and the legend names the bands;
 * otherwise the theme's ramps `--ioc-sys-color-seq-1..7` (sequential) and
 * `--ioc-sys-color-div-1..7` (diverging), interpolated between. The diverging scale puts
 * values above the midpoint on the red side (warmer, or worse) and below it on the blue side;
 * for an indicator where higher is better, above is blue and below red.
 *
 * @fires ioc-data - New data arrived (`event.result`).
 * @fires ioc-error - Data could not be loaded or was invalid (`event.error`); last good data stays.
 */
export class IocHeatmap extends IocElement {
  static override styles = [baseStyles, chartElementStyles, heatmapStyles];

  /** Title shown above the grid and used in its accessible name; defaults to the indicator's name. */
  @property() label?: string;

  /** `chart` (default) or `table`: the accessible data table instead of the grid. */
  @property({ reflect: true }) view: ChartView = 'chart';

  /** Hides the legend (areas can still be hidden with `hiddenSeries`). */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** Keys of areas the user has hidden through the legend. */
  @property({ attribute: false }) hiddenSeries: ReadonlySet<string> = new Set();

  /** Indicator id from the catalogue, e.g. `environment.aqi`. */
  @property({ reflect: true }) indicator?: string;

  /** `calendar` (default: days of the year) or `hour-weekday`. */
  @property({ reflect: true }) layout: HeatmapLayout = 'calendar';

  /** `sequential` (default) or `diverging` around `midpoint`. */
  @property({ reflect: true }) scale: HeatmapScale = 'sequential';

  /** Centre of the diverging scale; default 0 when the values span it, else their mean. */
  @property({ type: Number }) midpoint?: number;

  /** Calendar: the year to show (e.g. 2026); default: the last 365 days. */
  @property({ type: Number, reflect: true }) year?: number;

  /** Start (ISO, inclusive); default per layout: a year of days, or four weeks of hours. */
  @property({ reflect: true }) from?: string;

  /** End (ISO, exclusive); default: the end of the current day or hour. */
  @property({ reflect: true }) to?: string;

  /** Calendar: at most this many years, the latest (default 5). */
  @property({ type: Number, attribute: 'max-years' }) maxYears = 5;

  /** Colours by the ramp even when the indicator has bands (default: by its bands, with their official colours). */
  @property({ type: Boolean, attribute: 'no-bands' }) noBands = false;

  /** Areas to combine (codes separated by spaces or commas); each cell is the mean over the areas shown. Default: the widget's or provider's area. */
  @property({ reflect: true }) areas?: string;

  /** Data given directly, bypassing any source. */
  @property({ attribute: false }) data?: SeriesResult;

  /** Names to show for area codes in the legend, e.g. `{ '90001': 'Xã Yên Sương' }`; default: the code. */
  @property({ attribute: false }) areaLabels: Readonly<Record<string, string>> = {};

  private readonly period = new DefaultPeriod();
  private marks?: HeatmapMarks;
  /** What `marks` were drawn from, so a table shown after new data never lists old cells. */
  private marksFrom?: readonly unknown[];
  private cellCache?: { inputs: readonly unknown[]; marks: HeatmapMarks };

  private readonly shell: ChartShell<SeriesQuery> = new ChartShell(this, {
    query: () => this.chartQuery(),
    data: () => this.data,
    isEmpty: (result) => this.isEmptyResult(result),
    validate: checkSeriesResult,
    configError: () => this.configError(),
    summary: {
      summarize: (result) => this.chartSummary(result),
      // The settings the words read too (the layout, the bands, the years shown).
      inputs: () => [this.layout, this.maxYears, this.noBands, this.scale, this.info],
    },
    legend: (result) => this.legendItems(result),
    nav: {
      count: () => this.navigable().length,
      point: (index) => (this.loader.value ? this.navPoint(this.loader.value, index) : undefined),
      handleKey: (event) => this.loader.value !== undefined && this.handleGridKey(event),
      indexAt: (x, y) => this.navigable().findIndex((cell) => x >= cell.x && x < cell.x + cell.size && y >= cell.y && y < cell.y + cell.size),
    },
    drawInputs: () => [this.layout, this.scale, this.midpoint, this.maxYears, this.noBands, this.info],
    draw: (surface, result, size) => this.drawGrid(surface, result, size),
    clear: (surface) => {
      this.marks = undefined;
      this.marksFrom = undefined;
      surface.replaceChildren();
    },
    table: (result) => this.chartTable(result),
    help: () => this.keyboardHelp(),
  });
  private readonly loader = this.shell.loader;
  private readonly indicators = this.shell.indicators;
  private readonly nav = this.shell.nav;

  /**
   * What the heatmap shows now: `pending`, `ready`, `empty`, `stale`, `error` or `idle`.
   * Reflected to the `state` attribute for styling and tests.
   */
  get state(): DataState {
    return this.shell.state;
  }

  /** Draws again on the next update (e.g. after the theme changed). */
  redraw(): void {
    this.shell.redraw();
  }

  /** Hides or shows an area, as its legend button does. */
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

  private chartQuery(): SeriesQuery | undefined {
    const listed = splitCodes(this.areas);
    const area = this.effectiveArea;
    const areas = listed.length > 0 ? listed : area ? [area] : [];
    if (!this.indicator || areas.length === 0) return undefined;
    const calendar = this.layout !== 'hour-weekday';
    const grain = calendar ? 'day' : 'hour';
    let from = this.from;
    let to = this.to;
    if (calendar && this.year !== undefined && Number.isInteger(this.year)) {
      const year = yearPeriod(this.year);
      from ??= year.from;
      to ??= year.to;
    }
    const range = this.period.get(grain, calendar ? 365 : 28 * 24, this.now, from, to);
    return { kind: 'series', indicator: this.indicator as SeriesQuery['indicator'], areas, grain, from: range.from, to: range.to };
  }

  private isEmptyResult(result: SeriesResult): boolean {
    return !result.series.some((series) => toFloat64(series.v).some((value) => Number.isFinite(value)));
  }

  private configError() {
    if (!this.indicator) return missing('an indicator attribute, e.g. indicator="environment.aqi"', 'ioc-heatmap');
    return undefined;
  }

  /**
   * The ramp's tokens, low values first. The theme's diverging ramp runs from red (div-1) to
   * blue (div-7); above the midpoint is the red side (warm, worse), unless higher is better.
   */
  private rampTokens(): string[] {
    const diverging = this.scale === 'diverging';
    const tokens = Array.from({ length: RAMP_STEPS }, (_, i) => `${diverging ? 'div' : 'seq'}-${i + 1}`);
    return diverging && this.info?.polarity !== 'higher-is-better' ? tokens.reverse() : tokens;
  }

  /** The indicator's bands, when the cells are coloured by them: not on the diverging scale, and not with `no-bands`. */
  private bands(palette?: ChartPalette): HeatmapBand[] {
    if (this.noBands || this.scale === 'diverging') return [];
    const locale = this.effectiveLocale;
    return (this.info?.bands ?? []).map((band) => ({ from: band.from, to: band.to, label: localize(band.label, locale), color: palette?.bands[band.token] ?? band.color ?? '' }));
  }

  private bandTokens(): BandTokens {
    const bands = this.noBands ? [] : (this.info?.bands ?? []);
    return {
      tokens: [...this.rampTokens(), ...bands.map((band) => band.token)],
      fallbacks: Object.fromEntries(bands.filter((band) => band.color).map((band) => [band.token, band.color ?? ''])),
    };
  }

  /**
   * The values to lay out: one area's, or with several areas those of every area the legend
   * shows, so each cell is the mean over the shown areas.
   */
  private input(result: SeriesResult): { t: Float64Array; v: Float64Array } {
    const shown = result.series.filter((series) => !this.hiddenSeries.has(series.area));
    if (shown.length === 1) return { t: toFloat64(shown[0]?.t), v: toFloat64(shown[0]?.v) };
    const parts = shown.map((series) => ({ t: toFloat64(series.t), v: toFloat64(series.v) }));
    const length = parts.reduce((sum, part) => sum + Math.min(part.t.length, part.v.length), 0);
    const t = new Float64Array(length);
    const v = new Float64Array(length);
    let at = 0;
    for (const part of parts) {
      const n = Math.min(part.t.length, part.v.length);
      t.set(part.t.subarray(0, n), at);
      v.set(part.v.subarray(0, n), at);
      at += n;
    }
    return { t, v };
  }

  private legendItems(result: SeriesResult): readonly LegendItem[] {
    if (result.series.length < 2) return [];
    // Areas are not colours here: the swatch is the middle of the ramp.
    return result.series.map((series) => ({ key: series.area, label: this.areaLabels[series.area] ?? series.area, color: 'var(--_chart-muted)' }));
  }

  private options(palette: ChartPalette, result?: SeriesResult) {
    const info = this.info;
    return {
      locale: this.effectiveLocale,
      palette,
      layout: this.layout,
      scale: this.scale,
      colors: this.rampTokens().map((token) => palette.bands[token] ?? palette.muted),
      bands: this.bands(palette),
      unit: result ? axisUnit({ code: result.unit.code, label: this.unitOf(result) }, info ? localize(info.name, this.effectiveLocale) : undefined, this.effectiveLocale) : '',
      ...(this.midpoint !== undefined ? { midpoint: this.midpoint } : {}),
      timeZone: this.effectiveTimeZone,
      maxYears: this.maxYears,
    };
  }

  private drawGrid(surface: HTMLElement, result: SeriesResult, size: ChartSize): void {
    const palette = readThemePalette(this, this.bandTokens());
    this.marks = renderHeatmap(surface, this.input(result), this.options(palette, result), size);
    this.marksFrom = this.cellInputs(result);
    // Every area taken out through the legend: say so, rather than show a year of empty days.
    let note = surface.querySelector<HTMLElement>(':scope > .all-hidden');
    if (!this.allHidden(result)) note?.remove();
    else {
      if (!note) {
        note = this.ownerDocument.createElement('p');
        note.className = 'all-hidden';
        surface.append(note);
      }
      note.textContent = message(words.allHidden, this.effectiveLocale);
    }
  }

  private allHidden(result: SeriesResult): boolean {
    return result.series.length > 0 && result.series.every((series) => this.hiddenSeries.has(series.area));
  }

  /**
   * The cells with their means, also when nothing is drawn (the table view): a zero-size render
   * into a detached node, which lays out nothing but aggregates the same way.
   */
  private cellInputs(result: SeriesResult): readonly unknown[] {
    return [result, this.layout, this.effectiveLocale, this.effectiveTimeZone, this.maxYears, this.hiddenSeries, this.noBands, this.scale, this.info];
  }

  private cells(result: SeriesResult): HeatmapCell[] {
    const inputs = this.cellInputs(result);
    if (this.marks && this.marksFrom?.every((input, i) => input === inputs[i])) return this.marks.cells;
    if (!this.cellCache || !this.cellCache.inputs.every((input, i) => input === inputs[i])) {
      const scratch = this.ownerDocument.createElement('div');
      const palette = { series: [], text: '', muted: '', grid: '', surface: '', target: '', signal: '', annotation: '', bands: {}, lineWidth: 1, fontSize: 11 };
      this.cellCache = { inputs, marks: renderHeatmap(scratch, this.input(result), { ...this.options(palette), colors: [] }, { width: 0, height: 0 }) };
    }
    return this.cellCache.marks.cells;
  }

  private unitOf(result: SeriesResult): string {
    return localize(result.unit.label, this.effectiveLocale);
  }

  private decimals(): number {
    return this.info?.decimals ?? 1;
  }

  private chartSummary(result: SeriesResult): string {
    const locale = this.effectiveLocale;
    const title = `${this.shell.title(result)} (${message(this.layout === 'hour-weekday' ? words.hourWeekday : words.calendar, locale)})`;
    if (this.allHidden(result)) return `${title}: ${message(words.allHidden, locale)}`;
    const filled = this.cells(result).filter((cell) => cell.count > 0 && Number.isFinite(cell.value));
    if (filled.length === 0) return `${title}: ${message(words.noData, locale)}.`;
    let high = filled[0] as HeatmapCell;
    let low = high;
    let sum = 0;
    for (const cell of filled) {
      if (cell.value > high.value) high = cell;
      if (cell.value < low.value) low = cell;
      sum += cell.value;
    }
    const unit = this.unitOf(result);
    const value = (x: number) => `${formatValue(x, locale, this.decimals())}${unit ? ` ${unit}` : ''}`;
    const count = message(this.layout === 'hour-weekday' ? words.hoursWithData : words.daysWithData, locale, { n: filled.length });
    // With bands, how many cells fell in each: what a leader asks of an AQI calendar first.
    const perBand = new Map<string, number>();
    for (const cell of filled) if (cell.band) perBand.set(cell.band, (perBand.get(cell.band) ?? 0) + 1);
    const cellWord = message(this.layout === 'hour-weekday' ? words.hoursWord : words.daysWord, locale);
    const bands = perBand.size > 0 ? `; ${[...perBand].map(([band, n]) => `${band} ${n} ${cellWord}`).join(', ')}` : '';
    return `${title}: ${count}; ${message(words.highest, locale)} ${value(high.value)} (${high.label}), ${message(words.lowest, locale)} ${value(low.value)} (${low.label}), ${message(words.mean, locale)} ${value(sum / filled.length)}${bands}.`;
  }

  private chartTable(result: SeriesResult): DataTable {
    const locale = this.effectiveLocale;
    const unit = this.unitOf(result);
    const caption = `${this.shell.title(result)}${unit ? ` (${unit})` : ''}`;
    const cells = this.cells(result);
    const value = (x: number) => formatValue(x, locale, this.decimals());
    if (this.layout === 'hour-weekday') {
      const rows = weekdayNames(locale, 'long').map((name, row) => [name, ...cells.filter((cell) => cell.row === row).map((cell) => value(cell.value))]);
      return {
        caption,
        columns: [{ key: 'weekday', label: message(words.weekday, locale), numeric: false }, ...Array.from({ length: 24 }, (_, hour) => ({ key: `h${hour}`, label: `${String(hour).padStart(2, '0')}h`, numeric: true }))],
        rows,
        total: rows.length,
        truncated: false,
      };
    }
    const withBands = cells.some((cell) => cell.band !== undefined);
    const all = cells.filter((cell) => cell.count > 0).map((cell) => (withBands ? [cell.label, value(cell.value), cell.band ?? ''] : [cell.label, value(cell.value)]));
    const rows = all.slice(-500);
    return {
      caption,
      columns: [
        { key: 'date', label: message(words.date, locale), numeric: false },
        { key: 'value', label: message(words.value, locale), numeric: true },
        ...(withBands ? [{ key: 'band', label: message(words.band, locale), numeric: false }] : []),
      ],
      rows,
      total: all.length,
      truncated: rows.length < all.length,
    };
  }

  /** Cells the keyboard visits: those with data, in time order for the calendar. */
  private navigable(): HeatmapCell[] {
    return this.marks?.cells.filter((cell) => cell.count > 0) ?? [];
  }

  private navPoint(result: SeriesResult, index: number): NavPoint | undefined {
    const cell = this.navigable()[index];
    if (!cell) return undefined;
    return { label: heatmapCellText(cell, this.effectiveLocale, this.decimals(), this.unitOf(result)), x: cell.x + cell.size / 2, y: cell.y + cell.size / 2 };
  }

  /**
   * Arrow keys move in two dimensions, as the eye reads the grid: in the calendar ←/→ go a
   * week back or on and ↑/↓ a day; in hour × weekday ←/→ go an hour and ↑/↓ a weekday. Cells
   * without data are skipped in the same direction.
   */
  private handleGridKey(event: KeyboardEvent): boolean {
    const steps: Readonly<Record<string, [number, number]>> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    const step = steps[event.key];
    const cells = this.navigable();
    const current = cells[this.nav.active];
    if (!step || !current || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return false;
    const [rows, columns] = step;
    const index = new Map(cells.map((cell, i) => [this.layout === 'hour-weekday' ? cell.key : cell.t, i]));
    for (let k = 1; k <= 400; k++) {
      let target: number | undefined;
      if (this.layout === 'hour-weekday') {
        const row = current.row + rows * k;
        const column = current.column + columns * k;
        if (row < 0 || row > 6 || column < 0 || column > 23) break;
        target = index.get(`${row}-${column}`);
      } else {
        // Vietnam has no daylight saving: days are exactly 24 hours apart.
        const t = current.t + (rows + columns * 7) * k * 86_400_000;
        if (t < (cells[0]?.t ?? 0) || t > (cells[cells.length - 1]?.t ?? 0)) break;
        target = index.get(t);
      }
      if (target !== undefined) {
        this.nav.focus(target);
        return true;
      }
    }
    // Nothing further that way: stay, and say so by announcing the cell again.
    this.nav.focus(this.nav.active);
    return true;
  }

  private keyboardHelp(): string {
    return message(this.layout === 'hour-weekday' ? words.hourGridHelp : words.calendarGridHelp, this.effectiveLocale);
  }
}

defineChartElement('ioc-heatmap', IocHeatmap);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-heatmap': IocHeatmap;
  }
}
