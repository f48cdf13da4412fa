import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Area } from '../contract/areas.js';
import { indicatorById } from '../catalogue/index.js';
import { ancestorsOf, descendantsOf, filterAreas, predecessorsOf, reexpressRows, reexpressSeries, successorMap, successorsAt } from './areas.js';

const REORG = '2025-07-01';
/**
 * A small province: before July 2025 two districts and four communes (X was merged into B back in
 * 2020); after, two communes. A and B merged whole into A; C was split 40/60 between A and E.
 */
const LIST: Area[] = [
  { code: '10', level: 'province', name: { vi: 'Tỉnh Thử' } },
  { code: 'D1', level: 'district', name: { vi: 'Huyện Một' }, parent: '10', validTo: REORG },
  { code: 'D2', level: 'district', name: { vi: 'Huyện Hai' }, parent: '10', validTo: REORG },
  { code: 'X', level: 'commune', name: { vi: 'Xã Cũ' }, parent: 'D1', validTo: '2020-01-01', successors: [{ code: 'B', share: 1 }] },
  { code: 'A', level: 'commune', name: { vi: 'Xã A cũ' }, parent: 'D1', validTo: REORG, successors: [{ code: 'A', share: 1 }], population: 100 },
  { code: 'B', level: 'commune', name: { vi: 'Xã B' }, parent: 'D1', validTo: REORG, successors: [{ code: 'A', share: 1 }], population: 100 },
  { code: 'C', level: 'commune', name: { vi: 'Xã C' }, parent: 'D2', validTo: REORG, successors: [{ code: 'A', share: 0.4 }, { code: 'E', share: 0.6 }], population: 200 },
  { code: 'A', level: 'commune', name: { vi: 'Xã A mới' }, parent: '10', validFrom: REORG },
  { code: 'E', level: 'commune', name: { vi: 'Xã E' }, parent: '10', validFrom: REORG },
];
const codes = (areas: readonly Area[]) => areas.map((a) => a.code);

describe('areas', () => {
  it('lists districts and old communes only for dates before the reorganisation', () => {
    expect(codes(filterAreas(LIST, { level: 'district', at: '2024-06-01' }))).to.deep.equal(['D1', 'D2']);
    expect(codes(filterAreas(LIST, { level: 'district', at: '2026-01-01' }))).to.deep.equal([]);
    expect(codes(filterAreas(LIST, { level: 'commune', parent: '10', at: '2024-06-01' }))).to.deep.equal(['A', 'B', 'C']);
    expect(codes(filterAreas(LIST, { level: 'commune', parent: '10', at: '2026-01-01' }))).to.deep.equal(['A', 'E']);
    expect(filterAreas(LIST, { level: 'commune', at: '2026-01-01' }).find((a) => a.code === 'A')?.name.vi).to.equal('Xã A mới');
    expect(codes(filterAreas(LIST, { level: 'commune', at: '2019-06-01' }))).to.deep.equal(['A', 'B', 'C', 'X']);
  });

  it('gives direct children without a level, whatever lies between otherwise', () => {
    expect(codes(filterAreas(LIST, { parent: '10', at: '2024-06-01' }))).to.deep.equal(['D1', 'D2']);
    expect(codes(filterAreas(LIST, { parent: '10', at: '2026-01-01' }))).to.deep.equal(['A', 'E']);
    expect(codes(filterAreas(LIST, { parent: 'D2', at: '2024-06-01' }))).to.deep.equal(['C']);
    expect(ancestorsOf(LIST, 'C', '2024-06-01')).to.deep.equal(['D2', '10']);
    expect(ancestorsOf(LIST, 'A', '2026-01-01')).to.deep.equal(['10']);
    expect(descendantsOf(LIST, 'D1').sort()).to.deep.equal(['A', 'B', 'X']);
  });

  it('maps old codes onto today’s units with shares, following chains of merges', () => {
    expect(successorsAt(LIST, 'B', '2026-01-01')).to.deep.equal([{ code: 'A', share: 1 }]);
    expect(successorsAt(LIST, 'C', '2026-01-01')).to.deep.equal([{ code: 'A', share: 0.4 }, { code: 'E', share: 0.6 }]);
    expect(successorsAt(LIST, 'X', '2026-01-01')).to.deep.equal([{ code: 'A', share: 1 }]);
    // At a date when the unit exists it stands for itself.
    expect(successorsAt(LIST, 'C', '2024-01-01')).to.deep.equal([{ code: 'C', share: 1 }]);
    expect(successorsAt(LIST, 'X', '2024-01-01')).to.deep.equal([{ code: 'B', share: 1 }]);
    expect(successorsAt(LIST, 'nowhere', '2026-01-01')).to.deep.equal([]);
    const map = successorMap(LIST, '2026-01-01');
    expect([...map.keys()].sort()).to.deep.equal(['B', 'C', 'D1', 'D2', 'X']);
  });

  it('maps today’s units back to the old units they came from', () => {
    expect(predecessorsOf(LIST, 'A', '2026-01-01')).to.deep.equal([{ code: 'X', share: 1 }, { code: 'B', share: 1 }, { code: 'C', share: 0.4 }]);
    expect(predecessorsOf(LIST, 'E', '2026-01-01')).to.deep.equal([{ code: 'C', share: 0.6 }]);
  });

  it('re-expresses additive rows by splitting old values by share (totals are kept)', () => {
    const accidents = indicatorById('mobility.accidents')!;
    const rows = reexpressRows([{ area: 'A', value: 10 }, { area: 'B', value: 5 }, { area: 'C', value: 100 }], LIST, accidents, { at: '2026-01-01' });
    expect(rows).to.deep.equal([{ area: 'A', value: 55 }, { area: 'E', value: 60 }]);
  });

  it('re-expresses means as weighted means (share × population)', () => {
    const aqi = indicatorById('environment.aqi')!;
    const weights = { A: 100, B: 100, C: 200 };
    const rows = reexpressRows([{ area: 'A', value: 10 }, { area: 'B', value: 20 }, { area: 'C', value: 40 }], LIST, aqi, { at: '2026-01-01', weights });
    expect(rows[0]?.area).to.equal('A');
    expect(rows[0]?.value).to.be.closeTo((10 * 100 + 20 * 100 + 40 * 80) / 280, 1e-9);
    expect(rows[1]).to.deep.equal({ area: 'E', value: 40 });
    // A gap stays a gap; it does not become 0.
    expect(reexpressRows([{ area: 'C', value: null }], LIST, aqi, { at: '2026-01-01' })).to.deep.equal([{ area: 'A', value: null }, { area: 'E', value: null }]);
  });

  it('re-expresses series point by point, aligning by timestamp', () => {
    const accidents = indicatorById('mobility.accidents')!;
    const series = reexpressSeries(
      [
        { area: 'B', t: [1, 2], v: [1, 2] },
        { area: 'C', t: [2, 3], v: [10, Number.NaN] },
      ],
      LIST,
      accidents,
      { at: '2026-01-01' },
    );
    expect(series.map((s) => s.area)).to.deep.equal(['A', 'E']);
    expect([...series[0]!.t]).to.deep.equal([1, 2, 3]);
    expect([...series[0]!.v].slice(0, 2)).to.deep.equal([1, 6]);
    expect(series[0]!.v[2]).to.be.NaN;
    expect(series[1]!.v[0]).to.be.NaN;
    expect(series[1]!.v[1]).to.equal(6);
  });

  it('never throws on hostile values, times or shares; gives finite numbers or gaps (property)', () => {
    const hostile = fc.oneof(fc.double(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY), fc.constant(-1e308), fc.constant(1e308));
    const code = fc.constantFrom('A', 'B', 'C', 'X', 'E', 'D1', 'nowhere', '');
    const weird: Area[] = [...LIST, { code: 'Q', level: 'commune', name: { vi: 'Q' }, validTo: '2020-01-01', successors: [{ code: 'Q', share: Number.NaN }, { code: 'A', share: -2 }, { code: 'R', share: Infinity }] }];
    fc.assert(
      fc.property(
        fc.array(fc.record({ area: code, value: fc.oneof(hostile, fc.constant(null)) }), { maxLength: 12 }),
        fc.array(fc.record({ area: code, t: fc.array(fc.oneof(fc.integer(), hostile), { maxLength: 8 }), v: fc.array(hostile, { maxLength: 8 }) }), { maxLength: 4 }),
        fc.constantFrom('mobility.accidents', 'environment.aqi', 'environment.water-level', 'citizens.unemployment'),
        (rows, series, id) => {
          const indicator = indicatorById(id)!;
          for (const row of reexpressRows(rows, weird, indicator, { at: '2026-01-01' })) expect(row.value === null || Number.isFinite(row.value)).to.be.true;
          for (const s of reexpressSeries(series, weird, indicator, { at: '2026-01-01' })) for (const v of s.v) expect(Number.isNaN(v) || Number.isFinite(v)).to.be.true;
        },
      ),
    );
  });
});
