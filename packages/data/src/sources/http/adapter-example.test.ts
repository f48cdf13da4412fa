/**
 * docs/adapters.md shows a portal developer connecting their own API in under 50 lines. That
 * code is adapter-example.ts, verbatim (checked here), and it runs against a real server.
 */
import { expect } from '@open-wc/testing';
import { startTestServer, type TestServer } from '../../../../../tests/support/server.js';
import { createProvinceAir } from './adapter-example.js';

describe('docs/adapters.md example', function () {
  // The example imports the whole package entry; on a loaded CI machine that first load is slow.
  this.timeout(30_000);
  let server: TestServer;
  before(async () => {
    server = await startTestServer('packages/data/src/sources/http/adapter-example.test-server.mjs');
  });
  after(async () => {
    await server.stop();
  });

  it('is the code of adapter-example.ts, verbatim, and under 50 lines', async () => {
    const { doc, example } = await server.call<{ doc: string; example: string }>('texts');
    const block = /```ts adapter-example\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block, 'a ```ts adapter-example block in docs/adapters.md').to.be.a('string');
    expect(block).to.equal(example);
    expect(example.trimEnd().split('\n').length).to.be.lessThan(50);
  });

  it('answers a KPI, a series and a map from the province API', async () => {
    const air = createProvinceAir(server.url);
    // 09:00 Vietnam time is 02:00 UTC: the hour holds 40.8 µg/m³ in 27001.
    const kpi = await air.query({ kind: 'kpi', indicator: 'environment.pm25', area: '27001', grain: 'hour', at: '2026-11-24T02:30:00Z' });
    expect(kpi.value).to.equal(40.8);
    expect(kpi.previous).to.equal(35.2);
    expect(kpi.unit.label.vi).to.equal('µg/m³');
    const series = await air.query({ kind: 'series', indicator: 'environment.aqi', areas: ['27001', '27004'], grain: 'hour', from: '2026-11-24T01:00:00Z', to: '2026-11-24T03:00:00Z' });
    expect(series.series.map((one) => Array.from(one.v))).to.deep.equal([
      [99, 104],
      [Number.NaN, 80],
    ]);
    const map = await air.query({ kind: 'by-area', indicator: 'environment.pm25', level: 'commune', parent: '27', grain: 'hour', at: '2026-11-24T01:30:00Z' });
    expect(map.rows.map((row) => [row.area, row.value])).to.deep.equal([
      ['27001', 35.2],
      ['27004', 20],
    ]);
  });
});
