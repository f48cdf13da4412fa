import { css } from 'lit';

/** Maps the public `--ioc-map-*` hooks onto the shared chart shell's private ones, and styles the map's own controls. */
export const mapStyles = css`
  :host {
    --_hook-height: var(--ioc-map-height);
    --_plot-min: 24rem;
    --_hook-background: var(--ioc-map-surface);
    --_hook-border-color: var(--ioc-map-border-color);
    --_hook-radius: var(--ioc-map-radius);
    --_hook-padding: var(--ioc-map-padding);
    /* Legend, attribution (and the slider when shown) sit under the map. */
    --_extra-block: calc(var(--_label-size) * 4.5 + 2 * var(--_gap));
  }
  .surface {
    touch-action: none;
    cursor: grab;
    overflow: hidden;
  }
  .surface:active {
    cursor: grabbing;
  }
  .surface > svg,
  .surface > canvas {
    position: absolute;
    inset: 0;
    display: block;
  }
  .surface > svg.overlay,
  .surface > svg.points {
    pointer-events: none;
  }
  /* Markers keep their severity colours under forced colours (they are the data), with a system-coloured ring. */
  .surface > svg.points {
    forced-color-adjust: none;
  }
  .surface > svg.points text {
    font-size: var(--_label-size);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .surface > svg.overlay g.tiles text {
    fill: var(--ioc-sys-color-on-surface);
    text-anchor: middle;
    dominant-baseline: central;
    paint-order: stroke;
    stroke: var(--ioc-sys-color-surface);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  /* The fills are the data (band colours): kept under forced colours, as the legend swatches are. */
  .surface > svg.map {
    forced-color-adjust: none;
  }
  .surface > svg.overlay path {
    fill: none;
    stroke: var(--ioc-map-selected-stroke, var(--ioc-sys-color-focus, var(--ioc-sys-color-on-surface)));
    stroke-width: 3px;
    vector-effect: non-scaling-stroke;
  }
  .surface > svg.overlay text.place {
    fill: var(--ioc-map-label-color, var(--ioc-sys-color-on-surface-muted));
    font-size: var(--_label-size);
    font-style: italic;
    paint-order: stroke;
    stroke: var(--ioc-sys-color-surface);
    stroke-width: 3px;
  }
  .crosshair {
    display: none;
  }
  [part='breadcrumb'] ol {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_label-size);
  }
  [part='breadcrumb'] li + li::before {
    content: '›';
    margin-inline-end: 0.25em;
    color: var(--ioc-sys-color-on-surface-muted);
  }
  [part='breadcrumb'] li[aria-current] {
    font-weight: 600;
  }
  [part='breadcrumb'] button,
  .zoom,
  [part='legend'] button,
  [part='slider'] button {
    font: inherit;
    font-size: var(--_label-size);
    color: var(--ioc-sys-color-on-surface);
    background: transparent;
    border: 1px solid var(--ioc-sys-color-outline);
    border-radius: var(--ioc-sys-radius, 4px);
    padding: 0.1em 0.5em;
    cursor: pointer;
  }
  [part='breadcrumb'] button {
    border-color: transparent;
    text-decoration: underline;
  }
  .zoom {
    min-width: 2em;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--ioc-sys-color-focus, currentColor);
    outline-offset: 2px;
  }
  [part='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    font-size: var(--_label-size);
  }
  [part='legend'] button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  [part='legend'] button[aria-pressed='true'] {
    border-color: var(--ioc-sys-color-on-surface);
    box-shadow: inset 0 0 0 1px var(--ioc-sys-color-on-surface);
    font-weight: 600;
  }
  .swatch {
    inline-size: 1em;
    block-size: 1em;
    border-radius: 2px;
    background: var(--_swatch, transparent);
    border: 1px solid var(--ioc-sys-color-outline-strong, var(--ioc-sys-color-outline));
    forced-color-adjust: none;
  }
  .swatch.no-data {
    background: repeating-linear-gradient(45deg, var(--ioc-sys-color-on-surface-muted) 0 1.5px, transparent 1.5px 5px);
  }
  .count {
    font-variant-numeric: tabular-nums;
    color: var(--ioc-sys-color-on-surface-muted);
  }
  .count::before {
    content: '· ';
  }
  [part='slider'] {
    display: flex;
    align-items: center;
    gap: 0.4em;
    font-size: var(--_label-size);
  }
  [part='slider'] input {
    flex: 1 1 auto;
    accent-color: var(--ioc-sys-color-primary);
  }
  [part='slider'] output {
    min-inline-size: 6em;
    font-variant-numeric: tabular-nums;
  }
  [part='attribution'],
  [part='note'] {
    margin: 0;
    font-size: calc(var(--_label-size) * 0.9);
    color: var(--ioc-sys-color-on-surface-muted);
  }
  @media (forced-colors: active) {
    [part='legend'] button[aria-pressed='true'] {
      border: 3px solid Highlight;
    }
    .surface > svg.overlay path {
      stroke: Highlight;
    }
  }
`;
