/**
 * The one spelling of a groups query as a URL query string: the API's ETags and `links`, the
 * exports' cache keys and the site listing's page links all use it.
 */
import { groupsQuerySchema, PER_PAGE_DEFAULT, type GroupsQuery } from '../schema/query.ts';

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
