import { expect } from '@open-wc/testing';
import { TEST_PALETTE } from '../internal/testing.js';
import { renderTimeSeries, timeSeriesMarks, type TimeSeriesInput, type TimeSeriesInsights } from './time-series.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 23, 17);
const input: TimeSeriesInput = { key: 'a', label: 'A', t: Array.from({ length: 24 }, (_, i) => T0 + i * HOUR), v: Array.from({ length: 24 }, (_, i) => 50 + i) };
const last = T0 + 23 * HOUR;
const insights: TimeSeriesInsights = {
  key: 'a',
  anomalies: [{ t: T0 + 5 * HOUR, value: 55, label: 'anomaly: 20 above expected' }, { t: T0 + 5 * HOUR + 60_000, value: 56, label: 'too close' }],
  changes: [{ t: T0 + 10 * HOUR, label: 'level shift ↑' }, { t: T0 + 10 * HOUR + 1000, label: 'level shift ↑' }],
  forecast: { t: [last, last + HOUR, last + 2 * HOUR], mean: [73, 90, 120], low: [73, 80, 100], high: [73, 100, 140], label: 'Forecast', note: 'forecast to reach Poor within the next 2 hours' },
};
const size = { width: 600, height: 240 };

describe('time series insight marks (pure)', () => {
  it('places rings (one per ring width), staggered change labels and the forecast past the data', () => {
    const marks = timeSeriesMarks([input], { locale: 'en', palette: TEST_PALETTE, insights }, size);
    expect(marks.insights.anomalies.map((a) => a.label)).to.deep.equal(['anomaly: 20 above expected']);
    expect(marks.insights.changes).to.have.length(2);
    expect(marks.insights.changes[1]!.labelY).to.be.greaterThan(marks.insights.changes[0]!.labelY);
    // The time axis reaches the forecast's end, the value axis its central values.
    expect(marks.xDomain[1]).to.equal(last + 2 * HOUR);
    expect(marks.yDomain[1]).to.be.at.least(120);
    const forecast = marks.insights.forecast!;
    expect(forecast.line.length).to.equal(6);
    expect(forecast.band.length).to.equal(12);
    expect(forecast.note?.label).to.equal('forecast to reach Poor within the next 2 hours');
  });

  it('draws nothing of a hidden series, and nothing without insights', () => {
    expect(timeSeriesMarks([input], { locale: 'en', palette: TEST_PALETTE, insights, hidden: new Set(['a']) }, size).insights).to.deep.equal({ anomalies: [], changes: [] });
    const plain = timeSeriesMarks([input], { locale: 'en', palette: TEST_PALETTE }, size);
    expect(plain.insights).to.deep.equal({ anomalies: [], changes: [] });
    expect(plain.xDomain[1]).to.equal(last);
  });

  it('paints in the theme colours, and in the text colour with distinct dashes under forced colours', () => {
    const target = document.createElement('div');
    document.body.append(target);
    const colors = { anomaly: '#c62828', change: '#8f5f00', forecast: '#0b5cad' };
    renderTimeSeries(target, [input], { locale: 'vi', palette: TEST_PALETTE, insights: { ...insights, colors } }, size);
    expect(target.querySelector('circle.anomaly')!.getAttribute('stroke')).to.equal('#c62828');
    expect(target.querySelector('circle.anomaly')!.getAttribute('fill')).to.equal('none');
    expect(target.querySelector('line.change-point')!.getAttribute('stroke')).to.equal('#8f5f00');
    expect(target.querySelector('polyline.forecast-line')!.getAttribute('stroke-dasharray')).to.equal('5 4');
    renderTimeSeries(target, [input], { locale: 'vi', palette: { ...TEST_PALETTE, forced: true }, insights: { ...insights, colors } }, size);
    for (const selector of ['circle.anomaly', 'line.change-point', 'polyline.forecast-line']) expect(target.querySelector(selector)!.getAttribute('stroke')).to.equal(TEST_PALETTE.text);
    expect(target.querySelector('polyline.forecast-line')!.getAttribute('stroke-dasharray')).to.equal('2 3');
    target.remove();
  });
});
