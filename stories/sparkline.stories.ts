import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DataSource, SeriesResult } from '@ioc-kit/data';
import '@ioc-kit/widgets';
import { demoSource, failingSource, fixedSource, localeOf, pendingSource, staleSource } from './support.js';

interface Args {
  indicator: string;
  area: string;
  grain: string;
  span: number;
  fill: boolean;
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

const meta: Meta<Args> = {
  title: 'Widgets/Sparkline',
  component: 'ioc-sparkline',
  args: { indicator: 'environment.aqi', area: '90', grain: 'day', span: 30, fill: false, source: demoSource },
  argTypes: { source: { control: false }, grain: { control: 'select', options: ['hour', 'day', 'week', 'month'] } },
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-sparkline indicator=${args.indicator} grain=${args.grain} span=${args.span} ?fill=${args.fill} style="width: 10rem"></ioc-sparkline>
    </ioc-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** Thirty days of air quality in a line: dots on the lowest, highest and today's value. */
export const Ready: Story = {};

/** Hourly, filled. */
export const ReadyHourlyFilled: Story = { args: { grain: 'hour', span: 48, fill: true } };

/** Sparklines in a table, one per commune, as an operations board lists them. */
export const InTable: Story = {
  render: (_args, { globals }) => html`
    <ioc-provider .source=${demoSource} locale=${localeOf(globals)}>
      <table>
        <caption>
          Chỉ số VN_AQI 30 ngày
        </caption>
        <thead>
          <tr>
            <th scope="col">Xã</th>
            <th scope="col">Xu hướng</th>
          </tr>
        </thead>
        <tbody>
          ${['90001', '90010', '90019'].map(
            (code) => html`<tr>
              <th scope="row">${code}</th>
              <td><ioc-sparkline indicator="environment.aqi" area=${code}></ioc-sparkline></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </ioc-provider>
  `,
};

export const Pending: Story = { args: { source: pendingSource } };
export const Empty: Story = { args: { source: fixedSource(emptyResult) } };
/** A broker that is down: the sparkline says so in words, and `ioc-error` fires. */
export const Error: Story = { args: { source: failingSource } };
/** The broker is down and the source serves its last good data, 5 minutes old: the data stays, with a note saying it is older. */
export const Stale: Story = { args: { source: staleSource() } };

/** Bare values, with the table switch shown. */
export const DirectValues: Story = {
  render: (_args, { globals }) => html`<ioc-sparkline locale=${localeOf(globals)} controls label="Lượt khách" .values=${[12, 15, 11, 18, 22, 19, 25, 24, 30]} style="width: 14rem"></ioc-sparkline>`,
};
