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
import { csvRecords, parseCsv, readSourceItem, splitListCell } from '../support/parse-csv.ts';
import { checkedCall } from '../support/contract.ts';
import { escapeItem } from '../../src/export/csv.ts';
import { selectEntries } from '../../src/export/select.ts';
import { exportQuerySchema } from '../../src/schema/query.ts';

const BASE = 'http://directory.test';
const real = createDirectory(artefact);
const fixture = fixtureDirectory();

/** The items of a list cell, escapes kept (a source item still needs them to find its `<url>`). */
function splitRaw(cell: string): string[] {
  return cell.split(/(?<!\\)((?:\\\\)*); /).reduce<string[]>((items, part, i) => {
    if (i % 2 === 1) items[items.length - 1] += part;
    else items.push(part);
    return items;
  }, []);
}

/** Reads a CSV record back into an entry, the way a spreadsheet user's tool would. */
function entryFromCsv(record: Record<string, string>): Entry {
  const unguard = (s: string) => (/^'\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(s) ? s.slice(1) : s);
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
      // Splitting this cell with a backslash-aware reader is what docs/open-data.md tells partners to do.
      out.sources = splitRaw(v).map(readSourceItem);
    } else if (['alternate_names', 'countries', 'subjects', 'sectors', 'languages', 'social'].includes(field)) out[field] = splitListCell(v);
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

  it('lets no part of a text become a formula cell in spreadsheets that split on semicolons or tabs', () => {
    const texts = ['Nous luttons;=1+1;ensemble', 'a\t@SUM(A1)\tb', ' =1+1', '＝1+1', 'x, -2+3', 'ok; +33 1 23'];
    // How a French, German, Spanish, Italian or Portuguese Excel reads a line: split on ';' and
    // tabs outside quotes; a quoted cell is one cell whatever it holds.
    const cellsOf = (line: string) => {
      const cells: string[] = [];
      let cell = '';
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (!quoted && (ch === ';' || ch === '\t' || ch === ',')) {
          cells.push(cell);
          cell = '';
        } else cell += ch;
      }
      return [...cells, cell];
    };
    for (const text of texts) {
      const written = csvCell(text);
      for (const cell of cellsOf(written)) expect(cell, `${text} → ${written}`).not.toMatch(/^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/);
      expect(parseCsv(`${written}\r\n`)[0]![0]!.replace(/^'/, '')).toBe(text);
    }
  });

  it('writes any text so that a reader gets it back', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const [row] = parseCsv(`${cells.map(csvCell).join(',')}\r\n`);
        expect(row!.map((c) => (/^'\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(c) ? c.slice(1) : c))).toEqual(cells);
      }),
    );
  });
});

describe('filtered exports take the API’s filters and hold what the API lists', () => {
  const csv = createCsvEndpoint(real);
  const ndjson = createNdjsonEndpoint(real);
  const queries = [
    '',
    'country=IT',
    'country=FR,BR&relation=founding_member',
    'q=confederation',
    'subject=labour-rights&scope=national',
    'updated_since=2026-01-01&sort=-name',
  ];

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
    expect((await paged.json()).error.fields).toEqual({
      page: expect.stringMatching(/every matching group/),
      per_page: expect.stringMatching(/every matching group/),
    });
    const unknown = await ndjson(new Request(`${BASE}/api/v1/groups.ndjson?subject=astrology`));
    expect((await unknown.json()).error.fields.subject).toMatch(/unknown subject heading: astrology/);
  });
});

describe('list cells split back into the same items; each group has its page URL', () => {
  it('writes any list of texts so that the documented reader gets the same items back', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (items) => {
        const cell = items.map(escapeItem).join(LIST_SEPARATOR);
        expect(splitListCell(cell)).toEqual(items);
      }),
    );
  });

  it('keeps a name holding "; " and a source title holding " <" apart from the separators', () => {
    const tricky = entrySchema.parse({
      ...fixtureEntries[0]!,
      alternate_names: ['Union; North', 'C\\D'],
      sources: [{ title: 'Report <draft>; 2024', url: 'https://source.example.org/a;b' }, { title: 'Leaflet' }],
    });
    const [record] = csvRecords(toCsv([tricky], BASE));
    expect(splitListCell(record!.alternate_names!)).toEqual(['Union; North', 'C\\D']);
    expect(entryFromCsv(record!)).toEqual(toSchemaEntry(tricky));
  });

  it('has a page column with each group’s page on the site', () => {
    const records = csvRecords(toCsv(fixture.artefact.entries, BASE));
    expect(CSV_COLUMNS.at(-1)).toBe('page');
    expect(records.map((r) => r.page)).toEqual(fixture.artefact.entries.map((e) => `${BASE}/groups/${e.slug}/`));
  });
});

describe('exports are streamed, revalidate, and answer as documented', () => {
  const csv = createCsvEndpoint(real);
  const ndjson = createNdjsonEndpoint(real);

  it('streams the same bytes the buffered writer gives', async () => {
    const r = await checkedCall(csv, new Request(`${BASE}/api/v1/groups.csv`));
    expect(r.body).toBeInstanceOf(ReadableStream);
    // Bytes, not text(): a decoder drops the byte order mark that Excel needs.
    const all = parseParams(exportQuerySchema, new URLSearchParams());
    const selection = all.ok ? selectEntries(real, all.value) : undefined;
    if (!selection?.ok) throw new Error('selection failed');
    expect(Buffer.from(await r.arrayBuffer()).equals(Buffer.from(toCsv(selection.entries, BASE), 'utf8'))).toBe(true);
    const n = await checkedCall(ndjson, new Request(`${BASE}/api/v1/groups.ndjson?country=IT`));
    expect(n.body).toBeInstanceOf(ReadableStream);
    expect((await n.text()).split('\n').filter(Boolean).length).toBeGreaterThan(0);
  });

  it('says its licence and schema in Link, its date in Last-Modified, and answers If-Modified-Since with 304', async () => {
    // The build states a date only when Git has the whole story (src/content/write-artefact.ts); here, one given.
    const dated = fixtureDirectory(fixtureEntries, {}, { modified: '2026-01-02T03:04:05.000Z' });
    const ndjson = createNdjsonEndpoint(dated);
    const csv = createCsvEndpoint(dated);
    const n = await checkedCall(ndjson, new Request(`${BASE}/api/v1/groups.ndjson`));
    expect(n.headers.get('last-modified')).toBe('Fri, 02 Jan 2026 03:04:05 GMT');
    expect(n.headers.get('link')).toBe(`<${BASE}/api/v1/schemas/entry.json>; rel="describedby", <https://creativecommons.org/licenses/by/4.0/>; rel="license"`);
    const modified = n.headers.get('last-modified')!;
    expect(new Date(modified).toUTCString()).toBe(modified);
    const again = await checkedCall(ndjson, new Request(`${BASE}/api/v1/groups.ndjson`, { headers: { 'If-Modified-Since': modified } }));
    expect(again.status).toBe(304);
    const earlier = new Date(Date.parse(modified) - 1000).toUTCString();
    expect((await checkedCall(ndjson, new Request(`${BASE}/api/v1/groups.ndjson`, { headers: { 'If-Modified-Since': earlier } }))).status).toBe(200);
    // If-None-Match decides when both are sent (RFC 9110 §13.2.2).
    const both = await checkedCall(csv, new Request(`${BASE}/api/v1/groups.csv`, { headers: { 'If-Modified-Since': modified, 'If-None-Match': '"other"' } }));
    expect(both.status).toBe(200);
    await both.body?.cancel();
  });
});

describe('the CDN key of the exports', () => {
  it('holds every parameter and no language, which CSV, NDJSON and Murmurations profiles ignore', async () => {
    const { createMurmurationsEndpoint } = await import('../../src/export/endpoints.ts');
    const slug = real.artefact.entries[0]!.slug;
    for (const [endpoint, path] of [
      [createCsvEndpoint(real), '/api/v1/groups.csv'],
      [createNdjsonEndpoint(real), '/api/v1/groups.ndjson'],
      [createMurmurationsEndpoint(real, undefined), `/api/v1/groups/${slug}/murmurations.json`],
    ] as const) {
      const fr = await endpoint(new Request(`https://directory.example${path}`, { headers: { 'Accept-Language': 'fr' } }));
      const de = await endpoint(new Request(`https://directory.example${path}`, { headers: { 'Accept-Language': 'de-CH, de;q=0.9' } }));
      expect(fr.status, path).toBe(200);
      expect(fr.headers.get('netlify-vary'), path).toBe('query');
      expect(fr.headers.get('vary'), path).toBeNull();
      expect(await fr.text()).toBe(await de.text());
      const unknown = await endpoint(new Request(`https://directory.example${path}?colour=red`));
      expect(unknown.status, path).toBe(400);
      expect(unknown.headers.get('netlify-cdn-cache-control'), path).toBeNull();
    }
  });
});
