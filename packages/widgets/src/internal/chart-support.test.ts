import { expect } from '@open-wc/testing';
import { ValidationError, type ByAreaResult, type KpiResult, type SeriesResult } from '@ioc-kit/data';
import { DefaultPeriod, checkByAreaResult, checkKpiResult, checkSeriesResult, splitCodes, yearPeriod } from './chart-support.js';

describe('chart support', () => {
  it('ends the default period with the period holding now, in province time', () => {
    const period = new DefaultPeriod();
    // 23:30 on 24 November in UTC is already 25 November in Vietnam.
    const now = Date.parse('2026-11-24T23:30:00Z');
    expect(period.get('day', 2, now)).to.deep.include({ from: '2026-11-23T17:00:00.000Z', to: '2026-11-25T17:00:00.000Z' });
    expect(period.get('month', 1, now)).to.deep.include({ from: '2026-10-31T17:00:00.000Z', to: '2026-11-30T17:00:00.000Z' });
    expect(period.get('day', 30, now, '2026-01-01', '2026-02-01')).to.deep.include({ from: '2026-01-01', to: '2026-02-01' });
  });

  it('gives the same object back within the same period, so a render does not query again', () => {
    const period = new DefaultPeriod();
    const first = period.get('day', 7, Date.parse('2026-11-24T01:00:00Z'));
    expect(period.get('day', 7, Date.parse('2026-11-24T09:00:00Z'))).to.equal(first);
    expect(period.get('day', 7, Date.parse('2026-11-24T18:00:00Z'))).to.not.equal(first);
  });

  it('writes a calendar year from midnight in Vietnam', () => {
    expect(yearPeriod(2026)).to.deep.equal({ from: '2025-12-31T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z' });
  });

  it('rejects results a source got wrong, naming the field', () => {
    const series = { kind: 'series', series: [{ area: '24', t: [1, 2], v: [1] }] } as unknown as SeriesResult;
    expect(() => checkSeriesResult(series)).to.throw(ValidationError, '`t` has 2 times but `v` has 1 values');
    expect(() => checkSeriesResult({ kind: 'series', series: [{ area: '24', t: new Float64Array(1), v: new Float64Array(1) }] } as unknown as SeriesResult)).to.not.throw();
    expect(() => checkByAreaResult({ rows: [{ area: 24, value: 1 }] } as unknown as ByAreaResult)).to.throw(ValidationError, 'expected an area code');
    expect(() => checkKpiResult({ value: Number.NaN } as unknown as KpiResult)).to.throw(ValidationError, 'expected a finite number or null, got NaN');
    expect(() => checkKpiResult({ value: null } as unknown as KpiResult)).to.not.throw();
  });

  it('splits area codes on spaces and commas', () => {
    expect(splitCodes(' 24, 25111  01 ')).to.deep.equal(['24', '25111', '01']);
    expect(splitCodes(undefined)).to.deep.equal([]);
  });
});
