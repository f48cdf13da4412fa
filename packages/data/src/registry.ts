import { ConfigError } from './contract/errors.js';
import type { DataSource } from './contract/source.js';

/** Makes a source from the options written in markup (`<ioc-provider source="demo" ...>`). */
export type SourceFactory = (options: Readonly<Record<string, string>>) => DataSource | Promise<DataSource>;

const factories = new Map<string, SourceFactory>([
  // The demo source is loaded on demand so that pages that never ask for it never download it.
  ['demo', async (options) => (await import('./sources/demo/demo-source.js')).createDemoSource(options)],
  ['http', async (options) => (await import('./sources/http/register.js')).httpSourceFromAttributes(options)],
  ['ngsi-ld', async (options) => (await import('./sources/ngsi-ld/register.js')).ngsiLdSourceFromAttributes(options)],
  [
    'sensorthings',
    async (options) => {
      const [{ createSensorThingsSource }, { sensorThingsOptionsFromAttributes }] = await Promise.all([
        import('./sources/sensorthings/sensorthings-source.js'),
        import('./sources/sensorthings/register.js'),
      ]);
      return createSensorThingsSource(sensorThingsOptionsFromAttributes(options));
    },
  ],
  ['live', async (options) => (await import('./sources/live/register.js')).liveSourceFromAttributes(options)],
]);

/** Registers a named source so markup can ask for it by name. Replaces any earlier one. */
export function registerSource(name: string, factory: SourceFactory): void {
  factories.set(name, factory);
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
