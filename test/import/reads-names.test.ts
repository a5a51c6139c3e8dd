import { describe, expect, it, vi } from 'vitest';
import { nameFromSentence } from '../../src/import/connexions/derive-text.ts';
import { parseListing, unInvertName } from '../../src/import/connexions/parse-listing.ts';
import { importInto, readEntry, snapshot, tempProject } from '../support/import-helpers.ts';

describe('the name of an imported group', () => {
  it('is taken from the first sentence of the purpose when the name line is missing, with a note to check it', async () => {
    const root = await tempProject();
    const [file] = (await importInto(root, ['no-name-line.txt'])).files;
    expect(file!.outcome).toBe('imported');
    expect((await readEntry(root, 'the-picket-line-collective')).name).toBe('The Picket Line Collective');
    expect(file!.notes).toContain(`no name line: took "The Picket Line Collective" from the purpose's first sentence; check it`);
  });

  it('makes the listing incomplete, and writes nothing, when neither the file nor its purpose gives one', async () => {
    const root = await tempProject();
    const before = await snapshot(root);
    const [file] = (await importInto(root, ['no-name-anywhere.txt'])).files;
    expect(file!.outcome).toBe('incomplete');
    expect(file!.problems).toEqual([expect.stringContaining("add the group's name as the first line")]);
    expect(await snapshot(root)).toEqual(before);
  });

  it('is asked for when the run can ask, and the answer is used', async () => {
    const root = await tempProject();
    const askName = vi.fn(async () => 'Couriers Without Bosses');
    const [file] = (await importInto(root, ['no-name-anywhere.txt'], { askName })).files;
    expect(askName).toHaveBeenCalledExactlyOnceWith('no-name-anywhere.txt');
    expect(file!.outcome).toBe('imported');
    expect((await readEntry(root, 'couriers-without-bosses')).name).toBe('Couriers Without Bosses');
    expect(file!.notes).toContain('no name line: used the name given at the prompt, "Couriers Without Bosses"');
  });

  it('stays incomplete when the question is left unanswered', async () => {
    const root = await tempProject();
    const [file] = (await importInto(root, ['no-name-anywhere.txt'], { askName: async () => undefined })).files;
    expect(file!.outcome).toBe('incomplete');
  });

  it('is not asked for when the listing has a name line or states one in its purpose', async () => {
    const root = await tempProject();
    const askName = vi.fn(async () => 'never used');
    await importInto(root, ['no-name-line.txt', 'inverted-name.txt'], { askName });
    expect(askName).not.toHaveBeenCalled();
  });

  it('is turned the right way round when written library-style ("Commune, The")', async () => {
    const root = await tempProject();
    const [file] = (await importInto(root, ['inverted-name.txt'])).files;
    expect(file!.target).toBe('content/groups/the-commune.md');
    expect((await readEntry(root, 'the-commune')).name).toBe('The Commune');
    expect(file!.notes).toContain('name written library-style "Commune, The": turned into "The Commune"');
  });

  it.each([
    ['Commune, The', 'The Commune'],
    ['Confederación de Trabajadores, La', 'La Confederación de Trabajadores'],
    ["Union syndicale, L'", "L'Union syndicale"],
    ['Arbeiterunion, Die', 'Die Arbeiterunion'],
    ['Workers, United', 'Workers, United'],
    ['Bread, Roses and Justice', 'Bread, Roses and Justice'],
  ])('unInvertName(%j) is %j', (written, name) => {
    expect(unInvertName(written)).toBe(name);
  });

  it.each([
    ['The Picket Line Collective is a network of cleaners.', 'The Picket Line Collective'],
    ['Solidarity Federation of Rail Workers, founded in 1990, is…', undefined],
    ['Red de Apoyo Mutuo is a network.', 'Red de Apoyo Mutuo'],
    ['We are a network of couriers.', undefined],
    ['The group is a network of couriers.', undefined],
    ['Intended for all trade union organisations that see themselves as part of a type of unionism.', undefined],
  ])('nameFromSentence(%j) is %j', (sentence, name) => {
    expect(nameFromSentence(sentence)).toBe(name);
  });

  it('does not take a sentence before the first heading for a name', () => {
    const listing = parseListing('Our union was founded by cleaners who had had enough of the contractors.\nPurpose: To organise.');
    expect(listing.name).toBeUndefined();
    expect(listing.dropped).toEqual([
      { value: 'Our union was founded by cleaners who had had enough of the contractors.', reason: expect.stringContaining('sentence') },
    ]);
  });
});
