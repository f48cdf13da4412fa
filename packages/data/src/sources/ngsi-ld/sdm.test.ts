/**
 * The Smart Data Models mappings on attributes the public examples lack (pm25, pm10, O2, WQI):
 * synthetic entities in the models' own shapes.
 */
import { expect } from '@open-wc/testing';
import { ValidationError } from '../../contract/errors.js';
import { readEntity } from './entity.js';
import { SDM_INDICATORS } from './sdm.js';

const observe = (indicator: string, entity: unknown, areaOf?: (e: ReturnType<typeof readEntity>) => string | undefined) =>
  SDM_INDICATORS.find((mapping) => mapping.indicator === indicator)!.observe(readEntity(entity), areaOf ? { areaOf } : {});

describe('Smart Data Models mappings', () => {
  const air = {
    id: 'urn:ngsi-ld:AirQualityObserved:27001-1',
    type: 'AirQualityObserved',
    dateObserved: { type: 'Property', value: { '@type': 'DateTime', '@value': '2026-11-24T01:00:00Z' } },
    pm25: { type: 'Property', value: 0.0352, unitCode: 'GP' },
    pm10: [
      { type: 'Property', value: '61', unitCode: 'GQ', observedAt: '2026-11-24T02:00:00Z' },
      { type: 'Property', value: 'urn:ngsi-ld:null', observedAt: '2026-11-24T01:00:00Z' },
    ],
    areaCode: { type: 'Property', value: '27001' },
  };

  it('AirQualityObserved pm25 in mg/m³ becomes µg/m³, at dateObserved, in the entity’s area', () => {
    const [pm25] = observe('environment.pm25', air);
    expect(pm25!.value).to.be.closeTo(35.2, 1e-9);
    expect(pm25!.time).to.equal(Date.UTC(2026, 10, 24, 1));
    expect(pm25!.area).to.equal('27001');
  });

  it('AirQualityObserved pm10 instances: strings parsed, deletions are gaps, observedAt wins', () => {
    expect(observe('environment.pm10', air)).to.deep.equal([
      { value: null, time: Date.UTC(2026, 10, 24, 1), area: '27001' },
      { value: 61, time: Date.UTC(2026, 10, 24, 2), area: '27001' },
    ]);
  });

  it('refuses a unit that measures something else', () => {
    const wrong = { ...air, pm25: { type: 'Property', value: 20, unitCode: 'CEL' } };
    expect(() => observe('environment.pm25', wrong)).to.throw(ValidationError, /CEL/);
  });

  it('WaterQualityObserved O2 (mg/L) and a WQI extension, keyValues', () => {
    const water = { id: 'urn:w:1', type: 'WaterQualityObserved', dateObserved: '2026-11-24T00:00:00Z', O2: 6.4, waterQualityIndex: '87' };
    expect(observe('environment.dissolved-oxygen', water, () => '27004')).to.deep.equal([{ value: 6.4, time: Date.UTC(2026, 10, 24), area: '27004' }]);
    expect(observe('environment.wqi', water)).to.deep.equal([{ value: 87, time: Date.UTC(2026, 10, 24) }]);
  });

  it('an entity without the attribute gives no observation, not an error', () => {
    expect(observe('environment.pm25', { id: 'urn:x', type: 'AirQualityObserved' })).to.deep.equal([]);
  });
});
