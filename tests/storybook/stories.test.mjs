// Every story in the static Storybook build renders without a page error or console error,
// every ioc-* widget in it settles into the state the story is named for, axe finds no
// serious or critical WCAG 2.1 AA violation, and its pixels match the committed baseline
// (tests/visual/baselines; `npm run test:visual:update` takes them anew on purpose). Each
// widget's Ready story is also checked in the dark, wall and high-contrast themes and in
// English and under forced colours (Windows High Contrast), and the province board on the wall. Designers browse these; a story that throws, or that changed by
// accident, is a broken page for them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
import { serveDir } from '../support/static-server.mjs';
import { launch, newContext } from '../support/browser.mjs';
import { clockShiftMs } from '../support/clock-shift.mjs';
import { baselineBrowser, baselineName, compareWithBaseline } from '../visual/compare.mjs';

const STATIC = 'storybook-static';
let server;
let browser;

before(async () => {
  assert.ok(existsSync(`${STATIC}/index.json`), `${STATIC}/ is missing: run \`npm run build-storybook\` first`);
  server = await serveDir(STATIC);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const STATES = ['pending', 'ready', 'empty', 'error', 'stale'];
/**
 * Not a Storybook global: the page is opened with `forced-colors: active` emulated (Windows High
 * Contrast), where every colour is a system colour and series must still be told apart.
 */
const FORCED = 'forced:active';
/**
 * The other looks a designer signs off: each widget's Ready story per theme and in English, and
 * the province board on the wall (the boards are the largest images: one more look each is enough).
 */
const variantsOf = (story) =>
  /^widgets-[a-z-]+--ready$/.test(story.id)
    ? ['theme:dark', 'theme:wall', 'theme:high-contrast', 'locale:en', FORCED]
    : story.id === 'demo-province-overview-board--province'
      ? ['theme:wall', FORCED]
      : [];

test('every story renders cleanly and its widgets reach the state it is named for', async () => {
  const index = JSON.parse(readFileSync(`${STATIC}/index.json`, 'utf8'));
  // IOC_STORY_FILTER=<regular expression> checks (or, with IOC_VISUAL_UPDATE=1, takes) only the
  // stories whose id matches: a designer re-taking one story's baseline need not wait for all.
  const only = process.env.IOC_STORY_FILTER ? new RegExp(process.env.IOC_STORY_FILTER) : undefined;
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && (!only || only.test(entry.id)));
  assert.ok(stories.length > 0, 'the build has no stories');
  const context = await newContext(browser, { viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const failures = [];
  let screenshots = 0;
  const otherBrowser = baselineBrowser(browser.version());
  if (otherBrowser) console.log(`# ${otherBrowser}`);
  // Every story as it opens, then the variants; a year ahead (the second pass), the stories alone:
  // their pixels must not move with the date.
  const loads = [...stories.map((story) => ({ story, globals: '' })), ...(clockShiftMs() ? [] : stories.flatMap((story) => variantsOf(story).map((globals) => ({ story, globals }))))];
  // Two stories at a time: one per core.
  const queue = [...loads];
  const worker = async () => {
    for (let load = queue.shift(); load; load = queue.shift()) await checkStory(load.story, load.globals);
  };
  const checkStory = async (story, globals) => {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`console.error: ${message.text()}`);
    });
    if (globals === FORCED) await page.emulateMedia({ forcedColors: 'active' });
    const storyGlobals = globals && globals !== FORCED ? `&globals=${globals}` : '';
    await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story${storyGlobals}`);
    await page.waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount > 0, null, { timeout: 30_000 }).catch(() => problems.push('story root stayed empty'));
    const wanted = STATES.find((state) => story.name.toLowerCase().replace(/\s+/g, '').startsWith(state) || story.name.toLowerCase().endsWith(` ${state}`) || story.name.toLowerCase().endsWith(state));
    if (wanted) {
      const reached = await page
        .waitForFunction((state) => [...document.querySelectorAll('[state]')].some((el) => el.tagName.startsWith('IOC-') && el.getAttribute('state') === state), wanted, { timeout: 10_000 })
        .then(() => true, () => false);
      if (!reached) problems.push(`no ioc-* widget reached state="${wanted}"`);
    } else {
      // A story named for what it shows (a drill-down, a theme): its widgets have settled, none
      // still pending, before its pixels are taken.
      await page
        .waitForFunction(() => {
          const widgets = [...document.querySelectorAll('[state]')].filter((el) => el.tagName.startsWith('IOC-'));
          return widgets.length > 0 && widgets.every((el) => el.getAttribute('state') !== 'pending');
        }, null, { timeout: 20_000 })
        .catch(() => {});
    }
    // Pixels: once the fonts are in and two frames have settled. A story whose content moves on
    // its own (a live feed) is tagged `no-visual`.
    if (!otherBrowser && !story.tags?.includes('no-visual')) {
      await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
      const png = await page.locator('#storybook-root').screenshot({ animations: 'disabled', caret: 'hide', scale: 'css' });
      const changed = compareWithBaseline(baselineName(story.id, globals.replace(':', '-')), png);
      screenshots++;
      if (changed) problems.push(`visual: ${changed}`);
    }
    // Accessibility: WCAG 2.1 A/AA rules on the rendered story, shadow roots included.
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      // Storybook's a11y addon may be running axe on the same page: wait for it to finish.
      let result;
      for (let attempt = 0; !result; attempt++) {
        try {
          result = await globalThis.axe.run('#storybook-root', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        } catch (error) {
          if (attempt > 100 || !String(error).includes('already running')) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.failureSummary?.split('\n')[1]?.trim() ?? ''} at ${v.nodes[0]?.target.join(' ')}`);
    });
    for (const violation of violations) problems.push(`a11y ${violation}`);
    if (problems.length) failures.push(`${story.id}${globals ? ` (${globals})` : ''}: ${problems.join('; ')}`);
    await page.close();
  };
  await Promise.all([worker(), worker()]);
  await context.close();
  assert.deepEqual(failures, [], `${failures.length} of ${loads.length} story loads failed`);
  console.log(`# ${stories.length} stories in ${loads.length} loads rendered cleanly; ${screenshots} screenshots matched their baselines`);
});
