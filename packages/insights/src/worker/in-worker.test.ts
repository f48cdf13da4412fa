// insightsInWorker under a strict CSP: the page allows workers from its own origin only
// (`worker-src 'self'`), which blocks blob: and data: workers; the module worker still runs,
// and where a worker cannot start the fallback gives the same answers on the page's thread.
import { expect } from '@open-wc/testing';
import { indicatorById } from '@ioc-kit/data';
import { computeInsights, type InsightInput } from '../insights.js';
import { HOUR, DAY, synthetic } from '../test-helpers/series.js';
import { insightsInWorker, insightsWorkerUnavailable } from './in-worker.js';

const pm25 = indicatorById('environment.pm25')!;
const inputs: InsightInput[] = [
  { indicator: pm25, grain: 'hour', series: synthetic({ n: 24 * 30, step: HOUR, level: 30, amplitude: 8, period: 24, phi: 0.5, seed: 11 }) },
  { indicator: pm25, grain: 'day', series: synthetic({ n: 800, step: DAY, level: 45, slope: 0.02, seed: 12 }) },
];
const violations: string[] = [];

before(() => {
  document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "worker-src 'self'";
  document.head.append(meta);
});

describe('insightsInWorker under worker-src \'self\'', () => {
  it('the policy is in force: a blob: worker is refused', async () => {
    const url = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
    const outcome = await new Promise<string>((resolve) => {
      try {
        const worker = new Worker(url);
        worker.onmessage = () => resolve('ran');
        worker.onerror = () => resolve('blocked');
      } catch {
        resolve('blocked');
      }
      setTimeout(() => resolve('timeout'), 3000);
    });
    expect(outcome).to.equal('blocked');
    expect(violations.some((line) => line.startsWith('worker-src'))).to.equal(true);
  });

  it('computes in the module worker, the same as on the page, without touching the inputs', async () => {
    const copy = Float64Array.from(inputs[0]!.series.v);
    const fromWorker = await insightsInWorker(inputs);
    expect(insightsWorkerUnavailable()).to.equal(false);
    expect(fromWorker).to.deep.equal(computeInsights(inputs));
    expect(Array.from(inputs[0]!.series.v)).to.deep.equal(Array.from(copy));
  });

  it('answers concurrent calls in order, and an aborted call rejects', async () => {
    const controller = new AbortController();
    const aborted = insightsInWorker(inputs, { signal: controller.signal });
    const [first, second] = await Promise.all([insightsInWorker([inputs[1]!]), insightsInWorker([inputs[0]!])]);
    controller.abort();
    expect(first[0]!.grain).to.equal('day');
    expect(second[0]!.grain).to.equal('hour');
    let error: unknown;
    try {
      await aborted;
    } catch (caught) {
      error = caught;
    }
    // Either it finished before the abort or it rejected with an AbortError.
    if (error) expect((error as Error).name).to.equal('AbortError');
    const again = await insightsInWorker([inputs[1]!]);
    expect(again[0]!.trend.n).to.be.greaterThan(0);
  });

  it('the fallback on the page gives the same answers (worker: false)', async () => {
    expect(await insightsInWorker(inputs, { worker: false })).to.deep.equal(computeInsights(inputs));
  });

  it('falls back when the worker is blocked by the policy (a data: URL)', async () => {
    const result = await insightsInWorker(inputs, { workerUrl: 'data:text/javascript,postMessage(1)' });
    expect(result).to.deep.equal(computeInsights(inputs));
    expect(insightsWorkerUnavailable()).to.equal(true);
  });
});
