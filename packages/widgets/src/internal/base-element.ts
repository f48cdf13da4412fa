import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { clockNow, parseTime, type Locale } from '@ioc-kit/data';
import { iocContext, type IocContextValue } from './context.js';

export { baseStyles } from './base-element.styles.js';

/**
 * The thin base of every ioc-kit widget: the attributes every widget has (locale, area, refresh,
 * time zone), the nearest `<ioc-provider>`'s settings through `@lit/context`, and the widget's
 * clock. Everything else a widget needs it composes from controllers (`DataController`,
 * `IndicatorController`, `ThemeController`, `StatusController`, ...).
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

  /** The locale in force: own attribute, then provider, then Vietnamese. */
  protected get effectiveLocale(): Locale {
    const locale = this.locale ?? this.context?.locale;
    return locale === 'en' ? 'en' : 'vi';
  }

  /** Time zone for dates: own attribute, then provider, then Vietnam's. */
  protected get effectiveTimeZone(): string {
    return this.timeZone ?? this.context?.timeZone ?? 'Asia/Ho_Chi_Minh';
  }

  /** The area in force: own attribute, then the provider's. */
  protected get effectiveArea(): string | undefined {
    return this.area || this.context?.area;
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

  /** The provider's selected time range (a brushed or zoomed time series) as epoch ms `[from, to)`, when valid. */
  protected get selectedRange(): readonly [number, number] | undefined {
    const range = this.context?.range;
    if (!range) return undefined;
    const from = parseTime(range.from);
    const to = parseTime(range.to);
    return Number.isFinite(from) && Number.isFinite(to) && from < to ? [from, to] : undefined;
  }

  /**
   * The `at` the provider's selection asks of a latest-value widget without its own `at`: the
   * last instant of the selected range (`to` is exclusive), else the selected period. Undefined
   * when nothing is selected (the widget then uses `pinnedAt` or the source's latest).
   */
  protected get selectedAt(): string | undefined {
    const range = this.selectedRange;
    if (range) return new Date(range[1] - 1).toISOString();
    const period = this.context?.period;
    return typeof period === 'string' && period !== '' ? period : undefined;
  }
}

/** Registers a custom element once; a second copy of the library on the page is harmless. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
