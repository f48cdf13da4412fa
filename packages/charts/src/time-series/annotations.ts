/** The annotation mark: a dotted vertical line at an event's time, with its label. */
import { estimateTextWidth } from '../internal/axis.js';
import { svg, type PlotRect } from '../internal/draw.js';
import type { ChartPalette } from '../internal/palette.js';
import type { Scale } from '../internal/scales.js';
import type { TimeSeriesAnnotation, TimeSeriesMarks } from './types.js';

/** The annotations inside the visible time range, placed. */
export function annotationMarks(annotations: readonly TimeSeriesAnnotation[], xScale: Scale): TimeSeriesMarks['annotations'] {
  const [d0, d1] = xScale.domain;
  return annotations.filter((annotation) => Number.isFinite(annotation.t) && annotation.t >= d0 && annotation.t <= d1).map((annotation) => ({ x: xScale.map(annotation.t), label: annotation.label }));
}

export function paintAnnotations(front: SVGSVGElement, annotations: TimeSeriesMarks['annotations'], plot: PlotRect, palette: ChartPalette): void {
  const doc = front.ownerDocument;
  for (const annotation of annotations) {
    // The label reads to the right of its line, or to the left where it would leave the plot.
    const before = annotation.x + 3 + estimateTextWidth(annotation.label, palette.fontSize) > plot.left + plot.width;
    front.append(
      svg(doc, 'line', { class: 'annotation', x1: annotation.x, x2: annotation.x, y1: plot.top, y2: plot.top + plot.height, stroke: palette.annotation, 'stroke-dasharray': '2 3' }),
      svg(
        doc,
        'text',
        { x: before ? annotation.x - 3 : annotation.x + 3, y: plot.top + palette.fontSize, 'text-anchor': before ? 'end' : 'start', fill: palette.annotation, 'font-size': palette.fontSize },
        annotation.label,
      ),
    );
  }
}
