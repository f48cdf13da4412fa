import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { HttpError, type DataSource, type KpiResult } from '@ioc-kit/data';
import { loadCatalogue } from '../internal/indicator.js';
import '../provider/provider.js';
import './gauge.js';
import type { IocGauge } from './gauge.js';

const aqi: KpiResult = {
  kind: 'kpi',
  indicator: 'environment.aqi',
  area: '24',
  unit: { code: '1', system: 'UCUM', label: { vi: 'AQI', en: 'AQI' } },
  value: 85,
  target: 100,
  previous: 70,
  partial: false,
};
const onTime = (value: number): KpiResult => ({
  kind: 'kpi',
  indicator: 'governance.dossiers-on-time',
  area: '24',
  unit: { code: '%', system: 'UCUM', label: { vi: '%', en: '%' } },
  value,
  partial: false,
});

const shadow = (element: IocGauge) => element.shadowRoot!;

async function gauge(template: ReturnType<typeof html>): Promise<IocGauge> {
  const element = await fixture<IocGauge>(template);
  await waitUntil(() => element.state === 'error' || element.state === 'empty' || shadow(element).querySelector('.surface svg') !== null, 'gauge never drew');
  return element;
}

/** What a colour expression resolves to inside the element. */
function resolve(element: HTMLElement, expression: string): string {
  const probe = document.createElement('span');
  probe.style.setProperty('color', expression);
  element.shadowRoot!.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

describe('<ioc-gauge>', () => {
  // Without a provider's list, names and bands come from the built-in catalogue, a lazy chunk:
  // these tests are about what is shown with them (internal/indicator.test.ts covers the loading).
  before(() => loadCatalogue());

  it('draws the six VN_AQI bands in their token colours, the value in its band colour and the target', async () => {
    const element = await gauge(html`<ioc-gauge style="width: 320px; --ioc-sys-color-aqi-moderate: rgb(1, 2, 3)" .data=${aqi}></ioc-gauge>`);
    const bands = [...shadow(element).querySelectorAll('.surface path.band')].map((path) => path.getAttribute('fill'));
    expect(bands.length).to.equal(6);
    expect(bands[0]).to.equal(resolve(element, 'var(--ioc-sys-color-aqi-good)'));
    expect(bands[1]).to.equal('rgb(1, 2, 3)');
    expect(shadow(element).querySelector('.surface path.value')!.getAttribute('fill')).to.equal('rgb(1, 2, 3)');
    expect(shadow(element).querySelector('.surface line.target')).to.not.equal(null);
    expect(shadow(element).querySelector('.surface text.reading')!.textContent).to.equal('85');
    const label = shadow(element).querySelector('[part="plot"]')!.getAttribute('aria-label')!;
    expect(label).to.contain('85 AQI');
    expect(label).to.contain('mức Trung bình');
    expect(label).to.contain('mục tiêu 100 AQI, đạt mục tiêu');
  });

  it('colours a value without bands good or bad against the target by polarity', async () => {
    const style = 'width: 320px; --ioc-sys-color-positive: rgb(0, 128, 0); --ioc-sys-color-negative: rgb(200, 0, 0)';
    const good = await gauge(html`<ioc-gauge style=${style} .data=${onTime(97.5)}></ioc-gauge>`);
    expect(shadow(good).querySelector('.surface path.value')!.getAttribute('fill')).to.equal('rgb(0, 128, 0)');
    const bad = await gauge(html`<ioc-gauge style=${style} .data=${onTime(90)}></ioc-gauge>`);
    expect(shadow(bad).querySelector('.surface path.value')!.getAttribute('fill')).to.equal('rgb(200, 0, 0)');
    expect(shadow(bad).querySelector('[part="plot"]')!.getAttribute('aria-label')).to.contain('chưa đạt mục tiêu');
    // The indicator's range (0–100 %) ends the scale.
    expect([...shadow(bad).querySelectorAll('.surface text.end')].map((text) => text.textContent)).to.deep.equal(['0', '100']);
  });

  it('draws the bullet form: bands as a bar, the value bar and the target line', async () => {
    const element = await gauge(html`<ioc-gauge style="width: 420px" form="bullet" .data=${aqi} locale="en"></ioc-gauge>`);
    expect(shadow(element).querySelectorAll('.surface rect.band').length).to.equal(6);
    const value = shadow(element).querySelector('.surface rect.value')!;
    const track = shadow(element).querySelector('.surface rect.track')!;
    expect(Number(value.getAttribute('width')) / Number(track.getAttribute('width'))).to.be.closeTo(85 / 500, 0.01);
    expect(shadow(element).querySelector('.surface line.target')).to.not.equal(null);
    expect(shadow(element).querySelector('[part="plot"]')!.getAttribute('aria-label')).to.contain('band Moderate');
  });

  it('moves between the value and the target with the keyboard', async () => {
    const element = await gauge(html`<ioc-gauge style="width: 320px" .data=${aqi}></ioc-gauge>`);
    const plot = shadow(element).querySelector<HTMLElement>('[part="plot"]')!;
    plot.focus();
    const press = async (key: string) => {
      plot.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      await element.updateComplete;
      return shadow(element).querySelector('[aria-live="polite"]')!.textContent.trim();
    };
    expect(await press('ArrowRight')).to.equal('Giá trị: 85 AQI (Trung bình)');
    expect(await press('ArrowRight')).to.equal('Mục tiêu: 100 AQI');
    expect(shadow(element).querySelector('[part="tooltip"]')!.textContent).to.equal('Mục tiêu: 100 AQI');
  });

  it('switches to a table with value, band, target and previous period', async () => {
    const element = await gauge(html`<ioc-gauge style="width: 320px" .data=${aqi}></ioc-gauge>`);
    shadow(element).querySelector<HTMLButtonElement>('[part="view-toggle"]')!.click();
    await element.updateComplete;
    const rows = [...shadow(element).querySelectorAll('[part="table"] tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent.trim()));
    expect(rows.slice(0, 4)).to.deep.equal([
      ['Giá trị', '85 AQI'],
      ['Mức', 'Trung bình'],
      ['Mục tiêu', '100 AQI'],
      ['Kỳ trước', '70 AQI'],
    ]);
  });

  it('redraws at its new size', async () => {
    const element = await gauge(html`<ioc-gauge style="width: 320px" .data=${aqi}></ioc-gauge>`);
    const width = () => Number(shadow(element).querySelector('.surface svg')!.getAttribute('width'));
    const before = width();
    element.style.setProperty('width', '240px');
    await waitUntil(() => width() < before, 'no redraw after resize');
  });

  it('says when there is no value, when loading failed, and when the result is malformed', async () => {
    const empty = await gauge(html`<ioc-gauge .data=${{ ...aqi, value: null }}></ioc-gauge>`);
    expect(empty.state).to.equal('empty');
    const failing: DataSource = {
      id: 'failing',
      indicators: () => Promise.resolve([]),
      areas: () => Promise.resolve([]),
      boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
      query: () => Promise.reject(new HttpError('https://broker.example/x', 503, 'Service Unavailable')),
    };
    const provider = await fixture(html`<ioc-provider .source=${failing} area="24"><ioc-gauge indicator="environment.aqi"></ioc-gauge></ioc-provider>`);
    const element = provider.querySelector<IocGauge>('ioc-gauge')!;
    await waitUntil(() => element.state === 'error', 'never reached the error state');
    await element.updateComplete;
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.contain('503');
    const malformed: DataSource = { ...failing, id: 'malformed', query: () => Promise.resolve({ ...aqi, value: 'high' } as unknown as KpiResult) } as DataSource;
    const other = await fixture(html`<ioc-provider .source=${malformed} area="24"><ioc-gauge indicator="environment.aqi"></ioc-gauge></ioc-provider>`);
    const rejected = other.querySelector<IocGauge>('ioc-gauge')!;
    await waitUntil(() => rejected.state === 'error', 'never rejected');
    await rejected.updateComplete;
    expect(shadow(rejected).querySelector('[role="alert"]')!.textContent).to.contain('value');
  });

  it('fades in only when the system allows motion', async () => {
    const animation = (element: IocGauge) => getComputedStyle(shadow(element).querySelector('.surface')!).animationName;
    try {
      await emulateMedia({ reducedMotion: 'reduce' });
      const still = await gauge(html`<ioc-gauge style="width: 320px" .data=${aqi}></ioc-gauge>`);
      expect(animation(still)).to.equal('none');
      await emulateMedia({ reducedMotion: 'no-preference' });
      const moving = await gauge(html`<ioc-gauge style="width: 320px" .data=${aqi}></ioc-gauge>`);
      expect(animation(moving)).to.not.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('shows a hostile label as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const element = await gauge(html`<ioc-gauge style="width: 320px" .data=${{ ...aqi, unit: { code: 'x', system: 'none', label: { vi: hostile } } }} label=${hostile}></ioc-gauge>`);
    expect(shadow(element).querySelector('img')).to.equal(null);
    expect(shadow(element).querySelector('.surface text.unit')!.textContent).to.equal(hostile);
  });
});
