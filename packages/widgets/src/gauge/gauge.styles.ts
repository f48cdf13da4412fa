import { css } from 'lit';

/** Maps the public `--ioc-gauge-*` hooks onto the shared chart shell's private ones. */
export const gaugeStyles = css`
  :host {
    --_hook-height: var(--ioc-gauge-height);
    --_plot-min: 12rem;
    --_plot-shape: 1.4;
    --_hook-background: var(--ioc-gauge-surface);
    --_hook-border-color: var(--ioc-gauge-border-color);
    --_hook-radius: var(--ioc-gauge-radius);
    --_hook-padding: var(--ioc-gauge-padding);
    --_hook-series-1: var(--ioc-gauge-value-color);
    --_hook-grid: var(--ioc-gauge-track-color);
    --_hook-target: var(--ioc-gauge-target-color);
  }
  :host([form='bullet']) {
    --_plot-min: 4rem;
    --_plot-shape: 0.2;
  }
  .surface svg {
    font-family: inherit;
  }
`;
