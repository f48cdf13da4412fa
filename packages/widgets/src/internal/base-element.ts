import { LitElement, css } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Locale } from '@ioc-kit/data';
import { installThemes } from '@ioc-kit/themes';
import { iocContext, type IocContextValue } from './context.js';

/** Styles every widget shares: tokens only, nothing from the page leaks in. */
export const baseStyles = css`
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

  @consume({ context: iocContext, subscribe: true })
  protected context?: IocContextValue;

  /** The locale in force: own attribute, then provider, then Vietnamese. */
  protected get effectiveLocale(): Locale {
    const locale = this.locale ?? this.context?.locale;
    return locale === 'en' ? 'en' : 'vi';
  }

  /** Time zone for dates: own attribute, then provider, then Vietnam's. */
  protected get effectiveTimeZone(): string {
    return this.timeZone ?? this.context?.timeZone ?? 'Asia/Ho_Chi_Minh';
  }

  protected get effectiveArea(): string | undefined {
    return this.area ?? this.context?.area;
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
