/**
 * Lets markup ask for an NGSI-LD broker by name:
 * `<ioc-provider source="ngsi-ld" data-url="https://broker…" data-tenant="bacninh" data-context="https://…/context.jsonld">`.
 */
import { ConfigError } from '../../contract/errors.js';
import type { DataSource } from '../../contract/source.js';
import { readText } from '../../internal/http-values.js';
import { latestInstance } from './entity.js';
import { SDM_TYPES, createNgsiLdSource, type NgsiLdSourceOptions, type SdmType } from './ngsi-ld-source.js';

/**
 * Reads the NGSI-LD source's options from `data-*` attributes (camelCased by `ioc-provider`):
 * `url` (required), `tenant`, `context`, `types` (comma-separated Smart Data Models types),
 * `temporal="false"`, `keyValues="true"`, `dialect="ngsi-v2"`, `format-parameter="format"`,
 * `area-attribute` (the attribute holding an entity's area code, default `areaCode`),
 * `page-size`, `max-pages`, `timeout-ms`, `retries`.
 */
export function ngsiLdOptionsFromAttributes(attributes: Readonly<Record<string, string>>): NgsiLdSourceOptions {
  const url = attributes.url;
  if (!url) throw new ConfigError('The "ngsi-ld" source needs data-url="https://broker…" on the provider.');
  const number = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new ConfigError(`data-${name} must be a non-negative number, got "${value.slice(0, 40)}".`);
    return parsed;
  };
  const options: NgsiLdSourceOptions = { baseUrl: url };
  if (attributes.tenant) options.tenant = attributes.tenant;
  if (attributes.context) options.context = attributes.context;
  if (attributes.types) {
    const types = attributes.types.split(',').map((type) => type.trim()).filter(Boolean);
    for (const type of types) if (!(SDM_TYPES as readonly string[]).includes(type)) throw new ConfigError(`data-types: unknown type "${type.slice(0, 60)}". Known: ${SDM_TYPES.join(', ')}.`);
    options.types = types as SdmType[];
  }
  if (attributes.temporal === 'false') options.temporal = false;
  if (attributes.keyValues === 'true') options.keyValues = true;
  if (attributes.dialect === 'ngsi-v2') options.dialect = 'ngsi-v2';
  if (attributes.formatParameter === 'format') options.formatParameter = 'format';
  const pageSize = number('page-size', attributes.pageSize);
  const maxPages = number('max-pages', attributes.maxPages);
  if (pageSize !== undefined) options.pageSize = pageSize;
  if (maxPages !== undefined) options.maxPages = maxPages;
  const timeoutMs = number('timeout-ms', attributes.timeoutMs);
  const retries = number('retries', attributes.retries);
  options.http = { ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(retries !== undefined ? { retries } : {}) };
  const areaAttribute = attributes.areaAttribute;
  if (areaAttribute) options.areaOf = (entity) => readText(latestInstance(entity, areaAttribute)?.value, 40);
  return options;
}

/** The `ngsi-ld` source from markup attributes (what the registry calls for `source="ngsi-ld"`). */
export function ngsiLdSourceFromAttributes(attributes: Readonly<Record<string, string>>): DataSource {
  return createNgsiLdSource(ngsiLdOptionsFromAttributes(attributes));
}
