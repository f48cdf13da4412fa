import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@ioc-kit/data';
import type { Scale } from '@ioc-kit/charts';
import { IocPeriodSelectEvent } from '../internal/events.js';
import { message } from '../internal/messages.js';
import * as words from '../internal/words.js';

/** Fired when the user zooms or pans: the visible time range, or undefined for all of it. */
export class IocZoomEvent extends Event {
  static readonly eventName = 'ioc-zoom';
  readonly domain: readonly [number, number] | undefined;
  constructor(domain: readonly [number, number] | undefined) {
    super(IocZoomEvent.eventName, { bubbles: true, composed: true });
    this.domain = domain;
  }
}

type Domain = readonly [number, number];

/** What zooming reads of the chart: its visible range (a reactive property), the data's extent and the drawn scales. */
export interface ZoomOptions {
  /** The element that fires `ioc-zoom`. */
  host: HTMLElement;
  domain: () => Domain | undefined;
  setDomain: (domain: Domain | undefined) => void;
  /** First and last time of the data (`[NaN, NaN]` without any), and how many points the first series has. */
  extent: () => { range: [number, number]; points: number };
  /** The main chart's time scale, as last drawn. */
  xScale: () => Scale | undefined;
  /** The overview strip's time scale, as last drawn. */
  overviewScale: () => Scale | undefined;
  /** The plot's surface, which plot px are measured from. */
  surface: () => HTMLElement | undefined;
  locale: () => Locale;
}

/**
 * Zoom and pan of `ioc-time-series`: the visible range clamped to the data, the keys (`+`, `-`,
 * `0`, Shift+arrows), the wheel, dragging the plot, brushing the overview strip, and the
 * "show all" button; each change fires `ioc-zoom` and `ioc-period-select` (the range).
 */
export class TimeSeriesZoom {
  readonly #options: ZoomOptions;
  #drag?: { pointerId: number; x: number; domain: Domain; width: number };
  #brush?: { pointerId: number; x: number; time: number; moved: boolean };

  constructor(options: ZoomOptions) {
    this.#options = options;
  }

  /** Sets the visible range (clamped to the data, at least a few points wide) and tells listeners. */
  zoomTo(domain: Domain | undefined): void {
    const options = this.#options;
    const { range: extent, points } = options.extent();
    if (!domain || !Number.isFinite(extent[0]) || !Number.isFinite(extent[1])) {
      if (options.domain() !== undefined) {
        options.setDomain(undefined);
        options.host.dispatchEvent(new IocZoomEvent(undefined));
        options.host.dispatchEvent(new IocPeriodSelectEvent({ range: undefined }));
      }
      return;
    }
    const full = extent[1] - extent[0];
    const step = points > 1 ? full / (points - 1) : 60_000;
    const minimum = Math.min(full, Math.max(step * 4, 60_000));
    let [a, b] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
    if (b - a < minimum) {
      const middle = (a + b) / 2;
      [a, b] = [middle - minimum / 2, middle + minimum / 2];
    }
    if (b - a >= full) {
      this.zoomTo(undefined);
      return;
    }
    if (a < extent[0]) [a, b] = [extent[0], extent[0] + (b - a)];
    if (b > extent[1]) [a, b] = [extent[1] - (b - a), extent[1]];
    const next: Domain = [a, b];
    options.setDomain(next);
    options.host.dispatchEvent(new IocZoomEvent(next));
    // The same range as the page's selection, for an <ioc-provider> above (ISO, `to` exclusive).
    options.host.dispatchEvent(new IocPeriodSelectEvent({ range: { from: new Date(a).toISOString(), to: new Date(b).toISOString() } }));
  }

  #current(): Domain | undefined {
    return this.#options.domain() ?? this.#options.xScale()?.domain;
  }

  /** Zooms by `factor` (< 1 in) around `center` (epoch ms; default the middle). */
  zoomBy(factor: number, center?: number): void {
    const domain = this.#current();
    if (!domain || !(factor > 0)) return;
    const [a, b] = domain;
    const c = center ?? (a + b) / 2;
    this.zoomTo([c - (c - a) * factor, c + (b - c) * factor]);
  }

  /** Moves the visible range by `fraction` of its width (negative: back in time). */
  panBy(fraction: number): void {
    const domain = this.#current();
    if (!domain || !this.#options.domain()) return;
    const shift = (domain[1] - domain[0]) * fraction;
    this.zoomTo([domain[0] + shift, domain[1] + shift]);
  }

  /** The zoom keys; true when `event` was one. */
  handleKey(event: KeyboardEvent): boolean {
    switch (event.key) {
      case '+':
      case '=':
        this.zoomBy(0.5);
        return true;
      case '-':
      case '_':
        this.zoomBy(2);
        return true;
      case '0':
        this.zoomTo(undefined);
        return true;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (!event.shiftKey) return false;
        this.panBy(event.key === 'ArrowLeft' ? -0.25 : 0.25);
        return true;
      default:
        return false;
    }
  }

  /** "Show all", after a zoom. */
  renderReset(): TemplateResult | typeof nothing {
    if (!this.#options.domain()) return nothing;
    return html`<button type="button" part="reset-zoom" @click=${() => this.zoomTo(undefined)}>${message(words.resetZoom, this.#options.locale())}</button>`;
  }

  /** The overview strip, brushed to zoom. */
  renderOverview(): TemplateResult {
    return html`<div
      part="overview"
      aria-hidden="true"
      title=${message(words.overview, this.#options.locale())}
      @pointerdown=${this.#onBrushDown}
      @pointermove=${this.#onBrushMove}
      @pointerup=${this.#onBrushUp}
      @pointercancel=${this.#onBrushUp}
    >
      <div class="overview-surface"></div>
      <div class="overview-window"></div>
    </div>`;
  }

  /** Wheel and drag on the plot (once, after the first render). */
  attach(plot: HTMLElement): void {
    // Not passive: a wheel over the chart zooms it instead of scrolling the page.
    plot.addEventListener('wheel', this.#onWheel, { passive: false });
    plot.addEventListener('pointerdown', this.#onPanDown);
    plot.addEventListener('pointermove', this.#onPanMove);
    plot.addEventListener('pointerup', this.#onPanUp);
    plot.addEventListener('pointercancel', this.#onPanUp);
  }

  /** Forgets a drag or brush under way (the element left the page). */
  cancel(): void {
    this.#drag = undefined;
    this.#brush = undefined;
  }

  #plotX(event: MouseEvent): number {
    const surface = this.#options.surface();
    return surface ? event.clientX - surface.getBoundingClientRect().left : Number.NaN;
  }

  readonly #onWheel = (event: WheelEvent) => {
    const scale = this.#options.xScale();
    if (!scale || event.deltaY === 0) return;
    event.preventDefault();
    const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    const factor = Math.min(2, Math.max(0.5, Math.exp(delta * 0.0015)));
    const x = this.#plotX(event);
    this.zoomBy(factor, Number.isFinite(x) ? scale.invert(Math.min(scale.range[1], Math.max(scale.range[0], x))) : undefined);
  };

  readonly #onPanDown = (event: PointerEvent) => {
    const domain = this.#options.domain();
    const scale = this.#options.xScale();
    if (event.button !== 0 || !domain || !scale) return;
    this.#drag = { pointerId: event.pointerId, x: event.clientX, domain, width: scale.range[1] - scale.range[0] };
    capturePointer(event);
    (event.currentTarget as HTMLElement).classList.add('panning');
  };

  readonly #onPanMove = (event: PointerEvent) => {
    const drag = this.#drag;
    if (!drag || drag.pointerId !== event.pointerId || drag.width <= 0) return;
    const span = drag.domain[1] - drag.domain[0];
    const shift = (-(event.clientX - drag.x) / drag.width) * span;
    this.zoomTo([drag.domain[0] + shift, drag.domain[1] + shift]);
  };

  readonly #onPanUp = (event: PointerEvent) => {
    if (this.#drag?.pointerId !== event.pointerId) return;
    this.#drag = undefined;
    (event.currentTarget as HTMLElement).classList.remove('panning');
  };

  #overviewTime(event: PointerEvent): number {
    const scale = this.#options.overviewScale();
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    if (!scale) return Number.NaN;
    return scale.invert(Math.min(scale.range[1], Math.max(scale.range[0], event.clientX - box.left)));
  }

  readonly #onBrushDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    const time = this.#overviewTime(event);
    if (!Number.isFinite(time)) return;
    this.#brush = { pointerId: event.pointerId, x: event.clientX, time, moved: false };
    capturePointer(event);
  };

  readonly #onBrushMove = (event: PointerEvent) => {
    const brush = this.#brush;
    if (!brush || brush.pointerId !== event.pointerId) return;
    if (Math.abs(event.clientX - brush.x) < 3 && !brush.moved) return;
    brush.moved = true;
    const time = this.#overviewTime(event);
    if (Number.isFinite(time)) this.zoomTo([Math.min(brush.time, time), Math.max(brush.time, time)]);
  };

  readonly #onBrushUp = (event: PointerEvent) => {
    const brush = this.#brush;
    if (!brush || brush.pointerId !== event.pointerId) return;
    this.#brush = undefined;
    if (brush.moved) return;
    // A click centres the current window there.
    const domain = this.#current();
    if (domain && this.#options.domain()) {
      const half = (domain[1] - domain[0]) / 2;
      this.zoomTo([brush.time - half, brush.time + half]);
    }
  };
}

/** Keeps a drag going when the pointer leaves the element; a pointer the browser no longer tracks cannot be captured. */
function capturePointer(event: PointerEvent): void {
  try {
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
  } catch {
    // Not capturing only means a drag ends at the element's edge.
  }
}
