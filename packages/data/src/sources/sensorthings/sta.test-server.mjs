// A small OGC SensorThings API 1.1 service on 127.0.0.1 for the SensorThings source's tests:
// Things with Locations, Datastreams with ObservedProperty and unitOfMeasurement, hourly
// Observations; $filter on phenomenonTime, $orderby, $top (capped by a server page size, so the
// client must follow @iot.nextLink), $skip, $count, $select, $expand, $resultFormat=dataArray.
// The style of @iot.nextLink is switchable (absolute, relative, percent-encoded, foreign host,
// a loop). It also serves every file of ../shared/fixtures/sta at /fixtures/<name>, read at
// request time (never copied). `setMode({ corrupt: { <datastream id>: { <hour index>: {...} } } })`
// makes single Observations bad: `phenomenonTime`, `result` or `resultTime` replaced by the given
// value (OMIT leaves the key out; in dataArray form it sends null), or `short: true` for a
// dataArray row with a value missing.
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const fixturesDir = () => path.resolve(process.env.IOC_SHARED ?? path.resolve(repoRoot, '..', 'shared'), 'fixtures', 'sta');

const HOUR = 3_600_000;
/** Observations start here: 2026-11-20 00:00 Vietnamese time. */
export const START = Date.parse('2026-11-20T00:00:00+07:00');
export const HOURS = 24 * 7;

const THINGS = [
  { id: 1, name: 'Trạm Phường 1', properties: { areaCode: '90001' }, location: [106.70, 10.78] },
  { id: 2, name: 'Trạm Phường 2', properties: { areaCode: '90002' }, location: [106.71, 10.79] },
  // No area property: located by its point inside a boundary the test passes.
  { id: 3, name: 'Trạm Xã 3', properties: {}, location: [106.55, 10.55] },
];

const DATASTREAMS = [
  { id: 11, thing: 1, property: { name: 'PM2.5', definition: 'http://vocab.example/PM2.5' }, unit: { name: 'microgram per cubic metre', symbol: 'µg/m³', definition: 'http://unitsofmeasure.org/ucum.html' }, base: 10 },
  { id: 12, thing: 2, property: { name: 'PM 2.5', definition: null }, unit: { name: 'microgram per cubic metre', symbol: 'ug/m3', definition: null }, base: 20 },
  { id: 13, thing: 3, property: { name: 'Other', definition: 'http://vocab.example/PM25' }, unit: { name: 'milligram per cubic metre', symbol: 'mg/m³', definition: null }, base: 0.03 },
  { id: 14, thing: 1, property: { name: 'Temperature', definition: 'http://vocab.example/Temperature' }, unit: { name: 'degree Celsius', symbol: '°C', definition: null }, base: 25 },
];

/** Value of datastream `d` at hour index `h`: base plus the hour of the day (× 0.001 for the mg/m³ stream). */
export function valueAt(d, h) {
  const stream = DATASTREAMS.find((s) => s.id === d);
  return stream.base < 1 ? stream.base + (h % 24) * 0.001 : stream.base + (h % 24);
}

/** ISO text in +07:00, as Vietnamese servers often write it. */
function localIso(time) {
  const local = new Date(time + 7 * HOUR).toISOString().replace('Z', '');
  return `${local.slice(0, 19)}+07:00`;
}

/** In `corrupt`, a property replaced by this is left out of the Observation. */
const OMIT = '__omit__';

/** One Observation of datastream `id` at hour index `h`, with any corruption the mode asks for. */
function observationAt(id, row, corrupt) {
  const observation = { '@iot.id': id * 100000 + row.h, phenomenonTime: localIso(row.time), resultTime: row.h % 2 ? null : localIso(row.time), result: valueAt(id, row.h) };
  const bad = corrupt?.[id]?.[row.h];
  for (const [key, value] of Object.entries(bad ?? {})) {
    if (key === 'short') continue;
    if (value === OMIT) delete observation[key];
    else observation[key] = value;
  }
  return observation;
}

function query(params) {
  return Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
}

export async function start(options = {}) {
  let mode = { maxTop: 50, nextLink: 'absolute', failDatastreams: 0, failObservations: 0, ...options };
  const log = [];

  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

  const nextLinkFor = (origin, pathname, params) => {
    const text = query(params);
    switch (mode.nextLink) {
      case 'relative':
        return `${pathname}?${text}`;
      case 'relative-bare':
        return `${pathname.split('/').pop()}?${text}`;
      case 'encoded':
        return `${origin}${pathname}?${new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString()}`;
      case 'foreign':
        return `http://internal.invalid:8080${pathname}?${text}`;
      case 'loop':
        return `${origin}${pathname}?${query({ ...params, $skip: 0 })}`;
      default:
        return `${origin}${pathname}?${text}`;
    }
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = `http://${req.headers.host}`;
    log.push({ path: url.pathname, search: url.search, params: Object.fromEntries(url.searchParams) });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'Accept, Authorization' }).end();
      return;
    }
    if (url.pathname.startsWith('/fixtures/')) {
      const name = decodeURIComponent(url.pathname.slice('/fixtures/'.length));
      const file = path.resolve(fixturesDir(), name);
      if (!file.startsWith(fixturesDir() + path.sep)) return send(res, 403, { error: 'outside fixtures' });
      try {
        return send(res, 200, await readFile(file, 'utf8'));
      } catch {
        return send(res, 404, { error: 'no such fixture' });
      }
    }
    const top = Math.min(Number(url.searchParams.get('$top') ?? mode.maxTop), mode.maxTop);
    const skip = Number(url.searchParams.get('$skip') ?? 0);
    const count = url.searchParams.get('$count') === 'true';
    const params = Object.fromEntries(url.searchParams);

    if (url.pathname === '/sta/v1.1/Datastreams') {
      if (mode.failDatastreams > 0) {
        mode.failDatastreams--;
        return send(res, 503, { message: 'busy' });
      }
      const expand = url.searchParams.get('$expand') ?? '';
      const all = DATASTREAMS.map((stream) => {
        const thing = THINGS.find((t) => t.id === stream.thing);
        const item = { '@iot.id': stream.id, name: `${stream.property.name} @ ${thing.name}`, unitOfMeasurement: stream.unit };
        if (expand.includes('ObservedProperty')) item.ObservedProperty = { name: stream.property.name, definition: stream.property.definition };
        if (expand.includes('Thing')) {
          item.Thing = { '@iot.id': thing.id, name: thing.name, properties: thing.properties };
          if (expand.includes('Locations')) item.Thing.Locations = [{ location: { type: 'Point', coordinates: thing.location } }];
        }
        return item;
      });
      const page = all.slice(skip, skip + top);
      const body = { value: page };
      if (count) body['@iot.count'] = all.length;
      if (skip + top < all.length) body['@iot.nextLink'] = nextLinkFor(origin, url.pathname, { ...params, $skip: skip + top, $top: top });
      return send(res, 200, body);
    }

    const match = /^\/sta\/v1\.1\/Datastreams\((\d+)\)\/Observations$/.exec(url.pathname);
    if (match && mode.observationsFixture && Number(match[1]) === 11) {
      // A public fixture answers for station 1's PM2.5, so it goes through the whole source.
      try {
        return send(res, 200, await readFile(path.resolve(fixturesDir(), mode.observationsFixture), 'utf8'));
      } catch {
        return send(res, 404, { message: 'no such fixture' });
      }
    }
    if (match && mode.failObservations > 0) {
      mode.failObservations--;
      return send(res, 503, { message: 'busy' });
    }
    if (match) {
      const id = Number(match[1]);
      if (!DATASTREAMS.some((s) => s.id === id)) return send(res, 404, { message: 'no such Datastream' });
      let rows = Array.from({ length: HOURS }, (_, h) => ({ h, time: START + h * HOUR }));
      const filter = url.searchParams.get('$filter');
      if (filter) {
        const parsed = /^phenomenonTime ge (\S+) and phenomenonTime lt (\S+)$/.exec(filter);
        if (!parsed) return send(res, 400, { message: `unsupported $filter ${filter}` });
        const from = Date.parse(parsed[1]);
        const to = Date.parse(parsed[2]);
        rows = rows.filter((row) => row.time >= from && row.time < to);
      }
      if ((url.searchParams.get('$orderby') ?? '').endsWith('desc')) rows.reverse();
      const page = rows.slice(skip, skip + top);
      const more = skip + top < rows.length;
      const next = more ? nextLinkFor(origin, url.pathname, { ...params, $skip: skip + top, $top: top }) : undefined;
      if (url.searchParams.get('$resultFormat') === 'dataArray') {
        const dataArray = page.map((row) => {
          const observation = observationAt(id, row, mode.corrupt);
          const cells = [observation['@iot.id'], observation.phenomenonTime ?? null, observation.result ?? null];
          return mode.corrupt?.[id]?.[row.h]?.short ? cells.slice(0, 2) : cells;
        });
        const body = { value: [{ 'Datastream@iot.navigationLink': `${origin}/sta/v1.1/Datastreams(${id})`, components: ['id', 'phenomenonTime', 'result'], dataArray }] };
        if (count) body['@iot.count'] = rows.length;
        if (next) body['@iot.nextLink'] = next;
        return send(res, 200, body);
      }
      const body = {
        value: page.map((row) => observationAt(id, row, mode.corrupt)),
      };
      if (count) body['@iot.count'] = rows.length;
      if (next) body['@iot.nextLink'] = next;
      return send(res, 200, body);
    }
    send(res, 404, { message: 'not found' });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    setMode(changes) {
      mode = { ...mode, ...changes };
      return true;
    },
    requests(prefix) {
      return log.filter((entry) => prefix === undefined || entry.path.startsWith(prefix));
    },
    reset() {
      log.length = 0;
      return true;
    },
    async fixtures() {
      try {
        return (await readdir(fixturesDir())).sort();
      } catch {
        return null;
      }
    },
    close() {
      const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
      // Keep-alive sockets from the browser would hold close() open until they time out.
      server.closeAllConnections();
      return closed;
    },
  };
}
