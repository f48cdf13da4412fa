// Builds the design tokens written as W3C Design Tokens (DTCG JSON) in packages/themes/tokens/
// into the files the library ships:
//   packages/themes/src/generated/tokens.ts  typed token tables + the theme stylesheet text
//   packages/themes/css/ioc-themes.css        the same stylesheet, for a <link> in a portal page
//
//   node scripts/build-tokens.mjs           write the generated files
//   node scripts/build-tokens.mjs --check   exit 1 if they are not what the JSON produces (npm test)
//   node scripts/build-tokens.mjs --fix     also rewrite the $value of derived tokens in the JSON
//                                           (on-colours, ramps) to what the derivation computes
//
// Derived tokens carry `$extensions["org.ioc-kit"]`:
//   { brand: "primary"|"accent", luminance: { max } | { min } }  follows --ioc-brand-*, scaled in
//       linear light until its relative luminance is at most max (darken) / at least min (lighten)
//   { brand: "font" | "radius" | "density" }                     follows --ioc-brand-*
//   { onColor: "{sys.color.x}" }                                 black or white, whichever contrasts more
//   { mix: ["{sys.color.a}", "{sys.color.b}"], amount }          color-mix(in oklab, a amount, b)
//   { forcedColor: "CanvasText" }                                the system colour under forced-colors
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tokensDir = path.join(root, 'packages/themes/tokens');
export const THEME_ORDER = ['light', 'dark', 'wall', 'high-contrast'];
const EXT = 'org.ioc-kit';
export const GENERATED = {
  ts: 'packages/themes/src/generated/tokens.ts',
  css: 'packages/themes/css/ioc-themes.css',
};

/** The five brand tokens an agency sets; everything brand-coloured derives from them. */
export const BRAND_TOKENS = [
  { name: '--ioc-brand-primary', type: 'color', example: '#c8102e', description: 'Main brand colour: links, selection, focus ring, first chart series, sequential ramp. Any CSS colour.' },
  { name: '--ioc-brand-accent', type: 'color', example: '#f4a300', description: 'Second brand colour: highlights and markers. Any CSS colour.' },
  { name: '--ioc-brand-font', type: 'fontFamily', example: "'Be Vietnam Pro'", description: 'Font family put in front of the Vietnamese-capable system stack (load it yourself, or name an installed font).' },
  { name: '--ioc-brand-radius', type: 'dimension', example: '2px', description: 'Corner radius of cards, bars and buttons.' },
  { name: '--ioc-brand-density', type: 'number', example: '0.75', description: 'Multiplier of every spacing step: 0.75 compact, 1 default, 1.25 roomy.' },
];

// ---------- colour maths (the TS twin lives in packages/themes/src/color/color.ts) ----------
const hexToRgb = (hex) => {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
};
const toLinear = (v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const fromLinear = (v) => (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
const linearToHex = (lin) =>
  '#' + lin.map((v) => Math.round(Math.min(1, Math.max(0, fromLinear(Math.min(1, Math.max(0, v))))) * 255).toString(16).padStart(2, '0')).join('');
const luminanceOfLinear = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const linearOf = (hex) => hexToRgb(hex).map(toLinear);
function linearToOklab([r, g, b]) {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s, 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s, 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s];
}
function oklabToLinear([L, a, b]) {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s, -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s, -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s];
}
/** The colour the CSS formula of fitLuminanceCss() computes, as #rrggbb. */
export function fitLuminance(hex, { max, min }) {
  const lin = linearOf(hex);
  const y = luminanceOfLinear(lin);
  if (max !== undefined && y > max) return linearToHex(lin.map((v) => v * (max / y)));
  if (min !== undefined && y < min) {
    const t = (min - y) / (1 - y);
    return linearToHex(lin.map((v) => v + (1 - v) * t));
  }
  return linearToHex(lin);
}
// Where black and white text contrast equally: sqrt(1.05 * 0.05) - 0.05.
const ON_COLOR_THRESHOLD = 0.179;
export const onColor = (hex) => (luminanceOfLinear(linearOf(hex)) < ON_COLOR_THRESHOLD ? '#ffffff' : '#000000');
export function mixOklab(a, b, amount) {
  const [la, lb] = [linearToOklab(linearOf(a)), linearToOklab(linearOf(b))];
  return linearToHex(oklabToLinear(la.map((v, i) => v * amount + lb[i] * (1 - amount))));
}

// ---------- CSS formulas (evaluated by the browser: relative colour syntax and color-mix) ----------
const Y = '(0.2126 * r + 0.7152 * g + 0.0722 * b)';
export const SUPPORTS = '(color: color(from red srgb-linear calc(r * 0.5) g b))';
function fitLuminanceCss(source, { max, min }) {
  if (max !== undefined) {
    const k = `min(1, ${max} / ${Y})`;
    return `color(from ${source} srgb-linear calc(r * ${k}) calc(g * ${k}) calc(b * ${k}))`;
  }
  const t = `max(0, (${min} - ${Y}) / (1 - ${Y}))`;
  return `color(from ${source} srgb-linear calc(r + (1 - r) * ${t}) calc(g + (1 - g) * ${t}) calc(b + (1 - b) * ${t}))`;
}
function onColorCss(source) {
  const v = `clamp(0, (${ON_COLOR_THRESHOLD} - ${Y}) * 1000000, 1)`;
  return `color(from ${source} srgb-linear ${v} ${v} ${v})`;
}
const mixCss = (a, b, amount) => `color-mix(in oklab, ${a} ${+(amount * 100).toFixed(2)}%, ${b})`;

// ---------- reading the DTCG files ----------
const readJson = (file) => JSON.parse(readFileSync(path.join(tokensDir, file), 'utf8'));

/** Flattens a DTCG tree into [{ path, type, value, description, ext }], inheriting group $type. */
function flatten(node, prefix = [], inheritedType = undefined, out = []) {
  const type = node.$type ?? inheritedType;
  if ('$value' in node) {
    out.push({ path: prefix.join('.'), type, value: node.$value, description: node.$description, ext: node.$extensions?.[EXT] ?? {} });
    return out;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key.startsWith('$') || typeof child !== 'object' || child === null) continue;
    flatten(child, [...prefix, key], type, out);
  }
  return out;
}

const ALIAS = /^\{([^}]+)\}$/;
// The DTCG types the tokens use; `string` is ours, for keyword values DTCG has no type for (font-variant-numeric).
const DTCG_TYPES = ['color', 'dimension', 'fontFamily', 'fontWeight', 'number', 'duration', 'cubicBezier', 'string'];
const cssName = (tokenPath) => `--ioc-${tokenPath.replace(/\./g, '-')}`;

function cssLiteral(type, value) {
  if (type === 'fontFamily') return (Array.isArray(value) ? value : [value]).map((f) => (/\s/.test(f) ? `'${f}'` : f)).join(', ');
  if (type === 'cubicBezier') return `cubic-bezier(${value.join(', ')})`;
  return String(value);
}

function loadReference() {
  const reference = new Map(flatten(readJson('reference.tokens.json')).map((t) => [t.path, t]));
  for (const token of reference.values()) if (!DTCG_TYPES.includes(token.type)) throw new Error(`reference token ${token.path} has no known $type (${token.type ?? 'none'})`);
  const resolve = (value, seen = []) => {
    const m = typeof value === 'string' ? ALIAS.exec(value) : null;
    if (!m) return value;
    const target = reference.get(m[1]);
    if (!target) throw new Error(`unknown reference token {${m[1]}}`);
    if (seen.includes(m[1])) throw new Error(`alias cycle: ${[...seen, m[1]].join(' -> ')}`);
    return resolve(target.value, [...seen, m[1]]);
  };
  return { reference, resolve };
}

/** One theme's system tokens with their default values, base CSS and brand-following CSS. */
function buildTheme(name, { resolve }, problems) {
  const tokens = flatten(readJson(`system.${name}.tokens.json`));
  const byPath = new Map(tokens.map((t) => [t.path, t]));
  const done = new Map();
  const sysRef = (value) => {
    const m = typeof value === 'string' ? ALIAS.exec(value) : null;
    return m && m[1].startsWith('sys.') ? m[1] : undefined;
  };
  const compute = (tokenPath, stack = []) => {
    if (done.has(tokenPath)) return done.get(tokenPath);
    const token = byPath.get(tokenPath);
    if (!token) throw new Error(`theme ${name}: unknown system token {${tokenPath}}`);
    if (stack.includes(tokenPath)) throw new Error(`theme ${name}: alias cycle ${[...stack, tokenPath].join(' -> ')}`);
    const at = [...stack, tokenPath];
    const { ext, type } = token;
    const dep = (ref) => compute(ref.slice(1, -1), at);
    let value;
    let css;
    let brandCss;
    let brandDependent = false;
    let derive;
    const target = sysRef(token.value);
    if (target) {
      const inner = compute(target, at);
      value = inner.value;
      css = `var(${cssName(target)})`;
      brandDependent = inner.brandDependent;
    } else if (ext.brand === 'primary' || ext.brand === 'accent') {
      const literal = resolve(token.value);
      value = fitLuminance(literal, ext.luminance);
      if (value !== literal.toLowerCase()) problems.push(`theme ${name}: default of ${tokenPath} (${literal}) misses its own luminance target; it renders as ${value}`);
      css = value;
      brandCss = fitLuminanceCss(`var(--ioc-brand-${ext.brand}, ${literal})`, ext.luminance);
      brandDependent = true;
      derive = { kind: 'brand-color', brand: ext.brand, luminance: ext.luminance };
    } else if (ext.onColor) {
      const base = dep(ext.onColor);
      value = onColor(base.value);
      css = value;
      if (base.brandDependent) brandCss = onColorCss(`var(${cssName(ext.onColor.slice(1, -1))})`);
      brandDependent = base.brandDependent;
      derive = { kind: 'on-color', of: cssName(ext.onColor.slice(1, -1)).replace('--ioc-sys-', '') };
    } else if (ext.mix) {
      // Operands are system roles or reference literals (which never follow the brand).
      const operand = (ref) => (ref.startsWith('{ref.') ? { value: resolve(ref), brandDependent: false } : dep(ref));
      const [a, b] = ext.mix.map(operand);
      value = mixOklab(a.value, b.value, ext.amount);
      css = value;
      brandDependent = a.brandDependent || b.brandDependent;
      if (brandDependent) brandCss = mixCss(...ext.mix.map((ref) => (ref.startsWith('{ref.') ? resolve(ref) : `var(${cssName(ref.slice(1, -1))})`)), ext.amount);
      derive = { kind: 'mix', of: ext.mix.map((ref) => (ref.startsWith('{ref.') ? resolve(ref) : cssName(ref.slice(1, -1)).replace('--ioc-sys-', ''))), amount: ext.amount };
    } else {
      const literal = resolve(token.value);
      value = cssLiteral(type, literal);
      if (ext.brand === 'font') {
        const first = Array.isArray(literal) ? literal[0] : literal;
        css = `var(--ioc-brand-font, ${cssLiteral(type, [first])}), ${value}`;
        derive = { kind: 'brand-font' };
      } else if (ext.brand === 'radius') {
        css = `var(--ioc-brand-radius, ${value})`;
        derive = { kind: 'brand-radius' };
      } else if (ext.brand === 'density') {
        css = `calc(${value} * var(--ioc-brand-density, 1))`;
        derive = { kind: 'brand-density' };
      } else {
        css = value;
      }
    }
    if (type === 'color' && !/^#[0-9a-f]{6}$/.test(String(value))) value = String(value).toLowerCase();
    if ((ext.onColor || ext.mix) && resolve(token.value) !== value && !sysRef(token.value)) {
      problems.push({ fix: { theme: name, path: tokenPath, value }, message: `theme ${name}: ${tokenPath} $value ${token.value} should be ${value}` });
    }
    const entry = {
      name: cssName(tokenPath).replace('--ioc-sys-', ''),
      type: type ?? 'string',
      value: String(value),
      css,
      ...(brandCss ? { brandCss } : {}),
      ...(derive ? { derive } : {}),
      ...(ext.forcedColor ? { forcedColor: ext.forcedColor } : {}),
      ...(token.description ? { description: token.description } : {}),
      brandDependent,
    };
    done.set(tokenPath, entry);
    return entry;
  };
  for (const token of tokens) {
    if (!DTCG_TYPES.includes(token.type)) problems.push(`theme ${name}: ${token.path} has no known $type (${token.type ?? 'none'})`);
    if (!token.path.startsWith('sys.')) problems.push(`theme ${name}: ${token.path} is outside the sys group`);
    else compute(token.path);
  }
  return tokens.filter((t) => t.path.startsWith('sys.')).map((t) => done.get(t.path));
}

function loadComponents({ resolve }) {
  const json = readJson('component.tokens.json');
  const hooks = [];
  for (const [component, group] of Object.entries(json)) {
    if (component.startsWith('$')) continue;
    for (const token of flatten(group, [component])) {
      const m = typeof token.value === 'string' ? ALIAS.exec(token.value) : null;
      const fallback = m ? (m[1].startsWith('sys.') ? `var(${cssName(m[1])})` : cssLiteral(token.type, resolve(token.value))) : cssLiteral(token.type, token.value);
      hooks.push({ name: `--ioc-${token.path.replace(/\./g, '-')}`, component, type: token.type ?? 'string', default: fallback, description: token.description ?? '' });
    }
  }
  return hooks;
}

// ---------- the stylesheet ----------
const selectorsOf = (name) => [`[data-ioc-theme="${name}"]`, `.ioc-theme-${name}`, `ioc-provider[theme="${name}"]`];
// Auto is light unless a media block below says otherwise.
const selectorFor = (name) => `:where(${[...(name === 'light' ? [':root'] : []), ...selectorsOf(name), ...(name === 'light' ? selectorsOf('auto') : [])].join(', ')})`;
const AUTO = `:where(${selectorsOf('auto').join(', ')})`;
// Exactly the elements some theme rule matches (an unknown data-ioc-theme value stays unthemed).
const EVERY_THEME = `:where(:root, ${[...THEME_ORDER, 'auto'].flatMap(selectorsOf).join(', ')})`;
const ANY_THEME = `:where(:root, [data-ioc-theme], ${THEME_ORDER.map((n) => `.ioc-theme-${n}`).join(', ')}, .ioc-theme-auto, ioc-provider[theme])`;
const COLOR_SCHEME = { light: 'light', dark: 'dark', wall: 'dark', 'high-contrast': 'light' };

export const declarationsOf = (entries) => entries.map((e) => `  --ioc-sys-${e.name}: ${e.css};`).join('\n');
const brandDeclarationsOf = (entries) =>
  entries.filter((e) => e.brandCss).map((e) => `    --ioc-sys-${e.name}: ${e.brandCss};`).join('\n');

const indentBy = (text, indent) => (indent ? text.split('\n').map((line) => indent + line).join('\n') : text);

/**
 * One rule of plain declarations and its brand-following twin inside `@supports`, for the given
 * roles (`[name, { css, brandCss }]`, `color-scheme` included as a role). Empty parts are left out.
 */
function rulesFor(selector, roles, indent = '') {
  const plain = roles.filter(([, role]) => role.css !== undefined).map(([name, role]) => `  ${name}: ${role.css};`);
  const brand = roles.filter(([, role]) => role.brandCss).map(([name, role]) => `    ${name}: ${role.brandCss};`);
  const parts = [];
  if (plain.length) parts.push(`${selector} {\n${plain.join('\n')}\n}`);
  if (brand.length) parts.push(`@supports ${SUPPORTS} {\n  ${selector} {\n${brand.join('\n')}\n  }\n}`);
  return indentBy(parts.join('\n'), indent);
}

/** Each theme's roles as `[property, { css, brandCss }]`, colour-scheme last. */
function rolesOf(themes) {
  return Object.fromEntries(
    THEME_ORDER.map((name) => [
      name,
      [
        ...themes[name].map((e) => [`--ioc-sys-${e.name}`, { css: e.css, brandCss: e.brandCss }]),
        ['color-scheme', { css: COLOR_SCHEME[name] }],
      ],
    ]),
  );
}
const sameRole = (a, b) => a !== undefined && b !== undefined && a.css === b.css && a.brandCss === b.brandCss;
function forcedColorsRule(entries) {
  const lines = entries.filter((e) => e.forcedColor).map((e) => `    --ioc-sys-${e.name}: ${e.forcedColor};`);
  for (let i = 1; i <= 8; i++) lines.push(`    --ioc-sys-color-chart-${i}: ${i === 1 ? 'LinkText' : 'CanvasText'};`);
  return `@media (forced-colors: active) {\n  ${ANY_THEME} {\n${lines.join('\n')}\n  }\n}`;
}

// The same cascade as one full rule per theme (and full copies of light, dark and high-contrast
// for auto), in far fewer bytes: a role every theme declares alike (plain and brand-following
// value) is written once for every theme selector; auto shares light's rule, and its media
// blocks only re-declare what differs. Every rule has zero specificity, so only order matters:
// a role's brand declaration always comes after its plain one, and later blocks declare the
// whole role (both parts) they change.
function stylesheet(themes) {
  const roles = rolesOf(themes);
  const byName = Object.fromEntries(THEME_ORDER.map((name) => [name, new Map(roles[name])]));
  const shared = roles.light.filter(([property, role]) => THEME_ORDER.every((name) => sameRole(byName[name].get(property), role)));
  const sharedNames = new Set(shared.map(([property]) => property));
  const own = (name) => roles[name].filter(([property]) => !sharedNames.has(property));
  // Brand-following values every theme writes alike (the ramp, on-colours): one rule after all
  // themes' plain values, so it still comes after each theme's plain declaration of the role.
  const brandShared = own('light').filter(([property, role]) => role.brandCss && THEME_ORDER.every((name) => byName[name].get(property)?.brandCss === role.brandCss));
  const brandSharedNames = new Set(brandShared.map(([property]) => property));
  const ownPlain = (name) => own(name).map(([property, role]) => [property, brandSharedNames.has(property) ? { css: role.css } : role]);
  const differing = (name, ...from) => own(name).filter(([property, role]) => from.some((other) => !sameRole(byName[other].get(property), role)));
  const parts = [
    '/* ioc-kit themes, generated by scripts/build-tokens.mjs from packages/themes/tokens/*.tokens.json: do not edit. */',
    '/* Light is the default at zero specificity, so any rule of the page wins; data-ioc-theme="<name>", class ioc-theme-<name> or <ioc-provider theme="<name>"> switch a subtree; "auto" follows the reader\'s settings. */',
    '/* What every theme declares alike. */',
    rulesFor(EVERY_THEME, shared),
    ...THEME_ORDER.map((name) => rulesFor(selectorFor(name), ownPlain(name))),
    rulesFor(EVERY_THEME, brandShared.map(([property, role]) => [property, { brandCss: role.brandCss }])),
    '/* data-ioc-theme="auto" is light (above) unless the reader asks for dark or more contrast. */',
    `@media (prefers-color-scheme: dark) {\n${rulesFor(AUTO, differing('dark', 'light'), '  ')}\n}`,
    `@media (prefers-contrast: more) {\n${rulesFor(AUTO, differing('high-contrast', 'light', 'dark'), '  ')}\n}`,
    '/* Readers who ask for less motion get none from any widget that animates with the motion tokens. */',
    `@media (prefers-reduced-motion: reduce) {\n  ${ANY_THEME} {\n    --ioc-sys-motion-duration: 0ms;\n  }\n}`,
    '/* Windows High Contrast and other forced-colour modes: every role becomes a system colour. */',
    forcedColorsRule(themes['high-contrast']),
  ];
  return parts.join('\n') + '\n';
}

/**
 * The stylesheet without comments, indentation, line breaks or optional spaces: what the widgets
 * embed and adopt. Only this generator's own output goes through it (no strings or urls in values
 * to protect), so plain line rules are enough.
 */
export function compactCss(css) {
  return css
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('/*'))
    .map((line) => (line.endsWith('{') ? line.replace(/,\s+/g, ',').replace(/\s*\{$/, '{') : line.replace(/^([\w-]+): /, '$1:')))
    .join('');
}

// ---------- the TypeScript module ----------
function typescript({ themes, reference, hooks, css }) {
  const lines = (items) => `[\n${items.map((item) => `  ${JSON.stringify(item)},`).join('\n')}\n]`;
  const perTheme = (fn) => `{\n${THEME_ORDER.map((n) => `  ${JSON.stringify(n)}: ${fn(n)},`).join('\n')}\n}`;
  const meta = (entry) => Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'brandDependent' && key !== 'brandCss'));
  return `// Generated by scripts/build-tokens.mjs from packages/themes/tokens/*.tokens.json: do not edit.
// Run \`node scripts/build-tokens.mjs\` after changing a token; \`npm test\` fails while this file is stale.

export const THEME_NAMES = ${JSON.stringify(THEME_ORDER)} as const;

/** A built-in theme. */
export type ThemeName = (typeof THEME_NAMES)[number];

/** How a system token follows the brand tokens or other roles. */
export type Derivation =
  | { readonly kind: 'brand-color'; readonly brand: 'primary' | 'accent'; readonly luminance: { readonly max?: number; readonly min?: number } }
  | { readonly kind: 'on-color'; readonly of: string }
  | { readonly kind: 'mix'; readonly of: readonly string[]; readonly amount: number }
  | { readonly kind: 'brand-font' }
  | { readonly kind: 'brand-radius' }
  | { readonly kind: 'brand-density' };

/** One system role of one theme: \`--ioc-sys-<name>\`. */
export interface SystemToken {
  /** The name after \`--ioc-sys-\`, e.g. \`color-primary\`. */
  readonly name: string;
  /** DTCG type: color, dimension, fontFamily, fontWeight, number, duration, cubicBezier, string. */
  readonly type: string;
  /** The value with no brand tokens set (colours as #rrggbb). */
  readonly value: string;
  /** The declaration's value in the stylesheet outside \`@supports\` (may read other roles and --ioc-brand-*). */
  readonly css: string;
  readonly derive?: Derivation;
  /** The system colour used under \`forced-colors: active\`. */
  readonly forcedColor?: string;
  readonly description?: string;
}

/** A component hook: \`--ioc-<component>-<prop>\`, unset by default, read with its default as fallback. */
export interface ComponentHook {
  readonly name: string;
  readonly component: string;
  readonly type: string;
  /** What the component uses when the hook is unset (usually a system role). */
  readonly default: string;
  readonly description: string;
}

/** One of the five brand tokens an agency sets. */
export interface BrandToken {
  readonly name: string;
  readonly type: string;
  readonly example: string;
  readonly description: string;
}

export const BRAND_TOKENS: readonly BrandToken[] = ${lines(BRAND_TOKENS)};

/** Every system role, named after \`--ioc-sys-\`. */
export type SystemRole =
${themes.light.map((e) => `  | ${JSON.stringify(e.name)}`).join('\n')};

/** One theme's roles: typed for the known names, readable by any string. */
export type ThemeValues = Readonly<Record<SystemRole, string>> & Readonly<Record<string, string>>;

/** Every role of every built-in theme with no brand set: name after \`--ioc-sys-\` -> value. */
export const THEME_VALUES: Readonly<Record<ThemeName, ThemeValues>> = ${perTheme((n) => JSON.stringify(Object.fromEntries(themes[n].map((e) => [e.name, e.value]))))};

/** Each theme as plain declarations (\`--ioc-sys-<name>: <value>;\`), brand fonts, radius and density included, brand colours not. */
export const THEME_DECLARATIONS: Readonly<Record<ThemeName, string>> = ${perTheme((n) => JSON.stringify(declarationsOf(themes[n]).replace(/^ {2}/gm, '') + `\ncolor-scheme: ${COLOR_SCHEME[n]};`))};

/** The brand-following declarations of each theme, applied inside \`@supports ${SUPPORTS}\`. */
export const THEME_BRAND_DECLARATIONS: Readonly<Record<ThemeName, string>> = ${perTheme((n) => JSON.stringify(brandDeclarationsOf(themes[n]).replace(/^ {4}/gm, '')))};

/** Feature query guarding the brand-following declarations. */
export const BRAND_SUPPORTS = ${JSON.stringify(SUPPORTS)};

/** The whole theme stylesheet, compacted (css/ioc-themes.css is the same cascade, commented and indented). */
export const THEME_CSS = ${JSON.stringify(compactCss(css))};

/** System tier per theme, in declaration order, with how each role is derived. */
export const SYSTEM_TOKENS: Readonly<Record<ThemeName, readonly SystemToken[]>> = ${perTheme((n) => lines(themes[n].map(meta)).replace(/\n/g, '\n  '))};

/** Component tier: every hook with its default. */
export const COMPONENT_HOOKS: readonly ComponentHook[] = ${lines(hooks)};

/** Reference tier, flattened: \`color.blue.600\` -> value. Build-time only (not in the stylesheet). */
export const REFERENCE_TOKENS: Readonly<Record<string, string>> = ${JSON.stringify(Object.fromEntries([...reference.values()].map((t) => [t.path.replace(/^ref\./, ''), cssLiteral(t.type, t.value)])), null, 1)};
`;
}

/** Builds every generated file from the JSON; returns { files: { relativePath: text }, problems }. */
export function buildTokens() {
  const problems = [];
  const ref = loadReference();
  const themes = Object.fromEntries(THEME_ORDER.map((name) => [name, buildTheme(name, ref, problems)]));
  const names = themes.light.map((e) => e.name).join();
  for (const name of THEME_ORDER) {
    if (themes[name].map((e) => e.name).join() !== names) problems.push(`theme ${name} does not define the same roles, in the same order, as light`);
  }
  const hooks = loadComponents(ref);
  const css = stylesheet(themes);
  const files = { [GENERATED.ts]: typescript({ themes, reference: ref.reference, hooks, css }), [GENERATED.css]: css };
  return { files, problems, themes, hooks };
}

/** The generated files that differ from what is on disk (empty when current). */
export function staleFiles() {
  const { files } = buildTokens();
  return Object.entries(files)
    .filter(([file, text]) => !existsSync(path.join(root, file)) || readFileSync(path.join(root, file), 'utf8') !== text)
    .map(([file]) => file);
}

function fixJson(problems) {
  const byTheme = new Map();
  for (const p of problems) if (p.fix) byTheme.set(p.fix.theme, [...(byTheme.get(p.fix.theme) ?? []), p.fix]);
  for (const [theme, fixes] of byTheme) {
    const file = path.join(tokensDir, `system.${theme}.tokens.json`);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    for (const { path: tokenPath, value } of fixes) {
      let node = json;
      for (const key of tokenPath.split('.')) node = node[key];
      node.$value = value;
    }
    writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const mode = process.argv[2];
  let { files, problems } = buildTokens();
  if (mode === '--fix' && problems.some((p) => p.fix)) {
    fixJson(problems);
    ({ files, problems } = buildTokens());
  }
  const messages = problems.map((p) => (typeof p === 'string' ? p : p.message));
  if (messages.length) {
    console.error(`✖ tokens have problems:\n  ${messages.join('\n  ')}${problems.some((p) => p.fix) ? '\n  (node scripts/build-tokens.mjs --fix rewrites derived $values)' : ''}`);
    process.exit(1);
  }
  if (mode === '--check') {
    const stale = staleFiles();
    if (stale.length) {
      console.error(`✖ generated token files are stale: ${stale.join(', ')}\n  run: node scripts/build-tokens.mjs`);
      process.exit(1);
    }
    console.log('✔ generated token files are current');
  } else {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
      console.log(`wrote ${file}`);
    }
  }
}
