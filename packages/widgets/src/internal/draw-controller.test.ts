import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { DrawController } from './draw-controller.js';
import type { ChartSize } from './size-controller.js';

class DrawHost extends LitElement {
  @property({ attribute: false }) result?: { values: number[] };
  @property() color = 'red';
  extra = 1;
  draws: ChartSize[] = [];
  readonly drawing = new DrawController<{ values: number[] }>(this, {
    surface: () => this.renderRoot.querySelector<HTMLElement>('.surface') ?? undefined,
    result: () => this.result,
    inputs: () => [this.extra],
    draw: (surface, result, size) => {
      this.draws.push(size);
      surface.textContent = result.values.join(',');
    },
  });
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.size > 0) this.drawing.request();
  }
  protected override render() {
    return html`<div class="surface" style="height: 30px"></div>`;
  }
}
customElements.define('test-draw-host', DrawHost);

describe('DrawController', () => {
  it('draws at the observed size, again only when the result, size, inputs or a property changed', async () => {
    const host = await fixture<DrawHost>(html`<test-draw-host style="display: block; width: 240px" .result=${{ values: [1, 2] }}></test-draw-host>`);
    await waitUntil(() => host.draws.length > 0, 'never drew');
    expect(host.draws).to.deep.equal([{ width: 240, height: 30 }]);
    expect(host.shadowRoot!.querySelector('.surface')!.textContent).to.equal('1,2');
    host.requestUpdate();
    await host.updateComplete;
    expect(host.draws).to.have.length(1, 'an update that changes nothing draws nothing');
    host.extra = 2;
    host.requestUpdate();
    await host.updateComplete;
    expect(host.draws).to.have.length(2);
    host.color = 'blue';
    await host.updateComplete;
    expect(host.draws).to.have.length(3);
    host.style.width = '200px';
    await waitUntil(() => host.draws.length === 4, 'no redraw after a resize');
    expect(host.draws[3]).to.deep.equal({ width: 200, height: 30 });
  });

  it('draws now, outside an update, when asked and something it compares changed', async () => {
    const host = await fixture<DrawHost>(html`<test-draw-host style="display: block; width: 100px" .result=${{ values: [3] }}></test-draw-host>`);
    await waitUntil(() => host.draws.length > 0);
    host.drawing.drawNow();
    expect(host.draws).to.have.length(1, 'nothing changed: nothing drawn');
    host.extra = 5;
    host.drawing.drawNow();
    expect(host.draws).to.have.length(2);
    expect(host.isUpdatePending).to.equal(false);
  });

  it('empties the surface when there is nothing to show', async () => {
    const host = await fixture<DrawHost>(html`<test-draw-host style="display: block; width: 100px" .result=${{ values: [3] }}></test-draw-host>`);
    await waitUntil(() => host.draws.length > 0);
    host.result = undefined;
    await host.updateComplete;
    expect(host.shadowRoot!.querySelector('.surface')!.childNodes.length).to.equal(0);
  });
});
