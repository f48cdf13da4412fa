/**
 * NGSI-LD response and request headers: `Content-Range` of temporal 206 pages in every dialect
 * brokers write, the JSON-LD `Link` header carrying the @context, and paging headers.
 */
import { ValidationError } from '../../contract/errors.js';
import { parseInstant } from '../../internal/http-values.js';

export const JSON_LD_CONTEXT_REL = 'http://www.w3.org/ns/json-ld#context';

export interface ContentRange {
  /** `date-time` for the temporal API. */
  unit: string;
  /** Epoch ms of the range's first and second timestamps, as written (with lastN the first is the newer). */
  first: number;
  second: number;
  /** Earlier and later of the two. */
  from: number;
  to: number;
  /** The size part: lastN, or undefined for `*`. */
  size?: number;
}

/**
 * Parses `Content-Range: date-time <start>-<end>/<size>`. Handles ISO_INSTANT with `Z` (Stellio,
 * `2019-01-01T00:00:00Z-2021-01-01T00:00:00Z/*`), Mintaka's zone-less Java LocalDateTime with
 * seconds dropped (`2021-09-16T11:00-2021-09-16T10:22:39.650/3`, start later than end under
 * lastN), offsets, and a size of `*`. Zone-less times are UTC. Returns undefined when absent.
 */
export function parseContentRange(header: string | undefined | null): ContentRange | undefined {
  if (!header) return undefined;
  const text = header.trim();
  // The second timestamp starts at the "-" followed by a full date; offsets like "-03:00" cannot match \d{4}-\d{2}-\d{2}.
  const match = /^([A-Za-z-]+)\s+(.+?)-(\d{4}-\d{2}-\d{2}(?:[T ][^/]*)?)\/(\*|\d+)$/.exec(text);
  if (!match) throw new ValidationError('Content-Range', `could not read "${text.slice(0, 80)}"; expected "date-time <start>-<end>/<size>".`);
  const [, unit = '', firstText = '', secondText = '', sizeText = '*'] = match;
  const first = parseInstant(firstText, 'Content-Range (start)');
  const second = parseInstant(secondText, 'Content-Range (end)');
  if (first === null || second === null) throw new ValidationError('Content-Range', `could not read "${text.slice(0, 80)}".`);
  const range: ContentRange = { unit, first, second, from: Math.min(first, second), to: Math.max(first, second) };
  if (sizeText !== '*') range.size = Number(sizeText);
  return range;
}

/** Formats the Link header that tells a broker which @context to use for a JSON request. */
export function contextLink(contextUrl: string): string {
  return `<${contextUrl}>; rel="${JSON_LD_CONTEXT_REL}"; type="application/ld+json"`;
}

export interface LinkValue {
  url: string;
  params: Record<string, string>;
}

/** Parses an RFC 8288 Link header into its links. */
export function parseLinkHeader(header: string | undefined | null): LinkValue[] {
  if (!header) return [];
  const links: LinkValue[] = [];
  const pattern = /<([^>]*)>((?:\s*;\s*[^;,=\s]+(?:\s*=\s*(?:"[^"]*"|[^;,]*))?)*)/g;
  for (const match of header.matchAll(pattern)) {
    const params: Record<string, string> = {};
    for (const param of (match[2] ?? '').matchAll(/;\s*([^;,=\s]+)(?:\s*=\s*(?:"([^"]*)"|([^;,]*)))?/g)) {
      const name = (param[1] ?? '').toLowerCase();
      params[name] = (param[2] ?? param[3] ?? '').trim();
    }
    links.push({ url: match[1] ?? '', params });
  }
  return links;
}

/** The @context URL announced in a Link header, if any. */
export function contextFromLink(header: string | undefined | null): string | undefined {
  return parseLinkHeader(header).find((link) => link.params.rel === JSON_LD_CONTEXT_REL)?.url;
}

/** The `rel="next"` URL of a Link header (Orion-LD style paging), if any. */
export function nextFromLink(header: string | undefined | null): string | undefined {
  return parseLinkHeader(header).find((link) => link.params.rel?.split(/\s+/).includes('next'))?.url;
}
