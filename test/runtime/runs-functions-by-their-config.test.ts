/**
 * The self-hosted runtime honours what a function declares in `config`: its paths (URLPattern,
 * `context.params`), `excludedPath`, `method`, `preferStatic`, its rate limit (429 with
 * Retry-After past `windowLimit` per client address, counted per function) and its schedule
 * (invoked as Netlify invokes a scheduled function: a POST carrying `next_run`, in UTC).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer, type SiteServer } from '../../src/runtime/site-server.ts';

let dir: string;
let server: SiteServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sd-fn-config-'));
  writeFileSync(join(dir, 'netlify.toml'), '[build]\n  publish = "public"\n[functions]\n  directory = "functions"\n');
  mkdirSync(join(dir, 'public', 'static'), { recursive: true });
  writeFileSync(join(dir, 'public', 'static', 'here.html'), 'a file');
  mkdirSync(join(dir, 'functions'));
  const fn = (config: string, body = '(req, ctx) => Response.json({ params: ctx.params, method: req.method, path: new URL(req.url).pathname })') =>
    `export default ${body};\nexport const config = ${config};\n`;
  writeFileSync(join(dir, 'functions', 'items.mjs'), fn("{ path: ['/items/:id', '/things/:kind/:id?'], excludedPath: '/items/secret' }"));
  writeFileSync(join(dir, 'functions', 'writes.mjs'), fn("{ path: '/writes', method: ['POST'] }"));
  writeFileSync(join(dir, 'functions', 'static-first.mjs'), fn("{ path: '/static/*', preferStatic: true }"));
  writeFileSync(
    join(dir, 'functions', 'limited.mjs'),
    fn("{ path: '/limited', rateLimit: { windowLimit: 3, windowSize: 60, aggregateBy: ['ip', 'domain'] } }"),
  );
  writeFileSync(
    join(dir, 'functions', 'nightly.mjs'),
    fn(
      "{ schedule: '0 3 * * *' }",
      'async (req) => { globalThis.__ran = [...(globalThis.__ran ?? []), [req.method, req.headers.get("x-nf-event"), await req.text()].join(" ")]; }',
    ),
  );
  server = await startSiteServer({ root: dir, port: 0, log: () => undefined });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string, init?: RequestInit) => {
  const r = await fetch(server.url + path, init);
  return { status: r.status, headers: r.headers, body: await r.text() };
};

describe('functions by their config', () => {
  it('routes by path with params, and not on an excluded path', async () => {
    expect(JSON.parse((await get('/items/42')).body)).toMatchObject({ params: { id: '42' }, path: '/items/42' });
    expect(JSON.parse((await get('/things/book/7/')).body).params).toEqual({ kind: 'book', id: '7' });
    expect(JSON.parse((await get('/things/book')).body).params).toEqual({ kind: 'book' });
    expect((await get('/items/secret')).status).toBe(404);
  });

  it('answers only the declared methods', async () => {
    expect((await get('/writes', { method: 'POST', body: 'x' })).status).toBe(200);
    expect((await get('/writes')).status).toBe(404);
  });

  it('serves an existing file first when the function prefers static', async () => {
    expect((await get('/static/here.html')).body).toBe('a file');
    expect(JSON.parse((await get('/static/other')).body).path).toBe('/static/other');
  });

  it('refuses past the rate limit with 429 and Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await get('/limited')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await get('/limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(refused.body).error.code).toBe('rate_limited');
    expect((await get('/items/1')).status).toBe(200); // another function: its own (no) limit
  });

  it('schedules a scheduled function in UTC and invokes it as Netlify does', async () => {
    const [nightly] = server.schedules()!.next();
    expect(nightly).toMatchObject({ name: 'nightly', schedule: '0 3 * * *' });
    expect(nightly!.next!.getUTCHours()).toBe(3);
    expect(nightly!.next!.getTime()).toBeGreaterThan(Date.now());
    await server.schedules()!.run('nightly');
    const calls = (globalThis as { __ran?: string[] }).__ran ?? [];
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^POST schedule \{"next_run":"\d{4}-\d\d-\d\dT03:00:00.000Z"\}$/);
    expect((await get('/.netlify/functions/nightly')).status).toBe(404); // not reachable by URL, as on Netlify
  });
});
