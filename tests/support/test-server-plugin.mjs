// Web Test Runner plugin: lets a browser test start a real HTTP server on 127.0.0.1 (written as a
// Node module beside the test), talk to it, and read the public fixtures under ../shared.
import { readFile, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where the shared public data lives: IOC_SHARED, else ../shared beside the checkout. */
export function sharedDir() {
  return process.env.IOC_SHARED ?? path.resolve(root, '..', 'shared');
}

function insideShared(relative) {
  const base = sharedDir();
  const full = path.resolve(base, relative);
  if (!full.startsWith(base + path.sep)) throw new Error(`${relative} is outside the shared folder`);
  return full;
}

export function testServerPlugin() {
  const servers = new Map();
  let next = 0;
  return {
    name: 'ioc-test-servers',
    async serverStop() {
      await Promise.all([...servers.values()].map((server) => server.close?.()));
      servers.clear();
    },
    async executeCommand({ command, payload }) {
      switch (command) {
        case 'test-server:start': {
          const file = path.resolve(root, payload.module);
          if (!file.startsWith(root)) throw new Error('test server module must be inside the repository');
          const mod = await import(pathToFileURL(file).href);
          const server = await mod.start(payload.options ?? {});
          const id = String(++next);
          servers.set(id, server);
          return { id, url: server.url };
        }
        case 'test-server:call': {
          const server = servers.get(payload.id);
          if (!server) throw new Error(`no test server ${payload.id}`);
          const method = server[payload.method];
          if (typeof method !== 'function') throw new Error(`test server has no method ${payload.method}`);
          const result = await method.apply(server, payload.args ?? []);
          return result === undefined ? null : result;
        }
        case 'test-server:stop': {
          const server = servers.get(payload.id);
          servers.delete(payload.id);
          await server?.close?.();
          return true;
        }
        case 'shared:read': {
          const full = insideShared(payload.path);
          if (!existsSync(full)) return { found: false, dir: sharedDir() };
          return { found: true, text: await readFile(full, 'utf8') };
        }
        case 'shared:list': {
          const full = insideShared(payload.path);
          if (!existsSync(full) || !(await stat(full)).isDirectory()) return { found: false, dir: sharedDir() };
          return { found: true, entries: (await readdir(full, { recursive: true })).map(String).sort() };
        }
        default:
          return undefined;
      }
    },
  };
}
