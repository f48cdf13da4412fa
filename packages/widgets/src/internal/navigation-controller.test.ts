import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LIST_NAV_KEYS, NavigationController, type NavKeySteps } from './navigation-controller.js';

class NavHost extends LitElement {
  points = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
  steps?: NavKeySteps;
  handled: string[] = [];
  readonly nav = new NavigationController(this, {
    count: () => this.points.length,
    point: (index) => ({ label: this.points[index] ?? '', x: index * 10, y: 5 }),
    steps: () => this.steps ?? { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 },
    handleKey: (event) => {
      if (event.key !== '+') return false;
      this.handled.push(event.key);
      return true;
    },
    indexAt: (x) => (x < 0 ? -1 : Math.round(x / 10)),
  });
  protected override render() {
    return html`<div tabindex="0" @keydown=${this.nav.onKeyDown}></div>`;
  }
}
customElements.define('test-nav-host', NavHost);

const press = (host: NavHost, key: string) => {
  const event = new KeyboardEvent('keydown', { key, cancelable: true });
  host.nav.onKeyDown(event);
  return event;
};

describe('NavigationController', () => {
  it('moves with the arrows, pages by a tenth, Home/End, and announces the point', async () => {
    const host = await fixture<NavHost>(html`<test-nav-host></test-nav-host>`);
    expect(host.nav.active).to.equal(-1);
    expect(press(host, 'ArrowLeft').defaultPrevented).to.be.true;
    expect(host.nav.active).to.equal(11, 'a backward key from nowhere lands on the last point');
    press(host, 'Home');
    expect([host.nav.active, host.nav.announcement]).to.deep.equal([0, 'a']);
    press(host, 'PageUp');
    expect(host.nav.active).to.equal(1);
    press(host, 'End');
    press(host, 'ArrowRight');
    expect(host.nav.active).to.equal(11, 'clamped at the end');
    press(host, 'Escape');
    expect([host.nav.active, host.nav.announcement]).to.deep.equal([-1, '']);
    expect(press(host, 'x').defaultPrevented).to.be.false;
  });

  it('maps the arrows as a list drawn from the top when told so', async () => {
    const host = await fixture<NavHost>(html`<test-nav-host></test-nav-host>`);
    host.steps = LIST_NAV_KEYS;
    press(host, 'ArrowDown');
    press(host, 'ArrowDown');
    expect(host.nav.active).to.equal(1);
    press(host, 'ArrowUp');
    expect(host.nav.active).to.equal(0);
  });

  it("leaves the widget's own keys to it", async () => {
    const host = await fixture<NavHost>(html`<test-nav-host></test-nav-host>`);
    expect(press(host, '+').defaultPrevented).to.be.true;
    expect(host.handled).to.deep.equal(['+']);
    expect(host.nav.active).to.equal(-1);
  });

  it('follows the pointer without announcing, and lets go when it leaves', async () => {
    const host = await fixture<NavHost>(html`<test-nav-host></test-nav-host>`);
    const surface = host.shadowRoot!.querySelector('div')!;
    const box = surface.getBoundingClientRect();
    host.nav.pointerMove(new PointerEvent('pointermove', { clientX: box.left + 31, clientY: box.top }), surface);
    expect([host.nav.active, host.nav.from, host.nav.announcement]).to.deep.equal([3, 'pointer', '']);
    expect(host.nav.activePoint?.label).to.equal('d');
    host.nav.onPointerLeave();
    expect(host.nav.active).to.equal(-1);
  });

  it('renders the host again when the point changes', async () => {
    const host = await fixture<NavHost>(html`<test-nav-host></test-nav-host>`);
    press(host, 'Home');
    expect(host.isUpdatePending).to.be.true;
  });
});
