import { describe, expect, it } from 'vitest';
import { createGroupsEndpoint } from '../../src/api/read-endpoints.ts';
import { call, fixtureDirectory, fixtureEntries } from '../support/fixture-directory.ts';

const groups = createGroupsEndpoint(fixtureDirectory());
const slugs = async (qs: string) => {
  const r = await call(groups, `/api/v1/groups?${qs}&fields=slug&per_page=100`);
  expect(r.status).toBe(200);
  return (r.body.data as { slug: string }[]).map((d) => d.slug).sort();
};
const expected = (pred: (e: (typeof fixtureEntries)[number]) => boolean) =>
  fixtureEntries
    .filter(pred)
    .map((e) => e.slug)
    .sort();

describe('GET /api/v1/groups filters', () => {
  it('filters by country, repeated or comma-separated, case-insensitive', async () => {
    const want = expected((e) => !!e.countries?.some((c) => c === 'FR' || c === 'IT'));
    expect(await slugs('country=FR&country=IT')).toEqual(want);
    expect(await slugs('country=fr,it')).toEqual(want);
    expect(want.length).toBeGreaterThan(2);
  });

  it('filters by scope, sector, language, relation and structure', async () => {
    expect(await slugs('scope=international')).toEqual(expected((e) => e.geographic_scope === 'international'));
    expect(await slugs('sector=education')).toEqual(expected((e) => !!e.sectors?.includes('education')));
    expect(await slugs('language=pt')).toEqual(expected((e) => !!e.languages?.includes('pt')));
    expect(await slugs('relation=founding_member,observer')).toEqual(expected((e) => ['founding_member', 'observer'].includes(e.network_relation)));
    expect(await slugs('structure=union')).toEqual(expected((e) => e.structure === 'union'));
  });

  it('matches any subject by default and all subjects with subject_mode=all', async () => {
    const any = expected((e) => !!e.subjects?.some((s) => s === 'education' || s === 'environment'));
    const all = expected((e) => !!e.subjects?.includes('labour-rights') && !!e.subjects?.includes('environment'));
    expect(await slugs('subject=education&subject=environment')).toEqual(any);
    expect(await slugs('subject=labour-rights,environment&subject_mode=all')).toEqual(all);
    expect(all).toEqual(['csp-conlutas', 'solidaires']);
  });

  it('keeps entries updated on or after updated_since', async () => {
    expect(await slugs('updated_since=2025-01-01')).toEqual(['cgt-spain', 'csp-conlutas', 'solidaires']);
  });

  it('combines filters with AND across parameters', async () => {
    expect(await slugs('country=FR&subject=education')).toEqual(['sud-education']);
    expect(await slugs('country=FR&scope=local')).toEqual([]);
  });

  it('answers 400 naming an unknown subject or sector, and an unknown parameter', async () => {
    const r = await call(groups, '/api/v1/groups?subject=astrology&sector=education,mining&colour=red');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_parameters');
    expect(Object.keys(r.body.error.fields).sort()).toEqual(['colour']);
    const r2 = await call(groups, '/api/v1/groups?subject=astrology&sector=education,mining');
    expect(r2.body.error.fields).toEqual({
      subject: 'unknown subject heading: astrology (see /api/v1/taxonomies)',
      sector: 'unknown sector: mining (see /api/v1/taxonomies)',
    });
  });

  it('answers 400 for malformed values, naming each parameter', async () => {
    const r = await call(groups, '/api/v1/groups?country=XX&scope=galactic&updated_since=yesterday&relation=friend');
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toMatchObject({
      country: 'value 1: "XX" is not an ISO 3166-1 alpha-2 country code',
      updated_since: 'must be a date written YYYY-MM-DD',
    });
    expect(Object.keys(r.body.error.fields).sort()).toEqual(['country', 'relation', 'scope', 'updated_since']);
  });
});
