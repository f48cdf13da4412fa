import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { createSource, toDataError, type DataSource, type IocDataError, type Locale } from '@ioc-kit/data';
import { THEME_NAMES, installThemes, themeRules } from '@ioc-kit/themes';
import { iocContext, type IocContextValue } from '../internal/context.js';
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

  /** The area code widgets show by default (province `90`, commune `90001`, ...). */
  @property({ reflect: true }) area?: string;

  /** `vi` (default) or `en`. */
  @property({ reflect: true }) locale: Locale = 'vi';

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
  private resolving = 0;

  @provide({ context: iocContext })
  protected context: IocContextValue = { locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh' };

  override connectedCallback(): void {
    super.connectedCallback();
    installThemes(this.ownerDocument);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source')) this.resolveSource();
    this.context = {
      source: this.resolved,
      sourceError: this.sourceError,
      area: this.area,
      locale: this.locale === 'en' ? 'en' : 'vi',
      timeZone: this.timeZone,
    };
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



defineElement('ioc-provider', IocProvider);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-provider': IocProvider;
  }
}
