import { defineDomainAdapter, request, type Area, type DataSource, type DataWarning, type IndicatorId, type IndicatorMapping } from '@ioc-kit/data';

/** One line of the file `ma_xa,thoi_gian,chi_tieu,gia_tri`: commune, Vietnam time, indicator, value. */
interface CsvRow {
  area: string;
  time: string;
  indicator: string;
  value: string;
}

/** The fields of one line; a field in "…" may hold commas ("35,2"), and "" inside it is a quote. */
function splitLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quoted && c === '"' && line.charAt(i + 1) === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  return [...fields, field];
}

/** The rows of the file. A line with the wrong number of fields is left out and counted. */
function readCsv(text: string, file: string): { records: CsvRow[]; warnings: DataWarning[] } {
  const records: CsvRow[] = [];
  let bad = 0;
  let first = '';
  text.split(/\r?\n/).forEach((line, index) => {
    if (index === 0 || line.trim() === '') return; // the header, blank lines
    const fields = splitLine(line);
    const [area = '', time = '', indicator = '', value = ''] = fields;
    if (fields.length === 4) records.push({ area, time, indicator, value });
    else if (bad++ === 0) first = `line ${index + 1} has ${fields.length} fields, not 4`;
  });
  const message = `${file}: ${first}; skipped`;
  return { records, warnings: bad ? [{ code: 'invalid-record', entity: file, field: 'line', count: bad, message }] : [] };
}

/**
 * A CSV file of observations (any catalogue indicator, one per line) as an ioc-kit source;
 * `areas`, the communes it speaks of, name and place each result's areas.
 */
export function createCsvObservations(url: string, indicators: readonly IndicatorId[], areas: readonly Area[] = []): DataSource {
  // The mapping half: a row answers the indicator it names; the adapter reads "35,2" and
  // zone-less Vietnam times, and makes a gap with a warning of "n/a".
  const mapping: IndicatorMapping<CsvRow>['map'] = (row, asked) =>
    row.indicator === asked.indicator ? { value: row.value, time: row.time, area: row.area, entity: `${url} ${row.area}`, field: 'gia_tri' } : undefined;
  return defineDomainAdapter<CsvRow>({
    id: `csv:${url}`,
    // The protocol half: the whole file, every time (the HTTP layer revalidates it with its ETag).
    fetchRecords: async (_request, { signal }) => {
      const { data } = await request<string>(url, { signal, responseType: 'text' });
      return readCsv(data, url);
    },
    indicators: Object.fromEntries(indicators.map((id) => [id, { from: url, map: mapping }])),
    areas,
  });
}
