import { describe, expect, it } from 'vitest';
import { parseListing } from '../../src/import/connexions/parse-listing.ts';
import { importInto, readEntry, tempProject } from '../support/import-helpers.ts';

describe('the Connexions edition line', () => {
  it('is kept as the source of the entry', async () => {
    const root = await tempProject();
    await importInto(root, ['inverted-name.txt']);
    expect((await readEntry(root, 'the-commune')).sources).toEqual([{ title: 'Connexions Directory of Groups & Websites 2014' }]);
  });

  it('when missing, leaves a source without a year, and the report says so', async () => {
    const root = await tempProject();
    const [file] = (await importInto(root, ['no-edition-line.txt'])).files;
    const entry = await readEntry(root, 'harbour-workers-solidarity-fund');
    expect(entry.sources).toEqual([{ title: 'Connexions Directory of Groups & Websites' }]);
    expect(entry.name).toBe('Harbour Workers Solidarity Fund');
    expect(file!.notes).toContain('no edition line: the source is recorded as "Connexions Directory of Groups & Websites" without a year');
  });

  it('is recognised however it spells "and", and is not mistaken for the name', () => {
    const listing = parseListing('Connexions Directory of Groups and Websites 2009\n\nPurpose: Organising cleaners.');
    expect(listing.edition).toEqual({ title: 'Connexions Directory of Groups & Websites 2009', year: 2009 });
    expect(listing.name).toBeUndefined();
  });
});
