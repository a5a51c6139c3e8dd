/**
 * The site's languages and the few address helpers that need them. The languages are the
 * catalogues' (src/i18n), so a new catalogue is a new prefix with nothing changed here; the
 * addresses themselves are declared in src/schema/routes.ts.
 */
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../i18n/index.ts';
import { localePrefix, paths } from '../schema/routes.ts';

export { paths };
export const SITE_LOCALES = LOCALES;
export type SiteLocale = Locale;
export const isSiteLocale = isLocale;
export const prefix = localePrefix;

/** The locale a site path belongs to: its first segment when that is a language's code, else English. */
export function localeOfPath(pathname: string): SiteLocale {
  const first = pathname.split('/')[1] ?? '';
  return first !== DEFAULT_LOCALE && isLocale(first) ? first : DEFAULT_LOCALE;
}
