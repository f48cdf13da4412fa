import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ValidationError,
  addPeriods,
  localize,
  parseTime,
  periodStart,
  type Area,
  type AreaQuery,
  type ByAreaResult,
  type DataSource,
  type Locale,
  type SeriesData,
  type SeriesResult,
  type TimeGrain,
} from '@ioc-kit/data';

// Pieces the chart widgets share: area names
// from the source, result checks and default periods.

export interface AreaNamesOptions {
  source: () => DataSource | undefined;
  query: () => AreaQuery | undefined;
  /** Called when new names arrived (e.g. to regenerate a summary that names areas). */
  onChange?: () => void;
}

/**
 * Names of areas from the source's `areas()`, so a ranking shows "Phường Kinh Bắc" rather
 * than "25111". Loads again when the source or the area query changes; until the names arrive,
 * or when the source cannot list areas, charts show the codes. `names` is a new map after each
 * load, so a chart can list it among its draw inputs.
 */
export class AreaNamesController implements ReactiveController {
  names: ReadonlyMap<string, Area> = new Map();
  private key = '';
  private readonly host: ReactiveControllerHost;
  private readonly options: AreaNamesOptions;

  constructor(host: ReactiveControllerHost, options: AreaNamesOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    const source = this.options.source();
    const query = this.options.query();
    const key = source && query ? `${source.id}|${JSON.stringify(query)}` : '';
    if (key === this.key) return;
    this.key = key;
    if (!source || !query) return;
    source.areas(query).then(
      (areas) => {
        if (this.key !== key) return;
        this.names = new Map(areas.filter((area) => typeof area?.code === 'string').map((area) => [area.code, area]));
        this.options.onChange?.();
        this.host.requestUpdate();
      },
      // Names are a nicety: a source that cannot list areas leaves the codes.
      () => undefined,
    );
  }

  /** The area's name in `locale`, else the code. */
  nameOf(code: string, locale: Locale, overrides: Readonly<Record<string, string>> = {}): string {
    const override = overrides[code];
    if (override !== undefined) return override;
    const area = this.names.get(code);
    return area ? localize(area.name, locale) || code : code;
  }
}

/** Rejects a by-area result a source got wrong (not rows, a row without an area, a value that is not a number). */
export function validateByArea(result: ByAreaResult): void {
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
export function validateSeries(result: SeriesResult): void {
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

/**
 * The period a series chart asks for: `from`/`to` when given, else `span` periods of `grain`
 * up to the end of the one holding `now` (the widget's clock, `IocElement.now`). Memoised per
 * inputs and per current period, so a re-render within the same period does not re-query and
 * a board left open moves its window on when the next period begins.
 */
export class DefaultPeriod {
  private cached?: { key: string; from: string; to: string };

  get(grain: TimeGrain, span: number, now: number, from?: string, to?: string): { from: string; to: string } {
    const current = periodStart(now, grain);
    const key = `${grain}|${span}|${from ?? ''}|${to ?? ''}|${from && to ? '' : current}`;
    if (this.cached?.key === key) return this.cached;
    const toTime = to ? parseTime(to) : addPeriods(current, grain, 1);
    const fromTime = from ? parseTime(from) : addPeriods(toTime, grain, -Math.max(1, Math.floor(span)));
    const iso = (time: number) => (Number.isFinite(time) ? new Date(time).toISOString() : '');
    this.cached = { key, from: from ?? iso(fromTime), to: to ?? iso(toTime) };
    return this.cached;
  }
}

/** Area codes from an attribute: separated by spaces or commas. */
export function splitCodes(list: string | undefined): string[] {
  return (list ?? '').split(/[\s,]+/).filter((code) => code !== '');
}

/** UI words of the category and calendar charts, Vietnamese first. */
