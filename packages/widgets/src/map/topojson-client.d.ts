// The one function of topojson-client (no types published) that <ioc-map> uses.
declare module 'topojson-client' {
  export function feature(topology: unknown, object: unknown): { type: 'FeatureCollection'; features: unknown[] } | { type: 'Feature' };
}
