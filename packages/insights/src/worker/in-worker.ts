// Insights for a whole board off the main thread: one module worker, shared and reused, with a
// fallback on the calling thread (in slices that yield between series, so the page stays
// responsive) wherever a worker cannot start: no Worker (Node, old engines), a CSP without
// `worker-src 'self'`, a bundler that did not ship the worker file.
import { computeInsight, type Insight, type InsightInput, type InsightOptions } from '../insights.js';
import type { InsightReply, InsightRequest } from './protocol.js';

/** Options of {@link insightsInWorker}. */
export interface WorkerInsightOptions extends InsightOptions {
  /**
   * Where the worker module is (default: `insights.worker.js` beside this module). A bundler
   * that renames files passes its own URL, e.g. `new URL('@ioc-kit/insights/worker', import.meta.url)`.
   */
  workerUrl?: string | URL;
  /** False computes on the calling thread (the fallback), e.g. for tests. Default true. */
  worker?: boolean;
  /** Stops waiting: the promise rejects with an AbortError and the worker is restarted on the next call. */
  signal?: AbortSignal;
}

interface Pending {
  inputs: InsightInput[];
  options: InsightOptions;
  resolve: (insights: Insight[]) => void;
  reject: (error: unknown) => void;
}

let shared: { worker: Worker; url: string } | null = null;
let unavailable = false;
let nextId = 1;
const pending = new Map<number, Pending>();

interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): { createScriptURL(url: string): unknown };
}
let policy: { createScriptURL(url: string): unknown } | null | undefined;

/**
 * The worker URL as a TrustedScriptURL where the page enforces Trusted Types
 * (`require-trusted-types-for 'script'`): the policy `ioc-kit-insights` passes same-origin
 * URLs only. A page that lists its allowed policies adds `trusted-types ioc-kit-insights`.
 */
function scriptUrl(url: string): string | URL {
  const factory = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!factory) return url;
  if (policy === undefined) {
    const origin = new URL(import.meta.url).origin;
    try {
      policy = factory.createPolicy('ioc-kit-insights', {
        createScriptURL: (candidate) => {
          if (new URL(candidate, import.meta.url).origin !== origin) throw new TypeError('The insights worker must come from the page\'s origin');
          return candidate;
        },
      });
    } catch {
      policy = null;
    }
  }
  return policy ? (policy.createScriptURL(url) as string) : url;
}

function defaultWorkerUrl(): URL {
  // Run from source (tests, a dev server) the sibling is TypeScript; built, it is JavaScript.
  return new URL(import.meta.url).pathname.endsWith('.ts') ? new URL('./insights.worker.ts', import.meta.url) : new URL('./insights.worker.js', import.meta.url);
}

function abortError(): Error {
  const error = new Error('Insights were aborted');
  error.name = 'AbortError';
  return error;
}

/** Computes on this thread, yielding to the event loop every ~8 ms. */
async function computeInSlices(inputs: readonly InsightInput[], options: InsightOptions, signal?: AbortSignal): Promise<Insight[]> {
  const out: Insight[] = [];
  let sliceStart = performance.now();
  for (const input of inputs) {
    if (signal?.aborted) throw abortError();
    out.push(computeInsight(input, options));
    if (performance.now() - sliceStart > 8) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  return out;
}

/** Every waiting request goes to the fallback; the worker is not tried again in this page. */
function giveUp(): void {
  unavailable = true;
  shared?.worker.terminate();
  shared = null;
  const waiting = [...pending.values()];
  pending.clear();
  for (const request of waiting) computeInSlices(request.inputs, request.options).then(request.resolve, request.reject);
}

function workerFor(url: string): Worker | null {
  if (unavailable || typeof Worker === 'undefined') return null;
  if (shared && shared.url === url) return shared.worker;
  shared?.worker.terminate();
  try {
    const worker = new Worker(scriptUrl(url), { type: 'module', name: 'ioc-insights' });
    worker.onmessage = (event: MessageEvent<InsightReply>) => {
      const request = pending.get(event.data.id);
      if (!request) return;
      pending.delete(event.data.id);
      if ('error' in event.data) request.reject(new Error(event.data.error));
      else request.resolve(event.data.insights);
    };
    // A worker that cannot load (blocked by a CSP, missing file) reports here, not by throwing.
    worker.onerror = (event) => {
      event.preventDefault();
      giveUp();
    };
    shared = { worker, url };
    return worker;
  } catch {
    unavailable = true;
    return null;
  }
}

/**
 * The insights of many series, computed in a module worker; where none can start, on this
 * thread in slices. Results are in the order of `inputs`. The series are copied to the worker
 * (structured clone), never transferred, so the caller's arrays stay usable.
 */
export function insightsInWorker(inputs: readonly InsightInput[], options: WorkerInsightOptions = {}): Promise<Insight[]> {
  const { workerUrl, worker: useWorker = true, signal, ...insightOptions } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  const worker = useWorker ? workerFor(String(workerUrl ?? defaultWorkerUrl())) : null;
  if (!worker) return computeInSlices(inputs, insightOptions, signal);
  const id = nextId++;
  return new Promise<Insight[]>((resolve, reject) => {
    const request: Pending = { inputs: [...inputs], options: insightOptions, resolve, reject };
    pending.set(id, request);
    signal?.addEventListener(
      'abort',
      () => {
        if (!pending.delete(id)) return;
        // The worker cannot be interrupted mid-computation: start a fresh one next time.
        shared?.worker.terminate();
        shared = null;
        for (const [other, waiting] of pending) {
          pending.delete(other);
          computeInSlices(waiting.inputs, waiting.options).then(waiting.resolve, waiting.reject);
        }
        reject(abortError());
      },
      { once: true },
    );
    const message: InsightRequest = { id, inputs: request.inputs, options: insightOptions };
    worker.postMessage(message);
  });
}

/** Whether the last attempt found workers unusable in this page (then every call runs the fallback). */
export function insightsWorkerUnavailable(): boolean {
  return unavailable;
}
