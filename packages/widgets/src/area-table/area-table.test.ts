import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createDemoSource, type ByAreaResult, type DataSource } from '@ioc-kit/data';
import type { IocAreaSelectEvent, IocExportEvent } from '../internal/events.js';
import '../provider/provider.js';
import './area-table.js';
import { sortRows, type AreaTableRow, type IocAreaTable } from './area-table.js';

const NOW = '2026-11-24T10:00:00+07:00';
const unit = { code: '1', system: 'UCUM' as const, label: { vi: '' } };
const aqi = (rows: [string, number | null][]): ByAreaResult => ({
  kind: 'by-area',
  indicator: 'environment.aqi',
  unit,
  level: 'commune',
  partial: false,
  rows: rows.map(([area, value]) => ({ area, value })),
});

const names = { a: 'Xã Ánh Dương', b: 'Phường Đông Hà', c: 'Xã An Bình', d: 'Xã Bắc Sơn', e: '=HYPERLINK("http://evil.example","x")' };
const bodyNames = (table: IocAreaTable) => [...table.shadowRoot!.querySelectorAll('tbody th')].map((th) => th.textContent?.trim());

async function directTable(): Promise<IocAreaTable> {
  const table = await fixture<IocAreaTable>(html`<ioc-area-table
    .data=${[aqi([['a', 40], ['b', 160], ['c', null], ['d', 90], ['e', 120]])]}
    .areaLabels=${names}
  ></ioc-area-table>`);
  await waitUntil(() => table.getAttribute('state') === 'ready');
  // The catalogue (names, bands) loads on first need.
  await waitUntil(() => table.shadowRoot!.querySelector('[part="band"]'), 'bands');
  return table;
}

describe('ioc-area-table', () => {
  it('sorts Vietnamese names with Vietnamese collation (An < Ánh < Bắc), values with missing ones last', () => {
    const row = (name: string, value: number | null): AreaTableRow => ({ code: name, name, values: [value], bands: [] });
    const rows = [row('Xã Đông', 1), row('Xã Ánh', 2), row('Xã Bắc', null), row('Xã An', 3), row('Xã Dương', 4)];
    expect(sortRows(rows, -1, 'ascending', 'vi').map((r) => r.name)).to.deep.equal(['Xã An', 'Xã Ánh', 'Xã Bắc', 'Xã Dương', 'Xã Đông']);
    expect(sortRows(rows, 0, 'descending', 'vi').map((r) => r.name)).to.deep.equal(['Xã Dương', 'Xã An', 'Xã Ánh', 'Xã Đông', 'Xã Bắc']);
    expect(sortRows(rows, 0, 'ascending', 'vi').map((r) => r.name).at(-1)).to.equal('Xã Bắc');
  });

  it('shows values with their band in words, sorts on header click and Enter, with aria-sort', async () => {
    const table = await directTable();
    expect(bodyNames(table)).to.deep.equal(['=HYPERLINK("http://evil.example","x")', 'Phường Đông Hà', 'Xã An Bình', 'Xã Ánh Dương', 'Xã Bắc Sơn']);
    const headers = table.shadowRoot!.querySelectorAll<HTMLElement>('thead th');
    expect(headers[0]!.getAttribute('aria-sort')).to.equal('ascending');
    const bHead = table.shadowRoot!.querySelector('tr[data-code="b"]')!;
    expect(bHead.querySelector('[part="band"]')!.textContent).to.equal('Xấu');
    expect(table.shadowRoot!.querySelector('tr[data-code="c"] .value')!.classList.contains('missing')).to.equal(true);
    headers[1]!.click();
    await table.updateComplete;
    expect(headers[1]!.getAttribute('aria-sort')).to.equal('descending');
    expect(headers[0]!.getAttribute('aria-sort')).to.equal('none');
    expect(bodyNames(table)[0]).to.equal('Phường Đông Hà');
    expect(bodyNames(table).at(-1)).to.equal('Xã An Bình');
    headers[1]!.focus();
    await sendKeys({ press: 'Enter' });
    await table.updateComplete;
    expect(headers[1]!.getAttribute('aria-sort')).to.equal('ascending');
    expect(bodyNames(table)[0]).to.equal('Xã Ánh Dương');
  });

  it('moves through the grid with arrows, Home/End, and Enter on a row fires ioc-area-select', async () => {
    const table = await directTable();
    const picked: IocAreaSelectEvent[] = [];
    table.addEventListener('ioc-area-select', (event) => picked.push(event));
    const focused = () => table.shadowRoot!.activeElement as HTMLElement | null;
    table.shadowRoot!.querySelector<HTMLElement>('thead th')!.focus();
    expect(table.shadowRoot!.querySelectorAll('[tabindex="0"]').length).to.equal(1);
    await sendKeys({ press: 'ArrowDown' });
    await table.updateComplete;
    expect(focused()?.dataset.row).to.equal('1');
    await sendKeys({ press: 'End' });
    await table.updateComplete;
    expect(focused()?.dataset.col).to.equal('1');
    await sendKeys({ press: 'Home' });
    await table.updateComplete;
    expect(focused()?.dataset.col).to.equal('0');
    await sendKeys({ press: 'ArrowDown' });
    await table.updateComplete;
    expect(table.shadowRoot!.querySelectorAll('[tabindex="0"]').length).to.equal(1);
    await sendKeys({ press: 'Enter' });
    expect(picked).to.have.length(1);
    expect(picked[0]!.area).to.include({ code: 'b', name: 'Phường Đông Hà', level: 'commune' });
    await sendKeys({ press: 'Control+End' });
    await table.updateComplete;
    expect(focused()?.dataset.row).to.equal('5');
  });

  it('exports what it shows as CSV with a BOM, quoted fields, hostile text kept as text', async () => {
    const table = await directTable();
    const exports: IocExportEvent[] = [];
    table.addEventListener('ioc-export', (event) => {
      exports.push(event);
      event.preventDefault();
    });
    table.shadowRoot!.querySelector<HTMLButtonElement>('[part="export"]')!.click();
    expect(exports).to.have.length(1);
    const text = exports[0]!.file.text;
    expect(text.charCodeAt(0)).to.equal(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).to.match(/^"Khu vực","[^"]*VN_AQI[^"]*","[^"]*Mức"$/);
    // The formula stays text: a leading quote, inner quotes doubled.
    expect(lines[1]).to.equal('"\'=HYPERLINK(""http://evil.example"",""x"")","120","Kém"');
    expect(lines[2]).to.equal('"Phường Đông Hà","160","Xấu"');
    expect(lines).to.have.length(7);
    expect(lines.at(-1)).to.equal('');
    // The file is bytes: UTF-8 with its BOM.
    const bytes = new Uint8Array(await new Blob([text]).arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
  });

  it('loads the province communes from a source, with sparklines, and reflects state', async () => {
    const source = createDemoSource({ seed: 3, now: NOW });
    const provider = await fixture(html`<ioc-provider .source=${source} now=${NOW}><ioc-area-table indicators="environment.aqi,environment.pm25"></ioc-area-table></ioc-provider>`);
    const table = provider.querySelector<IocAreaTable>('ioc-area-table')!;
    expect(['pending', 'idle']).to.include(table.getAttribute('state'));
    await waitUntil(() => table.getAttribute('state') === 'ready', 'table ready', { timeout: 8000 });
    await waitUntil(() => table.shadowRoot!.querySelector('[part="trend"] svg'), 'sparklines', { timeout: 8000 });
    expect(table.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(100);
    expect(table.shadowRoot!.querySelectorAll('thead th').length).to.equal(3);
    expect(getComputedStyle(table.shadowRoot!.querySelector('thead th')!).position).to.equal('sticky');
  });

  it('says what is missing, and fails with a message and ioc-error', async () => {
    const bad = await fixture<IocAreaTable>(html`<ioc-area-table></ioc-area-table>`);
    await bad.updateComplete;
    expect(bad.getAttribute('state')).to.equal('error');
    expect(bad.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain('Chưa chọn chỉ tiêu');
    const failing: DataSource = { ...createDemoSource({ seed: 1, now: NOW }), id: 'failing', query: () => Promise.reject(new TypeError('network down')) };
    const errors: Event[] = [];
    const provider = await fixture(html`<ioc-provider .source=${failing} area="90" @ioc-error=${(e: Event) => errors.push(e)}><ioc-area-table indicators="environment.aqi"></ioc-area-table></ioc-provider>`);
    const table = provider.querySelector<IocAreaTable>('ioc-area-table')!;
    await waitUntil(() => table.getAttribute('state') === 'error', 'error state', { timeout: 8000 });
    expect(errors.length).to.be.greaterThan(0);
    expect(table.shadowRoot!.querySelector('[part="status"]')!.getAttribute('role')).to.equal('alert');
  });

  it('shows empty when no area has a value', async () => {
    const table = await fixture<IocAreaTable>(html`<ioc-area-table .data=${[aqi([['a', null]])]}></ioc-area-table>`);
    await waitUntil(() => table.getAttribute('state') === 'empty');
  });
});
