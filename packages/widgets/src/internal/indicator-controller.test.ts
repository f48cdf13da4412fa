import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { indicatorById, type DataSource, type Indicator } from '@ioc-kit/data';
import type { IocContextValue } from './context.js';
import { IndicatorController } from './indicator-controller.js';

class IndicatorHost extends LitElement {
  context?: IocContextValue;
  readonly indicators = new IndicatorController(this, () => this.context);
}
customElements.define('test-indicator-host', IndicatorHost);

const own: Indicator = { ...indicatorById('environment.aqi')!, name: { vi: 'AQI của tỉnh' } };
const someSource = { id: 'x' } as DataSource;

describe('IndicatorController', () => {
  it("takes the provider's list first", async () => {
    const host = await fixture<IndicatorHost>(html`<test-indicator-host></test-indicator-host>`);
    host.context = { locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh', source: someSource, indicators: [own] };
    expect(host.indicators.info('environment.aqi')?.name.vi).to.equal('AQI của tỉnh');
    expect(host.indicators.info(undefined)).to.equal(undefined);
  });

  it("waits for the provider's list rather than loading the catalogue meanwhile", async () => {
    const host = await fixture<IndicatorHost>(html`<test-indicator-host></test-indicator-host>`);
    host.context = { locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh', source: someSource };
    expect(host.indicators.info('no.such-indicator')).to.equal(undefined);
    expect(host.indicators.key).to.equal('-1/0');
  });

  it('loads the built-in catalogue on need, renders the host again and changes its key', async () => {
    const host = await fixture<IndicatorHost>(html`<test-indicator-host></test-indicator-host>`);
    const before = host.indicators.key;
    host.indicators.info('environment.pm25');
    await waitUntil(() => host.indicators.info('environment.pm25') !== undefined, 'the catalogue never loaded');
    expect(host.indicators.info('environment.pm25')?.id).to.equal('environment.pm25');
    // The catalogue is shared: a controller that already sees it may keep its key.
    expect(host.indicators.key === before || host.indicators.key.endsWith('/1')).to.be.true;
  });
});
