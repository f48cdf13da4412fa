import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { TEST_PALETTE } from '../internal/testing.js';
import { OTHER_KEY, groupSlices, planSlices, renderDonut, type DonutMarks, type DonutSlice } from './donut.js';
import { DONUT_SNAPSHOT } from './donut.snapshot.js';

function host(width = 300, height = 220): HTMLElement {
  const element = document.createElement('div');
  element.style.setProperty('width', `${width}px`);
  element.style.setProperty('height', `${height}px`);
  document.body.append(element);
  return element;
}

function serialize(element: HTMLElement): string {
  return [...element.querySelectorAll('svg')].map((node) => new XMLSerializer().serializeToString(node).replace(/></g, '>\n<')).join('\n');
}

const revenue: DonutSlice[] = [
  { key: '25111', label: 'Phường Kinh Bắc', value: 520.4 },
  { key: '25112', label: 'Phường Võ Cường', value: 310 },
  { key: '25113', label: 'Xã Tam Giang', value: 120 },
  { key: '25114', label: 'Xã Đông Phong', value: 12 },
  { key: '25115', label: 'Xã Yên Trung', value: 9 },
  { key: '25116', label: 'Xã Hòa Long', value: 0 },
];

/** Slices tile the full circle in order, and every mark is inside the donut's square. */
function assertInside(marks: DonutMarks): void {
  let angle = 0;
  for (const slice of marks.slices) {
    if (!(Math.abs(slice.startAngle - angle) < 1e-9 && slice.endAngle >= slice.startAngle)) throw new Error(`slice ${slice.key} does not follow the previous`);
    angle = slice.endAngle;
    const [x, y] = slice.centroid;
    if (!(Math.hypot(x - marks.cx, y - marks.cy) <= marks.outer + 1e-6)) throw new Error(`centroid of ${slice.key} outside the ring`);
  }
  if (marks.slices.length > 0 && !(Math.abs(angle - 2 * Math.PI) < 1e-6)) throw new Error(`slices end at ${angle}`);
  if (!(marks.outer * 2 <= Math.min(marks.width, marks.height) + 1e-6 && marks.inner <= marks.outer)) throw new Error('ring larger than the box');
}

describe('donut (pure render)', () => {
  it('is a function of its input: what it drew before changes nothing', () => {
    const element = host();
    const options = { locale: 'vi' as const, palette: TEST_PALETTE, unit: 'tỷ đồng', decimals: 1, totalLabel: 'Tổng' };
    const first = renderDonut(element, revenue, options, { width: 300, height: 220 });
    const svgFirst = serialize(element);
    renderDonut(element, revenue.slice(0, 1), { ...options, unit: '' }, { width: 200, height: 100 });
    expect(renderDonut(element, revenue, options, { width: 300, height: 220 })).to.deep.equal(first);
    expect(serialize(element)).to.equal(svgFirst);
    element.remove();
  });

  it('draws the same SVG for the same data (snapshot)', () => {
    const element = host();
    renderDonut(element, revenue, { locale: 'vi', palette: TEST_PALETTE, unit: 'tỷ đồng', decimals: 1, totalLabel: 'Tổng' }, { width: 300, height: 220 });
    const actual = serialize(element);
    if (actual !== DONUT_SNAPSHOT) console.log(`--- new snapshot ---\n${actual}\n--- end ---`);
    expect(actual).to.equal(DONUT_SNAPSHOT);
    element.remove();
  });

  it('groups slices under the threshold as "Khác" / "Other", last, and keeps a lone small slice', () => {
    const parts = groupSlices(revenue, { palette: TEST_PALETTE, threshold: 0.03 });
    expect(parts.map((part) => part.key)).to.deep.equal(['25111', '25112', '25113', OTHER_KEY]);
    expect(parts.at(-1)!.label).to.equal('Khác');
    expect(parts.at(-1)!.value).to.equal(21);
    expect(parts.at(-1)!.members).to.deep.equal(['25114', '25115']);
    const element = host();
    const en = renderDonut(element, revenue, { locale: 'en', palette: TEST_PALETTE }, { width: 300, height: 220 });
    expect(en.slices.at(-1)!.label).to.equal('Other');
    // One small slice alone keeps its own name.
    const lone = groupSlices(revenue.slice(0, 4), { palette: TEST_PALETTE, threshold: 0.03 });
    expect(lone.map((part) => part.key)).to.deep.equal(['25111', '25112', '25113', '25114']);
    // At most three slices would make "other" 14,5 % of the whole: more than it may hold, so
    // the plan keeps four slices and says they do not fit...
    const few = planSlices(revenue, { threshold: 0, maxSlices: 3 });
    expect(few.parts.map((part) => [part.key, part.value])).to.deep.equal([['25111', 520.4], ['25112', 310], ['25113', 120], [OTHER_KEY, 21]]);
    expect(few.fits).to.equal(false);
    // ...unless "other" may hold that much.
    const loose = planSlices(revenue, { threshold: 0, maxSlices: 3, maxOtherShare: 0.2 });
    expect(loose.parts.map((part) => [part.key, part.value])).to.deep.equal([['25111', 520.4], ['25112', 310], [OTHER_KEY, 141]]);
    expect(loose.fits).to.equal(true);
    element.remove();
  });

  it('never makes "other" the biggest slice: many similar parts do not fit instead', () => {
    // A hundred communes of about 1 % each: grouping ninety-odd of them would make "Khác" two thirds of the ring.
    const communes: DonutSlice[] = Array.from({ length: 100 }, (_, i) => ({ key: `c${i}`, label: `Xã ${i}`, value: 10 + (i % 7) }));
    const plan = planSlices(communes, { threshold: 0.03, maxSlices: 8 });
    expect(plan.fits).to.equal(false);
    const other = plan.parts.find((part) => part.key === OTHER_KEY);
    const largest = Math.max(...plan.parts.filter((part) => part.key !== OTHER_KEY).map((part) => part.value));
    if (other) expect(other.value).to.be.below(largest);
    // A few large parts and a tail of small ones: the tail becomes a small "other".
    const city: DonutSlice[] = [
      { key: 'a', label: 'A', value: 400 },
      { key: 'b', label: 'B', value: 300 },
      { key: 'c', label: 'C', value: 200 },
      ...Array.from({ length: 10 }, (_, i) => ({ key: `t${i}`, label: `T${i}`, value: 5 })),
    ];
    const tidy = planSlices(city, { threshold: 0.03, maxSlices: 8 });
    expect(tidy.fits).to.equal(true);
    expect(tidy.parts.map((part) => part.key)).to.deep.equal(['a', 'b', 'c', OTHER_KEY]);
  });

  it('keeps "other" small and below the largest slice, whatever the data (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 12 }),
        (values, threshold, maxSlices) => {
          const plan = planSlices(values.map((value, i) => ({ key: String(i), label: String(i), value })), { threshold, maxSlices });
          const total = values.reduce((sum, value) => sum + value, 0);
          const other = plan.parts.find((part) => part.key === OTHER_KEY);
          if (!other) return;
          const largest = Math.max(...plan.parts.filter((part) => part.key !== OTHER_KEY).map((part) => part.value));
          if (!(other.value < largest)) throw new Error(`other ${other.value} not below the largest ${largest}`);
          if (!(other.value <= total * 0.1 * (1 + 1e-9))) throw new Error(`other ${other.value} over 10 % of ${total}`);
          if (plan.fits !== plan.parts.length <= maxSlices) throw new Error('fits does not match the count');
        },
      ),
      { numRuns: 300, seed: 20261124 },
    );
  });

  it('writes the total in the centre in the locale format with its unit, and shares that add up', () => {
    const element = host();
    const marks = renderDonut(element, revenue, { locale: 'vi', palette: TEST_PALETTE, unit: 'tỷ đồng', decimals: 1 }, { width: 300, height: 220 });
    expect(marks.total).to.be.closeTo(971.4, 1e-9);
    expect(element.querySelector('text.total')!.textContent).to.equal('971,4');
    expect(element.querySelector('text.unit')!.textContent).to.equal('tỷ đồng');
    expect(marks.totalText).to.equal('971,4 tỷ đồng');
    expect(marks.slices.reduce((sum, slice) => sum + slice.share, 0)).to.be.closeTo(1, 1e-9);
    const en = renderDonut(element, [{ key: 'a', label: 'A', value: 1234.5 }], { locale: 'en', palette: TEST_PALETTE, decimals: 1 }, { width: 300, height: 220 });
    expect(en.totalText).to.equal('1,234.5');
    expect(element.querySelectorAll('svg.ioc-donut').length).to.equal(1);
    element.remove();
  });

  it('leaves hidden slices out of the ring and the total', () => {
    const element = host();
    const marks = renderDonut(element, revenue, { locale: 'vi', palette: TEST_PALETTE, hidden: new Set(['25111']) }, { width: 300, height: 220 });
    expect(marks.slices.map((slice) => slice.key)).to.not.include('25111');
    expect(marks.total).to.be.closeTo(451, 1e-9);
    element.remove();
  });

  it('writes hostile labels as text', () => {
    const element = host();
    renderDonut(element, [{ key: '<b>', label: '<img src=x onerror=alert(1)>', value: 3 }], { locale: 'vi', palette: TEST_PALETTE, unit: '<script>' }, { width: 300, height: 220 });
    expect(element.querySelector('img, script, b')).to.equal(null);
    expect(element.querySelector('text.unit')!.textContent).to.equal('<script>');
    element.remove();
  });

  it('never throws and keeps slices in the ring, whatever the data (property)', () => {
    const element = host();
    const value = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1e308, 5e-324), fc.constant(null), fc.integer({ min: -10, max: 1000 }));
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd'), label: fc.string(), value }), { maxLength: 30 }),
        fc.record({ width: fc.integer({ min: 0, max: 800 }), height: fc.integer({ min: 0, max: 600 }) }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (slices, size, threshold) => {
          const marks = renderDonut(element, slices, { locale: 'vi', palette: TEST_PALETTE, otherThreshold: threshold }, size);
          assertInside(marks);
          for (const path of element.querySelectorAll('path')) {
            if (/NaN|Infinity/.test(path.getAttribute('d') ?? '')) throw new Error(`bad path ${path.getAttribute('d')}`);
          }
        },
      ),
      { numRuns: 300, seed: 20261124 },
    );
    element.remove();
  });
});
