import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { SizeController } from './size-controller.js';

class SizeHost extends LitElement {
  readonly sizer = new SizeController(this);
  renders = 0;
  protected override render() {
    this.renders++;
    return html`<div class="box" style="width: 100%; height: 40px"></div>`;
  }
  protected override updated() {
    this.sizer.observe(this.renderRoot.querySelector('.box'));
  }
}
customElements.define('test-size-host', SizeHost);

describe('SizeController', () => {
  it('reports the observed box in whole pixels and renders again only when it changed', async () => {
    const host = await fixture<SizeHost>(html`<test-size-host style="display: block; width: 200.6px"></test-size-host>`);
    expect(host.sizer.size).to.equal(undefined, 'nothing is measured before the observer reports');
    await waitUntil(() => host.sizer.size !== undefined, 'the observer never reported');
    expect(host.sizer.size).to.deep.equal({ width: 200, height: 40 });
    const renders = host.renders;
    host.style.width = '120px';
    await waitUntil(() => host.sizer.size?.width === 120, 'no report after a resize');
    expect(host.renders).to.be.greaterThan(renders);
  });

  it('stops watching when the host is detached and watches again when it is back', async () => {
    const host = await fixture<SizeHost>(html`<test-size-host style="display: block; width: 150px"></test-size-host>`);
    await waitUntil(() => host.sizer.size?.width === 150);
    const parent = host.parentElement!;
    host.remove();
    host.style.width = '90px';
    parent.append(host);
    await waitUntil(() => host.sizer.size?.width === 90, 'the size was not read again after re-attaching');
  });
});
