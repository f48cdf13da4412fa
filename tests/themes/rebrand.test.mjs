// "Done when" for theming: a plain HTML page that links the CDN bundle and a stylesheet setting
// the five --ioc-brand-* variables, served under a strict CSP. The demo KPI card must follow
// the brand (font, radius, density, brand-tinted border) and every colour it draws must keep
// WCAG 2.1 AA contrast, on the default light theme and inside a dark subtree.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { serveFiles } from '../support/static-server.mjs';
import { launch, openPage } from '../support/browser.mjs';

const bundle = process.env.IOC_KIT_BUNDLE ?? 'dist/ioc-kit.js';
let server;
let browser;

before(async () => {
  assert.ok(existsSync(bundle), `${bundle} is missing: run \`npm run build\` first`);
  server = await serveFiles({ '/': 'tests/themes/rebrand.html', '/brand.css': 'tests/themes/brand.css', '/ioc-kit.js': bundle });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const luminance = ([r, g, b]) => {
  const lin = (v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

test('five CSS variables re-brand the demo KPI card, and its text keeps AA contrast in light and dark', async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  for (const card of await page.locator('ioc-kpi-card').all()) await card.and(page.locator('[state="ready"]')).waitFor({ timeout: 10_000 });
  const cards = await page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    const rgb = (colour) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    return [...document.querySelectorAll('ioc-kpi-card')].map((card) => {
      const part = (name) => card.shadowRoot.querySelector(`[part~="${name}"]`);
      const base = getComputedStyle(part('base'));
      const probe = document.createElement('span');
      card.parentElement.append(probe);
      probe.style.color = 'var(--ioc-sys-color-primary)';
      const primary = rgb(getComputedStyle(probe).color);
      probe.style.color = 'var(--ioc-sys-color-on-primary)';
      const onPrimary = rgb(getComputedStyle(probe).color);
      probe.remove();
      return {
        font: getComputedStyle(card).fontFamily,
        radius: base.borderTopLeftRadius,
        padding: base.paddingLeft,
        surface: rgb(base.backgroundColor),
        border: rgb(base.borderTopColor),
        texts: ['header', 'value', 'delta', 'footer'].filter((n) => part(n)).map((n) => [n, rgb(getComputedStyle(part(n)).color)]),
        primary,
        onPrimary,
      };
    });
  });
  assert.equal(cards.length, 2);
  for (const [i, card] of cards.entries()) {
    const where = i === 0 ? 'light page' : 'dark subtree';
    assert.match(card.font, /^"Be Vietnam Pro", "Noto Sans"/, `${where}: brand font first, Vietnamese stack behind it`);
    assert.equal(card.radius, '2px', `${where}: brand radius`);
    assert.equal(card.padding, '12px', `${where}: density 0.75 of 16px`);
    assert.ok(card.border[2] < card.border[0], `${where}: border tinted with the yellow brand, got rgb(${card.border})`);
    for (const [name, colour] of card.texts) assert.ok(contrast(colour, card.surface) >= 4.5, `${where}: ${name} rgb(${colour}) on rgb(${card.surface}) is ${contrast(colour, card.surface).toFixed(2)}:1`);
    assert.ok(contrast(card.primary, card.surface) >= 4.5, `${where}: brand primary as text ${contrast(card.primary, card.surface).toFixed(2)}:1`);
    assert.ok(contrast(card.onPrimary, card.primary) >= 4.5, `${where}: text on the brand primary ${contrast(card.onPrimary, card.primary).toFixed(2)}:1`);
  }
  assert.notDeepEqual(cards[0].surface, cards[1].surface, 'the dark subtree has its own surface');
  assert.deepEqual(problems, []);
  await context.close();
});
