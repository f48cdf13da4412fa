import { css } from 'lit';

/**
 * The boards' layout: the host is a size container, and the regions are laid out by its width
 * (container queries, not the viewport): one column on a 360 px phone, two on a tablet, three
 * on a laptop, four on a 3840 px operations wall.
 */
export const boardStyles = css`
  :host {
    display: block;
    container: ioc-board / inline-size;
    color: var(--ioc-sys-color-on-surface);
    background: var(--ioc-board-background, transparent);
  }
  .board {
    display: grid;
    gap: var(--ioc-board-gap, var(--ioc-sys-widget-gap, 12px));
    padding: var(--ioc-board-padding, 0);
    grid-template-columns: minmax(0, 1fr);
    align-items: start;
  }
  [part~='header'] {
    grid-area: header;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--ioc-sys-space-2, 8px) var(--ioc-sys-space-4, 16px);
    min-width: 0;
  }
  [part~='title'] {
    margin: 0;
    font-size: var(--ioc-sys-font-size-xl);
    font-weight: var(--ioc-sys-font-weight-bold);
    line-height: 1.2;
  }
  .region {
    min-width: 0;
    display: grid;
    gap: var(--ioc-board-gap, var(--ioc-sys-widget-gap, 12px));
  }
  .region > slot {
    display: contents;
  }
  /* A widget takes its track's width, never its content's: nothing pushes the board wider. */
  .region > slot > *,
  ::slotted(*) {
    min-width: 0;
  }
  .region-title {
    margin: 0;
    font-size: var(--ioc-sys-font-size-md);
    font-weight: var(--ioc-sys-font-weight-bold);
    color: var(--ioc-sys-color-on-surface-muted);
  }
  [part~='status'] {
    padding: var(--ioc-sys-space-3, 12px);
    border: var(--ioc-sys-border-width, 1px) solid var(--ioc-sys-color-negative);
    border-radius: var(--ioc-sys-radius);
    color: var(--ioc-sys-color-negative);
  }
  button {
    font: inherit;
    color: inherit;
  }
  button:focus-visible {
    outline: var(--ioc-sys-focus-width, 3px) solid var(--ioc-sys-color-focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    button:focus-visible {
      outline-color: Highlight;
    }
  }
`;

export const domainBoardStyles = css`
  .board {
    grid-template-areas: 'header' 'kpis' 'map' 'trend' 'ranking' 'alerts' 'table';
  }
  .kpis {
    grid-area: kpis;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10.5rem), 1fr));
  }
  .map {
    grid-area: map;
  }
  .trend {
    grid-area: trend;
  }
  .ranking {
    grid-area: ranking;
  }
  .table {
    grid-area: table;
  }
  .alerts {
    grid-area: alerts;
  }
  /*
   * A tablet or a laptop: two columns, the map beside the trend and the ranking, the alerts under
   * the map, and the table across the whole board (its indicator columns need the width).
   */
  @container ioc-board (min-width: 40rem) {
    .board {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      grid-template-areas: 'header header' 'kpis kpis' 'map trend' 'map ranking' 'alerts ranking' 'table table';
    }
    .kpis {
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    }
  }
  /* A laptop: three columns, the alerts down the right. */
  @container ioc-board (min-width: 72rem) {
    .board {
      grid-template-columns: repeat(3, minmax(0, 1fr));
      grid-template-areas: 'header header header' 'kpis kpis kpis' 'map trend alerts' 'map ranking alerts' 'table table table';
    }
  }
  /* An operations wall (3840 px): four columns, every region at once. */
  @container ioc-board (min-width: 150rem) {
    .board {
      grid-template-columns: repeat(4, minmax(0, 1fr));
      grid-template-areas: 'header header header header' 'kpis kpis kpis kpis' 'map trend ranking alerts' 'map table table alerts';
    }
  }
`;

export const overviewBoardStyles = css`
  .board {
    grid-template-areas: 'header' 'domains' 'alerts';
  }
  .domains {
    grid-area: domains;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
  }
  .alerts {
    grid-area: alerts;
  }
  [part~='domain'] {
    display: grid;
    gap: var(--ioc-sys-space-2, 8px);
    align-content: start;
    min-width: 0;
    padding: var(--ioc-sys-space-2, 8px);
    border: var(--ioc-sys-border-width, 1px) solid var(--ioc-sys-color-outline);
    border-radius: var(--ioc-sys-radius);
    background: var(--ioc-sys-color-surface-raised);
    cursor: pointer;
  }
  [part~='domain']:hover {
    border-color: var(--ioc-sys-color-outline-strong);
  }
  /* A tile reads at a glance: the insight's one sentence (brief), its details left to the domain's board. */
  [part~='domain'] ioc-insight::part(base) {
    padding: var(--ioc-sys-space-1, 4px) var(--ioc-sys-space-2, 8px);
    border: 0;
    background: transparent;
  }
  [part~='domain'] h3 {
    margin: 0;
    font-size: var(--ioc-sys-font-size-md);
  }
  [part~='domain-button'] {
    display: flex;
    width: 100%;
    justify-content: space-between;
    align-items: center;
    gap: var(--ioc-sys-space-2, 8px);
    padding: var(--ioc-sys-space-1, 4px) var(--ioc-sys-space-2, 8px);
    border: 0;
    border-radius: var(--ioc-sys-radius);
    background: transparent;
    font-weight: var(--ioc-sys-font-weight-bold);
    text-align: start;
    cursor: pointer;
  }
  [part~='domain-button']:hover {
    text-decoration: underline;
  }
  @container ioc-board (min-width: 72rem) {
    .board {
      grid-template-columns: repeat(3, minmax(0, 1fr));
      grid-template-areas: 'header header header' 'domains domains alerts';
    }
    .domains {
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
    }
  }
  @container ioc-board (min-width: 150rem) {
    .board {
      grid-template-columns: repeat(4, minmax(0, 1fr));
      grid-template-areas: 'header header header header' 'domains domains domains alerts';
    }
    .domains {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
`;
