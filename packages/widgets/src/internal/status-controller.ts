import type { ReactiveController, ReactiveControllerHost, TemplateResult, nothing } from 'lit';
import type { ConfigError, Locale, Query } from '@ioc-kit/data';
import type { IocContextValue } from './context.js';
import type { DataController, DataState } from './data-controller.js';
import { MissingSettingError, renderStatus } from './status.js';

export interface StatusOptions<Q extends Query> {
  /** The data controller whose state is shown. */
  loader: DataController<Q>;
  /** A set-up mistake to show instead of loading (no indicator, say); ignored while data is given directly. */
  configError?: () => ConfigError | undefined;
  /** True when the widget was given its data directly (then no set-up mistake applies). */
  direct?: () => boolean;
  locale: () => Locale;
  timeZone: () => string;
  /** The widget's clock (`IocElement.now`): a retry time is said on it, not on the viewer's. */
  now: () => number;
}

/**
 * The state a widget shows and the status line for it: pending (a skeleton), empty, stale (the
 * last good data, how old, a retry button) and error (a short sentence, retry, details), over a
 * `DataController` and the widget's own set-up check. It also reflects the state to the host's
 * `state` attribute after each update, for styles and tests.
 *
 * ```ts
 * private readonly status = new StatusController(this, { loader: this.loader, configError: () => ..., locale: () => this.effectiveLocale, timeZone: () => this.effectiveTimeZone, now: () => this.now });
 * get state() { return this.status.state; }
 * render() { return html`... ${this.status.render()}`; }
 * ```
 */
export class StatusController<Q extends Query> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: StatusOptions<Q>;

  constructor(host: ReactiveControllerHost & HTMLElement, options: StatusOptions<Q>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The set-up mistake in force, if the widget was not given its data directly. */
  get configError(): ConfigError | undefined {
    return this.#options.direct?.() ? undefined : this.#options.configError?.();
  }

  /** `pending`, `ready`, `empty`, `stale`, `error` or `idle`. */
  get state(): DataState {
    return this.configError ? 'error' : this.#options.loader.state;
  }

  hostUpdated(): void {
    const state = this.state;
    if (this.#host.getAttribute('state') !== state) this.#host.setAttribute('state', state);
  }

  /** The status line for the current state (nothing when ready). */
  render(state: DataState = this.state): TemplateResult | typeof nothing {
    const config = this.configError;
    const loader = this.#options.loader;
    const retryAt = loader.retryAt;
    return renderStatus({
      state,
      locale: this.#options.locale(),
      timeZone: this.#options.timeZone(),
      error: config ?? loader.error,
      staleness: loader.staleness,
      // On the widget's clock: a pinned story or replay says its own time, not the viewer's.
      retryAt: retryAt === undefined ? undefined : this.#options.now() + Math.max(0, retryAt - Date.now()),
      onRetry: config ? undefined : this.#retry,
    });
  }

  readonly #retry = () => this.#options.loader.refresh();
}

/**
 * Why a widget has no area to ask for: `'waiting'` while the provider looks one up, else a
 * `ConfigError` that says how to give one; undefined when it has an area.
 */
export function areaProblem(tag: string, area: string | undefined, context: IocContextValue | undefined): ConfigError | 'waiting' | undefined {
  if (area) return undefined;
  if (context?.areaPending) return 'waiting';
  return new MissingSettingError(
    'area',
    `<${tag}> has no area: set area="…" on it or on its <ioc-provider>${context?.source ? `; source "${context.source.id}" lists no single province to default to` : ''}.`,
  );
}
