import { expect } from '@open-wc/testing';
import type { Query } from '../../../contract/query.js';
import { createDemoSource } from '../demo-source.js';
import { plainResult, sha256, snapshotQueries, SNAPSHOT_NOW, SNAPSHOT_SEED } from './queries.js';

interface Recorded {
  oldCommune: string;
  answers: { query: Query; result: unknown }[];
}

describe('demo source characterisation (answers recorded before it moved behind the domain adapter)', function () {
  this.timeout(120_000);

  it('answers every recorded query exactly as recorded', async () => {
    const recorded = (await (await fetch(new URL('./demo-results.json', import.meta.url))).json()) as Recorded;
    const queries = snapshotQueries(recorded.oldCommune);
    expect(queries).to.deep.equal(recorded.answers.map((answer) => answer.query));
    const demo = createDemoSource({ seed: SNAPSHOT_SEED, now: SNAPSHOT_NOW });
    const differences: string[] = [];
    for (const [index, answer] of recorded.answers.entries()) {
      const result = await plainResult(await demo.query(answer.query), sha256);
      if (JSON.stringify(result) !== JSON.stringify(answer.result)) differences.push(`#${index} ${JSON.stringify(answer.query)}`);
    }
    expect(differences, `${differences.length} answers differ:\n${differences.slice(0, 20).join('\n')}`).to.deep.equal([]);
  });
});
