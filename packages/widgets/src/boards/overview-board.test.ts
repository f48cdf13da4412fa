import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createDemoSource, type DataSource } from '@ioc-kit/data';
import '../provider/provider.js';
import '../kpi-card/kpi-card.js';
import './overview-board.js';
import { IocDomainSelectEvent, type IocOverviewBoard } from './overview-board.js';
import { DOMAIN_BOARDS } from './boards.js';

const NOW = '2026-11-24T10:00:00+07:00';
const demo: DataSource = createDemoSource({ seed: 2025, now: NOW });

async function overview(locale = 'vi') {
  const el = await fixture<HTMLElement>(html`<ioc-provider .source=${demo} area="90" now=${NOW} locale=${locale}><ioc-overview-board></ioc-overview-board></ioc-provider>`);
  const board = el.querySelector<IocOverviewBoard>('ioc-overview-board')!;
  await board.updateComplete;
  return { el, board, root: board.shadowRoot! };
}

describe('ioc-overview-board', () => {
  it('shows every domain’s name and headline KPI, and the open alerts across domains', async () => {
    const { board, root } = await overview();
    const tiles = [...root.querySelectorAll<HTMLElement>('[part~="domain"]')];
    expect(tiles.map((tile) => tile.dataset.domain)).to.deep.equal(DOMAIN_BOARDS.map((b) => b.domain));
    expect(tiles.map((tile) => (tile.querySelector('[part~="domain-button"]')!.textContent ?? '').replace(/\s+/g, ' ').trim())).to.deep.equal(DOMAIN_BOARDS.map((b) => `${b.title.vi}›`));
    expect(tiles.map((tile) => tile.querySelector('ioc-kpi-card')!.getAttribute('indicator'))).to.deep.equal(DOMAIN_BOARDS.map((b) => b.kpis[0]));
    expect(tiles.map((tile) => tile.querySelector('ioc-insight')!.getAttribute('indicator'))).to.deep.equal(DOMAIN_BOARDS.map((b) => b.kpis[0]));
    // At a glance: the headline card with its trend, the insight's one sentence.
    expect(tiles.every((tile) => tile.querySelector('ioc-kpi-card')!.hasAttribute('trend') && tile.querySelector('ioc-insight')!.hasAttribute('brief'))).to.equal(true);
    const alerts = root.querySelector('slot[name="alerts"] ioc-alert-list')!;
    expect(alerts.hasAttribute('domain')).to.equal(false);
    expect(alerts.getAttribute('status')).to.equal('open');
    await waitUntil(() => board.getAttribute('state') === 'ready', `board state ${board.getAttribute('state')}`, { timeout: 20_000 });
  });

  it('fires a typed ioc-domain-select (bubbling, composed) when a domain tile is clicked', async () => {
    const { el, root } = await overview();
    const heard = oneEvent<IocDomainSelectEvent>(el, 'ioc-domain-select');
    root.querySelector<HTMLElement>('[data-domain="mobility"] ioc-kpi-card')!.click();
    const event = await heard;
    expect(event).to.be.instanceOf(IocDomainSelectEvent);
    expect(event.domain).to.equal('mobility');
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('is keyboard operable: Tab reaches each domain’s button, Enter and Space pick it', async () => {
    const { el, root } = await overview('en');
    const picked: string[] = [];
    el.addEventListener('ioc-domain-select', (event) => picked.push(event.domain));
    const first = root.querySelector<HTMLButtonElement>('[data-domain="economy"] [part~="domain-button"]')!;
    expect(first.getAttribute('aria-label')).to.equal('Open the Smart economy board');
    first.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    // Tab moves on to the next domain's button (a KPI card takes no focus).
    expect(root.activeElement?.closest<HTMLElement>('[part~="domain"]')?.dataset.domain).to.equal('citizens');
    await sendKeys({ press: 'Space' });
    expect(picked).to.deep.equal(['economy', 'citizens']);
  });

  it('shows only the domains named in `domains`, and lets the page slot its own alert list', async () => {
    const el = await fixture(html`
      <ioc-provider .source=${demo} area="90" now=${NOW}>
        <ioc-overview-board domains="environment, mobility, nonsense"><p slot="alerts" id="mine">Cảnh báo của cổng</p></ioc-overview-board>
      </ioc-provider>
    `);
    const board = el.querySelector<IocOverviewBoard>('ioc-overview-board')!;
    await board.updateComplete;
    expect([...board.shadowRoot!.querySelectorAll<HTMLElement>('[part~="domain"]')].map((tile) => tile.dataset.domain)).to.deep.equal(['environment', 'mobility']);
    expect(board.shadowRoot!.querySelector('ioc-alert-list')).to.equal(null);
  });
});
