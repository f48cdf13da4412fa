// Keeps the generated parts of docs/theming.md in step with the code: the brand tokens, every
// system role of every theme, and every component hook (declared in
// packages/themes/tokens/component.tokens.json or read by a widget's or chart's source).
//
//   node scripts/theming-doc.mjs           rewrite the parts between <!-- generated:NAME --> markers
//   node scripts/theming-doc.mjs --check   exit 1 if the doc is out of date (npm test)
//   node scripts/theming-doc.mjs --reads   print every --ioc-* name the widget and chart sources read
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BRAND_TOKENS, THEME_ORDER, buildTokens } from './build-tokens.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const DOC = 'docs/theming.md';
const SOURCES = ['packages/widgets/src', 'packages/charts/src'];

function sourceFiles() {
  return SOURCES.flatMap((dir) => {
    const full = path.join(root, dir);
    if (!existsSync(full)) return [];
    return readdirSync(full, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts') && !file.includes('test-helpers'))
      .map((file) => path.join(dir, file))
      .sort();
  });
}

/** The argument of a var() starting at `open` (index of the "("), with balanced parentheses. */
function varArguments(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/**
 * Every `--ioc-*` custom property the widget and chart sources read: through `var(--ioc-x[, fallback])`
 * or as a string literal (e.g. getPropertyValue('--ioc-x')). Names built at run time
 * (`--ioc-sys-color-${token}`) are skipped: the catalogue's band tokens are checked on their own.
 * Returns [{ name, kind: 'sys'|'brand'|'hook', viaVar, intoPrivate, fallback, files, description }].
 */
export function scanTokenReads() {
  const reads = new Map();
  const note = (name, file, fallback, viaVar, intoPrivate = false) => {
    const entry = reads.get(name) ?? { name, kind: name.startsWith('--ioc-sys-') ? 'sys' : name.startsWith('--ioc-brand-') ? 'brand' : 'hook', viaVar: false, intoPrivate: true, fallback: undefined, files: [], description: undefined };
    entry.viaVar ||= viaVar;
    // A hook may be read bare into a private property (--_x: var(--ioc-hook)) whose own var() has the fallback.
    if (viaVar && fallback === undefined) entry.intoPrivate &&= intoPrivate;
    if (!entry.files.includes(file)) entry.files.push(file);
    if (fallback !== undefined && entry.fallback === undefined) entry.fallback = fallback;
    reads.set(name, entry);
  };
  const descriptions = new Map();
  for (const file of sourceFiles()) {
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const m of text.matchAll(/@cssproperty\s+(--ioc-[a-z0-9-]+)\s*-?\s*([^\n]*)/g)) descriptions.set(m[1], m[2].replace(/\s*\*\/\s*$/, '').trim());
    for (const m of text.matchAll(/var\(\s*(--ioc-[a-z0-9-]+)(?!\$\{|[a-z0-9-])/g)) {
      const args = varArguments(text, m.index + 3);
      const comma = args.indexOf(',');
      const intoPrivate = /--_[a-z0-9-]+\s*:\s*$/.test(text.slice(Math.max(0, m.index - 80), m.index));
      note(m[1], file, comma >= 0 ? args.slice(comma + 1).trim() : undefined, true, intoPrivate);
    }
    for (const m of text.matchAll(/['"`](--ioc-[a-z0-9-]+)['"`]/g)) note(m[1], file, undefined, false);
  }
  for (const [name, description] of descriptions) {
    const entry = reads.get(name);
    if (entry) entry.description = description;
  }
  return [...reads.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text) => (text ? `\`${String(text).replace(/`/g, '')}\`` : '');

function brandTable() {
  return [
    '| Token | Type | Example | What follows it |',
    '|---|---|---|---|',
    ...BRAND_TOKENS.map((t) => `| \`${t.name}\` | ${t.type} | ${code(t.example)} | ${cell(t.description)} |`),
  ].join('\n');
}

function rolesTable(themes) {
  const follows = (entry) => {
    const d = entry.derive;
    if (!d) return entry.css.startsWith('var(--ioc-sys-') ? `= ${code(entry.css.slice(4, -1))}` : '';
    if (d.kind === 'brand-color') return `\`--ioc-brand-${d.brand}\`, luminance ${d.luminance.max !== undefined ? `≤ ${d.luminance.max}` : `≥ ${d.luminance.min}`}`;
    if (d.kind === 'on-color') return `black or white on \`--ioc-sys-${d.of}\``;
    if (d.kind === 'mix') return `${Math.round(d.amount * 100)} % ${d.of.map((x) => (x.startsWith('#') ? "the theme's neutral" : code(`--ioc-sys-${x}`))).join(' in ')} (OKLab)`;
    return `\`--ioc-brand-${d.kind.replace('brand-', '')}\``;
  };
  const rows = themes.light.map((entry, i) => {
    const values = THEME_ORDER.map((name) => {
      const value = themes[name][i].value;
      return value.length > 28 ? code(`${value.slice(0, 26)}…`) : code(value);
    });
    return `| \`--ioc-sys-${entry.name}\` | ${values.join(' | ')} | ${follows(entry)} |`;
  });
  return [`| Role | ${THEME_ORDER.join(' | ')} | Follows |`, `|---|${THEME_ORDER.map(() => '---').join('|')}|---|`, ...rows].join('\n');
}

/** Hooks declared in the component tier, merged with the hooks the sources read. */
export function componentHooks() {
  const { hooks } = buildTokens();
  const reads = scanTokenReads().filter((r) => r.kind === 'hook');
  const byName = new Map(hooks.map((h) => [h.name, { ...h, files: [] }]));
  // What the code does wins over what the component tier declares: its fallback, else the
  // "Defaults to `--ioc-sys-x`" of its @cssproperty line.
  const defaultInCode = (read) => {
    if (read.fallback) return read.fallback;
    const documented = /Defaults to `?(--ioc-sys-[a-z0-9-]+)`?/.exec(read.description ?? '')?.[1];
    return documented ? `var(${documented})` : undefined;
  };
  for (const read of reads) {
    const known = byName.get(read.name);
    const fromCode = defaultInCode(read);
    if (known) {
      known.files = read.files;
      if (fromCode) known.default = fromCode;
      if (read.description) known.description = read.description;
    } else {
      const component = SOURCES.map((dir) => read.files[0]?.startsWith(dir) && read.files[0].slice(dir.length + 1).split(path.sep)[0]).find(Boolean) ?? '';
      byName.set(read.name, { name: read.name, component, type: '', default: fromCode ?? '—', description: read.description ?? '', files: read.files });
    }
  }
  return [...byName.values()].sort((a, b) => a.component.localeCompare(b.component) || a.name.localeCompare(b.name));
}

function hooksTable() {
  const hooks = componentHooks();
  return [
    '| Hook | Default | What it styles | Read by |',
    '|---|---|---|---|',
    ...hooks.map((h) => `| \`${h.name}\` | ${code(h.default)} | ${cell(h.description)} | ${h.files.length ? h.files.map((f) => code(path.basename(f))).join(', ') : '(reserved for the widget)'} |`),
  ].join('\n');
}

/** The doc as it should be: every generated section rewritten. */
export function renderDoc(current) {
  const { themes } = buildTokens();
  const sections = { 'brand-tokens': brandTable(), 'system-roles': rolesTable(themes), 'component-hooks': hooksTable() };
  let text = current;
  for (const [name, body] of Object.entries(sections)) {
    const start = `<!-- generated:${name} -->`;
    const end = `<!-- /generated:${name} -->`;
    const [from, to] = [text.indexOf(start), text.indexOf(end)];
    if (from < 0 || to < from) throw new Error(`${DOC} lacks the markers ${start} ... ${end}`);
    text = `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
  }
  return text;
}

/** True when docs/theming.md already holds what renderDoc() would write. */
export function docIsCurrent() {
  const current = readFileSync(path.join(root, DOC), 'utf8');
  return renderDoc(current) === current;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const mode = process.argv[2];
  if (mode === '--reads') {
    for (const read of scanTokenReads()) console.log(`${read.kind.padEnd(5)} ${read.name}${read.fallback ? ` (fallback ${read.fallback})` : ''}  ${read.files.join(', ')}`);
  } else if (mode === '--check') {
    if (!docIsCurrent()) {
      console.error(`✖ ${DOC} is out of date: run node scripts/theming-doc.mjs`);
      process.exit(1);
    }
    console.log(`✔ ${DOC} is current`);
  } else {
    const file = path.join(root, DOC);
    writeFileSync(file, renderDoc(readFileSync(file, 'utf8')));
    console.log(`wrote ${DOC}`);
  }
}
