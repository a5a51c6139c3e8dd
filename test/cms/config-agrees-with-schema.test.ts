/**
 * The CMS config and the schema must not disagree: every field of an entry and of a taxonomy term
 * is in the CMS once, required exactly when the schema requires it, with the schema's options,
 * the schema's languages, and patterns that accept every real entry and carry the schema's
 * message. The expectations are asked of the zod schemas (safeParse), not copied.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildCmsConfig } from '../../src/cms/cms-config.ts';
import type { DecapCollection, DecapConfig, DecapField } from '../../src/cms/decap-config-types.ts';
import { decodeEntryFile } from '../../src/content/entry-file.ts';
import { parseFrontMatter, parseYaml } from '../../src/content/front-matter.ts';
import { allCountryCodes, allLanguageCodes, countryName, languageName } from '../../src/schema/codes.ts';
import { countryCodeSchema, entryFields, languageCodeSchema, TRANSLATABLE_FIELDS } from '../../src/schema/entry.ts';
import { CONTENT_LOCALES, DEFAULT_LOCALE } from '../../src/schema/locales.ts';
import { TAXONOMIES, taxonomyTermSchema } from '../../src/schema/taxonomy.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const config = buildCmsConfig({ backend: { branch: 'main', repo: 'example/solidarity-directory' } });

function collection(c: DecapConfig, name: string): DecapCollection {
  const found = c.collections.find((x) => x.name === name);
  if (!found) throw new Error(`no collection ${name}`);
  return found;
}

/** Candidate keys of the file's language blocks, each with a text, to see where the build reads them. */
const FILE_PROBE: Record<string, string> = { summary: 'text under summary', body: 'text under body' };

/** The file key the content build reads a translatable field from (src/content/entry-file.ts). */
function fileKeyOf(field: string): string {
  const decoded = decodeEntryFile({ [DEFAULT_LOCALE]: { slug: 'x', ...FILE_PROBE } }, '').value as Record<string, Record<string, string>>;
  return Object.keys(FILE_PROBE).find((key) => decoded[field]?.[DEFAULT_LOCALE] === FILE_PROBE[key]) ?? `(no file key for ${field})`;
}

const requiredBySchema = (schema: z.ZodType) => !schema.safeParse(undefined).success;

/** Every way the config can disagree with the schema; [] when they agree. */
export function disagreements(c: DecapConfig): string[] {
  const out: string[] = [];
  const groups = collection(c, 'groups');
  if (groups.folder !== 'content/groups' || groups.extension !== 'md' || groups.format !== 'frontmatter')
    out.push('groups: not Markdown files in content/groups');
  if (JSON.stringify(c.i18n.locales) !== JSON.stringify(CONTENT_LOCALES)) out.push(`i18n locales ${c.i18n.locales} ≠ ${CONTENT_LOCALES}`);
  if (c.i18n.default_locale !== DEFAULT_LOCALE) out.push('i18n default locale differs');
  if (c.i18n.structure !== 'single_file' || groups.i18n !== true) out.push('groups are not i18n single_file');
  const expected = Object.keys(entryFields).map((k) => ((TRANSLATABLE_FIELDS as readonly string[]).includes(k) ? fileKeyOf(k) : k));
  const actual = groups.fields.map((f) => f.name);
  if (JSON.stringify([...actual].sort()) !== JSON.stringify([...expected].sort())) out.push(`group fields [${actual}] ≠ schema [${expected}]`);
  for (const [name, schema] of Object.entries(entryFields)) {
    const translatable = (TRANSLATABLE_FIELDS as readonly string[]).includes(name);
    const field = groups.fields.find((f) => f.name === (translatable ? fileKeyOf(name) : name));
    if (!field) continue;
    if (translatable) {
      if (field.i18n !== true) out.push(`${name}: not translatable in the CMS`);
      if (field.required !== false) out.push(`${name}: each language must be optional (the schema needs only one)`);
    } else {
      if (field.i18n) out.push(`${name}: translatable in the CMS but not in the schema`);
      if ((field.required !== false) !== requiredBySchema(schema))
        out.push(`${name}: required=${field.required} but the schema ${requiredBySchema(schema) ? 'requires' : 'does not require'} it`);
    }
    const meta = (schema.meta() ?? {}) as { title?: string; description?: string };
    if (meta.title && field.label !== meta.title) out.push(`${name}: label "${field.label}" ≠ schema title "${meta.title}"`);
    if (meta.description && field.hint !== meta.description) out.push(`${name}: hint differs from the schema's description`);
    if (field.widget === 'select' && field.options) {
      for (const o of field.options) {
        const value = field.multiple ? [o.value] : o.value;
        if (!schema.safeParse(value).success) out.push(`${name}: option "${o.value}" is refused by the schema`);
      }
    }
    if (field.widget === 'relation' && !(TAXONOMIES as readonly string[]).includes(field.collection ?? ''))
      out.push(`${name}: relation to unknown collection ${field.collection}`);
  }
  for (const taxonomy of TAXONOMIES) {
    const terms = collection(c, taxonomy);
    if (terms.folder !== `content/${taxonomy}` || terms.format !== 'yml') out.push(`${taxonomy}: not YAML files in content/${taxonomy}`);
    const shape = taxonomyTermSchema.shape as Record<string, z.ZodType>;
    if (JSON.stringify(terms.fields.map((f) => f.name)) !== JSON.stringify(Object.keys(shape))) out.push(`${taxonomy}: fields differ from the term schema`);
    const label = terms.fields.find((f) => f.name === 'label');
    for (const locale of CONTENT_LOCALES) {
      const sub = label?.fields?.find((f) => f.name === locale);
      const required = !taxonomyTermSchema.shape.label.safeParse({ ...Object.fromEntries(CONTENT_LOCALES.map((l) => [l, 'x'])), [locale]: undefined }).success;
      if (!sub) out.push(`${taxonomy}: no label in ${locale}`);
      else if ((sub.required !== false) !== required) out.push(`${taxonomy}: label.${locale} required=${sub.required}, schema says ${required}`);
    }
  }
  return out;
}

describe('the CMS config agrees with the schema', () => {
  it('has no disagreement', () => {
    expect(disagreements(config)).toEqual([]);
  });

  it('notices a disagreement (a dropped field, a wrong required flag, a foreign option)', () => {
    const tampered = structuredClone(config);
    const groups = collection(tampered, 'groups');
    groups.fields = groups.fields.filter((f) => f.name !== 'city');
    groups.fields.find((f) => f.name === 'network_relation')!.required = false;
    groups.fields.find((f) => f.name === 'structure')!.options!.push({ label: 'Party', value: 'party' });
    const found = disagreements(tampered);
    expect(found).toContainEqual(expect.stringContaining('group fields'));
    expect(found).toContainEqual(expect.stringContaining('network_relation: required=false'));
    expect(found).toContainEqual(expect.stringContaining('option "party"'));
  });

  it('offers every country and language the schema accepts, by name', () => {
    const fields = collection(config, 'groups').fields;
    const countries = fields.find((f) => f.name === 'countries')!;
    const languages = fields.find((f) => f.name === 'languages')!;
    expect(new Set(countries.options!.map((o) => o.value))).toEqual(new Set(allCountryCodes()));
    expect(new Set(languages.options!.map((o) => o.value))).toEqual(new Set(allLanguageCodes()));
    for (const o of countries.options!) expect(o.label).toBe(countryName(o.value));
    for (const o of languages.options!) expect(o.label).toBe(languageName(o.value));
    expect(countries.options!.find((o) => o.value === 'FR')!.label).toBe('France');
    expect(countryCodeSchema.safeParse('XX').success).toBe(false);
    expect(countries.options!.some((o) => o.value === 'XX')).toBe(false);
    expect(languageCodeSchema.safeParse('fr').success).toBe(true);
  });

  it('links subjects and sectors to their taxonomies by slug', () => {
    const fields = collection(config, 'groups').fields;
    for (const taxonomy of TAXONOMIES) {
      const field = fields.find((f) => f.name === taxonomy)!;
      expect(field).toMatchObject({ widget: 'relation', collection: taxonomy, value_field: 'slug', multiple: true });
    }
  });

  it("carries the schema's own message with every pattern", () => {
    const patterned: DecapField[] = [];
    const walk = (fields: DecapField[] = []) => fields.forEach((f) => (f.pattern && patterned.push(f), walk(f.fields), f.field && walk([f.field])));
    walk(collection(config, 'groups').fields);
    const slug = patterned.find((f) => f.name === 'slug')!;
    expect(slug.pattern![1]).toBe(entryFields.slug.safeParse('Not a slug!').error!.issues[0]!.message);
    const summary = patterned.find((f) => f.name === 'summary')!;
    expect(summary.pattern![1]).toBe('must be at most 300 characters');
    expect(new RegExp(summary.pattern![0]).test('x'.repeat(301))).toBe(false);
  });
});

describe('the CMS accepts every real entry', () => {
  it('each group file passes the required flags and patterns of the CMS fields', async () => {
    const fields = collection(config, 'groups').fields;
    const dir = join(ROOT, 'content', 'groups');
    const refusals: string[] = [];
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.md'))) {
      const { data } = parseFrontMatter(await readFile(join(dir, name), 'utf8'));
      const blocks = data as Record<string, Record<string, unknown>>;
      for (const locale of CONTENT_LOCALES) {
        const block = blocks[locale];
        if (!block) continue;
        for (const field of fields) {
          if (locale !== DEFAULT_LOCALE && !field.i18n) continue;
          const value = block[field.name];
          const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
          if (empty && field.required !== false && locale === DEFAULT_LOCALE) refusals.push(`${name} ${locale}.${field.name}: required`);
          const values = Array.isArray(value) ? value : [value];
          const pattern = field.pattern ?? field.field?.pattern;
          if (!empty && pattern)
            for (const v of values) if (!new RegExp(pattern[0]).test(String(v))) refusals.push(`${name} ${locale}.${field.name}: ${pattern[1]}`);
          if (!empty && field.widget === 'select')
            for (const v of values) if (!field.options!.some((o) => o.value === v)) refusals.push(`${name} ${field.name}: "${v}" is not an option`);
        }
      }
    }
    expect(refusals).toEqual([]);
  });

  it('each taxonomy term fits the term fields', async () => {
    for (const taxonomy of TAXONOMIES) {
      const fields = collection(config, taxonomy).fields;
      const dir = join(ROOT, 'content', taxonomy);
      for (const name of (await readdir(dir)).filter((n) => n.endsWith('.yml'))) {
        const term = parseYaml(await readFile(join(dir, name), 'utf8')) as Record<string, unknown>;
        expect(
          Object.keys(term).every((k) => fields.some((f) => f.name === k)),
          `${taxonomy}/${name}`,
        ).toBe(true);
      }
    }
  });
});
