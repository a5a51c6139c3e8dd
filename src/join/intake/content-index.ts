/**
 * What the join pipeline needs from the prebuilt directory: which slugs are taken, the names and
 * website domains to compare applications with, and the taxonomy terms an applicant may choose.
 * Built once per process from the artefact (no content is read at request time).
 */
import type { Artefact } from '../../engine/artefact.ts';
import type { TaxonomyName, TaxonomyTerm } from '../../schema/taxonomy.ts';

export interface JoinIndex {
  hasSlug(slug: string): boolean;
  /** Slug and name of each entry, by doc id. */
  entries: readonly { slug: string; name: string }[];
  /** Folded names per doc id (`artefact.index.nameKeys`). */
  nameKeys: readonly (readonly string[])[];
  /** Website domain per doc id, '' when none (`artefact.index.domains`). */
  domains: readonly string[];
  taxonomies: Readonly<Record<TaxonomyName, readonly TaxonomyTerm[]>>;
  hasTerm(taxonomy: TaxonomyName, slug: string): boolean;
}

export function joinIndexFromArtefact(artefact: Artefact): JoinIndex {
  const slugs = new Set(artefact.entries.map((e) => e.slug));
  const terms = {
    subjects: new Set(artefact.taxonomies.subjects.map((t) => t.slug)),
    sectors: new Set(artefact.taxonomies.sectors.map((t) => t.slug)),
  };
  return {
    hasSlug: (slug) => slugs.has(slug),
    entries: artefact.entries.map((e) => ({ slug: e.slug, name: e.name })),
    nameKeys: artefact.index.nameKeys,
    domains: artefact.index.domains,
    taxonomies: artefact.taxonomies,
    hasTerm: (taxonomy, slug) => terms[taxonomy].has(slug),
  };
}
