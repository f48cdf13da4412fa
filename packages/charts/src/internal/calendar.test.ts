import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { utcDay, utcHour, utcMinute, utcMonday, utcMonth, utcYear, type CountableTimeInterval } from 'd3-time';
import { calendarRange, type CalendarUnit } from './calendar.js';

// d3-time is the reference the axes used before; it stays a test-only dependency here.
const REFERENCE: Record<CalendarUnit, CountableTimeInterval> = {
  minute: utcMinute,
  hour: utcHour,
  day: utcDay,
  week: utcMonday,
  month: utcMonth,
  year: utcYear,
};

const SPAN: Record<CalendarUnit, number> = {
  minute: 6 * 3_600_000,
  hour: 10 * 86_400_000,
  day: 200 * 86_400_000,
  week: 3 * 365 * 86_400_000,
  month: 8 * 365 * 86_400_000,
  year: 300 * 365 * 86_400_000,
};

describe('calendarRange', () => {
  it('gives the same boundaries as d3-time every(step).range for every unit and step', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CalendarUnit>('minute', 'hour', 'day', 'week', 'month', 'year'),
        fc.constantFrom(1, 2, 3, 5, 6, 10, 12, 15, 30),
        fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2080, 0, 1) }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (unit, rawStep, start, fraction) => {
          const step = unit === 'week' ? 1 : rawStep;
          const stop = start + Math.floor(fraction * SPAN[unit]);
          const interval = REFERENCE[unit].every(step);
          const expected = interval ? interval.range(new Date(start), new Date(stop)).map((date) => date.getTime()).slice(0, 500) : [];
          expect(calendarRange(unit, step, start, stop, 500)).to.deep.equal(expected);
        },
      ),
      { seed: 20261125, numRuns: 600 },
    );
  });

  it('returns nothing for empty, reversed or non-finite ranges, and honours the limit', () => {
    expect(calendarRange('day', 1, 10, 10, 10)).to.deep.equal([]);
    expect(calendarRange('day', 1, 10, 5, 10)).to.deep.equal([]);
    expect(calendarRange('day', 1, Number.NaN, 5, 10)).to.deep.equal([]);
    expect(calendarRange('hour', 1, 0, 86_400_000 * 10, 7)).to.have.length(7);
  });
});
