/** The signal mark: a dot where a series crosses a threshold the bad way. */
import { clamp, svg, type PlotRect } from '../internal/draw.js';
import type { ChartPalette } from '../internal/palette.js';
import type { Scale } from '../internal/scales.js';
import type { SeriesView } from './prepare.js';
import type { SignalMark, TimeSeriesThreshold } from './types.js';

const MAX_SIGNALS = 500;

/** Points where a visible series crosses a threshold the bad way, one per few pixels, at most 500. */
export function signalMarks(
  visible: readonly SeriesView[],
  ranges: ReadonlyMap<string, [number, number]>,
  thresholds: readonly TimeSeriesThreshold[],
  xScale: Scale,
  yScale: Scale,
  plot: PlotRect,
): SignalMark[] {
  const usable = thresholds.filter((threshold) => Number.isFinite(threshold.value));
  if (usable.length === 0) return [];
  const signals: SignalMark[] = [];
  const bottom = plot.top + plot.height;
  for (const view of visible) {
    const [start, end] = ranges.get(view.key) ?? [0, 0];
    let previous = Number.NaN;
    let lastX = Number.NEGATIVE_INFINITY;
    for (let i = Math.max(0, start - 1); i < end; i++) {
      const value = view.v[i] as number;
      if (value - value !== 0) continue;
      if (i >= start && previous === previous) {
        for (const threshold of usable) {
          const crossed = threshold.direction === 'up' ? previous < threshold.value && value >= threshold.value : previous >= threshold.value && value < threshold.value;
          if (!crossed) continue;
          const time = view.t[i] as number;
          const x = xScale.map(time);
          const y = yScale.map(value);
          if (!Number.isFinite(x) || !Number.isFinite(y) || x - lastX < 3) break;
          signals.push({ key: view.key, x: clamp(x, plot.left, plot.left + plot.width), y: clamp(y, plot.top, bottom), t: time, value, threshold: threshold.label });
          lastX = x;
          break;
        }
        if (signals.length >= MAX_SIGNALS) return signals;
      }
      previous = value;
    }
  }
  return signals;
}

export function paintSignals(front: SVGSVGElement, signals: readonly SignalMark[], palette: ChartPalette): void {
  const doc = front.ownerDocument;
  for (const signal of signals) {
    front.append(svg(doc, 'circle', { class: 'signal', cx: signal.x, cy: signal.y, r: 3.5, fill: palette.signal, stroke: palette.surface, 'stroke-width': 1 }));
  }
}
