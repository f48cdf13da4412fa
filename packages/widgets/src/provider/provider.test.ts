import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createDemoSource, registerSource, type DataSource } from '@ioc-kit/data';
import type { IocErrorEvent } from '../internal/events.js';
import './provider.js';
import '../kpi-card/kpi-card.js';
import '../sparkline/sparkline.js';
import '../time-series/time-series.js';
import type { IocSparkline } from '../sparkline/sparkline.js';
import type { IocTimeSeries } from '../time-series/time-series.js';
import type { IocProvider } from './provider.js';

const valueOf = (card: Element) => card.shadowRoot!.querySelector('[part="value"]')?.textContent?.trim();

describe('ioc-provider', () => {
  it('passes area and locale down; a widget attribute overrides them', async () => {
    const source = createDemoSource({ seed: 1, now: '2026-11-24T10:00:00Z' });
    const provider = await fixture<IocProvider>(html`
      <ioc-provider .source=${source} area="90" locale="en">
        <ioc-kpi-card id="a" indicator="environment.aqi"></ioc-kpi-card>
        <ioc-kpi-card id="b" indicator="environment.aqi" locale="vi" area="90001"></ioc-kpi-card>
      </ioc-provider>
    `);
    const a = provider.querySelector('#a')!;
    const b = provider.querySelector('#b')!;
    await waitUntil(() => a.getAttribute('state') === 'ready' && b.getAttribute('state') === 'ready');
    expect(a.shadowRoot!.querySelector('[part="footer"]')!.textContent).to.contain('Updated');
    expect(b.shadowRoot!.querySelector('[part="footer"]')!.textContent).to.contain('Cập nhật');
  });

  it('re-renders its widgets when the source changes', async () => {
    const one: DataSource = createDemoSource({ seed: 1, now: '2026-11-24T10:00:00Z' });
    const two: DataSource = {
      ...one,
      id: 'two',
      query: (q) => one.query(q).then((r) => ({ ...r, value: 321 })),
    };
    const provider = await fixture<IocProvider>(html`<ioc-provider .source=${one} area="90"><ioc-kpi-card indicator="environment.aqi"></ioc-kpi-card></ioc-provider>`);
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => card.getAttribute('state') === 'ready');
    provider.source = two;
    await waitUntil(() => valueOf(card) === '321');
  });

  it('hands data-* attributes to a named source as its options', async () => {
    let seen: Record<string, string> | undefined;
    registerSource('test-options', (options) => {
      seen = { ...options };
      return createDemoSource(options);
    });
    await fixture(html`<ioc-provider source="test-options" data-seed="7" data-url="https://x.example/api" area="90"></ioc-provider>`);
    await waitUntil(() => seen !== undefined);
    expect(seen).to.deep.equal({ seed: '7', url: 'https://x.example/api' });
  });

  it('fires ioc-error for an unknown source name', async () => {
    const errors: IocErrorEvent[] = [];
    const provider = document.createElement('ioc-provider');
    provider.addEventListener('ioc-error', (event) => errors.push(event));
    provider.setAttribute('source', 'missing-source');
    document.body.append(provider);
    await waitUntil(() => errors.length === 1);
    expect(errors[0]!.error.code).to.equal('config');
    provider.remove();
  });

  it('applies a built-in theme to its subtree with the theme attribute, live', async () => {
    const provider = await fixture<IocProvider>(html`<ioc-provider theme="light"><ioc-kpi-card .data=${undefined}></ioc-kpi-card></ioc-provider>`);
    const surface = () => getComputedStyle(provider).getPropertyValue('--ioc-sys-color-surface').trim();
    const light = surface();
    provider.theme = 'dark';
    await provider.updateComplete;
    expect(surface()).to.not.equal(light);
  });

  it('shows the source\'s province when it has no area, so `<ioc-provider source="demo">` just works', async () => {
    const provider = await fixture<IocProvider>(html`<ioc-provider source="demo" data-now="2026-11-24T10:00:00+07:00"><ioc-kpi-card indicator="environment.aqi"></ioc-kpi-card></ioc-provider>`);
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => card.getAttribute('state') === 'ready', `state stayed ${card.getAttribute('state')}`, { timeout: 5000 });
    expect((card as unknown as { effectiveArea?: string }).effectiveArea).to.equal('90');
  });

  it('says in words that an area is needed when the source lists no single province, and fires ioc-error', async () => {
    const demo = createDemoSource({ seed: 1, now: '2026-11-24T10:00:00Z' });
    const national: DataSource = {
      ...demo,
      id: 'national',
      areas: () => Promise.resolve([
        { code: '01', name: { vi: 'Hà Nội' }, level: 'province' },
        { code: '79', name: { vi: 'TP. Hồ Chí Minh' }, level: 'province' },
      ]),
    };
    const errors: IocErrorEvent[] = [];
    const provider = document.createElement('ioc-provider');
    provider.addEventListener('ioc-error', (event) => errors.push(event));
    provider.source = national;
    const kpi = document.createElement('ioc-kpi-card');
    kpi.setAttribute('indicator', 'environment.aqi');
    provider.append(kpi);
    document.body.append(provider);
    try {
      const card = provider.querySelector('ioc-kpi-card')!;
      await waitUntil(() => card.getAttribute('state') === 'error', `state stayed ${card.getAttribute('state')}`);
      expect(card.shadowRoot!.querySelector('.status-text')!.textContent).to.equal('Chưa chọn địa bàn');
      await waitUntil(() => errors.length > 0);
      expect(errors[0]!.error.code).to.equal('config');
      expect(errors[0]!.error.message).to.contain('area=');
      // Given an area, it loads.
      provider.area = '90';
      await waitUntil(() => card.getAttribute('state') === 'ready');
    } finally {
      provider.remove();
    }
  });

  it('counts default windows back from the source\'s clock, not the wall clock', async () => {
    // The demo's data ends on 24/11/2026 10:00; the browser may be any date (npm test runs a year ahead too).
    const source = createDemoSource({ seed: 2025, now: '2026-11-24T10:00:00+07:00' });
    const provider = await fixture<IocProvider>(html`<ioc-provider .source=${source} area="90">
      <ioc-sparkline indicator="environment.aqi" grain="hour" span="48"></ioc-sparkline>
      <ioc-time-series indicator="environment.pm25" grain="day"></ioc-time-series>
    </ioc-provider>`);
    const sparkline = provider.querySelector<IocSparkline>('ioc-sparkline')!;
    const series = provider.querySelector<IocTimeSeries>('ioc-time-series')!;
    await waitUntil(() => sparkline.getAttribute('state') === 'ready' && series.getAttribute('state') === 'ready', `states ${sparkline.getAttribute('state')} / ${series.getAttribute('state')}`, { timeout: 8000 });
    const query = (series as unknown as { chartQuery(): { from: string; to: string } }).chartQuery();
    expect(query.to).to.equal('2026-11-24T17:00:00.000Z');
    expect(query.from).to.equal('2026-10-25T17:00:00.000Z');
  });

  it('pins now for every widget inside with the now attribute', async () => {
    const source = createDemoSource({ seed: 2025, now: '2026-11-24T10:00:00+07:00' });
    const provider = await fixture<IocProvider>(html`<ioc-provider .source=${source} area="90" now="2026-06-15T12:00:00+07:00">
      <ioc-time-series indicator="environment.pm25" grain="day"></ioc-time-series>
      <ioc-kpi-card indicator="environment.pm25" grain="day"></ioc-kpi-card>
    </ioc-provider>`);
    const series = provider.querySelector<IocTimeSeries>('ioc-time-series')!;
    const card = provider.querySelector('ioc-kpi-card')!;
    await waitUntil(() => series.getAttribute('state') === 'ready' && card.getAttribute('state') === 'ready', 'never ready', { timeout: 8000 });
    const query = (series as unknown as { chartQuery(): { from: string; to: string } }).chartQuery();
    expect(query.to).to.equal('2026-06-15T17:00:00.000Z');
    const kpi = (card as unknown as { loader: { value?: { period?: { from: string } } } }).loader.value;
    expect(kpi?.period?.from).to.equal('2026-06-14T17:00:00.000Z');
  });
});
