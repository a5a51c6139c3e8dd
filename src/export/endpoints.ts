/**
 * The open-data endpoints' request → response glue, in the same shape as the read API's
 * (src/api/read-endpoints.ts): method check, the groups query parsing, conditional request, one
 * pure call, one serialisation. Errors use the API's JSON envelope; bodies are CORS-readable.
 */
import { canonicalQuery } from '../engine/canonical-query.ts';
import type { ArtefactEntry } from '../engine/artefact.ts';
import type { Directory } from '../engine/directory.ts';
import { parseParams } from '../engine/parse-query.ts';
import { preferredLocales } from '../engine/pick-language.ts';
import { etag, httpDate, isNotModified, linkHeader, notModified, readCacheHeaders } from '../http/caching.ts';
import { streamLines } from '../http/stream-lines.ts';
import { DATA_LICENSE } from '../schema/license.ts';
import { checkMethod, CORS_READ_HEADERS, guarded, invalidParameters, jsonText, notFound, requestLocale } from '../http/respond.ts';
import { t } from '../i18n/index.ts';
import { problemText } from '../i18n/problems.ts';
import { exportQuerySchema, feedQuerySchema, groupQuerySchema, PER_PAGE_DEFAULT, type ExportQuery, type FeedQuery, type GroupsQuery } from '../schema/query.ts';
import { slugSchema } from '../schema/entry.ts';
import type { NetworkRef } from '../engine/network.ts';
import { csvLines } from './csv.ts';
import { atomFeed } from './feed.ts';
import { murmurationsProfile } from './murmurations.ts';
import { ndjsonLines } from './ndjson.ts';
import { selectEntries } from './select.ts';

export const CSV_TYPE = 'text/csv; charset=utf-8; header=present';
export const NDJSON_TYPE = 'application/x-ndjson; charset=utf-8';
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

/** Parameters of /api/v1/groups that a whole file has no use for; named in the 400, not "unknown". */
const NOT_FOR_FILES = ['page', 'per_page', 'facets', 'fields'];

/** The filters of an export query in the API's canonical form (for cache keys and links). */
export function exportQueryString(query: ExportQuery | FeedQuery): string {
  return canonicalQuery({ ...(query as Partial<GroupsQuery>), page: 1, per_page: PER_PAGE_DEFAULT } as GroupsQuery);
}

/** `Last-Modified` of every answer built from this directory (absent when the artefact has no date). */
function modifiedHeader(dir: Directory): Record<string, string> {
  const modified = httpDate(dir.artefact.modified);
  return modified ? { 'Last-Modified': modified } : {};
}

type Lines = (entries: readonly ArtefactEntry[], origin: string) => Iterator<string>;

function fileEndpoint(dir: Directory, name: string, type: string, filename: string, lines: Lines, links: (origin: string) => Record<string, string>) {
  const modified = modifiedHeader(dir);
  return guarded((request) => {
    const denied = checkMethod(request, ['GET']);
    if (denied) return denied;
    const url = new URL(request.url);
    const locale = requestLocale(request);
    const paging = Object.fromEntries(NOT_FOR_FILES.filter((k) => url.searchParams.has(k)).map((k) => [k, problemText(locale, { code: 'not_for_files' }, k)]));
    if (Object.keys(paging).length > 0) return invalidParameters(paging, CORS_READ_HEADERS, locale);
    const parsed = parseParams(exportQuerySchema, url.searchParams, locale);
    if (!parsed.ok) return invalidParameters(parsed.fields, CORS_READ_HEADERS, locale);
    // The origin shapes the `page` column and the links, so it is part of the tag.
    const tag = etag(dir.artefact.version, `${name}|${exportQueryString(parsed.value)}|${url.origin}`);
    const headers = {
      ...CORS_READ_HEADERS,
      ...readCacheHeaders({ language: false }),
      ETag: tag,
      ...modified,
      Link: linkHeader(links(url.origin)),
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${filename}"`,
    };
    if (isNotModified(request, tag, modified['Last-Modified'])) return notModified(tag, headers);
    const selection = selectEntries(dir, parsed.value, locale);
    if (!selection.ok) return invalidParameters(selection.fields, CORS_READ_HEADERS, locale);
    // Streamed: the file is written while it is sent, never held whole (src/http/stream-lines.ts).
    return new Response(streamLines(lines(selection.entries, url.origin)), { status: 200, headers: { ...headers, 'X-Content-Type-Options': 'nosniff' } });
  }, `export-${name}`);
}

/** `GET /api/v1/groups.csv?…`: every matching entry, one row each. */
export function createCsvEndpoint(dir: Directory) {
  return fileEndpoint(
    dir,
    'csv',
    CSV_TYPE,
    'solidarity-directory.csv',
    (entries, origin) => csvLines(entries, origin),
    () => ({ license: DATA_LICENSE.url }),
  );
}

/** `GET /api/v1/groups.ndjson?…`: every matching entry, one JSON object per line. */
export function createNdjsonEndpoint(dir: Directory) {
  return fileEndpoint(
    dir,
    'ndjson',
    NDJSON_TYPE,
    'solidarity-directory.ndjson',
    (entries) => ndjsonLines(entries),
    (origin) => ({
      describedby: `${origin}/api/v1/schemas/entry.json`,
      license: DATA_LICENSE.url,
    }),
  );
}

/** `GET /api/v1/groups.atom?…`: the newest matching entries. */
export function createFeedEndpoint(dir: Directory) {
  const modified = modifiedHeader(dir);
  return guarded((request) => {
    const denied = checkMethod(request, ['GET']);
    if (denied) return denied;
    const url = new URL(request.url);
    const locale = requestLocale(request);
    const parsed = parseParams(feedQuerySchema, url.searchParams, locale);
    if (!parsed.ok) return invalidParameters(parsed.fields, CORS_READ_HEADERS, locale);
    const prefs = preferredLocales(parsed.value.lang, request.headers.get('accept-language'));
    const filters = exportQueryString({ ...parsed.value, lang: undefined });
    const self = `${url.origin}${url.pathname}${exportQueryString(parsed.value) ? `?${exportQueryString(parsed.value)}` : ''}`;
    const tag = etag(dir.artefact.version, `atom|${self}|${prefs.join(',')}`);
    const headers = {
      ...CORS_READ_HEADERS,
      ...readCacheHeaders({ language: true }),
      ETag: tag,
      ...modified,
      Link: linkHeader({ license: DATA_LICENSE.url }),
      'Content-Type': ATOM_TYPE,
      'Content-Language': prefs[0]!,
    };
    if (isNotModified(request, tag, modified['Last-Modified'])) return notModified(tag, headers);
    const selection = selectEntries(dir, parsed.value, locale);
    if (!selection.ok) return invalidParameters(selection.fields, CORS_READ_HEADERS, locale);
    const body = atomFeed(dir, selection.entries, { baseUrl: url.origin, selfUrl: self, filterQuery: filters, prefs });
    return new Response(body, { status: 200, headers: { ...headers, 'X-Content-Type-Options': 'nosniff' } });
  }, 'export-atom');
}

/** `GET /api/v1/groups/{slug}/murmurations.json`: the entry as a Murmurations profile. */
export function createMurmurationsEndpoint(dir: Directory, network: NetworkRef | undefined) {
  const modified = modifiedHeader(dir);
  return guarded((request) => {
    const denied = checkMethod(request, ['GET']);
    if (denied) return denied;
    const url = new URL(request.url);
    const parts = url.pathname.replace(/\/+$/, '').split('/');
    let slug: string;
    try {
      slug = decodeURIComponent(parts[parts.length - 2] ?? '');
    } catch {
      return notFound(t(requestLocale(request), 'api.noAddress'), CORS_READ_HEADERS); // malformed %-escape: not a slug either
    }
    const locale = requestLocale(request);
    const parsed = parseParams(groupQuerySchema, url.searchParams, locale);
    if (!parsed.ok) return invalidParameters(parsed.fields, CORS_READ_HEADERS, locale);
    const doc = slugSchema.safeParse(slug).success ? dir.findSlug(slug) : -1;
    if (doc < 0) return notFound(t(locale, 'api.noGroup', { slug: slug.slice(0, 80) }), CORS_READ_HEADERS);
    const prefs = preferredLocales(parsed.value.lang ?? 'en', null);
    const tag = etag(dir.artefact.version, `murmurations|${slug}|${prefs[0]}|${url.origin}`);
    const headers = {
      ...CORS_READ_HEADERS,
      ...readCacheHeaders({ language: false }),
      ETag: tag,
      ...modified,
      Link: linkHeader({ license: DATA_LICENSE.url }),
      'Content-Language': prefs[0]!,
    };
    if (isNotModified(request, tag, modified['Last-Modified'])) return notModified(tag, headers);
    return jsonText(200, JSON.stringify(murmurationsProfile(dir, doc, url.origin, network, prefs)), headers);
  }, 'export-murmurations');
}
