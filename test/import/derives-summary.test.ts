import { describe, expect, it } from 'vitest';
import { sentences, summaryFrom } from '../../src/import/connexions/derive-text.ts';
import { SUMMARY_MAX } from '../../src/schema/entry.ts';
import { buildProblems, importInto, readEntry, tempProject } from '../support/import-helpers.ts';

describe('the summary an import derives from the purpose', () => {
  it('is the first sentence, or the first two when they fit', () => {
    expect(summaryFrom('We organise couriers. We meet monthly.')).toEqual({
      summary: 'We organise couriers. We meet monthly.',
      how: "the purpose's first two sentences (38 characters)",
    });
    const long = `We organise couriers. ${'Really '.repeat(45)}often.`;
    expect(summaryFrom(long).summary).toBe('We organise couriers.');
  });

  it('does not end a sentence at an abbreviation or an initial', () => {
    expect(sentences('Active in e.g. Canada and the U.S. since 1990. Founded by J. Smith. Still here.')).toEqual([
      'Active in e.g. Canada and the U.S. since 1990.',
      'Founded by J. Smith.',
      'Still here.',
    ]);
  });

  it(`cuts a first sentence longer than ${SUMMARY_MAX} characters at a word boundary, with an ellipsis`, () => {
    const sentence = `${'solidarity '.repeat(40).trim()}.`;
    const { summary, how } = summaryFrom(sentence);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(summary.endsWith('solidarity…')).toBe(true);
    expect(sentence.startsWith(`${summary.slice(0, -1)} `)).toBe(true);
    expect(how).toBe(`the purpose's first sentence, cut at a word boundary to ${summary.length} of its ${sentence.length} characters`);
  });

  it('fits the schema for a real long first sentence, and the report says it was cut', async () => {
    const root = await tempProject();
    const [file] = (await importInto(root, ['long-first-sentence.txt'])).files;
    const entry = await readEntry(root, 'coalition-of-seasonal-agricultural-workers');
    expect(entry.summary.en!.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(entry.summary.en).toMatch(/^The Coalition of Seasonal Agricultural Workers brings together .* their right…$/);
    expect(file!.notes).toEqual(expect.arrayContaining([expect.stringMatching(/^summary derived from the purpose's first sentence, cut at a word boundary/)]));
    expect(file!.dropped).toEqual([{ value: 'Subject Headings: Agriculture', reason: expect.any(String) }]);
    expect(await buildProblems(root)).toEqual([]);
  });

  it('cannot be made without a purpose: the listing is reported incomplete and nothing is written', async () => {
    const root = await tempProject();
    const [file] = (await importInto(root, ['no-purpose.txt'])).files;
    expect(file!.outcome).toBe('incomplete');
    expect(file!.problems).toEqual(['no "Purpose:" text: the summary and purpose come from it']);
    await expect(readEntry(root, 'ghost-union-of-nowhere')).rejects.toThrow(/ENOENT/);
  });
});
