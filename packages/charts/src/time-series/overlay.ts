/**
 * The overlay mark: series drawn dashed and faint behind the others (e.g. the same period last
 * year, already shifted forward), each in the colour of the series it belongs to.
 */
import { prepareSeries, type SeriesView } from './prepare.js';
import type { TimeSeriesInput } from './types.js';

/** The overlays whose series is not hidden, as views keyed `<key>#overlay<index>`. */
export function overlayViews(overlays: readonly TimeSeriesInput[], hidden: ReadonlySet<string>): SeriesView[] {
  const views: SeriesView[] = [];
  overlays.forEach((input, index) => {
    if (!hidden.has(input.key)) views.push(prepareSeries(input, `${input.key}#overlay${index}`, input.key));
  });
  return views;
}
