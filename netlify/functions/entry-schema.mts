// GET /api/v1/schemas/entry.json — the JSON Schema of a directory entry.
import type { Config } from '@netlify/functions';
import { createDocumentEndpoint } from '../../src/api/document-endpoints.ts';
import { entryJsonSchema } from '../../src/api/openapi.ts';

export default createDocumentEndpoint('entry-schema', () => entryJsonSchema());

export const config: Config = { path: '/api/v1/schemas/entry.json' };
