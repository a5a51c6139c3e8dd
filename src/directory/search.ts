/**
 * Full-text search over the artefact's inverted index. Every word must match (AND); the last word
 * also matches as a prefix, so results appear while someone types. Scores add each matched word's
 * field weight times its inverse document frequency.
 */
import { tokenize } from '../content/normalise-text.ts';
import type { Artefact } from './artefact.ts';

const MAX_WORDS = 12;

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

function idf(docCount: number, matching: number): number {
  return Math.log(1 + docCount / Math.max(1, matching));
}

/**
 * doc → score for one word; `prefix` lets it match every term that starts with it. The word's
 * rarity is measured over every document it matches, so a rare completion ("unionists") does not
 * outrank the word itself ("union").
 */
function wordScores(index: Artefact['index'], docCount: number, word: string, prefix: boolean): Map<number, number> {
  const scores = new Map<number, number>();
  const { terms, postings } = index;
  for (let i = lowerBound(terms, word); i < terms.length; i++) {
    const term = terms[i]!;
    if (term !== word && !(prefix && term.startsWith(word))) break;
    const list = postings[i]!;
    const exactness = term === word ? 1 : 0.8;
    for (let p = 0; p < list.length; p += 2) {
      const doc = list[p]!;
      const score = list[p + 1]! * exactness;
      const prev = scores.get(doc);
      if (prev === undefined || score > prev) scores.set(doc, score);
    }
    if (!prefix) break;
  }
  const weight = idf(docCount, scores.size);
  for (const [doc, score] of scores) scores.set(doc, score * weight);
  return scores;
}

/**
 * Returns doc → relevance for the documents matching every word of `q`, or `undefined` when `q`
 * holds no searchable word (then it does not filter at all).
 */
export function search(artefact: Artefact, q: string | undefined): Map<number, number> | undefined {
  if (!q) return undefined;
  const words = [...new Set(tokenize(q))].slice(0, MAX_WORDS);
  if (words.length === 0) return undefined;
  const docCount = artefact.entries.length;
  const perWord = words.map((word, i) => wordScores(artefact.index, docCount, word, i === words.length - 1));
  perWord.sort((a, b) => a.size - b.size);
  const [first, ...rest] = perWord;
  const result = new Map<number, number>();
  outer: for (const [doc, score] of first!) {
    let total = score;
    for (const other of rest) {
      const s = other.get(doc);
      if (s === undefined) continue outer;
      total += s;
    }
    result.set(doc, total);
  }
  return result;
}
