// Fixtures for the charts' own tests (imported only by *.test.ts, never exported).
import type { ChartPalette } from './palette.js';

/** Fixed colours, so snapshots do not depend on a theme. */
export const TEST_PALETTE: ChartPalette = {
  series: ['#101010', '#202020', '#303030', '#404040', '#505050', '#606060', '#707070', '#808080'],
  text: '#000000',
  muted: '#555555',
  grid: '#dddddd',
  surface: '#ffffff',
  target: '#111111',
  signal: '#ee0000',
  annotation: '#666666',
  bands: { 'aqi-good': '#00e400', 'aqi-moderate': '#ffff00', 'aqi-poor': '#ff7e00', 'aqi-bad': '#ff0000', 'aqi-very-bad': '#8f3f97', 'aqi-hazardous': '#7e0023' },
  lineWidth: 1.5,
  fontSize: 11,
};
