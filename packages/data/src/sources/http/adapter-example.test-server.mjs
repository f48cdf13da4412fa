// The "province air API" of docs/adapters.md on 127.0.0.1, and the texts the doc test compares:
// the code block in docs/adapters.md and packages/data/src/sources/http/adapter-example.ts.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { corsHeaders } from '../../internal/http.test-server.mjs';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

const ROWS = [
  { ma_xa: '27001', thoi_gian: '2026-11-24T08:00:00', pm25: '35,2', aqi: 99 },
  { ma_xa: '27001', thoi_gian: '2026-11-24T09:00:00', pm25: 40.8, aqi: 104 },
  { ma_xa: '27004', thoi_gian: '2026-11-24T08:00:00', pm25: 20, aqi: null },
  { ma_xa: '27004', thoi_gian: '2026-11-24T09:00:00', pm25: 'NaN', aqi: 80 },
];

export async function start() {
  const log = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'OPTIONS') return res.writeHead(204, corsHeaders()).end();
    log.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) });
    if (url.pathname !== '/api/air') return res.writeHead(404, corsHeaders()).end('not found');
    const from = Date.parse(url.searchParams.get('from') ?? '') || -Infinity;
    const to = Date.parse(url.searchParams.get('to') ?? '') || Infinity;
    // The API stores Vietnam time without a zone.
    const rows = ROWS.filter((row) => {
      const t = Date.parse(`${row.thoi_gian}+07:00`);
      return t >= from && t < to;
    });
    res.writeHead(200, { ...corsHeaders(), 'content-type': 'application/json' }).end(JSON.stringify({ rows }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests: () => log,
    texts: async () => ({
      doc: await readFile(`${root}docs/adapters.md`, 'utf8'),
      example: await readFile(`${root}packages/data/src/sources/http/adapter-example.ts`, 'utf8'),
    }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
