import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { TEST_PALETTE } from '../internal/testing.js';
import { colorRamp, heatmapCellText, renderHeatmap, type HeatmapMarks, type HeatmapOptions } from './heatmap.js';
import { HEATMAP_SNAPSHOT } from './heatmap.snapshot.js';

const HOUR = 3_600_000;
/** Midnight of a date in Vietnam (UTC+07:00), as epoch ms. */
const vnDay = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) - 7 * HOUR;

function host(width = 720, height = 160): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  element.style.setProperty('width', `${width}px`);
  element.style.setProperty('height', `${height}px`);
  return element;
}

const seq = ['#f7fbff', '#c6dbef', '#6baed6', '#08306b'];
const options: HeatmapOptions = { locale: 'vi', palette: TEST_PALETTE, colors: seq };

function assertInside(marks: HeatmapMarks): void {
  const eps = 1e-6;
  const { plot } = marks;
  for (const cell of marks.cells) {
    if (!(cell.x >= plot.left - eps && cell.y >= plot.top - eps && cell.x + cell.size <= plot.left + plot.width + eps && cell.y + cell.size <= plot.top + plot.height + eps)) {
      throw new Error(`cell ${cell.key} (${cell.x}, ${cell.y}, ${cell.size}) outside ${JSON.stringify(plot)}`);
    }
  }
  if (!(plot.left >= -eps && plot.top >= -eps && plot.left + plot.width <= marks.width + eps && plot.top + plot.height <= marks.height + eps)) {
    throw new Error(`plot ${JSON.stringify(plot)} outside ${marks.width}×${marks.height}`);
  }
}

describe('heatmap (pure render)', () => {
  it('draws the same SVG for the same data (snapshot)', () => {
    const element = host(300, 120);
    // Two weeks of hourly values with a daily rhythm: hour × weekday.
    const t = Array.from({ length: 14 * 24 }, (_, i) => vnDay(2026, 11, 16) + i * HOUR);
    const v = t.map((_, i) => (i % 24) * 2 + Math.floor(i / 24));
    renderHeatmap(element, { t, v }, { ...options, layout: 'hour-weekday' }, { width: 300, height: 120 });
    const actual = new XMLSerializer().serializeToString(element.querySelector('svg')!).replace(/></g, '>\n<');
    if (actual !== HEATMAP_SNAPSHOT) console.log(`--- new snapshot ---\n${actual}\n--- end ---`);
    expect(actual).to.equal(HEATMAP_SNAPSHOT);
    element.remove();
  });

  it('draws labels at the palette\'s size (a wall\'s larger text) and never overlaps weekday labels', () => {
    const element = host(260, 120);
    const t = Array.from({ length: 14 * 24 }, (_, i) => vnDay(2026, 11, 16) + i * HOUR);
    const v = t.map((_, i) => i % 24);
    const wall = { ...TEST_PALETTE, fontSize: 18 };
    renderHeatmap(element, { t, v }, { ...options, palette: wall, layout: 'hour-weekday' }, { width: 260, height: 120 });
    expect(element.querySelector('g.labels')!.getAttribute('font-size')).to.equal('18');
    const rows = [...element.querySelectorAll('text.weekday')].map((text) => Number(text.getAttribute('y')));
    expect(rows.length).to.be.within(2, 6);
    for (let i = 1; i < rows.length; i++) expect((rows[i] as number) - (rows[i - 1] as number)).to.be.at.least(18);
    element.remove();
  });

  it('lays a calendar out Monday first, weeks as columns, one cell per day of the year', () => {
    const element = host();
    // 1/1/2026 is a Thursday; 24/11/2026 a Tuesday.
    const t = [vnDay(2026, 1, 1), vnDay(2026, 1, 5), vnDay(2026, 11, 24), vnDay(2026, 11, 24) + 5 * HOUR];
    const marks = renderHeatmap(element, { t, v: [1, 2, 10, 20] }, options, { width: 720, height: 160 });
    expect(marks.years).to.deep.equal([2026]);
    expect(marks.cells.length).to.equal(365);
    const jan1 = marks.cells.find((cell) => cell.key === '2026-01-01')!;
    expect([jan1.row, jan1.column]).to.deep.equal([3, 0]);
    const jan5 = marks.cells.find((cell) => cell.key === '2026-01-05')!;
    expect([jan5.row, jan5.column]).to.deep.equal([0, 1]);
    const nov24 = marks.cells.find((cell) => cell.key === '2026-11-24')!;
    expect(nov24.row).to.equal(1);
    // Two readings on one local day are averaged.
    expect(nov24.value).to.equal(15);
    expect(nov24.count).to.equal(2);
    expect(nov24.t).to.equal(vnDay(2026, 11, 24));
    expect(heatmapCellText(nov24, 'vi', 0, 'µg/m³')).to.equal('Thứ Ba 24/11/2026: 15 µg/m³');
    expect(marks.rowLabels).to.deep.equal(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
    const labels = [...element.querySelectorAll('text.month')].map((text) => text.textContent);
    expect(labels[0]).to.equal('Th1');
    expect(labels).to.include('Th11');
    // Days without data are outlined, not filled.
    expect(element.querySelector('rect[data-key="2026-03-03"]')!.getAttribute('fill')).to.equal('none');
    assertInside(marks);
    const en = renderHeatmap(element, { t, v: [1, 2, 10, 20] }, { ...options, locale: 'en' }, { width: 720, height: 160 });
    expect(en.rowLabels[0]).to.equal('Mon');
    expect(en.columnLabels[10]!.label).to.equal('Nov');
    expect(element.querySelectorAll('svg').length).to.equal(1);
    element.remove();
  });

  it('stacks one block per year, the latest years only', () => {
    const element = host(720, 400);
    const t = [vnDay(2023, 6, 1), vnDay(2024, 6, 1), vnDay(2025, 6, 1), vnDay(2026, 6, 1)];
    const marks = renderHeatmap(element, { t, v: [1, 2, 3, 4] }, { ...options, maxYears: 3 }, { width: 720, height: 400 });
    expect(marks.years).to.deep.equal([2024, 2025, 2026]);
    expect(marks.cells.length).to.equal(366 + 365 + 365);
    expect([...element.querySelectorAll('text.year')].map((text) => text.textContent)).to.deep.equal(['2024', '2025', '2026']);
    assertInside(marks);
    element.remove();
  });

  it('averages hour × weekday cells in Vietnam time, Monday first', () => {
    const element = host();
    // Monday 23/11/2026 08:00 and the Monday after, 08:30, both in Vietnam time.
    const t = [vnDay(2026, 11, 23) + 8 * HOUR, vnDay(2026, 11, 30) + 8.5 * HOUR, vnDay(2026, 11, 29) + 23 * HOUR];
    const marks = renderHeatmap(element, { t, v: [10, 30, 5] }, { ...options, layout: 'hour-weekday' }, { width: 720, height: 160 });
    expect(marks.cells.length).to.equal(7 * 24);
    const monday8 = marks.cells.find((cell) => cell.key === '0-8')!;
    expect(monday8.value).to.equal(20);
    expect(monday8.label).to.equal('Thứ Hai, 08:00–09:00');
    expect(marks.cells.find((cell) => cell.key === '6-23')!.value).to.equal(5);
    assertInside(marks);
    element.remove();
  });

  it('colours on a sequential ramp from the token colours, and a diverging one around the midpoint', () => {
    const element = host();
    const t = [vnDay(2026, 11, 23), vnDay(2026, 11, 24), vnDay(2026, 11, 25)];
    const sequential = renderHeatmap(element, { t, v: [0, 5, 10] }, options, { width: 720, height: 160 });
    const color = (marks: HeatmapMarks, key: string) => marks.cells.find((cell) => cell.key === key)!.color;
    expect(color(sequential, '2026-11-23')).to.equal('rgb(247, 251, 255)');
    expect(color(sequential, '2026-11-25')).to.equal('rgb(8, 48, 107)');
    const div = ['#b2182b', '#f7f7f7', '#2166ac'];
    const diverging = renderHeatmap(element, { t, v: [-2, 0, 8] }, { ...options, colors: div, scale: 'diverging' }, { width: 720, height: 160 });
    expect(diverging.midpoint).to.equal(0);
    expect(diverging.domain).to.deep.equal([-8, 8]);
    expect(color(diverging, '2026-11-24')).to.equal('rgb(247, 247, 247)');
    expect(color(diverging, '2026-11-25')).to.equal('rgb(33, 102, 172)');
    // A colour d3 cannot parse (a theme's oklch()) falls back to the nearest stop.
    expect(colorRamp(['oklch(0.9 0.02 250)', 'oklch(0.3 0.1 250)'])(0.9)).to.equal('oklch(0.3 0.1 250)');
    element.remove();
  });

  it("colours cells by their band's colour when bands are given, and lists the bands in the legend", () => {
    const element = host();
    const bands = [
      { from: 0, to: 51, label: 'Tốt', color: '#00e400' },
      { from: 51, to: 101, label: 'Trung bình', color: '#ffff00' },
      { from: 101, to: 151, label: 'Kém', color: '#ff7e00' },
    ];
    const t = [vnDay(2026, 11, 23), vnDay(2026, 11, 24), vnDay(2026, 11, 25), vnDay(2026, 11, 26)];
    const marks = renderHeatmap(element, { t, v: [12, 51, 150, 900] }, { ...options, bands, unit: 'VN_AQI' }, { width: 720, height: 160 });
    const at = (key: string) => marks.cells.find((cell) => cell.key === key)!;
    expect([at('2026-11-23').color, at('2026-11-24').color, at('2026-11-25').color]).to.deep.equal(['#00e400', '#ffff00', '#ff7e00']);
    expect(at('2026-11-24').band).to.equal('Trung bình');
    // Beyond the last band: that band's colour, not a blank.
    expect(at('2026-11-26').color).to.equal('#ff7e00');
    expect(at('2026-11-27').color).to.equal('none');
    expect(marks.legend.kind).to.equal('bands');
    expect(marks.legend.items.map((item) => [item.label, item.color])).to.deep.equal(bands.map((band) => [band.label, band.color]));
    expect([...element.querySelectorAll('.legend-bands text')].map((text) => text.textContent)).to.deep.equal(['VN_AQI:', 'Tốt', 'Trung bình', 'Kém']);
    assertInside(marks);
    // Too narrow for every band in two rows: only the bands the data reaches.
    const narrow = renderHeatmap(element, { t: t.slice(0, 1), v: [12] }, { ...options, bands: [...bands, ...bands.map((band) => ({ ...band, from: band.from + 151, to: band.to + 151, label: `${band.label} 2` }))] }, { width: 160, height: 160 });
    expect(narrow.legend.items.map((item) => item.label)).to.deep.equal(['Tốt']);
    element.remove();
  });

  it('never throws and never draws outside the plot, whatever the data (property)', () => {
    const element = host();
    const value = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1, 1e308, -1e308));
    const time = fc.oneof(
      fc.integer({ min: vnDay(2020, 1, 1), max: vnDay(2027, 1, 1) }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 8.64e15, -8.64e15, 0, vnDay(2026, 11, 24)),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(time, value), { maxLength: 80 }),
        fc.record({ width: fc.integer({ min: 0, max: 900 }), height: fc.integer({ min: 0, max: 500 }) }),
        fc.constantFrom('calendar' as const, 'hour-weekday' as const),
        fc.constantFrom('sequential' as const, 'diverging' as const),
        fc.option(fc.double(), { nil: undefined }),
        (points, size, layout, scale, midpoint) => {
          const marks = renderHeatmap(
            element,
            { t: points.map(([t]) => t), v: points.map(([, v]) => v) },
            { ...options, layout, scale, midpoint, maxYears: 3 },
            size,
          );
          assertInside(marks);
          for (const node of element.querySelectorAll('rect, text')) {
            for (const attribute of ['x', 'y', 'width', 'height', 'fill']) {
              if (/NaN|Infinity/.test(node.getAttribute(attribute) ?? '')) throw new Error(`${node.tagName} ${attribute}=${node.getAttribute(attribute)}`);
            }
          }
        },
      ),
      { numRuns: 200, seed: 20261124 },
    );
    element.remove();
  });
});
