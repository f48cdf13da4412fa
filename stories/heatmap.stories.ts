import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DataSource, SeriesResult } from '@ioc-kit/data';
import '@ioc-kit/widgets';
import { demoSource, failingSource, fixedSource, localeOf, pendingSource, staleSource } from './support.js';

interface Args {
  indicator: string;
  area: string;
  layout: string;
  scale: string;
  year: number;
  source: DataSource;
}

const emptyResult: SeriesResult = {
  kind: 'series',
  indicator: 'environment.aqi',
  unit: { code: '1', system: 'UCUM', label: { vi: '' } },
  grain: 'day',
  partial: false,
  series: [{ area: '90', t: [], v: [] }],
};

/** Temperature anomalies around zero for 2026: a deterministic wave, for the diverging scale. */
function anomalies(): SeriesResult {
  const start = Date.UTC(2026, 0, 1) - 7 * 3_600_000;
  const t = Array.from({ length: 365 }, (_, i) => start + i * 86_400_000);
  const v = t.map((_, i) => Math.round((Math.sin(i / 29) * 3 + Math.cos(i / 7)) * 10) / 10);
  return { ...emptyResult, indicator: 'environment.temperature-anomaly', unit: { code: 'Cel', system: 'UCUM', label: { vi: '°C', en: '°C' } }, series: [{ area: '90', t, v }] };
}

const meta: Meta<Args> = {
  title: 'Widgets/Heatmap',
  component: 'ioc-heatmap',
  args: { indicator: 'environment.aqi', area: '90', layout: 'calendar', scale: 'sequential', year: 2026, source: demoSource },
  argTypes: {
    source: { control: false },
    layout: { control: 'select', options: ['calendar', 'hour-weekday'] },
    scale: { control: 'select', options: ['sequential', 'diverging'] },
  },
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-heatmap indicator=${args.indicator} layout=${args.layout} scale=${args.scale} year=${args.year} style="max-width: 56rem"></ioc-heatmap>
    </ioc-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** Every day of 2026 so far, each in its VN_AQI band's official colour, the bands named in the legend. */
export const Ready: Story = {};

/** Daily rain, coloured by the forecasting bands: dry days read "Không mưa", not light rain. */
export const ReadyRainfall: Story = { args: { indicator: 'environment.rainfall' } };

/** The same air-quality year on the theme's sequential ramp instead of the bands (`no-bands`). */
export const ReadyRamp: Story = {
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-heatmap indicator=${args.indicator} year=${args.year} no-bands style="max-width: 56rem"></ioc-heatmap>
    </ioc-provider>
  `,
};

/** Traffic by hour of day and weekday over the last four weeks: rush hours stand out. */
export const ReadyHourWeekday: Story = { args: { indicator: 'mobility.vehicle-flow', layout: 'hour-weekday' } };

export const Pending: Story = { args: { source: pendingSource } };
export const Empty: Story = { args: { source: fixedSource(emptyResult) } };
/** A broker that is down: the heatmap says so in words, and `ioc-error` fires. */
export const Error: Story = { args: { source: failingSource } };
/** The broker is down and the source serves its last good data, 5 minutes old: the data stays, with a note saying it is older. */
export const Stale: Story = { args: { source: staleSource() } };

/** Temperature anomalies either side of zero on the diverging scale: warmer than usual in red, colder in blue. */
export const DirectDataDiverging: Story = {
  render: (_args, { globals }) => html`<ioc-heatmap locale=${localeOf(globals)} scale="diverging" label="Chênh lệch nhiệt độ so với trung bình" .data=${anomalies()} style="max-width: 56rem"></ioc-heatmap>`,
};
