import type { IocDataError, QueryResult } from '@ioc-kit/data';

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

declare global {
  interface GlobalEventHandlersEventMap {
    'ioc-data': IocDataEvent;
    'ioc-error': IocErrorEvent;
  }
}
