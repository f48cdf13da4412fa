import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { LegendController } from './legend-controller.js';

class LegendHost extends LitElement {
  @property({ attribute: false }) hiddenSeries: ReadonlySet<string> = new Set();
  readonly legend = new LegendController(this, { hidden: () => this.hiddenSeries, setHidden: (next) => (this.hiddenSeries = next) });
  protected override render() {
    return this.legend.render(
      [
        { key: 'a', label: 'Bắc Ninh', color: 'var(--_chart-series-1)' },
        { key: 'b', label: '<b>x</b>', color: 'red', dashed: true },
      ],
      'vi',
    );
  }
}
customElements.define('test-legend-host', LegendHost);

describe('LegendController', () => {
  it('renders a named group of buttons that say which series are shown', async () => {
    const host = await fixture<LegendHost>(html`<test-legend-host></test-legend-host>`);
    const group = host.shadowRoot!.querySelector('[part="legend"]')!;
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.getAttribute('aria-label')).to.equal('Chú giải');
    const buttons = [...group.querySelectorAll('button')];
    expect(buttons.map((button) => button.getAttribute('aria-pressed'))).to.deep.equal(['true', 'true']);
    expect(buttons[1]!.textContent.trim()).to.equal('<b>x</b>');
    expect(buttons[1]!.querySelector('.swatch.dashed')).to.not.equal(null);
  });

  it('hides and shows a series through the host property', async () => {
    const host = await fixture<LegendHost>(html`<test-legend-host></test-legend-host>`);
    const button = host.shadowRoot!.querySelector<HTMLButtonElement>('[data-key="a"]')!;
    button.click();
    await host.updateComplete;
    expect([...host.hiddenSeries]).to.deep.equal(['a']);
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    host.legend.toggle('a', true);
    expect(host.hiddenSeries.size).to.equal(0);
    host.legend.toggle('b', true);
    expect(host.hiddenSeries.size).to.equal(0, 'showing a shown series changes nothing');
  });
});
