import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatPeriod, formatTick, formatValue, tickFormatter, zoneOffsetMinutes } from './format.js';
import { createScale, niceDomain, safeDomain, timeTicks } from './scales.js';
import { ColumnBuckets, bucketWidthFor, lttb } from './reduce.js';
import { isSortedByTime, lowerBound, sortByTime, toFloat64 } from './series-data.js';
import { seriesStats, summarizeCategories, summarizeSeries, upwardCrossings } from './summary.js';
import { seriesTable } from './data-table.js';
import { areaRuns, pathData } from './draw.js';
import { readPalette } from './palette.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
// 24/11/2026 00:00 in Vietnam (UTC+7).
const NOV_24 = Date.UTC(2026, 10, 23, 17);

describe('charts/internal: formats', () => {
  it('writes values the Vietnamese and the English way', () => {
    expect(formatValue(1234.5, 'vi', 1)).to.equal('1.234,5');
    expect(formatValue(1234.5, 'en', 1)).to.equal('1,234.5');
    expect(formatValue(Number.NaN, 'vi')).to.equal('–');
    expect(formatValue(-1234567.891, 'vi', 2)).to.equal('\u22121.234.567,89');
    expect(formatValue(-0.0001, 'en', 1)).to.equal('0.0');
    // The same as Intl for the two locales (with a true minus), without loading Intl's locale data.
    const intl = (locale: string, value: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value).replace('-', '\u2212');
    for (const value of [0, 7, -42.5, 999.95, 1234.5, 98765432.1]) {
      expect(formatValue(value, 'vi', 1)).to.equal(intl('vi-VN', value));
      expect(formatValue(value, 'en', 1)).to.equal(intl('en-GB', value));
    }
  });

  it('names periods of every grain in both languages', () => {
    const at = NOV_24 + 14 * HOUR;
    expect(formatPeriod(at, 'hour', 'vi')).to.equal('14:00 24/11/2026');
    expect(formatPeriod(at, 'day', 'vi')).to.equal('24/11/2026');
    expect(formatPeriod(at, 'week', 'vi')).to.equal('Tuần 48/2026');
    expect(formatPeriod(at, 'week', 'en')).to.equal('Week 48, 2026');
    expect(formatPeriod(at, 'month', 'vi')).to.equal('Tháng 11/2026');
    expect(formatPeriod(at, 'month', 'en')).to.equal('November 2026');
    expect(formatPeriod(at, 'quarter', 'vi')).to.equal('Quý 4/2026');
    expect(formatPeriod(at, 'quarter', 'en')).to.equal('Q4 2026');
    expect(formatPeriod(at, 'year', 'en')).to.equal('2026');
    expect(formatPeriod(Number.NaN, 'day', 'vi')).to.equal('');
  });

  it('knows Vietnam is UTC+7 and labels ticks in local time', () => {
    expect(zoneOffsetMinutes('Asia/Ho_Chi_Minh', NOV_24)).to.equal(420);
    expect(zoneOffsetMinutes('UTC', NOV_24)).to.equal(0);
    expect(formatTick(NOV_24 + 6 * HOUR, 'hour', 'vi', 'Asia/Ho_Chi_Minh', 420)).to.equal('06:00');
    // A tick at local midnight says which day starts.
    expect(formatTick(NOV_24, 'hour', 'vi', 'Asia/Ho_Chi_Minh', 420)).to.equal('24/11');
    expect(formatTick(NOV_24, 'month', 'vi', 'Asia/Ho_Chi_Minh', 420)).to.equal('11/2026');
    expect(formatTick(NOV_24, 'month', 'en', 'Asia/Ho_Chi_Minh', 420)).to.equal('Nov 2026');
  });

  it('gives ticks just enough decimals and compacts large numbers in words a reader knows', () => {
    expect(tickFormatter(0.5, 10, 'vi')(2.5)).to.equal('2,5');
    expect(tickFormatter(20, 100, 'en')(40)).to.equal('40');
    expect(tickFormatter(200_000, 1_200_000, 'en')(1_200_000)).to.equal('1.2M');
    expect(tickFormatter(200_000, 1_200_000, 'vi')(1_200_000)).to.equal('1,2 triệu');
    expect(tickFormatter(200_000, 1_200_000, 'vi')(2_000_000)).to.equal('2 triệu');
    expect(tickFormatter(200_000, 1_200_000, 'en')(-400_000)).to.equal('\u2212400k');
    // Not ICU's short forms ("5,8 N", "1,2 Tr"), which read as nothing on a wall.
    expect(tickFormatter(20_000, 171_200, 'vi')(5_800)).to.equal('5,8 nghìn');
    expect(tickFormatter(20_000, 171_200, 'en')(5_800)).to.equal('5.8k');
    expect(tickFormatter(1e9, 3e9, 'vi')(3e9)).to.equal('3 tỷ');
    expect(tickFormatter(1e9, 3e9, 'en')(3e9)).to.equal('3bn');
  });

  it('writes negative numbers with the minus sign U+2212, never a hyphen, in values and ticks', () => {
    expect(formatValue(-3.25, 'vi', 1)).to.equal('\u22123,3');
    expect(formatValue(-1234.5, 'en', 1)).to.equal('\u22121,234.5');
    expect(formatValue(-0.01, 'vi', 1)).to.equal('0,0');
    for (const locale of ['vi', 'en'] as const) {
      const format = tickFormatter(0.5, 4, locale);
      for (const value of [-4, -2.5, -0.5]) expect(format(value), format(value)).to.match(/^\u2212[0-9]/);
      expect(tickFormatter(1e5, 5e5, locale)(-2e5)).to.not.contain('-');
    }
  });
});

describe('charts/internal: scales', () => {
  it('maps linearly with k and b, and inverts', () => {
    const scale = createScale('linear', [0, 100], [200, 0]);
    expect(scale.map(25)).to.equal(150);
    expect(scale.invert(150)).to.equal(25);
    expect(25 * scale.k + scale.b).to.equal(150);
    expect(scale.ticks(5)).to.deep.equal([0, 20, 40, 60, 80, 100]);
  });

  it('never divides by zero: empty, equal, reversed and non-finite domains become usable', () => {
    expect(safeDomain(5, 5)).to.deep.equal([4.5, 5.5]);
    expect(safeDomain(Number.NaN, Number.POSITIVE_INFINITY)).to.deep.equal([0, 1]);
    expect(safeDomain(9, 3)).to.deep.equal([3, 9]);
    expect(safeDomain(-5, 100, 'log')).to.deep.equal([10, 1000]);
    expect(niceDomain(3, 97, 5)).to.deep.equal([0, 100]);
    expect(niceDomain(3, 970, 5, 'log')).to.deep.equal([1, 1000]);
  });

  it('shows nothing for values a log scale cannot place', () => {
    const scale = createScale('log', [1, 1000], [100, 0]);
    expect(scale.map(10)).to.be.closeTo(66.67, 0.01);
    expect(scale.map(-1)).to.be.NaN;
    expect(scale.map(0)).to.be.NaN;
    expect(scale.ticks(10)).to.include.members([1, 10, 100, 1000]);
  });

  it('puts time ticks on local boundaries: hours, midnights, first of the month', () => {
    const hours = timeTicks(NOV_24, NOV_24 + DAY, 8, 420);
    expect(hours.unit).to.equal('hour');
    expect(hours.ticks[0]).to.equal(NOV_24);
    expect(hours.ticks.every((tick) => (tick - NOV_24) % (3 * HOUR) === 0)).to.be.true;
    const months = timeTicks(Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 1), 6, 420);
    expect(months.unit).to.match(/month|quarter/);
    expect(months.ticks.every((tick) => new Date(tick + 7 * HOUR).getUTCDate() === 1)).to.be.true;
    expect(timeTicks(5, 5, 5, 0).ticks).to.deep.equal([]);
  });
});

describe('charts/internal: reduction', () => {
  it('keeps every peak: the bucket minima and maxima are the data minima and maxima', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 500 }), fc.integer({ min: 1, max: 64 }), (values, width) => {
        const t = Float64Array.from(values, (_, i) => i * 1000);
        const v = Float64Array.from(values);
        const buckets = new ColumnBuckets(bucketWidthFor(values.length * 1000, width));
        buckets.add(t, v, 0, t.length);
        const [lo, hi] = buckets.extent();
        expect(lo).to.equal(Math.min(...values));
        expect(hi).to.equal(Math.max(...values));
        expect(buckets.count).to.be.at.most(2 * width + 2);
      }),
    );
  });

  it('appends live points by touching only the last bucket', () => {
    const t = Float64Array.from({ length: 100 }, (_, i) => i * 1000);
    const v = Float64Array.from({ length: 100 }, (_, i) => i % 7);
    const whole = new ColumnBuckets(8192);
    whole.add(t, v, 0, 100);
    const live = new ColumnBuckets(8192);
    live.add(t, v, 0, 60);
    for (let i = 60; i < 100; i++) live.add(t, v, i, i + 1);
    expect(live.count).to.equal(whole.count);
    for (const field of ['key', 'first', 'min', 'max', 'last'] as const) {
      expect([...live[field].subarray(0, live.count)]).to.deep.equal([...whole[field].subarray(0, whole.count)]);
    }
  });

  it('breaks the line at gaps', () => {
    const t = Float64Array.from([0, 1, 2, 3, 4]);
    const v = Float64Array.from([1, Number.NaN, 3, Number.POSITIVE_INFINITY, 5]);
    const buckets = new ColumnBuckets(1);
    buckets.add(t, v, 0, 5);
    expect(buckets.count).to.equal(3);
    expect([...buckets.gapBefore.subarray(0, 3)]).to.deep.equal([0, 1, 1]);
  });

  it('LTTB keeps the ends and the spike', () => {
    const t = Float64Array.from({ length: 1000 }, (_, i) => i);
    const v = Float64Array.from({ length: 1000 }, (_, i) => (i === 500 ? 100 : Math.sin(i / 50)));
    const picked = lttb(t, v, 50);
    expect(picked.length).to.equal(50);
    expect(picked[0]).to.equal(0);
    expect(picked[49]).to.equal(999);
    expect([...picked]).to.include(500);
    expect([...lttb(t, v, 5000)].length).to.equal(1000);
  });

  it('sorts unsorted data and finds times by binary search', () => {
    const t = Float64Array.from([3, 1, 2, Number.NaN, 1]);
    const v = Float64Array.from([30, 10, 20, 0, 11]);
    expect(isSortedByTime(t)).to.be.false;
    const sorted = sortByTime(t, v);
    expect([...sorted.t].slice(0, 4)).to.deep.equal([1, 1, 2, 3]);
    expect([...sorted.v].slice(0, 4)).to.deep.equal([10, 11, 20, 30]);
    expect(lowerBound(sorted.t, 2, 0, 4)).to.equal(2);
    expect([...toFloat64([1, 'x', null, 2])]).to.deep.equal([1, Number.NaN, Number.NaN, 2]);
  });
});

describe('charts/internal: summary and table', () => {
  const t = Float64Array.from({ length: 10 }, (_, i) => NOV_24 - (9 - i) * DAY);
  const v = Float64Array.from([40, 60, 90, 120, 80, 105, 130, 150, 160, 170]);

  it('finds range, latest value and a rising trend', () => {
    const stats = seriesStats(t, v)!;
    expect(stats.min).to.equal(40);
    expect(stats.max).to.equal(170);
    expect(stats.latest).to.equal(170);
    expect(stats.trend).to.equal('up');
    expect(seriesStats(t, Float64Array.from(v).reverse())!.trend).to.equal('down');
    expect(seriesStats(t, new Float64Array(10).fill(5))!.trend).to.equal('flat');
    expect(seriesStats(new Float64Array(0), new Float64Array(0))).to.be.undefined;
    expect(upwardCrossings(v, 101)).to.equal(2);
  });

  it('says it in Vietnamese and in English, with threshold crossings', () => {
    const input = { title: 'AQI', series: [{ label: 'Hà Nội', t, v }], thresholds: [{ value: 101, label: 'Kém' }], grain: 'day' as const };
    expect(summarizeSeries({ ...input, locale: 'vi' })).to.equal(
      'AQI: 1 chuỗi, từ 15/11/2026 đến 24/11/2026. Hà Nội: thấp nhất 40 (15/11/2026), cao nhất 170 (24/11/2026), mới nhất 170 (24/11/2026), xu hướng tăng, vượt ngưỡng Kém (101) 2 lần.',
    );
    expect(summarizeSeries({ ...input, locale: 'en', thresholds: [{ value: 101, label: 'Poor' }] })).to.contain('trend rising, crossed Poor (101) 2 times.');
    expect(summarizeSeries({ ...input, locale: 'en', series: [] })).to.equal('AQI: no data yet.');
    expect(summarizeCategories({ locale: 'vi', title: 'Hồ sơ', items: [{ label: 'A', value: 3 }, { label: 'B', value: 1 }, { label: 'C', value: null }], total: true })).to.equal(
      'Hồ sơ: 2 mục; cao nhất A 3, thấp nhất B 1, tổng 4.',
    );
  });

  it('tabulates the latest rows of every series by time', () => {
    const other = { label: 'Bắc Ninh', t: t.slice(5), v: Float64Array.from([1.5, 2, 3, 4, 5]) };
    const table = seriesTable({ locale: 'vi', caption: 'AQI', timeLabel: 'Ngày', series: [{ label: 'Hà Nội', t, v }, other], decimals: 1, maxRows: 6 });
    expect(table.columns.map((column) => column.label)).to.deep.equal(['Ngày', 'Hà Nội', 'Bắc Ninh']);
    expect(table.total).to.equal(10);
    expect(table.truncated).to.be.true;
    expect(table.rows.length).to.equal(6);
    expect(table.rows[0]).to.deep.equal(['19/11/2026', '80,0', '–']);
    expect(table.rows[1]).to.deep.equal(['20/11/2026', '105,0', '1,5']);
  });
});

describe('charts/internal: drawing', () => {
  it('writes paths with breaks at NaN and rounded to 0.1 px', () => {
    expect(pathData(Float64Array.from([0, 0, 1.234, 2, Number.NaN, Number.NaN, 3, 3, 4, 4]))).to.equal('M0,0L1.2,2M3,3L4,4');
    expect(areaRuns(Float64Array.from([0, 1, 1, 2, Number.NaN, Number.NaN, 3, 3]), 8, 10).length).to.equal(1);
  });

  it('reads colours from custom properties on the element, resolved', () => {
    const host = document.createElement('div');
    host.style.setProperty('--ioc-sys-color-aqi-good', 'rgb(0, 228, 0)');
    host.style.setProperty('--_chart-series-1', 'rgb(1, 2, 3)');
    // Relative colours (as brand themes use) resolve to a colour canvas can draw with.
    host.style.setProperty('--_chart-series-2', 'rgb(from rgb(10 20 30) r g b)');
    host.style.setProperty('--_chart-line-width', '3px');
    // Hex tokens (the built-in themes) are written as the browser computes them, without a probe.
    host.style.setProperty('--_chart-series-3', '#0B5cad');
    host.style.setProperty('--_chart-text', '#abc');
    document.body.append(host);
    const palette = readPalette(host, ['aqi-good', 'aqi-bad', '"><x'], { 'aqi-bad': '#ff0000' });
    expect(palette.series[0]).to.equal('rgb(1, 2, 3)');
    expect(palette.bands['aqi-good']).to.equal('rgb(0, 228, 0)');
    expect(palette.bands['aqi-bad']).to.equal('rgb(255, 0, 0)');
    expect(Object.keys(palette.bands)).to.not.include('"><x');
    expect(palette.series[1]).to.match(/^(rgb|color)\(/);
    expect(palette.series[2]).to.equal('rgb(11, 92, 173)');
    expect(palette.text).to.equal('rgb(170, 187, 204)');
    expect(palette.lineWidth).to.equal(3);
    expect(host.children.length).to.equal(0);
    host.remove();
  });

  it('reads line width and label size in px, container query units resolved against the widget', () => {
    const host = document.createElement('div');
    // The wall theme sizes chart text and strokes to the widget: 1cqi is 1 % of its width.
    host.style.setProperty('container-type', 'inline-size');
    host.style.setProperty('width', '600px');
    host.style.setProperty('--_chart-line-width', 'clamp(3px, 1cqi, 8px)');
    host.style.setProperty('--_chart-font-size', 'clamp(1rem, 3cqi, 2rem)');
    document.body.append(host);
    const wide = readPalette(host);
    expect(wide.lineWidth).to.be.closeTo(6, 0.01);
    expect(wide.fontSize).to.be.closeTo(18, 0.01);
    host.style.setProperty('width', '200px');
    const narrow = readPalette(host);
    expect(narrow.lineWidth, 'clamped at the small end').to.equal(3);
    expect(narrow.fontSize, 'clamped at the small end').to.equal(16);
    expect(host.children.length).to.equal(0);
    host.remove();
  });
});
