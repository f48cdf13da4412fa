import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { HttpError, type DataSource, type KpiQuery, type KpiResult, type Query, type ResultFor } from '@ioc-kit/data';
import { DataController } from './data-controller.js';
import type { IocDataEvent } from './events.js';

const kpi = (value: number): KpiResult => ({ kind: 'kpi', indicator: 'environment.aqi', area: '90', unit: { code: '1', system: 'none', label: { vi: '' } }, value, partial: false });

/** A source whose every request the test settles by hand. */
function manualSource() {
  const pending: { resolve: (value: KpiResult) => void; reject: (error: unknown) => void; signal?: AbortSignal }[] = [];
  const source: DataSource = {
    id: 'manual',
    indicators: () => Promise.resolve([]),
    areas: () => Promise.resolve([]),
    boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
    query: <Q extends Query>(_q: Q, options?: { signal?: AbortSignal }) =>
      new Promise<ResultFor<Q>>((resolve, reject) => {
        pending.push({ resolve: resolve as (value: KpiResult) => void, reject, ...(options?.signal ? { signal: options.signal } : {}) });
      }),
  };
  return { source, pending };
}

/** The smallest widget: a host with a data controller, its source, query and interval set by the test. */
class DataHost extends LitElement {
  source?: DataSource;
  query?: KpiQuery = { kind: 'kpi', indicator: 'environment.aqi', area: '90' };
  refreshMs = 0;
  readonly loader = new DataController<KpiQuery>(this, {
    source: () => this.source,
    query: () => this.query,
    isEmpty: (result) => result.value === null,
    refreshMs: () => this.refreshMs,
  });
}
customElements.define('test-data-host', DataHost);

async function host(source: DataSource, refreshMs = 0): Promise<{ element: DataHost; events: IocDataEvent[] }> {
  const element = document.createElement('test-data-host') as DataHost;
  element.source = source;
  element.refreshMs = refreshMs;
  const events: IocDataEvent[] = [];
  element.addEventListener('ioc-data', (event) => events.push(event));
  (await fixture(html`<div></div>`)).append(element);
  await element.updateComplete;
  return { element, events };
}

describe('DataController on the one refresh loop', () => {
  it('lets two widgets with the same source and query share one request', async () => {
    const { source, pending } = manualSource();
    const a = await host(source);
    const b = await host(source);
    expect(pending).to.have.length(1);
    pending[0]!.resolve(kpi(42));
    await waitUntil(() => a.element.loader.state === 'ready' && b.element.loader.state === 'ready');
    expect(a.element.loader.value?.value).to.equal(42);
    expect(b.element.loader.value?.value).to.equal(42);
    expect(a.events).to.have.length(1);
    expect(b.events).to.have.length(1);
    // One leaving does not stop the other's loop; a retry click there asks again.
    a.element.remove();
    b.element.loader.refresh();
    expect(pending).to.have.length(2);
    expect(pending[1]!.signal?.aborted).to.equal(false);
    b.element.remove();
    expect(pending[1]!.signal?.aborted).to.equal(true);
  });

  it('fires ioc-data when a poll brings something new, not for the same answer again, and keeps its age fresh', async () => {
    const { source, pending } = manualSource();
    const { element, events } = await host(source, 20);
    pending[0]!.resolve(kpi(1));
    await waitUntil(() => pending.length === 2, 'second poll');
    pending[1]!.resolve(kpi(1));
    await waitUntil(() => pending.length === 3, 'third poll');
    expect(events.map((event) => (event.result as KpiResult).value)).to.deep.equal([1]);
    pending[2]!.resolve(kpi(2));
    await waitUntil(() => events.length === 2);
    expect((events[1]!.result as KpiResult).value).to.equal(2);
    expect(element.loader.value?.value).to.equal(2);
    element.remove();
  });

  it('keeps the last good result on a failure, says when it retries, and recovers', async () => {
    const { source, pending } = manualSource();
    const { element, events } = await host(source);
    pending[0]!.resolve(kpi(7));
    await waitUntil(() => element.loader.state === 'ready');
    element.loader.refresh();
    expect(element.loader.loading).to.equal(true);
    pending[1]!.reject(new HttpError('https://x.example/api', 503));
    await waitUntil(() => element.loader.state === 'stale');
    expect(element.loader.value?.value).to.equal(7);
    expect(element.loader.retryAt! - Date.now()).to.be.within(10_000, 20_000);
    expect(element.loader.staleness?.reason).to.contain('503');
    element.loader.refresh();
    expect(element.loader.retryAt, 'a retry click replaces the planned retry').to.equal(undefined);
    pending[2]!.resolve(kpi(7));
    // The same data after a failure is news: the widget recovered.
    await waitUntil(() => events.length === 2, 'ioc-data on recovery');
    expect(element.loader.state).to.equal('ready');
    expect(element.loader.error).to.equal(undefined);
    element.remove();
  });

  it('takes a newer version of its result (live points) as its value, fires ioc-data, and lets the source replace it', async () => {
    const { source, pending } = manualSource();
    const { element, events } = await host(source, 20);
    expect(element.loader.update(kpi(5)), 'nothing on screen to update yet').to.equal(false);
    pending[0]!.resolve(kpi(1));
    await waitUntil(() => element.loader.state === 'ready');
    const live = kpi(2);
    expect(element.loader.update(live)).to.equal(true);
    expect(element.loader.value).to.equal(live);
    expect(events.map((event) => event.result)).to.deep.equal([kpi(1), live]);
    // The same answer again keeps what was added to it, with no event.
    await waitUntil(() => pending.length === 2, 'second poll');
    pending[1]!.resolve(kpi(1));
    await waitUntil(() => pending.length === 3, 'third poll');
    expect(element.loader.value).to.equal(live);
    expect(events).to.have.length(2);
    // A new answer replaces it: the source is the owner of the data.
    pending[2]!.resolve(kpi(3));
    await waitUntil(() => events.length === 3);
    expect(element.loader.value?.value).to.equal(3);
    element.remove();
  });

  it('leaves rendering to the caller when asked (render: false), still holding the result and firing ioc-data', async () => {
    const { source, pending } = manualSource();
    const { element, events } = await host(source, 0);
    pending[0]!.resolve(kpi(1));
    await waitUntil(() => element.loader.state === 'ready');
    await element.updateComplete;
    const live = kpi(2);
    expect(element.loader.update(live, { render: false })).to.equal(true);
    expect(element.loader.value).to.equal(live);
    expect(events.map((event) => event.result)).to.deep.equal([kpi(1), live]);
    expect(element.isUpdatePending).to.equal(false);
    element.remove();
  });
});
