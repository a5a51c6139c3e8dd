/**
 * `GET /api/v1/groups` as a pure function: validated query + loaded directory → response body.
 */
import type { ContentLocale } from '../schema/locales.ts';
import { groupsQuerySchema, PER_PAGE_DEFAULT, type GroupsQuery } from '../schema/query.ts';
import type { FacetName } from '../directory/artefact.ts';
import type { Directory } from '../directory/directory.ts';
import { listItem, presentFacet, type FacetBucket } from '../directory/present.ts';
import { runQuery } from '../directory/run-query.ts';

const ORDER = Object.keys(groupsQuerySchema.shape) as (keyof GroupsQuery)[];
const DEFAULTS: Partial<Record<keyof GroupsQuery, unknown>> = { page: 1, per_page: PER_PAGE_DEFAULT, subject_mode: 'any' };

/** A stable query string: known keys in schema order, list values sorted, defaults left out. */
export function canonicalQuery(query: GroupsQuery, overrides: Partial<GroupsQuery> = {}): string {
  const q = { ...query, ...overrides };
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = q[key];
    if (value === undefined || value === DEFAULTS[key]) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, [...new Set(value)].sort().join(','));
    } else params.set(key, String(value));
  }
  return params.toString();
}

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
  return { ok: true, body: { data: page.map((doc) => listItem(dir.artefact.entries[doc]!, prefs, query.fields, baseUrl)), ...rest } };
}

/**
 * The same answer as JSON text, assembled from per-item JSON so that items can come from a cache:
 * serialising entries is most of the cost of a list request.
 */
export function listGroupsJson(dir: Directory, query: GroupsQuery, prefs: readonly ContentLocale[], baseUrl: string, item: ItemSerialiser): { ok: true; text: string; links: ListGroupsBody['links'] } | { ok: false; fields: Record<string, string> } {
  const outcome = listGroupsParts(dir, query, prefs, baseUrl);
  if (!outcome.ok) return outcome;
  const rest = JSON.stringify(outcome.rest);
  const data = outcome.page.map((doc) => item(doc, prefs, query.fields, baseUrl)).join(',');
  return { ok: true, text: `{"data":[${data}],${rest.slice(1)}`, links: outcome.rest.links };
}

function listGroupsParts(dir: Directory, query: GroupsQuery, prefs: readonly ContentLocale[], baseUrl: string) {
  const outcome = runQuery(dir, query);
  if (!outcome.ok) return outcome;
  const { page, total, facets } = outcome.result;
  const totalPages = Math.max(1, Math.ceil(total / query.per_page));
  const link = (p: number) => {
    const qs = canonicalQuery(query, { page: p });
    return `${baseUrl}/api/v1/groups${qs ? `?${qs}` : ''}`;
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
    const entry = dir.artefact.entries[doc]!;
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
