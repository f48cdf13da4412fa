// A local NGSI-LD temporal broker for the data benchmark: one AirQualityObserved entity with
// `hours` hourly pm25 instances, answered `limit` instances at a time as HTTP 206 Partial Content
// with a `Content-Range: date-time <first>-<last>/*` header, the way the ETSI test suite pages
// (the client continues from the end of the range).
import { createServer } from 'node:http';

const HOUR = 3_600_000;

export async function startTemporalBroker({ start, hours, limit }) {
  // Pre-rendered instances: the benchmark measures the client, not this server's JSON building.
  const instances = Array.from({ length: hours }, (_, i) => {
    const time = start + i * HOUR;
    return { time, json: JSON.stringify({ type: 'Property', value: Math.round((20 + 15 * Math.sin(i / 9) + (i % 7)) * 10) / 10, unitCode: 'GQ', observedAt: new Date(time).toISOString() }) };
  });
  let requests = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/ngsi-ld/v1/temporal/entities')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"title":"not found"}');
      return;
    }
    requests++;
    const timeAt = url.searchParams.get('timeAt') ? Date.parse(url.searchParams.get('timeAt')) : -Infinity;
    const endTimeAt = url.searchParams.get('endTimeAt') ? Date.parse(url.searchParams.get('endTimeAt')) : Infinity;
    // Binary search for the first instance at or after timeAt.
    let lo = 0;
    let hi = instances.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (instances[mid].time < timeAt) lo = mid + 1;
      else hi = mid;
    }
    const page = [];
    for (let i = lo; i < instances.length && instances[i].time < endTimeAt && page.length < limit + 1; i++) page.push(instances[i]);
    const truncated = page.length > limit;
    if (truncated) page.length = limit;
    const body = `[{"id":"urn:ngsi-ld:AirQualityObserved:bench-1","type":"AirQualityObserved","pm25":[${page.map((p) => p.json).join(',')}]}]`;
    const headers = { 'content-type': 'application/json' };
    if (truncated) {
      const iso = (t) => new Date(t).toISOString().replace('.000Z', 'Z');
      headers['content-range'] = `date-time ${iso(page[0].time)}-${iso(page[page.length - 1].time)}/*`;
    }
    res.writeHead(truncated ? 206 : 200, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    resetCount() {
      requests = 0;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
