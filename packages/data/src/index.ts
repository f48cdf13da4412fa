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
export { HttpClient, request, defaultHttpClient, type HttpClientOptions, type HttpRequestOptions, type HttpResult, type CacheOutcome } from './internal/http.js';
export { createHttpSource, type HttpSourceOptions, type FieldSpec, type KpiEndpoint, type SeriesEndpoint, type ByAreaEndpoint, type AlertsEndpoint } from './sources/http/http-source.js';
export { createLiveSource, type LiveSource, type LiveSourceOptions } from './sources/live/live-source.js';
export { connectSse, connectWebSocket, type LiveConnection, type LiveConnectionOptions, type LiveStatus, type LiveState } from './sources/live/connection.js';
export { parseLiveMessage, type LiveMessage, type LiveClientMessage } from './sources/live/protocol.js';
export { SseParser, type SseEvent } from './sources/live/sse-parser.js';
export { backoffDelay, type BackoffOptions } from './sources/live/backoff.js';
export { followQuery, isTransient, type FollowUpdate, type FollowOptions, type FollowHandle } from './refresh/follow.js';
export { pageVisibility, type VisibilitySignal } from './refresh/page.js';
export { createNgsiLdSource, ngsiLdFetcher, SDM_TYPES, type NgsiLdSourceOptions, type SdmType } from './sources/ngsi-ld/ngsi-ld-source.js';
export { NgsiLdClient, type NgsiLdClientOptions, type EntityQuery, type TemporalQuery, type NgsiAnswer, type NotificationSubscription } from './sources/ngsi-ld/client.js';
export { ngsiLdSubscribe, incrementalQuery as ngsiLdIncrementalQuery, mergeSeries } from './sources/ngsi-ld/subscribe.js';
export { staleOf, staleField, withStale, createStaleTracker, type StaleTracker } from './sources/http/stale.js';
export { readEntity, readEntities, latestInstance, type NgsiEntity, type NgsiAttribute, type AttributeInstance, type AggregateBucket } from './sources/ngsi-ld/entity.js';
export { unitFromCode, convertUnit } from './sources/ngsi-ld/units.js';
export { createSensorThingsSource, DEFAULT_STA_INDICATORS, indicatorOfDatastream, type SensorThingsSourceOptions, type StaIndicatorMatch } from './sources/sensorthings/sensorthings-source.js';
export { readCollection as readStaCollection, readDataArray as readStaDataArray, readDatastream as readStaDatastream, readObservation as readStaObservation, readThing as readStaThing, readTimeOrInterval as readStaTime, readUnitOfMeasurement, type StaCollection, type StaDatastream, type StaObservation, type StaThing } from './sources/sensorthings/sta-parse.js';
export { staUrl, staQueryString, staString, staTime, expandText as staExpand, resolveNextLink as resolveStaNextLink, type StaQueryOptions } from './sources/sensorthings/sta-query.js';
