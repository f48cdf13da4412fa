import { expect } from '@open-wc/testing';
import type { Area, FeatureCollection, BoundaryProperties, Position } from '../../contract/areas.js';
import { AbortError, NotFoundError, ValidationError } from '../../contract/errors.js';
import { aggregate } from '../../contract/aggregate.js';
import { bucketSeries } from '../../contract/aggregate.js';
import type { Query, SeriesResult } from '../../contract/query.js';
import type { DataSource } from '../../contract/source.js';
import { CATALOGUE, indicatorById } from '../../catalogue/index.js';
import { createSource } from '../../registry.js';
import { createDemoSource, DEMO_ALERT_RULES } from './demo-source.js';

const NOW = '2026-11-24T10:30:00+07:00';
const demo = createDemoSource({ seed: 2025, now: NOW });

async function communesNow(source: DataSource = demo): Promise<readonly Area[]> {
  return source.areas({ level: 'commune', parent: '90' });
}

function values(result: SeriesResult, index = 0): number[] {
  return [...(result.series[index]?.v ?? [])];
}

/** JSON with NaN kept visible, to compare results exactly. */
function snapshot(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Float64Array ? [...v].map((x) => (Number.isNaN(x) ? 'NaN' : x)) : typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v));
}

describe('demo source', function () {
  // Some tests build years of data for every commune; a loaded CI machine must not fail them.
  this.timeout(60_000);
  describe('areas and boundaries', () => {
    it('has one fictional province with about 100 communes today and no districts', async () => {
      const [province] = await demo.areas({ level: 'province' });
      expect(province).to.deep.include({ code: '90', level: 'province' });
      expect(province?.name).to.deep.equal({ vi: 'Tỉnh Sông Mây (demo)', en: 'Song May Province (demo)' });
      const communes = await communesNow();
      expect(communes.length).to.be.within(90, 110);
      for (const commune of communes) {
        expect(commune.code).to.match(/^90\d{3}$/);
        expect(commune.parent).to.equal('90');
        expect(commune.name.vi).to.match(/^(Xã|Phường) /);
      }
      expect(await demo.areas({ level: 'district' })).to.have.length(0);
      // Examples may always name commune 90001, whatever the seed.
      for (const seed of [1, 7, 'khác']) expect((await communesNow(createDemoSource({ seed, now: NOW }))).map((c) => c.code)).to.include('90001');
    });

    it('has 8 districts and more, smaller communes before 1 July 2025', async () => {
      const districts = await demo.areas({ level: 'district', at: '2025-06-30' });
      expect(districts).to.have.length(8);
      const oldCommunes = await demo.areas({ level: 'commune', parent: '90', at: '2025-06-30' });
      expect(oldCommunes.length).to.be.greaterThan((await communesNow()).length * 1.5);
      for (const commune of oldCommunes) expect(districts.map((d) => d.code)).to.include(commune.parent);
      // Every old commune says which of today's communes took it over; some were split.
      const today = new Set((await communesNow()).map((c) => c.code));
      for (const commune of oldCommunes) {
        const shares = commune.successors ?? [];
        expect(shares.length, commune.code).to.be.greaterThan(0);
        expect(shares.reduce((s, x) => s + x.share, 0)).to.be.closeTo(1, 0.001);
        for (const s of shares) expect(today.has(s.code), s.code).to.be.true;
      }
      expect(oldCommunes.some((c) => (c.successors?.length ?? 0) > 1)).to.be.true;
    });

    it('returns valid GeoJSON boundaries with closed counter-clockwise rings and the area code', async () => {
      const check = (collection: FeatureCollection<BoundaryProperties>, expected: readonly Area[]) => {
        expect(collection.type).to.equal('FeatureCollection');
        expect(collection.features.map((f) => f.properties.code).sort()).to.deep.equal(expected.map((a) => a.code).sort());
        for (const feature of collection.features) {
          expect(feature.properties.name).to.be.a('string').and.not.empty;
          const geometry = feature.geometry;
          expect(geometry?.type).to.be.oneOf(['Polygon', 'MultiPolygon']);
          const polygons: (readonly (readonly Position[])[])[] = geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? [...geometry.coordinates] : [];
          for (const polygon of polygons) {
            polygon.forEach((ring, r) => {
              expect(ring.length).to.be.at.least(4);
              expect(ring[0]).to.deep.equal(ring[ring.length - 1]);
              let area = 0;
              for (let i = 0; i < ring.length - 1; i++) {
                const [x0 = 0, y0 = 0] = ring[i] ?? [];
                const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
                expect(x0).to.be.within(106, 108.5);
                expect(y0).to.be.within(18, 20);
                area += x0 * y1 - x1 * y0;
              }
              // RFC 7946: exterior rings counter-clockwise, holes clockwise.
              expect(r === 0 ? area > 0 : area < 0, feature.properties.code).to.be.true;
            });
          }
        }
      };
      check(await demo.boundaries({ level: 'commune' }), await communesNow());
      check(await demo.boundaries({ level: 'district', at: '2024-01-01' }), await demo.areas({ level: 'district', at: '2024-01-01' }));
      check(await demo.boundaries({ level: 'province' }), await demo.areas({ level: 'province' }));
      expect((await demo.boundaries({ level: 'district' })).features).to.have.length(0);
    });
  });

  describe('determinism', () => {
    it('gives identical results for the same seed on a fresh instance, whatever the order of queries', async () => {
      const other = createDemoSource({ seed: 2025, now: NOW });
      const queries: Query[] = [
        { kind: 'series', indicator: 'environment.pm25', areas: ['90', '90001'], grain: 'hour', from: '2026-11-20T00:00:00+07:00', to: '2026-11-24T00:00:00+07:00' },
        { kind: 'kpi', indicator: 'economy.budget-revenue', area: '90', grain: 'month' },
        { kind: 'by-area', indicator: 'mobility.accidents', level: 'commune', grain: 'week' },
        { kind: 'alerts', limit: 20 },
      ];
      const first = await Promise.all(queries.map((q) => demo.query(q)));
      const second = await Promise.all([...queries].reverse().map((q) => other.query(q)));
      expect(snapshot(first)).to.equal(snapshot(second.reverse()));
      expect(snapshot(await demo.boundaries({ level: 'commune' }))).to.equal(snapshot(await other.boundaries({ level: 'commune' })));
    });

    it('gives different data and boundaries for a different seed', async () => {
      const other = createDemoSource({ seed: 7, now: NOW });
      const q: Query = { kind: 'series', indicator: 'environment.pm25', areas: ['90'], grain: 'day', from: '2026-10-01', to: '2026-11-01' };
      expect(snapshot(await demo.query(q))).to.not.equal(snapshot(await other.query(q)));
      expect(snapshot(await demo.boundaries({ level: 'province' }))).to.not.equal(snapshot(await other.boundaries({ level: 'province' })));
    });

    it('is what markup gets through the registry, with options as strings', async () => {
      const fromMarkup = await createSource('demo', { seed: '2025', now: NOW });
      const q: Query = { kind: 'kpi', indicator: 'environment.aqi', area: '90' };
      expect(snapshot(await fromMarkup.query(q))).to.equal(snapshot(await demo.query(q)));
    });
  });

  describe('queries', () => {
    it('answers a KPI for every catalogue indicator with previous period, last year and observedAt', async () => {
      for (const indicator of CATALOGUE) {
        const kpi = await demo.query({ kind: 'kpi', indicator: indicator.id, area: '90', grain: 'month', at: '2026-10-15' });
        expect(kpi.value, indicator.id).to.be.a('number');
        expect(kpi.previous, indicator.id).to.be.a('number');
        expect(kpi.sameLastYear, indicator.id).to.be.a('number');
        expect(kpi.unit).to.deep.equal(indicator.unit);
        expect(kpi.target).to.equal(indicator.target ?? null);
        expect(kpi.period).to.deep.equal({ grain: 'month', from: '2026-09-30T17:00:00.000Z', to: '2026-10-31T17:00:00.000Z' });
        expect(kpi.observedAt).to.equal('2026-10-31T17:00:00.000Z');
        if (indicator.range?.min !== undefined) expect(kpi.value!, indicator.id).to.be.at.least(indicator.range.min);
        if (indicator.range?.max !== undefined) expect(kpi.value!, indicator.id).to.be.at.most(indicator.range.max);
      }
    });

    it('has five years of daily data and nothing after the last complete hour', async () => {
      const daily = await demo.query({ kind: 'series', indicator: 'living.electricity', areas: ['90'], grain: 'day', from: '2021-11-24', to: '2026-11-26' });
      const v = values(daily);
      expect(v.length).to.equal(1828);
      expect(v.slice(0, -2).every(Number.isFinite)).to.be.true;
      expect(v[v.length - 1]).to.be.NaN;
      const hours = await demo.query({ kind: 'series', indicator: 'living.electricity', areas: ['90'], grain: 'hour', from: '2026-11-24T00:00:00+07:00', to: '2026-11-25T00:00:00+07:00' });
      // 10:30 local: hours 00..09 are complete.
      expect(values(hours).map(Number.isFinite)).to.deep.equal([...new Array<boolean>(10).fill(true), ...new Array<boolean>(14).fill(false)]);
      const kpi = await demo.query({ kind: 'kpi', indicator: 'living.electricity', area: '90' });
      expect(kpi.observedAt).to.equal('2026-11-24T03:00:00.000Z');
      expect(kpi.value).to.be.closeTo(aggregate(values(hours), 'sum'), 1);
    });

    it('aggregates the province from its communes with each indicator’s area aggregation', async () => {
      const communes = await communesNow();
      const codes = communes.map((c) => c.code);
      for (const id of ['mobility.accidents', 'environment.aqi', 'citizens.unemployment', 'governance.dossiers-on-time', 'environment.water-level'] as const) {
        const indicator = indicatorById(id)!;
        const range = { grain: 'day' as const, from: '2026-11-01', to: '2026-11-08' };
        const province = await demo.query({ kind: 'series', indicator: id, areas: ['90'], ...range });
        const parts = await demo.query({ kind: 'series', indicator: id, areas: codes, ...range });
        const weight = indicator.aggregation.weight;
        const weights = weight && weight !== 'population' ? await demo.query({ kind: 'series', indicator: weight as 'governance.dossiers-received', areas: codes, ...range }) : undefined;
        values(province).forEach((value, day) => {
          const column = parts.series.map((s) => s.v[day] ?? Number.NaN);
          const w = indicator.aggregation.area === 'weighted-mean' ? (weights ? weights.series.map((s) => s.v[day] ?? 0) : communes.map((c) => c.population ?? 0)) : undefined;
          expect(value, `${id} day ${day}`).to.be.closeTo(aggregate(column, indicator.aggregation.area, w), 1e-6 * Math.max(1, Math.abs(value)));
        });
      }
    });

    it('adds up districts from their old communes, and old and new communes to the same province total', async () => {
      const at = '2024-03-15';
      const districts = await demo.query({ kind: 'by-area', indicator: 'economy.new-enterprises', level: 'district', grain: 'year', at });
      const oldCommunes = await demo.query({ kind: 'by-area', indicator: 'economy.new-enterprises', level: 'commune', grain: 'year', at });
      const province = await demo.query({ kind: 'kpi', indicator: 'economy.new-enterprises', area: '90', grain: 'year', at });
      const sum = (rows: readonly { value: number | null }[]) => rows.reduce((s, r) => s + (r.value ?? 0), 0);
      expect(districts.rows).to.have.length(8);
      expect(sum(districts.rows)).to.equal(province.value);
      expect(sum(oldCommunes.rows)).to.equal(province.value);
      const district = districts.rows[0]!;
      const children = await demo.areas({ parent: district.area, at });
      expect(sum(oldCommunes.rows.filter((r) => children.some((c) => c.code === r.area)))).to.equal(district.value);
      expect((await demo.query({ kind: 'by-area', indicator: 'economy.new-enterprises', level: 'district', at: '2026-01-15' })).rows).to.have.length(0);
    });

    it('re-grains with the time aggregation: hours to days, days to months', async () => {
      for (const id of ['mobility.violations', 'environment.pm25', 'environment.water-level', 'mobility.parking-free'] as const) {
        const indicator = indicatorById(id)!;
        const from = '2026-11-10T00:00:00+07:00';
        const to = '2026-11-13T00:00:00+07:00';
        const hours = await demo.query({ kind: 'series', indicator: id, areas: ['90007', '90'], grain: 'hour', from, to });
        const days = await demo.query({ kind: 'series', indicator: id, areas: ['90007', '90'], grain: 'day', from, to });
        for (const index of [0, 1]) {
          const series = hours.series[index]!;
          const regrained = bucketSeries(series.t, series.v, 'day', indicator.aggregation.time);
          [...regrained.v].forEach((value, d) => expect(value, `${id} ${index} day ${d}`).to.be.closeTo(days.series[index]!.v[d]!, 1e-6 * Math.max(1, Math.abs(value))));
        }
      }
      const days = await demo.query({ kind: 'series', indicator: 'mobility.accidents', areas: ['90'], grain: 'day', from: '2026-01-01', to: '2026-04-01' });
      const months = await demo.query({ kind: 'series', indicator: 'mobility.accidents', areas: ['90'], grain: 'month', from: '2026-01-01', to: '2026-04-01' });
      const daily = values(days);
      expect(values(months)).to.deep.equal([aggregate(daily.slice(0, 31), 'sum'), aggregate(daily.slice(31, 59), 'sum'), aggregate(daily.slice(59), 'sum')]);
      // A KPI (built from the days it needs) agrees with the series (built from whole spans).
      for (const id of ['environment.aqi', 'governance.dossiers-on-time', 'environment.water-level', 'mobility.accidents'] as const) {
        const indicator = indicatorById(id)!;
        const fresh = createDemoSource({ seed: 2025, now: NOW });
        const kpi = await fresh.query({ kind: 'kpi', indicator: id, area: '90', grain: 'month', at: '2026-02-10' });
        const month = await demo.query({ kind: 'series', indicator: id, areas: ['90'], grain: 'month', from: '2026-02-01', to: '2026-03-01' });
        expect(kpi.value, id).to.equal(Number(values(month)[0]!.toFixed(indicator.decimals)));
      }
    });

    it('shows seasons and weekly cycles an operator would recognise', async () => {
      const monthly = async (id: 'environment.aqi' | 'environment.rainfall') => values(await demo.query({ kind: 'series', indicator: id, areas: ['90'], grain: 'month', from: '2023-01-01', to: '2026-01-01' }));
      const aqi = await monthly('environment.aqi');
      const rain = await monthly('environment.rainfall');
      const months = (series: number[], list: number[]) => aggregate(series.filter((_, i) => list.includes(i % 12)), 'mean');
      // Dry-season smog in December–January, wet-season rain in June–August.
      expect(months(aqi, [0, 11])).to.be.greaterThan(1.8 * months(aqi, [5, 6]));
      expect(months(rain, [5, 6, 7])).to.be.greaterThan(4 * months(rain, [0, 1]));
      const dossiers = values(await demo.query({ kind: 'series', indicator: 'governance.dossiers-received', areas: ['90'], grain: 'day', from: '2026-11-02', to: '2026-11-09' }));
      // Monday 2 November .. Sunday 8 November: offices close on Sunday.
      expect(dossiers[6]!).to.be.lessThan(0.1 * dossiers[2]!);
    });

    it('leaves gaps where a station was down, never in the province total', async () => {
      const communes = (await communesNow()).map((c) => c.code);
      const range = { grain: 'day' as const, from: '2022-01-01', to: '2026-11-01' };
      const byCommune = await demo.query({ kind: 'series', indicator: 'environment.pm25', areas: communes, ...range });
      const gaps = byCommune.series.filter((s) => [...s.v].some(Number.isNaN));
      expect(gaps.length).to.be.greaterThan(0);
      const province = await demo.query({ kind: 'series', indicator: 'environment.pm25', areas: ['90'], ...range });
      expect(values(province).every(Number.isFinite)).to.be.true;
      // Counts from offices have no outages.
      const crashes = await demo.query({ kind: 'series', indicator: 'mobility.accidents', areas: communes.slice(0, 10), ...range });
      for (const s of crashes.series) expect([...s.v].every(Number.isFinite)).to.be.true;
    });

    it('raises alerts exactly where values cross bands and thresholds, and filters them', async () => {
      const { alerts } = await demo.query({ kind: 'alerts', from: '2026-01-01' });
      expect(alerts.length).to.be.greaterThan(10);
      const rules = new Map(DEMO_ALERT_RULES.map((rule) => [rule.indicator, rule]));
      for (const alert of alerts) {
        expect(alert.indicator).to.exist;
        expect(rules.get(alert.indicator!)?.severity(alert.value!), alert.id).to.equal(alert.severity);
        expect(alert.label?.title.en).to.be.a('string');
        expect(alert.location?.type).to.equal('Point');
      }
      // The alert's day really has a value in that band.
      const sample = alerts.find((a) => a.indicator === 'environment.aqi') ?? alerts[0]!;
      const day = await demo.query({ kind: 'kpi', indicator: sample.indicator!, area: sample.area!, grain: 'day', at: sample.start });
      expect(rules.get(sample.indicator!)?.severity(day.value!)).to.be.a('string');
      const severe = await demo.query({ kind: 'alerts', from: '2026-01-01', minSeverity: 'high', domain: 'environment' });
      expect(severe.alerts.length).to.be.lessThan(alerts.length);
      for (const a of severe.alerts) {
        expect(['high', 'critical']).to.include(a.severity);
        expect(a.domain).to.equal('environment');
      }
      const one = sample.area!;
      expect((await demo.query({ kind: 'alerts', from: '2026-01-01', area: one })).alerts.every((a) => a.area === one)).to.be.true;
      // The last 30 days (built from those days only) agree with the same alerts in a long window.
      const recent = await createDemoSource({ seed: 2025, now: NOW }).query({ kind: 'alerts', from: '2026-11-01' });
      const long = new Map(alerts.map((a) => [a.id, a]));
      const started = recent.alerts.filter((a) => a.start >= '2026-10-26');
      expect(started.length).to.be.greaterThan(0);
      for (const alert of started) expect(snapshot(long.get(alert.id)), alert.id).to.equal(snapshot(alert));
      const open = await demo.query({ kind: 'alerts', status: ['open', 'acknowledged'] });
      for (const a of open.alerts) expect(a.end).to.equal(undefined);
    });
  });

  describe('areas resolved with the result', () => {
    it('names the area of a KPI, each series, each row and each alert, as valid at the result’s date', async () => {
      const kpi = await demo.query({ kind: 'kpi', indicator: 'environment.aqi', area: '90' });
      expect(kpi.areas?.map((a) => [a.code, a.level, a.name.vi])).to.deep.equal([['90', 'province', 'Tỉnh Sông Mây (demo)']]);
      const old = await demo.query({ kind: 'series', indicator: 'environment.aqi', areas: ['901', '90001'], grain: 'day', from: '2024-04-01', to: '2024-05-01' });
      expect(old.areas?.map((a) => [a.code, a.level, a.parent])).to.deep.equal([
        ['901', 'district', '90'],
        ['90001', 'commune', '901'],
      ]);
      const today = await demo.query({ kind: 'series', indicator: 'environment.aqi', areas: ['90001'], grain: 'day', from: '2026-11-01', to: '2026-11-08' });
      expect(today.areas?.map((a) => a.parent)).to.deep.equal(['90']);
      const map = await demo.query({ kind: 'by-area', indicator: 'environment.aqi', level: 'commune' });
      expect(map.areas?.map((a) => a.code)).to.deep.equal(map.rows.map((row) => row.area));
      expect(map.areas?.every((a) => a.centroid !== undefined && a.name.vi.length > 0)).to.equal(true);
      const { alerts, areas } = await demo.query({ kind: 'alerts', limit: 5 });
      expect(areas?.map((a) => a.code)).to.deep.equal([...new Set(alerts.map((a) => a.area))]);
    });
  });

  describe('errors and abort', () => {
    it('rejects unknown indicators and areas with NotFoundError, bad dates with ValidationError', async () => {
      expect(await demo.query({ kind: 'kpi', indicator: 'environment.nope', area: '90' }).catch((e: unknown) => e)).to.be.instanceOf(NotFoundError);
      expect(await demo.query({ kind: 'kpi', indicator: 'environment.aqi', area: '<script>' }).catch((e: unknown) => e)).to.be.instanceOf(NotFoundError);
      expect(await demo.query({ kind: 'kpi', indicator: 'environment.aqi', area: '90', at: 'soon' }).catch((e: unknown) => e)).to.be.instanceOf(ValidationError);
      expect(await demo.query({ kind: 'series', indicator: 'environment.aqi', areas: ['90'], grain: 'hour', from: '2026-01-02', to: '2026-01-01' }).catch((e: unknown) => e)).to.be.instanceOf(ValidationError);
      expect(() => createDemoSource({ now: 'not a time' })).to.throw(ValidationError);
    });

    it('honours AbortSignal: before the query and right after asking', async () => {
      const aborted = new AbortController();
      aborted.abort();
      expect(await demo.query({ kind: 'kpi', indicator: 'environment.aqi', area: '90' }, { signal: aborted.signal }).catch((e: unknown) => e)).to.be.instanceOf(AbortError);
      const controller = new AbortController();
      const communes = (await communesNow()).map((c) => c.code);
      const pending = createDemoSource({ seed: 99, now: NOW }).query({ kind: 'series', indicator: 'environment.aqi', areas: communes, grain: 'hour', from: '2026-01-01', to: '2026-11-01' }, { signal: controller.signal });
      controller.abort();
      expect(await pending.catch((e: unknown) => e)).to.be.instanceOf(AbortError);
    });
  });
});
