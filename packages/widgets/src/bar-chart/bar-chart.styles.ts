import { css } from 'lit';

/** Maps the public `--ioc-bar-chart-*` hooks onto the shared chart shell's private ones. */
export const barChartStyles = css`
  :host {
    --_hook-height: var(--ioc-bar-chart-height);
    --_hook-background: var(--ioc-bar-chart-surface);
    --_hook-border-color: var(--ioc-bar-chart-border-color);
    --_hook-radius: var(--ioc-bar-chart-radius);
    --_hook-padding: var(--ioc-bar-chart-padding);
    --_hook-grid: var(--ioc-bar-chart-grid-color);
    --_hook-target: var(--ioc-bar-chart-target-color);
    --_hook-series-1: var(--ioc-bar-chart-series-1);
    --_hook-series-2: var(--ioc-bar-chart-series-2);
    --_hook-series-3: var(--ioc-bar-chart-series-3);
    --_hook-series-4: var(--ioc-bar-chart-series-4);
    --_hook-series-5: var(--ioc-bar-chart-series-5);
    --_hook-series-6: var(--ioc-bar-chart-series-6);
    --_hook-series-7: var(--ioc-bar-chart-series-7);
    --_hook-series-8: var(--ioc-bar-chart-series-8);
  }
  .surface svg {
    font-family: inherit;
  }
  /* Read with the chart, so the same size as its labels rather than a footnote's. */
  /* Size and room are the shared note's (chart-element.styles.ts). */
  .ranking-note {
    color: var(--ioc-sys-color-on-surface-muted);
  }
  .ranking-note .band {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
  }
  .ranking-note .band + .band {
    margin-inline-start: 0.6em;
  }
  .ranking-note .swatch {
    display: inline-block;
    outline: 1px solid var(--ioc-sys-color-outline);
  }
`;
