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

/** Per facet, per language: the directory's values in label order, and their labels (src/engine/facet-presentation.ts). */
export type FacetPresentation = Partial<Record<FacetName, Record<string, { values: string[]; labels: string[] }>>>;

/** Bumped whenever the layout of the index changes, so that no reader mixes two layouts. */
export const ARTEFACT_FORMAT = 3;

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
  /**
   * Every entry, sorted by slug (doc id = position). Read from a file (src/runtime/read-artefact.ts)
   * this is a getter that parses them all on first use: code that shows a few entries asks
   * `entryAt` (or the directory's `entry`) instead.
   */
  entries: ArtefactEntry[];
  /**
   * One entry, parsed on first use and then kept: set when the artefact was read from its files,
   * where the entries stay as their JSON text until a request shows them. A cold start that
   * answers one page parses twenty entries, not ten thousand.
   */
  entryAt?: (doc: number) => ArtefactEntry;
  /**
   * Set in the artefact's JSON files: `entries` is empty there, and the entries are in this JSON
   * Lines file beside it (one entry per line, in doc order).
   */
  entriesFile?: string;
  /** With `entriesFile`: where each line starts, base64 of n + 1 little-endian Int32 byte offsets. */
  entryStarts?: string;
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
    /**
     * Set in the artefact's JSON files: `nameKeys` and `domains` are not in the JSON but in this
     * JSON file beside it, read the first time something asks for them (only the join's duplicate
     * check does): they were half of what a cold start parsed of the index.
     */
    namesFile?: string;
    /** Facet labels and label order per language, worked out by the build (src/engine/facet-presentation.ts). */
    presentation?: FacetPresentation;
  };
}

/**
 * Gives a just-read artefact its entries from their JSON Lines file, one ASCII line per entry in
 * doc order, each starting at `starts[doc]` (n + 1 offsets, the last one past the end as if a
 * line break followed): `entryAt(doc)` decodes and parses one on first use; `entries` parses the
 * rest the first time something asks for all of them, reusing those already parsed (one object
 * per entry, whichever way it was reached). Only a shown entry becomes a string.
 */
export function attachEntryLines(artefact: Artefact, bytes: Uint8Array, starts: Int32Array): void {
  const count = entryCount(artefact);
  if (starts.length !== count + 1) throw new Error(`the entries file has ${starts.length - 1} line starts for ${count} entries`);
  const parsed: (ArtefactEntry | undefined)[] = new Array(count);
  const decoder = new TextDecoder('latin1'); // exact for ASCII, and a plain copy
  const entryAt = (doc: number): ArtefactEntry => {
    if (!(doc >= 0 && doc < count)) throw new RangeError(`no entry ${doc} (the artefact has ${count})`);
    const known = parsed[doc];
    if (known) return known;
    return (parsed[doc] = JSON.parse(decoder.decode(bytes.subarray(starts[doc]!, starts[doc + 1]! - 1))) as ArtefactEntry);
  };
  Object.defineProperty(artefact, 'entryAt', { value: entryAt, enumerable: false });
  Object.defineProperty(artefact, 'entries', {
    configurable: true,
    enumerable: true,
    get() {
      const all = Array.from({ length: count }, (_, doc) => entryAt(doc));
      Object.defineProperty(artefact, 'entries', { value: all, enumerable: true, writable: false });
      return all;
    },
  });
}

/** One entry, parsing only that one when the artefact was read from its files. */
export function entryOf(artefact: Artefact, doc: number): ArtefactEntry {
  return artefact.entryAt ? artefact.entryAt(doc) : artefact.entries[doc]!;
}

/** Doc id of a slug, or -1: a binary search (entries are sorted by slug) that parses about log₂ n entries. */
export function docOfSlug(artefact: Artefact, slug: string): number {
  let lo = 0;
  let hi = entryCount(artefact) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = entryOf(artefact, mid).slug;
    if (s === slug) return mid;
    if (s < slug) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The number of entries, without parsing any of them. */
export function entryCount(artefact: Artefact): number {
  return artefact.index.byName.length;
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
