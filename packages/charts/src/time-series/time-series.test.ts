import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { TEST_PALETTE } from '../internal/testing.js';
import { appendSeries } from '../internal/series-data.js';
import { SERIES_DASHES, seriesDash } from '../internal/palette.js';
import { TimeSeriesChart, renderTimeSeries, timeSeriesMarks, type TimeSeriesInput, type TimeSeriesMarks, type TimeSeriesOptions } from './time-series.js';
import { TIME_SERIES_SNAPSHOT } from './time-series.snapshot.js';

const HOUR = 3_600_000;
// 24/11/2026 00:00 in Vietnam.
const START = Date.UTC(2026, 10, 23, 17);

function host(width = 400, height = 200): HTMLElement {
  const element = document.createElement('div');
  element.style.setProperty('position', 'relative');
  element.style.setProperty('width', `${width}px`);
  element.style.setProperty('height', `${height}px`);
  document.body.append(element);
  return element;
}

const aqi: TimeSeriesInput = {
  key: '90',
  label: 'Bắc Ninh',
  t: Array.from({ length: 12 }, (_, i) => START + i * HOUR),
  v: [42, 55, 61, 90, 120, 98, Number.NaN, 104, 160, 149, 95, 80],
};

const options: TimeSeriesOptions = {
  locale: 'vi',
  palette: TEST_PALETTE,
  grain: 'hour',
  pixelRatio: 1,
  includeZero: true,
  bands: [
    { from: 0, to: 51, label: 'Tốt', color: '#00e400' },
    { from: 51, to: 101, label: 'Trung bình', color: '#ffff00' },
    { from: 101, to: 151, label: 'Kém', color: '#ff7e00' },
    { from: 151, to: 201, label: 'Xấu', color: '#ff0000' },
  ],
  target: { value: 100, label: 'Mục tiêu 100' },
  annotations: [{ t: START + 6 * HOUR, label: 'Mất điện' }],
  thresholds: [{ value: 101, direction: 'up', label: 'Kém' }],
};

function serialize(element: HTMLElement): string {
  const serializer = new XMLSerializer();
  // One element per line, so a snapshot diff points at the mark that changed.
  return [...element.querySelectorAll('svg')].map((node) => serializer.serializeToString(node).replace(/></g, '>\n<')).join('\n');
}

/** Every finite coordinate of the marks lies inside the plot (within rounding). */
function assertInsidePlot(marks: TimeSeriesMarks): void {
  const { plot } = marks;
  const left = plot.left - 1e-6;
  const right = plot.left + plot.width + 1e-6;
  const top = plot.top - 1e-6;
  const bottom = plot.top + plot.height + 1e-6;
  const check = (x: number, y: number, what: string) => {
    if (Number.isNaN(x) && Number.isNaN(y)) return;
    if (!(x >= left && x <= right && y >= top && y <= bottom)) throw new Error(`${what} (${x}, ${y}) outside plot ${JSON.stringify(plot)}`);
  };
  for (const series of marks.series) {
    for (let i = 0; i < series.line.length; i += 2) check(series.line[i]!, series.line[i + 1]!, `line ${series.key}`);
    for (const polygon of series.areas) for (let i = 0; i < polygon.length; i += 2) check(polygon[i]!, polygon[i + 1]!, `area ${series.key}`);
  }
  for (const signal of marks.signals) check(signal.x, signal.y, 'signal');
  for (const band of marks.bands) {
    check(plot.left, band.y, 'band top');
    check(plot.left, band.y + band.height, 'band bottom');
  }
  if (marks.target) check(plot.left, marks.target.y, 'target');
  for (const annotation of marks.annotations) check(annotation.x, plot.top, 'annotation');
}

describe('time series (pure render)', () => {
  it('draws the same SVG for the same data (snapshot)', () => {
    const element = host();
    const marks = renderTimeSeries(element, [aqi], options, { width: 400, height: 200 });
    const actual = serialize(element);
    if (actual !== TIME_SERIES_SNAPSHOT) console.log(`--- new snapshot ---\n${actual}\n--- end ---`);
    expect(actual).to.equal(TIME_SERIES_SNAPSHOT);
    expect(marks.renderer).to.equal('svg');
    element.remove();
  });

  it('draws threshold bands, the target line, annotations and signals where the series crossed', () => {
    const element = host();
    const marks = renderTimeSeries(element, [aqi], options, { width: 400, height: 200 });
    expect(marks.bands.map((band) => band.label)).to.deep.equal(['Tốt', 'Trung bình', 'Kém', 'Xấu']);
    expect(element.querySelectorAll('.bands rect:not(.band-key)').length).to.equal(4);
    expect(element.querySelector('line.target')).to.not.equal(null);
    expect([...element.querySelectorAll('text')].map((text) => text.textContent)).to.include.members(['Mục tiêu 100', 'Mất điện']);
    // 98 -> NaN -> 104 is a crossing too: the gap does not hide it; 104 -> 160 stays above.
    expect(marks.signals.map((signal) => signal.value)).to.deep.equal([120, 104]);
    expect(element.querySelectorAll('circle.signal').length).to.equal(2);
    element.remove();
  });

  it('writes an annotation at the right edge to the left of its line, inside the plot', () => {
    const element = host();
    const marks = renderTimeSeries(element, [aqi], { ...options, bands: [], annotations: [{ t: START + 11 * HOUR, label: 'Đang cập nhật' }] }, { width: 400, height: 200 });
    const text = [...element.querySelectorAll('text')].find((node) => node.textContent === 'Đang cập nhật')!;
    expect(text.getAttribute('text-anchor')).to.equal('end');
    expect(Number(text.getAttribute('x'))).to.be.below(marks.annotations[0]!.x);
    element.remove();
  });

  it('names the bands at the plot edge, outside the plot, each beside its own colour', () => {
    const element = host();
    const marks = renderTimeSeries(element, [aqi], options, { width: 400, height: 200 });
    const right = marks.plot.left + marks.plot.width;
    expect(marks.bandLabels.map((label) => label.label)).to.deep.equal(['Tốt', 'Trung bình', 'Kém', 'Xấu']);
    marks.bandLabels.forEach((label, i) => {
      const band = marks.bands[i]!;
      // Outside the plot (covers no data), inside the chart, and level with its band.
      expect(label.x).to.be.above(right);
      expect(label.x + label.label.length * 11 * 0.6).to.be.at.most(marks.width);
      expect(label.y).to.be.within(band.y, band.y + band.height);
      expect(label.color).to.equal(band.color);
    });
    const texts = [...element.querySelectorAll('text.band-label')].map((text) => text.textContent);
    expect(texts).to.deep.equal(['Tốt', 'Trung bình', 'Kém', 'Xấu']);
    expect(element.querySelectorAll('rect.band-key').length).to.equal(4);
    // Too narrow for the names: the plot keeps its width, and no label is squeezed in.
    const narrow = renderTimeSeries(element, [aqi], options, { width: 160, height: 200 });
    expect(narrow.bandLabels).to.deep.equal([]);
    // A band too thin for its name is not labelled.
    const thin = renderTimeSeries(element, [aqi], { ...options, bands: [...options.bands!, { from: 201, to: 202, label: 'Rất xấu', color: '#8f3f97' }], yDomain: [0, 202] }, { width: 400, height: 200 });
    expect(thin.bandLabels.map((label) => label.label)).to.not.include('Rất xấu');
    element.remove();
  });

  it('writes the unit above the value axis, in the theme\'s font size', () => {
    const element = host();
    const marks = renderTimeSeries(element, [aqi], { ...options, unit: 'µg/m³', palette: { ...options.palette, fontSize: 20 } }, { width: 600, height: 300 });
    expect(marks.unit?.label).to.equal('µg/m³');
    expect(marks.unit!.y).to.be.below(marks.plot.top);
    const unit = element.querySelector('text.unit')!;
    expect(unit.textContent).to.equal('µg/m³');
    expect(unit.getAttribute('font-size')).to.equal('20');
    for (const text of element.querySelectorAll('.axis text')) expect(text.getAttribute('font-size')).to.equal('20');
    // No unit given: nothing written, no room taken.
    const bare = renderTimeSeries(element, [aqi], options, { width: 400, height: 200 });
    expect(bare.unit).to.equal(undefined);
    expect(element.querySelector('text.unit')).to.equal(null);
    element.remove();
  });

  it('keeps time labels at the plot ends inside the drawing, never cut off', () => {
    const element = host(600, 200);
    const month = { key: 'm', label: 'M', t: Array.from({ length: 120 }, (_, i) => Date.UTC(2026, 7, 1) - 7 * HOUR + i * 24 * HOUR), v: Array.from({ length: 120 }, (_, i) => (i % 7) * 4) };
    renderTimeSeries(element, [month], { ...options, locale: 'en', bands: [], target: undefined, annotations: [], thresholds: [] }, { width: 600, height: 200 });
    for (const text of element.querySelectorAll('.axis-bottom text')) {
      const half = (text.textContent.length * 11 * 0.6) / 2;
      const x = Number(text.getAttribute('x'));
      expect(x - half, text.textContent).to.be.at.least(-0.5);
      expect(x + half, text.textContent).to.be.at.most(600.5);
    }
    element.remove();
  });

  it('draws no axis, band, target or note when every series is hidden, instead of a scale of nothing', () => {
    const element = host();
    const chart = new TimeSeriesChart(element);
    const shown = chart.render([aqi], { ...options, unit: 'µg/m³' }, { width: 400, height: 200 });
    expect(shown.nothingVisible).to.be.false;
    const marks = chart.render([aqi], { ...options, unit: 'µg/m³', hidden: new Set(['90']) }, { width: 400, height: 200 });
    expect(marks.nothingVisible).to.be.true;
    expect(marks.series).to.deep.equal([]);
    expect(marks.xTicks).to.deep.equal([]);
    expect(marks.yTicks).to.deep.equal([]);
    expect(marks.bands).to.deep.equal([]);
    expect(marks.bandLabels).to.deep.equal([]);
    expect(marks.target).to.equal(undefined);
    expect(marks.annotations).to.deep.equal([]);
    expect(marks.unit).to.equal(undefined);
    expect(element.querySelectorAll('text').length).to.equal(0);
    expect(element.querySelectorAll('.axis').length).to.equal(0);
    // Shown again: everything is back.
    expect(chart.render([aqi], { ...options, unit: 'µg/m³', hidden: new Set() }, { width: 400, height: 200 }).yTicks.length).to.be.above(1);
    element.remove();
  });

  it('breaks the line at gaps', () => {
    const element = host();
    renderTimeSeries(element, [aqi], options, { width: 400, height: 200 });
    const d = element.querySelector('g.line path:last-child')!.getAttribute('d')!;
    expect(d.match(/M/g)!.length).to.equal(2);
    element.remove();
  });

  it('labels time in Vietnamese and English formats', () => {
    const element = host();
    const vi = renderTimeSeries(element, [aqi], options, { width: 400, height: 200 });
    expect(vi.xTicks.map((tick) => tick.label)).to.include('24/11');
    expect(vi.xTicks.map((tick) => tick.label)).to.include('03:00');
    const big: TimeSeriesInput = { ...aqi, v: aqi.v.map((value) => (value) * 100) };
    const en = renderTimeSeries(element, [big], { ...options, locale: 'en', bands: [], target: undefined }, { width: 400, height: 200 });
    expect(en.yTicks.some((tick) => tick.label.includes(','))).to.be.true;
    element.remove();
  });

  it('zooms to a time domain and draws only what is inside it', () => {
    const element = host();
    const chart = new TimeSeriesChart(element);
    chart.render([aqi], options, { width: 400, height: 200 });
    const zoomed = chart.render([aqi], { ...options, xDomain: [START + 0.5 * HOUR, START + 3.5 * HOUR] }, { width: 400, height: 200 });
    expect(zoomed.xDomain).to.deep.equal([START + 0.5 * HOUR, START + 3.5 * HOUR]);
    assertInsidePlot(zoomed);
    // Three points inside and two cut at the edges.
    const line = zoomed.series[0]!.line;
    expect(line.length / 2).to.equal(5);
    expect(line[0]).to.equal(zoomed.plot.left);
    element.remove();
  });

  it('hides series by key', () => {
    const element = host();
    const other = { ...aqi, key: '01', label: 'Hà Nội', v: aqi.v.map((value) => (value) / 2) };
    const marks = renderTimeSeries(element, [aqi, other], { ...options, hidden: new Set(['90']) }, { width: 400, height: 200 });
    expect(marks.series.map((series) => series.key)).to.deep.equal(['01']);
    element.remove();
  });

  it('tells series apart by dash pattern when the palette has patterns (forced colours), on SVG and canvas', () => {
    const element = host();
    const other = { ...aqi, key: '01', label: 'Hà Nội', v: aqi.v.map((value) => value / 2) };
    const third = { ...aqi, key: '02', label: 'Huế', v: aqi.v.map((value) => value / 3) };
    const forced = { ...options.palette, series: options.palette.series.map(() => 'rgb(0, 0, 0)'), dashes: SERIES_DASHES, lineWidth: 2 };
    const marks = renderTimeSeries(element, [aqi, other, third], { ...options, palette: forced, renderer: 'svg' }, { width: 400, height: 200 });
    const dashes = marks.series.map((series) => series.dash.join(' '));
    expect(new Set(dashes).size, 'three series, three patterns').to.equal(3);
    const drawn = [...element.querySelectorAll('g.line path[stroke]')].map((path) => path.getAttribute('stroke-dasharray') ?? '');
    expect(new Set(drawn).size).to.equal(3);
    expect(seriesDash(forced, 1)).to.deep.equal([12, 6]);
    // Without patterns (every theme outside forced colours) every line is solid.
    const plain = renderTimeSeries(element, [aqi, other], { ...options, renderer: 'svg' }, { width: 400, height: 200 });
    expect(plain.series.every((series) => series.dash.length === 0)).to.equal(true);
    element.remove();
  });

  it('stacks areas: each layer sits on the one before', () => {
    const element = host();
    const ones = { key: 'a', label: 'A', t: [START, START + HOUR, START + 2 * HOUR], v: [1, 1, 1] };
    const twos = { key: 'b', label: 'B', t: [START, START + HOUR, START + 2 * HOUR], v: [2, 2, 2] };
    const marks = renderTimeSeries(element, [ones, twos], { ...options, mode: 'stacked', bands: [], target: undefined, thresholds: [] }, { width: 400, height: 200 });
    const top = marks.series[1]!.line;
    const { plot, yDomain } = marks;
    const yOf = (value: number) => plot.top + plot.height - ((value - yDomain[0]) / (yDomain[1] - yDomain[0])) * plot.height;
    expect(top[1]).to.be.closeTo(yOf(3), 1e-6);
    expect(marks.series[1]!.areas.length).to.equal(1);
    element.remove();
  });

  it('draws on canvas, reduced per pixel column, when points outnumber pixels, keeping every peak', () => {
    const element = host(300, 150);
    const n = 200_000;
    const t = new Float64Array(n);
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      t[i] = START + i * 1000;
      v[i] = Math.sin(i / 5000) * 10;
    }
    v[123_457] = 500;
    v[7] = -300;
    const chart = new TimeSeriesChart(element);
    const marks = chart.render([{ key: 's', label: 'S', t, v }], { ...options, bands: [], target: undefined, thresholds: [], includeZero: false }, { width: 300, height: 150 });
    expect(marks.renderer).to.equal('canvas');
    expect(marks.reduced).to.be.true;
    // At most four vertices per reduction column, and columns are at most half a pixel wide.
    expect(marks.series[0]!.line.length / 2).to.be.at.most(4 * 2 * marks.plot.width + 8);
    const ys = [...marks.series[0]!.line].filter((_, i) => i % 2 === 1);
    const { plot, yDomain } = marks;
    const yOf = (value: number) => plot.top + plot.height - ((value - yDomain[0]) / (yDomain[1] - yDomain[0])) * plot.height;
    expect(Math.min(...ys)).to.be.closeTo(yOf(500), 1e-6);
    expect(Math.max(...ys)).to.be.closeTo(yOf(-300), 1e-6);
    expect(marks.yDomain[1]).to.be.at.least(500);
    expect(marks.yDomain[0]).to.be.at.most(-300);
    assertInsidePlot(marks);
    element.remove();
  });

  it('draws appended points (appendSeries) by reducing only the newest column', () => {
    const element = host(300, 150);
    const n = 50_000;
    const t = Float64Array.from({ length: n }, (_, i) => START + i * 1000);
    const v = Float64Array.from({ length: n }, (_, i) => i % 100);
    const chart = new TimeSeriesChart(element);
    const plain = { ...options, bands: [], target: undefined, thresholds: [] };
    chart.render([{ key: 's', label: 'S', t, v }], plain, { width: 300, height: 150 });
    const grown = appendSeries(t, v, [START + n * 1000], [900]);
    expect(grown.t.length).to.equal(n + 1);
    const marks = chart.render([{ key: 's', label: 'S', ...grown }], plain, { width: 300, height: 150 });
    expect(marks.yDomain[1]).to.be.at.least(900);
    expect(marks.reduced).to.be.true;
    // The same marks as a chart that never saw the shorter series.
    expect(marks).to.deep.equal(timeSeriesMarks([{ key: 's', label: 'S', t: Float64Array.from(grown.t), v: Float64Array.from(grown.v) }], { ...plain, pixelRatio: 1 }, { width: 300, height: 150 }));
    // An older time is ignored: live data only moves forward.
    expect(appendSeries(grown.t, grown.v, [START], [5]).t.length).to.equal(n + 1);
    // The caller's arrays were never written.
    expect(t.length).to.equal(n);
    element.remove();
  });

  it('is a function of its input: the same input gives the same marks, whatever was drawn before', () => {
    const element = host();
    const size = { width: 400, height: 200 };
    const other: TimeSeriesInput = { key: '01', label: 'Hà Nội', t: aqi.t, v: aqi.v.map((value) => value * 3) };
    const first = timeSeriesMarks([aqi], options, size);
    // Another chart drawing other data in between changes nothing.
    const chart = new TimeSeriesChart(element);
    chart.render([other], { ...options, mode: 'area' }, { width: 300, height: 100 });
    chart.render([aqi, other], { ...options, xDomain: [START, START + 3 * HOUR] }, size);
    expect(timeSeriesMarks([aqi], options, size)).to.deep.equal(first);
    expect(chart.render([aqi], { ...options, pixelRatio: 1 }, size)).to.deep.equal(first);
    // And it keeps nothing of what it was given: the chart has no series to give back.
    expect(Object.keys(chart).some((key) => /series|state|last/i.test(key))).to.be.false;
    // The marks of one render are not changed by the next one.
    const copy = first.series[0]!.line.slice();
    timeSeriesMarks([other], options, size);
    expect([...first.series[0]!.line]).to.deep.equal([...copy]);
    element.remove();
  });

  it('never draws a stale longer view of a grown series into a shorter one', () => {
    const n = 30_000;
    const t = Float64Array.from({ length: n }, (_, i) => START + i * 1000);
    const v = Float64Array.from({ length: n }, (_, i) => i % 10);
    const plain = { ...options, bands: [], target: undefined, thresholds: [], pixelRatio: 1 };
    const size = { width: 300, height: 150 };
    const a = appendSeries(t, v, [START + n * 1000], [1000]);
    const long = timeSeriesMarks([{ key: 's', label: 'S', ...a }], plain, size);
    expect(long.yDomain[1]).to.be.at.least(1000);
    // Branching from the original again (a reload): the peak of the other branch is not there.
    const b = appendSeries(t, v, [START + n * 1000], [5]);
    const short = timeSeriesMarks([{ key: 's', label: 'S', ...b }], plain, size);
    expect(short.yDomain[1]).to.be.below(1000);
    // And the first branch is untouched.
    expect(a.v[n]).to.equal(1000);
  });

  it('never throws and never draws outside the plot, whatever the data (property)', () => {
    const element = host();
    const time = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: START - 1000 * HOUR, max: START + 1000 * HOUR }) },
      { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1e15, 8.64e15) },
    );
    const value = fc.oneof(
      { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6 }) },
      { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, 1e300, -1e300, 5e-324) },
    );
    const series = fc.array(fc.tuple(time, value), { maxLength: 600 }).map((points) => ({ t: points.map((p) => p[0]), v: points.map((p) => p[1]) }));
    const arbitraryOptions = fc.record({
      mode: fc.constantFrom('line', 'area', 'stacked'),
      yScale: fc.constantFrom('linear', 'log'),
      renderer: fc.constantFrom('auto', 'svg', 'canvas'),
      width: fc.integer({ min: 0, max: 900 }),
      height: fc.integer({ min: 0, max: 500 }),
      zoom: fc.option(fc.tuple(time, time)),
      yDomain: fc.option(fc.tuple(value, value)),
      target: fc.option(value),
      threshold: fc.option(value),
    });
    fc.assert(
      fc.property(fc.array(series, { minLength: 0, maxLength: 3 }), arbitraryOptions, (data, o) => {
        const inputs = data.map((s, i) => ({ key: `s${i}`, label: `<b>${i}</b>`, ...s }));
        const chart = new TimeSeriesChart(element);
        try {
          const marks = chart.render(
            inputs,
            {
              ...options,
              mode: o.mode,
              yScale: o.yScale,
              renderer: o.renderer,
              xDomain: o.zoom ?? undefined,
              yDomain: o.yDomain ?? undefined,
              target: o.target === null ? undefined : { value: o.target, label: 'T' },
              thresholds: o.threshold === null ? [] : [{ value: o.threshold, direction: 'up', label: 'X' }],
            },
            { width: o.width, height: o.height },
          );
          try {
            assertInsidePlot(marks);
          } catch (error) {
            console.log(String(error), JSON.stringify({ plot: marks.plot, x: marks.xDomain, y: marks.yDomain }));
            throw error;
          }
          const first = inputs[0];
          if (first) {
            const grown = { ...first, ...appendSeries(first.t, first.v, [START + 2000 * HOUR, Number.NaN], [1, 2]) };
            assertInsidePlot(chart.render([grown, ...inputs.slice(1)], { ...options, mode: o.mode, yScale: o.yScale, renderer: o.renderer }, { width: o.width, height: o.height }));
          }
        } finally {
          chart.destroy();
        }
      }),
      { numRuns: 300 },
    );
    expect(element.querySelector('b')).to.equal(null);
    element.remove();
  });

  it('sorts a long series that arrives out of order (checked while reducing)', () => {
    const element = host(300, 150);
    const n = 30_000;
    // Sorted for the first 25 000 points, then backwards.
    const t = Float64Array.from({ length: n }, (_, i) => START + (i < 25_000 ? i : 55_000 - i) * 1000);
    const v = Float64Array.from({ length: n }, (_, i) => (i === 29_999 ? 999 : i % 50));
    const chart = new TimeSeriesChart(element);
    const marks = chart.render([{ key: 's', label: 'S', t, v }], { ...options, bands: [], target: undefined, thresholds: [] }, { width: 300, height: 150 });
    expect(marks.yDomain[1]).to.be.at.least(999);
    expect(marks.xDomain).to.deep.equal([START, START + 30_000 * 1000]);
    const xs = [...marks.series[0]!.line].filter((x, i) => i % 2 === 0 && !Number.isNaN(x));
    expect(xs.every((x, i) => i === 0 || x >= xs[i - 1]!)).to.be.true;
    assertInsidePlot(marks);
    // Zoomed into the part that was out of order, drawn from sorted data.
    assertInsidePlot(chart.render([{ key: 's', label: 'S', t, v }], { ...options, bands: [], target: undefined, thresholds: [], xDomain: [START + 25_000_000, START + 25_050_000] }, { width: 300, height: 150 }));
    element.remove();
  });

  it('handles the cases people forget: one point, all equal, unsorted and duplicate times, log of negatives', () => {
    const element = host();
    const cases: TimeSeriesInput[][] = [
      [{ key: 'one', label: 'one', t: [START], v: [5] }],
      [{ key: 'flat', label: 'flat', t: [START, START + HOUR, START + 2 * HOUR], v: [7, 7, 7] }],
      [{ key: 'unsorted', label: 'unsorted', t: [START + 2 * HOUR, START, START + HOUR], v: [3, 1, 2] }],
      [{ key: 'dup', label: 'dup', t: [START, START, START + HOUR], v: [1, 9, 2] }],
      [{ key: 'neg', label: 'neg', t: [START, START + HOUR, START + 2 * HOUR], v: [-5, 0, 10] }],
    ];
    for (const inputs of cases) {
      for (const yScale of ['linear', 'log'] as const) {
        const marks = renderTimeSeries(element, inputs, { ...options, yScale }, { width: 300, height: 150 });
        assertInsidePlot(marks);
        expect(Number.isFinite(marks.yDomain[0]) && marks.yDomain[0] < marks.yDomain[1], `${inputs[0]!.key} ${yScale}`).to.be.true;
      }
    }
    const unsorted = renderTimeSeries(element, cases[2]!, { ...options, bands: [], includeZero: false, target: undefined }, { width: 300, height: 150 });
    const xs = [...unsorted.series[0]!.line].filter((_, i) => i % 2 === 0);
    expect(xs).to.deep.equal([...xs].sort((a, b) => a - b));
    element.remove();
  });
});
