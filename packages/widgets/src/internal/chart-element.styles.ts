import { css } from 'lit';

/**
 * Styles every chart widget shares. The private `--_chart-*` properties are what
 * `readPalette()` resolves for canvas and SVG; each defaults to the chart's component hook
 * (set per chart as `--_hook-*`) and then to a system token, so only `--ioc-*` colours show.
 * `--ioc-sys-color-chart-1..8` are the categorical colours; until a theme defines them they
 * fall back to other system roles.
 *
 * Sizes come from the `--ioc-sys-widget-*` roles, which the wall theme writes in container query
 * units: the host is the container, so text, strokes and spacing follow the widget's width.
 *
 * Every state keeps one outer size: the frame's min-height is the budget of a ready chart (title
 * line, toolbar line, plot at its size token, the widget's extra rows), and what fills it flexes
 * inside that budget: the plot (a wrapped legend or a stale note makes it shorter), the loading
 * placeholder, the empty or error message centred where the chart would be, the table.
 */
export const chartElementStyles = css`
  :host {
    /* A flex column, so the frame fills a host stretched by the page's grid, and holds its budget otherwise. */
    display: flex;
    flex-direction: column;
    position: relative;
    min-width: 8rem;
    container-type: inline-size;
    --_title-size: var(--ioc-sys-widget-title-size);
    --_text-size: var(--ioc-sys-widget-text-size);
    --_label-size: var(--ioc-sys-widget-label-size);
    --_pad: var(--_hook-padding, calc(var(--ioc-sys-widget-padding) * 0.75));
    --_gap: var(--ioc-sys-widget-gap);
    /* Rows of the budget; a widget without a title or toolbar sets them to 0px, one with more rows adds --_extra-block. */
    --_header-block: calc(var(--_title-size) * 1.3 + var(--_gap));
    --_toolbar-block: calc(var(--_label-size) * 1.55 + 2px + var(--_gap));
    --_extra-block: 0px;
    --_chart-series-1: var(--_hook-series-1, var(--ioc-sys-color-chart-1, var(--ioc-sys-color-primary)));
    --_chart-series-2: var(--_hook-series-2, var(--ioc-sys-color-chart-2, var(--ioc-sys-color-severity-high)));
    --_chart-series-3: var(--_hook-series-3, var(--ioc-sys-color-chart-3, var(--ioc-sys-color-positive)));
    --_chart-series-4: var(--_hook-series-4, var(--ioc-sys-color-chart-4, var(--ioc-sys-color-warning)));
    --_chart-series-5: var(--_hook-series-5, var(--ioc-sys-color-chart-5, var(--ioc-sys-color-accent)));
    --_chart-series-6: var(--_hook-series-6, var(--ioc-sys-color-chart-6, var(--ioc-sys-color-severity-informational)));
    --_chart-series-7: var(--_hook-series-7, var(--ioc-sys-color-chart-7, var(--ioc-sys-color-neutral)));
    --_chart-series-8: var(--_hook-series-8, var(--ioc-sys-color-chart-8, var(--ioc-sys-color-on-surface)));
    --_chart-text: var(--_hook-text, var(--ioc-sys-color-on-surface));
    --_chart-muted: var(--_hook-muted, var(--ioc-sys-color-on-surface-muted));
    --_chart-grid: var(--_hook-grid, var(--ioc-sys-color-outline));
    --_chart-surface: var(--_hook-surface, var(--ioc-sys-color-surface));
    --_chart-target: var(--_hook-target, var(--ioc-sys-color-on-surface));
    --_chart-signal: var(--_hook-signal, var(--ioc-sys-color-negative));
    --_chart-annotation: var(--_hook-annotation, var(--ioc-sys-color-on-surface-muted));
    --_chart-line-width: var(--_hook-line-width, var(--ioc-sys-widget-line-width, 1.5px));
    --_chart-font-size: var(--_hook-font-size, var(--_label-size, 0.75rem));
    /*
     * The plot's height: the size token, and on the wall (plot-ratio > 0) at least that share of
     * the width (times the chart's shape), so a wide chart has room for its larger text.
     */
    --_plot-min: 16rem;
    --_plot-shape: 1;
    --_plot-height: var(--_hook-height, max(var(--_plot-min), calc(var(--ioc-sys-widget-plot-ratio, 0) * var(--_plot-shape) * 100cqi)));
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    gap: var(--_gap);
    /* The budget is the content box, so a padding or border hook of any form (0, 1em) adds to it. */
    box-sizing: content-box;
    min-height: calc(var(--_header-block) + var(--_toolbar-block) + var(--_plot-height) + var(--_extra-block));
    margin: 0;
    padding: var(--_pad);
    background: var(--_hook-background, var(--ioc-sys-color-surface));
    border: 1px solid var(--_hook-border-color, var(--ioc-sys-color-outline));
    border-radius: var(--_hook-radius, var(--ioc-sys-radius));
  }
  /* Only the frame counts its budget as content; everything inside is sized border-box as before. */
  [part='base'] > * {
    box-sizing: border-box;
  }
  [part='header'] {
    flex: none;
    margin: 0;
    font-size: var(--_title-size);
    font-weight: var(--ioc-sys-font-weight-bold);
    color: var(--ioc-sys-color-on-surface-muted);
    line-height: 1.3;
    /* Long names end in an ellipsis instead of pushing the chart down (the wall: one line). */
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--ioc-sys-widget-title-lines, 2);
    line-clamp: var(--ioc-sys-widget-title-lines, 2);
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .toolbar {
    flex: none;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_gap);
  }
  [part='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_gap) / 2) var(--_gap);
  }
  button {
    font: inherit;
    font-size: var(--_label-size);
    line-height: 1.25;
    color: var(--ioc-sys-color-on-surface);
    background: transparent;
    border: 1px solid var(--ioc-sys-color-outline);
    border-radius: var(--ioc-sys-space-1);
    padding: 0.15em 0.6em;
    cursor: pointer;
  }
  button:focus-visible,
  .plot:focus-visible {
    outline: 2px solid var(--ioc-sys-color-focus);
    outline-offset: 2px;
  }
  .legend-item {
    display: inline-flex;
    align-items: center;
    gap: var(--ioc-sys-space-1);
  }
  .legend-item[aria-pressed='false'] {
    color: var(--ioc-sys-color-on-surface-muted);
    text-decoration: line-through;
  }
  .swatch {
    width: 0.8em;
    height: 0.8em;
    border-radius: 2px;
    background: var(--_swatch, var(--_chart-series-1));
  }
  /* A dashed series (last year's values) drawn as the line is: dashed, in its colour, faint as it is. */
  .swatch.dashed {
    width: 1.6em;
    height: 0;
    border-radius: 0;
    background: none;
    border-top: max(2px, var(--_chart-line-width)) dashed var(--_swatch, var(--_chart-series-1));
    opacity: 0.55;
  }
  /* A series told apart by its dash pattern (forced colours): the pattern as the line draws it. */
  .swatch-line {
    width: 2em;
    height: 0.8em;
    flex: none;
  }
  .swatch-line line {
    stroke: var(--_swatch, var(--_chart-series-1));
    stroke-width: max(2px, var(--_chart-line-width));
  }
  /* An area told apart by its fill pattern (forced colours): the pattern as the chart draws it. */
  .swatch-fill {
    width: 1em;
    height: 1em;
    flex: none;
  }
  .swatch-fill .ground {
    fill: var(--_chart-surface);
  }
  .swatch-fill .ink {
    fill: var(--_chart-text);
  }
  .swatch-fill .ink-line {
    stroke: var(--_chart-text);
    stroke-linecap: square;
  }
  .swatch-fill .edge {
    fill: none;
    stroke: var(--_chart-text);
    stroke-width: 1;
  }
  .legend-item[aria-pressed='false'] .swatch-fill,
  .legend-item[aria-pressed='false'] .swatch-line,
  .legend-item[aria-pressed='false'] .swatch {
    opacity: 0.3;
  }
  .controls {
    display: flex;
    gap: var(--ioc-sys-space-1);
  }
  .plot {
    position: relative;
    /* Takes what the budget leaves (its size token when the legend is one line), never less than half of it. */
    flex: 1 1 0;
    min-height: calc(var(--_plot-height) / 2);
    touch-action: none;
  }
  .plot[hidden] {
    display: none;
  }
  .surface {
    position: absolute;
    inset: 0;
    overflow: hidden;
  }
  .surface svg,
  .surface canvas {
    position: absolute;
    left: 0;
    top: 0;
  }
  @media (prefers-reduced-motion: no-preference) {
    .surface.enter {
      animation: fade-in var(--ioc-sys-motion-duration, 200ms) ease-out;
    }
  }
  @keyframes fade-in {
    from {
      opacity: 0;
    }
  }
  /* Words in place of a drawing, e.g. when the legend hides every series. */
  .all-hidden {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    margin: 0;
    padding: var(--ioc-sys-space-3);
    text-align: center;
    color: var(--ioc-sys-color-on-surface-muted);
    font-size: var(--ioc-sys-font-size-sm);
  }
  .crosshair {
    position: absolute;
    top: 0;
    bottom: 0;
    left: var(--_x, 0);
    width: 0;
    border-left: 1px dashed var(--_chart-muted);
    pointer-events: none;
  }
  .focus-dot {
    position: absolute;
    left: var(--_x, 0);
    top: var(--_y, 0);
    width: 10px;
    height: 10px;
    margin: -5px 0 0 -5px;
    border-radius: 50%;
    border: 2px solid var(--ioc-sys-color-focus);
    background: var(--_chart-surface);
    pointer-events: none;
  }
  [part='tooltip'] {
    position: absolute;
    left: var(--_x, 0);
    top: var(--_y, 0);
    transform: translate(var(--_tx, 8px), -100%);
    max-width: max(16rem, 40cqi);
    padding: var(--ioc-sys-space-1) var(--ioc-sys-space-2);
    font-size: var(--_label-size);
    color: var(--ioc-sys-color-on-surface);
    background: var(--ioc-sys-color-surface-raised);
    border: 1px solid var(--ioc-sys-color-outline);
    border-radius: var(--ioc-sys-space-1);
    pointer-events: none;
    white-space: pre-line;
    z-index: 1;
  }
  .table-wrap {
    /* The table sits in the plot's box and scrolls there, so switching view keeps the size too. */
    flex: 1 1 0;
    min-height: calc(var(--_plot-height) / 2);
    max-height: var(--_hook-table-height, none);
    overflow: auto;
  }
  [part='table'] {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_label-size);
    font-variant-numeric: tabular-nums;
  }
  [part='table'] caption {
    text-align: start;
    font-weight: var(--ioc-sys-font-weight-bold);
    padding-bottom: var(--ioc-sys-space-1);
  }
  [part='table'] th,
  [part='table'] td {
    padding: 2px var(--ioc-sys-space-2);
    border-bottom: 1px solid var(--ioc-sys-color-outline);
    text-align: start;
  }
  [part='table'] .numeric {
    text-align: end;
  }
  .note {
    font-size: var(--_label-size);
    color: var(--ioc-sys-color-on-surface-muted);
  }
  /* The placeholder covers the toolbar and plot of the chart to come. */
  .skeleton {
    flex: 1 1 0;
    min-height: 0;
  }
  [part='status'] {
    font-size: var(--_text-size);
    line-height: 1.35;
    overflow-wrap: anywhere;
  }
  /* Empty and error: the message sits centred in the box the chart would fill, and scrolls there if long. */
  :host([state='empty']) [part='status'],
  :host([state='error']) [part='status'] {
    flex: 1 1 0;
    min-height: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: safe center;
    gap: var(--_gap);
    overflow: auto;
    text-align: center;
  }
  /*
   * Stale: a note under the chart (message, retry, details), taking its room from the plot. With
   * a chart's own note (below) at most a quarter of the plot each, and the plot at least half of
   * it, a ready or stale chart never outgrows its budget.
   */
  :host([state='stale']) [part='status'] {
    flex: none;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_gap) / 2) var(--_gap);
    max-height: calc(var(--_plot-height) / 4 - var(--_gap));
    overflow: auto;
  }
  /*
   * A chart's note under its plot (how a ranking reads, the shares left out): a quarter of the
   * plot at most; longer words are cut (not scrolled: a scrolling note would be a tab stop of
   * its own) and stay whole in its tooltip and for screen readers.
   */
  [part='base'] > [part='note'] {
    flex: none;
    /* The frame's gap spaces it; a margin would be outside the budget. */
    margin: 0;
    /* As large as the chart's labels it explains, and cut after a whole line. */
    font-size: var(--_label-size);
    line-height: 1.35;
    max-height: round(down, calc(var(--_plot-height) / 4 - var(--_gap)), calc(var(--_label-size) * 1.35));
    overflow: hidden;
  }
  [part='status'] details,
  [part='status'] summary {
    font-size: var(--_label-size);
  }
  [part='status'] details {
    max-width: 100%;
  }
`;
