// Code the docs show as a file (```ts file=path) is that file, verbatim: the file is what the
// tests run, so a doc edit that drifts from it, or a file edit the doc does not follow, fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const docs = readdirSync('docs').filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
const shown = [];
for (const doc of docs) {
  const lines = readFileSync(doc, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```\w+\s+file=(\S+)\s*$/.exec(lines[i]);
    if (!open) continue;
    const body = [];
    for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
    shown.push({ doc, file: open[1], body: body.join('\n') });
  }
}

test('docs/architecture.md shows its two worked examples as files', () => {
  const files = shown.filter((block) => block.doc === 'docs/architecture.md').map((block) => block.file);
  assert.deepEqual(files, ['tests/docs/examples/water-gauges.ts', 'tests/docs/examples/alert-count.ts']);
});

for (const { doc, file, body } of shown) {
  test(`${doc} shows ${file} verbatim`, () => {
    assert.equal(body, readFileSync(file, 'utf8').replace(/\n$/, ''));
  });
  test(`${file}, as ${doc} shows it, is under 30 lines`, () => {
    assert.ok(body.split('\n').length < 30, `${body.split('\n').length} lines`);
  });
}
