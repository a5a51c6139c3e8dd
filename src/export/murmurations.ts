/**
 * A Murmurations profile per entry, for the `organizations_schema-v1.0.0` schema
 * (https://github.com/MurmurationsNetwork/MurmurationsLibrary/blob/main/schemas/organizations_schema-v1.0.0.json).
 * The index downloads the profile from its `profile_url` and validates it against every schema
 * in `linked_schemas` (https://docs.murmurations.network/faqs/schema.html).
 *
 * What maps and what does not:
 * - `geographic_scope`: the same four values as ours (local, regional, national, international).
 * - `country_iso_3166` is a single country "where the group is located": set only when the entry
 *   names exactly one country; several countries are not a location.
 * - `tags`: the labels of the entry's subject headings (English, the index's language).
 * - `primary_url`: the group's own website; never our page, which is not the group's address.
 *   Our page and the group's social links go into `urls`.
 * - `starts_at` is a Unix time; a founding year becomes 1 January of that year, as the field's
 *   own documentation asks.
 * - `relationships`: `https://schema.org/memberOf` the network, only for a stated membership.
 * - `mission` is left out: the purpose is Markdown of up to 20,000 characters.
 */
import * as z from 'zod';
import type { Directory } from '../engine/directory.ts';
import { pickText } from '../engine/pick-language.ts';
import { facetLabel } from '../engine/present.ts';
import { isCountryCode } from '../schema/codes.ts';
import type { ContentLocale } from '../schema/locales.ts';
import { paths } from '../schema/routes.ts';
import { MEMBER_RELATIONS, type NetworkRef } from '../engine/network.ts';

export const MURMURATIONS_SCHEMA = 'organizations_schema-v1.0.0';

const httpUrl = z.string().max(2000).regex(/^https?:\/\/.*/);

/**
 * The profile as the Murmurations field definitions constrain it (MurmurationsLibrary `fields/*.json`:
 * linked_schemas, name, nickname, primary_url, tags, urls, description, country_iso_3166,
 * geographic_scope, contact_details, starts_at, relationships). Tests hold every profile to it.
 */
export const murmurationsProfileSchema = z.object({
  linked_schemas: z.array(z.string().regex(/^[a-z_][a-z0-9_]{4,99}$|^[a-z_][a-z0-9_]*-v\d+\.\d+\.\d+$/)).min(1).refine((l) => new Set(l).size === l.length),
  name: z.string(),
  nickname: z.string().optional(),
  primary_url: httpUrl.optional(),
  tags: z.array(z.string()).refine((l) => new Set(l).size === l.length, 'tags must be unique').optional(),
  urls: z.array(z.object({ name: z.string().optional(), url: httpUrl })).optional(),
  description: z.string().optional(),
  country_iso_3166: z.string().refine(isCountryCode).optional(),
  geographic_scope: z.enum(['local', 'regional', 'national', 'international']).optional(),
  contact_details: z.object({ email: z.string().optional(), contact_form: httpUrl.optional() }).optional(),
  starts_at: z.number().optional(),
  relationships: z.array(z.object({ predicate_url: httpUrl, object_url: httpUrl })).optional(),
});

export type MurmurationsProfile = z.infer<typeof murmurationsProfileSchema>;

export function murmurationsProfile(dir: Directory, doc: number, baseUrl: string, network: NetworkRef | undefined, prefs: readonly ContentLocale[] = ['en']): MurmurationsProfile {
  const e = dir.artefact.entries[doc]!;
  const summary = pickText(e.summary, prefs);
  const tags = [...new Set((e.subjects ?? []).map((s) => facetLabel(dir, 'subject', s, 'en')))];
  const page = `${baseUrl}${paths.entry('en', e.slug)}`;
  const urls = [
    { name: 'Solidarity Directory', url: page },
    ...(e.social ?? []).map((url) => ({ name: new URL(url).hostname.replace(/^www\./, ''), url })),
  ];
  const profile: MurmurationsProfile = {
    linked_schemas: [MURMURATIONS_SCHEMA],
    name: e.name,
    ...(e.short_name ? { nickname: e.short_name } : {}),
    ...(e.website ? { primary_url: e.website } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    urls,
    ...(summary ? { description: summary.text } : {}),
    ...(e.countries?.length === 1 ? { country_iso_3166: e.countries[0]! } : {}),
    ...(e.geographic_scope ? { geographic_scope: e.geographic_scope } : {}),
    ...(e.email ? { contact_details: { email: e.email } } : {}),
    ...(e.founded !== undefined ? { starts_at: Date.UTC(e.founded, 0, 1) / 1000 } : {}),
  };
  if (network?.website && network.slug !== e.slug && MEMBER_RELATIONS.has(e.network_relation)) {
    profile.relationships = [{ predicate_url: 'https://schema.org/memberOf', object_url: network.website }];
  }
  return profile;
}
