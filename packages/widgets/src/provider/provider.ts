import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { createSource, parseTime, toDataError, type AreaLevel, type DataSource, type Indicator, type IocDataError, type Locale } from '@ioc-kit/data';
import { THEME_NAMES, installThemes, themeRules } from '@ioc-kit/themes';
import { iocContext, type IocContextValue } from '../internal/context.js';
import { knownArea, lookUpArea, rememberAreas } from '../internal/area-lookup.js';
import { defineElement } from '../internal/base-element.js';
import { IocErrorEvent, IocSelectionChangeEvent, type IocAreaSelectEvent, type IocPeriodSelectEvent, type IocSelection, type SelectionCause } from '../internal/events.js';

/**
 * @tag ioc-provider
 * @summary Supplies a data source, an area and a locale to every ioc-kit widget inside it.
 *
 * It also holds the page's selection (area, level, period, time range): an `ioc-area-select`
 * from any widget inside (a map area, a ranking's bar, a table row, a breadcrumb) makes that area
 * the `area` every widget without its own `area` attribute shows, and an `ioc-period-select`
 * (brushing a time series) the period and range. Backspace or Escape anywhere inside (not in a
 * text field) goes back up one level after a drill-down. With `url-state` the selection lives in
 * the address (query string or hash), so a drilled-down view can be bookmarked, shared and
 * walked with back/forward.
 *
 * @slot - The widgets (and any other markup) that share this provider's settings.
 *
 * @fires ioc-error - When a named source cannot be created (unknown name, bad options).
 * @fires ioc-selection-change - The selection changed (`event.selection`, `event.cause`).
 */
export class IocProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    ${unsafeCSS(THEME_NAMES.map((name) => themeRules(`:host([theme='${name}'])`, name)).join('\n'))}
  `;

  /**
   * The data source: a registered name in markup (`demo`), or a `DataSource` object set as a property.
   */
  @property({ attribute: 'source' }) source?: string | DataSource;

  /**
   * The area code widgets show by default (province `90`, commune `90001`, ...). Unset: the
   * source's province, when its `areas({ level: 'province' })` lists exactly one.
   */
  @property({ reflect: true }) area?: string;

  /** `vi` (default) or `en`. */
  @property({ reflect: true }) locale: Locale = 'vi';

  /**
   * Pins "now" for every widget inside (ISO date-time, e.g. `2026-11-24T10:00:00+07:00`): their
   * default windows ("the last 30 days"), "today" and "same period last year" count from it.
   * Unset: the source's own clock when it has one (the demo's), else the wall clock.
   */
  @property({ reflect: true }) now?: string;

  /** IANA time zone dates and times are shown in; the province's, not the viewer's. */
  @property({ attribute: 'time-zone' }) timeZone = 'Asia/Ho_Chi_Minh';

  /**
   * Built-in theme for this subtree: `light`, `dark`, `wall`, `high-contrast` or `auto`
   * (follows the viewer's colour-scheme and contrast preferences); unset follows the page.
   * Works inside other shadow roots too.
   */
  @property({ reflect: true }) theme?: string;

  /**
   * Keep the selection in the page address under this key prefix (`url-state="left"` gives
   * `?left.area=90001&left.level=commune`), restored on load and on back/forward; several
   * providers on one page use different prefixes. `url-state=""` uses no prefix. Unset: off.
   */
  @property({ attribute: 'url-state', reflect: true }) urlState?: string;

  /** Where `url-state` keeps the selection: `query` (default, the query string) or `hash`. */
  @property({ attribute: 'url-mode', reflect: true }) urlMode: 'query' | 'hash' = 'query';

  /** The selection inside this provider; set by widgets' `ioc-area-select` / `ioc-period-select`, `select()` and the address. */
  @state() private chosen: IocSelection = {};

  @state() private resolved?: DataSource;
  @state() private sourceError?: IocDataError;
  @state() private indicators?: readonly Indicator[];
  private resolving = 0;
  /** The source whose indicator list is loaded or loading. */
  private listed?: DataSource;
  /** The source's only province, the default area; `pending` while it is being looked up. */
  @state() private topArea?: { source: DataSource; code?: string; pending: boolean };

  @provide({ context: iocContext })
  protected context: IocContextValue = { locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh' };

  constructor() {
    super();
    this.addEventListener('ioc-area-select', this.onAreaSelect);
    this.addEventListener('ioc-period-select', this.onPeriodSelect);
    this.addEventListener('keydown', this.onKeyDown);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installThemes(this.ownerDocument);
    const view = this.ownerDocument.defaultView;
    view?.addEventListener('popstate', this.onAddressChange);
    view?.addEventListener('hashchange', this.onAddressChange);
    if (this.urlState !== undefined) this.readAddress();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    const view = this.ownerDocument.defaultView;
    view?.removeEventListener('popstate', this.onAddressChange);
    view?.removeEventListener('hashchange', this.onAddressChange);
  }

  /** The selection in force: what the user picked, over the provider's `area`. */
  get selection(): IocSelection {
    const area = this.chosen.area ?? this.homeArea;
    const level = this.chosen.area ? this.chosen.level : area && this.resolved ? knownArea(this.resolved, area)?.level : undefined;
    return { ...(area ? { area } : {}), ...(level ? { level } : {}), ...(this.chosen.period ? { period: this.chosen.period } : {}), ...(this.chosen.range ? { range: this.chosen.range } : {}) };
  }

  /**
   * Changes the selection (fields left out stay; `undefined` clears one, `area: undefined` goes
   * back to the provider's own area) and fires `ioc-selection-change`.
   */
  select(change: Partial<IocSelection>, cause: SelectionCause = 'api'): void {
    const next: IocSelection = { ...this.chosen, ...change };
    if ('area' in change && !('level' in change)) next.level = change.area && this.resolved ? knownArea(this.resolved, change.area)?.level : undefined;
    // Back at the provider's own area: nothing is selected (and the address forgets it).
    if (next.area !== undefined && next.area === this.homeArea) next.area = next.level = undefined;
    for (const key of Object.keys(next) as (keyof IocSelection)[]) if (next[key] === undefined) delete next[key];
    if (sameSelection(next, this.chosen)) return;
    const areaChanged = next.area !== this.chosen.area;
    this.chosen = next;
    if (cause !== 'url') this.writeAddress(areaChanged);
    this.dispatchEvent(new IocSelectionChangeEvent(this.selection, cause));
  }

  /**
   * Goes up one level from the selected area (a commune to its district or province) after a
   * drill-down; resolves true when it moved. At the provider's own area it does nothing.
   */
  async up(): Promise<boolean> {
    const code = this.chosen.area;
    const source = this.resolved;
    if (!code || code === this.homeArea || !source) return false;
    const area = await lookUpArea(source, code);
    if (this.chosen.area !== code) return false;
    const parentCode = area?.parent;
    const parent = parentCode ? await lookUpArea(source, parentCode) : undefined;
    if (this.chosen.area !== code) return false;
    this.select({ area: parentCode && parentCode !== this.homeArea ? parentCode : undefined, level: parentCode && parentCode !== this.homeArea ? parent?.level : undefined }, 'up');
    return true;
  }

  /** The provider's area before any selection: its `area`, else the source's only province. */
  private get homeArea(): string | undefined {
    return this.area || (this.topArea?.source === this.resolved ? this.topArea?.code : undefined);
  }

  // A nested provider handles its widgets' events; the outer one leaves them to it.
  private static readonly handled = new WeakSet<Event>();

  private readonly onAreaSelect = (event: IocAreaSelectEvent): void => {
    if (IocProvider.handled.has(event) || typeof event.area?.code !== 'string' || event.area.code === '') return;
    IocProvider.handled.add(event);
    this.select({ area: event.area.code, level: event.area.level ?? (this.resolved ? knownArea(this.resolved, event.area.code)?.level : undefined) }, 'area-select');
  };

  private readonly onPeriodSelect = (event: IocPeriodSelectEvent): void => {
    if (IocProvider.handled.has(event) || typeof event.selection !== 'object' || event.selection === null) return;
    IocProvider.handled.add(event);
    const { period, range } = event.selection;
    const change: Partial<IocSelection> = { range: range && typeof range.from === 'string' && typeof range.to === 'string' ? { from: range.from, to: range.to } : undefined };
    if ('period' in event.selection) change.period = typeof period === 'string' && period !== '' ? period : undefined;
    this.select(change, 'period-select');
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if ((event.key !== 'Backspace' && event.key !== 'Escape') || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (IocProvider.handled.has(event) || isTextEntry(event.composedPath()[0])) return;
    if (!this.chosen.area || this.chosen.area === this.homeArea) return;
    IocProvider.handled.add(event);
    event.preventDefault();
    void this.up();
  };

  // ---- address ------------------------------------------------------------------------

  private key(name: string): string {
    return this.urlState ? `${this.urlState}.${name}` : name;
  }

  private params(): URLSearchParams {
    const location = this.ownerDocument.defaultView?.location;
    if (!location) return new URLSearchParams();
    return new URLSearchParams(this.urlMode === 'hash' ? location.hash.replace(/^#/, '') : location.search);
  }

  private readonly onAddressChange = (): void => {
    if (this.urlState !== undefined) this.readAddress();
  };

  /** Takes the selection from the address (on load, back/forward); what is not there is cleared. */
  private readAddress(): void {
    const params = this.params();
    const text = (name: string) => {
      const value = params.get(this.key(name));
      // An address is typed by anyone: only short plain codes and dates are taken from it.
      return value !== null && /^[\w.:+-]{1,40}$/.test(value) ? value : undefined;
    };
    const level = text('level');
    const from = text('from');
    const to = text('to');
    this.select(
      {
        area: text('area'),
        level: level && AREA_LEVELS.includes(level) ? (level as AreaLevel) : undefined,
        period: text('period'),
        range: from && to && Number.isFinite(parseTime(from)) && Number.isFinite(parseTime(to)) ? { from, to } : undefined,
      },
      'url',
    );
  }

  /** Writes the selection to the address: a new history entry for a new area, the same entry for a new range. */
  private writeAddress(push: boolean): void {
    const view = this.ownerDocument.defaultView;
    if (this.urlState === undefined || !view) return;
    const params = this.params();
    const values: Record<string, string | undefined> = {
      area: this.chosen.area,
      level: this.chosen.area ? this.chosen.level : undefined,
      period: this.chosen.period,
      from: this.chosen.range?.from,
      to: this.chosen.range?.to,
    };
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) params.delete(this.key(name));
      else params.set(this.key(name), value);
    }
    const query = params.toString();
    const url = new URL(view.location.href);
    if (this.urlMode === 'hash') url.hash = query;
    else url.search = query;
    if (url.href === view.location.href) return;
    if (push) view.history.pushState(view.history.state, '', url.href);
    else view.history.replaceState(view.history.state, '', url.href);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source')) this.resolveSource();
    if (this.resolved !== this.listed) this.listIndicators(this.resolved);
    if (!this.area && this.resolved && this.topArea?.source !== this.resolved) this.findTopArea(this.resolved);
    if (changed.has('area') && changed.get('area') !== undefined && this.chosen.area) this.chosen = { ...this.chosen, area: undefined, level: undefined };
    const selection = this.selection;
    const area = selection.area;
    // No area yet, but one may come: the named source is loading, or its areas are being listed.
    const areaPending = !area && ((this.source !== undefined && this.source !== '' && !this.resolved && !this.sourceError) || (this.topArea?.source === this.resolved && this.topArea?.pending === true));
    this.context = {
      source: this.resolved,
      sourceError: this.sourceError,
      indicators: this.indicators,
      area,
      ...(selection.level ? { level: selection.level } : {}),
      ...(selection.period ? { period: selection.period } : {}),
      ...(selection.range ? { range: selection.range } : {}),
      ...(this.homeArea ? { homeArea: this.homeArea } : {}),
      areaPending,
      ...(this.pinnedNow() !== undefined ? { now: this.pinnedNow() } : {}),
      locale: this.locale === 'en' ? 'en' : 'vi',
      timeZone: this.timeZone,
    };
  }

  /** The `now` attribute as epoch ms; a value that is not a date-time pins nothing (and says so once). */
  private pinnedNow(): number | undefined {
    if (this.now === undefined || this.now === '') return undefined;
    const time = parseTime(this.now);
    return Number.isFinite(time) ? time : undefined;
  }

  private resolveSource(): void {
    const source = this.source;
    const ticket = ++this.resolving;
    this.sourceError = undefined;
    if (source === undefined || source === '') {
      this.resolved = undefined;
      return;
    }
    if (typeof source !== 'string') {
      this.resolved = source;
      return;
    }
    this.resolved = undefined;
    createSource(source, this.sourceOptions()).then(
      (made) => {
        if (ticket === this.resolving) this.resolved = made;
      },
      (error: unknown) => {
        if (ticket !== this.resolving) return;
        this.sourceError = toDataError(error);
        this.dispatchEvent(new IocErrorEvent(this.sourceError));
      },
    );
  }

  // Once per source, for every widget inside: their names, units and bands come from the source.
  private listIndicators(source: DataSource | undefined): void {
    this.listed = source;
    this.indicators = undefined;
    if (!source) return;
    const keep = (list: readonly Indicator[]) => {
      if (this.listed === source) this.indicators = list;
    };
    // A source that cannot list them is no error for the widgets: they use the built-in catalogue.
    Promise.resolve()
      .then(() => source.indicators())
      .then((list) => keep(Array.isArray(list) ? list.filter(isIndicator) : []), () => keep([]));
  }

  /** Looks up the source's province for a provider without `area`: one province is the default; none or several leave it unset. */
  private findTopArea(source: DataSource): void {
    this.topArea = { source, pending: true };
    const settle = (code: string | undefined) => {
      if (this.topArea?.source === source) this.topArea = { source, code, pending: false };
    };
    Promise.resolve()
      .then(() => source.areas({ level: 'province' }))
      .then(
        (list) => {
          // The widgets inside will want to know their area's level: no second request for it.
          if (Array.isArray(list)) rememberAreas(source, list);
          const codes = Array.isArray(list) ? [...new Set(list.map((area) => (area as { code?: unknown } | null)?.code).filter((code): code is string => typeof code === 'string' && code !== ''))] : [];
          settle(codes.length === 1 ? codes[0] : undefined);
        },
        () => settle(undefined),
      );
  }

  /** `data-*` attributes become the named source's options (`data-seed="7"`, `data-url="..."`). */
  private sourceOptions(): Record<string, string> {
    const options: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.dataset)) if (value !== undefined) options[key] = value;
    return options;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}



const AREA_LEVELS: readonly string[] = ['province', 'district', 'commune'];

function sameSelection(a: IocSelection, b: IocSelection): boolean {
  return a.area === b.area && a.level === b.level && a.period === b.period && a.range?.from === b.range?.from && a.range?.to === b.range?.to;
}

/** Where Backspace and Escape belong to the field being typed in, not to the board. */
function isTextEntry(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'color', 'file', 'image'].includes(target.type);
}

// What the widgets read of an entry; a malformed one is skipped (the catalogue may know the id).
function isIndicator(value: unknown): value is Indicator {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, decimals, bands } = value as Record<string, unknown>;
  const text = (part: unknown) => typeof part === 'string' || (typeof part === 'object' && part !== null && typeof (part as { vi?: unknown }).vi === 'string');
  return typeof id === 'string' && text(name) && (decimals === undefined || Number.isInteger(decimals)) && (bands === undefined || Array.isArray(bands));
}

defineElement('ioc-provider', IocProvider);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-provider': IocProvider;
  }
}
