import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { TEST_PALETTE } from '../internal/testing.js';
import { OTHER_KEY, groupSlices, renderDonut, type DonutMarks, type DonutSlice } from './donut.js';
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
    // At most three slices: the two largest and "other".
    const few = groupSlices(revenue, { threshold: 0, maxSlices: 3 });
    expect(few.map((part) => [part.key, part.value])).to.deep.equal([['25111', 520.4], ['25112', 310], [OTHER_KEY, 141]]);
    element.remove();
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
