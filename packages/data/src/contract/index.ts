export * from './text.js';
export * from './areas.js';
export * from './catalogue.js';
export * from './query.js';
export * from './source.js';
export * from './errors.js';
