import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SizeController, type ChartSize } from './size-controller.js';

export interface DrawOptions<R> {
  /** The element the chart draws into (Lit never touches its children). */
  surface: () => HTMLElement | undefined;
  /** The result to show (ready or stale data), else undefined: the surface is then emptied. */
  result: () => R | undefined;
  /** False while the plot is not on screen (the table shows instead): nothing is drawn then. */
  visible?: () => boolean;
  /** Values besides the result and size whose change needs a redraw (names, settings, a second result). */
  inputs?: () => readonly unknown[];
  /** Draws `result` at `size` into `surface`. */
  draw: (surface: HTMLElement, result: R, size: ChartSize) => void;
  /** Empties the surface when there is nothing to show (default: removes its children). */
  clear?: (surface: HTMLElement) => void;
}

/**
 * Draws a chart into its surface after the host rendered, at the size the `ResizeObserver`
 * reports, and only when something it depends on changed: the result, the size, the listed
 * inputs, or a `request()` (a property changed, the theme changed). The first draw of a result
 * gets the `enter` class for its entrance transition, unless the user asked for reduced motion.
 *
 * ```ts
 * private readonly drawing = new DrawController(this, {
 *   surface: () => this.renderRoot.querySelector('.surface') ?? undefined,
 *   result: () => (this.state === 'ready' ? this.loader.value : undefined),
 *   inputs: () => [this.form, this.target],
 *   draw: (surface, result, size) => renderGauge(surface, result.value, options, size),
 * });
 * protected willUpdate(changed) { if (changed.size > 0) this.drawing.request(); }
 * ```
 */
export class DrawController<R> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: DrawOptions<R>;
  readonly #sizer: SizeController;
  #drawn?: { result: R; width: number; height: number; inputs: readonly unknown[] };
  #requested = true;

  constructor(host: ReactiveControllerHost & HTMLElement, options: DrawOptions<R>) {
    this.#host = host;
    this.#options = options;
    this.#sizer = new SizeController(host);
    host.addController(this);
  }

  /** The surface's size as last reported. */
  get size(): ChartSize | undefined {
    return this.#sizer.size;
  }

  /** Draws again after the next update even if nothing it compares changed. */
  request(): void {
    this.#requested = true;
  }

  hostUpdated(): void {
    this.drawNow();
  }

  /**
   * Draws now, outside an update, if something it compares changed: for a change that only the
   * drawing shows (live points on a plot whose words stay true), without rendering the host.
   */
  drawNow(): void {
    const surface = this.#options.surface();
    this.#sizer.observe(surface);
    if (!surface) return;
    const result = this.#options.result();
    if (result === undefined) {
      if (this.#drawn) (this.#options.clear ?? clearSurface)(surface);
      this.#drawn = undefined;
      return;
    }
    const size = this.#sizer.size;
    if (!size || size.width <= 0 || size.height <= 0 || this.#options.visible?.() === false) return;
    const inputs = this.#options.inputs?.() ?? [];
    const drawn = this.#drawn;
    const same =
      drawn !== undefined &&
      drawn.result === result &&
      drawn.width === size.width &&
      drawn.height === size.height &&
      drawn.inputs.length === inputs.length &&
      drawn.inputs.every((input, i) => input === inputs[i]);
    if (same && !this.#requested) return;
    this.#requested = false;
    this.#drawn = { result, width: size.width, height: size.height, inputs };
    this.#options.draw(surface, result, size);
    if (!drawn && this.#motionAllowed()) {
      surface.classList.remove('enter');
      surface.classList.add('enter');
    }
  }

  #motionAllowed(): boolean {
    return this.#host.ownerDocument.defaultView?.matchMedia('(prefers-reduced-motion: no-preference)').matches ?? false;
  }
}

function clearSurface(surface: HTMLElement): void {
  surface.replaceChildren();
}
