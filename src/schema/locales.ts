/**
 * The languages in which a group may give its translatable texts (summary, purpose) and in which
 * the directory's own labels are written. The first is the default and the last fallback.
 * Everything else (CMS i18n locales, API `lang` values, taxonomy label requirements) reads this.
 */
export const CONTENT_LOCALES = ['en', 'fr', 'es', 'pt', 'it', 'de'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
export const DEFAULT_LOCALE: ContentLocale = 'en';

/** Taxonomy terms must carry labels at least in these languages. */
export const REQUIRED_LABEL_LOCALES = ['en', 'fr'] as const satisfies readonly ContentLocale[];

export function isContentLocale(value: string): value is ContentLocale {
  return (CONTENT_LOCALES as readonly string[]).includes(value);
}

/**
 * The languages the public pages, the join form and the widget are written in. English lives at
 * `/`, every other language under `/<code>/`.
 */
export const SITE_LOCALES = ['en', 'fr'] as const satisfies readonly ContentLocale[];
export type SiteLocale = (typeof SITE_LOCALES)[number];

export function isSiteLocale(value: string): value is SiteLocale {
  return (SITE_LOCALES as readonly string[]).includes(value);
}
