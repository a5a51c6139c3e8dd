/**
 * A Murmurations organisation profile as the index's field definitions constrain it
 * (MurmurationsLibrary `fields/*.json`, newest versions). src/export/murmurations.ts makes one per
 * entry; the OpenAPI document publishes this as the `MurmurationsProfile` component.
 */
import * as z from 'zod';
import { isIsoAssignedCountryCode } from './codes.ts';

export const MURMURATIONS_SCHEMA = 'organizations_schema-v1.0.0';
/** The index's limits on a tag, on the number of tags, on a locality and on a name. */
export const TAG_MAX = 100;
export const TAGS_MAX = 100;
export const LOCALITY_MAX = 100;
export const MURMURATIONS_NAME_MAX = 200;

const httpUrl = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/.*/);

/**
 * The profile as the Murmurations field definitions constrain it (MurmurationsLibrary `fields/*.json`,
 * newest versions: linked_schemas, name, nickname, primary_url, tags, urls, description,
 * country_iso_3166, locality, geolocation, geographic_scope, contact_details, starts_at,
 * relationships). Published as the `MurmurationsProfile` component of the OpenAPI document.
 */
export const murmurationsProfileSchema = z
  .object({
    linked_schemas: z
      .array(z.string().regex(/^[a-z][a-z0-9_]{7,97}-v[0-9]+\.[0-9]+\.[0-9]+$/))
      .min(1)
      .refine((l) => new Set(l).size === l.length, 'schemas must be unique'),
    name: z.string().max(MURMURATIONS_NAME_MAX),
    nickname: z.string().optional(),
    primary_url: httpUrl,
    tags: z
      .array(z.string().max(TAG_MAX))
      .min(1)
      .max(TAGS_MAX)
      .refine((l) => new Set(l).size === l.length, 'tags must be unique')
      .optional(),
    urls: z.array(z.object({ name: z.string().optional(), url: httpUrl })).optional(),
    description: z.string().optional(),
    country_iso_3166: z.string().refine(isIsoAssignedCountryCode, 'an ISO 3166-1 code the index lists').optional(),
    locality: z.string().min(1).max(LOCALITY_MAX).optional(),
    geolocation: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
    geographic_scope: z.enum(['local', 'regional', 'national', 'international']).optional(),
    contact_details: z.object({ email: z.string().optional(), contact_form: httpUrl.optional() }).optional(),
    starts_at: z.number().optional(),
    relationships: z.array(z.object({ predicate_url: httpUrl, object_url: httpUrl })).optional(),
    license: z.url().describe('The licence of this profile’s data.'),
  })
  .meta({ id: 'MurmurationsProfile', description: 'A Murmurations profile following organizations_schema-v1.0.0.' });
