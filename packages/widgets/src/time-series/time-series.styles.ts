import { css } from 'lit';

/** Maps the public `--ioc-time-series-*` hooks onto the shared chart shell's private ones. */
export const timeSeriesStyles = css`
  :host {
    --_hook-height: var(--ioc-time-series-height);
    --_hook-background: var(--ioc-time-series-surface);
    --_hook-border-color: var(--ioc-time-series-border-color);
    --_hook-radius: var(--ioc-time-series-radius);
    --_hook-padding: var(--ioc-time-series-padding);
    --_hook-line-width: var(--ioc-time-series-line-width);
    --_hook-grid: var(--ioc-time-series-grid-color);
    --_hook-target: var(--ioc-time-series-target-color);
    --_hook-signal: var(--ioc-time-series-signal-color);
    --_hook-series-1: var(--ioc-time-series-series-1);
    --_hook-series-2: var(--ioc-time-series-series-2);
    --_hook-series-3: var(--ioc-time-series-series-3);
    --_hook-series-4: var(--ioc-time-series-series-4);
    --_hook-series-5: var(--ioc-time-series-series-5);
    --_hook-series-6: var(--ioc-time-series-series-6);
    --_hook-series-7: var(--ioc-time-series-series-7);
    --_hook-series-8: var(--ioc-time-series-series-8);
    --_extra-block: calc(var(--_overview-height) + var(--_gap));
    --_overview-height: var(--ioc-time-series-overview-height, 2.5rem);
  }
  :host([no-overview]) {
    --_extra-block: 0px;
  }
  .plot {
    cursor: crosshair;
  }
  .plot.panning {
    cursor: grabbing;
  }
  [part='overview'] {
    position: relative;
    flex: none;
    height: var(--_overview-height);
    border: 1px solid var(--ioc-sys-color-outline);
    border-radius: var(--ioc-sys-space-1);
    touch-action: none;
    cursor: ew-resize;
  }
  .overview-surface {
    position: absolute;
    inset: 0;
    overflow: hidden;
  }
  .overview-window {
    position: absolute;
    top: 0;
    bottom: 0;
    left: var(--_x0, 0);
    width: var(--_w, 100%);
    background: color-mix(in srgb, var(--ioc-sys-color-primary) 15%, transparent);
    border-left: 2px solid var(--ioc-sys-color-primary);
    border-right: 2px solid var(--ioc-sys-color-primary);
    pointer-events: none;
  }
`;
