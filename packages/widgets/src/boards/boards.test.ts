import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CATALOGUE, DOMAINS, createDemoSource, indicatorById, type DataSource } from '@ioc-kit/data';
import '../provider/provider.js';
import '../kpi-card/kpi-card.js';
import '../time-series/time-series.js';
import '../bar-chart/bar-chart.js';
import { DOMAIN_BOARDS, boardFor, boardIndicators } from './boards.js';

const NOW = '2026-11-24T10:00:00+07:00';
const demo: DataSource = createDemoSource({ seed: 2025, now: NOW });

describe('board table', () => {
  it('has one board per domain, in the catalogue order, each with 3–4 headline KPIs and titles in vi and en', () => {
    expect(DOMAIN_BOARDS.map((board) => board.domain)).to.deep.equal([...DOMAINS]);
    for (const board of DOMAIN_BOARDS) {
      expect(board.kpis.length, board.domain).to.be.within(3, 4);
      expect(board.table.length, board.domain).to.be.at.least(2);
      expect(board.title.vi, board.domain).to.not.equal('');
      expect(board.title.en, board.domain).to.be.a('string').and.not.equal('');
    }
    expect(boardFor('environment')?.map).to.equal('environment.aqi');
    expect(boardFor('weather')).to.equal(undefined);
  });

  it('names only catalogue indicators of its own domain', () => {
    for (const board of DOMAIN_BOARDS) {
      for (const id of boardIndicators(board)) {
        const entry = indicatorById(id);
        expect(entry, `${board.domain}: ${id} is not in the catalogue`).to.not.equal(undefined);
        expect(entry?.domain, id).to.equal(board.domain);
      }
    }
    expect(CATALOGUE.length).to.be.greaterThan(30);
  });

  it('names only indicators the demo source answers: a KPI for the province, a series, a value for each commune', async function () {
    this.timeout(60_000);
    for (const board of DOMAIN_BOARDS) {
      for (const id of board.kpis) {
        const kpi = await demo.query({ kind: 'kpi', indicator: id, area: '90', at: new Date(NOW).toISOString() });
        expect(kpi.value, `${id} KPI`).to.be.a('number');
      }
      const series = await demo.query({ kind: 'series', indicator: board.trend.indicator, areas: ['90'], grain: board.trend.grain, from: '2026-01-01T00:00:00+07:00', to: '2026-11-01T00:00:00+07:00' });
      expect([...(series.series[0]?.v ?? [])].filter(Number.isFinite).length, `${board.trend.indicator} series`).to.be.greaterThan(5);
      for (const id of new Set([board.map, board.ranking, ...board.table])) {
        const byArea = await demo.query({ kind: 'by-area', indicator: id, level: 'commune', parent: '90' });
        expect(byArea.rows.filter((row) => row.value !== null).length, `${id} by commune`).to.be.greaterThan(10);
      }
    }
  });

  it('every headline KPI card, trend and ranking of every board comes up ready on the demo data', async function () {
    this.timeout(60_000);
    const el = await fixture(html`
      <ioc-provider .source=${demo} area="90" now=${NOW}>
        ${DOMAIN_BOARDS.map(
          (board) => html`
            ${board.kpis.map((id) => html`<ioc-kpi-card indicator=${id}></ioc-kpi-card>`)}
            <ioc-time-series indicator=${board.trend.indicator} grain=${board.trend.grain}></ioc-time-series>
            <ioc-bar-chart indicator=${board.ranking} level="commune" top="10"></ioc-bar-chart>
          `,
        )}
      </ioc-provider>
    `);
    const widgets = [...el.querySelectorAll('ioc-kpi-card, ioc-time-series, ioc-bar-chart')];
    expect(widgets.length).to.equal(DOMAIN_BOARDS.reduce((n, board) => n + board.kpis.length + 2, 0));
    await waitUntil(() => widgets.every((w) => w.getAttribute('state') !== 'pending'), 'widgets still pending', { timeout: 50_000 });
    const notReady = widgets.filter((w) => w.getAttribute('state') !== 'ready').map((w) => `${w.localName}[${w.getAttribute('indicator')}]=${w.getAttribute('state')}`);
    expect(notReady).to.deep.equal([]);
  });
});
