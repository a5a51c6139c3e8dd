/**
 * `GET /api/v1/groups` as a pure function: validated query + loaded directory → response body.
 */
import type { Locale } from '../i18n/index.ts';
import type { ContentLocale } from '../schema/locales.ts';
import type { GroupsQuery } from '../schema/query.ts';
import { paths } from '../schema/routes.ts';
import type { FacetName } from '../engine/artefact.ts';
import type { Directory } from '../engine/directory.ts';
import { listItem, presentFacet, type FacetBucket } from '../engine/present.ts';
import { runQuery } from '../engine/run-query.ts';
import { canonicalQuery } from '../engine/canonical-query.ts';

export interface ListGroupsBody {
  data: Record<string, unknown>[];
  meta: { total: number; page: number; per_page: number; total_pages: number; lang: ContentLocale; version: string };
  links: { self: string; first: string; prev: string | null; next: string | null; last: string };
  facets?: Partial<Record<FacetName, FacetBucket[]>>;
}

export type ListGroupsOutcome = { ok: true; body: ListGroupsBody } | { ok: false; fields: Record<string, string> };

/** Serialises one list item; the endpoint passes a caching one, everything else the plain one. */
export type ItemSerialiser = (doc: number, prefs: readonly ContentLocale[], fields: GroupsQuery['fields'], baseUrl: string) => string;

export function listGroups(dir: Directory, query: GroupsQuery, prefs: readonly ContentLocale[], baseUrl: string): ListGroupsOutcome {
  const outcome = listGroupsParts(dir, query, prefs, baseUrl);
  if (!outcome.ok) return outcome;
  const { page, rest } = outcome;
  return { ok: true, body: { data: page.map((doc) => listItem(dir.entry(doc), prefs, query.fields, baseUrl)), ...rest } };
}

/**
 * The same answer as JSON text, assembled from per-item JSON so that items can come from a cache:
 * serialising entries is most of the cost of a list request.
 */
export function listGroupsJson(
  dir: Directory,
  query: GroupsQuery,
  prefs: readonly ContentLocale[],
  baseUrl: string,
  item: ItemSerialiser,
  locale: Locale = 'en',
): { ok: true; text: string; links: ListGroupsBody['links'] } | { ok: false; fields: Record<string, string> } {
  const outcome = listGroupsParts(dir, query, prefs, baseUrl, locale);
  if (!outcome.ok) return outcome;
  const rest = JSON.stringify(outcome.rest);
  const data = outcome.page.map((doc) => item(doc, prefs, query.fields, baseUrl)).join(',');
  return { ok: true, text: `{"data":[${data}],${rest.slice(1)}`, links: outcome.rest.links };
}

function listGroupsParts(dir: Directory, query: GroupsQuery, prefs: readonly ContentLocale[], baseUrl: string, locale: Locale = 'en') {
  const outcome = runQuery(dir, query, locale);
  if (!outcome.ok) return outcome;
  const { page, total, facets } = outcome.result;
  const totalPages = Math.max(1, Math.ceil(total / query.per_page));
  const link = (p: number) => {
    const qs = canonicalQuery(query, { page: p });
    return `${baseUrl}${paths.api(qs)}`;
  };
  const rest: Omit<ListGroupsBody, 'data'> = {
    meta: { total, page: query.page, per_page: query.per_page, total_pages: totalPages, lang: prefs[0]!, version: dir.artefact.version },
    links: {
      self: link(query.page),
      first: link(1),
      prev: query.page > 1 ? link(Math.min(query.page - 1, totalPages)) : null,
      next: query.page < totalPages ? link(query.page + 1) : null,
      last: link(totalPages),
    },
  };
  if (facets) {
    rest.facets = {};
    for (const [facet, counts] of Object.entries(facets) as [FacetName, Map<string, number>][]) {
      rest.facets[facet] = presentFacet(dir, facet, counts, (query[facet] as string[] | undefined) ?? [], prefs[0]!);
    }
  }
  return { ok: true as const, page, rest };
}

/** A serialiser that keeps each entry's default-fields JSON per language and origin, up to `limit` items. */
export function cachingItemSerialiser(dir: Directory, limit = 50_000): ItemSerialiser {
  const cache = new Map<string, string>();
  return (doc, prefs, fields, baseUrl) => {
    const entry = dir.entry(doc);
    if (fields) return JSON.stringify(listItem(entry, prefs, fields, baseUrl));
    const key = `${doc}|${prefs.join(',')}|${baseUrl}`;
    let text = cache.get(key);
    if (text === undefined) {
      text = JSON.stringify(listItem(entry, prefs, undefined, baseUrl));
      if (cache.size < limit) cache.set(key, text);
    }
    return text;
  };
}
