// A tiny static server on 127.0.0.1 for page-level tests: serves only the files it is given,
// with a strict Content-Security-Policy so the tests prove the library runs under one.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES = { '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png', '.geojson': 'application/geo+json', '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json', '.json': 'application/json', '.css': 'text/css' };

export const STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'";

/**
 * Starts a server mapping URL paths to files: `{ '/': 'tests/embed/embed.html', '/ioc-kit.js': 'dist/ioc-kit.js' }`,
 * or to text given in place, `{ '/portal.js': { body: '…', type: '.js' } }`.
 * Anything else is a 404. Returns `{ url, close }`.
 */
export async function serveFiles(routes, { csp = STRICT_CSP } = {}) {
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const file = routes[pathname];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      const inline = typeof file === 'object';
      const body = inline ? file.body : await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[inline ? file.type : path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': csp,
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Serves a whole folder (e.g. storybook-static) on 127.0.0.1, without a CSP unless given. */
export async function serveDir(dir, { csp } = {}) {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    let pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(root, '.' + pathname);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (csp) headers['content-security-policy'] = csp;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
