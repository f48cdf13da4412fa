/**
 * An OGC SensorThings API 1.1 source (FROST-Server, 52°North, SensorUp…): Datastreams are mapped
 * to catalogue indicators by their ObservedProperty (e.g. "PM2.5" → `environment.pm25`) through a
 * domain adapter, and their Observations answer `series`, `kpi` and `by-area` (Things located
 * in areas by a property or by point-in-polygon). Reads go through the robust HTTP layer.
 *
 * One bad row never costs the rest: an Observation without a readable `phenomenonTime` (or a
 * dataArray row of the wrong shape) is skipped, a `result` that is not a number is a gap, a
 * Datastream whose unit cannot be converted, that cannot be read or whose Thing has no area is
 * left out; each is counted in the result's `warnings` (naming `Datastreams(id)`, the
 * Observation and the field) and the result is `partial`. A page that is not a SensorThings
 * entity set at all is still a `ValidationError`.
 */
import { geoContains } from 'd3-geo';
import { defineDomainAdapter, type IndicatorMapping, type RecordRequest } from '../../adapters/domain-adapter.js';
import type { Area, AreaQuery, BoundaryProperties, BoundaryQuery, FeatureCollection } from '../../contract/areas.js';
import type { Indicator, IndicatorId } from '../../contract/catalogue.js';
import { AbortError, ConfigError, ValidationError } from '../../contract/errors.js';
import type { DataSource, RequestOptions } from '../../contract/source.js';
import type { TimeGrain } from '../../contract/query.js';
import { WarningCollector, describeBadValue, readValue, type DataWarning, type WarnFn } from '../../contract/warnings.js';
import { CATALOGUE } from '../../catalogue/index.js';
import { HttpClient } from '../../internal/http.js';
import { pageAddress } from '../../refresh/page.js';
import { withPolling } from '../../refresh/polling.js';
import { createStaleTracker, staleOf } from '../http/stale.js';
import { readCollection, readDataArray, readDatastream, readObservation, type StaDatastream, type StaObservation, type StaProblem, type StaThing } from './sta-parse.js';
import { readAllPages, staTime, staUrl, type JsonGetter, type StaQueryOptions } from './sta-query.js';

/** How to recognise an indicator's Datastreams: ObservedProperty names or definition URIs. */
export interface StaIndicatorMatch {
  /** Compared without case, accents, spaces or punctuation ("PM 2.5" = "pm2.5" = "PM25"). */
  observedProperty: readonly string[];
}

/** ObservedProperty names used in the field for the catalogue's measurable indicators. */
export const DEFAULT_STA_INDICATORS: Readonly<Partial<Record<IndicatorId, StaIndicatorMatch>>> = {
  'environment.pm25': { observedProperty: ['PM2.5', 'PM 2.5', 'PM25', 'PM2_5', 'particulate matter 2.5', 'mass concentration of pm2.5 ambient aerosol particles in air', 'bụi PM2.5'] },
  'environment.pm10': { observedProperty: ['PM10', 'PM 10', 'particulate matter 10', 'mass concentration of pm10 ambient aerosol particles in air', 'bụi PM10'] },
  'environment.aqi': { observedProperty: ['AQI', 'VN_AQI', 'air quality index', 'chỉ số chất lượng không khí'] },
  'environment.water-level': { observedProperty: ['water level', 'waterlevel', 'river level', 'mực nước'] },
  'environment.rainfall': { observedProperty: ['rainfall', 'precipitation', 'lượng mưa'] },
  'environment.dissolved-oxygen': { observedProperty: ['dissolved oxygen', 'oxy hòa tan', 'DO'] },
};

export interface SensorThingsSourceOptions {
  /** Service root, e.g. `https://example.org/FROST-Server/v1.1`. */
  url: string;
  id?: string;
  /** The HTTP client (timeouts, retries, cache); default a new one with `headers`. */
  http?: HttpClient;
  headers?: Readonly<Record<string, string>>;
  /** Indicator → how its Datastreams are recognised. Default `DEFAULT_STA_INDICATORS`. */
  indicators?: Readonly<Partial<Record<IndicatorId, StaIndicatorMatch>>>;
  /** Definitions for indicators the catalogue lacks. */
  catalogue?: readonly Indicator[];
  /**
   * The area code of a Thing. Default: its `properties.areaCode` (or `area`, `communeCode`,
   * `maXa`), else the boundary in `locateIn` that contains its Location.
   */
  areaOf?: (thing: StaThing) => string | undefined;
  /** Boundaries (properties carry `code`) to locate Things by their Location point. */
  locateIn?: FeatureCollection<BoundaryProperties>;
  areas?: readonly Area[] | ((query: AreaQuery, options: RequestOptions) => Promise<readonly Area[]>);
  boundaries?: (query: BoundaryQuery, options: RequestOptions) => Promise<FeatureCollection<BoundaryProperties>>;
  /** `$top` of each page. Default 1000. */
  pageSize?: number;
  /** Pages read per request before the result is marked partial. Default 20. */
  maxPages?: number;
  /** Ask for Observations as `$resultFormat=dataArray` (smaller; FROST supports it). Default false. */
  dataArray?: boolean;
  /** How long the Datastream list is reused, ms. Default 5 min. */
  datastreamTtlMs?: number;
  /** Parallel Observation requests. Default 4. */
  concurrency?: number;
  /** Default polling interval for `subscribe`, ms. Default 60 000. */
  pollIntervalMs?: number;
  now?: () => number;
  defaultGrain?: TimeGrain;
}

/** One Observation of a matched Datastream, as handed to the domain adapter. */
export interface StaRecordOfIndicator {
  datastream: StaDatastream;
  observation: StaObservation;
  area: string;
  value: number;
}

/** Folds a name for matching: lower case, no accents, only letters and digits. */
export function foldName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]/g, '');
}

/** The indicator a Datastream measures, by its ObservedProperty name or definition, or undefined. */
export function indicatorOfDatastream(datastream: StaDatastream, matches: Readonly<Partial<Record<IndicatorId, StaIndicatorMatch>>>): IndicatorId | undefined {
  const property = datastream.observedProperty;
  if (!property) return undefined;
  const candidates = [property.name, property.definition?.split(/[#/]/).filter(Boolean).pop() ?? ''].map(foldName).filter((name) => name !== '');
  for (const [id, match] of Object.entries(matches) as [IndicatorId, StaIndicatorMatch | undefined][]) {
    if (match?.observedProperty.some((alias) => candidates.includes(foldName(alias)))) return id;
  }
  return undefined;
}

const CONVERSIONS: Readonly<Record<string, number>> = {
  'mg/m3>ug/m3': 1000,
  'ug/m3>mg/m3': 0.001,
  'm>cm': 100,
  'cm>m': 0.01,
  'mm>cm': 0.1,
  'cm>mm': 10,
  'm>mm': 1000,
};

/** Factor from a Datastream's unit to the indicator's, 1 when they agree or the stream has none. */
export function unitFactor(datastream: StaDatastream, indicator: Indicator): number {
  const from = datastream.unit.code;
  const to = indicator.unit.code;
  if (from === '' || from === to || (to === '1' && from === '')) return 1;
  const factor = CONVERSIONS[`${from}>${to}`];
  if (factor !== undefined) return factor;
  throw new ValidationError(
    `Datastreams(${datastream.id}).unitOfMeasurement`,
    `reports in "${datastream.unit.label.vi}", which cannot be converted to ${indicator.id}'s ${indicator.unit.label.vi || indicator.unit.code}`,
  );
}

const AREA_PROPERTIES = ['areaCode', 'area', 'communeCode', 'maXa', 'ma_xa'] as const;

/** Waits for a shared promise, but lets this caller stop waiting when its signal aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(new AbortError());
      return;
    }
    const onAbort = () => reject(new AbortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Runs `work` over `items` with at most `limit` at once. */
async function mapLimited<T, U>(items: readonly T[], limit: number, work: (item: T) => Promise<U>): Promise<U[]> {
  const results: U[] = new Array<U>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(Math.max(1, limit), items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index];
      if (item !== undefined) results[index] = await work(item);
    }
  });
  await Promise.all(runners);
  return results;
}

/**
 * Makes a SensorThings source. Nothing is fetched until the first query; the Datastream list
 * (with ObservedProperty and Thing + Locations, one nested `$expand`) is read once and reused.
 */
export function createSensorThingsSource(options: SensorThingsSourceOptions): DataSource {
  let root: string;
  try {
    // A relative root ("/sta/v1.1") resolves against the page when there is one.
    root = new URL(options.url, pageAddress()).href.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`SensorThings url "${String(options.url).slice(0, 80)}" is not a valid address; give the service root, e.g. https://example.org/FROST-Server/v1.1`);
  }
  const http = options.http ?? new HttpClient(options.headers ? { headers: options.headers } : {});
  const id = options.id ?? `sensorthings:${root}`;
  const pageSize = Math.max(1, options.pageSize ?? 1000);
  const maxPages = Math.max(1, options.maxPages ?? 20);
  const ttl = options.datastreamTtlMs ?? 300_000;
  const now = options.now ?? (() => Date.now());
  const definitions = new Map<string, Indicator>([...CATALOGUE, ...(options.catalogue ?? [])].map((indicator) => [indicator.id, indicator]));
  const matches = Object.fromEntries(
    Object.entries(options.indicators ?? DEFAULT_STA_INDICATORS).filter(([indicatorId]) => definitions.has(indicatorId)),
  ) as Partial<Record<IndicatorId, StaIndicatorMatch>>;
  const stale = createStaleTracker();
  const get: JsonGetter = async (url, signal) => {
    const result = await http.request(url, { ...(signal ? { signal } : {}), headers: { accept: 'application/json' } });
    stale.note(signal, staleOf(result));
    return result.data;
  };

  const areaOf =
    options.areaOf ??
    ((thing: StaThing) => {
      for (const key of AREA_PROPERTIES) {
        const value = thing.properties[key];
        if ((typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value))) return String(value).trim();
      }
      const point = thing.location;
      if (point && options.locateIn) {
        const hit = options.locateIn.features.find((feature) => feature.geometry !== null && geoContains(feature as Parameters<typeof geoContains>[0], point));
        if (hit) return hit.properties.code;
      }
      return undefined;
    });

  let datastreams: { at: number; promise: Promise<{ list: StaDatastream[]; partial: boolean; warnings?: DataWarning[] }> } | undefined;
  const discover = (signal?: AbortSignal) => {
    if (!datastreams || now() - datastreams.at > ttl) {
      const url = staUrl(root, 'Datastreams', {
        select: ['id', 'name', 'unitOfMeasurement'],
        expand: { ObservedProperty: { select: ['name', 'definition'] }, Thing: { select: ['id', 'name', 'properties'], expand: { Locations: { select: ['location'] } } } },
        top: pageSize,
        count: true,
      });
      // Not tied to one caller's signal: the list is shared by every query that follows.
      const promise = readAllPages(url, root, get, { maxPages, read: readCollection }).then((paged) => {
        // One Datastream that cannot be read is left out (and said), not the whole service.
        const warnings = new WarningCollector();
        const list: StaDatastream[] = [];
        paged.items.forEach((item, i) => {
          try {
            list.push(readDatastream(item, `Datastreams[${i}]`));
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            const rawId = item['@iot.id'] ?? item.id;
            const entity = typeof rawId === 'number' || (typeof rawId === 'string' && rawId.trim() !== '') ? `Datastreams(${String(rawId).slice(0, 60)})` : `Datastreams[${i}]`;
            warnings.add({ code: 'invalid-record', entity, message: `${entity} ${error.path}: ${error.problem.replace(/\.$/, '')}; this Datastream is left out` });
          }
        });
        const warned = warnings.list();
        return { list, partial: paged.partial, ...(warned ? { warnings: warned } : {}) };
      });
      const entry = { at: now(), promise };
      datastreams = entry;
      promise.catch(() => {
        if (datastreams === entry) datastreams = undefined;
      });
    }
    return abortable(datastreams.promise, signal);
  };

  /** An Observation problem as a warning, counted per Datastream and field. */
  const problemWarning = (datastream: StaDatastream, warn: WarnFn) => (problem: StaProblem) => {
    const entity = `Datastreams(${datastream.id})`;
    const which = problem.observation !== undefined ? `Observation ${problem.observation}` : problem.path;
    warn({ code: problem.code, entity, field: problem.field, message: `${entity} ${which} ${problem.field}: ${problem.problem}; ${problem.consequence === 'skipped' ? 'this Observation is skipped' : 'read as null'}` });
  };

  const observations = async (datastream: StaDatastream, request: RecordRequest, warn: WarnFn, signal?: AbortSignal) => {
    const onProblem = problemWarning(datastream, warn);
    const windowed = request.timeFrom !== undefined && request.timeTo !== undefined;
    const query: StaQueryOptions = windowed
      ? {
          filter: `phenomenonTime ge ${staTime(request.timeFrom ?? 0)} and phenomenonTime lt ${staTime(request.timeTo ?? 0)}`,
          orderby: 'phenomenonTime asc',
          top: pageSize,
          select: ['phenomenonTime', 'result'],
        }
      : { orderby: 'phenomenonTime desc', top: 1, select: ['phenomenonTime', 'result'] };
    if (options.dataArray) query.resultFormat = 'dataArray';
    const url = staUrl(root, `Datastreams(${encodeURIComponent(datastream.id)})/Observations`, query);
    const paged = await readAllPages<StaObservation>(url, root, get, {
      maxPages: windowed ? maxPages : 1,
      ...(signal ? { signal } : {}),
      read: options.dataArray
        ? (body, path) => {
            const page = readDataArray(body, path, onProblem);
            return { items: page.blocks.flatMap((block) => block.observations), quirks: page.quirks, ...(page.nextLink ? { nextLink: page.nextLink } : {}) };
          }
        : (body, path) => {
            const page = readCollection(body, path);
            const items: StaObservation[] = [];
            page.items.forEach((item, i) => {
              const observation = readObservation(item, `${path}.value[${i}]`, page.quirks, onProblem);
              if (observation) items.push(observation);
            });
            return { items, quirks: page.quirks, ...(page.nextLink ? { nextLink: page.nextLink } : {}) };
          },
    });
    // "Latest value" reads one page on purpose: only a windowed read is partial when pages remain.
    return { items: paged.items, partial: windowed && paged.partial };
  };

  const fetchRecords = async (request: RecordRequest, requestOptions: RequestOptions) => {
    const indicator = definitions.get(request.indicator);
    if (!indicator) return { records: [] };
    const discovered = await discover(requestOptions.signal);
    const warnings = new WarningCollector();
    warnings.addAll(discovered.warnings);
    const wanted = discovered.list.filter((datastream) => datastream.id !== '' && indicatorOfDatastream(datastream, matches) === indicator.id);
    const located: { datastream: StaDatastream; area: string; factor: number }[] = [];
    for (const datastream of wanted) {
      const entity = `Datastreams(${datastream.id})`;
      const area = datastream.thing ? areaOf(datastream.thing) : undefined;
      if (area === undefined) {
        const why = datastream.thing
          ? `its Thing ${describeBadValue(datastream.thing.name || datastream.thing.id)} has no area code (properties.areaCode) and no Location inside the boundaries given`
          : 'it has no Thing, so no area';
        warnings.add({ code: 'missing-area', entity, field: 'Thing', message: `${entity}: ${why}; its Observations are left out` });
        continue;
      }
      try {
        located.push({ datastream, area, factor: unitFactor(datastream, indicator) });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        warnings.add({ code: 'invalid-unit', entity, field: 'unitOfMeasurement', message: `${entity} unitOfMeasurement: ${error.problem.replace(/\.$/, '')}; its Observations are left out` });
      }
    }
    const answers = await mapLimited(located, options.concurrency ?? 4, async ({ datastream, area, factor }) => {
      const answer = await observations(datastream, request, warnings.add, requestOptions.signal);
      const entity = `Datastreams(${datastream.id})`;
      const records: StaRecordOfIndicator[] = answer.items.map((observation, i) => {
        // A category or structured result (allowed by STA), "NaN" or null in a numeric indicator is a gap, not a failure.
        const reading = readValue(observation.result);
        const bad = reading.problem ?? (observation.result === null || observation.result === undefined ? { code: 'invalid-value' as const, message: `${describeBadValue(observation.result)} is not a number; read as a gap` } : undefined);
        if (bad) warnings.add({ code: bad.code, entity, field: 'result', message: `${entity} ${observation.id !== undefined ? `Observation ${observation.id}` : `Observations[${i}]`} result: ${bad.message}` });
        return { datastream, observation, area, value: reading.value * factor };
      });
      return { records, partial: answer.partial };
    });
    const warned = warnings.list();
    return {
      records: answers.flatMap((answer) => answer.records),
      partial: discovered.partial || answers.some((answer) => answer.partial),
      ...(warned ? { warnings: warned } : {}),
    };
  };

  const mappings: Partial<Record<IndicatorId, IndicatorMapping<StaRecordOfIndicator>>> = {};
  for (const indicatorId of Object.keys(matches) as IndicatorId[]) {
    mappings[indicatorId] = {
      from: indicatorId,
      map: (record) => ({ value: record.value, time: record.observation.time, area: record.area, entity: `Datastreams(${record.datastream.id})`, field: 'result' }),
    };
  }
  const adapter = defineDomainAdapter<StaRecordOfIndicator>({
    id,
    domain: 'environment',
    fetchRecords,
    indicators: mappings,
    ...(options.catalogue ? { catalogue: options.catalogue } : {}),
    ...(options.areas ? { areas: options.areas } : {}),
    ...(options.boundaries ? { boundaries: options.boundaries } : {}),
    now,
    ...(options.defaultGrain ? { defaultGrain: options.defaultGrain } : {}),
  });
  return withPolling(stale.wrap(adapter), { intervalMs: options.pollIntervalMs ?? 60_000 });
}
