import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Aggregation } from './catalogue.js';
import { aggregate, bucketSeries, combineSeries } from './aggregate.js';
import { ValidationError } from './errors.js';
import type { TimeGrain } from './query.js';

const HOUR = 3_600_000;
const local = (text: string) => Date.parse(`${text}+07:00`);

describe('aggregate', () => {
  it('combines with each aggregation and skips gaps', () => {
    const values = [3, Number.NaN, 1, Number.POSITIVE_INFINITY, 2];
    expect(aggregate(values, 'sum')).to.equal(6);
    expect(aggregate(values, 'mean')).to.equal(2);
    expect(aggregate(values, 'max')).to.equal(3);
    expect(aggregate(values, 'min')).to.equal(1);
    expect(aggregate(values, 'last')).to.equal(2);
    expect(aggregate([10, 20], 'weighted-mean', [3, 1])).to.equal(12.5);
    // Unusable weights fall back to the plain mean.
    expect(aggregate([10, 20], 'weighted-mean', [Number.NaN, -1])).to.equal(15);
    expect(aggregate([], 'sum')).to.be.NaN;
    expect(aggregate([Number.NaN], 'mean')).to.be.NaN;
  });

  it('gives NaN rather than Infinity when a sum overflows', () => {
    expect(aggregate([Number.MAX_VALUE, Number.MAX_VALUE], 'sum')).to.be.NaN;
  });
});

describe('bucketSeries', () => {
  it('re-grains hours into local days with the indicator aggregation', () => {
    const t: number[] = [];
    const v: number[] = [];
    for (let h = 0; h < 48; h++) {
      t.push(local('2026-11-23T00:00:00') + h * HOUR);
      v.push(h < 24 ? 1 : 2);
    }
    const sums = bucketSeries(t, v, 'day', 'sum');
    expect([...sums.v]).to.deep.equal([24, 48]);
    expect(new Date(sums.t[0]!).toISOString()).to.equal('2026-11-22T17:00:00.000Z');
    expect([...bucketSeries(t, v, 'day', 'mean').v]).to.deep.equal([1, 2]);
    expect([...bucketSeries(t, v, 'week', 'max').v]).to.deep.equal([2]);
  });

  it('lists every period of the range, with NaN where there is no data', () => {
    const result = bucketSeries([local('2026-01-15T00:00:00')], [5], 'month', 'sum', { from: local('2026-01-01T00:00:00'), to: local('2026-04-01T00:00:00') });
    expect(result.v.length).to.equal(3);
    expect(result.v[0]).to.equal(5);
    expect(result.v[1]).to.be.NaN;
  });

  it('handles out-of-order points and duplicate timestamps (the later one is the last)', () => {
    const t = [local('2026-01-02T10:00:00'), local('2026-01-02T08:00:00'), local('2026-01-02T10:00:00')];
    expect([...bucketSeries(t, [1, 2, 3], 'day', 'last').v]).to.deep.equal([3]);
    expect([...bucketSeries(t, [1, 2, 3], 'day', 'sum').v]).to.deep.equal([6]);
  });

  it('refuses a range with too many periods with a ValidationError', () => {
    expect(() => bucketSeries([], [], 'hour', 'sum', { from: 0, to: 100 * 365 * 24 * HOUR })).to.throw(ValidationError);
  });

  it('combines areas point by point', () => {
    const combined = combineSeries([[1, Number.NaN, 3], [1, Number.NaN, Number.NaN]], 'sum');
    expect(combined[0]).to.equal(2);
    expect(combined[1]).to.be.NaN;
    expect(combined[2]).to.equal(3);
  });

  it('never throws on hostile numbers; returns finite values or NaN (property)', () => {
    const hostile = fc.oneof(fc.double(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY), fc.constant(-1e308), fc.constant(1e308), fc.integer());
    const grains: TimeGrain[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];
    const aggregations: Aggregation[] = ['sum', 'mean', 'weighted-mean', 'last', 'max', 'min'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.integer({ min: 1.7e12, max: 1.8e12 }), fc.constant(Number.NaN), fc.constant(Number.NEGATIVE_INFINITY)), hostile), { maxLength: 60 }),
        fc.constantFrom(...grains.filter((g) => g !== 'hour')),
        fc.constantFrom(...aggregations),
        (points, grain, how) => {
          const result = bucketSeries(points.map((p) => p[0]), points.map((p) => p[1]), grain, how);
          for (const value of result.v) expect(Number.isNaN(value) || Number.isFinite(value)).to.be.true;
          for (let i = 1; i < result.t.length; i++) expect(result.t[i]!).to.be.greaterThan(result.t[i - 1]!);
          const single = aggregate(points.map((p) => p[1]), how, points.map((p) => p[0]));
          expect(Number.isNaN(single) || Number.isFinite(single)).to.be.true;
        },
      ),
    );
  });
});
