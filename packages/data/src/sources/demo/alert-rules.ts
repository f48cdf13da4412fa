/**
 * The demo's alert rules: bands of the catalogue and the demo river's alarm levels, turned into
 * alerts where a commune's daily values cross them. A run of days in a band is one alert, from
 * its first day to the day it ends (ongoing runs wait for an operator). The domain adapter
 * filters what the rules raise (domain, area, severity, status, time) as for any source.
 */
import type { Area } from '../../contract/areas.js';
import type { AlertSeverity, Indicator, IndicatorId } from '../../contract/catalogue.js';
import { ALERT_SEVERITIES } from '../../contract/catalogue.js';
import type { Alert } from '../../contract/query.js';
import { toIso } from '../../contract/time.js';
import { bandFor, indicatorById } from '../../catalogue/index.js';
import { filterAreas } from '../../areas/areas.js';
import { hashString } from '../../internal/random.js';
import type { DemoGenerator } from './generator.js';
import { DEMO_PROVINCE_CODE } from './geography.js';
import { dayStart, HOUR_MS, localDay } from './model.js';

interface AlertRule {
  indicator: IndicatorId;
  category: string;
  subCategory: string;
  severity(value: number, indicator: Indicator): AlertSeverity | undefined;
}

const fromBands = (value: number, indicator: Indicator) => bandFor(indicator, value)?.severity;
const ALERT_RULES: readonly AlertRule[] = [
  { indicator: 'environment.aqi', category: 'environment', subCategory: 'airPollution', severity: fromBands },
  { indicator: 'environment.wqi', category: 'environment', subCategory: 'waterPollution', severity: fromBands },
  { indicator: 'environment.rainfall', category: 'weather', subCategory: 'rainfall', severity: fromBands },
  {
    indicator: 'environment.water-level',
    category: 'weather',
    subCategory: 'flood',
    // The demo river's alarm levels I / II / III.
    severity: (v) => (v >= 550 ? 'critical' : v >= 450 ? 'high' : v >= 350 ? 'medium' : undefined),
  },
  { indicator: 'environment.dissolved-oxygen', category: 'environment', subCategory: 'waterPollution', severity: (v) => (v < 1 ? 'high' : v < 2 ? 'medium' : undefined) },
  { indicator: 'living.bed-occupancy', category: 'health', subCategory: 'hospitalCapacity', severity: fromBands },
  { indicator: 'living.fire-incidents', category: 'security', subCategory: 'fire', severity: (v) => (v >= 2 ? 'critical' : v >= 1 ? 'high' : undefined) },
  { indicator: 'mobility.accidents', category: 'traffic', subCategory: 'carAccident', severity: (v) => (v >= 3 ? 'high' : v >= 2 ? 'medium' : undefined) },
  { indicator: 'mobility.congestion-points', category: 'traffic', subCategory: 'trafficJam', severity: (v) => (v >= 8 ? 'high' : v >= 5 ? 'medium' : undefined) },
  // A one-stop office falling behind: a day when a quarter (then 40 %) of its dossiers ran past their deadline.
  { indicator: 'governance.dossiers-late', category: 'administrative', subCategory: 'overdueDossiers', severity: (v) => (v >= 40 ? 'high' : v >= 25 ? 'medium' : undefined) },
  { indicator: 'governance.overdue-tasks', category: 'administrative', subCategory: 'overdueTasks', severity: (v) => (v >= 15 ? 'high' : v >= 10 ? 'medium' : undefined) },
];
/** Alert thresholds by indicator, exported for tests and docs. */
export const DEMO_ALERT_RULES: readonly { indicator: IndicatorId; severity: (value: number) => AlertSeverity | undefined }[] = ALERT_RULES.map((rule) => ({
  indicator: rule.indicator,
  severity: (value: number) => {
    const indicator = indicatorById(rule.indicator);
    return indicator ? rule.severity(value, indicator) : undefined;
  },
}));

/**
 * The alerts the rules raise on today's communes for runs of days that overlap the local days
 * of `[from, to)` (a run may start up to a week before), for the rules of `domain` (all when
 * absent). Unfiltered otherwise: the adapter applies the query.
 */
export function raiseAlerts(generator: DemoGenerator, from: number, to: number, domain?: string): Alert[] {
  const { origin, today, now } = generator;
  const wanted = filterAreas(generator.geography().areas, { level: 'commune', parent: DEMO_PROVINCE_CODE, at: now });
  const list: Alert[] = [];
  const firstDay = Math.max(localDay(from) - 7, origin);
  const lastDay = Math.min(localDay(to - 1), today);
  for (const rule of ALERT_RULES) {
    const ind = indicatorById(rule.indicator);
    if (!ind) continue;
    if (domain && ind.domain !== domain) continue;
    for (const area of wanted) {
      const daily = generator.areaDays(rule.indicator, area, firstDay, Math.max(0, lastDay - firstDay + 1));
      let runStart = -1;
      let worst = -1;
      let peak = Number.NaN;
      for (let day = firstDay; day <= lastDay + 1; day++) {
        const value = day <= lastDay ? (daily[day - firstDay] ?? Number.NaN) : Number.NaN;
        const severity = Number.isFinite(value) ? rule.severity(value, ind) : undefined;
        const rank = severity ? ALERT_SEVERITIES.indexOf(severity) : -1;
        if (rank >= 0) {
          if (runStart < 0) {
            runStart = day;
            worst = rank;
            peak = value;
          } else if (rank > worst || (rank === worst && (ind.polarity === 'higher-is-better' ? value < peak : value > peak))) {
            worst = Math.max(worst, rank);
            peak = value;
          }
          continue;
        }
        if (runStart >= 0) {
          list.push(makeAlert(generator, rule, ind, area, runStart, day, worst, peak));
          runStart = -1;
        }
      }
    }
  }
  return list;
}

function makeAlert(generator: DemoGenerator, rule: AlertRule, ind: Indicator, area: Area, firstDay: number, endDay: number, rank: number, peak: number): Alert {
  const severity = ALERT_SEVERITIES[rank] ?? 'medium';
  const hash = hashString(`${generator.seed}|alert|${rule.indicator}|${area.code}|${firstDay}`);
  const start = dayStart(firstDay) + (6 + (hash % 10)) * HOUR_MS;
  const ongoing = endDay > generator.today;
  const end = dayStart(endDay) + ((hash >>> 8) % 8) * HOUR_MS;
  // Ongoing alerts wait for an operator (about a third already acknowledged); ended ones are resolved.
  const status = ongoing ? (hash % 3 === 0 ? 'acknowledged' : 'open') : 'resolved';
  const band = bandFor(ind, peak);
  const shown = Number(peak.toFixed(ind.decimals));
  const unitVi = ind.unit.label.vi ? ` ${ind.unit.label.vi}` : '';
  const unitEn = ind.unit.label.en ? ` ${ind.unit.label.en}` : '';
  const titleVi = `${ind.name.vi}${band ? ` ${band.label.vi.toLowerCase()}` : ' vượt ngưỡng'}: ${area.name.vi}`;
  const titleEn = `${ind.name.en ?? ind.name.vi}${band ? ` ${(band.label.en ?? band.label.vi).toLowerCase()}` : ' over threshold'}: ${area.name.en ?? area.name.vi}`;
  const descriptionVi = `Giá trị cao nhất ${shown.toLocaleString('vi-VN')}${unitVi}. ${band?.advice?.vi ?? ''}`.trim();
  const descriptionEn = `Peak ${shown.toLocaleString('en-GB')}${unitEn}. ${band?.advice?.en ?? ''}`.trim();
  const alert: Alert = {
    id: `demo-${rule.indicator}-${area.code}-${toIso(dayStart(firstDay))?.slice(0, 10) ?? firstDay}`,
    severity,
    category: rule.category,
    subCategory: rule.subCategory,
    domain: ind.domain,
    indicator: ind.id,
    area: area.code,
    title: titleVi,
    description: descriptionVi,
    label: { title: { vi: titleVi, en: titleEn }, description: { vi: descriptionVi, en: descriptionEn } },
    start: toIso(start) ?? '',
    status,
    source: `demo:${rule.indicator}`,
    // Unrounded, so the value is in the band that raised the alert even right at its edge.
    value: peak,
  };
  if (!ongoing) alert.end = toIso(end) ?? '';
  if (area.centroid) alert.location = { type: 'Point', coordinates: [...area.centroid] };
  return alert;
}