import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { aqiFromConcentrations, aqiSubIndex, nowCast } from './aqi.js';

describe('VN_AQI calculator', () => {
  it('interpolates sub-indices between breakpoints (hand-computed)', () => {
    // 35 µg/m³ PM2.5 lies between 25 (index 50) and 50 (index 100): 50 + 10 × 50 / 25 = 70.
    expect(aqiSubIndex('pm25', 35)).to.equal(70);
    // 200 µg/m³ PM10 lies between 150 (100) and 250 (150): 100 + 50 × 50 / 100 = 125.
    expect(aqiSubIndex('pm10', 200)).to.equal(125);
    // 300 µg/m³ PM2.5 lies between 250 (300) and 350 (400): 350.
    expect(aqiSubIndex('pm25', 300)).to.equal(350);
    // CO 20 000 µg/m³: 50 + 10 000 × 50 / 20 000 = 75.
    expect(aqiSubIndex('co', 20000)).to.equal(75);
    expect(aqiSubIndex('pm25', 12.5)).to.equal(25);
    expect(aqiSubIndex('pm25', 0)).to.equal(0);
    expect(aqiSubIndex('pm25', 900)).to.equal(500);
    expect(aqiSubIndex('o3_8h', 500)).to.be.NaN;
    expect(aqiSubIndex('pm25', -1)).to.be.NaN;
    expect(aqiSubIndex('pm25', Number.NaN)).to.be.NaN;
  });

  it('takes the largest sub-index, rounded, and names the pollutant that drives it', () => {
    expect(aqiFromConcentrations({ pm25: 35, pm10: 200 })).to.deep.include({ aqi: 125, dominant: 'pm10' });
    // O3 1 h 250 µg/m³: 100 + 50 × 50 / 100 = 125, above PM2.5's 20.
    expect(aqiFromConcentrations({ pm25: 10, o3_1h: 250 })).to.deep.include({ aqi: 125, dominant: 'o3_1h' });
    // 33 µg/m³ PM2.5 -> 66, not 66.0 or 67.
    expect(aqiFromConcentrations({ pm25: 33 }).aqi).to.equal(66);
    expect(aqiFromConcentrations({ pm25: 33.3 }).aqi).to.equal(67);
  });

  it('needs at least one PM value, as the decision requires', () => {
    expect(aqiFromConcentrations({ o3_1h: 250, no2: 150 }).aqi).to.be.NaN;
    expect(aqiFromConcentrations({ pm25: Number.NaN, o3_1h: 250 }).aqi).to.be.NaN;
    expect(aqiFromConcentrations({}).aqi).to.be.NaN;
  });

  it('computes NowCast with w = max(Cmin/Cmax, ½) (hand-computed)', () => {
    // Cmin/Cmax = 1/3 -> w = ½: (30 + ½·20 + ¼·10) / (1 + ½ + ¼) = 42.5 / 1.75.
    expect(nowCast([30, 20, 10])).to.be.closeTo(42.5 / 1.75, 1e-12);
    // Cmin/Cmax = 0.8 -> w = 0.8: (20 + 0.8·18 + 0.64·16) / 2.44.
    expect(nowCast([20, 18, 16])).to.be.closeTo(44.64 / 2.44, 1e-12);
    expect(aqiFromConcentrations({ pm25: nowCast([30, 20, 10]) }).aqi).to.equal(49);
  });

  it('skips missing hours and needs two of the last three', () => {
    expect(nowCast([Number.NaN, 10, 10])).to.equal(10);
    expect(nowCast([Number.NaN, Number.NaN, 10, 10])).to.be.NaN;
    expect(nowCast([])).to.be.NaN;
    // Only the last 12 hours count.
    expect(nowCast([10, 10, ...new Array<number>(10).fill(10), 1000])).to.equal(10);
  });

  it('never throws and stays within 0..500 for any input', () => {
    fc.assert(
      fc.property(fc.record({ pm25: fc.double(), pm10: fc.double(), co: fc.double(), o3_8h: fc.double() }, { requiredKeys: [] }), (input) => {
        const { aqi } = aqiFromConcentrations(input);
        expect(Number.isNaN(aqi) || (aqi >= 0 && aqi <= 500 && Number.isInteger(aqi))).to.be.true;
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.constant(Number.NaN)), { maxLength: 30 }), (hours) => {
        const value = nowCast(hours);
        expect(Number.isNaN(value) || Number.isFinite(value)).to.be.true;
      }),
    );
  });
});
