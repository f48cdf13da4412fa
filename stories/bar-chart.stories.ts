import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { ByAreaResult, DataSource, SeriesResult } from '@ioc-kit/data';
import '@ioc-kit/widgets';
import { demoSource, failingSource, fixedSource, localeOf, pendingSource, staleSource } from './support.js';

interface Args {
  indicator: string;
  area: string;
  areas: string;
  selected: string;
  top: number | undefined;
  bottom: number | undefined;
  orientation: string;
  layout: string;
  grain: string;
  polarityColors: boolean;
  source: DataSource;
}

const emptyResult: ByAreaResult = {
  kind: 'by-area',
  indicator: 'environment.aqi',
  unit: { code: '1', system: 'UCUM', label: { vi: '' } },
  level: 'commune',
  partial: false,
  rows: [],
};

const MONTH = Date.UTC(2026, 6, 31, 17);
const revenueByMonth: SeriesResult = {
  kind: 'series',
  indicator: 'economy.budget-revenue',
  unit: { code: '1', system: 'none', label: { vi: 'tỷ đồng', en: 'bn VND' } },
  grain: 'month',
  partial: false,
  series: [
    { area: 'thue', t: [0, 1, 2, 3].map((i) => MONTH + i * 31 * 86_400_000), v: [812.4, 790.1, 856.3, 901.7] },
    { area: 'dat', t: [0, 1, 2, 3].map((i) => MONTH + i * 31 * 86_400_000), v: [210.5, 305.2, 180.9, 250] },
    { area: 'khac', t: [0, 1, 2, 3].map((i) => MONTH + i * 31 * 86_400_000), v: [95.3, 88.1, 120.4, 101.2] },
  ],
};

const meta: Meta<Args> = {
  title: 'Widgets/Bar chart',
  component: 'ioc-bar-chart',
  args: {
    indicator: 'environment.aqi',
    area: '90',
    areas: '',
    selected: '',
    top: 10,
    bottom: undefined,
    orientation: '',
    layout: 'grouped',
    grain: '',
    polarityColors: false,
    source: demoSource,
  },
  argTypes: {
    source: { control: false },
    orientation: { control: 'select', options: ['', 'vertical', 'horizontal'] },
    layout: { control: 'select', options: ['grouped', 'stacked', 'percent'] },
    grain: { control: 'select', options: ['', 'day', 'week', 'month', 'quarter', 'year'] },
  },
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-bar-chart
        indicator=${args.indicator}
        areas=${args.areas || nothing}
        selected=${args.selected || nothing}
        top=${args.top ?? nothing}
        bottom=${args.bottom ?? nothing}
        orientation=${args.orientation || nothing}
        layout=${args.layout}
        grain=${args.grain || nothing}
        ?polarity-colors=${args.polarityColors}
        style="max-width: 40rem; --ioc-bar-chart-height: 22rem"
      ></ioc-bar-chart>
    </ioc-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/**
 * The ten wards and communes of the demo province with the worst air today, worst first. AQI is
 * lower-is-better, so rank 1 is the cleanest air: `bottom="10"` asks for the ten worst, and the
 * line under the chart says which end ranks 1.
 */
export const Ready: Story = { args: { top: undefined, bottom: 10 } };

/** `top="10"` on AQI: the ten cleanest, rank 1 first. */
export const ReadyCleanestAir: Story = {};

/**
 * The README's embed: the ten best communes on on-time dossiers this month (a month, because a
 * day's counts are small: on one day most offices have no late dossier and tie at 100 %).
 */
export const ReadyReadmeOnTime: Story = { args: { indicator: 'governance.dossiers-on-time', grain: 'month' } };

/**
 * The ten best on on-time dossiers this month, against the 95 % target: rates within a point of
 * each other, so dots on a zoomed axis (said under the chart) instead of ten equal bars, and
 * tied rates share their rank.
 */
export const ReadyRankingPolarity: Story = { args: { indicator: 'governance.dossiers-on-time', grain: 'month', polarityColors: true } };

/** The worst five this month, worst first, with a selected ward kept and highlighted even though it ranks higher. */
export const ReadyBottomWithSelected: Story = { args: { indicator: 'governance.dossiers-on-time', grain: 'month', top: undefined, bottom: 5, selected: '90010' } };

/** Three wards month by month, side by side. */
export const ReadyGroupedOverTime: Story = { args: { indicator: 'environment.solid-waste', areas: '90001 90010 90019', grain: 'month', top: undefined } };

/** The same, stacked. */
export const ReadyStacked: Story = { args: { indicator: 'environment.solid-waste', areas: '90001 90010 90019', grain: 'month', layout: 'stacked', top: undefined } };

/** Stacked to 100 %: each ward's share of the month. */
export const ReadyPercent: Story = { args: { indicator: 'environment.solid-waste', areas: '90001 90010 90019', grain: 'month', layout: 'percent', top: undefined } };

export const Pending: Story = { args: { source: pendingSource } };
export const Empty: Story = { args: { source: fixedSource(emptyResult) } };
/** A broker that is down: the chart says so in words, and `ioc-error` fires. */
export const Error: Story = { args: { source: failingSource } };
/** The broker is down and the source serves its last good data, 5 minutes old: the data stays, with a note saying it is older. */
export const Stale: Story = { args: { source: staleSource() } };

/** Budget revenue by source over four months, given straight to the chart, stacked and horizontal. */
export const DirectData: Story = {
  render: (_args, { globals }) => html`
    <ioc-bar-chart
      locale=${localeOf(globals)}
      layout="stacked"
      orientation="horizontal"
      label="Thu ngân sách theo nguồn"
      .data=${revenueByMonth}
      .areaLabels=${{ thue: 'Thuế, phí', dat: 'Tiền sử dụng đất', khac: 'Thu khác' }}
      style="max-width: 40rem"
    ></ioc-bar-chart>
  `,
};
