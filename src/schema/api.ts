/**
 * The API's answers, declared with the same field definitions as the entry, so the OpenAPI
 * document says what the endpoints really send (tests validate real responses against these).
 */
import * as z from 'zod';
import { entryFields, sourceSchema } from './entry.ts';
import { CONTENT_LOCALES } from './locales.ts';
import { FACET_NAMES, LIST_FIELDS } from './query.ts';
import { termLabelsSchema } from './taxonomy.ts';
import { GEOGRAPHIC_SCOPES, NETWORK_RELATIONS, STRUCTURES } from './entry.ts';

/** Every `error.code` an answer can carry; src/http/respond.ts types its errors from this list. */
export const ERROR_CODES = [
  'bad_request',
  'invalid_parameters',
  'invalid_body',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'payload_too_large',
  'uri_too_long',
  'unsupported_media_type',
  'rate_limited',
  'upstream_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const locale = z.enum(CONTENT_LOCALES);
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();
/** The plain (required) form of an entry field, whatever optional wrapper it has in the entry. */
const plain = (key: keyof typeof entryFields): z.ZodType => {
  const field = entryFields[key] as z.ZodType;
  return field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
};

const derived: Record<string, z.ZodType> = {
  summary: z.string().nullable().describe('The summary in the served language.'),
  lang: locale.nullable().describe('The language the summary is served in.'),
  translations: z.array(locale).describe('Languages in which this entry has a summary or purpose.'),
  url: z.url().describe('This entry in the API.'),
  page: z.url().describe('This entry on the public site, in the requested language when the site has it (else English).'),
};

const count = z.int().min(0);

export const listItemSchema = z
  .object(Object.fromEntries(LIST_FIELDS.map((f) => [f, (derived[f] ?? nullable(plain(f as keyof typeof entryFields))).optional()])))
  .extend({ slug: entryFields.slug })
  .meta({ id: 'GroupListItem', description: 'An entry in a list; `fields=` chooses which fields appear (slug always).' });

export const facetBucketSchema = z.object({ value: z.string(), label: z.string(), count, selected: z.boolean() }).meta({ id: 'FacetBucket' });

/** One optional bucket list per facet name, so generated clients type `facets.country` and the rest. */
const facetsSchema = z
  .strictObject(
    Object.fromEntries(FACET_NAMES.map((f) => [f, z.array(facetBucketSchema).optional()])) as Record<
      (typeof FACET_NAMES)[number],
      z.ZodOptional<z.ZodArray<typeof facetBucketSchema>>
    >,
  )
  .describe('Only the facets asked for with `facets=`; each counted with its own filter removed.');

export const groupListSchema = z
  .object({
    data: z.array(listItemSchema),
    meta: z.object({ total: count, page: z.int().min(1), per_page: z.int().min(1), total_pages: z.int().min(1), lang: locale, version: z.string() }),
    links: z
      .object({ self: z.url(), first: z.url(), prev: z.url().nullable(), next: z.url().nullable(), last: z.url() })
      .describe('The same pages as the `Link` header (rel first, prev, next, last).'),
    facets: facetsSchema.optional(),
  })
  .meta({ id: 'GroupList' });

const relatedItemSchema = listItemSchema.extend({ shared_subjects: z.array(z.string()) }).meta({ id: 'RelatedGroup' });

export const groupDetailSchema = z
  .object({
    data: z
      .object({
        ...Object.fromEntries(
          (Object.keys(entryFields) as (keyof typeof entryFields)[]).filter((k) => k !== 'summary' && k !== 'purpose').map((k) => [k, entryFields[k]]),
        ),
        sources: z.array(sourceSchema).optional(),
        summary: z.string().nullable(),
        purpose: z.string().nullable().describe('Markdown, in purpose_lang.'),
        purpose_html: z.string().nullable().describe('The purpose rendered to safe HTML.'),
        lang: locale.nullable(),
        purpose_lang: locale.nullable(),
        translations: z.array(locale),
        url: z.url(),
        page: z.url().describe('The entry on the public site.'),
        related: z.array(relatedItemSchema).describe('Similar topics: ranked by shared subject headings, then scope and country.'),
      })
      .strict(),
    meta: z.object({ version: z.string(), lang: locale }),
  })
  .meta({ id: 'GroupDetail' });

const termSchema = z.object({ slug: z.string(), label: z.string(), labels: termLabelsSchema, count });
const codeSchema = z.object({ code: z.string(), label: z.string(), count });
const valueSchema = <T extends readonly [string, ...string[]]>(values: T) => z.object({ value: z.enum(values), label: z.string(), count });

/** `GET /api/v1/taxonomies`: every vocabulary a filter can use, labelled in the served language. */
export const taxonomiesSchema = z
  .object({
    data: z.object({
      subjects: z.array(termSchema),
      sectors: z.array(termSchema),
      countries: z.array(codeSchema).describe('Countries in use, ISO 3166-1 alpha-2.'),
      languages: z.array(codeSchema).describe('Working languages in use, ISO 639-1.'),
      scopes: z.array(valueSchema(GEOGRAPHIC_SCOPES)),
      relations: z.array(valueSchema(NETWORK_RELATIONS)),
      structures: z.array(valueSchema(STRUCTURES)),
    }),
    meta: z.object({ lang: locale, version: z.string(), total: count }),
  })
  .meta({ id: 'Taxonomies' });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().describe('Per-field (or per-parameter) messages.'),
    }),
  })
  .meta({ id: 'Error' });
