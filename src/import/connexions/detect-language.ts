/**
 * Which of the directory's languages a listing's text is written in, read from the text itself
 * with franc (trigram language identification, https://github.com/wooorm/franc), candidates limited
 * to the content locales. A listing's *Languages:* line says what the group works in, which is
 * not the language its Connexions text was written in (English text was filed under French and
 * Italian that way). Below the confidence threshold the caller reports the guess and asks.
 */
import { francAll } from 'franc';
import { iso6393To1 } from 'iso-639-3';
import { CONTENT_LOCALES, type ContentLocale } from '../../schema/locales.ts';

/** franc speaks ISO 639-3 (`fra`); the content locales are ISO 639-1 (`fr`). */
const CANDIDATES: ReadonlyMap<string, ContentLocale> = new Map(
  Object.entries(iso6393To1).flatMap(([three, one]) => ((CONTENT_LOCALES as readonly string[]).includes(one) ? [[three, one as ContentLocale]] : [])),
);

/** Shorter texts give franc too few trigrams to tell Spanish from Portuguese. */
export const MIN_DETECT_LENGTH = 40;
/**
 * The runner-up's score (franc scores the best as 1) must stay below this for a confident answer.
 * Measured on the fixtures and the network's own texts: a right answer leads by 0.07–0.3; Spanish
 * and Portuguese, the closest pair, by 0.07 on a 170-character text.
 */
export const RUNNER_UP_MAX = 0.95;

export interface DetectedLanguage {
  locale: ContentLocale;
  /** 1 − the runner-up's score: 0 means a tie, 1 means nothing else came close. */
  confidence: number;
  confident: boolean;
  runnerUp?: ContentLocale;
}

export function detectLanguage(text: string): DetectedLanguage | undefined {
  if (text.trim().length < MIN_DETECT_LENGTH) return undefined;
  const scores = francAll(text, { only: [...CANDIDATES.keys()], minLength: MIN_DETECT_LENGTH });
  const [best, second] = scores;
  const locale = best && CANDIDATES.get(best[0]);
  if (!best || !locale) return undefined; // 'und': franc could not tell
  const runnerUp = second ? CANDIDATES.get(second[0]) : undefined;
  const confidence = Math.round((1 - (second?.[1] ?? 0)) * 100) / 100;
  return { locale, confidence, confident: (second?.[1] ?? 0) < RUNNER_UP_MAX, ...(runnerUp ? { runnerUp } : {}) };
}
