import { expect } from '@open-wc/testing';
import { addPeriods, parseTime, periodOf, periodStart } from './time.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('time periods (Vietnamese local time, UTC+7)', () => {
  it('starts a day at 00:00 local time, which is 17:00 UTC the day before', () => {
    expect(iso(periodStart(Date.parse('2026-11-24T16:59:59Z'), 'day'))).to.equal('2026-11-23T17:00:00.000Z');
    expect(iso(periodStart(Date.parse('2026-11-24T17:00:00Z'), 'day'))).to.equal('2026-11-24T17:00:00.000Z');
  });

  it('starts weeks on Monday, months, quarters and years on their first local day', () => {
    // 25 Nov 2026 (local) is a Wednesday; its week starts Monday 23 Nov.
    const wednesday = Date.parse('2026-11-25T10:00:00+07:00');
    expect(iso(periodStart(wednesday, 'week'))).to.equal('2026-11-22T17:00:00.000Z');
    expect(iso(periodStart(wednesday, 'month'))).to.equal('2026-10-31T17:00:00.000Z');
    expect(iso(periodStart(wednesday, 'quarter'))).to.equal('2026-09-30T17:00:00.000Z');
    expect(iso(periodStart(wednesday, 'year'))).to.equal('2025-12-31T17:00:00.000Z');
    // A Monday is its own week's start; a Sunday belongs to the week before.
    expect(iso(periodStart(Date.parse('2026-11-23T00:00:00+07:00'), 'week'))).to.equal('2026-11-22T17:00:00.000Z');
    expect(iso(periodStart(Date.parse('2026-11-22T23:00:00+07:00'), 'week'))).to.equal('2026-11-15T17:00:00.000Z');
  });

  it('adds calendar months and years, and gives periods [from, to)', () => {
    const jan = periodStart(Date.parse('2026-01-31T12:00:00+07:00'), 'month');
    expect(iso(addPeriods(jan, 'month', 1))).to.equal('2026-01-31T17:00:00.000Z');
    expect(iso(addPeriods(jan, 'quarter', -1))).to.equal('2025-09-30T17:00:00.000Z');
    const { from, to } = periodOf(Date.parse('2024-02-10T12:00:00+07:00'), 'month');
    expect((to - from) / 86_400_000).to.equal(29);
    expect(periodStart(Number.NaN, 'day')).to.be.NaN;
  });

  it('reads zone-less and date-only text as Vietnamese local time', () => {
    expect(iso(parseTime('2025-07-01'))).to.equal('2025-06-30T17:00:00.000Z');
    expect(iso(parseTime('2025-07-01T08:30'))).to.equal('2025-07-01T01:30:00.000Z');
    expect(iso(parseTime('2025-07-01T08:30:00Z'))).to.equal('2025-07-01T08:30:00.000Z');
    expect(parseTime('yesterday')).to.be.NaN;
    expect(parseTime({})).to.be.NaN;
    expect(parseTime(Number.POSITIVE_INFINITY)).to.be.NaN;
  });
});
