// `npm run bench:alerts`: <ioc-alert-list> with 10,000 alerts in headless Chromium, under the
// project's strict CSP, printed as a table:
//
//   mount     from appending the list (given its 10,000 alerts) to its first rows painted
//             (median of BENCH_REPEATS mounts, after one warm-up)
//   DOM       rows and elements in the list's shadow root, scrolled to the top and to the end
//   scroll    frame times (rAF to rAF) while the list scrolls 600 px a frame from top to end
//             and back: median, p95 and worst
//   End key   from pressing End on the first row to the last alert having focus
//
// A watchdog ends the run after WATCHDOG_MS.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { launchOptions } from '../../scripts/browser.mjs';
import { serveFiles } from '../support/static-server.mjs';

const WATCHDOG_MS = 240_000;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const COUNT = 10_000;
const root = fileURLToPath(new URL('../..', import.meta.url));
const watchdog = setTimeout(() => {
  console.error(`bench:alerts: still running after ${WATCHDOG_MS / 1000} s, stopping.`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

const pageSource = `
import './packages/widgets/src/index.ts';
const NOW = Date.parse('2026-11-24T10:00:00+07:00');
const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'];
const alerts = Array.from({ length: ${COUNT} }, (_, i) => ({
  id: 'a' + i, severity: SEVERITIES[i % 5], category: 'traffic', subCategory: 'trafficJam', domain: 'mobility',
  area: String(90001 + (i % 97)), title: 'Ùn tắc giao thông tại nút ' + i, start: new Date(NOW - i * 61_000).toISOString(),
  status: i % 3 ? 'open' : 'acknowledged', source: 'bench',
}));
const data = { kind: 'alerts', alerts, partial: false };
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
let provider;
window.bench = {
  async mount() {
    provider?.remove();
    await frame();
    provider = document.createElement('ioc-provider');
    provider.setAttribute('now', '2026-11-24T10:00:00+07:00');
    const list = document.createElement('ioc-alert-list');
    list.data = data;
    list.status = 'all';
    provider.append(list);
    const start = performance.now();
    document.body.append(provider);
    while (!list.shadowRoot?.querySelector('[part~="row"]')) await frame();
    await list.updateComplete;
    const painted = await frame();
    return painted - start;
  },
  dom() {
    const list = document.querySelector('ioc-alert-list');
    const root = list.shadowRoot;
    return { rows: root.querySelectorAll('[part~="row"]').length, elements: root.querySelectorAll('*').length };
  },
  async scrollToEnd() {
    const list = document.querySelector('ioc-alert-list');
    const scroller = list.shadowRoot.querySelector('[part="list"]');
    scroller.scrollTop = scroller.scrollHeight;
    await frame(); await list.updateComplete; await frame();
  },
  async scrollToTop() {
    const list = document.querySelector('ioc-alert-list');
    const scroller = list.shadowRoot.querySelector('[part="list"]');
    scroller.scrollTop = 0;
    await frame(); await list.updateComplete; await frame();
  },
  async scroll() {
    const list = document.querySelector('ioc-alert-list');
    const scroller = list.shadowRoot.querySelector('[part="list"]');
    const times = [];
    let last = await frame();
    for (const direction of [1, -1]) {
      for (let step = 0; step < 150; step++) {
        scroller.scrollTop += direction * 600;
        const now = await frame();
        times.push(now - last);
        last = now;
      }
    }
    return { times };
  },
  focusFirst() {
    const list = document.querySelector('ioc-alert-list');
    list.shadowRoot.querySelector('[part~="row"][data-index="0"]').focus();
  },
  async untilLast() {
    const list = document.querySelector('ioc-alert-list');
    const start = performance.now();
    while (list.shadowRoot.activeElement?.dataset.index !== String(${COUNT} - 1)) await frame();
    return { ms: performance.now() - start, posinset: list.shadowRoot.activeElement.getAttribute('aria-posinset') };
  },
};
window.benchReady = true;
`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

async function main() {
  const page = await build({ bundle: true, format: 'esm', platform: 'browser', target: 'es2022', conditions: ['ioc-kit-source'], write: false, logLevel: 'error', minify: !process.env.BENCH_VERBOSE, stdin: { contents: pageSource, resolveDir: root, loader: 'js' } });
  const html = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>alerts bench</title><link rel="icon" href="data:,"><script type="module" src="/page.js"></script></head><body></body></html>';
  const server = await serveFiles({ '/': { body: html, type: '.html' }, '/page.js': { body: page.outputFiles[0].text, type: '.js' } });
  const browser = await chromium.launch(launchOptions());
  try {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const problems = [];
    const say = (text) => { problems.push(text); if (process.env.BENCH_VERBOSE) console.error(text); };
    tab.on('console', (message) => { if (message.type() === 'error') say(message.text()); });
    tab.on('pageerror', (error) => say(process.env.BENCH_VERBOSE ? error.stack : error.message));
    await tab.goto(server.url + '/');
    await tab.waitForFunction(() => window.benchReady === true);
    const first = await tab.evaluate(() => window.bench.mount());
    const mounts = [];
    for (let i = 0; i < REPEATS; i++) mounts.push(await tab.evaluate(() => window.bench.mount()));
    const top = await tab.evaluate(() => window.bench.dom());
    await tab.evaluate(() => window.bench.scrollToEnd());
    const end = await tab.evaluate(() => window.bench.dom());
    await tab.evaluate(() => window.bench.scrollToTop());
    const scroll = await tab.evaluate(() => window.bench.scroll());
    await tab.evaluate(() => window.bench.scrollToTop());
    await tab.evaluate(() => window.bench.focusFirst());
    const waiting = tab.evaluate(() => window.bench.untilLast());
    await tab.keyboard.press('End');
    const endKey = await waiting;
    await context.close();
    console.log(`\n<ioc-alert-list> with ${COUNT.toLocaleString('en-US')} alerts in headless Chromium (strict CSP; ${REPEATS} mounts after a warm-up)\n`);
    console.log('| measure | value |');
    console.log('|---|---:|');
    console.log(`| mount, first (ms) | ${first.toFixed(0)} |`);
    console.log(`| mount, median (min–max) (ms) | ${median(mounts).toFixed(0)} (${Math.min(...mounts).toFixed(0)}–${Math.max(...mounts).toFixed(0)}) |`);
    console.log(`| DOM at top: rows / elements in shadow root | ${top.rows} / ${top.elements} |`);
    console.log(`| DOM at end: rows / elements in shadow root | ${end.rows} / ${end.elements} |`);
    console.log(`| scroll frames (${scroll.times.length}, 600 px each): median / p95 / worst (ms) | ${median(scroll.times).toFixed(1)} / ${quantile(scroll.times, 0.95).toFixed(1)} / ${Math.max(...scroll.times).toFixed(1)} |`);
    console.log(`| End key → last alert focused (ms; aria-posinset) | ${endKey.ms.toFixed(0)} (${endKey.posinset}) |`);
    if (problems.length) console.log(`\nPage problems:\n${problems.join('\n')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
