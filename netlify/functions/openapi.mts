// GET /api/v1/openapi.json — the API described in OpenAPI 3.1, generated from the zod schemas.
import type { Config } from '@netlify/functions';
import { createDocumentEndpoint } from '../../src/api/document-endpoints.ts';
import { buildOpenApi } from '../../src/api/openapi.ts';

export default createDocumentEndpoint('openapi', (origin) => buildOpenApi(origin));

export const config: Config = { path: '/api/v1/openapi.json' };
