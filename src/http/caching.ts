/**
 * Conditional requests and cache headers for the read API. An ETag is the content version plus a
 * hash of everything else that shapes the body (canonical query, chosen languages), so a deploy
 * with new content changes every ETag, and a revalidation costs no query at all.
 */
import { createHash } from 'node:crypto';
import { CONTENT_LOCALES } from '../schema/locales.ts';

export function etag(version: string, key: string): string {
  return `"${version}.${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"`;
}

/** RFC 9110 §13.1.2: weak comparison, a list of tags or `*`. */
export function ifNoneMatchHits(header: string | null, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = tag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/**
 * Browsers keep answers a minute; Netlify's CDN keeps them until the next deploy purges them
 * (durable cache shared across edge nodes), serving stale for a day while it revalidates.
 * https://docs.netlify.com/platform/caching/
 *
 * The CDN's key must agree with what shaped the answer, or one URL flips between answers with
 * the cache's state:
 * - every query parameter is in the key (`Netlify-Vary: query`), because an unknown one is
 *   answered 400 — a key of the known ones only would hand that URL the cached 200 of another;
 * - the language is in the key as the negotiated language (`language=en|fr|…`) for answers that
 *   read Accept-Language, and only for those; no `Vary: Accept-Language`, which Netlify would
 *   add to the key as the raw header (one cache entry per browser's header). Browsers keep such
 *   an answer privately for its minute, so no shared cache downstream mixes languages.
 * Only 200s and 304s carry these headers; every error answer is `no-store`.
 */
export function readCacheHeaders(options: { language: boolean }): Record<string, string> {
  return {
    'Cache-Control': `${options.language ? 'private' : 'public'}, max-age=60, must-revalidate`,
    'Netlify-CDN-Cache-Control': 'public, durable, max-age=31536000, stale-while-revalidate=86400',
    'Netlify-Vary': options.language ? `query,language=${CONTENT_LOCALES.join('|')}` : 'query',
  };
}

export function notModified(tag: string, headers: Record<string, string>): Response {
  return new Response(null, { status: 304, headers: { ...headers, ETag: tag } });
}

/** An HTTP date (RFC 9110 §5.6.7) from an ISO 8601 time, or undefined when there is none. */
export function httpDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time).toUTCString();
}

/**
 * RFC 9110 §13.2.2: `If-None-Match` decides when the request has it; otherwise
 * `If-Modified-Since` (GET and HEAD only) answers 304 when nothing changed after that date.
 * An unparsable date is ignored, as §13.1.3 says.
 */
export function isNotModified(request: Request, tag: string, lastModified: string | undefined): boolean {
  const inm = request.headers.get('if-none-match');
  if (inm !== null) return ifNoneMatchHits(inm, tag);
  const since = request.headers.get('if-modified-since');
  if (!since || !lastModified || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
  const sinceTime = Date.parse(since);
  const modifiedTime = Math.floor(Date.parse(lastModified) / 1000) * 1000; // HTTP dates have whole seconds
  return !Number.isNaN(sinceTime) && !Number.isNaN(modifiedTime) && modifiedTime <= sinceTime;
}

/** A `Link` header (RFC 8288) from targets and their relations; null targets are left out. */
export function linkHeader(links: Record<string, string | null | undefined>): string {
  return Object.entries(links)
    .filter((l): l is [string, string] => typeof l[1] === 'string')
    .map(([rel, url]) => `<${url}>; rel="${rel}"`)
    .join(', ');
}
