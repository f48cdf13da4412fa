import type { Alert, AlertStatus } from '@ioc-kit/data';

/**
 * What an acknowledge or resolve click asks the host to persist. The list shows the new status
 * at once (optimistic) and rolls it back, with a message, when the host refuses:
 * `preventDefault()` (refused now), `reject(reason)` (refused later), or a promise given to
 * `respond()` that rejects. Bubbles and is composed.
 *
 * ```js
 * list.addEventListener('ioc-alert-ack', (event) => event.respond(fetch(`/api/alerts/${event.alert.id}/ack`, { method: 'POST' }).then((r) => { if (!r.ok) throw new Error(r.statusText); })));
 * ```
 */
export abstract class IocAlertActionEvent extends Event {
  /** The alert clicked (the newest of its group). */
  readonly alert: Alert;
  /** Every alert of the row: a group of repeats is acknowledged or resolved together. */
  readonly alerts: readonly Alert[];
  /** The status the alerts get. */
  readonly status: AlertStatus;
  #outcome?: Promise<unknown>;
  #refuse?: (reason: unknown) => void;

  protected constructor(name: string, alerts: readonly Alert[], status: AlertStatus) {
    super(name, { bubbles: true, composed: true, cancelable: true });
    this.alerts = alerts;
    this.alert = alerts[0]!;
    this.status = status;
  }

  /** Hands the list the host's save: the change stands if it fulfils and is undone if it rejects. */
  respond(outcome: Promise<unknown>): void {
    this.#outcome = outcome;
  }

  /** Refuses the change (now or later): the list undoes it and says `reason`. */
  reject(reason: unknown = new Error('refused')): void {
    if (this.#refuse) this.#refuse(reason);
    else this.#outcome = Promise.reject(reason instanceof Error ? reason : new Error(String(reason)));
  }

  /** @internal The list waits on this: the host's promise, else a refusal that may come later. */
  settle(): Promise<unknown> {
    if (this.#outcome) return this.#outcome;
    return new Promise((_resolve, reject) => {
      this.#refuse = reject;
      // No answer within a turn of the event loop: the change stands (the host does not persist).
      setTimeout(() => {
        if (this.#outcome) this.#outcome.then(_resolve, reject);
        else _resolve(undefined);
        this.#refuse = undefined;
      }, 0);
    });
  }
}

/** Fired when the user acknowledges an alert (status → `acknowledged`). Cancelable. */
export class IocAlertAckEvent extends IocAlertActionEvent {
  static readonly eventName = 'ioc-alert-ack';
  constructor(alerts: readonly Alert[]) {
    super(IocAlertAckEvent.eventName, alerts, 'acknowledged');
  }
}

/** Fired when the user resolves an alert (status → `resolved`). Cancelable. */
export class IocAlertResolveEvent extends IocAlertActionEvent {
  static readonly eventName = 'ioc-alert-resolve';
  constructor(alerts: readonly Alert[]) {
    super(IocAlertResolveEvent.eventName, alerts, 'resolved');
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ioc-alert-ack': IocAlertAckEvent;
    'ioc-alert-resolve': IocAlertResolveEvent;
  }
}
