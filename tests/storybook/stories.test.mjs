// Every story in the static Storybook build renders without a page error or console error,
// every ioc-* widget in it settles into the state the story is named for, and axe finds no
// serious or critical WCAG 2.1 AA violation. Designers browse
// these; a story that throws is a broken page for them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
import { serveDir } from '../support/static-server.mjs';
import { launch, newContext } from '../support/browser.mjs';

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

test('every story renders cleanly and its widgets reach the state it is named for', async () => {
  const index = JSON.parse(readFileSync(`${STATIC}/index.json`, 'utf8'));
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  assert.ok(stories.length > 0, 'the build has no stories');
  const context = await newContext(browser, { viewport: { width: 1200, height: 800 } });
  const failures = [];
  // Two stories at a time: one per core.
  const queue = [...stories];
  const worker = async () => {
    for (let story = queue.shift(); story; story = queue.shift()) await checkStory(story);
  };
  const checkStory = async (story) => {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`console.error: ${message.text()}`);
    });
    await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story`);
    await page.waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount > 0, null, { timeout: 15_000 }).catch(() => problems.push('story root stayed empty'));
    const wanted = STATES.find((state) => story.name.toLowerCase().replace(/\s+/g, '').startsWith(state) || story.name.toLowerCase().endsWith(` ${state}`) || story.name.toLowerCase().endsWith(state));
    if (wanted) {
      const reached = await page
        .waitForFunction((state) => [...document.querySelectorAll('[state]')].some((el) => el.tagName.startsWith('IOC-') && el.getAttribute('state') === state), wanted, { timeout: 10_000 })
        .then(() => true, () => false);
      if (!reached) problems.push(`no ioc-* widget reached state="${wanted}"`);
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
    if (problems.length) failures.push(`${story.id}: ${problems.join('; ')}`);
    await page.close();
  };
  await Promise.all([worker(), worker()]);
  await context.close();
  assert.deepEqual(failures, [], `${failures.length} of ${stories.length} stories failed`);
  console.log(`# ${stories.length} stories rendered cleanly`);
});
