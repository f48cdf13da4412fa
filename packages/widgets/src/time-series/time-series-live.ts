import type { SeriesResult } from '@ioc-kit/data';
import { appendSeries, type ChartPalette } from '@ioc-kit/charts';

/** How long the spoken summary stands while live points stream in (ms). */
const SUMMARY_KEPT_MS = 5000;

/**
 * `result` with live points added to the series of `area` (default: the first), as a new
 * result (the given one is not written); undefined when there is no such series. Times earlier
 * than the series' last are ignored.
 */
export function withPoints(result: SeriesResult, t: ArrayLike<number> | number, v: ArrayLike<number> | number, area?: string): SeriesResult | undefined {
  const key = area ?? result.series[0]?.area;
  const index = result.series.findIndex((series) => series.area === key);
  const series = result.series[index];
  if (!series) return undefined;
  const grown = appendSeries(series.t, series.v, typeof t === 'number' ? [t] : t, typeof v === 'number' ? [v] : v);
  return { ...result, series: result.series.map((s, i) => (i === index ? { ...s, t: grown.t, v: grown.v } : s)) };
}

/**
 * What live points leave as it was: while they stream in, the spoken summary (it reads every
 * point) stands for a few seconds and the colours read for the data they were added to are
 * used again, so a point costs a draw of the marks, not new words or a read of the styles.
 */
export class LivePace {
  /** The newest result live points made, and the one it was made from. */
  #appended?: { result: SeriesResult; from: SeriesResult };
  /** The spoken summary last written, for which result and when (`performance.now()`). */
  #summary?: { result: SeriesResult; text: string; at: number };
  /** The colours last read from the tokens, and for which result. */
  #palette?: { result: SeriesResult | undefined; palette: ChartPalette };

  /** Live points turned `from` into `next`. */
  added(from: SeriesResult, next: SeriesResult): void {
    this.#appended = { result: next, from };
  }

  /** True when `result` is the newest live points made. */
  isLive(result: SeriesResult | undefined): boolean {
    return result !== undefined && result === this.#appended?.result;
  }

  /** The words for `result`: those kept while they stand, else `write()`'s (kept from now). */
  summary(result: SeriesResult, write: () => string): string {
    const kept = this.#summary;
    if (kept && this.isLive(result) && (kept.result === this.#appended?.from || kept.result === result) && performance.now() - kept.at < SUMMARY_KEPT_MS) {
      kept.result = result;
      return kept.text;
    }
    const text = write();
    this.#summary = { result, text, at: performance.now() };
    return text;
  }

  /** True, and the kept words then stand for `next`, when the words written for `from` still stand. */
  summaryStands(from: SeriesResult, next: SeriesResult): boolean {
    const kept = this.#summary;
    if (!kept || kept.result !== from || performance.now() - kept.at >= SUMMARY_KEPT_MS) return false;
    kept.result = next;
    return true;
  }

  /** The colours for `result`: those read for the data live points were added to, else `read()`'s. */
  palette(result: SeriesResult | undefined, read: () => ChartPalette): ChartPalette {
    const kept = this.#palette;
    if (kept && this.isLive(result) && kept.result === this.#appended?.from) {
      kept.result = result;
      return kept.palette;
    }
    const palette = read();
    this.#palette = { result, palette };
    return palette;
  }

  /** Reads the colours afresh on the next draw (`redraw()`, a theme change). */
  forgetPalette(): void {
    this.#palette = undefined;
  }
}
