import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localize, type Domain } from '@ioc-kit/data';
import { IocElement, baseStyles, defineElement } from '../internal/base-element.js';
import { message } from '../internal/messages.js';
import { ThemeController } from '../internal/theme-controller.js';
import * as words from '../internal/words.js';
import { BoardStateController, type BoardState } from './board-state.js';
import { DOMAIN_BOARDS, boardFor, type DomainBoardSpec } from './boards.js';
import { boardStyles, overviewBoardStyles } from './boards.styles.js';
import { filledSlots } from './domain-board.js';

/**
 * Fired when the user picks a domain on the overview board (click, tap, Enter or Space). Bubbles
 * and is composed: the page opens that domain's board (`<ioc-domain-board domain=...>`).
 */
export class IocDomainSelectEvent extends Event {
  static readonly eventName = 'ioc-domain-select';
  readonly domain: Domain;
  constructor(domain: Domain) {
    super(IocDomainSelectEvent.eventName, { bubbles: true, composed: true });
    this.domain = domain;
  }
}

/**
 * @tag ioc-overview-board
 * @summary The operations centre's front page: each domain's headline status (its first KPI
 * card with the recent trend, and the one-sentence summary of its insight, under the domain's
 * name) and the open alerts across every domain, laid out by the board's own width (container
 * queries), phone to operations wall.
 *
 * @slot header - The title and the breadcrumb.
 * @slot alerts - The open alerts across domains (`<ioc-alert-list status="open">`).
 *
 * @csspart board - The grid holding the regions.
 * @csspart header - The header region.
 * @csspart title - The board's title.
 * @csspart region - The domains and the alerts regions (also `domains`, `alerts`).
 * @csspart domain - One domain's tile (the whole tile picks the domain).
 * @csspart domain-button - The domain's name, a button.
 *
 * @cssproperty --ioc-board-gap - Space between regions and widgets. Defaults to `--ioc-sys-widget-gap`.
 * @cssproperty --ioc-board-padding - Padding around the board. Defaults to `0`.
 * @cssproperty --ioc-board-background - The board's background. Defaults to `transparent`.
 *
 * @fires ioc-domain-select - The user picked a domain (`event.domain`, an `IocDomainSelectEvent`).
 */
export class IocOverviewBoard extends IocElement {
  static override styles = [baseStyles, boardStyles, overviewBoardStyles];

  /** The domains shown, comma-separated (default: all six, in the catalogue's order). */
  @property({ reflect: true }) domains?: string;

  /** How many open alerts the list shows. */
  @property({ type: Number, reflect: true }) limit = 20;

  @state() private filled = new Set<string>();

  private readonly summary = new BoardStateController(this);

  constructor() {
    super();
    new ThemeController(this);
  }

  /** The board's state from its widgets' (see `<ioc-domain-board>`), reflected to `state`. */
  get state(): BoardState {
    return this.summary.state;
  }

  /** The boards shown: those named in `domains` that exist, else all six. */
  get boards(): DomainBoardSpec[] {
    const named = (this.domains ?? '')
      .split(',')
      .map((name) => boardFor(name.trim()))
      .filter((board): board is DomainBoardSpec => board !== undefined);
    return named.length ? named : [...DOMAIN_BOARDS];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.filled = filledSlots(this);
  }

  private readonly onSlotChange = (): void => {
    const next = filledSlots(this);
    if ([...next].join() !== [...this.filled].join()) this.filled = next;
  };

  private select(domain: Domain): void {
    this.dispatchEvent(new IocDomainSelectEvent(domain));
  }

  protected override render() {
    const locale = this.effectiveLocale;
    const title = message(words.overviewTitle, locale);
    const area = this.area || nothing;
    const loc = this.locale ?? nothing;
    const refresh = this.refresh || nothing;
    return html`
      <div part="board" class="board" role="region" aria-label=${title}>
        <header part="header">
          <slot name="header" @slotchange=${this.onSlotChange}>
            ${this.filled.has('header') ? nothing : html`<h2 part="title">${title}</h2><ioc-breadcrumb locale=${loc}></ioc-breadcrumb>`}
          </slot>
        </header>
        <section part="region domains" class="region domains" aria-label=${message(words.domainStatus, locale)}>
          ${this.boards.map((board) => {
            const name = localize(board.title, locale);
            const headline = board.kpis[0];
            // The whole tile picks the domain; the button is its keyboard (and screen reader) way in.
            return html`<section part="domain" data-domain=${board.domain} aria-label=${name} @click=${() => this.select(board.domain)}>
              <h3>
                <button part="domain-button" type="button" aria-label=${message(words.openBoard, locale, { name })}>
                  <span>${name}</span><span aria-hidden="true">›</span>
                </button>
              </h3>
              ${headline ? html`<ioc-kpi-card indicator=${headline} trend area=${area} locale=${loc} refresh=${refresh}></ioc-kpi-card>` : nothing}
              ${headline ? html`<ioc-insight indicator=${headline} brief area=${area} locale=${loc}></ioc-insight>` : nothing}
            </section>`;
          })}
        </section>
        <section part="region alerts" class="region alerts" aria-label=${message(words.openAlerts, locale)}>
          <slot name="alerts" @slotchange=${this.onSlotChange}>
            ${this.filled.has('alerts') ? nothing : html`<ioc-alert-list status="open" limit=${this.limit} area=${area} locale=${loc} refresh=${refresh}></ioc-alert-list>`}
          </slot>
        </section>
      </div>
    `;
  }
}

defineElement('ioc-overview-board', IocOverviewBoard);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-overview-board': IocOverviewBoard;
  }
  interface GlobalEventHandlersEventMap {
    'ioc-domain-select': IocDomainSelectEvent;
  }
}
