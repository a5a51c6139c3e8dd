import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import artefact from '../../generated/directory.mjs';
import { listGroups } from '../../src/api/list-groups.ts';
import { createDirectory } from '../../src/engine/directory.ts';
import { parseParams } from '../../src/engine/parse-query.ts';
import { CSV_COLUMNS, csvCell, LIST_SEPARATOR, toCsv } from '../../src/export/csv.ts';
import { createCsvEndpoint, createNdjsonEndpoint } from '../../src/export/endpoints.ts';
import { toNdjson, toSchemaEntry } from '../../src/export/ndjson.ts';
import { entryFields, entrySchema, TRANSLATABLE_FIELDS, type Entry } from '../../src/schema/entry.ts';
import { CONTENT_LOCALES } from '../../src/schema/locales.ts';
import { groupsQuerySchema } from '../../src/schema/query.ts';
import { fixtureDirectory, fixtureEntries } from '../support/fixture-directory.ts';
import { csvRecords, parseCsv } from '../support/parse-csv.ts';

const BASE = 'http://directory.test';
const real = createDirectory(artefact);
const fixture = fixtureDirectory();

/** Reads a CSV record back into an entry, the way a spreadsheet user's tool would. */
function entryFromCsv(record: Record<string, string>): Entry {
  const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
  const r = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unguard(v)]));
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(entryFields) as (keyof Entry)[]) {
    if ((TRANSLATABLE_FIELDS as readonly string[]).includes(field)) {
      const texts = Object.fromEntries(CONTENT_LOCALES.map((l) => [l, r[`${field}_${l}`]]).filter(([, v]) => v !== ''));
      if (Object.keys(texts).length > 0) out[field] = texts;
      continue;
    }
    const v = r[field]!;
    if (v === '') continue;
    if (field === 'sources') {
      out.sources = v.split(LIST_SEPARATOR).map((s) => {
        const m = /^(.*) <(https?:\/\/[^>]+)>$/.exec(s);
        return m ? { title: m[1], url: m[2] } : /^https?:\/\//.test(s) ? { url: s } : { title: s };
      });
    } else if (['alternate_names', 'countries', 'subjects', 'sectors', 'languages', 'social'].includes(field)) out[field] = v.split(LIST_SEPARATOR);
    else if (field === 'founded') out.founded = Number(v);
    else out[field] = v;
  }
  return entrySchema.parse(out);
}

describe('NDJSON is the lossless export', () => {
  it('has one schema-valid entry per line, equal to the content, for the real directory', () => {
    const lines = toNdjson(real.artefact.entries).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(real.size);
    lines.forEach((line, i) => expect(entrySchema.parse(JSON.parse(line))).toEqual(toSchemaEntry(real.artefact.entries[i]!)));
  });

  it('gives back exactly the entries that went in (every field, every language)', () => {
    const bySlug = new Map(fixtureEntries.map((e) => [e.slug, e]));
    for (const line of toNdjson(fixture.artefact.entries).trim().split('\n')) {
      const entry = entrySchema.parse(JSON.parse(line));
      expect(entry).toEqual(bySlug.get(entry.slug));
    }
  });
});

describe('CSV round-trips through an RFC 4180 reader', () => {
  it('has a header derived from the schema and one row per entry', () => {
    const text = toCsv(real.artefact.entries);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(CSV_COLUMNS);
    expect(header).toContain('summary_fr');
    expect(header).toContain('network_relation');
    expect(rows).toHaveLength(real.size);
  });

  it('reads back into the same entries, for the real directory and the fixture', () => {
    for (const dir of [real, fixture]) {
      const records = csvRecords(toCsv(dir.artefact.entries));
      records.forEach((record, i) => expect(entryFromCsv(record)).toEqual(toSchemaEntry(dir.artefact.entries[i]!)));
    }
  });

  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const tricky = entrySchema.parse({
      ...fixtureEntries[0]!,
      name: 'Sindicato "Unidos", Norte',
      summary: { en: '=HYPERLINK("http://evil.example")', fr: 'Ligne 1\r\nLigne 2' },
      purpose: { en: '- first point\n- second, with "quotes"' },
    });
    const [record] = csvRecords(toCsv([tricky]));
    expect(record!.name).toBe('Sindicato "Unidos", Norte');
    expect(record!.summary_en).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(record!.summary_fr).toBe('Ligne 1\r\nLigne 2');
    expect(entryFromCsv(record!)).toEqual(tricky);
  });

  it('writes any text so that a reader gets it back', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const [row] = parseCsv(`${cells.map(csvCell).join(',')}\r\n`);
        expect(row!.map((c) => (/^'[=+\-@\t\r]/.test(c) ? c.slice(1) : c))).toEqual(cells);
      }),
    );
  });
});

describe('filtered exports take the API’s filters and hold what the API lists', () => {
  const csv = createCsvEndpoint(real);
  const ndjson = createNdjsonEndpoint(real);
  const queries = ['', 'country=IT', 'country=FR,BR&relation=founding_member', 'q=confederation', 'subject=labour-rights&scope=national', 'updated_since=2026-01-01&sort=-name'];

  for (const qs of queries) {
    it(`?${qs}`, async () => {
      const parsed = parseParams(groupsQuerySchema, new URLSearchParams(`${qs}${qs ? '&' : ''}per_page=100`));
      if (!parsed.ok) throw new Error('bad fixture query');
      const api = listGroups(real, parsed.value, ['en'], BASE);
      if (!api.ok) throw new Error('API refused');
      const slugs = api.body.data.map((g) => g.slug);
      const c = await csv(new Request(`${BASE}/api/v1/groups.csv?${qs}`));
      expect(c.status).toBe(200);
      expect(csvRecords(await c.text()).map((r) => r.slug)).toEqual(slugs);
      const n = await ndjson(new Request(`${BASE}/api/v1/groups.ndjson?${qs}`));
      expect(n.status).toBe(200);
      const lines = (await n.text()).split('\n').filter(Boolean);
      expect(lines.map((l) => (JSON.parse(l) as Entry).slug)).toEqual(slugs);
    });
  }

  it('answers with the file types, a download name, CORS and an ETag that revalidates', async () => {
    const r = await csv(new Request(`${BASE}/api/v1/groups.csv?country=IT`));
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="solidarity-directory.csv"');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    const again = await csv(new Request(`${BASE}/api/v1/groups.csv?country=IT`, { headers: { 'If-None-Match': r.headers.get('etag')! } }));
    expect(again.status).toBe(304);
    const n = await ndjson(new Request(`${BASE}/api/v1/groups.ndjson`));
    expect(n.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(n.headers.get('etag')).not.toBe(r.headers.get('etag'));
  });

  it('refuses bad filters and paging with the API’s 400 envelope', async () => {
    const bad = await csv(new Request(`${BASE}/api/v1/groups.csv?country=XX&subject=astrology`));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'invalid_parameters', fields: { country: expect.stringContaining('"XX"') } });
    const paged = await ndjson(new Request(`${BASE}/api/v1/groups.ndjson?page=2&per_page=5`));
    expect(paged.status).toBe(400);
    expect((await paged.json()).error.fields).toEqual({ page: expect.stringMatching(/every matching group/), per_page: expect.stringMatching(/every matching group/) });
    const unknown = await ndjson(new Request(`${BASE}/api/v1/groups.ndjson?subject=astrology`));
    expect((await unknown.json()).error.fields.subject).toMatch(/unknown subject heading: astrology/);
  });
});
