// `npm run bench:insights`: @ioc-kit/insights for a whole board in headless Chromium, with and
// without the worker, printed as a table.
//
//   daily    100 areas × 5 years of daily PM2.5 (182,600 points; seasonal cycle, 1 % gaps)
//   hourly   100 areas × 90 days of hourly PM2.5 (216,000 points; daily cycle, AR(1) noise)
//
// For each: wall time (median of BENCH_REPEATS runs, after one warm-up), the longest main-thread
// task while it runs (PerformanceObserver 'longtask', which reports tasks over 50 ms, and the
// largest gap between 1 ms heartbeats, which sees shorter ones too), and the main thread's JS
// heap (CDP Runtime.getHeapUsage: after a forced GC before the run, and right after it, before
// any GC: the heap the run grew to). The worker's own heap is a separate isolate and is not
// read here; the worker case's main-thread figures are what the board feels.
//
// The page and the worker are bundled with esbuild and served from 127.0.0.1 under the
// project's strict CSP (with worker-src 'self' and Trusted Types), so the run also shows the
// worker starting under it. A watchdog ends the run after WATCHDOG_MS.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { launchOptions } from '../../scripts/browser.mjs';
import { STRICT_CSP, serveFiles } from '../support/static-server.mjs';

const WATCHDOG_MS = 240_000;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const root = fileURLToPath(new URL('../..', import.meta.url));
const watchdog = setTimeout(() => {
  console.error(`bench:insights: still running after ${WATCHDOG_MS / 1000} s, stopping.`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

const pageSource = `
import { computeInsights, insightsInWorker, insightsWorkerUnavailable } from './packages/insights/src/index.ts';
import { indicatorById } from './packages/data/src/index.ts';
import { synthetic, DAY, HOUR } from './packages/insights/src/test-helpers/series.ts';

const pm25 = indicatorById('environment.pm25');
function board(kind) {
  return Array.from({ length: 100 }, (_, k) => {
    const series = kind === 'daily'
      ? synthetic({ n: 1826, step: DAY, level: 35, noise: 6, amplitude: 15, period: 365.25, seed: k + 1 })
      : synthetic({ n: 90 * 24, step: HOUR, level: 35, noise: 4, amplitude: 10, period: 24, phi: 0.6, seed: k + 1 });
    for (let i = 7; i < series.v.length; i += 97) series.v[i] = Number.NaN;
    series.area = String(90001 + k);
    return { indicator: pm25, grain: kind === 'daily' ? 'day' : 'hour', series };
  });
}
const boards = { daily: board('daily'), hourly: board('hourly') };
let longest = 0;
new PerformanceObserver((list) => { for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration); }).observe({ type: 'longtask' });

window.bench = {
  points: (kind) => boards[kind].reduce((sum, input) => sum + input.series.v.length, 0),
  async run(kind, mode) {
    const inputs = boards[kind];
    longest = 0;
    let gap = 0;
    let last = performance.now();
    let beating = true;
    const beat = () => { const now = performance.now(); gap = Math.max(gap, now - last); last = now; if (beating) setTimeout(beat, 1); };
    setTimeout(beat, 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const start = performance.now();
    const insights = mode === 'worker' ? await insightsInWorker(inputs, { workerUrl: '/insights-worker.js' }) : computeInsights(inputs);
    const ms = performance.now() - start;
    // Let the observer and the heartbeat see the end of the run.
    await new Promise((resolve) => setTimeout(resolve, 20));
    beating = false;
    return { ms, longest, gap, areas: insights.length, fallback: insightsWorkerUnavailable(), rising: insights.filter((i) => i.trend.direction === 'rising').length };
  },
};
window.benchReady = true;
`;

async function bundle() {
  const common = { bundle: true, format: 'esm', platform: 'browser', target: 'es2022', conditions: ['ioc-kit-source'], write: false, logLevel: 'error', minify: true };
  const page = await build({ ...common, stdin: { contents: pageSource, resolveDir: root, loader: 'js' } });
  const worker = await build({ ...common, entryPoints: [path.join(root, 'packages/insights/src/worker/insights.worker.ts')] });
  return { page: page.outputFiles[0].text, worker: worker.outputFiles[0].text };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mb = (bytes) => (bytes / 1048576).toFixed(1);

async function main() {
  const code = await bundle();
  const html = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>insights bench</title><link rel="icon" href="data:,"><script type="module" src="/page.js"></script></head><body></body></html>';
  const server = await serveFiles(
    { '/': { body: html, type: '.html' }, '/page.js': { body: code.page, type: '.js' }, '/insights-worker.js': { body: code.worker, type: '.js' } },
    { csp: `${STRICT_CSP}; worker-src 'self'` },
  );
  const browser = await chromium.launch(launchOptions());
  const rows = [];
  try {
    for (const kind of ['daily', 'hourly']) {
      for (const mode of ['main thread', 'worker']) {
        const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
        const page = await context.newPage();
        const problems = [];
        page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
        page.on('pageerror', (error) => problems.push(error.message));
        await page.goto(server.url + '/');
        await page.waitForFunction(() => window.benchReady === true);
        const session = await context.newCDPSession(page);
        const runMode = mode === 'worker' ? 'worker' : 'sync';
        // Warm-up: JIT, and for the worker its start-up (reported apart).
        const warm = await page.evaluate(([k, m]) => window.bench.run(k, m), [kind, runMode]);
        const runs = [];
        let heapBefore = 0;
        let heapPeak = 0;
        for (let i = 0; i < REPEATS; i++) {
          await session.send('HeapProfiler.collectGarbage');
          const before = await session.send('Runtime.getHeapUsage');
          const result = await page.evaluate(([k, m]) => window.bench.run(k, m), [kind, runMode]);
          const after = await session.send('Runtime.getHeapUsage');
          heapBefore = Math.max(heapBefore, before.usedSize);
          heapPeak = Math.max(heapPeak, after.usedSize, after.totalSize);
          runs.push(result);
        }
        const points = await page.evaluate((k) => window.bench.points(k), kind);
        rows.push({
          kind, mode, points, first: warm.ms, ms: median(runs.map((r) => r.ms)), min: Math.min(...runs.map((r) => r.ms)), max: Math.max(...runs.map((r) => r.ms)),
          longTask: Math.max(warm.longest, ...runs.map((r) => r.longest)), steadyLongTask: Math.max(...runs.map((r) => r.longest)), gap: Math.max(...runs.map((r) => r.gap)),
          heapBefore, heapPeak, fallback: runs.some((r) => r.fallback), problems,
        });
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`\n@ioc-kit/insights in Chromium (${REPEATS} runs after a warm-up; CSP: strict + worker-src 'self')\n`);
  console.log('| case | where | points | first run ms | median ms (min–max) | longest main-thread task ms | largest heartbeat gap ms | main JS heap MB: before → after run |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.kind} | ${r.mode}${r.fallback ? ' (FELL BACK)' : ''} | ${r.points.toLocaleString('en-US')} | ${r.first.toFixed(0)} | ${r.ms.toFixed(0)} (${r.min.toFixed(0)}–${r.max.toFixed(0)}) | ${r.longTask ? r.longTask.toFixed(0) : '< 50 (none reported)'} | ${r.gap.toFixed(0)} | ${mb(r.heapBefore)} → ${mb(r.heapPeak)} |`);
  }
  const daily = rows.find((r) => r.kind === 'daily' && r.mode === 'main thread');
  const dailyWorker = rows.find((r) => r.kind === 'daily' && r.mode === 'worker');
  const workerRows = rows.filter((r) => r.mode === 'worker');
  console.log(`\nTarget: daily case under 300 ms: ${daily.ms < 300 ? 'met' : 'NOT met'} (main thread ${daily.ms.toFixed(0)} ms, worker ${dailyWorker.ms.toFixed(0)} ms).`);
  const worst = Math.max(...workerRows.map((r) => Math.max(r.longTask, r.gap)));
  console.log(`Target: no main-thread task over 50 ms with the worker: ${worst <= 50 ? 'met' : 'NOT met'} (longest ${worst.toFixed(0)} ms, warm-up included).`);
  const problems = rows.flatMap((r) => r.problems);
  if (problems.length) console.log(`\nPage problems:\n${problems.join('\n')}`);
  if (workerRows.some((r) => r.fallback)) console.log('\nThe worker did not start: the worker rows are the fallback.');
}

await main();
