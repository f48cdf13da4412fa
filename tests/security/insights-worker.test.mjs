// insightsInWorker on a page served with the project's strict CSP as an HTTP header (no inline
// script, Trusted Types required) plus worker-src 'self': the module worker starts (no blob:, no
// eval), its answers equal the page-thread ones, and the page logs no violation. A second page
// without worker-src 'self' for the worker's address shows the fallback taking over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { STRICT_CSP, serveFiles } from '../support/static-server.mjs';
import { launch, openPage } from '../support/browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pageSource = `
import { computeInsights, insightsInWorker, insightsWorkerUnavailable } from './packages/insights/src/index.ts';
import { indicatorById } from './packages/data/src/index.ts';
import { synthetic, DAY, HOUR } from './packages/insights/src/test-helpers/series.ts';
const pm25 = indicatorById('environment.pm25');
const inputs = [
  { indicator: pm25, grain: 'day', series: synthetic({ n: 900, step: DAY, amplitude: 10, period: 365.25, seed: 1 }) },
  { indicator: pm25, grain: 'hour', series: synthetic({ n: 24 * 60, step: HOUR, amplitude: 8, period: 24, phi: 0.5, seed: 2 }) },
];
window.check = async () => {
  const fromWorker = await insightsInWorker(inputs, { workerUrl: '/insights-worker.js' });
  return { same: JSON.stringify(fromWorker) === JSON.stringify(computeInsights(inputs)), fellBack: insightsWorkerUnavailable(), areas: fromWorker.length };
};
window.ready = true;
`;

let browser;
let code;
const html = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>insights worker</title><link rel="icon" href="data:,"><script type="module" src="/page.js"></script></head><body></body></html>';

before(async () => {
  const common = { bundle: true, format: 'esm', platform: 'browser', target: 'es2022', conditions: ['ioc-kit-source'], write: false, logLevel: 'error' };
  const page = await build({ ...common, stdin: { contents: pageSource, resolveDir: root, loader: 'js' } });
  const worker = await build({ ...common, entryPoints: [path.join(root, 'packages/insights/src/worker/insights.worker.ts')] });
  code = { page: page.outputFiles[0].text, worker: worker.outputFiles[0].text };
  browser = await launch();
});
after(() => browser?.close());

async function run(csp) {
  const server = await serveFiles({ '/': { body: html, type: '.html' }, '/page.js': { body: code.page, type: '.js' }, '/insights-worker.js': { body: code.worker, type: '.js' } }, { csp });
  try {
    const { page, context, problems } = await openPage(browser, server.url + '/');
    await page.waitForFunction(() => window.ready === true);
    const result = await page.evaluate(() => window.check());
    await context.close();
    return { result, problems };
  } finally {
    await server.close();
  }
}

test("the module worker runs under the strict CSP with worker-src 'self' and Trusted Types", async () => {
  const { result, problems } = await run(`${STRICT_CSP}; worker-src 'self'`);
  assert.deepEqual(problems, []);
  assert.equal(result.fellBack, false);
  assert.equal(result.same, true);
  assert.equal(result.areas, 2);
});

test("where the policy blocks the worker, the page-thread fallback gives the same answers", async () => {
  const { result } = await run(`${STRICT_CSP}; worker-src 'none'`);
  assert.equal(result.fellBack, true);
  assert.equal(result.same, true);
});
