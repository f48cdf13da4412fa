import { expect } from '@open-wc/testing';
import { formatDate, formatNumber, formatSigned } from './format.js';

describe('format', () => {
  it('writes numbers the Vietnamese way and the English way', () => {
    expect(formatNumber(1234.5, 'vi', 1)).to.equal('1.234,5');
    expect(formatNumber(1234.5, 'en', 1)).to.equal('1,234.5');
    expect(formatNumber(0.25, 'vi', 2)).to.equal('0,25');
  });

  it('shows a dash for missing or non-finite numbers', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatNumber(value, 'vi')).to.equal('–');
  });

  it('signs changes', () => {
    expect(formatSigned(12.5, 'vi', 1)).to.equal('+12,5');
    expect(formatSigned(-3, 'en')).to.equal('-3');
    expect(formatSigned(0, 'vi')).to.equal('0');
  });

  it('writes dates day first, 24/11/2026', () => {
    expect(formatDate('2026-11-24T03:00:00Z', 'vi', 'date', 'Asia/Ho_Chi_Minh')).to.equal('24/11/2026');
    expect(formatDate('2026-11-24T03:00:00Z', 'en', 'date', 'Asia/Ho_Chi_Minh')).to.equal('24/11/2026');
    expect(formatDate('not a date', 'vi')).to.equal('');
  });
});
