// What a KPI card's trend needs, loaded on first need: @ioc-kit/insights (the trend test) and
// the charts' sparkline renderer (d3 scales and shapes). A card that shows no trend never
// downloads either.
import type * as Insights from '@ioc-kit/insights';
import type { renderSparkline } from '@ioc-kit/charts';

/** The pieces of the trend line: the trend test and the sparkline renderer. */
export interface TrendTools {
  trendOf: typeof Insights.trendOf;
  renderSparkline: typeof renderSparkline;
}

let tools: TrendTools | undefined;
let loading: Promise<TrendTools | undefined> | undefined;

/** The trend tools when they are already loaded, else undefined. */
export function trendTools(): TrendTools | undefined {
  return tools;
}

/** Loads the trend tools once; resolves undefined when a chunk could not be loaded (offline, CSP). */
export function loadTrendTools(): Promise<TrendTools | undefined> {
  loading ??= Promise.all([import('@ioc-kit/insights').then(({ trendOf }) => trendOf), import('@ioc-kit/charts').then(({ renderSparkline }) => renderSparkline)]).then(
    ([trendOf, draw]) => (tools = { trendOf, renderSparkline: draw }),
    () => {
      // A failed chunk leaves the card without its trend; a later card may try again.
      loading = undefined;
      return undefined;
    },
  );
  return loading;
}

/** What a time series' `insights` attribute needs: the insight of a series and its summary sentence. */
export interface SignalTools {
  computeInsight: typeof Insights.computeInsight;
  summarize: typeof Insights.summarize;
}

let signals: SignalTools | undefined;
let loadingSignals: Promise<SignalTools | undefined> | undefined;

/** The signal tools when they are already loaded, else undefined. */
export function signalTools(): SignalTools | undefined {
  return signals;
}

/** Loads @ioc-kit/insights once for the time series' signals; resolves undefined when the chunk could not be loaded. */
export function loadSignalTools(): Promise<SignalTools | undefined> {
  loadingSignals ??= import('@ioc-kit/insights').then(
    ({ computeInsight, summarize }) => (signals = { computeInsight, summarize }),
    () => {
      loadingSignals = undefined;
      return undefined;
    },
  );
  return loadingSignals;
}
