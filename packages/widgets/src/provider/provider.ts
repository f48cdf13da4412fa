import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { createSource, parseTime, toDataError, type DataSource, type Indicator, type IocDataError, type Locale } from '@ioc-kit/data';
import { THEME_NAMES, installThemes, themeRules } from '@ioc-kit/themes';
import { iocContext, type IocContextValue } from '../internal/context.js';
import { rememberAreas } from '../internal/area-lookup.js';
import { defineElement } from '../internal/base-element.js';
import { IocErrorEvent } from '../internal/events.js';

/**
 * @tag ioc-provider
 * @summary Supplies a data source, an area and a locale to every ioc-kit widget inside it.
 *
 * @slot - The widgets (and any other markup) that share this provider's settings.
 *
 * @fires ioc-error - When a named source cannot be created (unknown name, bad options).
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

  override connectedCallback(): void {
    super.connectedCallback();
    installThemes(this.ownerDocument);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source')) this.resolveSource();
    if (this.resolved !== this.listed) this.listIndicators(this.resolved);
    if (!this.area && this.resolved && this.topArea?.source !== this.resolved) this.findTopArea(this.resolved);
    const area = this.area || (this.topArea?.source === this.resolved ? this.topArea?.code : undefined);
    // No area yet, but one may come: the named source is loading, or its areas are being listed.
    const areaPending = !area && ((this.source !== undefined && this.source !== '' && !this.resolved && !this.sourceError) || (this.topArea?.source === this.resolved && this.topArea?.pending === true));
    this.context = {
      source: this.resolved,
      sourceError: this.sourceError,
      indicators: this.indicators,
      area,
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
