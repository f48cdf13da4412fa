/**
 * Lets markup ask for a SensorThings service by name:
 * `<ioc-provider source="sensorthings" data-url="https://host/FROST-Server/v1.1" data-poll-interval="60">`.
 */
import { ConfigError } from '../../contract/errors.js';
import type { DataSource } from '../../contract/source.js';
import { createSensorThingsSource, type SensorThingsSourceOptions } from './sensorthings-source.js';

/**
 * Reads options from `data-*` attributes (camelCased by the provider): `url` (required),
 * `pollInterval` (seconds), `pageSize`, `maxPages`, `dataArray` ("true"). Area mapping and
 * credentials need code: register a source with `createSensorThingsSource` for those.
 */
export function sensorThingsOptionsFromAttributes(attributes: Readonly<Record<string, string>>): SensorThingsSourceOptions {
  const url = attributes.url;
  if (!url) throw new ConfigError('The "sensorthings" source needs data-url="https://…/v1.1" (the service root) on the provider.');
  const options: SensorThingsSourceOptions = { url };
  const number = (name: string, value: string | undefined, min: number) => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < min) throw new ConfigError(`data-${name} must be a number of at least ${min}.`);
    return parsed;
  };
  const seconds = number('poll-interval', attributes.pollInterval, 1);
  if (seconds !== undefined) options.pollIntervalMs = seconds * 1000;
  const pageSize = number('page-size', attributes.pageSize, 1);
  if (pageSize !== undefined) options.pageSize = pageSize;
  const maxPages = number('max-pages', attributes.maxPages, 1);
  if (maxPages !== undefined) options.maxPages = maxPages;
  if (attributes.dataArray === 'true') options.dataArray = true;
  return options;
}

/** The `sensorthings` source from markup attributes (what the registry calls for `source="sensorthings"`). */
export function sensorThingsSourceFromAttributes(attributes: Readonly<Record<string, string>>): DataSource {
  return createSensorThingsSource(sensorThingsOptionsFromAttributes(attributes));
}
