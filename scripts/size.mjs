// npm run size: min+gzip size of the CDN bundle and of each widget's entry with lit (and d3)
// inlined, as a portal that imports one widget would ship it: bundled by Rollup (what Vite uses
// for production), minified by esbuild. What the entry loads only on need (a dynamic import(),
// e.g. the built-in indicator catalogue) becomes its own chunk, reported in the last column.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
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

// The chunks a page loads with the entry (static imports, transitively) and those it loads only on need.
function reach(chunks, from, dynamic) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const chunk = chunks.get(name);
    for (const next of [...chunk.imports, ...(dynamic ? chunk.dynamicImports : [])]) visit(next);
  };
  for (const name of from) visit(name);
  return seen;
}
const sizeOf = (names, chunks) => {
  const code = Buffer.concat([...names].map((name) => Buffer.from(chunks.get(name).code)));
  return [code.length, names.size === 0 ? 0 : gzipSync(code, { level: 9 }).length];
};

for (const entry of entries) {
  const bundle = await rollup({
    input: entry,
    plugins: [
      nodeResolve({ exportConditions: ['ioc-kit-source', 'browser', 'production'], extensions: ['.ts', '.js'] }),
      esbuild({ tsconfig: 'tsconfig.base.json', target: 'es2022', minify: true, legalComments: 'none' }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const main = [...chunks.values()].find((chunk) => chunk.isEntry).fileName;
  const initial = reach(chunks, [main], false);
  const onNeed = new Set([...reach(chunks, [...initial], true)].filter((name) => !initial.has(name)));
  const [min, gz] = sizeOf(initial, chunks);
  rows.push([entry.replace(`${widgetDir}/`, '') + ' + lit + d3', min, gz, sizeOf(onNeed, chunks)[1]]);
}
console.log('| entry | min (kB) | min+gzip (kB) | loaded on need, min+gzip (kB) |\n|---|---:|---:|---:|');
for (const [name, min, gz, lazy] of rows) console.log(`| ${name} | ${kb(min)} | ${kb(gz)} | ${lazy === undefined ? '' : kb(lazy)} |`);
