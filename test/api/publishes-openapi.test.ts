import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type * as z from 'zod';
import { buildOpenApi, entryJsonSchema } from '../../src/api/openapi.ts';
import { createGroupEndpoint, createGroupsEndpoint } from '../../src/api/read-endpoints.ts';
import { buildArtefact } from '../../src/content/build-artefact.ts';
import { loadContent } from '../../src/content/load-content.ts';
import { createMarkdownRenderer } from '../../src/content/render-markdown.ts';
import { validateContent } from '../../src/content/validate-content.ts';
import { createDirectory } from '../../src/engine/directory.ts';
import { errorSchema, groupDetailSchema, groupListSchema } from '../../src/schema/api.ts';
import { entryFields } from '../../src/schema/entry.ts';
import { groupsQuerySchema } from '../../src/schema/query.ts';
import { call } from '../support/fixture-directory.ts';

const doc = buildOpenApi('https://directory.example') as {
  openapi: string;
  paths: Record<string, { get: { parameters: { name: string }[] } }>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
};

describe('the published OpenAPI document and JSON Schema', () => {
  it('is OpenAPI 3.1 whose every $ref resolves', () => {
    expect(doc.openapi).toBe('3.1.0');
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
  });

  it('includes the join endpoints and the join request schema', () => {
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/join', '/api/v1/join/{reference}']));
    expect(doc.components.schemas).toHaveProperty('JoinRequest');
  });

  it('lists every query parameter the API accepts, from the query schema', () => {
    const names = (doc.paths['/api/v1/groups']!.get.parameters as { name: string; in?: string }[]).filter((p) => p.in === 'query').map((p) => p.name);
    expect(names).toEqual(Object.keys(groupsQuerySchema.shape));
  });

  it('describes the entry with every field of the zod schema and its required ones', () => {
    const entry = doc.components.schemas.Entry!;
    expect(Object.keys(entry.properties!)).toEqual(Object.keys(entryFields));
    const required = Object.entries(entryFields)
      .filter(([, f]) => !(f as z.ZodType).safeParse(undefined).success)
      .map(([k]) => k);
    expect(entry.required).toEqual(required);
    const published = entryJsonSchema({ id: 'https://directory.example/api/v1/schemas/entry.json' }) as {
      $id: string;
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(published.$id).toBe('https://directory.example/api/v1/schemas/entry.json');
    expect(Object.keys(published.properties)).toEqual(Object.keys(entryFields));
    expect(published.required).toEqual(required);
  });

  it('matches what the endpoints really answer, over the real content', async () => {
    const result = validateContent(await loadContent(join(import.meta.dirname, '..', '..')));
    if (!result.ok) throw new Error('content invalid');
    const dir = createDirectory(buildArtefact(result.content, createMarkdownRenderer()));
    const groups = createGroupsEndpoint(dir);
    for (const qs of ['', 'facets=country,scope,subject,sector,language,relation,structure', 'q=solidarity&fields=name,lang', 'per_page=1&page=3&lang=fr']) {
      const r = await call(groups, `/api/v1/groups?${qs}`);
      const parsed = groupListSchema.safeParse(r.body);
      expect(parsed.success ? [] : parsed.error.issues, qs).toEqual([]);
    }
    const group = createGroupEndpoint(dir);
    for (const entry of result.content.entries) {
      const r = await call(group, `/api/v1/groups/${entry.slug}`);
      const parsed = groupDetailSchema.safeParse(r.body);
      expect(parsed.success ? [] : parsed.error.issues, entry.slug).toEqual([]);
    }
    expect(errorSchema.safeParse((await call(groups, '/api/v1/groups?page=0')).body).success).toBe(true);
  });
});
