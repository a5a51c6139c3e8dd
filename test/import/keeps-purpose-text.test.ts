import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/content/render-markdown.ts';
import { readPurpose } from '../../src/import/connexions/purpose-text.ts';
import { buildProblems, importInto, readEntry, tempProject } from '../support/import-helpers.ts';

describe('the purpose text', () => {
  it('keeps its paragraphs, rejoins lines broken mid-sentence and keeps * bullets as a Markdown list', async () => {
    const root = await tempProject();
    const [file] = (await importInto(root, ['broken-lines-and-bullets.txt'])).files;
    const entry = await readEntry(root, 'riverside-care-workers-union');
    expect(entry.purpose?.en).toBe(
      [
        'Riverside Care Workers Union brings together home-care and residential care workers who are tired of being told that caring is a vocation rather than a job.',
        'Our aims are:',
        '* a living wage for every care worker, paid for travel time between visits\n* safe staffing levels\n* an end to zero-hours contracts',
        'We believe in self-organisation: members decide, officers carry out.',
        '1986\\. That was the year the first care homes in the valley were privatised.',
      ].join('\n\n'),
    );
    expect(file!.notes).toContain('rejoined 4 line breaks inside purpose paragraphs');
    expect(await buildProblems(root)).toEqual([]);
  });

  it('renders as the listing reads: one list of three items, and a year that does not start a numbered list', async () => {
    const root = await tempProject();
    await importInto(root, ['broken-lines-and-bullets.txt']);
    const html = createMarkdownRenderer()((await readEntry(root, 'riverside-care-workers-union')).purpose!.en!);
    expect(html.match(/<li>/g)).toHaveLength(3);
    expect(html).not.toContain('<ol');
    expect(html).toContain('<p>1986. That was the year');
  });

  it('treats "*emphasis*" at the start of a line as text, not as a bullet', () => {
    expect(readPurpose(['*Solidarity* is our method.', 'It always was.']).blocks).toEqual([
      { kind: 'paragraph', text: '*Solidarity* is our method. It always was.' },
    ]);
  });

  it('keeps numbered lists and a list broken by blank lines as one list', () => {
    expect(readPurpose(['1. organise', '', '2. strike', '3. win']).blocks).toEqual([
      { kind: 'list', ordered: true, start: 1, items: ['organise', 'strike', 'win'] },
    ]);
  });
});
