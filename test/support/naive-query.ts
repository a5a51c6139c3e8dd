/**
 * The baseline the benchmark compares against, and the oracle property tests check the engine
 * against: the straightforward implementation that folds and tests every entry on every request,
 * and recounts facets by re-running the filters. Same answers as the engine, no index.
 */
import { documentWeights } from '../../src/content/build-artefact.ts';
import { tokenize } from '../../src/text/normalise-text.ts';
import { FACETS, facetValues, type FacetName } from '../../src/engine/artefact.ts';
import type { Entry } from '../../src/schema/entry.ts';
import type { GroupsQuery } from '../../src/schema/query.ts';
import type { TaxonomyTerm } from '../../src/schema/taxonomy.ts';

const PARAM: Record<FacetName, keyof GroupsQuery> = {
  country: 'country',
  scope: 'scope',
  subject: 'subject',
  sector: 'sector',
  language: 'language',
  relation: 'relation',
  structure: 'structure',
};

/** Each entry's searchable words, computed once per entry object (a pure function's memo). */
const wordsOf = new WeakMap<Entry, Set<string>>();

function words(entry: Entry, subjects: TaxonomyTerm[]): Set<string> {
  let known = wordsOf.get(entry);
  if (!known) wordsOf.set(entry, (known = entryWords(entry, subjects)));
  return known;
}

function entryWords(entry: Entry, subjects: TaxonomyTerm[]): Set<string> {
  const texts = [entry.name, entry.short_name ?? '', ...(entry.alternate_names ?? []), ...Object.values(entry.summary), ...Object.values(entry.purpose ?? {})];
  for (const s of entry.subjects ?? []) texts.push(...Object.values(subjects.find((t) => t.slug === s)?.label ?? {}));
  return new Set(texts.flatMap((t) => tokenize(t ?? '')));
}

/** Each entry's word weights, computed once per entry object (a pure function's memo). */
const weightsOf = new WeakMap<Entry, Map<string, number>>();

const queryWords = (q: string) => [...new Set(tokenize(q))].slice(0, 12);

/**
 * Relevance by its definition, doc by doc: per word, a doc's best field weight over the terms it
 * matches (× 0.8 for a longer word the last one only starts), times log(1 + n / docs matching the
 * word); summed over the words. Ordered by the score to three decimals, then by name.
 */
function relevance<E extends Entry>(entries: E[], subjects: TaxonomyTerm[], q: string): Map<E, number> {
  const words = queryWords(q);
  const bySlug = new Map(subjects.map((t) => [t.slug, t]));
  const weights = entries.map((e) => {
    let w = weightsOf.get(e);
    if (!w) weightsOf.set(e, (w = documentWeights(e, bySlug)));
    return w;
  });
  const scores = entries.map(() => 0);
  words.forEach((word, i) => {
    const prefix = i === words.length - 1;
    const best = weights.map((w) => {
      let b = 0;
      for (const [term, weight] of w) {
        if (term === word) b = Math.max(b, weight);
        else if (prefix && term.startsWith(word)) b = Math.max(b, weight * 0.8);
      }
      return b;
    });
    const idf = Math.log(1 + entries.length / Math.max(1, best.filter((b) => b > 0).length));
    best.forEach((b, d) => (scores[d]! += b * idf));
  });
  return new Map(entries.map((e, d) => [e, Math.round(scores[d]! * 1000)]));
}

function matchesText(entry: Entry, q: string | undefined, subjects: TaxonomyTerm[]): boolean {
  if (!q) return true;
  const query = queryWords(q);
  if (query.length === 0) return true;
  const have = words(entry, subjects);
  return query.every((w, i) => have.has(w) || (i === query.length - 1 && [...have].some((h) => h.startsWith(w))));
}

function matchesFacet(entry: Entry, facet: FacetName, query: GroupsQuery): boolean {
  const wanted = query[PARAM[facet]] as string[] | undefined;
  if (!wanted || wanted.length === 0) return true;
  const values = facetValues(entry, facet);
  return facet === 'subject' && query.subject_mode === 'all' ? wanted.every((w) => values.includes(w)) : wanted.some((w) => values.includes(w));
}

export function naiveQuery<E extends Entry>(entries: E[], subjects: TaxonomyTerm[], query: GroupsQuery) {
  const base = (e: E, except?: FacetName) =>
    matchesText(e, query.q, subjects) &&
    (!query.updated_since || e.updated >= query.updated_since) &&
    FACETS.every((f) => f === except || matchesFacet(e, f, query));
  const results = entries.filter((e) => base(e));
  const facets: Partial<Record<FacetName, Map<string, number>>> = {};
  for (const f of query.facets ?? []) {
    const counts = new Map<string, number>();
    for (const e of entries) if (base(e, f)) for (const v of facetValues(e, f)) counts.set(v, (counts.get(v) ?? 0) + 1);
    facets[f] = counts;
  }
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const searched = query.q !== undefined && queryWords(query.q).length > 0;
  const sort = query.sort ?? (searched ? 'relevance' : 'name');
  const byUpdated = sort === 'updated' || sort === '-updated';
  const scores = sort === 'relevance' && searched ? relevance(entries, subjects, query.q!) : undefined;
  const sorted = results
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        (scores ? scores.get(b.e)! - scores.get(a.e)! : 0) ||
        (byUpdated ? (a.e.updated < b.e.updated ? -1 : a.e.updated > b.e.updated ? 1 : 0) : 0) ||
        collator.compare(a.e.name, b.e.name) ||
        a.i - b.i,
    )
    .map((x) => x.e);
  if (sort.startsWith('-')) sorted.reverse();
  const start = (query.page - 1) * query.per_page;
  return { total: results.length, page: sorted.slice(start, start + query.per_page), all: results, facets };
}
