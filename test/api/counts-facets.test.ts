import { describe, expect, it } from 'vitest';
import { createGroupsEndpoint } from '../../src/api/read-endpoints.ts';
import { call, fixtureDirectory, fixtureEntries } from '../support/fixture-directory.ts';

const groups = createGroupsEndpoint(fixtureDirectory());
type Bucket = { value: string; label: string; count: number; selected: boolean };
const counts = (buckets: Bucket[]) => Object.fromEntries(buckets.map((b) => [b.value, b.count]));

describe('facet counts', () => {
  it('counts every value over the whole directory when nothing is filtered', async () => {
    const r = await call(groups, '/api/v1/groups?facets=country,scope');
    const expected: Record<string, number> = {};
    for (const e of fixtureEntries) for (const c of e.countries ?? []) expected[c] = (expected[c] ?? 0) + 1;
    expect(counts(r.body.facets.country)).toEqual(expected);
    expect(r.body.facets.scope.map((b: Bucket) => b.label)).toContain('International');
  });

  it('counts each facet with its own filter removed and every other filter applied', async () => {
    const r = await call(groups, '/api/v1/groups?country=FR&subject=education&facets=country,subject,relation');
    // country facet: subject filter only
    const withEducation = fixtureEntries.filter((e) => e.subjects?.includes('education'));
    const countryCounts: Record<string, number> = {};
    for (const e of withEducation) for (const c of e.countries ?? []) countryCounts[c] = (countryCounts[c] ?? 0) + 1;
    expect(counts(r.body.facets.country)).toEqual(countryCounts);
    // subject facet: country filter only
    const inFrance = fixtureEntries.filter((e) => e.countries?.includes('FR'));
    const subjectCounts: Record<string, number> = {};
    for (const e of inFrance) for (const s of e.subjects ?? []) subjectCounts[s] = (subjectCounts[s] ?? 0) + 1;
    expect(counts(r.body.facets.subject)).toEqual(subjectCounts);
    // relation facet (not filtered): counted over the result
    expect(counts(r.body.facets.relation)).toEqual({ member: 1 });
    expect(r.body.meta.total).toBe(1);
  });

  it('marks selected values and keeps them even when nothing is left in them', async () => {
    const r = await call(groups, '/api/v1/groups?country=PT&scope=international&facets=scope,country');
    const scope = r.body.facets.scope as Bucket[];
    expect(scope.find((b) => b.value === 'international')).toEqual({ value: 'international', label: 'International', count: 0, selected: true });
    expect(scope.find((b) => b.value === 'local')).toMatchObject({ count: 1, selected: false });
  });

  it('labels facet values in the response language', async () => {
    const r = await call(groups, '/api/v1/groups?facets=country,subject,relation&lang=fr');
    const label = (facet: string, value: string) => (r.body.facets[facet] as Bucket[]).find((b) => b.value === value)?.label;
    expect(label('country', 'ES')).toBe('Espagne');
    expect(label('subject', 'environment')).toBe('Environnement');
    expect(label('relation', 'founding_member')).toBe('Membre fondateur');
  });

  it('rejects an unknown facet name', async () => {
    const r = await call(groups, '/api/v1/groups?facets=country,colour');
    expect(r.status).toBe(400);
    expect(r.body.error.fields.facets).toMatch(/^value 2: /);
  });
});
