import type { Area } from '../contract/areas.js';
import { ALERT_SEVERITIES } from '../contract/catalogue.js';
import type { Alert, AlertQuery } from '../contract/query.js';
import { parseTime } from '../contract/time.js';
import { descendantsOf, successorsAt } from '../areas/areas.js';

/**
 * Applies an `AlertQuery`'s filters, newest first, up to `limit`. An area includes every unit
 * that has sat under it and, for units that no longer exist, the units valid at `at` (default
 * now) that took them over: alerts are raised on today's communes, and asking for a district of
 * 2024 finds the alerts of the communes it became.
 */
export function filterAlerts(list: readonly Alert[], query: AlertQuery, hierarchy: readonly Area[] = [], at?: number): Alert[] {
  const minRank = query.minSeverity ? ALERT_SEVERITIES.indexOf(query.minSeverity) : 0;
  const from = query.from === undefined ? Number.NEGATIVE_INFINITY : parseTime(query.from);
  const to = query.to === undefined ? Number.POSITIVE_INFINITY : parseTime(query.to);
  const within = query.area ? areasWithin(hierarchy, query.area, at) : undefined;
  // An alert with no area code (a broker's Alert with only a location) is province-wide as far
  // as anyone can tell: it stays in the answer for the top of the hierarchy (or an area the
  // source does not know), and the widget says "whole province / area unknown".
  const keepsArealess = query.area !== undefined && isTop(hierarchy, query.area);
  const matching = list.filter((alert) => {
    if (query.domain && alert.domain !== query.domain) return false;
    if (ALERT_SEVERITIES.indexOf(alert.severity) < minRank) return false;
    if (query.status && !query.status.includes(alert.status)) return false;
    if (within && (alert.area ? !within.has(alert.area) : !keepsArealess)) return false;
    const start = parseTime(alert.start);
    const end = alert.end === undefined ? Number.POSITIVE_INFINITY : parseTime(alert.end);
    // An alert belongs to a window it overlaps.
    if (Number.isFinite(from) && end < from) return false;
    if (Number.isFinite(to) && start >= to) return false;
    return true;
  });
  matching.sort((a, b) => parseTime(b.start) - parseTime(a.start) || (a.id < b.id ? -1 : 1));
  const limit = query.limit !== undefined && Number.isFinite(query.limit) && query.limit >= 0 ? Math.floor(query.limit) : matching.length;
  return matching.slice(0, limit);
}

/** The code, every code under it, and the units that took over any of them. */
function areasWithin(hierarchy: readonly Area[], code: string, at: number | undefined): Set<string> {
  const within = new Set([code, ...descendantsOf(hierarchy, code)]);
  if (hierarchy.length === 0) return within;
  const valid = new Set<string>();
  for (const successor of [...within].flatMap((c) => successorsAt(hierarchy, c, at))) valid.add(successor.code);
  for (const c of valid) within.add(c);
  return within;
}

/** True when `code` has no parent in the hierarchy (the province), or the hierarchy does not list it. */
function isTop(hierarchy: readonly Area[], code: string): boolean {
  const area = hierarchy.find((entry) => entry.code === code);
  return !area || !area.parent;
}
