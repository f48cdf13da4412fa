import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { ByAreaResult, DataSource } from '@ioc-kit/data';
import '@ioc-kit/widgets';
import { demoSource, failingSource, fixedSource, localeOf, pendingSource, staleSource } from './support.js';

interface Args {
  indicator: string;
  area: string;
  level: string;
  at: string;
  otherThreshold: number;
  maxSlices: number;
  source: DataSource;
}

const emptyResult: ByAreaResult = {
  kind: 'by-area',
  indicator: 'economy.budget-revenue',
  unit: { code: '1', system: 'none', label: { vi: 'tỷ đồng', en: 'bn VND' } },
  level: 'commune',
  partial: false,
  rows: [],
};

const meta: Meta<Args> = {
  title: 'Widgets/Donut',
  component: 'ioc-donut',
  args: { indicator: 'environment.solid-waste', area: '90', level: 'commune', at: '', otherThreshold: 0.03, maxSlices: 8, source: demoSource },
  argTypes: {
    source: { control: false },
    level: { control: 'select', options: ['commune', 'district'] },
    otherThreshold: { control: { type: 'range', min: 0, max: 0.2, step: 0.01 } },
  },
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-donut
        indicator=${args.indicator}
        level=${args.level}
        at=${args.at || nothing}
        other-threshold=${args.otherThreshold}
        max-slices=${args.maxSlices}
        style="max-width: 36rem; --ioc-donut-height: 18rem"
      ></ioc-donut>
    </ioc-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/**
 * The province's solid waste in June 2025 by its eight districts (before they were abolished on
 * 1 July 2025): a whole with a few large parts, which a donut shows well.
 */
export const Ready: Story = { args: { level: 'district', at: '2025-06-15' } };

/**
 * Each commune's share of the province's solid waste today: no commune holds more than a few
 * percent, so a donut would be a ring of slivers or a giant "Khác". The eight largest are shown
 * as bars of their share instead, and the line under them says what the other ninety-odd hold.
 */
export const ReadyManyCommunes: Story = {};

/** The same with at most five parts: the five largest communes. */
export const ReadyCoarse: Story = { args: { maxSlices: 5 } };

export const Pending: Story = { args: { source: pendingSource } };
export const Empty: Story = { args: { source: fixedSource(emptyResult) } };
/** A broker that is down: the chart says so in words, and `ioc-error` fires. */
export const Error: Story = { args: { source: failingSource } };
/** The broker is down and the source serves its last good data, 5 minutes old: the data stays, with a note saying it is older. */
export const Stale: Story = { args: { source: staleSource() } };

/** Revenue by district given straight to the donut. */
export const DirectData: Story = {
  render: (_args, { globals }) => html`
    <ioc-donut
      locale=${localeOf(globals)}
      label="Thu ngân sách theo địa bàn"
      .data=${{
        ...emptyResult,
        rows: [
          { area: 'a', value: 5204.5 },
          { area: 'b', value: 3100 },
          { area: 'c', value: 1200 },
          { area: 'd', value: 120 },
          { area: 'e', value: 90 },
        ],
      }}
      .areaLabels=${{ a: 'Phường Kinh Bắc', b: 'Phường Võ Cường', c: 'Xã Tam Giang', d: 'Xã Đông Phong', e: 'Xã Yên Trung' }}
      style="max-width: 36rem"
    ></ioc-donut>
  `,
};
