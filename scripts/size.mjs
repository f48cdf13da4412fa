// npm run size: min+gzip size of the CDN bundle and of each widget's entry with lit (and d3)
// inlined, as a portal that imports one widget would ship it.
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const kb = (bytes) => (bytes / 1024).toFixed(1);
const rows = [];
if (existsSync('dist/ioc-kit.js')) {
  const code = readFileSync('dist/ioc-kit.js');
  rows.push(['dist/ioc-kit.js (everything)', code.length, gzipSync(code, { level: 9 }).length]);
}
const widgetDir = 'packages/widgets/src';
const entries = readdirSync(widgetDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'internal' && existsSync(`${widgetDir}/${d.name}/${d.name}.ts`))
  .map((d) => `${widgetDir}/${d.name}/${d.name}.ts`);
for (const entry of entries) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    conditions: ['ioc-kit-source', 'production'],
    tsconfig: 'tsconfig.base.json',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  rows.push([entry.replace(`${widgetDir}/`, '') + ' + lit + d3', code.length, gzipSync(code, { level: 9 }).length]);
}
console.log('| entry | min (kB) | min+gzip (kB) |\n|---|---:|---:|');
for (const [name, min, gz] of rows) console.log(`| ${name} | ${kb(min)} | ${kb(gz)} |`);
