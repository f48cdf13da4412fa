// Unit and component tests beside the code, run in Debian's Chromium through Playwright.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fileURLToPath } from 'node:url';
import { launchOptions } from './scripts/browser.mjs';
import { testServerPlugin } from './tests/support/test-server-plugin.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.base.json', import.meta.url));

export default {
  files: ['packages/*/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['ioc-kit-source', 'browser', 'production'] },
  concurrency: 2,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: launchOptions() })],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig }), testServerPlugin()],
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
};
