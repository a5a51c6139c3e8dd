import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/import/connexions/report.ts';
import { importInto, readEntry, tempProject } from '../support/import-helpers.ts';

describe('lines that are not part of the entry', () => {
  it('are dropped, each reported with the reason; contact details are neither written nor printed', async () => {
    const root = await tempProject();
    const report = await importInto(root, ['boilerplate.txt']);
    const [file] = report.files;

    const written = await readFile(join(root, 'content', 'groups', 'night-shift-bakers-association.md'), 'utf8');
    for (const text of ['Experts on similar', 'Support Connexions', 'Canadian Bakery Employers Council', '514-555-0199', 'Jeanne']) {
      expect(written).not.toContain(text);
    }
    expect(file!.dropped).toEqual([
      { value: 'Telephone: (1 line, not shown)', reason: expect.stringContaining('contact details are not imported') },
      { value: 'Contact Person: (1 line, not shown)', reason: expect.stringContaining('contact details are not imported') },
      { value: 'Experts on similar topics in the Sources Directory:', reason: 'connexions.org page boilerplate, not part of the listing' },
      { value: 'Canadian Bakery Employers Council', reason: expect.stringContaining('page boilerplate') },
      { value: 'Institute for Shift Work Studies', reason: expect.stringContaining('page boilerplate') },
      { value: 'Support Connexions and help save the world', reason: 'connexions.org page boilerplate, not part of the listing' },
    ]);
    expect(file!.notes).toContain('empty heading "Languages:" ignored');
    const printed = formatReport(report);
    expect(printed).not.toContain('514-555-0199');
    expect(printed).not.toContain('Jeanne');
  });

  it('leave the rest of the listing intact', async () => {
    const root = await tempProject();
    await importInto(root, ['boilerplate.txt']);
    const entry = await readEntry(root, 'night-shift-bakers-association');
    expect(entry.purpose?.en).toBe('An association of bakery workers on night shifts in Montreal, fighting for shift premiums and safe ovens.');
    expect(entry.geographic_scope).toBe('local');
    expect(entry.languages).toBeUndefined();
  });
});
