import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  bandFor,
  localize,
  type AreaLevel,
  type Band,
  type ByAreaQuery,
  type ByAreaResult,
  type Indicator,
  type IocDataError,
  type SeriesQuery,
  type SeriesResult,
  type TimeGrain,
} from '@ioc-kit/data';
import { renderSparkline, toFloat64 } from '@ioc-kit/charts';
import { OwnAreaController } from '../internal/area-lookup.js';
import { AreaNamesController } from '../internal/area-names-controller.js';
import { IocElement, baseStyles, defineElement } from '../internal/base-element.js';
import { DefaultPeriod, checkByAreaResult, checkSeriesResult, splitCodes } from '../internal/chart-support.js';
import { cssVars } from '../internal/css-vars.js';
import { DataController, missing, type DataState } from '../internal/data-controller.js';
import { IocAreaSelectEvent, IocExportEvent } from '../internal/events.js';
import { formatNumber } from '../internal/format.js';
import { IndicatorController } from '../internal/indicator-controller.js';
import { message } from '../internal/messages.js';
import { WidgetSetupError, renderStatus } from '../internal/status.js';
import { areaProblem } from '../internal/status-controller.js';
import { ThemeController, readThemePalette } from '../internal/theme-controller.js';
import * as words from '../internal/words.js';
import { areaTableStyles } from './area-table.styles.js';

/** How many indicator columns one table takes (each is one by-area and one series query). */
export const MAX_TABLE_INDICATORS = 8;
const LEVEL_DEPTH: Readonly<Record<AreaLevel, number>> = { province: 0, district: 1, commune: 2 };
/** How many periods of `grain` the trend line of a cell shows. */
const TREND_PERIODS = 14;

/** One column of the table: the area's name, or an indicator's latest value. */
interface Column {
  key: string;
  label: string;
  numeric: boolean;
  /** For an indicator column: its index among the indicators. */
  index?: number;
}

/** One area's row: its name and, per indicator, the latest value and its band. */
export interface AreaTableRow {
  code: string;
  name: string;
  values: (number | null)[];
  bands: (Band | undefined)[];
}

export type SortDirection = 'ascending' | 'descending';

/**
 * @tag ioc-area-table
 * @summary One row per area under an area (the province's communes), one column per indicator
 * with its latest value in the locale's format, the band it falls in (colour and word) and a
 * sparkline of its recent trend; sortable by any column (Vietnamese names in Vietnamese
 * alphabetical order), a keyboard grid, and a CSV export of what it shows.
 *
 * Enter (or a click) on a row fires `ioc-area-select`, which an `<ioc-provider>` above makes the
 * page's area; the table then keeps listing the same level and marks the selected row.
 *
 * @csspart base - The frame around everything.
 * @csspart header - The title.
 * @csspart export - The "Export CSV" button.
 * @csspart table - The table (`role="grid"`).
 * @csspart band - A value's band: a colour dot and the band's name.
 * @csspart trend - A cell's sparkline of the recent trend.
 * @csspart status - Loading, empty and error messages.
 *
 * @cssproperty --ioc-area-table-surface - Background. Defaults to `--ioc-sys-color-surface`.
 * @cssproperty --ioc-area-table-header-surface - Background of the sticky header row. Defaults to `--ioc-sys-color-surface-raised`.
 * @cssproperty --ioc-area-table-border-color - Border and row rules. Defaults to `--ioc-sys-color-outline`.
 * @cssproperty --ioc-area-table-radius - Corner radius. Defaults to `--ioc-sys-radius`.
 * @cssproperty --ioc-area-table-padding - Inner padding. Defaults to `--ioc-sys-space-3`.
 * @cssproperty --ioc-area-table-max-height - Height the table scrolls in under its sticky header. Defaults to 28rem.
 *
 * @fires ioc-data - New data arrived for one indicator (`event.result`: its by-area values or its trend series).
 * @fires ioc-error - Data could not be loaded or was invalid (`event.error`); last good data stays.
 * @fires ioc-area-select - A row was chosen (Enter or click; `event.area`: code, name, level).
 * @fires ioc-export - Before the CSV downloads (`event.file.text`, with its BOM); cancel it to keep the text and skip the download.
 */
export class IocAreaTable extends IocElement {
  static override styles = [baseStyles, areaTableStyles];

  /** Indicator ids, separated by commas (or spaces), e.g. `environment.aqi,environment.pm25`; at most 8. */
  @property({ reflect: true }) indicators?: string;

  /** The level of the areas listed, one per row (`commune` by default). */
  @property({ reflect: true }) level: AreaLevel = 'commune';

  /** Time grain of the latest values (default: the source's) and of the trend lines (default `day`). */
  @property({ reflect: true }) grain?: TimeGrain;

  /** The period that holds this date (ISO); default: the provider's selection (the end of a brushed time range, else a selected period), else the latest. */
  @property({ reflect: true }) at?: string;

  /** Title above the table; default "Bảng chỉ tiêu theo khu vực" / "Indicators by area". */
  @property() label?: string;

  /** No sparklines: one query per indicator instead of two. */
  @property({ type: Boolean, attribute: 'no-trend', reflect: true }) noTrend = false;

  /** The column the rows are sorted by: `area` (default) or an indicator id. */
  @property({ attribute: 'sort-by', reflect: true }) sortBy = 'area';

  /** `ascending` (default) or `descending`. */
  @property({ attribute: 'sort-direction', reflect: true }) sortDirection: SortDirection = 'ascending';

  /** Data given directly, bypassing any source: one `by-area` result per indicator. */
  @property({ attribute: false }) data?: readonly ByAreaResult[];

  /** Trend series given directly (one `series` result per indicator), with `data`. */
  @property({ attribute: false }) trends?: readonly SeriesResult[];

  /** Names to show for area codes; default: the source's names, else the code. */
  @property({ attribute: false }) areaLabels: Readonly<Record<string, string>> = {};

  /** The grid cell that takes focus (row 0 is the header row). */
  @state() private cursor = { row: 0, col: 0 };
  @state() private announcement = '';

  private readonly own = new OwnAreaController(this, { source: () => this.context?.source, code: () => this.effectiveArea });
  private readonly indicatorInfo = new IndicatorController(this, () => this.context);
  private readonly periods = Array.from({ length: MAX_TABLE_INDICATORS }, () => new DefaultPeriod());
  private readonly values: DataController<ByAreaQuery>[] = Array.from(
    { length: MAX_TABLE_INDICATORS },
    (_, index) =>
      new DataController<ByAreaQuery>(this, {
        source: () => this.context?.source,
        sourceError: () => this.context?.sourceError,
        query: () => this.valueQuery(index),
        // The first column reports why nothing can load (once); the others are simply idle.
        blocked: () => (index === 0 ? this.queryBlocked() : undefined),
        data: () => this.directValue(index),
        isEmpty: (result) => !result.rows.some((row) => typeof row.value === 'number' && Number.isFinite(row.value)),
        validate: checkByAreaResult,
        refreshMs: () => this.refresh * 1000,
      }),
  );
  private readonly trendLoaders: DataController<SeriesQuery>[] = Array.from(
    { length: MAX_TABLE_INDICATORS },
    (_, index) =>
      new DataController<SeriesQuery>(this, {
        source: () => this.context?.source,
        query: () => this.trendQuery(index),
        data: () => this.directTrend(index),
        isEmpty: (result) => result.series.length === 0,
        validate: checkSeriesResult,
        refreshMs: () => this.refresh * 1000,
      }),
  );
  private readonly names = new AreaNamesController(this, {
    result: () => this.values.find((loader) => loader.value)?.value,
    source: () => this.context?.source,
    fallback: () => {
      const parent = this.parentArea();
      return { level: this.level, ...(parent ? { parent } : {}) };
    },
  });
  /** What each sparkline element was last drawn from, so a re-render only redraws what changed. */
  private readonly drawn = new WeakMap<Element, string>();
  private readonly resultIds = new WeakMap<object, number>();
  private nextResultId = 1;

  constructor() {
    super();
    new ThemeController(this);
  }

  // ---- queries --------------------------------------------------------------------------

  /** The indicator ids, in column order (from the attribute, else from direct data). */
  get indicatorIds(): string[] {
    const listed = splitCodes(this.indicators);
    if (listed.length > 0) return [...new Set(listed)];
    return this.data ? this.data.map((result) => result?.indicator).filter((id): id is ByAreaResult['indicator'] => typeof id === 'string') : [];
  }

  /** The area whose units are listed: the widget's area, or its parent when it is itself at the listed level (a selected commune). */
  private parentArea(): string | undefined {
    const area = this.effectiveArea;
    const own = this.own.area;
    if (own && LEVEL_DEPTH[own.level] >= LEVEL_DEPTH[this.level]) return own.parent;
    return area;
  }

  /** The area to mark as selected: the widget's area when it is one of the rows. */
  private get selectedArea(): string | undefined {
    const own = this.own.area;
    return own && own.level === this.level ? own.code : undefined;
  }

  private queryBlocked(): IocDataError | 'waiting' | undefined {
    if (this.setupError()) return undefined;
    return this.own.pending ? 'waiting' : areaProblem(this.localName, this.effectiveArea, this.context);
  }

  private setupError(): IocDataError | undefined {
    if (this.data) return undefined;
    const ids = this.indicatorIds;
    if (ids.length === 0) return missing('an indicators attribute, e.g. indicators="environment.aqi,environment.pm25"', 'ioc-area-table');
    if (ids.length > MAX_TABLE_INDICATORS) return new WidgetSetupError(
        { vi: message(words.tooManyIndicators, 'vi', { n: MAX_TABLE_INDICATORS }), en: message(words.tooManyIndicators, 'en', { n: MAX_TABLE_INDICATORS }) },
        `<ioc-area-table> shows at most ${MAX_TABLE_INDICATORS} indicators; ${ids.length} were given.`);
    return undefined;
  }

  private valueQuery(index: number): ByAreaQuery | undefined {
    const indicator = this.indicatorIds[index];
    if (!indicator || this.setupError() || !this.effectiveArea || this.own.pending) return undefined;
    const parent = this.parentArea();
    const at = this.at ?? this.selectedAt ?? this.pinnedAt;
    return { kind: 'by-area', indicator: indicator as ByAreaQuery['indicator'], level: this.level, ...(parent ? { parent } : {}), ...(this.grain ? { grain: this.grain } : {}), ...(at ? { at } : {}) };
  }

  private trendQuery(index: number): SeriesQuery | undefined {
    if (this.noTrend) return undefined;
    const values = this.values[index]?.value;
    if (!values || this.data || !this.valueQuery(index)) return undefined;
    const areas = values.rows.map((row) => row.area).sort();
    if (areas.length === 0) return undefined;
    const grain = this.grain ?? 'day';
    const { from, to } = this.periods[index]!.get(grain, TREND_PERIODS, this.now);
    return { kind: 'series', indicator: values.indicator, areas, grain, from, to };
  }

  private directValue(index: number): ByAreaResult | undefined {
    if (!this.data) return undefined;
    const id = this.indicatorIds[index];
    return id ? this.data.find((result) => result?.indicator === id) : undefined;
  }

  private directTrend(index: number): SeriesResult | undefined {
    if (!this.trends || this.noTrend) return undefined;
    const id = this.indicatorIds[index];
    return id ? this.trends.find((result) => result?.indicator === id) : undefined;
  }

  /** The loaders of the columns in use. */
  private get active(): DataController<ByAreaQuery>[] {
    return this.values.slice(0, Math.min(this.indicatorIds.length, MAX_TABLE_INDICATORS));
  }

  // ---- state ----------------------------------------------------------------------------

  /**
   * What the table shows now: `pending`, `ready`, `empty`, `stale`, `error` or `idle`, over all
   * its columns: `error` only when no column has data, `stale` when some column's data is old
   * or failed to refresh. Reflected to the `state` attribute.
   */
  get state(): DataState {
    if (this.setupError()) return 'error';
    const states = this.active.map((loader) => loader.state);
    if (states.length === 0) return 'idle';
    const hasData = this.active.some((loader) => loader.value !== undefined);
    if (states.some((s) => s === 'error' || s === 'stale')) return hasData ? 'stale' : states.some((s) => s === 'pending') ? 'pending' : 'error';
    // Ready means drawn: every column's values and sparklines are in (a screenshot, a test or a
    // leader sees the whole table, not the first column that answered).
    const trendsPending = !this.noTrend && this.context?.source !== undefined && this.trendLoaders.slice(0, states.length).some((loader, index) => loader.state === 'pending' && this.trendQuery(index) !== undefined);
    if (states.some((s) => s === 'pending') || trendsPending) return 'pending';
    if (states.every((s) => s === 'empty')) return 'empty';
    if (states.every((s) => s === 'idle')) return 'idle';
    return 'ready';
  }

  private get error(): IocDataError | undefined {
    return this.setupError() ?? this.active.map((loader) => loader.error).find((error) => error !== undefined);
  }

  // ---- model ----------------------------------------------------------------------------

  private info(index: number): Indicator | undefined {
    return this.indicatorInfo.info(this.values[index]?.value?.indicator ?? this.indicatorIds[index]);
  }

  private columns(): Column[] {
    const locale = this.effectiveLocale;
    return [
      { key: 'area', label: message(words.area, locale), numeric: false },
      ...this.indicatorIds.slice(0, MAX_TABLE_INDICATORS).map((id, index) => {
        const info = this.info(index);
        const unit = localize(this.values[index]?.value?.unit.label ?? info?.unit.label, locale);
        const name = info ? localize(info.name, locale) : id;
        return { key: id, label: unit ? `${name} (${unit})` : name, numeric: true, index };
      }),
    ];
  }

  /** The rows as shown: one per area in any column's result, sorted by the sort column. */
  get rows(): AreaTableRow[] {
    const locale = this.effectiveLocale;
    const active = this.active;
    const codes: string[] = [];
    const seen = new Set<string>();
    const byArea = active.map((loader) => {
      const map = new Map<string, number | null>();
      for (const row of loader.value?.rows ?? []) {
        if (typeof row?.area !== 'string') continue;
        map.set(row.area, typeof row.value === 'number' && Number.isFinite(row.value) ? row.value : null);
        if (!seen.has(row.area)) {
          seen.add(row.area);
          codes.push(row.area);
        }
      }
      return map;
    });
    const infos = active.map((_, index) => this.info(index));
    const rows = codes.map((code) => {
      const values = byArea.map((map) => map.get(code) ?? null);
      return {
        code,
        name: this.names.nameOf(code, locale, this.areaLabels),
        values,
        bands: values.map((value, index) => {
          const info = infos[index];
          return info && value !== null ? bandFor(info, value) : undefined;
        }),
      };
    });
    return sortRows(rows, this.sortColumnIndex(), this.sortDirection, locale);
  }

  /** -1 for the area column, else the indicator's index. */
  private sortColumnIndex(): number {
    const index = this.indicatorIds.indexOf(this.sortBy);
    return index >= 0 && index < MAX_TABLE_INDICATORS ? index : -1;
  }

  private decimals(index: number): number {
    return this.info(index)?.decimals ?? 0;
  }

  // ---- export ---------------------------------------------------------------------------

  /**
   * The table as shown, as CSV (RFC 4180: commas, every field quoted, CRLF lines), starting
   * with a UTF-8 byte order mark so Excel reads Vietnamese names right. Text that a spreadsheet
   * would run as a formula (`=`, `+`, `-`, `@` first) is kept as text with a leading `'`.
   */
  toCsv(): string {
    const locale = this.effectiveLocale;
    const columns = this.columns();
    const header: string[] = [];
    for (const column of columns) {
      header.push(asText(column.label));
      if (column.index !== undefined && this.info(column.index)?.bands?.length) header.push(asText(`${column.label} – ${message(words.band, locale)}`));
    }
    const lines = [header];
    for (const row of this.rows) {
      const line = [asText(row.name)];
      row.values.forEach((value, index) => {
        line.push(formatNumber(value, locale, this.decimals(index)));
        if (this.info(index)?.bands?.length) line.push(asText(row.bands[index] ? localize(row.bands[index].label, locale) : ''));
      });
      lines.push(line);
    }
    return `\uFEFF${lines.map((line) => line.map(quote).join(',')).join('\r\n')}\r\n`;
  }

  /** Fires `ioc-export` with the CSV and, unless the host cancels it, downloads the file. */
  exportCsv(): void {
    const day = new Date(this.now).toISOString().slice(0, 10);
    const file = { text: this.toCsv(), filename: `ioc-area-table-${this.parentArea() ?? 'all'}-${day}.csv`, mime: 'text/csv;charset=utf-8' };
    const event = new IocExportEvent(file);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    const view = this.ownerDocument.defaultView;
    if (!view) return;
    const url = view.URL.createObjectURL(new Blob([file.text], { type: file.mime }));
    const link = this.ownerDocument.createElement('a');
    link.href = url;
    link.download = file.filename;
    link.click();
    view.setTimeout(() => view.URL.revokeObjectURL(url), 10_000);
  }

  // ---- interaction ----------------------------------------------------------------------

  /** Sorts by `key` (`area` or an indicator id): again on the same column reverses the order. */
  sort(key: string, direction?: SortDirection): void {
    const next = direction ?? (this.sortBy === key ? (this.sortDirection === 'ascending' ? 'descending' : 'ascending') : key === 'area' ? 'ascending' : 'descending');
    this.sortBy = key;
    this.sortDirection = next;
    const column = this.columns().find((c) => c.key === key);
    this.announcement = message(next === 'ascending' ? words.sortedAscending : words.sortedDescending, this.effectiveLocale, { column: column?.label ?? key });
  }

  private selectRow(row: AreaTableRow): void {
    const level = this.names.area(row.code)?.level ?? this.values.find((loader) => loader.value)?.value?.level ?? this.level;
    this.dispatchEvent(new IocAreaSelectEvent({ code: row.code, name: row.name, level }));
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const rows = this.rows;
    const lastRow = rows.length;
    const lastCol = this.columns().length - 1;
    let { row, col } = this.cursor;
    switch (event.key) {
      case 'ArrowDown':
        row = Math.min(lastRow, row + 1);
        break;
      case 'ArrowUp':
        row = Math.max(0, row - 1);
        break;
      case 'ArrowRight':
        col = Math.min(lastCol, col + 1);
        break;
      case 'ArrowLeft':
        col = Math.max(0, col - 1);
        break;
      case 'PageDown':
        row = Math.min(lastRow, row + 10);
        break;
      case 'PageUp':
        row = Math.max(0, row - 10);
        break;
      case 'Home':
        col = 0;
        if (event.ctrlKey) row = 0;
        break;
      case 'End':
        col = lastCol;
        if (event.ctrlKey) row = lastRow;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (row === 0) {
          const column = this.columns()[col];
          if (column) this.sort(column.key);
        } else if (event.key === 'Enter') {
          const target = rows[row - 1];
          if (target) this.selectRow(target);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    this.moveTo(row, col);
  };

  private moveTo(row: number, col: number): void {
    this.cursor = { row, col };
    void this.updateComplete.then(() => this.cellAt(row, col)?.focus());
  }

  private cellAt(row: number, col: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
  }

  private readonly onFocusIn = (event: FocusEvent) => {
    const cell = (event.target as HTMLElement | null)?.closest?.('[data-row]');
    if (!(cell instanceof HTMLElement)) return;
    const row = Number(cell.dataset.row);
    const col = Number(cell.dataset.col);
    if (row !== this.cursor.row || col !== this.cursor.col) this.cursor = { row, col };
  };

  // ---- rendering ------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Keep the focusable cell inside the table when rows or columns go away.
    const maxRow = this.rows.length;
    const maxCol = this.columns().length - 1;
    if (this.cursor.row > maxRow || this.cursor.col > maxCol) this.cursor = { row: Math.min(this.cursor.row, maxRow), col: Math.min(this.cursor.col, Math.max(0, maxCol)) };
  }

  protected override render() {
    const locale = this.effectiveLocale;
    const state = this.state;
    const title = this.label ?? message(words.areaTableTitle, locale);
    const rows = state === 'ready' || state === 'stale' || state === 'empty' ? this.rows : [];
    const columns = this.columns();
    const loading = this.active.some((loader) => loader.loading);
    return html`<section part="base" role="group" aria-label=${title} aria-busy=${loading ? 'true' : 'false'}>
      <div class="top">
        <h3 part="header" id="title">${title}</h3>
        ${rows.length > 0 ? html`<button type="button" part="export" @click=${() => this.exportCsv()}>${message(words.exportCsv, locale)}</button>` : nothing}
      </div>
      ${rows.length > 0 ? this.renderTable(columns, rows) : nothing}
      <p id="help" class="visually-hidden">${message(words.areaTableHelp, locale)}</p>
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
      ${renderStatus({
        state,
        locale,
        timeZone: this.effectiveTimeZone,
        error: this.error,
        staleness: this.active.map((loader) => loader.staleness).find((stale) => stale !== undefined),
        onRetry: this.setupError() ? undefined : () => this.active.forEach((loader) => loader.refresh()),
      })}
    </section>`;
  }

  private renderTable(columns: Column[], rows: AreaTableRow[]) {
    const sortIndex = this.sortColumnIndex();
    const sortKey = sortIndex < 0 ? 'area' : this.indicatorIds[sortIndex];
    const { row: cursorRow, col: cursorCol } = this.cursor;
    const tab = (row: number, col: number) => (row === cursorRow && col === cursorCol ? 0 : -1);
    const selected = this.selectedArea;
    return html`<div class="scroller">
      <table part="table" role="grid" aria-labelledby="title" aria-describedby="help" aria-rowcount=${rows.length + 1} aria-colcount=${columns.length} @keydown=${this.onKeyDown} @focusin=${this.onFocusIn}>
        <thead>
          <tr role="row" aria-rowindex="1">
            ${columns.map((column, col) => {
              const sorted = column.key === sortKey ? this.sortDirection : undefined;
              return html`<th
                role="columnheader"
                scope="col"
                class=${column.numeric ? 'numeric' : ''}
                aria-sort=${sorted ?? 'none'}
                tabindex=${tab(0, col)}
                data-row="0"
                data-col=${col}
                @click=${() => {
                  this.cursor = { row: 0, col };
                  this.sort(column.key);
                }}
              >
                ${column.label}<span class="sort" aria-hidden="true">${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span>
              </th>`;
            })}
          </tr>
        </thead>
        <tbody>
          ${repeat(
            rows,
            (row) => row.code,
            (row, r) => html`<tr
              role="row"
              aria-rowindex=${r + 2}
              aria-selected=${row.code === selected ? 'true' : 'false'}
              data-code=${row.code}
              @click=${(event: Event) => {
                const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-col]');
                this.cursor = { row: r + 1, col: Number(cell?.dataset.col ?? 0) };
                this.selectRow(row);
              }}
            >
              <th role="rowheader" scope="row" tabindex=${tab(r + 1, 0)} data-row=${r + 1} data-col="0">${row.name}</th>
              ${row.values.map((value, index) => this.renderCell(row, value, index, r + 1, tab(r + 1, index + 1)))}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderCell(row: AreaTableRow, value: number | null, index: number, rowIndex: number, tabIndex: number) {
    const locale = this.effectiveLocale;
    const band = row.bands[index];
    const hasTrend = this.trendLoaders[index]?.value !== undefined;
    return html`<td role="gridcell" tabindex=${tabIndex} data-row=${rowIndex} data-col=${index + 1}>
      <span class="cell">
        ${hasTrend ? html`<span part="trend" aria-hidden="true" data-area=${row.code} data-index=${index}></span>` : nothing}
        <span class=${value === null ? 'value missing' : 'value'}>${formatNumber(value, locale, this.decimals(index))}</span>
        ${this.info(index)?.bands?.length
          ? html`<span part="band" ${cssVars({ '--_band-color': band ? `var(--ioc-sys-color-${band.token}, ${band.color ?? 'currentColor'})` : undefined })}>${band ? localize(band.label, locale) : ''}</span>`
          : nothing}
      </span>
    </td>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const state = this.state;
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
    this.drawTrends();
  }

  private resultId(result: object): number {
    let id = this.resultIds.get(result);
    if (id === undefined) {
      id = this.nextResultId++;
      this.resultIds.set(result, id);
    }
    return id;
  }

  /** Draws the sparklines whose data changed (a sort moves them with their rows, drawn). */
  private drawTrends(): void {
    const spans = this.renderRoot.querySelectorAll<HTMLElement>('[part="trend"]');
    if (spans.length === 0) return;
    let palette: ReturnType<typeof readThemePalette> | undefined;
    for (const span of spans) {
      const index = Number(span.dataset.index);
      const code = span.dataset.area ?? '';
      const result = this.trendLoaders[index]?.value;
      if (!result) continue;
      const width = span.clientWidth || 72;
      const height = span.clientHeight || 22;
      const key = `${this.resultId(result)}|${code}|${width}x${height}|${this.effectiveLocale}`;
      if (this.drawn.get(span) === key) continue;
      this.drawn.set(span, key);
      const series = result.series.find((s) => s.area === code);
      if (!series) {
        span.replaceChildren();
        continue;
      }
      palette ??= readThemePalette(this);
      renderSparkline(span, toFloat64(series.v), { palette, marks: false }, { width, height }, toFloat64(series.t));
    }
  }
}

/** Sorts rows by a column: area names in the locale's alphabetical order (Vietnamese: `Intl.Collator('vi')`), values numerically with missing ones last. */
export function sortRows(rows: AreaTableRow[], column: number, direction: SortDirection, locale: 'vi' | 'en'): AreaTableRow[] {
  const collator = new Intl.Collator(locale === 'vi' ? 'vi' : 'en', { numeric: true, sensitivity: 'base' });
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: AreaTableRow, b: AreaTableRow) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return [...rows].sort((a, b) => {
    if (column < 0) return sign * byName(a, b);
    const x = a.values[column] ?? null;
    const y = b.values[column] ?? null;
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** A text field that a spreadsheet would run as a formula stays text. */
function asText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: quoted, inner quotes doubled. */
function quote(field: string): string {
  return `"${field.replace(/"/g, '""')}"`;
}

defineElement('ioc-area-table', IocAreaTable);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-area-table': IocAreaTable;
  }
}
