/**
 * A small, safe subset of JSONPath for field mappings: `data.items[*].value`,
 * `$.results[0].ts`, `$['odd key'][-1]`. Only own properties are read, so a hostile payload
 * cannot reach prototypes; nothing is evaluated.
 */
import { ConfigError } from '../../contract/errors.js';

export type PathSegment = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'all' };

export interface CompiledPath {
  readonly source: string;
  readonly segments: readonly PathSegment[];
  /** True when the path can match several values (`[*]`). */
  readonly multiple: boolean;
}

const cache = new Map<string, CompiledPath>();

/** Compiles a path, throwing a `ConfigError` that points at the mistake. */
export function compilePath(source: string): CompiledPath {
  const known = cache.get(source);
  if (known) return known;
  const segments: PathSegment[] = [];
  let i = 0;
  const text = source.trim();
  if (text.startsWith('$')) i = 1;
  const fail = (why: string): never => {
    throw new ConfigError(`Field path "${source}" is not valid at character ${i + 1}: ${why}. Write paths like data.items[*].value or $.results[0].ts.`);
  };
  while (i < text.length) {
    const char = text[i];
    if (char === '.') {
      i++;
      if (text[i] === '.') fail('recursive descent (..) is not supported');
      continue;
    }
    if (char === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) fail('a "[" is not closed');
      const inside = text.slice(i + 1, close).trim();
      if (inside === '*') segments.push({ kind: 'all' });
      else if (/^-?\d+$/.test(inside)) segments.push({ kind: 'index', index: Number(inside) });
      else if (/^'[^']*'$|^"[^"]*"$/.test(inside)) segments.push({ kind: 'key', key: inside.slice(1, -1) });
      else fail(`"[${inside}]" is not [*], [number] or ['name']`);
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < text.length && text[end] !== '.' && text[end] !== '[') end++;
    const key = text.slice(i, end);
    if (key === '*') segments.push({ kind: 'all' });
    else segments.push({ kind: 'key', key });
    i = end;
  }
  const compiled: CompiledPath = { source, segments, multiple: segments.some((segment) => segment.kind === 'all') };
  if (cache.size > 500) cache.clear();
  cache.set(source, compiled);
  return compiled;
}

/** All values a path reaches (in document order); missing steps reach nothing. */
export function selectAll(root: unknown, path: CompiledPath | string): unknown[] {
  const compiled = typeof path === 'string' ? compilePath(path) : path;
  let current: unknown[] = [root];
  for (const segment of compiled.segments) {
    const next: unknown[] = [];
    for (const value of current) {
      if (segment.kind === 'key') {
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, segment.key)) {
          next.push((value as Record<string, unknown>)[segment.key]);
        }
      } else if (segment.kind === 'index') {
        if (Array.isArray(value)) {
          const index = segment.index < 0 ? value.length + segment.index : segment.index;
          if (index >= 0 && index < value.length) next.push(value[index]);
        }
      } else if (Array.isArray(value)) next.push(...(value as unknown[]));
      else if (value !== null && typeof value === 'object') next.push(...(Object.values(value) as unknown[]));
    }
    current = next;
  }
  return current;
}

/** The first value a path reaches, or undefined. */
export function selectOne(root: unknown, path: CompiledPath | string): unknown {
  return selectAll(root, path)[0];
}
