/**
 * "Similar topics": other groups ranked by how many subject headings they share with this one,
 * then by the same geographic scope, then by shared countries, then by name.
 *
 * Read from the facet postings and tables, not the entries: a group's candidates are every group
 * sharing one of its subjects (thousands at 10,000 entries), and only the six shown are parsed.
 */
import type { Directory } from './directory.ts';

export const RELATED_LIMIT = 6;

export function relatedDocs(dir: Directory, doc: number, limit = RELATED_LIMIT): number[] {
  const entry = dir.entry(doc);
  const postings = dir.artefact.index.facets.subject;
  const shared = new Map<number, number>();
  for (const subject of entry.subjects ?? []) {
    for (const other of postings[subject] ?? []) if (other !== doc) shared.set(other, (shared.get(other) ?? 0) + 1);
  }
  if (shared.size === 0) return [];
  const scopes = dir.facetTable('scope');
  const countries = dir.facetTable('country');
  const valuesOf = (table: typeof scopes, d: number) => table.ids.subarray(table.offsets[d]!, table.offsets[d + 1]!);
  const scope = entry.geographic_scope === undefined ? -1 : scopes.values.indexOf(entry.geographic_scope);
  const mine = new Set(valuesOf(countries, doc));
  const score = (other: number) => {
    const sameScope = scope >= 0 && valuesOf(scopes, other).includes(scope) ? 1 : 0;
    let sharedCountries = 0;
    for (const c of valuesOf(countries, other)) if (mine.has(c)) sharedCountries++;
    return [shared.get(other)!, sameScope, sharedCountries] as const;
  };
  return [...shared.keys()]
    .map((other) => ({ other, s: score(other) }))
    .sort((a, b) => b.s[0] - a.s[0] || b.s[1] - a.s[1] || b.s[2] - a.s[2] || dir.nameRank[a.other]! - dir.nameRank[b.other]!)
    .slice(0, limit)
    .map((r) => r.other);
}
