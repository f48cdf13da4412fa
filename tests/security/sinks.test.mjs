// Library code never turns data into markup or code, and never writes a style attribute (a
// strict CSP blocks those). Lint bans most of these; this scan also covers what lint can't see
// (static style="" in templates) and any file lint might be told to skip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const BANNED = [
  [/\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML/, 'markup sink'],
  [/\bunsafeHTML\b|\bunsafeSVG\b/, 'unsafe Lit directive'],
  [/\.html\(/, 'd3 selection.html()'],
  [/\beval\(|new Function\(/, 'code from a string'],
  [/document\.write/, 'document.write'],
  [/\bstyleMap\b|lit\/directives\/style-map/, 'styleMap (style attribute on first render)'],
  [/setAttribute\(\s*['"]style['"]|\.attr\(\s*['"]style['"]/, 'style attribute'],
  [/<[a-z][^>]*\sstyle\s*=\s*["']/, 'static style="" in a template'],
];

function sources() {
  const files = [];
  for (const pkg of readdirSync('packages')) {
    const dir = `packages/${pkg}/src`;
    for (const file of readdirSync(dir, { recursive: true }).map(String)) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes('test-helpers')) files.push(`${dir}/${file}`);
    }
  }
  return files;
}

test('library code has no markup sinks, code-from-strings or style attributes', () => {
  const hits = [];
  for (const file of sources()) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        for (const [pattern, what] of BANNED) if (pattern.test(line)) hits.push(`${file}:${i + 1}: ${what}: ${line.trim()}`);
      });
  }
  assert.deepEqual(hits, []);
});
