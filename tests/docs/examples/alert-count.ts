import { html } from 'lit';
import { addPeriods, periodStart, type AlertQuery } from '@ioc-kit/data';
import { DataController, IocElement, baseStyles, defineElement, formatNumber } from '@ioc-kit/widgets';

const WORDS = { vi: { count: 'cảnh báo trong 24 giờ qua', loading: 'Đang tải…' }, en: { count: 'alerts in the last 24 hours', loading: 'Loading…' } };

/** `<ioc-alert-count area="90">`: how many alerts an area had in the 24 hours before the widget's "now". */
export class IocAlertCount extends IocElement {
  static override styles = [baseStyles];
  private readonly alerts = new DataController<AlertQuery>(this, {
    source: () => this.context?.source,
    sourceError: () => this.context?.sourceError,
    query: () => ({ kind: 'alerts', area: this.effectiveArea, from: new Date(addPeriods(periodStart(this.now, 'hour'), 'hour', -24)).toISOString() }),
    isEmpty: (result) => result.alerts.length === 0,
    refreshMs: () => this.refresh * 1000,
  });

  override render() {
    const words = WORDS[this.effectiveLocale];
    const result = this.alerts.value;
    const text = result ? `${formatNumber(result.alerts.length, this.effectiveLocale)} ${words.count}` : (this.alerts.error?.message ?? words.loading);
    return html`<p role="status">${text}</p>`;
  }

  override updated() {
    this.setAttribute('state', this.alerts.state);
  }
}
defineElement('ioc-alert-count', IocAlertCount);
