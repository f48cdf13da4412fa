import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@ioc-kit/data';
import type { DataTable } from '@ioc-kit/charts';
import { message } from './messages.js';
import * as words from './words.js';

/** What a chart widget shows: its plot, or the accessible data table in its place. */
export type ChartView = 'chart' | 'table';

/**
 * The data-table equivalent of a chart (`part="table"`), in a focusable scroll region named by
 * its caption, with a note when only the latest rows are shown. Every cell is text.
 *
 * ```ts
 * render() { return this.view === 'table' ? renderDataTable(chartTable(result), this.effectiveLocale) : plot; }
 * ```
 */
export function renderDataTable(table: DataTable, locale: Locale): TemplateResult {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${table.caption}>
    <table part="table">
      <caption>${table.caption}</caption>
      <thead>
        <tr>
          ${table.columns.map((column) => html`<th scope="col" class=${column.numeric ? 'numeric' : ''}>${column.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows.map(
          (row) =>
            html`<tr>
              ${row.map((cell, index) =>
                index === 0 ? html`<th scope="row">${cell}</th>` : html`<td class=${table.columns[index]?.numeric ? 'numeric' : ''}>${cell}</td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
    ${table.truncated ? html`<p class="note">${message(words.truncated, locale, { shown: table.rows.length, total: table.total })}</p>` : nothing}
  </div>`;
}

/**
 * The switch between the chart and its table (`part="view-toggle"`, `aria-pressed` while the
 * table shows).
 */
export function renderViewToggle(view: ChartView, locale: Locale, onToggle: () => void): TemplateResult {
  const table = view === 'table';
  return html`<button type="button" part="view-toggle" aria-pressed=${table ? 'true' : 'false'} @click=${onToggle}>
    ${message(table ? words.showChart : words.showTable, locale)}
  </button>`;
}
