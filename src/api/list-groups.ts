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

export function listGroups(dir: Directory, query: GroupsQuery, prefs: readonly ContentLocale[], baseUrl: string): ListGroupsOutcome {
  const outcome = runQuery(dir, query);
  if (!outcome.ok) return outcome;
  const { page, total, facets } = outcome.result;
  const totalPages = Math.max(1, Math.ceil(total / query.per_page));
  const link = (p: number) => {
    const qs = canonicalQuery(query, { page: p });
    return `${baseUrl}/api/v1/groups${qs ? `?${qs}` : ''}`;
  };
  const entries = dir.artefact.entries;
  const body: ListGroupsBody = {
    data: page.map((doc) => listItem(entries[doc]!, prefs, query.fields, baseUrl)),
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
    body.facets = {};
    for (const [facet, counts] of Object.entries(facets) as [FacetName, Map<string, number>][]) {
      const selected = (query[facet === 'country' ? 'country' : facet] as string[] | undefined) ?? [];
      body.facets[facet] = presentFacet(dir, facet, counts, selected, prefs[0]!);
    }
  }
  return { ok: true, body };
}
