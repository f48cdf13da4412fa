import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { MAX_WARNINGS, WarningCollector, mergeWarnings, readValue, withWarnings } from './warnings.js';

describe('warnings', () => {
  it('aggregates repeats of one entity + field + code into one warning with a count, keeping the first message', () => {
    const warnings = new WarningCollector();
    warnings.add({ code: 'invalid-value', entity: 'urn:a', field: 'pm25', message: 'urn:a pm25: "NaN" is not a number; read as a gap' });
    warnings.add({ code: 'invalid-value', entity: 'urn:a', field: 'pm25', message: 'urn:a pm25: "n/a" is not a number; read as a gap' });
    warnings.add({ code: 'invalid-value', entity: 'urn:a', field: 'pm10', message: 'urn:a pm10: null is not a number; read as a gap', count: 3 });
    warnings.add({ code: 'missing-time', entity: 'urn:a', field: 'pm25', message: 'urn:a pm25: no time; skipped' });
    expect(warnings.list()).to.deep.equal([
      { code: 'invalid-value', entity: 'urn:a', field: 'pm25', count: 2, message: 'urn:a pm25: "NaN" is not a number; read as a gap' },
      { code: 'invalid-value', entity: 'urn:a', field: 'pm10', count: 3, message: 'urn:a pm10: null is not a number; read as a gap' },
      { code: 'missing-time', entity: 'urn:a', field: 'pm25', count: 1, message: 'urn:a pm25: no time; skipped' },
    ]);
    expect(new WarningCollector().list()).to.equal(undefined);
  });

  it('caps the list at MAX_WARNINGS, the last entry counting every value left off; a million bad values stay a short list', () => {
    const warnings = new WarningCollector();
    for (let i = 0; i < 1_000_000; i++) warnings.add({ code: 'invalid-value', entity: `urn:station:${i % 5000}`, field: 'pm25', message: `urn:station:${i % 5000} pm25: bad` });
    const list = warnings.list()!;
    expect(list).to.have.length(MAX_WARNINGS);
    expect(list.slice(0, MAX_WARNINGS - 1).every((w) => w.code === 'invalid-value' && w.count === 200)).to.equal(true);
    const more = list[MAX_WARNINGS - 1]!;
    expect(more.code).to.equal('more');
    expect(more.count).to.equal(1_000_000 - 19 * 200);
    expect(more.message).to.equal(`…and ${1_000_000 - 19 * 200} more values skipped or read as gaps (other entities or fields; the list stops at 20).`);
  });

  it('merges parts by summing counts, or by the larger count for parts that read the same records; withWarnings marks partial', () => {
    const a = [{ code: 'invalid-value' as const, entity: 'x', field: 'v', count: 2, message: 'x v: bad' }];
    const b = [{ code: 'invalid-value' as const, entity: 'x', field: 'v', count: 3, message: 'x v: bad again' }, { code: 'more' as const, count: 4, message: '…' }];
    expect(mergeWarnings([a, b])).to.deep.equal([{ ...a[0], count: 5 }, { code: 'more', count: 4, message: '…and 4 more values skipped or read as gaps (other entities or fields; the list stops at 20).' }]);
    expect(mergeWarnings([a, b], 'max')![0]!.count).to.equal(3);
    expect(mergeWarnings([undefined, []])).to.equal(undefined);
    const result = { partial: false, value: 1 };
    expect(withWarnings(result, undefined)).to.equal(result);
    expect(withWarnings(result, a)).to.deep.equal({ partial: true, value: 1, warnings: a });
  });

  it('reads values: numbers and numeric text; null and "" quiet gaps; "NaN", text, objects, Infinity and out-of-range gaps with a reason', () => {
    expect(readValue(35.2)).to.deep.equal({ value: 35.2 });
    expect(readValue(' 35,2 ')).to.deep.equal({ value: 35.2 });
    expect(readValue('1e3')).to.deep.equal({ value: 1000 });
    expect(readValue(null).value).to.be.NaN;
    expect(readValue(null).problem).to.equal(undefined);
    expect(readValue('').problem).to.equal(undefined);
    expect(readValue(Number.NaN).problem).to.equal(undefined);
    expect(readValue('NaN').problem).to.deep.equal({ code: 'invalid-value', message: '"NaN" is not a number; read as a gap' });
    expect(readValue('n/a').problem?.code).to.equal('invalid-value');
    expect(readValue({ value: 3 }).problem?.message).to.equal('an object is not a number; read as a gap');
    expect(readValue(true).problem?.message).to.equal('true is not a number; read as a gap');
    expect(readValue(Number.POSITIVE_INFINITY).problem?.message).to.equal('Infinity is not a finite number; read as a gap');
    expect(readValue('1e999').problem?.code).to.equal('invalid-value');
    expect(readValue(-1, { min: 0 }, 'environment.pm25').problem).to.deep.equal({ code: 'out-of-range', message: '-1 is outside the plausible range of environment.pm25 (0 to ∞); read as a gap' });
    expect(readValue('<img src=x onerror=alert(1)>').problem?.message).to.equal('"<img src=x onerror=alert(1)>" is not a number; read as a gap');
  });

  it('never yields a non-finite value, and always says why it made a gap of something that was there (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.double(), fc.string(), fc.constantFrom('NaN', 'Infinity', '-', 'n/a', '1e999', ' 12,5 ')), (input) => {
        const reading = readValue(input, { min: 0, max: 1000 });
        expect(Number.isNaN(reading.value) || Number.isFinite(reading.value)).to.equal(true);
        const quiet = input === null || input === undefined || (typeof input === 'string' && input.trim() === '') || (typeof input === 'number' && Number.isNaN(input));
        if (Number.isNaN(reading.value) && !quiet) expect(reading.problem, typeof input).to.not.equal(undefined);
        if (reading.problem) expect(reading.problem.message.length).to.be.at.most(200);
      }),
    );
  });
});
