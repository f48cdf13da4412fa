import { expect } from '@open-wc/testing';
import { DOMAINS, type Aggregation } from '../contract/catalogue.js';
import { bandFor, CATALOGUE, indicatorById, indicatorsOf, VN_AQI_BANDS, VN_WQI_BANDS, PM25_BANDS, PM10_BANDS, RAINFALL_24H_BANDS } from './index.js';

/** The indicators the issue asks every province to have, by domain. */
const REQUIRED: Record<string, readonly string[]> = {
  economy: ['grdp-growth', 'budget-revenue', 'budget-revenue-plan', 'public-investment-disbursement', 'new-enterprises', 'fdi-registered', 'tourist-arrivals'],
  citizens: ['feedback-received', 'feedback-resolved-on-time', 'online-dossiers', 'satisfaction', 'unemployment'],
  governance: ['dossiers-on-time', 'dossiers-late', 'online-payments', 'overdue-tasks', 'par-index'],
  mobility: ['vehicle-flow', 'mean-speed', 'congestion-points', 'accidents', 'violations', 'parking-free'],
  environment: ['aqi', 'pm25', 'pm10', 'wqi', 'dissolved-oxygen', 'water-level', 'rainfall', 'solid-waste'],
  living: ['bed-occupancy', 'fire-incidents', 'electricity', 'clean-water-households', 'streetlight-faults'],
};
const AGGREGATIONS: readonly Aggregation[] = ['sum', 'mean', 'weighted-mean', 'last', 'max', 'min'];

describe('catalogue', () => {
  it('has every required indicator of the six domains', () => {
    for (const [domain, names] of Object.entries(REQUIRED)) {
      for (const name of names) expect(indicatorById(`${domain}.${name}`), `${domain}.${name}`).to.exist;
    }
    for (const domain of DOMAINS) expect(indicatorsOf(domain).length, domain).to.be.greaterThan(4);
  });

  it('has unique ids, each prefixed by its domain', () => {
    const ids = CATALOGUE.map((indicator) => indicator.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const indicator of CATALOGUE) expect(indicator.id.startsWith(`${indicator.domain}.`), indicator.id).to.be.true;
  });

  it('gives every indicator names and descriptions in both languages, a unit, decimals, polarity and aggregation', () => {
    for (const indicator of CATALOGUE) {
      const id = indicator.id;
      expect(indicator.name.vi, id).to.not.be.empty;
      expect(indicator.name.en, id).to.not.be.empty;
      expect(indicator.description.vi, id).to.not.be.empty;
      expect(indicator.description.en, id).to.not.be.empty;
      expect(indicator.unit.code, id).to.not.be.empty;
      expect(['UCUM', 'UNCEFACT'], id).to.include(indicator.unit.system);
      expect(Number.isInteger(indicator.decimals) && indicator.decimals >= 0, id).to.be.true;
      expect(['higher-is-better', 'lower-is-better', 'neutral'], id).to.include(indicator.polarity);
      expect(AGGREGATIONS, id).to.include(indicator.aggregation.time);
      expect(AGGREGATIONS, id).to.include(indicator.aggregation.area);
      const weight = indicator.aggregation.weight;
      if (weight !== undefined) expect(weight === 'population' || indicatorById(weight) !== undefined, `${id} weight ${weight}`).to.be.true;
      if (indicator.target !== undefined && indicator.range) {
        expect(indicator.target, id).to.be.within(indicator.range.min ?? -Infinity, indicator.range.max ?? Infinity);
      }
    }
  });

  it('uses real units: µg/m³ for PM, mg/L for oxygen, billions of đồng for revenue, km/h for speed', () => {
    expect(indicatorById('environment.pm25')?.unit).to.deep.include({ code: 'ug/m3', system: 'UCUM' });
    expect(indicatorById('environment.dissolved-oxygen')?.unit.code).to.equal('mg/L');
    expect(indicatorById('economy.budget-revenue')?.unit.label).to.deep.equal({ vi: 'tỷ đồng', en: 'bn VND' });
    expect(indicatorById('economy.fdi-registered')?.unit.label.en).to.equal('million USD');
    expect(indicatorById('mobility.mean-speed')?.unit.code).to.equal('km/h');
    expect(indicatorById('living.electricity')?.unit).to.deep.include({ code: 'MWH', system: 'UNCEFACT' });
  });

  it('has contiguous bands with distinct tokens', () => {
    for (const indicator of CATALOGUE) {
      const bands = indicator.bands ?? [];
      bands.forEach((band, i) => {
        expect(band.from, `${indicator.id} band ${i}`).to.be.lessThan(band.to);
        const next = bands[i + 1];
        if (next) expect(next.from, `${indicator.id} band ${i + 1} starts where ${i} ends`).to.equal(band.to);
      });
      expect(new Set(bands.map((b) => b.token)).size, indicator.id).to.equal(bands.length);
    }
  });

  it('keeps the six official VN_AQI bands and colours', () => {
    expect(VN_AQI_BANDS.map((b) => [b.from, b.label.vi, b.color])).to.deep.equal([
      [0, 'Tốt', '#00e400'],
      [51, 'Trung bình', '#ffff00'],
      [101, 'Kém', '#ff7e00'],
      [151, 'Xấu', '#ff0000'],
      [201, 'Rất xấu', '#8f3f97'],
      [301, 'Nguy hại', '#7e0023'],
    ]);
    const aqi = indicatorById('environment.aqi')!;
    expect(bandFor(aqi, 50)?.label.vi).to.equal('Tốt');
    expect(bandFor(aqi, 51)?.label.vi).to.equal('Trung bình');
    expect(bandFor(aqi, 500)?.label.vi).to.equal('Nguy hại');
    expect(bandFor(aqi, Number.NaN)).to.equal(undefined);
    expect(bandFor(aqi, 501)).to.equal(undefined);
  });

  it('orders VN_WQI bands with Xấu above Kém (the reverse of VN_AQI) and shares no token with the AQI', () => {
    expect(VN_WQI_BANDS.map((b) => [b.from, b.label.vi])).to.deep.equal([
      [0, 'Ô nhiễm rất nặng'],
      [10, 'Kém'],
      [26, 'Xấu'],
      [51, 'Trung bình'],
      [76, 'Tốt'],
      [91, 'Rất tốt'],
    ]);
    const wqi = indicatorById('environment.wqi')!;
    expect(bandFor(wqi, 20)?.label.vi).to.equal('Kém');
    expect(bandFor(wqi, 40)?.label.vi).to.equal('Xấu');
    const aqiTokens = new Set(VN_AQI_BANDS.map((b) => b.token));
    for (const band of VN_WQI_BANDS) expect(aqiTokens.has(band.token), band.token).to.be.false;
    expect(wqi.polarity).to.equal('higher-is-better');
  });

  it('shades PM2.5 and PM10 with the VN_AQI breakpoints', () => {
    expect(PM25_BANDS.map((b) => b.from)).to.deep.equal([0, 25, 50, 80, 150, 250]);
    expect(PM25_BANDS[5]?.to).to.equal(500);
    expect(PM10_BANDS.map((b) => b.from)).to.deep.equal([0, 50, 150, 250, 350, 420]);
    expect(bandFor(indicatorById('environment.pm25')!, 60)?.label.vi).to.equal('Kém');
  });

  it('writes indices and scores without a percent sign: PAR Index is points with one decimal', () => {
    const par = indicatorById('governance.par-index')!;
    expect(par.unit.code).to.not.equal('%');
    expect(par.unit.label.vi).to.equal('điểm');
    expect(par.unit.label.en).to.equal('points');
    expect(par.decimals).to.equal(1);
    // An index or a score is not a share of something: none of them is in %.
    for (const indicator of CATALOGUE) {
      if (/index|chỉ số|score/i.test(`${indicator.name.en} ${indicator.name.vi}`)) expect(indicator.unit.code, indicator.id).to.not.equal('%');
    }
  });

  it('gives every percentage at most two decimals and a 0-based range, and counts no decimals', () => {
    for (const indicator of CATALOGUE) {
      if (indicator.unit.code === '%') {
        expect(indicator.decimals, indicator.id).to.be.at.most(2);
        expect(indicator.range?.max, indicator.id).to.be.a('number');
      }
      if (indicator.unit.code.startsWith('{') && indicator.unit.code !== '{score}') expect(indicator.decimals, `${indicator.id} counts whole things`).to.equal(0);
    }
  });

  it('calls a dry day "Không mưa" / "No rain", not light rain; light rain starts at the 0.1 mm a gauge measures', () => {
    const rain = indicatorById('environment.rainfall')!;
    expect(bandFor(rain, 0)?.label).to.deep.equal({ vi: 'Không mưa', en: 'No rain' });
    expect(bandFor(rain, 0.04)?.label.vi).to.equal('Không mưa');
    expect(bandFor(rain, 0.1)?.label.vi).to.equal('Mưa nhỏ');
    expect(bandFor(rain, 15.9)?.label.vi).to.equal('Mưa nhỏ');
    expect(bandFor(rain, 16)?.label.vi).to.equal('Mưa vừa');
    expect(bandFor(rain, 51)?.label.vi).to.equal('Mưa to');
    expect(bandFor(rain, 101)?.label.vi).to.equal('Mưa rất to');
    expect(RAINFALL_24H_BANDS[0]?.severity).to.equal(undefined);
  });
});
