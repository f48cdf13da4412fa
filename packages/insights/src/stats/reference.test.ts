// The trend statistics against reference values from SciPy and a NumPy implementation of the
// published formulas (packages/insights/reference/reference.py, run once; its JSON is committed).
import { expect } from '@open-wc/testing';
import { hamedRao, mannKendall, seasonalKendall, yueWang } from './kendall.js';
import { seasonalSen, theilSen } from './theil-sen.js';

type Num = number | null;
interface ReferenceCase {
  name: string;
  values: Num[];
  season?: number[];
  theilslopes?: { slope: Num; intercept: Num; low: Num; high: Num };
  kendalltau?: { tau: Num; p: Num };
  mannKendall: { s: number; varS: number; z: number; p: number };
  hamedRao: { varS: number; correction: number; z: number; p: number };
  hamedRaoScreened: { varS: number; correction: number; z: number; p: number };
  yueWang: { varS: number; correction: number; rho: number; z: number; p: number };
  seasonalKendall?: { s: Num; varS: Num; z: Num; p: Num; slope: Num; low: Num; high: Num };
}

const TOLERANCE = 1e-6;
const reference = (await (await fetch(new URL('../../reference/reference.json', import.meta.url))).json()) as { cases: ReferenceCase[] };

function close(actual: number, expected: Num, label: string): void {
  if (expected === null) expect(Number.isNaN(actual), `${label}: ${actual} should be NaN`).to.equal(true);
  else expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).to.be.at.most(TOLERANCE * Math.max(1, Math.abs(expected)));
}

describe('trend statistics agree with SciPy / NumPy references to 1e-6', () => {
  it('covers at least ten series, with ties, gaps, a constant and short series', () => {
    const names = reference.cases.map((c) => c.name);
    expect(names.length).to.be.at.least(10);
    expect(names).to.include.members(['ties (rounded values)', 'gaps (NaN)', 'constant', 'three points', 'four points']);
  });

  for (const c of reference.cases) {
    describe(c.name, () => {
      const values = c.values.map((value) => value ?? Number.NaN);
      const positions = values.map((_, i) => i);

      it('Theil–Sen slope, intercept and 95 % interval = scipy.stats.theilslopes', function () {
        if (!c.theilslopes) this.skip();
        const fit = theilSen(positions, values, 0.95);
        for (const key of ['slope', 'intercept', 'low', 'high'] as const) close(fit[key], c.theilslopes[key], key);
      });

      it('tau-b and asymptotic p = scipy.stats.kendalltau', function () {
        if (!c.kendalltau) this.skip();
        const test = mannKendall(values, { continuity: false });
        close(test.tau, c.kendalltau.tau, 'tau');
        // SciPy has no p for a constant series (zero variance); no trend is p = 1 here.
        if (c.kendalltau.p === null) expect(test.p).to.equal(1);
        else close(test.p, c.kendalltau.p, 'p');
      });

      it('Mann–Kendall S, tie-corrected Var(S), Z and p', () => {
        const test = mannKendall(values);
        for (const key of ['s', 'varS', 'z', 'p'] as const) close(test[key], c.mannKendall[key], key);
      });

      it('Hamed–Rao correction (every lag at α, and the 10-lag screen at α/10)', () => {
        const all = hamedRao(positions, values, 0.05);
        for (const key of ['varS', 'correction', 'z', 'p'] as const) close(all[key], c.hamedRao[key], key);
        const screened = hamedRao(positions, values, 0.05, { maxLag: 10, lagAlpha: 0.005 });
        for (const key of ['varS', 'correction', 'z', 'p'] as const) close(screened[key], c.hamedRaoScreened[key], `screened ${key}`);
      });

      it('Yue–Wang correction (bias-corrected lag-one autocorrelation)', () => {
        const test = yueWang(positions, values, 0.05);
        for (const key of ['varS', 'correction', 'rho', 'z', 'p'] as const) close(test[key], c.yueWang[key], key);
      });

      it('seasonal Kendall test and seasonal Sen slope', function () {
        if (!c.seasonalKendall || !c.season) this.skip();
        const test = seasonalKendall(values, c.season);
        for (const key of ['s', 'varS', 'z', 'p'] as const) close(test[key], c.seasonalKendall[key], key);
        const fit = seasonalSen(positions, values, c.season, test.varS);
        for (const key of ['slope', 'low', 'high'] as const) close(fit[key], c.seasonalKendall[key], key);
      });
    });
  }
});
