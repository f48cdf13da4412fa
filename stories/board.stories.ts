import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@ioc-kit/widgets';
import { demoSource, localeOf } from './support.js';

/**
 * The demo province as an operations centre shows it: the six smart-city domains, each with
 * its headline KPIs and a chart, from the province down to its communes. Pick a theme and a
 * language in the toolbar; everything reads the built-in demo source (no backend).
 */
const DOMAINS = [
  {
    title: { vi: 'Kinh tế thông minh', en: 'Smart economy' },
    kpis: ['economy.grdp-growth', 'economy.budget-revenue-plan', 'economy.public-investment-disbursement'],
    chart: html`<ioc-bar-chart indicator="economy.new-enterprises" level="commune" grain="month" top="8"></ioc-bar-chart>`,
  },
  {
    title: { vi: 'Cư dân thông minh', en: 'Smart citizens' },
    kpis: ['citizens.feedback-resolved-on-time', 'citizens.satisfaction', 'citizens.online-dossiers'],
    chart: html`<ioc-time-series indicator="citizens.feedback-received" grain="day"></ioc-time-series>`,
  },
  {
    title: { vi: 'Quản trị thông minh', en: 'Smart governance' },
    kpis: ['governance.dossiers-on-time', 'governance.online-payments', 'governance.overdue-tasks'],
    chart: html`<ioc-gauge indicator="governance.par-index"></ioc-gauge>`,
  },
  {
    title: { vi: 'Giao thông thông minh', en: 'Smart mobility' },
    kpis: ['mobility.mean-speed', 'mobility.congestion-points', 'mobility.accidents'],
    chart: html`<ioc-heatmap indicator="mobility.vehicle-flow" layout="hour-weekday"></ioc-heatmap>`,
  },
  {
    title: { vi: 'Môi trường thông minh', en: 'Smart environment' },
    kpis: ['environment.aqi', 'environment.wqi', 'environment.rainfall'],
    chart: html`<ioc-time-series indicator="environment.aqi" grain="day"></ioc-time-series>`,
  },
  {
    title: { vi: 'Cuộc sống thông minh', en: 'Smart living' },
    kpis: ['living.bed-occupancy', 'living.clean-water-households', 'living.streetlight-faults'],
    // A province's electricity shared among its communes; a commune has nothing under it to
    // share among, so its board shows its own consumption over the last twelve whole months
    // (the demo's "now" is 24/11/2026: November is not over, and a part month would look like a drop).
    chart: (area: string) =>
      /^\d{2}$/.test(area)
        ? html`<ioc-donut indicator="living.electricity" level="commune"></ioc-donut>`
        : html`<ioc-bar-chart indicator="living.electricity" areas=${area} grain="month" from="2025-11-01T00:00:00+07:00" to="2026-11-01T00:00:00+07:00"></ioc-bar-chart>`,
  },
];

const meta: Meta<{ area: string }> = {
  title: 'Demo province/Overview board',
  parameters: { layout: 'fullscreen' },
  args: { area: '90' },
  render: (args, { globals }) => {
    const locale = localeOf(globals);
    return html`
      <ioc-provider .source=${demoSource} area=${args.area} locale=${locale}>
        <div style="display: grid; gap: 24px; padding: 16px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 36rem), 1fr));">
          ${DOMAINS.map(
            (domain) => html`
              <section aria-label=${domain.title[locale]} style="display: grid; gap: 12px; align-content: start;">
                <h2 style="margin: 0; font: 600 1.1rem var(--ioc-sys-font-family); color: var(--ioc-sys-color-on-surface);">${domain.title[locale]}</h2>
                <div style="display: grid; gap: 12px; grid-template-columns: repeat(3, minmax(0, 1fr));">
                  ${domain.kpis.map((indicator) => html`<ioc-kpi-card indicator=${indicator}></ioc-kpi-card>`)}
                </div>
                ${typeof domain.chart === 'function' ? domain.chart(args.area) : domain.chart}
              </section>
            `,
          )}
        </div>
      </ioc-provider>
    `;
  },
};
export default meta;

/** All six domains for the whole province. */
export const Province: StoryObj<{ area: string }> = {};

/** The same board for one commune: every widget follows the provider's area. */
export const Commune: StoryObj<{ area: string }> = { args: { area: '90001' } };
