import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createDemoSource, createNgsiLdSource, HttpClient, type Alert, type AlertsResult } from '@ioc-kit/data';
import { listShared, startTestServer } from '../../../../tests/support/server.js';
import type { IocAreaSelectEvent, IocErrorEvent } from '../internal/events.js';
import '../provider/provider.js';
import './alert-list.js';
import type { IocAlertList } from './alert-list.js';
import type { IocAlertAckEvent, IocAlertResolveEvent } from './alert-events.js';

const NOW = '2026-11-24T10:00:00+07:00';
const NOW_MS = Date.parse(NOW);
const MIN = 60_000;

function alert(id: string, extra: Partial<Alert> = {}): Alert {
  return {
    id,
    severity: 'medium',
    category: 'environment',
    subCategory: 'airPollution',
    domain: 'environment',
    area: '90001',
    title: `Cảnh báo ${id}`,
    start: new Date(NOW_MS - 10 * MIN).toISOString(),
    status: 'open',
    source: 'test',
    ...extra,
  };
}

function result(alerts: unknown[]): AlertsResult {
  return { kind: 'alerts', alerts: alerts as Alert[], partial: false };
}

async function mount(data: AlertsResult, attrs: { locale?: 'vi' | 'en'; status?: string } = {}): Promise<IocAlertList> {
  const provider = await fixture(html`<ioc-provider now=${NOW} locale=${attrs.locale ?? 'vi'}>
    <ioc-alert-list .data=${data} status=${attrs.status ?? 'active'}></ioc-alert-list>
  </ioc-provider>`);
  const list = provider.querySelector('ioc-alert-list')!;
  await list.updateComplete;
  await waitUntil(() => list.getAttribute('state') === 'ready' || list.getAttribute('state') === 'empty');
  await list.updateComplete;
  return list;
}

const rows = (list: IocAlertList) => [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
const titles = (list: IocAlertList) => rows(list).map((row) => row.querySelector('.title')!.textContent.trim());
const textOf = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('ioc-alert-list', function () {
  this.timeout(30_000);

  it('orders by severity, then newest first, and reflects its state', async () => {
    const list = await mount(
      result([
        alert('a', { severity: 'low', start: new Date(NOW_MS - MIN).toISOString() }),
        alert('b', { severity: 'critical', start: new Date(NOW_MS - 50 * MIN).toISOString() }),
        alert('c', { severity: 'critical', start: new Date(NOW_MS - 5 * MIN).toISOString(), area: '90002' }),
        alert('d', { severity: 'high', subCategory: 'other' }),
      ]),
    );
    expect(list.getAttribute('state')).to.equal('ready');
    expect(titles(list)).to.deep.equal(['Cảnh báo c', 'Cảnh báo b', 'Cảnh báo d', 'Cảnh báo a']);
    expect(rows(list)[0]!.dataset.severity).to.equal('critical');
    expect(textOf(rows(list)[0]!.querySelector('[part="severity"]'))).to.equal('Khẩn cấp');
  });

  it('filters with the severity and status chips, and by the status attribute', async () => {
    const data = result([
      alert('a', { severity: 'low' }),
      alert('b', { severity: 'high', area: '90002' }),
      alert('c', { severity: 'high', status: 'acknowledged', area: '90003' }),
      alert('d', { severity: 'critical', status: 'resolved' }),
    ]);
    const list = await mount(data);
    expect(titles(list)).to.deep.equal(['Cảnh báo b', 'Cảnh báo c', 'Cảnh báo a']);
    const chip = (selector: string) => list.shadowRoot!.querySelector<HTMLButtonElement>(`[part="chip"]${selector}`)!;
    chip('[data-severity="low"]').click();
    await list.updateComplete;
    expect(chip('[data-severity="low"]').getAttribute('aria-pressed')).to.equal('false');
    expect(titles(list)).to.deep.equal(['Cảnh báo b', 'Cảnh báo c']);
    chip('[data-status="acknowledged"]').click();
    await list.updateComplete;
    expect(titles(list)).to.deep.equal(['Cảnh báo b']);
    list.status = 'all';
    await list.updateComplete;
    // A new scope resets the chips.
    expect(titles(list)).to.deep.equal(['Cảnh báo d', 'Cảnh báo b', 'Cảnh báo c', 'Cảnh báo a']);
    list.status = 'resolved';
    await list.updateComplete;
    expect(titles(list)).to.deep.equal(['Cảnh báo d']);
    list.status = 'active';
    list.severity = 'high';
    await list.updateComplete;
    expect(titles(list)).to.deep.equal(['Cảnh báo b', 'Cảnh báo c']);
    expect(list.shadowRoot!.querySelector('[data-severity="low"][part="chip"]')).to.equal(null);
  });

  it('groups repeats: “×12 trong 1 giờ” / “×12 in 1 h”', async () => {
    const repeats = Array.from({ length: 12 }, (_, i) => alert(`jam-${i}`, { category: 'traffic', subCategory: 'trafficJam', domain: 'mobility', start: new Date(NOW_MS - 2 * MIN - i * 5 * MIN).toISOString() }));
    const data = result([...repeats, alert('other', { area: '90002' })]);
    const list = await mount(data);
    expect(rows(list)).to.have.length(2);
    const grouped = rows(list).find((row) => row.querySelector('[part="repeats"]'))!;
    // 11 gaps of 5 minutes: 55 minutes.
    expect(textOf(grouped.querySelector('[part="repeats"]'))).to.equal('×12 trong 55 phút');
    expect(textOf(grouped.querySelector('.title'))).to.equal('Cảnh báo jam-0');
    const english = await mount(result([...repeats, alert('jam-late', { category: 'traffic', subCategory: 'trafficJam', domain: 'mobility', start: new Date(NOW_MS - 62 * MIN).toISOString() })]), { locale: 'en' });
    expect(textOf(english.shadowRoot!.querySelector('[part="repeats"]'))).to.equal('×13 in 1 h');
  });

  it('says times relatively in Vietnamese and English, on the widget’s clock', async () => {
    const data = result([
      alert('a', { start: new Date(NOW_MS - 3 * MIN).toISOString() }),
      alert('b', { start: new Date(NOW_MS - 30_000).toISOString(), area: '90002' }),
      alert('c', { start: new Date(NOW_MS - 5 * 60 * MIN).toISOString(), area: '90003' }),
      alert('d', { start: new Date(NOW_MS - 2 * 24 * 60 * MIN).toISOString(), area: '90004' }),
    ]);
    const times = (list: IocAlertList) => rows(list).map((row) => textOf(row.querySelector('[part="time"]')));
    expect(times(await mount(data))).to.deep.equal(['vừa xong', '3 phút trước', '5 giờ trước', '2 ngày trước']);
    const en = await mount(data, { locale: 'en' });
    expect(times(en)).to.deep.equal(['just now', '3 min ago', '5 h ago', '2 days ago']);
    // The clock moves: the provider's `now` an hour later.
    en.closest('ioc-provider')!.setAttribute('now', new Date(NOW_MS + 60 * MIN).toISOString());
    await waitUntil(() => times(en)[1] === '1 h ago');
    expect(times(en)[0]).to.equal('1 h ago');
  });

  it('acknowledges optimistically and keeps it when the host’s save succeeds', async () => {
    const list = await mount(result([alert('a', { severity: 'high' })]));
    const ack = rows(list)[0]!.querySelector<HTMLButtonElement>('.ack')!;
    setTimeout(() => ack.click());
    const event = await oneEvent<IocAlertAckEvent>(list, 'ioc-alert-ack');
    expect(event.alert.id).to.equal('a');
    expect(event.cancelable).to.equal(true);
    let save!: () => void;
    event.respond(new Promise<void>((resolve) => (save = resolve)));
    await list.updateComplete;
    expect(rows(list)[0]!.dataset.status).to.equal('acknowledged');
    expect(textOf(rows(list)[0]!.querySelector('.status-word'))).to.equal('Đang lưu…');
    save();
    await waitUntil(() => textOf(rows(list)[0]!.querySelector('.status-word')) === 'Đã tiếp nhận');
    expect(rows(list)[0]!.querySelector('.ack')).to.equal(null);
  });

  it('rolls an action back with a message when the host rejects (respond, reject, preventDefault)', async () => {
    const list = await mount(result([alert('a', { severity: 'high' })]));
    const notice = () => textOf(list.shadowRoot!.querySelector('.action-notice'));
    list.addEventListener('ioc-alert-resolve', (event: IocAlertResolveEvent) => event.respond(Promise.reject(new Error('HTTP 403'))), { once: true });
    rows(list)[0]!.querySelector<HTMLButtonElement>('.resolve')!.click();
    await waitUntil(() => notice().includes('HTTP 403'));
    expect(notice()).to.equal('Không lưu được “Đã xử lý xong” cho Cảnh báo a: HTTP 403. Đã hoàn tác.');
    expect(rows(list)[0]!.dataset.status).to.equal('open');
    list.addEventListener('ioc-alert-ack', (event: IocAlertAckEvent) => event.reject('busy'), { once: true });
    rows(list)[0]!.querySelector<HTMLButtonElement>('.ack')!.click();
    await waitUntil(() => notice().includes('busy'));
    expect(rows(list)[0]!.dataset.status).to.equal('open');
    list.addEventListener('ioc-alert-ack', (event) => event.preventDefault(), { once: true });
    rows(list)[0]!.querySelector<HTMLButtonElement>('.ack')!.click();
    await list.updateComplete;
    expect(notice()).to.contain('bị từ chối');
    expect(rows(list)[0]!.dataset.status).to.equal('open');
  });

  it('announces new critical alerts through aria-live without moving focus', async () => {
    const first = result([alert('a', { severity: 'critical' }), alert('b', { area: '90002' })]);
    const list = await mount(first);
    const live = list.shadowRoot!.querySelector('[aria-live="assertive"]')!;
    expect(textOf(live)).to.equal('');
    rows(list)[1]!.focus();
    const focused = list.shadowRoot!.activeElement;
    list.data = result([...first.alerts, alert('c', { severity: 'critical', title: 'Ngập sâu', area: undefined, start: new Date(NOW_MS - MIN).toISOString() })]);
    await waitUntil(() => textOf(live) !== '');
    expect(textOf(live)).to.equal('Cảnh báo khẩn cấp mới: Ngập sâu, Toàn tỉnh / chưa rõ địa bàn');
    expect(list.shadowRoot!.activeElement).to.equal(focused);
    expect(document.activeElement).to.equal(list);
  });

  it('fires ioc-area-select when an alert’s area is clicked', async () => {
    const list = await mount(result([alert('a')]));
    setTimeout(() => rows(list)[0]!.querySelector<HTMLButtonElement>('button[part="area"]')!.click());
    const event = await oneEvent<IocAreaSelectEvent>(list, 'ioc-area-select');
    expect(event.area.code).to.equal('90001');
  });

  it('holds 10,000 alerts with only the visible rows in the DOM, and the keyboard reaches the last', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      alert(`n${i}`, { severity: (['informational', 'low', 'medium', 'high', 'critical'] as const)[i % 5], area: `9${String(i).padStart(4, '0')}`, start: new Date(NOW_MS - i * MIN).toISOString() }),
    );
    const list = await mount(result(many));
    expect(rows(list).length).to.be.greaterThan(3).and.lessThan(40);
    const count = textOf(list.shadowRoot!.querySelector('.count'));
    expect(count).to.equal('10.000/10.000 cảnh báo');
    rows(list)[0]!.focus();
    await sendKeys({ press: 'End' });
    await waitUntil(() => (list.shadowRoot!.activeElement as HTMLElement | null)?.dataset.index === '9999');
    expect((list.shadowRoot!.activeElement as HTMLElement).getAttribute('aria-posinset')).to.equal('10000');
    expect(rows(list).length).to.be.lessThan(40);
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => (list.shadowRoot!.activeElement as HTMLElement | null)?.dataset.index === '9998');
    await sendKeys({ press: 'PageUp' });
    await waitUntil(() => Number((list.shadowRoot!.activeElement as HTMLElement | null)?.dataset.index) < 9998);
    await sendKeys({ press: 'Home' });
    await waitUntil(() => (list.shadowRoot!.activeElement as HTMLElement | null)?.dataset.index === '0');
    expect(rows(list).length).to.be.lessThan(40);
    // The row with focus stays in the DOM when the list scrolls away from it.
    const scroller = list.shadowRoot!.querySelector<HTMLElement>('[part="list"]')!;
    scroller.scrollTop = 400_000;
    scroller.dispatchEvent(new Event('scroll'));
    await list.updateComplete;
    expect(list.shadowRoot!.activeElement).to.not.equal(null);
    expect(rows(list).length).to.be.lessThan(40);
  });

  it('in a narrow column, reads a long title in full up to two lines, with taller fixed rows; a short feed is as tall as its rows', async () => {
    const long = 'Chỉ số chất lượng nước (VN_WQI) xấu tại trạm quan trắc sông Cầu, đoạn qua Xã Thủy Biếc';
    const provider = await fixture(html`<ioc-provider now=${NOW}>
      <div style="width: 560px"><ioc-alert-list .data=${result([alert('a', { title: long }), alert('b', { severity: 'high' })])}></ioc-alert-list></div>
      <div style="width: 1000px"><ioc-alert-list .data=${result([alert('c'), alert('d')])}></ioc-alert-list></div>
    </ioc-provider>`);
    const [narrow, wide] = [...provider.querySelectorAll('ioc-alert-list')];
    await waitUntil(() => narrow!.getAttribute('state') === 'ready' && wide!.getAttribute('state') === 'ready');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const row = rows(narrow!).find((item) => item.textContent.includes('trạm quan trắc'))!;
    const title = row.querySelector<HTMLElement>('.title')!;
    // Not cut: the whole title fits in its box (no ellipsis), on at most two lines.
    expect(title.scrollHeight).to.be.at.most(title.clientHeight + 1);
    expect(title.scrollWidth).to.be.at.most(title.clientWidth + 1);
    const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
    expect(Math.round(title.clientHeight / lineHeight)).to.equal(2);
    // Rows are one fixed height each, taller in the narrow list; the spacer follows the measured height.
    const narrowRows = rows(narrow!).map((row) => row.offsetHeight);
    const wideRows = rows(wide!).map((row) => row.offsetHeight);
    expect(new Set(narrowRows).size).to.equal(1);
    expect(narrowRows[0]).to.be.greaterThan(wideRows[0]!);
    const spacer = narrow!.shadowRoot!.querySelector<HTMLElement>('.spacer')!;
    expect(spacer.offsetHeight).to.equal(2 * narrowRows[0]!);
    // Two alerts: the list is two rows tall, not its 28rem maximum.
    const list = narrow!.shadowRoot!.querySelector<HTMLElement>('[part="list"]')!;
    expect(list.clientHeight).to.be.at.most(2 * narrowRows[0]! + 2);
    const area = row.querySelector<HTMLElement>('[part~="area"]')!;
    expect(area.scrollWidth).to.be.at.most(area.clientWidth + 1);
  });

  it('on a phone, stacks severity, title, area and actions so nothing covers the severity', async () => {
    const provider = await fixture(html`<ioc-provider now=${NOW}>
      <div style="width: 340px"><ioc-alert-list .data=${result([alert('a', { title: 'Chỉ số chất lượng nước (VN_WQI) xấu: Xã Thủy Biếc' })])}></ioc-alert-list></div>
    </ioc-provider>`);
    const list = provider.querySelector('ioc-alert-list')!;
    await waitUntil(() => list.getAttribute('state') === 'ready');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const row = rows(list)[0]!;
    const box = (selector: string) => row.querySelector(selector)!.getBoundingClientRect();
    const [severity, title, meta, actions] = [box('.severity'), box('.title'), box('.meta'), box('.actions')];
    expect(severity.bottom).to.be.at.most(title.top + 1);
    expect(title.bottom).to.be.at.most(meta.top + 1);
    expect(meta.bottom).to.be.at.most(actions.top + 1);
    // All of it inside the fixed row.
    expect(actions.bottom).to.be.at.most(row.getBoundingClientRect().bottom + 1);
  });

  it('skips faulty alerts with a counted warning and shows hostile text as text', async () => {
    const errors: IocErrorEvent[] = [];
    const provider = await fixture(html`<ioc-provider now=${NOW}><ioc-alert-list @ioc-error=${(e: IocErrorEvent) => errors.push(e)}></ioc-alert-list></ioc-provider>`);
    const list = provider.querySelector('ioc-alert-list')!;
    list.data = result([
      alert('ok', { title: '<img src=x onerror=alert(1)>\u202eevil', description: '<script>bad()</script>' }),
      { ...alert('bad-severity'), severity: 'apocalyptic' },
      { ...alert('no-time'), start: 'yesterday-ish' },
      { severity: 'high', title: 'no id' },
      null,
      alert('future', { start: new Date(NOW_MS + 3 * 24 * 60 * MIN).toISOString(), area: '90002' }),
    ]);
    await waitUntil(() => list.getAttribute('state') === 'ready');
    await list.updateComplete;
    expect(rows(list)).to.have.length(2);
    expect(list.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(titles(list)).to.include('<img src=x onerror=alert(1)>evil');
    expect(textOf(list.shadowRoot!.querySelector('.skipped'))).to.equal('Bỏ qua 4 cảnh báo lỗi');
    const future = rows(list).find((row) => row.querySelector('.title')!.textContent.includes('future'))!;
    expect(textOf(future.querySelector('[part="time"]'))).to.contain('thời gian ở tương lai');
    await waitUntil(() => errors.length > 0);
    expect(errors[0]!.error.message).to.contain('unknown severity');
  });

  it('says “Không có cảnh báo” for an area with no alerts, not that data is missing', async () => {
    const list = await mount(result([]));
    expect(list.getAttribute('state')).to.equal('empty');
    expect(textOf(list.shadowRoot!.querySelector('[part~="status"]'))).to.equal('Không có cảnh báo');
  });

  it('shows an error state for a result that is not a list of alerts', async () => {
    const list = await fixture<IocAlertList>(html`<ioc-alert-list .data=${{ kind: 'alerts', alerts: 'nope', partial: false }}></ioc-alert-list>`);
    await list.updateComplete;
    // Direct data is shown as given: a broken list reads as no alerts, never a crash.
    expect(['empty', 'ready', 'error']).to.include(list.getAttribute('state'));
  });

  it('reads the demo’s alerts for an area, with governance’s late dossiers among them', async () => {
    const demo = createDemoSource({ seed: 2025, now: NOW });
    const provider = await fixture(html`<ioc-provider .source=${demo} area="90" now=${NOW}><ioc-alert-list status="all" domain="governance"></ioc-alert-list></ioc-provider>`);
    const list = provider.querySelector('ioc-alert-list')!;
    await waitUntil(() => list.getAttribute('state') === 'ready', 'demo alerts', { timeout: 20_000 });
    await list.updateComplete;
    expect(rows(list).length).to.be.greaterThan(0);
    expect(rows(list).every((row) => row.querySelector('.title')!.textContent.match(/Hồ sơ trễ hạn|Nhiệm vụ quá hạn/))).to.equal(true);
    // Area names come from the result.
    expect(textOf(rows(list)[0]!.querySelector('[part="area"]'))).to.not.match(/^\d+$/);
  });

  describe('the Smart Data Models Alert through the NGSI-LD source', () => {
    let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
    before(async function () {
      if (!(await listShared('fixtures/sdm/Alert'))) this.skip();
      server = await startTestServer('packages/data/src/sources/ngsi-ld/ngsi-ld.test-server.mjs', { tenant: 'openiot' });
    });
    after(async () => server?.stop());

    it('lists the broker’s Alert (no area code: province-wide / area unknown)', async () => {
      const source = createNgsiLdSource({ baseUrl: server!.url, tenant: 'openiot', types: ['Alert'], temporal: false, now: () => Date.parse('2017-01-02T10:00:00Z'), http: new HttpClient({ retries: 0 }) });
      const provider = await fixture(html`<ioc-provider .source=${source} area="90" now="2017-01-02T10:00:00Z" locale="en"><ioc-alert-list status="all"></ioc-alert-list></ioc-provider>`);
      const list = provider.querySelector('ioc-alert-list')!;
      await waitUntil(() => list.getAttribute('state') === 'ready', 'NGSI-LD alert', { timeout: 20_000 });
      await list.updateComplete;
      expect(rows(list)).to.have.length(1);
      const row = rows(list)[0]!;
      expect(row.dataset.severity).to.equal('high');
      expect(textOf(row.querySelector('.title'))).to.equal('Traffic jam');
      expect(textOf(row.querySelector('[part="area"]'))).to.equal('Province-wide / area unknown');
      expect(textOf(row.querySelector('[part="time"]'))).to.equal('34 min ago');
    });
  });
});
