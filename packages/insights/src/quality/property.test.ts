// Any series at all (gaps, constants, a handful of points, huge or negative values) gives an
// insight without throwing, plain data, and summaries that pass the grammar rules. fast-check
// runs with the fixed seed of tests/support/fast-check-setup.ts.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { indicatorById, type TimeGrain } from '@ioc-kit/data';
import { computeInsight } from '../insights.js';
import { summarize } from '../summary/summary.js';
import { grammarProblems } from '../test-helpers/grammar.js';

const STEP: Record<TimeGrain, number> = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000, quarter: 91 * 86_400_000, year: 365 * 86_400_000 };
const indicators = ['environment.pm25', 'environment.aqi', 'governance.dossiers-on-time', 'environment.wqi'].map((id) => indicatorById(id)).filter((i) => i !== undefined);

describe('insights on arbitrary series (property)', () => {
  it('never throw and always read grammatically', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.constant(Number.NaN), fc.integer({ min: 0, max: 5 })), { maxLength: 160 }),
        fc.constantFrom<TimeGrain>('hour', 'day', 'week', 'month', 'quarter', 'year'),
        fc.constantFrom(...indicators),
        (values, grain, indicator) => {
          const t = Float64Array.from(values, (_, i) => Date.UTC(2025, 0, 1) + i * STEP[grain]);
          const insight = computeInsight({ indicator, grain, series: { area: 'x', t, v: Float64Array.from(values) } });
          expect(structuredClone(insight)).to.deep.equal(insight);
          for (const locale of ['vi', 'en'] as const) {
            const text = summarize(insight, indicator, { locale, areaName: 'Phường Ninh Xá' });
            expect(grammarProblems(text, locale), text).to.deep.equal([]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
