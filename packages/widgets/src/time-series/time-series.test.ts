import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { HttpError, createDemoSource, type DataSource, type SeriesResult } from '@ioc-kit/data';
import { THEME_NAMES, deltaEOK, rgbToOklch, type Rgb } from '@ioc-kit/themes';
import { loadCatalogue } from '../internal/indicator.js';
import '../provider/provider.js';
import './time-series.js';
import { LAST_YEAR_KEY, type IocTimeSeries, type IocZoomEvent } from './time-series.js';

const HOUR = 3_600_000;
// 24/11/2026 00:00 in Vietnam.
const START = Date.UTC(2026, 10, 23, 17);

function aqiResult(values: readonly number[], areas: readonly string[] = ['24']): SeriesResult {
  return {
    kind: 'series',
    indicator: 'environment.aqi',
    unit: { code: '1', system: 'UCUM', label: { vi: '' } },
    grain: 'hour',
    partial: false,
    series: areas.map((area, k) => ({
      area,
      t: values.map((_, i) => START + i * HOUR),
      v: values.map((value) => value / (k + 1)),
    })),
  };
}

const VALUES = [42, 55, 61, 90, 120, 98, Number.NaN, 104, 160, 149, 95, 80];

function root(element: IocTimeSeries): ShadowRoot {
  return element.shadowRoot!;
}

async function drawn(element: IocTimeSeries): Promise<IocTimeSeries> {
  await waitUntil(() => root(element).querySelector('.surface svg.ioc-ts-back g.series') !== null, 'the chart never drew');
  return element;
}

async function chart(data = aqiResult(VALUES), attributes = ''): Promise<IocTimeSeries> {
  const element = await fixture<IocTimeSeries>(html`<ioc-time-series style="width: 600px" .data=${data} grain="hour"></ioc-time-series>`);
  if (attributes) for (const [name, value] of new URLSearchParams(attributes)) element.setAttribute(name, value);
  await element.updateComplete;
  return drawn(element);
}

function plot(element: IocTimeSeries): HTMLElement {
  return root(element).querySelector<HTMLElement>('[part="plot"]')!;
}

async function key(element: IocTimeSeries, name: string, shiftKey = false): Promise<string> {
  plot(element).dispatchEvent(new KeyboardEvent('keydown', { key: name, shiftKey, bubbles: true, composed: true, cancelable: true }));
  await element.updateComplete;
  return root(element).querySelector('[aria-live="polite"]')!.textContent.trim();
}

describe('<ioc-time-series>', () => {
  // Without a provider's list, names and bands come from the built-in catalogue, a lazy chunk:
  // these tests are about what is shown with them (internal/indicator.test.ts covers the loading).
  before(() => loadCatalogue());

  it("draws the indicator's bands behind the series, in the band token colours", async () => {
    const element = await chart();
    const rects = [...root(element).querySelectorAll('.bands rect:not(.band-key)')];
    expect(rects.map((rect) => rect.getAttribute('data-label'))).to.deep.equal(['Tốt', 'Trung bình', 'Kém', 'Xấu']);
    expect(rects[0]!.getAttribute('fill')).to.equal('rgb(0, 228, 0)');
    element.setAttribute('no-bands', '');
    await element.updateComplete;
    expect(root(element).querySelectorAll('.bands rect').length).to.equal(0);
  });

  it('marks the points where the value crossed into a band with a severity (signals)', async () => {
    const element = await chart();
    // 90 -> 120 enters "Kém" (101); after the gap 104 enters it again; 104 -> 160 enters "Xấu" (151).
    expect(root(element).querySelectorAll('.plot circle.signal').length).to.equal(3);
  });

  it('zooms with the wheel and the keyboard, pans with Shift+arrows, and resets with 0', async () => {
    const element = await chart();
    expect(element.domain).to.equal(undefined);
    const box = plot(element).getBoundingClientRect();
    setTimeout(() => plot(element).dispatchEvent(new WheelEvent('wheel', { deltaY: -200, clientX: box.left + box.width / 2, clientY: box.top + 20, bubbles: true, cancelable: true })));
    const zoom = (await oneEvent(element, 'ioc-zoom')) as unknown as IocZoomEvent;
    expect(zoom.domain).to.not.equal(undefined);
    const wheeled = element.domain!;
    expect(wheeled[1] - wheeled[0]).to.be.below(11 * HOUR);
    await key(element, '+');
    const zoomed = element.domain!;
    expect(zoomed[1] - zoomed[0]).to.be.closeTo((wheeled[1] - wheeled[0]) / 2, 1);
    await key(element, 'ArrowLeft', true);
    expect(element.domain![0]).to.be.below(zoomed[0]);
    expect(element.domain![1] - element.domain![0]).to.be.closeTo(zoomed[1] - zoomed[0], 1);
    // The chart really drew the new range: fewer x positions on screen.
    expect(root(element).querySelector('[part="reset-zoom"]')).to.not.equal(null);
    await key(element, '0');
    expect(element.domain).to.equal(undefined);
    expect(root(element).querySelector('[part="reset-zoom"]')).to.equal(null);
  });

  it('pans by dragging the zoomed chart, and brushes a range on the overview', async () => {
    const element = await chart();
    element.zoomTo([START + 4 * HOUR, START + 8 * HOUR]);
    await element.updateComplete;
    const target = plot(element);
    const box = target.getBoundingClientRect();
    const pointer = (type: string, node: Element, x: number) =>
      node.dispatchEvent(new PointerEvent(type, { pointerId: 7, button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: x, clientY: box.top + 20, bubbles: true, composed: true }));
    pointer('pointerdown', target, box.left + 300);
    pointer('pointermove', target, box.left + 400);
    pointer('pointerup', target, box.left + 400);
    // Dragging right shows earlier times.
    expect(element.domain![0]).to.be.below(START + 4 * HOUR);
    expect(element.domain![1] - element.domain![0]).to.be.closeTo(4 * HOUR, 1);

    // The overview strip is drawn after the chart's first paint.
    await waitUntil(() => element.overviewUpdatedAt > 0, 'the overview was never drawn');
    const overview = root(element).querySelector('[part="overview"]')!;
    const strip = overview.getBoundingClientRect();
    pointer('pointerdown', overview, strip.left + strip.width * 0.1);
    pointer('pointermove', overview, strip.left + strip.width * 0.5);
    pointer('pointerup', overview, strip.left + strip.width * 0.5);
    const [a, b] = element.domain!;
    expect(a).to.be.closeTo(START + 1.1 * HOUR, 0.2 * HOUR);
    expect(b).to.be.closeTo(START + 5.5 * HOUR, 0.2 * HOUR);
  });

  it('never zooms past the data or below a few points', async () => {
    const element = await chart();
    for (let i = 0; i < 20; i++) await key(element, '+');
    const [a, b] = element.domain!;
    expect(b - a).to.be.at.least(4 * HOUR - 1);
    for (let i = 0; i < 20; i++) await key(element, 'ArrowRight', true);
    expect(element.domain![1]).to.be.at.most(START + 11 * HOUR);
    for (let i = 0; i < 10; i++) await key(element, '-');
    expect(element.domain).to.equal(undefined);
  });

  it('hides a series from the legend', async () => {
    const element = await chart(aqiResult(VALUES, ['24', '01']));
    element.areaLabels = { '24': 'Bắc Ninh', '01': 'Hà Nội' };
    await element.updateComplete;
    const keys = () => [...root(element).querySelectorAll('.plot g.line')].map((group) => group.getAttribute('data-key'));
    expect(keys()).to.deep.equal(['24', '01']);
    const buttons = [...root(element).querySelectorAll<HTMLButtonElement>('[part="legend-item"]')];
    expect(buttons.map((button) => button.textContent.trim())).to.deep.equal(['Bắc Ninh', 'Hà Nội']);
    buttons[0]!.click();
    await element.updateComplete;
    expect(keys()).to.deep.equal(['01']);
    expect(buttons[0]!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('announces points as the keyboard moves between them, with the band', async () => {
    const element = await chart();
    plot(element).focus();
    expect(await key(element, 'Home')).to.equal('00:00 24/11/2026\n24: 42 (Tốt)');
    expect(await key(element, 'ArrowRight')).to.equal('01:00 24/11/2026\n24: 55 (Trung bình)');
    expect(await key(element, 'End')).to.equal('11:00 24/11/2026\n24: 80 (Trung bình)');
    expect(await key(element, 'ArrowLeft')).to.equal('10:00 24/11/2026\n24: 95 (Trung bình)');
    element.locale = 'en';
    await element.updateComplete;
    expect(await key(element, 'ArrowLeft')).to.equal('24/11/2026, 09:00\n24: 149 (Poor)');
  });

  it('is an image whose name says range, latest value and trend', async () => {
    const element = await chart();
    const label = plot(element).getAttribute('aria-label')!;
    expect(label).to.contain('Chỉ số chất lượng không khí');
    expect(label).to.contain('cao nhất 160');
    expect(label).to.contain('mới nhất 80');
    expect(label).to.contain('vượt ngưỡng Kém (101) 2 lần');
  });

  it('writes the summary of a long series after the first paint, and draws it on canvas', async () => {
    const values = Array.from({ length: 20_000 }, (_, i) => 50 + 40 * Math.sin(i / 300));
    const element = await chart(aqiResult(values));
    expect(root(element).querySelector('.plot canvas')).to.not.equal(null);
    await waitUntil(() => plot(element).getAttribute('aria-label')!.includes('1 chuỗi'), 'the summary never came');
    expect(plot(element).getAttribute('aria-label')).to.contain('cao nhất 90');
  });

  it('follows live points when zoomed to the latest data', async () => {
    const element = await chart();
    element.zoomTo([START + 6 * HOUR, START + 11 * HOUR]);
    await element.updateComplete;
    element.appendPoints(START + 12 * HOUR, 70);
    expect(element.domain).to.deep.equal([START + 7 * HOUR, START + 12 * HOUR]);
  });

  it('switches to a table of the data', async () => {
    const element = await chart();
    root(element).querySelector<HTMLButtonElement>('[part="view-toggle"]')!.click();
    await element.updateComplete;
    const rows = [...root(element).querySelectorAll('[part="table"] tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent.trim()));
    expect(rows.length).to.equal(12);
    expect(rows[0]).to.deep.equal(['00:00 24/11/2026', '42']);
    expect(rows[6]).to.deep.equal(['06:00 24/11/2026', '–']);
  });

  it('draws the chart and its overview again when coming back from the table', async () => {
    const element = await chart();
    const toggle = () => root(element).querySelector<HTMLButtonElement>('[part="view-toggle"]')!.click();
    toggle();
    await element.updateComplete;
    expect(root(element).querySelector('[part="overview"]')).to.equal(null);
    toggle();
    await element.updateComplete;
    await waitUntil(() => root(element).querySelector('.overview-surface svg') !== null, 'the overview stayed empty');
    expect(root(element).querySelectorAll('.plot g.line').length).to.equal(1);
  });

  it('draws again at the new size when its container is resized', async () => {
    const element = await chart();
    const svg = () => root(element).querySelector('svg.ioc-ts-back')!;
    const before = Number(svg().getAttribute('width'));
    element.style.setProperty('width', '400px');
    await waitUntil(() => Number(svg().getAttribute('width')) < before, 'no redraw after resize');
    expect(Number(svg().getAttribute('width'))).to.be.closeTo(before - 200, 2);
  });

  it('appends live points without a new result', async () => {
    const element = await chart();
    element.appendPoints(START + 12 * HOUR, 260);
    const d = root(element).querySelector('g.line path:last-child')!.getAttribute('d')!;
    expect(d.split(/[ML]/).filter(Boolean).length).to.equal(12);
    // The new value took the axis up to "Rất xấu" territory and drew its band.
    expect([...root(element).querySelectorAll('.bands rect')].map((rect) => rect.getAttribute('data-label'))).to.include('Rất xấu');
  });

  it('adds live points to the data controller\'s result: ioc-data fires and the data (and its table) include them', async () => {
    const element = await chart();
    const events: SeriesResult[] = [];
    element.addEventListener('ioc-data', (event) => events.push(event.result as SeriesResult));
    element.appendPoints([START + 12 * HOUR, START + 13 * HOUR], [70, 75]);
    expect(events).to.have.length(1);
    const series = events[0]!.series[0]!;
    expect([...series.t].slice(-2)).to.deep.equal([START + 12 * HOUR, START + 13 * HOUR]);
    expect([...series.v].slice(-2)).to.deep.equal([70, 75]);
    // The data given is not written: the controller holds a new result.
    expect(element.data!.series[0]!.t.length).to.equal(12);
    root(element).querySelector<HTMLButtonElement>('[part="view-toggle"]')!.click();
    await element.updateComplete;
    const rows = [...root(element).querySelectorAll('[part="table"] tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent.trim()));
    expect(rows.length).to.equal(14);
    expect(rows[13]).to.deep.equal(['13:00 24/11/2026', '75']);
  });

  it('draws live points without rendering its template again, while the words on screen stay true', async () => {
    const element = await chart();
    await waitUntil(() => plot(element).getAttribute('aria-label')!.includes('1 chuỗi'), 'the summary never came');
    const label = plot(element).getAttribute('aria-label');
    let renders = 0;
    const render = (element as unknown as { render: () => unknown }).render.bind(element);
    (element as unknown as { render: () => unknown }).render = () => {
      renders++;
      return render();
    };
    const events: SeriesResult[] = [];
    element.addEventListener('ioc-data', (event) => events.push(event.result as SeriesResult));
    const points = () => root(element).querySelector('g.line path:last-child')!.getAttribute('d')!.split(/[ML]/).filter(Boolean).length;
    const before = points();
    element.appendPoints(START + 12 * HOUR, 100);
    element.appendPoints(START + 13 * HOUR, 110);
    // Drawn at once, each point announced as data, and nothing else rendered.
    expect(points()).to.equal(before + 2);
    expect(events.map((result) => result.series[0]!.t.length)).to.deep.equal([13, 14]);
    expect(element.isUpdatePending).to.be.false;
    await element.updateComplete;
    expect(renders).to.equal(0);
    expect(plot(element).getAttribute('aria-label')).to.equal(label);
    // A focused point's tooltip follows the data: then the template renders too.
    await key(element, 'End');
    const rendered = renders;
    element.appendPoints(START + 14 * HOUR, 120);
    expect(renders).to.be.greaterThan(rendered);
    expect(points()).to.equal(before + 3);
  });

  it('appends onto the newest data after a reload, never bringing back points of the data it replaced', async () => {
    const element = await chart();
    element.appendPoints(START + 12 * HOUR, 260);
    element.data = aqiResult(VALUES.map((value) => value / 2));
    await element.updateComplete;
    const events: SeriesResult[] = [];
    element.addEventListener('ioc-data', (event) => events.push(event.result as SeriesResult));
    element.appendPoints(START + 13 * HOUR, 30);
    const series = events[0]!.series[0]!;
    expect(series.t.length).to.equal(13);
    expect([...series.t]).to.not.include(START + 12 * HOUR);
    expect([...series.v].slice(-1)).to.deep.equal([30]);
    // The 260 went with the data it was added to: the axis is back down.
    expect([...root(element).querySelectorAll('.bands rect')].map((rect) => rect.getAttribute('data-label'))).to.not.include('Rất xấu');
  });

  it('draws last year dashed behind this year', async () => {
    const element = await chart();
    const lastYear = aqiResult(VALUES.map((value) => value / 2));
    lastYear.series[0]!.t = (lastYear.series[0]!.t as number[]).map((t) => t - 365 * 24 * HOUR);
    element.lastYear = lastYear;
    await element.updateComplete;
    await waitUntil(() => root(element).querySelector('g.overlay') !== null, 'no overlay');
    expect(root(element).querySelector('g.overlay path')!.getAttribute('stroke-dasharray')).to.equal('4 3');
  });

  it('shows names and labels with markup as plain text', async () => {
    const element = await chart(aqiResult(VALUES, ['<img src=x onerror=alert(1)>']));
    element.label = '<script>alert(1)</script>';
    await element.updateComplete;
    expect(root(element).querySelector('img, script')).to.equal(null);
    expect(root(element).querySelector('[part="header"]')!.textContent).to.equal('<script>alert(1)</script>');
    expect(root(element).querySelector('[part="legend"]')!.textContent).to.contain('<img src=x onerror=alert(1)>');
  });

  it('says when there is no data', async () => {
    const element = await fixture<IocTimeSeries>(html`<ioc-time-series .data=${aqiResult([Number.NaN, Number.NaN])}></ioc-time-series>`);
    expect(element.getAttribute('state')).to.equal('empty');
    expect(root(element).querySelector('[part="status"]')!.textContent).to.equal('Chưa có dữ liệu');
    expect(plot(element).hidden).to.be.true;
  });

  it('says what failed when the source fails, and when the data is malformed', async () => {
    const failing: DataSource = {
      id: 'failing',
      indicators: () => Promise.resolve([]),
      areas: () => Promise.resolve([]),
      boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
      query: () => Promise.reject(new HttpError('https://broker.example/ngsi-ld', 503, 'Service Unavailable')),
    };
    const provider = await fixture(html`<ioc-provider .source=${failing} area="24"><ioc-time-series indicator="environment.aqi"></ioc-time-series></ioc-provider>`);
    const element = provider.querySelector('ioc-time-series')!;
    await waitUntil(() => element.getAttribute('state') === 'error', 'no error state');
    expect(root(element).querySelector('[role="alert"]')!.textContent).to.contain('503');

    const bad = { ...aqiResult(VALUES), series: [{ area: '24', t: [1, 2, 3], v: [1] }] } as SeriesResult;
    const malformed = await fixture(html`<ioc-provider .source=${{ ...failing, query: () => Promise.resolve(bad) }} area="24"
      ><ioc-time-series indicator="environment.aqi"></ioc-time-series
    ></ioc-provider>`);
    const other = malformed.querySelector('ioc-time-series')!;
    await waitUntil(() => other.getAttribute('state') === 'error', 'malformed data was not rejected');
    expect(root(other).querySelector('[role="alert"]')!.textContent).to.contain('series[0]');
  });

  it('asks for a missing indicator in words', async () => {
    const element = await fixture<IocTimeSeries>(html`<ioc-time-series></ioc-time-series>`);
    expect(element.getAttribute('state')).to.equal('error');
    expect(root(element).querySelector('[role="alert"]')!.textContent).to.contain('indicator="environment.aqi"');
  });

  it("loads the demo province's series through the data contract", async () => {
    const source = createDemoSource({ seed: 2025, now: '2026-11-24T10:00:00+07:00' });
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"
      ><ioc-time-series indicator="environment.aqi" grain="day" from="2026-10-01" to="2026-11-24" style="width: 600px"></ioc-time-series
    ></ioc-provider>`);
    const element = provider.querySelector('ioc-time-series')!;
    await waitUntil(() => element.getAttribute('state') !== 'pending', 'the demo never answered', { timeout: 5000 });
    expect(element.getAttribute('state'), root(element).querySelector('[part="status"]')?.textContent ?? '').to.equal('ready');
    await drawn(element);
    expect(plot(element).getAttribute('aria-label')).to.contain('từ 01/10/2026');
    // The legend names the area from the source, not by its code.
    await waitUntil(() => root(element).querySelector('[part="legend"]')?.textContent?.includes('Sông Mây'), 'the legend kept the area code');
  });
});

describe('<ioc-time-series> under forced colours', () => {
  afterEach(() => emulateMedia({ forcedColors: 'none' }));

  it('gives each area its own dash pattern, in the plot and in the legend, when every series is one system colour', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const source = createDemoSource({ seed: 2025, now: '2026-11-24T10:00:00+07:00' });
    const provider = await fixture(html`<ioc-provider .source=${source} area="90"
      ><ioc-time-series indicator="environment.pm25" grain="day" areas="90001 90010 90019" renderer="svg" from="2026-10-01" to="2026-11-24" style="width: 600px"></ioc-time-series
    ></ioc-provider>`);
    const element = provider.querySelector('ioc-time-series')!;
    await waitUntil(() => element.getAttribute('state') === 'ready', 'the demo never answered', { timeout: 8000 });
    await drawn(element);
    await waitUntil(() => root(element).querySelectorAll('g.line path[stroke]').length === 3, 'three lines were not drawn', { timeout: 8000 });
    const lines = [...root(element).querySelectorAll('g.line path[stroke]')].map((path) => path.getAttribute('stroke-dasharray') ?? 'solid');
    expect(new Set(lines).size, `patterns ${lines.join(' | ')}`).to.equal(3);
    const swatches = [...root(element).querySelectorAll('[part="legend-item"] .swatch-line line')].map((line) => line.getAttribute('stroke-dasharray') ?? 'solid');
    expect(swatches.length, 'the legend draws each area as its line is drawn').to.equal(3);
    expect(new Set(swatches).size).to.equal(3);
  });
});

/** Any CSS colour as the screen shows it (sRGB 0..1), through a canvas: reads `color(srgb-linear …)` and relative colours too. */
function screenColor(css: string): Rgb {
  const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  context.canvas.width = context.canvas.height = 1;
  context.fillStyle = '#000';
  context.fillStyle = css;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
  return [r! / 255, g! / 255, b! / 255];
}

const hueGap = (a: Rgb, b: Rgb) => {
  const d = Math.abs(rgbToOklch(a)[2] - rgbToOklch(b)[2]) % 360;
  return Math.min(d, 360 - d);
};

describe('<ioc-time-series> says what it shows', () => {
  before(() => loadCatalogue());

  for (const theme of THEME_NAMES) {
    it(`${theme}: three compared areas get the first three categorical colours, clearly apart, and the legend matches the lines`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div data-ioc-theme=${theme}>
        <ioc-time-series style="width: 600px" grain="hour" .data=${aqiResult(VALUES, ['901', '902', '903'])}></ioc-time-series>
      </div>`);
      const element = await drawn(wrapper.querySelector('ioc-time-series')!);
      const strokes = [...root(element).querySelectorAll('.plot g.line > path:last-child')].map((path) => path.getAttribute('stroke')!);
      expect(strokes).to.have.length(3);
      const lines = strokes.map(screenColor);
      const host = getComputedStyle(element);
      const tokens = [1, 2, 3].map((i) => screenColor(host.getPropertyValue(`--ioc-sys-color-chart-${i}`).trim()));
      const swatches = [...root(element).querySelectorAll('[part="legend-item"] .swatch')].map((swatch) => screenColor(getComputedStyle(swatch).backgroundColor));
      for (let i = 0; i < 3; i++) {
        // In palette order, from the theme's tokens, and the legend shows the same colour.
        expect(deltaEOK(lines[i]!, tokens[i]!), `series ${i + 1} is chart-${i + 1}`).to.be.below(0.01);
        expect(deltaEOK(lines[i]!, swatches[i]!), `legend swatch ${i + 1}`).to.be.below(0.01);
      }
      for (const [a, b] of [[0, 1], [0, 2], [1, 2]] as const) {
        expect(deltaEOK(lines[a]!, lines[b]!), `ΔEOK ${a + 1}-${b + 1}`).to.be.at.least(0.15);
        expect(hueGap(lines[a]!, lines[b]!), `hue gap ${a + 1}-${b + 1}`).to.be.at.least(60);
      }
    });
  }

  it("states the unit on the value axis: the indicator's, or the index's name, in both languages", async () => {
    const element = await chart();
    const unit = () => root(element).querySelector('.plot text.unit')?.textContent;
    // VN_AQI has no unit: the axis names the index.
    expect(unit()).to.equal('VN_AQI');
    const pm25: SeriesResult = { ...aqiResult(VALUES), indicator: 'environment.pm25', unit: { code: 'ug/m3', system: 'UCUM', label: { vi: 'µg/m³', en: 'µg/m³' } } };
    element.data = pm25;
    await element.updateComplete;
    await waitUntil(() => unit() === 'µg/m³', `the axis says ${unit()}`);
    const rain: SeriesResult = { ...aqiResult(VALUES), indicator: 'environment.rainfall', unit: { code: 'mm', system: 'UCUM', label: { vi: 'mm', en: 'mm' } } };
    element.data = rain;
    element.locale = 'en';
    await element.updateComplete;
    await waitUntil(() => unit() === 'mm', `the axis says ${unit()}`);
    const share: SeriesResult = { ...aqiResult(VALUES), indicator: 'governance.dossiers-on-time', unit: { code: '%', system: 'UCUM', label: { vi: '%', en: '%' } } };
    element.data = share;
    await element.updateComplete;
    await waitUntil(() => unit() === '%', `the axis says ${unit()}`);
  });

  it('names the VN_AQI bands beside the plot, in Vietnamese and English, without covering the data', async () => {
    const element = await chart();
    const labels = () => [...root(element).querySelectorAll('.plot text.band-label')].map((text) => text.textContent);
    expect(labels()).to.deep.equal(['Tốt', 'Trung bình', 'Kém', 'Xấu']);
    const plotRight = Math.max(...[...root(element).querySelectorAll('.plot .bands rect:not(.band-key)')].map((rect) => Number(rect.getAttribute('x')) + Number(rect.getAttribute('width'))));
    for (const text of root(element).querySelectorAll('.plot text.band-label')) expect(Number(text.getAttribute('x'))).to.be.above(plotRight);
    element.locale = 'en';
    await element.updateComplete;
    await waitUntil(() => labels()[0] === 'Good', 'the band names stayed Vietnamese');
    expect(labels()).to.deep.equal(['Good', 'Moderate', 'Poor', 'Bad']);
  });

  it('gives last year a legend entry whose dashed swatch matches the dashed line, and hides it from there', async () => {
    const element = await chart();
    const lastYear = aqiResult(VALUES.map((value) => value / 2));
    lastYear.series[0]!.t = (lastYear.series[0]!.t as number[]).map((t) => t - 365 * 24 * HOUR);
    element.lastYear = lastYear;
    await element.updateComplete;
    await waitUntil(() => root(element).querySelector('g.overlay') !== null, 'no overlay');
    const item = root(element).querySelector<HTMLButtonElement>(`[part="legend-item"][data-key="${LAST_YEAR_KEY}"]`)!;
    expect(item.textContent.trim()).to.equal('Cùng kỳ năm trước');
    const swatch = item.querySelector('.swatch')!;
    expect(swatch.classList.contains('dashed')).to.be.true;
    const style = getComputedStyle(swatch);
    expect(style.borderTopStyle).to.equal('dashed');
    const line = root(element).querySelector('g.overlay path')!.getAttribute('stroke')!;
    expect(deltaEOK(screenColor(style.borderTopColor), screenColor(line))).to.be.below(0.01);
    element.locale = 'en';
    await element.updateComplete;
    expect(item.textContent.trim()).to.equal('Same period last year');
    item.click();
    await element.updateComplete;
    await waitUntil(() => root(element).querySelector('g.overlay') === null, 'the overlay stayed');
    expect(item.getAttribute('aria-pressed')).to.equal('false');
    // This year's line is still there.
    expect(root(element).querySelectorAll('.plot g.line').length).to.equal(1);
  });

  it('says so in words when every series is hidden, draws no meaningless axis, and keeps the legend to bring one back', async () => {
    const element = await chart();
    const button = root(element).querySelector<HTMLButtonElement>('[part="legend-item"]')!;
    button.click();
    await element.updateComplete;
    await waitUntil(() => root(element).querySelector('.all-hidden') !== null, 'no words for an empty chart');
    expect(root(element).querySelector('.all-hidden')!.textContent).to.equal('Tất cả chuỗi đã ẩn: chọn một chuỗi trong chú giải để hiện lại.');
    expect(root(element).querySelectorAll('.plot .axis').length).to.equal(0);
    expect(root(element).querySelectorAll('.plot text').length).to.equal(0);
    expect(plot(element).getAttribute('aria-label')).to.contain('Tất cả chuỗi đã ẩn');
    expect(root(element).querySelector('[part="overview"]')).to.equal(null);
    element.locale = 'en';
    await element.updateComplete;
    await waitUntil(() => root(element).querySelector('.all-hidden')?.textContent?.startsWith('All series hidden') === true, 'the words stayed Vietnamese');
    const again = root(element).querySelector<HTMLButtonElement>('[part="legend-item"]')!;
    expect(again.getAttribute('aria-pressed')).to.equal('false');
    again.click();
    await element.updateComplete;
    await waitUntil(() => root(element).querySelector('.all-hidden') === null, 'the note stayed');
    expect(root(element).querySelectorAll('.plot .axis').length).to.equal(2);
    await waitUntil(() => root(element).querySelector('.overview-surface svg') !== null, 'the overview did not come back');
  });

  it('marks the day still under way on a chart of totals, so its sum so far does not read as a drop', async () => {
    const source = createDemoSource({ seed: 2025, now: '2026-11-24T10:00:00+07:00' });
    const provider = await fixture(html`<ioc-provider .source=${source} area="90">
      <ioc-time-series style="width: 600px" indicator="citizens.feedback-received" grain="day"></ioc-time-series>
      <ioc-time-series style="width: 600px" indicator="environment.aqi" grain="day"></ioc-time-series>
    </ioc-provider>`);
    const [totals, means] = [...provider.querySelectorAll<IocTimeSeries>('ioc-time-series')] as [IocTimeSeries, IocTimeSeries];
    await drawn(totals);
    await drawn(means);
    const labels = (element: IocTimeSeries) => [...root(element).querySelectorAll('.surface svg text')].map((text) => text.textContent);
    await waitUntil(() => labels(totals).includes('Đang cập nhật'), `no in-progress mark: ${labels(totals).join('|')}`);
    const line = root(totals).querySelector('.surface line.annotation')!;
    // At 24/11 00:00 in Vietnam, the start of the demo's current day.
    expect(Number(line.getAttribute('x1'))).to.be.above(500);
    // An average of a part day is no drop: no mark.
    expect(labels(means)).to.not.include('Đang cập nhật');
  });
});
