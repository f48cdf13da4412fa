/**
 * Drawing helpers shared by the charts. Nodes are made through the target's own document
 * (charts never touch the global `document`), text is always `textContent`, and a line is a
 * flat `[x0, y0, x1, y1, ...]` array where a NaN pair breaks it, so the same vertices go to
 * SVG (`d` strings) or canvas (`moveTo`/`lineTo`).
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';

export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** A plot rectangle in CSS pixels. */
export interface PlotRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Rounds a coordinate to 0.1 px as text: stable for snapshots, precise enough for screens. */
export function px(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

export function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, typeof value === 'number' ? px(value) : value);
  }
}

/** An SVG element made in `doc`, with attributes and optional text (never markup). */
export function svg<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  name: K,
  attributes: Attributes = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const element = doc.createElementNS(SVG_NS, name);
  setAttributes(element, attributes);
  if (text !== undefined) element.textContent = text;
  return element;
}

export function clearChildren(node: Node): void {
  while (node.lastChild) node.removeChild(node.lastChild);
}

/** Clamps `value` into `[min, max]`; NaN stays NaN. */
export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

/** SVG path data for a flat vertex list; NaN pairs break the line. */
export function pathData(xy: Float64Array | readonly number[], length = xy.length): string {
  const parts: string[] = [];
  let pen = false;
  for (let i = 0; i + 1 < length; i += 2) {
    const x = xy[i] as number;
    const y = xy[i + 1] as number;
    if (x - x !== 0 || y - y !== 0) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? 'L' : 'M'}${px(x)},${px(y)}`);
    pen = true;
  }
  return parts.join('');
}

/** Traces a flat vertex list on a canvas path (the caller strokes); NaN pairs break the line. */
export function traceLine(context: CanvasRenderingContext2D, xy: Float64Array, length = xy.length): void {
  let pen = false;
  for (let i = 0; i + 1 < length; i += 2) {
    const x = xy[i] as number;
    const y = xy[i + 1] as number;
    if (x - x !== 0 || y - y !== 0) {
      pen = false;
      continue;
    }
    if (pen) context.lineTo(x, y);
    else context.moveTo(x, y);
    pen = true;
  }
}

/**
 * Closed polygons between an upper and a lower vertex list (both left to right), one per run
 * of the upper line without a gap. `lower` may be a constant baseline.
 */
export function areaRuns(upper: Float64Array, upperLength: number, lower: Float64Array | number, lowerLength = 0): Float64Array[] {
  const runs: Float64Array[] = [];
  let start = -1;
  const close = (end: number) => {
    if (start < 0 || end - start < 4) {
      start = -1;
      return;
    }
    const top = upper.subarray(start, end);
    const x0 = top[0] as number;
    const x1 = top[top.length - 2] as number;
    let bottom: number[];
    if (typeof lower === 'number') {
      bottom = [x1, lower, x0, lower];
    } else {
      bottom = [];
      // The lower line's vertices inside this run's x span, walked right to left.
      for (let i = lowerLength - 2; i >= 0; i -= 2) {
        const x = lower[i] as number;
        const y = lower[i + 1] as number;
        if (x - x !== 0 || y - y !== 0) continue;
        if (x >= x0 && x <= x1) bottom.push(x, y);
      }
      if (bottom.length === 0) bottom = [x1, upper[end - 1] as number, x0, top[1] as number];
    }
    const polygon = new Float64Array(top.length + bottom.length);
    polygon.set(top);
    polygon.set(bottom, top.length);
    runs.push(polygon);
    start = -1;
  };
  for (let i = 0; i + 1 < upperLength; i += 2) {
    const broken = Number.isNaN(upper[i]) || Number.isNaN(upper[i + 1]);
    if (broken) close(i);
    else if (start < 0) start = i;
  }
  close(upperLength - (upperLength % 2));
  return runs;
}

/** A closed SVG path for a polygon vertex list. */
export function polygonData(polygon: Float64Array): string {
  const data = pathData(polygon);
  return data ? `${data}Z` : '';
}

/** Fills a polygon vertex list on a canvas. */
export function fillPolygon(context: CanvasRenderingContext2D, polygon: Float64Array): void {
  context.beginPath();
  traceLine(context, polygon);
  context.closePath();
  context.fill();
}

/**
 * A canvas sized for crisp lines on high-density screens: backing store `devicePixelRatio`
 * times the CSS size (at most 2×, to bound memory), drawing in CSS pixels.
 */
export function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const ratio = Math.min(2, Math.max(1, canvas.ownerDocument.defaultView?.devicePixelRatio ?? 1));
  const w = Math.max(1, Math.round(width * ratio));
  const h = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  // Writing the same style again still invalidates layout: only write a change.
  const cssWidth = `${Math.max(0, width)}px`;
  const cssHeight = `${Math.max(0, height)}px`;
  if (canvas.style.getPropertyValue('width') !== cssWidth) canvas.style.setProperty('width', cssWidth);
  if (canvas.style.getPropertyValue('height') !== cssHeight) canvas.style.setProperty('height', cssHeight);
  const context = canvas.getContext('2d');
  context?.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}

