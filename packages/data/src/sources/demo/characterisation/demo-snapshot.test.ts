import { expect } from '@open-wc/testing';
import type { Query } from '../../../contract/query.js';
import { createDemoSource } from '../demo-source.js';
import { plainResult, sha256, snapshotQueries, SNAPSHOT_NOW, SNAPSHOT_SEED } from './queries.js';

interface Recorded {
  oldCommune: string;
  answers: { query: Query; result: unknown }[];
}

/**
 * Recorded answers that were wrong, and are tested below instead: a map of the province level
 * listed no row (the old demo looked for provinces under province 90), and alerts asked for by
 * the province, a district or an old commune came back empty (the old demo picked the right
 * communes, then kept only alerts whose area was the code asked for).
 */
function isFixed(query: Query): boolean {
  return (query.kind === 'by-area' && query.level === 'province') || (query.kind === 'alerts' && query.area !== undefined && query.area !== '90001');
}

/** Where two JSON values first differ, as a path and both texts (clipped). */
function describeDifference(expected: unknown, actual: unknown, path = ''): string {
  if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    for (const key of keys) {
      const a = (expected as Record<string, unknown>)[key];
      const b = (actual as Record<string, unknown>)[key];
      if (JSON.stringify(a) !== JSON.stringify(b)) return describeDifference(a, b, `${path}.${key}`);
    }
  }
  return `${path}: recorded ${JSON.stringify(expected)?.slice(0, 120)}, now ${JSON.stringify(actual)?.slice(0, 120)}`;
}

describe('demo source characterisation (answers recorded before it moved behind the domain adapter)', function () {
  this.timeout(120_000);

  it('answers every recorded query exactly as recorded', async () => {
    const recorded = (await (await fetch(new URL('./demo-results.json', import.meta.url))).json()) as Recorded;
    const queries = snapshotQueries(recorded.oldCommune);
    expect(queries).to.deep.equal(recorded.answers.map((answer) => answer.query));
    const demo = createDemoSource({ seed: SNAPSHOT_SEED, now: SNAPSHOT_NOW });
    const differences: string[] = [];
    const fixed: Query[] = [];
    for (const [index, answer] of recorded.answers.entries()) {
      if (isFixed(answer.query)) {
        fixed.push(answer.query);
        continue;
      }
      const result = (await plainResult(await demo.query(answer.query), sha256)) as { rows?: { observedAt?: string }[] };
      // Rows say when each was observed, as every source's rows do now; the recorded ones did not.
      for (const row of result.rows ?? []) delete row.observedAt;
      if (JSON.stringify(result) !== JSON.stringify(answer.result)) differences.push(`#${index} ${JSON.stringify(answer.query)}: ${describeDifference(answer.result, result)}`);
    }
    expect(fixed).to.have.length(14 + 3);
    expect(differences, `${differences.length} answers differ:\n${differences.slice(0, 20).join('\n')}`).to.deep.equal([]);
  });

  it('maps the province level to the province’s own value', async () => {
    const demo = createDemoSource({ seed: SNAPSHOT_SEED, now: SNAPSHOT_NOW });
    for (const indicator of ['environment.pm25', 'economy.budget-revenue', 'living.streetlight-faults'] as const) {
      const map = await demo.query({ kind: 'by-area', indicator, level: 'province', grain: 'quarter' });
      const kpi = await demo.query({ kind: 'kpi', indicator, area: '90', grain: 'quarter' });
      expect(map.rows.map((row) => [row.area, row.value])).to.deep.equal([['90', kpi.value]]);
      expect(map.observedAt).to.equal(kpi.observedAt);
    }
  });

  it('finds the alerts of the province, of a district and of an old commune on the communes they became', async () => {
    const demo = createDemoSource({ seed: SNAPSHOT_SEED, now: SNAPSHOT_NOW });
    const all = await demo.query({ kind: 'alerts', from: '2025-01-01' });
    expect((await demo.query({ kind: 'alerts', from: '2025-01-01', area: '90' })).alerts).to.deep.equal(all.alerts);
    const today = new Set((await demo.areas({ level: 'commune', parent: '90' })).map((area) => area.code));
    const oldCommunes = await demo.areas({ level: 'commune', parent: '901', at: '2024-05-10' });
    const became = (codes: readonly string[]) => new Set(oldCommunes.filter((c) => codes.includes(c.code)).flatMap((c) => (c.successors ?? []).map((s) => s.code)));
    for (const [area, wanted] of [
      ['901', became(oldCommunes.map((c) => c.code))],
      [oldCommunes.find((c) => !today.has(c.code))?.code ?? '', became(oldCommunes.filter((c) => !today.has(c.code)).slice(0, 1).map((c) => c.code))],
    ] as const) {
      const { alerts } = await demo.query({ kind: 'alerts', from: '2025-01-01', area });
      expect(alerts.length, area).to.be.greaterThan(0);
      expect(alerts, area).to.deep.equal(all.alerts.filter((alert) => wanted.has(alert.area ?? '')));
    }
  });
});
