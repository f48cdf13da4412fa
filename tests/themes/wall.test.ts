// The wall theme is read from metres away: its text, strokes and spacing follow each widget's
// size (container query units on the widget), the KPI value stays by far the largest text of a
// card, a title stays on one line, and nothing runs out of a card.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CATALOGUE, HttpError, type ByAreaResult, type DataSource, type KpiResult, type SeriesResult } from '@ioc-kit/data';
import '@ioc-kit/widgets';

const unit = { code: '1', system: 'UCUM', label: { vi: '' } } as const;
const kpi: KpiResult = {
  kind: 'kpi',
  indicator: 'governance.dossiers-on-time',
  area: '90',
  unit: { code: '%', system: 'UCUM', label: { vi: '%' } },
  value: 96.8,
  previous: 96.9,
  sameLastYear: 96.3,
  target: 95,
  partial: false,
  observedAt: '2026-11-24T10:00:00+07:00',
};
const DAY = 86_400_000;
const START = Date.UTC(2026, 9, 25, 17);
const series: SeriesResult = {
  kind: 'series',
  indicator: 'environment.aqi',
  unit,
  grain: 'day',
  partial: false,
  series: [{ area: '90', t: Array.from({ length: 30 }, (_, i) => START + i * DAY), v: Array.from({ length: 30 }, (_, i) => 40 + ((i * 37) % 60)) }],
};
const byArea: ByAreaResult = {
  kind: 'by-area',
  indicator: 'environment.aqi',
  unit,
  level: 'commune',
  partial: false,
  rows: [
    { area: '90001', value: 91 },
    { area: '90002', value: 64 },
    { area: '90003', value: 48 },
  ],
};

const failing: DataSource = {
  id: 'test:failing',
  indicators: () => Promise.resolve(CATALOGUE),
  areas: () => Promise.resolve([]),
  boundaries: () => Promise.resolve({ type: 'FeatureCollection' as const, features: [] }),
  query: () => Promise.reject(new HttpError(`https://broker.example.gov.vn/ngsi-ld/v1/entities?${'type=AirQualityObserved&'.repeat(8)}`, 503, 'Service Unavailable')),
};

type Widget = HTMLElement & { updateComplete: Promise<unknown>; state: string };
const part = (widget: Element, name: string) => widget.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const px = (element: Element, property: 'fontSize' | 'lineHeight' = 'fontSize') => Number.parseFloat(getComputedStyle(element)[property]);
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function onWall<T extends Widget>(template: ReturnType<typeof html>, theme = 'wall'): Promise<T> {
  const board = await fixture<HTMLElement>(html`<div data-ioc-theme=${theme}>${template}</div>`);
  const widget = board.firstElementChild as T;
  await waitUntil(() => widget.state === 'ready' || widget.state === 'error', `${widget.localName} never settled`);
  await widget.updateComplete;
  await frame();
  return widget;
}

/** Font sizes of the SVG text a chart drew, in px. */
async function chartText(widget: Widget): Promise<number[]> {
  await waitUntil(() => widget.shadowRoot!.querySelectorAll('.surface svg text').length > 0, `${widget.localName} drew no text`);
  return [...widget.shadowRoot!.querySelectorAll('.surface svg text')].map((text) => Number.parseFloat(text.getAttribute('font-size') ?? getComputedStyle(text).fontSize));
}

describe('the wall theme', () => {
  it('on a 960 px KPI card: the value is at least 1.8 times the title, the title is one line, change and comparison are smaller than the value', async () => {
    const card = await onWall<Widget>(html`<ioc-kpi-card style="width: 960px" .data=${kpi} label="Tỷ lệ hồ sơ giải quyết đúng hạn trên Cổng dịch vụ công của tỉnh, tháng này"></ioc-kpi-card>`);
    const title = part(card, 'header');
    const value = px(part(card, 'value'));
    expect(value).to.be.at.least(1.8 * px(title));
    expect(value, 'the value is large on a large card').to.be.at.least(96);
    // One line, even for a long title: its box is one line high.
    expect(title.getBoundingClientRect().height).to.be.at.most(px(title, 'lineHeight') + 1);
    expect(px(part(card, 'delta'))).to.be.below(value / 2);
    expect(px(part(card, 'comparison'))).to.be.below(value / 2);
    expect(px(part(card, 'footer')), 'small text still reads from across a room').to.be.at.least(20);
    // The reading keeps to one line inside the card.
    const base = part(card, 'base').getBoundingClientRect();
    for (const name of ['value', 'unit', 'delta', 'comparison', 'footer']) {
      const box = part(card, name).getBoundingClientRect();
      expect(box.right, name).to.be.at.most(base.right);
      expect(box.bottom, name).to.be.at.most(base.bottom);
    }
  });

  it('on a small KPI card: the value is still the largest text and nothing is below 16 px', async () => {
    const card = await onWall<Widget>(html`<ioc-kpi-card style="width: 200px" .data=${kpi}></ioc-kpi-card>`);
    const value = px(part(card, 'value'));
    const title = part(card, 'header');
    expect(value).to.be.above(1.4 * px(title));
    expect(title.getBoundingClientRect().height).to.be.at.most(px(title, 'lineHeight') + 1);
    for (const name of ['header', 'delta', 'comparison', 'footer']) expect(px(part(card, name)), name).to.be.at.least(16);
  });

  it('keeps the KPI error message inside its card, wrapped', async () => {
    const board = await fixture<HTMLElement>(html`<div data-ioc-theme="wall">
      <ioc-provider .source=${failing} area="90"><ioc-kpi-card style="width: 220px" indicator="environment.aqi"></ioc-kpi-card></ioc-provider>
    </div>`);
    const card = board.querySelector<Widget>('ioc-kpi-card')!;
    await waitUntil(() => card.getAttribute('state') === 'error', 'the card never failed');
    await frame();
    const base = part(card, 'base').getBoundingClientRect();
    const status = part(card, 'status');
    const box = status.getBoundingClientRect();
    expect(box.left).to.be.at.least(base.left);
    expect(box.right).to.be.at.most(base.right);
    expect(box.bottom).to.be.at.most(base.bottom);
    expect(status.scrollWidth, 'no line runs out sideways').to.be.at.most(status.clientWidth + 1);
  });

  it('scales chart text and lines with the chart: larger on a large chart, readable on a small one, and the light theme keeps its desk size', async () => {
    const large = await onWall<Widget>(html`<ioc-bar-chart style="width: 960px" .data=${byArea}></ioc-bar-chart>`);
    const small = await onWall<Widget>(html`<ioc-bar-chart style="width: 320px" .data=${byArea}></ioc-bar-chart>`);
    const desk = await onWall<Widget>(html`<ioc-bar-chart style="width: 960px" .data=${byArea}></ioc-bar-chart>`, 'light');
    const [largeText, smallText, deskText] = await Promise.all([chartText(large), chartText(small), chartText(desk)]);
    expect(Math.min(...largeText), 'axis text on a 960 px wall chart').to.be.at.least(22);
    expect(Math.min(...smallText), 'axis text on a 320 px wall chart').to.be.at.least(16);
    expect(Math.min(...largeText)).to.be.above(Math.min(...smallText));
    expect(Math.max(...deskText), 'desk charts keep their label size').to.be.at.most(12);
    // The frame's spacing and the legend/buttons grow too.
    expect(px(part(large, 'base'), 'fontSize')).to.be.a('number');
    expect(Number.parseFloat(getComputedStyle(part(large, 'base')).paddingLeft)).to.be.above(Number.parseFloat(getComputedStyle(part(small, 'base')).paddingLeft));
    expect(px(part(large, 'view-toggle'))).to.be.at.least(22);
    expect(px(part(large, 'header'))).to.be.at.least(30);

    const line = await onWall<Widget>(html`<ioc-time-series style="width: 1600px" .data=${series} renderer="svg"></ioc-time-series>`);
    const ticks = await chartText(line);
    expect(Math.min(...ticks), 'time axis text on a 1600 px wall chart').to.be.at.least(26);
    await waitUntil(() => line.shadowRoot!.querySelector('.surface svg path[stroke-width]'), 'no series line drawn');
    const stroke = Number.parseFloat(line.shadowRoot!.querySelector('.surface svg path[stroke-width]')!.getAttribute('stroke-width')!);
    expect(stroke, 'series lines thicken with the chart').to.be.at.least(5);
  });
});
