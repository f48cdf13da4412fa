// The provider's selected range drives the widgets under it: brushing (zooming) one time series
// zooms the others to the same range without echoing the event back, a KPI card shows the value
// at the range's end (its sparkline ending there), and clearing the range restores the defaults.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createDemoSource, type DataSource, type Query } from '@ioc-kit/data';
import './provider.js';
import '../kpi-card/kpi-card.js';
import '../time-series/time-series.js';
import type { IocTimeSeries } from '../time-series/time-series.js';
import type { IocProvider } from './provider.js';

const NOW = '2026-11-24T10:00:00+07:00';

function recording(): { source: DataSource; queries: Query[] } {
  const demo = createDemoSource({ seed: 3, now: NOW });
  const queries: Query[] = [];
  return {
    queries,
    source: { ...demo, id: 'recording', query: ((query: Query, options?: { signal?: AbortSignal }) => (queries.push(query), demo.query(query, options))) as DataSource['query'] },
  };
}

function press(series: IocTimeSeries, key: string): void {
  series.shadowRoot!.querySelector<HTMLElement>('[part="plot"]')!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

const lastKpiAt = (queries: Query[]) => queries.filter((q) => q.kind === 'kpi').at(-1)?.at;

describe('widgets follow the provider\'s selected range', () => {
  it('a brushed range on one time series zooms a second one and moves a KPI card; clearing restores them', async () => {
    const { source, queries } = recording();
    const provider = await fixture<IocProvider>(html`
      <ioc-provider .source=${source} area="90" now=${NOW}>
        <ioc-time-series id="a" style="width: 600px" indicator="environment.aqi" grain="day"></ioc-time-series>
        <ioc-time-series id="b" style="width: 600px" indicator="environment.aqi" grain="day"></ioc-time-series>
        <ioc-kpi-card trend indicator="environment.aqi"></ioc-kpi-card>
      </ioc-provider>
    `);
    const a = provider.querySelector<IocTimeSeries>('#a')!;
    const b = provider.querySelector<IocTimeSeries>('#b')!;
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => [a, b, card].every((el) => el.getAttribute('state') === 'ready') && a.shadowRoot!.querySelector('[part="plot"]'), 'widgets not ready', { timeout: 8000 });
    const pinned = new Date(Date.parse(NOW)).toISOString();
    expect(lastKpiAt(queries)).to.equal(pinned);
    const selects: EventTarget[] = [];
    provider.addEventListener('ioc-period-select', (event) => selects.push(event.composedPath()[0]!));

    // Zoom in on A (the keyboard's "+", the same path as a brush or the wheel).
    const mark = queries.length;
    press(a, '+');
    await waitUntil(() => b.domain !== undefined, 'B never followed A');
    expect(a.domain).to.not.equal(undefined);
    expect(b.domain).to.deep.equal(a.domain);
    expect(provider.selection.range).to.deep.equal({ from: new Date(a.domain![0]).toISOString(), to: new Date(a.domain![1]).toISOString() });
    // One event, A's: B followed without firing its own (no loop).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(selects.length).to.equal(1);
    expect(selects[0] === a, 'the event came from A').to.equal(true);
    // The card asks for the period at the range's end, and its sparkline ends there.
    const end = new Date(a.domain![1] - 1).toISOString();
    await waitUntil(() => lastKpiAt(queries) === end, `the card never asked for ${end}`);
    await waitUntil(() => card.getAttribute('state') === 'ready');
    // Only the card asked again (the time series zoom within what they have): its history ends at the day after the range's end.
    const asked = queries.slice(mark);
    expect(asked.every((q) => q.kind === 'kpi' || q.kind === 'series')).to.equal(true);
    const history = asked.find((q) => q.kind === 'series');
    expect(history?.kind === 'series' ? Date.parse(history.to) : Number.NaN).to.be.within(a.domain![1] - 1, a.domain![1] - 1 + 86_400_000);

    // B zoomed in further: A follows B now, one more event.
    press(b, '+');
    await waitUntil(() => a.domain?.[1] === b.domain?.[1] && a.domain?.[0] === b.domain?.[0], 'A never followed B');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(selects.length).to.equal(2);

    // "Show all" on A clears the range: both show everything, the card its default period.
    press(a, '0');
    await waitUntil(() => a.domain === undefined && b.domain === undefined, 'the range was not cleared everywhere');
    expect(provider.selection.range).to.equal(undefined);
    await waitUntil(() => lastKpiAt(queries) === pinned, 'the card did not go back to its default period');
  });

  it('a widget\'s own at wins over the selected range', async () => {
    const { source, queries } = recording();
    const provider = await fixture<IocProvider>(html`
      <ioc-provider .source=${source} area="90" now=${NOW}><ioc-kpi-card indicator="environment.aqi" at="2026-11-01"></ioc-kpi-card></ioc-provider>
    `);
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => card.getAttribute('state') === 'ready');
    provider.select({ range: { from: '2026-10-01T00:00:00.000Z', to: '2026-10-10T00:00:00.000Z' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lastKpiAt(queries)).to.equal('2026-11-01');
  });
});
