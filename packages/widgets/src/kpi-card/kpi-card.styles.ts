import { css } from 'lit';

/**
 * A KPI card keeps one size in every state: the frame's min-height is the budget of a ready
 * card (title, value, four lines for change, comparison, a footer of up to two lines, or a stale
 * note), lines end in an ellipsis, and a loading placeholder or a message fills the rest.
 * Sizes come from the `--ioc-sys-widget-*` roles, which the wall theme writes in container
 * query units: the host is the container, so the value stays the largest thing on any card.
 */
export const kpiCardStyles = css`
  :host {
    /* A flex column, so the card fills a host stretched by the page's grid, and holds its budget otherwise. */
    display: flex;
    flex-direction: column;
    min-width: 12rem;
    container-type: inline-size;
    --_surface: var(--ioc-kpi-card-surface, var(--ioc-sys-color-surface));
    --_border: var(--ioc-kpi-card-border-color, var(--ioc-sys-color-outline));
    --_radius: var(--ioc-kpi-card-radius, var(--ioc-sys-radius));
    --_padding: var(--ioc-kpi-card-padding, var(--ioc-sys-widget-padding));
    --_gap: var(--ioc-sys-widget-gap);
    --_value-size: var(--ioc-kpi-card-value-size, var(--ioc-sys-widget-value-size));
    --_title-size: var(--ioc-sys-widget-title-size);
    --_text-size: var(--ioc-sys-widget-text-size);
    --_label-size: var(--ioc-sys-widget-label-size);
    /* The value's line is as high in every state as the largest value can be: the budget never depends on the data. */
    --_reading-block: calc(var(--_value-size) * 1.15);
    --_line: calc(var(--_text-size) * 1.4);
    /* What the sparkline renderer reads back (readThemePalette): the line in the first chart colour. */
    --_chart-series-1: var(--ioc-kpi-card-sparkline-color, var(--ioc-sys-color-chart-1, var(--ioc-sys-color-primary)));
    --_chart-text: var(--ioc-sys-color-on-surface);
    --_chart-muted: var(--ioc-sys-color-on-surface-muted);
    --_chart-surface: var(--_surface);
    --_chart-line-width: var(--ioc-sys-widget-line-width, 1.5px);
  }
  [part='base'] {
    position: relative;
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    gap: var(--_gap);
    /* The budget is the content box, so a padding hook of any form (0, 1em) adds to it. */
    box-sizing: content-box;
    min-height: calc(var(--_title-size) * 1.3 + var(--_reading-block) + 4 * var(--_line) + 5 * var(--_gap));
    margin: 0;
    padding: var(--_padding);
    overflow: hidden;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /* Only the frame counts its budget as content; everything inside is sized border-box as before. */
  [part='base'] > * {
    box-sizing: border-box;
  }
  /* The title, with the stale badge at its end. */
  .head {
    flex: none;
    display: flex;
    align-items: flex-start;
    gap: var(--_gap);
  }
  [part='stale-badge'] {
    flex: none;
    margin-inline-start: auto;
    padding: 0.05em 0.5em;
    font-size: var(--_label-size);
    /* No taller than the title's line: the badge never changes the card's height. */
    line-height: 1.2;
    box-sizing: border-box;
    max-height: calc(var(--_title-size) * 1.3);
    overflow: hidden;
    white-space: nowrap;
    color: var(--ioc-sys-color-on-surface);
    background: var(--ioc-sys-color-surface);
    border: 1px solid var(--ioc-sys-color-warning, var(--ioc-sys-color-outline));
    border-radius: 999px;
  }
  /* With a badge the title keeps one line (the full name is its tooltip): the card keeps its height. */
  .head:has([part='stale-badge']) [part='header'] {
    -webkit-line-clamp: 1;
    line-clamp: 1;
  }
  [part='stale-badge']::before {
    content: '◷';
    margin-inline-end: 0.3em;
  }
  [part='header'] {
    flex: 1 1 auto;
    min-width: 0;
    margin: 0;
    font-size: var(--_title-size);
    font-weight: var(--ioc-sys-font-weight-bold);
    color: var(--ioc-sys-color-on-surface-muted);
    line-height: 1.3;
    /* Two lines at a desk, one on the wall, then an ellipsis: a long name never pushes the value down. */
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--ioc-sys-widget-title-lines, 2);
    line-clamp: var(--ioc-sys-widget-title-lines, 2);
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .reading {
    /* Long values (1.991.172) shrink to fit the card: --_value-chars is the reading's width in characters. */
    --_value-font: min(var(--_value-size), calc(86cqi / (var(--_value-chars, 6) * 0.58)));
    flex: none;
    display: flex;
    align-items: baseline;
    gap: var(--_gap);
    height: var(--_reading-block);
    /* A value made smaller to fit sits in the middle of its line. */
    padding-top: calc((var(--_value-size) - var(--_value-font)) * 0.575);
    line-height: 1.15;
    overflow: hidden;
  }
  [part='value'] {
    flex: none;
    font-size: var(--_value-font);
    font-weight: var(--ioc-sys-font-weight-bold);
    font-variant-numeric: tabular-nums;
  }
  [part='unit'],
  [part='band'] {
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  [part='unit'] {
    flex: none;
    font-size: max(var(--_text-size), calc(var(--_value-font) * 0.4));
    color: var(--ioc-sys-color-on-surface-muted);
  }
  [part='band'] {
    /* In a narrow card the band's word gives way first; its colour dot stays. */
    flex: 0 100 auto;
    min-width: 1.2em;
    font-size: var(--_text-size);
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
  [part='delta'],
  [part='comparison'],
  [part='footer'] {
    flex: none;
    margin: 0;
    line-height: 1.4;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [part='delta'] {
    font-size: var(--_text-size);
    font-variant-numeric: tabular-nums;
    color: var(--ioc-sys-color-neutral);
  }
  [part='delta'].good,
  [part='trend'].good,
  [part='comparison'] dd.vs.good {
    color: var(--ioc-sys-color-positive);
  }
  [part='delta'].bad,
  [part='trend'].bad,
  [part='comparison'] dd.vs.bad {
    color: var(--ioc-sys-color-negative);
  }
  [part='comparison'] dd.vs {
    margin-inline-start: 0.4em;
    color: var(--ioc-sys-color-neutral);
  }
  [part='comparison'] dd.vs .arrow {
    min-width: 0;
    margin-inline-end: 0.15em;
  }
  /* The recent trend: a line as high as two lines of text, and its significance in words. */
  [part='sparkline'] {
    flex: none;
    height: calc(2 * var(--_line));
    min-width: 0;
    overflow: hidden;
  }
  [part='sparkline'] svg {
    display: block;
  }
  [part='trend'] {
    flex: none;
    font-size: var(--_label-size);
    line-height: 1.4;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    color: var(--ioc-sys-color-neutral);
  }
  /* A card with its trend has room for the line and its words in every state. */
  :host([trend]) [part='base'] {
    min-height: calc(var(--_title-size) * 1.3 + var(--_reading-block) + 7 * var(--_line) + 7 * var(--_gap));
  }
  /*
   * Compact: the title, the reading, one change line and the room of two more: the trend's line
   * when fresh, the stale note (which then takes the line's place) when not.
   */
  :host([compact]) [part='base'],
  :host([compact][trend]) [part='base'] {
    min-height: calc(var(--_title-size) * 1.3 + var(--_reading-block) + 3 * var(--_line) + 4 * var(--_gap));
  }
  :host([compact][state='stale']) [part='sparkline'] {
    display: none;
  }
  /* A compact stale card: the badge shows the age, the sentence is read aloud, retry stays. */
  :host([compact][state='stale']) [part='status'] .status-text {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :host([compact]) [part='sparkline'] {
    height: var(--_line);
  }
  :host([compact]) [part='header'] {
    -webkit-line-clamp: 1;
    line-clamp: 1;
  }
  .arrow {
    display: inline-block;
    min-width: 1em;
  }
  [part='comparison'] {
    display: flex;
    gap: 1em;
    font-size: var(--_label-size);
    color: var(--ioc-sys-color-on-surface-muted);
  }
  /* Side by side in equal halves; in a narrow card the words give way, never the numbers. */
  .comparison-item {
    flex: 1 1 0;
    display: flex;
    min-width: 0;
  }
  [part='comparison'] dt {
    min-width: 1ch;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [part='comparison'] dt::after {
    content: ':';
  }
  [part='comparison'] dd {
    flex: none;
    margin: 0 0 0 0.3em;
    font-variant-numeric: tabular-nums;
    color: var(--ioc-sys-color-on-surface);
  }
  /* The footer may take two lines (the budget's fourth is free while the card is fresh). */
  [part='footer'] {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    white-space: normal;
    font-size: var(--_label-size);
    color: var(--ioc-sys-color-on-surface-muted);
  }
  /* A stale card says how old its data is where the "updated" line was. */
  :host([state='stale']) [part='footer'] {
    display: none;
  }
  .skeleton {
    display: block;
    flex: none;
    width: calc(var(--_value-size) * 2.5);
    max-width: 100%;
    height: var(--_reading-block);
  }
  [part='status'] {
    font-size: var(--_text-size);
    line-height: 1.35;
    overflow-wrap: anywhere;
  }
  /* Empty and error: the message sits centred where the value would be, and scrolls there if long. */
  :host([state='empty']) [part='status'],
  :host([state='error']) [part='status'] {
    flex: 1 1 0;
    min-height: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: safe center;
    gap: var(--_gap);
    overflow: auto;
    text-align: center;
  }
  /* Stale: a note at the foot of the card (message, retry, details) in the room of two lines. */
  :host([state='stale']) [part='status'] {
    flex: none;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_gap) / 2) var(--_gap);
    max-height: calc(2 * var(--_line) + var(--_gap));
    margin-top: auto;
    overflow: auto;
  }
  [part='status'] button {
    font: inherit;
    font-size: var(--_label-size);
    line-height: 1.25;
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
  [part='status'] details,
  [part='status'] summary {
    max-width: 100%;
    font-size: var(--_label-size);
  }
  .short {
    display: none;
  }
  /*
   * A narrow card keeps every number and gives up words: the change loses "so với kỳ trước",
   * "Cùng kỳ năm trước" becomes "Cùng kỳ" (the full words stay for screen readers and in the
   * tooltips). Narrower still, the comparisons take a line each and the footer keeps the time.
   */
  @container (max-width: 20rem) {
    [part='delta'] .words,
    [part='comparison'] .long {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    [part='comparison'] .short {
      display: inline;
    }
    [part='comparison'] .vs-number {
      display: none;
    }
  }
  @container (max-width: 14rem) {
    [part='comparison'] {
      flex-direction: column;
      gap: 0;
    }
    .comparison-item {
      flex: none;
    }
    [part='footer'] .words {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    [part='footer'] {
      -webkit-line-clamp: 1;
      line-clamp: 1;
    }
  }
`;
