import { css } from 'lit';

/** The insight: a frame with the summary first, then status, trend and signals side by side where there is room. */
export const insightStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_surface: var(--ioc-insight-surface, var(--ioc-sys-color-surface));
    --_border: var(--ioc-insight-border-color, var(--ioc-sys-color-outline));
    --_gap: var(--ioc-sys-widget-gap);
    --_text-size: var(--ioc-sys-widget-text-size);
    --_label-size: var(--ioc-sys-widget-label-size);
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    min-height: 12rem;
    margin: 0;
    padding: var(--ioc-sys-widget-padding);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--ioc-sys-radius);
    font-size: var(--_text-size);
    line-height: 1.4;
  }
  :host([brief]) [part='base'] {
    min-height: 0;
  }
  [part='header'] {
    margin: 0;
    font-size: var(--ioc-sys-widget-title-size);
    font-weight: var(--ioc-sys-font-weight-bold);
    color: var(--ioc-sys-color-on-surface-muted);
    overflow-wrap: anywhere;
  }
  [part='summary'] {
    margin: 0;
    font-size: calc(var(--_text-size) * 1.15);
    color: var(--ioc-sys-color-on-surface);
    overflow-wrap: anywhere;
  }
  .sections {
    display: grid;
    grid-template-columns: 1fr;
    gap: calc(var(--_gap) * 1.5);
  }
  @container (min-width: 44rem) {
    .sections {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
  .section h4 {
    margin: 0 0 calc(var(--_gap) / 2);
    font-size: var(--_label-size);
    font-weight: var(--ioc-sys-font-weight-bold);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--ioc-sys-color-on-surface-muted);
  }
  dl,
  ul,
  .section p {
    margin: 0;
    padding: 0;
  }
  dl > div {
    margin-bottom: calc(var(--_gap) / 2);
  }
  dt {
    font-size: var(--_label-size);
    color: var(--ioc-sys-color-on-surface-muted);
  }
  dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  ul {
    list-style: none;
  }
  li {
    margin-bottom: calc(var(--_gap) / 2);
    overflow-wrap: anywhere;
  }
  li::before {
    content: '• ';
    color: var(--ioc-sys-color-on-surface-muted);
  }
  .term {
    font-weight: var(--ioc-sys-font-weight-bold);
  }
  .good dd {
    color: var(--ioc-sys-color-positive);
  }
  .bad dd,
  li.bad {
    color: var(--ioc-sys-color-negative);
  }
  [part='band']::before {
    content: '';
    display: inline-block;
    width: 0.75em;
    height: 0.75em;
    margin-inline-end: 0.3em;
    vertical-align: -0.05em;
    border-radius: 50%;
    background: var(--_band-color, var(--ioc-sys-color-neutral));
    box-shadow: 0 0 0 1px var(--ioc-sys-color-outline);
    /* The band colour carries meaning: keep it in forced-colors mode. */
    forced-color-adjust: none;
  }
  .skeleton {
    display: block;
    height: 4rem;
  }
  :host([state='empty']) [part='status'],
  :host([state='error']) [part='status'] {
    flex: 1 1 auto;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--_gap);
    text-align: center;
    overflow-wrap: anywhere;
  }
  [part='status'] button {
    font: inherit;
    font-size: var(--_label-size);
    color: var(--ioc-sys-color-on-surface);
    background: transparent;
    border: 1px solid var(--ioc-sys-color-outline);
    border-radius: var(--ioc-sys-space-1);
    padding: 0.15em 0.6em;
    cursor: pointer;
  }
  [part='status'] button:focus-visible,
  [part='status'] summary:focus-visible {
    outline: 2px solid var(--ioc-sys-color-focus);
    outline-offset: 2px;
  }
`;
