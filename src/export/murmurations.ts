/**
 * A Murmurations profile per entry, for the `organizations_schema-v1.0.0` schema
 * (https://github.com/MurmurationsNetwork/MurmurationsLibrary/blob/main/schemas/organizations_schema-v1.0.0.json).
 * The index downloads the profile from its `profile_url` and validates it against its default
 * schema and every schema in `linked_schemas` (https://docs.murmurations.network/faqs/schema.html);
 * test/export/murmurations-index-accepts.test.ts does the same offline with copies of both.
 *
 * What maps and what does not:
 * - `primary_url` identifies the group in the index: its own website; else its first social
 *   link (the field's definition allows "a web page well-known to be linked to the entity");
 *   else its page in this directory, so that every profile has one.
 * - `urls`: the group's page in this directory, and its social links.
 * - `geographic_scope`: the same four values as ours (local, regional, national, international).
 * - `country_iso_3166` is a single country "where the group is located": set only when the entry
 *   names exactly one country, and only when ISO 3166-1 assigns its code: the index's list has no
 *   user-assigned codes, so a group in Kosovo (XK) has no country there, only its locality.
 * - `locality` (the default schema's field, at most 100 characters) is the entry's city;
 *   `geolocation` its coordinates from the build's offline gazetteer (src/geo/locate-city.ts),
 *   present only when the gazetteer knows the city.
 * - `tags`: the labels of the entry's subject headings (English, the index's language), each cut
 *   at a word to the index's 100 characters, at most 100 of them.
 * - `starts_at` is a Unix time; a founding year becomes 1 January of that year, as the field's
 *   own documentation asks.
 * - `relationships`: `https://schema.org/memberOf` the network, only for a stated membership.
 * - `license`: the data licence of the profile (schema.org `license`), an extra property both
 *   schemas allow; the HTTP answer also says it in a `Link: <…>; rel="license"` header.
 * - `mission` is left out: the purpose is Markdown of up to 20,000 characters.
 */
import type * as z from 'zod';
import { LOCALITY_MAX, MURMURATIONS_NAME_MAX, MURMURATIONS_SCHEMA, TAG_MAX, TAGS_MAX, murmurationsProfileSchema } from '../schema/murmurations.ts';
import type { Directory } from '../engine/directory.ts';
import { pickText } from '../engine/pick-language.ts';
import { facetLabel } from '../engine/present.ts';
import { isIsoAssignedCountryCode } from '../schema/codes.ts';
import { DATA_LICENSE } from '../schema/license.ts';
import type { ContentLocale } from '../schema/locales.ts';
import { paths } from '../site/paths.ts';
import { MEMBER_RELATIONS, type NetworkRef } from '../engine/network.ts';

export { MURMURATIONS_SCHEMA, TAG_MAX, TAGS_MAX, LOCALITY_MAX, MURMURATIONS_NAME_MAX, murmurationsProfileSchema };
export type MurmurationsProfile = z.infer<typeof murmurationsProfileSchema>;

/** At most `max` characters, cut after a whole word and marked with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const word = cut.replace(/\s+\S*$/, '');
  return `${(word.length > max / 2 ? word : cut).trimEnd()}…`;
}

export function murmurationsProfile(
  dir: Directory,
  doc: number,
  baseUrl: string,
  network: NetworkRef | undefined,
  prefs: readonly ContentLocale[] = ['en'],
): MurmurationsProfile {
  const e = dir.entry(doc);
  const summary = pickText(e.summary, prefs);
  const tags = [...new Set((e.subjects ?? []).map((s) => clip(facetLabel(dir, 'subject', s, 'en'), TAG_MAX)))].slice(0, TAGS_MAX);
  const page = `${baseUrl}${paths.entry('en', e.slug)}`;
  const urls = [{ name: 'Solidarity Directory', url: page }, ...(e.social ?? []).map((url) => ({ name: new URL(url).hostname.replace(/^www\./, ''), url }))];
  const country = e.countries?.length === 1 ? e.countries[0]! : undefined;
  const profile: MurmurationsProfile = {
    linked_schemas: [MURMURATIONS_SCHEMA],
    name: clip(e.name, MURMURATIONS_NAME_MAX),
    ...(e.short_name ? { nickname: e.short_name } : {}),
    primary_url: e.website ?? e.social?.[0] ?? page,
    ...(tags.length > 0 ? { tags } : {}),
    urls,
    ...(summary ? { description: summary.text } : {}),
    ...(country && isIsoAssignedCountryCode(country) ? { country_iso_3166: country } : {}),
    ...(e.city ? { locality: clip(e.city, LOCALITY_MAX) } : {}),
    ...(e.geo ? { geolocation: { lat: e.geo.lat, lon: e.geo.lon } } : {}),
    ...(e.geographic_scope ? { geographic_scope: e.geographic_scope } : {}),
    ...(e.email ? { contact_details: { email: e.email } } : {}),
    ...(e.founded !== undefined ? { starts_at: Date.UTC(e.founded, 0, 1) / 1000 } : {}),
    license: DATA_LICENSE.url,
  };
  if (network?.website && network.slug !== e.slug && MEMBER_RELATIONS.has(e.network_relation)) {
    profile.relationships = [{ predicate_url: 'https://schema.org/memberOf', object_url: network.website }];
  }
  return profile;
}
