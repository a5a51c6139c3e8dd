/**
 * The OpenAPI document as a partner's tools see it: a strict OpenAPI 3.1 validator, Ajv's strict
 * JSON Schema 2020-12 compiler on every component, Redocly's recommended rules (redocly.yaml), and
 * a TypeScript client generated with openapi-typescript that a small partner script compiles
 * against (and a script with a typo does not).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../src/api/openapi.ts';
import { DATA_LICENSE } from '../../src/schema/license.ts';
import { ERROR_CODES } from '../../src/schema/api.ts';
import { PER_PAGE_MAX } from '../../src/schema/query.ts';
import { componentsAsSchema, strictAjv } from '../support/contract.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const doc = buildOpenApi('https://directory.example.org') as Record<string, any>;

describe('the OpenAPI document passes the tools partners use', () => {
  it('is valid OpenAPI 3.1 for a strict validator', async () => {
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('has component schemas that strict JSON Schema 2020-12 compiles, none with an $id', () => {
    const ajv = strictAjv();
    ajv.addSchema(componentsAsSchema(doc));
    for (const name of Object.keys(doc.components.schemas)) {
      expect(doc.components.schemas[name], name).not.toHaveProperty('$id');
      expect(() => ajv.getSchema(`https://contract.test/components#/$defs/${name}`), name).not.toThrow();
      expect(ajv.getSchema(`https://contract.test/components#/$defs/${name}`), name).toBeTypeOf('function');
    }
  });

  it('has no problem under Redocly’s recommended rules (redocly.yaml)', async () => {
    const config = await createConfig(readFileSync(join(ROOT, 'redocly.yaml'), 'utf8'));
    const problems = await lintFromString({ source: JSON.stringify(doc, null, 2), absoluteRef: join(ROOT, 'openapi.json'), config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`)).toEqual([]);
  });

  it('says what a client needs: typed answers, bounded paging, headers, error codes, licence', () => {
    const groups = doc.paths['/api/v1/groups'].get;
    const param = (name: string) => groups.parameters.find((p: { name?: string }) => p.name === name);
    expect(param('page').schema).toMatchObject({ type: 'integer', minimum: 1, default: 1 });
    expect(param('per_page').schema).toMatchObject({ type: 'integer', minimum: 1, maximum: PER_PAGE_MAX });
    expect(Object.keys(doc.components.schemas.Taxonomies.properties.data.properties)).toEqual([
      'subjects',
      'sectors',
      'countries',
      'languages',
      'scopes',
      'relations',
      'structures',
    ]);
    expect(doc.components.schemas.MurmurationsProfile.required).toEqual(expect.arrayContaining(['linked_schemas', 'name', 'primary_url']));
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toEqual([...ERROR_CODES]);
    expect(Object.keys(groups.responses[200].headers)).toEqual(expect.arrayContaining(['ETag', 'Last-Modified', 'Cache-Control', 'Content-Language', 'Link']));
    const murmurations = doc.paths['/api/v1/groups/{slug}/murmurations.json'].get;
    expect(murmurations.parameters.map((p: { name?: string }) => p.name)).toContain('lang');
    expect(murmurations.responses).toHaveProperty('400');
    expect(doc.security).toEqual([]);
    expect(doc.info.license).toEqual({ name: DATA_LICENSE.name, identifier: DATA_LICENSE.id });
    expect(doc.info.contact.url).toBe('https://directory.example.org/join');
    const tags = new Set(doc.tags.map((t: { name: string }) => t.name));
    for (const item of Object.values<Record<string, { tags: string[] }>>(doc.paths))
      for (const op of Object.values(item)) expect(tags.has(op.tags[0]!)).toBe(true);
  });
});

describe('a TypeScript client generated from it', () => {
  const partner = `import createClient from 'openapi-fetch';
import type { components, paths } from './api.ts';

const client = createClient<paths>({ baseUrl: 'https://directory.example.org' });

export async function firstRequest(): Promise<string> {
  const { data, error } = await client.GET('/api/v1/groups', { params: { query: { country: ['FR'], facets: ['country'], per_page: 5 } } });
  if (error) {
    const code: components['schemas']['Error']['error']['code'] = error.error.code;
    const fields: Record<string, string> | undefined = error.error.fields;
    return \`\${code} \${JSON.stringify(fields)}\`;
  }
  const name: string | null | undefined = data.data[0]?.name;
  const france: number | undefined = data.facets?.country?.find((b) => b.value === 'FR')?.count;
  const next: string | null = data.links.next;
  const taxonomies = await client.GET('/api/v1/taxonomies', { params: { query: { lang: 'fr' } } });
  const subject: string | undefined = taxonomies.data?.data.subjects[0]?.labels.fr;
  const profile = await client.GET('/api/v1/groups/{slug}/murmurations.json', { params: { path: { slug: 'cub' } } });
  const primary: string | undefined = profile.data?.primary_url;
  return [name, france, next, subject, primary].join(' ');
}
`;

  /** Type errors of the partner script compiled against the generated `api.ts`, as text. */
  async function compile(script: string): Promise<string[]> {
    // Under node_modules/.cache so that `openapi-fetch` resolves from the project's node_modules.
    const dir = join(ROOT, 'node_modules', '.cache', `sd-client-${process.pid}-${Math.random().toString(36).slice(2)}`);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, 'api.ts'), astToString(await openapiTS(JSON.parse(JSON.stringify(doc)))));
      writeFileSync(join(dir, 'partner.ts'), script);
      const program = ts.createProgram([join(dir, 'partner.ts')], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        allowImportingTsExtensions: true,
        skipLibCheck: true,
        types: [],
      });
      return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('types data[0].name, the facets, the taxonomies, Murmurations profiles and the errors', async () => {
    expect(await compile(partner)).toEqual([]);
  }, 120_000);

  it('is not `any`: a misspelt field or a wrong parameter type does not compile', async () => {
    const errors = await compile(partner.replace('data.data[0]?.name', 'data.data[0]?.nmae').replace('per_page: 5', "per_page: 'five'"));
    expect(errors.join('\n')).toMatch(/nmae/);
    expect(errors.join('\n')).toMatch(/string.*number|number.*string/);
  }, 120_000);
});
