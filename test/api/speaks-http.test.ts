import { describe, expect, it } from 'vitest';
import { createGroupEndpoint, createGroupsEndpoint, createTaxonomiesEndpoint } from '../../src/api/read-endpoints.ts';
import { call, fixtureDirectory } from '../support/fixture-directory.ts';

const dir = fixtureDirectory();
const groups = createGroupsEndpoint(dir);
const group = createGroupEndpoint(dir);
const taxonomies = createTaxonomiesEndpoint(dir);

describe('HTTP that partner sites and CDNs expect', () => {
  it('revalidates with ETag and If-None-Match → 304 without a body', async () => {
    const first = await call(groups, '/api/v1/groups?country=FR');
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(/^"[\w-]+\.[\w-]+"$/);
    const again = await groups(new Request('http://directory.test/api/v1/groups?country=fr', { headers: { 'If-None-Match': `W/${tag}, "other"` } }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    const other = await call(groups, '/api/v1/groups?country=ES', { headers: { 'If-None-Match': tag } });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(tag);
  });

  it('gives the same ETag to equivalent queries and a different one per language', async () => {
    const a = await call(groups, '/api/v1/groups?country=FR,ES&page=1');
    const b = await call(groups, '/api/v1/groups?country=es&country=fr');
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
    const fr = await call(groups, '/api/v1/groups?country=FR,ES', { headers: { 'Accept-Language': 'fr' } });
    expect(fr.headers.get('etag')).not.toBe(a.headers.get('etag'));
  });

  it('changes every ETag when the content changes', async () => {
    const changed = createGroupsEndpoint(fixtureDirectory(fixtureDirectoryEntriesWithout('climate-unionists')));
    const a = await call(groups, '/api/v1/groups');
    const b = await call(changed, '/api/v1/groups');
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
  });

  it('answers CORS preflights and sends CORS headers on answers and errors', async () => {
    const pre = await groups(
      new Request('http://directory.test/api/v1/groups', {
        method: 'OPTIONS',
        headers: { Origin: 'https://union.example', 'Access-Control-Request-Method': 'GET' },
      }),
    );
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
    const ok = await call(groups, '/api/v1/groups', { headers: { Origin: 'https://union.example' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(ok.headers.get('access-control-expose-headers')).toContain('ETag');
    const bad = await call(groups, '/api/v1/groups?page=x');
    expect(bad.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sends browser and CDN cache headers that vary on the parameters that matter', async () => {
    const r = await call(groups, '/api/v1/groups');
    // Private in browsers: the answer depends on Accept-Language, which only Netlify's key holds.
    expect(r.headers.get('cache-control')).toBe('private, max-age=60, must-revalidate');
    expect(r.headers.get('netlify-cdn-cache-control')).toContain('durable');
    expect(r.headers.get('netlify-cdn-cache-control')).toContain('stale-while-revalidate');
    // Every parameter is in the CDN key (an unknown one is a 400), the language as negotiated,
    // and no raw Accept-Language (Netlify puts Vary's headers in the key).
    expect(r.headers.get('netlify-vary')).toBe('query,language=en|fr|es|pt|it|de');
    expect(r.headers.get('vary')).toBeNull();
    const err = await call(groups, '/api/v1/groups?page=x');
    expect(err.headers.get('cache-control')).toBe('no-store');
    expect(err.headers.get('netlify-cdn-cache-control')).toBeNull();
    const unknown = await call(groups, '/api/v1/groups?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('netlify-cdn-cache-control')).toBeNull();
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s with 405 and Allow', async (method) => {
    for (const [handler, path] of [
      [groups, '/api/v1/groups'],
      [group, '/api/v1/groups/solidaires'],
      [taxonomies, '/api/v1/taxonomies'],
    ] as const) {
      const r = await call(handler, path, { method });
      expect(r.status).toBe(405);
      expect(r.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect(r.body.error.code).toBe('method_not_allowed');
    }
  });

  it('answers an unknown or malformed slug with a JSON 404', async () => {
    for (const path of ['/api/v1/groups/no-such-group', '/api/v1/groups/..%2F..%2Fetc', '/api/v1/groups/%E0%A4%A', '/api/v1/groups/UPPER']) {
      const r = await call(group, path);
      expect(r.status, path).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
  });

  it('serves the taxonomies with labels and counts', async () => {
    const r = await call(taxonomies, '/api/v1/taxonomies?lang=fr');
    expect(r.status).toBe(200);
    expect(r.body.data.subjects.find((s: { slug: string }) => s.slug === 'education')).toMatchObject({ label: 'Éducation', count: 2 });
    expect(r.body.data.countries.find((c: { code: string }) => c.code === 'DE')).toBeUndefined();
    expect(r.body.data.countries.find((c: { code: string }) => c.code === 'ES')).toEqual({ code: 'ES', label: 'Espagne', count: 2 });
    expect(r.body.data.relations.map((x: { value: string }) => x.value)).toEqual(['founding_member', 'member', 'participant', 'observer', 'none']);
  });
});

import { fixtureEntries } from '../support/fixture-directory.ts';
function fixtureDirectoryEntriesWithout(slug: string) {
  return fixtureEntries.filter((e) => e.slug !== slug);
}
