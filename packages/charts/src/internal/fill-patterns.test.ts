import { expect } from '@open-wc/testing';
import { renderBar } from '../bar/bar.js';
import { OTHER_KEY, renderDonut, type DonutSlice } from '../donut/donut.js';
import { renderGauge, type GaugeBand } from '../gauge/gauge.js';
import { renderHeatmap } from '../heatmap/heatmap.js';
import { FILL_PATTERNS, PATTERN_TILE, bandPattern, canvasPattern, fillPattern, patternDefs, patternShapes } from './fill-patterns.js';
import type { ChartPalette } from './palette.js';
import { SERIES_DASHES } from './palette.js';
import { TEST_PALETTE } from './testing.js';

// Forced colours as readPalette gives them: every series one system colour, patterns on.
const FORCED: ChartPalette = { ...TEST_PALETTE, series: TEST_PALETTE.series.map(() => 'rgb(0, 0, 0)'), text: 'rgb(0, 0, 0)', surface: 'rgb(255, 255, 255)', dashes: SERIES_DASHES, forced: true };

function host(width = 320, height = 220): HTMLElement {
  const element = document.createElement('div');
  element.style.setProperty('width', `${width}px`);
  element.style.setProperty('height', `${height}px`);
  document.body.append(element);
  return element;
}

/** The pattern a filled node paints with: the `<pattern>` its `url(#id)` names, which must exist. */
function patternOf(root: Element, node: Element): string {
  const fill = node.getAttribute('fill') ?? '';
  const id = /^url\(#([\w-]+)\)$/.exec(fill)?.[1];
  if (!id) throw new Error(`fill ${fill} is not a pattern`);
  const pattern = root.querySelector(`pattern#${id}`);
  if (!pattern) throw new Error(`no <pattern id="${id}">`);
  return pattern.getAttribute('data-pattern') ?? '';
}

const aqiBands: GaugeBand[] = [
  { from: 0, to: 51, label: 'Tốt', color: '#00e400' },
  { from: 51, to: 101, label: 'Trung bình', color: '#ffff00' },
  { from: 101, to: 151, label: 'Kém', color: '#ff7e00' },
  { from: 151, to: 201, label: 'Xấu', color: '#ff0000' },
  { from: 201, to: 301, label: 'Rất xấu', color: '#8f3f97' },
  { from: 301, to: 500, label: 'Nguy hại', color: '#7e0023' },
];

describe('fill patterns (forced colours)', () => {
  it('gives eight distinct patterns, cycling, and tiles that stay in their tile', () => {
    expect(new Set(FILL_PATTERNS).size).to.equal(8);
    expect(FILL_PATTERNS.map((_, i) => fillPattern(i))).to.deep.equal([...FILL_PATTERNS]);
    expect(fillPattern(8)).to.equal(fillPattern(0));
    expect(fillPattern(-1)).to.equal(fillPattern(7));
    expect(fillPattern(Number.NaN)).to.equal('solid');
    // Bands are never solid: a value bar in the text colour stays visible over them.
    expect(Array.from({ length: 6 }, (_, i) => bandPattern(i))).to.not.include('solid');
    expect(new Set(Array.from({ length: 6 }, (_, i) => bandPattern(i))).size).to.equal(6);
    const drawn = FILL_PATTERNS.map((kind) => JSON.stringify(patternShapes(kind)));
    expect(new Set(drawn).size, 'each pattern draws differently').to.equal(8);
    for (const kind of FILL_PATTERNS) {
      const shapes = patternShapes(kind);
      expect(shapes.solid || shapes.lines.length + shapes.dots.length > 0, kind).to.equal(true);
      for (const [cx, cy, r] of shapes.dots) expect(cx - r >= 0 && cy + r <= PATTERN_TILE, kind).to.equal(true);
    }
    expect(patternShapes('none')).to.include({ solid: false });
    expect(patternShapes('none').lines).to.have.length(0);
    expect(patternShapes(1)).to.deep.equal(patternShapes('diagonal'));
  });

  it('defines each pattern once, in the text colour on the surface', () => {
    const defs = patternDefs(document, 'p', ['dots', 'solid', 'dots'], FORCED);
    const patterns = [...defs.querySelectorAll('pattern')];
    expect(patterns.map((p) => p.id)).to.deep.equal(['p-fill-dots', 'p-fill-solid']);
    expect(patterns[0]?.querySelector('rect')?.getAttribute('fill')).to.equal(FORCED.surface);
    expect(patterns[1]?.querySelector('rect')?.getAttribute('fill')).to.equal(FORCED.text);
    expect(patterns[0]?.querySelector('circle')?.getAttribute('fill')).to.equal(FORCED.text);
  });

  it('makes canvas patterns too', () => {
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    expect(canvasPattern(context, document, 'cross-hatch', FORCED, 2)).to.be.instanceOf(CanvasPattern);
  });

  it('fills every donut slice with its own pattern, "other" outlined, and nothing without forced colours', () => {
    const slices: DonutSlice[] = Array.from({ length: 8 }, (_, i) => ({ key: `s${i}`, label: `S${i}`, value: 100 - i * 5 }));
    slices.push({ key: OTHER_KEY, label: 'Khác', value: 4 });
    const element = host();
    const marks = renderDonut(element, slices, { locale: 'vi', palette: FORCED, otherThreshold: 0 }, { width: 300, height: 220 });
    const root = element.querySelector('svg') as SVGSVGElement;
    const paths = [...root.querySelectorAll('.slices path')];
    expect(paths).to.have.length(9);
    const drawn = paths.map((path) => patternOf(root, path));
    expect(drawn.slice(0, 8)).to.deep.equal([...FILL_PATTERNS]);
    expect(drawn[8]).to.equal('none');
    expect(marks.slices.map((slice) => slice.pattern)).to.deep.equal(drawn);
    for (const path of paths) expect(path.getAttribute('stroke')).to.equal(FORCED.text);
    // Hiding a slice keeps the others' patterns (as it keeps their colours).
    const hidden = renderDonut(element, slices, { locale: 'vi', palette: FORCED, otherThreshold: 0, hidden: new Set(['s1']) }, { width: 300, height: 220 });
    expect(hidden.slices.find((slice) => slice.key === 's2')?.pattern).to.equal('dots');
    const plain = renderDonut(element, slices, { locale: 'vi', palette: TEST_PALETTE, otherThreshold: 0 }, { width: 300, height: 220 });
    expect(plain.slices.every((slice) => slice.pattern === undefined)).to.equal(true);
    expect(element.querySelector('pattern')).to.equal(null);
    element.remove();
  });

  it('fills bars by series, by band and by polarity', () => {
    const element = host();
    const data = {
      categories: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }],
      series: [
        { key: 'x', label: 'X', values: [3, 4] },
        { key: 'y', label: 'Y', values: [5, 6] },
        { key: 'z', label: 'Z', values: [1, 2] },
      ],
    };
    const grouped = renderBar(element, data, { locale: 'vi', palette: FORCED }, { width: 320, height: 200 });
    const root = () => element.querySelector('svg.ioc-bar') as SVGSVGElement;
    expect(grouped.bars.map((bar) => bar.pattern)).to.deep.equal(['solid', 'diagonal', 'dots', 'solid', 'diagonal', 'dots']);
    expect([...root().querySelectorAll('.bars rect')].map((rect) => patternOf(root(), rect))).to.deep.equal(grouped.bars.map((bar) => bar.pattern));
    const ranking = { categories: [0, 1, 2].map((i) => ({ key: `c${i}`, label: `C${i}` })), series: [{ key: 'aqi', label: 'AQI', values: [40, 120, 250] }] };
    const byBand = renderBar(element, ranking, { locale: 'vi', palette: FORCED, orientation: 'horizontal', bands: aqiBands }, { width: 320, height: 200 });
    expect(byBand.bars.map((bar) => bar.pattern)).to.deep.equal([bandPattern(0), bandPattern(2), bandPattern(4)]);
    const polar = renderBar(element, ranking, { locale: 'vi', palette: FORCED, polarity: { direction: 'lower-is-better', reference: 100, good: '#0a0', bad: '#a00' } }, { width: 320, height: 200 });
    expect(polar.bars.map((bar) => bar.pattern)).to.deep.equal(['solid', 'diagonal', 'diagonal']);
    expect(renderBar(element, data, { locale: 'vi', palette: TEST_PALETTE }, { width: 320, height: 200 }).bars.every((bar) => bar.pattern === undefined)).to.equal(true);
    element.remove();
  });

  it('fills gauge bands and heatmap cells by band, the heatmap key with the same patterns', () => {
    const element = host(300, 200);
    for (const form of ['radial', 'bullet'] as const) {
      const marks = renderGauge(element, 120, { locale: 'vi', palette: FORCED, bands: aqiBands, unit: 'AQI', form }, { width: 300, height: form === 'radial' ? 200 : 60 });
      const root = element.querySelector('svg.ioc-gauge') as SVGSVGElement;
      const drawn = [...root.querySelectorAll('.band')].map((band) => patternOf(root, band));
      expect(drawn, form).to.deep.equal(aqiBands.map((_, i) => bandPattern(i)));
      expect(marks.bands.map((band) => band.pattern)).to.deep.equal(drawn);
      // The reading names its band, so the band is read in words too.
      expect(marks.caption.join(' ')).to.contain('Kém');
    }
    const day = 86_400_000;
    const t = Array.from({ length: 6 }, (_, i) => Date.UTC(2026, 10, 16) - 7 * 3_600_000 + i * day);
    const v = [30, 80, 130, 180, 250, 400];
    const heat = host(720, 200);
    const marks = renderHeatmap(heat, { t, v }, { locale: 'vi', palette: FORCED, colors: ['#fff', '#000'], bands: aqiBands }, { width: 720, height: 200 });
    const root = heat.querySelector('svg') as SVGSVGElement;
    const filled = marks.cells.filter((cell) => cell.band);
    expect(filled.map((cell) => cell.pattern)).to.deep.equal(aqiBands.map((_, i) => bandPattern(i)));
    for (const cell of filled) expect(patternOf(root, root.querySelector(`[data-key="${cell.key}"]`) as Element)).to.equal(cell.pattern);
    expect(marks.legend.kind).to.equal('bands');
    const key = [...root.querySelectorAll('.legend-bands rect')].map((rect) => patternOf(root, rect));
    expect(key).to.deep.equal(marks.legend.items.map((item) => item.pattern));
    expect(key).to.deep.equal(aqiBands.map((_, i) => bandPattern(i)));
    element.remove();
    heat.remove();
  });
});
