import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/content/render-markdown.ts';
import { repairApostrophes } from '../../src/import/connexions/listing-text.ts';
import { importInto, readEntry, tempProject } from '../support/import-helpers.ts';

describe('a "#" where an apostrophe belongs', () => {
  it.each([
    ['increasingly targeting workers# rights.', "increasingly targeting workers' rights."],
    ['every worker#s right', "every worker's right"],
    ['we don#t', "we don't"],
    ['avec l#union locale', "avec l'union locale"],
    ['the members#.', "the members'."],
  ])('is repaired after a letter: %j', (text, repaired) => {
    expect(repairApostrophes(text)).toEqual({ text: repaired, repaired: 1 });
  });

  it.each([
    ['# Our demands'],
    ['## Aims'],
    ['follow #EqualPayNow and (#MeToo)'],
    ['C# programmers'],
    ['in F# minor, C#.'],
    ['see http://example.org/campaign.html#demands'],
    ['see www.example.org/page#top'],
    ['ticket 5# and No. 12#'],
  ])('is left alone in %j', (text) => {
    expect(repairApostrophes(text)).toEqual({ text, repaired: 0 });
  });

  it('is repaired in the name and purpose of an imported listing, and the other "#" survive as Markdown', async () => {
    const root = await tempProject();
    const [file] = (await importInto(root, ['hash-apostrophes.txt'])).files;
    const entry = await readEntry(root, 'workers-rights-centre');
    expect(entry.name).toBe("Workers' Rights Centre");
    expect(entry.summary.en).toBe("We defend workers' rights and every worker's right to organise, with l'union syndicale locale.");
    const html = createMarkdownRenderer()(entry.purpose!.en!);
    expect(html).toContain('<h1>Our demands</h1>');
    expect(html).toContain('#EqualPayNow');
    expect(html).toContain('C# programmers');
    expect(html).toContain('http://example.org/campaign.html#demands');
    expect(entry.purpose!.en).toContain("members' database");
    expect(file!.notes).toContain('repaired 5 "#" written where an apostrophe belongs (workers# → workers\')');
  });
});
