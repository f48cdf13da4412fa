/**
 * How each catalogue indicator behaves in the demo province: a daily model per part (trend,
 * seasons, weekly cycle, Tết, weather shared across the province, local noise, incidents, station
 * outages) and how a day splits into hours. Everything is drawn from seeded generators keyed by
 * (seed, indicator, part[, day]), so any value can be produced on its own, in any order.
 */
import type { IndicatorId } from '../../contract/catalogue.js';
import { aqiSubIndex } from '../../catalogue/aqi.js';
import { gaussian, hashString, mulberry32, poisson } from '../../internal/random.js';
import type { DemoPart } from './geography.js';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
/** Vietnam is UTC+7 all year: local day n starts at n·DAY − 7 h. */
export const LOCAL_OFFSET_MS = 7 * HOUR_MS;

export function localDay(time: number): number {
  return Math.floor((time + LOCAL_OFFSET_MS) / DAY_MS);
}
export function dayStart(day: number): number {
  return day * DAY_MS - LOCAL_OFFSET_MS;
}

const DAY_2025 = Date.UTC(2025, 0, 1) / DAY_MS;
/** The first local day after the communes' reorganisation (1 July 2025, Resolution 202/2025/QH15). */
const MERGER_DAY = Date.UTC(2025, 6, 1) / DAY_MS;
/** Lunar new year's day (Tết), which moves every year and empties offices, fills roads and temples. */
const TET_DAYS = ['2018-02-16', '2019-02-05', '2020-01-25', '2021-02-12', '2022-02-01', '2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-03', '2031-01-23', '2032-02-11'].map(
  (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS,
);

interface Calendar {
  doy: number;
  dow: number;
  dom: number;
  month: number;
  year: number;
  /** Days from the nearest Tết (negative before). */
  tet: number;
  years: number;
}

const CALENDAR_BASE = 17_000;
const calendarCache: (Calendar | undefined)[] = [];
export function calendar(day: number): Calendar {
  let cached = calendarCache[day - CALENDAR_BASE];
  if (cached) return cached;
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  let tet = 999;
  for (const t of TET_DAYS) if (Math.abs(day - t) < Math.abs(tet)) tet = day - t;
  cached = {
    doy: Math.floor((day * DAY_MS - Date.UTC(year, 0, 1)) / DAY_MS),
    dow: (((day + 3) % 7) + 7) % 7,
    dom: date.getUTCDate(),
    month: date.getUTCMonth(),
    year,
    tet,
    years: (day - DAY_2025) / 365.25,
  };
  if (day >= CALENDAR_BASE && day < CALENDAR_BASE + 10_000) calendarCache[day - CALENDAR_BASE] = cached;
  return cached;
}

const season = (doy: number, peak: number, amplitude: number) => 1 + amplitude * Math.cos((2 * Math.PI * (doy - peak)) / 365.25);
const bump = (doy: number, centre: number, width: number) => Math.exp(-(((doy - centre) / width) ** 2));
/** Multiplier around Tết: `holiday` for the days off (−2..+4), `around` for the week either side. */
const tetFactor = (tet: number, holiday: number, around = 1) => (tet >= -2 && tet <= 4 ? holiday : Math.abs(tet) <= 8 ? around : 1);
const COVID: readonly [number, number, number][] = [
  [Date.UTC(2020, 3, 1) / DAY_MS, Date.UTC(2020, 3, 23) / DAY_MS, 1],
  [Date.UTC(2021, 6, 15) / DAY_MS, Date.UTC(2021, 9, 15) / DAY_MS, 1],
];
const covid = (day: number) => (COVID.some(([from, to]) => day >= from && day < to) ? 1 : 0);
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Shapes of a day, hour 0..23 (local time). */
const TRAFFIC = [0.18, 0.12, 0.1, 0.1, 0.2, 0.55, 1.2, 1.9, 1.7, 1.2, 1.05, 1.1, 1.15, 1.0, 1.05, 1.15, 1.5, 2.0, 1.85, 1.3, 0.95, 0.7, 0.45, 0.28];
const OFFICE = [0, 0, 0, 0, 0, 0, 0.1, 0.6, 1.6, 1.9, 1.9, 1.5, 0.4, 0.6, 1.7, 1.8, 1.7, 1.0, 0.3, 0.2, 0.15, 0.1, 0.05, 0];
const POLLUTION = [1.15, 1.15, 1.12, 1.1, 1.1, 1.15, 1.3, 1.35, 1.2, 1.0, 0.85, 0.75, 0.7, 0.68, 0.7, 0.75, 0.85, 1.0, 1.15, 1.25, 1.25, 1.22, 1.2, 1.18];
const RAIN = [0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.7, 0.8, 1.0, 1.3, 1.7, 2.2, 2.5, 2.4, 2.0, 1.5, 1.2, 1.0, 0.8, 0.7, 0.6];
const LOAD = [0.7, 0.62, 0.58, 0.56, 0.58, 0.7, 0.85, 0.95, 1.02, 1.08, 1.12, 1.15, 1.1, 1.08, 1.1, 1.12, 1.12, 1.15, 1.3, 1.4, 1.35, 1.2, 1.0, 0.82];
const FLAT = new Array<number>(24).fill(1);
const DAYTIME = [0.5, 0.4, 0.4, 0.4, 0.5, 0.7, 1.0, 1.2, 1.3, 1.3, 1.3, 1.3, 1.2, 1.2, 1.3, 1.3, 1.3, 1.3, 1.2, 1.1, 1.0, 0.9, 0.7, 0.6];
const PHOTOSYNTHESIS = [0.9, 0.88, 0.86, 0.85, 0.85, 0.86, 0.9, 0.95, 1.0, 1.05, 1.1, 1.14, 1.16, 1.17, 1.16, 1.13, 1.09, 1.04, 1.0, 0.97, 0.95, 0.93, 0.92, 0.91];
const PARKING_OCCUPANCY = [0.15, 0.12, 0.1, 0.1, 0.12, 0.2, 0.4, 0.65, 0.82, 0.88, 0.9, 0.85, 0.75, 0.78, 0.85, 0.88, 0.86, 0.8, 0.78, 0.82, 0.7, 0.5, 0.3, 0.2];

/** How a day's value splits into hours, consistent with the indicator's time aggregation. */
export type HourlyKind =
  | { kind: 'count'; shape: readonly number[] }
  | { kind: 'amount'; shape: readonly number[] }
  | { kind: 'mean'; shape: readonly number[]; noise: number }
  | { kind: 'peak'; amplitude: number }
  | { kind: 'rush-count' }
  | { kind: 'stock'; integer: boolean }
  | { kind: 'parking' }
  | { kind: 'flat' }
  | { kind: 'complement'; of: IndicatorId }
  | { kind: 'ratio'; of: IndicatorId }
  | { kind: 'aqi' };

export interface DailyContext {
  seed: number;
  /** First local day of the arrays. */
  origin: number;
  /** Number of days (through today). */
  days: number;
  /** Province-wide weather: a multiplier for air pollution and the rain in mm. */
  regional(name: 'air' | 'rain'): Float64Array;
  /** Another indicator's value for the same part on one day (outages applied). */
  value(id: IndicatorId, part: DemoPart, day: number): number;
  /** Another indicator's whole daily span for the same part. */
  daily(id: IndicatorId, part: DemoPart): Float64Array;
  /** Per-part constants (and per-period values), computed once: `name` names the draw, `sub` the period. */
  memo(part: DemoPart, name: string, sub: string | number, make: () => number): number;
}

/**
 * An indicator's behaviour. Most are `day` models: a day's value from that day's own seed, so one
 * day can be produced without the ones before it (a KPI needs three days, not five years).
 * Models with memory (backlogs, river levels, water quality drifting) are `daily` models that
 * run through the whole span in order.
 */
export interface IndicatorModel {
  day?: (part: DemoPart, day: number, ctx: DailyContext, random: () => number) => number;
  daily?: (part: DemoPart, ctx: DailyContext, random: () => number) => Float64Array;
  /** Indicators this one is derived from, so their spans are built first and read by index. */
  uses?: readonly IndicatorId[];
  hourly: HourlyKind;
  /** Sensor indicators lose whole days when a station is down; the key names the station. */
  station?: string;
}

type DayFn = (part: DemoPart, day: number, c: Calendar, random: () => number, ctx: DailyContext) => number;

/** A day model from a per-day formula. */
function perDay(fn: DayFn): NonNullable<IndicatorModel['day']> {
  return (part, day, ctx, random) => fn(part, day, calendar(day), random, ctx);
}

/** A fixed per-part draw that does not depend on the day. */
function partConstant(seed: number, part: DemoPart, name: string): () => number {
  return mulberry32(hashString(`${seed}|${name}|${part.index}`));
}

/** A per-part constant drawn once: `make` receives the part's own generator for `name`. */
function constant(ctx: DailyContext, part: DemoPart, name: string, make: (random: () => number) => number): number {
  return ctx.memo(part, name, 0, () => make(partConstant(ctx.seed, part, name)));
}

/** Values that hold for a whole month/quarter/year: drawn from the period's own seed. */
function stepped(period: 'month' | 'quarter' | 'year', value: (part: DemoPart, c: Calendar, random: () => number, ctx: DailyContext) => number, name: string): NonNullable<IndicatorModel['day']> {
  return (part, day, ctx) => {
    const c = calendar(day);
    const periodKey = period === 'year' ? c.year : period === 'quarter' ? c.year * 4 + Math.floor(c.month / 3) : c.year * 12 + c.month;
    return ctx.memo(part, name, periodKey, () => value(part, c, mulberry32(hashString(`${ctx.seed}|${name}|${part.index}|${period}${periodKey}`)), ctx));
  };
}

/** A rate near its target, built from its complement so it never passes 100 %. */
const nearHundred = (complement: number) => clamp(100 - complement, 0, 100);
const logistic = (years: number, from: number, to: number, midYears: number, steepness: number) => from + (to - from) / (1 + Math.exp(-(years - midYears) * steepness));
const lognormal = (random: () => number, sd: number) => Math.exp(sd * gaussian(random) - (sd * sd) / 2);

/** Budget-style year-to-date progress: a curve from 0 on 1 January to about `final` on 31 December. */
function yearToDate(finalMean: number, finalSpread: number, power: number, name: string): NonNullable<IndicatorModel['day']> {
  return (part, day, ctx) => {
    const c = calendar(day);
    const local = constant(ctx, part, name, (r) => r());
    const final = ctx.memo(part, `${name}-final`, c.year, () => finalMean + finalSpread * gaussian(mulberry32(hashString(`${ctx.seed}|${name}|${c.year}`))) + 0.5 * finalSpread * (local - 0.5));
    // Month-end reporting makes the curve climb in steps.
    const progress = Math.min(1, (c.doy - (c.dom - 1) * 0.6) / 365);
    return Math.max(0, final * Math.max(0, progress) ** power);
  };
}

/** A stock (open items) that mean-reverts, with occasional surges. */
function stock(level: (part: DemoPart, c: Calendar) => number, surge: number): NonNullable<IndicatorModel['daily']> {
  return (part, ctx, random) => {
    const out = new Float64Array(ctx.days);
    let x = level(part, calendar(ctx.origin));
    for (let i = 0; i < ctx.days; i++) {
      const c = calendar(ctx.origin + i);
      const target = level(part, c);
      x = 0.82 * x + 0.18 * target + (random() < surge ? target * (1 + 3 * random()) : 0) + 0.25 * Math.sqrt(Math.max(target, 0.5)) * gaussian(random);
      x = Math.max(0, x);
      out[i] = Math.round(x);
    }
    return out;
  };
}

export function createModels(): Readonly<Record<string, IndicatorModel>> {
  const weekOffice = [1.1, 1.05, 1.05, 1.05, 1.1, 0.3, 0.03];
  const models: Record<string, IndicatorModel> = {
    // ——— economy ———
    'economy.budget-revenue': {
      day: perDay((p, _d, c, r) => {
        const week = [1.25, 1.2, 1.2, 1.2, 1.3, 0.35, 0.05][c.dow] ?? 1;
        const monthEnd = c.dom >= 25 ? 1.8 : 1;
        const december = c.month === 11 ? 1.5 : 1;
        return p.population * 3.6e-5 * (1 + 3 * p.urban) * 1.08 ** c.years * week * monthEnd * december * tetFactor(c.tet, 0.05, 0.8) * lognormal(r, 0.35);
      }),
      hourly: { kind: 'amount', shape: OFFICE },
    },
    'economy.budget-revenue-plan': { day: yearToDate(104, 7, 1.1, 'budget-plan'), hourly: { kind: 'flat' } },
    'economy.public-investment-disbursement': { day: yearToDate(91, 5, 1.9, 'disbursement'), hourly: { kind: 'flat' } },
    'economy.grdp-growth': {
      day: stepped('quarter', (p, c, r, ctx) => {
        const province = mulberry32(hashString(`${ctx.seed}|grdp|${c.year}|${Math.floor(c.month / 3)}`));
        const shock = c.year === 2021 && c.month >= 6 && c.month < 9 ? -5.5 : c.year === 2020 && c.month >= 3 && c.month < 6 ? -3 : 0;
        return 7.1 + 0.9 * gaussian(province) + shock + 2.2 * (constant(ctx, p, 'grdp', (x) => x()) - 0.5) + 0.5 * gaussian(r);
      }, 'grdp'),
      hourly: { kind: 'flat' },
    },
    'economy.new-enterprises': {
      day: perDay((p, d, c, r) => poisson(r, p.population * 4.5e-6 * (1 + 2 * p.urban) * ([1.3, 1.2, 1.2, 1.2, 1.3, 0.3, 0][c.dow] ?? 1) * 1.05 ** c.years * tetFactor(c.tet, 0, 0.5) * (1 - 0.6 * covid(d)))),
      hourly: { kind: 'count', shape: OFFICE },
    },
    'economy.fdi-registered': {
      day: perDay((p, d, c, r) => {
        if (c.dow >= 5) return 0;
        const chance = (p.population / 1.45e6) * 0.25 * (0.4 + 1.6 * p.urban) * (1 - 0.7 * covid(d));
        return r() < chance ? Math.round(6 * lognormal(r, 1.1) * 10) / 10 : 0;
      }),
      hourly: { kind: 'amount', shape: OFFICE },
    },
    'economy.tourist-arrivals': {
      day: perDay((p, d, c, r, ctx) => {
        const attraction = constant(ctx, p, 'tourism', (x) => lognormal(x, 0.9));
        const mean = p.population * 0.0085 * attraction * season(c.doy, 190, 0.3) * tetFactor(c.tet, 2.4, 1.4) * (c.dow >= 5 ? 1.6 : 0.85) * 1.1 ** c.years * (1 - 0.85 * covid(d));
        return poisson(r, mean * lognormal(r, 0.12));
      }),
      hourly: { kind: 'count', shape: DAYTIME },
    },
    // ——— citizens ———
    'citizens.feedback-received': {
      day: perDay((p, _d, c, r) => poisson(r, p.population * 1.0e-4 * (1 + 1.5 * p.urban) * ([1.15, 1.1, 1.1, 1.1, 1.1, 0.7, 0.5][c.dow] ?? 1) * 1.12 ** c.years * season(c.doy, 220, 0.15))),
      hourly: { kind: 'count', shape: DAYTIME },
    },
    'citizens.feedback-resolved-on-time': {
      day: perDay((p, _d, c, r, ctx) => nearHundred(4.5 * constant(ctx, p, 'fb-on-time', (x) => lognormal(x, 0.35)) * 0.9 ** c.years * lognormal(r, 0.35))),
      hourly: { kind: 'mean', shape: FLAT, noise: 0.002 },
    },
    'citizens.online-dossiers': {
      day: perDay((p, _d, c, r, ctx) => {
        const offset = constant(ctx, p, 'online-dossiers', (x) => 6 * gaussian(x)) + 8 * p.urban;
        return clamp(logistic(c.years, 18, 88, -2.5, 1.1) + offset + 2.5 * gaussian(r), 0, 100);
      }),
      hourly: { kind: 'mean', shape: FLAT, noise: 0.01 },
    },
    'citizens.satisfaction': {
      day: perDay((p, _d, c, r, ctx) => nearHundred(8 * constant(ctx, p, 'satisfaction', (x) => lognormal(x, 0.3)) * 0.95 ** c.years * lognormal(r, 0.25))),
      hourly: { kind: 'mean', shape: FLAT, noise: 0.003 },
    },
    'citizens.unemployment': {
      day: stepped('month', (p, c, r, ctx) => {
        const province = mulberry32(hashString(`${ctx.seed}|unemployment|${c.year}-${c.month}`));
        const shock = c.year === 2021 && c.month >= 6 ? 1.3 : c.year === 2020 && c.month >= 3 && c.month < 7 ? 0.8 : 0;
        return Math.max(0.3, 2.2 + 0.15 * gaussian(province) + shock + 0.8 * (constant(ctx, p, 'unemployment', (x) => x()) - 0.5) - 0.5 * p.urban + 0.1 * gaussian(r));
      }, 'unemployment'),
      hourly: { kind: 'flat' },
    },
    // ——— governance ———
    'governance.dossiers-received': {
      day: perDay((p, d, c, r) => poisson(r, p.population * 1.7e-3 * (weekOffice[c.dow] ?? 1) * tetFactor(c.tet, 0.03, 0.7) * 1.04 ** c.years * (1 - 0.5 * covid(d)))),
      hourly: { kind: 'count', shape: OFFICE },
    },
    'governance.dossiers-late': {
      // A backlog (a system outage, a staff shortage) makes a commune late for a couple of weeks: memory, so a whole-span model.
      daily: (part, ctx, random) => {
        // How late dossiers run is down to the one-stop office: the old commune's before the merger of
        // 1 July 2025, today's commune's since. Drawn per office, not per part (which a commune would
        // average away), so communes differ as real ones do.
        const office = (code: string) => lognormal(mulberry32(hashString(`${ctx.seed}|late-office|${code}`)), 0.5);
        const before = office(part.oldCode);
        const after = office(part.newCode);
        const received = ctx.daily('governance.dossiers-received', part);
        const out = new Float64Array(ctx.days);
        let backlog = 0;
        for (let i = 0; i < ctx.days; i++) {
          const c = calendar(ctx.origin + i);
          if (backlog > 0) backlog--;
          else if (random() < 0.004) backlog = 8 + Math.floor(random() * 12);
          const local = ctx.origin + i < MERGER_DAY ? before : after;
          const rate = clamp(3.2 * local * 0.88 ** c.years * lognormal(random, 0.4) * (backlog > 0 ? 4 : 1), 0, 100);
          // Dossiers are counted: a small office often has a day (or a month) with none late, 100 % on time.
          const count = received[i] ?? 0;
          out[i] = count > 0 ? clamp((100 * poisson(random, (count * rate) / 100)) / count, 0, 100) : 0;
        }
        return out;
      },
      uses: ['governance.dossiers-received'],
      hourly: { kind: 'mean', shape: FLAT, noise: 0.05 },
    },
    'governance.dossiers-on-time': {
      day: (part, day, ctx) => 100 - ctx.value('governance.dossiers-late', part, day),
      uses: ['governance.dossiers-late'],
      hourly: { kind: 'complement', of: 'governance.dossiers-late' },
    },
    'governance.online-payments': {
      day: perDay((p, _d, c, r, ctx) => {
        const offset = constant(ctx, p, 'payments', (x) => 7 * gaussian(x)) + 10 * p.urban;
        return clamp(logistic(c.years, 8, 78, -1.5, 1.0) + offset + 3 * gaussian(r), 0, 100);
      }),
      hourly: { kind: 'mean', shape: FLAT, noise: 0.01 },
    },
    'governance.overdue-tasks': {
      daily: stock((p, c) => (0.6 + 3 * p.urban) * (c.month === 11 ? 1.6 : 1), 0.01),
      hourly: { kind: 'stock', integer: true },
    },
    'governance.par-index': {
      day: stepped('year', (p, c, r, ctx) => {
        const province = mulberry32(hashString(`${ctx.seed}|par|${c.year}`));
        return clamp(84 + 0.8 * (c.year - 2019) + 1.5 * gaussian(province) + 3 * (constant(ctx, p, 'par', (x) => x()) - 0.5) + 0.8 * gaussian(r), 0, 99.5);
      }, 'par'),
      hourly: { kind: 'flat' },
    },
    // ——— mobility ———
    'mobility.vehicle-flow': {
      day: perDay((p, d, c, r, ctx) => {
        const local = constant(ctx, p, 'flow', (x) => 0.8 + 0.4 * x());
        return (150 + 2400 * p.urban ** 1.2) * local * ([1, 1, 1, 1, 1.05, 0.85, 0.7][c.dow] ?? 1) * tetFactor(c.tet, 0.55, 1.15) * 1.04 ** c.years * (1 - 0.6 * covid(d)) * lognormal(r, 0.06);
      }),
      hourly: { kind: 'mean', shape: TRAFFIC, noise: 0.08 },
    },
    'mobility.mean-speed': {
      day: perDay((p, _d, c, r) => clamp((48 - 26 * p.urban ** 0.8) * (c.dow >= 5 ? 1.08 : 1) * tetFactor(c.tet, 1.15, 0.92) * lognormal(r, 0.05), 3, 120)),
      hourly: { kind: 'mean', shape: TRAFFIC.map((t) => 1.3 - 0.3 * t), noise: 0.05 },
    },
    'mobility.congestion-points': {
      day: perDay((p, d, c, r, ctx) => {
        if (p.urban < 0.25) return 0;
        const rain = ctx.regional('rain')[d - ctx.origin] ?? 0;
        return poisson(r, 5 * p.urban ** 1.5 * ([1, 1, 1, 1, 1.15, 0.6, 0.4][c.dow] ?? 1) * (rain > 30 ? 1.8 : 1) * tetFactor(c.tet, 0.2, 1.6));
      }),
      hourly: { kind: 'rush-count' },
    },
    'mobility.accidents': {
      day: perDay((p, d, c, r, ctx) => {
        const rain = ctx.regional('rain')[d - ctx.origin] ?? 0;
        return poisson(r, p.population * 1.1e-6 * (1 + 0.5 * p.urban) * (c.dow >= 5 ? 1.3 : 1) * tetFactor(c.tet, 1.9, 1.4) * (rain > 30 ? 1.3 : 1) * 0.97 ** c.years);
      }),
      hourly: { kind: 'count', shape: TRAFFIC },
    },
    'mobility.violations': {
      day: perDay((p, d, c, r) => poisson(r, p.population * 2.8e-4 * (1 + 3 * p.urban) * 1.15 ** c.years * ([1, 1, 1, 1, 1.1, 1.2, 1.1][c.dow] ?? 1) * (1 - 0.5 * covid(d)))),
      hourly: { kind: 'count', shape: TRAFFIC },
    },
    'mobility.parking-free': {
      day: perDay((p, _d, c, r) => Math.round((40 + 900 * p.urban ** 1.5) * clamp(0.78 + 0.06 * gaussian(r) - (c.dow >= 5 ? 0.05 : 0), 0, 1))),
      hourly: { kind: 'parking' },
    },
    // ——— environment ———
    'environment.pm25': {
      day: perDay((p, d, c, r, ctx) => {
        const local = (1 + 0.45 * p.urban) * constant(ctx, p, 'pm', (x) => lognormal(x, 0.15));
        const i = d - ctx.origin;
        const air = ctx.regional('air')[i] ?? 1;
        const rain = ctx.regional('rain')[i] ?? 0;
        return 21 * local * season(c.doy, 15, 0.55) * air * Math.exp(-rain / 45) * 0.97 ** c.years * tetFactor(c.tet, 1.25) * lognormal(r, 0.12);
      }),
      hourly: { kind: 'mean', shape: POLLUTION, noise: 0.1 },
      station: 'air',
    },
    'environment.pm10': {
      day: (part, day, ctx, random) => ctx.value('environment.pm25', part, day) * constant(ctx, part, 'pm10', (x) => 1.45 + 0.4 * x()) * lognormal(random, 0.06),
      uses: ['environment.pm25'],
      hourly: { kind: 'ratio', of: 'environment.pm25' },
      station: 'air',
    },
    'environment.aqi': {
      // The daily index from the day's mean concentrations, as Decision 1459 defines it.
      day: (part, day, ctx) => pmAqi(ctx.value('environment.pm25', part, day), ctx.value('environment.pm10', part, day)),
      uses: ['environment.pm25', 'environment.pm10'],
      hourly: { kind: 'aqi' },
      station: 'air',
    },
    'environment.wqi': {
      daily: (part, ctx, random) => {
        const base = 86 - 45 * partConstant(ctx.seed, part, 'wqi')() ** 3 - 6 * part.urban;
        const rain = ctx.regional('rain');
        const out = new Float64Array(ctx.days);
        let previous = base;
        for (let i = 0; i < ctx.days; i++) {
          const c = calendar(ctx.origin + i);
          // The first heavy rain after the dry season washes waste into the rivers.
          const flush = (rain[i] ?? 0) > 40 && c.month >= 3 && c.month <= 5 ? -12 : 0;
          previous = 0.7 * previous + 0.3 * (base - 7 * bump(c.doy, 95, 40) + flush) + 2.5 * gaussian(random);
          out[i] = clamp(previous, 0, 100);
        }
        return out;
      },
      hourly: { kind: 'mean', shape: FLAT, noise: 0.015 },
      station: 'water',
    },
    'environment.dissolved-oxygen': {
      day: (part, day, ctx, random) => clamp(0.4 + ctx.value('environment.wqi', part, day) * 0.068 * lognormal(random, 0.05), 0, 14),
      uses: ['environment.wqi'],
      hourly: { kind: 'mean', shape: PHOTOSYNTHESIS, noise: 0.02 },
      station: 'water',
    },
    'environment.rainfall': {
      day: perDay((p, d, _c, r, ctx) => {
        const value = (ctx.regional('rain')[d - ctx.origin] ?? 0) * constant(ctx, p, 'rain', (x) => lognormal(x, 0.2)) * lognormal(r, 0.4);
        return value < 0.2 ? 0 : Math.round(value * 10) / 10;
      }),
      hourly: { kind: 'amount', shape: RAIN },
      station: 'rain',
    },
    'environment.water-level': {
      daily: (part, ctx, random) => {
        const base = 110 + 110 * partConstant(ctx.seed, part, 'river')();
        const rain = ctx.daily('environment.rainfall', part);
        const out = new Float64Array(ctx.days);
        let storage = 0;
        for (let i = 0; i < ctx.days; i++) {
          const c = calendar(ctx.origin + i);
          storage = 0.78 * storage + (Number.isFinite(rain[i]) ? (rain[i] ?? 0) : 0);
          out[i] = Math.round(base + 55 * bump(c.doy, 235, 50) + 1.55 * storage + 6 * gaussian(random));
        }
        return out;
      },
      hourly: { kind: 'peak', amplitude: 18 },
      station: 'river',
    },
    'environment.solid-waste': {
      day: perDay((p, _d, c, r) => p.population * 0.00065 * (1 + 0.6 * p.urban) * tetFactor(c.tet, 1.35, 1.15) * 1.04 ** c.years * lognormal(r, 0.08)),
      hourly: { kind: 'mean', shape: FLAT, noise: 0.05 },
    },
    // ——— living ———
    'living.bed-occupancy': {
      day: perDay((p, d, c, r, ctx) => clamp(71 * constant(ctx, p, 'beds', (x) => lognormal(x, 0.08)) * season(c.doy, 20, 0.07) * (1 + 0.14 * bump(c.doy, 265, 30)) * (1 + 0.3 * covid(d)) * lognormal(r, 0.04), 0, 300)),
      hourly: { kind: 'mean', shape: FLAT, noise: 0.01 },
    },
    'living.fire-incidents': {
      day: perDay((p, _d, c, r) => poisson(r, p.population * 1.7e-7 * (1 + p.urban) * season(c.doy, 60, 0.5) * tetFactor(c.tet, 1.5))),
      hourly: { kind: 'count', shape: DAYTIME },
    },
    'living.electricity': {
      day: perDay((p, d, c, r) => p.population * 0.0028 * (1 + 1.2 * p.urban) * season(c.doy, 190, 0.22) * ([1, 1, 1, 1, 1, 0.92, 0.85][c.dow] ?? 1) * tetFactor(c.tet, 0.8) * 1.08 ** c.years * (1 - 0.15 * covid(d)) * lognormal(r, 0.04)),
      hourly: { kind: 'amount', shape: LOAD },
    },
    'living.clean-water-households': {
      day: stepped('month', (p, c, r, ctx) => {
        const offset = constant(ctx, p, 'water', (x) => 4 * gaussian(x)) + 6 * p.urban;
        return clamp(84 + 12 * (1 - Math.exp(-(c.years + 6) / 3)) + offset + 0.2 * gaussian(r), 0, 100);
      }, 'water'),
      hourly: { kind: 'flat' },
    },
    'living.streetlight-faults': {
      daily: stock((p) => (p.population / 2500) * (0.4 + p.urban), 0.006),
      hourly: { kind: 'stock', integer: true },
    },
  };
  return models;
}

/** The daily VN_AQI from PM2.5 and PM10 means, without allocating (it runs for every part and day). */
export function pmAqi(pm25: number, pm10: number): number {
  const a = aqiSubIndex('pm25', pm25);
  const b = aqiSubIndex('pm10', pm10);
  const best = Math.max(Number.isNaN(a) ? -1 : a, Number.isNaN(b) ? -1 : b);
  return best < 0 ? Number.NaN : Math.round(best);
}

/** The province's weather, shared by every part: one multiplier for air pollution, daily rain in mm. */
export function regionalSeries(name: 'air' | 'rain', seed: number, origin: number, days: number): Float64Array {
  const random = mulberry32(hashString(`${seed}|regional|${name}`));
  const out = new Float64Array(days);
  if (name === 'air') {
    let x = 0;
    let episode = 0;
    for (let i = 0; i < days; i++) {
      const c = calendar(origin + i);
      x = 0.72 * x + 0.22 * gaussian(random);
      // Winter inversions trap smoke for several days.
      const winter = c.month >= 10 || c.month <= 2;
      if (episode > 0) episode--;
      else if (winter && random() < 0.03) episode = 3 + Math.floor(random() * 5);
      out[i] = Math.exp(x) * (episode > 0 ? 1.9 : 1);
    }
    return out;
  }
  let storm = 0;
  for (let i = 0; i < days; i++) {
    const c = calendar(origin + i);
    const wet = c.month >= 4 && c.month <= 9;
    if (storm > 0) storm--;
    else if (c.month >= 6 && c.month <= 9 && random() < 0.014) storm = 1 + Math.floor(random() * 3);
    const chance = wet ? 0.55 : 0.22;
    const amount = random() < chance ? -Math.log(1 - random()) * (wet ? 17 : 4) : 0;
    out[i] = storm > 0 ? 70 + 150 * random() : amount;
  }
  return out;
}

/**
 * Whole days a station was down, drawn per (station, part): about three outages a year of 1–4
 * days. The last week is kept whole so that the demo's "now" shows every station reporting.
 */
export function outageDays(seed: number, station: string, part: DemoPart, origin: number, days: number): Uint8Array {
  const random = mulberry32(hashString(`${seed}|outage|${station}|${part.index}`));
  const down = new Uint8Array(days);
  for (let i = 0; i < days - 7; i++) {
    if (random() < 3 / 365) {
      const length = 1 + Math.floor(random() * 4);
      for (let k = 0; k < length && i + k < days - 7; k++) down[i + k] = 1;
      i += length;
    }
  }
  return down;
}

/**
 * Splits day `day` into 24 hourly values in `out`, so that the day's value is the hours combined
 * with the indicator's time aggregation (sum of hours, mean of hours, max, or the last hour).
 * `value` is the day's model value, `previous` the day before's (for stocks).
 */
export function fillHours(
  hourly: HourlyKind,
  value: number,
  previous: number,
  random: () => number,
  out: Float64Array,
  related: (id: IndicatorId) => Float64Array | undefined,
  relatedDaily: (id: IndicatorId) => number,
  phase: number,
): void {
  if (!Number.isFinite(value)) {
    out.fill(Number.NaN);
    return;
  }
  switch (hourly.kind) {
    case 'flat':
      out.fill(value);
      return;
    case 'amount': {
      let total = 0;
      for (let h = 0; h < 24; h++) {
        const w = (hourly.shape[h] ?? 1) * lognormal(random, 0.35);
        out[h] = w;
        total += w;
      }
      for (let h = 0; h < 24; h++) out[h] = (value * (out[h] ?? 0)) / total;
      return;
    }
    case 'count': {
      // Largest remainder over perturbed weights: integers that add up to the day exactly.
      let total = 0;
      const weights = new Float64Array(24);
      for (let h = 0; h < 24; h++) {
        const w = (hourly.shape[h] ?? 1) * lognormal(random, 0.5) + 1e-9;
        weights[h] = w;
        total += w;
      }
      let assigned = 0;
      const remainders: [number, number][] = [];
      for (let h = 0; h < 24; h++) {
        const exact = (value * (weights[h] ?? 0)) / total;
        const whole = Math.floor(exact);
        out[h] = whole;
        assigned += whole;
        remainders.push([exact - whole, h]);
      }
      remainders.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      for (let k = 0; k < Math.round(value - assigned) && k < 24; k++) {
        const h = remainders[k]?.[1] ?? 0;
        out[h] = (out[h] ?? 0) + 1;
      }
      return;
    }
    case 'mean': {
      let total = 0;
      for (let h = 0; h < 24; h++) {
        const w = (hourly.shape[h] ?? 1) * lognormal(random, hourly.noise);
        out[h] = w;
        total += w;
      }
      const mean = total / 24;
      for (let h = 0; h < 24; h++) out[h] = (value * (out[h] ?? 0)) / mean;
      return;
    }
    case 'peak': {
      // A smooth daily swing whose top is exactly the day's maximum.
      const amplitude = hourly.amplitude * (0.6 + 0.8 * random());
      for (let h = 0; h < 24; h++) out[h] = value - (amplitude * (1 - Math.cos((2 * Math.PI * (h - phase)) / 24))) / 2;
      return;
    }
    case 'rush-count': {
      const evening = 17;
      for (let h = 0; h < 24; h++) out[h] = Math.round(value * Math.min(1, (TRAFFIC[h] ?? 0) / (TRAFFIC[evening] ?? 1)) ** 1.5);
      out[evening] = value;
      return;
    }
    case 'stock': {
      const from = Number.isFinite(previous) ? previous : value;
      for (let h = 0; h < 24; h++) {
        const drift = from + ((value - from) * (h + 1)) / 24;
        const wobble = h === 23 ? 0 : Math.sqrt(Math.max(1, value)) * 0.3 * gaussian(random);
        out[h] = hourly.integer ? Math.max(0, Math.round(drift + wobble)) : drift + wobble;
      }
      out[23] = value;
      return;
    }
    case 'parking': {
      // Free spaces follow the day's occupancy; the day's (last) value is the count at 23:00.
      const capacity = Math.max(value, Math.round(value / 0.8));
      for (let h = 0; h < 23; h++) out[h] = Math.max(0, Math.round(capacity * (1 - clamp((PARKING_OCCUPANCY[h] ?? 0.5) * lognormal(random, 0.08), 0, 1))));
      out[23] = value;
      return;
    }
    case 'complement': {
      const other = related(hourly.of);
      for (let h = 0; h < 24; h++) out[h] = 100 - (other?.[h] ?? Number.NaN);
      return;
    }
    case 'ratio': {
      const other = related(hourly.of);
      const otherDay = relatedDaily(hourly.of);
      for (let h = 0; h < 24; h++) out[h] = ((other?.[h] ?? Number.NaN) * value) / otherDay;
      return;
    }
    case 'aqi':
      // Filled by the source, which needs the previous day's hours for NowCast.
      out.fill(Number.NaN);
      return;
  }
}

/** NowCast (Decision 1459) of the 12 hours ending at `at`, without allocating: the hot loop of hourly AQI. */
function nowCastAt(values: Float64Array, at: number): number {
  const span = at + 1 < 12 ? at + 1 : 12;
  let recent = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < span; k++) {
    const c = values[at - k] as number;
    // NaN fails every comparison, so a missing hour is skipped.
    if (c >= 0) {
      if (k < 3) recent++;
      if (c < min) min = c;
      if (c > max) max = c;
    }
  }
  if (recent < 2) return Number.NaN;
  const ratio = max > 0 ? min / max : 1;
  const w = ratio > 0.5 ? ratio : 0.5;
  let numerator = 0;
  let denominator = 0;
  let weight = 1;
  for (let k = 0; k < span; k++) {
    const c = values[at - k] as number;
    if (c >= 0) {
      numerator += weight * c;
      denominator += weight;
    }
    weight *= w;
  }
  return numerator / denominator;
}

/**
 * Hourly VN_AQI from hourly PM2.5 and PM10 (oldest first): `out[i]` is the index for hour
 * `lead + i`, each pollutant as NowCast over its last 12 hours; NaN while the station is down.
 */
export function hourlyAqi(pm25: Float64Array, pm10: Float64Array, lead: number, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) {
    const at = lead + i;
    if (Number.isNaN(pm25[at] ?? Number.NaN)) {
      out[i] = Number.NaN;
      continue;
    }
    out[i] = pmAqi(nowCastAt(pm25, at), nowCastAt(pm10, at));
  }
}

/** A 32-bit seed for (key, day), mixed so that neighbouring days get unrelated streams. */
export function daySeed(base: number, day: number): number {
  let h = (base ^ Math.imul(day, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
