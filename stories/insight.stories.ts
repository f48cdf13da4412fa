import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DataSource, SeriesResult } from '@ioc-kit/data';
import '@ioc-kit/widgets';
import { demoSource, failingSource, fixedSource, localeOf, pendingSource, staleSource } from './support.js';

interface Args {
  indicator: string;
  area: string;
  grain: string;
  source: DataSource;
  theme?: string;
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
  title: 'Widgets/Insight',
  component: 'ioc-insight',
  args: { indicator: 'environment.aqi', area: '90', grain: 'day', source: demoSource },
  argTypes: { source: { control: false }, grain: { control: 'select', options: ['hour', 'day', 'month'] }, theme: { control: 'select', options: ['light', 'dark', 'wall', 'high-contrast'] } },
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-insight indicator=${args.indicator} grain=${args.grain} style="max-width: 60rem"></ioc-insight>
    </ioc-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/**
 * Three years of the demo province's daily air quality, read by `@ioc-kit/insights`: the
 * summary, the status (band, normal range for this time of year), the trend with its
 * significance, slope and interval, and the signals.
 */
export const Ready: Story = {};
/** Dossiers handled on time: a higher-is-better indicator with a target. */
export const ReadyWithTarget: Story = { args: { indicator: 'governance.dossiers-on-time' } };
/** Four weeks of hourly PM2.5: normal range by hour of the week, forecast over hours. */
export const ReadyHourly: Story = { args: { indicator: 'environment.pm25', grain: 'hour' } };
export const Pending: Story = { args: { source: pendingSource } };
export const Empty: Story = { args: { source: fixedSource(emptyResult) } };
/** A broker that is down: the element says so in words, and `ioc-error` fires. */
export const Error: Story = { args: { source: failingSource } };
/** The source serves its last good data, 5 minutes old: the insight stays, with a note. */
export const Stale: Story = { args: { source: staleSource() } };
export const Dark: Story = { args: { theme: 'dark' } };
