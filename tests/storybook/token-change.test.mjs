// The visual check catches a design change nobody signed off: the bar chart's Ready story matches
// its baseline as built, and fails, with a diff image written beside the baseline, once one
// system token (the text colour, `--ioc-sys-color-on-surface`) moves by 16 levels per channel.
// A move of 8 levels stays under the per-pixel tolerance (antialiasing noise is of that order).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serveDir } from '../support/static-server.mjs';
import { launch, newContext } from '../support/browser.mjs';
import { BASELINES, baselineBrowser, compareWithBaseline, updating } from '../visual/compare.mjs';

const STATIC = 'storybook-static';
const STORY = 'widgets-bar-chart--ready';
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

/** The story's pixels with `--ioc-sys-color-on-surface` set to `colour` (or as the theme has it). */
async function shoot(context, colour) {
  const page = await context.newPage();
  await page.goto(`${server.url}/iframe.html?id=${STORY}&viewMode=story`);
  await page.waitForFunction(() => document.querySelector('ioc-bar-chart')?.getAttribute('state') === 'ready', null, { timeout: 15_000 });
  if (colour) {
    await page.evaluate((value) => document.querySelector('.ioc-story-surface').style.setProperty('--ioc-sys-color-on-surface', value), colour);
    // The chart reads its colours on a redraw: a resize, as a designer's token edit would cause.
    await page.setViewportSize({ width: 1201, height: 800 });
    await page.setViewportSize({ width: 1200, height: 800 });
  }
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300))))));
  const png = await page.locator('#storybook-root').screenshot({ animations: 'disabled', caret: 'hide', scale: 'css' });
  await page.close();
  return png;
}

test("a token's colour moved by 16 levels fails the visual check with a diff image", async (t) => {
  if (updating()) return t.skip('baselines are being taken');
  const otherBrowser = baselineBrowser(browser.version());
  if (otherBrowser) return t.skip(otherBrowser);
  const name = `${STORY}--token-check`;
  const context = await newContext(browser, { viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  try {
    // The story's own baseline, under a scratch name so the real one is never touched.
    const baseline = readFileSync(path.join(BASELINES, `${STORY}.png`));
    const scratch = path.join(BASELINES, `${name}.png`);
    writeFileSync(scratch, baseline);
    try {
      assert.equal(compareWithBaseline(name, await shoot(context)), undefined, 'the story as built differs from its baseline');
      // #1b1f24 (light theme's text) + 8 levels: under the tolerance.
      assert.equal(compareWithBaseline(name, await shoot(context, '#23272c')), undefined, 'an 8-level move should stay under the tolerance');
      // + 16 levels: a change a designer would see on the wall.
      const changed = compareWithBaseline(name, await shoot(context, '#2b2f34'));
      assert.match(changed ?? '', /pixels changed; see .*token-check\.diff\.png/, 'a 16-level move of the text colour went unnoticed');
      assert.ok(existsSync(path.join(BASELINES, `${name}.diff.png`)), 'no diff image was written');
      assert.ok(existsSync(path.join(BASELINES, `${name}.actual.png`)), 'no actual image was written');
      console.log(`# ${changed}`);
    } finally {
      for (const suffix of ['.png', '.actual.png', '.diff.png']) rmSync(path.join(BASELINES, `${name}${suffix}`), { force: true });
    }
  } finally {
    await context.close();
  }
});
