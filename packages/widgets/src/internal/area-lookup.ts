import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Area, DataSource } from '@ioc-kit/data';

interface Known {
  byCode: Map<string, Area>;
  /** The one listing of every area, asked for when a code was not known yet. */
  listing?: Promise<readonly Area[]>;
}

const bySource = new WeakMap<DataSource, Known>();

function knownOf(source: DataSource): Known {
  let known = bySource.get(source);
  if (!known) {
    known = { byCode: new Map() };
    bySource.set(source, known);
  }
  return known;
}

function isArea(area: unknown): area is Area {
  return typeof (area as Area | null)?.code === 'string' && typeof (area as Area).level === 'string';
}

/** Keeps areas a source named (in a result's `areas`, a listing), so a later look-up needs no request. */
export function rememberAreas(source: DataSource, areas: readonly unknown[]): void {
  const known = knownOf(source);
  for (const area of areas) if (isArea(area)) known.byCode.set(area.code, area);
}

/** The area with this code as the source describes it, if already known. */
export function knownArea(source: DataSource, code: string): Area | undefined {
  return bySource.get(source)?.byCode.get(code);
}

/**
 * Every area the source lists (valid now), asked for once per source and shared by every widget
 * on it; a source that cannot list its areas gives none.
 */
export function allAreas(source: DataSource): Promise<readonly Area[]> {
  const known = knownOf(source);
  known.listing ??= Promise.resolve()
    .then(() => source.areas({}))
    .then(
      (list: unknown) => {
        const areas = (Array.isArray(list) ? (list as readonly unknown[]) : []).filter(isArea);
        rememberAreas(source, areas);
        return areas;
      },
      () => [],
    );
  return known.listing;
}

/** The area with this code as the source describes it: known, else from the one listing of the source's areas. */
export function lookUpArea(source: DataSource, code: string): Promise<Area | undefined> {
  const area = knownArea(source, code);
  if (area) return Promise.resolve(area);
  return allAreas(source).then(() => knownArea(source, code));
}

export interface OwnAreaOptions {
  source: () => DataSource | undefined;
  /** The code of the area the widget shows (its own or the provider's). */
  code: () => string | undefined;
}

/**
 * The widget's own area as its source describes it (level, parent, name), so the widget can
 * shape its query (a province's communes, a commune's own value) without guessing the level
 * from the length of a code. Known at once when the provider or an earlier result named it,
 * else looked up with one listing of the source's areas, shared by every widget on that source.
 *
 * ```ts
 * private readonly own = new OwnAreaController(this, { source: () => this.context?.source, code: () => this.effectiveArea });
 * query() { if (this.own.pending) return undefined; const level = this.own.area?.level; ... }
 * ```
 */
export class OwnAreaController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: OwnAreaOptions;
  #key?: { source: DataSource | undefined; code: string | undefined };
  #area?: Area;
  #pending = false;

  constructor(host: ReactiveControllerHost, options: OwnAreaOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The area, once known; undefined while looked up or when the source does not list it. */
  get area(): Area | undefined {
    this.#sync();
    return this.#area;
  }

  /** True while the area is being looked up. */
  get pending(): boolean {
    this.#sync();
    return this.#pending;
  }

  hostUpdate(): void {
    this.#sync();
  }

  #sync(): void {
    const source = this.#options.source();
    const code = this.#options.code();
    if (this.#key && this.#key.source === source && this.#key.code === code) return;
    const key = { source, code };
    this.#key = key;
    this.#area = source && code ? knownArea(source, code) : undefined;
    this.#pending = false;
    if (!source || !code || this.#area) return;
    this.#pending = true;
    void lookUpArea(source, code).then((area) => {
      if (this.#key !== key) return;
      this.#area = area;
      this.#pending = false;
      this.#host.requestUpdate();
    });
  }
}
