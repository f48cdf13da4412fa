import { expect } from '@open-wc/testing';
import { ValidationError } from '../contract/errors.js';
import { parseInstant, parseNumber, readText } from './http-values.js';

describe('parseNumber', () => {
  it('reads numbers and numeric strings in both notations', () => {
    expect(parseNumber(12.5, 'x')).to.equal(12.5);
    expect(parseNumber('1.234,5', 'x')).to.equal(1234.5);
    expect(parseNumber('1,234.5', 'x')).to.equal(1234.5);
    expect(parseNumber('12,5', 'x')).to.equal(12.5);
    expect(parseNumber('1.234.567', 'x')).to.equal(1234567);
    expect(parseNumber('1 234 567,8', 'x')).to.equal(1234567.8);
    expect(parseNumber('-3e2', 'x')).to.equal(-300);
    expect(parseNumber('87,5 %', 'x')).to.equal(87.5);
    expect(parseNumber({ '@type': 'Number', '@value': '7' }, 'x')).to.equal(7);
  });

  it('settles "1.234" and "1,234" by the notation', () => {
    expect(parseNumber('1.234', 'x', 'vi')).to.equal(1234);
    expect(parseNumber('1.234', 'x', 'en')).to.equal(1.234);
    expect(parseNumber('1.234', 'x', 'auto')).to.equal(1.234);
    expect(parseNumber('1,234', 'x', 'en')).to.equal(1234);
    expect(parseNumber('1,234', 'x', 'vi')).to.equal(1.234);
  });

  it('treats null, undefined and blank as a gap', () => {
    expect(parseNumber(null, 'x')).to.equal(null);
    expect(parseNumber(undefined, 'x')).to.equal(null);
    expect(parseNumber('  ', 'x')).to.equal(null);
  });

  it('rejects everything else with a ValidationError at the path', () => {
    for (const bad of ['abc', 'NaN', 'Infinity', '1.2.3,4,5', '12,34,5', true, {}, [], Number.NaN, Number.POSITIVE_INFINITY, '1e999', '<img src=x>']) {
      expect(() => parseNumber(bad, 'data.v'), JSON.stringify(bad)).to.throw(ValidationError, /data\.v/);
    }
  });
});

describe('parseInstant', () => {
  const utc = (...parts: [number, number, number, number?, number?, number?, number?]) => Date.UTC(...parts);

  it('reads ISO with any fraction, with or without a zone (UTC assumed)', () => {
    expect(parseInstant('2017-01-02T09:25:55.00Z', 'x')).to.equal(utc(2017, 0, 2, 9, 25, 55));
    expect(parseInstant('2023-03-07T10:20:30.986010Z', 'x')).to.equal(utc(2023, 2, 7, 10, 20, 30, 986));
    expect(parseInstant('2016-12-07T11:10:00', 'x')).to.equal(utc(2016, 11, 7, 11, 10));
    expect(parseInstant('2021-09-16T11:00', 'x')).to.equal(utc(2021, 8, 16, 11));
    expect(parseInstant('2016-07-31', 'x')).to.equal(utc(2016, 6, 31));
    expect(parseInstant('2014-12-31T11:59:59.00+08:00', 'x')).to.equal(utc(2014, 11, 31, 3, 59, 59));
    expect(parseInstant('2016-12-07T11:10:00', 'x', { assumeOffset: '+07:00' })).to.equal(utc(2016, 11, 7, 4, 10));
  });

  it('takes the end of an interval by default, or the start', () => {
    expect(parseInstant('2016-12-07T11:10:00/2016-12-07T11:15:00', 'x')).to.equal(utc(2016, 11, 7, 11, 15));
    expect(parseInstant('2016-12-07T11:10:00/2016-12-07T11:15:00', 'x', { interval: 'start' })).to.equal(utc(2016, 11, 7, 11, 10));
  });

  it('reads Vietnamese dates, epoch numbers and JSON-LD typed values', () => {
    expect(parseInstant('24/11/2026', 'x')).to.equal(utc(2026, 10, 24));
    expect(parseInstant('24/11/2026 08:30', 'x', { assumeOffset: '+07:00' })).to.equal(utc(2026, 10, 24, 1, 30));
    expect(parseInstant(1_700_000_000, 'x')).to.equal(1_700_000_000_000);
    expect(parseInstant(1_700_000_000_000, 'x')).to.equal(1_700_000_000_000);
    expect(parseInstant({ '@type': 'DateTime', '@value': '2017-01-31T06:45:00Z' }, 'x')).to.equal(utc(2017, 0, 31, 6, 45));
  });

  it('rejects impossible and unreadable dates', () => {
    for (const bad of ['2026-02-30', '2026-13-01T00:00:00Z', 'yesterday', '1/2/3/4', true, {}, Number.NaN, 1e20, '2026-01-01T25:00:00Z']) {
      expect(() => parseInstant(bad, 'when'), JSON.stringify(bad)).to.throw(ValidationError, /when/);
    }
  });
});

describe('readText', () => {
  it('keeps text as text, strips control characters and caps the length', () => {
    expect(readText('<b>x</b>')).to.equal('<b>x</b>');
    expect(readText('a\u0000b\u001bc')).to.equal('abc');
    expect(readText('x'.repeat(1000))).to.have.length(500);
    expect(readText(42)).to.equal('42');
    expect(readText({})).to.equal(undefined);
  });
});
