import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { DataSource, KpiResult } from '@ioc-kit/data';
import '@ioc-kit/widgets';
import { STORY_NOW, demoSource, failingSource, fixedSource, localeOf, pendingSource, staleSource } from './support.js';

interface Args {
  indicator: string;
  area: string;
  source: DataSource;
  /** Which comparisons: `previous`, `year`, `target` (comma separated), or `none`. */
  compare: string;
  compact: boolean;
  trend: boolean;
  staleAfter?: number;
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

/** Dossiers handled on time (higher is better): below last year and its target of 95 %, observed three hours before the stories' now. */
const oldOnTime: KpiResult = {
  kind: 'kpi',
  indicator: 'governance.dossiers-on-time',
  area: '90',
  unit: { code: '%', system: 'UCUM', label: { vi: '%' } },
  value: 91.4,
  previous: 88.2,
  sameLastYear: 93.1,
  target: 95,
  partial: false,
  observedAt: new Date(Date.parse(STORY_NOW) - 3 * 3_600_000).toISOString(),
  period: { grain: 'day', from: '2026-11-23T17:00:00Z', to: '2026-11-24T17:00:00Z' },
};

const meta: Meta<Args> = {
  title: 'Widgets/KPI card',
  component: 'ioc-kpi-card',
  args: { indicator: 'environment.aqi', area: '90', source: demoSource, compare: 'previous,year,target', compact: false, trend: true },
  argTypes: {
    source: { control: false },
    compare: { control: 'text' },
    theme: { control: 'select', options: ['light', 'dark', 'wall', 'high-contrast'] },
  },
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)}>
      <ioc-kpi-card
        indicator=${args.indicator}
        compare=${args.compare}
        ?compact=${args.compact}
        ?trend=${args.trend}
        stale-after=${ifDefined(args.staleAfter)}
        style=${args.compact ? 'max-width: 14rem' : 'max-width: 22rem'}
      ></ioc-kpi-card>
    </ioc-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/**
 * The demo province's air quality today: value, VN_AQI band, the change against yesterday, the
 * same day last year and the target, coloured by polarity (a fall in AQI is better), and the
 * 30-day trend with its significance.
 */
export const Ready: Story = {};
export const Pending: Story = { args: { source: pendingSource } };
export const Empty: Story = { args: { source: fixedSource(emptyResult) } };
/** A broker that is down: the card says so in words, and `ioc-error` fires. */
export const Error: Story = { args: { source: failingSource } };
/** The broker is down and the source serves its last good data, 5 minutes old: the data stays, with a note and a badge saying how old it is. */
export const Stale: Story = { args: { source: staleSource() } };
export const Dark: Story = { args: { theme: 'dark' } };
export const DarkError: Story = { args: { theme: 'dark', source: failingSource } };

/** Only the target: the arrow says whether the value meets it. */
export const ReadyTargetOnly: Story = { args: { compare: 'target' } };
/** No comparisons and no trend: the plain headline value. */
export const ReadyPlain: Story = { args: { compare: 'none', trend: false } };
/** A higher-is-better indicator three hours old (the badge says so, here after an hour): a rise is green, below last year and the target red. */
export const ReadyOldData: Story = { args: { indicator: 'governance.dossiers-on-time', source: fixedSource(oldOnTime), staleAfter: 3600, trend: false } };

/** The compact card: value, band, the first comparison and the line, for a row of cards. */
export const CompactReady: Story = { args: { compact: true } };
export const CompactPending: Story = { args: { compact: true, source: pendingSource } };
export const CompactEmpty: Story = { args: { compact: true, source: fixedSource(emptyResult) } };
export const CompactError: Story = { args: { compact: true, source: failingSource } };
export const CompactStale: Story = { args: { compact: true, source: staleSource() } };
/** Compact, old data: the badge stays in the small card. */
export const CompactOldData: Story = { args: { compact: true, indicator: 'governance.dossiers-on-time', source: fixedSource(oldOnTime), staleAfter: 3600, trend: false } };

/** Data given straight to the card, with no provider or source. */
export const DirectData: Story = {
  // The provider only pins the clock (the card's data is given directly): the badge's age is
  // counted from the stories' "now", not from the day the story is opened.
  render: (_args, { globals }) => html`
    <ioc-provider now=${STORY_NOW}>
      <ioc-kpi-card
        locale=${localeOf(globals)}
        style="max-width: 22rem"
        .data=${{ ...emptyResult, value: 1234, previous: 1180, observedAt: '2026-11-24T10:00:00+07:00' }}
      ></ioc-kpi-card>
    </ioc-provider>
  `,
};
