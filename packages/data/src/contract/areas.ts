import type { LocalizedText } from './text.js';

/**
 * Administrative levels. Districts exist only for data dated before 1 July 2025,
 * when Vietnam's reorganisation removed the district level (Resolution 202/2025/QH15).
 */
export type AreaLevel = 'province' | 'district' | 'commune';

/** The date from which districts no longer exist and communes hang off provinces. */
export const REORGANISATION_DATE = '2025-07-01';

/** One administrative unit, as a source reports it. */
export interface Area {
  /** Official code: province 2 digits, commune 5 digits (Decision 19/2025/QĐ-TTg), district 3 digits. */
  code: string;
  level: AreaLevel;
  name: LocalizedText;
  /** Code of the parent unit; absent for a province. */
  parent?: string;
  /** ISO date from which the unit exists (inclusive); absent = always. */
  validFrom?: string;
  /** ISO date until which the unit exists (exclusive); absent = still exists. */
  validTo?: string;
  /**
   * For a unit that no longer exists: today's units that took it over, with the share of
   * the old unit each received (1 for a whole merge). Lets a series that crosses the
   * reorganisation be shown against today's units.
   */
  successors?: readonly AreaSuccessor[];
  /** Representative point [longitude, latitude] (WGS84), for labels and markers. */
  centroid?: readonly [number, number];
  /**
   * Resident population, where known. Added for weighted means over areas (an indicator whose
   * `aggregation.weight` is `population`) and for per-capita rates.
   */
  population?: number;
}

export interface AreaSuccessor {
  code: string;
  /** Share of the old unit (population or area weight) that went to this successor, 0..1. */
  share: number;
}

/** Which areas to list: children of `parent`, at `level`, valid at date `at` (ISO; default today). */
export interface AreaQuery {
  parent?: string;
  level?: AreaLevel;
  at?: string;
}

/** Boundaries to fetch: all units at `level` (under `parent`), valid at `at`. */
export interface BoundaryQuery {
  level: AreaLevel;
  parent?: string;
  at?: string;
}

/** Minimal GeoJSON typing: enough to carry boundaries without a dependency. */
export type Position = readonly number[];
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: readonly Position[] }
  | { type: 'LineString'; coordinates: readonly Position[] }
  | { type: 'MultiLineString'; coordinates: readonly (readonly Position[])[] }
  | { type: 'Polygon'; coordinates: readonly (readonly Position[])[] }
  | { type: 'MultiPolygon'; coordinates: readonly (readonly (readonly Position[])[])[] }
  | { type: 'GeometryCollection'; geometries: readonly Geometry[] };

export interface Feature<P = Record<string, unknown>> {
  type: 'Feature';
  id?: string | number;
  geometry: Geometry | null;
  properties: P;
}

export interface FeatureCollection<P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

/** Boundary features carry at least the area code, its level and name. */
export interface BoundaryProperties {
  code: string;
  level: AreaLevel;
  name: string;
  [key: string]: unknown;
}
