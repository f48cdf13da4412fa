import type { Area } from '../contract/areas.js';
import { parseTime } from '../contract/time.js';

const indexes = new WeakMap<readonly Area[], Map<string, Area[]>>();

/** Code -> its entries (a code may have several over time), built once per list. */
function indexOf(list: readonly Area[]): Map<string, Area[]> {
  let index = indexes.get(list);
  if (!index) {
    index = new Map();
    for (const area of list) {
      const entries = index.get(area.code);
      if (entries) entries.push(area);
      else index.set(area.code, [area]);
    }
    indexes.set(list, index);
  }
  return index;
}

const validAt = (area: Area, time: number) =>
  (area.validFrom === undefined || time >= parseTime(area.validFrom)) && (area.validTo === undefined || time < parseTime(area.validTo));
const endOf = (area: Area) => (area.validTo === undefined ? Number.POSITIVE_INFINITY : parseTime(area.validTo));

/**
 * The areas a result speaks of, from the source's catalogue: for each code (first mention
 * first, once each) the entry valid at `at`, else its latest entry. Codes the catalogue lacks are
 * left out; undefined when none is known, so a result without a catalogue carries no `areas`.
 */
export function resolveAreas(list: readonly Area[], codes: Iterable<string>, at: number): Area[] | undefined {
  if (list.length === 0) return undefined;
  const index = indexOf(list);
  const seen = new Set<string>();
  const out: Area[] = [];
  for (const code of codes) {
    if (seen.has(code)) continue;
    seen.add(code);
    const entries = index.get(code);
    if (!entries) continue;
    const entry = entries.find((area) => validAt(area, at)) ?? entries.reduce((latest, area) => (endOf(area) > endOf(latest) ? area : latest));
    out.push(entry);
  }
  return out.length > 0 ? out : undefined;
}
