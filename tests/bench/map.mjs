// `npm run bench:map`: <ioc-map> against a plain d3-geo SVG map and ECharts' `map` series in one
// headless Chromium run, on the same GeoJSON and values, printed as tables.
//
//   render  900×600 box; from the render call to the second requestAnimationFrame after it (and
//           after the map is drawn); median of BENCH_REPEATS (3), each in a fresh page after one
//           warm-up render of the 34 provinces (so every library has parsed its code once).
//           Sizes: the 34 provinces of ../shared/geo (synthetic 34 if absent), and 3,321 and
//           10,000 synthetic polygons of 24 vertices each on a grid over Vietnam's box.
//   hover   10,000 polygons: from a pointer move over an area to its tooltip in the DOM with the
//           area's name; median of 20 moves over different areas.
//   step    one time-slider step at 3,321 areas: new values for every area (the next period) given
//           to a drawn map, from the call to the map redrawn with them (the main-thread work of the
//           step: started at the top of a frame, measured when the new fills are drawn; ECharts'
//           zrender flushed at once rather than on its next frame); median of 15 steps.
//
// BENCH_LIBS (ioc,d3,echarts), BENCH_SIZES and BENCH_REPEATS narrow a run.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { launchOptions } from '../../scripts/browser.mjs';

const WATCHDOG_MS = 300_000;
const root = fileURLToPath(new URL('../..', import.meta.url));
const LIBS = (process.env.BENCH_LIBS ?? 'ioc,d3,echarts').split(',').filter((lib) => ['ioc', 'd3', 'echarts'].includes(lib));
const NAMES = { ioc: '<ioc-map>', d3: 'd3-geo SVG', echarts: 'ECharts map' };
const SIZES = (process.env.BENCH_SIZES ?? '34,3321,10000').split(',').map(Number);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const HOVER_N = 10_000;
const HOVERS = 20;
const STEP_N = 3321;
const STEPS = 15;
const shared = process.env.IOC_SHARED ?? path.resolve(root, '..', 'shared');
const provincesFile = path.join(shared, 'geo', 'vn34_provinces_2025_from_geoboundaries.geojson');
const provinces = existsSync(provincesFile) ? readFileSync(provincesFile, 'utf8') : 'null';

const watchdog = setTimeout(() => {
  console.error(`bench:map: still running after ${WATCHDOG_MS / 1000} s, stopping.`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

// ---- the page side ----------------------------------------------------------------------

const harness = `
export const PROVINCES = ${provinces};
function random(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
/**
 * n polygons of 24 vertices tiling a grid over Vietnam's box (6 per side of each cell, inner
 * vertices jittered along their side so no two polygons are the same), rings clockwise as
 * d3-geo wants (the others do not mind). Every point of the box is inside one polygon.
 */
export function synthetic(n) {
  const next = random(20261204);
  const columns = Math.ceil(Math.sqrt(n * 8 / 15));
  const rows = Math.ceil(n / columns);
  const w = 8 / columns, h = 15 / rows;
  const features = [];
  for (let i = 0; i < n; i++) {
    const x0 = 102 + (i % columns) * w, y1 = 23.5 - Math.floor(i / columns) * h, x1 = x0 + w, y0 = y1 - h;
    const ring = [];
    // Clockwise in lon/lat: top edge west to east, right edge north to south, bottom east to west, left south to north.
    for (let j = 0; j < 6; j++) ring.push([x0 + (j / 6) * w, y1]);
    for (let j = 0; j < 6; j++) ring.push([x1, y1 - (j / 6) * h]);
    for (let j = 0; j < 6; j++) ring.push([x1 - (j / 6) * w, y0]);
    for (let j = 0; j < 6; j++) ring.push([x0, y0 + (j / 6) * h]);
    for (let j = 0; j < ring.length; j++) if (j % 6 !== 0) ring[j] = [ring[j][0] + (next() - 0.5) * 1e-6, ring[j][1]];
    ring.push(ring[0]);
    features.push({ type: 'Feature', properties: { code: 'A' + i, name: 'Khu vực ' + i }, geometry: { type: 'Polygon', coordinates: [ring] } });
  }
  return { type: 'FeatureCollection', features };
}
export function dataset(n) {
  const geo = n === 34 && PROVINCES ? PROVINCES : synthetic(n);
  const next = random(n);
  const rows = geo.features.map((f) => ({ area: String(f.properties.code), value: Math.round(next() * 250) }));
  return { geo, rows };
}
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
export function box() {
  const element = document.createElement('div');
  element.style.cssText = 'width:900px;height:600px;position:relative';
  document.body.append(element);
  return element;
}
export function install(adapter) {
  let last;
  window.bench = {
    async render(n) {
      const data = dataset(n);
      last?.remove?.();
      const target = box();
      await frame();
      const t0 = performance.now();
      last = adapter.render(target, data);
      await frame();
      let t = await frame();
      // Not drawn yet (a renderer that waits for its size): count until it is, plus one frame.
      for (let i = 0; i < 600 && !(await adapter.drawn(last)); i++) t = await frame();
      return t - t0;
    },
    async hover() {
      const data = dataset(${HOVER_N});
      last?.remove?.();
      const target = box();
      last = adapter.render(target, data);
      for (let i = 0; i < 600 && !(await adapter.drawn(last)); i++) await frame();
      await frame();
      await frame();
      const times = [];
      const rect = target.getBoundingClientRect();
      for (let i = 0; i < ${HOVERS}; i++) {
        // Inside the map for every library (Vietnam's box is tall: the map is the middle third of the width).
        const x = rect.left + 350 + ((i * 37) % 200), y = rect.top + 150 + ((i * 53) % 300);
        await frame();
        const t0 = performance.now();
        const shown = adapter.hover(last, x, y);
        let ok = await shown;
        while (!ok) { await frame(); ok = adapter.tooltip(last); if (performance.now() - t0 > 2000) break; }
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return times[times.length >> 1];
    },
    async step() {
      const data = dataset(${STEP_N});
      last?.remove?.();
      const target = box();
      last = adapter.render(target, data);
      for (let i = 0; i < 600 && !(await adapter.drawn(last)); i++) await frame();
      await frame();
      await frame();
      const times = [];
      for (let i = 0; i < ${STEPS}; i++) {
        const next = random(1000 + i);
        const rows = data.rows.map((r) => ({ area: r.area, value: Math.round(next() * 250) }));
        await frame();
        const t0 = performance.now();
        await adapter.step(last, rows);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return times[times.length >> 1];
    },
  };
  window.benchReady = true;
}
`;

const adapters = {
  ioc: `
import { install } from './harness.js';
import '@ioc-kit/widgets';
install({
  render(target, { geo, rows }) {
    const map = document.createElement('ioc-map');
    map.style.cssText = 'display:block;width:900px;--ioc-map-height:480px';
    map.geojson = geo;
    map.data = { kind: 'by-area', indicator: 'environment.aqi', unit: { code: '1', system: 'UCUM', label: { vi: 'AQI', en: 'AQI' } }, level: 'commune', partial: false, rows };
    target.append(map);
    return map;
  },
  drawn: async (map) => map.marks !== undefined,
  async hover(map, x, y) {
    const plot = map.shadowRoot.querySelector('[part="plot"]');
    plot.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, buttons: 0, bubbles: true, composed: true }));
    await map.updateComplete;
    return this.tooltip(map);
  },
  tooltip: (map) => Boolean(map.shadowRoot.querySelector('[part="tooltip"]')?.textContent),
  async step(map, rows) {
    const before = map.marks?.fills;
    map.data = { ...map.data, rows };
    await map.updateComplete;
    if (map.marks?.fills === before) throw new Error('the map did not redraw on a new period');
  },
});
`,
  d3: `
import { install } from './harness.js';
import { geoMercator, geoPath } from 'd3-geo';
import { scaleThreshold } from 'd3-scale';
const color = scaleThreshold([51, 101, 151, 201, 301], ['#00e400', '#ffff00', '#ff7e00', '#ff0000', '#8f3f97', '#7e0023']);
install({
  render(target, { geo, rows }) {
    const values = new Map(rows.map((r) => [r.area, r.value]));
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('width', '900'); svg.setAttribute('height', '480');
    const projection = geoMercator().fitSize([900, 480], geo);
    const path = geoPath(projection);
    const tip = document.createElement('div');
    tip.style.cssText = 'position:absolute;pointer-events:none';
    target.paths = [];
    for (const f of geo.features) {
      const p = document.createElementNS(NS, 'path');
      p.setAttribute('d', path(f));
      const v = values.get(String(f.properties.code));
      p.setAttribute('fill', v === undefined ? '#ccc' : color(v));
      p.setAttribute('stroke', '#fff');
      p.addEventListener('mousemove', (e) => { tip.textContent = f.properties.name + ': ' + v; tip.style.left = e.clientX + 'px'; tip.style.top = e.clientY + 'px'; });
      svg.append(p);
      target.paths.push([p, String(f.properties.code)]);
    }
    target.append(svg, tip);
    target.tip = tip;
    return target;
  },
  drawn: async () => true,
  async hover(target, x, y) {
    target.tip.textContent = '';
    const el = document.elementFromPoint(x, y);
    el?.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
    return this.tooltip(target);
  },
  tooltip: (target) => Boolean(target.tip.textContent),
  async step(target, rows) {
    const values = new Map(rows.map((r) => [r.area, r.value]));
    for (const [p, code] of target.paths) { const v = values.get(code); p.setAttribute('fill', v === undefined ? '#ccc' : color(v)); }
  },
});
`,
  echarts: `
import { install } from './harness.js';
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);
let id = 0;
install({
  render(target, { geo, rows }) {
    const name = 'bench' + id++;
    const named = { type: 'FeatureCollection', features: geo.features.map((f) => ({ ...f, properties: { ...f.properties, name: String(f.properties.code) } })) };
    echarts.registerMap(name, named);
    const chart = echarts.init(target, null, { renderer: 'canvas', width: 900, height: 480 });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item', showDelay: 0, hideDelay: 0, transitionDuration: 0 },
      visualMap: { type: 'piecewise', pieces: [{ lt: 51, color: '#00e400' }, { gte: 51, lt: 101, color: '#ffff00' }, { gte: 101, lt: 151, color: '#ff7e00' }, { gte: 151, lt: 201, color: '#ff0000' }, { gte: 201, lt: 301, color: '#8f3f97' }, { gte: 301, color: '#7e0023' }] },
      series: [{ type: 'map', map: name, roam: true, data: rows.map((r) => ({ name: r.area, value: r.value })) }],
    });
    target.chart = chart;
    return target;
  },
  drawn: async () => true,
  async hover(target, x, y) {
    const tip = target.querySelector('div[style*="z-index: 9999999"]');
    if (tip) tip.textContent = '';
    const zr = target.firstElementChild;
    zr.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
    return this.tooltip(target);
  },
  tooltip: (target) => [...target.querySelectorAll('div')].some((d) => d.style.zIndex === '9999999' && d.textContent.trim() !== '' && d.style.display !== 'none'),
  async step(target, rows) {
    target.chart.setOption({ series: [{ data: rows.map((r) => ({ name: r.area, value: r.value })) }] });
    target.chart.getZr().flush();
  },
});
`,
};

async function bundle(lib) {
  const result = await build({
    stdin: { contents: adapters[lib], resolveDir: root, sourcefile: `${lib}.js`, loader: 'ts' },
    bundle: true,
    splitting: true,
    outdir: path.join(root, '.bench-out'),
    chunkNames: `${lib}-[name]-[hash]`,
    minify: !process.env.BENCH_PROFILE,
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

async function serve(files) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const lib = url.searchParams.get('lib');
    if (url.pathname === '/' && lib && files[`${lib}.js`]) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body style="margin:0"><script type="module" src="/${lib}.js"></script></body></html>`);
      return;
    }
    const file = files[url.pathname.slice(1)];
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/javascript' });
    response.end(file);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${fmt(a / b, 2)}×` : '–');

async function inPage(browser, url, lib, run) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  page.on('pageerror', (error) => console.error(`bench:map: ${lib} page error: ${error.stack ?? error.message}`));
  try {
    await page.goto(`${url}/?lib=${lib}`);
    await page.waitForFunction('window.benchReady === true', null, { timeout: 30_000 });
    await page.evaluate(() => window.bench.render(34));
    return await run(page);
  } finally {
    await page.close();
  }
}

/** BENCH_PROFILE=N: a CPU profile of one <ioc-map> render of N polygons, the top functions by self time. */
async function profile(browser, url, n) {
  await inPage(browser, url, 'ioc', async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const ms = await page.evaluate((size) => window.bench.render(size), n);
    const { profile: p } = await cdp.send('Profiler.stop');
    const self = new Map();
    const dt = new Map();
    p.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
    for (const node of p.nodes) {
      const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
    }
    console.log(`render ${n}: ${ms.toFixed(1)} ms`);
    for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${t.toFixed(1).padStart(8)} ms  ${key}`);
  });
}

const files = { 'harness.js': harness };
for (const lib of LIBS) Object.assign(files, await bundle(lib));
const server = await serve(files);
const browser = await chromium.launch(launchOptions());
const render = {};
const hover = {};
const step = {};
if (process.env.BENCH_PROFILE) {
  await profile(browser, server.url, Number(process.env.BENCH_PROFILE));
  await browser.close();
  await server.close();
  process.exit(0);
}
try {
  for (const n of SIZES) {
    for (const lib of LIBS) {
      const times = [];
      for (let i = 0; i < REPEATS; i++) times.push(await inPage(browser, server.url, lib, (page) => page.evaluate((size) => window.bench.render(size), n)));
      (render[lib] ??= {})[n] = median(times);
      console.error(`bench:map: ${NAMES[lib]} ${n}: ${fmt(median(times))} ms`);
    }
  }
  for (const lib of LIBS) hover[lib] = await inPage(browser, server.url, lib, (page) => page.evaluate(() => window.bench.hover()));
  for (const lib of LIBS) step[lib] = await inPage(browser, server.url, lib, (page) => page.evaluate(() => window.bench.step()));
} finally {
  await browser.close();
  await server.close();
}

const header = ['areas', ...LIBS.map((lib) => `${NAMES[lib]} ms`), ...LIBS.filter((lib) => lib !== 'ioc').map((lib) => `ioc / ${NAMES[lib]}`)];
const lines = [`First render (call → second rAF), 900×600, median of ${REPEATS}:`, '', `| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
for (const n of SIZES) lines.push(`| ${n.toLocaleString('en-US')} | ${LIBS.map((lib) => fmt(render[lib]?.[n])).join(' | ')} | ${LIBS.filter((lib) => lib !== 'ioc').map((lib) => ratio(render.ioc?.[n], render[lib]?.[n])).join(' | ')} |`);
lines.push('', `Hover → tooltip at ${HOVER_N.toLocaleString('en-US')} polygons, median of ${HOVERS}:`, '', `| ${LIBS.map((lib) => NAMES[lib]).join(' | ')} |`, `|${LIBS.map(() => '---:').join('|')}|`, `| ${LIBS.map((lib) => `${fmt(hover[lib], 2)} ms`).join(' | ')} |`);
lines.push('', `One time-slider step at ${STEP_N.toLocaleString('en-US')} areas (new values → redrawn), median of ${STEPS} (target < 16 ms):`, '', `| ${LIBS.map((lib) => NAMES[lib]).join(' | ')} |`, `|${LIBS.map(() => '---:').join('|')}|`, `| ${LIBS.map((lib) => `${fmt(step[lib], 2)} ms`).join(' | ')} |`);
console.log(lines.join('\n'));
