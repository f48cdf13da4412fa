// A province's CSV file of observations on 127.0.0.1 (with an ETag, as a static file server
// sends), and the texts the doc test compares: the ```ts csv-example block in docs/adapters.md
// and packages/data/src/sources/csv/csv-example.ts.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { corsHeaders } from '../../internal/http.test-server.mjs';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

// Vietnam time without a zone; a decimal comma needs quotes; two lines are cut short.
const CSV = [
  'ma_xa,thoi_gian,chi_tieu,gia_tri',
  '27001,2026-11-24T08:00:00,environment.pm25,"35,2"',
  '27001,2026-11-24T09:00:00,environment.pm25,40.8',
  '27004,2026-11-24T08:00:00,environment.pm25,20',
  '27004,2026-11-24T09:00:00,environment.pm25,n/a',
  '27001,2026-11-24T09:00:00,environment.aqi',
  '27004,2026-11-24T09:00:00,environment.aqi,80',
  '27004,2026-11-24T10:00:00',
  '',
].join('\r\n');

export async function start() {
  const log = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'OPTIONS') return res.writeHead(204, corsHeaders()).end();
    log.push({ path: url.pathname, ifNoneMatch: req.headers['if-none-match'] ?? null });
    if (url.pathname !== '/quan-trac/observations.csv') return res.writeHead(404, corsHeaders()).end('not found');
    if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { ...corsHeaders(), etag: '"v1"' }).end();
    res.writeHead(200, { ...corsHeaders(), 'content-type': 'text/csv; charset=utf-8', etag: '"v1"' }).end(CSV);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests: () => log,
    texts: async () => ({
      doc: await readFile(`${root}docs/adapters.md`, 'utf8'),
      example: await readFile(`${root}packages/data/src/sources/csv/csv-example.ts`, 'utf8'),
    }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
