// npm test: every check, in order, stopping at the first failure, with the time each took.
//   browser  -> Chromium (and Vietnamese fonts) installed if missing
//   types    -> tsc --noEmit over every package, story and test
//   lint     -> eslint (type-checked rules, lit, wc, project bans)
//   manifest -> custom-elements.json is current
//   unit     -> tests beside the code, in Chromium (web-test-runner)
//   build    -> npm run build (package dist/ and dist/ioc-kit.js)
//   cross    -> tests/ in Chromium: cross-package suites, then page-level suites (embed, CSP, stories)
//   storybook-> static Storybook build (then its stories are smoke-tested by the page-level suites)
//   *-ahead  -> the browser suites again with the pages' clock a year and a month ahead
//               (IOC_CLOCK_SHIFT_DAYS=400): nothing may depend on the day the tests run
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const filesIn = (dir, suffix) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((file) => file.endsWith(suffix) && !file.includes('node_modules'))
        .map((file) => `${dir}/${file}`)
        .sort()
    : [];
const pageSuites = filesIn('tests', '.test.mjs');

// A year and a month ahead: past a leap day, a year boundary and the demo data's end.
const AHEAD = { IOC_CLOCK_SHIFT_DAYS: '400' };

const steps = [
  ['browser', 'node scripts/ensure-browser.mjs'],
  ['types', 'npx tsc -p tsconfig.json --noEmit'],
  ['lint', 'npx eslint . --max-warnings 0'],
  ['manifest', 'node scripts/check-manifest.mjs'],
  ['unit', 'npx web-test-runner --config web-test-runner.config.mjs'],
  ['unit-ahead', 'npx web-test-runner --config web-test-runner.config.mjs', AHEAD],
  ['build', 'node scripts/build.mjs'],
  ['storybook', 'npx storybook build --quiet -o storybook-static'],
  ...(filesIn('tests', '.test.ts').length
    ? [
        ['cross', 'npx web-test-runner --config tests/web-test-runner.config.mjs'],
        ['cross-ahead', 'npx web-test-runner --config tests/web-test-runner.config.mjs', AHEAD],
      ]
    : []),
  ['pages', `node --test --test-concurrency=1 ${pageSuites.join(' ')}`],
  ['pages-ahead', `node --test --test-concurrency=1 ${pageSuites.join(' ')}`, AHEAD],
];

const only = process.argv.slice(2);
const timings = [];
const started = Date.now();
for (const [name, command, env = {}] of steps) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n▶ ${name}: ${Object.entries(env).map(([key, value]) => `${key}=${value} `).join('')}${command}`);
  const t0 = Date.now();
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true, env: { ...process.env, NO_COLOR: '1', ...env } });
  timings.push([name, ((Date.now() - t0) / 1000).toFixed(1)]);
  if (status !== 0) {
    console.error(`\n✖ npm test failed at "${name}" (exit ${status}). Re-run just that step: node scripts/test.mjs ${name}`);
    process.exit(status ?? 1);
  }
}
console.log(`\n✔ all checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s: ${timings.map(([n, s]) => `${n} ${s}s`).join(', ')}`);
