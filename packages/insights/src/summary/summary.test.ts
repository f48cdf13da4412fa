// Every combination the templates produce, in both languages, against grammar rules.
import { expect } from '@open-wc/testing';
import { indicatorById, type Indicator, type Locale, type TimeGrain } from '@ioc-kit/data';
import type { Insight } from '../insights.js';
import type { Trend } from '../trend/trend.js';
import { formatNumber, formatPercent } from './format.js';
import { summarize } from './summary.js';
import { grammarProblems } from '../test-helpers/grammar.js';

const pm25 = indicatorById('environment.pm25')!;
const onTime = indicatorById('governance.dossiers-on-time')!;
const neutral: Indicator = { ...pm25, id: 'environment.neutral', polarity: 'neutral', bands: undefined, unit: { code: '1', system: 'none', label: { vi: '' } }, decimals: 0 };
const T = Date.UTC(2026, 10, 24, 3);

function baseInsight(indicator: Indicator, grain: TimeGrain): Insight {
  const trend: Trend = {
    direction: 'rising', verdict: 'changing', significant: true, method: 'hamed-rao', alpha: 0.05, n: 30, s: 120, varS: 3000, z: 2.2, p: 0.03, tau: 0.3,
    grain, slope: 0.5, slopeLow: 0.1, slopeHigh: 0.9, periods: 29, change: 14.5, changePercent: 18.2, from: T - 29 * 86_400_000, to: T,
  };
  return {
    indicator: indicator.id, area: '90001', grain, status: { value: 48.25, at: T }, trend, anomalies: [], baseline: 'day-of-year',
    latestAnomaly: null, changePoints: [], recentChange: null, runs: [], currentRun: null, forecast: null,
  };
}

type Variant = (insight: Insight, indicator: Indicator) => void;
const trendVariants: Record<string, Variant> = {
  rising: (i, ind) => Object.assign(i.trend, { direction: 'rising', verdict: ind.polarity === 'neutral' ? 'changing' : ind.polarity === 'lower-is-better' ? 'worsening' : 'improving' }),
  falling: (i, ind) => Object.assign(i.trend, { direction: 'falling', change: -3.2, changePercent: -4.44, verdict: ind.polarity === 'neutral' ? 'changing' : ind.polarity === 'lower-is-better' ? 'improving' : 'worsening' }),
  'rising, no percentage': (i) => Object.assign(i.trend, { direction: 'rising', changePercent: null, change: 0.0004 }),
  flat: (i) => Object.assign(i.trend, { direction: 'flat', verdict: 'stable', significant: false }),
  constant: (i) => Object.assign(i.trend, { direction: 'flat', verdict: 'stable', significant: false, reason: 'constant' }),
  unknown: (i) => Object.assign(i.trend, { direction: 'unknown', verdict: 'unknown', significant: false, reason: 'too-few-points', n: 2 }),
  'one period': (i) => Object.assign(i.trend, { periods: 0 }),
  'week of hours': (i) => Object.assign(i.trend, { periods: 167 }),
};
const unusualVariants: Record<string, Variant> = {
  none: () => undefined,
  'anomaly high': (i) => (i.latestAnomaly = { index: 1, t: T, value: 90, expected: 40, score: 5, direction: 'high' }),
  'anomaly low, rolling': (i) => {
    i.latestAnomaly = { index: 1, t: T, value: 1, expected: 40, score: -5, direction: 'low' };
    i.baseline = 'rolling';
  },
  'above normal': (i) => (i.status.normal = { basis: 'same-time-of-year', low: 10, median: 20, high: 30, n: 100, percentile: 95, position: 'above' }),
  'below weekly normal': (i) => (i.status.normal = { basis: 'same-hour-of-week', low: 60, median: 70, high: 80, n: 12, percentile: 2, position: 'below' }),
  'above recent': (i) => (i.status.normal = { basis: 'recent', low: 10, median: 20, high: 30, n: 28, percentile: 99, position: 'above' }),
};
const changeVariants: Record<string, Variant> = {
  none: () => undefined,
  'step up': (i) => (i.recentChange = { index: 3, t: T - 3 * 86_400_000, before: 30, after: 45, shift: 15 }),
  'step down, one period': (i) => (i.recentChange = { index: 3, t: T - (i.grain === 'hour' ? 3_600_000 : 86_400_000), before: 45, after: 30, shift: -15 }),
};
const forecastVariants: Record<string, Variant> = {
  none: () => undefined,
  'band up in 6': (i, ind) => {
    if (!ind.bands) return;
    i.forecast = { method: 'holt-winters', period: 24, alpha: 0.3, beta: 0.1, gamma: 0.2, phi: 0.98, sigma: 2, confidence: 0.9, steps: [], crossing: { band: ind.bands[2], threshold: 50, direction: 'up', step: 6, t: T, probability: 0.7 } };
  },
  'band down in 1': (i, ind) => {
    if (!ind.bands) return;
    i.forecast = { method: 'holt', period: 0, alpha: 0.3, beta: 0.1, gamma: 0, phi: 0.98, sigma: 2, confidence: 0.9, steps: [], crossing: { band: ind.bands[0], threshold: 25, direction: 'down', step: 1, t: T, probability: 0.6 } };
  },
  'target in 3': (i) => {
    i.forecast = { method: 'holt', period: 0, alpha: 0.3, beta: 0.1, gamma: 0, phi: 0.98, sigma: 2, confidence: 0.9, steps: [], crossing: { threshold: 95, direction: 'down', step: 3, t: T, probability: 0.6 } };
  },
};
const statusVariants: Record<string, Variant> = {
  'value only': () => undefined,
  band: (i, ind) => {
    if (ind.bands) i.status.band = ind.bands[1];
  },
  'band, run of 5': (i, ind) => {
    if (ind.bands) i.status.band = ind.bands[2];
    i.currentRun = { start: 1, end: 5, from: T, to: T, length: 5, ...(ind.bands ? { threshold: ind.bands[2], worst: ind.bands[2] } : {}), ongoing: true };
  },
  'run of 24': (i) => (i.currentRun = { start: 1, end: 24, from: T, to: T, length: 24, ongoing: true }),
  'target missed': (i) => (i.status.target = { target: 95, met: false, gap: -3 }),
  'target met, large value': (i) => {
    i.status.value = 1234.5;
    i.status.target = { target: 1000, met: true, gap: 234.5 };
  },
  'no value': (i) => {
    i.status = { value: null, at: null };
  },
};

function* combinations(): Generator<{ label: string; text: string; locale: Locale }> {
  for (const indicator of [pm25, onTime, neutral]) {
    for (const grain of ['hour', 'day', 'month'] as const) {
      for (const [trendName, trend] of Object.entries(trendVariants)) {
        for (const [unusualName, unusual] of Object.entries(unusualVariants)) {
          for (const [changeName, change] of Object.entries(changeVariants)) {
            for (const [forecastName, forecast] of Object.entries(forecastVariants)) {
              for (const [statusName, status] of Object.entries(statusVariants)) {
                for (const area of ['Phường Ninh Xá', '']) {
                  for (const locale of ['vi', 'en'] as const) {
                    const insight = baseInsight(indicator, grain);
                    for (const variant of [trend, unusual, change, forecast, status]) variant(insight, indicator);
                    const text = summarize(insight, indicator, { locale, areaName: area || undefined });
                    yield { label: `${indicator.id}/${grain}/${trendName}/${unusualName}/${changeName}/${forecastName}/${statusName}/${area || 'no area'}/${locale}`, text, locale };
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}

describe('summary text', () => {
  it('reads like the issue example', () => {
    const insight = baseInsight(pm25, 'hour');
    trendVariants.rising!(insight, pm25);
    Object.assign(insight.trend, { periods: 167, changePercent: 18.2 });
    unusualVariants['anomaly high']!(insight, pm25);
    forecastVariants['band up in 6']!(insight, pm25);
    insight.status.band = pm25.bands![1];
    expect(summarize(insight, pm25, { areaName: 'Phường X' })).to.equal(
      'Bụi mịn PM2.5 ở Phường X xấu đi, tăng 18\u00a0% trong 7 ngày qua, cao bất thường so với cùng kỳ; dự báo vượt ngưỡng Kém trong 6 giờ tới. Hiện ở mức Trung bình (48,3\u00a0µg/m³).',
    );
    expect(summarize(insight, pm25, { areaName: { vi: 'Phường X', en: 'Ward X' }, locale: 'en' })).to.equal(
      'PM2.5 in Ward X worsened, up 18% over the last 7 days and is unusually high for the time of year; forecast to reach Poor within the next 6 hours. Currently Moderate (48.3\u00a0µg/m³).',
    );
  });

  it('says "improved" when a lower-is-better indicator falls', () => {
    const insight = baseInsight(pm25, 'day');
    trendVariants.falling!(insight, pm25);
    expect(summarize(insight, pm25, { locale: 'en' })).to.match(/^PM2\.5 improved, down 4\.4% over the last 30 days\./);
    expect(summarize(insight, pm25)).to.match(/^Bụi mịn PM2\.5 cải thiện, giảm 4,4\u00a0% trong 30 ngày qua\./);
  });

  it('formats numbers in the locale', () => {
    expect(formatNumber(1234.5, 'vi', 1)).to.equal('1.234,5');
    expect(formatNumber(1234.5, 'en', 1)).to.equal('1,234.5');
    expect(formatNumber(-0.01, 'en', 1)).to.equal('0.0');
    expect(formatPercent(18.2, 'vi')).to.equal('18\u00a0%');
    expect(formatPercent(-4.44, 'en')).to.equal('4.4%');
  });

  it('every combination of the templates is grammatical in both languages', function () {
    this.timeout(120_000);
    let count = 0;
    const failures: string[] = [];
    const seen = new Set<string>();
    for (const { label, text, locale } of combinations()) {
      count++;
      seen.add(text);
      const problems = grammarProblems(text, locale);
      if (problems.length && failures.length < 10) failures.push(`${label}: ${problems.join(', ')}\n    ${text}`);
    }
    expect(failures, failures.join('\n')).to.deep.equal([]);
    expect(count).to.be.greaterThan(10_000);
    expect(seen.size).to.be.greaterThan(1000);
  });
});
