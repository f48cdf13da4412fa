import { LitElement, css } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { clockNow, type ConfigError, type Indicator, type Locale } from '@ioc-kit/data';
import { installThemes } from '@ioc-kit/themes';
import { iocContext, type IocContextValue } from './context.js';
import { catalogueIndicator, listedIndicator, loadCatalogue } from './indicator.js';
import { MissingSettingError, statusStyles } from './status.js';

/** Styles every widget shares: tokens only, nothing from the page leaks in. */
export const baseStyles = css`
  ${statusStyles}
  :host {
    box-sizing: border-box;
    font-family: var(--ioc-sys-font-family);
    color: var(--ioc-sys-color-on-surface);
    -webkit-font-smoothing: antialiased;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* Status lines and loading placeholders look the same in every widget. */
  [part='status'] {
    font-size: var(--ioc-sys-font-size-sm);
    color: var(--ioc-sys-color-on-surface-muted);
  }
  :host([state='error']) [part='status'],
  :host([state='stale']) [part='status'] {
    color: var(--ioc-sys-color-negative);
  }
  .skeleton {
    border-radius: var(--ioc-sys-space-1);
    background: var(--ioc-sys-color-surface-raised);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * The thin base of every ioc-kit widget: reads the nearest `<ioc-provider>` through
 * `@lit/context` and makes sure the theme tokens are defined in the document.
 */
export class IocElement extends LitElement {
  /** Language of the widget's text and number formats; defaults to the provider's, then `vi`. */
  @property({ reflect: true }) locale?: Locale;

  /** Area code this widget shows; defaults to the provider's area. */
  @property({ reflect: true }) area?: string;

  /**
   * Keep the data fresh every this many seconds (0: load once). Live sources push; others
   * are polled, never twice at once and not while the page is hidden.
   */
  @property({ type: Number, reflect: true }) refresh = 0;

  /** IANA time zone for dates and times; defaults to the provider's, then `Asia/Ho_Chi_Minh`. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  // Reactive too, so a chart redraws (bands, names) when the provider's indicator list arrives.
  @consume({ context: iocContext, subscribe: true })
  @state()
  protected context?: IocContextValue;

  /** Set once the built-in catalogue this widget asked for has loaded, to render again with it. */
  @state() private catalogueLoaded = false;

  /**
   * Name, unit, decimals, polarity and bands of an indicator: from the provider's source first
   * (a province may define indicators the built-in catalogue lacks), else from the built-in
   * catalogue, which loads on first need and re-renders the widget when it arrives.
   */
  /** Changes when the indicator metadata widgets read arrives (the provider's list, the catalogue): part of cache keys. */
  protected get indicatorsKey(): string {
    return `${this.context?.indicators?.length ?? -1}/${this.catalogueLoaded ? 1 : 0}`;
  }

  protected indicatorInfo(id: string | undefined): Indicator | undefined {
    if (!id) return undefined;
    const context = this.context;
    const listed = listedIndicator(context?.indicators, id);
    if (listed) return listed;
    // The provider's list is on its way: the context update renders again, no catalogue needed yet.
    if (context?.source && !context.indicators) return undefined;
    const known = catalogueIndicator(id);
    if (!known && !this.catalogueLoaded) {
      void loadCatalogue().then((loaded) => {
        if (loaded) this.catalogueLoaded = true;
      });
    }
    return known;
  }

  /** The locale in force: own attribute, then provider, then Vietnamese. */
  protected get effectiveLocale(): Locale {
    const locale = this.locale ?? this.context?.locale;
    return locale === 'en' ? 'en' : 'vi';
  }

  /** Time zone for dates: own attribute, then provider, then Vietnam's. */
  protected get effectiveTimeZone(): string {
    return this.timeZone ?? this.context?.timeZone ?? 'Asia/Ho_Chi_Minh';
  }

  /**
   * "Now" for this widget's relative windows (the last N periods, today, same period last year):
   * the provider's pinned `now`, else the source's own clock (the demo's), else the wall clock.
   * Every widget reads the time here, so a page, a story or a test pins it in one place.
   */
  protected get now(): number {
    return clockNow(this.context?.now, this.context?.source);
  }

  /**
   * The `at` of a "latest value" query (KPI, by-area) when the provider pins `now`: the period
   * holding that time, not the source's latest data. Undefined otherwise (the source decides).
   */
  protected get pinnedAt(): string | undefined {
    const pinned = this.context?.now;
    return pinned !== undefined && Number.isFinite(pinned) ? new Date(pinned).toISOString() : undefined;
  }

  protected get effectiveArea(): string | undefined {
    return this.area || this.context?.area;
  }

  /**
   * Why this widget has no area to ask for: `'waiting'` while the provider looks one up, else a
   * `ConfigError` that says how to give one; undefined when it has an area.
   */
  protected areaProblem(): ConfigError | 'waiting' | undefined {
    if (this.effectiveArea) return undefined;
    if (this.context?.areaPending) return 'waiting';
    return new MissingSettingError(
      'area',
      `<${this.localName}> has no area: set area="…" on it or on its <ioc-provider>${this.context?.source ? `; source "${this.context.source.id}" lists no single province to default to` : ''}.`,
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installThemes(this.ownerDocument);
  }
}

/** Registers a custom element once; a second copy of the library on the page is harmless. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
