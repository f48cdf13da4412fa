import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataState } from '../internal/data-controller.js';

/** A board's state, from its widgets': `pending`, `ready`, `stale` (some widgets failed or are stale), `empty`, `error`. */
export type BoardState = Exclude<DataState, 'idle'>;

/**
 * Sums up the states of the widgets a board holds (its own regions and what is slotted into
 * them) as the board's `state` attribute: `pending` while any widget is still loading, `error`
 * only when every widget failed, `stale` when some failed or show older data and the rest are
 * live, `empty` when all are empty, else `ready`. A widget counts once it is defined and
 * reflects a `state`; a tag no script defined (yet) is left out.
 */
export class BoardStateController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #override: () => BoardState | undefined;
  #observer?: MutationObserver;
  #state: BoardState = 'pending';

  constructor(host: ReactiveControllerHost & HTMLElement, override: () => BoardState | undefined = () => undefined) {
    this.#host = host;
    this.#override = override;
    host.addController(this);
  }

  get state(): BoardState {
    return this.#state;
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.sync());
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  hostUpdated(): void {
    const observer = this.#observer;
    if (observer) {
      observer.disconnect();
      const watch = { attributes: true, attributeFilter: ['state'], childList: true, subtree: true };
      observer.observe(this.#host, watch);
      if (this.#host.shadowRoot) observer.observe(this.#host.shadowRoot, watch);
    }
    this.sync();
  }

  /** The widgets counted: defined `ioc-*` elements with a `state`, in the shadow root and slotted in. */
  widgets(): HTMLElement[] {
    const found: HTMLElement[] = [];
    const roots: ParentNode[] = [this.#host];
    if (this.#host.shadowRoot) roots.push(this.#host.shadowRoot);
    for (const root of roots) {
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (element.localName.startsWith('ioc-') && element.localName !== 'ioc-provider' && element.hasAttribute('state') && customElements.get(element.localName)) found.push(element);
      }
    }
    return found;
  }

  private sync(): void {
    const next = this.#override() ?? summarise(this.widgets().map((element) => element.getAttribute('state') ?? ''));
    this.#state = next;
    if (this.#host.getAttribute('state') !== next) this.#host.setAttribute('state', next);
  }
}

function summarise(states: readonly string[]): BoardState {
  if (states.length === 0 || states.some((state) => state === 'pending' || state === 'idle')) return 'pending';
  if (states.every((state) => state === 'error')) return 'error';
  if (states.some((state) => state === 'error' || state === 'stale')) return 'stale';
  if (states.every((state) => state === 'empty')) return 'empty';
  return 'ready';
}
