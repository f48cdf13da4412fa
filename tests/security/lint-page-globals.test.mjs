// The pure packages (data, charts) reach the page only in packages/data/src/refresh/page.ts:
// the lint rule must catch the page reached through globalThis, a cast, an alias or a global.
// (Each probe is linted as the text of an existing file, so the type-checked rules can parse it.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const READS = [
  'export const a = globalThis.document;',
  "export const b = globalThis['location'];",
  "export const c = Reflect.get(globalThis, 'window');",
  'export const d = window.location;',
  'export const e = (globalThis as { document?: unknown }).document;',
  'const g = globalThis;\nexport const f = g;',
  'export const h = self.location;',
  'export const i = globalThis!.document;',
  'export const j = document.title;',
];

test('the page is out of reach of data and charts, except in refresh/page.ts', async () => {
  const eslint = new ESLint();
  for (const file of ['packages/data/src/registry.ts', 'packages/charts/src/index.ts']) {
    for (const code of READS) {
      const [result] = await eslint.lintText(code, { filePath: file });
      const caught = result.messages.some((m) => m.ruleId === 'no-restricted-syntax' || m.ruleId === 'no-restricted-globals');
      assert.ok(caught, `${file}: ${code} is not caught`);
    }
  }
  const [page] = await eslint.lintText("export const a = Reflect.get(globalThis, 'document');", { filePath: 'packages/data/src/refresh/page.ts' });
  assert.deepEqual(page.messages.filter((m) => m.ruleId === 'no-restricted-syntax'), []);
  const [fetching] = await eslint.lintText('export const f = globalThis.fetch;', { filePath: 'packages/data/src/registry.ts' });
  assert.deepEqual(fetching.messages.filter((m) => m.ruleId === 'no-restricted-syntax' || m.ruleId === 'no-restricted-globals'), []);
});
