import { expect, waitUntil } from '@open-wc/testing';
import { HttpError, NetworkError, TimeoutError, ValidationError } from '../contract/errors.js';
import type { KpiQuery, KpiResult, Query, ResultFor } from '../contract/query.js';
import type { ChangeListener, DataSource, SubscribeOptions } from '../contract/source.js';
import { followQuery, isTransient, retryDelay, type FollowOptions, type FollowUpdate } from './follow.js';
import { pageVisibility, type VisibilitySignal } from './page.js';
import { attachPolling, changesTo, withPolling } from './polling.js';

const query: KpiQuery = { kind: 'kpi', indicator: 'environment.aqi', area: '90' };
const result = (value: number): KpiResult => ({ kind: 'kpi', indicator: 'environment.aqi', area: '90', unit: { code: '1', system: 'none', label: { vi: '' } }, value, partial: false });

interface Pending {
  query: Query;
  resolve: (value: KpiResult) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
}

/** A source whose every request the test settles by hand. */
function manualSource(extra: Partial<DataSource> = {}) {
  const requests: Pending[] = [];
  const source: DataSource = {
    id: 'manual',
    indicators: () => Promise.resolve([]),
    areas: () => Promise.resolve([]),
    boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
    query: <Q extends Query>(asked: Q, options?: { signal?: AbortSignal }) =>
      new Promise<ResultFor<Q>>((resolve, reject) => {
        requests.push({ query: asked, resolve: resolve as (value: KpiResult) => void, reject, ...(options?.signal ? { signal: options.signal } : {}) });
      }),
    ...extra,
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

/** Follows `query` on `source` with a manual clock, recording every update. */
function follow(source: DataSource, options: Partial<FollowOptions> & { clock?: ReturnType<typeof manualScheduler> } = {}, asked: Query = query) {
  const clock = options.clock ?? manualScheduler();
  const stop = new AbortController();
  const updates: FollowUpdate<Query>[] = [];
  const handle = followQuery(source, asked, (update) => updates.push(update), {
    schedule: clock.schedule,
    visibility: fakeVisibility().signal,
    random: () => 0.5,
    ...options,
    signal: options.signal ?? stop.signal,
  });
  return { clock, stop, updates, handle, values: () => updates.map((update) => (update.result as KpiResult | undefined)?.value ?? update.error?.code) };
}

describe('followQuery, the one refresh loop', () => {
  it('asks at once, then once per interval after each answer, never two requests at a time', async () => {
    const { source, requests } = manualSource();
    const { clock, stop, handle, values } = follow(source, { intervalMs: 1000 });
    expect(requests).to.have.length(1);
    expect(handle.loading).to.equal(true);
    // While the request is in flight nothing is scheduled, and a refresh asks nothing more.
    expect(clock.live()).to.equal(0);
    handle.refresh();
    expect(requests).to.have.length(1);
    requests[0]!.resolve(result(1));
    await settle();
    expect(values()).to.deep.equal([1]);
    expect(handle.loading).to.equal(false);
    expect(clock.fire()).to.equal(1000);
    expect(requests).to.have.length(2);
    requests[1]!.resolve(result(2));
    await settle();
    expect(values()).to.deep.equal([1, 2]);
    // A refresh between polls asks now and replaces the planned poll.
    handle.refresh();
    expect(requests).to.have.length(3);
    expect(clock.live()).to.equal(0);
    stop.abort();
  });

  it('hands an answer equal to the last one back as the same object, so followers can skip it', async () => {
    const { source, requests } = manualSource();
    const { clock, stop, updates } = follow(source, { intervalMs: 1000 });
    requests[0]!.resolve(result(1));
    await settle();
    clock.fire();
    requests[1]!.resolve(result(1));
    await settle();
    clock.fire();
    requests[2]!.resolve(result(2));
    await settle();
    expect(updates).to.have.length(3);
    expect(updates[1]!.result).to.equal(updates[0]!.result);
    expect(updates[2]!.result).to.not.equal(updates[0]!.result);
    stop.abort();
  });

  it('asks once without an interval, and again only to retry a failure that may pass', async () => {
    const { source, requests } = manualSource();
    const { clock, stop, handle } = follow(source);
    requests[0]!.resolve(result(1));
    await settle();
    expect(clock.live(), 'nothing planned after a good answer').to.equal(0);
    handle.refresh();
    requests[1]!.reject(new ValidationError('value', 'is not a number'));
    await settle();
    expect(clock.live(), 'a data error is not retried').to.equal(0);
    expect(handle.retryAt).to.equal(undefined);
    handle.refresh();
    requests[2]!.reject(new NetworkError('http://x'));
    await settle();
    expect(clock.live()).to.equal(1);
    stop.abort();
  });

  it('retries failures that may pass after 15 s, twice as long each time up to 5 min, with jitter, and says when', async () => {
    const { source, requests } = manualSource();
    const { clock, stop, handle, updates } = follow(source, { random: () => 0.5 });
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const before = Date.now();
      requests[i]!.reject(new HttpError('http://x', 503));
      await settle();
      const update = updates.at(-1)!;
      expect(update.error).to.be.instanceOf(HttpError);
      expect(update.retryAt).to.equal(handle.retryAt);
      const pending = clock.pending.find((entry) => !entry.cancelled)!;
      expect(handle.retryAt! - before).to.be.within(pending.ms - 5, pending.ms + 50);
      delays.push(clock.fire());
    }
    expect(delays).to.deep.equal([15_000, 30_000, 60_000, 120_000, 240_000, 300_000, 300_000]);
    requests[7]!.resolve(result(8));
    await settle();
    expect(handle.retryAt, 'a success clears the plan').to.equal(undefined);
    expect(updates.at(-1)!.result).to.deep.include({ value: 8 });
    stop.abort();
  });

  it('spreads retries by ±10 % (the random source is injected) and never waits longer than the max', () => {
    expect(retryDelay(1, {}, () => 0)).to.equal(13_500);
    expect(retryDelay(1, {}, () => 0.999_999)).to.equal(16_500);
    expect(retryDelay(2, { firstMs: 1000, maxMs: 10_000 }, () => 0.5)).to.equal(2000);
    expect(retryDelay(9, {}, () => 0.999_999)).to.equal(300_000);
    expect(retryDelay(100, { firstMs: 1000, maxMs: 4000 }, () => 0)).to.equal(3600);
  });

  it('keeps polling after a failure that will not pass, and backs off from one that may', async () => {
    const { source, requests } = manualSource();
    const { clock, stop, handle } = follow(source, { intervalMs: 1000 });
    requests[0]!.reject(new HttpError('http://x', 403));
    await settle();
    expect(handle.retryAt).to.equal(undefined);
    expect(clock.fire(), 'the poll goes on').to.equal(1000);
    requests[1]!.reject(new TimeoutError('http://x', 15_000));
    await settle();
    expect(clock.fire(), 'the second failure in a row').to.equal(30_000);
    requests[2]!.resolve(result(3));
    await settle();
    expect(clock.fire(), 'back to the interval').to.equal(1000);
    stop.abort();
  });

  it('pauses polling while the page is hidden (not the first load) and asks at once when it shows again', async () => {
    const { source, requests } = manualSource();
    const visibility = fakeVisibility(true);
    const { clock, stop } = follow(source, { intervalMs: 1000, visibility: visibility.signal });
    expect(requests, 'the first load does not wait for the page').to.have.length(1);
    requests[0]!.resolve(result(1));
    await settle();
    clock.fire();
    expect(requests, 'no request while hidden').to.have.length(1);
    expect(clock.live()).to.equal(0);
    visibility.set(false);
    expect(requests).to.have.length(2);
    visibility.set(true);
    visibility.set(false);
    expect(requests, 'showing again asks only for what fell due').to.have.length(2);
    stop.abort();
    expect(visibility.listeners.size, 'stops listening when aborted').to.equal(0);
  });

  it('shares one loop and one request between followers of the same source, query and interval', async () => {
    const { source, requests } = manualSource();
    const clock = manualScheduler();
    const a = follow(source, { intervalMs: 1000, clock });
    // The same query with its fields in another order is the same query.
    const b = follow(source, { intervalMs: 1000, clock }, { area: '90', indicator: 'environment.aqi', kind: 'kpi' });
    expect(requests).to.have.length(1);
    const other = follow(source, { intervalMs: 5000, clock });
    expect(requests, 'another interval is another loop').to.have.length(2);
    requests[0]!.resolve(result(1));
    await settle();
    expect(a.values()).to.deep.equal([1]);
    expect(b.values()).to.deep.equal([1]);
    expect(other.values()).to.deep.equal([]);
    // A follower that comes later gets what the others have, without a request.
    const late = follow(source, { intervalMs: 1000, clock });
    await settle();
    expect(late.values()).to.deep.equal([1]);
    expect(requests).to.have.length(2);
    // One follower leaving does not stop the others' loop; the last one leaving aborts its request.
    a.stop.abort();
    b.handle.refresh();
    expect(requests).to.have.length(3);
    expect(a.handle.loading).to.equal(false);
    expect(b.handle.loading).to.equal(true);
    b.stop.abort();
    expect(requests[2]!.signal?.aborted).to.equal(false);
    late.stop.abort();
    expect(requests[2]!.signal?.aborted).to.equal(true);
    other.stop.abort();
    expect(requests[1]!.signal?.aborted).to.equal(true);
  });

  it('aborts the request in flight and stays silent after the signal aborts', async () => {
    const { source, requests } = manualSource();
    const { clock, stop, updates, handle } = follow(source, { intervalMs: 1000 });
    stop.abort();
    expect(requests[0]!.signal?.aborted).to.equal(true);
    requests[0]!.resolve(result(1));
    await settle();
    expect(updates).to.deep.equal([]);
    expect(clock.live()).to.equal(0);
    handle.refresh();
    expect(requests).to.have.length(1);
    expect(handle.loading).to.equal(false);
    const early = new AbortController();
    early.abort();
    followQuery(source, query, () => undefined, { signal: early.signal });
    expect(requests, 'an aborted signal asks nothing').to.have.length(1);
  });

  it('follows a source that pushes through its own subscribe, and retries its failures by asking again', async () => {
    let push: ChangeListener<Query> | undefined;
    let subscribed: SubscribeOptions | undefined;
    const { source, requests } = manualSource({
      subscribe: (_q, onChange, options) => {
        push = onChange;
        subscribed = options;
      },
    });
    const { clock, stop, handle, values } = follow(source, { intervalMs: 60_000 });
    expect(requests, 'the first load').to.have.length(1);
    expect(subscribed?.intervalMs).to.equal(60_000);
    requests[0]!.resolve(result(10));
    await settle();
    expect(clock.live(), 'a pushing source is not polled').to.equal(0);
    push!(result(11));
    push!(undefined, new HttpError('wss://x', 502));
    expect(handle.retryAt).to.be.a('number');
    expect(clock.fire()).to.equal(15_000);
    expect(requests).to.have.length(2);
    // A pushed result is newer than the answer on its way: that request is dropped.
    push!(result(12));
    expect(requests[1]!.signal?.aborted).to.equal(true);
    expect(handle.retryAt).to.equal(undefined);
    expect(values()).to.deep.equal([10, 11, 'http', 12]);
    stop.abort();
    expect(subscribed?.signal?.aborted).to.equal(true);
    push!(result(13));
    expect(values()).to.have.length(4);
  });

  it('does not subscribe without an interval: it asks once', () => {
    let subscribed = false;
    const { source, requests } = manualSource({ subscribe: () => void (subscribed = true) });
    const { stop } = follow(source);
    expect(requests).to.have.length(1);
    expect(subscribed).to.equal(false);
    stop.abort();
  });

  it('polls a source whose subscribe only polls itself, so the source and a widget share one loop', async () => {
    const { source, requests } = manualSource();
    attachPolling(source, { intervalMs: 1000 });
    const clock = manualScheduler();
    const widget = follow(source, { intervalMs: 1000, clock });
    const seen: (number | null | undefined)[] = [];
    const stop = new AbortController();
    source.subscribe!(query, (r) => seen.push((r)?.value), { signal: stop.signal, intervalMs: 1000 });
    expect(requests, 'one request for both').to.have.length(1);
    requests[0]!.resolve(result(5));
    await settle();
    expect(widget.values()).to.deep.equal([5]);
    expect(seen).to.deep.equal([5]);
    widget.stop.abort();
    stop.abort();
    expect(clock.live()).to.equal(0);
  });

  it('tells a subscriber only what changed, and the last good result with each error', () => {
    const seen: [number | null | undefined, unknown][] = [];
    const listener = changesTo<KpiQuery>((r, error) => seen.push([r?.value, error]));
    const failure = new NetworkError('http://x');
    const one = result(1);
    // The loop hands an unchanged answer back as the same object.
    listener({ result: one });
    listener({ result: one });
    listener({ error: failure, retryAt: 1 });
    listener({ result: one });
    listener({ result: result(2) });
    expect(seen).to.deep.equal([
      [1, undefined],
      [1, failure],
      [1, undefined],
      [2, undefined],
    ]);
  });

  it('counts network, time-outs, 408, 429 and 5xx as failures that may pass', () => {
    expect(isTransient(new NetworkError('http://x'))).to.equal(true);
    expect(isTransient(new TimeoutError('http://x', 1000))).to.equal(true);
    expect([408, 429, 500, 503, 400, 403, 404].map((status) => isTransient(new HttpError('http://x', status)))).to.deep.equal([true, true, true, true, false, false, false]);
    expect(isTransient(new ValidationError('x', 'bad'))).to.equal(false);
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
