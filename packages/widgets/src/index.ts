export { IocProvider } from './provider/provider.js';
export { IocKpiCard } from './kpi-card/kpi-card.js';
export { IocTimeSeries, IocZoomEvent } from './time-series/time-series.js';
export { IocChartElement, type LegendItem, type NavPoint, type ChartSize, type ChartView } from './internal/chart-element.js';
export { IocElement, baseStyles, defineElement } from './internal/base-element.js';
export { DataController, type DataState, type DataControllerOptions } from './internal/data-controller.js';
export { iocContext, type IocContextValue } from './internal/context.js';
export { IocDataEvent, IocErrorEvent } from './internal/events.js';
export { formatNumber, formatSigned, formatDate, type DateStyle } from './internal/format.js';
