/**
 * Filtering, facet counting, sorting and paging over a loaded directory. Pure: a validated query
 * in, doc ids and counts out. Facets are counted the way shop filters do it: each facet over the
 * result of every *other* filter, so choosing a country still shows how many groups other
 * countries would give.
 */
import type { GroupsQuery } from '../schema/query.ts';
import { FACETS, facetValues, type FacetName } from './artefact.ts';
import type { Directory } from './directory.ts';
import { search } from './search.ts';

export interface QueryResult {
  /** Doc ids of the requested page, in order. */
  page: number[];
  total: number;
  /** Counts per value, for the requested facets. */
  facets?: Partial<Record<FacetName, Map<string, number>>>;
  scores?: Map<number, number>;
}

export type QueryOutcome = { ok: true; result: QueryResult } | { ok: false; fields: Record<string, string> };

interface Dimension {
  facet?: FacetName;
  /** Ascending doc ids. */
  docs: number[];
}

const PARAM_OF: Record<FacetName, keyof GroupsQuery> = {
  country: 'country',
  scope: 'scope',
  subject: 'subject',
  sector: 'sector',
  language: 'language',
  relation: 'relation',
  structure: 'structure',
};

function union(lists: number[][]): number[] {
  if (lists.length === 1) return lists[0]!;
  const set = new Set<number>();
  for (const list of lists) for (const doc of list) set.add(doc);
  return [...set].sort((a, b) => a - b);
}

function intersectSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return out;
}

function intersectAll(lists: number[][]): number[] {
  if (lists.length === 0) return [];
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let acc = sorted[0]!;
  for (let k = 1; k < sorted.length && acc.length > 0; k++) acc = intersectSorted(acc, sorted[k]!);
  return acc;
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

function dimensions(dir: Directory, query: GroupsQuery, scores: Map<number, number> | undefined): Dimension[] {
  const { facets, byUpdated } = dir.artefact.index;
  const dims: Dimension[] = [];
  for (const facet of FACETS) {
    const values = query[PARAM_OF[facet]] as string[] | undefined;
    if (!values || values.length === 0) continue;
    const lists = values.map((v) => facets[facet][v] ?? []);
    const docs = facet === 'subject' && query.subject_mode === 'all' ? intersectAll(lists) : union(lists);
    dims.push({ facet, docs });
  }
  if (scores) dims.push({ docs: [...scores.keys()].sort((a, b) => a - b) });
  if (query.updated_since) {
    const since = query.updated_since;
    const entries = dir.artefact.entries;
    const docs = byUpdated.filter((doc) => entries[doc]!.updated >= since).sort((a, b) => a - b);
    dims.push({ docs });
  }
  return dims;
}

function countInto(counts: Map<string, number>, values: readonly string[]): void {
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
}

/**
 * One pass over every doc: a doc missing no dimension is a result and counts for every facet; a
 * doc missing exactly one facet's dimension counts for that facet only.
 */
function filterWithFacets(dir: Directory, dims: Dimension[], wanted: FacetName[]) {
  const n = dir.size;
  const entries = dir.artefact.entries;
  const facets: Partial<Record<FacetName, Map<string, number>>> = {};
  for (const f of wanted) facets[f] = new Map();
  if (dims.length === 0) {
    for (const f of wanted) {
      const postings = dir.artefact.index.facets[f];
      for (const value of Object.keys(postings)) facets[f]!.set(value, postings[value]!.length);
    }
    return { ids: null, facets };
  }
  const missing = new Uint8Array(n).fill(dims.length);
  const seenSum = new Uint32Array(n);
  let fullSum = 0;
  dims.forEach((dim, k) => {
    fullSum += k + 1;
    for (const doc of dim.docs) {
      missing[doc]!--;
      seenSum[doc]! += k + 1;
    }
  });
  const wantedSet = new Set(wanted);
  const ids: number[] = [];
  for (let doc = 0; doc < n; doc++) {
    const miss = missing[doc]!;
    if (miss > 1) continue;
    const entry = entries[doc]!;
    if (miss === 0) {
      ids.push(doc);
      for (const f of wanted) countInto(facets[f]!, facetValues(entry, f));
    } else {
      const facet = dims[fullSum - seenSum[doc]! - 1]!.facet;
      if (facet && wantedSet.has(facet)) countInto(facets[facet]!, facetValues(entry, facet));
    }
  }
  return { ids, facets };
}

/** Puts `ids` (or all docs, when null) in order and cuts out one page. */
function sortAndPage(dir: Directory, ids: number[] | null, query: GroupsQuery, scores: Map<number, number> | undefined): number[] {
  const sort = query.sort ?? (scores ? 'relevance' : 'name');
  const start = (query.page - 1) * query.per_page;
  const total = ids ? ids.length : dir.size;
  if (start >= total) return [];
  const end = Math.min(total, start + query.per_page);
  if (sort === 'relevance' && scores) {
    const rank = dir.nameRank;
    return [...ids!].sort((a, b) => scores.get(b)! - scores.get(a)! || rank[a]! - rank[b]!).slice(start, end);
  }
  const byUpdated = sort === 'updated' || sort === '-updated';
  const order = byUpdated ? dir.artefact.index.byUpdated : dir.artefact.index.byName;
  const descending = sort.startsWith('-');
  if (!ids) {
    const out: number[] = [];
    for (let i = start; i < end; i++) out.push(order[descending ? dir.size - 1 - i : i]!);
    return out;
  }
  // Walking the precomputed order beats sorting when the result is a large part of the directory.
  if (ids.length * Math.log2(ids.length + 1) > dir.size) {
    const member = new Uint8Array(dir.size);
    for (const doc of ids) member[doc] = 1;
    const out: number[] = [];
    let seen = 0;
    for (let i = 0; i < dir.size && out.length < end - start; i++) {
      const doc = order[descending ? dir.size - 1 - i : i]!;
      if (!member[doc]) continue;
      if (seen++ >= start) out.push(doc);
    }
    return out;
  }
  const rank = byUpdated ? dir.updatedRank : dir.nameRank;
  const sign = descending ? -1 : 1;
  return [...ids].sort((a, b) => sign * (rank[a]! - rank[b]!)).slice(start, end);
}

export function runQuery(dir: Directory, query: GroupsQuery): QueryOutcome {
  const unknown = unknownTerms(dir, query);
  if (Object.keys(unknown).length > 0) return { ok: false, fields: unknown };
  const scores = search(dir.artefact, query.q);
  const dims = dimensions(dir, query, scores);
  const wanted = query.facets ? [...new Set(query.facets)] : [];
  let ids: number[] | null;
  let facets: QueryResult['facets'];
  if (wanted.length > 0) {
    ({ ids, facets } = filterWithFacets(dir, dims, wanted));
  } else {
    ids = dims.length === 0 ? null : intersectAll(dims.map((d) => d.docs));
  }
  const total = ids ? ids.length : dir.size;
  const page = sortAndPage(dir, ids, query, scores);
  return { ok: true, result: { page, total, ...(facets ? { facets } : {}), ...(scores ? { scores } : {}) } };
}
