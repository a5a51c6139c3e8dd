import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadContent } from '../../src/content/load-content.ts';
import { formatProblem, validateContent } from '../../src/content/validate-content.ts';
import { entryForRow, readReferenceRows, rowCountryCode, rowStatesMembership } from './support/reference-tables.ts';

const root = join(import.meta.dirname, '..', '..');

describe('the shipped content', () => {
  it('is valid: every group, subject and sector file', async () => {
    const raw = await loadContent(root);
    const result = validateContent(raw);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    expect(raw.groups.length).toBeGreaterThanOrEqual(21);
  });

  it('carries every organisation of the first reference table with its stated relation, country and sources', async () => {
    const raw = await loadContent(root);
    const result = validateContent(raw);
    if (!result.ok) throw new Error('content invalid');
    // The reference data is in the repository (data/reference/, see its README): nothing here reads outside it.
    const rows = readReferenceRows().filter((row) => row.table === 'ilnss-organisations.tsv');
    expect(rows).toHaveLength(20);
    for (const row of rows) {
      const entry = entryForRow(row, result.content.entries);
      expect(entry, row.name).toBeDefined();
      // The note keeps the table's words (an entry may add what later sources say after them).
      expect(entry!.relation_note, row.name).toContain(row.relation);
      // Only rows that state membership may be members; participants are never promoted.
      if (!rowStatesMembership(row)) expect(entry!.network_relation, row.name).toBe('participant');
      if (/founding member/.test(row.relation)) expect(entry!.network_relation, row.name).toBe('founding_member');
      const country = rowCountryCode(row);
      if (country) expect(entry!.countries, row.name).toContain(country);
    }
  });

  it('holds the seed entry: the network itself, its purpose with the apostrophes repaired', async () => {
    const raw = await loadContent(root);
    const result = validateContent(raw);
    if (!result.ok) throw new Error('content invalid');
    const ilnss = result.content.entries.find((e) => e.slug === 'ilnss')!;
    expect(ilnss.name).toBe('International Labour Network of Solidarity and Struggle');
    expect(ilnss.geographic_scope).toBe('international');
    expect(ilnss.purpose?.en).toContain("targeting workers' rights.");
    expect(ilnss.purpose?.en).not.toContain('#');
    expect(ilnss.sources?.[0]).toEqual({ title: 'Connexions Directory of Groups & Websites 2018' });
  });
});
