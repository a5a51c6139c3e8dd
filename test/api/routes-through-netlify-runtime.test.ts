/**
 * The functions as Netlify routes them: the real function files, bundled and served by Netlify's
 * own local runtime (@netlify/dev), over the artefact that `npm test`'s pretest build wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { NetlifyDev } from '@netlify/dev';
import { startNetlifyRuntime } from '../support/netlify-runtime.ts';
import { realContent } from '../support/real-content.ts';

const root = join(import.meta.dirname, '..', '..');
let dev: NetlifyDev;

beforeAll(async () => {
  dev = await startNetlifyRuntime(root);
});
afterAll(async () => {
  await dev?.stop();
});

async function get(path: string, init?: RequestInit) {
  const result = await dev.handleAndIntrospect(new Request(`http://localhost:8888${path}`, init));
  if (!result) throw new Error(`no route answered ${path}`);
  const text = await result.response.text();
  return { type: result.type, status: result.response.status, headers: result.response.headers, body: text ? JSON.parse(text) : undefined };
}

describe('routing through the Netlify runtime', { timeout: 180_000 }, () => {
  it('routes /api/v1/groups with its query to the groups function', async () => {
    const r = await get('/api/v1/groups?country=FR&fields=name');
    expect(r.type).toBe('function');
    expect(r.status).toBe(200);
    const inFrance = (await realContent()).content.entries.filter((e) => e.countries?.includes('FR')).map((e) => e.slug);
    expect(inFrance).toEqual(expect.arrayContaining(['cnt-so', 'solidaires']));
    expect(r.body.data.map((d: { slug: string }) => d.slug).sort()).toEqual(inFrance.sort());
  });

  it('routes /api/v1/groups/{slug} and answers an unknown one with a JSON 404', async () => {
    const ok = await get('/api/v1/groups/ilnss');
    expect(ok.type).toBe('function');
    expect(ok.body.data.name).toBe('International Labour Network of Solidarity and Struggle');
    expect(ok.body.data.related.length).toBeGreaterThan(0);
    const missing = await get('/api/v1/groups/no-such-group');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('routes taxonomies, the OpenAPI document and the entry JSON Schema', async () => {
    expect((await get('/api/v1/taxonomies')).body.data.subjects.length).toBeGreaterThan(10);
    expect((await get('/api/v1/openapi.json')).body.openapi).toBe('3.1.0');
    expect((await get('/api/v1/schemas/entry.json')).body.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('keeps 400, 405 and 304 intact through the runtime', async () => {
    expect((await get('/api/v1/groups?per_page=1000')).status).toBe(400);
    const post = await get('/api/v1/groups', { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const first = await get('/api/v1/groups?subject=education');
    const again = await dev.handle(
      new Request('http://localhost:8888/api/v1/groups?subject=education', { headers: { 'If-None-Match': first.headers.get('etag')! } }),
    );
    expect(again?.status).toBe(304);
  });
});
