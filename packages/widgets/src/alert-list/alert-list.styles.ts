import { css } from 'lit';

export const alertListStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--ioc-sys-space-2);
    padding: var(--ioc-sys-widget-padding);
    background: var(--ioc-alert-list-surface, var(--ioc-sys-color-surface));
    border: var(--ioc-sys-border-width, 1px) solid var(--ioc-alert-list-border-color, var(--ioc-sys-color-outline));
    border-radius: var(--ioc-sys-radius);
    font-size: var(--ioc-sys-widget-text-size, var(--ioc-sys-font-size-md));
  }
  [part='header'] {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--ioc-sys-space-2);
  }
  h3 {
    margin: 0;
    font-size: var(--ioc-sys-widget-title-size, var(--ioc-sys-font-size-lg));
    font-weight: var(--ioc-sys-font-weight-bold);
  }
  .count {
    color: var(--ioc-sys-color-on-surface-muted);
    font-size: var(--ioc-sys-font-size-sm);
    font-variant-numeric: tabular-nums;
  }
  [part='filters'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ioc-sys-space-2) var(--ioc-sys-space-4);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ioc-sys-space-1);
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--ioc-sys-space-1);
    min-height: 2rem;
    padding: 0 var(--ioc-sys-space-3);
    border: var(--ioc-sys-border-width, 1px) solid var(--ioc-sys-color-outline-strong);
    border-radius: 999px;
    background: transparent;
    font-size: var(--ioc-sys-font-size-sm);
  }
  .chip[aria-pressed='true'] {
    background: var(--ioc-sys-color-surface-raised);
    font-weight: var(--ioc-sys-font-weight-bold);
  }
  .chip[aria-pressed='true']::before {
    content: '✓';
  }
  .chip[aria-pressed='false'] {
    color: var(--ioc-sys-color-on-surface-muted);
    text-decoration: line-through;
  }
  .dot {
    width: 0.75em;
    height: 0.75em;
    border-radius: 50%;
    background: var(--_severity);
    forced-color-adjust: none;
  }
  [data-severity='informational'] {
    --_severity: var(--ioc-sys-color-severity-informational);
  }
  [data-severity='low'] {
    --_severity: var(--ioc-sys-color-severity-low);
  }
  [data-severity='medium'] {
    --_severity: var(--ioc-sys-color-severity-medium);
  }
  [data-severity='high'] {
    --_severity: var(--ioc-sys-color-severity-high);
  }
  [data-severity='critical'] {
    --_severity: var(--ioc-sys-color-severity-critical);
  }
  [part='notice'] {
    margin: 0;
    font-size: var(--ioc-sys-font-size-sm);
    color: var(--ioc-sys-color-on-surface-muted);
  }
  [part='notice']:empty {
    display: none;
  }
  [part='list'] {
    position: relative;
    /* As tall as its rows, up to the set height: a short feed leaves no empty box behind. */
    max-height: var(--ioc-alert-list-height, 28rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    border-top: var(--ioc-sys-border-width, 1px) solid var(--ioc-alert-list-border-color, var(--ioc-sys-color-outline));
  }
  .spacer {
    position: relative;
    height: var(--_total);
  }
  .row {
    position: absolute;
    inset-inline: 0;
    top: 0;
    transform: translateY(var(--_top));
    height: var(--ioc-alert-list-row-height, 4.75rem);
    display: grid;
    grid-template-columns: 6.5rem minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--ioc-sys-space-2);
    padding: var(--ioc-sys-space-1) var(--ioc-sys-space-2);
    border-bottom: var(--ioc-sys-border-width, 1px) solid var(--ioc-alert-list-border-color, var(--ioc-sys-color-outline));
    border-inline-start: 0.375rem solid var(--_severity);
    overflow: hidden;
  }
  .row[data-status='resolved'] {
    color: var(--ioc-sys-color-on-surface-muted);
  }
  .row:focus-visible,
  button:focus-visible {
    outline: var(--ioc-sys-focus-width, 3px) solid var(--ioc-sys-color-focus);
    outline-offset: calc(-1 * var(--ioc-sys-focus-width, 3px));
  }
  .severity {
    justify-self: start;
    padding: 0.1em 0.5em;
    border: var(--ioc-sys-border-width, 1px) solid var(--_severity);
    border-radius: var(--ioc-sys-radius);
    font-size: var(--ioc-sys-font-size-sm);
    font-weight: var(--ioc-sys-font-weight-bold);
    white-space: nowrap;
  }
  .row[data-severity='critical'] .severity,
  .row[data-severity='high'] .severity {
    text-transform: uppercase;
  }
  .body {
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 0.15em;
  }
  .title {
    font-weight: var(--ioc-sys-font-weight-bold);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .meta {
    display: flex;
    flex-wrap: nowrap;
    gap: var(--ioc-sys-space-2);
    align-items: baseline;
    min-width: 0;
    font-size: var(--ioc-sys-font-size-sm);
    color: var(--ioc-sys-color-on-surface-muted);
    white-space: nowrap;
    overflow: hidden;
  }
  .area {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    padding: 0;
    border: 0;
    background: none;
    color: var(--ioc-sys-color-primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .area.unknown {
    color: inherit;
    text-decoration: none;
    font-style: italic;
  }
  .repeats {
    font-weight: var(--ioc-sys-font-weight-bold);
    color: var(--ioc-sys-color-on-surface);
  }
  .actions {
    display: flex;
    gap: var(--ioc-sys-space-1);
  }
  [part='action'] {
    min-height: 2.25rem;
    padding: 0 var(--ioc-sys-space-2);
    border: var(--ioc-sys-border-width, 1px) solid var(--ioc-sys-color-outline-strong);
    border-radius: var(--ioc-sys-radius);
    background: var(--ioc-sys-color-surface-raised);
    font-size: var(--ioc-sys-font-size-sm);
    white-space: nowrap;
  }
  [part='action']:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  /*
   * A narrow column (a board's side column, a tablet): the title gets the row's whole width beside
   * the severity and reads in full up to two lines; the area, time and actions go under it. Rows
   * stay one fixed height (the list is virtualised and measures its first row), only taller.
   */
  @container (max-width: 48rem) {
    .row {
      height: var(--ioc-alert-list-row-height, 6.5rem);
      grid-template-columns: auto minmax(0, 1fr) auto;
      grid-template-areas: 'severity title title' 'meta meta actions';
      align-items: center;
      align-content: center;
      row-gap: var(--ioc-sys-space-1);
    }
    .body {
      display: contents;
    }
    .severity {
      grid-area: severity;
      align-self: start;
    }
    .title {
      grid-area: title;
      align-self: start;
      white-space: normal;
      overflow-wrap: anywhere;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      line-clamp: 2;
      line-height: 1.3;
    }
    .meta {
      grid-area: meta;
    }
    .actions {
      grid-area: actions;
    }
  }
  /* A phone: the severity, the title (two lines), the area and time, then the actions, each on its own line. */
  @container (max-width: 30rem) {
    .row {
      height: var(--ioc-alert-list-row-height, 10.5rem);
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'severity' 'title' 'meta' 'actions';
    }
    .status-word {
      display: none;
    }
  }
  @media (forced-colors: active) {
    .row {
      border-inline-start-color: CanvasText;
    }
    .chip[aria-pressed='true'] {
      border-width: 3px;
    }
  }
`;
