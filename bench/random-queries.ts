/**
 * Seeded random queries over a directory, for checking that engines agree and for timing each
 * query class on more than the fixed mix: filters of every kind, one to three search words taken
 * from real entries (the last often cut to a prefix), facets, every sort, shallow and deep pages.
 */
import { tokenize } from '../src/text/normalise-text.ts';
import type { Artefact } from '../src/engine/artefact.ts';
import { queryWords } from '../src/engine/search.ts';
import { GEOGRAPHIC_SCOPES, NETWORK_RELATIONS, STRUCTURES } from '../src/schema/entry.ts';
import { FACET_NAMES, groupsQuerySchema, SORTS, type GroupsQuery } from '../src/schema/query.ts';
import { seededRandom } from '../test/support/synthetic-corpus.ts';

export function randomQueries(artefact: Artefact, count: number, seed: number): GroupsQuery[] {
  const random = seededRandom(seed);
  const chance = (p: number) => random() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list)))];
  const { entries, taxonomies } = artefact;
  const countries = [...new Set(entries.flatMap((e) => e.countries ?? []))].sort();
  const languages = [...new Set(entries.flatMap((e) => e.languages ?? []))].sort();
  const subjects = taxonomies.subjects.map((t) => t.slug);
  const sectors = taxonomies.sectors.map((t) => t.slug);
  const words = (): string => {
    const entry = pick(entries);
    const pool = tokenize([entry.name, ...Object.values(entry.summary)].join(' '));
    const chosen = Array.from({ length: 1 + Math.floor(random() * (chance(0.5) ? 1 : 3)) }, () => pick(pool));
    const last = chosen.length - 1;
    if (chance(0.5)) chosen[last] = chosen[last]!.slice(0, 1 + Math.floor(random() * chosen[last]!.length));
    return chosen.join(' ');
  };
  const queries: GroupsQuery[] = [];
  while (queries.length < count) {
    const raw: Record<string, string | string[]> = {};
    if (chance(0.45)) raw.q = chance(0.9) ? words() : pick(artefact.index.terms).slice(0, 3);
    if (chance(0.3)) raw.country = some(countries, 3);
    if (chance(0.15)) raw.scope = some(GEOGRAPHIC_SCOPES, 2);
    if (chance(0.25)) {
      raw.subject = some(subjects, 3);
      if (chance(0.4)) raw.subject_mode = 'all';
    }
    if (chance(0.15)) raw.sector = some(sectors, 2);
    if (chance(0.15)) raw.language = some(languages, 2);
    if (chance(0.1)) raw.relation = some(NETWORK_RELATIONS, 2);
    if (chance(0.1)) raw.structure = some(STRUCTURES, 2);
    if (chance(0.1)) raw.updated_since = `${2016 + Math.floor(random() * 10)}-0${1 + Math.floor(random() * 9)}-01`;
    if (chance(0.4)) raw.facets = some(FACET_NAMES, 4);
    if (chance(0.4)) raw.sort = pick(SORTS);
    if (chance(0.25)) raw.page = String(chance(0.5) ? 2 + Math.floor(random() * 4) : 5 + Math.floor(random() * 60));
    if (chance(0.2)) raw.per_page = String(pick([5, 10, 50, 100]));
    const parsed = groupsQuerySchema.safeParse(raw);
    if (parsed.success) queries.push(parsed.data);
  }
  return queries;
}

export const QUERY_CLASSES = ['filter-only', 'facets', 'one-word text', 'multi-word text', 'deep pages'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

/** The classes a query belongs to (a query can be in several, e.g. a text search with facets). */
export function classesOf(query: GroupsQuery): QueryClass[] {
  const classes: QueryClass[] = [];
  const words = query.q ? queryWords(query.q).length : 0;
  if (words === 0) classes.push('filter-only');
  if (query.facets && query.facets.length > 0) classes.push('facets');
  if (words === 1) classes.push('one-word text');
  if (words > 1) classes.push('multi-word text');
  if ((query.page - 1) * query.per_page >= 40) classes.push('deep pages');
  return classes;
}
