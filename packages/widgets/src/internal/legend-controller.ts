import { html, nothing, svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Locale } from '@ioc-kit/data';
import { PATTERN_TILE, patternShapes, type FillPattern } from '@ioc-kit/charts';
import { cssVars } from './css-vars.js';
import { message } from './messages.js';
import * as words from './words.js';

/** One entry of a chart's legend: a series the user can hide and show again. */
export interface LegendItem {
  key: string;
  label: string;
  /** A CSS colour expression from tokens, e.g. `var(--_chart-series-2)`. */
  color: string;
  /** Drawn as a short dashed line rather than a square, for a series the chart draws dashed. */
  dashed?: boolean;
  /**
   * The series' own dash pattern in px, when the chart draws it with one (under forced colours
   * every series has the same colour and its pattern tells it apart): drawn as a short line,
   * solid when empty.
   */
  dash?: readonly number[];
  /**
   * The fill pattern the chart draws the item with under forced colours (every slice or bar has
   * the same colour there and its pattern tells it apart): drawn as a small patterned square.
   */
  pattern?: FillPattern;
}

/** True when `element`'s window is in forced-colours mode (the charts then draw patterns). */
export function forcedColorsActive(element: Element): boolean {
  return element.ownerDocument.defaultView?.matchMedia?.('(forced-colors: active)').matches === true;
}

/**
 * A swatch of fill pattern `pattern` as the charts draw it (`patternShapes`, two tiles a side),
 * ink in the chart's text colour on its surface, outlined.
 */
export function patternSwatch(pattern: FillPattern): TemplateResult {
  const shapes = patternShapes(pattern);
  const tile = PATTERN_TILE;
  const offsets = [0, tile];
  return html`<svg class="swatch-fill" aria-hidden="true" data-pattern=${pattern} viewBox="0 0 ${2 * tile} ${2 * tile}">
    ${svg`<rect class=${shapes.solid ? 'ink' : 'ground'} x="0" y="0" width=${2 * tile} height=${2 * tile}></rect>`}
    ${offsets.flatMap((dx) =>
      offsets.flatMap((dy) => [
        ...shapes.lines.map(([x1, y1, x2, y2]) => svg`<line class="ink-line" x1=${x1 + dx} y1=${y1 + dy} x2=${x2 + dx} y2=${y2 + dy} stroke-width=${shapes.width}></line>`),
        ...shapes.dots.map(([cx, cy, r]) => svg`<circle class="ink" cx=${cx + dx} cy=${cy + dy} r=${r}></circle>`),
      ]),
    )}
    ${svg`<rect class="edge" x="0.5" y="0.5" width=${2 * tile - 1} height=${2 * tile - 1}></rect>`}
  </svg>`;
}

export interface LegendOptions {
  /** The keys hidden now (usually the host's public `hiddenSeries` property). */
  hidden: () => ReadonlySet<string>;
  /** Stores a new set of hidden keys (the host renders and redraws with it). */
  setHidden: (hidden: ReadonlySet<string>) => void;
}

/**
 * A legend whose buttons hide and show series (`aria-pressed` says which are shown). The hidden
 * keys live where the host keeps them (a public `hiddenSeries` property), so a page can set them
 * too; the controller toggles them and renders the buttons.
 *
 * ```ts
 * private readonly legend = new LegendController(this, { hidden: () => this.hiddenSeries, setHidden: (next) => (this.hiddenSeries = next) });
 * render() { return html`${this.legend.render(items, this.effectiveLocale)}`; }
 * ```
 */
export class LegendController implements ReactiveController {
  readonly #options: LegendOptions;

  constructor(host: ReactiveControllerHost, options: LegendOptions) {
    this.#options = options;
    host.addController(this);
  }

  /** Nothing to set up: it renders the host again when its own state changes. */
  hostConnected(): void {}

  /** True when the series `key` is hidden. */
  isHidden(key: string): boolean {
    return this.#options.hidden().has(key);
  }

  /** Hides or shows a series; by default flips it. */
  toggle(key: string, visible = this.isHidden(key)): void {
    const next = new Set(this.#options.hidden());
    if (visible) next.delete(key);
    else next.add(key);
    this.#options.setHidden(next);
  }

  /** The legend group (`part="legend"`), one `legend-item` button per item. */
  render(items: readonly LegendItem[], locale: Locale): TemplateResult {
    return html`<div part="legend" role="group" aria-label=${message(words.legend, locale)}>
      ${items.map(
        (item) =>
          html`<button
            type="button"
            class="legend-item"
            part="legend-item"
            data-key=${item.key}
            aria-pressed=${this.isHidden(item.key) ? 'false' : 'true'}
            @click=${() => this.toggle(item.key)}
          >
            ${item.pattern
              ? patternSwatch(item.pattern)
              : item.dash
              ? html`<svg class="swatch-line" aria-hidden="true" viewBox="0 0 24 8" ${cssVars({ '--_swatch': item.color })}>
                  ${svg`<line x1="0" y1="4" x2="24" y2="4" stroke-dasharray=${item.dash.length ? item.dash.join(' ') : nothing}></line>`}
                </svg>`
              : html`<span class=${item.dashed ? 'swatch dashed' : 'swatch'} aria-hidden="true" ${cssVars({ '--_swatch': item.color })}></span>`}${item.label}
          </button>`,
      )}
    </div>`;
  }
}
