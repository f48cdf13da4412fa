/**
 * Point layers and the tile grid for the map renderer, stateless like it.
 *
 * `clusterPoints` groups markers that would overlap on screen at a zoom: a greedy pass in the
 * points' order over a grid of cells one radius wide (the single-zoom pass of supercluster, in
 * ~60 lines and no dependency), deterministic, so the same points at the same zoom always give the
 * same clusters; clusters split as the zoom grows. `renderPoints` draws markers and clusters
 * (with their count) into an SVG layer. `tileMap` turns a prepared map into one with every area as
 * an equal square placed roughly where the area lies, which the map renderer draws, hit-tests and
 * walks like any other.
 */
import { SVG_NS } from '../internal/draw.js';
import { GridIndex, type MapShape, type MapTransform, type PreparedMap } from './map.js';

/** A point in the map's base units, with what sizes or colours it. */
export interface MapPointInput {
  /** Base units (from `projectPoint`). */
  x: number;
  y: number;
  /** Sizes the marker (square root: area by value). */
  value?: number;
  /** 0 = least severe; colours the marker, the worst colours a cluster. */
  severity?: number;
}

/** A marker on screen: one point, or a cluster of several. */
export interface MapCluster {
  /** Plot px, after the transform. */
  x: number;
  y: number;
  /** Indices of the points in it (input order); one for a single marker. */
  members: number[];
  /** The worst severity among the members (-1: none given). */
  severity: number;
  /** Radius in px as drawn. */
  r: number;
}

/**
 * Clusters the points as they would be drawn through `transform`: any point within `radius` px of a
 * cluster's first point joins it (the cluster sits at its members' mean). O(n) with a grid.
 */
export function clusterPoints(points: readonly MapPointInput[], transform: MapTransform, options: { radius?: number; valueExtent?: [number, number] } = {}): MapCluster[] {
  const radius = options.radius ?? 28;
  const cell = radius;
  const sx = (p: MapPointInput) => p.x * transform.k + transform.x;
  const sy = (p: MapPointInput) => p.y * transform.k + transform.y;
  const grid = new Map<string, number[]>();
  const key = (c: number, r: number) => `${c},${r}`;
  points.forEach((p, i) => {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return;
    const k = key(Math.floor(sx(p) / cell), Math.floor(sy(p) / cell));
    const list = grid.get(k);
    if (list) list.push(i);
    else grid.set(k, [i]);
  });
  const taken = new Uint8Array(points.length);
  const clusters: MapCluster[] = [];
  const [lo, hi] = options.valueExtent ?? [0, 0];
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as MapPointInput;
    if (taken[i] || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const x = sx(p);
    const y = sy(p);
    const c0 = Math.floor(x / cell);
    const r0 = Math.floor(y / cell);
    const members = [i];
    taken[i] = 1;
    for (let r = r0 - 1; r <= r0 + 1; r++)
      for (let c = c0 - 1; c <= c0 + 1; c++)
        for (const j of grid.get(key(c, r)) ?? []) {
          if (taken[j]) continue;
          const q = points[j] as MapPointInput;
          if (Math.hypot(sx(q) - x, sy(q) - y) <= radius) {
            taken[j] = 1;
            members.push(j);
          }
        }
    let mx = 0;
    let my = 0;
    let severity = -1;
    for (const m of members) {
      const q = points[m] as MapPointInput;
      mx += sx(q);
      my += sy(q);
      if (q.severity !== undefined && Number.isFinite(q.severity) && q.severity > severity) severity = q.severity;
    }
    const one = members.length === 1;
    const value = p.value;
    // A single marker: 5–12 px by value (square root, so the area follows it); a cluster grows with the log of its count.
    const r = one ? (value !== undefined && Number.isFinite(value) && hi > lo ? 5 + 7 * Math.sqrt(Math.max(0, Math.min(1, (value - lo) / (hi - lo)))) : 7) : Math.min(24, 11 + 3.5 * Math.log2(members.length));
    clusters.push({ x: mx / members.length, y: my / members.length, members, severity, r });
  }
  return clusters;
}

export interface PointRenderOptions {
  /** Fill of a marker or cluster by its severity (index; -1 for none). */
  color: (severity: number) => string;
  /** A cluster is a disc of this colour ringed in its worst severity's colour, its count in `text`: readable in every theme. */
  surface: string;
  text: string;
  /** Ring around every single marker, so it stands out from the areas under it. */
  halo: string;
  /** Index of the focused marker (outlined), if any. */
  focused?: number;
  focus: string;
}

/** Draws the markers into `layer` (an `svg`), reusing its nodes. */
export function renderPoints(layer: SVGSVGElement, clusters: readonly MapCluster[], size: { width: number; height: number }, options: PointRenderOptions): void {
  const doc = layer.ownerDocument;
  layer.setAttribute('width', String(size.width));
  layer.setAttribute('height', String(size.height));
  const nodes: SVGGElement[] = [];
  clusters.forEach((cluster, i) => {
    const g = doc.createElementNS(SVG_NS, 'g');
    const many = cluster.members.length > 1;
    g.setAttribute('class', many ? 'marker cluster' : 'marker');
    g.setAttribute('data-count', String(cluster.members.length));
    g.setAttribute('transform', `translate(${Math.round(cluster.x * 10) / 10},${Math.round(cluster.y * 10) / 10})`);
    const circle = doc.createElementNS(SVG_NS, 'circle');
    circle.setAttribute('r', String(Math.round(cluster.r * 10) / 10));
    const focused = i === options.focused;
    circle.setAttribute('fill', many ? options.surface : options.color(cluster.severity));
    circle.setAttribute('stroke', focused ? options.focus : many ? options.color(cluster.severity) : options.halo);
    circle.setAttribute('stroke-width', focused ? '4' : many ? '3.5' : '2');
    g.append(circle);
    if (many) {
      const text = doc.createElementNS(SVG_NS, 'text');
      text.setAttribute('text-anchor', 'middle');
      text.setAttribute('dy', '0.35em');
      text.setAttribute('fill', options.text);
      text.textContent = cluster.members.length > 999 ? `${Math.floor(cluster.members.length / 1000)}k` : String(cluster.members.length);
      g.append(text);
    }
    nodes.push(g);
  });
  layer.replaceChildren(...nodes);
}

/** The marker under plot px (x, y) (within its radius plus `slop`), the nearest when several, or -1. */
export function clusterAt(clusters: readonly MapCluster[], x: number, y: number, slop = 3): number {
  let best = -1;
  let bestD = Infinity;
  clusters.forEach((c, i) => {
    const d = Math.hypot(c.x - x, c.y - y);
    if (d <= c.r + slop && d < bestD) {
      best = i;
      bestD = d;
    }
  });
  return best;
}

/** Keyboard order of markers: rows of 40 px north to south, west to east within a row. */
export function clusterOrder(clusters: readonly MapCluster[]): number[] {
  return clusters
    .map((c, i) => ({ i, r: Math.floor(c.y / 40), x: c.x }))
    .sort((a, b) => a.r - b.r || a.x - b.x || a.i - b.i)
    .map((c) => c.i);
}

// ---- tile grid --------------------------------------------------------------------------

/**
 * The map with every area as an equal square, placed roughly where it lies: a grid about as wide
 * as the map's proportions allow (one spare row and column), each area aimed at the cell of its
 * label point (half its position, half its rank, so crowded parts spread out), then placed in
 * keyboard order (north to south, west to east) at the free cell nearest its aim, ties broken by
 * row then column. Deterministic. Codes, names and indices stay, so fills, legend and tooltips do.
 */
export function tileMap(map: PreparedMap): PreparedMap {
  const n = map.shapes.length;
  if (n === 0) return map;
  const xs = map.shapes.map((s) => s.centroid[0]);
  const ys = map.shapes.map((s) => s.centroid[1]);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const aspect = Math.max(0.2, Math.min(5, (maxX - minX || 1) / (maxY - minY || 1)));
  const columns = Math.max(1, Math.round(Math.sqrt(n * aspect))) + (n > 3 ? 1 : 0);
  const rows = Math.max(1, Math.ceil(n / Math.max(1, columns - 1))) + (n > 3 ? 1 : 0);
  const rank = (values: number[]) => {
    const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
    const out = new Array<number>(values.length);
    order.forEach((o, r) => (out[o.i] = n > 1 ? r / (n - 1) : 0.5));
    return out;
  };
  const rx = rank(xs);
  const ry = rank(ys);
  const aim = map.shapes.map((s, i) => {
    const px = maxX > minX ? (s.centroid[0] - minX) / (maxX - minX) : 0.5;
    const py = maxY > minY ? (s.centroid[1] - minY) / (maxY - minY) : 0.5;
    return [((px + (rx[i] as number)) / 2) * (columns - 1), ((py + (ry[i] as number)) / 2) * (rows - 1)] as const;
  });
  const free = new Uint8Array(columns * rows).fill(1);
  const cellOf = new Array<[number, number]>(n);
  for (const i of map.order) {
    const [ax, ay] = aim[i] as readonly [number, number];
    let best = -1;
    let bestD = Infinity;
    for (let c = 0; c < free.length; c++) {
      if (!free[c]) continue;
      const d = (c % columns - ax) ** 2 + (Math.floor(c / columns) - ay) ** 2;
      if (d < bestD - 1e-9) {
        bestD = d;
        best = c;
      }
    }
    free[best] = 0;
    cellOf[i] = [best % columns, Math.floor(best / columns)];
  }
  // Square cells with a gap, in base units: the longer side of the grid is 1000.
  const size = 1000 / Math.max(columns, rows);
  const gap = size * 0.08;
  const shapes: MapShape[] = map.shapes.map((s, i) => {
    const [c, r] = cellOf[i] as [number, number];
    const x0 = c * size + gap / 2;
    const y0 = r * size + gap / 2;
    const x1 = x0 + size - gap;
    const y1 = y0 + size - gap;
    return { index: i, code: s.code, name: s.name, rings: [Float64Array.of(x0, y0, x1, y0, x1, y1, x0, y1, x0, y0)], bbox: [x0, y0, x1, y1], centroid: [(x0 + x1) / 2, (y0 + y1) / 2], parts: 1, dots: new Float64Array(0) };
  });
  const width = columns * size;
  const height = rows * size;
  const order = [...shapes].sort((a, b) => a.centroid[1] - b.centroid[1] || a.centroid[0] - b.centroid[0]).map((s) => s.index);
  return { ...map, shapes, width, height, order, index: new GridIndex(shapes, width, height) };
}

/** An area's name without its kind ("Tỉnh", "Thành phố", "Xã", "Phường", "Đặc khu"), for a tile's label. */
export function shortName(name: string): string {
  return name.replace(/^(Tỉnh|Thành phố|TP\.?|Xã|Phường|Thị trấn|Thị xã|Quận|Huyện|Đặc khu|Province|City|Commune|Ward)\s+/iu, '').trim() || name;
}
