// @ioc-kit/insights, loaded on first need: a KPI card that shows no trend never downloads it.
import type * as Insights from '@ioc-kit/insights';

type InsightsModule = typeof Insights;

let module: InsightsModule | undefined;
let loading: Promise<InsightsModule | undefined> | undefined;

/** The insights module when it is already loaded, else undefined. */
export function insightsModule(): InsightsModule | undefined {
  return module;
}

/** Loads the insights module once; resolves undefined when the chunk could not be loaded (offline, CSP). */
export function loadInsights(): Promise<InsightsModule | undefined> {
  loading ??= import('@ioc-kit/insights').then(
    (loaded) => (module = loaded),
    () => {
      // A failed chunk leaves the card without its trend words; a later card may try again.
      loading = undefined;
      return undefined;
    },
  );
  return loading;
}
