/**
 * UN/CEFACT Common Codes (Recommendation 20) as NGSI-LD `unitCode` carries them, with the
 * labels a person reads, and the conversions the Smart Data Models adapters need.
 */
import type { Unit } from '../../contract/catalogue.js';

const LABELS: Readonly<Record<string, { vi: string; en: string }>> = {
  GQ: { vi: 'µg/m³', en: 'µg/m³' },
  GP: { vi: 'mg/m³', en: 'mg/m³' },
  M1: { vi: 'mg/L', en: 'mg/L' },
  CEL: { vi: '°C', en: '°C' },
  FAH: { vi: '°F', en: '°F' },
  KEL: { vi: 'K', en: 'K' },
  KMH: { vi: 'km/h', en: 'km/h' },
  MTS: { vi: 'm/s', en: 'm/s' },
  '5K': { vi: 'lần/phút', en: 'per min' },
  P1: { vi: '%', en: '%' },
  MTR: { vi: 'm', en: 'm' },
  CMT: { vi: 'cm', en: 'cm' },
  MMT: { vi: 'mm', en: 'mm' },
  KMT: { vi: 'km', en: 'km' },
  MTQ: { vi: 'm³', en: 'm³' },
  MQH: { vi: 'm³/h', en: 'm³/h' },
  LTR: { vi: 'L', en: 'L' },
  A97: { vi: 'hPa', en: 'hPa' },
  PAL: { vi: 'Pa', en: 'Pa' },
  BAR: { vi: 'bar', en: 'bar' },
  KWH: { vi: 'kWh', en: 'kWh' },
  MWH: { vi: 'MWh', en: 'MWh' },
  KWT: { vi: 'kW', en: 'kW' },
  WTT: { vi: 'W', en: 'W' },
  VLT: { vi: 'V', en: 'V' },
  AMP: { vi: 'A', en: 'A' },
  SEC: { vi: 'giây', en: 's' },
  MIN: { vi: 'phút', en: 'min' },
  HUR: { vi: 'giờ', en: 'h' },
  DAY: { vi: 'ngày', en: 'd' },
  TNE: { vi: 'tấn', en: 't' },
  KGM: { vi: 'kg', en: 'kg' },
  H87: { vi: 'cái', en: 'pcs' },
  C62: { vi: '', en: '' },
  LUX: { vi: 'lx', en: 'lx' },
  '2N': { vi: 'dB', en: 'dB' },
  DD: { vi: '°', en: '°' },
  D52: { vi: 'W/(m·K)', en: 'W/(m·K)' },
  H33: { vi: 'phân tử/m³', en: 'particles/m³' },
  G52: { vi: 'mS/cm', en: 'mS/cm' },
  Q30: { vi: 'pH', en: 'pH' },
};

/** Unit spellings brokers send instead of UN/CEFACT codes (UCUM or plain text), mapped to the code. */
const ALIASES: Readonly<Record<string, string>> = {
  'ug/m3': 'GQ',
  'µg/m3': 'GQ',
  'µg/m³': 'GQ',
  'mg/m3': 'GP',
  'mg/m³': 'GP',
  'mg/l': 'M1',
  'km/h': 'KMH',
  'm/s': 'MTS',
  cel: 'CEL',
  '°c': 'CEL',
  '%': 'P1',
  cm: 'CMT',
  mm: 'MMT',
  m: 'MTR',
};

/** The UN/CEFACT code for a unit as a broker wrote it (`GQ`, `gq`, `ug/m3`, `µg/m³`), or the text upper-cased. */
export function normaliseUnitCode(code: string): string {
  const trimmed = code.trim();
  return ALIASES[trimmed.toLowerCase()] ?? trimmed.toUpperCase();
}

/**
 * The display unit of a UN/CEFACT code. An unknown code is shown as itself (never rejected),
 * so a broker's unusual unit still reaches the screen as plain text.
 */
export function unitFromCode(code: string | undefined): Unit {
  if (!code) return { code: '', system: 'none', label: { vi: '' } };
  const normalised = normaliseUnitCode(code);
  const label = LABELS[normalised];
  if (label) return { code: normalised, system: 'UNCEFACT', label: { ...label } };
  const shown = code.replace(/[^\p{L}\p{N}/%°µ·.\- ]/gu, '').slice(0, 20);
  return { code: shown, system: 'none', label: { vi: shown, en: shown } };
}

/** Factor to the base unit of a family (mass concentration → µg/m³, speed → km/h, length → m). */
const TO_BASE: Readonly<Record<string, { family: string; factor: number }>> = {
  GQ: { family: 'mass-concentration-air', factor: 1 },
  GP: { family: 'mass-concentration-air', factor: 1000 },
  M1: { family: 'mass-concentration-water', factor: 1 },
  KMH: { family: 'speed', factor: 1 },
  MTS: { family: 'speed', factor: 3.6 },
  MTR: { family: 'length', factor: 1 },
  CMT: { family: 'length', factor: 0.01 },
  MMT: { family: 'length', factor: 0.001 },
  KMT: { family: 'length', factor: 1000 },
};

/** Catalogue (UCUM) units with their UN/CEFACT equivalent, so both can be compared. */
const UCUM_TO_CEFACT: Readonly<Record<string, string>> = {
  'ug/m3': 'GQ',
  'mg/m3': 'GP',
  'mg/L': 'M1',
  'km/h': 'KMH',
  'm/s': 'MTS',
  m: 'MTR',
  cm: 'CMT',
  mm: 'MMT',
  Cel: 'CEL',
  '%': 'P1',
};

/** The UN/CEFACT code for a catalogue unit, when there is one. */
export function cefactCodeOf(unit: Unit): string | undefined {
  if (unit.system === 'UNCEFACT') return unit.code;
  return UCUM_TO_CEFACT[unit.code];
}

/**
 * Converts `value` from UN/CEFACT unit `from` to `to`. Same unit or no unit given: unchanged.
 * Returns undefined when the two units measure different things (the caller reports it).
 */
export function convertUnit(value: number, from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to) return value;
  const source = normaliseUnitCode(from);
  const target = normaliseUnitCode(to);
  if (source === target) return value;
  const a = TO_BASE[source];
  const b = TO_BASE[target];
  if (!a || !b || a.family !== b.family) return undefined;
  return (value * a.factor) / b.factor;
}
