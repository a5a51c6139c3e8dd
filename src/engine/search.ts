/**
 * Full-text search over the artefact's inverted index. Every word must match (AND); the last word
 * also matches as a prefix, so results appear while someone types. Scores add each matched word's
 * field weight times its inverse document frequency. Works in flat typed arrays: no per-document
 * objects, whatever the size of the directory.
 */
import { tokenize } from '../text/normalise-text.ts';
import type { Directory } from './directory.ts';

const MAX_WORDS = 12;

export interface SearchResult {
  /** Matching doc ids, ascending. */
  docs: Int32Array;
  /** Relevance per doc id (0 where a doc does not match). */
  scores: Float64Array;
}

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

/**
 * Adds one word's score into `total` and counts the word in `hits` for every doc it matches.
 * `prefix` lets it match every term that starts with it. The word's rarity is measured over every
 * document it matches, so a rare completion ("unionists") does not outrank the word itself.
 */
function addWord(dir: Directory, word: string, prefix: boolean, best: Float64Array, touched: Int32Array, total: Float64Array, hits: Uint8Array): void {
  const { terms, termOffsets } = dir.artefact.index;
  const postings = dir.postings;
  let count = 0;
  for (let i = lowerBound(terms, word); i < terms.length; i++) {
    const term = terms[i]!;
    if (term !== word && !(prefix && term.startsWith(word))) break;
    const exactness = term === word ? 1 : 0.8;
    for (let p = termOffsets[i]!, end = termOffsets[i + 1]!; p < end; p += 2) {
      const doc = postings[p]!;
      const score = postings[p + 1]! * exactness;
      if (best[doc] === 0) touched[count++] = doc;
      if (score > best[doc]!) best[doc] = score;
    }
    if (!prefix) break;
  }
  const idf = Math.log(1 + dir.size / Math.max(1, count));
  for (let k = 0; k < count; k++) {
    const doc = touched[k]!;
    total[doc]! += best[doc]! * idf;
    hits[doc]!++;
    best[doc] = 0;
  }
}

/**
 * The documents matching every word of `q` with their relevance, or `undefined` when `q` holds
 * no searchable word (then it does not filter at all).
 */
export function search(dir: Directory, q: string | undefined): SearchResult | undefined {
  if (!q) return undefined;
  const words = [...new Set(tokenize(q))].slice(0, MAX_WORDS);
  if (words.length === 0) return undefined;
  const n = dir.size;
  const best = new Float64Array(n);
  const touched = new Int32Array(n);
  const total = new Float64Array(n);
  const hits = new Uint8Array(n);
  words.forEach((word, i) => addWord(dir, word, i === words.length - 1, best, touched, total, hits));
  let count = 0;
  for (let doc = 0; doc < n; doc++) if (hits[doc] === words.length) touched[count++] = doc;
  for (let doc = 0; doc < n; doc++) if (hits[doc] !== words.length) total[doc] = 0;
  return { docs: touched.slice(0, count), scores: total };
}
