import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/content/load-content.ts';
import { formatProblem, validateContent } from '../../src/content/validate-content.ts';

const root = join(import.meta.dirname, '..', '..');

describe('the shipped content', () => {
  it('is valid: every group, subject and sector file', async () => {
    const raw = await loadContent(root);
    const result = validateContent(raw);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    expect(raw.groups.length).toBeGreaterThanOrEqual(21);
  });

  it('carries every organisation of the reference data with its stated relation, country and sources', async () => {
    const raw = await loadContent(root);
    const result = validateContent(raw);
    if (!result.ok) throw new Error('content invalid');
    // The reference data lives in shared/, laid beside the project's folder (as CI does).
    const tsvPath = join(root, '..', 'shared', 'data', 'ilnss-organisations.tsv');
    if (!existsSync(tsvPath)) throw new Error(`${tsvPath} is missing: this test checks the content against the shared reference data beside the project`);
    const tsv = readFileSync(tsvPath, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    for (const [name, , , sources, relation] of tsv) {
      const firstUrl = /https?:\/\/\S+/.exec(sources!)![0];
      const entry = result.content.entries.find((e) => e.sources?.some((s) => s.url === firstUrl) && e.relation_note === relation);
      expect(entry, name).toBeDefined();
      // Only rows that state membership may be members; participants are never promoted.
      const statesMembership = /founding member|member \(self-declared\)|adheres/.test(relation!);
      if (!statesMembership) expect(entry!.network_relation, name).toBe('participant');
      if (/founding member/.test(relation!)) expect(entry!.network_relation, name).toBe('founding_member');
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
