/**
 * Filtering, facet counting, sorting and paging over a loaded directory. Pure: a validated query
 * in, doc ids and counts out (the directory's scratch buffers are reset before it returns).
 *
 * Every filter is a bitset over name ranks (see query-index.ts): intersecting two filters handles
 * 32 docs per operation, a single-value filter is its cached bitset as is. Facets are counted the
 * way shop filters do it: each facet over the result of every *other* filter, so choosing a
 * country still shows how many groups other countries would give — from a precomputed pair table
 * when the rest is one facet value, else by visiting the set bits or, for facets with few values,
 * by one popcount per value and word, whichever reads less. Pages come
 * from the precomputed orders: name order is the bit order itself, date order a walk of the date
 * order (or a top-k by date position when few docs match), relevance a top-k selection.
 */
import type { Locale } from '../i18n/index.ts';
import { problemText } from '../i18n/problems.ts';
import type { GroupsQuery } from '../schema/query.ts';
import { FACETS, POSTING_WEIGHT_BITS, type FacetName } from './artefact.ts';
import { andInto, intersectionCount, nthOnward, orInto, popcount, setAll } from './bitset.ts';
import type { Directory } from './directory.ts';
import type { FacetIndex, QueryIndex } from './query-index.ts';
import { endSearch, search, type TextMatch } from './search.ts';

// Local copy: a hot loop should not go through an imported binding.
const SHIFT = POSTING_WEIGHT_BITS;
const MASK = (1 << SHIFT) - 1;
const has = (bits: Uint32Array, rank: number) => (bits[rank >>> 5]! & (1 << (rank & 31))) !== 0;

export interface QueryResult {
  /** Doc ids of the requested page, in order. */
  page: number[];
  total: number;
  /** Counts per value, for the requested facets. */
  facets?: Partial<Record<FacetName, Map<string, number>>>;
}

export type QueryOutcome = { ok: true; result: QueryResult } | { ok: false; fields: Record<string, string> };

/** A set of ranks; `count` is -1 until someone needs it. */
interface Part {
  facet?: FacetName;
  bits: Uint32Array;
  count: number;
  /** Set when the part is exactly one facet value (its cached bitset). */
  slot?: number;
}

/** Checks values that exist only in the content (taxonomy slugs), after the schema checked their form. */
function unknownTerms(qi: QueryIndex, query: GroupsQuery, locale: Locale): Record<string, string> | undefined {
  let fields: Record<string, string> | undefined;
  for (const param of ['subject', 'sector'] as const) {
    const values = query[param];
    if (!values) continue;
    const known = qi.knownSlugs(param);
    const bad = values.filter((s) => !known.has(s));
    if (bad.length > 0) (fields ??= {})[param] = problemText(locale, { code: 'unknown_terms', detail: { values: bad } }, param);
  }
  return fields;
}

/** The facet filters and `updated_since`, each as one bitset. */
function filterParts(dir: Directory, qi: QueryIndex, query: GroupsQuery): Part[] {
  const parts: Part[] = [];
  for (const facet of FACETS) {
    const values = query[facet] as string[] | undefined;
    if (!values || values.length === 0) continue;
    const index = qi.facet(facet);
    const slots = [...new Set(values)].map((v) => index.slot.get(v) ?? -1);
    const all = facet === 'subject' && query.subject_mode === 'all';
    if (slots.length === 1 || (all && slots.includes(-1)) || (!all && slots.every((s) => s < 0))) {
      const slot = slots.length === 1 ? slots[0]! : -1;
      parts.push(slot >= 0 ? { facet, bits: index.bits(slot), count: index.counts[slot]!, slot } : { facet, bits: qi.bitset().fill(0), count: 0 });
      continue;
    }
    const bits = qi.bitset();
    const valid = slots.filter((s) => s >= 0);
    let count = -1;
    if (all) {
      count = andInto(bits, index.bits(valid[0]!), index.bits(valid[1]!));
      for (let i = 2; i < valid.length; i++) count = andInto(bits, bits, index.bits(valid[i]!));
    } else {
      bits.set(index.bits(valid[0]!));
      for (let i = 1; i < valid.length; i++) orInto(bits, bits, index.bits(valid[i]!));
    }
    parts.push({ facet, bits, count });
  }
  if (query.updated_since) {
    const byUpdated = dir.artefact.index.byUpdated;
    let lo = 0;
    let hi = byUpdated.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (dir.entry(byUpdated[mid]!).updated < query.updated_since) lo = mid + 1;
      else hi = mid;
    }
    parts.push({ bits: qi.updatedFrom(lo), count: qi.n - lo });
  }
  return parts;
}

/** The ranks a text match holds, written into `bits`. */
function matchBits(dir: Directory, qi: QueryIndex, match: TextMatch): Part {
  if (match.kind === 'run') return { bits: match.bits, count: match.count };
  const bits = qi.bitset().fill(0);
  if (match.kind === 'term') {
    const postings = dir.postings;
    for (let p = match.from; p < match.to; p++) {
      const rank = postings[p]! >>> SHIFT;
      bits[rank >>> 5]! |= 1 << (rank & 31);
    }
  } else setAll(bits, qi.search().candidates, 0, match.count);
  return { bits, count: match.count };
}

/** The intersection of `parts` (null: no constraint, every doc). Never writes into a part. */
function intersection(qi: QueryIndex, parts: Part[]): Part | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!;
  const bits = qi.bitset();
  let count = andInto(bits, parts[0]!.bits, parts[1]!.bits);
  for (let i = 2; i < parts.length; i++) count = andInto(bits, bits, parts[i]!.bits);
  return { bits, count };
}

const countOf = (part: Part) => (part.count >= 0 ? part.count : (part.count = popcount(part.bits)));

/**
 * Counts of one facet's values over `base`. Visiting set bits reads each matching doc's values;
 * popcounts read every value's bitset once: the first wins on small results and facets with many
 * values (countries), the second on big results and facets with few (scope, relation).
 */
function countFacet(qi: QueryIndex, name: FacetName, index: FacetIndex, base: Part | null): Int32Array {
  if (!base) return index.counts;
  if (base.slot !== undefined) {
    // Exactly one value of another facet: its row of the pair table.
    const width = index.values.length;
    return qi.pairs(base.facet!, name).subarray(base.slot * width, (base.slot + 1) * width);
  }
  const docs = countOf(base);
  const counts = new Int32Array(index.values.length);
  if (docs === 0) return counts;
  const visitCost = docs * (5 + 3 * index.perDoc);
  const popcountCost = index.values.length * (2 * qi.words + 10 * Math.min(docs, qi.words));
  if (popcountCost < visitCost) {
    for (let v = 0; v < counts.length; v++) counts[v] = intersectionCount(base.bits, index.bits(v));
    return counts;
  }
  const { offsets, ids } = index.rows();
  const bits = base.bits;
  for (let w = 0; w < bits.length; w++) {
    let x = bits[w]!;
    while (x !== 0) {
      const low = x & -x;
      const rank = (w << 5) | (31 - Math.clz32(low));
      x ^= low;
      for (let k = offsets[rank]!, end = offsets[rank + 1]!; k < end; k++) counts[ids[k]!]!++;
    }
  }
  return counts;
}

// Top-k selection on numeric keys: a max-heap of the k smallest keys seen, in a scratch array.
function siftDown(heap: Float64Array, size: number, at: number): void {
  const key = heap[at]!;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[child + 1]! > heap[child]!) child++;
    if (heap[child]! <= key) break;
    heap[at] = heap[child]!;
    at = child;
  }
  heap[at] = key;
}

function siftUp(heap: Float64Array, at: number): void {
  const key = heap[at]!;
  while (at > 0) {
    const parent = (at - 1) >>> 1;
    if (heap[parent]! >= key) break;
    heap[at] = heap[parent]!;
    at = parent;
  }
  heap[at] = key;
}

/** Collects keys, keeping only the `k` smallest; `done()` gives them ascending. */
class Smallest {
  size = 0;
  constructor(
    private readonly heap: Float64Array,
    private readonly k: number,
  ) {}
  push(key: number): void {
    if (this.size < this.k) {
      this.heap[this.size] = key;
      siftUp(this.heap, this.size++);
    } else if (key < this.heap[0]!) {
      this.heap[0] = key;
      siftDown(this.heap, this.size, 0);
    }
  }
  done(): Float64Array {
    return this.heap.subarray(0, this.size).sort();
  }
}

/** One page in relevance order: rounded score descending, then name. */
function relevancePage(dir: Directory, qi: QueryIndex, match: TextMatch, filter: Part | null, start: number, end: number): number[] {
  const out: number[] = [];
  if (match.kind === 'term') {
    // Already in relevance order: read the page off the front, skipping docs the filters drop.
    const postings = dir.postings;
    if (!filter) {
      for (let p = match.from + start; p < match.from + end; p++) out.push(qi.byName[postings[p]! >>> SHIFT]!);
      return out;
    }
    let seen = 0;
    for (let p = match.from; p < match.to && seen < end; p++) {
      const rank = postings[p]! >>> SHIFT;
      if (!has(filter.bits, rank)) continue;
      if (seen++ >= start) out.push(qi.byName[rank]!);
    }
    return out;
  }
  if (match.kind === 'run') return mergedPage(dir, qi, match, filter, start, end);
  const n = qi.n;
  const { candidates, total, keys } = qi.search();
  const top = new Smallest(keys, end);
  for (let k = 0; k < match.count; k++) {
    const rank = candidates[k]!;
    if (filter && !has(filter.bits, rank)) continue;
    top.push(-Math.round(total[rank]! * 1000) * n + rank);
  }
  const sorted = top.done();
  for (let i = start; i < sorted.length; i++) out.push(qi.byName[((sorted[i]! % n) + n) % n]!);
  return out;
}

/**
 * One page of a word's completions in relevance order: the terms' lists are each in that order
 * already, so a k-way merge on (weight × exactness, rank) yields docs best first; a doc seen again
 * in a later list scored less there. Reads about one posting per term plus the page.
 */
function mergedPage(dir: Directory, qi: QueryIndex, match: Extract<TextMatch, { kind: 'run' }>, filter: Part | null, start: number, end: number): number[] {
  const { termOffsets } = dir.artefact.index;
  const postings = dir.postings;
  const n = qi.n;
  const lists = match.hi - match.lo;
  const at = new Int32Array(lists);
  const stop = new Int32Array(lists);
  // Min-heap of lists by their head's key: (max code − weight × exactness in tenths) × n + rank.
  const heapKey = new Float64Array(lists);
  const heapList = new Int32Array(lists);
  let size = 0;
  const keyOf = (list: number) => {
    const posting = postings[at[list]!]!;
    const code = (posting & MASK) * (list === 0 && match.exactFirst ? 10 : 8);
    return (MASK * 10 - code) * n + (posting >>> SHIFT);
  };
  const push = (list: number) => {
    const key = keyOf(list);
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (heapKey[parent]! <= key) break;
      heapKey[i] = heapKey[parent]!;
      heapList[i] = heapList[parent]!;
      i = parent;
    }
    heapKey[i] = key;
    heapList[i] = list;
  };
  for (let l = 0; l < lists; l++) {
    at[l] = termOffsets[match.lo + l]!;
    stop[l] = termOffsets[match.lo + l + 1]!;
    if (at[l]! < stop[l]!) push(l);
  }
  const { hits: seenDoc, touched } = qi.search();
  let marked = 0;
  let seen = 0;
  const out: number[] = [];
  while (size > 0 && seen < end) {
    const list = heapList[0]!;
    const rank = postings[at[list]!]! >>> SHIFT;
    // Advance that list: its next head replaces the root (or the last leaf does).
    let key: number;
    let moved: number;
    if (++at[list]! < stop[list]!) {
      key = keyOf(list);
      moved = list;
    } else {
      size--;
      key = heapKey[size]!;
      moved = heapList[size]!;
    }
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && heapKey[child + 1]! < heapKey[child]!) child++;
      if (heapKey[child]! >= key) break;
      heapKey[i] = heapKey[child]!;
      heapList[i] = heapList[child]!;
      i = child;
    }
    if (size > 0) {
      heapKey[i] = key;
      heapList[i] = moved;
    }
    if (seenDoc[rank] !== 0) continue;
    seenDoc[rank] = 1;
    touched[marked++] = rank;
    if (filter && !has(filter.bits, rank)) continue;
    if (seen++ >= start) out.push(qi.byName[rank]!);
  }
  for (let k = 0; k < marked; k++) seenDoc[touched[k]!] = 0;
  return out;
}

/** One page in date order (or its reverse) of the docs in `result`. */
function updatedPage(qi: QueryIndex, result: Part | null, start: number, end: number, descending: boolean): number[] {
  const n = qi.n;
  const order = qi.updatedOrder();
  const out: number[] = [];
  const at = (i: number) => order[descending ? n - 1 - i : i]!;
  if (!result) {
    for (let i = start; i < end; i++) out.push(qi.byName[at(i)]!);
    return out;
  }
  const total = countOf(result);
  // Walking the order reads about end × n / total positions; selecting by date position reads
  // every set bit once and keeps `end` of them in a heap.
  if (end * (n / total) <= qi.words + total * Math.log2(end + 1)) {
    let seen = 0;
    for (let i = 0; i < n && seen < end; i++) {
      const rank = at(i);
      if (!has(result.bits, rank)) continue;
      if (seen++ >= start) out.push(qi.byName[rank]!);
    }
    return out;
  }
  const position = qi.updatedPosition();
  const top = new Smallest(qi.search().keys, end);
  const bits = result.bits;
  for (let w = 0; w < bits.length; w++) {
    let x = bits[w]!;
    while (x !== 0) {
      const low = x & -x;
      const p = position[(w << 5) | (31 - Math.clz32(low))]!;
      x ^= low;
      top.push(descending ? n - 1 - p : p);
    }
  }
  const sorted = top.done();
  for (let i = start; i < sorted.length; i++) out.push(qi.byName[at(sorted[i]!)]!);
  return out;
}

function execute(dir: Directory, qi: QueryIndex, query: GroupsQuery, match: TextMatch | undefined): QueryResult {
  const filters = filterParts(dir, qi, query);
  const wanted = query.facets ? [...new Set(query.facets)] : [];
  const sort = query.sort ?? (match ? 'relevance' : 'name');
  const byRelevance = sort === 'relevance' && match !== undefined;
  // The text match as a bitset only when something reads it as one.
  const text = match && (wanted.length > 0 || !byRelevance) ? matchBits(dir, qi, match) : undefined;
  const parts = text ? [...filters, text] : filters;
  const filter = intersection(qi, filters);
  const result: Part | null = text || !match ? intersection(qi, parts) : null;

  let total: number;
  if (result) total = countOf(result);
  else if (!match) total = qi.n;
  else if (!filter) total = match.count;
  else {
    // Text and filters without a bitset of the text: count the matches the filters keep.
    total = 0;
    if (match.kind === 'term') {
      const postings = dir.postings;
      for (let p = match.from; p < match.to; p++) if (has(filter.bits, postings[p]! >>> SHIFT)) total++;
    } else if (match.kind === 'run') {
      total = intersectionCount(match.bits, filter.bits);
    } else {
      const candidates = qi.search().candidates;
      for (let k = 0; k < match.count; k++) if (has(filter.bits, candidates[k]!)) total++;
    }
  }

  let facets: QueryResult['facets'];
  if (wanted.length > 0) {
    facets = {};
    for (const facet of wanted) {
      const own = parts.findIndex((p) => p.facet === facet);
      const base =
        own < 0
          ? result
          : intersection(
              qi,
              parts.filter((_, i) => i !== own),
            );
      const index = qi.facet(facet);
      const counts = countFacet(qi, facet, index, base);
      const map = new Map<string, number>();
      for (let v = 0; v < counts.length; v++) if (counts[v]! > 0) map.set(index.values[v]!, counts[v]!);
      facets[facet] = map;
    }
  }

  const start = (query.page - 1) * query.per_page;
  const end = Math.min(total, start + query.per_page);
  let page: number[] = [];
  if (start < total) {
    if (byRelevance) page = relevancePage(dir, qi, match, filter, start, end);
    else if (sort === 'updated' || sort === '-updated') page = updatedPage(qi, result, start, end, sort === '-updated');
    else if (!result) for (let i = start; i < end; i++) page.push(qi.byName[sort === '-name' ? qi.n - 1 - i : i]!);
    else page = nthOnward(result.bits, start, end - start, sort === '-name').map((rank) => qi.byName[rank]!);
  }
  return { page, total, ...(facets ? { facets } : {}) };
}

/** `locale`: the language of the messages when the query names terms the directory does not have. */
export function runQuery(dir: Directory, query: GroupsQuery, locale: Locale = 'en'): QueryOutcome {
  const qi = dir.queryIndex();
  const unknown = unknownTerms(qi, query, locale);
  if (unknown) return { ok: false, fields: unknown };
  const match = search(dir, query.q);
  try {
    return { ok: true, result: execute(dir, qi, query, match) };
  } finally {
    endSearch(dir, match);
    qi.releaseBitsets();
  }
}
