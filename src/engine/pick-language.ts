/**
 * Choosing the language of a response: `lang` wins, then `Accept-Language` in order of quality,
 * then the default locale, then whatever the entry has.
 */
import { CONTENT_LOCALES, DEFAULT_LOCALE, isContentLocale, type ContentLocale } from '../schema/locales.ts';

/** Primary language subtags from an Accept-Language header, best first; q=0 and `*` are dropped. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const ranges: { tag: string; q: number; i: number }[] = [];
  header
    .split(',')
    .slice(0, 20)
    .forEach((part, i) => {
      const [range, ...params] = part.trim().split(';');
      const tag = (range ?? '').trim().toLowerCase().split('-')[0] ?? '';
      if (!/^[a-z]{2,3}$/.test(tag)) return;
      let q = 1;
      for (const p of params) {
        const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p);
        if (m) q = Number(m[1]);
      }
      if (q > 0) ranges.push({ tag, q, i });
    });
  ranges.sort((a, b) => b.q - a.q || a.i - b.i);
  return [...new Set(ranges.map((r) => r.tag))];
}

/** The ordered preference list used for every text in one response. */
export function preferredLocales(lang: ContentLocale | undefined, acceptLanguage: string | null | undefined): ContentLocale[] {
  const wanted = lang ? [lang] : parseAcceptLanguage(acceptLanguage).filter(isContentLocale);
  return [...new Set<ContentLocale>([...wanted, DEFAULT_LOCALE])];
}

export interface Picked {
  text: string;
  lang: ContentLocale;
}

export function pickText(texts: Partial<Record<ContentLocale, string>> | undefined, prefs: readonly ContentLocale[]): Picked | undefined {
  if (!texts) return undefined;
  for (const lang of prefs) {
    const text = texts[lang];
    if (text) return { text, lang };
  }
  for (const lang of CONTENT_LOCALES) {
    const text = texts[lang];
    if (text) return { text, lang };
  }
  return undefined;
}

/** The languages an entry's translatable texts exist in. */
export function availableLocales(...texts: (Partial<Record<ContentLocale, string>> | undefined)[]): ContentLocale[] {
  return CONTENT_LOCALES.filter((l) => texts.some((t) => t?.[l]));
}
