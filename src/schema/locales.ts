/**
 * The languages in which a group may give its translatable texts (summary, purpose) and in which
 * the directory's own labels are written. The first is the default and the last fallback.
 * Everything else (CMS i18n locales, API `lang` values, taxonomy label requirements) reads this.
 */
export const CONTENT_LOCALES = ['en', 'fr', 'es', 'pt', 'it', 'de'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
export const DEFAULT_LOCALE: ContentLocale = 'en';

/** Taxonomy terms carry their label in every language: filters and facets show them on every page. */
export const REQUIRED_LABEL_LOCALES = CONTENT_LOCALES;

export function isContentLocale(value: string): value is ContentLocale {
  return (CONTENT_LOCALES as readonly string[]).includes(value);
}

// The languages the pages, the join form, the API's messages, the CMS and the widget speak are the
// catalogues' (src/i18n/catalogue/index.ts): one file and one line there add one.
