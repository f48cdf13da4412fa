import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { Area, AreaQuery, ByAreaResult, DataSource } from '@ioc-kit/data';
import { AreaNamesController } from './area-names-controller.js';

const kinhBac: Area = { code: '25111', level: 'commune', parent: '24', name: { vi: 'Phường Kinh Bắc', en: 'Kinh Bac Ward' } };
const result = (areas?: readonly Area[]): ByAreaResult => ({
  kind: 'by-area',
  indicator: 'environment.aqi',
  level: 'commune',
  unit: { code: '1', system: 'none', label: { vi: '' } },
  rows: [{ area: '25111', value: 3 }],
  partial: false,
  ...(areas ? { areas } : {}),
});

function listing(): { source: DataSource; asked: AreaQuery[] } {
  const asked: AreaQuery[] = [];
  const source: DataSource = {
    id: 'listing',
    indicators: () => Promise.resolve([]),
    areas: (query) => {
      asked.push(query);
      return Promise.resolve([kinhBac]);
    },
    boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
    query: () => Promise.reject(new Error('not asked')),
  };
  return { source, asked };
}

class NamesHost extends LitElement {
  result?: ByAreaResult;
  source?: DataSource;
  changes = 0;
  readonly names = new AreaNamesController(this, {
    result: () => this.result,
    source: () => this.source,
    fallback: () => ({ level: 'commune', parent: '24' }),
    onChange: () => this.changes++,
  });
}
customElements.define('test-names-host', NamesHost);

describe('AreaNamesController', () => {
  it('names areas from the result, asking the source nothing', async () => {
    const { source, asked } = listing();
    const host = await fixture<NamesHost>(html`<test-names-host .source=${source}></test-names-host>`);
    host.result = result([kinhBac]);
    host.requestUpdate();
    await host.updateComplete;
    expect(host.names.nameOf('25111', 'vi')).to.equal('Phường Kinh Bắc');
    expect(host.names.nameOf('25111', 'en')).to.equal('Kinh Bac Ward');
    expect(host.names.area('25111')?.level).to.equal('commune');
    expect(host.names.nameOf('25111', 'vi', { '25111': 'Kinh Bắc' })).to.equal('Kinh Bắc');
    expect(host.names.nameOf('99999', 'vi')).to.equal('99999');
    expect(asked).to.deep.equal([]);
  });

  it('falls back to one areas query for a result without areas', async () => {
    const { source, asked } = listing();
    const host = await fixture<NamesHost>(html`<test-names-host .source=${source}></test-names-host>`);
    expect(asked).to.deep.equal([], 'nothing is asked before there is a result');
    host.result = result();
    host.requestUpdate();
    await host.updateComplete;
    await waitUntil(() => host.names.nameOf('25111', 'vi') === 'Phường Kinh Bắc', 'the fallback names never arrived');
    expect(host.changes).to.equal(1);
    host.result = result();
    host.requestUpdate();
    await host.updateComplete;
    expect(asked).to.deep.equal([{ level: 'commune', parent: '24' }], 'asked once per source and query');
  });
});
