import { describe, expect, it } from 'vitest';
import { importInto, readEntry, tempListings, tempProject, writeGroup } from '../support/import-helpers.ts';

const RIVERSIDE = `---
en:
  slug: riverside-union
  name: Riverside Tenants and Workers Union
  short_name: RTWU
  summary: A union of tenants and workers in Riverside.
  geographic_scope: local
  website: https://riverside-union.example
  network_relation: none
  created: 2026-01-10
  updated: 2026-01-10
---
`;

describe('matching and merging', () => {
  it('finds an entry by its short name, and takes the same website over http, www and a trailing slash for one', async () => {
    const root = await tempProject();
    await writeGroup(root, 'riverside-union', RIVERSIDE);
    const [file] = (await importInto(root, ['short-name.txt'])).files;
    expect(file!.outcome).toBe('merged');
    expect(file!.target).toBe('content/groups/riverside-union.md');
    expect(file!.notes).toContain('matched the existing entry "Riverside Tenants and Workers Union" by its short name ("RTWU")');
    expect(file!.conflicts.map((c) => c.field)).not.toContain('website');
    expect(file!.conflicts.map((c) => c.field)).not.toContain('name');
    expect((await readEntry(root, 'riverside-union')).website).toBe('https://riverside-union.example');
  });

  it('replaces a cut-off purpose with the complete text imported later, and says so', async () => {
    const root = await tempProject();
    await importInto(root, ['cut-off.txt']);
    expect((await readEntry(root, 'northern-metalworkers-circle')).purpose?.en).toMatch(/rights of all work$/);
    const [file] = (await importInto(root, ['cut-off-complete.txt'])).files;
    expect(file!.outcome).toBe('merged');
    expect(file!.conflicts.map((c) => c.field)).not.toContain('purpose.en');
    expect(file!.notes).toContain('purpose.en: the stored text is cut off and this listing has it whole: replaced it with the complete text');
    expect((await readEntry(root, 'northern-metalworkers-circle')).purpose?.en).toMatch(/shorter working week\.$/);
  });

  it('keeps a complete purpose when a cut-off copy of it comes later', async () => {
    const root = await tempProject();
    await importInto(root, ['cut-off-complete.txt']);
    const [file] = (await importInto(root, ['cut-off.txt'])).files;
    expect(file!.conflicts.map((c) => c.field)).not.toContain('purpose.en');
    expect(file!.notes).toContain("purpose.en: this listing's text is cut off; kept the complete text already stored");
    expect((await readEntry(root, 'northern-metalworkers-circle')).purpose?.en).toMatch(/shorter working week\.$/);
  });

  it('imports a listing without a name line under the name given for it (--name), without asking', async () => {
    const root = await tempProject();
    const from = await tempListings({ 'anon.txt': 'Purpose: A collective of night-shift bakers who organise against split shifts.\n' });
    const report = await importInto(root, ['anon.txt'], { from, givenName: 'Night Bakers Collective' });
    expect(report.files[0]!.outcome).toBe('imported');
    expect((await readEntry(root, 'night-bakers-collective')).name).toBe('Night Bakers Collective');
  });

  it('refuses a name given for more than one listing', async () => {
    const root = await tempProject();
    const report = await importInto(root, ['two-listings.txt'], { givenName: 'Anything' });
    expect(report.files[0]!.outcome).toBe('incomplete');
    expect(report.files[0]!.problems).toEqual(['a name (--name) is for one listing; this file holds 2']);
  });
});
