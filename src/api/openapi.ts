/**
 * The OpenAPI 3.1 document of the public API, generated from the zod schemas: every schema with a
 * `.meta({ id })` becomes a component, every query parameter comes from the query schemas. Tests
 * hold it to a strict OpenAPI 3.1 / JSON Schema 2020-12 validator and Redocly's recommended rules,
 * generate a TypeScript client from it, and validate every answer the tests see against it
 * (test/api/openapi-is-a-contract.test.ts, test/support/contract.ts).
 */
import * as z from 'zod';
import { errorSchema, groupDetailSchema, groupListSchema, taxonomiesSchema } from '../schema/api.ts';
import { entrySchema } from '../schema/entry.ts';
import { CODE_LICENSE, DATA_LICENSE } from '../schema/license.ts';
import { murmurationsProfileSchema } from '../schema/murmurations.ts';
import { MULTI_PARAMS, exportQuerySchema, feedQuerySchema, groupQuerySchema, groupsQuerySchema } from '../schema/query.ts';
import { taxonomyTermSchema } from '../schema/taxonomy.ts';
import { joinPaths, joinSchemas } from './openapi-join.ts';
import {
  CONDITIONAL_PARAMETERS,
  READ_HEADERS,
  REF,
  SHARED_RESPONSES,
  parameter,
  readHeaders,
  registryComponents,
  response,
  type JsonObject,
} from './openapi-components.ts';
import { entryJsonSchema } from './entry-json-schema.ts';
import { exactRules } from './json-schema-rules.ts';

export { entryJsonSchema };

export interface OpenApiExtension {
  paths: Record<string, JsonObject>;
  schemas: Record<string, JsonObject>;
}

export const TAGS = [
  { name: 'Groups', description: 'Search, filter, page and read the directory’s groups and vocabularies.' },
  { name: 'Open data', description: `Whole or filtered exports (CSV, NDJSON, Atom) and Murmurations profiles, under ${DATA_LICENSE.short}.` },
  { name: 'Join', description: 'Applications from groups that want to be listed.' },
  { name: 'Documents', description: 'This document and the JSON Schema of an entry.' },
] as const;

function componentSchemas(): Record<string, JsonObject> {
  // Touch the schemas so their ids are registered, then emit every registered id at once.
  void [entrySchema, taxonomyTermSchema, groupListSchema, groupDetailSchema, errorSchema, taxonomiesSchema, murmurationsProfileSchema];
  return registryComponents(z.globalRegistry, 'output');
}

/**
 * Query parameters as clients send them and the endpoint reads them: the parsed (`output`) type,
 * so `page` is an integer from 1 and `per_page` one from 1 to 100, with their defaults.
 */
function parameters(schema: z.ZodObject): JsonObject[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = z.toJSONSchema(field as z.ZodType, { io: 'output', unrepresentable: 'any', override: exactRules }) as JsonObject;
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

const CONDITIONAL = [parameter('IfNoneMatch'), parameter('IfModifiedSince')];
const SLUG = {
  name: 'slug',
  in: 'path',
  required: true,
  description: 'The group’s slug.',
  schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80 },
};

function read(operationId: string, tag: string, summary: string, params: JsonObject[], ok: JsonObject, errors: string[]): JsonObject {
  return {
    get: {
      operationId,
      tags: [tag],
      summary,
      parameters: [...params, ...CONDITIONAL],
      responses: {
        200: ok,
        304: response('NotModified'),
        ...(errors.includes('400') ? { 400: response('InvalidParameters') } : {}),
        ...(errors.includes('404') ? { 404: response('NotFound') } : {}),
        405: response('MethodNotAllowed'),
        414: response('UriTooLong'),
      },
    },
  };
}

const fileHeaders = () => ({ ...readHeaders('Link'), 'Content-Disposition': { description: 'A file name for saving.', schema: { type: 'string' } } });

/** The schemas the paths use, directly or through other schemas; the rest answer nothing. */
function referenced(paths: JsonObject, schemas: Record<string, JsonObject>, responses: JsonObject): Record<string, JsonObject> {
  const used = new Set<string>();
  const visit = (node: unknown) => {
    for (const [, id] of JSON.stringify(node).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (!used.has(id!) && schemas[id!]) {
        used.add(id!);
        visit(schemas[id!]);
      }
    }
  };
  visit([paths, responses]);
  return Object.fromEntries(Object.entries(schemas).filter(([id]) => used.has(id)));
}

/** The whole public API: read endpoints, documents, and the join endpoints. */
export function buildOpenApi(serverUrl: string, extension: OpenApiExtension = { paths: joinPaths, schemas: joinSchemas }): JsonObject {
  const json = (ref: string) => ({ 'application/json': { schema: REF(ref) } });
  const doc = {
    openapi: '3.1.0',
    info: {
      title: 'Solidarity Directory API',
      version: '1.0.0',
      summary: 'A directory of combative, democratic, self-organised trade unions and labour groups.',
      description: [
        'Read endpoints are public (no key), cached, readable from any website (CORS `*`), and revalidate with `ETag`/`If-None-Match` or `Last-Modified`/`If-Modified-Since`. Lists page with `page` and `per_page` and say where the other pages are in `links` and in a `Link` header.',
        'Errors share one shape: `{"error": {"code", "message", "fields"}}`, with a 4xx status naming each bad parameter or field.',
        `The data is published under ${DATA_LICENSE.name} (${DATA_LICENSE.id}): credit “${DATA_LICENSE.attribution}” and link to the group’s page. The software is ${CODE_LICENSE.id}.`,
      ].join('\n\n'),
      license: { name: DATA_LICENSE.name, identifier: DATA_LICENSE.id },
      contact: { name: 'Solidarity Directory editors', url: `${serverUrl}/join` },
    },
    servers: [{ url: serverUrl }],
    security: [],
    tags: TAGS,
    paths: {
      '/api/v1/groups': read(
        'listGroups',
        'Groups',
        'Search and filter groups, with facet counts and pages',
        [...parameters(groupsQuerySchema), parameter('AcceptLanguage')],
        { description: 'A page of groups', headers: readHeaders('Content-Language', 'Link'), content: json('GroupList') },
        ['400'],
      ),
      '/api/v1/groups/{slug}': read(
        'getGroup',
        'Groups',
        'One group, whole, with related groups',
        [SLUG, ...parameters(groupQuerySchema), parameter('AcceptLanguage')],
        { description: 'The group', headers: readHeaders('Content-Language'), content: json('GroupDetail') },
        ['400', '404'],
      ),
      '/api/v1/taxonomies': read(
        'listTaxonomies',
        'Groups',
        'Subjects, sectors, countries, scopes, languages, relations and structures, with labels and counts',
        [...parameters(groupQuerySchema), parameter('AcceptLanguage')],
        { description: 'The vocabularies', headers: readHeaders('Content-Language'), content: json('Taxonomies') },
        ['400'],
      ),
      '/api/v1/groups.csv': read(
        'exportCsv',
        'Open data',
        'Every matching group as CSV; same filters as /api/v1/groups',
        parameters(exportQuerySchema),
        {
          description:
            'CSV (RFC 4180, UTF-8 with a byte order mark) with a header row: one column per field of the Entry schema, in its order, translated texts one column per language (`summary_en`, `summary_fr`, …), and last `page`, the group’s page on the site. List cells join items with `; `, with a backslash before any `\\`, `;`, `<` or `>` inside an item (docs/open-data.md). Streamed.',
          headers: fileHeaders(),
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
        ['400'],
      ),
      '/api/v1/groups.ndjson': read(
        'exportNdjson',
        'Open data',
        'Every matching group, one entry (as the Entry schema) per line; same filters as /api/v1/groups',
        parameters(exportQuerySchema),
        {
          description: 'Newline-delimited JSON: each line is an Entry. Streamed.',
          headers: fileHeaders(),
          content: { 'application/x-ndjson': { schema: REF('Entry') } },
        },
        ['400'],
      ),
      '/api/v1/groups.atom': read(
        'feed',
        'Open data',
        'Recently added groups as an Atom feed; same filters as /api/v1/groups',
        parameters(feedQuerySchema),
        {
          description: 'Atom feed (RFC 4287), newest first, with `<rights>`',
          headers: readHeaders('Content-Language', 'Link'),
          content: { 'application/atom+xml': { schema: { type: 'string' } } },
        },
        ['400'],
      ),
      '/api/v1/groups/{slug}/murmurations.json': read(
        'murmurationsProfile',
        'Open data',
        'The group as a Murmurations organisation profile (organizations_schema-v1.0.0)',
        [SLUG, ...parameters(groupQuerySchema)],
        { description: 'Murmurations profile', headers: readHeaders('Content-Language', 'Link'), content: json('MurmurationsProfile') },
        ['400', '404'],
      ),
      '/api/v1/schemas/entry.json': {
        get: {
          operationId: 'entrySchema',
          tags: ['Documents'],
          summary: 'The JSON Schema (draft 2020-12) of a directory entry, with the rules the content build applies',
          parameters: [parameter('IfNoneMatch')],
          responses: {
            200: { description: 'JSON Schema (draft 2020-12)', headers: readHeaders(), content: { 'application/schema+json': { schema: { type: 'object' } } } },
            304: response('NotModified'),
            405: response('MethodNotAllowed'),
            414: response('UriTooLong'),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'openApi',
          tags: ['Documents'],
          summary: 'This document',
          parameters: [parameter('IfNoneMatch')],
          responses: {
            200: { description: 'OpenAPI 3.1', headers: readHeaders(), content: { 'application/json': { schema: { type: 'object' } } } },
            304: response('NotModified'),
            405: response('MethodNotAllowed'),
            414: response('UriTooLong'),
          },
        },
      },
      ...(extension?.paths ?? {}),
    },
  };
  // Sorted: zod's global registry lists schemas in the order modules registered them, which differs
  // between one function's bundle and a process that loads every function (the self-hosted runtime).
  const found = referenced(doc.paths, { ...componentSchemas(), ...(extension?.schemas ?? {}) }, SHARED_RESPONSES);
  const schemas = Object.fromEntries(
    Object.keys(found)
      .sort()
      .map((name) => [name, found[name]!]),
  );
  return { ...doc, components: { schemas, headers: READ_HEADERS, parameters: CONDITIONAL_PARAMETERS, responses: SHARED_RESPONSES } };
}
