import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { indicatorById, type DataSource, type Indicator, type KpiResult, type Query, type ResultFor } from '@ioc-kit/data';
import '../provider/provider.js';
import '../kpi-card/kpi-card.js';
import type { IocKpiCard } from '../kpi-card/kpi-card.js';

const reading = (indicator: string, value: number): KpiResult => ({
  kind: 'kpi',
  indicator: indicator as KpiResult['indicator'],
  area: '90',
  unit: { code: '1', system: 'UCUM', label: { vi: '' } },
  value,
  previous: null,
  partial: false,
  observedAt: '2026-11-24T10:00:00Z',
});

const provincial: Indicator = {
  id: 'environment.flood-depth',
  domain: 'environment',
  name: { vi: 'Độ sâu ngập', en: 'Flood depth' },
  description: { vi: 'Đo tại trạm của tỉnh' },
  unit: { code: 'cm', system: 'UCUM', label: { vi: 'cm' } },
  decimals: 0,
  polarity: 'lower-is-better',
  aggregation: { time: 'max', area: 'max' },
  bands: [
    { from: 0, to: 20, label: { vi: 'An toàn' }, token: 'positive' },
    { from: 20, to: 200, label: { vi: 'Ngập sâu' }, token: 'negative' },
  ],
};

/** A source that answers every KPI query with `value` and lists `indicators` (or fails to). */
function sourceListing(indicators: () => Promise<unknown>, value = 42): DataSource {
  return {
    id: 'listing',
    indicators: indicators as DataSource['indicators'],
    areas: () => Promise.resolve([]),
    boundaries: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
    query: <Q extends Query>(query: Q) => Promise.resolve(reading('indicator' in query ? query.indicator : '', value) as ResultFor<Q>),
  };
}

const header = (card: IocKpiCard) => card.shadowRoot?.querySelector('[part="header"]')?.textContent?.trim() ?? '';
const band = (card: IocKpiCard) => card.shadowRoot?.querySelector('[part~="band"]')?.textContent?.trim() ?? '';

async function cardIn(source: DataSource, indicator: string): Promise<IocKpiCard> {
  const provider = await fixture(html`<ioc-provider .source=${source} area="90"><ioc-kpi-card indicator=${indicator}></ioc-kpi-card></ioc-provider>`);
  const card = provider.querySelector<IocKpiCard>('ioc-kpi-card')!;
  await waitUntil(() => card.state === 'ready', 'the card never became ready');
  return card;
}

describe('indicator metadata (provider list first, built-in catalogue lazily)', () => {
  it('names a widget given .data from the built-in catalogue once its chunk has loaded', async () => {
    const card = await fixture<IocKpiCard>(html`<ioc-kpi-card .data=${reading('environment.aqi', 80)}></ioc-kpi-card>`);
    const name = indicatorById('environment.aqi')!.name.vi;
    await waitUntil(() => header(card) === name, `header stayed "${header(card)}"`);
    await waitUntil(() => band(card) !== '', 'no AQI band was shown');
  });

  it("takes an indicator the catalogue lacks from the provider's source: name and bands", async () => {
    expect(indicatorById(provincial.id)).to.equal(undefined);
    const card = await cardIn(sourceListing(() => Promise.resolve([provincial]), 35), provincial.id);
    await waitUntil(() => header(card) === 'Độ sâu ngập', `header stayed "${header(card)}"`);
    await waitUntil(() => band(card).includes('Ngập sâu'), `band was "${band(card)}"`);
  });

  it("prefers the source's own entry to the catalogue's for the same id", async () => {
    const own: Indicator = { ...indicatorById('environment.aqi')!, name: { vi: 'AQI của tỉnh' } };
    const card = await cardIn(sourceListing(() => Promise.resolve([own])), 'environment.aqi');
    await waitUntil(() => header(card) === 'AQI của tỉnh', `header stayed "${header(card)}"`);
  });

  it('falls back to the catalogue when the source cannot list its indicators or lists garbage', async () => {
    const name = indicatorById('environment.aqi')!.name.vi;
    const failing = await cardIn(sourceListing(() => Promise.reject(new Error('503'))), 'environment.aqi');
    await waitUntil(() => header(failing) === name, `header stayed "${header(failing)}"`);
    const garbage = await cardIn(sourceListing(() => Promise.resolve([null, 7, { id: 'environment.aqi', name: 3 }, '<b>x</b>'])), 'environment.aqi');
    await waitUntil(() => header(garbage) === name, `header stayed "${header(garbage)}"`);
    const notAList = await cardIn(sourceListing(() => Promise.resolve({ id: 'environment.aqi' })), 'environment.aqi');
    await waitUntil(() => header(notAList) === name, `header stayed "${header(notAList)}"`);
  });
});
