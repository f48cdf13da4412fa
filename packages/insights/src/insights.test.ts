// Known-answer series: pure trend, pure seasonality, a step, a spike, noise only, gaps, ties,
// a constant, fewer than 4 points; and the status and signals an operator reads from them.
import { expect } from '@open-wc/testing';
import { indicatorById, VIETNAM_UTC_OFFSET_MINUTES } from '@ioc-kit/data';
import { computeInsight } from './insights.js';
import { statusOf } from './status/status.js';
import { crossingRunsOf } from './signals/runs.js';
import { forecastOf } from './signals/forecast.js';
import { DAY, HOUR, T0, synthetic } from './test-helpers/series.js';
import { VIETNAM_OFFSET_MS, dayOfYear } from './time-grid.js';
import { trendOf } from './trend/trend.js';

const pm25 = indicatorById('environment.pm25')!;
const aqi = indicatorById('environment.aqi')!;
const onTime = indicatorById('governance.dossiers-on-time')!;
const days = (n: number) => Float64Array.from({ length: n }, (_, i) => T0 + i * DAY);
const months = (n: number) => Float64Array.from({ length: n }, (_, i) => Date.UTC(2021, i, 1) - 7 * HOUR);

describe('trend: known answers', () => {
  it('a pure trend rises with its slope, interval and change', () => {
    const v = Float64Array.from({ length: 30 }, (_, i) => 20 + 0.5 * i);
    const trend = trendOf({ t: days(30), v }, { grain: 'day', polarity: 'lower-is-better' });
    expect(trend).to.include({ direction: 'rising', verdict: 'worsening', significant: true, n: 30, slope: 0.5, periods: 29 });
    expect(trend.slopeLow).to.equal(0.5);
    expect(trend.slopeHigh).to.equal(0.5);
    expect(trend.change).to.be.closeTo(14.5, 1e-12);
    expect(trend.changePercent).to.be.closeTo(72.5, 1e-9);
  });

  it('pure ramps, up and down, are significant at every grain (the autocorrelation correction sees no rounding error)', () => {
    // 0.1 + i leaves residuals of pure rounding error after the Sen slope; their ranks must not
    // read as autocorrelation (they inflated Var(S) ×19 and called this ramp "flat").
    const weeks = (n: number) => Float64Array.from({ length: n }, (_, i) => T0 + i * 7 * DAY);
    const hours = (n: number) => Float64Array.from({ length: n }, (_, i) => T0 + i * HOUR);
    const cases = [
      { grain: 'day', t: days(30), method: 'corrected' },
      { grain: 'day', t: days(10), method: 'corrected' },
      { grain: 'hour', t: hours(168), method: 'corrected' },
      { grain: 'week', t: weeks(26), method: 'corrected' },
      { grain: 'month', t: months(36), method: 'seasonal-kendall' },
      { grain: 'month', t: months(12), method: 'mann-kendall' },
    ] as const;
    for (const { grain, t, method } of cases) {
      for (const [start, step] of [[0.1, 1], [0.1, -1], [1234.5, 0.37], [50.3, -0.7]] as const) {
        const v = Float64Array.from(t, (_, i) => start + step * i);
        const trend = trendOf({ t, v }, { grain, window: t.length });
        const label = `${grain} × ${t.length}, ${start} ${step > 0 ? '+' : '−'} ${Math.abs(step)}·i`;
        expect(trend.method, label).to.equal(method);
        expect(trend.direction, label).to.equal(step > 0 ? 'rising' : 'falling');
        expect(trend.significant, label).to.equal(true);
        expect(trend.p, label).to.be.below(0.01);
        if (method === 'corrected') expect(trend.correction, label).to.equal(1);
        expect(trend.slope, label).to.be.closeTo(step, 1e-9);
      }
    }
  });

  it('gives no percentage of a near-zero fitted start (under half the median |value|)', () => {
    // 0.1, 1.1, 2.1, ...: the line starts at 0.1 while the values' median is about 15: "+2900 %" would mislead.
    const v = Float64Array.from({ length: 30 }, (_, i) => 0.1 + i);
    const trend = trendOf({ t: days(30), v }, { grain: 'day', polarity: 'lower-is-better' });
    expect(trend.change).to.be.closeTo(29, 1e-9);
    expect(trend.changePercent).to.equal(null);
    // A start at half the median or more keeps its percentage: 20 .. 49, median 34.5, start 20.
    const kept = trendOf({ t: days(30), v: Float64Array.from({ length: 30 }, (_, i) => 20 + i) }, { grain: 'day', polarity: 'lower-is-better' });
    expect(kept.changePercent).to.be.closeTo(145, 1e-9);
  });

  it('improving when a higher-is-better indicator rises; changing when neutral', () => {
    const series = { t: days(20), v: Float64Array.from({ length: 20 }, (_, i) => 80 + i) };
    expect(trendOf(series, { grain: 'day', polarity: 'higher-is-better' }).verdict).to.equal('improving');
    expect(trendOf(series, { grain: 'day', polarity: 'neutral' }).verdict).to.equal('changing');
  });

  it('pure seasonality has no trend under the seasonal Kendall test', () => {
    const v = Float64Array.from({ length: 60 }, (_, i) => 50 + 10 * Math.sin((2 * Math.PI * i) / 12));
    const trend = trendOf({ t: months(60), v }, { grain: 'month', window: 60 });
    expect(trend.method).to.equal('seasonal-kendall');
    expect(trend.direction).to.equal('flat');
    expect(Math.abs(trend.slope)).to.be.below(1e-9);
  });

  it('noise only is flat; a step reads as rising', () => {
    expect(trendOf(synthetic({ n: 90, seed: 3 }), { grain: 'day', window: 90 }).direction).to.equal('flat');
    expect(trendOf(synthetic({ n: 90, noise: 1, step_at: 45, step_size: 10, seed: 3 }), { grain: 'day', window: 90 }).direction).to.equal('rising');
  });

  it('gaps are skipped and time keeps its place', () => {
    const v = Float64Array.from({ length: 30 }, (_, i) => (i % 4 === 1 ? Number.NaN : 10 - 0.2 * i));
    const trend = trendOf({ t: days(30), v }, { grain: 'day' });
    expect(trend.n).to.equal(22);
    expect(trend.direction).to.equal('falling');
    expect(trend.slope).to.be.closeTo(-0.2, 1e-12);
  });

  it('ties, a constant and fewer than 4 points', () => {
    const tied = trendOf({ t: days(24), v: Float64Array.from({ length: 24 }, (_, i) => Math.floor(i / 6)) }, { grain: 'day', method: 'mann-kendall' });
    expect(tied.direction).to.equal('rising');
    expect(tied.varS).to.be.below((24 * 23 * 53) / 18);
    const constant = trendOf({ t: days(20), v: new Float64Array(20).fill(7) }, { grain: 'day' });
    expect(constant).to.include({ direction: 'flat', reason: 'constant', slope: 0, significant: false });
    const short = trendOf({ t: days(3), v: Float64Array.of(1, 2, 3) }, { grain: 'day' });
    expect(short).to.include({ direction: 'unknown', verdict: 'unknown', reason: 'too-few-points' });
  });
});

describe('status', () => {
  it('the band of the latest value, the VN_AQI and the target', () => {
    const t = days(3);
    expect(statusOf({ t, v: Float64Array.of(40, 90, 120) }, aqi, { grain: 'day' }).band?.label.vi).to.equal('Kém');
    expect(statusOf({ t, v: Float64Array.of(40, 90, Number.NaN) }, aqi, { grain: 'day' })).to.include({ value: 90, bandIndex: 1 });
    expect(statusOf({ t, v: Float64Array.of(1, 2, 3) }, onTime, { grain: 'day' }).target).to.deep.equal({ target: 95, met: false, gap: -92 });
    expect(statusOf({ t, v: Float64Array.of(1, 2, 97) }, onTime, { grain: 'day', target: 96 }).target?.met).to.equal(true);
    expect(statusOf({ t, v: new Float64Array(3).fill(Number.NaN) }, aqi, { grain: 'day' })).to.deep.equal({ value: null, at: null });
  });

  it('the normal range for this time of year comes from earlier years', () => {
    // Three years of a seasonal cycle; the last value sits far above the same weeks before.
    const series = synthetic({ n: 3 * 365, noise: 2, amplitude: 20, period: 365, seed: 5 });
    series.v[series.v.length - 1] = 120;
    const status = statusOf(series, pm25, { grain: 'day' });
    expect(status.normal?.basis).to.equal('same-time-of-year');
    expect(status.normal?.position).to.equal('above');
    expect(status.normal!.n).to.be.at.least(50);
    expect(status.normal!.percentile).to.equal(100);
  });
});

describe('signals', () => {
  it('a spike is an anomaly against the seasonal baseline, and says so at the latest value', () => {
    const series = synthetic({ n: 24 * 60, step: HOUR, noise: 1, amplitude: 10, period: 24, seed: 8 });
    series.v[series.v.length - 1] = series.v[series.v.length - 1]! + 15;
    const insight = computeInsight({ indicator: pm25, grain: 'hour', series });
    expect(insight.baseline).to.equal('hour-of-week');
    expect(insight.latestAnomaly?.direction).to.equal('high');
    // The daily cycle itself is not anomalous.
    expect(insight.anomalies.length).to.be.below(8);
  });

  it('a step is a change point near where it happened; a constant has none', () => {
    const series = synthetic({ n: 120, noise: 1, step_at: 100, step_size: 6, seed: 9 });
    const insight = computeInsight({ indicator: pm25, grain: 'day', series });
    expect(insight.changePoints).to.have.length(1);
    expect(Math.abs(insight.changePoints[0]!.index - 100)).to.be.at.most(2);
    expect(insight.changePoints[0]!.shift).to.be.closeTo(6, 1);
    expect(insight.recentChange).to.equal(insight.changePoints[0]);
    const constant = computeInsight({ indicator: pm25, grain: 'day', series: { area: 'x', t: days(60), v: new Float64Array(60).fill(30) } });
    expect(constant.changePoints).to.deep.equal([]);
    expect(constant.anomalies).to.deep.equal([]);
    expect(constant.trend.reason).to.equal('constant');
  });

  it('a steady ramp is a trend, not a staircase of level shifts; a step on a ramp is still a change', () => {
    for (const n of [30, 90, 365]) {
      const exact = { area: 'x', t: days(n), v: Float64Array.from({ length: n }, (_, i) => 0.1 + i) };
      expect(computeInsight({ indicator: pm25, grain: 'day', series: exact }).changePoints, `exact ramp ${n}`).to.deep.equal([]);
      const noisy = synthetic({ n, noise: 1, slope: 0.5, seed: 11 });
      const insight = computeInsight({ indicator: pm25, grain: 'day', series: noisy });
      expect(insight.changePoints, `noisy ramp ${n}`).to.deep.equal([]);
      expect(insight.trend.direction).to.equal('rising');
    }
    // A gentle ramp with a jump of 8σ at day 70: the jump is the change.
    const stepped = synthetic({ n: 120, noise: 1, slope: 0.02, step_at: 70, step_size: 8, seed: 12 });
    const found = computeInsight({ indicator: pm25, grain: 'day', series: stepped }).changePoints;
    expect(found.some((p) => Math.abs(p.index - 70) <= 2)).to.equal(true);
  });

  it('runs of threshold crossings: alerting bands, gaps end a run, the ongoing one', () => {
    const v = Float64Array.of(40, 120, 160, Number.NaN, 130, 40, 110, 115);
    const runs = crossingRunsOf({ t: days(8), v }, aqi);
    expect(runs.map((r) => [r.start, r.end, r.length, r.threshold?.label.vi, r.worst?.label.vi, r.ongoing])).to.deep.equal([
      [1, 2, 2, 'Kém', 'Xấu', false],
      [4, 4, 1, 'Kém', 'Kém', false],
      [6, 7, 2, 'Kém', 'Kém', true],
    ]);
    const target = crossingRunsOf({ t: days(4), v: Float64Array.of(96, 94, 93, 97) }, onTime);
    expect(target.map((r) => [r.start, r.end])).to.deep.equal([[1, 2]]);
  });

  it('the forecast warns when a band will likely be crossed within the horizon', () => {
    // PM2.5 climbing 1.5 µg/m³ an hour from 30: the Kém band starts at 50.
    const rising = { t: Float64Array.from({ length: 72 }, (_, i) => T0 + i * HOUR), v: Float64Array.from({ length: 72 }, (_, i) => (i < 60 ? 30 : 30 + 1.5 * (i - 60)) + 0.2 * Math.sin(i)) };
    const forecast = forecastOf(rising, pm25, { grain: 'hour' })!;
    expect(forecast.steps).to.have.length(6);
    expect(forecast.steps.every((s) => s.low < s.mean && s.mean < s.high)).to.equal(true);
    expect(forecast.crossing?.band?.label.vi).to.equal('Kém');
    expect(forecast.crossing!.step).to.be.within(1, 6);
    const calm = { t: rising.t, v: Float64Array.from({ length: 72 }, (_, i) => 20 + 0.5 * Math.sin(i)) };
    expect(forecastOf(calm, pm25, { grain: 'hour' })?.crossing).to.equal(undefined);
    expect(forecastOf({ t: days(4), v: Float64Array.of(1, 2, 3, 4) }, pm25, { grain: 'day' })).to.equal(null);
  });
});

describe('time grid', () => {
  it('keeps @ioc-kit/data\'s Vietnam offset and counts days of the year in local time', () => {
    expect(VIETNAM_OFFSET_MS).to.equal(VIETNAM_UTC_OFFSET_MINUTES * 60_000);
    expect(dayOfYear(Date.UTC(2024, 11, 31, 17))).to.equal(0); // 1 Jan 2025 00:00 in Vietnam
    expect(dayOfYear(Date.UTC(2024, 11, 31, 16))).to.equal(365); // 31 Dec 2024, a leap year
  });

  it('an insight carries plain data only (it crosses a worker boundary)', () => {
    const insight = computeInsight({ indicator: pm25, grain: 'day', series: synthetic({ n: 400, seed: 2 }) });
    expect(structuredClone(insight)).to.deep.equal(insight);
  });
});
