import { createContext } from '@lit/context';
import type { DataSource, IocDataError, Locale } from '@ioc-kit/data';

/** What `<ioc-provider>` supplies to the widgets inside it. */
export interface IocContextValue {
  /** The resolved source; undefined while a named source loads or when it failed. */
  source?: DataSource;
  /** Why the source could not be made (unknown name, bad options). */
  sourceError?: IocDataError;
  area?: string;
  locale: Locale;
  /** IANA time zone for dates and times (default `Asia/Ho_Chi_Minh`). */
  timeZone: string;
}

export const iocContext = createContext<IocContextValue>(Symbol.for('ioc-kit/context'));
