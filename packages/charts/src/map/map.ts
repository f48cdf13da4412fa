/**
 * The map renderer: GeoJSON areas in, a choropleth out (SVG for a few areas, canvas for many),
 * with the marks a widget needs to hit-test, focus and describe them. Stateless: `prepareMap`
 * checks and projects the geometry once, whatever the size (the widget caches it), `renderMap` draws a
 * prepared map with fills through a view transform (fit × pan/zoom), `hitTest` finds the area under a point
 * through a grid index. Geometry is projected with a spherical Mercator fitted to the bounds of
 * what is shown; rings are filled even-odd, so holes show and a clockwise exterior ring draws the
 * same area as a counter-clockwise one (`rewindGeometry` fixes rings for spherical tools such as
 * d3-geo, which read a clockwise ring as the whole globe minus the area).
 */
import type { Geometry, Position } from '@ioc-kit/data';
import { SVG_NS } from '../internal/draw.js';

/** One area to draw: its code, name and outline (WGS84 longitude/latitude). */
export interface MapFeatureInput {
  code: string;
  name: string;
  geometry: Geometry | null | undefined;
}

/** Something wrong with the geometry that was read past: counted per kind. */
export type MapGeometryProblem = 'empty' | 'not-area' | 'bad-coordinates' | 'unclosed-ring' | 'short-ring' | 'rewound';

export interface MapShape {
  index: number;
  code: string;
  name: string;
  /** Rings in base plot px (x, y pairs), exterior and holes alike; filled even-odd. */
  rings: Float64Array[];
  /** Base plot px: [x0, y0, x1, y1]. */
  bbox: [number, number, number, number];
  /** Label point in base plot px (centre of the largest ring's box, nudged inside). */
  centroid: [number, number];
  /** Parts (polygons) of the area: more than one for islands. */
  parts: number;
  /** Centres (x, y pairs, base units) of parts too small to see at the whole map's scale: drawn as dots. */
  dots: Float64Array;
}

export interface PreparedMap {
  shapes: MapShape[];
  /** Kinds of problem met, with how many times. */
  problems: Partial<Record<MapGeometryProblem, number>>;
  /** Features left out entirely (no usable ring). */
  skipped: number;
  /** Extent of the base coordinates (the longer side is 1000 units); `fitTransform` maps them to plot px. */
  width: number;
  height: number;
  /** Keyboard order: shape indices row by row (north to south), west to east in a row. */
  order: number[];
  /** Bounds of the data in lon/lat: [west, south, east, north]. */
  bounds: [number, number, number, number];
  index: GridIndex;
  /** The projection: lon/lat to base units (`projectPoint`). */
  projection: { scale: number; x: number; y: number };
}

/** A lon/lat point in the map's base units. */
export function projectPoint(map: PreparedMap, lon: number, lat: number): [number, number] {
  const p = map.projection;
  return [lon * RAD * p.scale + p.x, p.y - mercatorY(lat) * p.scale];
}

export interface MapTransform {
  k: number;
  x: number;
  y: number;
}

export type MapRenderer = 'auto' | 'svg' | 'canvas';

export interface MapRenderOptions {
  /** Fill of each shape (by shape index); undefined: no data (hatched). */
  fills: readonly (string | undefined)[];
  /** Shapes drawn faded (not in the highlighted classes); none faded when undefined. */
  faded?: ReadonlySet<number>;
  /** The selected or focused shape, outlined. */
  selected?: number;
  transform?: MapTransform;
  renderer?: MapRenderer;
  /** Above this many shapes `auto` draws on canvas (default 400). */
  canvasFrom?: number;
  stroke: string;
  /** Outline of the selected shape. */
  focus: string;
  /** The no-data hatch: background and lines. */
  noData: { fill: string; hatch: string };
  /** Accessible name of the drawing (the widget's summary lives on the plot itself). */
  devicePixelRatio?: number;
}

export interface MapMarks {
  renderer: 'svg' | 'canvas';
  /** Fills drawn per shape (undefined: hatched no-data). */
  fills: readonly (string | undefined)[];
}

const IDENTITY: MapTransform = { k: 1, x: 0, y: 0 };

// ---- geometry ---------------------------------------------------------------------------

/** Polygons of a geometry (a Polygon, MultiPolygon, or those inside a GeometryCollection). */
function polygonsOf(geometry: Geometry, out: (readonly (readonly Position[])[])[], problems: Partial<Record<MapGeometryProblem, number>>): void {
  switch (geometry.type) {
    case 'Polygon':
      if (Array.isArray(geometry.coordinates)) out.push(geometry.coordinates);
      break;
    case 'MultiPolygon':
      if (Array.isArray(geometry.coordinates)) for (const polygon of geometry.coordinates) if (Array.isArray(polygon)) out.push(polygon);
      break;
    case 'GeometryCollection':
      if (Array.isArray(geometry.geometries)) for (const part of geometry.geometries as readonly unknown[]) if (part && typeof part === 'object') polygonsOf(part as Geometry, out, problems);
      break;
    default:
      count(problems, 'not-area');
  }
}

function count(problems: Partial<Record<MapGeometryProblem, number>>, kind: MapGeometryProblem): void {
  problems[kind] = (problems[kind] ?? 0) + 1;
}

/** Bounds in lon/lat, grown as rings are read. */
interface LonLatBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * A ring as finite lon, lat pairs in one typed array, closed: bad points dropped, an unclosed
 * ring closed, each counted. Undefined when fewer than 3 distinct points remain.
 */
function cleanRing(ring: readonly Position[], problems: Partial<Record<MapGeometryProblem, number>>, box: LonLatBox): Float64Array | undefined {
  if (!Array.isArray(ring)) {
    count(problems, 'bad-coordinates');
    return undefined;
  }
  const points = ring as readonly unknown[];
  const out = new Float64Array(2 * points.length + 2);
  let k = 0;
  let bad = false;
  for (let i = 0; i < points.length; i++) {
    const point = points[i];
    const lon: unknown = Array.isArray(point) ? (point as unknown[])[0] : NaN;
    const lat: unknown = Array.isArray(point) ? (point as unknown[])[1] : NaN;
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 89.9 || Math.abs(lon) > 540) {
      bad = true;
      continue;
    }
    out[k++] = lon;
    out[k++] = lat;
  }
  if (bad) count(problems, 'bad-coordinates');
  if (k >= 2 && (out[0] !== out[k - 2] || out[1] !== out[k - 1])) {
    count(problems, 'unclosed-ring');
    out[k] = out[0] as number;
    out[k + 1] = out[1] as number;
    k += 2;
  }
  if (k < 8) {
    count(problems, 'short-ring');
    return undefined;
  }
  for (let i = 0; i < k; i += 2) {
    const lon = out[i] as number;
    const lat = out[i + 1] as number;
    if (lon < box.west) box.west = lon;
    if (lon > box.east) box.east = lon;
    if (lat < box.south) box.south = lat;
    if (lat > box.north) box.north = lat;
  }
  return k === out.length ? out : out.subarray(0, k);
}

/** Twice the signed planar area of a flat ring (positive: counter-clockwise with y up). */
function signedArea(flat: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i + 3 < flat.length; i += 2) sum += (flat[i] as number) * (flat[i + 3] as number) - (flat[i + 2] as number) * (flat[i + 1] as number);
  return sum;
}

/**
 * The geometry with every ring wound one way: `rfc7946` (exterior counter-clockwise, holes
 * clockwise, as GeoJSON asks) or `d3` (the opposite, as d3-geo's spherical polygons need: there a
 * counter-clockwise exterior is the whole globe outside the area). Other geometry is returned as is.
 */
export function rewindGeometry(geometry: Geometry, to: 'rfc7946' | 'd3' = 'rfc7946'): Geometry {
  const exteriorCcw = to === 'rfc7946';
  const polygon = (rings: readonly (readonly Position[])[]) =>
    rings.map((ring, i) => {
      const flat = ring.flatMap((p) => [p[0] as number, p[1] as number]);
      const ccw = signedArea(flat) > 0;
      const want = i === 0 ? exteriorCcw : !exteriorCcw;
      return ccw === want ? ring : [...ring].reverse();
    });
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon) };
  if (geometry.type === 'GeometryCollection') return { type: 'GeometryCollection', geometries: geometry.geometries.map((g) => rewindGeometry(g, to)) };
  return geometry;
}

const RAD = Math.PI / 180;
/** Base units of the longer side of a prepared map. */
const BASE = 1000;
/** A part under this size (base units, a 1/500 of the map) is drawn as a dot too, so islands stay visible. */
const TINY = 2;
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));

/**
 * Checks and projects the features to fit `width` × `height` (less `padding`): one pass over
 * the coordinates, a grid index for hit-testing and the keyboard order. Features without a
 * usable ring are skipped and counted, never thrown on.
 */
export function prepareMap(features: readonly MapFeatureInput[]): PreparedMap {
  const problems: Partial<Record<MapGeometryProblem, number>> = {};
  let skipped = 0;
  const cleaned: { feature: MapFeatureInput; polygons: Float64Array[][] }[] = [];
  const box: LonLatBox = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const feature of features) {
    const polygons: (readonly (readonly Position[])[])[] = [];
    if (!feature.geometry || typeof feature.geometry !== 'object') count(problems, 'empty');
    else polygonsOf(feature.geometry, polygons, problems);
    const kept: Float64Array[][] = [];
    for (const polygon of polygons) {
      const rings: Float64Array[] = [];
      for (const ring of polygon) {
        const flat = cleanRing(ring, problems, box);
        if (flat) rings.push(flat);
        else if (rings.length === 0) break; // no exterior: the holes mean nothing
      }
      if (rings.length > 0) kept.push(rings);
    }
    if (kept.length === 0) {
      if (feature.geometry && polygons.length === 0 && !problems['not-area']) count(problems, 'empty');
      skipped++;
      continue;
    }
    cleaned.push({ feature, polygons: kept });
  }
  const shapes: MapShape[] = [];
  const { west, south, east, north } = box;
  if (cleaned.length === 0) {
    return { shapes, problems, skipped, width: 0, height: 0, order: [], bounds: [0, 0, 0, 0], index: new GridIndex([], 0, 0), projection: { scale: 1, x: 0, y: 0 } };
  }
  // Spherical Mercator, scaled so the longer side of the bounds is BASE units: projected once,
  // whatever size the map is later drawn at (a view transform fits it to the plot).
  const x0 = west * RAD;
  const x1 = east * RAD;
  const y0 = mercatorY(south);
  const y1 = mercatorY(north);
  const scale = BASE / Math.max(1e-9, x1 - x0, y1 - y0);
  const width = (x1 - x0) * scale;
  const height = (y1 - y0) * scale;
  const offX = -x0 * scale;
  const offY = y1 * scale;
  const kx = RAD * scale;
  for (const { feature, polygons } of cleaned) {
    const rings: Float64Array[] = [];
    let bx0 = Infinity;
    let by0 = Infinity;
    let bx1 = -Infinity;
    let by1 = -Infinity;
    let biggest = -1;
    let biggestBox: [number, number, number, number] = [0, 0, 0, 0];
    const dots: number[] = [];
    for (const polygon of polygons) {
      for (let r = 0; r < polygon.length; r++) {
        // Projected in place: the ring's lon/lat become base units.
        const out = polygon[r] as Float64Array;
        let rx0 = Infinity;
        let ry0 = Infinity;
        let rx1 = -Infinity;
        let ry1 = -Infinity;
        for (let i = 0; i < out.length; i += 2) {
          const x = (out[i] as number) * kx + offX;
          const y = offY - Math.log(Math.tan(Math.PI / 4 + ((out[i + 1] as number) * RAD) / 2)) * scale;
          out[i] = x;
          out[i + 1] = y;
          if (x < rx0) rx0 = x;
          if (x > rx1) rx1 = x;
          if (y < ry0) ry0 = y;
          if (y > ry1) ry1 = y;
        }
        if (rx0 < bx0) bx0 = rx0;
        if (ry0 < by0) by0 = ry0;
        if (rx1 > bx1) bx1 = rx1;
        if (ry1 > by1) by1 = ry1;
        if (r === 0) {
          if (Math.max(rx1 - rx0, ry1 - ry0) < TINY) dots.push((rx0 + rx1) / 2, (ry0 + ry1) / 2);
          // The biggest part by box area (a cheap stand-in for its area) holds the label.
          const area = (rx1 - rx0) * (ry1 - ry0);
          if (area > biggest) {
            biggest = area;
            biggestBox = [rx0, ry0, rx1, ry1];
          }
        }
        rings.push(out);
      }
    }
    const index = shapes.length;
    const shape: MapShape = { index, code: feature.code, name: feature.name, rings, bbox: [bx0, by0, bx1, by1], centroid: [(biggestBox[0] + biggestBox[2]) / 2, (biggestBox[1] + biggestBox[3]) / 2], parts: polygons.length, dots: dots.length > 0 ? Float64Array.from(dots) : NO_DOTS };
    if (!containsPoint(shape, shape.centroid[0], shape.centroid[1])) shape.centroid = insidePoint(shape, biggestBox);
    shapes.push(shape);
  }
  return { shapes, problems, skipped, width, height, order: geographicOrder(shapes), bounds: [west, south, east, north], index: new GridIndex(shapes, width, height), projection: { scale, x: offX, y: offY } };
}

const NO_DOTS = new Float64Array(0);

/** A point inside the shape on the horizontal line through its biggest part's middle. */
function insidePoint(shape: MapShape, box: [number, number, number, number]): [number, number] {
  const y = (box[1] + box[3]) / 2;
  const xs: number[] = [];
  for (const ring of shape.rings)
    for (let i = 0; i + 3 < ring.length; i += 2) {
      const ya = ring[i + 1] as number;
      const yb = ring[i + 3] as number;
      if (ya > y !== yb > y) xs.push((ring[i] as number) + ((y - ya) / (yb - ya)) * ((ring[i + 2] as number) - (ring[i] as number)));
    }
  xs.sort((a, b) => a - b);
  let best: [number, number] = [(box[0] + box[2]) / 2, y];
  let widest = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = (xs[i + 1] as number) - (xs[i] as number);
    if (w > widest) {
      widest = w;
      best = [((xs[i] as number) + (xs[i + 1] as number)) / 2, y];
    }
  }
  return best;
}

/**
 * Row-major order by label point: rows as tall as the median area, north to south, west to
 * east within a row (as a reader scans a map).
 */
function geographicOrder(shapes: readonly MapShape[]): number[] {
  if (shapes.length === 0) return [];
  const heights = shapes.map((s) => s.bbox[3] - s.bbox[1]).sort((a, b) => a - b);
  const row = Math.max(1, heights[Math.floor(heights.length / 2)] ?? 1);
  return shapes
    .map((s) => ({ i: s.index, r: Math.floor(s.centroid[1] / row), x: s.centroid[0] }))
    .sort((a, b) => a.r - b.r || a.x - b.x)
    .map((s) => s.i);
}

/** Even-odd point in polygon over all rings of the shape (base plot px). */
export function containsPoint(shape: MapShape, x: number, y: number): boolean {
  const [bx0, by0, bx1, by1] = shape.bbox;
  if (x < bx0 || x > bx1 || y < by0 || y > by1) return false;
  let inside = false;
  for (const ring of shape.rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const yi = ring[i + 1] as number;
      const yj = ring[j + 1] as number;
      if (yi > y !== yj > y) {
        const xi = ring[i] as number;
        const xj = ring[j] as number;
        if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

/** A uniform grid over the plot: each cell lists the shapes whose box meets it. */
export class GridIndex {
  readonly #cells: number[][];
  readonly #columns: number;
  readonly #rows: number;
  readonly #size: number;
  readonly #shapes: readonly MapShape[];

  constructor(shapes: readonly MapShape[], width: number, height: number) {
    this.#shapes = shapes;
    // About four shapes per cell.
    const cells = Math.max(1, Math.ceil(shapes.length / 4));
    this.#size = Math.max(4, Math.sqrt((Math.max(1, width) * Math.max(1, height)) / cells));
    this.#columns = Math.max(1, Math.ceil(width / this.#size));
    this.#rows = Math.max(1, Math.ceil(height / this.#size));
    this.#cells = Array.from({ length: this.#columns * this.#rows }, () => []);
    for (const shape of shapes) {
      const [c0, r0] = this.#cell(shape.bbox[0], shape.bbox[1]);
      const [c1, r1] = this.#cell(shape.bbox[2], shape.bbox[3]);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) this.#cells[r * this.#columns + c]?.push(shape.index);
    }
  }

  #cell(x: number, y: number): [number, number] {
    return [Math.min(this.#columns - 1, Math.max(0, Math.floor(x / this.#size))), Math.min(this.#rows - 1, Math.max(0, Math.floor(y / this.#size)))];
  }

  /** How many shapes a query at (x, y) tests: those listed in its cell. */
  candidates(x: number, y: number): readonly number[] {
    const [c, r] = this.#cell(x, y);
    return this.#cells[r * this.#columns + c] ?? [];
  }

  /** The shape at base plot px (x, y), or -1. */
  find(x: number, y: number): number {
    for (const i of this.candidates(x, y)) {
      const shape = this.#shapes[i];
      if (shape && containsPoint(shape, x, y)) return i;
    }
    return -1;
  }
}

/** The shape under plot px (x, y) with the map drawn through `transform` (base units to plot px), or -1. */
export function hitTest(map: PreparedMap, x: number, y: number, transform: MapTransform = IDENTITY): number {
  return map.index.find((x - transform.x) / transform.k, (y - transform.y) / transform.k);
}

/** A base point in plot px after the transform. */
export function toScreen(point: readonly [number, number], transform: MapTransform = IDENTITY): [number, number] {
  return [point[0] * transform.k + transform.x, point[1] * transform.k + transform.y];
}

/** The transform from base units to plot px that fits the whole map, or the given shapes, in `size` less `padding`. */
export function fitTransform(map: PreparedMap, size: { width: number; height: number }, indices?: readonly number[], padding = 8): MapTransform {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  if (!indices) [x0, y0, x1, y1] = [0, 0, map.width, map.height];
  else
    for (const i of indices) {
      const b = map.shapes[i]?.bbox;
      if (!b) continue;
      x0 = Math.min(x0, b[0]);
      y0 = Math.min(y0, b[1]);
      x1 = Math.max(x1, b[2]);
      y1 = Math.max(y1, b[3]);
    }
  if (!Number.isFinite(x0)) return IDENTITY;
  const k = Math.max(1e-9, Math.min((size.width - 2 * padding) / Math.max(1e-9, x1 - x0), (size.height - 2 * padding) / Math.max(1e-9, y1 - y0)));
  return { k, x: size.width / 2 - ((x0 + x1) / 2) * k, y: size.height / 2 - ((y0 + y1) / 2) * k };
}

/** `outer` after `inner`: the transform that applies `inner` first. */
export function composeTransform(outer: MapTransform, inner: MapTransform): MapTransform {
  return { k: outer.k * inner.k, x: outer.k * inner.x + outer.x, y: outer.k * inner.y + outer.y };
}

/** Keeps a zoom (applied on top of the fit) within `[1, maxK]` and the plot covered by the map's box. */
export function clampTransform(size: { width: number; height: number }, t: MapTransform, maxK = 16): MapTransform {
  const k = Math.max(1, Math.min(maxK, t.k));
  const minX = size.width - size.width * k;
  const minY = size.height - size.height * k;
  return { k, x: Math.min(0, Math.max(minX, t.x)), y: Math.min(0, Math.max(minY, t.y)) };
}

// ---- drawing ----------------------------------------------------------------------------

function ringPath(ring: Float64Array): string {
  let d = '';
  for (let i = 0; i < ring.length - 2; i += 2) d += `${i === 0 ? 'M' : 'L'}${Math.round((ring[i] as number) * 100) / 100},${Math.round((ring[i + 1] as number) * 100) / 100}`;
  return `${d}Z`;
}

/** The SVG path of a shape (base plot px, even-odd). */
export function shapePath(shape: MapShape): string {
  return shape.rings.map(ringPath).join('');
}

const svgCache = new WeakMap<PreparedMap, string[]>();

/**
 * Draws the prepared map into `surface` (emptied first when the renderer changes): SVG paths
 * for a few areas, one canvas for many. Fills come resolved; undefined fills are hatched.
 */
export function renderMap(surface: HTMLElement, map: PreparedMap, size: { width: number; height: number }, options: MapRenderOptions): MapMarks {
  const many = map.shapes.length > (options.canvasFrom ?? 400);
  const renderer = options.renderer === 'svg' || options.renderer === 'canvas' ? options.renderer : many ? 'canvas' : 'svg';
  const doc = surface.ownerDocument;
  if (renderer === 'svg') drawSvg(surface, doc, map, size, options);
  else drawCanvas(surface, doc, map, size, options);
  return { renderer, fills: options.fills };
}

function drawSvg(surface: HTMLElement, doc: Document, map: PreparedMap, size: { width: number; height: number }, options: MapRenderOptions): void {
  let root = surface.querySelector<SVGSVGElement>(':scope > svg.map');
  if (!root) {
    surface.replaceChildren();
    root = doc.createElementNS(SVG_NS, 'svg');
    root.setAttribute('class', 'map');
    root.setAttribute('aria-hidden', 'true');
    const defs = doc.createElementNS(SVG_NS, 'defs');
    const pattern = doc.createElementNS(SVG_NS, 'pattern');
    pattern.setAttribute('id', 'ioc-map-no-data');
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('width', '6');
    pattern.setAttribute('height', '6');
    pattern.setAttribute('patternTransform', 'rotate(45)');
    const back = doc.createElementNS(SVG_NS, 'rect');
    back.setAttribute('width', '6');
    back.setAttribute('height', '6');
    const line = doc.createElementNS(SVG_NS, 'line');
    line.setAttribute('x1', '0');
    line.setAttribute('y1', '0');
    line.setAttribute('x2', '0');
    line.setAttribute('y2', '6');
    line.setAttribute('stroke-width', '2');
    pattern.append(back, line);
    defs.append(pattern);
    const g = doc.createElementNS(SVG_NS, 'g');
    g.setAttribute('class', 'areas');
    root.append(defs, g);
    surface.append(root);
  }
  root.setAttribute('width', String(size.width));
  root.setAttribute('height', String(size.height));
  root.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
  const pattern = root.querySelector('pattern');
  pattern?.querySelector('rect')?.setAttribute('fill', options.noData.fill);
  pattern?.querySelector('line')?.setAttribute('stroke', options.noData.hatch);
  const g = root.querySelector<SVGGElement>('g.areas') as SVGGElement;
  const t = options.transform ?? IDENTITY;
  g.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
  let paths = svgCache.get(map);
  if (!paths) {
    paths = map.shapes.map(shapePath);
    svgCache.set(map, paths);
  }
  const existing = g.children;
  // Rebuild only when the shapes changed (another prepared map).
  if ((g as SVGGElement & { __map?: PreparedMap }).__map !== map) {
    const nodes = map.shapes.map((shape, i) => {
      const path = doc.createElementNS(SVG_NS, 'path');
      path.setAttribute('class', 'area');
      path.setAttribute('d', paths[i] as string);
      path.setAttribute('fill-rule', 'evenodd');
      path.setAttribute('vector-effect', 'non-scaling-stroke');
      path.setAttribute('data-code', shape.code);
      return path;
    });
    g.replaceChildren(...nodes);
    (g as SVGGElement & { __map?: PreparedMap }).__map = map;
  }
  for (let i = 0; i < existing.length; i++) {
    const path = existing[i] as SVGPathElement;
    const fill = options.fills[i];
    path.setAttribute('fill', fill ?? 'url(#ioc-map-no-data)');
    path.toggleAttribute('data-no-data', fill === undefined);
    path.setAttribute('stroke', options.stroke);
    path.setAttribute('stroke-width', '0.75');
    path.setAttribute('opacity', options.faded?.has(i) ? '0.2' : '1');
  }
  // Islands too small to see: a dot in the area's colour, a fixed size on screen.
  let dots = root.querySelector<SVGGElement>('g.dots');
  if (!dots) {
    dots = doc.createElementNS(SVG_NS, 'g');
    dots.setAttribute('class', 'dots');
    root.append(dots);
  }
  dots.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
  const circles: SVGCircleElement[] = [];
  for (const shape of map.shapes)
    for (let i = 0; i < shape.dots.length; i += 2) {
      const c = doc.createElementNS(SVG_NS, 'circle');
      c.setAttribute('cx', String(shape.dots[i]));
      c.setAttribute('cy', String(shape.dots[i + 1]));
      c.setAttribute('r', String(1.8 / t.k));
      c.setAttribute('fill', options.fills[shape.index] ?? options.noData.hatch);
      circles.push(c);
    }
  dots.replaceChildren(...circles);
  // The selected outline on top of its neighbours: a copy of its path above the others.
  let ring = root.querySelector<SVGPathElement>('path.selection');
  if (!ring) {
    ring = doc.createElementNS(SVG_NS, 'path');
    ring.setAttribute('class', 'selection');
    ring.setAttribute('fill', 'none');
    ring.setAttribute('fill-rule', 'evenodd');
    ring.setAttribute('vector-effect', 'non-scaling-stroke');
    ring.setAttribute('stroke-width', '3');
    root.append(ring);
  }
  ring.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
  ring.setAttribute('stroke', options.focus);
  ring.setAttribute('d', options.selected !== undefined ? (paths[options.selected] ?? '') : '');
}

/** The paths of one draw: one per fill colour (no data included), and the outlines, kept while the map and fills stay. */
interface CanvasPaths {
  fills: readonly (string | undefined)[];
  faded?: ReadonlySet<number>;
  groups: Map<string, Path2D>;
  noData: Path2D;
  fadedPath?: Path2D;
}
const canvasCache = new WeakMap<PreparedMap, CanvasPaths>();

/**
 * Each shape's own Path2D, built once per prepared map. Growing one big Path2D point by point
 * is superlinear in Chromium (10,000 shapes: ~1.7 s), while small paths joined with `addPath`
 * take ~40 ms: so every group is made of these.
 */
const shapePaths = new WeakMap<PreparedMap, Path2D[]>();

function pathsOf(map: PreparedMap): Path2D[] {
  let paths = shapePaths.get(map);
  if (!paths) {
    paths = map.shapes.map((shape) => {
      const path = new Path2D();
      for (const ring of shape.rings) {
        path.moveTo(ring[0] as number, ring[1] as number);
        for (let i = 2; i < ring.length - 2; i += 2) path.lineTo(ring[i] as number, ring[i + 1] as number);
        path.closePath();
      }
      return path;
    });
    shapePaths.set(map, paths);
  }
  return paths;
}

function canvasPaths(map: PreparedMap, options: MapRenderOptions): CanvasPaths {
  const cached = canvasCache.get(map);
  const sameFills = cached !== undefined && cached.fills.length === options.fills.length && cached.fills.every((f, i) => f === options.fills[i]);
  if (cached && sameFills && cached.faded === options.faded) return cached;
  const shapes = pathsOf(map);
  const groups = new Map<string, Path2D>();
  const noData = new Path2D();
  const fadedPath = options.faded && options.faded.size > 0 ? new Path2D() : undefined;
  for (let i = 0; i < shapes.length; i++) {
    const fill = options.fills[i];
    let path = noData;
    if (fill !== undefined) {
      path = groups.get(fill) ?? new Path2D();
      if (!groups.has(fill)) groups.set(fill, path);
    }
    path.addPath(shapes[i] as Path2D);
    if (fadedPath && options.faded?.has(i)) fadedPath.addPath(shapes[i] as Path2D);
  }
  const paths: CanvasPaths = { fills: options.fills, ...(options.faded ? { faded: options.faded } : {}), groups, noData, ...(fadedPath ? { fadedPath } : {}) };
  canvasCache.set(map, paths);
  return paths;
}

function drawCanvas(surface: HTMLElement, doc: Document, map: PreparedMap, size: { width: number; height: number }, options: MapRenderOptions): void {
  let canvas = surface.querySelector<HTMLCanvasElement>(':scope > canvas.map');
  if (!canvas) {
    surface.replaceChildren();
    canvas = doc.createElement('canvas');
    canvas.className = 'map';
    canvas.setAttribute('aria-hidden', 'true');
    surface.append(canvas);
  }
  const dpr = options.devicePixelRatio ?? doc.defaultView?.devicePixelRatio ?? 1;
  const w = Math.max(1, Math.round(size.width * dpr));
  const h = Math.max(1, Math.round(size.height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${size.width}px`;
  canvas.style.height = `${size.height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const t = options.transform ?? IDENTITY;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  const paths = canvasPaths(map, options);
  // One fill per colour.
  for (const [fill, group] of paths.groups) {
    ctx.fillStyle = fill;
    ctx.fill(group, 'evenodd');
  }
  ctx.fillStyle = options.noData.fill;
  ctx.fill(paths.noData, 'evenodd');
  const hatch = hatchPattern(doc, ctx, options.noData, dpr * t.k);
  if (hatch) {
    ctx.fillStyle = hatch;
    ctx.fill(paths.noData, 'evenodd');
  }
  if (paths.fadedPath) {
    ctx.globalAlpha = 0.8;
    ctx.fillStyle = options.noData.fill;
    ctx.fill(paths.fadedPath, 'evenodd');
    ctx.globalAlpha = 1;
  }
  // Islands too small to see: a dot in the area's colour, a fixed size on screen.
  const r = 1.8 / t.k;
  for (const shape of map.shapes) {
    if (shape.dots.length === 0) continue;
    const dots = new Path2D();
    for (let i = 0; i < shape.dots.length; i += 2) {
      dots.moveTo((shape.dots[i] as number) + r, shape.dots[i + 1] as number);
      dots.arc(shape.dots[i] as number, shape.dots[i + 1] as number, r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = options.fills[shape.index] ?? options.noData.hatch;
    ctx.fill(dots);
  }
  ctx.strokeStyle = options.stroke;
  ctx.lineWidth = 0.5 / t.k;
  ctx.lineJoin = 'round';
  // The outlines: the groups again (together they are every shape).
  for (const group of paths.groups.values()) ctx.stroke(group);
  ctx.stroke(paths.noData);
  const path = options.selected !== undefined ? pathsOf(map)[options.selected] : undefined;
  if (path) {
    ctx.strokeStyle = options.focus;
    ctx.lineWidth = 3 / t.k;
    ctx.stroke(path);
  }
}

function hatchPattern(doc: Document, ctx: CanvasRenderingContext2D, noData: { fill: string; hatch: string }, scale: number): CanvasPattern | null {
  const tile = doc.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const t = tile.getContext('2d');
  if (!t) return null;
  t.strokeStyle = noData.hatch;
  t.lineWidth = 1.5;
  t.beginPath();
  t.moveTo(0, 8);
  t.lineTo(8, 0);
  t.moveTo(-2, 2);
  t.lineTo(2, -2);
  t.moveTo(6, 10);
  t.lineTo(10, 6);
  t.stroke();
  const pattern = ctx.createPattern(tile, 'repeat');
  // The hatch keeps its screen size at every zoom.
  pattern?.setTransform(new DOMMatrix([1 / scale, 0, 0, 1 / scale, 0, 0]));
  return pattern;
}

// ---- classes ----------------------------------------------------------------------------

/** A class of values: an indicator band (VN_AQI "Kém") or a step of a ramp. */
export interface MapClass {
  from: number;
  to: number;
  label: string;
  color: string;
  /** How bad the class is, 0 the best (polarity-aware): for "Poor or worse". */
  rank: number;
}

/** Band classes (values beyond the first/last band take that band) or -1 for a non-finite value. */
export function classOf(classes: readonly MapClass[], value: number | null | undefined): number {
  if (value === null || value === undefined || !Number.isFinite(value) || classes.length === 0) return -1;
  for (let i = 0; i < classes.length; i++) if (value < (classes[i] as MapClass).to) return i;
  return classes.length - 1;
}

/**
 * Equal-interval classes over the values' range on a ramp (`colors` low to high), nice bounds.
 * `worseHigh` says whether higher values are worse (for the rank).
 */
export function rampClasses(values: readonly number[], colors: readonly string[], format: (x: number) => string, worseHigh = true, steps = 5): MapClass[] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0 || colors.length === 0) return [];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (hi === lo) {
    hi = lo + 1;
    lo = lo - 0;
  }
  const raw = (hi - lo) / steps;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const start = Math.floor(lo / step) * step;
  const n = Math.max(1, Math.ceil((hi - start) / step - 1e-9));
  return Array.from({ length: n }, (_, i) => {
    const from = start + i * step;
    const to = start + (i + 1) * step;
    const color = colors[Math.round((i / Math.max(1, n - 1)) * (colors.length - 1))] as string;
    return { from, to, label: `${format(from)}–${format(to)}`, color, rank: worseHigh ? i : n - 1 - i };
  });
}
