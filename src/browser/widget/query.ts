/**
 * From the element's attributes to the public API's query: the filter attributes carry the API's
 * own parameter names and values (`country="FR,ES"`), so the API validates them and the partner
 * reads its messages. Pure, so it is tested without a browser.
 */
import { negotiate } from '../../i18n/negotiate.ts';

export const LIST_FIELDS = 'name,short_name,summary,lang,countries,city';
export const DEFAULT_PER_PAGE = 10;

export interface WidgetState {
  q: string;
  page: number;
  /** A country chosen on the widget's map: replaces the `country` attribute until cleared. */
  country?: string;
}

type Attributes = (name: string) => string | null;

/** Its `lang` attribute, else the page's (`<html lang>` or the nearest ancestor's), else English: the one picker (src/i18n/negotiate.ts). */
export function widgetLocale(attr: string | null | undefined, inherited: string | null | undefined, locales: readonly string[]): string {
  return locales.length > 0 ? negotiate(locales, { explicit: [attr, inherited] }) : 'en';
}

export function perPage(value: string | null, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : DEFAULT_PER_PAGE;
}

/** The filters alone (no search, page or language): also the directory page's query. */
export function filterParams(get: Attributes, filters: readonly string[]): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of filters) {
    const value = get(name)?.trim();
    if (value) params.set(name, value);
  }
  const mode = get('subject-mode')?.trim();
  if (mode) params.set('subject_mode', mode);
  return params;
}

export function apiParams(
  get: Attributes,
  state: WidgetState,
  options: { filters: readonly string[]; locale: string; perPageMax: number; map?: boolean },
): URLSearchParams {
  const params = filterParams(get, options.filters);
  if (state.country) params.set('country', state.country);
  // The map's counts: the API counts each facet without its own filter, so every country keeps its figure.
  if (options.map) params.set('facets', 'country');
  const q = state.q.trim();
  if (q) params.set('q', q);
  const sort = get('sort')?.trim();
  if (sort) params.set('sort', sort);
  if (state.page > 1) params.set('page', String(state.page));
  params.set('per_page', String(perPage(get('per-page'), options.perPageMax)));
  params.set('fields', LIST_FIELDS);
  params.set('lang', options.locale);
  return params;
}

/**
 * Where the directory lives: the `api` attribute, else the origin widget.js was loaded from,
 * else the page's own origin.
 */
export function directoryOrigin(apiAttr: string | null, scriptSrc: string | undefined, pageUrl: string): string {
  for (const candidate of [apiAttr, scriptSrc]) {
    if (!candidate) continue;
    try {
      return new URL(candidate, pageUrl).origin;
    } catch {
      // not an address: try the next source
    }
  }
  return new URL(pageUrl).origin;
}

export function pagePrefix(locale: string, defaultLocale: string): string {
  return locale === defaultLocale ? '' : `/${locale}`;
}
