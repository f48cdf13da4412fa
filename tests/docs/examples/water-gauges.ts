import { defineDomainAdapter, request, type Area, type DataSource } from '@ioc-kit/data';

/** One reading of the irrigation company's gauges: `[{ "tram": "27001", "luc": "2026-11-24T08:00:00", "cm": 312 }]`. */
interface GaugeReading {
  tram: string; // the commune the gauge stands in
  luc: string; // Vietnam time, no zone
  cm: number | string | null; // river level; some gauges send "312,5"
}

/** The gauges' JSON file as a source of `environment.water-level`, its communes named by `areas`. */
export function createWaterGauges(url: string, areas: readonly Area[] = []): DataSource {
  return defineDomainAdapter<GaugeReading>({
    id: 'water-gauges',
    // The fetcher: the protocol. request() adds the time-out, retries, ETag revalidation, typed errors.
    fetchRecords: async (_window, { signal }) => (await request<GaugeReading[]>(url, { signal })).data,
    // The mapping: which field answers which catalogue indicator. The rest is the adapter's.
    indicators: { 'environment.water-level': { from: 'gauges', map: (r) => ({ value: r.cm, time: r.luc, area: r.tram }) } },
    areas,
  });
}
