/**
 * SensorThings query options (`$filter`, `$expand` — nested, with `;`-separated options —
 * `$orderby`, `$top`, `$skip`, `$count`, `$select`, `$resultFormat`) and paging through
 * `@iot.nextLink`.
 */
import { ValidationError, throwIfAborted } from '../../contract/errors.js';

/** Options of one entity set request. Inside `$expand` the same options apply to the navigation property. */
export interface StaQueryOptions {
  filter?: string;
  /** Navigation properties to expand: a raw string, or names mapped to their own options (`true` = none). */
  expand?: string | Readonly<Record<string, StaQueryOptions | true>>;
  orderby?: string;
  top?: number;
  skip?: number;
  count?: boolean;
  select?: readonly string[];
  resultFormat?: 'dataArray';
}

/** A text literal for `$filter`: single quotes doubled, so a hostile name cannot change the filter. */
export function staString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A date-time literal for `$filter` (STA 1.1 takes ISO 8601 unquoted). */
export function staTime(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new ValidationError('time', 'a $filter time must be a finite date');
  return new Date(epochMs).toISOString();
}

function optionParts(options: StaQueryOptions): string[] {
  const parts: string[] = [];
  if (options.select?.length) parts.push(`$select=${options.select.join(',')}`);
  if (options.filter) parts.push(`$filter=${options.filter}`);
  if (options.expand) parts.push(`$expand=${expandText(options.expand)}`);
  if (options.orderby) parts.push(`$orderby=${options.orderby}`);
  if (options.top !== undefined) parts.push(`$top=${Math.max(0, Math.floor(options.top))}`);
  if (options.skip !== undefined) parts.push(`$skip=${Math.max(0, Math.floor(options.skip))}`);
  if (options.count !== undefined) parts.push(`$count=${options.count ? 'true' : 'false'}`);
  if (options.resultFormat) parts.push(`$resultFormat=${options.resultFormat}`);
  return parts;
}

/** `$expand` text: `Datastreams($select=id;$expand=Observations($top=1;$orderby=phenomenonTime desc))`. */
export function expandText(expand: NonNullable<StaQueryOptions['expand']>): string {
  if (typeof expand === 'string') return expand;
  return Object.entries(expand)
    .map(([name, options]) => {
      const inner = options === true ? [] : optionParts(options);
      return inner.length > 0 ? `${name}(${inner.join(';')})` : name;
    })
    .join(',');
}

/**
 * The query string for a request (with its leading `?`, or empty). Each option's value is
 * percent-encoded once as a whole; the `$` of option names stays readable.
 */
export function staQueryString(options: StaQueryOptions): string {
  const parts = optionParts(options).map((part) => {
    const equals = part.indexOf('=');
    return `${part.slice(0, equals)}=${encodeURIComponent(part.slice(equals + 1))}`;
  });
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Joins the service root (`https://host/FROST-Server/v1.1`) and a resource path (`Datastreams(4)/Observations`). */
export function staUrl(root: string, path: string, options: StaQueryOptions = {}): string {
  return `${root.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}${staQueryString(options)}`;
}

/**
 * Resolves an `@iot.nextLink` against the page it came from. Relative links (`/FROST-Server/…`,
 * `Observations?$skip=4`) resolve as in a browser; percent-encoded links are kept as they are
 * (never encoded twice). A link to another origin is rebased onto the service's origin:
 * servers behind a proxy often advertise their internal host name (`http://localhost:8080/…`),
 * and credentials must never follow a link to a host the portal did not configure.
 */
export function resolveNextLink(link: string, pageUrl: string, serviceRoot: string): string {
  let next: URL;
  try {
    next = new URL(link, pageUrl);
  } catch {
    throw new ValidationError('@iot.nextLink', `"${link.slice(0, 80)}" is not a link`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new ValidationError('@iot.nextLink', `"${link.slice(0, 80)}" is not an http(s) link`);
  const root = new URL(serviceRoot, pageUrl);
  if (next.origin !== root.origin) return `${root.origin}${next.pathname}${next.search}`;
  return next.href;
}

export type JsonGetter = (url: string, signal?: AbortSignal) => Promise<unknown>;

/** One page as a reader returns it. */
export interface StaPage<T> {
  items: T[];
  count?: number;
  nextLink?: string;
  quirks: string[];
}

export interface PagingOptions<T> {
  /** The most pages read; when more remain the result is `partial`. Default 20. */
  maxPages?: number;
  signal?: AbortSignal;
  /** Reads one page into items. */
  read: (body: unknown, path: string) => StaPage<T>;
}

export interface PagedResult<T> {
  items: T[];
  count?: number;
  /** More pages existed than were read (page cap), or the server sent a link loop. */
  partial: boolean;
  pages: number;
  quirks: string[];
}

/** Reads an entity set (or dataArray pages) and follows `@iot.nextLink` up to `maxPages`. */
export async function readAllPages<T>(firstUrl: string, serviceRoot: string, get: JsonGetter, options: PagingOptions<T>): Promise<PagedResult<T>> {
  const maxPages = Math.max(1, options.maxPages ?? 20);
  const read = options.read;
  const items: T[] = [];
  const quirks: string[] = [];
  const visited = new Set<string>();
  let url: string | undefined = firstUrl;
  let pages = 0;
  let count: number | undefined;
  let partial = false;
  while (url !== undefined) {
    if (pages >= maxPages || visited.has(url)) {
      partial = true;
      break;
    }
    visited.add(url);
    throwIfAborted(options.signal);
    const body = await get(url, options.signal);
    const page = read(body, pages === 0 ? '(body)' : `(page ${pages + 1})`);
    pages++;
    for (const item of page.items) items.push(item);
    quirks.push(...page.quirks);
    if (count === undefined && page.count !== undefined) count = page.count;
    url = page.nextLink === undefined ? undefined : resolveNextLink(page.nextLink, url, serviceRoot);
  }
  return { items, partial, pages, quirks, ...(count !== undefined ? { count } : {}) };
}
