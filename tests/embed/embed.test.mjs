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
