// Cross-package browser tests in tests/ (themes across widgets, security, a11y), run against the
// TypeScript sources like the unit tests. Page-level tests (*.test.mjs) run under node --test.
import base from '../web-test-runner.config.mjs';

export default {
  ...base,
  rootDir: new URL('..', import.meta.url).pathname,
  files: ['tests/**/*.test.ts'],
};
