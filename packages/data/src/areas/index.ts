export {
  isValidAt,
  areaAt,
  ancestorsOf,
  filterAreas,
  descendantsOf,
  successorsAt,
  successorMap,
  predecessorsOf,
  reexpressRows,
  reexpressSeries,
  type ReexpressOptions,
} from './areas.js';
