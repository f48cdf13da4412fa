import type { AreaLevel, IocDataError, QueryResult } from '@ioc-kit/data';

const init: EventInit = { bubbles: true, composed: true };

/** Fired when a widget receives new data from its source. */
export class IocDataEvent<R extends QueryResult = QueryResult> extends Event {
  static readonly eventName = 'ioc-data';
  readonly result: R;
  constructor(result: R) {
    super(IocDataEvent.eventName, init);
    this.result = result;
  }
}

/** Fired when a widget's data could not be loaded or was invalid. Last good data stays shown. */
export class IocErrorEvent extends Event {
  static readonly eventName = 'ioc-error';
  readonly error: IocDataError;
  constructor(error: IocDataError) {
    super(IocErrorEvent.eventName, init);
    this.error = error;
  }
}

/** What `ioc-area-select` carries: the area a user picked (a map area, a bar, a table row, an alert's area). */
export interface AreaSelection {
  code: string;
  name?: string;
  level?: AreaLevel;
}

/**
 * Fired when the user selects an area in a widget (click, tap or Enter). Bubbles and is composed,
 * so an `<ioc-provider>` (or the host page) above the widget hears it.
 */
export class IocAreaSelectEvent extends Event {
  static readonly eventName = 'ioc-area-select';
  readonly area: AreaSelection;
  constructor(area: AreaSelection) {
    super(IocAreaSelectEvent.eventName, init);
    this.area = area;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ioc-data': IocDataEvent;
    'ioc-error': IocErrorEvent;
    'ioc-area-select': IocAreaSelectEvent;
  }
}
