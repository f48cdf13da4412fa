import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createDemoSource, type DataSource, type Query } from '@ioc-kit/data';
import type { IocAreaSelectEvent, IocSelectionChangeEvent } from '../internal/events.js';
import './provider.js';
import '../kpi-card/kpi-card.js';
import '../area-table/area-table.js';
import '../bar-chart/bar-chart.js';
import '../breadcrumb/breadcrumb.js';
import '../time-series/time-series.js';
import type { IocProvider } from './provider.js';
import type { IocAreaTable } from '../area-table/area-table.js';
import type { IocBarChart } from '../bar-chart/bar-chart.js';
import type { IocBreadcrumb } from '../breadcrumb/breadcrumb.js';
import type { IocKpiCard } from '../kpi-card/kpi-card.js';
import type { IocTimeSeries } from '../time-series/time-series.js';

const NOW = '2026-11-24T10:00:00+07:00';

/** The demo province, with every query it is asked written down. */
function recordingSource(): { source: DataSource; asked: Query[] } {
  const demo = createDemoSource({ seed: 5, now: NOW });
  const asked: Query[] = [];
  const source: DataSource = {
    id: 'recording',
    indicators: (o) => demo.indicators(o),
    areas: (q, o) => demo.areas(q, o),
    boundaries: (q, o) => demo.boundaries(q, o),
    query: (q, o) => {
      asked.push(q);
      return demo.query(q, o);
    },
    now: () => Date.parse(NOW),
  };
  return { source, asked };
}

const kpiAreas = (asked: Query[]) => asked.filter((q) => q.kind === 'kpi').map((q) => (q as { area: string }).area);
const crumbs = (crumb: IocBreadcrumb) => [...crumb.shadowRoot!.querySelectorAll('[part="crumb"]')].map((c) => c.textContent?.trim());

describe('ioc-provider selection', () => {
  const startUrl = location.href;
  afterEach(() => history.replaceState(null, '', startUrl));

  it('a row chosen in the table becomes the area of the KPI card and the table under the same provider; an explicit area stays', async () => {
    const { source, asked } = recordingSource();
    const changes: IocSelectionChangeEvent[] = [];
    const provider = await fixture<IocProvider>(html`<ioc-provider .source=${source} now=${NOW} @ioc-selection-change=${(e: IocSelectionChangeEvent) => changes.push(e)}>
      <ioc-kpi-card id="follow" indicator="environment.aqi"></ioc-kpi-card>
      <ioc-kpi-card id="fixed" indicator="environment.aqi" area="90"></ioc-kpi-card>
      <ioc-area-table indicators="environment.aqi" no-trend></ioc-area-table>
    </ioc-provider>`);
    const table = provider.querySelector<IocAreaTable>('ioc-area-table')!;
    const card = provider.querySelector<IocKpiCard>('#follow')!;
    await waitUntil(() => table.getAttribute('state') === 'ready' && card.getAttribute('state') === 'ready', 'ready', { timeout: 8000 });
    expect(kpiAreas(asked)).to.include('90').and.not.include('90010');
    const row = table.shadowRoot!.querySelector<HTMLElement>('tbody tr[data-code="90010"] th')!;
    row.click();
    await waitUntil(() => kpiAreas(asked).includes('90010'), 'the card follows', { timeout: 8000 });
    expect(provider.selection).to.deep.include({ area: '90010', level: 'commune' });
    expect(changes.at(-1)!.cause).to.equal('area-select');
    await waitUntil(() => table.shadowRoot!.querySelector('tr[aria-selected="true"]')?.getAttribute('data-code') === '90010', 'row marked', { timeout: 8000 });
    // The table keeps listing the province's communes, and the card with its own area keeps it.
    expect(table.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(100);
    expect(kpiAreas(asked).filter((a) => a === '90010')).to.have.length(1);
    expect(card.getAttribute('state')).to.not.equal('error');
  });

  it('a ranked bar clicked or Entered fires ioc-area-select; a zoom on a time series becomes the range', async () => {
    const { source } = recordingSource();
    const provider = await fixture<IocProvider>(html`<ioc-provider .source=${source} now=${NOW}>
      <ioc-bar-chart indicator="environment.aqi" top="5" style="width: 600px"></ioc-bar-chart>
      <ioc-time-series indicator="environment.aqi" style="width: 600px"></ioc-time-series>
    </ioc-provider>`);
    const bar = provider.querySelector<IocBarChart>('ioc-bar-chart')!;
    const series = provider.querySelector<IocTimeSeries>('ioc-time-series')!;
    await waitUntil(() => bar.getAttribute('state') === 'ready' && series.getAttribute('state') === 'ready', 'ready', { timeout: 8000 });
    const picked: IocAreaSelectEvent[] = [];
    provider.addEventListener('ioc-area-select', (e) => picked.push(e));
    bar.shadowRoot!.querySelector<HTMLElement>('[part="plot"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(picked).to.have.length(1);
    expect(picked[0]!.area.level).to.equal('commune');
    await waitUntil(() => provider.selection.area === picked[0]!.area.code);
    const from = Date.parse('2026-11-10T00:00:00+07:00');
    const to = Date.parse('2026-11-17T00:00:00+07:00');
    series.zoomTo([from, to]);
    await waitUntil(() => provider.selection.range !== undefined);
    expect(provider.selection.range).to.deep.equal({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
    // Zoomed in, the range stays; "show all" clears it.
    series.zoomTo(undefined);
    await waitUntil(() => provider.selection.range === undefined);
  });

  it('keeps the selection in the address: round trip, back and forward, two providers apart', async () => {
    const { source } = recordingSource();
    history.replaceState(null, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}left.area=90019&left.level=commune`);
    const page = await fixture(html`<div>
      <ioc-provider id="left" .source=${source} url-state="left" now=${NOW}><ioc-kpi-card indicator="environment.aqi"></ioc-kpi-card></ioc-provider>
      <ioc-provider id="right" .source=${source} url-state="right" url-mode="query" now=${NOW}><ioc-kpi-card indicator="environment.aqi"></ioc-kpi-card></ioc-provider>
    </div>`);
    const left = page.querySelector<IocProvider>('#left')!;
    const right = page.querySelector<IocProvider>('#right')!;
    // Restored on load.
    expect(left.selection).to.deep.include({ area: '90019', level: 'commune' });
    await waitUntil(() => right.selection.area === '90');
    right.select({ area: '90001', level: 'commune' });
    const params = () => new URLSearchParams(location.search);
    expect(params().get('right.area')).to.equal('90001');
    expect(params().get('left.area')).to.equal('90019');
    left.select({ area: '90028', level: 'commune' });
    expect(params().get('left.area')).to.equal('90028');
    // Back: left goes back to 90019, right keeps 90001.
    history.back();
    await waitUntil(() => left.selection.area === '90019', 'back', { timeout: 4000 });
    expect(right.selection.area).to.equal('90001');
    history.back();
    await waitUntil(() => right.selection.area === '90', 'back to the province', { timeout: 4000 });
    history.forward();
    await waitUntil(() => right.selection.area === '90001', 'forward', { timeout: 4000 });
    // A hostile value in the address is not taken.
    history.pushState(null, '', `${location.pathname}?left.area=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(left.selection.area).to.equal('90');
  });

  it('the breadcrumb shows province › commune, goes up on a click, and Backspace/Escape go up (not in a text field)', async () => {
    const { source } = recordingSource();
    const provider = await fixture<IocProvider>(html`<ioc-provider .source=${source} now=${NOW}>
      <ioc-breadcrumb></ioc-breadcrumb>
      <input id="search" type="search" />
      <button id="other">x</button>
    </ioc-provider>`);
    const crumb = provider.querySelector<IocBreadcrumb>('ioc-breadcrumb')!;
    await waitUntil(() => crumbs(crumb).length === 1 && crumbs(crumb)[0] === 'Tỉnh Sông Mây (demo)', 'province', { timeout: 4000 });
    provider.select({ area: '90010', level: 'commune' });
    await waitUntil(() => crumbs(crumb).length === 2, 'province › commune');
    const commune = (await source.areas({ level: 'commune' })).find((a) => a.code === '90010')!;
    expect(crumbs(crumb)).to.deep.equal(['Tỉnh Sông Mây (demo)', commune.name.vi]);
    expect(crumb.shadowRoot!.querySelector('[aria-current="location"]')!.textContent).to.equal(commune.name.vi);
    crumb.shadowRoot!.querySelector<HTMLButtonElement>('button[part="crumb"]')!.click();
    await waitUntil(() => provider.selection.area === '90' && crumbs(crumb).length === 1, 'up by click');
    // Backspace in a text field is typing, not going up.
    provider.select({ area: '90010', level: 'commune' });
    provider.querySelector<HTMLInputElement>('#search')!.focus();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Escape' });
    expect(provider.selection.area).to.equal('90010');
    provider.querySelector<HTMLButtonElement>('#other')!.focus();
    await sendKeys({ press: 'Backspace' });
    await waitUntil(() => provider.selection.area === '90', 'up by Backspace');
    provider.select({ area: '90010', level: 'commune' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => provider.selection.area === '90', 'up by Escape');
  });
});
