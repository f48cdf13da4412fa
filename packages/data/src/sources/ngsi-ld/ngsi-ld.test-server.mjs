// A small NGSI-LD (and NGSI v2) broker on 127.0.0.1 for the conformance and robustness tests.
// It serves the public fixtures under ../shared/fixtures (read at run time, never copied):
// - GET /ngsi-ld/v1/entities?type=T[&options=keyValues][&attrs=..][&limit&offset&count=true]
//   answers the Smart Data Models example of type T (normalized or keyValues), plus any
//   synthetic entities a test adds for paging; `attrs` filters attributes as a broker does.
// - GET /v2/entities?type=T[&options=keyValues,count] answers the NGSI v2 example.
// - GET /ngsi-ld/v1/entities/{id} answers the entity fixture with that id.
// - GET /ngsi-ld/v1/temporal/entities[/{id}] answers the fixture a test chose with
//   `serveTemporal`, with the status and headers of a captured `.headers.txt` if given;
//   `pageAnchor` selects a page of a paged capture; `servePaged` makes the broker really page
//   instances (206 + Content-Range) of a normalized temporal fixture, as the ETSI suite expects.
// Every answer carries CORS headers exposing Link, Content-Range, Next-Page, ... to the test page.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corsHeaders } from '../../internal/http.test-server.mjs';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const shared = process.env.IOC_SHARED ?? path.resolve(repoRoot, '..', 'shared');
const fixtures = path.join(shared, 'fixtures');
const CONTEXT_REL = 'http://www.w3.org/ns/json-ld#context';

async function readFixture(relative) {
  const full = path.resolve(fixtures, relative);
  if (!full.startsWith(fixtures + path.sep)) throw new Error(`${relative} is outside the fixtures`);
  return JSON.parse(await readFile(full, 'utf8'));
}

/** Status and headers of a captured `curl -i` header block. */
async function readHeaders(relative) {
  const text = await readFile(path.resolve(fixtures, relative), 'utf8');
  const [statusLine, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const status = Number(/HTTP\/\S+\s+(\d+)/.exec(statusLine ?? '')?.[1] ?? 200);
  const headers = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    if (at < 0) continue;
    const name = line.slice(0, at).trim().toLowerCase();
    // Framing headers describe the captured body, not the one we send.
    if (['content-length', 'connection', 'transfer-encoding', 'date'].includes(name)) continue;
    headers[name] = line.slice(at + 1).trim();
  }
  return { status, headers };
}

function pickAttrs(entity, attrs) {
  if (!attrs) return entity;
  const keep = new Set(attrs.split(','));
  return Object.fromEntries(Object.entries(entity).filter(([key]) => ['id', 'type', '@context'].includes(key) || keep.has(key)));
}

function instanceTime(instance) {
  return Date.parse(instance.observedAt);
}

/**
 * ETSI-style instance paging of a normalized temporal entity: at most `limit` instances per
 * attribute, every attribute cut at the same instant so the response is complete up to the
 * end of its Content-Range (the client continues from there).
 */
function pageInstances(entity, query, limit) {
  const timerel = query.get('timerel');
  const timeAt = query.get('timeAt') ? Date.parse(query.get('timeAt')) : undefined;
  const endTimeAt = query.get('endTimeAt') ? Date.parse(query.get('endTimeAt')) : undefined;
  const lastN = query.get('lastN') ? Number(query.get('lastN')) : undefined;
  const selected = {};
  for (const [name, value] of Object.entries(entity)) {
    if (!Array.isArray(value) || name === '@context') continue;
    let instances = value.filter((instance) => {
      const t = instanceTime(instance);
      if (timerel === 'after') return t >= timeAt;
      if (timerel === 'before') return t < timeAt;
      if (timerel === 'between') return t >= timeAt && t < endTimeAt;
      return true;
    });
    instances.sort((a, b) => instanceTime(a) - instanceTime(b));
    if (lastN !== undefined) instances = instances.slice(-lastN);
    selected[name] = instances;
  }
  const lists = Object.values(selected);
  const truncated = lists.some((list) => list.length > limit);
  let cut;
  if (truncated) {
    const candidates = lists.filter((list) => list.length > limit).map((list) => instanceTime(lastN !== undefined ? list[list.length - limit] : list[limit - 1]));
    cut = lastN !== undefined ? Math.max(...candidates) : Math.min(...candidates);
  }
  const out = { id: entity.id, type: entity.type };
  let least = Infinity;
  let most = -Infinity;
  for (const [name, list] of Object.entries(selected)) {
    const kept = cut === undefined ? list : list.filter((instance) => (lastN !== undefined ? instanceTime(instance) >= cut : instanceTime(instance) <= cut));
    // A broker leaves out an attribute with no instance in the window.
    if (kept.length === 0) continue;
    for (const instance of kept) {
      least = Math.min(least, instanceTime(instance));
      most = Math.max(most, instanceTime(instance));
    }
    out[name] = lastN !== undefined ? [...kept].reverse() : kept;
  }
  const headers = {};
  if (truncated) {
    const iso = (t) => new Date(t).toISOString().replace('.000Z', 'Z');
    headers['content-range'] = lastN !== undefined ? `date-time ${iso(most)}-${iso(least)}/${lastN}` : `date-time ${iso(least)}-${iso(most)}/*`;
  }
  return { status: truncated ? 206 : 200, headers, body: out };
}

export async function start(options = {}) {
  const available = existsSync(fixtures);
  const log = [];
  let temporal = undefined; // { fixture, headers } or { pages: { anchor: {fixture, headers} } } or { paged: { fixture, limit } }
  let failures = []; // statuses to answer before serving normally
  let delayMs = 0;
  let extraEntities = 0;
  let synthetic = undefined; // { entities: [normalized temporal entities] } for subscribe tests
  let linkPaged = undefined; // { entities, pageSize } for Link rel="next" paging
  const subscriptions = []; // { id, headers, body, deleted } from POST /ngsi-ld/v1/subscriptions
  const requiredTenant = options.tenant;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...corsHeaders(), 'access-control-allow-methods': 'GET, HEAD, POST, DELETE, OPTIONS' }).end();
      return;
    }
    if (decodeURIComponent(url.pathname).startsWith('/ngsi-ld/v1/subscriptions')) {
      const cors = { ...corsHeaders(), 'access-control-expose-headers': 'Location' };
      if (req.method === 'POST') {
        let text = '';
        for await (const chunk of req) text += chunk;
        const id = `urn:ngsi-ld:Subscription:${subscriptions.length + 1}`;
        subscriptions.push({ id, headers: req.headers, body: JSON.parse(text), deleted: false });
        res.writeHead(201, { ...cors, location: `/ngsi-ld/v1/subscriptions/${id}` }).end();
        return;
      }
      if (req.method === 'DELETE') {
        const id = decodeURIComponent(url.pathname).split('/').pop();
        const found = subscriptions.find((entry) => entry.id === id && !entry.deleted);
        if (found) found.deleted = true;
        res.writeHead(found ? 204 : 404, cors).end();
        return;
      }
    }
    log.push({ method: req.method, path: decodeURIComponent(url.pathname), query: Object.fromEntries(url.searchParams), headers: req.headers });
    const send = (status, body, headers = {}) => {
      if (res.destroyed) return;
      const json = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { ...corsHeaders(), 'content-type': 'application/json', ...headers });
      res.end(json);
    };
    const problem = (status, title, detail) => send(status, { type: 'https://uri.etsi.org/ngsi-ld/errors/' + title.replace(/\s/g, ''), title, detail });
    try {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (failures.length) {
        const status = failures.shift();
        if (status === 'hang') return; // never answers: the client's timeout must act
        if (status === 'broken') {
          res.writeHead(200, { ...corsHeaders(), 'content-type': 'application/json', 'content-length': '500' });
          res.write('[{"id": "urn:ngsi-ld:');
          setTimeout(() => res.destroy(), 10);
          return;
        }
        if (status === 'html') {
          res.writeHead(200, { ...corsHeaders(), 'content-type': 'text/html' }).end('<html><body>Login required</body></html>');
          return;
        }
        problem(status, status === 503 ? 'Service Unavailable' : 'Bad Request', `scripted failure ${status}`);
        return;
      }
      const synthPath = decodeURIComponent(url.pathname);
      if (linkPaged && synthPath === '/ngsi-ld/v1/entities') {
        // Pages only by `Link: <…>; rel="next"` (no count, full pages), as some brokers and proxies do.
        const page = Number(url.searchParams.get('page') ?? 0);
        const slice = linkPaged.entities.slice(page * linkPaged.pageSize, (page + 1) * linkPaged.pageSize);
        const more = (page + 1) * linkPaged.pageSize < linkPaged.entities.length;
        send(200, slice, more ? { link: `</ngsi-ld/v1/entities?type=${url.searchParams.get('type')}&page=${page + 1}>; rel="next"` } : {});
        return;
      }
      if (synthetic && synthPath === '/ngsi-ld/v1/temporal/entities') {
        const body = synthetic.entities.map((entity) => pageInstances(entity, url.searchParams, Infinity).body).filter((entity) => Object.keys(entity).length > 2);
        send(200, body);
        return;
      }
      if (!available) {
        problem(500, 'Internal Error', 'the shared fixtures folder is absent');
        return;
      }
      const ldPrefix = '/ngsi-ld/v1';
      const pathname = decodeURIComponent(url.pathname);
      const isV2 = pathname.startsWith('/v2/');
      const tenant = isV2 ? req.headers['fiware-service'] : req.headers['ngsild-tenant'];
      if (requiredTenant && tenant !== requiredTenant) {
        problem(404, 'Not Found', `Tenant ${tenant ?? '(none)'} does not exist`);
        return;
      }
      // With Accept: application/json the @context travels in a Link header, not the body.
      const jsonAccept = !String(req.headers.accept ?? '').includes('ld+json');
      const context = (body) => {
        const first = Array.isArray(body) ? body[0] : body;
        const ctx = first?.['@context'];
        return Array.isArray(ctx) ? ctx[0] : ctx;
      };
      const withContext = (body, headers = {}) => {
        const ctx = context(body);
        if (jsonAccept && ctx && !headers.link) headers.link = `<${ctx}>; rel="${CONTEXT_REL}"; type="application/ld+json"`;
        return headers;
      };

      if (pathname === `${ldPrefix}/entities` || pathname === '/v2/entities') {
        const type = url.searchParams.get('type');
        if (!type || !/^[A-Za-z]+$/.test(type)) {
          problem(400, 'Bad Request Data', 'type is required');
          return;
        }
        const options = (url.searchParams.get('options') ?? '').split(',');
        const keyValues = options.includes('keyValues');
        const file = isV2 ? (keyValues ? 'example.json' : 'example-normalized.json') : keyValues ? 'example.jsonld' : 'example-normalized.jsonld';
        const full = path.join(fixtures, 'sdm', type, file);
        const all = existsSync(full) ? [await readFixture(path.join('sdm', type, file))] : [];
        for (let i = 0; i < extraEntities && all.length; i++) all.push({ ...all[0], id: `${all[0].id}:copy${i}` });
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const page = all.slice(offset, offset + limit).map((entity) => pickAttrs(entity, url.searchParams.get('attrs')));
        const headers = {};
        if (url.searchParams.get('count') === 'true') headers['ngsild-results-count'] = String(all.length);
        if (isV2 && options.includes('count')) headers['fiware-total-count'] = String(all.length);
        send(200, page, isV2 ? headers : withContext(page, headers));
        return;
      }

      if (pathname.startsWith(`${ldPrefix}/entities/`)) {
        const id = pathname.slice(`${ldPrefix}/entities/`.length);
        const entity = await readFixture('ngsi-ld-entity/orionld-device-normalized-current-state.json');
        if (entity.id !== id) {
          problem(404, 'Resource Not Found', `${id} not found`);
          return;
        }
        send(200, entity, { link: `<http://context/user-context.jsonld>; rel="${CONTEXT_REL}"; type="application/ld+json"` });
        return;
      }

      if (pathname === `${ldPrefix}/temporal/entities` || pathname.startsWith(`${ldPrefix}/temporal/entities/`)) {
        if (!temporal) {
          problem(404, 'Resource Not Found', 'no temporal data');
          return;
        }
        if (temporal.paged) {
          const entity = await readFixture(temporal.paged.fixture);
          const page = pageInstances(entity, url.searchParams, temporal.paged.limit);
          send(page.status, page.body, page.headers);
          return;
        }
        const chosen = temporal.pages ? temporal.pages[url.searchParams.get('pageAnchor') ?? ''] : temporal;
        if (!chosen) {
          problem(400, 'Bad Request Data', 'unknown pageAnchor');
          return;
        }
        const body = chosen.fixture ? await readFixture(chosen.fixture) : (chosen.body ?? []);
        const captured = chosen.headers ? await readHeaders(chosen.headers) : { status: 200, headers: {} };
        send(captured.status, body, withContext(body, { ...captured.headers }));
        return;
      }
      problem(404, 'Resource Not Found', `no route for ${pathname}`);
    } catch (error) {
      problem(500, 'Internal Error', String(error?.message ?? error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    available: () => available,
    requests: () => log.map(({ method, path: p, query, headers }) => ({ method, path: p, query, headers })),
    reset() {
      log.length = 0;
      temporal = undefined;
      failures = [];
      delayMs = 0;
      extraEntities = 0;
      synthetic = undefined;
      linkPaged = undefined;
      subscriptions.length = 0;
      return true;
    },
    /** Subscriptions created so far (body and headers as received). */
    subscriptions() {
      return subscriptions.map(({ id, headers, body, deleted }) => ({ id, contentType: headers['content-type'], link: headers.link ?? null, tenant: headers['ngsild-tenant'] ?? null, body, deleted }));
    },
    /** The temporal API answers these normalized temporal entities, filtered by timerel/timeAt/endTimeAt. */
    serveSynthetic(entities) {
      synthetic = { entities: structuredClone(entities) };
      return true;
    },
    /** Appends instances to an attribute of a synthetic entity, as a sensor reporting would. */
    appendInstances(id, attribute, instances) {
      const entity = synthetic?.entities.find((candidate) => candidate.id === id);
      if (!entity) return false;
      entity[attribute] = [...(entity[attribute] ?? []), ...instances];
      return true;
    },
    /** `/entities` answers these entities `pageSize` at a time, linking pages with `Link rel="next"` only. */
    serveLinkPaged(entities, pageSize) {
      linkPaged = { entities, pageSize };
      return true;
    },
    /** The temporal API answers this fixture (optionally with a captured header block). */
    serveTemporal(fixture, headers) {
      temporal = { fixture, headers };
      return true;
    },
    /** Pages by `pageAnchor`: `{ "": {fixture, headers}, "urn:…": {fixture, headers}, … }`; `body` instead of `fixture` for a synthetic page. */
    servePages(pages) {
      temporal = { pages };
      return true;
    },
    /** The broker pages instances itself, at most `limit` per attribute per response. */
    servePaged(fixture, limit) {
      temporal = { paged: { fixture, limit } };
      return true;
    },
    /** The next requests fail with these statuses (or 'hang', 'broken', 'html'). */
    fail(statuses) {
      failures = [...statuses];
      return true;
    },
    slow(ms) {
      delayMs = ms;
      return true;
    },
    /** Adds synthetic copies of the SDM example (new ids) so entity paging has pages to follow. */
    addCopies(count) {
      extraEntities = count;
      return true;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
