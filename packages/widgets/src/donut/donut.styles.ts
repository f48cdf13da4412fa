import { css } from 'lit';

/** Maps the public `--ioc-donut-*` hooks onto the shared chart shell's private ones. */
export const donutStyles = css`
  :host {
    --_hook-height: var(--ioc-donut-height);
    --_plot-min: 14rem;
    --_plot-shape: 1.6;
    --_hook-background: var(--ioc-donut-surface);
    --_hook-border-color: var(--ioc-donut-border-color);
    --_hook-radius: var(--ioc-donut-radius);
    --_hook-padding: var(--ioc-donut-padding);
    --_hook-series-1: var(--ioc-donut-series-1);
    --_hook-series-2: var(--ioc-donut-series-2);
    --_hook-series-3: var(--ioc-donut-series-3);
    --_hook-series-4: var(--ioc-donut-series-4);
    --_hook-series-5: var(--ioc-donut-series-5);
    --_hook-series-6: var(--ioc-donut-series-6);
    --_hook-series-7: var(--ioc-donut-series-7);
    --_hook-series-8: var(--ioc-donut-series-8);
    /* A donut's legend names every slice: the budget keeps two lines for it. */
    --_toolbar-block: calc(2 * (var(--_label-size) * 1.55 + 2px) + var(--_gap) * 1.5);
  }
  .surface svg {
    font-family: inherit;
  }
  /* Size and room are the shared note's (chart-element.styles.ts). */
  .shares-note {
    color: var(--ioc-sys-color-on-surface-muted);
  }
  /* Above a narrow ring the legend keeps to three lines (and scrolls), so the ring keeps most of its room. */
  [part='legend'] {
    max-height: calc(3 * (var(--_label-size) * 1.55 + 2px) + var(--_gap) + 8px);
    overflow: auto;
    /* Room for the focus ring inside the scrolling box. */
    padding: 4px;
    margin: -4px;
  }
  /*
   * A wide donut puts its legend beside the ring instead of above it: a legend of many areas no
   * longer shrinks the ring, and the budget is the title and the plot.
   */
  @container (min-width: 30rem) {
    [part='base'] {
      --_toolbar-block: 0px;
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, max-content);
      grid-template-rows: auto minmax(0, 1fr);
      align-items: stretch;
    }
    [part='header'] {
      grid-column: 1 / -1;
    }
    .toolbar {
      grid-column: 2;
      grid-row: 2;
      flex-direction: column;
      flex-wrap: nowrap;
      align-items: flex-start;
      justify-content: flex-start;
      min-height: 0;
      max-width: 20rem;
      overflow: auto;
    }
    /* The table switch first, where it is always seen; a long legend scrolls under it. */
    .controls {
      order: -1;
    }
    [part='legend'] {
      flex-direction: column;
      flex-wrap: nowrap;
      align-items: flex-start;
      max-height: none;
      overflow: visible;
      padding: 0;
      margin: 0;
    }
    .plot,
    .table-wrap {
      grid-column: 1;
      grid-row: 2;
    }
    .skeleton,
    :host([state='empty']) [part='status'],
    :host([state='error']) [part='status'] {
      grid-column: 1 / -1;
      grid-row: 2;
    }
    /* What fills the plot's row takes its height from the row, never gives it one (a long legend scrolls). */
    .toolbar,
    .skeleton,
    :host([state='empty']) [part='status'],
    :host([state='error']) [part='status'] {
      height: 0;
      min-height: 100%;
    }
    :host([state='stale']) [part='status'] {
      grid-column: 1 / -1;
    }
  }
`;
