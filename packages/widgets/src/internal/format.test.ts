import { expect } from '@open-wc/testing';
import { axisUnit, formatDate, formatNumber, formatSigned } from './format.js';

describe('format', () => {
  it('writes numbers the Vietnamese way and the English way', () => {
    expect(formatNumber(1234.5, 'vi', 1)).to.equal('1.234,5');
    expect(formatNumber(1234.5, 'en', 1)).to.equal('1,234.5');
    expect(formatNumber(0.25, 'vi', 2)).to.equal('0,25');
  });

  it('shows a dash for missing or non-finite numbers', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatNumber(value, 'vi')).to.equal('–');
  });

  it('signs changes, with the true minus sign (U+2212), never a hyphen', () => {
    expect(formatSigned(12.5, 'vi', 1)).to.equal('+12,5');
    expect(formatSigned(-3, 'en')).to.equal('\u22123');
    expect(formatSigned(-1234.5, 'vi', 1)).to.equal('\u22121.234,5');
    expect(formatSigned(0, 'vi')).to.equal('0');
    expect(formatSigned(Number.NaN, 'vi')).to.equal('–');
  });

  it('writes negative numbers with U+2212 in both languages', () => {
    expect(formatNumber(-1234.5, 'vi', 1)).to.equal('\u22121.234,5');
    expect(formatNumber(-1234.5, 'en', 1)).to.equal('\u22121,234.5');
    for (const locale of ['vi', 'en'] as const) {
      for (const value of [-0.5, -7, -1e6, -123.456]) {
        const text = formatNumber(value, locale, 2);
        expect(text, text).to.not.contain('-');
        expect(text.startsWith('\u2212'), text).to.be.true;
      }
    }
    // Rounds to zero: no sign at all.
    expect(formatNumber(-0.001, 'vi', 1)).to.not.contain('\u2212');
  });

  it('writes dates day first, 24/11/2026', () => {
    expect(formatDate('2026-11-24T03:00:00Z', 'vi', 'date', 'Asia/Ho_Chi_Minh')).to.equal('24/11/2026');
    expect(formatDate('2026-11-24T03:00:00Z', 'en', 'date', 'Asia/Ho_Chi_Minh')).to.equal('24/11/2026');
    expect(formatDate('not a date', 'vi')).to.equal('');
  });

  it("names what an axis measures: the unit, else an index's short name, else the word index", () => {
    expect(axisUnit({ code: 'ug/m3', label: 'µg/m³' }, 'Bụi mịn PM2.5', 'vi')).to.equal('µg/m³');
    expect(axisUnit({ code: '1', label: '' }, 'Chỉ số chất lượng không khí (VN_AQI)', 'vi')).to.equal('VN_AQI');
    expect(axisUnit({ code: '1', label: '' }, 'Some index', 'en')).to.equal('index');
    expect(axisUnit({ code: '1', label: '' }, undefined, 'vi')).to.equal('chỉ số');
    // An unknown unit without a label is not guessed.
    expect(axisUnit({ code: '{thing}', label: '' }, 'Things', 'en')).to.equal('');
  });
});
