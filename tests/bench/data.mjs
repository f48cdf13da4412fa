// `npm run bench:data`: figures for @ioc-kit/data, printed as a table.
//
//   (a) demo source: time to build one year of hourly series for every commune
//   (b) by-area query latency on the demo source (median, p95)
//   (c) NGSI-LD temporal paging throughput (points/s) against a local 127.0.0.1 broker that
//       pages with HTTP 206 + Content-Range
//   (d) memory per million points: Float64Array series against plain arrays
//
// It runs in Node, not Chromium: the TypeScript sources are bundled with esbuild's JS API (with
// the `ioc-kit-source` condition, as the tests resolve them) and imported. Node runs the same V8
// as Chromium, gives exact heap figures with --expose-gc (the script restarts itself with it),
// and spares this shared 2-core machine a browser. Each figure is the median of several runs.
// A watchdog ends the script after WATCHDOG_MS whatever happens.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startTemporalBroker } from './data/ngsi-temporal-server.mjs';

const WATCHDOG_MS = 240_000;
const root = fileURLToPath(new URL('../..', import.meta.url));

const HOUR = 3_600_000;
const NOW = '2026-11-24T10:00:00+07:00';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const fmt = (value, digits = 1) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function loadLibrary() {
  const dir = await mkdtemp(path.join(tmpdir(), 'ioc-bench-data-'));
  const file = path.join(dir, 'data.mjs');
  const result = await build({
    stdin: {
      contents: [
        "export { createDemoSource } from './packages/data/src/sources/demo/demo-source.ts';",
        "export { createNgsiLdSource } from './packages/data/src/sources/ngsi-ld/ngsi-ld-source.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['ioc-kit-source'],
    write: false,
    logLevel: 'error',
  });
  await writeFile(file, result.outputFiles[0].text);
  const library = await import(pathToFileURL(file).href);
  return { library, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** (a) One year of hourly values for every commune, on a fresh source each run (cold caches). */
async function demoYear(library, runs = 3) {
  const times = [];
  let points = 0;
  let communes = 0;
  const to = Date.parse(NOW);
  const from = to - 365 * 24 * HOUR;
  for (let run = 0; run < runs; run++) {
    const source = library.createDemoSource({ seed: 2025, now: NOW });
    const areas = await source.areas({ level: 'commune', parent: '90' });
    communes = areas.length;
    const started = performance.now();
    const result = await source.query({
      kind: 'series',
      indicator: 'environment.pm25',
      areas: areas.map((area) => area.code),
      grain: 'hour',
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
    });
    times.push(performance.now() - started);
    points = result.series.reduce((sum, series) => sum + series.t.length, 0);
  }
  return { ms: median(times), min: Math.min(...times), max: Math.max(...times), points, communes, runs };
}

/** (b) by-area at commune level for distinct days (each a fresh computation), after one warm-up. */
async function byAreaLatency(library, queries = 40) {
  const source = library.createDemoSource({ seed: 2025, now: NOW });
  const ask = (day) =>
    source.query({ kind: 'by-area', indicator: 'environment.pm25', level: 'commune', parent: '90', grain: 'day', at: new Date(Date.parse(NOW) - day * 24 * HOUR).toISOString() });
  const warm = await ask(0);
  const times = [];
  for (let day = 1; day <= queries; day++) {
    const started = performance.now();
    await ask(day);
    times.push(performance.now() - started);
  }
  const repeat = [];
  for (let i = 0; i < queries; i++) {
    const started = performance.now();
    await ask(1 + (i % 5));
    repeat.push(performance.now() - started);
  }
  return { median: median(times), p95: percentile(times, 95), repeatMedian: median(repeat), repeatP95: percentile(repeat, 95), rows: warm.rows.length, queries };
}

/** (c) NGSI-LD temporal paging: the source reads `hours` instances in 206 pages of `limit`. */
async function ngsiPaging(library, { hours = 20_000, limit = 1000, runs = 5 } = {}) {
  const start = Date.parse('2024-01-01T00:00:00Z');
  const broker = await startTemporalBroker({ start, hours, limit });
  try {
    const rates = [];
    let pages = 0;
    let finite = 0;
    for (let run = 0; run < runs; run++) {
      broker.resetCount();
      const source = library.createNgsiLdSource({
        baseUrl: broker.url,
        types: ['AirQualityObserved'],
        areaOf: () => '90001',
        maxPages: 200,
        http: { retries: 0, timeoutMs: 30_000 },
      });
      const started = performance.now();
      const result = await source.query({
        kind: 'series',
        indicator: 'environment.pm25',
        areas: ['90001'],
        grain: 'hour',
        from: new Date(start).toISOString(),
        to: new Date(start + hours * HOUR).toISOString(),
      });
      const elapsed = performance.now() - started;
      finite = Array.from(result.series[0].v).filter(Number.isFinite).length;
      if (result.partial) throw new Error('NGSI-LD paging stopped early (partial result)');
      pages = broker.requests();
      rates.push(finite / (elapsed / 1000));
    }
    return { pointsPerSecond: median(rates), min: Math.min(...rates), max: Math.max(...rates), points: finite, pages, limit, runs };
  } finally {
    await broker.close();
  }
}

/** (d) Bytes per million points, measured as heap + ArrayBuffer growth after a full GC. */
function memoryPerMillion(runs = 3) {
  const N = 1_000_000;
  const t0 = Date.parse('2020-01-01T00:00:00Z');
  const layouts = {
    'Float64Array t + v': () => {
      const t = new Float64Array(N);
      const v = new Float64Array(N);
      for (let i = 0; i < N; i++) {
        t[i] = t0 + i * HOUR;
        v[i] = 20 + (i % 97) * 0.37;
      }
      return { t, v };
    },
    'number[] t + v': () => {
      const t = [];
      const v = [];
      for (let i = 0; i < N; i++) {
        t.push(t0 + i * HOUR);
        v.push(20 + (i % 97) * 0.37);
      }
      return { t, v };
    },
    '[t, v][] pairs': () => {
      const points = [];
      for (let i = 0; i < N; i++) points.push([t0 + i * HOUR, 20 + (i % 97) * 0.37]);
      return points;
    },
    '{ t, v }[] objects': () => {
      const points = [];
      for (let i = 0; i < N; i++) points.push({ t: t0 + i * HOUR, v: 20 + (i % 97) * 0.37 });
      return points;
    },
  };
  const used = () => {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  const out = {};
  const holder = { series: undefined };
  for (const [name, make] of Object.entries(layouts)) {
    const sizes = [];
    for (let run = 0; run < runs; run++) {
      globalThis.gc();
      globalThis.gc();
      const before = used();
      // Held by a heap object, not a local the optimiser could prove dead before the measurement.
      holder.series = make();
      globalThis.gc();
      globalThis.gc();
      sizes.push(used() - before);
      holder.series = undefined;
    }
    out[name] = median(sizes);
  }
  // 2 × 8 bytes per point is the floor for doubles: less means the allocation was not measured.
  if (out['Float64Array t + v'] < 2 * 8 * N * 0.95) throw new Error('memory measurement failed: the series was collected before it was measured');
  return out;
}

function printTable(title, rows) {
  const widths = [0, 0];
  for (const [label, value] of rows) {
    widths[0] = Math.max(widths[0], label.length);
    widths[1] = Math.max(widths[1], value.length);
  }
  const line = `+${'-'.repeat(widths[0] + 2)}+${'-'.repeat(widths[1] + 2)}+`;
  console.log(`\n${title}`);
  console.log(line);
  for (const [label, value] of rows) console.log(`| ${label.padEnd(widths[0])} | ${value.padStart(widths[1])} |`);
  console.log(line);
}

async function main() {
  const started = performance.now();
  const { library, cleanup } = await loadLibrary();
  try {
    const year = await demoYear(library);
    const latency = await byAreaLatency(library);
    const paging = await ngsiPaging(library);
    const memory = memoryPerMillion();
    const mb = (bytes) => `${fmt(bytes / 1024 / 1024)} MB`;
    printTable(`@ioc-kit/data benchmark (Node ${process.version}, V8 ${process.versions.v8}; medians)`, [
      [`(a) demo: 1 year hourly, ${year.communes} communes (${fmt(year.points / 1e6, 2)} M points), median of ${year.runs}`, `${fmt(year.ms, 0)} ms`],
      ['    range over runs', `${fmt(year.min, 0)}–${fmt(year.max, 0)} ms`],
      ['    … per million points', `${fmt(year.ms / (year.points / 1e6), 0)} ms`],
      [`(b) by-area, ${latency.rows} communes, distinct days: median`, `${fmt(latency.median, 2)} ms`],
      ['    distinct days: p95', `${fmt(latency.p95, 2)} ms`],
      ['    repeated days (cached): median / p95', `${fmt(latency.repeatMedian, 3)} / ${fmt(latency.repeatP95, 3)} ms`],
      [`(c) NGSI-LD temporal paging: ${fmt(paging.points, 0)} points, ${paging.pages} pages of ${paging.limit} (206), median of ${paging.runs}`, `${fmt(paging.pointsPerSecond, 0)} points/s`],
      ['    range over runs', `${fmt(paging.min, 0)}–${fmt(paging.max, 0)} points/s`],
      ...Object.entries(memory).map(([name, bytes]) => [`(d) memory per 1 M points: ${name}`, mb(bytes)]),
    ]);
    console.log(`\nTotal ${fmt((performance.now() - started) / 1000)} s. Timings vary with the load of the machine; memory figures do not.`);
  } finally {
    await cleanup();
  }
}

if (typeof globalThis.gc !== 'function') {
  // Restart with an exposed garbage collector so memory figures are exact.
  const child = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  const watchdog = setTimeout(() => {
    console.error(`bench:data: stopped after ${WATCHDOG_MS / 1000} s (watchdog).`);
    process.exit(2);
  }, WATCHDOG_MS);
  watchdog.unref();
  try {
    await main();
    process.exit(0);
  } catch (error) {
    console.error('bench:data failed:', error);
    process.exit(1);
  }
}
