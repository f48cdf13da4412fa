import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { TEST_PALETTE } from '../internal/testing.js';
import { decimalsToTellApart, rankRows, renderBar, valuesNeedZoom, type BarData, type BarMarks, type BarOptions } from './bar.js';
import { BAR_SNAPSHOT } from './bar.snapshot.js';

function host(width = 400, height = 240): HTMLElement {
  const element = document.createElement('div');
  element.style.setProperty('position', 'relative');
  element.style.setProperty('width', `${width}px`);
  element.style.setProperty('height', `${height}px`);
  document.body.append(element);
  return element;
}

function serialize(element: HTMLElement): string {
  const serializer = new XMLSerializer();
  return [...element.querySelectorAll('svg')].map((node) => serializer.serializeToString(node).replace(/></g, '>\n<')).join('\n');
}

const months: BarData = {
  categories: [
    { key: '2026-09', label: 'Th9' },
    { key: '2026-10', label: 'Th10' },
    { key: '2026-11', label: 'Th11' },
  ],
  series: [
    { key: '90', label: 'Bắc Ninh', values: [120, 80, 100] },
    { key: '01', label: 'Hà Nội', values: [60, 40, 50] },
  ],
};

const options: BarOptions = { locale: 'vi', palette: TEST_PALETTE };

/** Every bar lies inside the plot rectangle (within rounding) and has finite, non-negative size. */
function assertInsidePlot(marks: BarMarks): void {
  const { plot } = marks;
  const eps = 1e-6;
  for (const bar of marks.bars) {
    const ok =
      [bar.x, bar.y, bar.width, bar.height].every(Number.isFinite) &&
      bar.width >= 0 &&
      bar.height >= 0 &&
      bar.x >= plot.left - eps &&
      bar.y >= plot.top - eps &&
      bar.x + bar.width <= plot.left + plot.width + eps &&
      bar.y + bar.height <= plot.top + plot.height + eps;
    if (!ok) throw new Error(`bar ${JSON.stringify(bar)} outside plot ${JSON.stringify(plot)}`);
  }
  if (marks.target) {
    const p = marks.target.position;
    const [lo, hi] = marks.orientation === 'vertical' ? [plot.top, plot.top + plot.height] : [plot.left, plot.left + plot.width];
    if (!(p >= lo - eps && p <= hi + eps)) throw new Error(`target at ${p} outside plot`);
  }
}

describe('bar chart (pure render)', () => {
  it('names every row of a ranking with large text in a small chart, smaller rather than skipping', () => {
    const element = host(320, 200);
    const ten: BarData = {
      categories: Array.from({ length: 10 }, (_, i) => ({ key: String(i), label: `Phường số ${i + 1}` })),
      series: [{ key: 'v', label: 'Giá trị', values: Array.from({ length: 10 }, (_, i) => 100 - i * 7) }],
    };
    // Wall text (24 px) where each row is about 15 px high.
    renderBar(element, ten, { ...options, palette: { ...TEST_PALETTE, fontSize: 24 }, orientation: 'horizontal' }, { width: 320, height: 200 });
    const names = [...element.querySelectorAll('g.categories text')];
    expect(names.map((text) => text.textContent)).to.deep.equal(ten.categories.map((category) => category.label));
    for (const text of names) expect(Number(text.getAttribute('font-size'))).to.be.within(10, 24);
    element.remove();
  });

  it('is a function of its input: what it drew before changes nothing', () => {
    const element = host();
    const size = { width: 400, height: 240 };
    const first = renderBar(element, months, options, size);
    const svgFirst = new XMLSerializer().serializeToString(element.querySelector('svg')!);
    renderBar(element, { categories: [{ key: 'x', label: 'X' }], series: [{ key: 'v', label: 'V', values: [-7] }] }, options, { width: 200, height: 100 });
    expect(renderBar(element, months, options, size)).to.deep.equal(first);
    expect(new XMLSerializer().serializeToString(element.querySelector('svg')!)).to.equal(svgFirst);
    element.remove();
  });

  it('draws the same SVG for the same data (snapshot)', () => {
    const element = host();
    renderBar(element, months, { ...options, target: { value: 90, label: 'Mục tiêu' } }, { width: 400, height: 240 });
    const ranking = host();
    renderBar(
      ranking,
      { categories: [{ key: 'a', label: 'Phường Kinh Bắc' }, { key: 'b', label: 'Xã Tam Giang' }], series: [{ key: 'v', label: 'AQI', values: [151.5, 42] }] },
      { ...options, orientation: 'horizontal', highlight: 'b', valueLabels: true, decimals: 1 },
      { width: 400, height: 120 },
    );
    const dots = host();
    renderBar(
      dots,
      { categories: [{ key: 'a', label: '=1. Xã Nam Sào' }, { key: 'b', label: '=1. Xã Ngàn Lâm' }, { key: 'c', label: '3. Phường Trầm Đình' }], series: [{ key: 'v', label: 'Đúng hạn', values: [99.1, 99.1, 98.6] }] },
      { ...options, orientation: 'horizontal', valueLabels: true, decimals: 1, mark: 'auto', unit: '%', axisLabel: 'Đơn vị: %', target: { value: 95, label: 'Mục tiêu 95,0 %' } },
      { width: 400, height: 160 },
    );
    const actual = `${serialize(element)}\n${serialize(ranking)}\n${serialize(dots)}`;
    if (actual !== BAR_SNAPSHOT) console.log(`--- new snapshot ---\n${actual}\n--- end ---`);
    expect(actual).to.equal(BAR_SNAPSHOT);
    element.remove();
    ranking.remove();
    dots.remove();
  });

  it('groups bars side by side in each category, scaled from zero', () => {
    const element = host();
    const marks = renderBar(element, months, options, { width: 400, height: 240 });
    expect(marks.bars.length).to.equal(6);
    const [a, b] = marks.bars.filter((bar) => bar.category === '2026-09');
    expect(a!.x + a!.width).to.be.at.most(b!.x);
    const bottom = marks.plot.top + marks.plot.height;
    expect(a!.y + a!.height).to.be.closeTo(bottom, 1e-6);
    // 120 is twice 60.
    expect(a!.height).to.be.closeTo(2 * b!.height, 1e-6);
    expect(marks.valueDomain[0]).to.equal(0);
    assertInsidePlot(marks);
    element.remove();
  });

  it('stacks series on each other, and to 100 % in the percent layout', () => {
    const element = host();
    const stacked = renderBar(element, months, { ...options, layout: 'stacked' }, { width: 400, height: 240 });
    const [first, second] = stacked.bars.filter((bar) => bar.category === '2026-10');
    expect(second!.y + second!.height).to.be.closeTo(first!.y, 1e-6);
    expect(second!.x).to.equal(first!.x);
    expect(stacked.valueDomain[1]).to.be.at.least(180);
    const percent = renderBar(element, months, { ...options, layout: 'percent' }, { width: 400, height: 240 });
    expect(percent.valueDomain).to.deep.equal([0, 100]);
    for (const category of months.categories) {
      const bars = percent.bars.filter((bar) => bar.category === category.key);
      expect(bars.reduce((sum, bar) => sum + bar.height, 0)).to.be.closeTo(percent.plot.height, 1e-6);
      expect(bars.reduce((sum, bar) => sum + (bar.percent ?? 0), 0)).to.be.closeTo(100, 1e-9);
    }
    expect(percent.valueTicks.at(-1)!.label).to.equal('100 %');
    element.remove();
  });

  it('draws horizontal bars from the left, with category labels before them', () => {
    const element = host();
    const marks = renderBar(element, months, { ...options, orientation: 'horizontal' }, { width: 400, height: 240 });
    for (const bar of marks.bars) expect(bar.x).to.be.closeTo(marks.plot.left, 1e-6);
    const [a, b] = marks.bars.filter((bar) => bar.category === '2026-09');
    expect(a!.width).to.be.closeTo(2 * b!.width, 1e-6);
    const labels = [...element.querySelectorAll('g.categories text')].map((text) => text.textContent);
    expect(labels).to.deep.equal(['Th9', 'Th10', 'Th11']);
    element.remove();
  });

  it('draws negative values below the zero line, and stacks them downwards', () => {
    const element = host();
    const data: BarData = { categories: [{ key: 'a', label: 'A' }], series: [{ key: 's', label: 'S', values: [-5] }, { key: 't', label: 'T', values: [10] }] };
    const marks = renderBar(element, data, options, { width: 300, height: 200 });
    const zero = marks.valueTicks.find((tick) => tick.label === '0')!.position;
    expect(marks.bars[0]!.y).to.be.closeTo(zero, 1e-6);
    expect(marks.bars[1]!.y + marks.bars[1]!.height).to.be.closeTo(zero, 1e-6);
    const stacked = renderBar(element, data, { ...options, layout: 'stacked' }, { width: 300, height: 200 });
    expect(stacked.bars[0]!.y).to.be.closeTo(zero, 1.5);
    assertInsidePlot(stacked);
    element.remove();
  });

  it('highlights the selected category with an outline and a bold label, dimming the rest', () => {
    const element = host();
    renderBar(element, months, { ...options, highlight: '2026-10' }, { width: 400, height: 240 });
    const highlighted = [...element.querySelectorAll('rect.highlight')];
    expect(highlighted.map((rect) => rect.getAttribute('data-category'))).to.deep.equal(['2026-10', '2026-10']);
    expect(highlighted[0]!.getAttribute('stroke')).to.equal(TEST_PALETTE.text);
    expect(element.querySelector('rect[data-category="2026-09"]')!.getAttribute('fill-opacity')).to.equal('0.55');
    const bold = [...element.querySelectorAll('g.categories text')].filter((text) => text.getAttribute('font-weight') === 'bold');
    expect(bold.map((text) => text.textContent)).to.deep.equal(['Th10']);
    element.remove();
  });

  it('colours bars by the band holding their value, the last band including its end', () => {
    const element = host();
    const bands = [
      { from: 0, to: 51, color: '#00e400' },
      { from: 51, to: 101, color: '#ffff00' },
      { from: 101, to: 500, color: '#7e0023' },
    ];
    const data: BarData = { categories: ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key, label: key })), series: [{ key: 's', label: 'AQI', values: [50.5, 51, 100, 500, 600] }] };
    const marks = renderBar(element, data, { ...options, bands }, { width: 400, height: 240 });
    expect(marks.bars.map((bar) => bar.color)).to.deep.equal(['#00e400', '#ffff00', '#ffff00', '#7e0023', TEST_PALETTE.series[0]]);
    element.remove();
  });

  it('hides series by key and colours by polarity against a reference', () => {
    const element = host();
    const marks = renderBar(
      element,
      months,
      { ...options, hidden: new Set(['01']), polarity: { direction: 'lower-is-better', reference: 100, good: '#00aa00', bad: '#aa0000' } },
      { width: 400, height: 240 },
    );
    expect(marks.bars.map((bar) => bar.series)).to.deep.equal(['90', '90', '90']);
    expect(marks.bars.map((bar) => bar.color)).to.deep.equal(['#aa0000', '#00aa00', '#00aa00']);
    element.remove();
  });

  it('writes hostile labels as text, and formats numbers for the locale', () => {
    const element = host();
    const hostile = '<img src=x onerror=alert(1)>';
    renderBar(
      element,
      { categories: [{ key: hostile, label: hostile }], series: [{ key: 's', label: hostile, values: [1234.5] }] },
      { ...options, orientation: 'horizontal', valueLabels: true, decimals: 1 },
      { width: 600, height: 100 },
    );
    expect(element.querySelector('img')).to.equal(null);
    expect(element.querySelector('g.categories text')!.textContent).to.equal(hostile);
    expect(element.querySelector('g.value-labels text')!.textContent).to.equal('1.234,5');
    renderBar(element, { categories: [{ key: 'a', label: 'a' }], series: [{ key: 's', label: 's', values: [1234.5] }] }, { ...options, locale: 'en', valueLabels: true, decimals: 1 }, { width: 300, height: 100 });
    expect(element.querySelectorAll('svg.ioc-bar').length).to.equal(1);
    expect(element.querySelector('g.value-labels text')!.textContent).to.equal('1,234.5');
    element.remove();
  });

  it('draws dots on a zoomed axis when values differ by less than bars from zero can show, with the unit', () => {
    // Ten on-time rates between 98,9 and 99,7 %: as bars from zero they are ten equal bars.
    const rates = [99.7, 99.7, 99.7, 99.6, 99.5, 99.4, 99.3, 99.1, 99, 98.9];
    const data: BarData = { categories: rates.map((_, i) => ({ key: `c${i}`, label: `Xã ${i}` })), series: [{ key: 'v', label: 'Đúng hạn', values: rates }] };
    const ranking: BarOptions = { ...options, orientation: 'horizontal', valueLabels: true, decimals: 1, unit: '%', axisLabel: 'Đơn vị: %' };
    const element = host(600, 360);
    const asBars = renderBar(element, data, ranking, { width: 600, height: 360 });
    expect(asBars.mark).to.equal('bar');
    const barSpread = asBars.bars[0]!.width - asBars.bars[9]!.width;
    expect(barSpread).to.be.below(8);
    const marks = renderBar(element, data, { ...ranking, mark: 'auto', target: { value: 95, label: 'Mục tiêu 95,0 %' } }, { width: 600, height: 360 });
    expect(marks.mark).to.equal('dot');
    expect(marks.zoomed).to.equal(true);
    // The 95 % target would squeeze the dots into a corner: it is named at the axis's low edge instead.
    expect(marks.valueDomain[0]).to.be.above(95);
    expect(marks.target!.offAxis).to.equal('low');
    expect(element.querySelector('line.target')).to.equal(null);
    expect(element.querySelector('text.target-label')!.textContent).to.equal('← Mục tiêu 95,0 %');
    expect(element.querySelectorAll('g.bars circle').length).to.equal(10);
    expect(element.querySelectorAll('g.bars rect').length).to.equal(0);
    const centre = (i: number) => marks.bars[i]!.x + marks.bars[i]!.width / 2;
    // The best and the tenth are now far apart, ties sit on one spot, and the order reads from the positions.
    expect(centre(0) - centre(9)).to.be.above(5 * barSpread);
    expect(centre(0)).to.equal(centre(2));
    for (let i = 1; i < 10; i++) expect(centre(i - 1)).to.be.at.least(centre(i));
    const labels = [...element.querySelectorAll('g.value-labels text')].map((text) => text.textContent);
    expect(labels[0]).to.equal('99,7 %');
    expect(element.querySelector('text.axis-label')!.textContent).to.equal('Đơn vị: %');
    assertInsidePlot(marks);
    // A target among the values is drawn on the zoomed axis.
    const near = renderBar(element, { ...data, series: [{ key: 'v', label: 'Đúng hạn', values: [97, 96.5, 95.2, 94.1, 93.8] }] }, { ...ranking, mark: 'auto', target: { value: 95, label: 'Mục tiêu' } }, { width: 600, height: 360 });
    expect(near.mark).to.equal('dot');
    expect(near.target!.offAxis).to.equal(undefined);
    expect(near.valueDomain[0]).to.be.at.most(93.8);
    expect(element.querySelector('line.target')).to.not.equal(null);
    // A long unit stays out of the labels and goes on the axis only.
    renderBar(element, data, { ...ranking, unit: 'tấn/ngày', axisLabel: 'Đơn vị: tấn/ngày' }, { width: 600, height: 360 });
    expect(element.querySelector('g.value-labels text')!.textContent).to.equal('99,7');
    expect(element.querySelector('text.axis-label')!.textContent).to.equal('Đơn vị: tấn/ngày');
    element.remove();
  });

  it('zooms only values of one sign that differ by less than a fifth of the largest', () => {
    expect(valuesNeedZoom([99.7, 98.9, 99.1])).to.equal(true);
    expect(valuesNeedZoom([99.1, 99.1, 99.1])).to.equal(true);
    expect(valuesNeedZoom([-50, -52])).to.equal(true);
    expect(valuesNeedZoom([1600, 120, 80, 45.5])).to.equal(false);
    expect(valuesNeedZoom([-1, 1])).to.equal(false);
    expect(valuesNeedZoom([0, 0.1])).to.equal(false);
    expect(valuesNeedZoom([42, null, Number.NaN])).to.equal(false);
    // Stacked bars always start at zero.
    const element = host();
    const stacked = renderBar(element, { categories: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }], series: [{ key: 's', label: 'S', values: [99, 98] }] }, { ...options, layout: 'stacked', mark: 'auto' }, { width: 300, height: 200 });
    expect(stacked.mark).to.equal('bar');
    expect(stacked.valueDomain[0]).to.equal(0);
    element.remove();
  });

  it('draws the target line under the value labels, which the line never strikes through, and labels it', () => {
    const element = host(400, 200);
    const data: BarData = { categories: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }], series: [{ key: 's', label: 'S', values: [94.6, 99] }] };
    // The label of 94,6 starts just left of the line at 95 and runs across it.
    const marks = renderBar(element, data, { ...options, orientation: 'horizontal', valueLabels: true, decimals: 1, target: { value: 95, label: 'Mục tiêu 95 %' } }, { width: 400, height: 200 });
    const root = element.querySelector('svg.ioc-bar')!;
    const order = [...root.children].map((node) => node.getAttribute('class'));
    expect(order.indexOf('target')).to.be.below(order.indexOf('value-labels'));
    for (const text of element.querySelectorAll('g.value-labels text')) {
      // A halo of the surface colour under each label hides the line behind it.
      expect(text.getAttribute('stroke')).to.equal(TEST_PALETTE.surface);
      expect(text.getAttribute('paint-order')).to.equal('stroke');
    }
    const label = element.querySelector('text.target-label')!;
    expect(label.textContent).to.equal('Mục tiêu 95 %');
    // Above the plot, clear of the bars' rows.
    expect(Number(label.getAttribute('y'))).to.be.below(marks.plot.top);
    expect(Number(label.getAttribute('x'))).to.be.closeTo(marks.target!.position, 1e-6);
    element.remove();
  });

  it('ranks rows so that rank 1 is the best: the highest, or the lowest where lower is better', () => {
    const aqi = [
      { key: 'a', label: 'An', value: 120 },
      { key: 'b', label: 'Bình', value: 45 },
      { key: 'c', label: 'Châu', value: 160 },
      { key: 'd', label: 'Đông', value: 45 },
    ];
    expect(rankRows(aqi, { best: 'lowest' }).map((row) => [row.key, row.rank, row.tied])).to.deep.equal([['b', 1, true], ['d', 1, true], ['a', 3, false], ['c', 4, false]]);
    // The worst first: the highest AQI.
    expect(rankRows(aqi, { best: 'lowest', order: 'bottom', limit: 2 }).map((row) => [row.key, row.rank])).to.deep.equal([['c', 4], ['a', 3]]);
    // A tie with a row left out of the cut still reads as a tie.
    expect(rankRows(aqi, { best: 'lowest', limit: 1 }).map((row) => [row.key, row.tied])).to.deep.equal([['b', true]]);
    expect(rankRows(aqi).map((row) => row.key)).to.deep.equal(['c', 'a', 'b', 'd']);
  });

  it('writes enough decimals to tell different values apart, and no more', () => {
    expect(decimalsToTellApart([99.13, 99.08, 98.7], 1)).to.equal(2);
    expect(decimalsToTellApart([99.1, 99.1, 98.7], 1)).to.equal(1);
    expect(decimalsToTellApart([1600, 120], 0)).to.equal(0);
    expect(decimalsToTellApart([1.00001, 1.00002], 0)).to.equal(2);
  });

  it('ranks rows: top or bottom N, shared ranks for ties, the selected row kept', () => {
    const rows = [
      { key: 'a', label: 'An', value: 10 },
      { key: 'b', label: 'Bình', value: 30 },
      { key: 'c', label: 'Châu', value: 30 },
      { key: 'd', label: 'Đông', value: null },
      { key: 'e', label: 'Ea', value: Number.NaN },
      { key: 'f', label: 'Phú', value: 5 },
    ];
    expect(rankRows(rows, { limit: 2 }).map((row) => [row.key, row.rank])).to.deep.equal([['b', 1], ['c', 1]]);
    expect(rankRows(rows, { order: 'bottom', limit: 2 }).map((row) => row.key)).to.deep.equal(['f', 'a']);
    const kept = rankRows(rows, { limit: 1, keep: 'f' });
    expect(kept.map((row) => [row.key, row.rank, row.extra])).to.deep.equal([['b', 1, false], ['f', 4, true]]);
    expect(rankRows([...rows].reverse()).map((row) => row.key)).to.deep.equal(rankRows(rows).map((row) => row.key));
  });

  it('never throws and never draws outside the plot, whatever the data (property)', () => {
    const element = host();
    const value = fc.oneof(
      fc.double({ noNaN: false }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1, 1e308, -1e308, 5e-324),
      fc.constant(null),
      fc.integer({ min: -1000, max: 1000 }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 4 }),
        fc.array(value, { maxLength: 60 }),
        fc.constantFrom('vertical' as const, 'horizontal' as const),
        fc.constantFrom('grouped' as const, 'stacked' as const, 'percent' as const),
        fc.record({ width: fc.integer({ min: 0, max: 900 }), height: fc.integer({ min: 0, max: 600 }) }),
        fc.option(fc.double(), { nil: undefined }),
        fc.boolean(),
        fc.constantFrom('bar' as const, 'dot' as const, 'auto' as const),
        (categoryCount, seriesCount, values, orientation, layout, size, target, valueLabels, mark) => {
          const data: BarData = {
            // Duplicate keys and labels on purpose.
            categories: Array.from({ length: categoryCount }, (_, i) => ({ key: String(i % 4), label: `Khu ${i % 3}` })),
            series: Array.from({ length: seriesCount }, (_, s) => ({
              key: `s${s}`,
              label: `S${s}`,
              values: Array.from({ length: categoryCount }, (_, c) => values[(s * categoryCount + c) % Math.max(1, values.length)] ?? Number.NaN),
            })),
          };
          const marks = renderBar(
            element,
            data,
            { ...options, orientation, layout, valueLabels, mark, unit: '%', axisLabel: 'Đơn vị: %', highlight: '1', ...(target !== undefined ? { target: { value: target, label: 'T' } } : {}) },
            size,
          );
          assertInsidePlot(marks);
          for (const node of element.querySelectorAll('rect, line, text, circle')) {
            for (const attribute of ['x', 'y', 'width', 'height', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r']) {
              const text = node.getAttribute(attribute);
              if (text !== null && !Number.isFinite(Number(text))) throw new Error(`${node.tagName} ${attribute}=${text}`);
            }
          }
        },
      ),
      { numRuns: 300, seed: 20261124 },
    );
    element.remove();
  });
});
