export * from './text.js';
export * from './areas.js';
export * from './catalogue.js';
export * from './query.js';
export * from './source.js';
export * from './errors.js';
export * from './time.js';
// The aggregation itself (bucketing, combining) is the domain adapter's, written once: not exported.
export { MAX_BUCKETS } from './aggregate.js';
export {
  MAX_TEXT_LENGTH,
  cleanText,
  readText,
  readNumber,
  readTime,
  readUnit,
  readPoint,
  validateSeries,
  validateKpi,
  validateByArea,
  validateAlert,
  type SeriesValidationOptions,
} from './validate.js';
export {
  MAX_WARNINGS,
  mergeWarnings,
  withWarnings,
  describeBadValue,
  readValue,
  type DataWarning,
  type DataWarningCode,
  type DataWarningInput,
  type WarnFn,
  type ValueReading,
} from './warnings.js';
