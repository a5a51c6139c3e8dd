/**
 * The filter, facet and sort layer every peer search library gets, written once: libraries like
 * MiniSearch and FlexSearch find text, but a directory also filters by country, subject, …,
 * counts facets and sorts by name or date. To compare engines fairly, each peer gets a competent
 * bitset layer over the same precomputed data our artefact holds (facet postings, name and date
 * orders), so that the measured difference is the engines', not a handicap of ours:
 *
 * - one bitset per facet value, built at load; filters AND 32 docs per operation;
 * - each facet counted over every *other* filter by visiting only the set bits;
 * - unfiltered facet counts are the postings' lengths; a single-value filter uses its bitset as is;
 * - name and date orders walked with a bitset test; relevance is the library's own order.
 *
 * The peer supplies only `search(words)`: the ids of the docs matching every word (the last word
 * also as a prefix), best first. Scratch bitsets are allocated once per layer instance.
 */
import type { Artefact, FacetName } from '../../src/engine/artefact.ts';
import { entryCount, entryOf, FACETS } from '../../src/engine/artefact.ts';
import { andInto, has, orInto, popcount, setAll, wordsFor } from '../../src/engine/bitset.ts';
import { queryWords } from '../../src/engine/search.ts';
import type { GroupsQuery } from '../../src/schema/query.ts';

export interface EngineResult {
  page: number[];
  total: number;
  facets?: Partial<Record<FacetName, Map<string, number>>>;
}

export interface TextSearcher {
  /** Doc ids matching every word (the last also as a prefix), most relevant first. */
  search(words: string[]): ArrayLike<number>;
}

interface FacetData {
  values: string[];
  bits: Uint32Array[];
  counts: Int32Array;
  /** Doc d's value ids are ids[offsets[d] … offsets[d + 1]). */
  offsets: Int32Array;
  ids: Int32Array;
  slot: Map<string, number>;
}

export function createFilterLayer(artefact: Artefact, text: TextSearcher): (query: GroupsQuery) => EngineResult {
  // Entries as our engine reads them: counted without parsing, and a date read (parsing that one
  // entry) only where the binary search of an updated_since filter looks (src/engine/run-query.ts).
  const n = entryCount(artefact);
  const words = wordsFor(n);
  const byName = Int32Array.from(artefact.index.byName);
  const byUpdated = Int32Array.from(artefact.index.byUpdated);
  const data = {} as Record<FacetName, FacetData>;
  for (const facet of FACETS) {
    const postings = artefact.index.facets[facet];
    const values = Object.keys(postings);
    const offsets = new Int32Array(n + 1);
    for (const v of values) for (const doc of postings[v]!) offsets[doc + 1]!++;
    for (let d = 0; d < n; d++) offsets[d + 1]! += offsets[d]!;
    const fill = offsets.slice(0, n);
    const ids = new Int32Array(offsets[n]!);
    values.forEach((v, i) => {
      for (const doc of postings[v]!) ids[fill[doc]!++] = i;
    });
    const bits = values.map((v) => {
      const b = new Uint32Array(words);
      setAll(b, postings[v]!);
      return b;
    });
    data[facet] = { values, bits, counts: Int32Array.from(values.map((v) => postings[v]!.length)), offsets, ids, slot: new Map(values.map((v, i) => [v, i])) };
  }
  const scratch = Array.from({ length: 12 }, () => new Uint32Array(words));
  const empty = new Uint32Array(words);

  return (query) => {
    let free = 0;
    const take = () => scratch[free++]!.fill(0);
    const dims: { facet?: FacetName; bits: Uint32Array }[] = [];
    for (const facet of FACETS) {
      const wanted = query[facet] as string[] | undefined;
      if (!wanted || wanted.length === 0) continue;
      const d = data[facet];
      const lists = [...new Set(wanted)].map((v) => d.bits[d.slot.get(v) ?? -1] ?? empty);
      if (lists.length === 1) {
        dims.push({ facet, bits: lists[0]! });
        continue;
      }
      const out = take();
      const all = facet === 'subject' && query.subject_mode === 'all';
      if (all) out.set(lists[0]!);
      for (const l of all ? lists.slice(1) : lists) (all ? andInto : orInto)(out, out, l);
      dims.push({ facet, bits: out });
    }
    const searchWords = query.q ? queryWords(query.q) : [];
    const found = searchWords.length > 0 ? text.search(searchWords) : undefined;
    if (found) {
      const bits = take();
      setAll(bits, found);
      dims.push({ bits });
    }
    if (query.updated_since) {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (entryOf(artefact, byUpdated[mid]!).updated < query.updated_since) lo = mid + 1;
        else hi = mid;
      }
      const bits = take();
      setAll(bits, byUpdated, lo);
      dims.push({ bits });
    }
    const andOf = (except: number): Uint32Array | null => {
      const parts = dims.filter((_, i) => i !== except).map((d) => d.bits);
      if (parts.length === 0) return null;
      if (parts.length === 1) return parts[0]!;
      const out = take();
      andInto(out, parts[0]!, parts[1]!);
      for (let i = 2; i < parts.length; i++) andInto(out, out, parts[i]!);
      return out;
    };
    const result = andOf(-1);
    const total = result ? popcount(result) : n;

    let facets: EngineResult['facets'];
    if (query.facets) {
      facets = {};
      for (const facet of new Set(query.facets)) {
        const d = data[facet];
        const own = dims.findIndex((x) => x.facet === facet);
        const base = own >= 0 ? andOf(own) : result;
        let counts = d.counts;
        if (base) {
          counts = new Int32Array(d.values.length);
          for (let w = 0; w < words; w++) {
            let x = base[w]!;
            while (x !== 0) {
              const low = x & -x;
              const doc = (w << 5) | (31 - Math.clz32(low));
              x ^= low;
              for (let k = d.offsets[doc]!, end = d.offsets[doc + 1]!; k < end; k++) counts[d.ids[k]!]!++;
            }
          }
        }
        const map = new Map<string, number>();
        counts.forEach((c, v) => c > 0 && map.set(d.values[v]!, c));
        facets[facet] = map;
      }
    }

    const start = (query.page - 1) * query.per_page;
    const page: number[] = [];
    const sort = query.sort ?? (found ? 'relevance' : 'name');
    if (sort === 'relevance' && found) {
      let seen = 0;
      for (let i = 0; i < found.length && page.length < query.per_page; i++) {
        const doc = found[i]!;
        if (result && !has(result, doc)) continue;
        if (seen++ >= start) page.push(doc);
      }
    } else {
      const order = sort === 'updated' || sort === '-updated' ? byUpdated : byName;
      const descending = sort.startsWith('-');
      let seen = 0;
      for (let i = 0; i < n && page.length < query.per_page && start < total; i++) {
        const doc = order[descending ? n - 1 - i : i]!;
        if (result && !has(result, doc)) continue;
        if (seen++ >= start) page.push(doc);
      }
    }
    return { page, total, ...(facets ? { facets } : {}) };
  };
}
