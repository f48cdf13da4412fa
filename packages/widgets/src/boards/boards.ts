import type { Domain, IndicatorId, LocalizedText, TimeGrain } from '@ioc-kit/data';

/** What one domain board shows, region by region. Every id is a catalogue indicator the demo source answers. */
export interface DomainBoardSpec {
  domain: Domain;
  /** The board's title, Vietnamese first. */
  title: LocalizedText;
  /** The headline KPI cards (3–4); the first is the domain's headline on the overview board. */
  kpis: readonly IndicatorId[];
  /** The indicator the map colours its areas by. */
  map: IndicatorId;
  /** The trend chart: indicator and time grain. */
  trend: { indicator: IndicatorId; grain: TimeGrain };
  /** The indicator areas are ranked by. */
  ranking: IndicatorId;
  /** The area table's columns. */
  table: readonly IndicatorId[];
}

/**
 * The six domain boards of an operations centre, in the order a centre lists its domains
 * (economy, citizens, governance, mobility, environment, living). `<ioc-domain-board>` and
 * `<ioc-overview-board>` read it; a portal may read it to build a menu.
 */
export const DOMAIN_BOARDS: readonly DomainBoardSpec[] = [
  {
    domain: 'economy',
    title: { vi: 'Kinh tế thông minh', en: 'Smart economy' },
    kpis: ['economy.grdp-growth', 'economy.budget-revenue-plan', 'economy.public-investment-disbursement', 'economy.fdi-registered'],
    map: 'economy.new-enterprises',
    trend: { indicator: 'economy.budget-revenue', grain: 'month' },
    ranking: 'economy.public-investment-disbursement',
    table: ['economy.new-enterprises', 'economy.tourist-arrivals', 'economy.public-investment-disbursement'],
  },
  {
    domain: 'citizens',
    title: { vi: 'Cư dân thông minh', en: 'Smart citizens' },
    kpis: ['citizens.feedback-resolved-on-time', 'citizens.satisfaction', 'citizens.online-dossiers', 'citizens.unemployment'],
    map: 'citizens.satisfaction',
    trend: { indicator: 'citizens.feedback-received', grain: 'day' },
    ranking: 'citizens.feedback-resolved-on-time',
    table: ['citizens.feedback-received', 'citizens.feedback-resolved-on-time', 'citizens.satisfaction'],
  },
  {
    domain: 'governance',
    title: { vi: 'Quản trị thông minh', en: 'Smart governance' },
    kpis: ['governance.dossiers-on-time', 'governance.online-payments', 'governance.overdue-tasks', 'governance.par-index'],
    map: 'governance.dossiers-on-time',
    trend: { indicator: 'governance.dossiers-received', grain: 'day' },
    ranking: 'governance.dossiers-late',
    table: ['governance.dossiers-received', 'governance.dossiers-on-time', 'governance.dossiers-late'],
  },
  {
    domain: 'mobility',
    title: { vi: 'Giao thông thông minh', en: 'Smart mobility' },
    kpis: ['mobility.mean-speed', 'mobility.congestion-points', 'mobility.accidents', 'mobility.parking-free'],
    map: 'mobility.congestion-points',
    trend: { indicator: 'mobility.vehicle-flow', grain: 'day' },
    ranking: 'mobility.accidents',
    table: ['mobility.vehicle-flow', 'mobility.mean-speed', 'mobility.accidents'],
  },
  {
    domain: 'environment',
    title: { vi: 'Môi trường thông minh', en: 'Smart environment' },
    kpis: ['environment.aqi', 'environment.pm25', 'environment.wqi', 'environment.rainfall'],
    map: 'environment.aqi',
    trend: { indicator: 'environment.pm25', grain: 'day' },
    ranking: 'environment.aqi',
    table: ['environment.aqi', 'environment.pm25', 'environment.wqi'],
  },
  {
    domain: 'living',
    title: { vi: 'Cuộc sống thông minh', en: 'Smart living' },
    kpis: ['living.bed-occupancy', 'living.clean-water-households', 'living.electricity', 'living.streetlight-faults'],
    map: 'living.clean-water-households',
    trend: { indicator: 'living.electricity', grain: 'month' },
    ranking: 'living.streetlight-faults',
    table: ['living.electricity', 'living.clean-water-households', 'living.fire-incidents'],
  },
];

/** The board of a domain, or undefined for a name that is not one of the six. */
export function boardFor(domain: string | undefined): DomainBoardSpec | undefined {
  return DOMAIN_BOARDS.find((board) => board.domain === domain);
}

/** Every indicator a board names, once each. */
export function boardIndicators(board: DomainBoardSpec): IndicatorId[] {
  return [...new Set([...board.kpis, board.map, board.trend.indicator, board.ranking, ...board.table])];
}
