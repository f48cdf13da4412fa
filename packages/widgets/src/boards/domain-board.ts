import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ConfigError, localize } from '@ioc-kit/data';
import { IocElement, baseStyles, defineElement } from '../internal/base-element.js';
import { IocErrorEvent } from '../internal/events.js';
import { message } from '../internal/messages.js';
import { ThemeController } from '../internal/theme-controller.js';
import * as words from '../internal/words.js';
import { BoardStateController, type BoardState } from './board-state.js';
import { boardFor, type DomainBoardSpec } from './boards.js';
import { boardStyles, domainBoardStyles } from './boards.styles.js';

/** The regions of a domain board, each a named slot. */
export const BOARD_REGIONS = ['header', 'kpis', 'map', 'trend', 'ranking', 'table', 'alerts'] as const;
export type BoardRegion = (typeof BOARD_REGIONS)[number];

/** The names of the slots a board's light-DOM children fill. */
export function filledSlots(host: Element): Set<string> {
  const names = new Set<string>();
  for (const child of host.children) {
    const slot = child.getAttribute('slot');
    if (slot) names.add(slot);
  }
  return names;
}

/**
 * @tag ioc-domain-board
 * @summary One smart-city domain's board: headline KPI cards, a map, the trend, a ranking of
 * areas, a table by area and the domain's alerts, laid out by the board's own width (container
 * queries) from a 360 px phone (one column) to a 3840 px operations wall (four columns).
 *
 * Every widget reads the nearest `<ioc-provider>` (source, area, locale, now), so selecting an
 * area on the map or in the ranking drills the whole board down. Each region is a named slot
 * whose default content is the domain's widget: slot your own element to replace one.
 *
 * @slot header - The title and the breadcrumb (`<ioc-breadcrumb>`).
 * @slot kpis - The headline KPI cards, each with its recent trend (sparkline and direction).
 * @slot map - The map (`<ioc-map>`) coloured by the domain's map indicator, by commune.
 * @slot trend - The trend chart (`<ioc-time-series>`).
 * @slot ranking - The ranking of communes (`<ioc-bar-chart>`), the worst first (see `ranking`).
 * @slot table - The table by area (`<ioc-area-table>`).
 * @slot alerts - The domain's alerts (`<ioc-alert-list>`).
 *
 * @csspart board - The grid holding the regions.
 * @csspart header - The header region.
 * @csspart title - The board's title.
 * @csspart region - Every region (also `kpis`, `map`, `trend`, `ranking`, `table`, `alerts`).
 * @csspart status - The message shown for a domain that is not one of the six.
 *
 * @cssproperty --ioc-board-gap - Space between regions and widgets. Defaults to `--ioc-sys-widget-gap`.
 * @cssproperty --ioc-board-padding - Padding around the board. Defaults to `0`.
 * @cssproperty --ioc-board-background - The board's background. Defaults to `transparent`.
 *
 * @fires ioc-error - The `domain` is not one of the six (`event.error`, a `ConfigError`).
 */
export class IocDomainBoard extends IocElement {
  static override styles = [baseStyles, boardStyles, domainBoardStyles];

  /** `economy`, `citizens`, `governance`, `mobility`, `environment` or `living`. */
  @property({ reflect: true }) domain?: string;

  /** The area level of the map, ranking and table. */
  @property({ reflect: true }) level = 'commune';

  /** How many areas the ranking shows. */
  @property({ type: Number, reflect: true }) top = 10;

  /**
   * Which end of the ranking the board shows: `worst` (default: the areas that need attention,
   * the worst first, e.g. the most polluted communes) or `best` (rank 1 first). Follows the
   * ranking indicator's polarity.
   */
  @property({ reflect: true }) ranking: 'worst' | 'best' = 'worst';

  /** Slots the page fills: their default widgets are not made (no wasted queries). */
  @state() private filled = new Set<string>();

  private readonly summary = new BoardStateController(this, () => (this.spec ? undefined : 'error'));
  private reported?: string;

  constructor() {
    super();
    new ThemeController(this);
  }

  /**
   * The board's state from its widgets': `pending` while any loads, `stale` when some failed or
   * show older data while the rest are live, `error` when all failed (or the domain is unknown),
   * `empty`, `ready`. Reflected to the `state` attribute.
   */
  get state(): BoardState {
    return this.summary.state;
  }

  /** The board table entry for `domain`. */
  get spec(): DomainBoardSpec | undefined {
    return boardFor(this.domain);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.filled = filledSlots(this);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('domain') && !this.spec && this.reported !== String(this.domain)) {
      this.reported = String(this.domain);
      const shown = String(this.domain ?? '').slice(0, 40);
      this.dispatchEvent(new IocErrorEvent(new ConfigError(`<ioc-domain-board> needs domain="economy|citizens|governance|mobility|environment|living", not "${shown}".`)));
    }
  }

  private readonly onSlotChange = (): void => {
    const next = filledSlots(this);
    if ([...next].join() !== [...this.filled].join()) this.filled = next;
  };

  private region(name: BoardRegion, label: string, fallback: () => TemplateResult): TemplateResult {
    return html`<section part="region ${name}" class="region ${name}" aria-label=${label}>
      <slot name=${name} @slotchange=${this.onSlotChange}>${this.filled.has(name) ? nothing : fallback()}</slot>
    </section>`;
  }

  protected override render() {
    const locale = this.effectiveLocale;
    const spec = this.spec;
    if (!spec) return html`<div part="status" role="alert">${message(words.unknownDomain, locale)}</div>`;
    const title = localize(spec.title, locale);
    // What the board itself was given (area, locale, refresh) its widgets get; else they follow the provider.
    const area = this.area || nothing;
    const loc = this.locale ?? nothing;
    const refresh = this.refresh || nothing;
    const level = this.level || 'commune';
    return html`
      <div part="board" class="board" role="region" aria-label=${title}>
        <header part="header">
          <slot name="header" @slotchange=${this.onSlotChange}>
            ${this.filled.has('header') ? nothing : html`<h2 part="title">${title}</h2><ioc-breadcrumb locale=${loc}></ioc-breadcrumb>`}
          </slot>
        </header>
        ${this.region('kpis', message(words.boardKpis, locale), () =>
          html`${spec.kpis.map((indicator) => html`<ioc-kpi-card indicator=${indicator} trend area=${area} locale=${loc} refresh=${refresh}></ioc-kpi-card>`)}`,
        )}
        ${this.region('map', message(words.boardMap, locale), () => html`<ioc-map indicator=${spec.map} level=${level} area=${area} locale=${loc} refresh=${refresh}></ioc-map>`)}
        ${this.region('trend', message(words.boardTrend, locale), () =>
          html`<ioc-time-series indicator=${spec.trend.indicator} grain=${spec.trend.grain} area=${area} locale=${loc} refresh=${refresh}></ioc-time-series>`,
        )}
        ${this.region('ranking', message(words.boardRanking, locale), () =>
          html`<ioc-bar-chart
            indicator=${spec.ranking}
            level=${level}
            top=${this.ranking === 'best' ? this.top : nothing}
            bottom=${this.ranking === 'best' ? nothing : this.top}
            area=${area}
            locale=${loc}
            refresh=${refresh}
          ></ioc-bar-chart>`,
        )}
        ${this.region('table', message(words.boardTable, locale), () =>
          html`<ioc-area-table indicators=${spec.table.join(',')} level=${level} area=${area} locale=${loc} refresh=${refresh}></ioc-area-table>`,
        )}
        ${this.region('alerts', message(words.boardAlerts, locale), () => html`<ioc-alert-list domain=${spec.domain} area=${area} locale=${loc} refresh=${refresh}></ioc-alert-list>`)}
      </div>
    `;
  }
}

defineElement('ioc-domain-board', IocDomainBoard);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-domain-board': IocDomainBoard;
  }
}
