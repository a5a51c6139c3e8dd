/**
 * What an import has to work out from the listing's prose: a summary short enough for the
 * schema, a name when the name line is missing, and a slug for the file name.
 */
import { SLUG_MAX, SUMMARY_MAX } from '../../schema/entry.ts';
import { fold } from '../../text/normalise-text.ts';

/** A full stop after one of these does not end a sentence ("e.g. Canada", "St. John's", "J. Smith"). */
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|cf|vs|Mr|Mrs|Ms|Dr|Prof|St|Mt|No|Nos|Inc|Ltd|Co|Corp|Jr|Sr|approx)\.$|(?:^|[\s.(])\p{Lu}\.$/u;
const SENTENCE_END = /[.!?…]+["'”’)\]]*\s+/gu;
const SENTENCE_START = /^[\p{Lu}\p{N}"“'‘(¿¡]/u;

export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].trimEnd().length;
    const next = text.slice(m.index + m[0].length);
    if (!SENTENCE_START.test(next) || ABBREVIATION.test(text.slice(start, end).replace(/["'”’)\]]+$/u, ''))) continue;
    out.push(text.slice(start, end));
    start = m.index + m[0].length;
  }
  const last = text.slice(start).trim();
  if (last !== '') out.push(last);
  return out;
}

export interface DerivedSummary {
  summary: string;
  /** How it was made, for the report. */
  how: string;
}

/**
 * The first sentence of `text`, and the second too when both fit: the schema asks for "one or
 * two sentences", at most SUMMARY_MAX characters. A first sentence that is longer is cut at the
 * last word boundary that leaves room for an ellipsis.
 */
export function summaryFrom(text: string, max = SUMMARY_MAX): DerivedSummary {
  const [first = '', second] = sentences(text);
  if (first.length <= max) {
    const both = second === undefined ? undefined : `${first} ${second}`;
    if (both !== undefined && both.length <= max) return { summary: both, how: `the purpose's first two sentences (${both.length} characters)` };
    return { summary: first, how: `the purpose's first sentence (${first.length} characters)` };
  }
  const room = first.slice(0, max); // the ellipsis takes the place of the space before the cut
  const space = room.lastIndexOf(' ');
  const cut = `${(space > 0 ? room.slice(0, space) : room.slice(0, max - 1)).replace(/[\s,;:–—-]+$/u, '')}…`;
  return { summary: cut, how: `the purpose's first sentence, cut at a word boundary to ${cut.length} of its ${first.length} characters` };
}

/** Words a name does not start with, though they are capitalised at the start of a sentence. */
const NOT_A_NAME = new Set([
  'we',
  'it',
  'this',
  'that',
  'they',
  'our',
  'its',
  'their',
  'these',
  'those',
  'he',
  'she',
  'there',
  'here',
  'you',
  'i',
  'intended',
  'founded',
  'established',
  'formed',
]);
/** Lower-case words that may stand inside a name ("Network of Solidarity and Struggle"). */
const NAME_LINKS = new Set([
  'of',
  'for',
  'and',
  'the',
  'in',
  'on',
  'to',
  'at',
  'de',
  'des',
  'du',
  'del',
  'della',
  'di',
  'la',
  'le',
  'les',
  'el',
  'los',
  'las',
  'y',
  'e',
  'et',
  'da',
  'do',
  'dos',
  'das',
  'und',
  'der',
  'die',
  'für',
  '&',
]);

/**
 * "The Picket Line Collective is a workers' group…" → "The Picket Line Collective". Only a
 * capitalised phrase of at most twelve words before "is/are/was…" counts; anything else (most
 * purposes start "Intended for…", "We…") gives undefined rather than a guess.
 */
export function nameFromSentence(sentence: string): string | undefined {
  const m = /^(.{2,160}?),?\s+(?:is|are|was|were|has been|have been|works|aims|seeks|exists)\b/u.exec(sentence);
  if (!m) return undefined;
  const name = m[1]!.trim();
  const words = name.split(/\s+/);
  if (words.length > 12 || NOT_A_NAME.has(words[0]!.toLowerCase())) return undefined;
  const capitalised = (w: string) => /^["'“‘(]?[\p{Lu}\p{N}]/u.test(w);
  if (!capitalised(words[0]!) || !words.every((w) => capitalised(w) || NAME_LINKS.has(w))) return undefined;
  return name;
}

/** Letters that do not decompose into a base letter and an accent, spelt the usual Latin way. */
const LATIN_SPELLING: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** "Confédération Générale du Travail" → "confederation-generale-du-travail"; "" if nothing is left. */
export function slugFromName(name: string): string {
  const slug = fold(name)
    .replace(/[ßæœøłđðþı]/g, (c) => LATIN_SPELLING[c]!)
    .replace(/['’](?=s\b|\s|$)/g, '') // "workers'" and "worker's" lose the apostrophe; "l'union" is split
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= SLUG_MAX) return slug;
  const cut = slug.slice(0, SLUG_MAX + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : SLUG_MAX).replace(/-$/, '');
}

/**
 * Text that stops short: its last paragraph ends on a letter, digit, comma or dash, with no
 * closing punctuation, or on an ellipsis the listing did not write as a quotation. A purpose that
 * ends with a list is not judged (list items often end without a full stop).
 */
export function looksCutOff(lastParagraph: string | undefined): boolean {
  if (lastParagraph === undefined) return false;
  const text = lastParagraph.trimEnd();
  if (text.length < 40) return false;
  return /[\p{L}\p{N},;–—-]$/u.test(text) || /(?:…|\.\.\.)$/.test(text);
}

/** A text whose first word is lower case: the listing elided its subject ("is the product of…"). */
export function isHeadless(text: string): boolean {
  return /^\p{Ll}/u.test(text.trimStart());
}

/** The subject put back: "is the product of…" → "The Commune is the product of…". */
export function restoreSubject(text: string, name: string): string {
  return `${name} ${text.trimStart()}`;
}
