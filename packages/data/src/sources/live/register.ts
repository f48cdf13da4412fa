/**
 * Lets markup ask for live push by name, over any registered base source:
 * `<ioc-provider source="live" data-sse="https://ioc.example/live" data-base="demo">`
 * or `data-ws="wss://ioc.example/live"`. The other `data-*` attributes go to the base source.
 */
import { ConfigError } from '../../contract/errors.js';
import type { DataSource } from '../../contract/source.js';
import { createLiveSource, type LiveSource } from './live-source.js';

/**
 * Makes a live source from markup attributes, its base made by `createBase` (the registry's
 * `createSource`, handed in so that this module does not depend on the registry that loads it).
 * Headers (credentials) need code: use `createLiveSource`.
 */
export async function liveSourceFromAttributes(
  attributes: Readonly<Record<string, string>>,
  createBase: (name: string, options: Readonly<Record<string, string>>) => Promise<DataSource>,
): Promise<LiveSource> {
    const { sse, ws, base = 'demo', heartbeatTimeout, ...rest } = attributes;
    if (base === 'live') throw new ConfigError('data-base of the "live" source cannot be "live" itself.');
    const seconds = heartbeatTimeout === undefined ? undefined : Number(heartbeatTimeout);
    if (seconds !== undefined && (!Number.isFinite(seconds) || seconds < 0)) throw new ConfigError('data-heartbeat-timeout must be a number of seconds (0 turns it off).');
    return createLiveSource({
      base: await createBase(base, rest),
      ...(sse !== undefined ? { sse } : {}),
      ...(ws !== undefined ? { ws } : {}),
      ...(seconds !== undefined ? { heartbeatTimeoutMs: seconds * 1000 } : {}),
    });
}
