/**
 * The public API's query parameters, declared once: the engine validates with these, and the
 * OpenAPI document lists them from here.
 */
import * as z from 'zod';
import { countryCodeSchema, GEOGRAPHIC_SCOPES, isoDateSchema, languageCodeSchema, NETWORK_RELATIONS, slugSchema, STRUCTURES } from './entry-values.ts';
import { CONTENT_LOCALES } from './locales.ts';

export const SORTS = ['relevance', 'name', '-name', 'updated', '-updated'] as const;
export const PER_PAGE_DEFAULT = 20;
export const PER_PAGE_MAX = 100;
export const Q_MAX = 200;
export const LIST_MAX = 50;
/** The largest page number the six-digit `page` parameter can spell. */
export const PAGE_MAX = 999_999;
export const FACET_NAMES = ['country', 'scope', 'subject', 'sector', 'language', 'relation', 'structure'] as const;

/** Fields a list item can carry (`fields=`); `slug` is always included. */
export const LIST_FIELDS = [
  'slug',
  'name',
  'short_name',
  'alternate_names',
  'summary',
  'geographic_scope',
  'countries',
  'city',
  'subjects',
  'sectors',
  'languages',
  'structure',
  'network_relation',
  'website',
  'founded',
  'created',
  'updated',
  'lang',
  'translations',
  'url',
  'page',
] as const;
export const DEFAULT_LIST_FIELDS = LIST_FIELDS.filter((f) => !['alternate_names', 'founded', 'created'].includes(f));

const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIST_MAX, `give at most ${LIST_MAX} values`);
const wholeNumber = (what: string) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `must be a whole number`)
    .transform(Number)
    .describe(what);

/** Multi-valued parameters may be repeated (`?country=FR&country=ES`) or comma-separated. */
export const MULTI_PARAMS = ['country', 'scope', 'subject', 'sector', 'language', 'relation', 'structure', 'fields', 'facets'] as const;

export const groupsQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .max(Q_MAX, `must be at most ${Q_MAX} characters`)
    .optional()
    .describe('Full-text search: names, summaries, purpose and subject labels; accent- and case-insensitive; the last word matches as a prefix.'),
  country: list(z.string().toUpperCase().pipe(countryCodeSchema)).optional().describe('ISO 3166-1 alpha-2 codes; any of them.'),
  scope: list(z.enum(GEOGRAPHIC_SCOPES)).optional().describe('Geographic scopes; any of them.'),
  subject: list(slugSchema).optional().describe('Subject-heading slugs; see subject_mode.'),
  subject_mode: z.enum(['any', 'all']).default('any').describe('Whether an entry needs any or all of the subjects.'),
  sector: list(slugSchema).optional().describe('Sector slugs; any of them.'),
  language: list(z.string().toLowerCase().pipe(languageCodeSchema)).optional().describe('Working languages (ISO 639-1); any of them.'),
  relation: list(z.enum(NETWORK_RELATIONS)).optional().describe('Relations to the network; any of them.'),
  structure: list(z.enum(STRUCTURES)).optional().describe('Kinds of organisation; any of them.'),
  updated_since: isoDateSchema.optional().describe('Only entries updated on or after this date.'),
  sort: z.enum(SORTS).optional().describe('Default: relevance when q is given, otherwise name.'),
  page: wholeNumber('page').pipe(z.int().min(1, 'pages start at 1').max(PAGE_MAX)).default(1).describe('Page number, from 1.'),
  per_page: wholeNumber('per_page')
    .pipe(z.int().min(1, 'must be at least 1').max(PER_PAGE_MAX, `must be at most ${PER_PAGE_MAX}`))
    .default(PER_PAGE_DEFAULT)
    .describe(`Results per page, 1 to ${PER_PAGE_MAX}.`),
  fields: list(z.enum(LIST_FIELDS)).optional().describe('Sparse responses: the fields each item carries (slug is always included).'),
  facets: list(z.enum(FACET_NAMES)).optional().describe('Facets to count; each is counted with its own filter removed.'),
  lang: z.enum(CONTENT_LOCALES).optional().describe('Preferred language of texts; otherwise Accept-Language.'),
});

export type GroupsQuery = z.output<typeof groupsQuerySchema>;
export type FacetParam = (typeof FACET_NAMES)[number];

export const groupQuerySchema = z.strictObject({
  lang: z.enum(CONTENT_LOCALES).optional().describe('Preferred language of texts; otherwise Accept-Language.'),
});

/**
 * Exports take exactly the filters `/api/v1/groups` takes, less what makes no sense for a whole file.
 */
/** CSV and NDJSON: every language is in the file, every matching entry, in `sort` order. */
export const exportQuerySchema = groupsQuerySchema.omit({ page: true, per_page: true, facets: true, fields: true, lang: true });
/** The Atom feed: newest first by definition, texts in `lang`. */
export const feedQuerySchema = groupsQuerySchema.omit({ page: true, per_page: true, facets: true, fields: true, sort: true });

export type ExportQuery = z.output<typeof exportQuerySchema>;
export type FeedQuery = z.output<typeof feedQuerySchema>;
