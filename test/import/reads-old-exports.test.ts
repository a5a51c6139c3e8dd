import { describe, expect, it } from 'vitest';
import { decodeListingBytes } from '../../src/import/connexions/listing-text.ts';
import { parseListing } from '../../src/import/connexions/parse-listing.ts';
import { importInto, readEntry, tempListings, tempProject } from '../support/import-helpers.ts';

const latin = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('listing files as old exports wrote them', () => {
  it('are read as Windows-1252 when they are not UTF-8, curly quotes included', () => {
    // 0x92 is ’ and 0xE9 is é in Windows-1252
    expect(decodeListingBytes(latin('Caf\xe9 workers\x92 union\r\n'))).toEqual({ text: 'Café workers’ union\n', encoding: 'windows-1252' });
  });

  it('lose a byte-order mark, CR line endings, tabs, no-break spaces and trailing spaces', () => {
    const bytes = new TextEncoder().encode('\uFEFFName\u00A0Here  \r\nPurpose:\tText\r');
    expect(decodeListingBytes(bytes)).toEqual({ text: 'Name Here\nPurpose: Text\n', encoding: 'utf-8' });
  });

  it('import with a note saying how the file was read', async () => {
    const root = await tempProject();
    const from = await tempListings({ 'old.txt': latin('Caf\xe9 Workers Union\r\nPurpose: Waiters\x92 and cooks\x92 union.\r\n') });
    const [file] = (await importInto(root, ['old.txt'], { from })).files;
    expect(file!.notes).toContain('read as windows-1252: the file is not valid UTF-8');
    expect((await readEntry(root, 'cafe-workers-union')).purpose?.en).toBe('Waiters’ and cooks’ union.');
  });

  it('holding two listings are split, each imported on its own, rather than run together', async () => {
    const listing = parseListing('One Union\nPurpose: First.\n\nOther Union\nPurpose: Second.\n');
    expect(listing.problems).toEqual([expect.stringContaining('put each listing in its own file')]);
    const root = await tempProject();
    const from = await tempListings({ 'two.txt': 'One Union\nPurpose: First.\n\nOther Union\nPurpose: Second.\n' });
    const files = (await importInto(root, ['two.txt'], { from })).files;
    expect(files.map((f) => [f.listing, f.outcome, f.target])).toEqual([
      [1, 'imported', 'content/groups/one-union.md'],
      [2, 'imported', 'content/groups/other-union.md'],
    ]);
    expect((await readEntry(root, 'one-union')).purpose?.en).toBe('First.');
    expect((await readEntry(root, 'other-union')).purpose?.en).toBe('Second.');
  });
});
