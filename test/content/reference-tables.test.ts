/**
 * The directory against the reference tables (data/reference/) and its own sourcing rules:
 * every row of both tables is an entry or is listed for editors in content/REVIEW.md with a
 * reason; every entry says where its facts come from; nobody is a member unless a source says so.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import { formatProblem, validateContent } from '../../src/content/validate-content.ts';
import type { Entry } from '../../src/schema/entry.ts';
import { CONTENT_LOCALES } from '../../src/schema/locales.ts';
import {
  entryForRow,
  normaliseName,
  PROJECT,
  readReferenceRows,
  readReviewedRows,
  rowCountryCode,
  rowStatesMembership,
  type ReferenceRow,
} from './support/reference-tables.ts';

let entries: Entry[];
const rows = readReferenceRows();
const reviewed = readReviewedRows();

beforeAll(async () => {
  const result = validateContent(await loadContent(PROJECT));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  entries = result.content.entries;
});

function reviewFor(row: ReferenceRow) {
  return reviewed.find((section) => normaliseName(section.heading) === normaliseName(row.name));
}

describe('the reference tables', () => {
  it('are both read, every row with a name and at least one source address', () => {
    expect(rows.filter((r) => r.table === 'ilnss-organisations.tsv')).toHaveLength(20);
    expect(rows.filter((r) => r.table === 'ilnss-organisations-more.tsv')).toHaveLength(48);
    for (const row of rows) {
      expect(row.name, `${row.table}:${row.line}`).not.toBe('');
      expect(row.urls.length, `${row.table}:${row.line} ${row.name}`).toBeGreaterThan(0);
    }
  });

  it('every row is an entry citing all its pages, or is listed in content/REVIEW.md with its sources and the reason', () => {
    const missing = rows
      .filter((row) => !entryForRow(row, entries))
      .filter((row) => {
        const section = reviewFor(row);
        return !section || !/Reason:\s*\S/.test(section.body) || !row.urls.some((u) => section.body.includes(u));
      })
      .map((row) => `${row.table}:${row.line} ${row.name}`);
    expect(missing).toEqual([]);
  });

  it('a row listed for review is not also an entry, and every review heading names a row', () => {
    for (const section of reviewed) {
      const row = rows.find((r) => normaliseName(r.name) === normaliseName(section.heading));
      expect(row, `REVIEW.md heading "${section.heading}" names no row of the tables`).toBeDefined();
      expect(entryForRow(row!, entries), section.heading).toBeUndefined();
    }
  });

  it('never promotes: a row whose sources do not state membership is not a member, and the stated country is kept', () => {
    for (const row of rows) {
      const entry = entryForRow(row, entries);
      if (!entry) continue;
      if (!rowStatesMembership(row)) expect(['participant', 'observer', 'none'], `${row.name} is ${entry.network_relation}`).toContain(entry.network_relation);
      const country = rowCountryCode(row);
      if (country) expect(entry.countries, row.name).toContain(country);
    }
  });
});

describe('every entry', () => {
  it('cites at least one page by its address', () => {
    const unsourced = entries.filter((e) => !e.sources?.some((s) => s.url !== undefined)).map((e) => e.slug);
    expect(unsourced).toEqual([]);
  });

  it('is a member or founding member only with a source and the source’s words stating it', () => {
    for (const entry of entries.filter((e) => e.network_relation === 'member' || e.network_relation === 'founding_member')) {
      expect(
        entry.sources?.some((s) => s.url),
        entry.slug,
      ).toBe(true);
      expect(entry.relation_note, entry.slug).toMatch(/founding member|\bmember\b(?!ship)|adhere|aderisce/i);
      expect(entry.relation_note, entry.slug).not.toMatch(/not stated|does not state/i);
      // A founding member's note says so in so many words; "member" alone does not make a founder.
      if (entry.network_relation === 'founding_member') expect(entry.relation_note, entry.slug).toMatch(/founding member/i);
    }
  });

  it('other than the network itself, keeps the source’s words for its relation', () => {
    const withoutNote = entries.filter((e) => e.slug !== 'ilnss' && !e.relation_note).map((e) => e.slug);
    expect(withoutNote).toEqual([]);
  });

  it('has its summary in every content language', () => {
    const incomplete = entries
      .map((e) => ({ slug: e.slug, missing: CONTENT_LOCALES.filter((l) => !e.summary[l]?.trim()) }))
      .filter((e) => e.missing.length > 0)
      .map((e) => `${e.slug}: ${e.missing.join(', ')}`);
    expect(incomplete).toEqual([]);
  });
});
