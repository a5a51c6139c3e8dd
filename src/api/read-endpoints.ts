/**
 * The read API's request → response glue. Each endpoint: method check, parameter validation,
 * conditional request, then one pure call and one serialisation. Functions in
 * netlify/functions/ only bind these to the built directory and a route.
 */
import { groupQuerySchema, groupsQuerySchema } from '../schema/query.ts';
import { slugSchema } from '../schema/entry-values.ts';
import type { ContentLocale } from '../schema/locales.ts';
import type { Directory } from '../engine/directory.ts';
import { parseParams } from '../engine/parse-query.ts';
import { preferredLocales } from '../engine/pick-language.ts';
import { etag, httpDate, isNotModified, linkHeader, notModified, readCacheHeaders } from '../http/caching.ts';
import { createResponseCache } from '../http/response-cache.ts';
import {
  checkMethod,
  CORS_READ_HEADERS,
  guarded,
  invalidParameters,
  jsonHeaders,
  jsonText,
  jsonWithHeaders,
  notFound,
  requestLocale,
} from '../http/respond.ts';
import { t } from '../i18n/index.ts';
import { getGroup } from './get-group.ts';
import { canonicalQuery } from '../engine/canonical-query.ts';
import { cachingItemSerialiser, listGroupsBytes } from './list-groups.ts';
import { listTaxonomies } from './list-taxonomies.ts';

interface Prepared {
  key: string;
  tag: string;
  headers: Record<string, string>;
  /** A 200's every header, Link included, made on the first repeat (groups endpoint). */
  complete?: Readonly<Record<string, string>>;
}

/** The fixed part of a read answer's headers: every read endpoint here answers in a negotiated language. */
const READ_HEADERS: Record<string, string> = { ...CORS_READ_HEADERS, ...readCacheHeaders({ language: true }) };

/** Everything up to the conditional check: the cache key, the ETag and the headers of a 200 or 304. */
function prepare(dir: Directory, request: Request, keyParts: string, contentLanguage: string): Prepared {
  const key = `${keyParts}|${new URL(request.url).origin}`;
  const tag = etag(dir.artefact.version, key);
  const modified = httpDate(dir.artefact.modified);
  return { key, tag, headers: { ...READ_HEADERS, ETag: tag, ...(modified ? { 'Last-Modified': modified } : {}), 'Content-Language': contentLanguage } };
}

/**
 * A list answer and its `Link` header (RFC 8288: first, prev, next, last), cached together. The
 * body is kept as its UTF-8 bytes: a repeated query then writes them as they are, where encoding
 * the text afresh was a sixth of a cached answer's CPU under load (bench/loadtest.ts).
 */
interface ListAnswer {
  body: Uint8Array<ArrayBuffer>;
  link: string;
}

export function createGroupsEndpoint(dir: Directory, cacheSize = 2000) {
  const cache = createResponseCache<ListAnswer>(cacheSize);
  /**
   * The same request seen again (same query string, languages and origin) skips validation,
   * canonicalisation and hashing: its key and ETag are remembered. Only answers that passed
   * validation are remembered, so a bad query is always checked afresh.
   */
  const seen = createResponseCache<Prepared>(cacheSize);
  const item = cachingItemSerialiser(dir);
  return guarded((request) => {
    const denied = checkMethod(request, ['GET']);
    if (denied) return denied;
    // The address as it came (origin, path and query) and the languages asked for: a repeat is
    // found without parsing anything.
    const rawKey = `${request.url}|${request.headers.get('accept-language') ?? ''}`;
    const known = seen.get(rawKey);
    if (known) {
      if (isNotModified(request, known.tag, known.headers['Last-Modified'])) return notModified(known.tag, known.headers);
      const answer = cache.get(known.key);
      if (answer !== undefined) return jsonWithHeaders(200, answer.body, (known.complete ??= jsonHeaders({ ...known.headers, Link: answer.link })));
    }
    const url = new URL(request.url);
    const parsed = parseParams(groupsQuerySchema, url.searchParams, requestLocale(request));
    if (!parsed.ok) return invalidParameters(parsed.fields, CORS_READ_HEADERS, requestLocale(request));
    const prefs = preferredLocales(parsed.value.lang, request.headers.get('accept-language'));
    const p = prepare(dir, request, `${canonicalQuery(parsed.value)}|${prefs.join(',')}`, prefs[0]!);
    if (isNotModified(request, p.tag, p.headers['Last-Modified'])) return notModified(p.tag, p.headers);
    let answer = cache.get(p.key);
    if (answer === undefined) {
      const outcome = listGroupsBytes(dir, parsed.value, prefs, url.origin, item, requestLocale(request));
      if (!outcome.ok) return invalidParameters(outcome.fields, CORS_READ_HEADERS, requestLocale(request));
      const { first, prev, next, last } = outcome.links;
      answer = { body: outcome.body, link: linkHeader({ first, prev, next, last }) };
      cache.set(p.key, answer);
    }
    seen.set(rawKey, p);
    return jsonText(200, answer.body, { ...p.headers, Link: answer.link });
  }, 'groups');
}

/** Method check and the `lang` parameter, shared by the endpoints that take nothing else. */
function readLanguage(request: Request): { response: Response } | { url: URL; prefs: ContentLocale[] } {
  const denied = checkMethod(request, ['GET']);
  if (denied) return { response: denied };
  const url = new URL(request.url);
  const locale = requestLocale(request);
  const parsed = parseParams(groupQuerySchema, url.searchParams, locale);
  if (!parsed.ok) return { response: invalidParameters(parsed.fields, CORS_READ_HEADERS, locale) };
  return { url, prefs: preferredLocales(parsed.value.lang, request.headers.get('accept-language')) };
}

export function createGroupEndpoint(dir: Directory) {
  return guarded((request) => {
    const read = readLanguage(request);
    if ('response' in read) return read.response;
    const { url, prefs } = read;
    const raw = url.pathname.replace(/\/+$/, '').split('/').pop() ?? '';
    let slug: string;
    try {
      slug = decodeURIComponent(raw);
    } catch {
      return notFound(t(requestLocale(request), 'api.noAddress'), CORS_READ_HEADERS); // malformed %-escape: not a slug either
    }
    if (!slugSchema.safeParse(slug).success || dir.findSlug(slug) < 0) {
      return notFound(t(requestLocale(request), 'api.noGroup', { slug: slug.slice(0, 80) }), CORS_READ_HEADERS);
    }
    const p = prepare(dir, request, `${slug}|${prefs.join(',')}`, prefs[0]!);
    if (isNotModified(request, p.tag, p.headers['Last-Modified'])) return notModified(p.tag, p.headers);
    const body = getGroup(dir, slug, prefs, url.origin)!;
    return jsonText(200, JSON.stringify(body), { ...p.headers, 'Content-Language': body.meta.lang });
  }, 'group');
}

export function createTaxonomiesEndpoint(dir: Directory) {
  return guarded((request) => {
    const read = readLanguage(request);
    if ('response' in read) return read.response;
    const locale = read.prefs[0]!;
    const p = prepare(dir, request, `taxonomies|${locale}`, locale);
    if (isNotModified(request, p.tag, p.headers['Last-Modified'])) return notModified(p.tag, p.headers);
    return jsonText(200, JSON.stringify(listTaxonomies(dir, locale)), p.headers);
  }, 'taxonomies');
}
