import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import { ThemeController, readThemePalette } from './theme-controller.js';

// No shadow styles: a constructed stylesheet cannot follow the host into another document.
class ThemeHost extends LitElement {
  readonly theme = new ThemeController(this);
}
customElements.define('test-theme-host', ThemeHost);

describe('ThemeController', () => {
  it('defines the theme tokens in the document the host connects to', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe></iframe>`);
    const doc = frame.contentDocument!;
    // Made here, connected there (as a portal moves a widget into a window it opened).
    doc.body.append(document.createElement('test-theme-host'));
    const value = frame.contentWindow!.getComputedStyle(doc.documentElement).getPropertyValue('--ioc-sys-color-chart-1').trim();
    expect(value).to.not.equal('');
  });

  it('prepares an element class: its stylesheets parsed, the tokens installed', () => {
    const sheet = css`
      :host {
        display: block;
      }
    `;
    ThemeController.prepare({ elementStyles: [sheet] });
    expect(sheet.styleSheet).to.be.instanceOf(CSSStyleSheet);
    expect(getComputedStyle(document.documentElement).getPropertyValue('--ioc-sys-color-chart-1').trim()).to.not.equal('');
  });

  it('reads the palette from the host, band colours with their fallbacks', async () => {
    const host = await fixture<ThemeHost>(html`<test-theme-host style="--_chart-series-1: rgb(1, 2, 3)"></test-theme-host>`);
    const palette = readThemePalette(host, { tokens: ['no-such-band'], fallbacks: { 'no-such-band': '#00ff00' } });
    expect(palette.series[0]).to.equal('rgb(1, 2, 3)');
    expect(palette.bands['no-such-band']).to.be.a('string').and.not.equal('');
  });
});
