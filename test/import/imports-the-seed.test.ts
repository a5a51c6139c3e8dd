import { describe, expect, it } from 'vitest';
import { buildProblems, importInto, PROJECT, readEntry, SEED, snapshot, tempProject, TODAY } from '../support/import-helpers.ts';

const FIRST_SENTENCE =
  'Intended for all trade union organisations that see themselves as part of a type of unionism that focuses on struggles, worker democracy, self-organisation of workers, and the need for social change.';

describe('importing the real seed listing', () => {
  it('merges into the hand-made ilnss entry, matched by name, and leaves the file as it is', async () => {
    const root = await tempProject();
    const before = await snapshot(root);

    const report = await importInto(root, [SEED]);

    expect(report.files.map((f) => [f.outcome, f.target])).toEqual([['unchanged', 'content/groups/ilnss.md']]);
    expect(await snapshot(root)).toEqual(before); // no duplicate, no rewrite
    // The hand-written summary differs from the one the import derives: reported, kept.
    expect(report.files[0]!.conflicts).toEqual([{ field: 'summary.en', kept: expect.stringMatching(/^An international network/), listing: FIRST_SENTENCE }]);
  });

  it('reads the purpose exactly as the editors did by hand: line break rejoined, apostrophes repaired', async () => {
    const root = await tempProject();
    const report = await importInto(root, [SEED]);
    expect(report.files[0]!.conflicts.map((c) => c.field)).not.toContain('purpose.en');
  });

  it('becomes a valid entry whose fields say what the listing says', async () => {
    const root = await tempProject(['ilnss.md']);

    const report = await importInto(root, [SEED]);

    const slug = 'international-labour-network-of-solidarity-and-struggle';
    expect(report.files.map((f) => [f.outcome, f.target])).toEqual([['imported', `content/groups/${slug}.md`]]);
    const handMade = await readEntry(PROJECT, 'ilnss'); // read only
    expect(await readEntry(root, slug)).toEqual({
      slug,
      name: 'International Labour Network of Solidarity and Struggle',
      summary: { en: FIRST_SENTENCE },
      purpose: { en: handMade.purpose!.en },
      geographic_scope: 'international',
      network_relation: 'none',
      sources: [{ title: 'Connexions Directory of Groups & Websites 2018' }],
      created: TODAY,
      updated: TODAY,
    });
    expect(await buildProblems(root)).toEqual([]);
  });

  it('reports what it dropped and why, and how it made the summary', async () => {
    const root = await tempProject(['ilnss.md']);
    const [file] = (await importInto(root, [SEED])).files;
    expect(file!.dropped).toEqual([
      { value: 'Experts on similar topics in the Sources Directory:', reason: expect.stringContaining('boilerplate') },
      { value: 'Support Connexions and help save the world', reason: expect.stringContaining('boilerplate') },
    ]);
    expect(file!.notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('repaired 2 "#"'),
        expect.stringContaining('rejoined 1 line break'),
        expect.stringContaining('empty heading "Subject Headings:"'),
        `summary derived from the purpose's first sentence (${FIRST_SENTENCE.length} characters)`,
      ]),
    );
  });
});
