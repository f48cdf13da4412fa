/**
 * Lets markup ask for the HTTP JSON source by name:
 * `<ioc-provider source="http" data-url="https://api.example/v1" data-mapping='{"kpi":{…}}' data-poll-interval="30">`.
 */
import { ConfigError } from '../../contract/errors.js';
import type { DataSource } from '../../contract/source.js';
import { createHttpSource, type HttpSourceOptions } from './http-source.js';

/**
 * Reads the HTTP source's options from `data-*` attributes (as `ioc-provider` hands them over:
 * camelCased). `url` is required; `mapping` is JSON holding `kpi`, `series`, `byArea`, `alerts`,
 * `indicatorNames` and `boundaries`; `pollInterval` is in seconds; `timeoutMs` and `retries`
 * tune the HTTP layer. Credentials do not belong in markup: register a source in code for those.
 */
export function httpOptionsFromAttributes(attributes: Readonly<Record<string, string>>): HttpSourceOptions {
  const url = attributes.url;
  if (!url) throw new ConfigError('The "http" source needs data-url="https://…" on the provider.');
  let mapping: Record<string, unknown> = {};
  if (attributes.mapping) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(attributes.mapping);
    } catch {
      throw new ConfigError('data-mapping on the "http" source is not valid JSON.');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError('data-mapping must be a JSON object with kpi / series / byArea / alerts entries.');
    mapping = parsed as Record<string, unknown>;
  }
  const endpoints: Partial<HttpSourceOptions> = {};
  for (const kind of ['kpi', 'series', 'byArea', 'alerts'] as const) {
    const endpoint = mapping[kind];
    if (endpoint === undefined) continue;
    if (!endpoint || typeof endpoint !== 'object' || typeof (endpoint as { url?: unknown }).url !== 'string') {
      throw new ConfigError(`data-mapping.${kind} needs at least a "url" string and the field paths.`);
    }
    // The field paths are checked when they are used; a wrong path gives a ValidationError naming it.
    (endpoints as Record<string, unknown>)[kind] = endpoint;
  }
  const seconds = attributes.pollInterval === undefined ? undefined : Number(attributes.pollInterval);
  const timeoutMs = attributes.timeoutMs === undefined ? undefined : Number(attributes.timeoutMs);
  const retries = attributes.retries === undefined ? undefined : Number(attributes.retries);
  for (const [name, value] of [['data-poll-interval', seconds], ['data-timeout-ms', timeoutMs], ['data-retries', retries]] as const) {
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) throw new ConfigError(`${name} must be a non-negative number.`);
  }
  const options: HttpSourceOptions = { baseUrl: url, ...endpoints, client: { timeoutMs, retries } };
  if (seconds !== undefined) options.pollIntervalMs = seconds * 1000;
  if (mapping.indicatorNames && typeof mapping.indicatorNames === 'object') options.indicatorNames = mapping.indicatorNames as HttpSourceOptions['indicatorNames'];
  if (typeof mapping.boundaries === 'string') options.boundaries = mapping.boundaries;
  return options;
}

/** The `http` source from markup attributes (what the registry calls for `source="http"`). */
export function httpSourceFromAttributes(attributes: Readonly<Record<string, string>>): DataSource {
  return createHttpSource(httpOptionsFromAttributes(attributes));
}
