import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { HttpError, type Area, type ByAreaResult, type DataSource, type Query, type ResultFor } from '@ioc-kit/data';
import { loadCatalogue } from '../internal/indicator.js';
import '../provider/provider.js';
import './donut.js';
import type { IocDonut } from './donut.js';

const revenue: ByAreaResult = {
  kind: 'by-area',
  indicator: 'economy.budget-revenue',
  unit: { code: '1', system: 'none', label: { vi: 'tỷ đồng', en: 'bn VND' } },
  level: 'commune',
  partial: false,
  rows: [
    { area: '25111', value: 5204.5 },
    { area: '25112', value: 3100 },
    { area: '25113', value: 1200 },
    { area: '25114', value: 120 },
    { area: '25115', value: 90 },
    { area: '25116', value: null },
  ],
};

const shadow = (element: IocDonut) => element.shadowRoot!;
const slices = (element: IocDonut) => [...shadow(element).querySelectorAll<SVGPathElement>('.surface g.slices path')];

async function donut(template: ReturnType<typeof html>): Promise<IocDonut> {
  const element = await fixture<IocDonut>(template);
  await waitUntil(() => element.state === 'error' || element.state === 'empty' || slices(element).length > 0, 'donut never drew');
  return element;
}

async function press(element: IocDonut, key: string): Promise<string> {
  const plot = shadow(element).querySelector<HTMLElement>('[part="plot"]')!;
  plot.focus();
  plot.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  await element.updateComplete;
  return shadow(element).querySelector('[aria-live="polite"]')!.textContent.trim();
}

describe('<ioc-donut>', () => {
  // Without a provider's list, names and bands come from the built-in catalogue, a lazy chunk:
  // these tests are about what is shown with them (internal/indicator.test.ts covers the loading).
  before(() => loadCatalogue());

  it('shows shares largest first, small ones grouped as "Khác", and the total in the centre with its unit', async () => {
    const element = await donut(html`<ioc-donut style="width: 360px" .data=${revenue} .areaLabels=${{ '25111': 'Phường Kinh Bắc' }}></ioc-donut>`);
    expect(slices(element).map((path) => path.dataset.key)).to.deep.equal(['25111', '25112', '25113', '__other__']);
    expect(shadow(element).querySelector('.surface text.total')!.textContent).to.equal('9.714,5');
    expect(shadow(element).querySelector('.surface text.unit')!.textContent).to.equal('tỷ đồng');
    const legend = [...shadow(element).querySelectorAll('[part="legend-item"]')].map((button) => button.textContent.trim());
    expect(legend).to.deep.equal(['Phường Kinh Bắc · 53,6 %', '25112 · 31,9 %', '25113 · 12,4 %', 'Khác · 2,2 %']);
    expect(shadow(element).querySelector('[part="plot"]')!.getAttribute('aria-label')).to.contain('tổng 9.714,5 tỷ đồng');
    element.locale = 'en';
    await element.updateComplete;
    await waitUntil(() => shadow(element).querySelector('.surface text.total')!.textContent === '9,714.5', 'no English total');
    expect([...shadow(element).querySelectorAll('[part="legend-item"]')].at(-1)!.textContent.trim()).to.equal('Other · 2.2 %');
  });

  it('groups by the threshold it is given, only while "Khác" stays small', async () => {
    const element = await donut(html`<ioc-donut style="width: 360px" .data=${revenue} other-threshold="0.2"></ioc-donut>`);
    // 25113 (12,4 %) is under the threshold, but with it "Khác" would hold 14,6 % of the whole: it keeps its name.
    expect(slices(element).map((path) => path.dataset.key)).to.deep.equal(['25111', '25112', '25113', '__other__']);
  });

  it('shows bars of the largest shares, never a giant "Khác", when the total is spread over many similar areas', async () => {
    // The demo province's solid waste: a hundred communes, none over 1,3 % of the whole.
    const communes: ByAreaResult = {
      ...revenue,
      indicator: 'environment.solid-waste',
      unit: { code: 't/d', system: 'UCUM', label: { vi: 'tấn/ngày', en: 't/day' } },
      rows: Array.from({ length: 100 }, (_, i) => ({ area: `9${String(i).padStart(4, '0')}`, value: 8 + (i % 9) })),
    };
    const element = await fixture<IocDonut>(html`<ioc-donut style="width: 420px" .data=${communes}></ioc-donut>`);
    await waitUntil(() => shadow(element).querySelectorAll('.surface svg.ioc-bar g.bars rect').length > 0, 'no bars');
    expect(slices(element)).to.have.length(0);
    const rects = [...shadow(element).querySelectorAll<SVGRectElement>('.surface svg.ioc-bar g.bars rect')];
    expect(rects).to.have.length(8);
    const labels = [...shadow(element).querySelectorAll('.surface g.value-labels text')].map((text) => text.textContent);
    expect(labels[0]).to.equal('1,3 %');
    expect(shadow(element).querySelector('[part="legend"]')).to.equal(null);
    const note = shadow(element).querySelector('[part="note"]')!.textContent;
    expect(note).to.contain('Tỷ trọng 8 khu vực lớn nhất');
    expect(note).to.contain('92 khu vực khác: 89,3 % (mỗi khu vực ≤ 1,3 %)');
    expect(note).to.contain('Tổng: 1.196,0 tấn/ngày');
    expect(await press(element, 'ArrowDown')).to.equal('90008: 16,0 tấn/ngày, 1,3 %');
    element.locale = 'en';
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="note"]')!.textContent).to.contain('92 other areas: 89.3 % (each ≤ 1.3 %)');
  });

  it('names the units of the date it shows (districts before 1 July 2025)', async () => {
    const dated: DataSource = {
      id: 'dated',
      indicators: () => Promise.resolve([]),
      // Districts exist only before the reorganisation: listed only when asked for that date.
      areas: (query) => Promise.resolve(query?.at ? [{ code: '25111', level: 'district' as const, parent: '90', name: { vi: 'Huyện Cũ' } }] : []),
      boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
      query: <Q extends Query>() => Promise.resolve({ ...revenue, level: 'district' } as ResultFor<Q>),
    };
    const provider = await fixture(html`<ioc-provider .source=${dated} area="90"><ioc-donut style="width: 360px" indicator="economy.budget-revenue" level="district" at="2025-06-15"></ioc-donut></ioc-provider>`);
    const element = provider.querySelector<IocDonut>('ioc-donut')!;
    await waitUntil(() => shadow(element).querySelector('[part="legend-item"]')?.textContent.trim() === 'Huyện Cũ · 53,6 %', 'the district was never named');
  });

  it("shares its own area's total: a province's, never the province's in place of a commune's", async () => {
    const queries: Query[] = [];
    // The source says what each area is: its level is never read from the length of its code.
    const listed: Area[] = [
      { code: '90', level: 'province', name: { vi: 'Tỉnh' } },
      { code: '901', level: 'district', parent: '90', name: { vi: 'Huyện cũ' } },
      { code: '90001', level: 'commune', parent: '90', name: { vi: 'Xã' } },
    ];
    const recording: DataSource = {
      id: 'recording',
      indicators: () => Promise.resolve([]),
      areas: () => Promise.resolve(listed),
      boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
      query: <Q extends Query>(query: Q) => {
        queries.push(query);
        return Promise.resolve(revenue as ResultFor<Q>);
      },
    };
    const province = await fixture(html`<ioc-provider .source=${recording} area="90"><ioc-donut indicator="economy.budget-revenue"></ioc-donut></ioc-provider>`);
    await waitUntil(() => queries.length > 0, 'no query');
    expect(queries[0]).to.deep.include({ kind: 'by-area', level: 'commune', parent: '90' });
    province.remove();
    // A former district shares its total among its communes.
    queries.length = 0;
    await fixture(html`<ioc-provider .source=${recording} area="901"><ioc-donut indicator="economy.budget-revenue"></ioc-donut></ioc-provider>`);
    await waitUntil(() => queries.length > 0, 'no query');
    expect(queries[0]).to.deep.include({ parent: '901' });
    // A commune has no communes under it: the donut says so instead of showing the province's.
    queries.length = 0;
    const commune = await fixture(html`<ioc-provider .source=${recording} area="90001"><ioc-donut indicator="economy.budget-revenue"></ioc-donut></ioc-provider>`);
    const element = commune.querySelector<IocDonut>('ioc-donut')!;
    await waitUntil(() => element.state === 'error', 'no error for a commune');
    await element.updateComplete;
    expect(queries).to.have.length(0);
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.contain('90001 is a commune');
    // In words for an official; the advice for the developer is the detail.
    expect(shadow(element).querySelector('[role="alert"] .status-text')!.textContent).to.equal('Địa bàn này không có đơn vị nhỏ hơn để chia tỷ trọng');
    expect(shadow(element).querySelector('[part="retry"]')).to.equal(null);
    // Asked explicitly, it shows the commune within its province.
    element.parent = '90';
    await waitUntil(() => queries.length > 0, 'no query with a parent');
    expect(queries[0]).to.deep.include({ parent: '90' });
  });

  it('hides a slice from the legend and the total follows', async () => {
    const element = await donut(html`<ioc-donut style="width: 360px" .data=${revenue}></ioc-donut>`);
    shadow(element).querySelector<HTMLButtonElement>('[part="legend-item"]')!.click();
    await element.updateComplete;
    await waitUntil(() => slices(element).length === 3, 'slice not hidden');
    expect(shadow(element).querySelector('.surface text.total')!.textContent).to.equal('4.510,0');
  });

  it('moves between slices with the keyboard and announces value and share', async () => {
    const element = await donut(html`<ioc-donut style="width: 360px" .data=${revenue}></ioc-donut>`);
    expect(await press(element, 'ArrowRight')).to.equal('25111: 5.204,5 tỷ đồng, 53,6 %');
    expect(await press(element, 'End')).to.equal('Khác (2 khu vực): 210,0 tỷ đồng, 2,2 %');
  });

  it('shows the slice under the pointer in the tooltip', async () => {
    const element = await donut(html`<ioc-donut style="width: 360px" .data=${revenue}></ioc-donut>`);
    const surface = shadow(element).querySelector<HTMLElement>('.surface')!;
    const box = surface.getBoundingClientRect();
    const svg = surface.querySelector('svg')!;
    const cx = Number(svg.getAttribute('width')) / 2;
    const cy = Number(svg.getAttribute('height')) / 2;
    const radius = Math.min(cx, cy) * 0.8;
    // The largest slice (53.6 %) starts at 12 o'clock and runs clockwise past 3 o'clock.
    const plot = shadow(element).querySelector<HTMLElement>('[part="plot"]')!;
    plot.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + cx + radius, clientY: box.top + cy, bubbles: true, composed: true }));
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="tooltip"]')!.textContent).to.equal('25111: 5.204,5 tỷ đồng, 53,6 %');
    // Just left of 12 o'clock is the last slice, "Khác".
    plot.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + cx - 3, clientY: box.top + cy - radius, bubbles: true, composed: true }));
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="tooltip"]')!.textContent).to.contain('Khác');
  });

  it('switches to a table of every area with its share', async () => {
    const element = await donut(html`<ioc-donut style="width: 360px" .data=${revenue}></ioc-donut>`);
    shadow(element).querySelector<HTMLButtonElement>('[part="view-toggle"]')!.click();
    await element.updateComplete;
    const rows = [...shadow(element).querySelectorAll('[part="table"] tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent.trim()));
    expect(rows.map((row) => row[0])).to.deep.equal(['25111', '25112', '25113', '25114', '25115', 'Tổng']);
    expect(rows.at(-1)).to.deep.equal(['Tổng', '9.714,5', '100,0 %']);
  });

  it('redraws at its new size', async () => {
    const element = await donut(html`<ioc-donut style="width: 360px; --ioc-donut-height: 300px" .data=${revenue}></ioc-donut>`);
    const width = () => Number(shadow(element).querySelector('.surface svg')!.getAttribute('width'));
    const before = width();
    element.style.setProperty('width', '260px');
    await waitUntil(() => width() < before, 'no redraw after resize');
  });

  it('says when there is no data, and when loading failed', async () => {
    const empty = await donut(html`<ioc-donut .data=${{ ...revenue, rows: [{ area: 'x', value: 0 }] }}></ioc-donut>`);
    expect(empty.state).to.equal('empty');
    const failing: DataSource = {
      id: 'failing',
      indicators: () => Promise.resolve([]),
      areas: () => Promise.resolve([]),
      boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
      query: () => Promise.reject(new HttpError('https://broker.example/x', 503, 'Service Unavailable')),
    };
    const provider = await fixture(html`<ioc-provider .source=${failing} area="24"><ioc-donut indicator="economy.budget-revenue"></ioc-donut></ioc-provider>`);
    const element = provider.querySelector<IocDonut>('ioc-donut')!;
    await waitUntil(() => element.state === 'error', 'never reached the error state');
    await element.updateComplete;
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.contain('503');
  });

  it('shows hostile names as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const element = await donut(html`<ioc-donut style="width: 360px" .data=${revenue} .areaLabels=${{ '25111': hostile }}></ioc-donut>`);
    expect(shadow(element).querySelector('img')).to.equal(null);
    expect(shadow(element).querySelector('[part="legend-item"]')!.textContent).to.contain(hostile);
  });
});

describe('<ioc-donut> under forced colours', () => {
  before(() => loadCatalogue());
  afterEach(() => emulateMedia({ forcedColors: 'none' }));

  it('fills each slice with its own pattern, and the legend shows the same pattern for each', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const element = await donut(html`<ioc-donut style="width: 360px" .data=${revenue}></ioc-donut>`);
    const drawn = slices(element).map((path) => path.dataset.pattern);
    expect(drawn).to.deep.equal(['solid', 'diagonal', 'dots', 'none']);
    for (const path of slices(element)) expect(path.getAttribute('fill')).to.match(/^url\(#ioc-donut-fill-/);
    const swatches = [...shadow(element).querySelectorAll<SVGElement>('[part="legend-item"] .swatch-fill')].map((swatch) => swatch.dataset.pattern);
    expect(swatches).to.deep.equal(drawn);
  });
});
