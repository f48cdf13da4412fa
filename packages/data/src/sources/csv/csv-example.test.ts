/**
 * docs/adapters.md shows a new source, a CSV file of observations, added as a fetcher and a
 * mapping in under 100 lines. That code is csv-example.ts, verbatim (checked here), and it runs
 * against a real server on 127.0.0.1, through the package entry as a portal would import it.
 */
import { expect } from '@open-wc/testing';
import { startTestServer, type TestServer } from '../../../../../tests/support/server.js';
import { createCsvObservations } from './csv-example.js';

describe('docs/adapters.md CSV example', function () {
  // The example imports the whole package entry; on a loaded CI machine that first load is slow.
  this.timeout(30_000);
  let server: TestServer;
  let file: string;
  before(async () => {
    server = await startTestServer('packages/data/src/sources/csv/csv-example.test-server.mjs');
    file = `${server.url}quan-trac/observations.csv`;
  });
  after(async () => {
    await server.stop();
  });

  it('is the code of csv-example.ts, verbatim, and under 100 lines', async () => {
    const { doc, example } = await server.call<{ doc: string; example: string }>('texts');
    const block = /```ts csv-example\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block, 'a ```ts csv-example block in docs/adapters.md').to.be.a('string');
    expect(block).to.equal(example);
    expect(example.trimEnd().split('\n').length).to.be.lessThan(100);
  });

  it('answers a series, a KPI and a map from the file, a bad value a gap and the short lines counted', async () => {
    const csv = createCsvObservations(file, ['environment.pm25', 'environment.aqi']);
    // 08:00 and 09:00 Vietnam time are 01:00 and 02:00 UTC.
    const series = await csv.query({ kind: 'series', indicator: 'environment.pm25', areas: ['27001', '27004'], grain: 'hour', from: '2026-11-24T01:00:00Z', to: '2026-11-24T03:00:00Z' });
    expect(series.series.map((one) => [one.area, Array.from(one.v)])).to.deep.equal([
      ['27001', [35.2, 40.8]],
      ['27004', [20, Number.NaN]],
    ]);
    expect(series.partial).to.equal(true);
    expect(series.warnings).to.deep.equal([
      { code: 'invalid-record', entity: file, field: 'line', count: 2, message: `${file}: line 6 has 3 fields, not 4; skipped` },
      { code: 'invalid-value', entity: `${file} 27004`, field: 'gia_tri', count: 1, message: `${file} 27004 gia_tri: "n/a" is not a number; read as a gap` },
    ]);
    const kpi = await csv.query({ kind: 'kpi', indicator: 'environment.aqi', area: '27004', grain: 'hour', at: '2026-11-24T02:30:00Z' });
    expect(kpi.value).to.equal(80);
    expect(kpi.previous).to.equal(null);
    const map = await csv.query({ kind: 'by-area', indicator: 'environment.pm25', level: 'commune', grain: 'hour', at: '2026-11-24T01:30:00Z' });
    expect(map.rows.map((row) => [row.area, row.value])).to.deep.equal([
      ['27001', 35.2],
      ['27004', 20],
    ]);
    // The file is read once per query (a KPI's three periods share the read) and revalidated with its ETag.
    const asked = await server.call<{ path: string; ifNoneMatch: string | null }[]>('requests');
    expect(asked).to.have.length(3);
    expect(asked.slice(1).every((entry) => entry.ifNoneMatch === '"v1"')).to.equal(true);
  });

  it('names the areas of each result from the communes it is given', async () => {
    const communes = [
      { code: '27001', level: 'commune' as const, name: { vi: 'Phường Một' }, parent: '27' },
      { code: '27004', level: 'commune' as const, name: { vi: 'Xã Bốn' }, parent: '27' },
    ];
    const csv = createCsvObservations(file, ['environment.pm25', 'environment.aqi'], communes);
    const series = await csv.query({ kind: 'series', indicator: 'environment.pm25', areas: ['27004', '27001'], grain: 'hour', from: '2026-11-24T01:00:00Z', to: '2026-11-24T03:00:00Z' });
    expect(series.areas?.map((area) => area.name.vi)).to.deep.equal(['Xã Bốn', 'Phường Một']);
    const kpi = await csv.query({ kind: 'kpi', indicator: 'environment.aqi', area: '27004', grain: 'hour', at: '2026-11-24T02:30:00Z' });
    expect(kpi.areas).to.deep.equal([communes[1]]);
  });
});
