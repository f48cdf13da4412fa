import type { Area, AreaQuery, BoundaryProperties, BoundaryQuery, FeatureCollection } from '../../contract/areas.js';
import type { Indicator } from '../../contract/catalogue.js';
import { NotFoundError, UnsupportedQueryError, throwIfAborted } from '../../contract/errors.js';
import type { KpiQuery, KpiResult, Query, ResultFor } from '../../contract/query.js';
import type { DataSource, RequestOptions } from '../../contract/source.js';
import { CATALOGUE, indicatorById } from '../../catalogue/index.js';
import { hashString, mulberry32 } from '../../internal/random.js';

export interface DemoSourceOptions {
  /** Same seed, same data. Default 2025. */
  seed?: number | string;
  /** The demo's "now" (ISO); default: the real current hour. */
  now?: string;
}

const DAY = 86_400_000;

/**
 * A seeded synthetic province that needs no network. First cut: KPIs for every catalogue
 * indicator; areas, series and alerts arrive with the full demo province.
 */
export function createDemoSource(options: DemoSourceOptions | Readonly<Record<string, string>> = {}): DataSource {
  const seed = Number(options.seed ?? 2025) || hashString(String(options.seed));
  const now = options.now ? Date.parse(options.now) : Date.now();
  const province: Area = { code: '90', level: 'province', name: { vi: 'Tỉnh Sông Mây (demo)', en: 'Song May Province (demo)' } };

  function dailyValue(indicator: Indicator, area: string, day: number): number {
    const random = mulberry32(seed ^ hashString(`${indicator.id}|${area}|${day}`));
    const min = indicator.range?.min ?? 0;
    const max = indicator.range?.max ?? 100;
    const base = min + (max - min) * (0.15 + 0.2 * (hashString(indicator.id + area) / 2 ** 32));
    const seasonal = Math.sin((2 * Math.PI * day) / 365.25) * (max - min) * 0.05;
    return Math.max(min, base + seasonal + (random() - 0.5) * (max - min) * 0.08);
  }

  function kpi(query: KpiQuery): KpiResult {
    const indicator = indicatorById(query.indicator);
    if (!indicator) throw new NotFoundError(`Indicator "${query.indicator}"`);
    const at = query.at ? Date.parse(query.at) : now;
    const day = Math.floor(at / DAY);
    const round = (value: number) => Number(value.toFixed(indicator.decimals));
    return {
      kind: 'kpi',
      indicator: indicator.id,
      area: query.area,
      unit: indicator.unit,
      value: round(dailyValue(indicator, query.area, day)),
      previous: round(dailyValue(indicator, query.area, day - 1)),
      sameLastYear: round(dailyValue(indicator, query.area, day - 365)),
      target: indicator.target ?? null,
      period: { grain: 'day', from: new Date(day * DAY).toISOString(), to: new Date((day + 1) * DAY).toISOString() },
      observedAt: new Date(Math.min(at, now)).toISOString(),
      partial: false,
    };
  }

  return {
    id: 'demo',
    supports: ['kpi'],
    indicators: () => Promise.resolve(CATALOGUE),
    areas: (query: AreaQuery) => Promise.resolve(query.level === undefined || query.level === 'province' ? [province] : []),
    boundaries: (_query: BoundaryQuery): Promise<FeatureCollection<BoundaryProperties>> =>
      Promise.resolve({ type: 'FeatureCollection', features: [] }),
    query<Q extends Query>(query: Q, requestOptions: RequestOptions = {}): Promise<ResultFor<Q>> {
      try {
        throwIfAborted(requestOptions.signal);
        if (query.kind !== 'kpi') throw new UnsupportedQueryError('demo', `"${query.kind}" queries yet`);
        return Promise.resolve(kpi(query) as ResultFor<Q>);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}
