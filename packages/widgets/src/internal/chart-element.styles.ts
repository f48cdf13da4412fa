import { css } from 'lit';

/**
 * Styles every chart widget shares. The private `--_chart-*` properties are what
 * `readPalette()` resolves for canvas and SVG; each defaults to the chart's component hook
 * (set per chart as `--_hook-*`) and then to a system token, so only `--ioc-*` colours show.
 * `--ioc-sys-color-chart-1..8` are the categorical colours; until a theme defines them they
 * fall back to other system roles.
 */
export const chartElementStyles = css`
  :host {
    display: block;
    position: relative;
    min-width: 8rem;
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
    --_chart-line-width: var(--_hook-line-width, var(--ioc-sys-line-width, 1.5px));
    --_chart-font-size: var(--_hook-font-size, var(--ioc-sys-font-size-xs, 0.75rem));
    --_plot-height: var(--_hook-height, 16rem);
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--ioc-sys-space-2);
    height: 100%;
    margin: 0;
    padding: var(--_hook-padding, var(--ioc-sys-space-3));
    background: var(--_hook-background, var(--ioc-sys-color-surface));
    border: 1px solid var(--_hook-border-color, var(--ioc-sys-color-outline));
    border-radius: var(--_hook-radius, var(--ioc-sys-radius));
  }
  [part='header'] {
    margin: 0;
    font-size: var(--ioc-sys-font-size-sm);
    font-weight: var(--ioc-sys-font-weight-bold);
    color: var(--ioc-sys-color-on-surface-muted);
    line-height: 1.3;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--ioc-sys-space-2);
  }
  [part='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ioc-sys-space-1) var(--ioc-sys-space-2);
  }
  button {
    font: inherit;
    font-size: var(--ioc-sys-font-size-xs);
    color: var(--ioc-sys-color-on-surface);
    background: transparent;
    border: 1px solid var(--ioc-sys-color-outline);
    border-radius: var(--ioc-sys-space-1);
    padding: 2px var(--ioc-sys-space-2);
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
  .legend-item[aria-pressed='false'] .swatch {
    opacity: 0.3;
  }
  .controls {
    display: flex;
    gap: var(--ioc-sys-space-1);
  }
  .plot {
    position: relative;
    flex: 1 1 auto;
    min-height: var(--_plot-height);
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
    max-width: 16rem;
    padding: var(--ioc-sys-space-1) var(--ioc-sys-space-2);
    font-size: var(--ioc-sys-font-size-xs);
    color: var(--ioc-sys-color-on-surface);
    background: var(--ioc-sys-color-surface-raised);
    border: 1px solid var(--ioc-sys-color-outline);
    border-radius: var(--ioc-sys-space-1);
    pointer-events: none;
    white-space: pre-line;
    z-index: 1;
  }
  .table-wrap {
    max-height: var(--_hook-table-height, 20rem);
    overflow: auto;
  }
  [part='table'] {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--ioc-sys-font-size-xs);
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
    font-size: var(--ioc-sys-font-size-xs);
    color: var(--ioc-sys-color-on-surface-muted);
  }
  .skeleton {
    flex: 1 1 auto;
    min-height: var(--_plot-height);
  }
`;
