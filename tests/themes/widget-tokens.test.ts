import { expect } from '@open-wc/testing';
import { CATALOGUE } from '@ioc-kit/data';
import { COMPONENT_HOOKS, THEMES, THEME_NAMES, installThemes } from '@ioc-kit/themes';
import { startTestServer } from '../support/server.js';

interface TokenRead {
  name: string;
  kind: 'sys' | 'brand' | 'hook';
  /** Read through var() in CSS (not as a string given to getPropertyValue). */
  viaVar: boolean;
  /** Every bare var() read of it assigns a private property (--_x: var(--ioc-hook)) that has the fallback. */
  intoPrivate: boolean;
  fallback?: string;
  files: string[];
}

async function tokenReads(): Promise<TokenRead[]> {
  const server = await startTestServer('tests/themes/themes.test-server.mjs');
  try {
    return await server.call<TokenRead[]>('tokenReads');
  } finally {
    await server.stop();
  }
}

describe('every --ioc-* property a widget reads', () => {
  let reads: TokenRead[];
  before(async () => {
    reads = await tokenReads();
  });

  it('finds the reads (the scan works)', () => {
    expect(reads.map((r) => r.name)).to.include.members(['--ioc-sys-color-surface', '--ioc-sys-font-family', '--ioc-kpi-card-surface']);
  });

  it('is defined by every built-in theme, as data and in the rendered stylesheet', () => {
    installThemes(document);
    const missing: string[] = [];
    for (const theme of THEME_NAMES) {
      const scope = document.createElement('div');
      scope.dataset.iocTheme = theme;
      document.body.append(scope);
      const style = getComputedStyle(scope);
      for (const read of reads.filter((r) => r.kind === 'sys')) {
        const role = read.name.slice('--ioc-sys-'.length);
        if (THEMES[theme][role] === undefined || style.getPropertyValue(read.name).trim() === '') missing.push(`${theme}: ${read.name} (read in ${read.files.join(', ')})`);
      }
      scope.remove();
    }
    expect(missing).to.deep.equal([]);
  });

  it('never reads a brand token directly (roles carry the brand, with contrast kept)', () => {
    expect(reads.filter((r) => r.kind === 'brand').map((r) => `${r.name} in ${r.files.join(', ')}`)).to.deep.equal([]);
  });

  it('reads component hooks with a fallback (or into a private property that has one), so they work unset', () => {
    const withoutFallback = reads.filter((r) => r.kind === 'hook' && r.viaVar && r.fallback === undefined && !r.intoPrivate);
    expect(withoutFallback.map((r) => `${r.name} in ${r.files.join(', ')}`)).to.deep.equal([]);
  });

  it('declared hooks default to roles every theme defines', () => {
    for (const hook of COMPONENT_HOOKS) {
      const role = /^var\(--ioc-sys-([a-z0-9-]+)\)$/.exec(hook.default)?.[1];
      for (const theme of THEME_NAMES) expect(role && THEMES[theme][role], `${hook.name} -> ${hook.default} in ${theme}`).to.be.a('string');
    }
  });

  it('covers the colour token of every band in the data catalogue (VN_AQI, VN_WQI, PM, rain, ...)', () => {
    const tokens = new Set(CATALOGUE.flatMap((indicator) => (indicator.bands ?? []).map((band) => band.token)));
    expect(tokens.size).to.be.above(6);
    for (const theme of THEME_NAMES) {
      for (const token of tokens) expect(THEMES[theme][`color-${token}`], `${theme}: --ioc-sys-color-${token}`).to.be.a('string');
    }
  });
});
