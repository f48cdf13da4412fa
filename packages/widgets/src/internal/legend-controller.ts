import { html, nothing, svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Locale } from '@ioc-kit/data';
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
            ${item.dash
              ? html`<svg class="swatch-line" aria-hidden="true" viewBox="0 0 24 8" ${cssVars({ '--_swatch': item.color })}>
                  ${svg`<line x1="0" y1="4" x2="24" y2="4" stroke-dasharray=${item.dash.length ? item.dash.join(' ') : nothing}></line>`}
                </svg>`
              : html`<span class=${item.dashed ? 'swatch dashed' : 'swatch'} aria-hidden="true" ${cssVars({ '--_swatch': item.color })}></span>`}${item.label}
          </button>`,
      )}
    </div>`;
  }
}
