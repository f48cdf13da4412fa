import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { allAreas, rememberAreas } from './area-lookup.js';
import { localize, type Area, type AreaQuery, type DataSource, type Locale, type QueryResult } from '@ioc-kit/data';

export interface AreaNamesOptions {
  /** The result on screen: its `areas`, resolved by the source, name and place the areas. */
  result: () => QueryResult | undefined;
  /** The source to ask when a result comes without `areas` (a custom source). */
  source: () => DataSource | undefined;
  /**
   * The one `areas` query that lists the areas such a result speaks of, from what the widget
   * was told (its level and parent), never from the length of a code; `{}` (every area) is
   * the listing shared by every widget on the source.
   */
  fallback: () => AreaQuery | undefined;
  /** Called when new names arrived (e.g. to regenerate a summary that names areas). */
  onChange?: () => void;
}

/**
 * Names and places of the areas a widget shows ("Phường Kinh Bắc" rather than "25111"), from
 * the result itself (`result.areas`, resolved once by the source). A result without them (a
 * custom source) is named through one `areas` query to the source, asked again only when the
 * source or that query changes; until it answers, or when the source cannot list areas, the
 * codes stay. `areas` is a new map whenever the names changed, so a chart can list it among
 * its draw inputs.
 *
 * ```ts
 * private readonly names = new AreaNamesController(this, { result: () => this.loader.value, source: () => this.context?.source, fallback: () => ({ level: this.level }) });
 * label(code: string) { return this.names.nameOf(code, this.effectiveLocale, this.areaLabels); }
 * ```
 */
export class AreaNamesController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: AreaNamesOptions;
  #fromResult?: { list: readonly Area[]; map: ReadonlyMap<string, Area> };
  #fetched: ReadonlyMap<string, Area> = new Map();
  #fetchKey = '';

  constructor(host: ReactiveControllerHost, options: AreaNamesOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The known areas by code. */
  get areas(): ReadonlyMap<string, Area> {
    const list = this.#options.result()?.areas;
    if (!Array.isArray(list)) return this.#fetched;
    if (this.#fromResult?.list !== list) {
      this.#fromResult = { list, map: toMap(list) };
      const source = this.#options.source();
      if (source) rememberAreas(source, list);
    }
    return this.#fromResult.map;
  }

  hostUpdate(): void {
    const result = this.#options.result();
    // A result that names its areas needs no second request; nothing is asked before a result.
    if (!result || Array.isArray(result.areas)) return;
    const source = this.#options.source();
    const query = this.#options.fallback();
    const key = source && query ? `${source.id}|${JSON.stringify(query)}` : '';
    if (key === this.#fetchKey) return;
    this.#fetchKey = key;
    if (!source || !query) return;
    // Every area: the listing the widgets on this source share.
    const asked = Object.keys(query).length === 0 ? allAreas(source) : source.areas(query);
    asked.then(
      (areas) => {
        if (this.#fetchKey !== key || !Array.isArray(areas)) return;
        this.#fetched = toMap(areas);
        rememberAreas(source, areas);
        this.#options.onChange?.();
        this.#host.requestUpdate();
      },
      // Names are a nicety: a source that cannot list areas leaves the codes.
      () => undefined,
    );
  }

  /** The area with this code, if known. */
  area(code: string): Area | undefined {
    return this.areas.get(code);
  }

  /** The area's name in `locale` (an override first), else the code. */
  nameOf(code: string, locale: Locale, overrides: Readonly<Record<string, string>> = {}): string {
    const override = overrides[code];
    if (override !== undefined) return override;
    const area = this.areas.get(code);
    return area ? localize(area.name, locale) || code : code;
  }
}

function toMap(list: readonly unknown[]): ReadonlyMap<string, Area> {
  return new Map(list.filter((area): area is Area => typeof (area as Area | null)?.code === 'string').map((area) => [area.code, area]));
}
