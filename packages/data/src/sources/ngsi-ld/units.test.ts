import { expect } from '@open-wc/testing';
import { convertUnit, unitFromCode } from './units.js';

describe('UN/CEFACT units', () => {
  it('labels the codes NGSI-LD payloads carry', () => {
    expect(unitFromCode('GQ').label).to.deep.equal({ vi: 'µg/m³', en: 'µg/m³' });
    expect(unitFromCode('GP').label.vi).to.equal('mg/m³');
    expect(unitFromCode('CEL').label.vi).to.equal('°C');
    expect(unitFromCode('KMH').label.en).to.equal('km/h');
    expect(unitFromCode('5K').label.en).to.equal('per min');
    expect(unitFromCode('M1').label.vi).to.equal('mg/L');
  });

  it('reads UCUM-like spellings brokers use instead of codes', () => {
    expect(unitFromCode('ug/m3').code).to.equal('GQ');
    expect(unitFromCode('µg/m³').code).to.equal('GQ');
    expect(unitFromCode('gq').code).to.equal('GQ');
  });

  it('shows an unknown code as plain text, without markup characters', () => {
    expect(unitFromCode('XYZ')).to.deep.equal({ code: 'XYZ', system: 'none', label: { vi: 'XYZ', en: 'XYZ' } });
    expect(unitFromCode('<b>x</b>').label.vi).to.not.contain('<');
    expect(unitFromCode(undefined).label.vi).to.equal('');
  });

  it('converts within a family and refuses across families', () => {
    expect(convertUnit(0.5, 'GP', 'GQ')).to.equal(500);
    expect(convertUnit(36, 'KMH', 'MTS')).to.equal(10);
    expect(convertUnit(10, 'MTS', 'km/h')).to.equal(36);
    expect(convertUnit(120, 'CMT', 'MTR')).to.be.closeTo(1.2, 1e-12);
    expect(convertUnit(35, 'ug/m3', 'GQ')).to.equal(35);
    expect(convertUnit(35, 'CEL', 'GQ')).to.equal(undefined);
    expect(convertUnit(35, 'XYZ', 'GQ')).to.equal(undefined);
    expect(convertUnit(35, undefined, 'GQ')).to.equal(35);
  });
});
