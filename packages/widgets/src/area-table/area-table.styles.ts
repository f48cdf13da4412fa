import { css } from 'lit';

/**
 * The table scrolls inside its frame (`--ioc-area-table-max-height`) under a sticky header; the
 * focused cell has the focus ring, the selected area's row a bar at its start; band chips keep
 * their colour under forced colours and always say their band in words.
 */
export const areaTableStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_surface: var(--ioc-area-table-surface, var(--ioc-sys-color-surface));
    --_border: var(--ioc-area-table-border-color, var(--ioc-sys-color-outline));
    --_radius: var(--ioc-area-table-radius, var(--ioc-sys-radius));
    --_padding: var(--ioc-area-table-padding, var(--ioc-sys-space-3));
    --_max-height: var(--ioc-area-table-max-height, 28rem);
    --_header-surface: var(--ioc-area-table-header-surface, var(--ioc-sys-color-surface-raised));
    --_text-size: var(--ioc-sys-widget-text-size, var(--ioc-sys-font-size-sm));
  }
  [part='base'] {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--ioc-sys-space-2);
    margin: 0;
    padding: var(--_padding);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .top {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--ioc-sys-space-2);
    flex-wrap: wrap;
  }
  [part='header'] {
    margin: 0;
    font-size: var(--ioc-sys-widget-title-size, var(--ioc-sys-font-size-md));
    font-weight: var(--ioc-sys-font-weight-bold);
    color: var(--ioc-sys-color-on-surface-muted);
  }
  button {
    font: inherit;
    font-size: var(--_text-size);
    color: var(--ioc-sys-color-on-surface);
    background: transparent;
    border: 1px solid var(--ioc-sys-color-outline);
    border-radius: var(--ioc-sys-space-1);
    padding: 0.15em 0.6em;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--ioc-sys-color-focus);
    outline-offset: 2px;
  }
  .scroller {
    max-height: var(--_max-height);
    overflow: auto;
    /* Room for the focus ring of the edge cells. */
    padding: 2px;
  }
  table {
    width: 100%;
    border-collapse: separate;
    border-spacing: 0;
    font-size: var(--_text-size);
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: var(--ioc-sys-space-1) var(--ioc-sys-space-2);
    text-align: start;
    vertical-align: middle;
    border-bottom: 1px solid var(--_border);
    white-space: nowrap;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_header-surface);
    font-weight: var(--ioc-sys-font-weight-bold);
    cursor: pointer;
    user-select: none;
  }
  thead th.numeric,
  td {
    text-align: end;
  }
  .sort {
    display: inline-block;
    min-width: 1em;
    margin-inline-start: 0.25em;
    color: var(--ioc-sys-color-on-surface-muted);
  }
  tbody th {
    font-weight: normal;
    white-space: normal;
    min-width: 9rem;
  }
  tbody tr {
    cursor: pointer;
  }
  tbody tr:hover > * {
    background: var(--ioc-sys-color-surface-raised);
  }
  tr[aria-selected='true'] > th {
    font-weight: var(--ioc-sys-font-weight-bold);
    box-shadow: inset 4px 0 0 var(--ioc-sys-color-focus);
  }
  th:focus-visible,
  td:focus-visible {
    outline: 3px solid var(--ioc-sys-color-focus);
    outline-offset: -3px;
  }
  .cell {
    display: inline-flex;
    align-items: center;
    justify-content: flex-end;
    gap: var(--ioc-sys-space-2);
  }
  .value {
    min-width: 3ch;
  }
  [part='band'] {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    min-width: 5.5em;
    font-size: 0.9em;
    color: var(--ioc-sys-color-on-surface-muted);
  }
  [part='band']::before {
    content: '';
    flex: none;
    width: 0.8em;
    height: 0.8em;
    border-radius: 50%;
    background: var(--_band-color, var(--ioc-sys-color-neutral));
    box-shadow: 0 0 0 1px var(--ioc-sys-color-outline);
    /* The band colour carries meaning: keep it in forced-colors mode (its word says it too). */
    forced-color-adjust: none;
  }
  [part='trend'] {
    display: inline-block;
    width: 4.5rem;
    height: 1.4rem;
    flex: none;
  }
  [part='trend'] svg {
    display: block;
    overflow: visible;
  }
  .missing {
    color: var(--ioc-sys-color-on-surface-muted);
  }
  @container (max-width: 32rem) {
    [part='trend'] {
      display: none;
    }
  }
  @media (forced-colors: active) {
    tr[aria-selected='true'] > th {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    th:focus-visible,
    td:focus-visible {
      outline-color: Highlight;
    }
  }
`;
