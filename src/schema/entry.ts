/**
 * The one definition of a directory entry. Types, content validation, API validation, the join
 * request, the published JSON Schema / OpenAPI and the CMS fields are all derived from what is
 * declared here. `.meta({ title, description })` carries the human labels and hints that the
 * CMS config and the JSON Schema both show.
 */
import * as z from 'zod';
import { countryCodeSchema, isoDateSchema, languageCodeSchema, slugSchema } from './entry-values.ts';
import { CONTENT_LOCALES, type ContentLocale } from './locales.ts';

export {
  countryCodeSchema,
  GEOGRAPHIC_SCOPES,
  isoDateSchema,
  languageCodeSchema,
  NETWORK_RELATIONS,
  SLUG_MAX,
  SLUG_PATTERN,
  slugSchema,
  STRUCTURES,
  type GeographicScope,
  type NetworkRelation,
  type Structure,
} from './entry-values.ts';
import { GEOGRAPHIC_SCOPES, NETWORK_RELATIONS, STRUCTURES } from './entry-values.ts';

export const SUMMARY_MAX = 300;
export const PURPOSE_MAX = 20_000;
export const NAME_MAX = 200;
/** Long enough for any real address; a bound, so no request makes a URL parser or pattern work on more. */
export const URL_MAX = 2_000;
/** RFC 5321 limits a mailbox to 254 characters. */
export const EMAIL_MAX = 254;
/**
 * How many values each list may hold: far above what a real group states, and a bound on the work
 * (and, for the join, on the duplicate claims) one entry or application can cause.
 */
export const LIST_LIMITS = { alternate_names: 10, countries: 100, subjects: 30, sectors: 30, languages: 30, social: 10, sources: 20 } as const;

/** `http(s)://`, a domain name (as `z.regexes.domain` checks it), an optional port, then anything. */
const HTTP_URL_PATTERN = `^https?://${z.regexes.domain.source.replace(/^\^\(\?=\.\{1,253\}\$\)/, '').replace(/\$$/, '')}(?::[0-9]{1,5})?(?:[/?#].*)?$`;

export const httpUrlSchema = z
  .url({
    protocol: /^https?$/,
    hostname: z.regexes.domain,
    error: 'must be a web address starting with http:// or https://',
  })
  .max(URL_MAX, `must be at most ${URL_MAX} characters`)
  .meta({ pattern: HTTP_URL_PATTERN });

/** A year of founding: no trade union predates the first ones, and none is founded in the future. */
export const foundedSchema = z.int('must be a whole year such as 1995').min(1800, 'must be 1800 or later').max(2100, 'must be a year, not a date');

/**
 * A text with something other than spaces in it, as JSON Schema says it: used where a rule needs
 * it (a translated text given in at least one language). Not put on every trimmed text: the CMS
 * and the join form take a field's JSON Schema pattern as their live check, and there the length
 * is the check editors need.
 */
export const NOT_BLANK = '\\S';

/** A trimmed, non-empty text of at most `max` characters, with messages editors can act on. */
export function text(max: number) {
  return z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}

function unique<T extends z.ZodType>(item: T, what: string, max: number) {
  return z
    .array(item)
    .max(max, `give at most ${max} values`)
    .refine((values) => new Set(values).size === values.length, { message: `each ${what} may appear only once`, params: { problem: 'unique' } })
    .meta({ uniqueItems: true });
}

/**
 * A text that a group may give in several languages; at least one is required. The keys are the
 * content locales; the API chooses among them (see directory/pick-language.ts).
 */
export function translated(text: z.ZodString, label: string) {
  const shape = Object.fromEntries(CONTENT_LOCALES.map((locale) => [locale, text.optional()])) as Record<ContentLocale, z.ZodOptional<z.ZodString>>;
  return z
    .strictObject(shape)
    .refine((value) => Object.values(value).some((v) => typeof v === 'string' && v.trim() !== ''), {
      message: `give the ${label} in at least one language`,
      params: { problem: 'one_language' },
    })
    .meta({ anyOf: CONTENT_LOCALES.map((locale) => ({ required: [locale], properties: { [locale]: { type: 'string', pattern: NOT_BLANK } } })) });
}

export const summaryTextSchema = z.string().trim().min(1, 'must not be empty').max(SUMMARY_MAX, `must be at most ${SUMMARY_MAX} characters`);
export const purposeTextSchema = z.string().max(PURPOSE_MAX, `must be at most ${PURPOSE_MAX} characters`);

export const sourceSchema = z
  .strictObject({
    url: httpUrlSchema.optional().meta({ title: 'Address', description: 'The page the facts come from.' }),
    title: text(300).optional().meta({ title: 'Title or note', description: 'E.g. “Connexions Directory of Groups & Websites 2018”.' }),
  })
  .refine((s) => s.url !== undefined || s.title !== undefined, { message: 'give an address or a title', params: { problem: 'address_or_title' } })
  .meta({ anyOf: [{ required: ['url'] }, { required: ['title'] }] });

/**
 * The fields of an entry, without the translatable texts. Kept separate so that the CMS and the
 * join request can pick from it by name.
 */
export const entryFields = {
  slug: slugSchema,
  name: text(NAME_MAX).meta({ title: 'Name', description: 'As the group writes it, in its own language.' }),
  short_name: text(40).optional().meta({ title: 'Short name or acronym', description: 'E.g. CGT, CUB.' }),
  alternate_names: unique(text(NAME_MAX), 'name', LIST_LIMITS.alternate_names)
    .optional()
    .meta({ title: 'Other names', description: 'Names in other languages, former names.' }),
  summary: translated(summaryTextSchema, 'summary').meta({
    title: 'Summary',
    description: `One or two sentences for listings, at most ${SUMMARY_MAX} characters.`,
  }),
  purpose: translated(purposeTextSchema, 'purpose').optional().meta({ title: 'Purpose', description: 'What the group is for, in its own words (Markdown).' }),
  geographic_scope: z.enum(GEOGRAPHIC_SCOPES).optional().meta({ title: 'Geographic scope' }),
  countries: unique(countryCodeSchema, 'country', LIST_LIMITS.countries)
    .optional()
    .meta({ title: 'Countries', description: 'Where the group is based or active.' }),
  city: text(120).optional().meta({ title: 'City' }),
  subjects: unique(slugSchema, 'subject', LIST_LIMITS.subjects).optional().meta({ title: 'Subject headings' }),
  sectors: unique(slugSchema, 'sector', LIST_LIMITS.sectors).optional().meta({ title: 'Sectors' }),
  languages: unique(languageCodeSchema, 'language', LIST_LIMITS.languages)
    .optional()
    .meta({ title: 'Working languages', description: 'The languages the group works in.' }),
  structure: z.enum(STRUCTURES).optional().meta({ title: 'Structure' }),
  network_relation: z.enum(NETWORK_RELATIONS).meta({
    title: 'Relation to the network',
    description: 'Only what a source states: a delegation at a meeting is a participant, not a member.',
  }),
  relation_note: text(500)
    .optional()
    .meta({ title: 'Relation as the sources state it', description: 'E.g. “adheres to the network (per Umanità Nova, Nov 2025)”.' }),
  website: httpUrlSchema.optional().meta({ title: 'Website' }),
  email: z.email('must be an email address').max(EMAIL_MAX, `must be at most ${EMAIL_MAX} characters`).optional().meta({ title: 'Public email' }),
  social: unique(httpUrlSchema, 'link', LIST_LIMITS.social).optional().meta({ title: 'Social media links' }),
  founded: foundedSchema.optional().meta({ title: 'Year founded' }),
  sources: z
    .array(sourceSchema)
    .max(LIST_LIMITS.sources, `give at most ${LIST_LIMITS.sources} sources`)
    .optional()
    .meta({ title: 'Sources', description: 'Where the facts in this entry come from.' }),
  created: isoDateSchema.meta({ title: 'Created', description: 'The day the entry was added to the directory (YYYY-MM-DD).' }),
  updated: isoDateSchema.meta({ title: 'Updated', description: 'The day its facts were last checked or changed (YYYY-MM-DD).' }),
};

export const entrySchema = z
  .strictObject(entryFields)
  .refine((e) => e.updated >= e.created, { path: ['updated'], message: 'must not be before the created date', params: { problem: 'date_order' } })
  .meta({ id: 'Entry', title: 'Directory entry' });

export type Entry = z.infer<typeof entrySchema>;
export type TranslatedText = Partial<Record<ContentLocale, string>>;

/** The fields whose values are given per language. */
export const TRANSLATABLE_FIELDS = ['summary', 'purpose'] as const satisfies readonly (keyof Entry)[];
