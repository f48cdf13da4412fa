import {
  VIETNAM_UTC_OFFSET_MINUTES,
  ValidationError,
  addPeriods,
  parseTime,
  periodStart,
  type ByAreaResult,
  type KpiResult,
  type SeriesData,
  type SeriesResult,
  type TimeGrain,
} from '@ioc-kit/data';

// Pieces the widgets share: checks of the results a source hands back, and default periods.

/** Rejects a by-area result a source got wrong (not rows, a row without an area, a value that is not a number). */
export function checkByAreaResult(result: ByAreaResult): void {
  if (typeof result !== 'object' || result === null) throw new ValidationError('', 'expected a by-area result object');
  if (!Array.isArray(result.rows)) throw new ValidationError('rows', 'expected a list of rows');
  result.rows.forEach((row: unknown, index) => {
    if (typeof row !== 'object' || row === null) throw new ValidationError(`rows[${index}]`, 'expected an object');
    const { area, value } = row as { area?: unknown; value?: unknown };
    if (typeof area !== 'string') throw new ValidationError(`rows[${index}].area`, 'expected an area code');
    if (value !== null && typeof value !== 'number') throw new ValidationError(`rows[${index}].value`, `expected a number or null, got ${typeof value}`);
  });
}

/** Rejects a series result whose series are not `t`/`v` lists of the same length. */
export function checkSeriesResult(result: SeriesResult): void {
  if (typeof result !== 'object' || result === null) throw new ValidationError('', 'expected a series result object');
  if (!Array.isArray(result.series)) throw new ValidationError('series', 'expected a list of series');
  result.series.forEach((series: SeriesData, index) => {
    if (typeof series !== 'object' || series === null) throw new ValidationError(`series[${index}]`, 'expected an object');
    if (typeof series.area !== 'string') throw new ValidationError(`series[${index}].area`, 'expected an area code');
    const t: unknown = series.t;
    const v: unknown = series.v;
    const listLike = (x: unknown): x is ArrayLike<unknown> => Array.isArray(x) || x instanceof Float64Array;
    if (!listLike(t) || !listLike(v)) throw new ValidationError(`series[${index}]`, 'expected `t` and `v` lists (arrays or Float64Array)');
    if (t.length !== v.length) throw new ValidationError(`series[${index}]`, `\`t\` has ${t.length} times but \`v\` has ${v.length} values`);
  });
}

/** Rejects a KPI result a source got wrong, so a widget never shows NaN or a wrong type. */
export function checkKpiResult(result: KpiResult): void {
  if (typeof result !== 'object' || result === null) throw new ValidationError('', 'expected a KPI result object');
  for (const field of ['value', 'previous', 'sameLastYear', 'target'] as const) {
    const value: unknown = result[field];
    if (value !== null && value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw new ValidationError(field, `expected a finite number or null, got ${typeof value === 'number' ? String(value) : typeof value}`);
    }
  }
  if (result.value === undefined) throw new ValidationError('value', 'missing');
}

/**
 * The period a series widget asks for: `from`/`to` when given, else `span` periods of `grain`
 * up to the end of the one holding `now` (the widget's clock, `IocElement.now`), the period
 * read in province time (Asia/Ho_Chi_Minh, UTC+07:00 all year): a day starts at midnight in
 * Vietnam, not in UTC. Memoised per
 * inputs and per current period, so a re-render within the same period does not re-query and
 * a board left open moves its window on when the next period begins.
 */
export class DefaultPeriod {
  private cached?: { key: string; from: string; to: string };

  get(grain: TimeGrain, span: number, now: number, from?: string, to?: string): { from: string; to: string } {
    const current = periodStart(now, grain, VIETNAM_UTC_OFFSET_MINUTES);
    const key = `${grain}|${span}|${from ?? ''}|${to ?? ''}|${from && to ? '' : current}`;
    if (this.cached?.key === key) return this.cached;
    const toTime = to ? parseTime(to) : addPeriods(current, grain, 1, VIETNAM_UTC_OFFSET_MINUTES);
    const fromTime = from ? parseTime(from) : addPeriods(toTime, grain, -Math.max(1, Math.floor(span)), VIETNAM_UTC_OFFSET_MINUTES);
    const iso = (time: number) => (Number.isFinite(time) ? new Date(time).toISOString() : '');
    this.cached = { key, from: from ?? iso(fromTime), to: to ?? iso(toTime) };
    return this.cached;
  }
}

/** A calendar year in province time, `[1 January, next 1 January)` at midnight in Vietnam, as ISO instants. */
export function yearPeriod(year: number): { from: string; to: string } {
  const offset = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
  return { from: new Date(Date.UTC(year, 0, 1) - offset).toISOString(), to: new Date(Date.UTC(year + 1, 0, 1) - offset).toISOString() };
}

/** Area codes from an attribute: separated by spaces or commas. */
export function splitCodes(list: string | undefined): string[] {
  return (list ?? '').split(/[\s,]+/).filter((code) => code !== '');
}

/** UI words of the category and calendar charts, Vietnamese first. */
