// Browser-side helpers for tests that need a real server or the shared public fixtures.
import { executeServerCommand } from '@web/test-runner-commands';

export interface TestServer {
  readonly url: string;
  /** Calls a control method the server module exposes (e.g. `requests`, `setMode`). */
  call<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts the server a Node module exports as `start(options) -> { url, close, ...controls }`,
 * on 127.0.0.1. `module` is a path from the repository root.
 */
export async function startTestServer(module: string, options: Record<string, unknown> = {}): Promise<TestServer> {
  const { id, url } = await executeServerCommand<{ id: string; url: string }, unknown>('test-server:start', { module, options });
  return {
    url,
    call: <T>(method: string, ...args: unknown[]) => executeServerCommand<T, unknown>('test-server:call', { id, method, args }),
    stop: async () => {
      await executeServerCommand('test-server:stop', { id });
    },
  };
}

/** Reads a file under ../shared (public fixtures), or undefined when the folder is absent. */
export async function readShared(path: string): Promise<string | undefined> {
  const answer = await executeServerCommand<{ found: boolean; text?: string }, unknown>('shared:read', { path });
  return answer.found ? answer.text : undefined;
}

/** Lists the files under a folder of ../shared (recursive, relative paths), or undefined when absent. */
export async function listShared(path: string): Promise<string[] | undefined> {
  const answer = await executeServerCommand<{ found: boolean; entries?: string[] }, unknown>('shared:list', { path });
  return answer.found ? answer.entries : undefined;
}
