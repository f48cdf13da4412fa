import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { renderDataTable, renderViewToggle } from './table-view.js';

describe('table view', () => {
  it('renders a captioned table with row headers, numeric columns and a note when cut', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    render(
      renderDataTable(
        {
          caption: 'AQI',
          columns: [
            { key: 'time', label: 'Ngày', numeric: false },
            { key: 'v', label: '<i>v</i>', numeric: true },
          ],
          rows: [['01/11/2026', '10']],
          total: 3,
          truncated: true,
        },
        'vi',
      ),
      host,
    );
    const region = host.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).to.equal('AQI');
    expect(host.querySelector('caption')!.textContent).to.equal('AQI');
    expect(host.querySelector('tbody th[scope="row"]')!.textContent).to.equal('01/11/2026');
    expect(host.querySelector('tbody td')!.className).to.equal('numeric');
    expect(host.querySelector('thead th.numeric')!.textContent).to.equal('<i>v</i>');
    expect(host.querySelector('.note')!.textContent).to.equal('Hiển thị 1 dòng mới nhất trong 3');
  });

  it('renders the switch with aria-pressed while the table shows', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    let toggled = 0;
    render(renderViewToggle('table', 'en', () => toggled++), host);
    const button = host.querySelector('button')!;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(button.textContent.trim()).to.equal('Show chart');
    button.click();
    expect(toggled).to.equal(1);
  });
});
