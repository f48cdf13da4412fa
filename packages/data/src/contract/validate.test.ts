import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { IocDataError, ValidationError } from './errors.js';
import { cleanText, readNumber, validateAlert, validateByArea, validateKpi, validateSeries } from './validate.js';
import type { DataWarningInput } from './warnings.js';

function validationPath(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(ValidationError);
    return (error as ValidationError).path;
  }
  throw new Error('expected a ValidationError');
}

describe('validators', () => {
  it('sorts a series, keeps the last of duplicate timestamps and turns bad numbers into gaps', () => {
    const series = validateSeries({
      area: '90',
      t: ['2026-01-03T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-03T00:00:00Z', 'not a date', '2026-01-02T00:00:00Z'],
      v: [1, '2,5', 3, 4, null],
    });
    expect([...series.t].map((t) => new Date(t).toISOString().slice(0, 10))).to.deep.equal(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(series.v[0]).to.equal(2.5);
    expect(series.v[1]).to.be.NaN;
    expect(series.v[2]).to.equal(3);
    expect(series.t).to.be.instanceOf(Float64Array);
  });

  it('reads points as objects or pairs and applies a plausible range', () => {
    const series = validateSeries({ area: 90, points: [{ time: 1000, value: 5 }, [2000, -3], { t: 3000, v: 'NaN' }] }, 'series', { range: { min: 0 } });
    expect(series.area).to.equal('90');
    expect(series.v[0]).to.equal(5);
    expect(series.v[1]).to.be.NaN;
    expect(series.v[2]).to.be.NaN;
  });

  it('rejects wrong types with the path of the field', () => {
    expect(validationPath(() => validateSeries({ area: '90', t: 'x', v: [] }))).to.equal('series.t');
    expect(validationPath(() => validateSeries({ area: '90', t: [1, 2], v: [1, { evil: true }] }))).to.equal('series.v[1]');
    expect(validationPath(() => validateSeries({ t: [], v: [] }))).to.equal('series.area');
    expect(validationPath(() => validateKpi({ indicator: 'nope', area: '90' }))).to.equal('kpi.indicator');
    expect(validationPath(() => validateByArea({ level: 'commune', indicator: 'environment.aqi', rows: 'none' }))).to.equal('byArea.rows');
    expect(validationPath(() => validateAlert({ id: 'a', severity: 'apocalyptic', domain: 'environment', start: '2026-01-01' }))).to.equal('alert.severity');
    expect(validationPath(() => validateAlert({ id: 'a', severity: 'high', domain: 'environment' }))).to.equal('alert.start');
  });

  it('one bad row or value is a gap or a skipped row with a warning, never a rejection (these used to throw)', () => {
    const kpi = validateKpi({ indicator: 'environment.aqi', area: '90', value: true, previous: 'n/a', observedAt: 'soon' });
    expect(kpi).to.deep.include({ value: null, previous: null, partial: true });
    expect(kpi.observedAt).to.equal(undefined);
    expect(kpi.warnings?.map((w) => [w.code, w.entity, w.field])).to.deep.equal([
      ['invalid-value', 'kpi', 'value'],
      ['invalid-value', 'kpi', 'previous'],
      ['invalid-time', 'kpi', 'observedAt'],
    ]);
    expect(kpi.warnings?.[0]?.message).to.equal('kpi value: true is not a number; read as a gap');
    const byArea = validateByArea({ level: 'commune', indicator: 'environment.aqi', rows: [{ value: 1 }, 'x', { area: 'a', value: 'NaN' }, { area: 'b', value: 2, observedAt: {} }, { area: 'c', value: 3 }] });
    expect(byArea.rows).to.deep.equal([{ area: 'a', value: null }, { area: 'b', value: 2 }, { area: 'c', value: 3 }]);
    expect(byArea.partial).to.equal(true);
    expect(byArea.warnings?.map((w) => [w.code, w.entity, w.field])).to.deep.equal([
      ['missing-area', 'byArea.rows[0]', 'area'],
      ['invalid-record', 'byArea.rows[1]', undefined],
      ['invalid-value', 'byArea.rows[2]', 'value'],
      ['invalid-time', 'byArea.rows[3]', 'observedAt'],
    ]);
    // A series is strict unless given somewhere to report: then bad points are skipped or gaps.
    const warnings: DataWarningInput[] = [];
    const series = validateSeries({ area: '90', points: [[1000, 1], 'x', [2000, { evil: true }], [null, 3], [4000, '4']] }, 'series', { warn: (w) => warnings.push(w) });
    expect(Array.from(series.t)).to.deep.equal([1000, 2000, 4000]);
    expect(Array.from(series.v)).to.deep.equal([1, Number.NaN, 4]);
    expect(warnings.map((w) => [w.code, w.entity, w.field])).to.deep.equal([
      ['invalid-record', 'series.points[1]', undefined],
      ['invalid-value', 'series.points[2]', 'v'],
      ['missing-time', 'series.points[3]', 't'],
    ]);
    const fine = validateKpi({ indicator: 'environment.aqi', area: '90', value: 42 });
    expect(fine.warnings).to.equal(undefined);
    expect(fine.partial).to.equal(false);
  });

  it('validates a KPI: non-finite values become null, times become ISO', () => {
    const kpi = validateKpi({ indicator: 'environment.aqi', area: '90', unit: 'ug/m3', value: 'Infinity', previous: 42, observedAt: '2026-11-24T10:00' });
    expect(kpi.value).to.equal(null);
    expect(kpi.previous).to.equal(42);
    expect(kpi.unit).to.deep.equal({ code: 'ug/m3', system: 'none', label: { vi: 'ug/m3' } });
    expect(kpi.observedAt).to.equal('2026-11-24T03:00:00.000Z');
  });

  it('validates by-area rows: a repeated area keeps its last row', () => {
    const result = validateByArea({ level: 'commune', indicator: 'environment.aqi', rows: [{ area: 'a', value: 1 }, { area: 'b', value: Number.NaN }, { area: 'a', value: 3 }] });
    expect(result.rows).to.deep.equal([{ area: 'b', value: null }, { area: 'a', value: 3 }]);
  });

  it('maps FIWARE alert fields and keeps hostile text as plain text', () => {
    const hostile = '<img src=x onerror=alert(1)>\u0000\u0007 Ngập';
    const alert = validateAlert(
      { id: 'x', severity: 'Warning', category: 'weather', dateIssued: '2026-11-24T08:00:00+07:00', validTo: '2026-11-24T12:00:00+07:00', description: hostile, alertSource: 'station 7', location: { type: 'Point', coordinates: [107.1, '19.2'] } },
      'alert',
      { domain: 'environment' },
    );
    expect(alert.severity).to.equal('medium');
    expect(alert.description).to.equal('<img src=x onerror=alert(1)> Ngập');
    expect(alert.start).to.equal('2026-11-24T01:00:00.000Z');
    expect(alert.end).to.equal('2026-11-24T05:00:00.000Z');
    expect(alert.status).to.equal('open');
    expect(alert.source).to.equal('station 7');
    expect(alert.location?.coordinates).to.deep.equal([107.1, 19.2]);
    expect(cleanText('x'.repeat(5000)).length).to.equal(2000);
  });

  it('reads numbers leniently but never lets NaN or Infinity through', () => {
    expect(readNumber('12.5', 'x')).to.equal(12.5);
    expect(readNumber(' 1e3 ', 'x')).to.equal(1000);
    expect(readNumber(null, 'x')).to.be.NaN;
    expect(readNumber(Number.NEGATIVE_INFINITY, 'x')).to.be.NaN;
    expect(readNumber(-5, 'x', { min: 0 })).to.be.NaN;
  });

  it('never throws anything but ValidationError, on any input (property)', () => {
    const anything = fc.anything({ withNullPrototype: true, withBigInt: false, withTypedArray: true, withSparseArray: true });
    const numberish = fc.oneof(fc.double(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY), fc.constant(1e308), fc.constant(-1e308), fc.constant(null), fc.string(), fc.integer());
    const timeish = fc.oneof(fc.integer({ min: -1e15, max: 1e15 }), fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'bad' : d.toISOString())), fc.string(), fc.constant(null));
    const expectOnlyValidation = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error, String(error)).to.be.instanceOf(ValidationError);
      }
    };
    fc.assert(
      fc.property(anything, (input) => {
        expectOnlyValidation(() => validateSeries(input));
        expectOnlyValidation(() => {
          const kpi = validateKpi(input);
          for (const value of [kpi.value, kpi.previous, kpi.sameLastYear, kpi.target]) if (value !== null && value !== undefined) expect(Number.isFinite(value)).to.be.true;
          if (kpi.warnings) expect(kpi.partial).to.be.true;
        });
        expectOnlyValidation(() => {
          const byArea = validateByArea(input);
          for (const row of byArea.rows) if (row.value !== null) expect(Number.isFinite(row.value)).to.be.true;
          if (byArea.warnings) expect(byArea.partial).to.be.true;
        });
        expectOnlyValidation(() => validateAlert(input));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(timeish, numberish), { maxLength: 40 }), (points) => {
        try {
          const series = validateSeries({ area: '90', t: points.map((p) => p[0]), v: points.map((p) => p[1]) });
          for (let i = 1; i < series.t.length; i++) expect(series.t[i]!).to.be.greaterThan(series.t[i - 1]!);
          for (const value of series.v) expect(Number.isNaN(value) || Number.isFinite(value)).to.be.true;
        } catch (error) {
          expect(error).to.be.instanceOf(IocDataError);
          expect((error as ValidationError).path).to.match(/^series\.v\[\d+\]$/);
        }
      }),
    );
  });
});
