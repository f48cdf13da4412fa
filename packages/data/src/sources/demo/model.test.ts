import { expect } from '@open-wc/testing';
import { createDemoSource } from './demo-source.js';

const NOW = '2026-11-24T10:00:00+07:00';

async function onTime(seed: number, grain: 'day' | 'month'): Promise<number[]> {
  const demo = createDemoSource({ seed, now: NOW });
  const result = await demo.query({ kind: 'by-area', indicator: 'governance.dossiers-on-time', level: 'commune', parent: '90', grain });
  return result.rows.map((row) => row.value).filter((value): value is number => value !== null).sort((a, b) => b - a);
}

describe('demo model: dossiers on time across communes', function () {
  this.timeout(60_000);

  it('spreads communes as a real province does (about 85–100 %), with offices that had no late dossier at 100 %', async () => {
    const month = await onTime(2025, 'month');
    expect(month.length).to.be.at.least(90);
    const median = month[Math.floor(month.length / 2)]!;
    // Most offices are well above the 95 % target, the best at 100 %, a few struggle.
    expect(month[0]).to.equal(100);
    expect(median).to.be.within(96, 99.5);
    expect(month.at(-1)!).to.be.within(70, 92);
    expect(month.filter((value) => value < 95).length).to.be.within(3, 40);
    // Not a wall of 99s: the best ten span values a ranking can tell apart.
    expect(new Set(month.slice(0, 10)).size).to.be.at.least(3);
    // A day's counts are small: many offices have no late dossier that day.
    const day = await onTime(2025, 'day');
    expect(day.filter((value) => value === 100).length).to.be.above(10);
    expect(day.every((value) => value >= 0 && value <= 100)).to.equal(true);
  });

  it('gives the same data for the same seed, and other data for another', async () => {
    expect(await onTime(2025, 'month')).to.deep.equal(await onTime(2025, 'month'));
    expect(await onTime(7, 'month')).to.not.deep.equal(await onTime(2025, 'month'));
  });
});
