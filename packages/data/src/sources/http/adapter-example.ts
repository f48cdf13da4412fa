import { defineDomainAdapter, request, type DataSource } from '@ioc-kit/data';

/** One row of the province's air API: GET /api/air?from=…&to=… → { "rows": [...] } */
interface AirRow {
  ma_xa: string; // commune code (5 digits)
  thoi_gian: string; // "2026-11-24T08:00:00", Vietnam time
  pm25: number | string; // µg/m³; some stations send "35,2"
  aqi: number | null; // VN_AQI
}

/** The province's own air-quality API as an ioc-kit source. */
export function createProvinceAir(baseUrl: string): DataSource {
  const observe = (value: (row: AirRow) => unknown) => (row: AirRow) => ({
    value: value(row),
    time: row.thoi_gian,
    area: row.ma_xa,
  });
  return defineDomainAdapter<AirRow>({
    id: 'province-air',
    domain: 'environment',
    // The protocol half: fetch the rows for a time window. request() adds
    // timeouts, retries, shared in-flight reads and typed errors.
    fetchRecords: async ({ timeFrom, timeTo }, { signal }) => {
      const url = new URL('api/air', baseUrl);
      if (timeFrom !== undefined) url.searchParams.set('from', new Date(timeFrom).toISOString());
      if (timeTo !== undefined) url.searchParams.set('to', new Date(timeTo).toISOString());
      const { data } = await request<{ rows: AirRow[] }>(url.href, { signal });
      return data.rows;
    },
    // The mapping half: which field answers which catalogue indicator.
    indicators: {
      'environment.pm25': { from: 'air', map: observe((row) => row.pm25) },
      'environment.aqi': { from: 'air', map: observe((row) => row.aqi) },
    },
    areas: [
      { code: '27', level: 'province', name: { vi: 'Tỉnh Bắc Ninh', en: 'Bac Ninh Province' } },
      { code: '27001', level: 'commune', parent: '27', name: { vi: 'Phường Kinh Bắc' } },
      { code: '27004', level: 'commune', parent: '27', name: { vi: 'Phường Võ Cường' } },
    ],
  });
}
