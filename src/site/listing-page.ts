/**
 * The directory listing as an HTML page: search box, facet filters with counts, results and pages.
 * Every result and every count comes from the query engine (`runQuery`, `presentFacet`), the same
 * calls the JSON API makes; this module only lays them out. The state is the URL's query string,
 * in the API's own parameter names, so a filtered view is a link anyone can share.
 */
import { canonicalQuery } from '../engine/canonical-query.ts';
import { FACETS, type FacetName } from '../engine/artefact.ts';
import type { Directory } from '../engine/directory.ts';
import { parseParams, type FieldErrors } from '../engine/parse-query.ts';
import { pickText } from '../engine/pick-language.ts';
import { facetLabel, presentFacet, type FacetBucket } from '../engine/present.ts';
import { runQuery } from '../engine/run-query.ts';
import { languageName } from '../schema/codes.ts';
import { groupsQuerySchema, LIST_MAX, PER_PAGE_DEFAULT, SORTS, type GroupsQuery } from '../schema/query.ts';
import { html, type Html } from '../text/html.ts';
import { contentPrefs, t } from '../i18n/index.ts';
import { enumLabel } from '../i18n/labels.ts';
import { paths, SITE_LOCALES, type SiteLocale } from './paths.ts';
import { layout } from './layout.ts';
import { renderMapSection } from './map-section.ts';

/**
 * Query parameters a listing page understands: the API's, less those the page sets itself
 * (`facets`, `fields`) and `lang`, which the address (`/fr/…`) decides.
 */
export const PAGE_PARAMS = Object.keys(groupsQuerySchema.shape).filter((k) => !['facets', 'fields', 'lang'].includes(k));

export interface ListingRender {
  status: 200 | 400;
  body: string;
}

/**
 * Keeps only the parameters a page understands: a shared link carrying `utm_source` or `fbclid`
 * still opens the view it was shared from.
 */
export function pageSearchParams(params: URLSearchParams): URLSearchParams {
  const kept = new URLSearchParams();
  // A repeated key is kept once more than a list may hold: the page says "at most 50 values" the
  // same, and no address makes it sort, hash and render hundreds (bench/adversarial.ts).
  const count = new Map<string, number>();
  for (const [key, value] of params) {
    if (!PAGE_PARAMS.includes(key)) continue;
    const n = (count.get(key) ?? 0) + 1;
    count.set(key, n);
    if (n <= LIST_MAX + 1) kept.append(key, value);
  }
  return kept;
}

const DEFAULT_QUERY = groupsQuerySchema.parse({});

/** The filters of a query without paging and sorting: what exports and the other language keep. */
export function filterQueryString(query: GroupsQuery): string {
  return canonicalQuery({ ...query, page: 1, per_page: PER_PAGE_DEFAULT, sort: undefined, fields: undefined, facets: undefined, lang: undefined });
}

function viewQueryString(query: GroupsQuery, page: number): string {
  return canonicalQuery({ ...query, page, fields: undefined, facets: undefined, lang: undefined });
}

function selectedValues(query: GroupsQuery, facet: FacetName): string[] {
  return (query[facet] as string[] | undefined) ?? [];
}

function facetFieldset(locale: SiteLocale, facet: FacetName, buckets: FacetBucket[], query: GroupsQuery): Html {
  if (buckets.length === 0) return html``;
  const id = (value: string) => `f-${facet}-${value}`;
  return html`<fieldset class="facet" id="facet-${facet}">
  <legend>${t(locale, `listing.facet.${facet}`)}</legend>
  <ul class="facet-values">
    ${buckets.map(
      (b) => html`<li><input type="checkbox" name="${facet}" value="${b.value}" id="${id(b.value)}" form="listing"${b.selected ? html` checked` : ''}>
      <label for="${id(b.value)}">${b.label} <span class="count">(${b.count})</span></label></li>`,
    )}
  </ul>
  ${
    facet === 'subject'
      ? html`<p class="form-field"><label for="subject-mode">${t(locale, 'listing.subjectMode')}</label>
  <select name="subject_mode" id="subject-mode" form="listing">
    <option value="any"${query.subject_mode === 'any' ? html` selected` : ''}>${t(locale, 'listing.subjectMode.any')}</option>
    <option value="all"${query.subject_mode === 'all' ? html` selected` : ''}>${t(locale, 'listing.subjectMode.all')}</option>
  </select></p>`
      : ''
  }
</fieldset>`;
}

function pagination(locale: SiteLocale, query: GroupsQuery, totalPages: number): Html {
  if (totalPages <= 1 && query.page === 1) return html``;
  const href = (p: number) => paths.listing(locale, viewQueryString(query, p));
  const pages = Array.from({ length: totalPages }, (_, i) => i + 1);
  return html`<nav class="pagination" aria-label="${t(locale, 'listing.pagination')}">
  <ul>
    ${query.page > 1 ? html`<li><a href="${href(Math.min(query.page - 1, totalPages))}" rel="prev">${t(locale, 'listing.previous')}</a></li>` : ''}
    ${pages.map((p) =>
      p === query.page
        ? html`<li><a href="${href(p)}" aria-current="page" aria-label="${t(locale, 'listing.pageLink', { page: p })}">${p}</a></li>`
        : html`<li><a href="${href(p)}" aria-label="${t(locale, 'listing.pageLink', { page: p })}">${p}</a></li>`,
    )}
    ${query.page < totalPages ? html`<li><a href="${href(query.page + 1)}" rel="next">${t(locale, 'listing.next')}</a></li>` : ''}
  </ul>
</nav>`;
}

function errorList(locale: SiteLocale, fields: FieldErrors): Html {
  return html`<div class="notice notice-error" role="alert">
  <p>${t(locale, 'listing.invalidQuery')}</p>
  <ul>${Object.entries(fields).map(([name, message]) => html`<li><code>${name}</code>: ${message}</li>`)}</ul>
</div>`;
}

export interface ListingOptions {
  /** Absolute site address (canonical and alternate links). */
  baseUrl: string;
  /** True for the prebuilt `/` and `/fr/`: the unfiltered first page, indexable. */
  home?: boolean;
  /** False leaves out the world map (the benchmark's baseline); shown by default. */
  map?: boolean;
}

/** Renders the listing for a raw query string (already narrowed with `pageSearchParams`). */
export function renderListing(dir: Directory, locale: SiteLocale, params: URLSearchParams, options: ListingOptions): ListingRender {
  const parsed = parseParams(groupsQuerySchema, pageSearchParams(params), locale);
  let query = parsed.ok ? parsed.value : DEFAULT_QUERY;
  let errors: FieldErrors | undefined = parsed.ok ? undefined : parsed.fields;
  let outcome = runQuery(dir, { ...query, facets: [...FACETS] }, locale);
  if (!outcome.ok) {
    errors = outcome.fields;
    query = DEFAULT_QUERY;
    outcome = runQuery(dir, { ...query, facets: [...FACETS] });
  }
  if (!outcome.ok) throw new Error('the default listing query was refused'); // cannot happen: it has no filters
  const { page, total, facets = {} } = outcome.result;
  const prefs = contentPrefs(locale);
  const count = t(locale, 'listing.count', { count: total });
  const totalPages = Math.max(1, Math.ceil(total / query.per_page));
  const filters = filterQueryString(query);
  const sort = query.sort ?? (query.q ? 'relevance' : 'name');

  const results = page.map((doc) => {
    const e = dir.entry(doc);
    const summary = pickText(e.summary, prefs);
    const meta = [
      ...(e.countries ?? []).map((c) => facetLabel(dir, 'country', c, locale)),
      e.city,
      e.geographic_scope && enumLabel(locale, 'scope', e.geographic_scope),
      enumLabel(locale, 'relation', e.network_relation),
    ].filter((v): v is string => typeof v === 'string' && v !== '');
    return html`<li class="result">
  <h3 translate="no"><a href="${paths.entry(locale, e.slug)}">${e.name}</a>${e.short_name && e.short_name !== e.name ? html` <span class="short-name">(${e.short_name})</span>` : ''}</h3>
  ${summary ? html`<p${summary.lang !== locale ? html` lang="${summary.lang}"` : ''}>${summary.text}</p>` : ''}
  <p class="meta">${meta.join(' · ')}</p>
</li>`;
  });

  const main = html`<h1>${options.home ? t(locale, 'listing.title') : `${t(locale, 'listing.title')} — ${count}`}</h1>
<p class="lead">${t(locale, 'listing.intro')}</p>
${errors ? errorList(locale, errors) : ''}
<form class="search-bar" id="listing" method="get" action="${paths.listing(locale)}" role="search">
  <p class="form-field">
    <label for="q">${t(locale, 'listing.searchLabel')}</label>
    <input type="search" name="q" id="q" value="${query.q ?? ''}" maxlength="200" aria-describedby="q-hint">
    <span class="field-hint" id="q-hint">${t(locale, 'listing.searchHint')}</span>
  </p>
  <button type="submit" class="button">${t(locale, 'listing.searchButton')}</button>
</form>
${
  options.map === false
    ? ''
    : renderMapSection({
        locale,
        counts: facets.country ?? new Map(),
        selected: selectedValues(query, 'country'),
        hrefFor: (code) => paths.listing(locale, filterQueryString({ ...query, country: [code] })),
        nameOf: (code) => facetLabel(dir, 'country', code, locale),
      })
}
<div class="listing-columns">
  <section class="filters" aria-labelledby="filters-heading">
    <h2 id="filters-heading">${t(locale, 'listing.filters')}</h2>
    <p><a class="skip-to-results" href="#results-heading">${t(locale, 'listing.skipToResults')}</a></p>
    ${FACETS.map((f) => facetFieldset(locale, f, presentFacet(dir, f, facets[f] ?? new Map(), selectedValues(query, f), locale), query))}
    <p class="form-field"><label for="sort">${t(locale, 'listing.sortLabel')}</label>
    <select name="sort" id="sort" form="listing">
      ${SORTS.map((s) => html`<option value="${s}"${s === sort ? html` selected` : ''}>${t(locale, `listing.sort.${s}`)}</option>`)}
    </select></p>
    ${query.per_page !== PER_PAGE_DEFAULT ? html`<input type="hidden" name="per_page" value="${query.per_page}" form="listing">` : ''}
    <p class="filter-actions"><button type="submit" class="button" form="listing">${t(locale, 'listing.apply')}</button>
    <a href="${paths.listing(locale)}" class="button button-secondary">${t(locale, 'listing.clear')}</a></p>
  </section>
  <section class="results-section" aria-labelledby="results-heading">
    <h2 id="results-heading" tabindex="-1">${t(locale, 'listing.results')}</h2>
    <p class="result-count">${count}, ${t(locale, 'listing.pageOf', { page: Math.min(query.page, totalPages), pages: totalPages })}</p>
    ${results.length > 0 ? html`<ol class="results">${results}</ol>` : html`<p class="notice">${t(locale, 'listing.noResults')}</p>`}
    ${pagination(locale, query, totalPages)}
    <p class="downloads">${t(locale, 'listing.download')}:
      <a href="${paths.csv(filters)}">CSV</a> · <a href="${paths.ndjson(filters)}">NDJSON</a> · <a href="${paths.feed(filters)}">Atom</a></p>
  </section>
</div>
<aside class="join-call"><p>${t(locale, 'footer.missingGroup')} <a href="${paths.join(locale)}">${t(locale, 'footer.joinCall')}</a></p></aside>`;

  const view = viewQueryString(query, query.page);
  const body = layout({
    locale,
    title: options.home
      ? `${t(locale, 'site.name')} — ${t(locale, 'site.tagline')}`
      : `${t(locale, 'listing.titleWithCount', { title: t(locale, 'listing.title'), count })} — ${t(locale, 'site.name')}`,
    description: t(locale, 'site.tagline'),
    baseUrl: options.baseUrl,
    path: options.home ? paths.home(locale) : paths.listing(locale),
    alternates: Object.fromEntries(SITE_LOCALES.map((l) => [l, options.home ? paths.home(l) : paths.listing(l)])) as Record<SiteLocale, string>,
    alternateQuery: options.home ? '' : view,
    feedQuery: options.home ? undefined : filters,
    indexable: options.home === true,
    main,
  });
  return { status: errors ? 400 : 200, body: body.value };
}

/** Names the language of a text when it differs from the page's; used by entry pages too. */
export function otherLanguageNote(locale: SiteLocale, textLang: string): string {
  return t(locale, 'entry.otherLanguage', { language: languageName(textLang, locale) });
}
