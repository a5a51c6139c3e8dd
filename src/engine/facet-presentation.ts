/**
 * Facet values as a page or an answer shows them, worked out by the content build: each value's
 * label in each language and its place in label order. Answering `facets=country` otherwise
 * loads the platform's region names and collation rules (ICU) on a function's first request,
 * about 12 ms of a cold start (bench/cold-start.ts), for labels that only change with the content.
 *
 * Computed with the very functions that answer without it (`facetLabel` and an `Intl.Collator`
 * with the same options, src/engine/present.ts), so an answer is the same either way;
 * test/api/facet-presentation-is-precomputed.test.ts checks that, language by language.
 */
import { FACETS, type Artefact, type FacetName, type FacetPresentation } from './artefact.ts';
import type { Directory } from './directory.ts';

export type { FacetPresentation } from './artefact.ts';

/** `collator(locale)` must be the one presentFacet sorts with. */
export function computeFacetPresentation(
  dir: Directory,
  locales: readonly string[],
  label: (dir: Directory, facet: FacetName, value: string, locale: string) => string,
  collator: (locale: string) => Intl.Collator,
): FacetPresentation {
  const out: FacetPresentation = {};
  for (const facet of FACETS) {
    const values = Object.keys(dir.artefact.index.facets[facet]);
    const perLocale: Record<string, { values: string[]; labels: string[] }> = {};
    for (const locale of locales) {
      const compare = collator(locale).compare;
      const rows = values.map((value) => ({ value, label: label(dir, facet, value, locale) }));
      // Ties (two values with one label) by value, so the order never depends on the input's.
      rows.sort((a, b) => compare(a.label, b.label) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      perLocale[locale] = { values: rows.map((r) => r.value), labels: rows.map((r) => r.label) };
    }
    out[facet] = perLocale;
  }
  return out;
}

export interface PresentedValue {
  label: string;
  /** Position in label order. */
  rank: number;
}

const lookups = new WeakMap<object, Map<string, Map<string, PresentedValue>>>();

/** The precomputed labels and ranks of one facet in one language, or undefined when the artefact has none for it. */
export function presentedValues(artefact: Artefact, facet: FacetName, locale: string): Map<string, PresentedValue> | undefined {
  const presentation = artefact.index.presentation;
  const table = presentation?.[facet]?.[locale];
  if (!presentation || !table) return undefined;
  let byKey = lookups.get(presentation);
  if (!byKey) lookups.set(presentation, (byKey = new Map()));
  const key = `${facet}\u0000${locale}`;
  let map = byKey.get(key);
  if (!map) {
    map = new Map();
    for (let i = 0; i < table.values.length; i++) map.set(table.values[i]!, { label: table.labels[i]!, rank: i });
    byKey.set(key, map);
  }
  return map;
}
