import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ByAreaResult, DataSource } from '@ioc-kit/data';
import '@ioc-kit/widgets';
import { STORY_NOW, demoSource, failingSource, fixedSource, localeOf, pendingSource, staleSource } from './support.js';

interface Args {
  indicators: string;
  area: string;
  source: DataSource;
  theme?: string;
}

const emptyResult: ByAreaResult = {
  kind: 'by-area',
  indicator: 'environment.aqi',
  unit: { code: '1', system: 'UCUM', label: { vi: '' } },
  level: 'commune',
  rows: [],
  partial: false,
};

const meta: Meta<Args> = {
  title: 'Widgets/Area table',
  component: 'ioc-area-table',
  args: { indicators: 'environment.aqi,environment.pm25', area: '90', source: demoSource },
  argTypes: { source: { control: false }, theme: { control: 'select', options: ['light', 'dark', 'wall', 'high-contrast'] } },
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} now=${STORY_NOW} locale=${localeOf(globals)} theme=${args.theme ?? ''}>
      <ioc-area-table indicators=${args.indicators} style="max-width: 56rem; --ioc-area-table-max-height: 24rem"></ioc-area-table>
    </ioc-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** The demo province's 100 communes: today's VN_AQI and PM2.5, each with its band in words and a 14-day trend. */
export const Ready: Story = {};
export const Pending: Story = { args: { source: pendingSource } };
export const Empty: Story = { args: { source: fixedSource(emptyResult) } };
/** A broker that is down: the table says so in words, and `ioc-error` fires. */
export const Error: Story = { args: { source: failingSource } };
/** The source serves its last good data, 5 minutes old: the rows stay, with a note saying they are older. */
export const Stale: Story = { args: { source: staleSource() } };
export const Dark: Story = { args: { theme: 'dark' } };

/**
 * One page that drills together: choose a row (Enter or click) and the breadcrumb, the KPI card
 * and the table follow; the breadcrumb, Backspace or Escape go back up to the province.
 */
export const Drill: Story = {
  render: (_args, { globals }) => html`
    <ioc-provider .source=${demoSource} now=${STORY_NOW} locale=${localeOf(globals)}>
      <div style="display: grid; gap: 1rem; max-width: 56rem">
        <ioc-breadcrumb></ioc-breadcrumb>
        <ioc-kpi-card indicator="environment.aqi" style="max-width: 22rem"></ioc-kpi-card>
        <ioc-area-table indicators="environment.aqi,environment.pm25" style="--ioc-area-table-max-height: 20rem"></ioc-area-table>
      </div>
    </ioc-provider>
  `,
};
