/**
 * Before saving or publishing, the CMS checks an entry exactly as the content build will, and
 * refuses with a message per problem, in the editor's language; what the build accepts, it lets through. The drafts
 * here are shaped as Decap keeps them: the default language's fields in `data`, the others'
 * translations in `i18n.<locale>.data`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEntry, emptyValuePaths, withoutEmptyValues, type EntryDraft } from '../../src/cms/check-entry.ts';
import { parseFrontMatter, parseYaml } from '../../src/content/front-matter.ts';
import { LOCALES, t } from '../../src/i18n/index.ts';
import { CONTENT_LOCALES, DEFAULT_LOCALE } from '../../src/schema/locales.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function group(data: Record<string, unknown>, i18n: EntryDraft['i18n'] = {}): EntryDraft {
  return {
    collection: 'groups',
    newRecord: true,
    data: { slug: 'new-union', name: 'New Union', summary: 'A union.', network_relation: 'member', created: '2026-01-02', updated: '2026-01-02', ...data },
    i18n,
  };
}

describe('the check before saving', () => {
  it('lets every real group and term through unchanged (as Decap loads them)', async () => {
    for (const name of await readdir(join(ROOT, 'content', 'groups'))) {
      const { data } = parseFrontMatter(await readFile(join(ROOT, 'content', 'groups', name), 'utf8'));
      const blocks = data as Record<string, Record<string, unknown>>;
      const i18n = Object.fromEntries(CONTENT_LOCALES.filter((l) => l !== DEFAULT_LOCALE).map((l) => [l, { data: blocks[l] ?? {} }]));
      const slug = name.replace(/\.md$/, '');
      const result = checkEntry({ collection: 'groups', slug, newRecord: false, data: blocks[DEFAULT_LOCALE]!, i18n });
      expect(result.problems, name).toEqual([]);
      expect(result.data).toEqual(blocks[DEFAULT_LOCALE]);
    }
    for (const taxonomy of ['subjects', 'sectors']) {
      for (const name of await readdir(join(ROOT, 'content', taxonomy))) {
        const term = parseYaml(await readFile(join(ROOT, 'content', taxonomy, name), 'utf8')) as Record<string, unknown>;
        expect(checkEntry({ collection: taxonomy, slug: String(term.slug), newRecord: false, data: term }).problems, name).toEqual([]);
      }
    }
  });

  it("refuses with the schema's messages, every problem at once, named by the editor's labels", () => {
    const { problems } = checkEntry(group({ website: 'www.example.org', founded: 1750, created: '2026-03-01', updated: '2026-02-01' }));
    expect(problems).toEqual([
      'Website: must be a web address starting with http:// or https://',
      'Year founded: must be 1800 or later',
      'Updated: must not be before the created date',
    ]);
  });

  it('requires a summary in at least one language, and accepts it in any', () => {
    expect(checkEntry(group({ summary: '' })).problems).toEqual(['Summary: give it in at least one language']);
    expect(checkEntry(group({ summary: '' }, { fr: { data: { summary: 'Un syndicat.' } } })).problems).toEqual([]);
  });

  it('refuses untranslatable fields in another language’s block', () => {
    const { problems } = checkEntry(group({}, { fr: { data: { summary: 'Un syndicat.', subjects: ['peace'] } } }));
    expect(problems).toEqual(['French version (fr.subjects): only the summary and the purpose are translated; give this field in the English version']);
  });

  it('refuses a slug that no longer matches the file the entry was saved as', () => {
    const draft = { ...group({ slug: 'renamed' }), newRecord: false, slug: 'new-union' };
    expect(checkEntry(draft).problems).toEqual([expect.stringMatching(/^Slug: must be “new-union”, the name this entry was saved under/)]);
    // Decap saved a new entry with a taken slug as "new-union-1": publishing it is refused too.
    expect(checkEntry({ ...group({}), newRecord: false, slug: 'new-union-1' }).problems).toHaveLength(1);
  });

  it('drops what cleared fields leave behind, so they do not count as given', () => {
    const { data, problems } = checkEntry(
      group({
        city: '',
        countries: [],
        sources: [
          { url: '', title: 'Meeting notes' },
          { url: '', title: '' },
        ],
      }),
    );
    expect(problems).toEqual([]);
    expect(data).toEqual(group({ sources: [{ title: 'Meeting notes' }] }).data);
    expect(withoutEmptyValues({ a: [{}, { b: null }], c: 0, d: false })).toEqual({ c: 0, d: false });
    // The same cleaning as deletions, for the CMS's own copy: applied in order, they give the cleaned entry.
    const raw = { city: '', sources: [{ url: '', title: 'Notes' }, { url: '' }], name: 'X' };
    const paths = emptyValuePaths(raw);
    expect(paths).toEqual([['city'], ['sources', 1], ['sources', 0, 'url']]);
    const copy = structuredClone(raw) as Record<string, unknown>;
    for (const path of paths) {
      type Node = Record<string | number, unknown>;
      const parent = path.slice(0, -1).reduce<Node>((o, k) => o[k] as Node, copy);
      const key = path[path.length - 1]!;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    }
    expect(copy).toEqual(withoutEmptyValues(raw));
  });

  it('speaks the editor’s language: labels as the CMS shows them, every problem said by its code', () => {
    const draft = group({ website: 'www.example.org', founded: 1750, created: '2026-03-01', updated: '2026-02-01', email: 'nobody' });
    expect(checkEntry(draft, 'pt').problems).toEqual([
      'Site: deve ser um endereço web começando com http:// ou https://',
      'E-mail público: deve ser um endereço de e-mail',
      'Ano de fundação: deve ser 1800 ou depois',
      'Atualização: não pode ser anterior à data de criação',
    ]);
    expect(checkEntry(group({}, { fr: { data: { summary: 'Un syndicat.', subjects: ['peace'] } } }), 'de').problems).toEqual([
      'Fassung auf Französisch (fr.subjects): nur die Kurzbeschreibung und der Zweck werden übersetzt; gib dieses Feld in der Fassung auf Englisch an',
    ]);
    const renamed = { ...group({ slug: 'renamed' }), newRecord: false, slug: 'new-union' };
    expect(checkEntry(renamed, 'de').problems).toEqual([`Kennung: ${t('de', 'cms.check.slugFixed', { slug: 'new-union', given: 'renamed' })}`]);
    // The same problems in every language, none of them in English outside English.
    const english = checkEntry(draft).problems;
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const theirs = checkEntry(draft, locale).problems;
      expect(theirs, locale).toHaveLength(english.length);
      for (const [i, line] of theirs.entries()) expect(line, `${locale}: ${line}`).not.toBe(english[i]);
    }
  });

  it('checks taxonomy terms against the term schema', () => {
    const { problems } = checkEntry({
      collection: 'subjects',
      newRecord: true,
      data: { slug: 'peace', label: { en: 'Peace', fr: '', es: 'Paz', pt: 'Paz', it: 'Pace', de: 'Frieden' }, order: -1 },
    });
    expect(problems).toEqual([expect.stringMatching(/^Label \(label\.fr\): /), expect.stringMatching(/^Order: /)]);
  });
});
