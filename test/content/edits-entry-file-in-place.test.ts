/**
 * A correction changes only the values it corrects: every other byte of the entry file stays as it
 * was. Checked byte for byte on every shipped entry file, for a changed, an added and a removed
 * value, a translated text in a block that exists or not, and a multi-line purpose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editEntryFile, EntryFileEditError } from '../../src/content/edit-entry-file.ts';
import { decodeEntryFile, encodeEntryFile } from '../../src/content/entry-file.ts';
import { parseFrontMatter } from '../../src/content/front-matter.ts';
import { entrySchema, type Entry } from '../../src/schema/entry.ts';

const folder = join(import.meta.dirname, '..', '..', 'content', 'groups');
const files = readdirSync(folder).filter((f) => f.endsWith('.md'));

function entryOf(text: string): Entry {
  const { data, body } = parseFrontMatter(text);
  const decoded = decodeEntryFile(data, body);
  expect(decoded.problems).toEqual([]);
  return entrySchema.parse(decoded.value);
}

/** The lines of `after` that differ from `before`: what a diff would show, as removed and added lines. */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

describe('editing an entry file in place', () => {
  it('changes or adds the website of every shipped entry, and nothing else', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const name of files) {
      const text = readFileSync(join(folder, name), 'utf8');
      const entry = entryOf(text);
      const out = editEntryFile(text, [{ field: 'website', to: 'https://new.example.org/' }]);
      expect(entryOf(out), name).toEqual({ ...entry, website: 'https://new.example.org/' });
      const diff = lineDiff(text, out);
      expect(diff.added, name).toEqual(['  website: https://new.example.org/']);
      expect(diff.removed, name).toEqual(entry.website ? [`  website: ${entry.website}`] : []);
      // Everything before and after the changed line is the original, byte for byte.
      const at = out.indexOf('  website: https://new.example.org/\n');
      expect(out.slice(0, at), name).toBe(text.slice(0, at));
      expect(out.slice(at + '  website: https://new.example.org/\n'.length), name).toBe(
        text.slice(at + (entry.website ? `  website: ${entry.website}\n`.length : 0)),
      );
    }
  });

  it('puts an added field where the encoder would, so a file written by the encoder stays as the encoder writes it', () => {
    const text = readFileSync(join(folder, 'cgt-spain.md'), 'utf8');
    const entry = entryOf(text);
    const changed = { ...entry, city: 'Madrid', email: 'info@cgt.example', founded: 1979 };
    const out = editEntryFile(text, [
      { field: 'city', to: 'Madrid' },
      { field: 'email', to: 'info@cgt.example' },
      { field: 'founded', to: 1979 },
    ]);
    expect(entryOf(out)).toEqual(changed);
    expect(text).toBe(encodeEntryFile(entry)); // the shipped file is the encoder's
    expect(out).toBe(encodeEntryFile(changed));
  });

  it('removes a list field and only its lines', () => {
    const text = readFileSync(join(folder, 'cgt-spain.md'), 'utf8');
    const out = editEntryFile(text, [{ field: 'subjects' }]);
    expect(lineDiff(text, out)).toEqual({ removed: ['  subjects:', '    - labour-rights', '    - international-solidarity'], added: [] });
    const { subjects: _gone, ...rest } = entryOf(text);
    expect(entryOf(out)).toEqual(rest);
  });

  it('changes a list field in place', () => {
    const text = readFileSync(join(folder, 'cgt-spain.md'), 'utf8');
    const out = editEntryFile(text, [{ field: 'countries', to: ['ES', 'FR'] }]);
    expect(lineDiff(text, out)).toEqual({ removed: [], added: ['    - FR'] });
  });

  it('changes a translated summary in its language block, adds a block for a new language, and drops a block left empty', () => {
    const text = readFileSync(join(folder, 'cgt-spain.md'), 'utf8');
    const entry = entryOf(text);
    const fr = editEntryFile(text, [{ field: 'summary', locale: 'fr', to: 'Nouveau résumé.' }]);
    expect(lineDiff(text, fr)).toEqual({ removed: [`  summary: ${entry.summary.fr}`], added: ['  summary: Nouveau résumé.'] });

    // The entry has every language: without its Spanish block first, a Spanish summary is a new block.
    const noEs = editEntryFile(text, [{ field: 'summary', locale: 'es' }]);
    const { es: _es, ...others } = entry.summary;
    expect(entryOf(noEs).summary).toEqual(others);
    const es = editEntryFile(noEs, [{ field: 'summary', locale: 'es', to: 'Confederación sindical.' }]);
    expect(lineDiff(noEs, es)).toEqual({ removed: [], added: ['es:', '  summary: Confederación sindical.'] });
    expect(entryOf(es).summary).toEqual({ ...others, es: 'Confederación sindical.' });
    // In the encoder's place for Spanish, between the French and Portuguese blocks.
    expect(es).toBe(text.replace(`es:\n  summary: ${entry.summary.es}\n`, 'es:\n  summary: Confederación sindical.\n'));

    const dropped = editEntryFile(text, [{ field: 'summary', locale: 'fr' }]);
    expect(lineDiff(text, dropped)).toEqual({ removed: ['fr:', `  summary: ${entry.summary.fr}`], added: [] });
  });

  it('rewrites a multi-line purpose as a block scalar and leaves the lines around it', () => {
    const text = readFileSync(join(folder, 'ilnss.md'), 'utf8');
    const entry = entryOf(text);
    const purpose = 'First paragraph.\n\nSecond paragraph, with “quotes” and: a colon.';
    const out = editEntryFile(text, [{ field: 'purpose', locale: 'en', to: purpose }]);
    expect(entryOf(out)).toEqual({ ...entry, purpose: { ...entry.purpose, en: purpose } });
    const diff = lineDiff(text, out);
    // The `body: |-` line stays; only the text's lines differ.
    expect(diff.added).toEqual(['    First paragraph.', '', '    Second paragraph, with “quotes” and: a colon.']);
    expect(diff.removed).toEqual(entry.purpose!.en!.split('\n').map((l) => (l ? `    ${l}` : '')));
    // Everything after the English block (the other languages' blocks) is untouched.
    expect(out.slice(out.indexOf('\nfr:\n'))).toBe(text.slice(text.indexOf('\nfr:\n')));
  });

  it('keeps formatting it did not write: comments, quoting and key order of a hand-written file', () => {
    const text =
      '---\n# kept\nen:\n  name: "Quoted Name"   # a comment\n  slug: hand-written\n  summary: \'Single quoted\'\n  website: http://old.example/\n  network_relation: none\n  created: 2024-01-01\n  updated: 2024-01-01\n---\n';
    const out = editEntryFile(text, [{ field: 'website', to: 'https://new.example/' }]);
    expect(out).toBe(text.replace('http://old.example/', 'https://new.example/'));
  });

  it('refuses a file it cannot edit safely rather than writing something else', () => {
    expect(() => editEntryFile('no front matter', [{ field: 'website', to: 'https://x.example/' }])).toThrow(EntryFileEditError);
    expect(() => editEntryFile('---\nen: {slug: x, name: y}\n---\n', [{ field: 'website', to: 'https://x.example/' }])).toThrow(EntryFileEditError);
  });
});
