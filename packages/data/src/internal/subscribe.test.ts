import { expect, waitUntil } from '@open-wc/testing';
import { HttpError } from '../contract/errors.js';
import type { KpiQuery, KpiResult, Query, ResultFor } from '../contract/query.js';
import type { DataSource } from '../contract/source.js';
import { pageVisibility, pollingSubscribe, withPolling, type VisibilitySignal } from './subscribe.js';

const query: KpiQuery = { kind: 'kpi', indicator: 'environment.aqi', area: '90' };
const result = (value: number): KpiResult => ({ kind: 'kpi', indicator: 'environment.aqi', area: '90', unit: { code: '1', system: 'none', label: { vi: '' } }, value, partial: false });

/** A source whose every request the test settles by hand. */
function manualSource() {
  const requests: { resolve: (value: KpiResult) => void; reject: (error: unknown) => void; signal?: AbortSignal }[] = [];
  const source: Pick<DataSource, 'query'> = {
    query: <Q extends Query>(_q: Q, options?: { signal?: AbortSignal }) =>
      new Promise<ResultFor<Q>>((resolve, reject) => {
        requests.push({ resolve: resolve as (value: KpiResult) => void, reject, ...(options?.signal ? { signal: options.signal } : {}) });
      }),
  };
  return { source, requests };
}

/** A scheduler the test advances by hand. */
function manualScheduler() {
  const pending: { ms: number; run: () => void; cancelled: boolean }[] = [];
  return {
    pending,
    schedule: (ms: number, run: () => void) => {
      const entry = { ms, run, cancelled: false };
      pending.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
    /** Runs the oldest live timer, returning its delay. */
    fire(): number {
      const entry = pending.find((candidate) => !candidate.cancelled);
      if (!entry) throw new Error('no timer pending');
      entry.cancelled = true;
      entry.run();
      return entry.ms;
    },
    live: () => pending.filter((entry) => !entry.cancelled).length,
  };
}

function fakeVisibility(initiallyHidden = false) {
  let hidden = initiallyHidden;
  const listeners = new Set<() => void>();
  const signal: VisibilitySignal = {
    hidden: () => hidden,
    onChange(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
  };
  return {
    signal,
    listeners,
    set(value: boolean) {
      hidden = value;
      listeners.forEach((listener) => listener());
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pollingSubscribe', () => {
  it('asks at once, then once per interval after each answer, never two requests at a time', async () => {
    const { source, requests } = manualSource();
    const clock = manualScheduler();
    const seen: (number | null | undefined)[] = [];
    const stop = new AbortController();
    const handle = pollingSubscribe(source, query, (r) => seen.push(r?.value), { intervalMs: 1000, signal: stop.signal, schedule: clock.schedule, visibility: fakeVisibility().signal });
    expect(requests).to.have.length(1);
    // While the request is in flight nothing is scheduled, and a manual refresh is ignored.
    expect(clock.live()).to.equal(0);
    handle.refresh();
    expect(requests).to.have.length(1);
    requests[0]!.resolve(result(1));
    await settle();
    expect(seen).to.deep.equal([1]);
    expect(clock.fire()).to.equal(1000);
    expect(requests).to.have.length(2);
    requests[1]!.resolve(result(2));
    await settle();
    expect(seen).to.deep.equal([1, 2]);
    stop.abort();
  });

  it('backs off on repeated errors, passing the last good value with each error, and recovers', async () => {
    const { source, requests } = manualSource();
    const clock = manualScheduler();
    const calls: { value: number | null | undefined; error: unknown }[] = [];
    const stop = new AbortController();
    pollingSubscribe(source, query, (r, error) => calls.push({ value: r?.value, error }), {
      intervalMs: 1000,
      maxBackoffMs: 5000,
      random: () => 0,
      signal: stop.signal,
      schedule: clock.schedule,
      visibility: fakeVisibility().signal,
    });
    requests[0]!.resolve(result(7));
    await settle();
    const delays: number[] = [clock.fire()];
    for (let i = 1; i <= 4; i++) {
      requests[i]!.reject(new HttpError('http://x', 503));
      await settle();
      delays.push(clock.fire());
    }
    // After a success: the interval. After failures: caps of 2 s, 4 s, then the 5 s limit; the lowest jitter halves each.
    expect(delays).to.deep.equal([1000, 1000, 2000, 2500, 2500]);
    expect(calls.slice(1).every((call) => call.value === 7 && call.error instanceof HttpError)).to.equal(true);
    requests[5]!.resolve(result(8));
    await settle();
    expect(clock.fire(), 'a success resets the wait').to.equal(1000);
    stop.abort();
  });

  it('pauses while the page is hidden and asks at once when it shows again', async () => {
    const { source, requests } = manualSource();
    const clock = manualScheduler();
    const visibility = fakeVisibility();
    const stop = new AbortController();
    pollingSubscribe(source, query, () => undefined, { intervalMs: 1000, signal: stop.signal, schedule: clock.schedule, visibility: visibility.signal });
    requests[0]!.resolve(result(1));
    await settle();
    visibility.set(true);
    clock.fire();
    expect(requests, 'no request while hidden').to.have.length(1);
    expect(clock.live()).to.equal(0);
    visibility.set(false);
    expect(requests).to.have.length(2);
    stop.abort();
    expect(visibility.listeners.size, 'stops listening when aborted').to.equal(0);
  });

  it('aborts the request in flight and stays silent after the signal aborts', async () => {
    const { source, requests } = manualSource();
    const clock = manualScheduler();
    const seen: unknown[] = [];
    const stop = new AbortController();
    pollingSubscribe(source, query, (r, e) => seen.push(r ?? e), { intervalMs: 1000, signal: stop.signal, schedule: clock.schedule, visibility: fakeVisibility().signal });
    stop.abort();
    expect(requests[0]!.signal?.aborted).to.equal(true);
    requests[0]!.resolve(result(1));
    await settle();
    expect(seen).to.deep.equal([]);
    expect(clock.live()).to.equal(0);
  });

  it('finds the page when there is one, through globalThis only', () => {
    const visibility = pageVisibility();
    expect(visibility.hidden()).to.equal(document.visibilityState === 'hidden');
  });

  it('withPolling gives a source without push a subscribe that uses the widget interval', async () => {
    let count = 0;
    const base: DataSource = {
      id: 'plain',
      indicators: () => Promise.resolve([]),
      areas: () => Promise.resolve([]),
      boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
      query: <Q extends Query>() => Promise.resolve(result(++count) as ResultFor<Q>),
    };
    const polled = withPolling(base);
    expect(polled.id).to.equal('plain');
    const seen: (number | null | undefined)[] = [];
    const stop = new AbortController();
    polled.subscribe!(query, (r) => seen.push((r)?.value), { intervalMs: 5, signal: stop.signal });
    await waitUntil(() => seen.length >= 3, 'three polls');
    stop.abort();
    const after = seen.length;
    expect(after).to.be.greaterThan(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen.length).to.equal(after);
    expect(seen).to.deep.equal(seen.map((_, i) => i + 1));
  });
});
