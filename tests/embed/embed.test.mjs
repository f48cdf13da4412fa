// A portal developer's page: plain HTML, one <script type="module"> for dist/ioc-kit.js, a few
// tags, served from 127.0.0.1 under a strict CSP. The card must reach state="ready" with a
// formatted number and the page must log no errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { serveFiles } from '../support/static-server.mjs';
import { launch, openPage } from '../support/browser.mjs';

let server;
let browser;

before(async () => {
  assert.ok(existsSync('dist/ioc-kit.js'), 'dist/ioc-kit.js is missing: run `npm run build` first');
  server = await serveFiles({ '/': 'tests/embed/embed.html', '/ioc-kit.js': 'dist/ioc-kit.js', '/ioc-kit.js.map': 'dist/ioc-kit.js.map' });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the CDN bundle alone renders a ready KPI card with a vi-VN number, no console errors, under a strict CSP', async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  const card = page.locator('#vi ioc-kpi-card');
  await card.and(page.locator('[state="ready"]')).waitFor({ timeout: 10_000 });
  const value = await card.locator('[part="value"]').textContent();
  assert.match(value.trim(), /^\d{1,3}(\.\d{3})*$/, `value "${value}" is not a vi-VN formatted integer`);
  const header = await card.locator('[part="header"]').textContent();
  assert.match(header, /VN_AQI/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the English card formats in en and the dark theme applies through data-ioc-theme', async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  const card = page.locator('#en ioc-kpi-card');
  await card.and(page.locator('[state="ready"]')).waitFor({ timeout: 10_000 });
  const [light, dark] = await page.evaluate(() =>
    [...document.querySelectorAll('ioc-kpi-card')].map((el) => getComputedStyle(el.shadowRoot.querySelector('[part="base"]')).backgroundColor),
  );
  assert.notEqual(light, dark, 'dark theme did not change the card background');
  const footer = await card.locator('[part="footer"]').textContent();
  assert.match(footer, /Updated \d{2}\/\d{2}\/\d{4}/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a whole province board (every widget, markup only) comes up ready from the CDN bundle under a strict CSP', async () => {
  const board = await serveFiles({
    '/': 'tests/embed/board.html',
    '/board.css': 'tests/embed/board.css',
    '/ioc-kit.js': 'dist/ioc-kit.js',
    '/ioc-kit.js.map': 'dist/ioc-kit.js.map',
  });
  try {
    const { page, problems, context } = await openPage(browser, board.url, { viewport: { width: 1280, height: 1400 } });
    const tags = ['ioc-kpi-card', 'ioc-gauge', 'ioc-sparkline', 'ioc-time-series', 'ioc-bar-chart', 'ioc-donut', 'ioc-heatmap'];
    await page.waitForFunction(
      (names) => names.every((name) => [...document.querySelectorAll(name)].every((el) => el.getAttribute('state') === 'ready')),
      tags,
      { timeout: 20_000 },
    ).catch(async () => {
      const states = await page.evaluate((names) => names.map((n) => `${n}=${[...document.querySelectorAll(n)].map((el) => el.getAttribute('state')).join(',')}`), tags);
      assert.fail(`not every widget became ready: ${states.join(' ')}; page problems: ${problems.join(' | ')}`);
    });
    // Every chart drew marks (SVG or canvas) into its own shadow root: a chart draws in the frame
    // after its data and size are in, so a loaded machine may need a moment past "ready".
    const chartTags = tags.filter((name) => name !== 'ioc-kpi-card');
    await page
      .waitForFunction((names) => names.every((name) => document.querySelector(name).shadowRoot.querySelectorAll('path, rect, circle, line, canvas').length > 0), chartTags, { timeout: 10_000 })
      .catch(() => {});
    const drawn = await page.evaluate((names) =>
      names.filter((name) => name !== 'ioc-kpi-card').map((name) => {
        const root = document.querySelector(name).shadowRoot;
        return [name, root.querySelectorAll('path, rect, circle, line, canvas').length];
      }),
      tags,
    );
    for (const [name, marks] of drawn) assert.ok(marks > 0, `${name} drew nothing`);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await board.close();
  }
});
