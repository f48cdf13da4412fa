// A scriptable HTTP server on 127.0.0.1 for the HTTP layer's tests: each path answers from a
// script of responses (status, headers, body, delays, broken connections, ETags), and every
// request is logged so a test can count what really reached the server.
import { createServer } from 'node:http';

export const EXPOSED_HEADERS = 'ETag, Last-Modified, Retry-After, Link, Content-Range, Next-Page, Previous-Page, Page-Size, NGSILD-Results-Count, NGSILD-Tenant, Fiware-Total-Count, Content-Type, Date';

export function corsHeaders() {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
    'access-control-allow-headers': 'Accept, Content-Type, If-None-Match, If-Modified-Since, Link, NGSILD-Tenant, Fiware-Service, Fiware-ServicePath, Authorization, X-Test',
    'access-control-expose-headers': EXPOSED_HEADERS,
    'access-control-max-age': '600',
  };
}

/**
 * Script entries: `{ status = 200, headers = {}, body = '', json, delayMs, etag, breakAfter }`.
 * `json` is serialised as the body; `etag` makes the server answer 304 to a matching
 * If-None-Match; `breakAfter` sends that many body bytes and then destroys the socket;
 * `delayMs` waits before the headers (a slow server). The last entry repeats.
 */
export async function start() {
  const scripts = new Map();
  const log = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders()).end();
      return;
    }
    log.push({ method: req.method, path: url.pathname, query: url.search, headers: req.headers, at: Date.now() });
    const script = scripts.get(url.pathname);
    if (!script || script.length === 0) {
      res.writeHead(404, { ...corsHeaders(), 'content-type': 'text/plain' }).end(`no script for ${url.pathname}`);
      return;
    }
    const step = script.length > 1 ? script.shift() : script[0];
    const respond = () => {
      if (res.destroyed) return;
      const headers = { ...corsHeaders(), 'content-type': 'application/json', ...(step.headers ?? {}) };
      if (step.etag) headers.etag = step.etag;
      if (step.etag && req.headers['if-none-match'] === step.etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const body = step.json !== undefined ? JSON.stringify(step.json) : (step.body ?? '');
      if (step.breakAfter !== undefined) {
        res.writeHead(step.status ?? 200, { ...headers, 'content-length': String(Buffer.byteLength(body) + 100) });
        res.write(body.slice(0, step.breakAfter));
        setTimeout(() => res.destroy(), 20);
        return;
      }
      res.writeHead(step.status ?? 200, headers).end(req.method === 'HEAD' ? undefined : body);
    };
    if (step.delayMs) {
      const timer = setTimeout(respond, step.delayMs);
      res.on('close', () => clearTimeout(timer));
    } else respond();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    /** Replaces the script of a path. */
    script(path, steps) {
      scripts.set(path, [...steps]);
      // A command that returns nothing reads as "unknown command" to the test runner.
      return true;
    },
    /** Requests seen (OPTIONS preflights excluded), optionally for one path. */
    requests(path) {
      return log.filter((entry) => path === undefined || entry.path === path).map(({ method, path: p, query, headers }) => ({ method, path: p, query, headers }));
    },
    reset() {
      scripts.clear();
      log.length = 0;
      return true;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
