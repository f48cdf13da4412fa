import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Indicator } from '@ioc-kit/data';
import type { IocContextValue } from './context.js';
import { catalogueIndicator, listedIndicator, loadCatalogue } from './indicator.js';

/**
 * Indicator metadata for a widget: name, unit, decimals, polarity and bands, from the provider's
 * source first (a province may define indicators the built-in catalogue lacks), else from the
 * built-in catalogue, which loads on first need (a separate chunk) and renders the host again
 * when it arrives.
 *
 * ```ts
 * private readonly indicators = new IndicatorController(this, () => this.context);
 * render() { const info = this.indicators.info(this.indicator); ... }
 * ```
 *
 * `key` changes whenever the metadata the widget reads may have changed: put it in cache keys.
 */
export class IndicatorController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #context: () => IocContextValue | undefined;
  #catalogueLoaded = false;

  constructor(host: ReactiveControllerHost, context: () => IocContextValue | undefined) {
    this.#host = host;
    this.#context = context;
    host.addController(this);
  }

  /** Nothing to set up: it renders the host again when its own state changes. */
  hostConnected(): void {}

  /** Changes when the indicator metadata arrives (the provider's list, the catalogue). */
  get key(): string {
    return `${this.#context()?.indicators?.length ?? -1}/${this.#catalogueLoaded ? 1 : 0}`;
  }

  /** The indicator with this id, or undefined while unknown (the host renders again when it is known). */
  info(id: string | undefined): Indicator | undefined {
    if (!id) return undefined;
    const context = this.#context();
    const listed = listedIndicator(context?.indicators, id);
    if (listed) return listed;
    // The provider's list is on its way: the context update renders again, no catalogue needed yet.
    if (context?.source && !context.indicators) return undefined;
    const known = catalogueIndicator(id);
    if (!known && !this.#catalogueLoaded) {
      void loadCatalogue().then((loaded) => {
        if (!loaded || this.#catalogueLoaded) return;
        this.#catalogueLoaded = true;
        this.#host.requestUpdate();
      });
    }
    return known;
  }
}
