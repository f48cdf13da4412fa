// Unit and component tests beside the code, run in Debian's Chromium through Playwright.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fileURLToPath } from 'node:url';
import { launchOptions } from './scripts/browser.mjs';
import { testServerPlugin } from './tests/support/test-server-plugin.mjs';
import { clockShiftMs, clockShiftScript } from './tests/support/clock-shift.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.base.json', import.meta.url));

// IOC_CLOCK_SHIFT_DAYS moves the pages' Date (npm test runs a year ahead too); FC_SEED picks
// another fixed seed for the property tests.
const fcSeed = Number(process.env.FC_SEED ?? 20261202);
// Both configs serve from the repository's root, so the setup module has one path.
const testRunnerHtml = (testFramework) => `<!doctype html>
<html>
  <body>
    <script>${clockShiftScript(clockShiftMs())}
globalThis.IOC_FC_SEED = ${Number.isFinite(fcSeed) ? fcSeed : 20261202};</script>
    <script type="module" src="/tests/support/fast-check-setup.ts"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;

export default {
  files: ['packages/*/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['ioc-kit-source', 'browser', 'production'] },
  concurrency: 2,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: launchOptions() })],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig }), testServerPlugin()],
  testRunnerHtml,
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
};
