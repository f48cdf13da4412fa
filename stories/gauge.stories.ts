import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DataSource, KpiResult } from '@ioc-kit/data';
import '@ioc-kit/widgets';
import { demoSource, failingSource, fixedSource, localeOf, pendingSource, staleSource } from './support.js';

interface Args {
  indicator: string;
  area: string;
  form: string;
  source: DataSource;
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
  title: 'Widgets/Gauge',
  component: 'ioc-gauge',
  args: { indicator: 'environment.aqi', area: '90', form: 'radial', source: demoSource },
  argTypes: { source: { control: false }, form: { control: 'select', options: ['radial', 'bullet'] } },
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-gauge indicator=${args.indicator} form=${args.form} style="max-width: ${args.form === 'bullet' ? '32rem' : '20rem'}"></ioc-gauge>
    </ioc-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** Today's air quality on the six VN_AQI bands, the value in its band's colour. */
export const Ready: Story = {};

/** The same as a bullet bar, for dense boards. */
export const ReadyBullet: Story = { args: { form: 'bullet' } };

/** Dossiers settled on time against the 95 % target: green when met, red when not (higher is better). */
export const ReadyTargetPolarity: Story = { args: { indicator: 'governance.dossiers-on-time' } };

/** Late dossiers against the 5 % target, as a bullet (lower is better). */
export const ReadyLowerIsBetter: Story = { args: { indicator: 'governance.dossiers-late', form: 'bullet' } };

export const Pending: Story = { args: { source: pendingSource } };
export const Empty: Story = { args: { source: fixedSource(emptyResult) } };
/** A broker that is down: the gauge says so in words, and `ioc-error` fires. */
export const Error: Story = { args: { source: failingSource } };
/** The broker is down and the source serves its last good data, 5 minutes old: the data stays, with a note saying it is older. */
export const Stale: Story = { args: { source: staleSource() } };

/** A value given straight to the gauge. */
export const DirectData: Story = {
  render: (_args, { globals }) => html`
    <ioc-gauge
      locale=${localeOf(globals)}
      .data=${{ ...emptyResult, value: 162, target: 100, unit: { code: '1', system: 'UCUM', label: { vi: 'AQI', en: 'AQI' } } }}
      style="max-width: 20rem"
    ></ioc-gauge>
  `,
};
