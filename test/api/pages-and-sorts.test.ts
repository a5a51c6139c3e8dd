import { describe, expect, it } from 'vitest';
import { createGroupsEndpoint } from '../../src/api/read-endpoints.ts';
import { call, fixtureDirectory, fixtureEntries } from '../support/fixture-directory.ts';

const groups = createGroupsEndpoint(fixtureDirectory());
const page = (qs: string) => call(groups, `/api/v1/groups?${qs}`);
const slugsOf = (body: { data: { slug: string }[] }) => body.data.map((d) => d.slug);

describe('sorting and pagination', () => {
  it('pages partition the sorted result set, with meta and links', async () => {
    const all = slugsOf((await page('per_page=100')).body);
    const seen: string[] = [];
    for (let p = 1; p <= 3; p++) {
      const r = await page(`per_page=3&page=${p}`);
      expect(r.status).toBe(200);
      expect(r.body.meta).toMatchObject({ total: 8, page: p, per_page: 3, total_pages: 3 });
      seen.push(...slugsOf(r.body));
    }
    expect(seen).toEqual(all);
    const first = (await page('per_page=3')).body.links;
    expect(first.prev).toBeNull();
    expect(first.next).toBe('http://directory.test/api/v1/groups?page=2&per_page=3');
    expect(first.last).toBe('http://directory.test/api/v1/groups?page=3&per_page=3');
    const last = (await page('per_page=3&page=3')).body.links;
    expect(last.next).toBeNull();
    expect(last.prev).toBe('http://directory.test/api/v1/groups?page=2&per_page=3');
  });

  it('answers a page past the end with no data, pointing back to the last page', async () => {
    const r = await page('per_page=5&page=9');
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([]);
    expect(r.body.meta).toMatchObject({ total: 8, total_pages: 2, page: 9 });
    expect(r.body.links.prev).toBe('http://directory.test/api/v1/groups?page=2&per_page=5');
  });

  it.each([
    ['per_page=0', 'per_page', 'must be at least 1'],
    ['per_page=1000', 'per_page', 'must be at most 100'],
    ['per_page=abc', 'per_page', 'must be a whole number'],
    ['page=0', 'page', 'must be at least 1'],
    ['page=-1', 'page', 'must be a whole number'],
    ['page=1.5', 'page', 'must be a whole number'],
    ['sort=size', 'sort', 'must be one of: relevance, name, -name, updated, -updated'],
  ])('answers 400 for %s', async (qs, field, message) => {
    const r = await page(qs);
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual({ [field]: message });
  });

  it('sorts by name, -name, updated and -updated, ties by name', async () => {
    const byName = [...fixtureEntries].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })).map((e) => e.slug);
    expect(slugsOf((await page('sort=name&per_page=100')).body)).toEqual(byName);
    expect(slugsOf((await page('sort=-name&per_page=100')).body)).toEqual([...byName].reverse());
    const rank = new Map(byName.map((s, i) => [s, i]));
    const byUpdated = [...fixtureEntries].sort((a, b) => a.updated.localeCompare(b.updated) || rank.get(a.slug)! - rank.get(b.slug)!).map((e) => e.slug);
    expect(slugsOf((await page('sort=updated&per_page=100')).body)).toEqual(byUpdated);
    expect(slugsOf((await page('sort=-updated&per_page=2')).body)).toEqual(['cgt-spain', 'solidaires']);
  });

  it('sorts a filtered subset the same way as the whole', async () => {
    const r = await page('country=FR,ES,IT&sort=-name&fields=name&per_page=100');
    const names = r.body.data.map((d: { name: string }) => d.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => b.localeCompare(a, 'en', { sensitivity: 'base' })));
    expect(names.length).toBe(5);
  });

  it('returns only the requested fields, slug always', async () => {
    const r = await page('fields=name,countries&per_page=1');
    expect(Object.keys(r.body.data[0]).sort()).toEqual(['countries', 'name', 'slug']);
  });
});
