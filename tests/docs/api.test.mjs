// The public API of each package is what docs/api.md lists: the built entry (packages/*/dist,
// written by `npm run build`) exports exactly those names at run time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const doc = readFileSync('docs/api.md', 'utf8');
const listed = new Map();
for (const [, name, body] of doc.matchAll(/^## @ioc-kit\/(\w+)\n[\s\S]*?```text exports\n([\s\S]*?)```/gm)) listed.set(name, body.split(/\s+/).filter(Boolean));

test('docs/api.md lists every package', () => {
  assert.deepEqual([...listed.keys()].sort(), ['charts', 'data', 'insights', 'themes', 'widgets']);
});

for (const [name, names] of listed) {
  test(`@ioc-kit/${name} exports what docs/api.md lists, and nothing else`, async () => {
    const entry = `packages/${name}/dist/index.js`;
    assert.ok(existsSync(entry), `${entry} is missing: run \`npm run build\` first`);
    const exported = Object.keys(await import(pathToFileURL(entry).href)).sort();
    const unlisted = exported.filter((n) => !names.includes(n));
    const gone = names.filter((n) => !exported.includes(n));
    assert.deepEqual({ unlisted, gone }, { unlisted: [], gone: [] });
  });
}
