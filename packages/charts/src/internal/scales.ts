import { nice, tickIncrement, ticks } from 'd3-array';
import { calendarRange, type CalendarUnit } from './calendar.js';
import type { TimeLabelUnit } from './format.js';

export type ScaleKind = 'linear' | 'log';

/**
 * A continuous scale as two numbers: `pixel = transform(value) * k + b`, so hot loops over
 * a million points inline the arithmetic instead of calling a closure per point.
 */
export interface Scale {
  readonly kind: ScaleKind;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  readonly k: number;
  readonly b: number;
  /** Pixel of a value; NaN for values the scale cannot show (non-finite, ≤ 0 on a log scale). */
  map(value: number): number;
  /** Value at a pixel. */
  invert(pixel: number): number;
  ticks(count: number): number[];
}

/** A usable domain from any two numbers: ordered, finite, non-empty (and positive for log). */
export function safeDomain(min: number, max: number, kind: ScaleKind = 'linear'): [number, number] {
  let lo = Number.isFinite(min) ? min : Number.NaN;
  let hi = Number.isFinite(max) ? max : Number.NaN;
  if (kind === 'log') {
    // Denormal positives would underflow to 0 when divided for padding: floor them.
    if (!(lo > 0)) lo = Number.NaN;
    else lo = Math.min(1e300, Math.max(lo, 1e-300));
    if (!(hi > 0)) hi = Number.NaN;
    else hi = Math.min(1e300, Math.max(hi, 1e-300));
  }
  if (Number.isNaN(lo) && Number.isNaN(hi)) return kind === 'log' ? [1, 10] : [0, 1];
  if (Number.isNaN(lo)) lo = hi;
  if (Number.isNaN(hi)) hi = lo;
  if (lo > hi) [lo, hi] = [hi, lo];
  if (kind === 'log') return hi / lo > 1 + 1e-9 ? [lo, hi] : [lo / 10, hi * 10];
  const magnitude = Math.max(Math.abs(lo), Math.abs(hi));
  // Too narrow to split into ticks (equal, or denormal-close): widen around the middle.
  if (!(hi - lo > magnitude * 1e-12) || hi - lo < 1e-290) {
    const middle = lo / 2 + hi / 2;
    let pad = Math.abs(middle) * 0.1;
    if (!(pad > 1e-290)) pad = 1;
    return [middle - pad, middle + pad];
  }
  if (!Number.isFinite(hi - lo)) return [lo / 2, hi / 2].map((x) => x * 2) as [number, number];
  return [lo, hi];
}

/** Rounds a domain out to tick steps (`[3, 97]` -> `[0, 100]`); decades on a log scale. */
export function niceDomain(min: number, max: number, count: number, kind: ScaleKind = 'linear'): [number, number] {
  const [lo, hi] = safeDomain(min, max, kind);
  if (kind === 'log') return [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))];
  const [a, b] = nice(lo, hi, Math.max(1, count));
  return Number.isFinite(a) && Number.isFinite(b) && a < b ? [a, b] : [lo, hi];
}

/** A linear or log scale from `domain` to pixel `range`. */
export function createScale(kind: ScaleKind, domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = safeDomain(domain[0], domain[1], kind);
  const [r0, r1] = range;
  const t0 = kind === 'log' ? Math.log10(d0) : d0;
  const t1 = kind === 'log' ? Math.log10(d1) : d1;
  const k = (r1 - r0) / (t1 - t0);
  const b = r0 - t0 * k;
  const transform = kind === 'log' ? (v: number) => (v > 0 ? Math.log10(v) : Number.NaN) : (v: number) => v;
  return {
    kind,
    domain: [d0, d1],
    range: [r0, r1],
    k,
    b,
    map: (value) => (Number.isFinite(value) ? transform(value) * k + b : Number.NaN),
    invert: (pixel) => {
      const t = (pixel - b) / k;
      return kind === 'log' ? 10 ** t : t;
    },
    ticks: (count) => (kind === 'log' ? logTicks(d0, d1, count) : ticks(d0, d1, Math.max(1, Math.min(50, count)))).slice(0, 100),
  };
}

/** Powers of ten, with 2 and 5 between them when the domain spans few decades. */
function logTicks(min: number, max: number, count: number): number[] {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const decades = hi - lo;
  const multiples = decades <= count / 3 ? [1, 2, 5] : [1];
  const stride = Math.max(1, Math.ceil(decades / Math.max(1, count)));
  const out: number[] = [];
  for (let e = lo; e <= hi; e += stride) {
    for (const m of multiples) {
      const value = m * 10 ** e;
      if (value >= min * (1 - 1e-12) && value <= max * (1 + 1e-12)) out.push(Number(value.toPrecision(12)));
    }
  }
  return out;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const TIME_STEPS: readonly (readonly [CalendarUnit, number, number, TimeLabelUnit])[] = [
  ['minute', 1, MINUTE, 'minute'],
  ['minute', 5, 5 * MINUTE, 'minute'],
  ['minute', 15, 15 * MINUTE, 'minute'],
  ['minute', 30, 30 * MINUTE, 'minute'],
  ['hour', 1, HOUR, 'hour'],
  ['hour', 3, 3 * HOUR, 'hour'],
  ['hour', 6, 6 * HOUR, 'hour'],
  ['hour', 12, 12 * HOUR, 'hour'],
  ['day', 1, DAY, 'day'],
  ['day', 2, 2 * DAY, 'day'],
  ['week', 1, 7 * DAY, 'week'],
  ['month', 1, 30 * DAY, 'month'],
  ['month', 3, 91 * DAY, 'quarter'],
  ['year', 1, 365 * DAY, 'year'],
];

export interface TimeTicks {
  ticks: number[];
  unit: TimeLabelUnit;
}

/**
 * About `count` ticks between `from` and `to` (epoch ms) on local calendar boundaries of a
 * zone `offsetMinutes` east of UTC: whole hours, local midnights, Mondays, first of months.
 */
export function timeTicks(from: number, to: number, count: number, offsetMinutes: number): TimeTicks {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from || count < 1) return { ticks: [], unit: 'day' };
  const target = (to - from) / count;
  const offset = offsetMinutes * MINUTE;
  const chosen = TIME_STEPS.find(([, , approx]) => approx >= target * 0.75);
  let calendarUnit: CalendarUnit = 'year';
  let step: number;
  let unit: TimeLabelUnit;
  if (chosen) {
    [calendarUnit, step, , unit] = chosen;
  } else {
    const fromYear = new Date(from + offset).getUTCFullYear();
    const toYear = new Date(to + offset).getUTCFullYear();
    step = Math.max(1, tickIncrement(fromYear, toYear, count));
    unit = 'year';
  }
  // Bounded: a pathological span never makes more than a few hundred tick nodes.
  const local = calendarRange(calendarUnit, step, from + offset, to + offset + 1, count * 4 + 2);
  return { ticks: local.map((time) => time - offset), unit };
}
