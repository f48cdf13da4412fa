import { TimeSeriesChart, type ChartPalette, type Scale, type TimeSeriesInput, type TimeSeriesMode } from '@ioc-kit/charts';
import type { Locale } from '@ioc-kit/data';
import { afterFirstFrames } from '../internal/summary-controller.js';

const OVERVIEW_HEIGHT = 40;

interface Drawing {
  inputs: readonly TimeSeriesInput[];
  palette: ChartPalette;
  width: number;
}

/** What the strip reads of its chart when it draws. */
export interface OverviewOptions {
  /** The shadow root holding `.overview-surface` and `.overview-window`. */
  root: () => ParentNode;
  /** The visible range after a zoom (undefined: all of it). */
  domain: () => readonly [number, number] | undefined;
  locale: () => Locale;
  hidden: () => ReadonlySet<string>;
  mode: () => TimeSeriesMode;
  /** False once the chart went away: a strip still pending is then not drawn. */
  alive: () => boolean;
}

/**
 * The overview strip under `ioc-time-series`: a second, small chart of all the data with the
 * zoomed range marked. Its first draw waits for the first paint; while live points stream in
 * it catches up about once a second, its window following meanwhile.
 */
export class TimeSeriesOverview {
  readonly #options: OverviewOptions;
  #chart?: TimeSeriesChart;
  #drawnAt = 0;
  #pending?: Drawing;

  constructor(options: OverviewOptions) {
    this.#options = options;
  }

  /** The strip's time scale, as last drawn. */
  get xScale(): Scale | undefined {
    return this.#chart?.xScale;
  }

  /** When the strip was last drawn (`performance.now()`), 0 before. */
  get drawnAt(): number {
    return this.#drawnAt;
  }

  /** After the main chart drew `inputs`; `live` when only live points were added since the last draw. */
  update(inputs: readonly TimeSeriesInput[], palette: ChartPalette, width: number, live: boolean, view: (Window & typeof globalThis) | null): void {
    if (this.#chart && live && performance.now() - this.#drawnAt <= 1000) {
      // Live points: the strip catches up about once a second (a full draw of the small
      // strip), not on every point; its window follows meanwhile.
      this.placeWindow();
    } else if (this.#chart) {
      this.#draw({ inputs, palette, width });
    } else {
      // The strip is a second chart of all the data: drawn after the first paint, from the
      // inputs of the latest draw by then.
      const first = !this.#pending;
      this.#pending = { inputs, palette, width };
      if (first) {
        afterFirstFrames(view, () => {
          const pending = this.#pending;
          this.#pending = undefined;
          if (pending && this.#options.alive()) this.#draw(pending);
        });
      }
    }
  }

  #draw({ inputs, palette, width }: Drawing): void {
    const options = this.#options;
    const host = options.root().querySelector<HTMLElement>('.overview-surface');
    if (!host) return;
    // The strip is rendered again after the table view: draw into the element that is there now.
    if (this.#chart && this.#chart.target !== host) {
      this.#chart.destroy();
      this.#chart = undefined;
    }
    this.#chart ??= new TimeSeriesChart(host);
    this.#chart.render(inputs, { locale: options.locale(), palette, axes: false, hidden: options.hidden(), mode: options.mode() === 'stacked' ? 'stacked' : 'line' }, { width, height: OVERVIEW_HEIGHT });
    this.#drawnAt = performance.now();
    this.placeWindow();
  }

  /** Marks the visible range on the strip. */
  placeWindow(): void {
    const windowElement = this.#options.root().querySelector<HTMLElement>('.overview-window');
    const scale = this.#chart?.xScale;
    if (!windowElement || !scale) return;
    const [d0, d1] = this.#options.domain() ?? scale.domain;
    const x0 = Math.max(scale.range[0], scale.map(d0));
    const x1 = Math.min(scale.range[1], scale.map(d1));
    windowElement.style.setProperty('--_x0', `${Math.max(0, x0)}px`);
    windowElement.style.setProperty('--_w', `${Math.max(2, x1 - x0)}px`);
  }

  /** Forgets the strip (the chart was cleared). */
  destroy(): void {
    this.#chart?.destroy();
    this.#chart = undefined;
    this.#pending = undefined;
  }
}
