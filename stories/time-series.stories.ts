import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DataSource, SeriesResult } from '@ioc-kit/data';
import '@ioc-kit/widgets';
import type { IocTimeSeries } from '@ioc-kit/widgets';
import { demoSource, failingSource, fixedSource, localeOf, pendingSource, staleSource } from './support.js';

interface Args {
  indicator: string;
  area: string;
  areas: string;
  grain: string;
  from: string;
  to: string;
  mode: string;
  compareLastYear: boolean;
  source: DataSource;
  /** `insights` attribute: '' (none), `all`, or a list of anomalies, changes, forecast. */
  insights?: string;
}

const DEMO_AREAS: Readonly<Record<string, string>> = { '90': 'Tỉnh (demo)' };

/** Three of the demo province's communes (named by the source), whose air differs day to day. */
const THREE_COMMUNES = '90001 90010 90019';

/** A deterministic random walk (mulberry32), so the large stories look the same everywhere. */
function walk(count: number, stepMs: number, start = Date.UTC(2026, 0, 1)): SeriesResult {
  let seed = 20261124;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const t = new Float64Array(count);
  const v = new Float64Array(count);
  let value = 80;
  for (let i = 0; i < count; i++) {
    value = Math.max(0, value + (next() - 0.5) * 6);
    t[i] = start + i * stepMs;
    v[i] = value;
  }
  return {
    kind: 'series',
    indicator: 'environment.aqi',
    unit: { code: '1', system: 'UCUM', label: { vi: '' } },
    grain: 'hour',
    partial: false,
    series: [{ area: '90', t, v }],
  };
}

const emptyResult: SeriesResult = {
  kind: 'series',
  indicator: 'environment.aqi',
  unit: { code: '1', system: 'UCUM', label: { vi: '' } },
  grain: 'day',
  partial: false,
  series: [{ area: '90', t: [], v: [] }],
};

const meta: Meta<Args> = {
  title: 'Widgets/Time series',
  component: 'ioc-time-series',
  args: {
    indicator: 'environment.aqi',
    area: '90',
    areas: '',
    grain: 'day',
    from: '2026-08-01',
    to: '2026-11-25',
    mode: 'line',
    compareLastYear: false,
    source: demoSource,
  },
  argTypes: {
    source: { control: false },
    grain: { control: 'select', options: ['hour', 'day', 'week', 'month', 'quarter', 'year'] },
    mode: { control: 'select', options: ['line', 'area', 'stacked'] },
  },
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-time-series
        indicator=${args.indicator}
        grain=${args.grain}
        from=${args.from}
        to=${args.to}
        areas=${args.areas}
        mode=${args.mode}
        ?compare-last-year=${args.compareLastYear}
        insights=${args.insights ?? ''}
        .areaLabels=${DEMO_AREAS}
      ></ioc-time-series>
    </ioc-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** The demo province's daily air quality over its VN_AQI bands, with markers where it crossed into "Kém" or worse. */
export const Ready: Story = {};

/** Three communes compared, in the first three categorical colours; the legend hides and shows each (hide all three and the chart says so). */
export const ReadyCompareAreas: Story = { args: { areas: THREE_COMMUNES } };

/** Hourly values for a week, with the same week last year dashed behind. */
export const ReadyHourlyWithLastYear: Story = { args: { grain: 'hour', from: '2026-11-17', to: '2026-11-24', compareLastYear: true } };

/** Communes stacked: each band of colour is one commune's share of the total. */
export const ReadyStacked: Story = { args: { areas: THREE_COMMUNES, mode: 'stacked', indicator: 'environment.solid-waste' } };

/** Daily rain over the rainy season, its bands named at the edge: a dry day is "Không mưa", not light rain. */
export const ReadyRainfall: Story = { args: { indicator: 'environment.rainfall', from: '2026-09-01', to: '2026-11-25' } };

/** Monthly values over three years. */
export const ReadyMonthly: Story = { args: { grain: 'month', from: '2024-01-01', to: '2026-12-01' } };

/** The demo province's hourly AQI for a week with the insights' signals: rings on anomalies, dashed rules at level shifts, the forecast and its band. */
export const ReadyWithInsights: Story = { args: { grain: 'hour', from: '2026-11-17', to: '2026-11-24', insights: 'all' } };

export const Pending: Story = { args: { source: pendingSource } };
export const Empty: Story = { args: { source: fixedSource(emptyResult) } };
/** A broker that is down: the chart says so in words, and `ioc-error` fires. */
export const Error: Story = { args: { source: failingSource } };
/** The broker is down and the source serves its last good data, 5 minutes old: the data stays, with a note saying it is older. */
export const Stale: Story = { args: { source: staleSource() } };

/**
 * A million points (one per second for 11½ days) given straight to the chart: drawn on canvas,
 * reduced per pixel column so every peak stays; zoom with the wheel, drag, +/− or the overview.
 */
export const ReadyLargeData: Story = {
  render: (_args, { globals }) => html`<ioc-time-series locale=${localeOf(globals)} .data=${walk(1_000_000, 1000)} .areaLabels=${DEMO_AREAS} label="1.000.000 điểm"></ioc-time-series>`,
};

/** Live data: a new point every second through `appendPoints()`, without redrawing history. */
export const ReadyLive: Story = {
  // Points arrive every second: its pixels depend on when the screenshot is taken.
  tags: ['no-visual'],
  render: (_args, { globals }) => {
    const data = walk(5000, 1000);
    const series = data.series[0]!;
    let time = (series.t as Float64Array)[4999]!;
    let value = (series.v as Float64Array)[4999]!;
    const timer = setInterval(() => {
      const element = document.querySelector<IocTimeSeries>('ioc-time-series#live');
      if (!element?.isConnected) {
        clearInterval(timer);
        return;
      }
      time += 1000;
      value = Math.max(0, value + Math.sin(time / 60_000) * 3);
      element.appendPoints(time, value);
    }, 1000);
    return html`<ioc-time-series id="live" locale=${localeOf(globals)} .data=${data} .areaLabels=${DEMO_AREAS} label="Trực tiếp"></ioc-time-series>`;
  },
};

/** Data given straight to the chart, with no provider or source, with annotations and a target. */
export const ReadyDirectData: Story = {
  render: (_args, { globals }) => html`<ioc-time-series
    locale=${localeOf(globals)}
    .data=${walk(24 * 60, 3_600_000)}
    .areaLabels=${DEMO_AREAS}
    .target=${100}
    .annotations=${[{ t: Date.UTC(2026, 0, 20), label: 'Đốt rơm rạ' }]}
  ></ioc-time-series>`,
};
