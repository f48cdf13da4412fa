import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { TEST_PALETTE } from '../internal/testing.js';
import { renderSparkline, type SparklineMarks } from './sparkline.js';
import { SPARKLINE_SNAPSHOT } from './sparkline.snapshot.js';

function host(width = 120, height = 32): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  element.style.setProperty('width', `${width}px`);
  element.style.setProperty('height', `${height}px`);
  return element;
}

function assertInside(marks: SparklineMarks): void {
  const eps = 1e-6;
  const { plot } = marks;
  for (let i = 0; i < marks.line.length; i += 2) {
    const x = marks.line[i]!;
    const y = marks.line[i + 1]!;
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    if (!(x >= plot.left - eps && x <= plot.left + plot.width + eps && y >= plot.top - eps && y <= plot.top + plot.height + eps)) throw new Error(`(${x}, ${y}) outside ${JSON.stringify(plot)}`);
  }
  if (!(plot.left >= 0 && plot.top >= 0 && plot.left + plot.width <= marks.width + eps && plot.top + plot.height <= marks.height + eps)) throw new Error('plot outside the box');
}

describe('sparkline (pure render)', () => {
  it('is a function of its input: what it drew before changes nothing', () => {
    const element = host();
    const size = { width: 120, height: 32 };
    const first = renderSparkline(element, [1, 5, 3, 8], { palette: TEST_PALETTE, area: true }, size);
    const svgFirst = new XMLSerializer().serializeToString(element.querySelector('svg')!);
    renderSparkline(element, [900, -4, Number.NaN], { palette: TEST_PALETTE }, { width: 60, height: 20 });
    expect(renderSparkline(element, [1, 5, 3, 8], { palette: TEST_PALETTE, area: true }, size)).to.deep.equal(first);
    expect(new XMLSerializer().serializeToString(element.querySelector('svg')!)).to.equal(svgFirst);
    element.remove();
  });

  it('draws the same SVG for the same data (snapshot)', () => {
    const element = host();
    renderSparkline(element, [42, 55, 61, 90, 120, 98, Number.NaN, 104, 160, 149, 95, 80], { palette: TEST_PALETTE, area: true }, { width: 120, height: 32 });
    const actual = new XMLSerializer().serializeToString(element.querySelector('svg')!).replace(/></g, '>\n<');
    if (actual !== SPARKLINE_SNAPSHOT) console.log(`--- new snapshot ---\n${actual}\n--- end ---`);
    expect(actual).to.equal(SPARKLINE_SNAPSHOT);
    element.remove();
  });

  it('marks the lowest, highest and last values, with the highest at the top and the lowest at the bottom', () => {
    const element = host();
    const marks = renderSparkline(element, [5, 3, 9, Number.NaN, 7, 4], { palette: TEST_PALETTE }, { width: 120, height: 32 });
    expect(marks.min!.index).to.equal(1);
    expect(marks.max!.index).to.equal(2);
    expect(marks.last!.index).to.equal(5);
    expect(marks.max!.y).to.be.closeTo(marks.plot.top, 1e-9);
    expect(marks.min!.y).to.be.closeTo(marks.plot.top + marks.plot.height, 1e-9);
    expect(marks.last!.x).to.be.closeTo(marks.plot.left + marks.plot.width, 1e-9);
    expect(element.querySelectorAll('circle.min, circle.max, circle.last').length).to.equal(3);
    // The gap breaks the line in two.
    expect(element.querySelector('path.line')!.getAttribute('d')!.match(/M/g)!.length).to.equal(2);
    element.remove();
  });

  it('spreads points by time when times are given', () => {
    const element = host();
    const marks = renderSparkline(element, [1, 2, 3], { palette: TEST_PALETTE }, { width: 120, height: 32 }, [0, 1, 10]);
    expect(marks.points[2]).to.be.closeTo(marks.plot.left + marks.plot.width / 10, 1e-9);
    element.remove();
  });

  it('draws one point and equal values through the middle, and nothing for no data', () => {
    const element = host();
    const one = renderSparkline(element, [7], { palette: TEST_PALETTE }, { width: 120, height: 32 });
    expect(one.last!.x).to.equal(60);
    expect(one.last!.y).to.equal(16);
    const flat = renderSparkline(element, [2, 2, 2], { palette: TEST_PALETTE }, { width: 120, height: 32 });
    expect(flat.min!.index).to.equal(flat.max!.index);
    expect(element.querySelectorAll('circle').length).to.equal(1);
    const none = renderSparkline(element, [], { palette: TEST_PALETTE }, { width: 120, height: 32 });
    expect(none.last).to.equal(undefined);
    expect(element.querySelectorAll('svg').length).to.equal(1);
    expect(element.querySelector('path')).to.equal(null);
    element.remove();
  });

  it('never throws and never draws outside its box, whatever the data (property)', () => {
    const element = host();
    const value = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1, 1e308, -1e308, 5e-324));
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 200 }),
        fc.record({ width: fc.integer({ min: 0, max: 400 }), height: fc.integer({ min: 0, max: 100 }) }),
        fc.boolean(),
        fc.option(fc.array(value, { maxLength: 200 }), { nil: undefined }),
        (values, size, area, times) => {
          const sorted = times?.slice(0, values.length).sort((a, b) => a - b);
          const marks = renderSparkline(element, values, { palette: TEST_PALETTE, area }, size, sorted);
          assertInside(marks);
          for (const node of element.querySelectorAll('path, circle')) {
            for (const attribute of ['d', 'cx', 'cy']) {
              if (/NaN|Infinity/.test(node.getAttribute(attribute) ?? '')) throw new Error(`${node.tagName} ${attribute}=${node.getAttribute(attribute)}`);
            }
          }
        },
      ),
      { numRuns: 300, seed: 20261124 },
    );
    element.remove();
  });
});
