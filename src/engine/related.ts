/**
 * "Similar topics": other groups ranked by how many subject headings they share with this one,
 * then by the same geographic scope, then by shared countries, then by name.
 */
import type { Directory } from './directory.ts';

export const RELATED_LIMIT = 6;

export function relatedDocs(dir: Directory, doc: number, limit = RELATED_LIMIT): number[] {
  const entries = dir.artefact.entries;
  const entry = entries[doc]!;
  const postings = dir.artefact.index.facets.subject;
  const shared = new Map<number, number>();
  for (const subject of entry.subjects ?? []) {
    for (const other of postings[subject] ?? []) if (other !== doc) shared.set(other, (shared.get(other) ?? 0) + 1);
  }
  const countries = new Set(entry.countries ?? []);
  const score = (other: number) => {
    const e = entries[other]!;
    const sameScope = entry.geographic_scope !== undefined && e.geographic_scope === entry.geographic_scope ? 1 : 0;
    const sharedCountries = (e.countries ?? []).filter((c) => countries.has(c)).length;
    return [shared.get(other)!, sameScope, sharedCountries] as const;
  };
  return [...shared.keys()]
    .map((other) => ({ other, s: score(other) }))
    .sort((a, b) => b.s[0] - a.s[0] || b.s[1] - a.s[1] || b.s[2] - a.s[2] || dir.nameRank[a.other]! - dir.nameRank[b.other]!)
    .slice(0, limit)
    .map((r) => r.other);
}
