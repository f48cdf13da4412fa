// `node packages/insights/scripts/rates.mjs [trials]`: the false-positive and detection rates of
// the insights over seeded series (default 1,000 per figure), printed as a table for the issue
// note. The TypeScript is bundled with esbuild's JS API and run in Node (the same V8 as Chromium).
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const trials = Number(process.argv[2] ?? 1000);
const dir = await mkdtemp(path.join(tmpdir(), 'ioc-insights-rates-'));
try {
  const result = await build({
    entryPoints: [path.join(root, 'packages/insights/src/test-helpers/rates.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['ioc-kit-source'],
    write: false,
    logLevel: 'error',
  });
  const file = path.join(dir, 'rates.mjs');
  await writeFile(file, result.outputFiles[0].text);
  const { measureRates } = await import(pathToFileURL(file).href);
  const started = performance.now();
  const rates = measureRates(trials);
  console.log(`| rate | hits / trials | figure |\n|---|---:|---:|`);
  for (const r of rates) console.log(`| ${r.name} | ${r.hits} / ${r.trials} | ${r.percent.toFixed(2)} % |`);
  console.log(`\n${trials} seeded series per figure, ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
