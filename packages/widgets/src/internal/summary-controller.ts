import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface SummaryOptions<R> {
  /** Writes the summary of `result`: range, latest value, trend. */
  summarize: (result: R) => string;
  /** Everything besides the result the words depend on (locale, hidden series, names...), as one key. */
  key: () => string;
  /** Values the words depend on that a key cannot hold (the widget's settings, a names map), compared by identity. */
  inputs?: () => readonly unknown[];
  /** True when writing the summary reads so much data that it should wait for the first paint. */
  isCostly?: (result: R) => boolean;
  /** What to say meanwhile (the title), when no earlier summary is there to keep. */
  placeholder?: (result: R) => string;
  /** The result on screen now; a deferred summary of another result is dropped. */
  current?: () => R | undefined;
}

/**
 * A chart's accessible name: a generated summary (range, latest value, trend) cached per
 * result and key, so it is written once per change and not on every render. A summary that
 * reads a million points is written in idle time after the chart is on screen, keeping the
 * previous words (or the placeholder) meanwhile.
 *
 * ```ts
 * private readonly summary = new SummaryController(this, { summarize: (r) => summarizeSeries(...), key: () => `${this.effectiveLocale}|${[...this.hiddenSeries]}` });
 * render() { return html`<div role="img" aria-label=${this.summary.text(result)}>`; }
 * ```
 */
export class SummaryController<R> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: SummaryOptions<R>;
  #cache?: { result: R; key: string; inputs: readonly unknown[]; text: string };
  #pending?: { result: R; key: string; inputs: readonly unknown[] };

  constructor(host: ReactiveControllerHost & HTMLElement, options: SummaryOptions<R>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Nothing to set up: it renders the host again when its own state changes. */
  hostConnected(): void {}

  /** The summary of `result` now (possibly the previous words while a costly one is pending). */
  text(result: R): string {
    const key = this.#options.key();
    const inputs = this.#options.inputs?.() ?? [];
    const same = (entry: { result: R; key: string; inputs: readonly unknown[] } | undefined) =>
      entry !== undefined && entry.result === result && entry.key === key && entry.inputs.length === inputs.length && entry.inputs.every((input, i) => input === inputs[i]);
    if (same(this.#cache)) return (this.#cache as { text: string }).text;
    if (!this.#options.isCostly?.(result)) {
      const text = this.#options.summarize(result);
      this.#cache = { result, key, inputs, text };
      return text;
    }
    if (!same(this.#pending)) {
      const pending = { result, key, inputs };
      this.#pending = pending;
      afterFirstFrames(this.#host.ownerDocument.defaultView, () => {
        if (this.#pending !== pending) return;
        this.#pending = undefined;
        if (this.#options.current && this.#options.current() !== result) return;
        this.#cache = { result, key, inputs, text: this.#options.summarize(result) };
        this.#host.requestUpdate();
      });
    }
    return this.#cache?.text ?? this.#options.placeholder?.(result) ?? '';
  }

  /** Forgets the cached words, e.g. after names arrived or live points changed the data behind the same result. */
  invalidate(): void {
    this.#cache = undefined;
    this.#host.requestUpdate();
  }
}

/**
 * Runs `work` once the frame being drawn and the next are on screen, in idle time: an idle
 * callback alone can fall between those two frames, where a long task (a summary of a
 * million points) holds back the frame that shows the chart settled.
 */
export function afterFirstFrames(view: (Window & typeof globalThis) | null, work: () => void): void {
  if (!view) {
    setTimeout(work, 0);
    return;
  }
  const idle = () => (view.requestIdleCallback ? view.requestIdleCallback(work, { timeout: 300 }) : view.setTimeout(work, 0));
  // A hidden page gets no frames: fall back so the summary still comes.
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    idle();
  };
  view.requestAnimationFrame(() => view.requestAnimationFrame(() => view.setTimeout(start, 0)));
  view.setTimeout(start, 1000);
}
