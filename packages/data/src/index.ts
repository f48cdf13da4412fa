export * from './contract/index.js';
export { CATALOGUE, indicatorById, indicatorsOf, bandFor, VN_AQI_BANDS } from './catalogue/index.js';
export { createDemoSource, type DemoSourceOptions } from './sources/demo/demo-source.js';
export { registerSource, registeredSources, createSource, type SourceFactory } from './registry.js';
export { HttpClient, request, defaultHttpClient, type HttpClientOptions, type HttpRequestOptions, type HttpResult, type CacheOutcome } from './internal/http.js';
export { createHttpSource, type HttpSourceOptions, type FieldSpec, type KpiEndpoint, type SeriesEndpoint, type ByAreaEndpoint, type AlertsEndpoint } from './sources/http/http-source.js';
export { registerHttpSource, httpOptionsFromAttributes } from './sources/http/register.js';
