/**
 * The parts of an entry's definition that queries and labels use on their own: slugs, country and
 * language codes, dates, and the closed lists (scope, relation, structure). entry.ts composes the
 * entry from these and re-exports them. Kept apart so that a function that only answers queries
 * (the groups API, the listing) never builds the whole entry schema: building it was ~6 ms of the
 * groups function's cold start (bench/cold-start.ts).
 */
import * as z from 'zod';
import { isCountryCode, isLanguageCode } from './codes.ts';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;

export const GEOGRAPHIC_SCOPES = ['international', 'national', 'regional', 'local'] as const;
export const NETWORK_RELATIONS = ['founding_member', 'member', 'participant', 'observer', 'none'] as const;
export const STRUCTURES = ['union', 'confederation', 'federation', 'network', 'coordination', 'collective', 'association', 'other'] as const;

export const slugSchema = z
  .string()
  .max(SLUG_MAX)
  .regex(SLUG_PATTERN, 'use lower-case letters, digits and single hyphens (e.g. "cgt-spain")')
  .meta({ title: 'Slug', description: 'Lower-case letters, digits and hyphens; the last part of the group’s address.' });

export const countryCodeSchema = z
  .string()
  .refine(isCountryCode, { error: (issue) => `"${String(issue.input)}" is not an ISO 3166-1 alpha-2 country code`, params: { problem: 'country_code' } })
  .meta({ title: 'Country', description: 'ISO 3166-1 alpha-2 code, upper case (e.g. FR).', pattern: '^[A-Z]{2}$' });

export const languageCodeSchema = z
  .string()
  .refine(isLanguageCode, { error: (issue) => `"${String(issue.input)}" is not an ISO 639-1 language code`, params: { problem: 'language_code' } })
  .meta({ title: 'Language', description: 'ISO 639-1 code, lower case (e.g. fr).', pattern: '^[a-z]{2}$' });

export const isoDateSchema = z.iso.date({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a date written YYYY-MM-DD') });

export type GeographicScope = (typeof GEOGRAPHIC_SCOPES)[number];
export type NetworkRelation = (typeof NETWORK_RELATIONS)[number];
export type Structure = (typeof STRUCTURES)[number];
