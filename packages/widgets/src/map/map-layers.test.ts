import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createDemoSource, type ByAreaResult, type Feature, type FeatureCollection, type Geometry } from '@ioc-kit/data';
import { clusterPoints, prepareMap, tileMap } from '@ioc-kit/charts';
import { readShared } from '../../../../tests/support/server.js';
import { loadCatalogue } from '../internal/indicator.js';
import '../provider/provider.js';
import './map.js';
import type { IocMap, MapPoint } from './map.js';

const unit = { code: '1', system: 'UCUM' as const, label: { vi: 'AQI', en: 'AQI' } };
const square = (x: number, y: number, s = 1): number[][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const feature = (code: string, geometry: Geometry | null, name = `Xã ${code}`): Feature => ({ type: 'Feature', geometry, properties: { code, name } });
/** A province-sized block of 4×4 communes, 0.25° each. */
const block: FeatureCollection = {
  type: 'FeatureCollection',
  features: Array.from({ length: 16 }, (_, i) => feature(String(i + 1).padStart(2, '0'), { type: 'Polygon', coordinates: [square(106.5 + (i % 4) * 0.25, 19 - Math.floor(i / 4) * 0.25, 0.25)] })),
};
const values: ByAreaResult = { kind: 'by-area', indicator: 'environment.aqi', unit, level: 'commune', partial: false, rows: block.features.map((f, i) => ({ area: String(f.properties.code), value: 20 + i * 15 })) };
/** 120 stations in three tight groups and a scattered few; deterministic. */
function stations(): MapPoint[] {
  const out: MapPoint[] = [];
  let seed = 7;
  const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const groups = [
    [106.62, 19.12],
    [107.1, 18.62],
    [106.9, 18.9],
  ] as const;
  for (let i = 0; i < 120; i++) {
    const [lon, lat] = groups[i % 3] as readonly [number, number];
    out.push({ id: `S${i}`, lon: lon + (next() - 0.5) * 0.05, lat: lat + (next() - 0.5) * 0.05, value: Math.round(next() * 200), severity: i === 5 ? 'critical' : i % 7 === 0 ? 'high' : 'low', label: `Trạm ${i}`, unit: 'AQI' });
  }
  return out;
}

const shadow = (element: IocMap) => element.shadowRoot!;
async function ready(element: IocMap): Promise<IocMap> {
  await waitUntil(() => element.state === 'error' || element.state === 'empty' || element.marks !== undefined, 'map never drew', { timeout: 8000 });
  return element;
}
async function press(element: IocMap, key: string): Promise<string> {
  const plot = shadow(element).querySelector<HTMLElement>('[part="plot"]')!;
  plot.focus();
  plot.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  await element.updateComplete;
  return shadow(element).querySelector('[aria-live="polite"]')!.textContent.trim();
}
const markerNodes = (element: IocMap) => [...shadow(element).querySelectorAll<SVGGElement>('.surface svg.points g.marker')];

describe('<ioc-map> point layers, tile grid, dates', () => {
  before(() => loadCatalogue());

  it('clusters points closer than the radius, deterministically, and splits them as the zoom grows', () => {
    const points = [
      { x: 10, y: 10 },
      { x: 11, y: 10.5 },
      { x: 12, y: 10 },
      { x: 200, y: 200 },
    ];
    const far = clusterPoints(points, { k: 1, x: 0, y: 0 }, { radius: 20 });
    expect(far.map((c) => c.members)).to.deep.equal([[0, 1, 2], [3]]);
    expect(clusterPoints(points, { k: 1, x: 0, y: 0 }, { radius: 20 })).to.deep.equal(far);
    const near = clusterPoints(points, { k: 40, x: 0, y: 0 }, { radius: 20 });
    expect(near.length).to.equal(4);
    // Bad coordinates are left out, never thrown on.
    expect(clusterPoints([{ x: NaN, y: 1 }, ...points], { k: 1, x: 0, y: 0 }, { radius: 20 }).flatMap((c) => c.members).sort()).to.deep.equal([1, 2, 3, 4]);
  });

  it('shows stations as clusters with counts at province scale; a click on a cluster zooms in and splits it', async () => {
    const element = await ready(await fixture<IocMap>(html`<ioc-map style="width:600px" .geojson=${block} .data=${values} .points=${stations()}></ioc-map>`));
    await waitUntil(() => markerNodes(element).length > 0, 'no markers');
    const before = element.marks!.markers;
    expect(before.reduce((n, m) => n + m.count, 0)).to.equal(120);
    expect(before.length).to.be.at.most(6);
    const biggest = before.reduce((a, b) => (b.count > a.count ? b : a));
    expect(markerNodes(element).some((g) => g.querySelector('text')?.textContent === String(biggest.count))).to.be.true;
    const surface = shadow(element).querySelector<HTMLElement>('.surface')!;
    const box = surface.getBoundingClientRect();
    const at = { clientX: box.left + biggest.x, clientY: box.top + biggest.y, bubbles: true, composed: true, pointerId: 1, buttons: 0 };
    surface.dispatchEvent(new PointerEvent('pointerdown', at));
    surface.dispatchEvent(new PointerEvent('pointerup', at));
    await element.updateComplete;
    const after = element.marks!.markers;
    expect(after.length).to.be.greaterThan(before.length);
    // The worst severity colours the cluster ring: the critical station's group.
    expect(element.marks!.markers.every((m) => m.count >= 1)).to.be.true;
  });

  it('reaches the markers by keyboard (M), announces a cluster, Enter zooms, and hover shows a marker tooltip', async () => {
    const element = await ready(await fixture<IocMap>(html`<ioc-map style="width:600px" .geojson=${block} .data=${values} .points=${stations()}></ioc-map>`));
    await waitUntil(() => markerNodes(element).length > 0, 'no markers');
    const said = await press(element, 'm');
    expect(said).to.match(/^\d+ điểm · mức cao nhất: (Khẩn cấp|Cao|Thấp) \(Trạm \d+/);
    const n = element.marks!.markers.length;
    await press(element, 'Enter');
    expect(element.marks!.markers.length).to.be.greaterThan(n);
    // The focused marker is outlined in the focus colour.
    expect(markerNodes(element).some((g) => g.querySelector('circle')?.getAttribute('stroke-width') === '4')).to.be.true;
    // Back to the areas with M again.
    expect(await press(element, 'm')).to.match(/^Xã 01: /);
    // Hover: zoom all the way in so single markers show, then point at one.
    for (let i = 0; i < 8; i++) await press(element, '+');
    await waitUntil(() => element.marks!.markers.some((m) => m.count === 1), 'no single marker at full zoom');
    const single = element.marks!.markers.find((m) => m.count === 1)!;
    const surface = shadow(element).querySelector<HTMLElement>('.surface')!;
    const box = surface.getBoundingClientRect();
    shadow(element).querySelector('[part="plot"]')!.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + single.x, clientY: box.top + single.y, buttons: 0, bubbles: true, composed: true }));
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="tooltip"]')?.textContent).to.match(/^Trạm \d+: \d+ AQI · (Thấp|Cao|Khẩn cấp)$/);
  });

  it('leaves out points without valid coordinates with a note, and says so in the summary', async () => {
    const points = [{ id: 'a', lon: 106.6, lat: 19.1, label: 'A' }, { id: 'b', lon: NaN, lat: 19, label: 'B' }, { id: 'c', label: 'C' }] as MapPoint[];
    const element = await ready(await fixture<IocMap>(html`<ioc-map style="width:600px" .geojson=${block} .data=${values} .points=${points}></ioc-map>`));
    await waitUntil(() => markerNodes(element).length === 1);
    expect([...shadow(element).querySelectorAll('[part="note"]')].map((n) => n.textContent).join()).to.contain('Bỏ qua 2 điểm');
    expect(shadow(element).querySelector('[part="plot"]')!.getAttribute('aria-label')).to.contain('Lớp điểm: 1 điểm');
  });

  it('shows the demo source’s located alerts with point-layer="alerts"', async () => {
    const source = createDemoSource({ seed: 2025, now: '2026-11-24T10:00:00+07:00' });
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-map indicator="environment.aqi" point-layer="alerts" style="width:600px"></ioc-map></ioc-provider>`);
    const element = await ready(provider.querySelector('ioc-map')!);
    await waitUntil(() => (element.marks?.markers.length ?? 0) > 0, 'no alert markers', { timeout: 8000 });
    expect(element.marks!.markers.reduce((n, m) => n + m.count, 0)).to.be.greaterThan(0);
  });

  it('lays areas out as equal squares in a tile grid: no overlaps, north above south, same colours and legend', async () => {
    const geo = prepareMap(block.features.map((f) => ({ code: String(f.properties.code), name: String(f.properties.name), geometry: f.geometry })));
    const tiles = tileMap(geo);
    expect(tiles.shapes).to.have.length(16);
    const sides = tiles.shapes.map((s) => Math.round((s.bbox[2] - s.bbox[0]) * 1000));
    expect(new Set(sides).size).to.equal(1);
    for (const a of tiles.shapes)
      for (const b of tiles.shapes) if (a !== b) expect(a.bbox[2] <= b.bbox[0] || b.bbox[2] <= a.bbox[0] || a.bbox[3] <= b.bbox[1] || b.bbox[3] <= a.bbox[1], `${a.code} overlaps ${b.code}`).to.be.true;
    const y = (code: string) => tiles.shapes.find((s) => s.code === code)!.centroid[1];
    expect(y('01')).to.be.below(y('13'));
    expect(tileMap(geo).shapes.map((s) => s.bbox)).to.deep.equal(tiles.shapes.map((s) => s.bbox));

    const geoEl = await ready(await fixture<IocMap>(html`<ioc-map style="width:500px" .geojson=${block} .data=${values}></ioc-map>`));
    const tileEl = await ready(await fixture<IocMap>(html`<ioc-map style="width:500px" layout="tiles" .geojson=${block} .data=${values}></ioc-map>`));
    expect(tileEl.marks!.layout).to.equal('tiles');
    expect(tileEl.marks!.fills).to.deep.equal(geoEl.marks!.fills);
    const counts = (e: IocMap) => [...shadow(e).querySelectorAll('[part="legend"] .count')].map((c) => c.textContent);
    expect(counts(tileEl)).to.deep.equal(counts(geoEl));
    expect(await press(tileEl, 'ArrowRight')).to.match(/^Xã 01: 20 AQI · Tốt/);
    // Each tile names its area.
    expect([...shadow(tileEl).querySelectorAll('svg.overlay g.tiles text')].map((t) => t.textContent)).to.include('01');
  });

  it('draws the 63 provinces for a date before 1 July 2025 and the 34 after, from src and src-before-2025, and as the slider crosses the date', async function () {
    const now = await readShared('geo/vn34_provinces_2025_from_geoboundaries.geojson');
    const before = await readShared('geo/geoboundaries_vnm_adm1_simplified.geojson');
    if (!now || !before) this.skip();
    const url34 = URL.createObjectURL(new Blob([now], { type: 'application/json' }));
    const url63 = URL.createObjectURL(new Blob([before], { type: 'application/json' }));
    const old = await ready(await fixture<IocMap>(html`<ioc-map style="width:400px" src=${url34} src-before-2025=${url63} at="2024-05-01"></ioc-map>`));
    expect(new Set(old.marks!.codes).size).to.equal(63);
    old.at = '2026-01-01';
    await waitUntil(() => old.marks?.codes.length === 34, 'the 34 never showed after the date', { timeout: 8000 });
    const slid = await ready(await fixture<IocMap>(html`<ioc-map style="width:400px" src=${url34} src-before-2025=${url63} slider="year" periods="3" at="2026-01-01"></ioc-map>`));
    expect(slid.marks!.codes).to.have.length(34);
    slid.stepTo(0);
    await waitUntil(() => new Set(slid.marks?.codes).size === 63, 'the slider did not bring back the 63', { timeout: 8000 });
    slid.stepTo(2);
    await waitUntil(() => slid.marks?.codes.length === 34, 'the slider did not go back to the 34', { timeout: 8000 });
  });

  it('drills the demo province through its districts for dates before 1 July 2025', async () => {
    const source = createDemoSource({ seed: 2025, now: '2026-11-24T10:00:00+07:00' });
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-map indicator="environment.aqi" at="2024-06-01T10:00:00+07:00" style="width:600px"></ioc-map></ioc-provider>`);
    const element = await ready(provider.querySelector('ioc-map')!);
    await waitUntil(() => element.marks?.codes.includes('901'), 'the districts never showed', { timeout: 8000 });
    expect(element.marks!.codes.length).to.equal(8);
    expect(shadow(element).querySelector('[part="plot"]')!.getAttribute('aria-label')).to.contain('quận, huyện');
    element.select('901');
    await waitUntil(() => (element.marks?.codes.length ?? 0) > 0 && !element.marks!.codes.includes('901'), 'the district’s communes never showed', { timeout: 8000 });
    expect(element.drillPath[0]).to.include({ code: '901', level: 'district' });
    // Past the date, the same map shows the new communes, and the drill through a district is undone
    // (the provider follows the selection: a district as the page's area then shows its province's communes).
    element.at = '2026-01-01T10:00:00+07:00';
    await waitUntil(() => element.drillPath.length === 0 && (element.marks?.codes.length ?? 0) > 50, 'after the date the communes did not show', { timeout: 8000 }).catch(() => {
      throw new Error(`after the date: ${element.drillPath.length} drilled, ${element.marks?.codes.length} areas, ${element.state} ${shadow(element).textContent} ${[...shadow(element).querySelectorAll('[part]')].map((p) => p.getAttribute('part') + ':' + p.textContent?.trim().slice(0, 80)).join(' | ')}`);
    });
  });
});
