import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createDemoSource, registerSource, type DataSource } from '@ioc-kit/data';
import type { IocErrorEvent } from '../internal/events.js';
import './provider.js';
import '../kpi-card/kpi-card.js';
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
});
