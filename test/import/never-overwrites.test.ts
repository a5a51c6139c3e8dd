import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeEntryFile } from '../../src/content/entry-file.ts';
import type { ImportIo } from '../../src/import/connexions/import-run.ts';
import type { ListingFacts } from '../../src/import/connexions/map-listing.ts';
import { mergeEntry } from '../../src/import/connexions/merge-entry.ts';
import { createNodeIo } from '../../src/import/connexions/node-io.ts';
import type { Entry } from '../../src/schema/entry.ts';
import { buildProblems, FIXTURES, importInto, readEntry, snapshot, tempProject, TODAY, writeGroup } from '../support/import-helpers.ts';

const existing: Entry = {
  slug: 'the-commune',
  name: 'The Commune',
  summary: { en: 'Hand-written summary.' },
  structure: 'collective',
  subjects: ['housing-and-land'],
  network_relation: 'participant',
  created: '2025-01-10',
  updated: '2025-02-01',
};

const facts: ListingFacts = {
  name: 'the commune',
  summary: { en: 'A self-organised federation.', fr: 'Une fédération autogérée.' },
  purpose: { en: 'A self-organised federation of committees.' },
  structure: 'federation',
  subjects: ['housing-and-land'],
  languages: ['en'],
  sources: [{ title: 'Connexions Directory of Groups & Websites 2014' }],
};

describe('merging a listing into an existing entry', () => {
  it('fills only empty fields and languages, and reports every differing value as a conflict, keeping it', () => {
    const { entry, filled, conflicts } = mergeEntry(existing, facts, TODAY);
    expect(filled.map((f) => f.field)).toEqual(['summary.fr', 'purpose.en', 'languages', 'sources']);
    expect(conflicts).toEqual([
      { field: 'summary.en', kept: 'Hand-written summary.', listing: 'A self-organised federation.' },
      { field: 'structure', kept: 'collective', listing: 'federation' },
    ]);
    expect(entry).toEqual({
      ...existing,
      summary: { en: 'Hand-written summary.', fr: 'Une fédération autogérée.' },
      purpose: { en: 'A self-organised federation of committees.' },
      languages: ['en'],
      sources: [{ title: 'Connexions Directory of Groups & Websites 2014' }],
      updated: TODAY,
    });
  });

  it('never touches the relation to the network: a listing states none', () => {
    expect(mergeEntry(existing, facts, TODAY).entry.network_relation).toBe('participant');
  });

  it('reports a list the entry already has as a conflict when the listing adds to it, and leaves the list alone', () => {
    const { entry, conflicts } = mergeEntry(existing, { ...facts, subjects: ['housing-and-land', 'peace'] }, TODAY);
    expect(entry.subjects).toEqual(['housing-and-land']);
    expect(conflicts).toContainEqual({ field: 'subjects', kept: ['housing-and-land'], listing: ['housing-and-land', 'peace'] });
  });

  it('changes nothing, not even the date, when there is nothing to fill', () => {
    const { entry, filled } = mergeEntry({ ...existing, ...facts, name: existing.name, network_relation: 'participant' }, facts, TODAY);
    expect(filled).toEqual([]);
    expect(entry.updated).toBe(existing.updated);
  });

  it('reports a different name, but not a name that is an alternate name or differs only in case and punctuation', () => {
    expect(mergeEntry(existing, { ...facts, name: 'THE COMMUNE!' }, TODAY).conflicts.map((c) => c.field)).not.toContain('name');
    expect(mergeEntry({ ...existing, alternate_names: ['La Commune'] }, { ...facts, name: 'La Commune' }, TODAY).conflicts.map((c) => c.field)).not.toContain(
      'name',
    );
    expect(mergeEntry(existing, { ...facts, name: 'Commune Collective' }, TODAY).conflicts).toContainEqual({
      field: 'name',
      kept: 'The Commune',
      listing: 'Commune Collective',
    });
  });
});

describe('an import into existing content', () => {
  it('merges a listing into the entry of the same name and writes only the filled fields', async () => {
    const root = await tempProject();
    await writeGroup(root, 'the-commune', encodeEntryFile(existing));

    const [file] = (await importInto(root, ['inverted-name.txt'])).files;

    expect(file!.outcome).toBe('merged');
    expect(file!.target).toBe('content/groups/the-commune.md');
    expect(file!.changes.map((c) => c.field)).toEqual(['purpose.en', 'sources']);
    expect(file!.conflicts.map((c) => c.field)).toEqual(['summary.en', 'structure']);
    const merged = await readEntry(root, 'the-commune');
    expect(merged).toMatchObject({
      summary: { en: 'Hand-written summary.' },
      structure: 'collective',
      network_relation: 'participant',
      created: '2025-01-10',
      updated: TODAY,
    });
    expect(merged.purpose?.en).toMatch(/^A self-organised federation of tenants' and workers' committees in Toronto\./);
    expect(await buildProblems(root)).toEqual([]);
  });

  it('does not overwrite an entry file that appears while the import runs', async () => {
    const root = await tempProject();
    const disk = createNodeIo(FIXTURES);
    const editorsFile = '---\nen:\n  slug: the-commune\n---\n';
    const io: ImportIo = {
      ...disk,
      async listListings(inputs) {
        await writeGroup(root, 'the-commune', editorsFile); // an editor saves it just after the import read content/
        return disk.listListings(inputs);
      },
    };
    const [file] = (await importInto(root, ['inverted-name.txt'], { io })).files;
    expect(file!.outcome).toBe('skipped');
    expect(file!.problems).toEqual([expect.stringMatching(/^content\/groups\/the-commune\.md was not written: EEXIST/)]);
    expect(await readFile(join(root, 'content', 'groups', 'the-commune.md'), 'utf8')).toBe(editorsFile);
  });

  it('does not overwrite an entry edited after the import read it', async () => {
    const root = await tempProject();
    await writeGroup(root, 'the-commune', encodeEntryFile(existing));
    const edited = encodeEntryFile({ ...existing, summary: { en: 'Edited meanwhile.' } });
    const disk = createNodeIo(FIXTURES);
    const io: ImportIo = {
      ...disk,
      async listListings(inputs) {
        await writeGroup(root, 'the-commune', edited);
        return disk.listListings(inputs);
      },
    };
    const [file] = (await importInto(root, ['inverted-name.txt'], { io })).files;
    expect(file!.outcome).toBe('skipped');
    expect(file!.problems).toEqual([expect.stringContaining('the file changed since the import read it')]);
    expect(await readFile(join(root, 'content', 'groups', 'the-commune.md'), 'utf8')).toBe(edited);
  });

  it('imports nothing into content that does not pass the build, and says why', async () => {
    const root = await tempProject();
    await writeFile(join(root, 'content', 'groups', 'broken.md'), '---\nen:\n  slug: broken\n---\n');
    const before = await snapshot(root);
    const report = await importInto(root, ['inverted-name.txt']);
    expect(report.files).toEqual([]);
    expect(report.problems[0]).toMatch(/does not pass the build/);
    expect(report.problems).toContainEqual(expect.stringMatching(/^content\/groups\/broken\.md → name: /));
    expect(await snapshot(root)).toEqual(before);
  });
});
