/**
 * Filtering, facet counting, sorting and paging over a loaded directory. Pure: a validated query
 * in, doc ids and counts out. Every filter becomes a membership mask over the doc ids; facets are
 * counted the way shop filters do it: each facet over the result of every *other* filter, so
 * choosing a country still shows how many groups other countries would give.
 */
import type { GroupsQuery } from '../schema/query.ts';
import { FACETS, type FacetName } from './artefact.ts';
import type { Directory } from './directory.ts';
import { search } from './search.ts';

export interface QueryResult {
  /** Doc ids of the requested page, in order. */
  page: number[];
  total: number;
  /** Counts per value, for the requested facets. */
  facets?: Partial<Record<FacetName, Map<string, number>>>;
  /** Relevance per doc id, when `q` searched. */
  scores?: Float64Array;
}

export type QueryOutcome = { ok: true; result: QueryResult } | { ok: false; fields: Record<string, string> };

interface Dimension {
  facet?: FacetName;
  mask: Uint8Array;
}

/** Checks values that exist only in the content (taxonomy slugs), after the schema checked their form. */
function unknownTerms(dir: Directory, query: GroupsQuery): Record<string, string> {
  const fields: Record<string, string> = {};
  const { taxonomies } = dir.artefact;
  for (const [param, terms] of [['subject', taxonomies.subjects], ['sector', taxonomies.sectors]] as const) {
    const known = new Set(terms.map((t) => t.slug));
    const bad = (query[param] ?? []).filter((s) => !known.has(s));
    if (bad.length > 0) fields[param] = `unknown ${param === 'subject' ? 'subject heading' : 'sector'}: ${bad.join(', ')} (see /api/v1/taxonomies)`;
  }
  return fields;
}

/** A doc is in the mask when it is in any of the lists, or in all of them when `all`. */
function maskOf(n: number, lists: readonly (readonly number[])[], all: boolean): Uint8Array {
  const mask = new Uint8Array(n);
  if (!all || lists.length === 1) {
    for (const list of lists) for (const doc of list) mask[doc] = 1;
    return mask;
  }
  for (const list of lists) for (const doc of list) mask[doc]!++;
  for (let doc = 0; doc < n; doc++) mask[doc] = mask[doc] === lists.length ? 1 : 0;
  return mask;
}

function dimensions(dir: Directory, query: GroupsQuery, searched: ReturnType<typeof search>): Dimension[] {
  const n = dir.size;
  const { facets, byUpdated } = dir.artefact.index;
  const dims: Dimension[] = [];
  for (const facet of FACETS) {
    const values = query[facet] as string[] | undefined;
    if (!values || values.length === 0) continue;
    const lists = [...new Set(values)].map((v) => facets[facet][v] ?? []);
    dims.push({ facet, mask: maskOf(n, lists, facet === 'subject' && query.subject_mode === 'all') });
  }
  if (searched) {
    const mask = new Uint8Array(n);
    for (const doc of searched.docs) mask[doc] = 1;
    dims.push({ mask });
  }
  if (query.updated_since) {
    const entries = dir.artefact.entries;
    let lo = 0;
    let hi = byUpdated.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (entries[byUpdated[mid]!]!.updated < query.updated_since) lo = mid + 1;
      else hi = mid;
    }
    const mask = new Uint8Array(n);
    for (let i = lo; i < byUpdated.length; i++) mask[byUpdated[i]!] = 1;
    dims.push({ mask });
  }
  return dims;
}

/** Result membership: docs in every dimension. */
function intersect(n: number, dims: Dimension[]): { member: Uint8Array; total: number } {
  const member = new Uint8Array(n);
  let total = 0;
  const masks = dims.map((d) => d.mask);
  outer: for (let doc = 0; doc < n; doc++) {
    for (const mask of masks) if (mask[doc] === 0) continue outer;
    member[doc] = 1;
    total++;
  }
  return { member, total };
}

/**
 * One pass over every doc: a doc missing no dimension is a result and counts for every facet; a
 * doc missing exactly one facet's dimension counts for that facet only.
 */
function intersectWithFacets(dir: Directory, dims: Dimension[], wanted: FacetName[]) {
  const n = dir.size;
  const member = new Uint8Array(n);
  let total = 0;
  const tables = wanted.map((f) => dir.facetTable(f));
  const counts = tables.map((t) => new Int32Array(t.values.length));
  const slot = new Map(wanted.map((f, i) => [f, i]));
  const dimSlot = dims.map((d) => (d.facet !== undefined ? (slot.get(d.facet) ?? -1) : -1));
  const masks = dims.map((d) => d.mask);
  const count = (i: number, doc: number) => {
    const { offsets, ids } = tables[i]!;
    const c = counts[i]!;
    for (let k = offsets[doc]!, end = offsets[doc + 1]!; k < end; k++) c[ids[k]!]!++;
  };
  for (let doc = 0; doc < n; doc++) {
    let missed = -1;
    let misses = 0;
    for (let d = 0; d < masks.length; d++) {
      if (masks[d]![doc] === 0) {
        missed = d;
        if (++misses > 1) break;
      }
    }
    if (misses === 0) {
      member[doc] = 1;
      total++;
      for (let i = 0; i < tables.length; i++) count(i, doc);
    } else if (misses === 1 && dimSlot[missed]! >= 0) {
      count(dimSlot[missed]!, doc);
    }
  }
  const facets: Partial<Record<FacetName, Map<string, number>>> = {};
  wanted.forEach((f, i) => {
    const map = new Map<string, number>();
    const values = tables[i]!.values;
    counts[i]!.forEach((c, v) => c > 0 && map.set(values[v]!, c));
    facets[f] = map;
  });
  return { member, total, facets };
}

/** Puts the result in order and cuts out one page. */
function sortAndPage(dir: Directory, member: Uint8Array | null, total: number, query: GroupsQuery, scores: Float64Array | undefined, docs: Int32Array | undefined): number[] {
  const n = dir.size;
  const start = (query.page - 1) * query.per_page;
  if (start >= total) return [];
  const end = Math.min(total, start + query.per_page);
  const sort = query.sort ?? (scores ? 'relevance' : 'name');
  const { byName, byUpdated } = dir.artefact.index;
  if (sort === 'relevance' && scores && docs) {
    // One native numeric sort: the key orders by score (descending), then by name.
    const keys = new Float64Array(total);
    let max = 0;
    for (const doc of docs) if (member![doc]) max = Math.max(max, Math.round(scores[doc]! * 1000));
    let k = 0;
    for (const doc of docs) if (member![doc]) keys[k++] = (max - Math.round(scores[doc]! * 1000)) * n + dir.nameRank[doc]!;
    keys.sort();
    const out: number[] = [];
    for (let i = start; i < end; i++) out.push(byName[keys[i]! % n]!);
    return out;
  }
  const order = sort === 'updated' || sort === '-updated' ? byUpdated : byName;
  const descending = sort.startsWith('-');
  const out: number[] = [];
  let seen = 0;
  for (let i = 0; i < n && out.length < end - start; i++) {
    const doc = order[descending ? n - 1 - i : i]!;
    if (member && !member[doc]) continue;
    if (seen++ >= start) out.push(doc);
  }
  return out;
}

export function runQuery(dir: Directory, query: GroupsQuery): QueryOutcome {
  const unknown = unknownTerms(dir, query);
  if (Object.keys(unknown).length > 0) return { ok: false, fields: unknown };
  const searched = search(dir, query.q);
  const dims = dimensions(dir, query, searched);
  const wanted = query.facets ? [...new Set(query.facets)] : [];
  let member: Uint8Array | null = null;
  let total = dir.size;
  let facets: QueryResult['facets'];
  if (wanted.length > 0 && dims.length === 0) {
    facets = {};
    for (const f of wanted) facets[f] = new Map(Object.entries(dir.artefact.index.facets[f]).map(([v, docs]) => [v, docs.length]));
  } else if (wanted.length > 0) {
    ({ member, total, facets } = intersectWithFacets(dir, dims, wanted));
  } else if (dims.length > 0) {
    ({ member, total } = intersect(dir.size, dims));
  }
  const page = sortAndPage(dir, member, total, query, searched?.scores, searched?.docs);
  return { ok: true, result: { page, total, ...(facets ? { facets } : {}), ...(searched ? { scores: searched.scores } : {}) } };
}
