import { expect } from '@open-wc/testing';
import { ConfigError } from './contract/errors.js';
import type { DataSource } from './contract/source.js';
import { createSource, registeredSources, registerSource } from './registry.js';

describe('source registry', () => {
  it('knows every built-in source by name, without registration', () => {
    expect(registeredSources()).to.include.members(['demo', 'http', 'ngsi-ld', 'sensorthings', 'live']);
  });

  it('makes each built-in source from markup-style options', async () => {
    const demo = await createSource('demo', { seed: '3' });
    expect(demo.id).to.contain('demo');
    const sta = await createSource('sensorthings', { url: 'http://127.0.0.1:9/v1.1' });
    expect(sta.query).to.be.a('function');
    const live = await createSource('live', { sse: 'http://127.0.0.1:9/live', base: 'demo' });
    expect(live.subscribe).to.be.a('function');
  });

  it('says what is missing or unknown, as a ConfigError', async () => {
    const missingUrl = await createSource('sensorthings', {}).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(missingUrl).to.be.instanceOf(ConfigError);
    expect((missingUrl as Error).message).to.contain('data-url');
    const unknown = await createSource('nope').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(unknown).to.be.instanceOf(ConfigError);
    expect((unknown as Error).message).to.contain('Registered sources: demo');
  });

  it('replaces a source by name, and puts the built-in one back when asked without a factory', async () => {
    const stand = { id: 'stand-in' } as DataSource;
    registerSource('demo', () => stand);
    expect(await createSource('demo')).to.equal(stand);
    registerSource('demo');
    expect((await createSource('demo', { seed: '3' })).id).to.contain('demo');
    expect(() => registerSource('nope')).to.throw(ConfigError, /needs a factory/);
  });
});
