import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Alert, AlertsResult, DataSource } from '@ioc-kit/data';
import '@ioc-kit/widgets';
import { STORY_NOW, demoSource, failingSource, fixedSource, localeOf, pendingSource, staleSource } from './support.js';

interface Args {
  area: string;
  domain?: string;
  status: string;
  severity?: string;
  source: DataSource;
  theme?: string;
}

const NOW = Date.parse(STORY_NOW);
const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;

const emptyResult: AlertsResult = { kind: 'alerts', alerts: [], partial: false };

/** 10,000 alerts (the virtualised list keeps only the visible rows in the DOM). */
function manyAlerts(): AlertsResult {
  const alerts: Alert[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: `many-${i}`,
    severity: SEVERITIES[i % 5]!,
    category: 'traffic',
    subCategory: 'trafficJam',
    domain: 'mobility',
    area: '90001',
    title: `Ùn tắc giao thông tại nút giao số ${i + 1}`,
    start: new Date(NOW - i * 61 * 60_000).toISOString(),
    status: i % 3 ? 'open' : 'acknowledged',
    source: 'story',
  }));
  return { kind: 'alerts', alerts, partial: false };
}

/** Faulty alerts as a broker might send them: the list skips and counts them, and shows hostile text as text. */
const badAlerts = {
  kind: 'alerts',
  partial: false,
  alerts: [
    { id: 'ok', severity: 'high', category: 'environment', domain: 'environment', area: '90001', title: '<img src=x onerror=alert(1)> Nước dâng cao', start: new Date(NOW - 12 * 60_000).toISOString(), status: 'open', source: 'story' },
    { id: 'future', severity: 'medium', category: 'weather', domain: 'environment', title: 'Mưa lớn (giờ của nguồn sai)', start: new Date(NOW + 3 * 86_400_000).toISOString(), status: 'open', source: 'story' },
    { id: 'bad-severity', severity: 'apocalyptic', category: 'x', domain: 'environment', title: 'Mức độ lạ', start: new Date(NOW).toISOString(), status: 'open', source: 'story' },
    { id: 'no-time', severity: 'low', category: 'x', domain: 'environment', title: 'Không có giờ', start: 'hôm qua', status: 'open', source: 'story' },
    { severity: 'low', title: 'Không có mã' },
  ],
} as unknown as AlertsResult;

const meta: Meta<Args> = {
  title: 'Widgets/Alert list',
  component: 'ioc-alert-list',
  args: { area: '90', status: 'active', source: demoSource },
  argTypes: {
    source: { control: false },
    status: { control: 'select', options: ['active', 'open', 'acknowledged', 'resolved', 'all'] },
    severity: { control: 'select', options: [undefined, ...SEVERITIES] },
    domain: { control: 'select', options: [undefined, 'economy', 'citizens', 'governance', 'mobility', 'environment', 'living'] },
    theme: { control: 'select', options: ['light', 'dark', 'wall', 'high-contrast'] },
  },
  render: (args, { globals }) => html`
    <ioc-provider .source=${args.source} area=${args.area} locale=${localeOf(globals)} now=${STORY_NOW}>
      <ioc-alert-list status=${args.status} domain=${args.domain ?? ''} severity=${args.severity ?? ''} style="max-width: 52rem"></ioc-alert-list>
    </ioc-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** The demo province's open and acknowledged alerts, most severe first, then newest. */
export const Ready: Story = {};
/** Every alert of the last 30 days, resolved ones too: use the chips to narrow down. */
export const AllStatuses: Story = { args: { status: 'all' } };
/** Governance: communes whose one-stop office let dossiers run late, and overdue tasks. */
export const Governance: Story = { args: { status: 'all', domain: 'governance' } };
export const Pending: Story = { args: { source: pendingSource } };
export const Empty: Story = { args: { source: fixedSource(emptyResult) } };
/** A broker that is down: the list says so in words, and `ioc-error` fires. */
export const Error: Story = { args: { source: failingSource } };
/** The broker is down and the source serves its last good alerts, 5 minutes old. */
export const Stale: Story = { args: { source: staleSource(), status: 'all' } };
export const Dark: Story = { args: { theme: 'dark', status: 'all' } };
/** 10,000 alerts: only the visible rows are in the DOM; arrows, Page Up/Down and Home/End move through all of them. */
export const TenThousand: Story = { args: { source: fixedSource(manyAlerts()), status: 'all' } };
/** Faulty alerts are skipped and counted; a future start is marked; hostile text stays text. */
export const BadAlerts: Story = { args: { source: fixedSource(badAlerts) } };
