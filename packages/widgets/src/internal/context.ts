import { createContext } from '@lit/context';
import type { AreaLevel, DataSource, Indicator, IocDataError, Locale } from '@ioc-kit/data';
import type { TimeRange } from './events.js';

/** What `<ioc-provider>` supplies to the widgets inside it. */
export interface IocContextValue {
  /** The resolved source; undefined while a named source loads or when it failed. */
  source?: DataSource;
  /** Why the source could not be made (unknown name, bad options). */
  sourceError?: IocDataError;
  /**
   * The indicators the source defines (`source.indicators()`), loaded once per source; undefined
   * while loading, empty when the source could not list them. Widgets fall back to the catalogue.
   */
  indicators?: readonly Indicator[];
  /**
   * The area widgets show by default: the provider's `area`, else its source's only province
   * (`areas({ level: 'province' })`), once known.
   */
  area?: string;
  /** The level of `area` when the provider knows it (a selected area's, or the source's province). */
  level?: AreaLevel;
  /** The selected period: an ISO date inside it (a latest-value widget's default `at`). */
  period?: string;
  /** The selected time range (brushed or zoomed on a time series). */
  range?: TimeRange;
  /** The provider's default area, before any selection (the breadcrumb's root). */
  homeArea?: string;
  /** True while the provider is still finding its default area (the source loads or lists its areas). */
  areaPending?: boolean;
  /**
   * A pinned "now" (epoch ms) from `<ioc-provider now>`: a replay, a screenshot, a test. Widgets
   * read the time through `IocElement.now`, which falls back to the source's clock, then the wall's.
   */
  now?: number;
  locale: Locale;
  /** IANA time zone for dates and times (default `Asia/Ho_Chi_Minh`). */
  timeZone: string;
}

export const iocContext = createContext<IocContextValue>(Symbol.for('ioc-kit/context'));
