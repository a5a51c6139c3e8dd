import { describe, expect, it } from 'vitest';
import { encodeEntryFile } from '../../src/content/entry-file.ts';
import { slugFromName } from '../../src/import/connexions/derive-text.ts';
import { SLUG_MAX, SLUG_PATTERN, type Entry } from '../../src/schema/entry.ts';
import { buildProblems, importInto, readEntry, tempListings, tempProject, writeGroup } from '../support/import-helpers.ts';

function group(slug: string, name: string): Entry {
  return { slug, name, summary: { en: 'Another group.' }, network_relation: 'none', created: '2025-01-01', updated: '2025-01-01' };
}

describe('the slug of an imported entry', () => {
  it.each([
    ['Confederación General del Trabajo', 'confederacion-general-del-trabajo'],
    ["Workers' Rights Centre", 'workers-rights-centre'],
    ["L'Union syndicale", 'l-union-syndicale'],
    ['Freie Arbeiter*innen-Union Straße', 'freie-arbeiter-innen-union-strasse'],
    ['  Łódź — Solidarność  ', 'lodz-solidarnosc'],
    ['Συνδικάτο', ''],
  ])('of %j is %j', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  it(`is cut at a hyphen to at most ${SLUG_MAX} characters`, () => {
    const slug = slugFromName('International Federation of Independent Democratic and Self-Organised Unions of Transport and Logistics Workers');
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('takes -2, -3 when a group with another name holds the slug, and says so', async () => {
    const root = await tempProject();
    await writeGroup(root, 'the-commune', encodeEntryFile(group('the-commune', 'The Commune Bakery')));
    await writeGroup(root, 'the-commune-2', encodeEntryFile(group('the-commune-2', 'The Commune Press')));

    const [file] = (await importInto(root, ['inverted-name.txt'])).files;

    expect(file!.target).toBe('content/groups/the-commune-3.md');
    expect((await readEntry(root, 'the-commune-3')).name).toBe('The Commune');
    expect((await readEntry(root, 'the-commune')).name).toBe('The Commune Bakery');
    expect(file!.notes).toContain(
      'slug "the-commune" belongs to "The Commune Bakery" (content/groups/the-commune.md), a group with another name: using "the-commune-3"',
    );
    expect(await buildProblems(root)).toEqual([]);
  });

  it('cannot be made from a name without Latin letters or digits: the listing is incomplete', async () => {
    const root = await tempProject();
    const from = await tempListings({ 'greek.txt': 'Συνδικάτο\nPurpose: Ένα συνδικάτο.\n' });
    const [file] = (await importInto(root, ['greek.txt'], { from })).files;
    expect(file!.outcome).toBe('incomplete');
    expect(file!.problems).toEqual([expect.stringContaining('the slug needs Latin letters or digits')]);
  });
});
