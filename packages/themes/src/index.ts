export { THEMES, themeCss, themeDeclarations, themeRules, installThemes, isThemeName, type ThemeName, type ThemeTokens, type SystemRole, type ThemeValues } from './themes.js';
export {
  THEME_NAMES,
  BRAND_TOKENS,
  SYSTEM_TOKENS,
  COMPONENT_HOOKS,
  REFERENCE_TOKENS,
  type SystemToken,
  type ComponentHook,
  type BrandToken,
  type Derivation,
} from './generated/tokens.js';
export { createTheme, type BrandOptions, type CreatedTheme, type ThemeReportEntry, type PaletteReportEntry } from './create-theme/create-theme.js';
export { checkContrast, contrastRules, type ContrastRule, type ContrastResult } from './contrast/contrast.js';
export {
  ThemeInputError,
  parseColor,
  toHex,
  contrastRatio,
  relativeLuminance,
  rgbToOklch,
  oklchToRgb,
  simulateVision,
  deltaEOK,
  worstCaseDistance,
  VISION_DEFICIENCIES,
  type Rgb,
  type VisionDeficiency,
} from './color/color.js';
export { MIN_CATEGORICAL_DISTANCE, MIN_RAMP_STEP, palettePairs } from './palettes/palettes.js';
