/**
 * What the CMS preview shows for a group: the entry as the public directory presents it, with
 * readable names for countries, languages, subject headings and enum values (the API's own
 * `facetLabel`), the purpose rendered by the site's Markdown renderer, and the "similar topics"
 * groups ranked by the engine's own `relatedDocs`, each with its subject headings.
 *
 * Pure: the preview component passes in the draft and the published entries Decap has loaded.
 */
import type { Artefact, ArtefactEntry, FacetName } from '../engine/artefact.ts';
import { FACETS, facetValues } from '../engine/artefact.ts';
import { facetTableOf, type Directory } from '../engine/directory.ts';
import { pickText } from '../engine/pick-language.ts';
import { facetLabel } from '../engine/present.ts';
import { relatedDocs } from '../engine/related.ts';
import { DEFAULT_LOCALE as DEFAULT_UI_LOCALE, isLocale, t, type Locale } from '../i18n/index.ts';
import type { Entry } from '../schema/entry.ts';
import { DEFAULT_LOCALE, type ContentLocale } from '../schema/locales.ts';
import type { TaxonomyName, TaxonomyTerm } from '../schema/taxonomy.ts';

export interface PreviewFact {
  label: string;
  value: string;
}

export interface RelatedGroup {
  slug: string;
  name: string;
  countries: string[];
  subjects: string[];
}

export interface PreviewModel {
  slug: string;
  name: string;
  shortName?: string;
  alternateNames: string[];
  summary?: { text: string; lang: ContentLocale };
  purposeHtml?: string;
  purposeLang?: ContentLocale;
  countries: string[];
  city?: string;
  subjects: string[];
  sectors: string[];
  languages: string[];
  facts: PreviewFact[];
  website?: string;
  email?: string;
  social: string[];
  sources: { url?: string; title?: string }[];
  related: RelatedGroup[];
}

export interface PreviewInput {
  /** The draft, decoded the way the build reads files (possibly incomplete while being typed). */
  draft: Partial<Entry>;
  /** Published groups (the draft's own published version is replaced by the draft). */
  published: Partial<Entry>[];
  taxonomies: Record<TaxonomyName, TaxonomyTerm[]>;
  renderMarkdown: (markdown: string) => string;
  /** The editor's language: the facts' labels and the names of countries, languages and terms; the entry's texts in it when it has them. */
  locale?: ContentLocale;
}

function isEntry(e: Partial<Entry>): e is Entry {
  return typeof e.slug === 'string' && typeof e.name === 'string';
}

/** Same order as the content build's name index (src/content/build-artefact.ts). */
const nameCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The few parts of a Directory that labels and related-group ranking read, over draft + published. */
function previewDirectory(entries: Entry[], taxonomies: Record<TaxonomyName, TaxonomyTerm[]>): Directory {
  const facets = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number[]>])) as Record<FacetName, Record<string, number[]>>;
  entries.forEach((entry, doc) => {
    for (const facet of FACETS) for (const value of facetValues(entry, facet)) (facets[facet][value] ??= []).push(doc);
  });
  const byName = entries.map((_, i) => i).sort((a, b) => nameCollator.compare(entries[a]!.name, entries[b]!.name) || a - b);
  const nameRank = new Int32Array(entries.length);
  byName.forEach((doc, rank) => (nameRank[doc] = rank));
  const artefact = {
    entries: entries as ArtefactEntry[],
    taxonomies,
    index: { facets, byName },
  } as unknown as Artefact;
  return {
    artefact,
    entry: (doc) => entries[doc]! as ArtefactEntry,
    size: entries.length,
    nameRank,
    // Full-text postings serve searches, which a preview never runs.
    postings: new Int32Array(0),
    findSlug: (slug) => entries.findIndex((e) => e.slug === slug),
    facetTable: (facet) => facetTableOf(artefact, facet),
    queryIndex: () => {
      throw new Error('the CMS preview runs no queries');
    },
  };
}

export function previewModel(input: PreviewInput): PreviewModel {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const prefs = [...new Set<ContentLocale>([locale, DEFAULT_LOCALE])];
  const draft = { slug: '', name: '', ...input.draft } as Entry;
  const others = input.published.filter(isEntry).filter((e) => e.slug !== draft.slug);
  const dir = previewDirectory([draft, ...others], input.taxonomies);
  const label = (facet: FacetName, value: string) => facetLabel(dir, facet, value, locale);
  const ui: Locale = isLocale(locale) ? locale : DEFAULT_UI_LOCALE;

  const facts: PreviewFact[] = [];
  if (draft.geographic_scope) facts.push({ label: t(ui, 'cms.preview.scope'), value: label('scope', draft.geographic_scope) });
  if (draft.structure) facts.push({ label: t(ui, 'cms.preview.structure'), value: label('structure', draft.structure) });
  if (draft.network_relation) {
    const relation = label('relation', draft.network_relation);
    facts.push({ label: t(ui, 'cms.preview.relation'), value: draft.relation_note ? `${relation} (${draft.relation_note})` : relation });
  }
  if (draft.founded !== undefined) facts.push({ label: t(ui, 'cms.preview.founded'), value: String(draft.founded) });
  if (draft.updated) facts.push({ label: t(ui, 'cms.preview.updated'), value: draft.updated });

  const purpose = pickText(draft.purpose, prefs);
  return {
    slug: draft.slug,
    name: draft.name,
    shortName: draft.short_name,
    alternateNames: draft.alternate_names ?? [],
    summary: pickText(draft.summary, prefs),
    purposeHtml: purpose ? input.renderMarkdown(purpose.text) : undefined,
    purposeLang: purpose?.lang,
    countries: (draft.countries ?? []).map((c) => label('country', c)),
    city: draft.city,
    subjects: (draft.subjects ?? []).map((s) => label('subject', s)),
    sectors: (draft.sectors ?? []).map((s) => label('sector', s)),
    languages: (draft.languages ?? []).map((l) => label('language', l)),
    facts,
    website: draft.website,
    email: draft.email,
    social: draft.social ?? [],
    sources: draft.sources ?? [],
    related: relatedDocs(dir, 0).map((doc) => {
      const e = dir.entry(doc);
      return {
        slug: e.slug,
        name: e.name,
        countries: (e.countries ?? []).map((c) => label('country', c)),
        subjects: (e.subjects ?? []).map((s) => label('subject', s)),
      };
    }),
  };
}
