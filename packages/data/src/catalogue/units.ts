import type { Unit } from '../contract/catalogue.js';

/**
 * Units shared by the catalogue. UCUM has no currencies, so money uses UCUM's power-of-ten with
 * an annotation (`10*9{VND}`: billions of đồng), which stays a valid UCUM expression; counts use
 * annotations too (`{vehicle}`), as UCUM recommends for "number of things".
 */
export const PERCENT: Unit = { code: '%', system: 'UCUM', label: { vi: '%', en: '%' } };
export const INDEX: Unit = { code: '1', system: 'UCUM', label: { vi: '', en: '' } };
/** A score on a 0–100 scale (an index, not a share of something): written `91,3 điểm`, never `91,3 %`. */
export const SCORE: Unit = { code: '{score}', system: 'UCUM', label: { vi: 'điểm', en: 'points' } };
export const BILLION_VND: Unit = { code: '10*9{VND}', system: 'UCUM', label: { vi: 'tỷ đồng', en: 'bn VND' } };
export const MILLION_USD: Unit = { code: '10*6{USD}', system: 'UCUM', label: { vi: 'triệu USD', en: 'million USD' } };
export const MICROGRAM_PER_M3: Unit = { code: 'ug/m3', system: 'UCUM', label: { vi: 'µg/m³', en: 'µg/m³' } };
export const MILLIGRAM_PER_L: Unit = { code: 'mg/L', system: 'UCUM', label: { vi: 'mg/L', en: 'mg/L' } };
export const CENTIMETRE: Unit = { code: 'cm', system: 'UCUM', label: { vi: 'cm', en: 'cm' } };
export const MILLIMETRE: Unit = { code: 'mm', system: 'UCUM', label: { vi: 'mm', en: 'mm' } };
export const TONNE_PER_DAY: Unit = { code: 't/d', system: 'UCUM', label: { vi: 'tấn/ngày', en: 't/day' } };
export const KM_PER_HOUR: Unit = { code: 'km/h', system: 'UCUM', label: { vi: 'km/h', en: 'km/h' } };
export const VEHICLES_PER_HOUR: Unit = { code: '{vehicle}/h', system: 'UCUM', label: { vi: 'xe/giờ', en: 'veh/h' } };
export const MEGAWATT_HOUR: Unit = { code: 'MWH', system: 'UNCEFACT', label: { vi: 'MWh', en: 'MWh' } };

/** A count of things, with the thing's name as its label. */
export function count(annotation: string, vi: string, en: string): Unit {
  return { code: `{${annotation}}`, system: 'UCUM', label: { vi, en } };
}
