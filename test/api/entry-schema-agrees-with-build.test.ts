/**
 * /api/v1/schemas/entry.json says what the content build accepts: every content file, and a set of
 * invalid entries, get the same verdict from the published JSON Schema (Ajv, 2020-12, strict) and
 * from the build (src/content/validate-content.ts), except for the rules the schema lists as
 * beyond JSON Schema (ENTRY_RULES_NOT_IN_SCHEMA).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocumentEndpoint, SCHEMA_JSON_TYPE } from '../../src/api/document-endpoints.ts';
import { entryJsonSchema, ENTRY_RULES_NOT_IN_SCHEMA } from '../../src/api/entry-json-schema.ts';
import { decodeEntryFile, encodeEntryFile } from '../../src/content/entry-file.ts';
import { parseFrontMatter } from '../../src/content/front-matter.ts';
import { loadContent, type RawContent } from '../../src/content/load-content.ts';
import { validateContent } from '../../src/content/validate-content.ts';
import { parseYaml } from '../../src/content/front-matter.ts';
import type { Entry } from '../../src/schema/entry.ts';
import { taxonomyTermSchema } from '../../src/schema/taxonomy.ts';
import { strictAjv } from '../support/contract.ts';

const raw = await loadContent(join(import.meta.dirname, '..', '..'));
const slugsOf = (files: RawContent['taxonomies']['subjects']) => files.map((f) => taxonomyTermSchema.parse(parseYaml(f.text)).slug);
const taxonomies = { subjects: slugsOf(raw.taxonomies.subjects), sectors: slugsOf(raw.taxonomies.sectors) };
const schema = entryJsonSchema({ id: 'https://directory.test/api/v1/schemas/entry.json', taxonomies });
const validate = strictAjv().compile(schema);

/** The build's verdict on one group file, next to the real taxonomies. */
function buildAccepts(path: string, text: string): boolean {
  return validateContent({ ...raw, groups: [{ path, text }] }).ok;
}

/** The schema's verdict on what the same file decodes to. */
function schemaAccepts(text: string): boolean {
  const front = parseFrontMatter(text);
  return validate(decodeEntryFile(front.data, front.body).value) as boolean;
}

const valid: Entry = {
  slug: 'probe-union',
  name: 'Probe Workers Union',
  summary: { en: 'A union that exists to be tested.', fr: 'Un syndicat qui existe pour être testé.' },
  countries: ['FR', 'XK'],
  city: 'Lyon',
  subjects: [taxonomies.subjects[0]!],
  sectors: [taxonomies.sectors[0]!],
  languages: ['fr', 'en'],
  network_relation: 'member',
  website: 'https://probe.example.org/',
  email: 'contact@probe.example.org',
  social: ['https://social.example.org/@probe'],
  founded: 1995,
  sources: [{ url: 'https://source.example.org/page', title: 'A source' }, { title: 'A printed leaflet' }],
  created: '2024-01-01',
  updated: '2024-02-01',
};

const probes: [string, Record<string, unknown>][] = [
  ['unknown country', { countries: ['XX'] }],
  ['lower-case country', { countries: ['fr'] }],
  ['country twice', { countries: ['FR', 'FR'] }],
  ['unknown language', { languages: ['xx'] }],
  ['unknown subject heading', { subjects: ['astrology'] }],
  ['unknown sector', { sectors: ['astrology'] }],
  ['subject twice', { subjects: [taxonomies.subjects[0]!, taxonomies.subjects[0]!] }],
  ['slug with capitals', { slug: 'Probe-Union' }],
  ['website not on the web', { website: 'ftp://probe.example.org/' }],
  ['website without a domain', { website: 'http://localhost/' }],
  ['email without a domain', { email: 'contact@' }],
  ['blank summary', { summary: { en: '   ' } }],
  ['summary too long', { summary: { en: 'x'.repeat(301) } }],
  ['founded before 1800', { founded: 1700 }],
  ['founded as a date', { founded: 1995.5 }],
  ['created not a date', { created: '2024-02-30' }],
  ['unknown scope', { geographic_scope: 'planetary' }],
  ['unknown relation', { network_relation: 'friend' }],
  ['source with neither address nor title', { sources: [{}] }],
  ['social link twice', { social: ['https://social.example.org/@probe', 'https://social.example.org/@probe'] }],
  ['name too long', { name: 'N'.repeat(201) }],
];

/** Refused by the build only: each is one of ENTRY_RULES_NOT_IN_SCHEMA. */
const beyondSchema: [string, Record<string, unknown>][] = [
  ['updated before created', { created: '2024-03-01', updated: '2024-02-01' }],
  ['a name of only spaces', { name: '   ' }],
];

const fileOf = (entry: Record<string, unknown>) => encodeEntryFile(entry as Entry);

describe('the entry JSON Schema and the content build agree', () => {
  it('accepts every content file, as the build does', () => {
    expect(raw.groups.length).toBeGreaterThan(10);
    for (const file of raw.groups) {
      expect(buildAccepts(file.path, file.text), file.path).toBe(true);
      expect(schemaAccepts(file.text), `${file.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('accepts the valid probe, which uses every field', () => {
    expect(buildAccepts('content/groups/probe-union.md', fileOf(valid))).toBe(true);
    expect(schemaAccepts(fileOf(valid)), JSON.stringify(validate.errors)).toBe(true);
  });

  for (const [name, change] of probes) {
    it(`refuses, like the build: ${name}`, () => {
      const entry = { ...valid, ...change };
      const text = fileOf(entry);
      const path = `content/groups/${String(entry.slug)}.md`;
      expect(buildAccepts(path, text), 'build').toBe(false);
      expect(schemaAccepts(text), 'schema').toBe(false);
    });
  }

  it('refuses an unknown field, like the build', () => {
    const text = fileOf(valid).replace('en:\n', 'en:\n  colour: red\n');
    expect(buildAccepts('content/groups/probe-union.md', text)).toBe(false);
    expect(schemaAccepts(text)).toBe(false);
  });

  it('lists the rules it cannot say, and only those get different verdicts', () => {
    expect(String(schema.description)).toContain(ENTRY_RULES_NOT_IN_SCHEMA[0]);
    for (const [name, change] of beyondSchema) {
      const text = fileOf({ ...valid, ...change });
      expect(buildAccepts('content/groups/probe-union.md', text), name).toBe(false);
      expect(schemaAccepts(text), name).toBe(true);
    }
  });

  it('is served as application/schema+json with its own address as $id', async () => {
    const endpoint = createDocumentEndpoint(
      'entry-schema',
      (origin) => entryJsonSchema({ id: `${origin}/api/v1/schemas/entry.json`, taxonomies }),
      SCHEMA_JSON_TYPE,
    );
    const r = await endpoint(new Request('https://directory.test/api/v1/schemas/entry.json'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/schema+json');
    const body = await r.json();
    expect(body.$id).toBe('https://directory.test/api/v1/schemas/entry.json');
    expect(body.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(body.properties.subjects.items.enum).toEqual(taxonomies.subjects);
  });
});
