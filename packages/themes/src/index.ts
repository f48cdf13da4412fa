export { THEMES, themeCss, themeDeclarations, installThemes, type ThemeName, type ThemeTokens } from './themes.js';
