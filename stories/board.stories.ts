import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, render } from 'lit';
import type { IocDomainSelectEvent } from '@ioc-kit/widgets';
import '@ioc-kit/widgets';
import { STORY_NOW, demoSource, localeOf } from './support.js';

/**
 * The demo province as an operations centre shows it: `<ioc-overview-board>` with the six
 * smart-city domains' headline status and the open alerts across domains. Pick a domain to open
 * its `<ioc-domain-board>`; "Tổng quan" goes back. Pick a theme and a language in the toolbar;
 * everything reads the built-in demo source (no backend), with the clock pinned.
 */
function showDomain(event: IocDomainSelectEvent, locale: 'vi' | 'en'): void {
  const overview = event.target as HTMLElement;
  const host = overview.parentElement;
  const slot = host?.querySelector<HTMLElement>('.domain-board');
  if (!host || !slot) return;
  const back = () => {
    render(html``, slot);
    overview.hidden = false;
    overview.shadowRoot?.querySelector<HTMLElement>(`[data-domain="${event.domain}"] button`)?.focus();
  };
  overview.hidden = true;
  render(
    html`<button type="button" @click=${back} style="margin: 0 16px; font: inherit;">← ${locale === 'en' ? 'Overview' : 'Tổng quan'}</button>
      <ioc-domain-board domain=${event.domain} style="padding: 16px"></ioc-domain-board>`,
    slot,
  );
  slot.querySelector('button')?.focus();
}

const meta: Meta<{ area: string }> = {
  title: 'Demo province/Overview board',
  component: 'ioc-overview-board',
  parameters: { layout: 'fullscreen' },
  args: { area: '90' },
  render: (args, { globals }) => {
    const locale = localeOf(globals);
    return html`
      <ioc-provider .source=${demoSource} now=${STORY_NOW} area=${args.area} locale=${locale}>
        <div>
          <ioc-overview-board style="padding: 16px" @ioc-domain-select=${(event: IocDomainSelectEvent) => showDomain(event, locale)}></ioc-overview-board>
          <div class="domain-board"></div>
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
