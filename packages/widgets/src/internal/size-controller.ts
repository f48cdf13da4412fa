import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A box's size in CSS pixels, as the ResizeObserver reports it (never measured by reading layout). */
export interface ChartSize {
  width: number;
  height: number;
}

/**
 * The size of an element in the host's shadow root (a chart's plot surface), from a
 * `ResizeObserver`: whole CSS pixels of the entry's content box, never a forced layout. The host
 * renders again only when the size really changed.
 *
 * ```ts
 * private readonly sizer = new SizeController(this);
 * updated() { this.sizer.observe(this.renderRoot.querySelector('.surface')); }
 * draw() { const size = this.sizer.size; if (size) renderChart(surface, data, options, size); }
 * ```
 *
 * A plain observer rather than Lit's `ResizeController`: that one renders the host again on
 * every report, including the first one of a size nothing was drawn at yet.
 */
export class SizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #size?: ChartSize;
  #observer?: ResizeObserver;
  #target?: Element;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The size last reported, undefined before the first report. */
  get size(): ChartSize | undefined {
    return this.#size;
  }

  /** Watches `element` (no-op when it is already watched); undefined stops watching. */
  observe(element: Element | null | undefined): void {
    if ((element ?? undefined) === this.#target) return;
    if (this.#target) this.#observer?.unobserve(this.#target);
    this.#target = element ?? undefined;
    if (!element) return;
    const view = this.#host.ownerDocument.defaultView;
    if (!view?.ResizeObserver) return;
    this.#observer ??= new view.ResizeObserver(this.#onResize);
    this.#observer.observe(element);
  }

  hostConnected(): void {
    // Moved or re-attached: watch the same element again (its size may have changed meanwhile).
    if (this.#target) this.#observer?.observe(this.#target);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  readonly #onResize = (entries: ResizeObserverEntry[]): void => {
    const rect = entries[entries.length - 1]?.contentRect;
    if (!rect) return;
    const next = { width: Math.floor(rect.width), height: Math.floor(rect.height) };
    if (next.width === this.#size?.width && next.height === this.#size.height) return;
    this.#size = next;
    this.#host.requestUpdate();
  };
}
