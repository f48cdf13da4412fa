/**
 * Records the demo source's answers to the characterisation queries into demo-results.json.
 * Not a test (its name does not end in `.test.ts`): run it only to record a deliberate change of
 * the demo's numbers, which moves every story's pixels too:
 *   npx web-test-runner --config web-test-runner.config.mjs --files packages/data/src/sources/demo/characterisation/record-snapshot.ts
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { createDemoSource } from '../demo-source.js';
import { plainResult, sha256, snapshotQueries, SNAPSHOT_NOW, SNAPSHOT_SEED } from './queries.js';

it('records the demo source’s answers', async function () {
  this.timeout(300_000);
  const demo = createDemoSource({ seed: SNAPSHOT_SEED, now: SNAPSHOT_NOW });
  // An old commune whose code is not one of today's, so it is answered through its successors.
  const today = new Set((await demo.areas({ level: 'commune', parent: '90' })).map((area) => area.code));
  const oldCommune = (await demo.areas({ level: 'commune', parent: '901', at: '2024-05-10' })).find((area) => !today.has(area.code));
  if (!oldCommune) throw new Error('no old commune under 901');
  const lines: string[] = [];
  for (const query of snapshotQueries(oldCommune.code)) lines.push(JSON.stringify({ query, result: await plainResult(await demo.query(query), sha256) }));
  const server = await executeServerCommand<{ id: string }, { module: string }>('test-server:start', { module: 'packages/data/src/sources/demo/characterisation/record.test-server.mjs' });
  await executeServerCommand('test-server:call', { id: server.id, method: 'write', args: [`{"oldCommune":${JSON.stringify(oldCommune.code)},"answers":[\n${lines.join(',\n')}\n]}\n`] });
  await executeServerCommand('test-server:stop', { id: server.id });
});
