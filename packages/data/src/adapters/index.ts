export {
  defineDomainAdapter,
  filterAlerts,
  type AlertMapping,
  type DomainAdapterConfig,
  type IndicatorMapping,
  type MappedObservations,
  type Observation,
  type ObservationSeries,
  type RecordBatch,
  type RecordFetcher,
  type RecordRequest,
  type RecordWatcher,
} from './domain-adapter.js';
export { composeSources, type ComposeOptions } from './compose.js';
