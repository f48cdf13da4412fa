import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A point the keyboard can move to: what to announce and where to mark it (plot px). */
export interface NavPoint {
  label: string;
  x: number;
  y: number;
}

/**
 * Which way each arrow key moves through a chart's points: `1` to the next point (the index
 * after), `-1` to the previous. PageUp and PageDown jump as ArrowUp and ArrowDown step.
 */
export type NavKeySteps = Readonly<Record<'ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown', 1 | -1>>;

/** Along a time or category axis: right and up go forward, left and down back. */
export const AXIS_NAV_KEYS: NavKeySteps = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };
/** Down a list drawn from the top (a horizontal ranking): down and right go to the next row. */
export const LIST_NAV_KEYS: NavKeySteps = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export interface NavigationOptions {
  /** How many points there are to visit now (0: none). */
  count: () => number;
  /** Point `index`: its words and where it is. */
  point: (index: number) => NavPoint | undefined;
  /** How the arrow keys map onto the points' order; default `AXIS_NAV_KEYS`. */
  steps?: () => NavKeySteps;
  /** Keys the widget handles itself (zoom, moving in a grid); true when handled. */
  handleKey?: (event: KeyboardEvent) => boolean;
  /** The point under the pointer at plot px `(x, y)`, or -1. */
  indexAt?: (x: number, y: number) => number;
}

/**
 * Keyboard and pointer navigation between a chart's points: arrow keys (mapped by `NavKeySteps`),
 * PageUp/PageDown by a tenth, Home/End, Escape; the pointer shows the point under it. The point
 * reached by the keyboard is announced (`announcement`, for an `aria-live` region).
 *
 * ```ts
 * private readonly nav = new NavigationController(this, { count: () => marks.length, point: (i) => ({ label, x, y }), steps: () => LIST_NAV_KEYS });
 * render() { return html`<div role="img" tabindex="0" @keydown=${this.nav.onKeyDown} ...>${this.nav.active >= 0 ? focusMark : nothing}</div>
 *   <div aria-live="polite">${this.nav.announcement}</div>`; }
 * ```
 *
 * Changes render the host again without any property changing, so a chart can tell the focus
 * mark moving from a change that needs a redraw.
 */
export class NavigationController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: NavigationOptions;
  #active = -1;
  #from: 'pointer' | 'keyboard' = 'keyboard';
  #announcement = '';

  constructor(host: ReactiveControllerHost, options: NavigationOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Nothing to set up: it renders the host again when its own state changes. */
  hostConnected(): void {}

  /** Index of the point the keyboard or pointer is on, -1 for none. */
  get active(): number {
    return this.#active;
  }

  /** Whether the active point came from the pointer (tooltip + crosshair) or the keyboard (focus ring). */
  get from(): 'pointer' | 'keyboard' {
    return this.#from;
  }

  /** The words of the last point the keyboard reached. */
  get announcement(): string {
    return this.#announcement;
  }

  /** The active point, when there is one and it has a place on the plot. */
  get activePoint(): NavPoint | undefined {
    if (this.#active < 0) return undefined;
    const point = this.#options.point(this.#active);
    return point && Number.isFinite(point.x) && Number.isFinite(point.y) ? point : undefined;
  }

  /** Moves to point `index` (clamped) and, from the keyboard, announces it. */
  focus(index: number, from: 'pointer' | 'keyboard' = 'keyboard'): void {
    const count = this.#options.count();
    if (count <= 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    this.#set(next, from, from === 'keyboard' ? (this.#options.point(next)?.label ?? '') : this.#announcement);
  }

  /** Leaves every point (Escape, or the data went away). */
  clear(): void {
    this.#set(-1, this.#from, '');
  }

  #set(active: number, from: 'pointer' | 'keyboard', announcement: string): void {
    if (active === this.#active && from === this.#from && announcement === this.#announcement) return;
    this.#active = active;
    this.#from = from;
    this.#announcement = announcement;
    this.#host.requestUpdate();
  }

  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (this.#options.handleKey?.(event)) {
      event.preventDefault();
      return;
    }
    const count = this.#options.count();
    if (count <= 0) return;
    const current = this.#active;
    const page = Math.max(1, Math.round(count / 10));
    const steps = this.#options.steps?.() ?? AXIS_NAV_KEYS;
    // From no point yet, a forward key lands on the first point and a backward one on the last.
    const move = (step: 1 | -1, by: number) => (current < 0 ? (step > 0 ? 0 : count - 1) : current + step * by);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowUp':
      case 'ArrowLeft':
      case 'ArrowDown':
        next = move(steps[event.key], 1);
        break;
      case 'PageUp':
        next = move(steps.ArrowUp, page);
        break;
      case 'PageDown':
        next = move(steps.ArrowDown, page);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      case 'Escape':
        // Escape that closes a point's tooltip is spent: it does not also leave the view (a provider goes up on it).
        if (current >= 0) event.preventDefault();
        this.clear();
        return;
      default:
        return;
    }
    event.preventDefault();
    this.focus(next, 'keyboard');
  };

  /** Shows the point under the pointer; `surface` is the element plot px are measured from. */
  pointerMove(event: PointerEvent, surface: Element | undefined): void {
    if (!surface || event.buttons !== 0 || !this.#options.indexAt) return;
    // offsetX/Y are relative to the event target, which may be a node inside the surface.
    const box = surface.getBoundingClientRect();
    const index = this.#options.indexAt(event.clientX - box.left, event.clientY - box.top);
    if (index < 0) {
      if (this.#from === 'pointer') this.#set(-1, this.#from, this.#announcement);
      return;
    }
    if (index !== this.#active || this.#from !== 'pointer') this.focus(index, 'pointer');
  }

  readonly onPointerLeave = (): void => {
    if (this.#from === 'pointer') this.#set(-1, this.#from, this.#announcement);
  };

  readonly onBlur = (): void => {
    if (this.#from === 'keyboard') this.#set(-1, this.#from, this.#announcement);
  };
}
