import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { feature as topoFeature } from 'topojson-client';
import {
  IocDataError,
  REORGANISATION_DATE,
  ValidationError,
  localize,
  type Alert,
  type AlertSeverity,
  type Area,
  type AreaLevel,
  type ByAreaQuery,
  type ByAreaResult,
  type Feature,
  type FeatureCollection,
  type Indicator,
  type TimeGrain,
} from '@ioc-kit/data';
import {
  clampTransform,
  classOf,
  clusterAt,
  clusterOrder,
  clusterPoints,
  renderPoints,
  shortName,
  tileMap,
  type MapCluster,
  type MapPointInput,
  composeTransform,
  fitTransform,
  shapePath,
  formatValue,
  hitTest,
  prepareMap,
  projectPoint,
  rampClasses,
  renderMap,
  toScreen,
  type DataTable,
  type MapClass,
  type MapFeatureInput,
  type MapGeometryProblem,
  type MapMarks,
  type MapRenderer,
  type MapTransform,
  type PreparedMap,
} from '@ioc-kit/charts';
import { IocElement, baseStyles } from '../internal/base-element.js';
import { chartElementStyles } from '../internal/chart-element.styles.js';
import { ChartShell, defineChartElement } from '../internal/chart-shell.js';
import { checkByAreaResult } from '../internal/chart-support.js';
import { missing, type DataState } from '../internal/data-controller.js';
import { IocAreaSelectEvent, IocErrorEvent, type AreaSelection } from '../internal/events.js';
import { cssVars } from '../internal/css-vars.js';
import { formatDate } from '../internal/format.js';
import { OwnAreaController } from '../internal/area-lookup.js';
import { message, type Words } from '../internal/messages.js';
import type { NavPoint } from '../internal/navigation-controller.js';
import { areaProblem } from '../internal/status-controller.js';
import type { ChartSize } from '../internal/size-controller.js';
import type { ChartView } from '../internal/table-view.js';
import { readThemePalette } from '../internal/theme-controller.js';
import * as words from '../internal/words.js';
import { mapStyles } from './map.styles.js';

const GEOBOUNDARIES_CREDIT = 'Administrative boundaries courtesy of geoBoundaries.org';
const MAX_ZOOM = 24;
/** Markers closer than this (px) cluster: a province's few hundred stations show as a dozen or two clusters. */
const CLUSTER_RADIUS = 56;
const DAY = 86_400_000;

/** One period of the time slider: the instant the by-area query asks for. */
interface Frame {
  at: string;
  label: string;
}

/** A point on the map: a station, a camera, an incident or an alert. */
export interface MapPoint {
  id: string;
  /** WGS84 longitude and latitude. */
  lon: number;
  lat: number;
  /** Sizes the marker (its area follows the value). */
  value?: number;
  /** Colours the marker (the theme's severity colours); a cluster takes its worst member's. */
  severity?: AlertSeverity;
  /** Name shown in the tooltip and announced. */
  label: string;
  /** Unit of `value`, shown after it. */
  unit?: string;
}

const SEVERITIES: readonly AlertSeverity[] = ['informational', 'low', 'medium', 'high', 'critical'];
const SEVERITY_WORDS: Record<AlertSeverity, Words> = {
  informational: words.severityInformational,
  low: words.severityLow,
  medium: words.severityMedium,
  high: words.severityHigh,
  critical: words.severityCritical,
};

/** What the map shows now: the boundaries at a level under a parent, and where they came from. */
interface Boundaries {
  key: string;
  features: MapFeatureInput[];
  attribution?: string;
}

/**
 * @tag ioc-map
 * @summary A choropleth of an indicator by administrative area (a `by-area` query and the
 * source's `boundaries`, or a GeoJSON given by URL or object): the indicator's own bands (VN_AQI's
 * six official colours) or the theme's ramp, a legend counting areas per class, drill-down from
 * province to communes, pan and zoom, an optional time slider, a keyboard path through every area,
 * a data table and a vi/en summary. SVG for a few areas, canvas for many.
 *
 * @csspart base - The figure around everything.
 * @csspart header - The title.
 * @csspart view-toggle - The switch between the map and the data table.
 * @csspart breadcrumb - The levels drilled through (`nav`), each a button back up.
 * @csspart plot - The map (`role="img"`, named by a generated summary; focus it for the keyboard).
 * @csspart tooltip - The focused area's name, value, band and rank.
 * @csspart legend - The classes with their counts; each a toggle that highlights its areas.
 * @csspart slider - The time slider (play, step, range input and the period's date).
 * @csspart attribution - Where the boundaries come from.
 * @csspart points - The point layer (markers and clusters, drawn over the areas).
 * @csspart note - Geometry that was skipped or repaired.
 * @csspart table - The data table.
 * @csspart status - Loading, empty and error messages.
 *
 * @cssproperty --ioc-map-height - Height of the map. Defaults to 24rem.
 * @cssproperty --ioc-map-surface - Background. Defaults to `--ioc-sys-color-surface`.
 * @cssproperty --ioc-map-border-color - Border. Defaults to `--ioc-sys-color-outline`.
 * @cssproperty --ioc-map-radius - Corner radius. Defaults to `--ioc-sys-radius`.
 * @cssproperty --ioc-map-padding - Inner padding. Defaults to `--ioc-sys-space-3`.
 * @cssproperty --ioc-map-area-stroke - Area borders. Defaults to `--ioc-sys-color-outline-strong`.
 * @cssproperty --ioc-map-selected-stroke - Border of the selected or focused area. Defaults to `--ioc-sys-color-focus`.
 * @cssproperty --ioc-map-label-color - Labels on the map (the archipelagos' names). Defaults to `--ioc-sys-color-on-surface-muted`.
 * @cssproperty --ioc-map-no-data - Fill of areas without data (hatched over it). Defaults to `--ioc-sys-color-surface-raised`.
 * @cssproperty --ioc-map-point-color - Markers without a severity. Defaults to `--ioc-sys-color-primary`.
 *
 * Points (`points`, or `point-layer="alerts"` for the source's alerts that have a location) are
 * markers coloured by severity (`--ioc-sys-color-severity-*`) and sized by value, grouped into
 * clusters showing their count wherever they would overlap; clusters split as the map zooms in,
 * and a click or Enter on one zooms to it. `M` moves the keyboard between the areas and the markers.
 *
 * `layout="tiles"` draws every area as an equal square placed roughly where it lies (for when
 * areas differ too much in size to compare), with the same colours, legend, keyboard and tooltips.
 *
 * Dates: before 1 July 2025 (`at`, or the slider's period) the map shows the boundaries of then —
 * the source's (the demo province through its districts), or `src-before-2025` when the map reads
 * its own files (the 63 old provinces) — and after it `src` (the 34).
 *
 * Colours: an indicator with bands (VN_AQI, VN_WQI) colours each area by its band's official
 * colour (`--ioc-sys-color-<band token>`); otherwise the theme's ramp `--ioc-sys-color-seq-1..7`
 * in equal steps (reversed where higher is better, so the worst areas are the strongest), or `--ioc-sys-color-div-1..7` around `midpoint` with `scale="diverging"`
 * (above the midpoint red, unless higher is better). Ranks and "worst" follow the indicator's polarity.
 *
 * @fires ioc-data - New data arrived (`event.result`).
 * @fires ioc-error - Data or boundaries could not be loaded or were invalid (`event.error`); last good data stays.
 * @fires ioc-area-select - The user picked an area (click, tap, Enter): `event.area` has its `code`, `name` and `level`.
 */
export class IocMap extends IocElement {
  static override styles = [baseStyles, chartElementStyles, mapStyles];

  /** Title above the map and in its accessible name; defaults to the indicator's name. */
  @property() label?: string;

  /** `chart` (default) or `table`: the accessible data table instead of the map. */
  @property({ reflect: true }) view: ChartView = 'chart';

  /** Hides the legend. */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** Not used by the map (its legend highlights classes instead of hiding series); kept for the shared shell. */
  @property({ attribute: false }) hiddenSeries: ReadonlySet<string> = new Set();

  /** Indicator id from the catalogue, e.g. `environment.aqi`. Without one, the map shows the outlines only. */
  @property({ reflect: true }) indicator?: string;

  /** Level of the areas shown under the widget's area: default the next level down (province → communes); `province` with no area for the country. */
  @property({ reflect: true }) level?: AreaLevel;

  /** The instant whose period the map shows (ISO); default: the provider's selection (the end of a brushed time range, else a selected period), else the latest. */
  @property({ reflect: true }) at?: string;

  /** Period of the values (`day`, `month`, `year`); default the indicator's own. */
  @property({ reflect: true }) grain?: TimeGrain;

  /** URL of a GeoJSON FeatureCollection to draw instead of the source's boundaries (at the top level). */
  @property({ reflect: true }) src?: string;

  /** A GeoJSON FeatureCollection (or a TopoJSON Topology) to draw instead of the source's boundaries (at the top level). `src` may point at either too. */
  @property({ attribute: false }) geojson?: FeatureCollection | { type: 'Topology'; objects: Record<string, unknown> };

  /** For TopoJSON: the object of the topology to draw (default the first). */
  @property({ attribute: 'topology-object' }) topologyObject?: string;

  /** Property holding each feature's area code; default `code`, else the feature's `id`, else `gso_code_pre2025`/`shapeISO`. */
  @property({ attribute: 'feature-key' }) featureKey?: string;

  /** Credit for the boundaries, shown on the map; default the geoBoundaries credit for geoBoundaries files. */
  @property() attribution?: string;

  /** `auto` (default: canvas above 400 areas), `svg` or `canvas`. */
  @property() renderer: MapRenderer = 'auto';

  /** `sequential` (default) or `diverging` around `midpoint`; ignored when the indicator has bands. */
  @property({ reflect: true }) scale: 'sequential' | 'diverging' = 'sequential';

  /** Centre of the diverging scale (default 0). */
  @property({ type: Number }) midpoint?: number;

  /** Colours by the ramp even when the indicator has bands. */
  @property({ type: Boolean, attribute: 'no-bands' }) noBands = false;

  /** Shows a time slider stepping through periods of this grain (`day`, `month`, `year`). */
  @property({ reflect: true }) slider?: 'day' | 'month' | 'year';

  /** How many periods the slider spans, ending at `at` (or now); default 90 days, 12 months or 10 years. */
  @property({ type: Number }) periods?: number;

  /** Milliseconds per step while the slider plays (default 800). */
  @property({ type: Number, attribute: 'play-interval' }) playInterval = 800;

  /** Data given directly, bypassing any source. */
  @property({ attribute: false }) data?: ByAreaResult;

  /** Markers to draw over the areas: `{ id, lon, lat, value?, severity?, label, unit? }[]`. */
  @property({ attribute: false }) points?: readonly MapPoint[];

  /** `alerts`: also shows the source's alerts (in the widget's area) that have a location, coloured by severity. */
  @property({ reflect: true, attribute: 'point-layer' }) pointLayer?: 'alerts';

  /** `geographic` (default) or `tiles`: every area as an equal square placed roughly where it lies. */
  @property({ reflect: true }) layout: 'geographic' | 'tiles' = 'geographic';

  /** URL of the GeoJSON (or TopoJSON) to draw for dates before 1 July 2025 (e.g. the 63 provinces) when `src` has the boundaries after it. */
  @property({ reflect: true, attribute: 'src-before-2025' }) srcBefore2025?: string;

  #boundaries?: Boundaries;
  /** Counts the objects given as `geojson`, so a new one is read even at the same key. */
  #geoVersion = 0;
  #boundaryJob?: { key: string; stop: AbortController };
  #boundaryError?: string;
  /** The boundaries prepared (`geo`), and what is drawn (`map`: the same, or its tile grid). */
  #prepared?: { features: MapFeatureInput[]; map: PreparedMap; geo: PreparedMap; tiles: boolean };
  /** Pan and zoom on top of the fit (k = 1: the whole map). */
  #transform: MapTransform = { k: 1, x: 0, y: 0 };
  #drill: AreaSelection[] = [];
  #followed?: string;
  #highlight = new Set<number>();
  #selected?: string;
  #marks?: MapMarks;
  #frameIndex = -1;
  #frame?: ByAreaResult;
  #frames = new Map<string, ByAreaResult>();
  #frameJob?: AbortController;
  #playing?: ReturnType<typeof setInterval>;
  #drag?: { id: number; x: number; y: number; t: MapTransform; moved: boolean; pinch?: { d: number; k: number } };
  #pointers = new Map<number, { x: number; y: number }>();
  #listening?: HTMLElement;
  #alerts?: { key: string; points: MapPoint[] };
  #alertJob?: { key: string; stop: AbortController };
  #clusters: MapCluster[] = [];
  #markerOrder: number[] = [];
  #projectedPoints?: { map: PreparedMap; list: readonly MapPoint[]; points: MapPointInput[]; extent: [number, number] };
  #pointList?: { from: readonly unknown[]; list: MapPoint[]; skipped: number };

  private readonly own = new OwnAreaController(this, { source: () => this.context?.source, code: () => this.effectiveArea });

  private readonly shell: ChartShell<ByAreaQuery> = new ChartShell(this, {
    query: () => this.mapQuery(),
    data: () => this.data ?? this.#frame ?? this.outlineOnly(),
    isEmpty: (result) => !this.#boundaries?.features.length && !result.rows.some((row) => row.value !== null && Number.isFinite(row.value)),
    validate: checkByAreaResult,
    blocked: () => this.blocked(),
    configError: () => this.configError(),
    summary: {
      summarize: (result) => this.mapSummary(result),
      inputs: () => [this.#prepared?.map, this.info, this.noBands, this.scale, this.midpoint, this.pointsShown().length, this.#clusters.length],
    },
    nav: {
      count: () => (this.#prepared?.map.shapes.length ?? 0) + this.#clusters.length,
      point: (index) => this.navPoint(index),
      handleKey: (event) => this.handleKey(event),
      indexAt: (x, y) => this.indexAt(x, y),
    },
    drawInputs: () => [this.#boundaries, this.#transform, this.#highlight.size, this.#selected, this.renderer, this.info, this.noBands, this.scale, this.midpoint, this.layout, this.points, this.#alerts],
    draw: (surface, result, size) => this.drawMap(surface, result, size),
    clear: (surface) => {
      this.#marks = undefined;
      surface.replaceChildren();
    },
    table: (result) => this.mapTable(result),
    controls: () => this.renderControls(),
    below: (result) => this.renderBelow(result),
    help: () => `${message(words.mapKeyboardHelp, this.effectiveLocale)}${this.pointsShown().length > 0 ? message(words.mapPointsHelp, this.effectiveLocale) : ''}`,
  });
  private readonly loader = this.shell.loader;
  private readonly indicators = this.shell.indicators;
  private readonly nav = this.shell.nav;

  /**
   * What the map shows now: `pending`, `ready`, `empty`, `stale`, `error` or `idle`.
   * Reflected to the `state` attribute for styling and tests.
   */
  get state(): DataState {
    return this.shell.state;
  }

  /** How the last draw was made (`svg` or `canvas`), the fills by area, and the geometry problems met: for tests and tools. */
  get marks(): (MapMarks & { codes: string[]; problems: Partial<Record<MapGeometryProblem, number>>; skipped: number; order: string[]; layout: 'geographic' | 'tiles'; markers: { x: number; y: number; count: number; ids: string[] }[] }) | undefined {
    const map = this.#prepared?.map;
    if (!this.#marks || !map) return undefined;
    const points = this.pointsShown();
    return {
      ...this.#marks,
      codes: map.shapes.map((s) => s.code),
      problems: map.problems,
      skipped: map.skipped,
      order: map.order.map((i) => map.shapes[i]?.code ?? ''),
      layout: this.layout === 'tiles' ? 'tiles' : 'geographic',
      markers: this.#markerOrder.map((i) => this.#clusters[i]).filter((c) => c !== undefined).map((c) => ({ x: c.x, y: c.y, count: c.members.length, ids: c.members.map((m) => points[m]?.id ?? '') })),
    };
  }

  /** The areas drilled into, outermost first. */
  get drillPath(): readonly AreaSelection[] {
    return this.#drill;
  }

  /** Draws again on the next update (e.g. after the theme changed: the colours are read again). */
  redraw(): void {
    this.#themeStamp++;
    this.shell.redraw();
  }

  /** Drills into an area (as a click on it does): fires `ioc-area-select`, then shows its children. */
  select(code: string): void {
    const shape = this.#prepared?.map.shapes.find((s) => s.code === code);
    const level = this.currentLevel();
    const area: AreaSelection = { code, name: shape ? this.areaName(code, shape.name) : code, level };
    const parent = this.scope().parent;
    this.#picked.set(code, { level, ...(parent ? { parent } : {}) });
    this.dispatchEvent(new IocAreaSelectEvent(area));
    if (level === 'commune') {
      this.#selected = code;
      this.shell.redraw();
      return;
    }
    this.#drill = [...this.#drill, area];
    this.#selected = undefined;
    this.#highlight = new Set();
    // Zoom to the area while its children load.
    const map = this.#prepared?.map;
    if (shape && map) {
      // The zoom (on top of the whole map's fit) that frames the area.
      const all = fitTransform(map, this.size());
      const one = fitTransform(map, this.size(), [shape.index], 16);
      const k = one.k / all.k;
      this.setTransform({ k, x: one.x - k * all.x, y: one.y - k * all.y });
    }
    this.nav.clear();
    this.requestUpdate();
  }

  /** Goes up one level (as Escape, Backspace or the breadcrumb do). */
  up(to = this.#drill.length - 1): void {
    if (this.#drill.length === 0 || to < 0) return;
    this.#drill = this.#drill.slice(0, to);
    this.#selected = undefined;
    this.#highlight = new Set();
    this.nav.clear();
    // Back at the top: the page's area again (none for the country's provinces).
    const national = !this.effectiveArea || this.level === 'province';
    const base = this.baseArea();
    const top = this.#drill[this.#drill.length - 1] ?? (base && !national ? { code: base.code, name: this.baseName(), level: base.level } : undefined);
    if (top?.code) this.dispatchEvent(new IocAreaSelectEvent(top));
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Follow the page's area: a new area (from the provider or the attribute) starts a new drill.
    const area = this.effectiveArea;
    if (area !== this.#followed) {
      const top = this.#drill[this.#drill.length - 1];
      if (!top || top.code !== area) {
        this.#drill = [];
        this.#selected = undefined;
        this.#highlight = new Set();
      }
      this.#followed = area;
    }
    if (changed.has('geojson')) this.#geoVersion++;
    if (changed.has('layout')) {
      this.#transform = { k: 1, x: 0, y: 0 };
      this.nav.clear();
    }
    this.followEra();
    this.loadAlerts();
    if (changed.has('points') && this.points !== undefined && !Array.isArray(this.points)) this.dispatchEvent(new IocErrorEvent(new ValidationError('points', 'expected an array of { id, lon, lat, label }')));
    this.pointsShown();
    if (changed.has('slider') || changed.has('periods') || changed.has('at')) {
      this.#frameIndex = -1;
      this.#frame = undefined;
      this.stop();
    }
    this.loadBoundaries();
    // Checked and projected before the first render of these boundaries, so the legend, notes and summary come with it.
    this.prepared();
    this.shell.willUpdate(changed);
  }

  protected override render() {
    return this.shell.render();
  }

  protected override updated(): void {
    this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
    this.#boundaryJob?.stop.abort();
    this.#boundaryJob = undefined;
    this.#frameJob?.abort();
  }

  private get info(): Indicator | undefined {
    return this.indicators.info(this.loader.value?.indicator ?? this.indicator);
  }

  /** Whether values are shown (an indicator asked for, or data given): else the outlines alone. */
  private get hasValues(): boolean {
    return Boolean(this.indicator) || this.data !== undefined || this.#frame !== undefined;
  }

  // ---- what to show ---------------------------------------------------------------------

  /** The widget's area as the source knows it, when it has one. */
  private baseArea(): Area | undefined {
    return this.own.area;
  }

  private baseName(): string {
    const area = this.baseArea();
    return area ? localize(area.name, this.effectiveLocale) : message(words.mapCountry, this.effectiveLocale);
  }

  /** The period shown: the own `at`, else the provider's selection (a brushed range's end, a period). */
  private ownAt(): string | undefined {
    return this.at ?? this.selectedAt;
  }

  private atIso(): string {
    return this.ownAt() ?? new Date(this.now).toISOString();
  }

  /** The instant the map shows: the slider's period when one is picked, else `at`, else now. */
  private shownAt(): string {
    if (this.slider && this.#frameIndex >= 0) {
      const frame = this.framesList()[this.#frameIndex];
      if (frame) return frame.at;
    }
    return this.atIso();
  }

  /** Whether the map shows a date before 1 July 2025, when districts and the 63 provinces still existed. */
  private before2025(): boolean {
    return this.shownAt().slice(0, 10) < REORGANISATION_DATE;
  }

  #era?: boolean;

  /** Crossing 1 July 2025 (a new `at` or the slider): a drill through a district that no longer (or not yet) exists goes back up. */
  private followEra(): void {
    const era = this.before2025();
    if (this.#era !== undefined && era !== this.#era) {
      const cut = this.#drill.findIndex((a) => a.level === 'district');
      if (cut >= 0) {
        this.#drill = this.#drill.slice(0, cut);
        this.#selected = undefined;
        this.nav.clear();
      }
    }
    this.#era = era;
  }

  /** The file the map reads itself (at the top level): `src-before-2025` for dates before 1 July 2025 when given, else `src`. */
  private givenSrc(): string | undefined {
    return this.srcBefore2025 && this.before2025() ? this.srcBefore2025 : this.src;
  }

  private childLevel(level: AreaLevel | undefined): AreaLevel {
    if (level === 'province') return this.before2025() ? 'district' : 'commune';
    return 'commune';
  }

  /** The parent whose children show, and their level. A commune as the page's area shows its siblings. */
  private scope(): { parent?: string; level: AreaLevel; highlight?: string } {
    const top = this.#drill[this.#drill.length - 1];
    if (top) return { parent: top.code, level: this.childLevel(top.level) };
    const code = this.effectiveArea;
    // Provinces are the top level: the whole country's, whatever the page's area.
    if (!code || this.level === 'province') return { level: this.level ?? 'province' };
    const area = this.baseArea();
    if (area?.level === 'commune') return { ...(area.parent ? { parent: area.parent } : {}), level: 'commune', highlight: area.code };
    // A district as the page's area (the source lists the areas of now: a district the map drilled
    // into is remembered) on a date after districts were abolished: its province's communes.
    const district = area ?? this.#picked.get(code);
    if (district?.level === 'district' && district.parent && !this.before2025()) return { parent: district.parent, level: 'commune' };
    return { parent: code, level: this.level ?? this.childLevel(area?.level ?? 'province') };
  }

  /** Areas the user drilled into, with their level and parent: a district is not in the source's list of the areas of now. */
  #picked = new Map<string, { level: AreaLevel; parent?: string }>();

  private currentLevel(): AreaLevel {
    return this.scope().level;
  }

  private givenGeo(): boolean {
    return this.#drill.length === 0 && (this.geojson !== undefined || Boolean(this.src));
  }

  private mapQuery(): ByAreaQuery | undefined {
    if (!this.indicator) return undefined;
    if (this.effectiveArea && this.own.pending && this.level !== 'province') return undefined;
    if (!this.effectiveArea && !this.givenGeo() && this.level !== 'province') return undefined;
    const scope = this.scope();
    const grain = this.slider ?? this.grain;
    return {
      kind: 'by-area',
      indicator: this.indicator as ByAreaQuery['indicator'],
      level: scope.level,
      ...(scope.parent ? { parent: scope.parent } : {}),
      ...(grain ? { grain } : {}),
      ...(this.ownAt() ? { at: this.ownAt() } : {}),
    };
  }

  private blocked() {
    if (this.effectiveArea && this.own.pending) return 'waiting' as const;
    if (this.givenGeo() || this.level === 'province') return this.indicator ? undefined : ('waiting' as const);
    return areaProblem(this.localName, this.effectiveArea, this.context);
  }

  private configError() {
    if (!this.indicator && !this.data && !this.givenGeo()) return missing('an indicator attribute, e.g. indicator="environment.aqi" (or src="…geojson" for outlines alone)', 'ioc-map');
    return undefined;
  }

  /** With no indicator, the outlines alone: an empty result, so the map shows as soon as its boundaries do. */
  private outlineOnly(): ByAreaResult | undefined {
    if (this.hasValues || !this.#boundaries) return undefined;
    return this.#outline?.from === this.#boundaries ? this.#outline.result : (this.#outline = { from: this.#boundaries, result: { kind: 'by-area', indicator: 'living.outline', unit: { code: '1', system: 'none', label: { vi: '' } }, level: this.currentLevel(), partial: false, rows: [] } }).result;
  }
  #outline?: { from: Boundaries; result: ByAreaResult };

  // ---- boundaries -----------------------------------------------------------------------

  private boundaryKey(): string {
    const scope = this.scope();
    if (this.givenGeo()) return `given|${this.geojson ? `object ${this.#geoVersion}` : (this.givenSrc() ?? '')}|${this.featureKey ?? ''}|${this.topologyObject ?? ''}`;
    // By era, not by day: the slider stepping through days keeps the boundaries it has.
    return `source|${this.context?.source?.id ?? ''}|${scope.level}|${scope.parent ?? ''}|${this.before2025() ? 'before' : 'after'}|${this.at?.slice(0, 10) ?? ''}`;
  }

  private loadBoundaries(): void {
    const key = this.boundaryKey();
    if (this.#boundaries?.key === key || this.#boundaryJob?.key === key) return;
    if (this.effectiveArea && this.own.pending && !this.givenGeo()) return;
    this.#boundaryJob?.stop.abort();
    const stop = new AbortController();
    this.#boundaryJob = { key, stop };
    const given = this.givenGeo();
    const geojson = given ? (this.geojson as FeatureCollection | undefined) : undefined;
    const src = given && !geojson ? this.givenSrc() : undefined;
    const source = this.context?.source;
    const scope = this.scope();
    if (!given && !source) {
      this.#boundaryJob = undefined;
      return;
    }
    const load = async (): Promise<FeatureCollection> => {
      if (geojson) return geojson;
      if (src) {
        const response = await fetch(new URL(src, this.ownerDocument.baseURI), { signal: stop.signal });
        if (!response.ok) throw new IocDataError('http', `${src}: HTTP ${response.status}`);
        return (await response.json()) as FeatureCollection;
      }
      return (await source?.boundaries({ level: scope.level, ...(scope.parent ? { parent: scope.parent } : {}), at: this.shownAt().slice(0, 10) }, { signal: stop.signal })) as FeatureCollection;
    };
    void load().then(
      (collection) => {
        if (stop.signal.aborted) return;
        this.#boundaryJob = undefined;
        this.#boundaryError = undefined;
        const features = this.readFeatures(collection);
        const geoBoundaries = collection?.features?.some?.((f) => f?.properties && ('shapeISO' in f.properties || 'shapeGroup' in f.properties)) || /geoboundaries/i.test(src ?? '');
        this.#boundaries = { key, features, ...(geoBoundaries ? { attribution: GEOBOUNDARIES_CREDIT } : {}) };
        this.#prepared = undefined;
        this.#transform = { k: 1, x: 0, y: 0 };
        this.shell.redraw();
      },
      (error: unknown) => {
        if (stop.signal.aborted) return;
        this.#boundaryJob = undefined;
        const reason = error instanceof Error ? error.message : String(error);
        this.#boundaryError = reason;
        this.dispatchEvent(new IocErrorEvent(error instanceof IocDataError ? error : new IocDataError('network', reason)));
        this.requestUpdate();
      },
    );
  }

  /** The features as code + name + geometry; a collection that is not one reads as no features. */
  private readFeatures(input: unknown): MapFeatureInput[] {
    const collection = this.fromTopology(input);
    const list = (collection as FeatureCollection | null)?.features;
    if (!Array.isArray(list)) {
      this.dispatchEvent(new IocErrorEvent(new ValidationError('boundaries', 'expected a GeoJSON FeatureCollection')));
      return [];
    }
    const keyOf = (feature: Feature) => {
      const p = (feature.properties ?? {});
      const value = this.featureKey ? p[this.featureKey] : (p.code ?? feature.id ?? p.gso_code_pre2025 ?? p.shapeISO);
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    };
    return list
      .filter((feature): feature is Feature => feature !== null && typeof feature === 'object')
      .map((feature, i) => {
        const p = (feature.properties ?? {});
        const code = keyOf(feature) || `#${i + 1}`;
        const named = [p.name, p.gso_name_pre2025, p.shapeName].find((n) => typeof n === 'string' && n !== '');
        const name = typeof named === 'string' ? named : code;
        return { code, name, geometry: feature.geometry };
      });
  }

  /** The boundaries checked and projected, once per set of boundaries (any size: the view transform fits them). */
  /** A TopoJSON Topology as GeoJSON features (its `topology-object`, else the first object); anything else as it is. */
  private fromTopology(input: unknown): unknown {
    const topology = input as { type?: unknown; objects?: Record<string, unknown> } | null;
    if (topology?.type !== 'Topology' || !topology.objects || typeof topology.objects !== 'object') return input;
    const name = this.topologyObject ?? Object.keys(topology.objects)[0];
    const object = name !== undefined ? topology.objects[name] : undefined;
    if (!object) return input;
    try {
      const out = topoFeature(topology, object);
      return out.type === 'FeatureCollection' ? out : { type: 'FeatureCollection', features: [out] };
    } catch {
      // A topology that does not decode is reported as not a FeatureCollection.
      return undefined;
    }
  }

  private prepared(): PreparedMap | undefined {
    const features = this.#boundaries?.features;
    if (!features) return undefined;
    const tiles = this.layout === 'tiles';
    if (this.#prepared?.features === features && this.#prepared.tiles === tiles) return this.#prepared.map;
    const geo = this.#prepared?.features === features ? this.#prepared.geo : prepareMap(features);
    const map = tiles ? tileMap(geo) : geo;
    this.#prepared = { features, map, geo, tiles };
    return map;
  }

  private size(): ChartSize {
    return this.shell.drawing.size ?? { width: 0, height: 0 };
  }

  /** Base units to plot px: the fit of the whole map, then the user's pan and zoom. */
  private viewTransform(): MapTransform {
    const map = this.#prepared?.map;
    if (!map) return { k: 1, x: 0, y: 0 };
    return composeTransform(this.#transform, fitTransform(map, this.size()));
  }

  // ---- values and classes ---------------------------------------------------------------

  private decimals(): number {
    return this.info?.decimals ?? 1;
  }

  private unitOf(result: ByAreaResult): string {
    return localize(result.unit.label, this.effectiveLocale);
  }

  private worseHigh(): boolean {
    return this.info?.polarity !== 'higher-is-better';
  }

  /** Finite values by area code, once per result (the legend, summary, fills and tooltips all ask). */
  private values(result: ByAreaResult): Map<string, number> {
    const cached = this.#valueCache.get(result);
    if (cached) return cached;
    const out = new Map<string, number>();
    for (const row of result.rows) if (row.value !== null && Number.isFinite(row.value)) out.set(row.area, row.value);
    this.#valueCache.set(result, out);
    return out;
  }
  #valueCache = new WeakMap<ByAreaResult, Map<string, number>>();

  #classCache?: { key: readonly unknown[]; classes: MapClass[] };

  /** The classes: the indicator's bands (official colours), else steps of the theme's ramp. */
  private classes(result: ByAreaResult): MapClass[] {
    const key = [result, this.info, this.noBands, this.scale, this.midpoint, this.effectiveLocale, this.#themeStamp];
    if (this.#classCache && this.#classCache.key.every((k, i) => k === key[i])) return this.#classCache.classes;
    const locale = this.effectiveLocale;
    const bands = this.noBands || this.scale === 'diverging' ? [] : (this.info?.bands ?? []);
    const rampTokens = Array.from({ length: 7 }, (_, i) => `${this.scale === 'diverging' ? 'div' : 'seq'}-${i + 1}`);
    const palette = readThemePalette(this, { tokens: [...rampTokens, ...bands.map((b) => b.token)], fallbacks: Object.fromEntries(bands.filter((b) => b.color).map((b) => [b.token, b.color ?? ''])) });
    let classes: MapClass[];
    if (bands.length > 0) {
      const worseHigh = this.worseHigh();
      classes = bands.map((band, i) => ({ from: band.from, to: band.to, label: localize(band.label, locale), color: palette.bands[band.token] ?? band.color ?? palette.muted, rank: worseHigh ? i : bands.length - 1 - i }));
    } else {
      const values = [...this.values(result).values()];
      const format = (x: number) => formatValue(x, locale, this.decimals());
      if (this.scale === 'diverging') {
        const mid = this.midpoint ?? 0;
        const extent = Math.max(...values.map((v) => Math.abs(v - mid)), 1e-9);
        // div-1 is the red end: above the midpoint is red unless higher is better.
        const colors = rampTokens.map((t) => palette.bands[t] ?? palette.muted);
        classes = rampClasses([mid - extent, mid + extent], this.worseHigh() ? [...colors].reverse() : colors, format, this.worseHigh(), 6);
      } else {
        // The worse, the stronger: where higher is better, the ramp runs the other way.
        const colors = rampTokens.map((t) => palette.bands[t] ?? palette.muted);
        classes = rampClasses(values, this.worseHigh() ? colors : colors.reverse(), format, this.worseHigh());
      }
    }
    this.#classCache = { key, classes };
    return classes;
  }
  #themeStamp = 0;

  /** The class index of each shape (-1: no data). */
  private shapeClasses(result: ByAreaResult, map: PreparedMap): number[] {
    const values = this.values(result);
    const classes = this.classes(result);
    const cached = this.#shapeClassCache;
    if (cached && cached.result === result && cached.map === map && cached.classes === classes) return cached.of;
    const of = map.shapes.map((shape) => classOf(classes, values.get(shape.code)));
    this.#shapeClassCache = { result, map, classes, of };
    return of;
  }
  #shapeClassCache?: { result: ByAreaResult; map: PreparedMap; classes: MapClass[]; of: number[] };

  /** Ranks, worst first (polarity-aware): code → rank (1 = worst). */
  private ranks(result: ByAreaResult): Map<string, number> {
    if (this.#rankCache?.result === result && this.#rankCache.worseHigh === this.worseHigh()) return this.#rankCache.ranks;
    const ranks = this.rankOf(result);
    this.#rankCache = { result, worseHigh: this.worseHigh(), ranks };
    return ranks;
  }

  private rankOf(result: ByAreaResult): Map<string, number> {
    const worseHigh = this.worseHigh();
    const sorted = [...this.values(result)].sort((a, b) => (worseHigh ? b[1] - a[1] : a[1] - b[1]));
    return new Map(sorted.map(([code], i) => [code, i + 1]));
  }

  private areaName(code: string, fallback: string): string {
    const area = this.loader.value?.areas?.find((a) => a.code === code);
    return area ? localize(area.name, this.effectiveLocale) : fallback;
  }

  private unitsWord(): string {
    const level = this.loader.value?.level ?? this.currentLevel();
    return message(level === 'commune' ? words.mapCommunes : level === 'district' ? words.mapDistricts : level === 'province' ? words.mapProvinces : words.mapUnits, this.effectiveLocale);
  }

  // ---- drawing --------------------------------------------------------------------------

  private drawMap(surface: HTMLElement, result: ByAreaResult, size: ChartSize): void {
    const map = this.prepared();
    if (!map) return;
    if (map.shapes.length === 0) {
      surface.replaceChildren();
      this.#marks = undefined;
      this.requestUpdate();
      return;
    }
    const classes = this.classes(result);
    const of = this.shapeClasses(result, map);
    // Outlines alone (no values asked for): one quiet fill, not the no-data hatch.
    const outline = this.hasValues ? undefined : readThemePalette(this, { tokens: ['seq-2'] }).bands['seq-2'];
    const fills = of.map((c) => (outline ?? (c >= 0 ? classes[c]?.color : undefined)));
    const faded = this.#highlight.size > 0 ? new Set(of.flatMap((c, i) => (this.#highlight.has(c) ? [] : [i]))) : undefined;
    const palette = readThemePalette(this, { tokens: ['surface', 'surface-raised', 'outline-strong', 'focus', 'on-surface-muted'] });
    const style = getComputedStyle(this);
    const stroke = style.getPropertyValue('--ioc-map-area-stroke').trim() || palette.bands['outline-strong'] || palette.grid;
    const selectedCode = this.#selected ?? this.scope().highlight;
    const selected = selectedCode !== undefined ? map.shapes.findIndex((s) => s.code === selectedCode) : -1;
    this.#marks = renderMap(surface, map, size, {
      fills,
      ...(faded ? { faded } : {}),
      ...(selected >= 0 ? { selected } : {}),
      transform: composeTransform(this.#transform, fitTransform(map, size)),
      renderer: this.renderer,
      stroke,
      focus: style.getPropertyValue('--ioc-map-selected-stroke').trim() || palette.bands.focus || palette.text,
      noData: { fill: style.getPropertyValue('--ioc-map-no-data').trim() || palette.bands['surface-raised'] || palette.surface, hatch: palette.bands['on-surface-muted'] || palette.muted },
    });
    this.recluster();
    this.syncOverlay();
  }

  // ---- points ---------------------------------------------------------------------------

  /** The points given and the located alerts, those without valid coordinates left out (and counted). */
  private pointsShown(): MapPoint[] {
    const given = Array.isArray(this.points) ? (this.points as readonly unknown[]) : [];
    const alerts = this.#alerts?.points ?? [];
    const from = [...given, ...alerts];
    if (this.#pointList && this.#pointList.from.length === from.length && this.#pointList.from.every((p, i) => p === from[i])) return this.#pointList.list;
    const list: MapPoint[] = [];
    let skipped = 0;
    for (const raw of from) {
      const p = raw as Partial<MapPoint> | null;
      const ok = p && typeof p === 'object' && typeof p.lon === 'number' && typeof p.lat === 'number' && Number.isFinite(p.lon) && Number.isFinite(p.lat) && Math.abs(p.lon) <= 180 && Math.abs(p.lat) <= 85;
      if (!ok) {
        skipped++;
        continue;
      }
      list.push({
        id: typeof p.id === 'string' || typeof p.id === 'number' ? String(p.id) : `#${list.length + 1}`,
        lon: p.lon as number,
        lat: p.lat as number,
        label: typeof p.label === 'string' ? p.label : String(p.id ?? ''),
        ...(typeof p.value === 'number' && Number.isFinite(p.value) ? { value: p.value } : {}),
        ...(p.severity && SEVERITIES.includes(p.severity) ? { severity: p.severity } : {}),
        ...(typeof p.unit === 'string' ? { unit: p.unit } : {}),
      });
    }
    this.#pointList = { from, list, skipped };
    return list;
  }

  /** The points in the map's base units, once per map and list. Tile grids have no places: no points. */
  private projected(): { points: MapPointInput[]; extent: [number, number] } {
    const prepared = this.#prepared;
    const list = this.pointsShown();
    if (!prepared || prepared.tiles || list.length === 0) return { points: [], extent: [0, 0] };
    const cached = this.#projectedPoints;
    if (cached && cached.map === prepared.geo && cached.list === list) return cached;
    const points = list.map((p) => {
      const [x, y] = projectPoint(prepared.geo, p.lon, p.lat);
      return { x, y, ...(p.value !== undefined ? { value: p.value } : {}), ...(p.severity ? { severity: SEVERITIES.indexOf(p.severity) } : {}) };
    });
    const values = list.flatMap((p) => (p.value !== undefined ? [p.value] : []));
    const extent: [number, number] = values.length > 0 ? [Math.min(...values), Math.max(...values)] : [0, 0];
    this.#projectedPoints = { map: prepared.geo, list, points, extent };
    return this.#projectedPoints;
  }

  /** Groups the points as the map is drawn now (clusters split as it zooms in). */
  private recluster(): void {
    const { points, extent } = this.projected();
    const count = this.#clusters.length;
    this.#clusters = points.length > 0 ? clusterPoints(points, this.viewTransform(), { radius: CLUSTER_RADIUS, valueExtent: extent }) : [];
    this.#markerOrder = clusterOrder(this.#clusters);
    // The summary and the keyboard's count follow the markers.
    if (this.#clusters.length !== count) this.requestUpdate();
  }

  /** The marker the keyboard or pointer is on (an index into the clusters), or -1. */
  private activeMarker(): number {
    const shapes = this.#prepared?.map.shapes.length ?? 0;
    const i = this.nav.active - shapes;
    return i >= 0 ? (this.#markerOrder[i] ?? -1) : -1;
  }

  private syncPoints(surface: HTMLElement): void {
    let layer = surface.querySelector<SVGSVGElement>(':scope > svg.points');
    if (this.#clusters.length === 0) {
      layer?.remove();
      return;
    }
    if (!layer) {
      layer = this.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'svg');
      layer.setAttribute('class', 'points');
      layer.setAttribute('part', 'points');
      layer.setAttribute('aria-hidden', 'true');
      const overlay = surface.querySelector(':scope > svg.overlay');
      surface.insertBefore(layer, overlay);
    }
    const palette = readThemePalette(this, { tokens: [...SEVERITIES.map((s) => `severity-${s}`), 'primary', 'surface', 'on-surface', 'focus'] });
    const style = getComputedStyle(this);
    const plain = style.getPropertyValue('--ioc-map-point-color').trim() || palette.bands.primary || palette.text;
    const focused = this.activeMarker();
    renderPoints(layer, this.#clusters, this.size(), {
      color: (severity) => (severity >= 0 ? (palette.bands[`severity-${SEVERITIES[severity] ?? 'informational'}`] ?? plain) : plain),
      surface: palette.bands.surface || palette.surface,
      text: palette.bands['on-surface'] || palette.text,
      halo: palette.bands.surface || palette.surface,
      focus: style.getPropertyValue('--ioc-map-selected-stroke').trim() || palette.bands.focus || palette.text,
      ...(focused >= 0 ? { focused } : {}),
    });
  }

  /** "Trạm Bắc Hà: 152 AQI · Cao", or for a cluster "12 điểm · mức cao nhất: Cao · Enter…". */
  private markerText(cluster: MapCluster): string {
    const locale = this.effectiveLocale;
    const list = this.pointsShown();
    const severity = cluster.severity >= 0 ? SEVERITIES[cluster.severity] : undefined;
    if (cluster.members.length === 1) {
      const p = list[cluster.members[0] as number];
      if (!p) return '';
      const value = p.value !== undefined ? `: ${formatValue(p.value, locale, this.decimals())}${p.unit ? ` ${p.unit}` : ''}` : '';
      return `${p.label}${value}${p.severity ? ` · ${message(SEVERITY_WORDS[p.severity], locale)}` : ''}`;
    }
    const names = cluster.members.slice(0, 3).map((m) => list[m]?.label ?? '').filter(Boolean);
    const more = cluster.members.length > 3 ? '…' : '';
    return `${message(words.mapPointsCount, locale, { n: cluster.members.length })}${severity ? ` · ${message(words.mapClusterWorst, locale, { severity: message(SEVERITY_WORDS[severity], locale) })}` : ''} (${names.join(', ')}${more}) · ${message(words.mapClusterZoom, locale)}`;
  }

  /** Zooms so the cluster's points spread apart (at least twice as close, at most the zoom limit). */
  private zoomToCluster(cluster: MapCluster): void {
    const first = this.pointsShown()[cluster.members[0] as number]?.id;
    const { points } = this.projected();
    const t = this.viewTransform();
    const xs = cluster.members.map((m) => (points[m]?.x ?? 0) * t.k + t.x);
    const ys = cluster.members.map((m) => (points[m]?.y ?? 0) * t.k + t.y);
    const spread = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    const size = this.size();
    const factor = Math.max(2, Math.min(8, spread > 0 ? (0.5 * Math.min(size.width, size.height)) / spread : 4));
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    // Zoom about the cluster, then bring it to the centre.
    const cur = this.#transform;
    const k = Math.max(1, Math.min(MAX_ZOOM, cur.k * factor));
    const f = k / cur.k;
    this.setTransform({ k, x: size.width / 2 - (cx - cur.x) * f, y: size.height / 2 - (cy - cur.y) * f });
    // The keyboard follows the first point of the cluster into its new marker.
    if (this.nav.active >= 0 && first !== undefined) {
      const list = this.pointsShown();
      const at = this.#markerOrder.findIndex((c) => this.#clusters[c]?.members.some((m) => list[m]?.id === first));
      if (at >= 0) this.nav.focus((this.#prepared?.map.shapes.length ?? 0) + at, this.nav.from);
    }
    this.requestUpdate();
  }

  /** The source's alerts in the widget's area that have a location, as points (`point-layer="alerts"`). */
  private loadAlerts(): void {
    const source = this.context?.source;
    if (this.pointLayer !== 'alerts' || !source) {
      if (this.#alerts) this.#alerts = undefined;
      return;
    }
    const area = this.#drill[this.#drill.length - 1]?.code ?? this.effectiveArea;
    const key = `${source.id}|${area ?? ''}|${this.at ?? ''}`;
    if (this.#alerts?.key === key || this.#alertJob?.key === key) return;
    this.#alertJob?.stop.abort();
    const stop = new AbortController();
    this.#alertJob = { key, stop };
    void source.query({ kind: 'alerts', ...(area ? { area } : {}), status: ['open', 'acknowledged'], ...(this.at ? { to: this.at } : {}) }, { signal: stop.signal }).then(
      (result) => {
        if (stop.signal.aborted) return;
        this.#alertJob = undefined;
        const locale = this.effectiveLocale;
        const alerts: readonly Alert[] = Array.isArray(result?.alerts) ? result.alerts : [];
        this.#alerts = {
          key,
          points: alerts.flatMap((a) => {
            const [lon, lat] = a.location?.coordinates ?? [];
            if (typeof lon !== 'number' || typeof lat !== 'number') return [];
            return [{ id: a.id, lon, lat, severity: a.severity, label: a.label ? localize(a.label.title, locale) : a.title, ...(a.value !== undefined ? { value: a.value } : {}) }];
          }),
        };
        this.shell.redraw();
      },
      (error: unknown) => {
        if (stop.signal.aborted) return;
        this.#alertJob = undefined;
        this.dispatchEvent(new IocErrorEvent(error instanceof IocDataError ? error : new IocDataError('network', String(error))));
      },
    );
  }

  /** The outline of the area the keyboard or pointer is on, drawn over the map without redrawing it. */
  private syncOverlay(): void {
    const surface = this.shell.surface;
    const map = this.#prepared?.map;
    if (!surface || !map) return;
    let overlay = surface.querySelector<SVGSVGElement>(':scope > svg.overlay');
    if (!overlay) {
      overlay = this.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'svg');
      overlay.setAttribute('class', 'overlay');
      overlay.setAttribute('aria-hidden', 'true');
      overlay.append(this.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'path'));
      surface.append(overlay);
    }
    const size = this.size();
    overlay.setAttribute('width', String(size.width));
    overlay.setAttribute('height', String(size.height));
    const path = overlay.firstElementChild as SVGPathElement;
    this.archipelagoLabels(overlay, map);
    this.tileLabels(overlay, map);
    this.syncPoints(surface);
    const shape = this.nav.active >= 0 && this.nav.active < map.shapes.length ? map.shapes[map.order[this.nav.active] ?? -1] : undefined;
    const t = this.viewTransform();
    path.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
    path.setAttribute('d', shape ? shapePath(shape) : '');
  }

  /**
   * On a map of the whole country, the names of Hoàng Sa and Trường Sa beside their islands (too
   * small to see at national scale), as a map published in Vietnam must show them.
   */
  private archipelagoLabels(overlay: SVGSVGElement, map: PreparedMap): void {
    const [west, south, east, north] = map.bounds;
    const national = this.layout !== 'tiles' && east >= 112 && south <= 10 && north >= 17 && west <= 105;
    const places = national
      ? [
          { text: message(words.mapHoangSa, this.effectiveLocale), lon: 111.2, lat: 17.3 },
          { text: message(words.mapTruongSa, this.effectiveLocale), lon: 112.6, lat: 11.4 },
        ]
      : [];
    let labels = [...overlay.querySelectorAll('text.place')];
    while (labels.length < places.length) {
      const text = this.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'text');
      text.setAttribute('class', 'place');
      overlay.append(text);
      labels = [...overlay.querySelectorAll('text.place')];
    }
    const t = this.viewTransform();
    labels.forEach((label, i) => {
      const place = places[i];
      if (!place) {
        label.remove();
        return;
      }
      const [x, y] = toScreen(projectPoint(map, place.lon, place.lat), t);
      label.setAttribute('x', String(Math.round(x)));
      label.setAttribute('y', String(Math.round(y)));
      label.textContent = place.text;
    });
  }

  /** In the tile grid, each tile's short name (or code when the tiles are too small for names), when there is room. */
  private tileLabels(overlay: SVGSVGElement, map: PreparedMap): void {
    const g = overlay.querySelector('g.tiles') ?? overlay.appendChild(this.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'g'));
    g.setAttribute('class', 'tiles');
    const t = this.viewTransform();
    const side = map.shapes[0] ? (map.shapes[0].bbox[2] - map.shapes[0].bbox[0]) * t.k : 0;
    if (this.layout !== 'tiles' || side < 22 || map.shapes.length > 400) {
      g.replaceChildren();
      return;
    }
    const font = Math.max(9, Math.min(14, side / 5));
    const chars = Math.max(2, Math.floor((side - 4) / (font * 0.56)));
    const fit = (line: string) => (line.length > chars ? `${line.slice(0, Math.max(1, chars - 1))}…` : line);
    g.replaceChildren(
      ...map.shapes.map((shape) => {
        const text = this.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'text');
        const [x, y] = toScreen(shape.centroid, t);
        const name = shortName(this.areaName(shape.code, shape.name));
        // A name too long for one line goes on two, split between its words (most names have two syllables).
        const words = name.split(/\s+/);
        const half = Math.ceil(words.length / 2);
        const lines = name.length > chars && words.length > 1 ? [words.slice(0, half).join(' '), words.slice(half).join(' ')] : [name];
        text.setAttribute('font-size', String(Math.round(font)));
        lines.forEach((line, i) => {
          const span = this.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'tspan');
          span.setAttribute('x', String(Math.round(x)));
          span.setAttribute('y', String(Math.round(y + (i - (lines.length - 1) / 2) * font * 1.1)));
          span.textContent = fit(line);
          text.append(span);
        });
        return text;
      }),
    );
  }

  private setTransform(next: MapTransform): void {
    const map = this.#prepared?.map;
    if (!map) return;
    this.#transform = clampTransform(this.size(), next, MAX_ZOOM);
    this.shell.drawing.drawNow();
    this.recluster();
    this.syncOverlay();
  }

  private zoomBy(factor: number, cx?: number, cy?: number): void {
    const map = this.#prepared?.map;
    if (!map) return;
    const t = this.#transform;
    const size = this.size();
    const x = cx ?? size.width / 2;
    const y = cy ?? size.height / 2;
    const k = Math.max(1, Math.min(MAX_ZOOM, t.k * factor));
    this.setTransform({ k, x: x - ((x - t.x) * k) / t.k, y: y - ((y - t.y) * k) / t.k });
    if (this.nav.from === 'keyboard' && this.nav.active >= 0) this.requestUpdate();
  }

  // ---- pointer --------------------------------------------------------------------------

  private listen(): void {
    const surface = this.shell.surface;
    if (!surface || this.#listening === surface) return;
    this.#listening = surface;
    surface.addEventListener('wheel', this.#onWheel, { passive: false });
    surface.addEventListener('pointerdown', this.#onPointerDown);
    surface.addEventListener('pointermove', this.#onPointerDrag);
    surface.addEventListener('pointerup', this.#onPointerUp);
    surface.addEventListener('pointercancel', this.#onPointerUp);
  }

  readonly #onWheel = (event: WheelEvent) => {
    if (!this.#prepared) return;
    event.preventDefault();
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    this.zoomBy(event.deltaY < 0 ? 1.25 : 0.8, event.clientX - box.left, event.clientY - box.top);
  };

  readonly #onPointerDown = (event: PointerEvent) => {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    this.#pointers.set(event.pointerId, { x: event.clientX - box.left, y: event.clientY - box.top });
    if (this.#pointers.size === 2) {
      const [a, b] = [...this.#pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      if (this.#drag) this.#drag.pinch = { d: Math.hypot(a.x - b.x, a.y - b.y), k: this.#transform.k };
      return;
    }
    this.#drag = { id: event.pointerId, x: event.clientX, y: event.clientY, t: this.#transform, moved: false };
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
  };

  readonly #onPointerDrag = (event: PointerEvent) => {
    const drag = this.#drag;
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    if (this.#pointers.has(event.pointerId)) this.#pointers.set(event.pointerId, { x: event.clientX - box.left, y: event.clientY - box.top });
    if (!drag) return;
    if (drag.pinch && this.#pointers.size === 2) {
      const [a, b] = [...this.#pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      const k = (drag.pinch.k * Math.hypot(a.x - b.x, a.y - b.y)) / Math.max(1, drag.pinch.d);
      drag.moved = true;
      this.zoomBy(k / this.#transform.k, (a.x + b.x) / 2, (a.y + b.y) / 2);
      return;
    }
    if (event.pointerId !== drag.id) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    this.setTransform({ k: drag.t.k, x: drag.t.x + dx, y: drag.t.y + dy });
  };

  readonly #onPointerUp = (event: PointerEvent) => {
    this.#pointers.delete(event.pointerId);
    const drag = this.#drag;
    if (!drag || (event.pointerId !== drag.id && this.#pointers.size > 0)) return;
    if (this.#pointers.size > 0) return;
    this.#drag = undefined;
    if (drag.moved || event.type === 'pointercancel') return;
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const marker = clusterAt(this.#clusters, event.clientX - box.left, event.clientY - box.top);
    const cluster = this.#clusters[marker];
    if (cluster) {
      if (cluster.members.length > 1) this.zoomToCluster(cluster);
      return;
    }
    const index = this.shapeAt(event.clientX - box.left, event.clientY - box.top);
    const shape = index >= 0 ? this.#prepared?.map.shapes[index] : undefined;
    if (shape) this.select(shape.code);
  };

  private shapeAt(x: number, y: number): number {
    const map = this.#prepared?.map;
    return map ? hitTest(map, x, y, this.viewTransform()) : -1;
  }

  private indexAt(x: number, y: number): number {
    const map = this.#prepared?.map;
    // Markers lie over the areas: they are found first.
    const marker = clusterAt(this.#clusters, x, y);
    if (map && marker >= 0) return map.shapes.length + this.#markerOrder.indexOf(marker);
    const shape = this.shapeAt(x, y);
    if (!map || shape < 0) return -1;
    this.#orderOf ??= { map, at: new Map(map.order.map((s, i) => [s, i])) };
    if (this.#orderOf.map !== map) this.#orderOf = { map, at: new Map(map.order.map((s, i) => [s, i])) };
    return this.#orderOf.at.get(shape) ?? -1;
  }
  #orderOf?: { map: PreparedMap; at: Map<number, number> };

  // ---- keyboard -------------------------------------------------------------------------

  private handleKey(event: KeyboardEvent): boolean {
    const map = this.#prepared?.map;
    if (!map) return false;
    const step = 40;
    const t = this.#transform;
    if (event.shiftKey && event.key.startsWith('Arrow')) {
      const dx = event.key === 'ArrowLeft' ? step : event.key === 'ArrowRight' ? -step : 0;
      const dy = event.key === 'ArrowUp' ? step : event.key === 'ArrowDown' ? -step : 0;
      this.nav.clear();
      this.setTransform({ k: t.k, x: t.x + dx, y: t.y + dy });
      return true;
    }
    switch (event.key) {
      case '+':
      case '=':
        this.zoomBy(1.5);
        return true;
      case '-':
      case '_':
        this.zoomBy(1 / 1.5);
        return true;
      case '0':
        this.setTransform({ k: 1, x: 0, y: 0 });
        return true;
      case 'm':
      case 'M': {
        // Between the layers: to the first marker, or back to the first area.
        if (this.#clusters.length === 0) return false;
        this.nav.focus(this.nav.active >= map.shapes.length ? 0 : map.shapes.length, 'keyboard');
        this.syncOverlay();
        return true;
      }
      case 'Enter':
      case ' ': {
        const cluster = this.#clusters[this.activeMarker()];
        if (cluster) {
          if (cluster.members.length > 1) this.zoomToCluster(cluster);
          return true;
        }
        if (this.nav.active >= map.shapes.length) return false;
        const shape = map.shapes[map.order[this.nav.active] ?? -1];
        if (!shape) return false;
        this.select(shape.code);
        return true;
      }
      case 'Backspace':
        if (this.#drill.length === 0) return false;
        this.up();
        return true;
      case 'Escape':
        if (this.#drill.length === 0) return false;
        this.up();
        return true;
      case 'ArrowRight':
      case 'ArrowLeft':
      case 'ArrowUp':
      case 'ArrowDown':
      case 'Home':
      case 'End':
      case 'PageUp':
      case 'PageDown':
        // Let the navigation move, then keep the area it reaches on screen.
        queueMicrotask(() => this.keepInView());
        return false;
      default:
        return false;
    }
  }

  /** Pans so the focused area's label point is inside the view. */
  private keepInView(): void {
    const map = this.#prepared?.map;
    if (!map) return;
    const cluster = this.#clusters[this.activeMarker()];
    const shape = this.nav.active < map.shapes.length ? map.shapes[map.order[this.nav.active] ?? -1] : undefined;
    if (!shape && !cluster) {
      this.syncOverlay();
      return;
    }
    const [x, y] = shape ? toScreen(shape.centroid, this.viewTransform()) : [cluster?.x ?? 0, cluster?.y ?? 0];
    const margin = 24;
    const size = this.size();
    if (x >= margin && x <= size.width - margin && y >= margin && y <= size.height - margin) {
      this.syncOverlay();
      return;
    }
    const t = this.#transform;
    this.setTransform({ k: t.k, x: t.x + size.width / 2 - x, y: t.y + size.height / 2 - y });
    this.requestUpdate();
  }

  private navPoint(index: number): NavPoint | undefined {
    const map = this.#prepared?.map;
    const result = this.loader.value;
    if (map && index >= map.shapes.length) {
      const cluster = this.#clusters[this.#markerOrder[index - map.shapes.length] ?? -1];
      if (!cluster) return undefined;
      queueMicrotask(() => this.syncOverlay());
      return { label: this.markerText(cluster), x: cluster.x, y: cluster.y };
    }
    const shape = map?.shapes[map.order[index] ?? -1];
    if (!map || !shape) return undefined;
    queueMicrotask(() => this.syncOverlay());
    const [x, y] = toScreen(shape.centroid, this.viewTransform());
    return { label: this.areaText(shape.code, shape.name, result), x, y };
  }

  /** "Xã Mây Thịnh: 152 AQI · Xấu · hạng 3/100". */
  private areaText(code: string, fallback: string, result: ByAreaResult | undefined): string {
    const locale = this.effectiveLocale;
    const name = this.areaName(code, fallback);
    if (!result || !this.hasValues) return name;
    const value = this.values(result).get(code);
    if (value === undefined) return `${name}: ${message(words.mapNoDataClass, locale)}`;
    const unit = this.unitOf(result);
    const classes = this.classes(result);
    const band = classes[classOf(classes, value)]?.label;
    const ranks = this.ranks(result);
    const rank = ranks.get(code);
    return `${name}: ${formatValue(value, locale, this.decimals())}${unit ? ` ${unit}` : ''}${band ? ` · ${band}` : ''}${rank ? ` · ${message(words.mapRank, locale, { rank, total: ranks.size })}` : ''}`;
  }
  #rankCache?: { result: ByAreaResult; worseHigh: boolean; ranks: Map<string, number> };

  // ---- words ----------------------------------------------------------------------------

  private mapSummary(result: ByAreaResult): string {
    const locale = this.effectiveLocale;
    const map = this.#prepared?.map;
    const title = this.shell.title(result) || message(words.mapOutline, locale, { n: map?.shapes.length ?? 0, units: this.unitsWord() });
    if (!map) return title;
    const units = this.unitsWord();
    if (!this.hasValues) {
      // Features that share a code are one area (Côn Đảo beside Bà Rịa-Vũng Tàu in the 63-province file).
      const outline = message(words.mapOutline, locale, { n: new Set(map.shapes.map((s) => s.code)).size, units });
      return `${this.label ? `${this.label}: ${outline}.` : `${outline}.`}${this.pointsSentence()}`;
    }
    const values = this.values(result);
    const shown = map.shapes.filter((s) => values.has(s.code));
    const total = map.shapes.length;
    const missingCount = total - shown.length;
    if (shown.length === 0) return `${title}: ${message(words.noData, locale)}.`;
    const classes = this.classes(result);
    const worseHigh = this.worseHigh();
    const worst = shown.reduce((a, b) => ((worseHigh ? (values.get(b.code) ?? 0) > (values.get(a.code) ?? 0) : (values.get(b.code) ?? 0) < (values.get(a.code) ?? 0)) ? b : a));
    const unit = this.unitOf(result);
    const worstValue = `${formatValue(values.get(worst.code) ?? NaN, locale, this.decimals())}${unit ? ` ${unit}` : ''}`;
    const bands = this.info?.bands && !this.noBands && this.scale !== 'diverging' ? this.info.bands : undefined;
    let lead: string;
    const bad = bands?.findIndex((band) => band.severity === 'medium' || band.severity === 'high' || band.severity === 'critical') ?? -1;
    if (bands && bad >= 0) {
      const badRank = classes[bad]?.rank ?? 0;
      const n = shown.filter((s) => (classes[classOf(classes, values.get(s.code))]?.rank ?? -1) >= badRank).length;
      lead = message(words.mapBadOrWorse, locale, { n, total, units, band: classes[bad]?.label ?? '' });
    } else {
      const worstRank = Math.max(...classes.map((c) => c.rank));
      const worstClass = classes.find((c) => c.rank === worstRank);
      const n = shown.filter((s) => classes[classOf(classes, values.get(s.code))]?.rank === worstRank).length;
      lead = message(words.mapWorstClass, locale, { n, total, units, band: worstClass?.label ?? '' });
    }
    const none = missingCount > 0 ? `; ${message(words.mapNoDataCount, locale, { n: missingCount })}` : '';
    return `${title}: ${lead}; ${message(words.mapWorstIs, locale, { name: this.areaName(worst.code, worst.name), value: worstValue })}${none}.${this.pointsSentence()}`;
  }

  private pointsSentence(): string {
    const n = this.pointsShown().length;
    return n > 0 && this.#clusters.length > 0 ? ` ${message(words.mapPointsLayer, this.effectiveLocale, { n, m: this.#clusters.length })}.` : '';
  }

  private mapTable(result: ByAreaResult): DataTable {
    const locale = this.effectiveLocale;
    const unit = this.unitOf(result);
    const map = this.#prepared?.map;
    const values = this.values(result);
    const classes = this.classes(result);
    const ranks = this.ranks(result);
    const shapes = map ? map.order.map((i) => map.shapes[i]).filter((s) => s !== undefined) : [];
    const rows = shapes
      .map((s) => {
        const value = values.get(s.code);
        return { rank: ranks.get(s.code) ?? Infinity, row: [this.areaName(s.code, s.name), value === undefined ? '—' : formatValue(value, locale, this.decimals()), value === undefined ? message(words.mapNoDataClass, locale) : (classes[classOf(classes, value)]?.label ?? ''), ranks.get(s.code) ? String(ranks.get(s.code)) : '—'] };
      })
      .sort((a, b) => a.rank - b.rank)
      .map((r) => r.row);
    return {
      caption: `${this.shell.title(result)}${unit ? ` (${unit})` : ''}`,
      columns: [
        { key: 'area', label: message(words.area, locale), numeric: false },
        { key: 'value', label: message(words.value, locale), numeric: true },
        { key: 'band', label: message(words.band, locale), numeric: false },
        { key: 'rank', label: message(words.rank, locale), numeric: true },
      ],
      rows,
      total: rows.length,
      truncated: false,
    };
  }

  // ---- controls, legend, slider ---------------------------------------------------------

  private renderControls(): TemplateResult {
    const locale = this.effectiveLocale;
    // The top of the path: the country when the map starts from the provinces, else the page's area.
    const national = !this.effectiveArea || this.level === 'province';
    const base = { code: national ? '' : (this.effectiveArea ?? ''), name: national ? message(words.mapCountry, locale) : this.baseName() };
    const levels = [base, ...this.#drill.map((a) => ({ code: a.code, name: a.name ?? a.code }))];
    return html`<nav part="breadcrumb" aria-label=${message(words.mapBreadcrumb, locale)}>
        <ol>
          ${levels.map((level, i) =>
            i === levels.length - 1
              ? html`<li aria-current="location">${level.name}</li>`
              : html`<li><button type="button" @click=${() => this.up(i)}>${level.name}</button></li>`,
          )}
        </ol>
      </nav>
      <button type="button" class="zoom" aria-label=${message(words.mapZoomIn, locale)} title=${message(words.mapZoomIn, locale)} @click=${() => this.zoomBy(1.5)}>+</button>
      <button type="button" class="zoom" aria-label=${message(words.mapZoomOut, locale)} title=${message(words.mapZoomOut, locale)} @click=${() => this.zoomBy(1 / 1.5)}>−</button>
      <button type="button" class="zoom" aria-label=${message(words.mapZoomReset, locale)} title=${message(words.mapZoomReset, locale)} @click=${() => this.setTransform({ k: 1, x: 0, y: 0 })}>⤢</button>`;
  }

  private renderBelow(result: ByAreaResult | undefined): TemplateResult {
    const locale = this.effectiveLocale;
    const map = this.#prepared?.map;
    const problems = map ? this.problemText(map) : '';
    return html`${this.#boundaryError ? html`<p part="note" role="alert">${message(words.mapBoundariesFailed, locale, { reason: this.#boundaryError })}</p>` : nothing}
      ${map && map.shapes.length === 0 && this.#boundaries ? html`<p part="note" role="alert">${message(words.mapNoShapes, locale, { what: problems || message(words.mapProblemEmpty, locale) })}</p>` : nothing}
      ${map && map.shapes.length > 0 && map.skipped > 0 ? html`<p part="note">${message(words.mapSkipped, locale, { n: map.skipped, what: problems })}</p>` : nothing}
      ${map && map.shapes.length > 0 && map.skipped === 0 && problems ? html`<p part="note">${message(words.mapRepaired, locale, { what: problems })}</p>` : nothing}
      ${(this.#pointList?.skipped ?? 0) > 0 ? html`<p part="note">${message(words.mapPointsSkipped, locale, { n: this.#pointList?.skipped ?? 0 })}</p>` : nothing}
      ${result && this.hasValues && !this.noLegend ? this.renderLegend(result) : nothing} ${this.slider ? this.renderSlider() : nothing}
      ${this.attribution || this.#boundaries?.attribution ? html`<p part="attribution">${this.attribution || this.#boundaries?.attribution}</p>` : nothing}`;
  }

  private problemText(map: PreparedMap): string {
    const locale = this.effectiveLocale;
    const names: Partial<Record<MapGeometryProblem, { vi: string; en: string }>> = {
      empty: words.mapProblemEmpty,
      'not-area': words.mapProblemNotArea,
      'bad-coordinates': words.mapProblemCoordinates,
      'unclosed-ring': words.mapProblemUnclosed,
      'short-ring': words.mapProblemShort,
    };
    return Object.entries(map.problems)
      .filter(([kind]) => names[kind as MapGeometryProblem])
      .map(([kind, n]) => `${n} ${message(names[kind as MapGeometryProblem] as { vi: string; en: string }, locale)}`)
      .join(', ');
  }

  private renderLegend(result: ByAreaResult): TemplateResult | typeof nothing {
    const map = this.#prepared?.map;
    if (!map) return nothing;
    const locale = this.effectiveLocale;
    const classes = this.classes(result);
    const of = this.shapeClasses(result, map);
    const counts = new Map<number, number>();
    for (const c of of) counts.set(c, (counts.get(c) ?? 0) + 1);
    const entries = [...classes.map((c, i) => ({ i, label: c.label, color: c.color })), ...((counts.get(-1) ?? 0) > 0 ? [{ i: -1, label: message(words.mapNoDataClass, locale), color: undefined }] : [])];
    const unit = this.unitOf(result);
    return html`<div part="legend" role="group" aria-label=${`${message(words.legend, locale)}${unit ? ` (${unit})` : ''}. ${message(words.mapLegendToggle, locale)}`}>
      ${entries.map(
        (entry) => html`<button type="button" class="class" data-class=${entry.i} aria-pressed=${this.#highlight.has(entry.i) ? 'true' : 'false'} @click=${() => this.toggleClass(entry.i)}>
          <span class=${entry.color ? 'swatch' : 'swatch no-data'} ${swatch(entry.color)}></span><span class="label">${entry.label}</span><span class="count">${counts.get(entry.i) ?? 0}</span>
        </button>`,
      )}
    </div>`;
  }

  /** Highlights (or stops highlighting) the areas of a class (-1: no data), as its legend button does. */
  toggleClass(index: number): void {
    const next = new Set(this.#highlight);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    this.#highlight = next;
    this.shell.redraw();
  }

  // ---- time slider ----------------------------------------------------------------------

  private framesList(): Frame[] {
    const grain = this.slider;
    if (!grain) return [];
    const n = Math.max(2, Math.min(400, Math.round(this.periods ?? (grain === 'day' ? 90 : grain === 'month' ? 12 : 10))));
    const end = new Date(this.ownAt() ?? this.now);
    const locale = this.effectiveLocale;
    const timeZone = this.effectiveTimeZone;
    return Array.from({ length: n }, (_, i) => {
      const back = n - 1 - i;
      const d = new Date(end);
      if (grain === 'day') d.setTime(end.getTime() - back * DAY);
      else if (grain === 'month') d.setUTCMonth(end.getUTCMonth() - back);
      else d.setUTCFullYear(end.getUTCFullYear() - back);
      return { at: d.toISOString(), label: formatDate(d, locale, grain === 'day' ? 'date' : grain, timeZone) };
    });
  }

  /** Shows period `index` of the slider (0 = the oldest); the map keeps the last frame until this one arrives. */
  stepTo(index: number): void {
    const frames = this.framesList();
    if (frames.length === 0) return;
    const i = Math.max(0, Math.min(frames.length - 1, index));
    this.#frameIndex = i;
    this.#frameJob?.abort();
    if (i === frames.length - 1 && !this.ownAt()) {
      // The latest period is the widget's own query.
      this.#frame = undefined;
      this.requestUpdate();
      return;
    }
    const frame = frames[i] as Frame;
    const query = this.mapQuery();
    const source = this.context?.source;
    if (!query || !source) {
      // No values to load (outlines alone): the period still picks the boundaries.
      this.requestUpdate();
      return;
    }
    const key = `${JSON.stringify({ ...query, at: frame.at })}`;
    const cached = this.#frames.get(key);
    if (cached) {
      this.#frame = cached;
      this.requestUpdate();
      return;
    }
    const stop = new AbortController();
    this.#frameJob = stop;
    this.requestUpdate();
    void source.query({ ...query, at: frame.at }, { signal: stop.signal }).then(
      (result) => {
        if (this.#frames.size > 400) this.#frames.clear();
        this.#frames.set(key, result);
        if (stop.signal.aborted) return;
        this.#frameJob = undefined;
        this.#frame = result;
        this.requestUpdate();
      },
      (error: unknown) => {
        if (stop.signal.aborted) return;
        this.#frameJob = undefined;
        this.dispatchEvent(new IocErrorEvent(error instanceof IocDataError ? error : new IocDataError('network', String(error))));
        this.requestUpdate();
      },
    );
  }

  /** Plays the slider from the current period; stops at the last. */
  play(): void {
    this.stop();
    const frames = this.framesList();
    if (this.currentFrame() >= frames.length - 1) this.stepTo(0);
    this.#playing = setInterval(() => {
      if (this.#frameJob) return; // the next frame waits until this one is drawn
      const next = this.currentFrame() + 1;
      if (next >= this.framesList().length) {
        this.stop();
        return;
      }
      this.stepTo(next);
    }, Math.max(100, this.playInterval));
    this.requestUpdate();
  }

  /** Stops playing. */
  stop(): void {
    if (this.#playing !== undefined) clearInterval(this.#playing);
    this.#playing = undefined;
    this.requestUpdate();
  }

  private currentFrame(): number {
    const n = this.framesList().length;
    return this.#frameIndex < 0 ? n - 1 : this.#frameIndex;
  }

  private renderSlider(): TemplateResult {
    const locale = this.effectiveLocale;
    const frames = this.framesList();
    const i = this.currentFrame();
    const label = frames[i]?.label ?? '';
    const playing = this.#playing !== undefined;
    return html`<div part="slider" aria-busy=${this.#frameJob ? 'true' : 'false'}>
      <button type="button" aria-label=${message(playing ? words.mapPause : words.mapPlay, locale)} title=${message(playing ? words.mapPause : words.mapPlay, locale)} @click=${() => (playing ? this.stop() : this.play())}>${playing ? '❚❚' : '▶'}</button>
      <button type="button" aria-label=${message(words.mapStepBack, locale)} title=${message(words.mapStepBack, locale)} ?disabled=${i <= 0} @click=${() => this.stepTo(i - 1)}>‹</button>
      <input
        type="range"
        min="0"
        max=${frames.length - 1}
        step="1"
        .value=${String(i)}
        aria-label=${message(words.mapPeriod, locale)}
        aria-valuetext=${label}
        @input=${(event: Event) => {
          this.stop();
          this.stepTo(Number((event.target as HTMLInputElement).value));
        }}
      />
      <button type="button" aria-label=${message(words.mapStepForward, locale)} title=${message(words.mapStepForward, locale)} ?disabled=${i >= frames.length - 1} @click=${() => this.stepTo(i + 1)}>›</button>
      <output>${label}</output>
    </div>`;
  }
}

/** The legend swatch's colour, set through the CSSOM (allowed under a strict style-src). */
function swatch(color: string | undefined) {
  return cssVars(color ? { '--_swatch': color } : {});
}

defineChartElement('ioc-map', IocMap);

declare global {
  interface HTMLElementTagNameMap {
    'ioc-map': IocMap;
  }
}
