import { css } from 'lit';
import { statusStyles } from './status.js';

/** Styles every widget shares: tokens only, nothing from the page leaks in. */
export const baseStyles = css`
  ${statusStyles}
  :host {
    box-sizing: border-box;
    font-family: var(--ioc-sys-font-family);
    color: var(--ioc-sys-color-on-surface);
    -webkit-font-smoothing: antialiased;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* Status lines and loading placeholders look the same in every widget. */
  [part='status'] {
    font-size: var(--ioc-sys-font-size-sm);
    color: var(--ioc-sys-color-on-surface-muted);
  }
  :host([state='error']) [part='status'],
  :host([state='stale']) [part='status'] {
    color: var(--ioc-sys-color-negative);
  }
  .skeleton {
    border-radius: var(--ioc-sys-space-1);
    background: var(--ioc-sys-color-surface-raised);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
