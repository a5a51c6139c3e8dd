/**
 * The API's answers, declared with the same field definitions as the entry, so the OpenAPI
 * document says what the endpoints really send (tests validate real responses against these).
 */
import * as z from 'zod';
import { entryFields, sourceSchema } from './entry.ts';
import { CONTENT_LOCALES } from './locales.ts';
import { FACET_NAMES, LIST_FIELDS } from './query.ts';

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
  page: z.url().describe('This entry on the public site.'),
};

export const listItemSchema = z
  .object(
    Object.fromEntries(
      LIST_FIELDS.map((f) => [f, (derived[f] ?? nullable(plain(f as keyof typeof entryFields))).optional()]),
    ),
  )
  .extend({ slug: entryFields.slug })
  .meta({ id: 'GroupListItem', description: 'An entry in a list; `fields=` chooses which fields appear (slug always).' });

export const facetBucketSchema = z
  .object({ value: z.string(), label: z.string(), count: z.int().min(0), selected: z.boolean() })
  .meta({ id: 'FacetBucket' });

export const groupListSchema = z
  .object({
    data: z.array(listItemSchema),
    meta: z.object({ total: z.int(), page: z.int(), per_page: z.int(), total_pages: z.int(), lang: locale, version: z.string() }),
    links: z.object({ self: z.url(), first: z.url(), prev: z.url().nullable(), next: z.url().nullable(), last: z.url() }),
    facets: z.partialRecord(z.enum(FACET_NAMES), z.array(facetBucketSchema)).optional(),
  })
  .meta({ id: 'GroupList' });

const relatedItemSchema = listItemSchema.extend({ shared_subjects: z.array(z.string()) }).meta({ id: 'RelatedGroup' });

export const groupDetailSchema = z
  .object({
    data: z
      .object({
        ...Object.fromEntries(
          (Object.keys(entryFields) as (keyof typeof entryFields)[])
            .filter((k) => k !== 'summary' && k !== 'purpose')
            .map((k) => [k, entryFields[k]]),
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

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().describe('Per-field (or per-parameter) messages.'),
    }),
  })
  .meta({ id: 'Error' });
