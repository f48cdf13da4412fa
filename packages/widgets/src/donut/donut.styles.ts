import { css } from 'lit';

/** Maps the public `--ioc-donut-*` hooks onto the shared chart shell's private ones. */
export const donutStyles = css`
  :host {
    --_hook-height: var(--ioc-donut-height, 14rem);
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
  }
  .surface svg {
    font-family: inherit;
  }
  .shares-note {
    margin: var(--ioc-sys-space-1) 0 0;
    font-size: var(--ioc-sys-font-size-sm);
    color: var(--ioc-sys-color-on-surface-muted);
  }
`;
