import { describe, expect, it } from 'vitest';
import { createGroupsEndpoint } from '../../src/api/read-endpoints.ts';
import { call, fixtureDirectory } from '../support/fixture-directory.ts';

const groups = createGroupsEndpoint(fixtureDirectory());
const search = async (q: string, extra = '') => {
  const r = await call(groups, `/api/v1/groups?q=${encodeURIComponent(q)}&fields=slug${extra}`);
  expect(r.status).toBe(200);
  return (r.body.data as { slug: string }[]).map((d) => d.slug);
};

describe('full-text search', () => {
  it('is accent- and case-insensitive both ways', async () => {
    expect(await search('confederacion')).toEqual(['cgt-spain']);
    expect(await search('CONFEDERACIÓN')).toEqual(['cgt-spain']);
    expect(await search('education')).toContain('sud-education'); // name written "éducation"
  });

  it('matches the last word as a prefix, earlier words exactly', async () => {
    expect(await search('confed')).toEqual(['cgt-spain']);
    expect(await search('transport work')).toEqual(['transport-workers-network']);
    expect(await search('transp network')).toEqual([]); // "transp" is not the last word
  });

  it('requires every word to match', async () => {
    expect(await search('care lisbon')).toEqual(['care-collective-lisbon']);
    expect(await search('care madrid')).toEqual([]);
  });

  it('searches alternate and short names, summaries in every language, purpose and subject labels', async () => {
    expect(await search('CGT')).toEqual(['cgt-spain']);
    expect(await search('anarcosindicalista')).toEqual(['cgt-spain']); // Spanish summary
    expect(await search('autogestion')).toEqual(['cgt-spain']); // Markdown purpose
    expect(await search('environnement')).toEqual(expect.arrayContaining(['climate-unionists', 'solidaires', 'csp-conlutas'])); // French subject label
  });

  it('ranks a name match above a match in the summary only', async () => {
    const ranked = await search('union');
    expect(ranked[0]).toBe('solidaires'); // name and summary
    expect(ranked.at(-1)).toBe('csp-conlutas'); // summary only
    expect(ranked).toContain('climate-unionists'); // prefix of the last word
  });

  it('ignores a query with no searchable word instead of failing', async () => {
    expect((await search('!!! ---')).length).toBe(8);
  });

  it('sorts by relevance when q is given, by name otherwise', async () => {
    const r = await call(groups, '/api/v1/groups?fields=name');
    const names = (r.body.data as { name: string }[]).map((d) => d.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });
});
