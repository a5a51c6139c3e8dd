/**
 * The join endpoints in the OpenAPI document: generated from the zod schemas, merged by
 * buildOpenApi, every reference resolving, and the published request schema the same one the
 * endpoint validates with.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { joinPaths, joinSchemas } from '../../src/api/openapi-join.ts';
import { buildOpenApi } from '../../src/api/openapi.ts';
import { correctionRequestSchema, EDITORIAL_FIELDS } from '../../src/schema/correction.ts';
import { joinRequestSchema } from '../../src/schema/join.ts';

const doc = buildOpenApi('https://directory.example', { paths: joinPaths, schemas: joinSchemas }) as {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
};

describe('the join endpoints in OpenAPI', () => {
  it('describes the join request with every field of the zod schema and its required ones', () => {
    const published = doc.components.schemas.JoinRequest!;
    expect(Object.keys(published.properties!)).toEqual(Object.keys(joinRequestSchema.shape));
    const required = Object.entries(joinRequestSchema.shape)
      .filter(([, f]) => !(f as z.ZodType).safeParse(undefined).success)
      .map(([k]) => k);
    expect(published.required).toEqual(required);
  });

  it('lists the answers the endpoints give', () => {
    expect(Object.keys(doc.paths['/api/v1/join']!.post!.responses).sort()).toEqual([
      '200',
      '201',
      '202',
      '303',
      '400',
      '403',
      '405',
      '409',
      '413',
      '415',
      '429',
      '503',
    ]);
    expect(Object.keys(doc.paths['/api/v1/join/{reference}']!.get!.responses).sort()).toEqual(['200', '404', '405', '414']);
  });

  it('resolves every reference once merged into the document', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const id of ['JoinRequest', 'JoinReceipt', 'JoinStatus', 'Error']) expect(refs).toContain(id);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
  });

  it('describes the correction endpoint and its request, which has no editorial field', () => {
    const published = doc.components.schemas.CorrectionRequest!;
    expect(Object.keys(published.properties!)).toEqual(Object.keys(correctionRequestSchema.shape));
    expect(published.required).toEqual(['speaks_for_group', 'contact', 'consent', 'form_token']);
    for (const field of EDITORIAL_FIELDS) expect(published.properties).not.toHaveProperty(field);
    expect(Object.keys(doc.paths['/api/v1/groups/{slug}/corrections']!.post!.responses).sort()).toEqual([
      '200',
      '201',
      '202',
      '303',
      '400',
      '403',
      '404',
      '405',
      '413',
      '414',
      '415',
      '429',
      '503',
    ]);
  });
});
