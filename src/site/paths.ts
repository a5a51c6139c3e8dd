/**
 * The site's languages and addresses. English lives at `/`, every other language under its code
 * (`/fr/`, `/es/`, `/pt/`, `/it/`, `/de/`): static files cannot vary by query string, and a path
 * prefix is what search engines and `hreflang` expect. The languages are the catalogues'
 * (src/i18n), so a new catalogue is a new prefix with nothing changed here.
 */
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../i18n/index.ts';

export const SITE_LOCALES = LOCALES;
export type SiteLocale = Locale;
export const isSiteLocale = isLocale;

/** The path prefix of a language: '' for English, '/fr' for French. */
export function prefix(locale: SiteLocale): string {
  return locale === DEFAULT_LOCALE ? '' : `/${locale}`;
}

export const paths = {
  home: (locale: SiteLocale) => `${prefix(locale)}/`,
  /** The listing with a state: `/groups?country=FR` (server-rendered, shareable). */
  listing: (locale: SiteLocale, query = '') => `${prefix(locale)}/groups${query ? `?${query}` : ''}`,
  entry: (locale: SiteLocale, slug: string) => `${prefix(locale)}/groups/${encodeURIComponent(slug)}/`,
  /** The join form (src/join) lives at /join, /fr/join, … */
  join: (locale: SiteLocale) => `${prefix(locale)}/join`,
  joinThanks: (locale: SiteLocale) => `${prefix(locale)}/join/thanks`,
  widgetExample: (locale: SiteLocale = DEFAULT_LOCALE) => `${prefix(locale)}/widget-example.html`,
  /** Through the language switch, which remembers the choice (see language-endpoint.ts). */
  switchTo: (locale: SiteLocale, to: string) => `/language?${new URLSearchParams({ set: locale, to })}`,
  csv: (query = '') => `/api/v1/groups.csv${query ? `?${query}` : ''}`,
  ndjson: (query = '') => `/api/v1/groups.ndjson${query ? `?${query}` : ''}`,
  feed: (query = '') => `/api/v1/groups.atom${query ? `?${query}` : ''}`,
  api: (query = '') => `/api/v1/groups${query ? `?${query}` : ''}`,
  groupApi: (slug: string) => `/api/v1/groups/${encodeURIComponent(slug)}`,
  murmurations: (slug: string) => `/api/v1/groups/${encodeURIComponent(slug)}/murmurations.json`,
};

/** The locale a site path belongs to: its first segment when that is a language's code, else English. */
export function localeOfPath(pathname: string): SiteLocale {
  const first = pathname.split('/')[1] ?? '';
  return first !== DEFAULT_LOCALE && isLocale(first) ? first : DEFAULT_LOCALE;
}

/** The same path in another language: `/fr/groups/cub/` → `/de/groups/cub/`. */
export function pathIn(locale: SiteLocale, pathname: string): string {
  const own = localeOfPath(pathname);
  const rest = own === DEFAULT_LOCALE ? pathname : pathname.slice(own.length + 1) || '/';
  return `${prefix(locale)}${rest}`;
}
