/**
 * The OpenAPI 3.1 document of the public API, generated from the zod schemas: every schema with a
 * `.meta({ id })` becomes a component, every query parameter comes from the query schemas.
 */
import * as z from 'zod';
import { errorSchema, groupDetailSchema, groupListSchema } from '../schema/api.ts';
import { entrySchema } from '../schema/entry.ts';
import { MULTI_PARAMS, exportQuerySchema, feedQuerySchema, groupQuerySchema, groupsQuerySchema } from '../schema/query.ts';
import { taxonomyTermSchema } from '../schema/taxonomy.ts';
import { joinPaths, joinSchemas } from './openapi-join.ts';

type JsonObject = Record<string, unknown>;

export interface OpenApiExtension {
  paths: Record<string, JsonObject>;
  schemas: Record<string, JsonObject>;
}

const REF = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function componentSchemas(): Record<string, JsonObject> {
  // Touch the schemas so their ids are registered, then emit every registered id at once.
  void [entrySchema, taxonomyTermSchema, groupListSchema, groupDetailSchema, errorSchema];
  const all = z.toJSONSchema(z.globalRegistry, {
    io: 'output',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonObject> };
  for (const schema of Object.values(all.schemas)) delete schema.$schema;
  return all.schemas;
}

function parameters(schema: z.ZodObject): JsonObject[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonObject;
    delete json.$schema;
    const description = (field as z.ZodType).description;
    const multi = (MULTI_PARAMS as readonly string[]).includes(name);
    return {
      name,
      in: 'query',
      required: false,
      ...(description ? { description: multi ? `${description} Repeat the parameter or separate values with commas.` : description } : {}),
      schema: json,
      ...(multi ? { style: 'form', explode: true } : {}),
    };
  });
}

const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: { 304: 'Not modified', 400: 'Invalid parameters', 404: 'Not found', 405: 'Method not allowed' }[c] ?? 'Error', ...(c === 304 ? {} : { content: { 'application/json': { schema: REF('Error') } } }) }]));

/** The whole public API: read endpoints, documents, and the join endpoints. */
export function buildOpenApi(serverUrl: string, extension: OpenApiExtension = { paths: joinPaths, schemas: joinSchemas }): JsonObject {
  const schemas = { ...componentSchemas(), ...(extension?.schemas ?? {}) };
  const json = (ref: string) => ({ 'application/json': { schema: REF(ref) } });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Solidarity Directory API',
      version: '1.0.0',
      description:
        'A directory of combative, democratic, self-organised trade unions and labour groups. Read endpoints are public, cached, CORS-enabled and revalidate with ETag/If-None-Match. Errors share one shape: {"error": {"code", "message", "fields"}}.',
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/api/v1/groups': {
        get: {
          operationId: 'listGroups',
          summary: 'Search and filter groups, with facet counts and pages',
          parameters: [...parameters(groupsQuerySchema), { name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string' } }],
          responses: { 200: { description: 'A page of groups', content: json('GroupList') }, ...errors(304, 400, 405) },
        },
      },
      '/api/v1/groups/{slug}': {
        get: {
          operationId: 'getGroup',
          summary: 'One group, whole, with related groups',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } }, ...parameters(groupQuerySchema)],
          responses: { 200: { description: 'The group', content: json('GroupDetail') }, ...errors(304, 400, 404, 405) },
        },
      },
      '/api/v1/taxonomies': {
        get: {
          operationId: 'listTaxonomies',
          summary: 'Subjects, sectors, countries, scopes, languages, relations and structures, with labels and counts',
          parameters: parameters(groupQuerySchema),
          responses: { 200: { description: 'The vocabularies', content: { 'application/json': { schema: { type: 'object' } } } }, ...errors(304, 400, 405) },
        },
      },
      '/api/v1/groups.csv': {
        get: {
          operationId: 'exportCsv',
          summary: 'Every matching group as CSV (one column per language for translated texts); same filters as /api/v1/groups',
          parameters: parameters(exportQuerySchema),
          responses: { 200: { description: 'CSV with a header row', content: { 'text/csv': { schema: { type: 'string' } } } }, ...errors(304, 400, 405) },
        },
      },
      '/api/v1/groups.ndjson': {
        get: {
          operationId: 'exportNdjson',
          summary: 'Every matching group, one entry (as the Entry schema) per line; same filters as /api/v1/groups',
          parameters: parameters(exportQuerySchema),
          responses: { 200: { description: 'Newline-delimited JSON', content: { 'application/x-ndjson': { schema: REF('Entry') } } }, ...errors(304, 400, 405) },
        },
      },
      '/api/v1/groups.atom': {
        get: {
          operationId: 'feed',
          summary: 'Recently added groups as an Atom feed; same filters as /api/v1/groups',
          parameters: parameters(feedQuerySchema),
          responses: { 200: { description: 'Atom feed', content: { 'application/atom+xml': { schema: { type: 'string' } } } }, ...errors(304, 400, 405) },
        },
      },
      '/api/v1/groups/{slug}/murmurations.json': {
        get: {
          operationId: 'murmurationsProfile',
          summary: 'The group as a Murmurations organisation profile (organizations_schema-v1.0.0)',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } }],
          responses: { 200: { description: 'Murmurations profile', content: { 'application/json': { schema: { type: 'object' } } } }, ...errors(304, 404, 405) },
        },
      },
      '/api/v1/schemas/entry.json': {
        get: { operationId: 'entrySchema', summary: 'The JSON Schema of a directory entry', responses: { 200: { description: 'JSON Schema (draft 2020-12)' } } },
      },
      ...(extension?.paths ?? {}),
    },
    components: { schemas },
  };
}

/** The entry's JSON Schema on its own, for editors' tools and partners' validators. */
export function entryJsonSchema(): JsonObject {
  return z.toJSONSchema(entrySchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as JsonObject;
}
