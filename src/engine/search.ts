/**
 * Full-text search over the artefact's inverted index. Every word must match (AND); the last word
 * also matches as a prefix, so results appear while someone types. Scores add each matched word's
 * field weight times its inverse document frequency; a word found as itself counts fully, one
 * found only as the start of a longer word 0.8.
 *
 * Docs are name ranks (see query-index.ts) and each term's postings are stored by impact (weight
 * descending, then rank): a one-word search that matches a single term already has its results in
 * relevance order, so a page is read off the front of the list. Otherwise the search works in the
 * directory's scratch buffers and resets only what it touched: its cost follows the postings it
 * reads, not the size of the directory.
 */
import { tokenize } from '../text/normalise-text.ts';
import { POSTING_WEIGHT_BITS, POSTING_WEIGHT_MASK } from './artefact.ts';
import type { Directory } from './directory.ts';

// Local copies: a hot loop should not go through an imported binding.
const SHIFT = POSTING_WEIGHT_BITS;
const MASK = POSTING_WEIGHT_MASK;

const MAX_WORDS = 12;
const PREFIX_EXACTNESS = 0.8;

/** The words a query searches for, in order, each once; the last one also matches as a prefix. */
export function queryWords(q: string): string[] {
  return [...new Set(tokenize(q))].slice(0, MAX_WORDS);
}

/**
 * Matches of one search, valid until the directory runs its next query.
 * - `term`: a single word matching a single term: postings[from … to) in relevance order, each
 *   scoring weight × exactness × idf.
 * - `run`: a single word matching the terms lo … hi - 1 (its completions; lo is the word itself
 *   when it is a term): each term's postings in relevance order, `bits` the docs of all of them.
 *   A doc scores its best weight × exactness over the terms, × idf; the page is a merge of the
 *   lists, so its cost follows the page, not the number of matches.
 * - `candidates`: ranks in scratch.candidates[0 … count) (no order), scores in scratch.total.
 */
export type TextMatch =
  | { kind: 'term'; count: number; from: number; to: number; factor: number }
  | { kind: 'run'; count: number; lo: number; hi: number; exactFirst: boolean; bits: Uint32Array }
  | { kind: 'candidates'; count: number };

/** First index in the sorted vocabulary whose term is ≥ `word`. */
function lowerBound(terms: readonly string[], word: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The vocabulary range a word matches: itself only, or every term it starts when `prefix`. */
function termRange(terms: readonly string[], word: string, prefix: boolean): [number, number] {
  const lo = lowerBound(terms, word);
  let hi = lo;
  if (prefix) while (hi < terms.length && terms[hi]!.startsWith(word)) hi++;
  else if (terms[lo] === word) hi = lo + 1;
  return [lo, hi];
}

const idfOf = (n: number, count: number) => Math.log(1 + n / Math.max(1, count));

/**
 * The docs matching every word of `q`, or `undefined` when `q` holds no searchable word (then it
 * does not filter at all). Call `endSearch` once the match has been read.
 */
export function search(dir: Directory, q: string | undefined): TextMatch | undefined {
  if (!q) return undefined;
  const words = queryWords(q);
  if (words.length === 0) return undefined;
  const { terms, termOffsets } = dir.artefact.index;
  const postings = dir.postings;
  const n = dir.size;
  const ranges = words.map((w, i) => termRange(terms, w, i === words.length - 1));
  if (ranges.some(([lo, hi]) => lo === hi)) return { kind: 'candidates', count: 0 };
  if (words.length === 1 && ranges[0]![1] - ranges[0]![0] === 1) {
    const t = ranges[0]![0];
    const from = termOffsets[t]!;
    const to = termOffsets[t + 1]!;
    const exactness = terms[t] === words[0] ? 1 : PREFIX_EXACTNESS;
    return { kind: 'term', count: to - from, from, to, factor: exactness * idfOf(n, to - from) };
  }
  if (words.length === 1) {
    const [lo, hi] = ranges[0]!;
    const run = dir.queryIndex().termRun(lo, hi, (bits) => {
      for (let p = termOffsets[lo]!, end = termOffsets[hi]!; p < end; p++) {
        const rank = postings[p]! >>> SHIFT;
        bits[rank >>> 5]! |= 1 << (rank & 31);
      }
    });
    return { kind: 'run', count: run.count, lo, hi, exactFirst: terms[lo] === words[0], bits: run.bits };
  }
  const { best, touched, total, hits, candidates } = dir.queryIndex().search();
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    const [lo, hi] = ranges[i]!;
    // Best weight × exactness per doc over the word's terms, and how many docs the word matches.
    let matched = 0;
    for (let t = lo; t < hi; t++) {
      const exactness = terms[t] === words[i] ? 1 : PREFIX_EXACTNESS;
      for (let p = termOffsets[t]!, end = termOffsets[t + 1]!; p < end; p++) {
        const posting = postings[p]!;
        const rank = posting >>> SHIFT;
        const score = (posting & MASK) * exactness;
        const before = best[rank]!;
        if (before === 0) touched[matched++] = rank;
        if (score > before) best[rank] = score;
      }
    }
    const idf = idfOf(n, matched);
    if (i === 0) {
      for (let k = 0; k < matched; k++) {
        const rank = touched[k]!;
        candidates[count++] = rank;
        total[rank] = best[rank]! * idf;
        hits[rank] = 1;
        best[rank] = 0;
      }
      continue;
    }
    for (let k = 0; k < matched; k++) {
      const rank = touched[k]!;
      if (hits[rank] === i) {
        total[rank]! += best[rank]! * idf;
        hits[rank] = i + 1;
      }
      best[rank] = 0;
    }
    // Keep the docs that matched this word too; forget the others.
    let kept = 0;
    for (let k = 0; k < count; k++) {
      const rank = candidates[k]!;
      if (hits[rank] === i + 1) candidates[kept++] = rank;
      else {
        hits[rank] = 0;
        total[rank] = 0;
      }
    }
    count = kept;
    if (count === 0) break;
  }
  for (let k = 0; k < count; k++) hits[candidates[k]!] = 0;
  return { kind: 'candidates', count };
}

/** Resets the scores a `candidates` match left in the scratch buffers. */
export function endSearch(dir: Directory, match: TextMatch | undefined): void {
  if (match?.kind !== 'candidates' || match.count === 0) return;
  const { total, candidates } = dir.queryIndex().search();
  for (let k = 0; k < match.count; k++) total[candidates[k]!] = 0;
}
