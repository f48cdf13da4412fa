import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { SummaryController } from './summary-controller.js';

interface Data {
  values: number[];
}

class SummaryHost extends LitElement {
  data: Data = { values: [1, 2, 3] };
  locale = 'vi';
  costly = false;
  setting: object = {};
  written = 0;
  readonly summary = new SummaryController<Data>(this, {
    summarize: (data) => {
      this.written++;
      return `${this.locale}: ${data.values.join(',')}`;
    },
    key: () => this.locale,
    inputs: () => [this.setting],
    isCostly: () => this.costly,
    placeholder: () => 'Title',
    current: () => this.data,
  });
}
customElements.define('test-summary-host', SummaryHost);

describe('SummaryController', () => {
  it('writes the summary once per result and key', async () => {
    const host = await fixture<SummaryHost>(html`<test-summary-host></test-summary-host>`);
    expect(host.summary.text(host.data)).to.equal('vi: 1,2,3');
    host.summary.text(host.data);
    expect(host.written).to.equal(1);
    host.locale = 'en';
    expect(host.summary.text(host.data)).to.equal('en: 1,2,3');
    host.summary.invalidate();
    host.summary.text(host.data);
    expect(host.written).to.equal(3);
    host.setting = {};
    host.summary.text(host.data);
    expect(host.written).to.equal(4, 'a changed input writes the words again');
  });

  it('writes a costly summary after the first paint, saying the placeholder meanwhile', async () => {
    const host = await fixture<SummaryHost>(html`<test-summary-host></test-summary-host>`);
    host.costly = true;
    expect(host.summary.text(host.data)).to.equal('Title');
    expect(host.written).to.equal(0);
    await waitUntil(() => host.written === 1, 'the deferred summary was never written');
    expect(host.summary.text(host.data)).to.equal('vi: 1,2,3');
    // A newer result keeps the old words until its own are written.
    host.data = { values: [4] };
    expect(host.summary.text(host.data)).to.equal('vi: 1,2,3');
    await waitUntil(() => host.summary.text(host.data) === 'vi: 4');
  });
});
