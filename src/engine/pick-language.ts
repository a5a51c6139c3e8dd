/**
 * Choosing the language of a response: `lang` wins, then `Accept-Language` in order of quality
 * (read by the one parser, src/i18n/negotiate.ts), then the default locale, then whatever the
 * entry has.
 */
import { parseAcceptLanguage } from '../i18n/negotiate.ts';
import { CONTENT_LOCALES, DEFAULT_LOCALE, isContentLocale, type ContentLocale } from '../schema/locales.ts';

export { parseAcceptLanguage };

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
