/**
 * schema.org JSON-LD for an entry page: a `WorkersUnion` for unions and their federations and
 * confederations, an `Organization` for networks, collectives and the rest.
 * https://schema.org/WorkersUnion · https://schema.org/Organization ·
 * https://developers.google.com/search/docs/appearance/structured-data/organization
 */
import type { Directory } from '../engine/directory.ts';
import { pickText } from '../engine/pick-language.ts';
import { facetLabel } from '../engine/present.ts';
import type { Structure } from '../schema/entry.ts';
import { DATA_LICENSE } from '../schema/license.ts';
import type { SiteLocale } from './paths.ts';
import { paths } from './paths.ts';
import { contentPrefs } from '../i18n/index.ts';
import { MEMBER_RELATIONS, type NetworkRef } from '../engine/network.ts';

const UNION_STRUCTURES: ReadonlySet<Structure> = new Set(['union', 'federation', 'confederation']);

export function schemaOrgType(structure: Structure | undefined): 'WorkersUnion' | 'Organization' {
  return structure && UNION_STRUCTURES.has(structure) ? 'WorkersUnion' : 'Organization';
}

/** The JSON-LD node id of an entry: its English page, the same for every language version. */
export function entryId(baseUrl: string, slug: string): string {
  return `${baseUrl}${paths.entry('en', slug)}#organization`;
}

export function entryJsonLd(dir: Directory, doc: number, locale: SiteLocale, baseUrl: string, network: NetworkRef | undefined): Record<string, unknown> {
  const e = dir.entry(doc);
  const summary = pickText(e.summary, contentPrefs(locale));
  const alternateName = [e.short_name, ...(e.alternate_names ?? [])].filter((n): n is string => !!n && n !== e.name);
  const areaServed: Record<string, string>[] = (e.countries ?? []).map((code) => ({
    '@type': 'Country',
    name: facetLabel(dir, 'country', code, locale),
    identifier: code,
  }));
  if (e.city) areaServed.push({ '@type': 'City', name: e.city });
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': schemaOrgType(e.structure),
    '@id': entryId(baseUrl, e.slug),
    name: e.name,
    ...(alternateName.length > 0 ? { alternateName } : {}),
    ...(summary ? { description: summary.text } : {}),
    ...(e.website ? { url: e.website } : {}),
    mainEntityOfPage: `${baseUrl}${paths.entry(locale, e.slug)}`,
    // The page (a CreativeWork, which can carry a licence) is about the group: its data's licence.
    subjectOf: { '@type': 'WebPage', '@id': `${baseUrl}${paths.entry(locale, e.slug)}`, license: DATA_LICENSE.url },
    ...(e.social && e.social.length > 0 ? { sameAs: e.social } : {}),
    ...(e.email ? { email: e.email } : {}),
    ...(e.founded ? { foundingDate: String(e.founded) } : {}),
    ...(areaServed.length > 0 ? { areaServed } : {}),
    ...((e.subjects ?? []).length > 0 ? { knowsAbout: e.subjects!.map((s) => facetLabel(dir, 'subject', s, locale)) } : {}),
    ...((e.languages ?? []).length > 0 ? { knowsLanguage: e.languages } : {}),
  };
  if (network && network.slug !== e.slug && MEMBER_RELATIONS.has(e.network_relation)) {
    ld.memberOf = {
      '@type': 'Organization',
      '@id': entryId(baseUrl, network.slug),
      name: network.name,
      ...(network.website ? { url: network.website } : {}),
    };
  }
  return ld;
}
