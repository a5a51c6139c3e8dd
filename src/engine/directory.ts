/**
 * A loaded directory: the artefact plus the few derived arrays every query uses (O(n) and done
 * once per process, no indexing). Created by the function module at import; passed to the pure
 * query functions as their "content index".
 */
import { docOfSlug, entryCount, entryOf, type Artefact, type ArtefactEntry, type FacetName } from './artefact.ts';
import { createQueryIndex, type QueryIndex } from './query-index.ts';

export interface Directory {
  artefact: Artefact;
  size: number;
  /** Position of each doc in name order. */
  readonly nameRank: Int32Array;
  /** The decoded postings (see Artefact.index.postings). */
  postings: Int32Array;
  /**
   * One entry. Ask this rather than `artefact.entries[doc]`: read from its files, the artefact
   * parses an entry when it is first shown, and `artefact.entries` parses every one.
   */
  entry(doc: number): ArtefactEntry;
  /** Doc id of a slug (entries are sorted by slug), or -1. */
  findSlug(slug: string): number;
  /** Each doc's values of one facet as ids into `values` (built on first use, then kept). */
  facetTable(facet: FacetName): FacetTable;
  /** The query engine's bitsets, orders and scratch buffers (created on first query, then kept). */
  queryIndex(): QueryIndex;
}

/** Compressed rows: doc d's value ids are ids[offsets[d] … offsets[d + 1]). */
export interface FacetTable {
  values: string[];
  offsets: Int32Array;
  ids: Int32Array;
}

export function facetTableOf(artefact: Artefact, facet: FacetName): FacetTable {
  const n = entryCount(artefact);
  const postings = artefact.index.facets[facet];
  const values = Object.keys(postings);
  const offsets = new Int32Array(n + 1);
  for (const value of values) for (const doc of postings[value]!) offsets[doc + 1]!++;
  for (let d = 0; d < n; d++) offsets[d + 1]! += offsets[d]!;
  const fill = offsets.slice(0, n);
  const ids = new Int32Array(offsets[n]!);
  values.forEach((value, v) => {
    for (const doc of postings[value]!) ids[fill[doc]!++] = v;
  });
  return { values, offsets, ids };
}

function decodePostings(postings: string | Int32Array): Int32Array {
  if (typeof postings !== 'string') return postings;
  const bytes = Buffer.from(postings, 'base64');
  // Copy into an aligned buffer: Buffer's pool offset need not be a multiple of 4.
  const aligned = new Uint8Array(bytes.length);
  aligned.set(bytes);
  return new Int32Array(aligned.buffer);
}

function ranks(order: readonly number[]): Int32Array {
  const rank = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) rank[order[i]!] = i;
  return rank;
}

export function createDirectory(artefact: Artefact): Directory {
  const size = entryCount(artefact);
  const tables = new Map<FacetName, FacetTable>();
  // Built on first use: a request that needs no name ranks (a single entry, the taxonomies) never pays for them.
  let nameRank: Int32Array | undefined;
  const nameRanks = () => (nameRank ??= ranks(artefact.index.byName));
  let queryIndex: QueryIndex | undefined;
  return {
    queryIndex: () => (queryIndex ??= createQueryIndex(artefact, nameRanks)),
    facetTable(facet) {
      let table = tables.get(facet);
      if (!table) tables.set(facet, (table = facetTableOf(artefact, facet)));
      return table;
    },
    artefact,
    entry: (doc) => entryOf(artefact, doc),
    size,
    get nameRank() {
      return nameRanks();
    },
    postings: decodePostings(artefact.index.postings),
    findSlug: (slug) => docOfSlug(artefact, slug),
  };
}
