import { css } from 'lit';

/**
 * A sparkline sits inside cards and table cells: no frame, no padding, no toolbar unless
 * `controls` is set, and a small default height.
 */
export const sparklineStyles = css`
  :host {
    display: inline-flex;
    min-width: 3rem;
    width: 8rem;
    vertical-align: middle;
    --_hook-height: var(--ioc-sparkline-height, 2rem);
    --_hook-padding: 0;
    --_hook-border-color: transparent;
    --_hook-background: transparent;
    --_hook-series-1: var(--ioc-sparkline-color);
    --_hook-line-width: var(--ioc-sparkline-line-width);
    /* No title unless labelled, no toolbar unless asked for, no gaps: the budget is the line itself. */
    --_header-block: 0px;
    --_toolbar-block: 0px;
  }
  :host([label]) {
    --_header-block: calc(var(--_title-size) * 1.3);
  }
  :host([controls]) {
    --_toolbar-block: calc(var(--_label-size) * 1.55 + 2px);
  }
  :host(:not([controls])) .toolbar {
    display: none;
  }
  [part='base'] {
    gap: 0;
    border-width: 0;
  }
  [part='tooltip'] {
    white-space: nowrap;
  }
  /* A message is one line in the line's box, cut with an ellipsis (the whole of it is announced). */
  [part='status'] {
    font-size: var(--_label-size);
  }
  :host([state='empty']) [part='status'],
  :host([state='error']) [part='status'],
  :host([state='stale']) [part='status'] {
    display: block;
    flex: 1 1 0;
    min-height: 0;
    max-height: none;
    padding: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    text-align: start;
    line-height: max(1.35em, var(--_plot-height));
  }
  /* Stale: the line fades and the note lies over it (there is no room beside it); the size stays. */
  :host([state='stale']) .surface {
    opacity: 0.4;
  }
  :host([state='stale']) [part='status'] {
    position: absolute;
    inset: 0;
    font-size: min(var(--_label-size), calc(var(--_plot-height) * 0.5));
    line-height: max(1.35em, var(--_plot-height));
    pointer-events: none;
  }
  [part='status'] button,
  [part='status'] summary {
    pointer-events: auto;
  }
  [part='status'] button,
  [part='status'] details {
    display: inline;
  }
`;
