import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { ByAreaResult, DataSource, FeatureCollection } from '@ioc-kit/data';
import '@ioc-kit/widgets';
import type { IocMap, MapPoint } from '@ioc-kit/widgets';
import { demoSource, failingSource, fixedSource, localeOf, pendingSource, staleSource } from './support.js';

interface Args {
  indicator: string;
  area: string;
  source: DataSource;
}

/** The public-domain boundaries in ../shared/geo, served by Storybook at /shared-geo (see .storybook/main.ts). */
const GEO_34 = 'shared-geo/vn34_provinces_2025_from_geoboundaries.geojson';
const GEO_63 = 'shared-geo/geoboundaries_vnm_adm1_simplified.geojson';
const CREDIT = 'Administrative boundaries courtesy of geoBoundaries.org';

const emptyResult: ByAreaResult = {
  kind: 'by-area',
  indicator: 'environment.aqi',
  unit: { code: '1', system: 'UCUM', label: { vi: 'AQI', en: 'AQI' } },
  level: 'commune',
  partial: false,
  rows: [],
};

const square = (x: number, y: number): number[][] => [
  [x, y],
  [x + 1, y],
  [x + 1, y + 1],
  [x, y + 1],
  [x, y],
];
/** Geometry a careless export produces: an unclosed ring, a NaN vertex, an empty feature, a clockwise ring. */
const badGeometry: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: '01', name: 'Vòng chưa khép' }, geometry: { type: 'Polygon', coordinates: [square(107, 19).slice(0, 4)] } },
    { type: 'Feature', properties: { code: '02', name: 'Tọa độ NaN' }, geometry: { type: 'Polygon', coordinates: [[[108, 19], [NaN, 19], [109, 20], [108, 20], [108, 19]]] } },
    { type: 'Feature', properties: { code: '03', name: 'Rỗng' }, geometry: null },
    { type: 'Feature', properties: { code: '04', name: 'Chiều kim đồng hồ' }, geometry: { type: 'Polygon', coordinates: [[...square(107, 18)].reverse()] } },
  ],
};
const badValues: ByAreaResult = { ...emptyResult, rows: [{ area: '01', value: 40 }, { area: '02', value: 130 }, { area: '04', value: 170 }] };

const meta: Meta<Args> = {
  title: 'Widgets/Map',
  component: 'ioc-map',
  args: { indicator: 'environment.aqi', area: '90', source: demoSource },
  argTypes: { source: { control: false } },
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-map indicator=${args.indicator} style="max-width: 48rem"></ioc-map>
    </ioc-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** The demo province's communes by today's VN_AQI, each in its band's official colour, the legend counting communes per band. Click or press Enter on a commune to select it. */
export const Ready: Story = {};

/** Dossiers handled on time per commune: no bands, so the theme's sequential ramp in equal steps; higher is better, so the worst is the lowest. */
export const ReadyGovernance: Story = { args: { indicator: 'governance.dossiers-on-time' } };

/** Traffic: vehicle flow per commune on the ramp. */
export const ReadyMobility: Story = { args: { indicator: 'mobility.vehicle-flow' } };

/** The last 90 days of AQI: play, step or drag through the days; the map keeps the last day until the next is drawn. */
export const TimeSlider: Story = {
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-map indicator=${args.indicator} slider="day" periods="90" style="max-width: 48rem"></ioc-map>
    </ioc-provider>
  `,
};

/** From the provinces (the demo source has one) into its communes: click the province; the breadcrumb or Backspace goes back up. */
export const DrillDown: Story = {
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} locale=${localeOf(globals)}>
      <ioc-map indicator=${args.indicator} level="province" style="max-width: 48rem"></ioc-map>
    </ioc-provider>
  `,
};

/** Vietnam's 34 provinces from 1 July 2025, from one tag and a GeoJSON URL, Hoàng Sa and Trường Sa shown and named. */
export const NationalMap: Story = {
  render: (_args, { globals }) => html`<ioc-map locale=${localeOf(globals)} label="Việt Nam: 34 tỉnh, thành phố (từ 01/07/2025)" src=${GEO_34} attribution=${CREDIT} style="max-width: 40rem"></ioc-map>`,
};

/** The 63 provinces before 1 July 2025 (64 features: Côn Đảo is its own). */
export const NationalMap63: Story = {
  render: (_args, { globals }) => html`<ioc-map locale=${localeOf(globals)} label="Việt Nam: 63 tỉnh, thành phố (trước 01/07/2025)" src=${GEO_63} style="max-width: 40rem"></ioc-map>`,
};

/** Bad geometry is repaired where it can be (the unclosed ring, the NaN vertex, the clockwise ring) and skipped with a counted note where it cannot: never a blank map. */
export const BadGeometry: Story = {
  render: (_args, { globals }) => html`<ioc-map locale=${localeOf(globals)} .geojson=${badGeometry} .data=${badValues} style="max-width: 32rem"></ioc-map>`,
};

export const Pending: Story = { args: { source: pendingSource } };
export const Empty: Story = { args: { source: fixedSource(emptyResult) } };
/** A broker that is down: the map says so in words, and `ioc-error` fires. */
export const Error: Story = { args: { source: failingSource } };
/** The broker is down and the source serves its last good data, 5 minutes old: the map stays, with a note saying it is older. */
export const Stale: Story = { args: { source: staleSource() } };

/**
 * Air-quality stations for the demo province (it lists none): three per commune, placed
 * deterministically around each commune's centre, each with an AQI and the severity it implies.
 */
async function demoStations(): Promise<MapPoint[]> {
  const communes = await demoSource.areas({ parent: '90', level: 'commune' });
  let seed = 20261124;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  return communes.flatMap((area, i) => {
    const [lon, lat] = area.centroid ?? [NaN, NaN];
    return Array.from({ length: 3 }, (_, j) => {
      const value = Math.round(20 + next() * 200);
      const severity = value > 200 ? 'critical' : value > 150 ? 'high' : value > 100 ? 'medium' : 'low';
      return { id: `ST-${i}-${j}`, lon: lon + (next() - 0.5) * 0.03, lat: lat + (next() - 0.5) * 0.03, value, unit: 'AQI', severity, label: `Trạm quan trắc ${typeof area.name === 'string' ? area.name : area.name.vi} #${j + 1}` } satisfies MapPoint;
    });
  });
}
const withStations = (element: Element | undefined) => {
  if (element) void demoStations().then((points) => ((element as IocMap).points = points));
};

/** 300 stations over the demo province's AQI: clusters show their count and their worst severity as a ring; zoom in (wheel, +, or click a cluster) and they split into stations sized by AQI. Press M to move the keyboard to the markers, Enter on a cluster to zoom in. */
export const StationsWithClustering: Story = {
  name: 'Stations with clustering',
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-map indicator=${args.indicator} style="max-width: 48rem" ${ref(withStations)}></ioc-map>
    </ioc-provider>
  `,
};

/** The demo source's open alerts that have a location, as markers coloured by severity over the AQI map. */
export const AlertsLayer: Story = {
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-map indicator=${args.indicator} point-layer="alerts" style="max-width: 48rem"></ioc-map>
    </ioc-provider>
  `,
};

/** The demo province's 100 communes as equal squares placed roughly where they lie: small urban wards weigh as much as large rural communes. */
export const TileGrid: Story = {
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-map indicator=${args.indicator} layout="tiles" style="max-width: 48rem"></ioc-map>
    </ioc-provider>
  `,
};

/** Vietnam's 34 provinces as a tile grid, each named. */
export const NationalTileGrid: Story = {
  render: (_args, { globals }) => html`<ioc-map locale=${localeOf(globals)} layout="tiles" label="Việt Nam: 34 tỉnh, thành phố" src=${GEO_34} attribution=${CREDIT} style="max-width: 40rem"></ioc-map>`,
};

/** One tag, two files: the slider steps through the years and the map shows the 63 provinces before 1 July 2025 and the 34 from then on. */
export const NationalMapByDate: Story = {
  render: (_args, { globals }) => html`<ioc-map locale=${localeOf(globals)} label="Việt Nam theo năm" src=${GEO_34} src-before-2025=${GEO_63} slider="year" periods="4" at="2026-11-24T10:00:00+07:00" attribution=${CREDIT} style="max-width: 40rem"></ioc-map>`,
};

/** The demo province on 1 June 2024: its eight districts (before 1 July 2025); click one to see its communes of then. */
export const DemoProvinceBefore2025: Story = {
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-map indicator=${args.indicator} at="2024-06-01T10:00:00+07:00" style="max-width: 48rem"></ioc-map>
    </ioc-provider>
  `,
};
