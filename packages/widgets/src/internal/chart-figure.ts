import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@ioc-kit/data';
import type { DataTable } from '@ioc-kit/charts';
import { cssVars } from './css-vars.js';
import { message } from './messages.js';
import type { NavigationController } from './navigation-controller.js';
import { renderDataTable, renderViewToggle, type ChartView } from './table-view.js';
import * as words from './words.js';

type Content = TemplateResult | typeof nothing;

/** What a chart widget puts in its figure; `renderChartFigure` lays it out the same way for every chart. */
export interface ChartFigure {
  locale: Locale;
  /** The title (`part="header"`); none when empty. */
  title: string;
  /** True while a request is in flight (`aria-busy`). */
  busy: boolean;
  /** True when there is data on screen (ready or stale). */
  showing: boolean;
  view: ChartView;
  /** The plot's accessible name: the summary when showing. */
  summary: () => string;
  /** The legend (from `LegendController.render`), or nothing. */
  legend: Content;
  /** Extra controls before the table switch ("show all" after a zoom). */
  controls?: Content;
  onToggleView: () => void;
  nav: NavigationController;
  onPointerMove: (event: PointerEvent) => void;
  /** The plot's width, to keep the tooltip inside it. */
  plotWidth: number;
  /** Content under the plot while it shows (a note, an overview strip). */
  below?: () => Content;
  /** The data table, while the table view shows. */
  table: () => DataTable;
  /** A sentence of keyboard help (`aria-describedby` of the plot). */
  help: string;
  /** The status line (`StatusController.render`). */
  status: Content;
}

/**
 * The accessible figure every chart widget renders: title, legend and table switch, a
 * `role="img"` plot named by its summary and focusable for the keyboard (`.surface` inside is
 * the chart's own), a focus mark and tooltip at the active point, the data table in its place
 * on request, keyboard help, a live region, and the status line.
 *
 * ```ts
 * render() { return renderChartFigure({ locale, title, busy: this.loader.loading, showing, view: this.view, ... }); }
 * ```
 */
export function renderChartFigure(figure: ChartFigure): TemplateResult {
  const { locale, title, showing, nav } = figure;
  const plotShown = showing && figure.view === 'chart';
  return html`
    <figure part="base" aria-busy=${figure.busy ? 'true' : 'false'}>
      ${title ? html`<figcaption part="header" title=${title}>${title}</figcaption>` : nothing}
      ${showing
        ? html`<div class="toolbar">
            ${figure.legend === nothing ? html`<span></span>` : figure.legend}
            <div class="controls">${figure.controls ?? nothing} ${renderViewToggle(figure.view, locale, figure.onToggleView)}</div>
          </div>`
        : nothing}
      <div
        part="plot"
        class="plot"
        role="img"
        tabindex=${showing ? '0' : '-1'}
        aria-label=${showing ? figure.summary() : title || message(words.loading, locale)}
        aria-describedby="chart-help"
        ?hidden=${!plotShown}
        @keydown=${nav.onKeyDown}
        @pointermove=${figure.onPointerMove}
        @pointerleave=${nav.onPointerLeave}
        @blur=${nav.onBlur}
      >
        <div class="surface"></div>
        ${plotShown ? renderFocusMark(nav, figure.plotWidth) : nothing}
      </div>
      ${plotShown ? (figure.below?.() ?? nothing) : nothing}
      ${showing && figure.view === 'table' ? renderDataTable(figure.table(), locale) : nothing}
      <p id="chart-help" class="visually-hidden">${figure.help}</p>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${nav.announcement}</div>
      ${figure.status}
    </figure>
  `;
}

/** The focus mark, the crosshair (for the pointer) and the tooltip at the active point. */
function renderFocusMark(nav: NavigationController, width: number): Content {
  const point = nav.activePoint;
  if (!point) return nothing;
  const vars = {
    '--_x': `${point.x}px`,
    '--_y': `${point.y}px`,
    // Keep the tooltip inside the plot: flip it left of the point on the right half.
    '--_tx': point.x > width / 2 ? 'calc(-100% - 8px)' : '8px',
  };
  return html`${nav.from === 'pointer' ? html`<div class="crosshair" ${cssVars(vars)}></div>` : nothing}
    <div class="focus-dot" ${cssVars(vars)}></div>
    <div part="tooltip" aria-hidden="true" ${cssVars(vars)}>${point.label}</div>`;
}
