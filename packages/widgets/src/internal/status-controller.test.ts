import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { HttpError, type DataSource, type KpiQuery, type KpiResult, type Query, type ResultFor } from '@ioc-kit/data';
import { DataController } from './data-controller.js';
import { MissingSettingError } from './status.js';
import { StatusController, areaProblem } from './status-controller.js';

const kpi: KpiResult = { kind: 'kpi', indicator: 'environment.aqi', area: '90', unit: { code: '1', system: 'none', label: { vi: '' } }, value: 3, partial: false };

function source(answer: () => Promise<unknown>): DataSource {
  return {
    id: 'test',
    indicators: () => Promise.resolve([]),
    areas: () => Promise.resolve([]),
    boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
    query: <Q extends Query>() => answer() as Promise<ResultFor<Q>>,
  };
}

class StatusHost extends LitElement {
  source?: DataSource;
  indicator?: string = 'environment.aqi';
  readonly loader = new DataController<KpiQuery>(this, {
    source: () => this.source,
    query: () => (this.indicator ? { kind: 'kpi', indicator: 'environment.aqi', area: '90' } : undefined),
    isEmpty: (result) => result.value === null,
  });
  readonly status = new StatusController(this, {
    loader: this.loader,
    configError: () => (this.indicator ? undefined : new MissingSettingError('indicator', '<test-status-host> needs an indicator.')),
    locale: () => 'vi',
    timeZone: () => 'Asia/Ho_Chi_Minh',
    now: () => Date.UTC(2026, 10, 24, 3),
  });
  protected override render() {
    return html`${this.status.render()}`;
  }
}
customElements.define('test-status-host', StatusHost);

describe('StatusController', () => {
  it('shows a skeleton while loading and nothing once ready, reflecting the state attribute', async () => {
    let settle: (value: KpiResult) => void = () => undefined;
    const host = await fixture<StatusHost>(html`<test-status-host .source=${source(() => new Promise((resolve) => (settle = resolve)))}></test-status-host>`);
    await host.updateComplete;
    expect(host.getAttribute('state')).to.equal('pending');
    expect(host.shadowRoot!.querySelector('.skeleton')).to.not.equal(null);
    settle(kpi);
    await waitUntil(() => host.getAttribute('state') === 'ready');
    expect(host.shadowRoot!.querySelector('[part="status"]')).to.equal(null);
  });

  it('says why loading failed, with a retry button and the technical details', async () => {
    const host = await fixture<StatusHost>(html`<test-status-host .source=${source(() => Promise.reject(new HttpError('https://x.example/a', 403, 'Forbidden')))}></test-status-host>`);
    await waitUntil(() => host.status.state === 'error');
    await host.updateComplete;
    const alert = host.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.querySelector('.status-text')!.textContent).to.equal('Không có quyền truy cập dữ liệu');
    expect(alert.querySelector('[part="retry"]')!.textContent).to.equal('Thử lại');
    expect(alert.getAttribute('title')).to.contain('403');
  });

  it('shows a set-up mistake instead of loading, without a retry', async () => {
    const host = await fixture<StatusHost>(html`<test-status-host .indicator=${undefined}></test-status-host>`);
    await host.updateComplete;
    expect(host.status.state).to.equal('error');
    expect(host.shadowRoot!.querySelector('.status-text')!.textContent).to.equal('Chưa chọn chỉ tiêu');
    expect(host.shadowRoot!.querySelector('[part="retry"]')).to.equal(null);
  });

  it('says what an area-less widget should be given, or waits for the provider', () => {
    expect(areaProblem('ioc-x', '90', undefined)).to.equal(undefined);
    expect(areaProblem('ioc-x', undefined, { locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh', areaPending: true })).to.equal('waiting');
    const problem = areaProblem('ioc-x', undefined, undefined);
    expect(problem).to.be.instanceOf(MissingSettingError);
    expect((problem as MissingSettingError).message).to.contain('<ioc-x> has no area');
  });
});
