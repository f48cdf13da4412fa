import { css } from 'lit';

/** A line of crumbs that wraps on a phone; each crumb above the current one is a button. */
export const breadcrumbStyles = css`
  :host {
    display: block;
    font-size: var(--ioc-breadcrumb-font-size, var(--ioc-sys-widget-text-size, var(--ioc-sys-font-size-md)));
  }
  ol {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--ioc-sys-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: inline-flex;
    align-items: center;
    gap: var(--ioc-sys-space-1);
  }
  .separator {
    color: var(--ioc-sys-color-on-surface-muted);
  }
  button {
    font: inherit;
    color: var(--ioc-breadcrumb-link-color, var(--ioc-sys-color-focus));
    background: transparent;
    border: 1px solid transparent;
    border-radius: var(--ioc-sys-space-1);
    padding: 0.1em 0.35em;
    text-decoration: underline;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--ioc-sys-color-outline);
  }
  button:focus-visible {
    outline: 2px solid var(--ioc-sys-color-focus);
    outline-offset: 2px;
  }
  [aria-current='location'] {
    font-weight: var(--ioc-sys-font-weight-bold);
    padding: 0.1em 0.35em;
  }
  @media (forced-colors: active) {
    button {
      color: LinkText;
    }
  }
`;
