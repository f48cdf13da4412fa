import type { AreaLevel, IocDataError, QueryResult, TimeGrain } from '@ioc-kit/data';

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

/** A time range the user picked, ISO date-times, `from` inclusive, `to` exclusive. */
export interface TimeRange {
  from: string;
  to: string;
}

/** What `ioc-period-select` carries: the period (an ISO date inside it) and/or time range a user picked; `range: undefined` clears it. */
export interface PeriodSelection {
  /** An ISO date inside the selected period (`2026-11-24`), the `at` of latest-value widgets. */
  period?: string;
  grain?: TimeGrain;
  range?: TimeRange;
}

/**
 * Fired when the user picks a period or a time range in a widget (brushing or zooming a time
 * series). Bubbles and is composed, so an `<ioc-provider>` above makes it the page's range.
 */
export class IocPeriodSelectEvent extends Event {
  static readonly eventName = 'ioc-period-select';
  readonly selection: PeriodSelection;
  constructor(selection: PeriodSelection) {
    super(IocPeriodSelectEvent.eventName, init);
    this.selection = selection;
  }
}

/** What an `<ioc-provider>` has selected: the area and its level, the period and the time range. */
export interface IocSelection {
  area?: string;
  level?: AreaLevel;
  /** An ISO date inside the selected period. */
  period?: string;
  range?: TimeRange;
}

/** Why a provider's selection changed. */
export type SelectionCause = 'area-select' | 'period-select' | 'up' | 'url' | 'api';

/** Fired by `<ioc-provider>` after its selection changed (a widget's selection, back/forward, `select()`). */
export class IocSelectionChangeEvent extends Event {
  static readonly eventName = 'ioc-selection-change';
  readonly selection: IocSelection;
  readonly cause: SelectionCause;
  constructor(selection: IocSelection, cause: SelectionCause) {
    super(IocSelectionChangeEvent.eventName, init);
    this.selection = selection;
    this.cause = cause;
  }
}

/** What `ioc-export` carries: the exported text (CSV with its BOM), a file name and a MIME type. */
export interface ExportFile {
  text: string;
  filename: string;
  mime: string;
}

/**
 * Fired before a widget downloads an export (the area table's CSV). Cancelable: a host that
 * calls `preventDefault()` keeps the text (`event.file.text`) and no download starts.
 */
export class IocExportEvent extends Event {
  static readonly eventName = 'ioc-export';
  readonly file: ExportFile;
  constructor(file: ExportFile) {
    super(IocExportEvent.eventName, { ...init, cancelable: true });
    this.file = file;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ioc-data': IocDataEvent;
    'ioc-error': IocErrorEvent;
    'ioc-area-select': IocAreaSelectEvent;
    'ioc-period-select': IocPeriodSelectEvent;
    'ioc-selection-change': IocSelectionChangeEvent;
    'ioc-export': IocExportEvent;
  }
}
