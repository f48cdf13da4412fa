import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { TEST_PALETTE } from '../internal/testing.js';
import { bandOf, gaugeDomain, judgeAgainstTarget, renderGauge, type GaugeBand, type GaugeMarks, type GaugeOptions } from './gauge.js';
import { GAUGE_SNAPSHOT } from './gauge.snapshot.js';

function host(width = 300, height = 200): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  element.style.setProperty('width', `${width}px`);
  element.style.setProperty('height', `${height}px`);
  return element;
}

function serialize(element: HTMLElement): string {
  return [...element.querySelectorAll('svg')].map((node) => new XMLSerializer().serializeToString(node).replace(/></g, '>\n<')).join('\n');
}

// The six VN_AQI bands (Decision 1459/QĐ-TCMT), colours as the test palette resolves them.
const aqiBands: GaugeBand[] = [
  { from: 0, to: 51, label: 'Tốt', color: '#00e400' },
  { from: 51, to: 101, label: 'Trung bình', color: '#ffff00' },
  { from: 101, to: 151, label: 'Kém', color: '#ff7e00' },
  { from: 151, to: 201, label: 'Xấu', color: '#ff0000' },
  { from: 201, to: 301, label: 'Rất xấu', color: '#8f3f97' },
  { from: 301, to: 500, label: 'Nguy hại', color: '#7e0023' },
];

const options: GaugeOptions = { locale: 'vi', palette: TEST_PALETTE, bands: aqiBands, unit: 'AQI', target: { value: 100, label: 'Mục tiêu' } };

function assertInside(marks: GaugeMarks): void {
  const { plot } = marks;
  const eps = 1e-6;
  for (const point of [marks.valuePoint, marks.targetPoint]) {
    if (!point) continue;
    const [x, y] = point;
    if (!(x >= plot.left - eps && x <= plot.left + plot.width + eps && y >= plot.top - eps && y <= plot.top + plot.height + eps)) {
      throw new Error(`point (${x}, ${y}) outside ${JSON.stringify(plot)}`);
    }
  }
  if (!(plot.left >= -eps && plot.top >= -eps && plot.left + plot.width <= marks.width + eps && plot.top + plot.height <= marks.height + eps)) {
    throw new Error(`plot ${JSON.stringify(plot)} outside the ${marks.width}×${marks.height} box`);
  }
  if (!(marks.domain[1] > marks.domain[0])) throw new Error(`empty domain ${String(marks.domain)}`);
}

describe('gauge (pure render)', () => {
  it('is a function of its input: what it drew before changes nothing', () => {
    const element = document.createElement('div');
    document.body.append(element);
    const first = renderGauge(element, 85, options, { width: 300, height: 200 });
    const svgFirst = new XMLSerializer().serializeToString(element.querySelector('svg')!);
    renderGauge(element, 12, { ...options, form: 'bullet' }, { width: 400, height: 60 });
    expect(renderGauge(element, 85, options, { width: 300, height: 200 })).to.deep.equal(first);
    expect(new XMLSerializer().serializeToString(element.querySelector('svg')!)).to.equal(svgFirst);
    element.remove();
  });

  it('draws the same SVG for the same data (snapshot)', () => {
    const radial = host();
    renderGauge(radial, 85, { ...options, valueColor: '#ffff00' }, { width: 300, height: 200 });
    const bullet = host();
    renderGauge(bullet, 85, { ...options, form: 'bullet', valueColor: '#ffff00' }, { width: 400, height: 60 });
    const actual = `${serialize(radial)}\n${serialize(bullet)}`;
    if (actual !== GAUGE_SNAPSHOT) console.log(`--- new snapshot ---\n${actual}\n--- end ---`);
    expect(actual).to.equal(GAUGE_SNAPSHOT);
    radial.remove();
    bullet.remove();
  });

  it("writes under the reading what it is: the unit, and the value's band by name", () => {
    const element = host();
    const radial = renderGauge(element, 59, { ...options, unit: '' }, { width: 300, height: 200 });
    expect(radial.caption).to.deep.equal(['Trung bình']);
    expect(element.querySelector('text.band-name')!.textContent).to.equal('Trung bình');
    const withUnit = renderGauge(element, 120, { ...options, unit: 'µg/m³' }, { width: 300, height: 200 });
    expect(withUnit.caption).to.deep.equal(['µg/m³', 'Kém']);
    const bullet = renderGauge(element, 120, { ...options, unit: 'µg/m³', form: 'bullet' }, { width: 400, height: 60 });
    expect(bullet.caption).to.deep.equal(['µg/m³ · Kém']);
    const none = renderGauge(element, 91.3, { ...options, bands: [], unit: 'điểm', decimals: 1 }, { width: 300, height: 200 });
    expect(none.valueText).to.equal('91,3');
    expect(none.caption).to.deep.equal(['điểm']);
    expect(renderGauge(element, 59, { ...options, bandName: false }, { width: 300, height: 200 }).caption).to.deep.equal(['AQI']);
    element.remove();
  });

  it('draws the six VN_AQI bands in order around the dial, the value and the target marker', () => {
    const element = host();
    const marks = renderGauge(element, 85, options, { width: 300, height: 200 });
    expect(marks.domain).to.deep.equal([0, 500]);
    expect([...element.querySelectorAll('path.band')].map((path) => path.getAttribute('fill'))).to.deep.equal(aqiBands.map((band) => band.color));
    const starts = marks.bands.map((band) => band.start);
    expect([...starts].sort((a, b) => a - b)).to.deep.equal(starts);
    expect(element.querySelector('path.value')).to.not.equal(null);
    expect(element.querySelector('line.target')).to.not.equal(null);
    expect(element.querySelector('text.reading')!.textContent).to.equal('85');
    expect(element.querySelector('text.unit')!.textContent).to.equal('AQI');
    // The target (100) sits further round the dial than the value (85).
    const cx = marks.plot.left + marks.plot.width / 2;
    const cy = marks.plot.top + marks.plot.width / 2;
    const angle = ([x, y]: [number, number]) => Math.atan2(x - cx, cy - y);
    expect(angle(marks.targetPoint!)).to.be.greaterThan(angle(marks.valuePoint!));
    expect(angle(marks.valuePoint!)).to.be.closeTo((-2 * Math.PI) / 3 + (85 / 500) * ((4 * Math.PI) / 3), 1e-6);
    assertInside(marks);
    element.remove();
  });

  it('draws a bullet: bands as a bar, the value bar from zero, and the target line', () => {
    const element = host();
    const marks = renderGauge(element, 250.5, { ...options, form: 'bullet', decimals: 1, locale: 'en' }, { width: 400, height: 60 });
    const value = element.querySelector('rect.value')!;
    const x = Number(value.getAttribute('x'));
    const width = Number(value.getAttribute('width'));
    expect(x).to.be.closeTo(marks.plot.left, 0.1);
    expect(x + width).to.be.closeTo(marks.plot.left + (250.5 / 500) * marks.plot.width, 0.2);
    expect(element.querySelectorAll('rect.band').length).to.equal(6);
    expect(Number(element.querySelector('line.target')!.getAttribute('x1'))).to.be.closeTo(marks.plot.left + (100 / 500) * marks.plot.width, 0.1);
    expect(element.querySelector('text.reading')!.textContent).to.equal('250.5');
    element.remove();
  });

  it('draws a value beyond the scale at its end, and a missing value as a dash', () => {
    const element = host();
    const over = renderGauge(element, 900, { ...options, max: 500 }, { width: 300, height: 200 });
    assertInside(over);
    expect(element.querySelector('text.reading')!.textContent).to.equal('900');
    const none = renderGauge(element, null, options, { width: 300, height: 200 });
    expect(none.valuePoint).to.equal(undefined);
    expect(element.querySelector('path.value')).to.equal(null);
    expect(element.querySelector('text.reading')!.textContent).to.equal('–');
    element.remove();
  });

  it('judges a value against the target by polarity, and finds its band', () => {
    expect(judgeAgainstTarget(96, 95, 'higher-is-better')).to.equal('good');
    expect(judgeAgainstTarget(90, 95, 'higher-is-better')).to.equal('bad');
    expect(judgeAgainstTarget(90, 95, 'lower-is-better')).to.equal('good');
    expect(judgeAgainstTarget(90, 95, 'neutral')).to.equal('neutral');
    expect(judgeAgainstTarget(90, null, 'higher-is-better')).to.equal('neutral');
    expect(bandOf(aqiBands, 101)!.label).to.equal('Kém');
    expect(bandOf(aqiBands, 500)!.label).to.equal('Nguy hại');
    expect(bandOf(aqiBands, Number.NaN)).to.equal(undefined);
    expect(gaugeDomain(42, {})).to.deep.equal([0, 42 * 1.2]);
    expect(gaugeDomain(-5, {})[0]).to.equal(-5);
  });

  it('never throws and keeps its marks in the box, whatever the data (property)', () => {
    const element = host();
    const number = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1, 1e308, -1e308, 5e-324));
    fc.assert(
      fc.property(
        fc.option(number, { nil: null }),
        fc.record({ width: fc.integer({ min: 0, max: 800 }), height: fc.integer({ min: 0, max: 500 }) }),
        fc.constantFrom('radial' as const, 'bullet' as const),
        fc.option(number, { nil: undefined }),
        fc.option(number, { nil: undefined }),
        fc.option(number, { nil: undefined }),
        fc.array(fc.record({ from: number, to: number, label: fc.string(), color: fc.constant('#123456') }), { maxLength: 8 }),
        (value, size, form, min, max, target, bands) => {
          const marks = renderGauge(
            element,
            value,
            { locale: 'vi', palette: TEST_PALETTE, form, min, max, bands, ...(target !== undefined ? { target: { value: target, label: 'T' } } : {}) },
            size,
          );
          assertInside(marks);
          for (const node of element.querySelectorAll('path, rect, line, text')) {
            for (const attribute of ['d', 'x', 'y', 'width', 'height', 'x1', 'x2', 'y1', 'y2']) {
              const text = node.getAttribute(attribute);
              if (text !== null && /NaN|Infinity/.test(text)) throw new Error(`${node.tagName} ${attribute}=${text}`);
            }
          }
        },
      ),
      { numRuns: 300, seed: 20261124 },
    );
    element.remove();
  });
});
