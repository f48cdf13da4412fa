import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { Area, AreaQuery, DataSource } from '@ioc-kit/data';
import { OwnAreaController, knownArea, lookUpArea, rememberAreas } from './area-lookup.js';

const province: Area = { code: '24', level: 'province', name: { vi: 'Bắc Ninh' } };
const commune: Area = { code: '25111', level: 'commune', parent: '24', name: { vi: 'Phường Kinh Bắc' } };

function listing(areas: readonly Area[] = [province, commune]): { source: DataSource; asked: AreaQuery[] } {
  const asked: AreaQuery[] = [];
  return {
    asked,
    source: {
      id: 'listing',
      indicators: () => Promise.resolve([]),
      areas: (query) => {
        asked.push(query);
        return Promise.resolve(areas);
      },
      boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
      query: () => Promise.reject(new Error('not asked')),
    },
  };
}

class OwnHost extends LitElement {
  source?: DataSource;
  code?: string;
  readonly own = new OwnAreaController(this, { source: () => this.source, code: () => this.code });
}
customElements.define('test-own-area-host', OwnHost);

describe('area look-up', () => {
  it('knows what a source named already, and lists the rest once per source', async () => {
    const { source, asked } = listing();
    rememberAreas(source, [province, null, { code: 7 }]);
    expect(knownArea(source, '24')).to.equal(province);
    expect(await lookUpArea(source, '24')).to.equal(province);
    expect(asked).to.deep.equal([]);
    const [a, b] = await Promise.all([lookUpArea(source, '25111'), lookUpArea(source, '99999')]);
    expect(a).to.equal(commune);
    expect(b).to.equal(undefined);
    expect(asked).to.deep.equal([{}]);
  });

  it('OwnAreaController is pending while it looks the area up, then renders the host again', async () => {
    const { source } = listing();
    const host = await fixture<OwnHost>(html`<test-own-area-host></test-own-area-host>`);
    expect(host.own.pending).to.be.false;
    host.source = source;
    host.code = '25111';
    expect(host.own.pending).to.be.true;
    await waitUntil(() => !host.own.pending, 'the look-up never ended');
    expect(host.own.area?.level).to.equal('commune');
    host.code = '24';
    expect(host.own.pending).to.be.false;
    expect(host.own.area?.level).to.equal('province');
  });
});
