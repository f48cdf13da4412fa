// A keyboard walk of every interactive widget's Ready story in the static Storybook build, as a
// reader without a mouse meets it, in the default theme and under forced colours (Windows High
// Contrast):
//   - Tab reaches every stop in the story and then leaves it, and Shift+Tab walks back through
//     the same stops in reverse: no keyboard trap in either direction;
//   - every stop shows a focus ring (an outline or a box-shadow) with at least 3:1 contrast
//     against what is behind it (WCAG 2.2 2.4.13's contrast, 1.4.11);
//   - on a chart's plot an arrow key shows the tooltip of a point, and Escape closes it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { serveDir } from '../support/static-server.mjs';
import { launch, newContext } from '../support/browser.mjs';

const STATIC = 'storybook-static';
/** More stops than any story has: a walk that has not left the story by then is trapped. */
const MAX_STOPS = 60;
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

/** The focused element through shadow roots, described, with its ring's contrast (in the page). */
function focusedStop() {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  const root = document.querySelector('#storybook-root');
  const inside = (node) => {
    for (let n = node; n; n = n.parentNode ?? n.host) if (n === root) return true;
    return false;
  };
  if (!active || active === document.body || !inside(active)) return { inside: false };
  const host = active.getRootNode().host;
  const name = `${host ? `${host.localName} ` : ''}${active.localName}${active.getAttribute('part') ? `[part=${active.getAttribute('part')}]` : ''}${active.className && typeof active.className === 'string' ? `.${active.className.split(' ')[0]}` : ''}`;
  const channels = (css) => {
    const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    probe.canvas.width = probe.canvas.height = 1;
    probe.fillStyle = '#000';
    probe.fillStyle = css;
    probe.fillRect(0, 0, 1, 1);
    return [...probe.getImageData(0, 0, 1, 1).data];
  };
  const luminance = ([r, g, b]) => {
    const lin = (c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  // What is behind the ring: the first opaque background up the composed tree.
  let background = [255, 255, 255, 255];
  for (let n = active.parentElement ?? active.getRootNode().host; n; n = n.parentElement ?? n.getRootNode().host) {
    const colour = channels(getComputedStyle(n).backgroundColor);
    if (getComputedStyle(n).backgroundColor !== 'rgba(0, 0, 0, 0)' && colour[3] === 255) {
      background = colour;
      break;
    }
  }
  const style = getComputedStyle(active);
  const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 1 ? style.outlineColor : '';
  const shadow = style.boxShadow !== 'none' ? (/rgba?\([^)]*\)/.exec(style.boxShadow)?.[0] ?? '') : '';
  const ring = outline || shadow;
  return { inside: true, name, ring, contrast: ring ? contrast(channels(ring), background) : 0, plot: active.classList.contains('plot') };
}

async function walk(page, key) {
  const stops = [];
  for (let i = 0; i < MAX_STOPS; i++) {
    await page.keyboard.press(key);
    const stop = await page.evaluate(focusedStop);
    if (!stop.inside) return { stops, left: true };
    stops.push(stop);
  }
  return { stops, left: false };
}

test('every interactive Ready story: no keyboard trap, a visible focus ring, arrows show a tooltip and Escape closes it', async () => {
  const index = JSON.parse(readFileSync(`${STATIC}/index.json`, 'utf8'));
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && /^widgets-[a-z-]+--ready$/.test(entry.id));
  assert.ok(stories.length > 0, 'the build has no Ready stories');
  const failures = [];
  const figures = [];
  for (const forced of [false, true]) {
    const context = await newContext(browser, { viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    for (const story of stories) {
      const page = await context.newPage();
      if (forced) await page.emulateMedia({ forcedColors: 'active' });
      const label = `${story.id}${forced ? ' (forced colours)' : ''}`;
      await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story`);
      const ready = await page
        .waitForFunction(() => [...document.querySelectorAll('[state]')].some((el) => el.tagName.startsWith('IOC-') && el.getAttribute('state') === 'ready'), null, { timeout: 30_000 })
        .then(() => true, () => false);
      if (!ready) {
        failures.push(`${label}: never ready`);
        await page.close();
        continue;
      }
      const forward = await walk(page, 'Tab');
      if (!forward.left) failures.push(`${label}: Tab never left the story after ${MAX_STOPS} stops (a trap): ${forward.stops.slice(-3).map((s) => s.name).join(', ')}`);
      if (forward.stops.length === 0) {
        await page.close();
        continue;
      }
      // Back from outside: the same stops in reverse. (Headless Chromium may wrap from the first
      // stop to the last instead of leaving the page, so only the first pass is compared.)
      const backward = await walk(page, 'Shift+Tab');
      const names = (stops) => stops.map((stop) => stop.name);
      const back = names(backward.stops.slice(0, forward.stops.length));
      const expected = names(forward.stops).reverse();
      if (back.join('|') !== expected.join('|')) failures.push(`${label}: Shift+Tab went ${back.join(', ')}; Tab had gone ${names(forward.stops).join(', ')}`);
      for (const stop of forward.stops) {
        if (!stop.ring) failures.push(`${label}: ${stop.name} shows no focus ring`);
        else if (stop.contrast < 3) failures.push(`${label}: ${stop.name}'s focus ring has ${stop.contrast.toFixed(2)}:1 against its background (needs 3:1)`);
      }
      const weakest = Math.min(...forward.stops.map((stop) => stop.contrast));
      // The plot: an arrow shows a point's tooltip, Escape closes it.
      const plotIndex = forward.stops.findIndex((stop) => stop.plot);
      let tooltip = 'no plot stop';
      if (plotIndex >= 0) {
        await page.locator('#storybook-root').click({ position: { x: 1, y: 1 } }).catch(() => undefined);
        await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
        for (let i = 0; i <= plotIndex; i++) await page.keyboard.press('Tab');
        await page.keyboard.press('ArrowRight');
        const tooltipShown = () =>
          page.evaluate(() => {
            let active = document.activeElement;
            while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
            const tip = active?.getRootNode().querySelector?.('[part="tooltip"]');
            return Boolean(tip && tip.getBoundingClientRect().width > 0 && getComputedStyle(tip).visibility !== 'hidden' && tip.textContent.trim());
          });
        const shown = await tooltipShown();
        await page.keyboard.press('Escape');
        const closed = !(await tooltipShown());
        if (!shown) failures.push(`${label}: an arrow key on the plot showed no tooltip`);
        if (!closed) failures.push(`${label}: Escape left the tooltip open`);
        tooltip = shown && closed ? 'tooltip ok' : 'tooltip failed';
      }
      figures.push(`${label}: ${forward.stops.length} stops, weakest ring ${weakest.toFixed(2)}:1, ${tooltip}`);
      await page.close();
    }
    await context.close();
  }
  for (const line of figures) console.log(`# ${line}`);
  assert.deepEqual(failures, [], `${failures.length} keyboard problems`);
});
