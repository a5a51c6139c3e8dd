/**
 * The build stores each facet's labels and label order per language (src/engine/facet-presentation.ts)
 * so that a cold start need not load ICU's names and collation. An answer must be the same with
 * and without them: here every facet, in every language, over counts that tie (so order by label
 * decides), and with a selected value the directory does not have (the computed path).
 */
import { describe, expect, it } from 'vitest';
import { buildArtefact } from '../../src/content/build-artefact.ts';
import { createMarkdownRenderer } from '../../src/content/render-markdown.ts';
import { FACETS, type Artefact } from '../../src/engine/artefact.ts';
import { createDirectory } from '../../src/engine/directory.ts';
import { computedLabel, facetLabel, presentFacet } from '../../src/engine/present.ts';
import { LOCALES } from '../../src/i18n/index.ts';
import { CONTENT_LOCALES } from '../../src/schema/locales.ts';
import { syntheticContent } from '../support/synthetic-corpus.ts';

const artefact = buildArtefact(syntheticContent(600, 7), createMarkdownRenderer());
const withStored = createDirectory(artefact);
const { presentation: _dropped, ...indexWithout } = artefact.index;
const computedOnly = createDirectory({ ...artefact, index: indexWithout } as Artefact);
const locales = [...new Set<string>([...LOCALES, ...CONTENT_LOCALES])];

describe('facet labels and order stored by the build', () => {
  it('are there for every facet and language', () => {
    for (const facet of FACETS) {
      for (const locale of locales) {
        const stored = artefact.index.presentation?.[facet]?.[locale];
        expect(stored?.values.slice().sort(), `${facet} ${locale}`).toEqual(Object.keys(artefact.index.facets[facet]).sort());
      }
    }
  });

  it.each(locales)('give the same labels and the same buckets as computing them, in %s', (locale) => {
    for (const facet of FACETS) {
      const values = Object.keys(artefact.index.facets[facet]);
      for (const value of values) expect(facetLabel(withStored, facet, value, locale)).toBe(computedLabel(computedOnly, facet, value, locale));
      // Every value once: all counts tie, so the whole order is the label order.
      const tied = new Map(values.map((v) => [v, 1]));
      expect(presentFacet(withStored, facet, tied, [], locale)).toEqual(presentFacet(computedOnly, facet, tied, [], locale));
      // Real counts from the postings, and a selection.
      const counts = new Map(values.map((v) => [v, artefact.index.facets[facet][v]!.length]));
      const selected = values.slice(0, 2);
      expect(presentFacet(withStored, facet, counts, selected, locale)).toEqual(presentFacet(computedOnly, facet, counts, selected, locale));
    }
  });

  it('falls back to computing when a selected value is not in the directory', () => {
    const counts = new Map([['FR', 3]]);
    const buckets = presentFacet(withStored, 'country', counts, ['FR', 'ZW'], 'fr');
    expect(buckets.map((b) => b.value).sort()).toEqual(['FR', 'ZW']);
    expect(buckets.find((b) => b.value === 'ZW')).toMatchObject({ label: 'Zimbabwe', count: 0, selected: true });
  });
});
