import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { localize, type Area, type DataSource } from '@ioc-kit/data';
import { lookUpArea } from '../internal/area-lookup.js';
import { IocElement, baseStyles, defineElement } from '../internal/base-element.js';
import { IocAreaSelectEvent } from '../internal/events.js';
import { message } from '../internal/messages.js';
import { ThemeController } from '../internal/theme-controller.js';
import * as words from '../internal/words.js';
import { breadcrumbStyles } from './breadcrumb.styles.js';

/** How many levels up a chain is followed (province › district › commune, and a margin). */
const MAX_DEPTH = 6;

/**
 * @tag ioc-breadcrumb
 * @summary Where the page is: province › (district) › commune, from the provider's selected area
 * and the source's area names and parents. Each crumb above the current one is a button that goes
 * back up to it (an `ioc-area-select`, which the provider makes the page's area); Backspace or
 * Escape anywhere inside the provider goes up one level too.
 *
 * @csspart base - The `nav` landmark.
 * @csspart crumb - One crumb (a button, or the current area's text).
 *
 * @cssproperty --ioc-breadcrumb-font-size - Text size. Defaults to `--ioc-sys-widget-text-size`.
 * @cssproperty --ioc-breadcrumb-link-color - Colour of the crumbs that go up. Defaults to `--ioc-sys-color-focus`.
 *
 * @fires ioc-area-select - A crumb above the current area was chosen (`event.area`: code, name, level).
 */
export class IocBreadcrumb extends IocElement {
  static override styles = [baseStyles, breadcrumbStyles];

  /** The chain from the top area down to the current one, once looked up. */
  @state() private chain: readonly Area[] = [];
  @state() private looking = false;
  private chainKey?: { source: DataSource | undefined; area: string | undefined };

  constructor() {
    super();
    new ThemeController(this);
  }

  /** `pending` while the areas are looked up, `ready` with a chain, `idle` without an area. Reflected to `state`. */
  get state(): 'pending' | 'ready' | 'idle' {
    if (this.looking) return 'pending';
    return this.effectiveArea ? 'ready' : 'idle';
  }

  protected override willUpdate(): void {
    const source = this.context?.source;
    const area = this.effectiveArea;
    if (this.chainKey && this.chainKey.source === source && this.chainKey.area === area) return;
    const key = { source, area };
    this.chainKey = key;
    if (!source || !area) {
      this.chain = [];
      return;
    }
    this.looking = true;
    void findChain(source, area).then((chain) => {
      if (this.chainKey !== key) return;
      this.chain = chain;
      this.looking = false;
    });
  }

  protected override updated(): void {
    if (this.getAttribute('state') !== this.state) this.setAttribute('state', this.state);
  }

  private goTo(area: Area): void {
    const locale = this.effectiveLocale;
    this.dispatchEvent(new IocAreaSelectEvent({ code: area.code, name: localize(area.name, locale) || area.code, level: area.level }));
  }

  protected override render() {
    const locale = this.effectiveLocale;
    const code = this.effectiveArea;
    // Until the source names them, the current code stands alone.
    const chain = this.chain.length > 0 ? this.chain : code ? [{ code, level: 'province', name: { vi: code } } as Area] : [];
    if (chain.length === 0) return nothing;
    const last = chain.length - 1;
    return html`<nav part="base" aria-label=${message(words.breadcrumb, locale)}>
      <ol>
        ${chain.map((area, index) => {
          const name = localize(area.name, locale) || area.code;
          return html`<li>
            ${index > 0 ? html`<span class="separator" aria-hidden="true">›</span>` : nothing}
            ${index === last
              ? html`<span part="crumb" aria-current="location">${name}</span>`
              : html`<button type="button" part="crumb" title=${message(words.goUpTo, locale, { area: name })} @click=${() => this.goTo(area)}>${name}</button>`}
          </li>`;
        })}
      </ol>
    </nav>`;
  }
}

/** The area and its parents, the top first; stops at an unknown area or a loop. */
async function findChain(source: DataSource, code: string): Promise<Area[]> {
  const chain: Area[] = [];
  const seen = new Set<string>();
  let next: string | undefined = code;
  while (next && !seen.has(next) && chain.length < MAX_DEPTH) {
    seen.add(next);
    const area = await lookUpArea(source, next);
    if (!area) break;
    chain.unshift(area);
    next = area.parent;
  }
  return chain;
}

defineElement('ioc-breadcrumb', IocBreadcrumb);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-breadcrumb': IocBreadcrumb;
  }
}
