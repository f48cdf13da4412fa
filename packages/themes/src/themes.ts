/**
 * First cut of the built-in themes: system roles as CSS custom properties (`--ioc-sys-*`).
 * Widgets read only these names (and their own component hooks that default to them).
 */
export type ThemeName = 'light' | 'dark';

export type ThemeTokens = Readonly<Record<string, string>>;

const shared: ThemeTokens = {
  'font-family': "'Noto Sans', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, system-ui, sans-serif",
  'font-size-xs': '0.75rem',
  'font-size-sm': '0.875rem',
  'font-size-md': '1rem',
  'font-size-lg': '1.25rem',
  'font-size-xl': '1.5rem',
  'font-size-display': '2.25rem',
  'font-weight-regular': '400',
  'font-weight-bold': '650',
  'radius': '8px',
  'space-1': '4px',
  'space-2': '8px',
  'space-3': '12px',
  'space-4': '16px',
  'space-5': '24px',
  'motion-duration': '200ms',
  'color-aqi-good': '#00e400',
  'color-aqi-moderate': '#ffff00',
  'color-aqi-poor': '#ff7e00',
  'color-aqi-bad': '#ff0000',
  'color-aqi-very-bad': '#8f3f97',
  'color-aqi-hazardous': '#7e0023',
};

export const THEMES: Readonly<Record<ThemeName, ThemeTokens>> = {
  light: {
    ...shared,
    'color-surface': '#ffffff',
    'color-surface-raised': '#f4f6f8',
    'color-on-surface': '#1b1f24',
    'color-on-surface-muted': '#57606a',
    'color-outline': '#d0d7de',
    'color-primary': '#0b5cad',
    'color-on-primary': '#ffffff',
    'color-accent': '#b3261e',
    'color-positive': '#1a7f37',
    'color-negative': '#c62828',
    'color-warning': '#9a6700',
    'color-neutral': '#57606a',
    'color-focus': '#0b5cad',
    'color-severity-informational': '#0b5cad',
    'color-severity-low': '#1a7f37',
    'color-severity-medium': '#9a6700',
    'color-severity-high': '#c4320a',
    'color-severity-critical': '#b3261e',
  },
  dark: {
    ...shared,
    'color-surface': '#14181d',
    'color-surface-raised': '#1f252c',
    'color-on-surface': '#e6edf3',
    'color-on-surface-muted': '#9da7b3',
    'color-outline': '#3d444d',
    'color-primary': '#6cb6ff',
    'color-on-primary': '#0a1929',
    'color-accent': '#ff8a80',
    'color-positive': '#57d97a',
    'color-negative': '#ff7b72',
    'color-warning': '#e3b341',
    'color-neutral': '#9da7b3',
    'color-focus': '#6cb6ff',
    'color-severity-informational': '#6cb6ff',
    'color-severity-low': '#57d97a',
    'color-severity-medium': '#e3b341',
    'color-severity-high': '#ffa657',
    'color-severity-critical': '#ff7b72',
  },
};

/** The CSS declarations of a theme, as `--ioc-sys-<name>: value;` lines. */
export function themeDeclarations(name: ThemeName): string {
  return Object.entries(THEMES[name])
    .map(([token, value]) => `--ioc-sys-${token}: ${value};`)
    .join('\n');
}

/**
 * The stylesheet text that defines every theme. Light is the default at zero specificity
 * (`:where(:root)`), so a page's own `:root { --ioc-... }` always wins; any element with
 * `data-ioc-theme="dark"` (or the class `ioc-theme-dark`) switches its subtree.
 */
export function themeCss(): string {
  const blocks = (Object.keys(THEMES) as ThemeName[]).map(
    (name) => `:where([data-ioc-theme="${name}"], .ioc-theme-${name}) {\n${themeDeclarations(name)}\ncolor-scheme: ${name};\n}`,
  );
  return `:where(:root) {\n${themeDeclarations('light')}\n}\n${blocks.join('\n')}`;
}

const installed = new WeakSet<Document>();

/**
 * Adopts the theme stylesheet into a document once. Uses a constructable stylesheet, which a
 * strict Content-Security-Policy allows (no inline `<style>`).
 */
export function installThemes(doc: Document = document): void {
  if (installed.has(doc)) return;
  installed.add(doc);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(themeCss());
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
