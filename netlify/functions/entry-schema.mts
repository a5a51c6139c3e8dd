// GET /api/v1/schemas/entry.json — the JSON Schema of a directory entry, with the served
// directory's subject and sector slugs.
import type { Config } from '@netlify/functions';
import { createDocumentEndpoint, SCHEMA_JSON_TYPE } from '../../src/api/document-endpoints.ts';
import { entryJsonSchema } from '../../src/api/entry-json-schema.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';

const { taxonomies } = readArtefact('directory-list.json', import.meta.url); // shipped by included_files (netlify.toml)
const slugs = { subjects: taxonomies.subjects.map((t) => t.slug), sectors: taxonomies.sectors.map((t) => t.slug) };

export default createDocumentEndpoint(
  'entry-schema',
  (origin) => entryJsonSchema({ id: `${origin}/api/v1/schemas/entry.json`, taxonomies: slugs }),
  SCHEMA_JSON_TYPE,
);

export const config: Config = { path: '/api/v1/schemas/entry.json' };
