import { css } from 'lit';

export const kpiCardStyles = css`
  :host {
    display: block;
    min-width: 12rem;
    --_surface: var(--ioc-kpi-card-surface, var(--ioc-sys-color-surface));
    --_border: var(--ioc-kpi-card-border-color, var(--ioc-sys-color-outline));
    --_radius: var(--ioc-kpi-card-radius, var(--ioc-sys-radius));
    --_padding: var(--ioc-kpi-card-padding, var(--ioc-sys-space-4));
    --_value-size: var(--ioc-kpi-card-value-size, var(--ioc-sys-font-size-display));
  }
  [part='base'] {
    position: relative;
    container-type: inline-size;
    display: grid;
    gap: var(--ioc-sys-space-2);
    height: 100%;
    padding: var(--_padding);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part='header'] {
    margin: 0;
    font-size: var(--ioc-sys-font-size-sm);
    font-weight: var(--ioc-sys-font-weight-bold);
    color: var(--ioc-sys-color-on-surface-muted);
    line-height: 1.3;
  }
  .reading {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--ioc-sys-space-2);
  }
  [part='value'] {
    /* Long values (1.991.172) shrink to fit a narrow card instead of overflowing it. */
    font-size: min(var(--_value-size), 16cqi);
    overflow-wrap: anywhere;
    font-weight: var(--ioc-sys-font-weight-bold);
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
  }
  [part='unit'] {
    font-size: var(--ioc-sys-font-size-md);
    color: var(--ioc-sys-color-on-surface-muted);
  }
  [part='band'] {
    display: inline-flex;
    align-items: center;
    gap: var(--ioc-sys-space-1);
    font-size: var(--ioc-sys-font-size-sm);
  }
  [part='band']::before {
    content: '';
    width: 0.75em;
    height: 0.75em;
    border-radius: 50%;
    background: var(--_band-color, var(--ioc-sys-color-neutral));
    box-shadow: 0 0 0 1px var(--ioc-sys-color-outline);
    /* The band colour carries meaning: keep it in forced-colors mode. */
    forced-color-adjust: none;
  }
  [part='delta'] {
    font-size: var(--ioc-sys-font-size-sm);
    font-variant-numeric: tabular-nums;
    color: var(--ioc-sys-color-neutral);
  }
  [part='delta'].good {
    color: var(--ioc-sys-color-positive);
  }
  [part='delta'].bad {
    color: var(--ioc-sys-color-negative);
  }
  .arrow {
    display: inline-block;
    min-width: 1em;
  }
  [part='comparison'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ioc-sys-space-1) var(--ioc-sys-space-4);
    margin: 0;
    font-size: var(--ioc-sys-font-size-xs);
    color: var(--ioc-sys-color-on-surface-muted);
  }
  .comparison-item {
    display: inline-flex;
    gap: var(--ioc-sys-space-1);
  }
  [part='comparison'] dt::after {
    content: ':';
  }
  [part='comparison'] dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
    color: var(--ioc-sys-color-on-surface);
  }
  [part='footer'] {
    font-size: var(--ioc-sys-font-size-xs);
    color: var(--ioc-sys-color-on-surface-muted);
  }
  .skeleton {
    display: block;
    width: 6ch;
    height: var(--_value-size);
  }
`;
