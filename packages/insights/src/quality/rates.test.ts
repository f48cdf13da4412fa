// Property tests over 1,000 seeded series per figure (mulberry32, fixed seeds: the same on every
// machine and day). The figures are printed for the issue note, and held to tolerances: a trend
// test on white noise must reject within 1.5 points of α = 5 % (two binomial standard errors at
// 1,000 trials are 1.4 points).
import { expect } from '@open-wc/testing';
import { measureRates, type Rate } from '../test-helpers/rates.js';

describe('false-positive and detection rates (1,000 seeded series each)', function () {
  this.timeout(180_000);
  let rates: Rate[] = [];
  const find = (prefix: string): Rate => {
    const found = rates.find((r) => r.name.startsWith(prefix));
    if (!found) throw new Error(`no rate "${prefix}"`);
    return found;
  };

  before(() => {
    rates = measureRates(1000);
    console.log(rates.map((r) => `${r.percent.toFixed(2).padStart(7)} %  ${`${r.hits}/${r.trials}`.padStart(11)}  ${r.name}`).join('\n'));
  });

  it('trend on white noise is significant about α = 5 % of the time', () => {
    for (const name of ['trend FP, daily white noise, 90 d (corrected', 'trend FP, daily white noise, 30 d', 'trend FP, hourly white noise', 'trend FP, daily white noise, 90 d (plain', 'trend FP, monthly seasonal noise', 'trend FP, daily AR(1) φ=0.5 noise, 90 d (corrected']) {
      expect(Math.abs(find(name).percent - 5), name).to.be.at.most(1.5);
    }
  });

  it('the autocorrelation corrections remove the false trends of AR(1) noise', () => {
    expect(find('trend FP, daily AR(1) φ=0.5 noise, 90 d (Hamed').percent).to.be.below(find('trend FP, daily AR(1) φ=0.5 noise, 90 d (plain').percent * 0.6);
    expect(find('trend FP, daily AR(1) φ=0.5 noise, 90 d (corrected').percent).to.be.below(find('trend FP, daily AR(1) φ=0.5 noise, 90 d (Hamed').percent);
  });

  it('planted trends and steps are found', () => {
    expect(find('trend detected, daily, +2σ').percent).to.be.at.least(95);
    expect(find('trend detected, daily, +1σ').percent).to.be.at.least(60);
    expect(find('trend detected, monthly').percent).to.be.at.least(85);
    expect(find('change point found (±3 d), 2σ').percent).to.be.at.least(90);
    expect(find('anomaly detected, 6σ spike').percent).to.be.at.least(90);
  });

  it('noise raises few anomalies and change points', () => {
    expect(find('anomaly false flags per value, daily noise, day-of-year').percent).to.be.below(1);
    expect(find('anomaly false flags per value, daily noise, rolling').percent).to.be.below(1);
    expect(find('change point false alarm').percent).to.be.below(5);
  });
});
