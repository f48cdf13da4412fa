// Every HTML snippet in the README and docs/ works as pasted, under the Content-Security-Policy
// the README promises. Each ```html block becomes a page (a fragment is put in a page's body),
// its CDN address points at dist/ioc-kit.js, and fenced ```js / ```css blocks that name a file
// in their info string (```js portal.js) are served at that name, as a portal developer would
// save them. Every ioc-* widget on the page must settle (ready or empty, never stuck loading),
// and the page must log no error: a blocked inline script or style is a failed test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { serveFiles } from '../support/static-server.mjs';
import { launch, openPage } from '../support/browser.mjs';

// The README, docs/ and Storybook's introduction pages (MDX: their fenced blocks are Markdown's).
const DOCS = [
  'README.md',
  ...readdirSync('docs').filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`),
  ...readdirSync('stories', { recursive: true }).map(String).filter((name) => name.endsWith('.mdx')).sort().map((name) => `stories/${name}`),
];
/** Where the docs say the bundle lives; the test serves dist/ioc-kit.js there. */
const CDN = /https:\/\/[^"'\s]+\/ioc-kit\.js/g;

/** Fenced blocks of a Markdown text: language, the rest of the info string, body, line. */
function fencedBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body = [];
    for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
    blocks.push({ lang: open[1], info: open[2].trim(), body: body.join('\n'), line: start + 1 });
  }
  return blocks;
}

let browser;
before(async () => {
  assert.ok(existsSync('dist/ioc-kit.js'), 'dist/ioc-kit.js is missing: run `npm run build` first');
  browser = await launch();
});
after(() => browser?.close());

const pages = DOCS.flatMap((file) => {
  const blocks = fencedBlocks(readFileSync(file, 'utf8'));
  const files = Object.fromEntries(
    blocks.filter((block) => (block.lang === 'js' || block.lang === 'css') && /^[\w.-]+\.(js|css)$/.test(block.info)).map((block) => [`/${block.info}`, { body: block.body, type: `.${block.lang}` }]),
  );
  return blocks.filter((block) => block.lang === 'html').map((block) => ({ file, block, files }));
});

test('the README and docs have HTML snippets to check', () => {
  assert.ok(pages.some(({ file }) => file === 'README.md'), 'the README has no ```html embed snippet');
});

for (const { file, block, files } of pages) {
  test(`${file}:${block.line} works as pasted under the documented CSP`, async () => {
    let html = block.body.replace(CDN, '/ioc-kit.js');
    // A fragment (say, how to switch themes) goes into a page that loads the library.
    if (!/<html[\s>]/i.test(html)) {
      const script = html.includes('/ioc-kit.js') ? '' : '<script type="module" src="/ioc-kit.js"></script>';
      html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,">${script}</head><body>${html}</body></html>`;
    } else if (!html.includes('rel="icon"')) {
      html = html.replace(/<head>/i, '<head><link rel="icon" href="data:,">');
    }
    // Everything the snippet links to must be a file the docs give (or the bundle).
    const linked = [...html.matchAll(/(?:src|href)="(\/?[\w./-]+\.(?:js|css))"/g)].map((match) => (match[1].startsWith('/') ? match[1] : `/${match[1]}`));
    for (const path of linked) assert.ok(path === '/ioc-kit.js' || files[path], `${file}:${block.line} links ${path}, which no \`\`\`js/css block of ${file} names`);
    const server = await serveFiles({ '/': { body: html, type: '.html' }, '/ioc-kit.js': 'dist/ioc-kit.js', '/ioc-kit.js.map': 'dist/ioc-kit.js.map', ...files });
    try {
      const { page, problems, context } = await openPage(browser, server.url, { viewport: { width: 1200, height: 900 } });
      const settled = await page
        .waitForFunction(
          () => {
            const widgets = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('ioc-') && el.localName !== 'ioc-provider');
            return widgets.every((el) => ['ready', 'empty'].includes(el.getAttribute('state') ?? ''));
          },
          null,
          { timeout: 20_000 },
        )
        .then(() => true, () => false);
      const states = await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('ioc-') && el.localName !== 'ioc-provider').map((el) => `${el.localName}=${el.getAttribute('state')}`));
      assert.ok(settled, `${file}:${block.line}: not every widget settled: ${states.join(', ')}`);
      assert.deepEqual(problems, [], `${file}:${block.line} logged problems`);
      await context.close();
    } finally {
      await server.close();
    }
  });
}
