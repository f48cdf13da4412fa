import { expect } from '@open-wc/testing';
import { erfc, normalCdf, normalQuantile, twoSidedP } from './normal.js';
import { hamedRao, senResiduals, yueWang } from './kendall.js';
import { averageRanks, mad, median, quantile, roundHalfEven, select } from './robust.js';

describe('normal distribution', () => {
  it('matches known values', () => {
    expect(normalCdf(0)).to.equal(0.5);
    expect(normalCdf(1.959963984540054)).to.be.closeTo(0.975, 1e-15);
    expect(twoSidedP(1.959963984540054)).to.be.closeTo(0.05, 1e-15);
    expect(erfc(5)).to.be.closeTo(1.5374597944280349e-12, 1e-24);
    expect(erfc(-1)).to.be.closeTo(1.8427007929497148, 1e-15);
    expect(normalQuantile(0.975)).to.be.closeTo(1.959963984540054, 1e-14);
    expect(normalQuantile(1e-10)).to.be.closeTo(-6.361340902404056, 1e-12);
    expect(normalQuantile(0)).to.equal(-Infinity);
    expect(Number.isNaN(normalQuantile(2))).to.equal(true);
  });

  it('quantile inverts the distribution function', () => {
    for (const p of [1e-6, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-6]) expect(normalCdf(normalQuantile(p))).to.be.closeTo(p, 1e-14);
  });
});

describe('robust statistics', () => {
  it('select finds order statistics, with ties', () => {
    const values = [5, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const sorted = [...values].sort((a, b) => a - b);
    for (let k = 0; k < values.length; k++) expect(select(Float64Array.from(values), k)).to.equal(sorted[k]);
  });

  it('median, quantile and MAD skip gaps', () => {
    expect(median([3, Number.NaN, 1, 2])).to.equal(2);
    expect(median([4, 1, 3, 2])).to.equal(2.5);
    expect(Number.isNaN(median([]))).to.equal(true);
    expect(quantile([1, 2, 3, 4, 5], 0.9)).to.be.closeTo(4.6, 1e-12);
    expect(mad([1, 1, 2, 2, 4, 6, 9])).to.equal(1);
  });

  it('average ranks and NumPy rounding', () => {
    expect(Array.from(averageRanks([10, 20, 10, 30]))).to.deep.equal([1.5, 3, 1.5, 4]);
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 2.4].map(roundHalfEven)).to.deep.equal([0, 2, 2, -0, -2, 2]);
  });
});

describe('autocorrelation corrections on exact lines', () => {
  it('residuals within rounding error of the Sen line are ties, and give no inflation', () => {
    const positions = Array.from({ length: 30 }, (_, i) => i);
    const ramp = positions.map((i) => 0.1 + i);
    const { residuals, distinct } = senResiduals(positions, ramp);
    expect(distinct).to.equal(1);
    expect(new Set(residuals).size).to.equal(1);
    expect(hamedRao(positions, ramp).correction).to.equal(1);
    expect(hamedRao(positions, ramp, 0.05, { maxLag: 10, lagAlpha: 0.005 }).correction).to.equal(1);
    expect(yueWang(positions, ramp)).to.include({ correction: 1, rho: 0 });
    // Real departures are kept: a spike stays a distinct residual, and noise stays noise.
    const spiked = ramp.slice();
    spiked[17] = spiked[17]! + 9;
    expect(senResiduals(positions, spiked).distinct).to.equal(2);
    const noisy = ramp.map((v, i) => v + 1e-3 * Math.sin(i * 7.3));
    // (The Sen slope is the slope of one pair of points, or the mean of two: those share a residual.)
    expect(senResiduals(positions, noisy).distinct).to.be.at.least(28);
  });
});
