import { expect } from '@open-wc/testing';
import { startTestServer, type TestServer } from '../support/server.js';

describe('generated theme files', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('tests/themes/themes.test-server.mjs');
  });
  after(() => server.stop());

  it('tokens.ts and ioc-themes.css are what the DTCG JSON builds (run node scripts/build-tokens.mjs)', async () => {
    expect(await server.call<string[]>('staleTokenFiles')).to.deep.equal([]);
  });

  it('docs/theming.md lists the current brand tokens, roles and component hooks (run node scripts/theming-doc.mjs)', async () => {
    expect(await server.call<boolean>('docIsCurrent')).to.equal(true);
  });
});
