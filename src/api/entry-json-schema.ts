/**
 * `/api/v1/schemas/entry.json`: the JSON Schema (draft 2020-12) of a directory entry as a content
 * file's front matter decodes to it, and as each NDJSON line is. Generated from the same zod
 * schema the build validates with, plus, when the served directory is given, its subject and
 * sector slugs as enums (the build checks those against content/subjects and content/sectors).
 * test/api/entry-schema-agrees-with-build.test.ts feeds every content file and a set of invalid
 * entries to both and compares their verdicts.
 *
 * What JSON Schema cannot say, and only the build checks (ENTRY_RULES_NOT_IN_SCHEMA):
 */
import * as z from 'zod';
import { entryFields, entrySchema, slugSchema } from '../schema/entry.ts';
import type { TaxonomyName } from '../schema/taxonomy.ts';
import { exactRules } from './json-schema-rules.ts';

export const ENTRY_RULES_NOT_IN_SCHEMA = [
  '`updated` is not before `created` (JSON Schema cannot compare two values).',
  'The slug matches the file name, and no two files share a slug (rules across files).',
  'Texts are trimmed before they are checked: a name of only spaces is refused by the build, accepted by the schema; a name of 200 characters plus surrounding spaces the other way round.',
  'A web address with a user name, an upper-case scheme or an international domain written in Unicode is read by the build as the URL parser does; the schema’s pattern wants plain `http(s)://domain`.',
  'Without the served directory, subject and sector slugs are only checked as slugs (the served document lists the known ones).',
] as const;

export interface EntrySchemaOptions {
  /** Absolute address of the document, its `$id`. */
  id?: string;
  /** Known slugs per taxonomy: subjects and sectors become enums. */
  taxonomies?: Record<TaxonomyName, readonly string[]>;
}

const SCHEMA_ID = '/api/v1/schemas/entry.json';

function withTaxonomies(taxonomies: Record<TaxonomyName, readonly string[]> | undefined): z.ZodType {
  if (!taxonomies) return entrySchema;
  const list = (slugs: readonly string[], what: string, field: z.ZodType) => {
    const item = slugs.length > 0 ? z.enum(slugs as [string, ...string[]]) : slugSchema;
    return z
      .array(item)
      .refine((v) => new Set(v).size === v.length, `each ${what} may appear only once`)
      .meta({ uniqueItems: true, ...(z.globalRegistry.get(field) ?? {}) })
      .optional();
  };
  return z.strictObject({
    ...entryFields,
    subjects: list(taxonomies.subjects, 'subject', entryFields.subjects),
    sectors: list(taxonomies.sectors, 'sector', entryFields.sectors),
  });
}

/** The entry's JSON Schema on its own, for editors' tools and partners' validators. */
export function entryJsonSchema(options: EntrySchemaOptions = {}): Record<string, unknown> {
  const schema = z.toJSONSchema(withTaxonomies(options.taxonomies), {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: exactRules,
  }) as Record<string, unknown>;
  const entry = (schema.$defs as Record<string, Record<string, unknown>> | undefined)?.Entry ?? schema;
  const { $defs: _defs, $ref: _ref, $schema: _s, ...body } = schema;
  const root = schema.$ref ? entry : body;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: options.id ?? SCHEMA_ID,
    title: 'Directory entry',
    description: `A group of the Solidarity Directory, as a content file's front matter decodes to it and as each line of /api/v1/groups.ndjson is. Rules only the content build checks: ${ENTRY_RULES_NOT_IN_SCHEMA.join(' ')}`,
    ...root,
  };
}
