/**
 * What the query engine derives from the artefact, once per loaded directory and only when first
 * needed: facet bitsets, per-facet value rows, the date order, and scratch buffers reused by every
 * query. Nothing here is built at cold start (creating the index allocates nothing n-sized), and
 * nothing is module-level: each directory owns its own, so tests never reset anything.
 *
 * The engine works in *name-rank space*: a doc is identified by its position in name order
 * (`artefact.index.byName`), and the build writes the search postings in that space too. Sorting
 * by name is then walking a bitset from its first or last word, a page deep in a filtered list is
 * found by popcounts, and ties in relevance break by the id itself. Only the page is mapped back
 * to doc ids at the end.
 */
import { entryCount, type Artefact, type FacetName } from './artefact.ts';
import { popcount, setAll, wordsFor } from './bitset.ts';
import { cooccurrence } from './cooccurrence.ts';

/** Prefix runs kept per directory: each costs one bit per doc (12.5 kB at 100,000 entries). */
const TERM_RUN_CACHE = 256;

/** Precomputed suffixes of the date order: n / 8 bytes each, 4 bytes per doc in all. */
const UPDATED_CHECKPOINTS = 32;

/** One facet's values in rank space. */
export interface FacetIndex {
  values: string[];
  slot: Map<string, number>;
  /** Docs per value, unfiltered. */
  counts: Int32Array;
  /** Mean number of values per doc (for choosing how to count). */
  perDoc: number;
  /** Bitset of one value, by slot (built on first use, then kept). */
  bits(slot: number): Uint32Array;
  /** Rank r's value slots are ids[offsets[r] … offsets[r + 1]) (built on first use). */
  rows(): { offsets: Int32Array; ids: Int32Array };
}

/** Buffers the text search reuses; contents are zero outside what a running query touched. */
export interface SearchScratch {
  best: Float64Array;
  touched: Int32Array;
  total: Float64Array;
  hits: Uint8Array;
  candidates: Int32Array;
  /** Relevance keys for top-k selection. */
  keys: Float64Array;
}

export interface QueryIndex {
  n: number;
  words: number;
  /** Rank → doc id. */
  byName: Int32Array;
  /** Ranks in `updated` order (ties by name). */
  updatedOrder(): Int32Array;
  /** Rank → position in `updatedOrder()`. */
  updatedPosition(): Int32Array;
  /**
   * The ranks from position `from` of the date order on, as a bitset: a precomputed suffix at the
   * next checkpoint plus the few positions before it, so a date filter costs one copy of words
   * and at most n / 32 bit writes, not one write per matching doc. May return a shared bitset:
   * never write into it.
   */
  updatedFrom(from: number): Uint32Array;
  facet(name: FacetName): FacetIndex;
  /** Docs per pair of values of two facets (see cooccurrence.ts), built on first use. */
  pairs(first: FacetName, second: FacetName): Int32Array;
  knownSlugs(param: 'subject' | 'sector'): Set<string>;
  search(): SearchScratch;
  /**
   * The docs a run of several terms holds (a prefix's completions), as a bitset and its size:
   * built from the postings on first use and kept, up to a bounded number of runs.
   */
  termRun(lo: number, hi: number, build: (bits: Uint32Array) => void): { bits: Uint32Array; count: number };
  /** Scratch bitsets, handed out in order and all returned by `releaseBitsets`. */
  bitset(): Uint32Array;
  releaseBitsets(): void;
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function facetIndex(artefact: Artefact, facet: FacetName, nameRank: () => Int32Array, words: number): FacetIndex {
  const n = entryCount(artefact);
  const postings = artefact.index.facets[facet];
  const values = Object.keys(postings);
  const counts = Int32Array.from(values, (v) => postings[v]!.length);
  const cache: (Uint32Array | undefined)[] = [];
  let sum = 0;
  for (const c of counts) sum += c;
  return {
    values,
    slot: new Map(values.map((v, i) => [v, i])),
    counts,
    perDoc: sum / Math.max(1, n),
    bits(slot) {
      let bits = cache[slot];
      if (!bits) {
        const rank = nameRank();
        bits = cache[slot] = new Uint32Array(words);
        for (const doc of postings[values[slot]!]!) {
          const r = rank[doc]!;
          bits[r >>> 5]! |= 1 << (r & 31);
        }
      }
      return bits;
    },
    rows: lazy(() => {
      const rank = nameRank();
      const offsets = new Int32Array(n + 1);
      for (const v of values) for (const doc of postings[v]!) offsets[rank[doc]! + 1]!++;
      for (let r = 0; r < n; r++) offsets[r + 1]! += offsets[r]!;
      const fill = offsets.slice(0, n);
      const ids = new Int32Array(offsets[n]!);
      values.forEach((v, slot) => {
        for (const doc of postings[v]!) ids[fill[rank[doc]!]!++] = slot;
      });
      return { offsets, ids };
    }),
  };
}

export function createQueryIndex(artefact: Artefact, nameRank: () => Int32Array): QueryIndex {
  const n = entryCount(artefact);
  const words = wordsFor(n);
  const updatedOrder = lazy(() => {
    const rank = nameRank();
    return Int32Array.from(artefact.index.byUpdated, (doc) => rank[doc]!);
  });
  const updatedPosition = lazy(() => {
    const order = updatedOrder();
    const position = new Int32Array(n);
    for (let i = 0; i < n; i++) position[order[i]!] = i;
    return position;
  });
  const step = Math.max(1, Math.ceil(n / UPDATED_CHECKPOINTS));
  // suffixes[j]: the ranks at date positions ≥ j × step (built together, from the end).
  const suffixes = lazy(() => {
    const order = updatedOrder();
    const out: Uint32Array[] = [];
    const bits = new Uint32Array(words);
    for (let j = Math.ceil(n / step); j >= 0; j--) {
      setAll(bits, order, Math.min(n, j * step), Math.min(n, (j + 1) * step));
      out[j] = bits.slice();
    }
    return out;
  });
  const facets = new Map<FacetName, FacetIndex>();
  const pairs = new Map<string, Int32Array>();
  const slugs = new Map<string, Set<string>>();
  const pool: Uint32Array[] = [];
  let used = 0;
  const runs = new Map<number, { bits: Uint32Array; count: number }>();
  const termCount = artefact.index.terms.length + 1;
  return {
    n,
    words,
    byName: Int32Array.from(artefact.index.byName),
    updatedOrder,
    updatedPosition,
    updatedFrom(from) {
      const j = Math.ceil(from / step);
      const checkpoint = suffixes()[j]!;
      if (j * step === from) return checkpoint;
      const bits = this.bitset();
      bits.set(checkpoint);
      setAll(bits, updatedOrder(), from, Math.min(n, j * step));
      return bits;
    },
    facet(name) {
      let f = facets.get(name);
      if (!f) facets.set(name, (f = facetIndex(artefact, name, nameRank, words)));
      return f;
    },
    pairs(first, second) {
      const key = `${first} ${second}`;
      let counts = pairs.get(key);
      if (!counts) pairs.set(key, (counts = cooccurrence(n, this.facet(first), this.facet(second))));
      return counts;
    },
    knownSlugs(param) {
      let known = slugs.get(param);
      if (!known) slugs.set(param, (known = new Set(artefact.taxonomies[param === 'subject' ? 'subjects' : 'sectors'].map((t) => t.slug))));
      return known;
    },
    search: lazy(() => ({
      best: new Float64Array(n),
      touched: new Int32Array(n),
      total: new Float64Array(n),
      hits: new Uint8Array(n),
      candidates: new Int32Array(n),
      keys: new Float64Array(n),
    })),
    termRun(lo, hi, build) {
      const key = lo * termCount + hi;
      let run = runs.get(key);
      if (!run) {
        // Past the bound, a run still works, in a scratch bitset of this query.
        const cached = runs.size < TERM_RUN_CACHE;
        const bits = cached ? new Uint32Array(words) : this.bitset().fill(0);
        build(bits);
        run = { bits, count: popcount(bits) };
        if (cached) runs.set(key, run);
      }
      return run;
    },
    bitset() {
      if (used === pool.length) pool.push(new Uint32Array(words));
      return pool[used++]!;
    },
    releaseBitsets() {
      used = 0;
    },
  };
}

/** A bitset of ranks from a list of them (helper for callers holding a scratch bitset). */
export function fillBits(bits: Uint32Array, ranks: ArrayLike<number>, from = 0, to = ranks.length): Uint32Array {
  bits.fill(0);
  setAll(bits, ranks, from, to);
  return bits;
}
