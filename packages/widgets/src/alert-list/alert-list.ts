import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  ValidationError,
  type Alert,
  type AlertQuery,
  type AlertSeverity,
  type AlertStatus,
  type AlertsResult,
  type Domain,
  type Locale,
} from '@ioc-kit/data';
import { AreaNamesController } from '../internal/area-names-controller.js';
import { IocElement, baseStyles, defineElement } from '../internal/base-element.js';
import { cssVars } from '../internal/css-vars.js';
import { DataController, type DataState } from '../internal/data-controller.js';
import { IocAreaSelectEvent, IocErrorEvent } from '../internal/events.js';
import { formatDate, formatNumber } from '../internal/format.js';
import { message, type Words } from '../internal/messages.js';
import { SizeController } from '../internal/size-controller.js';
import { StatusController } from '../internal/status-controller.js';
import { ThemeController } from '../internal/theme-controller.js';
import * as words from '../internal/words.js';
import { IocAlertAckEvent, IocAlertResolveEvent, type IocAlertActionEvent } from './alert-events.js';
import {
  ALERT_SEVERITIES,
  ALERT_STATUS_LIST,
  checkAlerts,
  descriptionOf,
  groupAlerts,
  relativeTime,
  repeatText,
  sortAlerts,
  titleOf,
  type AlertGroup,
  type AlertProblems,
  type ShownAlert,
} from './alert-model.js';
import { alertListStyles } from './alert-list.styles.js';

export { IocAlertActionEvent, IocAlertAckEvent, IocAlertResolveEvent } from './alert-events.js';

const SEVERITY_WORDS: Record<AlertSeverity, Words> = {
  informational: words.severityInformational,
  low: words.severityLow,
  medium: words.severityMedium,
  high: words.severityHigh,
  critical: words.severityCritical,
};
const STATUS_WORDS: Record<AlertStatus, Words> = { open: words.statusOpen, acknowledged: words.statusAcknowledged, resolved: words.statusResolved };
/** Rows drawn above and below the visible ones, so a fast scroll shows no blank. */
const OVERSCAN = 4;
/** Until a row is measured. */
const DEFAULT_ROW_PX = 76;
/** How often relative times ("3 phút trước") are written again. */
const CLOCK_TICK_MS = 30_000;

export type AlertStatusFilter = AlertStatus | 'all' | 'active';

interface Override {
  status: AlertStatus;
  pending: boolean;
}

/**
 * @tag ioc-alert-list
 * @summary The live alert feed of a domain and area (FIWARE `Alert`s from any source): most
 * severe first, then newest; severity and status chips; repeats grouped ("×12 trong 1 giờ");
 * relative times that follow the clock; acknowledge and resolve for the host to persist; new
 * critical alerts read out by screen readers; a virtualised list that holds 10,000 alerts with
 * only the visible rows in the DOM.
 *
 * @csspart base - The widget.
 * @csspart header - Title and count.
 * @csspart filters - The severity and status chips.
 * @csspart chip - One filter chip (a toggle button).
 * @csspart list - The scrolling list.
 * @csspart row - One alert (or a group of its repeats).
 * @csspart severity - The severity badge of a row.
 * @csspart area - The area of a row (a button that selects the area).
 * @csspart time - The relative time of a row.
 * @csspart repeats - "×12 trong 1 giờ" on a grouped row.
 * @csspart action - The acknowledge and resolve buttons.
 * @csspart notice - Skipped alerts and undone actions.
 * @csspart status - Loading, empty and error messages.
 *
 * @cssproperty --ioc-alert-list-surface - Background. Defaults to `--ioc-sys-color-surface`.
 * @cssproperty --ioc-alert-list-border-color - Border and row separators. Defaults to `--ioc-sys-color-outline`.
 * @cssproperty --ioc-alert-list-height - Most height of the scrolling list (a short feed is as tall as its rows). Defaults to `28rem`.
 * @cssproperty --ioc-alert-list-row-height - Height of each row (fixed: the list is virtualised). Defaults to `4.75rem`; in a list narrower than 48rem, where the title takes two lines, `6.5rem`, and narrower than 30rem (a phone: one item a line) `10.5rem`.
 *
 * @fires ioc-data - New alerts arrived (`event.result`).
 * @fires ioc-error - Alerts could not be loaded, or some were faulty and skipped (`event.error`, a ValidationError that counts them).
 * @fires ioc-alert-ack - The user acknowledged an alert (`IocAlertAckEvent`: `alert`, `alerts`, `respond(promise)`, `reject(reason)`; cancelable). The row shows it at once and is rolled back, with a message, if the host refuses.
 * @fires ioc-alert-resolve - The user resolved an alert (`IocAlertResolveEvent`, as `ioc-alert-ack`).
 * @fires ioc-area-select - The user chose an alert's area (`event.area`); a provider drills there.
 */
export class IocAlertList extends IocElement {
  static override styles = [baseStyles, alertListStyles];

  /** Only this domain's alerts (`environment`, `mobility`, `governance`, ...); default: every domain. */
  @property({ reflect: true }) domain?: Domain;

  /** Minimum severity: `informational`, `low`, `medium`, `high` or `critical`; default: all. */
  @property({ reflect: true }) severity?: AlertSeverity;

  /** Which alerts: `open`, `acknowledged`, `resolved`, `all`, or `active` (open and acknowledged, the default). */
  @property({ reflect: true }) status: AlertStatusFilter = 'active';

  /** At most this many alerts are asked of the source. */
  @property({ type: Number, reflect: true }) limit?: number;

  /** Overrides the title ("Cảnh báo"). */
  @property() label?: string;

  /** Alerts given directly, bypassing any source. */
  @property({ attribute: false }) data?: AlertsResult;

  /** Severities switched off with the chips. */
  @state() private hiddenSeverities: ReadonlySet<AlertSeverity> = new Set();
  /** Statuses switched off with the chips. */
  @state() private hiddenStatuses: ReadonlySet<AlertStatus> = new Set();
  @state() private listTop = 0;
  @state() private active = 0;
  @state() private notice = '';
  @state() private announcement = '';

  private readonly overrides = new Map<string, Override>();
  private overridesVersion = 0;
  private rowPx = DEFAULT_ROW_PX;
  private clock?: ReturnType<typeof setInterval>;
  private checked?: { result: unknown; alerts: ShownAlert[]; problems: AlertProblems; sourceSkipped: number };
  private view?: { key: string; checked: unknown; groups: AlertGroup[] };
  /** Ids seen per query, so only alerts that are new are announced (none on the first load). */
  private seen?: { key: string; ids: Set<string> };
  private reportedProblems?: unknown;

  private readonly loader = new DataController<AlertQuery>(this, {
    source: () => this.context?.source,
    sourceError: () => this.context?.sourceError,
    query: () => this.query,
    blocked: () => (this.context?.areaPending && !this.effectiveArea ? 'waiting' : undefined),
    data: () => this.data,
    isEmpty: (result) => result.alerts.length === 0,
    validate: (result) => {
      if (!Array.isArray((result as Partial<AlertsResult>).alerts)) throw new ValidationError('alerts', 'expected a list of alerts');
    },
    // A feed follows live sources (which push) even without a refresh interval.
    refreshMs: () => (this.refresh > 0 ? this.refresh * 1000 : this.context?.source?.subscribe ? 60_000 : 0),
  });
  private readonly names = new AreaNamesController(this, { result: () => this.loader.value, source: () => this.context?.source, fallback: () => ({}) });
  private readonly sizer = new SizeController(this);
  private readonly statusLine = new StatusController(this, {
    loader: this.loader,
    direct: () => this.data !== undefined,
    locale: () => this.effectiveLocale,
    timeZone: () => this.effectiveTimeZone,
    now: () => this.now,
  });

  constructor() {
    super();
    new ThemeController(this);
  }

  /** What the widget shows now: `pending`, `ready`, `empty`, `stale`, `error` or `idle`; reflected to `state`. */
  get state(): DataState {
    return this.statusLine.state;
  }

  private get query(): AlertQuery {
    const statuses = this.statusScope;
    return {
      kind: 'alerts',
      ...(this.domain ? { domain: this.domain } : {}),
      ...(this.effectiveArea ? { area: this.effectiveArea } : {}),
      ...(this.minRank > 0 ? { minSeverity: ALERT_SEVERITIES[this.minRank] } : {}),
      ...(statuses.length < ALERT_STATUS_LIST.length ? { status: statuses } : {}),
      ...(this.limit !== undefined && Number.isFinite(this.limit) && this.limit > 0 ? { limit: Math.floor(this.limit) } : {}),
    };
  }

  private get minRank(): number {
    return Math.max(0, ALERT_SEVERITIES.indexOf(this.severity as AlertSeverity));
  }

  /** The statuses the `status` attribute lets in. */
  private get statusScope(): AlertStatus[] {
    const asked = this.status;
    if (asked === 'all') return [...ALERT_STATUS_LIST];
    if (ALERT_STATUS_LIST.includes(asked as AlertStatus)) return [asked as AlertStatus];
    return ['open', 'acknowledged'];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Relative times follow the widget's clock (IocElement.now: pinned in tests and stories).
    this.clock = setInterval(() => this.requestUpdate(), CLOCK_TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('severity') || changed.has('status')) {
      this.hiddenSeverities = new Set();
      this.hiddenStatuses = new Set();
    }
  }

  /** Alerts of the result, checked once per result. */
  private get checkedAlerts(): NonNullable<IocAlertList['checked']> {
    const result = this.loader.value;
    const cached = this.checked;
    if (cached && cached.result === result) return cached;
    const { alerts, problems } = checkAlerts(result?.alerts, this.now);
    const sourceSkipped = (result?.warnings ?? []).filter((w) => w.code === 'invalid-record').reduce((sum, w) => sum + (w.count ?? 1), 0);
    this.checked = { result, alerts, problems, sourceSkipped };
    return this.checked;
  }

  /** The rows: overrides applied, filtered by scope and chips, sorted, repeats grouped. */
  private get groups(): AlertGroup[] {
    const checked = this.checkedAlerts;
    const scope = new Set(this.statusScope);
    const key = `${this.overridesVersion}|${this.minRank}|${[...scope].join()}|${[...this.hiddenSeverities].join()}|${[...this.hiddenStatuses].join()}`;
    if (this.view && this.view.key === key && this.view.checked === checked) return this.view.groups;
    const list: ShownAlert[] = [];
    for (const item of checked.alerts) {
      const override = this.overrides.get(item.alert.id);
      const shown = override && override.status !== item.alert.status ? { ...item, alert: { ...item.alert, status: override.status } } : item;
      const { severity, status } = shown.alert;
      if (shown.rank < this.minRank || this.hiddenSeverities.has(severity)) continue;
      // An alert being saved stays in view until the host answers, whatever its new status.
      if (!override?.pending && (!scope.has(status) || this.hiddenStatuses.has(status))) continue;
      list.push(shown);
    }
    this.view = { key, checked, groups: groupAlerts(sortAlerts(list)) };
    return this.view.groups;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const scroller = this.renderRoot.querySelector<HTMLElement>('[part="list"]');
    this.sizer.observe(scroller);
    const row = scroller?.querySelector<HTMLElement>('[part~="row"]');
    const measured = row?.offsetHeight ?? 0;
    if (measured > 0 && Math.abs(measured - this.rowPx) > 0.5) {
      this.rowPx = measured;
      this.requestUpdate();
    }
    this.followResult();
  }

  /** New results: drops settled overrides, announces new critical alerts, reports faulty alerts. */
  private followResult(): void {
    const result = this.loader.value;
    if (!result) return;
    const checked = this.checkedAlerts;
    for (const item of checked.alerts) {
      const override = this.overrides.get(item.alert.id);
      if (override && !override.pending && override.status === item.alert.status) {
        this.overrides.delete(item.alert.id);
        this.overridesVersion++;
      }
    }
    const key = JSON.stringify(this.data ? 'direct' : this.query);
    if (!this.seen || this.seen.key !== key) {
      this.seen = { key, ids: new Set(checked.alerts.map((item) => item.alert.id)) };
    } else {
      const fresh = checked.alerts.filter((item) => !this.seen!.ids.has(item.alert.id));
      for (const item of fresh) this.seen.ids.add(item.alert.id);
      const critical = sortAlerts(fresh.filter((item) => item.alert.severity === 'critical' && item.alert.status === 'open'));
      const newest = critical[0];
      if (newest) {
        const locale = this.effectiveLocale;
        const values = { n: formatNumber(critical.length, locale), title: titleOf(newest.alert, locale), area: this.areaName(newest.alert, locale) };
        // Read out by screen readers; focus stays where the user is.
        this.announcement = message(critical.length === 1 ? words.newCritical : words.newCriticalMany, locale, values);
      }
    }
    if (this.reportedProblems !== checked && checked.problems.skipped + checked.problems.future > 0) {
      this.reportedProblems = checked;
      this.dispatchEvent(new IocErrorEvent(new ValidationError('alerts', `${checked.problems.reasons.join('; ')} (skipped: ${checked.problems.skipped})`)));
    }
  }

  private areaName(alert: Alert, locale: Locale): string {
    return alert.area ? this.names.nameOf(alert.area, locale) : message(words.wholeProvince, locale);
  }

  protected override render() {
    const locale = this.effectiveLocale;
    const state = this.state;
    const title = this.label ?? message(words.alerts, locale);
    const result = this.loader.value;
    const showList = result !== undefined && (state === 'ready' || state === 'stale' || state === 'empty');
    const groups = showList ? this.groups : [];
    const total = showList ? this.checkedAlerts.alerts.length : 0;
    const shown = groups.reduce((sum, group) => sum + group.alerts.length, 0);
    return html`
      <section part="base" role="region" aria-label=${title} aria-busy=${this.loader.loading ? 'true' : 'false'}>
        <header part="header">
          <h3>${title}</h3>
          ${showList ? html`<span class="count">${message(words.alertCount, locale, { shown: formatNumber(shown, locale), total: formatNumber(total, locale) })}</span>` : nothing}
        </header>
        ${showList && total > 0 ? this.renderFilters(locale) : nothing} ${showList ? this.renderNotices(locale) : nothing}
        ${showList && total > 0 ? this.renderList(groups, locale) : nothing}
        ${state === 'empty' ? html`<p part="status" class="no-alerts" role="status">${message(words.noAlerts, locale)}</p>` : this.statusLine.render(state)}
        <div class="visually-hidden" aria-live="assertive" aria-atomic="true">${this.announcement}</div>
      </section>
    `;
  }

  private renderFilters(locale: Locale) {
    const severities = ALERT_SEVERITIES.slice(this.minRank);
    const statuses = this.statusScope;
    return html`<div part="filters">
      <div role="group" aria-label=${message(words.severityFilter, locale)} class="chips">
        ${severities.map(
          (severity) =>
            html`<button
              type="button"
              part="chip"
              class="chip"
              data-severity=${severity}
              aria-pressed=${this.hiddenSeverities.has(severity) ? 'false' : 'true'}
              @click=${() => (this.hiddenSeverities = toggled(this.hiddenSeverities, severity))}
            >
              <span class="dot" aria-hidden="true"></span>${message(SEVERITY_WORDS[severity], locale)}
            </button>`,
        )}
      </div>
      ${statuses.length > 1
        ? html`<div role="group" aria-label=${message(words.statusFilter, locale)} class="chips">
            ${statuses.map(
              (status) =>
                html`<button
                  type="button"
                  part="chip"
                  class="chip"
                  data-status=${status}
                  aria-pressed=${this.hiddenStatuses.has(status) ? 'false' : 'true'}
                  @click=${() => (this.hiddenStatuses = toggled(this.hiddenStatuses, status))}
                >
                  ${message(STATUS_WORDS[status], locale)}
                </button>`,
            )}
          </div>`
        : nothing}
    </div>`;
  }

  private renderNotices(locale: Locale) {
    const checked = this.checkedAlerts;
    const skipped = checked.problems.skipped + checked.sourceSkipped;
    const reasons = [...checked.problems.reasons, ...(checked.sourceSkipped ? [`${checked.sourceSkipped} × left out by the source`] : [])].join('; ');
    return html`${skipped > 0 ? html`<p part="notice" class="skipped" title=${reasons}>${message(words.skippedAlerts, locale, { n: formatNumber(skipped, locale) })}</p>` : nothing}
      <p part="notice" class="action-notice" role="status">${this.notice}</p>`;
  }

  private renderList(groups: AlertGroup[], locale: Locale) {
    if (groups.length === 0) return html`<p part="status" class="filtered-empty">${message(words.noAlertsFiltered, locale)}</p>`;
    const count = groups.length;
    const active = Math.min(this.active, count - 1);
    const row = this.rowPx;
    const viewport = this.sizer.size?.height ?? 8 * row;
    const first = Math.max(0, Math.floor(this.listTop / row) - OVERSCAN);
    const last = Math.min(count - 1, Math.ceil((this.listTop + viewport) / row) + OVERSCAN);
    const indices: number[] = [];
    // The row with focus stays in the DOM even scrolled away, so focus is never lost.
    if (active < first) indices.push(active);
    for (let i = first; i <= last; i++) indices.push(i);
    if (active > last) indices.push(active);
    const now = this.now;
    return html`<div
      part="list"
      role="list"
      aria-label=${this.label ?? message(words.alerts, locale)}
      aria-describedby="help"
      @scroll=${this.onScroll}
      @keydown=${this.onKeydown}
    >
      <div class="spacer" ${cssVars({ '--_total': `${count * row}px` })}>
        ${repeat(
          indices,
          (i) => groups[i]!.key,
          (i) => this.renderRow(groups[i]!, i, count, i === active, now, locale),
        )}
      </div>
    </div>
    <p id="help" class="visually-hidden">${message(words.alertListHelp, locale)}</p>`;
  }

  private renderRow(group: AlertGroup, index: number, count: number, active: boolean, now: number, locale: Locale) {
    const newest = group.alerts[0]!;
    const alert = newest.alert;
    const override = this.overrides.get(alert.id);
    const pending = override?.pending === true;
    const title = titleOf(alert, locale);
    const description = descriptionOf(alert, locale);
    const severity = message(SEVERITY_WORDS[alert.severity], locale);
    const statusWord = message(STATUS_WORDS[alert.status], locale);
    const absolute = formatDate(newest.time, locale, 'date-time', this.effectiveTimeZone);
    const area = this.areaName(alert, locale);
    const tab = active ? 0 : -1;
    return html`<div
      part="row"
      class="row"
      role="listitem"
      tabindex=${tab}
      data-index=${index}
      data-severity=${alert.severity}
      data-status=${alert.status}
      aria-posinset=${index + 1}
      aria-setsize=${count}
      aria-label=${`${severity}: ${title}. ${area}. ${newest.future ? absolute : relativeTime(newest.time, now, locale)}. ${statusWord}`}
      ${cssVars({ '--_top': `${index * this.rowPx}px` })}
      @focus=${() => (this.active = index)}
    >
      <span part="severity" class="severity">${severity}</span>
      <div class="body">
        <div class="title" title=${description ? `${title}\n${description}` : title}>${title}</div>
        <div class="meta">
          ${alert.area
            ? html`<button type="button" part="area" class="area" tabindex=${tab} @click=${() => this.selectArea(alert)}>${area}</button>`
            : html`<span part="area" class="area unknown">${area}</span>`}
          <time part="time" datetime=${new Date(newest.time).toISOString()} title=${absolute}
            >${newest.future ? `${absolute} (${message(words.futureTime, locale)})` : relativeTime(newest.time, now, locale)}</time
          >
          ${group.alerts.length > 1 ? html`<span part="repeats" class="repeats">${repeatText(group.alerts.length, group.spanMs, locale)}</span>` : nothing}
          <span class="status-word">${pending ? message(words.saving, locale) : statusWord}</span>
        </div>
      </div>
      <div class="actions">
        ${alert.status === 'open'
          ? html`<button type="button" part="action" class="ack" tabindex=${tab} ?disabled=${pending} @click=${() => this.act(group, 'ack')}>${message(words.acknowledge, locale)}</button>`
          : nothing}
        ${alert.status !== 'resolved'
          ? html`<button type="button" part="action" class="resolve" tabindex=${tab} ?disabled=${pending} @click=${() => this.act(group, 'resolve')}>
              ${message(words.resolve, locale)}
            </button>`
          : nothing}
      </div>
    </div>`;
  }

  private selectArea(alert: Alert): void {
    if (!alert.area) return;
    const area = this.names.area(alert.area);
    this.dispatchEvent(new IocAreaSelectEvent({ code: alert.area, name: this.names.nameOf(alert.area, this.effectiveLocale), ...(area?.level ? { level: area.level } : {}) }));
  }

  /** Acknowledges or resolves a row: shown at once, undone with a message if the host refuses. */
  private async act(group: AlertGroup, action: 'ack' | 'resolve'): Promise<void> {
    const alerts = group.alerts.map((item) => item.alert);
    const event: IocAlertActionEvent = action === 'ack' ? new IocAlertAckEvent(alerts) : new IocAlertResolveEvent(alerts);
    const locale = this.effectiveLocale;
    const title = titleOf(event.alert, locale);
    const actionWord = message(action === 'ack' ? words.acknowledge : words.resolve, locale);
    const before = new Map(alerts.map((alert) => [alert.id, this.overrides.get(alert.id)]));
    const hadFocus = this.shadowRoot?.activeElement != null;
    const allowed = this.dispatchEvent(event);
    if (!allowed) {
      this.notice = message(words.actionFailed, locale, { action: actionWord, title, reason: message(words.rejectedByHost, locale) });
      return;
    }
    for (const alert of alerts) this.overrides.set(alert.id, { status: event.status, pending: true });
    this.overridesVersion++;
    this.notice = '';
    this.requestUpdate();
    try {
      await event.settle();
      for (const alert of alerts) this.overrides.set(alert.id, { status: event.status, pending: false });
      this.notice = message(words.actionDone, locale, { title, status: message(STATUS_WORDS[event.status], locale) });
    } catch (error) {
      for (const [id, previous] of before) {
        if (previous) this.overrides.set(id, previous);
        else this.overrides.delete(id);
      }
      const reason = error instanceof Error && error.message ? error.message : message(words.rejectedByHost, locale);
      this.notice = message(words.actionFailed, locale, { action: actionWord, title, reason });
    }
    this.overridesVersion++;
    this.requestUpdate();
    await this.updateComplete;
    // The row may have left the view (resolved): focus stays in the list, on the nearest row.
    const focused = this.shadowRoot?.activeElement;
    if (hadFocus && (!focused || !focused.isConnected)) void this.focusRow(this.active);
  }

  private readonly onScroll = (event: Event) => {
    this.listTop = (event.currentTarget as HTMLElement).scrollTop;
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    const count = this.groups.length;
    if (count === 0) return;
    const page = Math.max(1, Math.floor((this.sizer.size?.height ?? 8 * this.rowPx) / this.rowPx) - 1);
    const current = Math.min(this.active, count - 1);
    const next: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: count - 1, PageDown: current + page, PageUp: current - page };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    void this.focusRow(target);
  };

  /** Moves the roving focus to row `index`, scrolling it into view (and into the DOM) first. */
  async focusRow(index: number): Promise<void> {
    const count = this.groups.length;
    if (count === 0) return;
    const target = Math.max(0, Math.min(count - 1, index));
    const scroller = this.renderRoot.querySelector<HTMLElement>('[part="list"]');
    if (scroller) {
      const viewport = scroller.clientHeight || 8 * this.rowPx;
      const top = target * this.rowPx;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top + this.rowPx > scroller.scrollTop + viewport) scroller.scrollTop = top + this.rowPx - viewport;
      this.listTop = scroller.scrollTop;
    }
    this.active = target;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[part~="row"][data-index="${target}"]`)?.focus({ preventScroll: true });
  }
}

function toggled<T>(set: ReadonlySet<T>, item: T): ReadonlySet<T> {
  const next = new Set(set);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return next;
}

defineElement('ioc-alert-list', IocAlertList);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-alert-list': IocAlertList;
  }
}
