// The irrigation company's gauges on 127.0.0.1 for docs/architecture.md's source example: one
// JSON file with an ETag, a reading in "312,5" notation, a gap and a reading that is not a number.
import { createServer } from 'node:http';
import { corsHeaders } from '../../../packages/data/src/internal/http.test-server.mjs';

const READINGS = [
  { tram: '27001', luc: '2026-11-24T08:00:00', cm: 312 },
  { tram: '27001', luc: '2026-11-24T09:00:00', cm: '318,5' },
  { tram: '27004', luc: '2026-11-24T08:00:00', cm: 250 },
  { tram: '27004', luc: '2026-11-24T09:00:00', cm: null },
  { tram: '27004', luc: '2026-11-24T10:00:00', cm: 'hỏng' },
];

export async function start() {
  const log = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'OPTIONS') return res.writeHead(204, corsHeaders()).end();
    log.push({ path: url.pathname, ifNoneMatch: req.headers['if-none-match'] ?? null });
    if (url.pathname !== '/muc-nuoc.json') return res.writeHead(404, corsHeaders()).end('not found');
    if (req.headers['if-none-match'] === '"g1"') return res.writeHead(304, { ...corsHeaders(), etag: '"g1"' }).end();
    res.writeHead(200, { ...corsHeaders(), 'content-type': 'application/json', etag: '"g1"' }).end(JSON.stringify(READINGS));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests: () => log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
