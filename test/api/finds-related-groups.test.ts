import { describe, expect, it } from 'vitest';
import { createGroupEndpoint } from '../../src/api/read-endpoints.ts';
import { call, fixtureDirectory } from '../support/fixture-directory.ts';

const group = createGroupEndpoint(fixtureDirectory());

describe('related groups', () => {
  it('ranks by shared subject headings, then same scope, then shared countries', async () => {
    const r = await call(group, '/api/v1/groups/solidaires');
    const related = r.body.data.related as { slug: string; shared_subjects: string[] }[];
    // solidaires: labour-rights, migrants-rights, environment; national; FR
    expect(related.map((g) => g.slug)).toEqual([
      'cgt-spain', // 2 shared, national (ties broken by name)
      'csp-conlutas', // 2 shared, national
      'sud-education', // 1 shared, national
      'transport-workers-network', // 1 shared, other scope, shares FR
      'care-collective-lisbon', // 1 shared, other scope: then by name
      'climate-unionists',
    ]);
    expect(related[0]!.shared_subjects.sort()).toEqual(['labour-rights', 'migrants-rights']);
  });

  it('never lists the group itself and leaves out groups with nothing in common', async () => {
    const r = await call(group, '/api/v1/groups/cobas-scuola');
    expect(r.body.data.related.map((g: { slug: string }) => g.slug)).toEqual(['sud-education']);
  });
});
