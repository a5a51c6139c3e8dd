/**
 * The prebuilt, pre-indexed directory that `npm run build` writes and the functions import.
 * Everything a request needs is here already: no Markdown, YAML or index building at run time.
 */
import type { Entry } from '../schema/entry.ts';
import type { ContentLocale } from '../schema/locales.ts';
import type { TaxonomyName, TaxonomyTerm } from '../schema/taxonomy.ts';
import { FACET_NAMES, type FacetParam } from '../schema/query.ts';

export const FACETS = FACET_NAMES;
export type FacetName = FacetParam;

export interface ArtefactEntry extends Entry {
  /** Rendered purpose, per language, from the Markdown at build time. */
  purpose_html?: Partial<Record<ContentLocale, string>>;
  /** The languages the purpose exists in: kept when the slim list artefact drops the texts. */
  purpose_langs: ContentLocale[];
  /** Where the entry's city is, from an offline gazetteer at build time (src/geo/locate-city.ts). */
  geo?: { lat: number; lon: number };
}

/** Bumped whenever the layout of the index changes, so that no reader mixes two layouts. */
export const ARTEFACT_FORMAT = 2;

/** Low bits of a posting holding the weight (at most 31: the field weights add up to 20). */
export const POSTING_WEIGHT_BITS = 5;
export const POSTING_WEIGHT_MASK = (1 << POSTING_WEIGHT_BITS) - 1;

export interface Artefact {
  format: typeof ARTEFACT_FORMAT;
  /** Hash of the validated content: changes whenever any served byte could change. */
  version: string;
  /**
   * When the content last changed (ISO 8601): `Last-Modified` of every answer. Not part of
   * `version`: the same content built twice keeps its ETags.
   */
  modified?: string;
  entries: ArtefactEntry[];
  taxonomies: Record<TaxonomyName, TaxonomyTerm[]>;
  index: {
    /** Sorted, folded vocabulary. */
    terms: string[];
    /**
     * All postings in one little-endian Int32 array: per term, from termOffsets[i] to
     * termOffsets[i + 1], one int per doc holding `(rank << POSTING_WEIGHT_BITS) | weight`, where
     * rank is the doc's position in name order (`byName`) and weight the sum of the field weights
     * the term appears in. Each term's postings are in relevance order: weight descending, then
     * rank. Base64 in the built artefact (and the module); in the JSON files the functions read,
     * empty, and the raw bytes are in `postingsFile`.
     */
    postings: string | Int32Array;
    /**
     * Set in the artefact's JSON files: the postings are not in the JSON (`postings` is empty) but
     * in this binary file beside it, read straight into an Int32Array (src/runtime/read-artefact.ts).
     */
    postingsFile?: string;
    termOffsets: number[];
    /** Facet value → ascending doc ids. */
    facets: Record<FacetName, Record<string, number[]>>;
    /** Doc ids in name order (locale-aware, accent-insensitive). */
    byName: number[];
    /** Doc ids by `updated` ascending, ties by name. */
    byUpdated: number[];
    /** Folded name and short/alternate names per doc, for duplicate checks. */
    nameKeys: string[][];
    /** Website domain per doc ('' when none). */
    domains: string[];
  };
}

/** The facet values of one entry; the build indexes by it and the engine counts by it. */
export function facetValues(entry: Entry, facet: FacetName): readonly string[] {
  switch (facet) {
    case 'country':
      return entry.countries ?? [];
    case 'scope':
      return entry.geographic_scope ? [entry.geographic_scope] : [];
    case 'subject':
      return entry.subjects ?? [];
    case 'sector':
      return entry.sectors ?? [];
    case 'language':
      return entry.languages ?? [];
    case 'relation':
      return [entry.network_relation];
    case 'structure':
      return entry.structure ? [entry.structure] : [];
  }
}
