// End to end on the example pages a portal copies (examples/*.html on the CDN bundle, strict
// CSP, the demo source): a leader opens the province overview, goes to the environment board,
// drills to one commune and back up, with the keyboard alone and by mouse. At each step every
// widget of the board must follow the provider's area: the breadcrumb, the map's title, the KPI
// cards, the table's selected row and the alert list. The clock is pinned (Playwright's clock:
// `Date` reads 24/11/2026 10:00, timers run as usual), so the demo's data is the same every day.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { serveFiles } from '../support/static-server.mjs';
import { launch, newContext } from '../support/browser.mjs';

const NOW = new Date('2026-11-24T10:00:00+07:00');
const PROVINCE = 'Tỉnh Sông Mây (demo)';

let server;
let browser;

before(async () => {
  assert.ok(existsSync('dist/ioc-kit.js'), 'dist/ioc-kit.js is missing: run `npm run build` first');
  const routes = { '/dist/ioc-kit.js': 'dist/ioc-kit.js', '/dist/ioc-kit.js.map': 'dist/ioc-kit.js.map' };
  for (const name of readdirSync('examples')) routes[`/examples/${name}`] = `examples/${name}`;
  server = await serveFiles(routes);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path) {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  await context.clock.setFixedTime(NOW);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(`${server.url}${path}`);
  return { page, context, problems };
}

/** The focused element through the shadow roots, described: `ioc-domain-board > ioc-map > div[plot]`. */
const focused = (page) =>
  page.evaluate(() => {
    const path = [];
    for (let el = document.activeElement; el; el = el.shadowRoot?.activeElement ?? null) {
      const domain = el.closest?.('[data-domain]')?.getAttribute('data-domain');
      path.push(`${el.localName}${el.getAttribute('part') ? `[${el.getAttribute('part')}]` : ''}${domain ? `{${domain}}` : ''}`);
    }
    return path.join(' > ');
  });

/** Presses Tab until the focused element's description matches, at most `max` times. */
async function tabTo(page, pattern, max = 40) {
  for (let i = 0; i < max; i++) {
    if (pattern.test(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${pattern}; focus is on ${await focused(page)}`);
}

/** Waits until the board and every widget in it have settled (not pending). */
const settled = (page) =>
  page.waitForFunction(
    () => {
      const board = document.querySelector('ioc-domain-board, ioc-overview-board');
      const widgets = [...(board?.shadowRoot?.querySelectorAll('*') ?? [])].filter((el) => el.localName.startsWith('ioc-') && el.hasAttribute('state'));
      return board?.getAttribute('state') === 'ready' && widgets.length > 0 && widgets.every((el) => ['ready', 'empty'].includes(el.getAttribute('state')));
    },
    null,
    { timeout: 30_000 },
  );

/** What each widget of the environment board shows for "where": read from their shadow roots. */
const boardView = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('ioc-domain-board').shadowRoot;
    const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const map = root.querySelector('ioc-map');
    const table = root.querySelector('ioc-area-table');
    const alerts = root.querySelector('ioc-alert-list');
    return {
      selection: document.querySelector('ioc-provider').selection,
      crumbs: [...root.querySelector('ioc-breadcrumb').shadowRoot.querySelectorAll('[part~="crumb"]')].map(text),
      current: text(root.querySelector('ioc-breadcrumb').shadowRoot.querySelector('[aria-current="location"]')),
      mapArea: text(map.shadowRoot.querySelector('[part~="breadcrumb"]')),
      kpiAreas: [...root.querySelectorAll('ioc-kpi-card')].map((card) => card.effectiveArea),
      kpiValues: [...root.querySelectorAll('ioc-kpi-card')].map((card) => text(card.shadowRoot.querySelector('[part~="value"]'))),
      tableSelected: [...table.shadowRoot.querySelectorAll('[aria-selected="true"]')].map((row) => text(row.querySelector('th') ?? row.firstElementChild)),
      alertState: alerts.getAttribute('state'),
      alertAreas: [...alerts.shadowRoot.querySelectorAll('[part~="area"]')].map(text),
      alertStatus: text(alerts.shadowRoot.querySelector('[part~="status"]')),
    };
  });

/** The board shows the province: every widget at the top, nothing selected. */
function assertProvince(view, label) {
  assert.deepEqual(view.crumbs, [PROVINCE], `${label}: breadcrumb`);
  assert.equal(view.selection.area, '90', `${label}: provider area`);
  assert.ok(view.mapArea.endsWith(PROVINCE), `${label}: the map's area (${view.mapArea})`);
  assert.deepEqual(view.kpiAreas, ['90', '90', '90', '90'], `${label}: KPI cards' area`);
  assert.deepEqual(view.tableSelected, [], `${label}: no table row selected`);
  assert.ok(view.alertAreas.length >= 2, `${label}: the province's alerts (${view.alertAreas.join(', ')})`);
}

/** The board shows commune `name` (code `code`): every widget follows. */
function assertCommune(view, name, province, label) {
  assert.equal(view.selection.level, 'commune', `${label}: provider level`);
  assert.deepEqual(view.crumbs, [PROVINCE, name], `${label}: breadcrumb`);
  assert.equal(view.current, name, `${label}: the current crumb`);
  assert.ok(view.mapArea.endsWith(name), `${label}: the map's area (${view.mapArea})`);
  const code = view.selection.area;
  assert.deepEqual(view.kpiAreas, [code, code, code, code], `${label}: KPI cards' area`);
  assert.notDeepEqual(view.kpiValues, province.kpiValues, `${label}: the KPI cards show the commune's values, not the province's`);
  assert.deepEqual(view.tableSelected, [name], `${label}: the table's selected row`);
  assert.equal(view.alertState, 'ready', `${label}: alert list`);
  assert.ok(view.alertAreas.length >= 1 && view.alertAreas.every((area) => area === name), `${label}: only ${name}'s alerts (${view.alertAreas.join(', ')})`);
}

/** Waits until the provider's area is `code` (or the level is `level`) and the board settled again. */
async function follows(page, check) {
  await page.waitForFunction(check, null, { timeout: 15_000 });
  await settled(page);
}

test('keyboard alone: overview → environment board → a commune (map, arrows, Enter) → back up with Backspace and Escape', async () => {
  const { page, context, problems } = await open('/examples/index.html');
  await settled(page);
  // Tab to the environment tile's button and open it.
  await tabTo(page, /\{environment\}$/);
  assert.match(await focused(page), /button\[domain-button\]\{environment\}$/);
  await Promise.all([page.waitForURL(/\/examples\/environment\.html$/, { timeout: 10_000 }), page.keyboard.press('Enter')]);
  await settled(page);
  const province = await boardView(page);
  assertProvince(province, 'the province');
  // The commune of the first alert: drilling there must show its alerts.
  const target = province.alertAreas[0];
  // Tab to the map, then walk the communes with the arrow keys until the target's.
  await tabTo(page, /ioc-map > div\[plot\]$/);
  const active = () => page.evaluate(() => document.querySelector('ioc-domain-board').shadowRoot.querySelector('ioc-map').shadowRoot.querySelector('[part~="tooltip"]')?.textContent?.trim() ?? '');
  let steps = 0;
  await page.keyboard.press('ArrowRight');
  while (!(await active()).startsWith(`${target}:`) && steps++ < 120) await page.keyboard.press('ArrowRight');
  assert.ok((await active()).startsWith(`${target}:`), `the arrows never reached ${target} (at ${await active()})`);
  await page.keyboard.press('Enter');
  await follows(page, () => document.querySelector('ioc-provider').selection.level === 'commune');
  const commune = await boardView(page);
  assertCommune(commune, target, province, 'after Enter on the map');
  // Backspace goes back up to the province; everything follows.
  assert.match(await focused(page), /ioc-map > div\[plot\]$/, 'focus stays on the map');
  await page.keyboard.press('Backspace');
  await follows(page, () => document.querySelector('ioc-provider').selection.area === '90');
  const back = await boardView(page);
  assertProvince(back, 'after Backspace');
  assert.deepEqual(back.kpiValues, province.kpiValues, "the KPI cards show the province's values again");
  assert.deepEqual(back.alertAreas, province.alertAreas, "the province's alerts again");
  // Down again (Enter on the same commune), then Escape from another widget of the board.
  await page.keyboard.press('Enter');
  await follows(page, () => document.querySelector('ioc-provider').selection.level === 'commune');
  assertCommune(await boardView(page), target, province, 'after Enter again');
  await page.keyboard.press('Tab');
  assert.doesNotMatch(await focused(page), /div\[plot\]$/);
  await page.keyboard.press('Escape');
  await follows(page, () => document.querySelector('ioc-provider').selection.area === '90');
  assertProvince(await boardView(page), 'after Escape');
  assert.deepEqual(problems, []);
  await context.close();
});

test('by mouse: overview tile → environment board → an alert’s commune, a commune on the map → back up by the breadcrumb', async () => {
  const { page, context, problems } = await open('/examples/index.html');
  await settled(page);
  // The whole tile picks the domain: click its KPI card.
  await Promise.all([page.waitForURL(/\/examples\/environment\.html$/, { timeout: 10_000 }), page.locator('ioc-overview-board [data-domain="environment"] ioc-kpi-card').click()]);
  await settled(page);
  const province = await boardView(page);
  assertProvince(province, 'the province');
  const target = province.alertAreas[0];
  // Click the first alert's area.
  await page.locator('ioc-domain-board ioc-alert-list [part~="area"]').first().click();
  await follows(page, () => document.querySelector('ioc-provider').selection.level === 'commune');
  assertCommune(await boardView(page), target, province, "after clicking the alert's area");
  // Up by the breadcrumb's province crumb.
  await page.locator('ioc-domain-board ioc-breadcrumb button[part~="crumb"]').first().click();
  await follows(page, () => document.querySelector('ioc-provider').selection.area === '90');
  assertProvince(await boardView(page), 'after the breadcrumb');
  // A commune picked on the map with the mouse: the middle of the map.
  const plot = page.locator('ioc-domain-board ioc-map [part~="plot"]');
  const box = await plot.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await follows(page, () => document.querySelector('ioc-provider').selection.level === 'commune');
  const picked = await boardView(page);
  assert.equal(picked.crumbs.length, 2, 'the breadcrumb names the commune clicked');
  assert.deepEqual(picked.tableSelected, [picked.current], "the table marks the map's commune");
  assert.deepEqual(picked.kpiAreas, Array(4).fill(picked.selection.area));
  assert.ok(picked.alertAreas.every((area) => area === picked.current), `only ${picked.current}'s alerts (${picked.alertAreas.join(', ')})`);
  await page.locator('ioc-domain-board ioc-breadcrumb button[part~="crumb"]').first().click();
  await follows(page, () => document.querySelector('ioc-provider').selection.area === '90');
  assertProvince(await boardView(page), 'after the breadcrumb again');
  assert.deepEqual(problems, []);
  await context.close();
});
