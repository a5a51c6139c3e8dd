/**
 * Entries as the API shows them: translatable texts resolved to one language (saying which, and
 * which others exist), sparse field selection, links, and facet counts with readable labels.
 */
import { countryName, languageName } from '../schema/codes.ts';
import { isLocale, LOCALES } from '../i18n/index.ts';
import { enumLabel } from '../i18n/labels.ts';
import { CONTENT_LOCALES, DEFAULT_LOCALE, type ContentLocale } from '../schema/locales.ts';
import { DEFAULT_LIST_FIELDS, type GroupsQuery } from '../schema/query.ts';
import type { GeographicScope, NetworkRelation, Structure } from '../schema/entry.ts';
import type { TaxonomyTerm } from '../schema/taxonomy.ts';
import { paths } from '../schema/routes.ts';
import type { ArtefactEntry, FacetName } from './artefact.ts';
import type { Directory } from './directory.ts';
import { computeFacetPresentation, presentedValues, type FacetPresentation } from './facet-presentation.ts';
import { availableLocales, pickText } from './pick-language.ts';

export type ListField = NonNullable<GroupsQuery['fields']>[number];

/**
 * An entry's addresses: in the API, and its page on the site in the reader's language when the
 * site is written in it (else English), with the site's own path shape (`/fr/groups/cub/`).
 */
export function entryLinks(baseUrl: string, slug: string, locale: ContentLocale = 'en') {
  return { url: `${baseUrl}${paths.groupApi(slug)}`, page: `${baseUrl}${paths.entry(isLocale(locale) ? locale : DEFAULT_LOCALE, slug)}` };
}

/** One list item with the requested fields (slug always). */
export function listItem(
  entry: ArtefactEntry,
  prefs: readonly ContentLocale[],
  fields: readonly ListField[] | undefined,
  baseUrl: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { slug: entry.slug };
  const summary = pickText(entry.summary, prefs);
  for (const field of fields ?? DEFAULT_LIST_FIELDS) {
    switch (field) {
      case 'slug':
        break;
      case 'summary':
        out.summary = summary?.text ?? null;
        break;
      case 'lang':
        out.lang = summary?.lang ?? null;
        break;
      case 'translations':
        out.translations = CONTENT_LOCALES.filter((l) => entry.summary[l] || entry.purpose_langs.includes(l));
        break;
      case 'url':
        out.url = entryLinks(baseUrl, entry.slug).url;
        break;
      case 'page':
        out.page = entryLinks(baseUrl, entry.slug, prefs[0]).page;
        break;
      default: {
        const value = entry[field];
        out[field] = value === undefined ? null : value;
      }
    }
  }
  return out;
}

/** The whole entry, texts in one language, plus the other languages' availability. */
export function detailItem(entry: ArtefactEntry, prefs: readonly ContentLocale[], baseUrl: string): Record<string, unknown> {
  const { summary, purpose, purpose_html, purpose_langs: _langs, geo: _geo, ...rest } = entry;
  const s = pickText(summary, prefs);
  const p = pickText(purpose, prefs);
  const served = s?.lang ?? p?.lang ?? null;
  return {
    ...rest,
    summary: s?.text ?? null,
    purpose: p?.text ?? null,
    purpose_html: p ? (purpose_html?.[p.lang] ?? null) : null,
    lang: served,
    purpose_lang: p?.lang ?? null,
    translations: availableLocales(summary, purpose),
    ...entryLinks(baseUrl, entry.slug, prefs[0]),
  };
}

/** `locale`: any language the pages speak; a term without a label in it is named in English. */
function termLabel(terms: TaxonomyTerm[], slug: string, locale: string): string {
  const term = terms.find((t) => t.slug === slug);
  return term ? ((term.label as Partial<Record<string, string>>)[locale] ?? term.label.en) : slug;
}

/** A content language the catalogues speak, else English (the API may be asked for any content language). */
const uiLocale = (locale: string) => (isLocale(locale) ? locale : 'en');

export function facetLabel(dir: Directory, facet: FacetName, value: string, locale: string): string {
  return presentedValues(dir.artefact, facet, locale)?.get(value)?.label ?? computedLabel(dir, facet, value, locale);
}

/** A facet value's label, asked of the taxonomies, the catalogues or the platform's CLDR data. */
export function computedLabel(dir: Directory, facet: FacetName, value: string, locale: string): string {
  switch (facet) {
    case 'country':
      return countryName(value, locale);
    case 'language':
      return languageName(value, locale);
    case 'scope':
      return enumLabel(uiLocale(locale), 'scope', value as GeographicScope);
    case 'relation':
      return enumLabel(uiLocale(locale), 'relation', value as NetworkRelation);
    case 'structure':
      return enumLabel(uiLocale(locale), 'structure', value as Structure);
    case 'subject':
      return termLabel(dir.artefact.taxonomies.subjects, value, locale);
    case 'sector':
      return termLabel(dir.artefact.taxonomies.sectors, value, locale);
  }
}

const collators = new Map<string, Intl.Collator>();
/** Collators are costly to create and immutable: one per language for the life of the process. */
export function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale, { sensitivity: 'base' })));
  return collator;
}

export interface FacetBucket {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

/** What the content build stores (src/content/build-artefact.ts): every facet's labels and order in every language a page or the API answers in. */
export function facetPresentationOf(dir: Directory): FacetPresentation {
  return computeFacetPresentation(dir, [...new Set<string>([...LOCALES, ...CONTENT_LOCALES])], computedLabel, collatorFor);
}

/** Buckets by count (then label); selected values are listed even when nothing is left in them. */
export function presentFacet(dir: Directory, facet: FacetName, counts: Map<string, number>, selected: readonly string[], locale: string): FacetBucket[] {
  const values = [...new Set([...counts.keys(), ...selected])];
  const presented = presentedValues(dir.artefact, facet, locale);
  // The build's label order when it knows every value (a selected value need not be in the
  // directory); otherwise the labels are compared here, with the collator the build used.
  if (presented && values.every((v) => presented.has(v))) {
    return values
      .map((value) => ({ value, label: presented.get(value)!.label, count: counts.get(value) ?? 0, selected: selected.includes(value) }))
      .sort((a, b) => b.count - a.count || presented.get(a.value)!.rank - presented.get(b.value)!.rank);
  }
  const collator = collatorFor(locale);
  return values
    .map((value) => ({ value, label: facetLabel(dir, facet, value, locale), count: counts.get(value) ?? 0, selected: selected.includes(value) }))
    .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
}
