// Seeded synthetic series for the tests, the rates script and the bench: the same numbers on
// every machine and every day (the clock never enters).

/** mulberry32: a small, fast, seeded PRNG in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let r = Math.imul(state ^ (state >>> 15), 1 | state);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
export function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export const HOUR = 3_600_000;
export const DAY = 86_400_000;
/** 1 Jan 2021 00:00 in Vietnam. */
export const T0 = Date.UTC(2020, 11, 31, 17);

/** Options of {@link synthetic}. */
export interface SyntheticOptions {
  n: number;
  step?: number;
  start?: number;
  level?: number;
  noise?: number;
  /** Added per step. */
  slope?: number;
  /** Seasonal amplitude and period in steps. */
  amplitude?: number;
  period?: number;
  /** A step of `size` from index `at`. */
  step_at?: number;
  step_size?: number;
  /** AR(1) coefficient of the noise. */
  phi?: number;
  seed?: number;
}

/** A synthetic series: level + slope·i + seasonal sine + step + AR(1) noise. */
export function synthetic(options: SyntheticOptions): { area: string; t: Float64Array; v: Float64Array } {
  const { n, step = DAY, start = T0, level = 50, noise = 5, slope = 0, amplitude = 0, period = 7, phi = 0, seed = 1 } = options;
  const random = seededRandom(seed);
  const t = new Float64Array(n);
  const v = new Float64Array(n);
  let e = 0;
  for (let i = 0; i < n; i++) {
    e = phi * e + noise * gaussian(random);
    t[i] = start + i * step;
    v[i] = level + slope * i + amplitude * Math.sin((2 * Math.PI * i) / period) + (options.step_at !== undefined && i >= options.step_at ? (options.step_size ?? 0) : 0) + e;
  }
  return { area: `synthetic-${seed}`, t, v };
}
