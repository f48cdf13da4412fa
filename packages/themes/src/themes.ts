/**
 * The built-in themes: system roles as CSS custom properties (`--ioc-sys-*`), generated from
 * the DTCG tokens in `packages/themes/tokens/`. Widgets read only these names and their own
 * component hooks (`--ioc-<component>-*`), which default to them.
 */
import {
  BRAND_SUPPORTS,
  THEME_BRAND_DECLARATIONS,
  THEME_CSS,
  THEME_DECLARATIONS,
  THEME_NAMES,
  THEME_VALUES,
  type ThemeName,
  type ThemeValues,
} from './generated/tokens.js';

export type { ThemeName, SystemRole, ThemeValues } from './generated/tokens.js';

/** Role name after `--ioc-sys-` -> value. */
export type ThemeTokens = Readonly<Record<string, string>>;

/** Every built-in theme's roles with no brand set, e.g. `THEMES.dark['color-primary']`. */
export const THEMES: Readonly<Record<ThemeName, ThemeValues>> = THEME_VALUES;

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (THEME_NAMES as readonly string[]).includes(value);
}

/**
 * A theme as plain `--ioc-sys-<name>: <value>;` declarations, for a rule of your own (the
 * provider's `:host([theme])`). Brand fonts, radius and density are followed; brand colours
 * need the `@supports` part, which `themeRules()` adds.
 */
export function themeDeclarations(name: ThemeName): string {
  return THEME_DECLARATIONS[name];
}

/** A theme as complete rules for any selector, brand-following colours included. */
export function themeRules(selector: string, name: ThemeName): string {
  return `${selector} {\n${THEME_DECLARATIONS[name]}\n}\n@supports ${BRAND_SUPPORTS} {\n${selector} {\n${THEME_BRAND_DECLARATIONS[name]}\n}\n}`;
}

/**
 * The stylesheet text that defines every theme (also shipped as `@ioc-kit/themes/themes.css`).
 * Light is the default at zero specificity (`:where(:root)`), so a page's own rules always win;
 * `data-ioc-theme="<name>"`, the class `ioc-theme-<name>` or `<ioc-provider theme="<name>">`
 * switch a subtree; `auto` follows `prefers-color-scheme` and `prefers-contrast`.
 */
export function themeCss(): string {
  return THEME_CSS;
}

const installed = new WeakSet<Document | ShadowRoot>();
const sheets = new WeakMap<Document, CSSStyleSheet>();

// A constructed sheet can only be adopted by the document that made it (iframes have their own).
function sheetFor(doc: Document): CSSStyleSheet {
  let sheet = sheets.get(doc);
  if (!sheet) {
    sheet = doc.defaultView ? new doc.defaultView.CSSStyleSheet() : new CSSStyleSheet();
    sheet.replaceSync(THEME_CSS);
    sheets.set(doc, sheet);
  }
  return sheet;
}

/**
 * Adopts the theme stylesheet into a document (or a shadow root that sets themes inside it)
 * once. A constructable stylesheet, which a strict Content-Security-Policy allows (no inline
 * `<style>`); switching theme later is an attribute change, so there is no reload and no flash.
 */
export function installThemes(root: Document | ShadowRoot = document): void {
  if (installed.has(root)) return;
  installed.add(root);
  const doc = 'host' in root ? root.ownerDocument : root;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheetFor(doc)];
}
