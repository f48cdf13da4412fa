import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Domain } from '@ioc-kit/data';
import '@ioc-kit/widgets';
import { STORY_NOW, demoSource, localeOf } from './support.js';

interface Args {
  domain: Domain;
  area: string;
}

/**
 * The six domain boards of the demo province, each `<ioc-domain-board domain="...">` under one
 * provider: headline KPIs, map, trend, ranking, table by commune and the domain's alerts. The
 * layout follows the board's own width (try the phone, laptop and wall viewports in the
 * toolbar); the clock is pinned to 24/11/2026 10:00.
 */
const meta: Meta<Args> = {
  title: 'Demo province/Domain boards',
  component: 'ioc-domain-board',
  parameters: { layout: 'fullscreen' },
  args: { domain: 'environment', area: '90' },
  argTypes: { domain: { control: 'select', options: ['economy', 'citizens', 'governance', 'mobility', 'environment', 'living'] } },
  render: (args, { globals }) => html`
    <ioc-provider .source=${demoSource} now=${STORY_NOW} area=${args.area} locale=${localeOf(globals)}>
      <ioc-domain-board domain=${args.domain} style="padding: 16px"></ioc-domain-board>
    </ioc-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** GRDP growth, budget revenue against plan, public investment disbursed, FDI registered. */
export const Economy: Story = { args: { domain: 'economy' } };
/** Citizens' feedback answered on time, satisfaction, online dossiers, unemployment. */
export const Citizens: Story = { args: { domain: 'citizens' } };
/** Dossiers on time, online payments, overdue tasks, the PAR index. */
export const Governance: Story = { args: { domain: 'governance' } };
/** Mean speed, congestion points, accidents, free parking. */
export const Mobility: Story = { args: { domain: 'mobility' } };
/** VN_AQI, PM2.5, VN_WQI and rainfall; the map and ranking by commune's AQI. */
export const Environment: Story = { args: { domain: 'environment' } };
/** Hospital bed occupancy, clean water, electricity, streetlight faults. */
export const Living: Story = { args: { domain: 'living' } };

/** The environment board for one commune: every widget follows the provider's area. */
export const EnvironmentCommune: Story = { args: { domain: 'environment', area: '90001' } };

/** A region replaced by slotting: the page's own header and its own note where the map was. */
export const SlottedRegions: Story = {
  render: (args, { globals }) => html`
    <ioc-provider .source=${demoSource} now=${STORY_NOW} area=${args.area} locale=${localeOf(globals)}>
      <ioc-domain-board domain=${args.domain} style="padding: 16px">
        <h2 slot="header" style="margin: 0; font: 600 1.4rem var(--ioc-sys-font-family); color: var(--ioc-sys-color-on-surface);">Sở Tài nguyên và Môi trường — Bảng điều hành</h2>
        <p slot="map" style="margin: 0; color: var(--ioc-sys-color-on-surface);">Bản đồ trạm quan trắc của cổng thông tin đặt ở đây.</p>
      </ioc-domain-board>
    </ioc-provider>
  `,
};

/** Every domain's headline status and the open alerts across domains; picking a domain logs `ioc-domain-select`. */
export const Overview: Story = {
  render: (args, { globals }) => html`
    <ioc-provider .source=${demoSource} now=${STORY_NOW} area=${args.area} locale=${localeOf(globals)}>
      <ioc-overview-board style="padding: 16px"></ioc-overview-board>
    </ioc-provider>
  `,
};
