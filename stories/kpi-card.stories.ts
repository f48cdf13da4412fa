import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DataSource, KpiResult } from '@ioc-kit/data';
import '@ioc-kit/widgets';
import { demoSource, failingSource, fixedSource, localeOf, pendingSource, staleSource } from './support.js';

interface Args {
  indicator: string;
  area: string;
  source: DataSource;
  theme?: string;
}

const emptyResult: KpiResult = {
  kind: 'kpi',
  indicator: 'environment.aqi',
  area: '90',
  unit: { code: '1', system: 'UCUM', label: { vi: '' } },
  value: null,
  partial: false,
};

const meta: Meta<Args> = {
  title: 'Widgets/KPI card',
  component: 'ioc-kpi-card',
  args: { indicator: 'environment.aqi', area: '90', source: demoSource },
  argTypes: { source: { control: false }, theme: { control: 'select', options: ['light', 'dark', 'wall', 'high-contrast'] } },
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-kpi-card indicator=${args.indicator} style="max-width: 22rem"></ioc-kpi-card>
    </ioc-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** The demo province's air quality today: value, VN_AQI band and change against yesterday. */
export const Ready: Story = {};
export const Pending: Story = { args: { source: pendingSource } };
export const Empty: Story = { args: { source: fixedSource(emptyResult) } };
/** A broker that is down: the card says so in words, and `ioc-error` fires. */
export const Error: Story = { args: { source: failingSource } };
/** The broker is down and the source serves its last good data, 5 minutes old: the data stays, with a note saying it is older. */
export const Stale: Story = { args: { source: staleSource() } };
export const Dark: Story = { args: { theme: 'dark' } };
export const DarkError: Story = { args: { theme: 'dark', source: failingSource } };

/** Data given straight to the card, with no provider or source. */
export const DirectData: Story = {
  render: (_args, { globals }) => html`
    <ioc-kpi-card
      locale=${localeOf(globals)}
      style="max-width: 22rem"
      .data=${{ ...emptyResult, value: 1234, previous: 1180, observedAt: '2026-11-24T10:00:00+07:00' }}
    ></ioc-kpi-card>
  `,
};
