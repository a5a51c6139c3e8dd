/**
 * Every public address of the directory, declared once: pages, the API, exports and the join.
 * Pages, links in API answers, feeds, Murmurations profiles and redirects build URLs from here.
 *
 * Netlify reads each function's `config.path` statically (it must be a literal in the function
 * file), so those literals cannot import this module; test/architecture/routes-agree.test.ts checks
 * that every function's route is the one `FUNCTION_ROUTES` declares.
 */
import { DEFAULT_LOCALE } from './locales.ts';

export const API_BASE = '/api/v1';

/** `''` for the default language (English at `/`), `/fr` and so on for the others (any catalogue's code). */
export function localePrefix(locale: string): string {
  return locale === DEFAULT_LOCALE ? '' : `/${locale}`;
}

const withQuery = (path: string, query = '') => `${path}${query ? `?${query}` : ''}`;
const seg = (value: string) => encodeURIComponent(value);

export const paths = {
  home: (locale: string) => `${localePrefix(locale)}/`,
  /** The listing with a state: `/groups?country=FR` (server-rendered, shareable). */
  listing: (locale: string, query = '') => withQuery(`${localePrefix(locale)}/groups`, query),
  entry: (locale: string, slug: string) => `${localePrefix(locale)}/groups/${seg(slug)}/`,
  join: (locale: string) => `${localePrefix(locale)}/join`,
  joinThanks: (locale: string, reference?: string) => withQuery(`${localePrefix(locale)}/join/thanks`, reference ? `reference=${seg(reference)}` : ''),
  widgetExample: (locale: string = DEFAULT_LOCALE) => `${localePrefix(locale)}/widget-example.html`,
  /** The language switch: remembers the choice, then goes to `to` (src/site/language-endpoint.ts). */
  languageSwitch: (locale: string, to: string) => `/language?${new URLSearchParams({ set: locale, to })}`,
  api: (query = '') => withQuery(`${API_BASE}/groups`, query),
  groupApi: (slug: string) => `${API_BASE}/groups/${seg(slug)}`,
  taxonomies: () => `${API_BASE}/taxonomies`,
  csv: (query = '') => withQuery(`${API_BASE}/groups.csv`, query),
  ndjson: (query = '') => withQuery(`${API_BASE}/groups.ndjson`, query),
  feed: (query = '') => withQuery(`${API_BASE}/groups.atom`, query),
  murmurations: (slug: string) => `${API_BASE}/groups/${seg(slug)}/murmurations.json`,
  openapi: () => `${API_BASE}/openapi.json`,
  entrySchema: () => `${API_BASE}/schemas/entry.json`,
  joinApi: () => `${API_BASE}/join`,
  /** An entry's correction form, prefilled with its public fields; its thank-you page; the API it posts to. */
  correction: (locale: string, slug: string) => `${localePrefix(locale)}/groups/${seg(slug)}/correction`,
  correctionThanks: (locale: string, slug: string, reference?: string) =>
    withQuery(`${localePrefix(locale)}/groups/${seg(slug)}/correction/thanks`, reference ? `reference=${seg(reference)}` : ''),
  correctionApi: (slug: string) => `${API_BASE}/groups/${seg(slug)}/corrections`,
  applicationsApi: () => `${API_BASE}/applications`,
  joinStatus: (reference: string) => `${API_BASE}/join/${seg(reference)}`,
};

/**
 * The same path in every site language: `/join` and `/:lang/join`. The endpoint checks `:lang`
 * against the catalogues, so a new language needs no new route.
 */
const inEveryLocale = (path: string) => [path, `/:lang${path}`];

/** The route each function in netlify/functions answers, by file name (URLPattern syntax). */
export const FUNCTION_ROUTES: Record<string, string | string[] | null> = {
  groups: `${API_BASE}/groups`,
  group: `${API_BASE}/groups/:slug`,
  taxonomies: `${API_BASE}/taxonomies`,
  'groups-csv': `${API_BASE}/groups.csv`,
  'groups-ndjson': `${API_BASE}/groups.ndjson`,
  'groups-atom': `${API_BASE}/groups.atom`,
  'group-murmurations': `${API_BASE}/groups/:slug/murmurations.json`,
  openapi: `${API_BASE}/openapi.json`,
  'entry-schema': `${API_BASE}/schemas/entry.json`,
  join: `${API_BASE}/join`,
  'join-status': `${API_BASE}/join/:reference`,
  'join-page': [...inEveryLocale('/join'), ...inEveryLocale('/join/thanks')],
  'group-corrections': `${API_BASE}/groups/:slug/corrections`,
  'correction-page': [...inEveryLocale('/groups/:slug/correction'), ...inEveryLocale('/groups/:slug/correction/thanks')],
  applications: [`${API_BASE}/applications`, `${API_BASE}/applications/:reference/contact`],
  /** `/` too: the front page in the visitor's language (src/site/language-endpoint.ts). */
  'site-listing': ['/', '/groups', '/groups/', '/:lang/groups', '/:lang/groups/'],
  'site-language': '/language',
  /** Scheduled, no route. */
  'join-deliver-scheduled': null,
  /** Scheduled (weekly), no route. */
  'entry-health-scheduled': null,
};
