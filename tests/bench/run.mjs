// `npm run bench`: <ioc-time-series> against uPlot, Chart.js (decimation plugin) and ECharts
// (LTTB sampling) in one headless Chromium run, on the same data, printed as tables.
//
//   render   800×400 box, deterministic random walk of N points at 1 s steps, timed from the
//            render call to the second requestAnimationFrame after it; median of 5, each in a
//            fresh page; N = 1k, 10k, 100k, 1M.
//   append   one point per frame for 300 frames onto 10k and 100k points: script time per frame
//            (the append call and the microtasks it queues), mean and p95.
//   heap     JS heap plus ArrayBuffer backing stores after render at 1M, after a forced GC
//            (CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage), against the input arrays.
//   size     min+gzip of each widget's entry with lit and d3 (esbuild JS API, node:zlib).
//
// BENCH_ONLY (comma-separated: render,append,heap,size), BENCH_LIBS (comma-separated: ioc,uplot,chartjs,echarts),
// BENCH_SIZES, BENCH_REPEATS and BENCH_RENDERER (auto | svg | canvas, for <ioc-time-series>) narrow or vary a run,
// e.g. BENCH_ONLY=render BENCH_LIBS=ioc,uplot to compare start-up alone.
//
// Pages are served from 127.0.0.1 only. Each library gets the data in its own native format,
// prepared before the clock starts. A watchdog ends the run after WATCHDOG_MS.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { launchOptions } from '../../scripts/browser.mjs';

const WATCHDOG_MS = 330_000;
const root = fileURLToPath(new URL('../..', import.meta.url));
const LIBS = (process.env.BENCH_LIBS ?? 'ioc,uplot,chartjs,echarts').split(',').filter((lib) => ['ioc', 'uplot', 'chartjs', 'echarts'].includes(lib));
const NAMES = { ioc: '<ioc-time-series>', uplot: 'uPlot', chartjs: 'Chart.js', echarts: 'ECharts' };
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const APPEND_SIZES = [10_000, 100_000];
const APPEND_FRAMES = 300;
const HEAP_N = 1_000_000;
const PARTS = (process.env.BENCH_ONLY ?? 'render,append,heap,size').split(',');

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 1000} s, stopping.`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

// ---- the page side ----------------------------------------------------------------------

/** Shared by every library's page: the data, the clock and the frame loop. */
const harness = `
const T0 = Date.UTC(2026, 0, 1);
/** mulberry32: the same walk on every run and machine. */
function random(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
export function walk(n, extra = 0) {
  const next = random(20261124);
  const t = new Float64Array(n + extra);
  const v = new Float64Array(n + extra);
  let value = 100;
  for (let i = 0; i < n + extra; i++) {
    value += next() - 0.5;
    t[i] = T0 + i * 1000;
    v[i] = value;
  }
  return { t, v };
}
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
function box() {
  const element = document.createElement('div');
  element.style.cssText = 'width:800px;height:400px;position:relative';
  document.body.append(element);
  return element;
}
export function install(adapter) {
  const held = {};
  window.bench = {
    async render(n) {
      const { t, v } = walk(n);
      const data = adapter.prepare(t, v, n, 0);
      const target = box();
      await frame();
      await frame();
      const start = performance.now();
      held.chart = adapter.render(target, data);
      await frame();
      const end = await frame();
      return end - start;
    },
    async append(n, frames) {
      const all = walk(n, frames);
      const data = adapter.prepare(all.t, all.v, n, frames);
      const chart = adapter.render(box(), data);
      await frame();
      await frame();
      const times = [];
      for (let i = 0; i < frames; i++) {
        await new Promise((resolve) => requestAnimationFrame(async () => {
          const start = performance.now();
          adapter.append(chart, data, all.t[n + i], all.v[n + i], n + i + 1);
          // Libraries that commit in a microtask (uPlot) finish within these hops.
          await null; await null; await null;
          times.push(performance.now() - start);
          resolve();
        }));
      }
      // A run that drew nothing (a plot of no size) times nothing: say so instead of a figure.
      const problem = adapter.check?.(chart);
      if (problem) throw new Error(problem);
      return times;
    },
    prepare(n) {
      held.input = walk(n);
      held.data = adapter.prepare(held.input.t, held.input.v, n, 0);
      return held.input.t.byteLength + held.input.v.byteLength;
    },
    async renderHeld() {
      held.chart = adapter.render(box(), held.data);
      await frame();
      await frame();
    },
  };
  window.benchReady = true;
}
`;

const adapters = {
  ioc: `
import { install } from './harness.js';
import '${root}packages/widgets/src/time-series/time-series.ts';
install({
  prepare: (t, v, n) => ({
    kind: 'series', indicator: 'bench.walk', unit: { code: '1', system: 'none', label: { vi: '' } }, grain: 'hour', partial: false,
    series: [{ area: 'walk', t: t.subarray(0, n), v: v.subarray(0, n) }],
  }),
  render(target, data) {
    const element = document.createElement('ioc-time-series');
    element.setAttribute('no-overview', '');
    element.setAttribute('renderer', ${JSON.stringify(process.env.BENCH_RENDERER ?? 'auto')});
    // The same 1 px line as the other libraries are given, and a plot of their 800×400 (the
    // title and the table switch sit above it). A plot height of 0 would leave nothing to draw:
    // the widget skips a surface without a size, and the live case then timed no drawing at all.
    element.style.cssText = 'display:block;width:800px;--ioc-time-series-padding:0;--ioc-time-series-height:400px;--ioc-time-series-line-width:1px';
    element.data = data;
    target.append(element);
    return element;
  },
  append: (element, _data, t, v) => element.appendPoints(t, v),
  check(element) {
    const mark = element.shadowRoot.querySelector('.surface canvas, .surface svg');
    const box = mark?.getBoundingClientRect();
    if (element.state !== 'ready') return \`<ioc-time-series> is \${element.state}, not ready\`;
    if (!box || box.width < 700 || box.height < 350) return \`<ioc-time-series> drew no plot of about 800×400 (\${box ? \`\${box.width}×\${box.height}\` : 'nothing'})\`;
    return undefined;
  },
});`,
  uplot: `
import { install } from './harness.js';
import uPlot from 'uplot';
install({
  // uPlot reads seconds; the arrays have room for the appended points.
  prepare(t, v, n, extra) {
    const xs = new Float64Array(n + extra);
    for (let i = 0; i < n + extra; i++) xs[i] = t[i] / 1000;
    return { xs, ys: v, n };
  },
  render(target, data) {
    return new uPlot({ width: 800, height: 400, series: [{}, { stroke: '#1f5fa8', width: 1 }], legend: { show: false } }, [data.xs.subarray(0, data.n), data.ys.subarray(0, data.n)], target);
  },
  append: (chart, data, _t, _v, length) => chart.setData([data.xs.subarray(0, length), data.ys.subarray(0, length)]),
});`,
  chartjs: `
import { install } from './harness.js';
import { Chart, LineController, LineElement, PointElement, LinearScale, Decimation } from 'chart.js';
Chart.register(LineController, LineElement, PointElement, LinearScale, Decimation);
install({
  prepare(t, v, n) {
    const points = new Array(n);
    for (let i = 0; i < n; i++) points[i] = { x: t[i], y: v[i] };
    return points;
  },
  render(target, points) {
    const canvas = document.createElement('canvas');
    target.append(canvas);
    return new Chart(canvas, {
      type: 'line',
      data: { datasets: [{ data: points, borderWidth: 1, borderColor: '#1f5fa8', pointRadius: 0, indexAxis: 'x' }] },
      options: {
        animation: false, parsing: false, normalized: true, maintainAspectRatio: false,
        plugins: { decimation: { enabled: true, algorithm: 'min-max' }, legend: { display: false }, tooltip: { enabled: false } },
        scales: { x: { type: 'linear' }, y: { type: 'linear' } },
      },
    });
  },
  append(chart, points, t, v) {
    points.push({ x: t, y: v });
    chart.update('none');
  },
});`,
  echarts: `
import { install } from './harness.js';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
echarts.use([LineChart, GridComponent, CanvasRenderer]);
install({
  prepare(t, v, n) {
    const points = new Array(n);
    for (let i = 0; i < n; i++) points[i] = [t[i], v[i]];
    return points;
  },
  render(target, points) {
    const chart = echarts.init(target, null, { renderer: 'canvas', width: 800, height: 400 });
    chart.setOption({
      animation: false,
      xAxis: { type: 'time' },
      yAxis: { type: 'value', scale: true },
      series: [{ type: 'line', data: points, sampling: 'lttb', showSymbol: false, lineStyle: { width: 1 } }],
    });
    return chart;
  },
  append(chart, points, t, v) {
    points.push([t, v]);
    chart.setOption({ series: [{ data: points }] });
    // ECharts paints in its own animation frame: paint now so the work is counted.
    chart.getZr().flush();
  },
});`,
};

/**
 * One library's page script, bundled as a portal's bundler would (code-split: what a widget
 * loads only on need, like the indicator catalogue, is a chunk of its own). A single-file
 * esbuild bundle would wrap those shared modules in lazy initialisers, which esbuild drops under
 * `"sideEffects": false` (evanw/esbuild#1490, #2326). Returns the files by URL path.
 */
async function bundle(lib) {
  const result = await build({
    stdin: { contents: adapters[lib], resolveDir: root, sourcefile: `${lib}.js`, loader: 'ts' },
    bundle: true,
    splitting: true,
    outdir: path.join(root, '.bench-out'),
    chunkNames: `${lib}-[name]-[hash]`,
    minify: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    conditions: ['ioc-kit-source', 'production', 'browser'],
    tsconfig: path.join(root, 'tsconfig.base.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['./harness.js'],
    logLevel: 'error',
  });
  const files = {};
  for (const output of result.outputFiles) {
    const name = path.basename(output.path);
    files[name === 'stdin.js' ? `${lib}.js` : name] = output.text;
  }
  return files;
}

// ---- serving ------------------------------------------------------------------------------

async function serve(files) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const lib = url.searchParams.get('lib');
    if (url.pathname === '/' && lib && files[`${lib}.js`]) {
      const css = lib === 'uplot' ? '<link rel="stylesheet" href="/uplot.css">' : '';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8">${css}</head><body><script type="module" src="/${lib}.js"></script></body></html>`);
      return;
    }
    const file = files[url.pathname.slice(1)];
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': url.pathname.endsWith('.css') ? 'text/css' : 'text/javascript', 'cache-control': 'max-age=3600' });
    response.end(file);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

// ---- statistics and printing ----------------------------------------------------------------

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${fmt(a / b, 2)}×` : '–');
const label = (n) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

// ---- the run ----------------------------------------------------------------------------------

async function measureInPage(browser, url, lib, run) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  // A page that cannot start says why, instead of only timing out.
  page.on('pageerror', (error) => console.error(`bench: ${lib} page error: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`bench: ${lib} console: ${message.text()}`);
  });
  try {
    await page.goto(`${url}/?lib=${lib}`);
    await page.waitForFunction('window.benchReady === true', null, { timeout: 30_000 });
    return await run(page);
  } finally {
    await page.close();
  }
}

async function heapOf(page) {
  const session = await page.context().newCDPSession(page);
  const usage = async () => {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const heap = await session.send('Runtime.getHeapUsage');
    return heap.usedSize + (heap.backingStorageSize ?? 0);
  };
  const before = await usage();
  const input = await page.evaluate((n) => window.bench.prepare(n), HEAP_N);
  const withData = await usage();
  await page.evaluate(() => window.bench.renderHeld());
  const after = await usage();
  await session.detach();
  return { input, before, withData, after };
}

async function main() {
  const started = performance.now();
  const files = { 'harness.js': harness, 'uplot.css': readFileSync(path.join(root, 'node_modules/uplot/dist/uPlot.min.css'), 'utf8') };
  for (const lib of LIBS) Object.assign(files, await bundle(lib));
  const server = await serve(files);
  const options = launchOptions();
  const browser = await chromium.launch({
    ...options,
    args: [...options.args, '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'],
  });
  const render = {};
  const append = {};
  const heap = {};
  try {
    // One untimed render per library first: the first pages of a fresh browser pay for
    // process and cache warm-up, which otherwise lands on whichever library is measured first
    // (that was always <ioc-time-series> at the smallest size).
    for (const lib of PARTS.includes('render') ? LIBS : []) await measureInPage(browser, server.url, lib, (page) => page.evaluate((size) => window.bench.render(size), SIZES[0]));
    for (const n of PARTS.includes('render') ? SIZES : []) {
      for (const lib of LIBS) {
        const runs = [];
        for (let i = 0; i < REPEATS; i++) runs.push(await measureInPage(browser, server.url, lib, (page) => page.evaluate((size) => window.bench.render(size), n)));
        render[`${lib}:${n}`] = median(runs);
        process.stderr.write(`render ${NAMES[lib]} ${label(n)}: ${fmt(median(runs))} ms\n`);
      }
    }
    for (const n of PARTS.includes('append') ? APPEND_SIZES : []) {
      for (const lib of LIBS) {
        const times = await measureInPage(browser, server.url, lib, (page) => page.evaluate(([size, frames]) => window.bench.append(size, frames), [n, APPEND_FRAMES]));
        append[`${lib}:${n}`] = { mean: mean(times), p95: percentile(times, 95) };
        process.stderr.write(`append ${NAMES[lib]} ${label(n)}: mean ${fmt(mean(times), 2)} ms, p95 ${fmt(percentile(times, 95), 2)} ms\n`);
      }
    }
    for (const lib of PARTS.includes('heap') ? LIBS : []) {
      heap[lib] = await measureInPage(browser, server.url, lib, heapOf);
      process.stderr.write(`heap ${NAMES[lib]}: ${fmt((heap[lib].after - heap[lib].before) / 2 ** 20)} MB\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const others = LIBS.filter((lib) => lib !== 'ioc');
  if (PARTS.includes('render')) {
    console.log(`\n### Render (ms, median of ${REPEATS}, 800×400, render call -> second rAF)\n`);
    console.log(
      table(
        ['N', ...LIBS.map((lib) => NAMES[lib]), ...others.map((lib) => `ioc ÷ ${NAMES[lib]}`)],
        SIZES.map((n) => [label(n), ...LIBS.map((lib) => fmt(render[`${lib}:${n}`])), ...others.map((lib) => ratio(render[`ioc:${n}`], render[`${lib}:${n}`]))]),
      ),
    );
  }
  if (PARTS.includes('append')) {
    console.log(`\n### Live append (ms of script per frame, one point per frame, ${APPEND_FRAMES} frames)\n`);
    console.log(
      table(
        ['onto', ...LIBS.flatMap((lib) => [`${NAMES[lib]} mean`, `${NAMES[lib]} p95`]), ...others.map((lib) => `ioc ÷ ${NAMES[lib]} (mean)`)],
        APPEND_SIZES.map((n) => [
          label(n),
          ...LIBS.flatMap((lib) => [fmt(append[`${lib}:${n}`].mean, 2), fmt(append[`${lib}:${n}`].p95, 2)]),
          ...others.map((lib) => ratio(append[`ioc:${n}`].mean, append[`${lib}:${n}`].mean)),
        ]),
      ),
    );
  }
  if (PARTS.includes('heap')) {
    console.log(`\n### Retained memory at 1M points (JS heap + ArrayBuffer stores, after GC)\n`);
    const mb = (bytes) => fmt(bytes / 2 ** 20);
    console.log(
      table(
        ['library', 'input Float64Arrays (MB)', 'data in library format (MB)', 'after render (MB)', 'total ÷ input arrays'],
        LIBS.map((lib) => {
          const h = heap[lib];
          return [NAMES[lib], mb(h.input), mb(h.withData - h.before), mb(h.after - h.before), ratio(h.after - h.before, h.input)];
        }),
      ),
    );
  }
  if (PARTS.includes('size')) {
    // The same measure as `npm run size`: each widget bundled as a portal's bundler would (Rollup,
    // code-split, esbuild minify, gzip -9); what an entry loads only on need is its own column.
    console.log(`\n### Widget entries with lit and d3 (npm run size)\n`);
    console.log(execFileSync(process.execPath, [path.join(root, 'scripts/size.mjs')], { cwd: root, encoding: 'utf8' }));
  }
  console.log(`\nTotal bench time: ${fmt((performance.now() - started) / 1000, 0)} s`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
