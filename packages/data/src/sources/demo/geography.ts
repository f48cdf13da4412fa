/**
 * The demo province's geography, generated from a seed: a fictional outline in the Gulf of Tonkin
 * (open sea, so it can never be mistaken for a real province), split into small Voronoi "cells".
 * Every unit is a union of cells, so all boundaries nest exactly and share edges:
 * - about 100 communes today (from 1 July 2025), each a few cells;
 * - about 170 smaller communes before that, grouped into 8 districts; most merged whole into one
 *   of today's communes, some were split between two (a partial merge, with population shares);
 * - "parts": the pieces where an old and a new commune overlap. Data is generated per part, so
 *   old and new units, districts and the province all add up from the same numbers.
 */
import { Delaunay } from 'd3-delaunay';
import type { Area, Geometry, Position } from '../../contract/areas.js';
import { REORGANISATION_DATE } from '../../contract/areas.js';
import { mulberry32 } from '../../internal/random.js';

export const DEMO_PROVINCE_CODE = '90';
/** Centre of the fictional province: open sea in the Gulf of Tonkin. */
const CENTRE: readonly [number, number] = [107.2, 19.0];
const KM_PER_DEGREE_LAT = 110.57;
const KM_PER_DEGREE_LON = 111.32 * Math.cos((CENTRE[1] * Math.PI) / 180);

/** The piece of land where one old commune overlaps one new commune: the unit demo data is made for. */
export interface DemoPart {
  index: number;
  oldCode: string;
  newCode: string;
  population: number;
  /** 0 (remote countryside) .. 1 (city centre). */
  urban: number;
  centroid: readonly [number, number];
}

export interface DemoGeography {
  areas: readonly Area[];
  parts: readonly DemoPart[];
  /** Parts that make up each area code (any level, any date). */
  partsOf: ReadonlyMap<string, readonly number[]>;
  /** Outline of each area code as GeoJSON geometry (WGS84, exterior rings counter-clockwise as RFC 7946 asks). */
  geometryOf(code: string): Geometry | null;
}

interface Cell {
  x: number;
  y: number;
  ring: [number, number][];
  population: number;
  urban: number;
  neighbours: number[];
}

const SYLLABLES_A = ['Mây', 'Sương', 'Ngàn', 'Biếc', 'Lụa', 'Khói', 'Trầm', 'Rêu', 'Thơm', 'Nguyệt', 'Vân', 'Bồng', 'Cốm', 'Nhạn', 'Sáo', 'Giang'];
const SYLLABLES_B = ['Thịnh', 'Hưng', 'Lạc', 'Phú', 'Hòa', 'Tân', 'Xuân', 'Yên', 'Long', 'Khê', 'Sơn', 'Lâm', 'Thủy', 'Đình', 'Bình', 'Cát', 'Điền', 'Trung', 'Đông', 'Tây', 'Nam', 'Bắc'];

function ascii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Builds the geography. Deterministic for a seed; takes a few milliseconds. */
export function buildGeography(seed: number): DemoGeography {
  const random = mulberry32(seed ^ 0x9e3779b9);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

  // An irregular outline: radius with a few seeded harmonics (km, around the centre).
  const harmonics = [2, 3, 5, 7].map((k) => ({ k, amplitude: (0.14 / Math.sqrt(k)) * (0.5 + random()), phase: random() * 2 * Math.PI }));
  const radiusAt = (angle: number) => 52 * (1 + harmonics.reduce((sum, h) => sum + h.amplitude * Math.sin(h.k * angle + h.phase), 0));
  const inside = (x: number, y: number) => Math.hypot(x, y) < radiusAt(Math.atan2(y, x));

  // Jittered grid: cells inside the outline are the province; outside ones only shape its border.
  const spacing = 5.2;
  const points: [number, number][] = [];
  for (let gx = -90; gx <= 90; gx += spacing) {
    for (let gy = -90; gy <= 90; gy += spacing) {
      points.push([gx + (random() - 0.5) * spacing * 0.8, gy + (random() - 0.5) * spacing * 0.8]);
    }
  }
  const delaunay = Delaunay.from(points);
  const voronoi = delaunay.voronoi([-100, -100, 100, 100]);
  const centreCity: [number, number] = [(random() - 0.5) * 16, (random() - 0.5) * 16];
  const secondTown: [number, number] = [centreCity[0] + 28 * Math.cos(random() * 6.28), centreCity[1] + 28 * Math.sin(random() * 6.28)];
  const indexOfPoint = new Map<number, number>();
  const cells: Cell[] = [];
  points.forEach(([x, y], i) => {
    if (!inside(x, y)) return;
    const polygon = voronoi.cellPolygon(i);
    if (!polygon) return;
    const ring = orientCounterClockwise(polygon.map(([px, py]) => [px, py] as [number, number]));
    const urban = Math.min(1, Math.exp(-(((x - centreCity[0]) ** 2 + (y - centreCity[1]) ** 2) / (2 * 9 ** 2))) + 0.55 * Math.exp(-(((x - secondTown[0]) ** 2 + (y - secondTown[1]) ** 2) / (2 * 5 ** 2))));
    const population = Math.round(2600 * Math.exp(0.35 * gauss()) * (1 + 9 * urban));
    indexOfPoint.set(i, cells.length);
    cells.push({ x, y, ring, population, urban, neighbours: [] });
  });
  for (const [pointIndex, cellIndex] of indexOfPoint) {
    const cell = cells[cellIndex];
    if (!cell) continue;
    for (const neighbour of delaunay.neighbors(pointIndex)) {
      const other = indexOfPoint.get(neighbour);
      if (other !== undefined) cell.neighbours.push(other);
    }
  }

  // Today's communes: k-means on cells, weighted by population so towns get smaller communes.
  const newOf = kMeans(cells, 100, random, 0.35);
  // Old communes: each new commune split into 1..3 pieces (so most merges are whole).
  const oldOf = new Array<number>(cells.length).fill(-1);
  const oldHome: number[] = [];
  const newGroups = groupsOf(newOf);
  for (const [newIndex, members] of newGroups) {
    const pieces = Math.max(1, Math.min(members.length, random() < 0.15 ? 1 : random() < 0.6 ? 2 : 3));
    const local = kMeans(members.map((m) => cells[m] as Cell), pieces, random, 0);
    const base = oldHome.length;
    const used = new Set(local);
    const remap = new Map<number, number>();
    for (const label of [...used].sort((a, b) => a - b)) {
      remap.set(label, oldHome.length);
      oldHome.push(newIndex);
    }
    members.forEach((member, k) => (oldOf[member] = remap.get(local[k] ?? 0) ?? base));
  }
  // Partial merges: some cells on a border between two new communes belonged to the old commune
  // across the border, so that old commune was split between two new ones.
  const oldSize = new Map<number, number>();
  for (const o of oldOf) oldSize.set(o, (oldSize.get(o) ?? 0) + 1);
  const moved = new Set<number>();
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell || random() > 0.07) continue;
    const own = oldOf[c] ?? -1;
    if ((oldSize.get(own) ?? 0) < 2 || moved.has(own)) continue;
    const across = cell.neighbours.find((n) => newOf[n] !== newOf[c] && !moved.has(oldOf[n] ?? -1));
    if (across === undefined) continue;
    const target = oldOf[across] ?? -1;
    oldSize.set(own, (oldSize.get(own) ?? 0) - 1);
    oldSize.set(target, (oldSize.get(target) ?? 0) + 1);
    oldOf[c] = target;
    moved.add(own);
    moved.add(target);
  }
  // Districts before 2025: k-means on old communes' centres.
  const oldGroups = groupsOf(oldOf);
  const oldCentres = [...oldGroups].map(([index, members]) => ({ index, ...centreOf(members.map((m) => cells[m] as Cell)) }));
  const districtOfOld = new Map<number, number>();
  const districtLabels = kMeans(oldCentres.map((c) => ({ x: c.x, y: c.y, population: c.population })), 8, random, 0);
  oldCentres.forEach((c, k) => districtOfOld.set(c.index, districtLabels[k] ?? 0));

  // Names and codes. Old communes get codes in district order (steps of 3, as the register does);
  // each new commune keeps the code of its largest old commune, as most did in 2025.
  const names = nameGenerator(random);
  const oldOrder = [...oldGroups.keys()].sort((a, b) => (districtOfOld.get(a) ?? 0) - (districtOfOld.get(b) ?? 0) || a - b);
  const oldCode = new Map<number, string>();
  oldOrder.forEach((o, i) => oldCode.set(o, String(90001 + 3 * i)));
  const population = (members: readonly number[]) => members.reduce((sum, m) => sum + (cells[m]?.population ?? 0), 0);
  const newCode = new Map<number, string>();
  const newHomeOlds = new Map<number, number[]>();
  oldHome.forEach((home, o) => newHomeOlds.set(home, [...(newHomeOlds.get(home) ?? []), o]));
  for (const [newIndex] of newGroups) {
    const candidates = (newHomeOlds.get(newIndex) ?? []).filter((o) => oldGroups.has(o));
    // The commune that took over 90001 keeps that code, so examples can always name it; the
    // others keep their most populous predecessor's.
    const first = oldOrder[0];
    candidates.sort((a, b) => Number(b === first) - Number(a === first) || population(oldGroups.get(b) ?? []) - population(oldGroups.get(a) ?? []) || a - b);
    const chosen = candidates[0];
    newCode.set(newIndex, chosen === undefined ? String(90900 + newIndex) : (oldCode.get(chosen) ?? ''));
  }

  // Parts: (old, new) overlaps.
  const partKey = (c: number) => `${oldOf[c]}|${newOf[c]}`;
  const partCells = new Map<string, number[]>();
  cells.forEach((_, c) => partCells.set(partKey(c), [...(partCells.get(partKey(c)) ?? []), c]));
  const parts: DemoPart[] = [];
  const partsOf = new Map<string, number[]>();
  const addPart = (code: string, index: number) => partsOf.set(code, [...(partsOf.get(code) ?? []), index]);
  const districtCode = (d: number) => String(901 + d);
  for (const [key, members] of [...partCells].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [o = -1, n = -1] = key.split('|').map(Number);
    const centre = centreOf(members.map((m) => cells[m] as Cell));
    const part: DemoPart = {
      index: parts.length,
      oldCode: oldCode.get(o) ?? '',
      newCode: newCode.get(n) ?? '',
      population: centre.population,
      urban: members.reduce((sum, m) => sum + (cells[m]?.urban ?? 0) * (cells[m]?.population ?? 0), 0) / Math.max(1, centre.population),
      centroid: toLonLat(centre.x, centre.y),
    };
    parts.push(part);
    addPart(part.oldCode, part.index);
    addPart(districtCode(districtOfOld.get(o) ?? 0), part.index);
    addPart(DEMO_PROVINCE_CODE, part.index);
  }
  // New communes' parts, registered under the new unit (whose code may equal an old one's).
  const newParts = new Map<string, number[]>();
  for (const part of parts) newParts.set(part.newCode, [...(newParts.get(part.newCode) ?? []), part.index]);

  const areas: Area[] = [];
  const geometry = new Map<string, Geometry>();
  const cellsOfUnit = (predicate: (c: number) => boolean) => cells.map((_, c) => c).filter(predicate);
  const provinceCells = cells.map((_, c) => c);
  areas.push({
    code: DEMO_PROVINCE_CODE,
    level: 'province',
    name: { vi: 'Tỉnh Sông Mây (demo)', en: 'Song May Province (demo)' },
    population: population(provinceCells),
    centroid: toLonLat(centreCity[0], centreCity[1]),
  });
  geometry.set(`${DEMO_PROVINCE_CODE}|province`, unionGeometry(cells, provinceCells));

  // Districts: the one holding the city centre is a city, the next most urban a town.
  const districtUrban = [...new Set(districtLabels)].map((d) => {
    const members = cellsOfUnit((c) => districtOfOld.get(oldOf[c] ?? -1) === d);
    return { d, members, urban: members.reduce((s, m) => s + (cells[m]?.urban ?? 0), 0) / Math.max(1, members.length) };
  });
  const urbanRank = [...districtUrban].sort((a, b) => b.urban - a.urban).map((x) => x.d);
  for (const { d, members } of districtUrban.sort((a, b) => a.d - b.d)) {
    const rank = urbanRank.indexOf(d);
    const [vi, en] = rank === 0 ? ['Thành phố', 'City'] : rank === 1 ? ['Thị xã', 'Town'] : ['Huyện', 'District'];
    const base = names.next();
    const centre = centreOf(members.map((m) => cells[m] as Cell));
    areas.push({
      code: districtCode(d),
      level: 'district',
      name: { vi: `${vi} ${base}`, en: `${ascii(base)} ${en}` },
      parent: DEMO_PROVINCE_CODE,
      validTo: REORGANISATION_DATE,
      population: centre.population,
      centroid: toLonLat(centre.x, centre.y),
    });
    geometry.set(`${districtCode(d)}|district`, unionGeometry(cells, members));
  }

  for (const o of oldOrder) {
    const members = oldGroups.get(o) ?? [];
    const centre = centreOf(members.map((m) => cells[m] as Cell));
    const urban = members.reduce((s, m) => s + (cells[m]?.urban ?? 0), 0) / Math.max(1, members.length);
    const [vi, en] = urban > 0.45 ? ['Phường', 'Ward'] : urban > 0.2 ? ['Thị trấn', 'Township'] : ['Xã', 'Commune'];
    const base = names.next();
    const code = oldCode.get(o) ?? '';
    // Shares by population: how much of the old commune each of today's communes received.
    const byNew = new Map<string, number>();
    for (const m of members) {
      const target = newCode.get(newOf[m] ?? -1) ?? '';
      byNew.set(target, (byNew.get(target) ?? 0) + (cells[m]?.population ?? 0));
    }
    const total = centre.population || 1;
    areas.push({
      code,
      level: 'commune',
      name: { vi: `${vi} ${base}`, en: `${ascii(base)} ${en}` },
      parent: districtCode(districtOfOld.get(o) ?? 0),
      validTo: REORGANISATION_DATE,
      successors: [...byNew].sort((a, b) => b[1] - a[1]).map(([successor, people]) => ({ code: successor, share: Math.round((people / total) * 1e4) / 1e4 })),
      population: centre.population,
      centroid: toLonLat(centre.x, centre.y),
    });
    geometry.set(`${code}|commune|old`, unionGeometry(cells, members));
  }

  const oldName = new Map(areas.filter((a) => a.level === 'commune').map((a) => [a.code, a.name]));
  for (const [newIndex, members] of [...newGroups].sort((a, b) => Number(newCode.get(a[0])) - Number(newCode.get(b[0])))) {
    const code = newCode.get(newIndex) ?? '';
    const centre = centreOf(members.map((m) => cells[m] as Cell));
    const urban = members.reduce((s, m) => s + (cells[m]?.urban ?? 0), 0) / Math.max(1, members.length);
    const [vi, en] = urban > 0.35 ? ['Phường', 'Ward'] : ['Xã', 'Commune'];
    // About half the new communes kept the name of the commune whose code they kept.
    const kept = oldName.get(code);
    const base = kept && random() < 0.5 ? kept.vi.replace(/^(Phường|Thị trấn|Xã) /, '') : names.next();
    areas.push({
      code,
      level: 'commune',
      name: { vi: `${vi} ${base}`, en: `${ascii(base)} ${en}` },
      parent: DEMO_PROVINCE_CODE,
      validFrom: REORGANISATION_DATE,
      population: centre.population,
      centroid: toLonLat(centre.x, centre.y),
    });
    geometry.set(`${code}|commune|new`, unionGeometry(cells, members));
  }

  const partsByCode = new Map<string, readonly number[]>();
  for (const area of areas) {
    const list = area.level === 'commune' && area.validFrom !== undefined ? newParts.get(area.code) : partsOf.get(area.code);
    partsByCode.set(`${area.code}|${area.validFrom ?? ''}`, list ?? []);
  }

  return {
    areas,
    parts,
    partsOf: new Map([...partsByCode].map(([key, list]) => [key, list])),
    geometryOf(key: string): Geometry | null {
      return geometry.get(key) ?? null;
    },
  };
}

/** The key `partsOf` and `geometryOf` use for an area entry (a code may have an old and a new entry). */
export function areaKey(area: Area): string {
  return `${area.code}|${area.validFrom ?? ''}`;
}

/** The key for `geometryOf`. */
export function geometryKey(area: Area): string {
  const era = area.level === 'commune' ? (area.validFrom !== undefined ? '|new' : '|old') : '';
  return `${area.code}|${area.level}${era}`;
}

function toLonLat(x: number, y: number): [number, number] {
  return [round6(CENTRE[0] + x / KM_PER_DEGREE_LON), round6(CENTRE[1] + y / KM_PER_DEGREE_LAT)];
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function signedArea(ring: readonly (readonly [number, number])[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i] ?? [0, 0];
    const [x1, y1] = ring[i + 1] ?? [0, 0];
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

function orientCounterClockwise(ring: [number, number][]): [number, number][] {
  return signedArea(ring) < 0 ? ring.reverse() : ring;
}

function centreOf(members: readonly Cell[]): { x: number; y: number; population: number } {
  const population = members.reduce((s, c) => s + c.population, 0);
  const weight = population || 1;
  return {
    x: members.reduce((s, c) => s + c.x * c.population, 0) / weight,
    y: members.reduce((s, c) => s + c.y * c.population, 0) / weight,
    population,
  };
}

function groupsOf(labels: readonly number[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  labels.forEach((label, i) => groups.set(label, [...(groups.get(label) ?? []), i]));
  return new Map([...groups].sort((a, b) => a[0] - b[0]));
}

/**
 * Seeded k-means on points (a few Lloyd rounds). `densityBias` > 0 pulls more centres into
 * populous places, so urban units come out smaller, as wards are.
 */
function kMeans(points: readonly { x: number; y: number; population: number }[], k: number, random: () => number, densityBias: number): number[] {
  const n = points.length;
  if (n === 0) return [];
  const count = Math.min(k, n);
  // k-means++ style seeding, deterministic through `random`.
  const centres: { x: number; y: number }[] = [];
  const first = points[Math.floor(random() * n)] ?? { x: 0, y: 0 };
  centres.push({ x: first.x, y: first.y });
  // Squared distance from each point to its nearest centre so far, updated as centres are added.
  const nearest = points.map((p) => (p.x - first.x) ** 2 + (p.y - first.y) ** 2);
  while (centres.length < count) {
    const weights = points.map((p, i) => (nearest[i] ?? 0) * (densityBias > 0 ? p.population ** densityBias : 1));
    const total = weights.reduce((s, w) => s + w, 0);
    let pick = random() * total;
    let chosen = 0;
    for (let i = 0; i < n; i++) {
      pick -= weights[i] ?? 0;
      if (pick <= 0) {
        chosen = i;
        break;
      }
    }
    const p = points[chosen] ?? first;
    centres.push({ x: p.x, y: p.y });
    points.forEach((q, i) => {
      const d = (q.x - p.x) ** 2 + (q.y - p.y) ** 2;
      if (d < (nearest[i] ?? Infinity)) nearest[i] = d;
    });
  }
  let labels = new Array<number>(n).fill(0);
  for (let round = 0; round < 8; round++) {
    labels = points.map((p) => {
      let best = 0;
      let bestDistance = Infinity;
      centres.forEach((c, i) => {
        const d = (c.x - p.x) ** 2 + (c.y - p.y) ** 2;
        if (d < bestDistance) {
          bestDistance = d;
          best = i;
        }
      });
      return best;
    });
    centres.forEach((c, i) => {
      const members = points.filter((_, j) => labels[j] === i);
      if (members.length === 0) return;
      c.x = members.reduce((s, p) => s + p.x, 0) / members.length;
      c.y = members.reduce((s, p) => s + p.y, 0) / members.length;
    });
  }
  return labels;
}

/**
 * The outline of a set of cells: edges shared by two member cells cancel out (they run in opposite
 * directions because every ring is counter-clockwise), and the rest chain into rings. Holes are
 * attached to the ring that contains them; several outer rings make a MultiPolygon.
 */
function unionGeometry(cells: readonly Cell[], members: readonly number[]): Geometry {
  const key = (p: readonly [number, number]) => `${p[0]},${p[1]}`;
  const edges = new Map<string, { from: [number, number]; to: [number, number] }>();
  for (const m of members) {
    const ring = cells[m]?.ring ?? [];
    for (let i = 0; i < ring.length - 1; i++) {
      const from = ring[i] as [number, number];
      const to = ring[i + 1] as [number, number];
      const reverse = `${key(to)}>${key(from)}`;
      if (edges.has(reverse)) edges.delete(reverse);
      else edges.set(`${key(from)}>${key(to)}`, { from, to });
    }
  }
  const bySource = new Map<string, { from: [number, number]; to: [number, number] }[]>();
  for (const edge of edges.values()) bySource.set(key(edge.from), [...(bySource.get(key(edge.from)) ?? []), edge]);
  const rings: [number, number][][] = [];
  const used = new Set<{ from: [number, number]; to: [number, number] }>();
  for (const edge of edges.values()) {
    if (used.has(edge)) continue;
    const ring: [number, number][] = [edge.from];
    let current = edge;
    while (current && !used.has(current)) {
      used.add(current);
      ring.push(current.to);
      const next: { from: [number, number]; to: [number, number] } | undefined = (bySource.get(key(current.to)) ?? []).find((e) => !used.has(e));
      if (!next) break;
      current = next;
    }
    if (ring.length >= 4 && key(ring[0] as [number, number]) === key(ring[ring.length - 1] as [number, number])) rings.push(ring);
  }
  const outer = rings.filter((r) => signedArea(r) > 0);
  const holes = rings.filter((r) => signedArea(r) < 0);
  const polygons: Position[][][] = outer.map((r) => [r.map(([x, y]) => toLonLat(x, y))]);
  for (const hole of holes) {
    const [hx, hy] = hole[0] ?? [0, 0];
    const owner = outer.findIndex((r) => pointInRing(hx, hy, r));
    polygons[owner < 0 ? 0 : owner]?.push(hole.map(([x, y]) => toLonLat(x, y)));
  }
  const first = polygons[0];
  if (polygons.length === 1 && first) return { type: 'Polygon', coordinates: first };
  return { type: 'MultiPolygon', coordinates: polygons };
}

function pointInRing(x: number, y: number, ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] ?? [0, 0];
    const [xj, yj] = ring[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Invented two-syllable names, never repeated, built so that at least one syllable is rare in real place names. */
function nameGenerator(random: () => number): { next(): string } {
  const used = new Set<string>();
  return {
    next() {
      for (let attempt = 0; attempt < 1000; attempt++) {
        const a = SYLLABLES_A[Math.floor(random() * SYLLABLES_A.length)] ?? 'Mây';
        const b = SYLLABLES_B[Math.floor(random() * SYLLABLES_B.length)] ?? 'Thịnh';
        const name = random() < 0.5 ? `${a} ${b}` : `${b} ${a}`;
        if (!used.has(name)) {
          used.add(name);
          return name;
        }
      }
      const fallback = `Mây ${used.size}`;
      used.add(fallback);
      return fallback;
    },
  };
}

