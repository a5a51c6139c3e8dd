/** `GET /api/v1/taxonomies`: every vocabulary a partner needs to build filters, with labels and counts. */
import { GEOGRAPHIC_SCOPES, NETWORK_RELATIONS, STRUCTURES } from '../schema/entry-values.ts';
import type { ContentLocale } from '../schema/locales.ts';
import type { TaxonomyTerm } from '../schema/taxonomy.ts';
import type { FacetName } from '../engine/artefact.ts';
import type { Directory } from '../engine/directory.ts';
import { facetLabel } from '../engine/present.ts';

export function listTaxonomies(dir: Directory, locale: ContentLocale) {
  const postings = dir.artefact.index.facets;
  const count = (facet: FacetName, value: string) => postings[facet][value]?.length ?? 0;
  const terms = (facet: FacetName, list: TaxonomyTerm[]) =>
    list.map((t) => ({ slug: t.slug, label: t.label[locale] ?? t.label.en, labels: t.label, count: count(facet, t.slug) }));
  const values = (facet: FacetName, list: readonly string[]) =>
    list.map((value) => ({ value, label: facetLabel(dir, facet, value, locale), count: count(facet, value) }));
  const used = (facet: FacetName) => {
    const collator = new Intl.Collator(locale);
    return Object.keys(postings[facet])
      .map((code) => ({ code, label: facetLabel(dir, facet, code, locale), count: count(facet, code) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  };
  return {
    data: {
      subjects: terms('subject', dir.artefact.taxonomies.subjects),
      sectors: terms('sector', dir.artefact.taxonomies.sectors),
      countries: used('country'),
      languages: used('language'),
      scopes: values('scope', GEOGRAPHIC_SCOPES),
      relations: values('relation', NETWORK_RELATIONS),
      structures: values('structure', STRUCTURES),
    },
    meta: { lang: locale, version: dir.artefact.version, total: dir.size },
  };
}
