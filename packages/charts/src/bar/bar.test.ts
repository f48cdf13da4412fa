import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { TEST_PALETTE } from '../internal/testing.js';
import { rankRows, renderBar, type BarData, type BarMarks, type BarOptions } from './bar.js';
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
    const actual = `${serialize(element)}\n${serialize(ranking)}`;
    if (actual !== BAR_SNAPSHOT) console.log(`--- new snapshot ---\n${actual}\n--- end ---`);
    expect(actual).to.equal(BAR_SNAPSHOT);
    element.remove();
    ranking.remove();
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
        (categoryCount, seriesCount, values, orientation, layout, size, target, valueLabels) => {
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
            { ...options, orientation, layout, valueLabels, highlight: '1', ...(target !== undefined ? { target: { value: target, label: 'T' } } : {}) },
            size,
          );
          assertInsidePlot(marks);
          for (const node of element.querySelectorAll('rect, line, text')) {
            for (const attribute of ['x', 'y', 'width', 'height', 'x1', 'x2', 'y1', 'y2']) {
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
