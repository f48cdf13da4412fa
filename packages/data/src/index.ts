export * from './contract/index.js';
export {
  CATALOGUE,
  indicatorById,
  indicatorsOf,
  VN_AQI_BANDS,
  VN_WQI_BANDS,
  PM25_BANDS,
  PM10_BANDS,
  PM25_BREAKPOINTS,
  PM10_BREAKPOINTS,
  RAINFALL_24H_BANDS,
  BED_OCCUPANCY_BANDS,
  ECONOMY,
  CITIZENS,
  GOVERNANCE,
  MOBILITY,
  ENVIRONMENT,
  LIVING,
  aqiFromConcentrations,
  aqiSubIndex,
  nowCast,
  VN_AQI_BREAKPOINTS,
  type AqiPollutant,
  type AqiResult,
} from './catalogue/index.js';
export { bandFor } from './catalogue/bands.js';
export * from './areas/index.js';
export * from './adapters/index.js';
export { createDemoSource, DEMO_ALERT_RULES, type DemoSourceOptions } from './sources/demo/demo-source.js';
export { registerSource, registeredSources, createSource, type SourceFactory } from './registry.js';
// The one refresh loop, and the page signal it pauses on.
export { followQuery, isTransient, type FollowUpdate, type FollowOptions, type FollowHandle } from './refresh/follow.js';
export { pageVisibility, type VisibilitySignal } from './refresh/page.js';
// The HTTP layer every remote source reads through (docs/adapters.md, "The HTTP layer").
export { HttpClient, request, type HttpClientOptions, type HttpRequestOptions, type HttpResult, type CacheOutcome, type HttpMethod, type ResponseKind } from './internal/http.js';
export { withStale } from './sources/http/stale.js';
// The sources, each with its options; their parsers, clients and protocol helpers stay inside.
export { createHttpSource, type HttpSourceOptions, type FieldSpec, type UrlTemplate, type KpiEndpoint, type SeriesEndpoint, type ByAreaEndpoint, type AlertsEndpoint } from './sources/http/http-source.js';
export type { AlertFields } from './sources/http/alert-fields.js';
export type { DateOptions, NumberNotation, IntervalEnd } from './internal/http-values.js';
export { createLiveSource, type LiveSource, type LiveSourceOptions } from './sources/live/live-source.js';
export type { LiveStatus, LiveState } from './sources/live/connection.js';
export type { LiveMessage, LiveClientMessage, LivePointsMessage, LiveKpiMessage, LiveAlertsMessage, LiveHeartbeatMessage, LiveResetMessage } from './sources/live/protocol.js';
export { createNgsiLdSource, SDM_TYPES, type NgsiLdSourceOptions, type SdmType } from './sources/ngsi-ld/ngsi-ld-source.js';
export type { SdmContext } from './sources/ngsi-ld/sdm.js';
export { createSensorThingsSource, DEFAULT_STA_INDICATORS, type SensorThingsSourceOptions, type StaIndicatorMatch } from './sources/sensorthings/sensorthings-source.js';
