/** A term of a taxonomy (subject headings, sectors): content too, with labels in several languages. */
import * as z from 'zod';
import { slugSchema } from './entry.ts';
import { CONTENT_LOCALES, REQUIRED_LABEL_LOCALES, type ContentLocale } from './locales.ts';

export const TAXONOMIES = ['subjects', 'sectors'] as const;
export type TaxonomyName = (typeof TAXONOMIES)[number];

const labelText = z.string().trim().min(1, 'must not be empty').max(120);

export const termLabelsSchema = z.strictObject(
  Object.fromEntries(
    CONTENT_LOCALES.map((locale) => [locale, (REQUIRED_LABEL_LOCALES as readonly string[]).includes(locale) ? labelText : labelText.optional()]),
  ) as Record<ContentLocale, typeof labelText>,
);

export const taxonomyTermSchema = z
  .strictObject({
    slug: slugSchema,
    label: termLabelsSchema.meta({ title: 'Label', description: 'Required in every language.' }),
    description: z.string().trim().max(500).optional().meta({ title: 'Description' }),
    order: z.int().min(0).max(1000).optional().meta({ title: 'Order', description: 'Position in lists; lower first.' }),
  })
  .meta({ id: 'TaxonomyTerm', title: 'Taxonomy term' });

export type TaxonomyTerm = z.infer<typeof taxonomyTermSchema>;
