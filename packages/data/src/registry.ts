import { ConfigError } from './contract/errors.js';
import type { DataSource } from './contract/source.js';

/** Makes a source from the options written in markup (`<ioc-provider source="demo" ...>`). */
export type SourceFactory = (options: Readonly<Record<string, string>>) => DataSource | Promise<DataSource>;

/**
 * The built-in sources, each loaded on demand so that pages that never ask for one never
 * download it. Their modules do not import this one: the registry depends on the sources,
 * never the other way round (the live source is handed `createSource` for its base).
 */
const BUILT_IN: ReadonlyMap<string, SourceFactory> = new Map<string, SourceFactory>([
  ['demo', async (options) => (await import('./sources/demo/demo-source.js')).createDemoSource(options)],
  ['http', async (options) => (await import('./sources/http/register.js')).httpSourceFromAttributes(options)],
  ['ngsi-ld', async (options) => (await import('./sources/ngsi-ld/register.js')).ngsiLdSourceFromAttributes(options)],
  ['sensorthings', async (options) => (await import('./sources/sensorthings/register.js')).sensorThingsSourceFromAttributes(options)],
  ['live', async (options) => (await import('./sources/live/register.js')).liveSourceFromAttributes(options, createSource)],
]);

const factories = new Map<string, SourceFactory>(BUILT_IN);

/**
 * Registers a named source so markup can ask for it by name. Replaces any earlier one; without
 * a factory, puts back the built-in source of that name.
 */
export function registerSource(name: string, factory?: SourceFactory): void {
  const chosen = factory ?? BUILT_IN.get(name);
  if (!chosen) throw new ConfigError(`registerSource("${name}") needs a factory: there is no built-in source of that name.`);
  factories.set(name, chosen);
}

/** Names of the registered sources. */
export function registeredSources(): string[] {
  return [...factories.keys()];
}

/** Creates a registered source by name, or throws a `ConfigError` naming the ones that exist. */
export async function createSource(name: string, options: Readonly<Record<string, string>> = {}): Promise<DataSource> {
  const factory = factories.get(name);
  if (!factory) {
    throw new ConfigError(`Unknown source "${name}". Registered sources: ${registeredSources().join(', ')}. Register yours with registerSource().`);
  }
  return factory(options);
}
