import { css } from 'lit';

/**
 * A sparkline sits inside cards and table cells: no frame, no padding, no toolbar unless
 * `controls` is set, and a small default height.
 */
export const sparklineStyles = css`
  :host {
    display: inline-block;
    min-width: 3rem;
    width: 8rem;
    vertical-align: middle;
    --_hook-height: var(--ioc-sparkline-height, 2rem);
    --_hook-padding: 0;
    --_hook-border-color: transparent;
    --_hook-background: transparent;
    --_hook-series-1: var(--ioc-sparkline-color);
    --_hook-line-width: var(--ioc-sparkline-line-width);
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
`;
