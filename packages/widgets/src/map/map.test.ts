import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { geoArea } from 'd3-geo';
import { createDemoSource, type ByAreaResult, type Feature, type FeatureCollection, type Geometry } from '@ioc-kit/data';
import { prepareMap, rewindGeometry, shapePath } from '@ioc-kit/charts';
import { readShared } from '../../../../tests/support/server.js';
import { loadCatalogue } from '../internal/indicator.js';
import { IocAreaSelectEvent } from '../internal/events.js';
import '../provider/provider.js';
import './map.js';
import type { IocMap } from './map.js';

const unit = { code: '1', system: 'UCUM' as const, label: { vi: 'AQI', en: 'AQI' } };
const square = (x: number, y: number, s = 1): number[][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const feature = (code: string, geometry: Geometry | null, name = `Xã ${code}`): Feature => ({ type: 'Feature', geometry, properties: { code, name } });
/** Four communes in a 2×2 grid (north row first: 01 02, then 03 04). */
const grid: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    feature('01', { type: 'Polygon', coordinates: [square(107, 19)] }),
    feature('02', { type: 'Polygon', coordinates: [square(108, 19)] }),
    feature('03', { type: 'Polygon', coordinates: [square(107, 18)] }),
    feature('04', { type: 'Polygon', coordinates: [square(108, 18)] }),
  ],
};
const aqi: ByAreaResult = {
  kind: 'by-area',
  indicator: 'environment.aqi',
  unit,
  level: 'commune',
  partial: false,
  rows: [
    { area: '01', value: 30 },
    { area: '02', value: 120 },
    { area: '03', value: 180 },
    { area: '04', value: null },
  ],
};

const shadow = (element: IocMap) => element.shadowRoot!;
const paths = (element: IocMap) => [...shadow(element).querySelectorAll<SVGPathElement>('.surface svg.map path.area')];
const legend = (element: IocMap) => [...shadow(element).querySelectorAll<HTMLButtonElement>('[part="legend"] button')];

async function ready(element: IocMap): Promise<IocMap> {
  await waitUntil(() => element.state === 'error' || element.state === 'empty' || element.marks !== undefined, 'map never drew', { timeout: 8000 });
  return element;
}

async function press(element: IocMap, key: string, init: KeyboardEventInit = {}): Promise<string> {
  const plot = shadow(element).querySelector<HTMLElement>('[part="plot"]')!;
  plot.focus();
  plot.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
  await element.updateComplete;
  return shadow(element).querySelector('[aria-live="polite"]')!.textContent.trim();
}

describe('<ioc-map>', () => {
  before(() => loadCatalogue());

  it('colours each area by its VN_AQI band and hatches the one without data', async () => {
    const element = await ready(await fixture<IocMap>(html`<ioc-map style="width:400px" .geojson=${grid} .data=${aqi}></ioc-map>`));
    expect(element.getAttribute('state')).to.equal('ready');
    expect(element.marks?.renderer).to.equal('svg');
    expect(element.marks?.fills).to.have.length(4);
    const fill = (code: string) => paths(element).find((p) => p.dataset.code === code)?.getAttribute('fill');
    const probe = document.createElement('span');
    shadow(element).append(probe);
    const token = (name: string) => {
      probe.style.color = `var(--ioc-sys-color-${name})`;
      return getComputedStyle(probe).color;
    };
    // Good (30), Poor (120), Bad (180): the theme's band colours (official fallbacks).
    expect(fill('01')).to.equal(token('aqi-good'));
    expect(fill('02')).to.equal(token('aqi-poor'));
    expect(fill('03')).to.equal(token('aqi-bad'));
    expect(fill('04')).to.equal('url(#ioc-map-no-data)');
    expect(paths(element).find((p) => p.dataset.code === '04')?.hasAttribute('data-no-data')).to.be.true;
  });

  it('counts areas per class in the legend, no-data included, and a class toggles its highlight without striking through', async () => {
    const element = await ready(await fixture<IocMap>(html`<ioc-map style="width:400px" .geojson=${grid} .data=${aqi}></ioc-map>`));
    const buttons = legend(element);
    expect(buttons.map((b) => b.querySelector('.count')?.textContent)).to.deep.equal(['1', '0', '1', '1', '0', '0', '1']);
    expect(buttons.at(-1)?.textContent).to.contain('Không có dữ liệu');
    buttons[2]!.click();
    await element.updateComplete;
    expect(legend(element)[2]!.getAttribute('aria-pressed')).to.equal('true');
    expect(legend(element)[0]!.getAttribute('aria-pressed')).to.equal('false');
    expect(getComputedStyle(legend(element)[0]!).textDecorationLine).to.equal('none');
    await waitUntil(() => paths(element).find((p) => p.dataset.code === '01')?.getAttribute('opacity') === '0.2');
    expect(paths(element).find((p) => p.dataset.code === '02')?.getAttribute('opacity')).to.equal('1');
  });

  it('walks the areas row by row, north to south, and announces name, value, band and rank', async () => {
    const element = await ready(await fixture<IocMap>(html`<ioc-map style="width:400px" .geojson=${grid} .data=${aqi}></ioc-map>`));
    expect(element.marks?.order).to.deep.equal(['01', '02', '03', '04']);
    expect(await press(element, 'ArrowRight')).to.equal('Xã 01: 30 AQI · Tốt · hạng 3/3');
    expect(await press(element, 'ArrowRight')).to.equal('Xã 02: 120 AQI · Kém · hạng 2/3');
    expect(await press(element, 'ArrowRight')).to.equal('Xã 03: 180 AQI · Xấu · hạng 1/3');
    expect(await press(element, 'ArrowRight')).to.equal('Xã 04: Không có dữ liệu');
    expect(shadow(element).querySelector('[part="tooltip"]')?.textContent).to.contain('Xã 04');
  });

  it('says how many areas are Poor or worse and which is worst, in vi and en', async () => {
    const element = await ready(await fixture<IocMap>(html`<ioc-map style="width:400px" .geojson=${grid} .data=${aqi}></ioc-map>`));
    const plot = () => shadow(element).querySelector('[part="plot"]')!.getAttribute('aria-label');
    expect(plot()).to.contain('2/4 xã, phường ở mức Kém hoặc xấu hơn; kém nhất là Xã 03 (180 AQI); 1 chưa có dữ liệu');
    element.locale = 'en';
    await element.updateComplete;
    expect(plot()).to.contain('2 of 4 communes are Poor or worse; the worst is Xã 03 (180 AQI); 1 without data');
  });

  it('lists every area in the table view, worst first', async () => {
    const element = await ready(await fixture<IocMap>(html`<ioc-map style="width:400px" .geojson=${grid} .data=${aqi}></ioc-map>`));
    element.view = 'table';
    await element.updateComplete;
    const rows = [...shadow(element).querySelectorAll('[part="table"] tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim()));
    expect(rows[0]).to.deep.equal(['Xã 03', '180', 'Xấu', '1']);
    expect(rows.at(-1)).to.deep.equal(['Xã 04', '—', 'Không có dữ liệu', '—']);
  });

  it('draws a clockwise and a counter-clockwise ring as the same area, and rewinds for d3-geo', () => {
    const ccw: Geometry = { type: 'Polygon', coordinates: [square(107, 19)] };
    const cw: Geometry = { type: 'Polygon', coordinates: [[...square(107, 19)].reverse()] };
    const a = prepareMap([{ code: 'a', name: 'a', geometry: ccw }]);
    const b = prepareMap([{ code: 'a', name: 'a', geometry: cw }]);
    expect(a.shapes[0]!.bbox).to.deep.equal(b.shapes[0]!.bbox);
    expect(shapePath(a.shapes[0]!).length).to.equal(shapePath(b.shapes[0]!).length);
    const [cx, cy] = a.shapes[0]!.centroid;
    expect(a.index.find(cx, cy)).to.equal(0);
    expect(b.index.find(cx, cy)).to.equal(0);
    // d3-geo reads the RFC 7946 ring as the globe minus the square; rewound, it is one square degree.
    const small = 4 * Math.PI * 0.001;
    expect(geoArea(rewindGeometry(ccw, 'd3') as never)).to.be.below(small);
    expect(geoArea(rewindGeometry(cw, 'd3') as never)).to.be.below(small);
    expect(geoArea(ccw as never)).to.be.above(2 * Math.PI);
  });

  it('handles a MultiPolygon with a hole and an island: the hole is not part of the area', () => {
    const ring = square(107, 18, 3);
    const hole = [...square(108, 19, 1)].reverse();
    const island = square(112, 16, 0.5);
    const map = prepareMap([{ code: 'm', name: 'm', geometry: { type: 'MultiPolygon', coordinates: [[ring, hole], [island]] } }]);
    const shape = map.shapes[0]!;
    expect(shape.parts).to.equal(2);
    expect(shape.rings).to.have.length(3);
    expect(shapePath(shape).match(/Z/g)).to.have.length(3);
    // Centre of the hole: outside; inside the big ring, away from the hole: inside.
    const toPx = (lon: number, lat: number) => {
      const [x0, y0, x1, y1] = shape.bbox;
      return [x0 + ((lon - 107) / (112.5 - 107)) * (x1 - x0), y1 - ((lat - 16) / (21 - 16)) * (y1 - y0)] as const;
    };
    const [hx, hy] = toPx(108.5, 19.5);
    expect(map.index.find(hx, hy)).to.equal(-1);
    const [ix, iy] = toPx(107.2, 18.2);
    expect(map.index.find(ix, iy)).to.equal(0);
  });

  it('skips bad geometry with a counted note, and never draws a blank map', async () => {
    const bad: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        feature('01', { type: 'Polygon', coordinates: [square(107, 19).slice(0, 4)] }), // unclosed: repaired
        feature('02', { type: 'Polygon', coordinates: [[[108, 19], [NaN, 19], [109, 20], [108, 20], [108, 19]]] }), // one NaN point dropped
        feature('03', null), // empty
        feature('04', { type: 'Polygon', coordinates: [] }), // empty
        feature('05', { type: 'Point', coordinates: [107, 18] }), // not an area
      ],
    };
    const element = await ready(await fixture<IocMap>(html`<ioc-map style="width:400px" .geojson=${bad} .data=${aqi}></ioc-map>`));
    expect(paths(element).map((p) => p.dataset.code)).to.deep.equal(['01', '02']);
    expect(element.marks?.skipped).to.equal(3);
    expect(element.marks?.problems['unclosed-ring']).to.equal(1);
    expect(element.marks?.problems['bad-coordinates']).to.equal(1);
    const note = shadow(element).querySelector('[part="note"]')?.textContent ?? '';
    expect(note).to.contain('Bỏ qua 3 vùng');

    const none = await fixture<IocMap>(html`<ioc-map style="width:400px" .geojson=${{ type: 'FeatureCollection', features: [feature('03', null)] }} .data=${aqi}></ioc-map>`);
    await waitUntil(() => shadow(none).querySelector('[part="note"][role="alert"]'), 'no message for a map without usable geometry');
    expect(shadow(none).querySelector('[part="note"]')?.textContent).to.contain('Không vẽ được bản đồ');
  });

  it('drills from the demo province into a commune: ioc-area-select, breadcrumb, Escape back up', async () => {
    const source = createDemoSource({ seed: 2025, now: '2026-11-24T10:00:00+07:00' });
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-map indicator="environment.aqi" style="width:600px"></ioc-map></ioc-provider>`);
    const element = await ready(provider.querySelector('ioc-map')!);
    expect(element.getAttribute('state')).to.equal('ready');
    const communes = element.marks!.codes.length;
    expect(communes).to.be.above(50);
    expect(legend(element).length).to.be.greaterThan(1);
    // Enter on the first area fires ioc-area-select with its code, name and level.
    await press(element, 'ArrowRight');
    const first = element.marks!.order[0]!;
    const picked = oneEvent(provider, IocAreaSelectEvent.eventName);
    await press(element, 'Enter');
    const event = (await picked) as unknown as IocAreaSelectEvent;
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.area.code).to.equal(first);
    expect(event.area.level).to.equal('commune');
    expect(event.area.name).to.match(/^(Xã|Phường|Đặc khu)/);
  });

  it('drills from provinces to their communes and back with Backspace, a breadcrumb showing the path', async () => {
    const source = createDemoSource({ seed: 2025, now: '2026-11-24T10:00:00+07:00' });
    const provider = await fixture(html`<ioc-provider .source=${source}><ioc-map indicator="environment.aqi" level="province" style="width:600px"></ioc-map></ioc-provider>`);
    const element = await ready(provider.querySelector('ioc-map')!);
    await waitUntil(() => element.marks?.codes.includes('90'), 'the demo province is not on the province map', { timeout: 8000 });
    const picked = oneEvent(element, IocAreaSelectEvent.eventName);
    element.select('90');
    expect(((await picked) as unknown as IocAreaSelectEvent).area).to.include({ code: '90', level: 'province' });
    await waitUntil(() => (element.marks?.codes.length ?? 0) > 50, 'the communes never showed', { timeout: 8000 });
    expect(shadow(element).querySelectorAll('[part="breadcrumb"] li')).to.have.length(2);
    await press(element, 'Backspace');
    await waitUntil(() => element.marks?.codes.includes('90'), 'Backspace did not go back up', { timeout: 8000 });
    expect(element.drillPath).to.have.length(0);
  });

  it('follows the page area: a commune as the area shows its siblings with it outlined', async () => {
    const source = createDemoSource({ seed: 2025, now: '2026-11-24T10:00:00+07:00' });
    const communes = await source.areas({ parent: '90', level: 'commune' });
    const one = communes[3]!.code;
    const provider = await fixture<HTMLElement & { area?: string }>(html`<ioc-provider .source=${source} area="90"><ioc-map indicator="environment.aqi" style="width:600px"></ioc-map></ioc-provider>`);
    const element = await ready(provider.querySelector('ioc-map')!);
    const count = element.marks!.codes.length;
    provider.area = one;
    await waitUntil(() => shadow(element).querySelector('.surface svg.map path.selection')?.getAttribute('d'), 'the commune was not outlined', { timeout: 8000 });
    expect(element.marks!.codes.length).to.equal(count);
  });

  it('steps the time slider: the last frame stays until the next is drawn', async () => {
    const source = createDemoSource({ seed: 2025, now: '2026-11-24T10:00:00+07:00' });
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-map indicator="environment.aqi" slider="day" periods="30" style="width:600px"></ioc-map></ioc-provider>`);
    const element = await ready(provider.querySelector('ioc-map')!);
    const range = shadow(element).querySelector<HTMLInputElement>('[part="slider"] input')!;
    expect(range.max).to.equal('29');
    expect(shadow(element).querySelector('[part="slider"] output')?.textContent).to.equal('24/11/2026');
    element.stepTo(0);
    await element.updateComplete;
    // While the frame loads, the map still shows (no pending skeleton).
    expect(element.state).to.equal('ready');
    await waitUntil(() => shadow(element).querySelector('[part="slider"]')?.getAttribute('aria-busy') === 'false');
    expect(shadow(element).querySelector('[part="slider"] output')?.textContent).to.equal('26/10/2026');
    expect(element.state).to.equal('ready');
  });

  it('draws the 34 provinces from 1 July 2025 and the 63 before from ../shared/geo, with Hoàng Sa and Trường Sa and the attribution', async function () {
    const now = await readShared('geo/vn34_provinces_2025_from_geoboundaries.geojson');
    const before = await readShared('geo/geoboundaries_vnm_adm1_simplified.geojson');
    if (!now || !before) {
      console.log('map: ../shared/geo is absent, the national map test is skipped.');
      this.skip();
    }
    const geo34 = JSON.parse(now) as FeatureCollection;
    const geo63 = JSON.parse(before) as FeatureCollection;
    const a = await ready(await fixture<IocMap>(html`<ioc-map style="width:500px" .geojson=${geo34} attribution="Administrative boundaries courtesy of geoBoundaries.org"></ioc-map>`));
    expect(a.getAttribute('state')).to.equal('ready');
    expect(a.marks!.codes).to.have.length(34);
    expect(shadow(a).querySelector('[part="attribution"]')?.textContent).to.contain('geoBoundaries');
    const b = await ready(await fixture<IocMap>(html`<ioc-map style="width:500px" .geojson=${geo63}></ioc-map>`));
    // 64 features: Côn Đảo is its own feature, keyed by its old province code (Bà Rịa-Vũng Tàu, 77).
    expect(b.marks!.codes.length).to.equal(64);
    expect(new Set(b.marks!.codes).size).to.equal(63);
    expect(shadow(b).querySelector('[part="attribution"]')?.textContent).to.contain('geoBoundaries');
    // The archipelagos: parts of Đà Nẵng east of 111°E (Hoàng Sa) and of Khánh Hòa east of 113°E (Trường Sa).
    const daNang = geo34.features.find((f) => f.properties.code === '48')!.geometry as Extract<Geometry, { type: 'MultiPolygon' }>;
    const khanhHoa = geo34.features.find((f) => f.properties.code === '56')!.geometry as Extract<Geometry, { type: 'MultiPolygon' }>;
    expect(daNang.coordinates.some((p) => p[0]!.every((pt) => (pt[0] as number) > 111))).to.be.true;
    expect(khanhHoa.coordinates.some((p) => p[0]!.every((pt) => (pt[0] as number) > 113))).to.be.true;
    expect(a.marks!.problems['short-ring'] ?? 0).to.equal(0);
  });

  it('loads a GeoJSON URL from one tag (src) and draws outlines without an indicator', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(grid)], { type: 'application/geo+json' }));
    const element = await ready(await fixture<IocMap>(html`<ioc-map style="width:400px" src=${url}></ioc-map>`));
    expect(element.getAttribute('state')).to.equal('ready');
    expect(element.marks!.codes).to.deep.equal(['01', '02', '03', '04']);
    expect(shadow(element).querySelector('[part="plot"]')!.getAttribute('aria-label')).to.contain('Bản đồ 4');
  });

  it('reads TopoJSON (given or from src) as its features, keyed by code', async () => {
    const topology = {
      type: 'Topology' as const,
      objects: {
        communes: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0]], properties: { code: '01', name: 'Xã 01' } },
            { type: 'Polygon', arcs: [[1]], properties: { code: '02', name: 'Xã 02' } },
          ],
        },
      },
      arcs: [square(107, 19), square(108, 19)],
    };
    const element = await ready(await fixture<IocMap>(html`<ioc-map style="width:400px" .geojson=${topology} .data=${aqi}></ioc-map>`));
    expect(element.marks!.codes).to.deep.equal(['01', '02']);
    expect(paths(element).find((p) => p.dataset.code === '02')?.getAttribute('fill')).to.not.equal('url(#ioc-map-no-data)');
    const url = URL.createObjectURL(new Blob([JSON.stringify(topology)], { type: 'application/json' }));
    const fromUrl = await ready(await fixture<IocMap>(html`<ioc-map style="width:400px" src=${url}></ioc-map>`));
    expect(fromUrl.marks!.codes).to.deep.equal(['01', '02']);
  });

  it('draws many areas on canvas and shows the tooltip of the area under the pointer', async () => {
    const many: FeatureCollection = { type: 'FeatureCollection', features: Array.from({ length: 900 }, (_, i) => feature(`A${i}`, { type: 'Polygon', coordinates: [square(100 + (i % 30) * 0.2, 10 + Math.floor(i / 30) * 0.2, 0.2)] })) };
    const values: ByAreaResult = { ...aqi, rows: many.features.map((f, i) => ({ area: String(f.properties.code), value: (i * 7) % 300 })) };
    const element = await ready(await fixture<IocMap>(html`<ioc-map style="width:500px" .geojson=${many} .data=${values}></ioc-map>`));
    expect(element.marks?.renderer).to.equal('canvas');
    const plot = shadow(element).querySelector<HTMLElement>('[part="plot"]')!;
    const box = plot.getBoundingClientRect();
    plot.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, buttons: 0, bubbles: true, composed: true }));
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="tooltip"]')?.textContent).to.match(/^Xã A\d+: \d+ AQI · .+ · hạng \d+\/900$/);
  });

  it('finds the area under a point through its index, testing a handful of candidates', () => {
    const features = Array.from({ length: 2500 }, (_, i) => ({ code: String(i), name: String(i), geometry: { type: 'Polygon' as const, coordinates: [square(100 + (i % 50) * 0.1, 10 + Math.floor(i / 50) * 0.1, 0.1)] } }));
    const map = prepareMap(features);
    expect(map.shapes).to.have.length(2500);
    expect(map.index.candidates(map.width / 2, map.height / 2).length).to.be.below(20);
    const shape = map.shapes[1234]!;
    expect(map.index.find(shape.centroid[0], shape.centroid[1])).to.equal(1234);
  });
});
