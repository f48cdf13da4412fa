// A live-push server on 127.0.0.1 for the live source's tests: Server-Sent Events at /events and
// a WebSocket (the `ws` package) at /ws, both speaking the ioc-kit live protocol. It keeps every
// message it pushed with an increasing id and replays the ones after `Last-Event-ID` / `since`,
// so resume can be tested; the test can drop connections, fail the next attempts, go silent,
// or write raw bytes to exercise the wire format.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'Accept, Cache-Control, Last-Event-ID, Authorization',
  'access-control-allow-methods': 'GET, OPTIONS',
};

export async function start() {
  /** Every message pushed: { id, json }. */
  const log = [];
  let seq = 0;
  const sseClients = new Set();
  const wsClients = new Set();
  const connections = [];
  let heartbeatTimer;
  let mode = { failNext: 0, failStatus: 503, contentType: 'text/event-stream', silent: false, resume: true, overlap: 0, endAfterReplay: false, ids: true };

  // `ids: false` mode pushes messages without ids, like a server that cannot resume.
  const frame = (entry) => (entry.anonymous ? `data: ${entry.json}\n\n` : `id: ${entry.id}\ndata: ${entry.json}\n\n`);
  const after = (since, overlap) => {
    if (since === undefined || since === null || since === '' || !mode.resume) return [];
    const from = Number(since) - overlap;
    return log.filter((entry) => entry.id > from);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    if (url.pathname !== '/events') {
      res.writeHead(404, CORS).end();
      return;
    }
    const lastEventId = req.headers['last-event-id'];
    connections.push({ transport: 'sse', lastEventId: lastEventId ?? null, authorization: req.headers.authorization ?? null });
    if (mode.failNext > 0) {
      mode.failNext--;
      res.writeHead(mode.failStatus, { ...CORS, 'content-type': 'text/plain' }).end('unavailable');
      return;
    }
    res.writeHead(200, { ...CORS, 'content-type': mode.contentType, 'cache-control': 'no-store' });
    res.flushHeaders();
    if (mode.silent) {
      sseClients.add({ res, silent: true });
      res.on('close', () => sseClients.forEach((client) => client.res === res && sseClients.delete(client)));
      return;
    }
    for (const entry of after(lastEventId, mode.overlap)) res.write(frame(entry));
    if (mode.endAfterReplay) {
      res.end();
      return;
    }
    const client = { res, silent: false };
    sseClients.add(client);
    res.on('close', () => sseClients.delete(client));
  });

  const wss = new WebSocketServer({ server, path: '/ws' });
  wss.on('connection', (socket) => {
    const record = { transport: 'ws', messages: [] };
    connections.push(record);
    if (mode.failNext > 0) {
      mode.failNext--;
      socket.close(1011, 'unavailable');
      return;
    }
    const client = { socket, subscribed: false };
    wsClients.add(client);
    socket.on('close', () => wsClients.delete(client));
    socket.on('message', (data) => {
      let message;
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      record.messages.push(message);
      if (message.type === 'subscribe' && !client.subscribed) {
        client.subscribed = true;
        if (!mode.silent) for (const entry of after(message.since, mode.overlap)) socket.send(entry.json);
      }
    });
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();

  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    /** Pushes a protocol message (an object without id): it gets the next id and goes to every open client. */
    push(message) {
      const id = ++seq;
      const anonymous = mode.ids === false;
      const json = JSON.stringify(anonymous ? message : { ...message, id: String(id) });
      const entry = { id, json, anonymous };
      log.push(entry);
      for (const client of sseClients) if (!client.silent) client.res.write(frame(entry));
      for (const client of wsClients) if (client.subscribed && client.socket.readyState === 1) client.socket.send(json);
      return id;
    },
    /** Writes raw text to SSE clients and sends it as one frame to WebSocket clients (not logged). */
    raw(text) {
      for (const client of sseClients) client.res.write(text);
      for (const client of wsClients) if (client.socket.readyState === 1) client.socket.send(text);
      return true;
    },
    /** Cuts every open connection without a goodbye. */
    drop() {
      for (const client of sseClients) client.res.destroy();
      sseClients.clear();
      for (const client of wsClients) client.socket.terminate();
      wsClients.clear();
      return true;
    },
    /** Sends a keep-alive every `ms` (SSE comment / heartbeat message); 0 stops. */
    heartbeat(ms) {
      clearInterval(heartbeatTimer);
      if (ms > 0) {
        heartbeatTimer = setInterval(() => {
          for (const client of sseClients) client.res.write(': ping\n\n');
          for (const client of wsClients) if (client.socket.readyState === 1) client.socket.send('{"type":"heartbeat"}');
        }, ms);
      }
      return true;
    },
    setMode(changes) {
      mode = { ...mode, ...changes };
      return true;
    },
    connections() {
      return connections;
    },
    openCount() {
      return sseClients.size + wsClients.size;
    },
    close() {
      clearInterval(heartbeatTimer);
      for (const client of sseClients) client.res.destroy();
      for (const client of wsClients) client.socket.terminate();
      wss.close();
      const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
      // Keep-alive sockets from the browser would hold close() open until they time out.
      server.closeAllConnections();
      return closed;
    },
  };
}
