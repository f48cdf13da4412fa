import { css } from 'lit';

/** Maps the public `--ioc-heatmap-*` hooks onto the shared chart shell's private ones. */
export const heatmapStyles = css`
  :host {
    --_hook-height: var(--ioc-heatmap-height);
    --_plot-min: 12rem;
    --_hook-background: var(--ioc-heatmap-surface);
    --_hook-border-color: var(--ioc-heatmap-border-color);
    --_hook-radius: var(--ioc-heatmap-radius);
    --_hook-padding: var(--ioc-heatmap-padding);
    --_hook-grid: var(--ioc-heatmap-empty-color);
  }
  .surface svg {
    font-family: inherit;
  }
  .focus-dot {
    border-radius: 2px;
  }
`;
