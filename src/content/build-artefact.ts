/**
 * Compiles validated content into the artefact: entries in a stable order, purpose rendered to
 * HTML, the inverted index for full-text search, facet postings, sort orders, and a content hash.
 * Pure: takes the validated content and a Markdown renderer, returns data.
 */
import { createHash } from 'node:crypto';
import { CONTENT_LOCALES, type ContentLocale } from '../schema/locales.ts';
import type { Entry } from '../schema/entry.ts';
import type { TaxonomyTerm } from '../schema/taxonomy.ts';
import {
  ARTEFACT_FORMAT,
  FACETS,
  facetValues,
  POSTING_WEIGHT_BITS,
  POSTING_WEIGHT_MASK,
  type Artefact,
  type ArtefactEntry,
  type FacetName,
} from '../engine/artefact.ts';
import { createDirectory } from '../engine/directory.ts';
import { facetPresentationOf } from '../engine/present.ts';
import { nameKey, tokenize, websiteDomain } from '../text/normalise-text.ts';
import type { ValidContent } from './validate-content.ts';
import type { LatLon } from '../geo/locate-city.ts';

/** How much a word found in each field counts towards relevance. */
export const FIELD_WEIGHTS = { name: 8, alternate: 6, subject: 3, summary: 2, purpose: 1 } as const;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function textsOf(t: Partial<Record<ContentLocale, string>> | undefined): string[] {
  return t ? CONTENT_LOCALES.map((l) => t[l]).filter((v): v is string => typeof v === 'string') : [];
}

function termLabels(term: TaxonomyTerm | undefined): string[] {
  return term ? Object.values(term.label).filter((v): v is string => typeof v === 'string') : [];
}

/** The texts of each weighted field of one entry: what the index (and anything compared with it) searches. */
export function searchableFields(entry: Entry, subjects: Map<string, TaxonomyTerm>): Record<keyof typeof FIELD_WEIGHTS, string[]> {
  return {
    name: [entry.name],
    alternate: [entry.short_name ?? '', ...(entry.alternate_names ?? [])],
    subject: (entry.subjects ?? []).flatMap((s) => termLabels(subjects.get(s))),
    summary: textsOf(entry.summary),
    purpose: textsOf(entry.purpose),
  };
}

/** Word → weight for one entry: each word counts once per field, with that field's weight. */
export function documentWeights(entry: Entry, subjects: Map<string, TaxonomyTerm>): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [field, texts] of Object.entries(searchableFields(entry, subjects)) as [keyof typeof FIELD_WEIGHTS, string[]][]) {
    const seen = new Set<string>();
    for (const text of texts) for (const token of tokenize(text)) seen.add(token);
    for (const token of seen) weights.set(token, (weights.get(token) ?? 0) + FIELD_WEIGHTS[field]);
  }
  return weights;
}

export interface BuildOptions {
  /**
   * Coordinates of a city in a country (src/geo/locate-city.ts at build time); an entry that names
   * a city and exactly one country gets `geo` when it answers.
   */
  locate?: (city: string, countryCode: string) => LatLon | undefined;
  /** When the content last changed (ISO 8601), for `Last-Modified`; none when unknown. */
  modified?: string;
}

export function buildArtefact(content: ValidContent, renderMarkdown: (md: string) => string, options: BuildOptions = {}): Artefact {
  const entries: ArtefactEntry[] = [...content.entries]
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .map((entry) => {
      const purpose_langs = CONTENT_LOCALES.filter((l) => entry.purpose?.[l]);
      const geo = entry.city && entry.countries?.length === 1 ? options.locate?.(entry.city, entry.countries[0]!) : undefined;
      const located = geo ? { geo: { lat: geo.lat, lon: geo.lon } } : {};
      if (!entry.purpose) return { ...entry, purpose_langs, ...located };
      const html: Partial<Record<ContentLocale, string>> = {};
      for (const locale of purpose_langs) html[locale] = renderMarkdown(entry.purpose[locale]!);
      return { ...entry, purpose_html: html, purpose_langs, ...located };
    });

  const ids = entries.map((_, i) => i);
  const byName = [...ids].sort((a, b) => collator.compare(entries[a]!.name, entries[b]!.name) || a - b);
  const nameRank = new Array<number>(entries.length);
  byName.forEach((doc, rank) => (nameRank[doc] = rank));
  const byUpdated = [...ids].sort((a, b) =>
    entries[a]!.updated < entries[b]!.updated ? -1 : entries[a]!.updated > entries[b]!.updated ? 1 : nameRank[a]! - nameRank[b]!,
  );

  // Postings by name rank, each term's list in relevance order (see Artefact.index.postings).
  const subjects = new Map(content.taxonomies.subjects.map((t) => [t.slug, t]));
  const postingsByTerm = new Map<string, number[]>();
  byName.forEach((doc, rank) => {
    for (const [token, weight] of documentWeights(entries[doc]!, subjects)) {
      if (weight > POSTING_WEIGHT_MASK) throw new Error(`a word's weight (${weight}) does not fit in ${POSTING_WEIGHT_BITS} bits: widen POSTING_WEIGHT_BITS`);
      let list = postingsByTerm.get(token);
      if (!list) postingsByTerm.set(token, (list = []));
      list.push(rank * (POSTING_WEIGHT_MASK + 1) + weight);
    }
  });
  const byImpact = (a: number, b: number) => (b & POSTING_WEIGHT_MASK) - (a & POSTING_WEIGHT_MASK) || a - b;
  const terms = [...postingsByTerm.keys()].sort();
  const termOffsets = [0];
  for (const t of terms) termOffsets.push(termOffsets.at(-1)! + postingsByTerm.get(t)!.length);
  const flat = new Int32Array(termOffsets.at(-1)!);
  terms.forEach((t, i) => flat.set(postingsByTerm.get(t)!.sort(byImpact), termOffsets[i]!));
  const postings = Buffer.from(new Uint8Array(flat.buffer)).toString('base64');

  const facets = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number[]>])) as Record<FacetName, Record<string, number[]>>;
  entries.forEach((entry, doc) => {
    for (const facet of FACETS) {
      for (const value of facetValues(entry, facet)) (facets[facet][value] ??= []).push(doc);
    }
  });

  const nameKeys = entries.map((e) => [...new Set([e.name, e.short_name, ...(e.alternate_names ?? [])].filter((n): n is string => !!n).map(nameKey))]);
  const domains = entries.map((e) => websiteDomain(e.website) ?? '');

  const body = { entries, taxonomies: content.taxonomies };
  const version = createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 16);
  const artefact: Artefact = {
    format: ARTEFACT_FORMAT,
    version,
    ...(options.modified ? { modified: options.modified } : {}),
    entries,
    taxonomies: content.taxonomies,
    index: { terms, postings, termOffsets, facets, byName, byUpdated, nameKeys, domains },
  };
  artefact.index.presentation = facetPresentationOf(createDirectory(artefact));
  return artefact;
}
