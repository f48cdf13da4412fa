import type { Indicator } from '@ioc-kit/data';

type Lookup = (id: string) => Indicator | undefined;

let lookup: Lookup | undefined;
let loading: Promise<Lookup | undefined> | undefined;

/**
 * The built-in catalogue's entry for an indicator, when the catalogue is already loaded.
 * The catalogue (six domains of names, units and bands) is a separate chunk: a portal whose
 * source lists its own indicators never downloads it.
 */
export function catalogueIndicator(id: string): Indicator | undefined {
  return lookup?.(id);
}

/** Loads the built-in catalogue once; resolves false when the chunk could not be loaded. */
export function loadCatalogue(): Promise<boolean> {
  loading ??= import('@ioc-kit/data/catalogue').then(
    (catalogue) => (lookup = catalogue.indicatorById),
    () => {
      // A failed chunk (offline, CSP) leaves names as ids; a later widget may try again.
      loading = undefined;
      return undefined;
    },
  );
  return loading.then((loaded) => loaded !== undefined);
}

/** An indicator from a source's own list, by id. */
export function listedIndicator(list: readonly Indicator[] | undefined, id: string): Indicator | undefined {
  return list?.find((indicator) => indicator.id === id);
}
