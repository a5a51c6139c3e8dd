/**
 * Zod registries → OpenAPI 3.1 component schemas, and the pieces every read operation shares
 * (conditional-request parameters, response headers, error answers).
 *
 * `z.toJSONSchema` on a registry gives each schema an `$id` made from `uri`; JSON Schema 2020-12
 * forbids a fragment in `$id` ("#/components/…"), and a component needs none: `$ref`s already
 * point at `#/components/schemas/<id>`. So ids are kept out here, at the one place schemas are
 * emitted. https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.1
 */
import * as z from 'zod';
import { exactRules } from './json-schema-rules.ts';

export type JsonObject = Record<string, unknown>;

export const REF = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Every schema of a registry as a component, referring to the others by `#/components/schemas/<id>`. */
export function registryComponents(registry: z.core.$ZodRegistry<{ id?: string }>, io: 'input' | 'output'): Record<string, JsonObject> {
  const all = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: exactRules,
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonObject> };
  for (const schema of Object.values(all.schemas)) {
    delete schema.$id;
    delete schema.$schema;
  }
  return all.schemas;
}

/** Response headers of read answers (RFC 9110, RFC 8288), as `components.headers`. */
export const READ_HEADERS: Record<string, JsonObject> = {
  ETag: {
    description: 'Entity tag of this answer: send it back in `If-None-Match` to get a 304 when nothing changed.',
    required: true,
    schema: { type: 'string' },
  },
  'Last-Modified': { description: 'When the directory’s content last changed: send it back in `If-Modified-Since` to get a 304.', schema: { type: 'string' } },
  'Cache-Control': { description: 'Browsers keep answers a minute, then revalidate.', required: true, schema: { type: 'string' } },
  'Content-Language': { description: 'The language the texts are served in.', schema: { type: 'string' } },
  Link: { description: 'RFC 8288 links: `first`, `prev`, `next`, `last` pages of a list; `license` and `describedby` on exports.', schema: { type: 'string' } },
};

export const CONDITIONAL_PARAMETERS: Record<string, JsonObject> = {
  IfNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'An `ETag` from an earlier answer: 304 if it still holds.',
    schema: { type: 'string' },
  },
  IfModifiedSince: {
    name: 'If-Modified-Since',
    in: 'header',
    required: false,
    description: 'A `Last-Modified` from an earlier answer: 304 if nothing changed since (ignored when If-None-Match is sent).',
    schema: { type: 'string' },
  },
  AcceptLanguage: {
    name: 'Accept-Language',
    in: 'header',
    required: false,
    description: 'Preferred languages of texts when `lang` is not given.',
    schema: { type: 'string' },
  },
};

const header = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** Headers of a successful read answer; `extra` names more of READ_HEADERS. */
export function readHeaders(...extra: string[]): JsonObject {
  return Object.fromEntries(['ETag', 'Last-Modified', 'Cache-Control', ...extra].map((h) => [h, header(h)]));
}

export const SHARED_RESPONSES: Record<string, JsonObject> = {
  NotModified: {
    description: 'Not modified: the copy the client has is current.',
    headers: { ETag: header('ETag'), 'Last-Modified': header('Last-Modified') },
  },
  InvalidParameters: {
    description: 'Invalid parameters: `error.fields` has a message per parameter.',
    content: { 'application/json': { schema: REF('Error') } },
  },
  NotFound: { description: 'No such group.', content: { 'application/json': { schema: REF('Error') } } },
  MethodNotAllowed: {
    description: 'Method not allowed; `Allow` lists the methods.',
    headers: { Allow: { description: 'The allowed methods.', schema: { type: 'string' } } },
    content: { 'application/json': { schema: REF('Error') } },
  },
  UriTooLong: {
    description: 'The address is longer than 8 KB; it is refused before its query is read.',
    content: { 'application/json': { schema: REF('Error') } },
  },
};

export const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
export const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` });
