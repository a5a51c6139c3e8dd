/**
 * While the self-hosted runtime serves, `Response` in its process is srvx's FastResponse
 * (src/runtime/site-server.ts): answers a function builds are written straight to Node. It must
 * stay a drop-in for the platform's class — `instanceof Response`, headers a function changes
 * after building, a streamed body, a body read back — and the platform's class must be back once
 * the last server closes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSiteServer } from '../../src/runtime/site-server.ts';

const platform = globalThis.Response;
const dir = mkdtempSync(join(tmpdir(), 'sd-fast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('responses while the self-hosted runtime serves', () => {
  it('behave as the platform’s, and the platform’s class is back after the last server closes', async () => {
    writeFileSync(join(dir, 'netlify.toml'), '[build]\n  publish = "public"\n[functions]\n  directory = "functions"\n');
    mkdirSync(join(dir, 'public'), { recursive: true });
    mkdirSync(join(dir, 'functions'));
    writeFileSync(
      join(dir, 'functions', 'kinds.mjs'),
      `export default async (req) => {
  const kind = new URL(req.url).searchParams.get('kind');
  if (kind === 'mutated') { const r = new Response('{"a":1}', { headers: { 'Content-Type': 'application/json' } }); r.headers.set('X-Added', 'later'); return r; }
  if (kind === 'stream') return new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('one,')); c.enqueue(new TextEncoder().encode('two')); c.close(); } }), { headers: { 'Content-Type': 'text/csv' } });
  if (kind === 'bytes') return new Response(new TextEncoder().encode('é bytes'), { status: 201, headers: [['X-Twice', 'a'], ['X-Twice', 'b']] });
  if (kind === 'read') { const inner = new Response('read back'); return new Response((await inner.text()).toUpperCase()); }
  return Response.json({ isResponse: new Response('x') instanceof Response });
};
export const config = { path: '/kinds' };
`,
    );
    const first = await startSiteServer({ root: dir, port: 0, log: () => undefined, schedules: false });
    const second = await startSiteServer({ root: dir, port: 0, log: () => undefined, schedules: false });
    try {
      expect(globalThis.Response).not.toBe(platform);
      expect(new Response('x')).toBeInstanceOf(platform);
      const get = (kind: string) => fetch(`${first.url}/kinds?kind=${kind}`);
      expect(await (await get('json')).json()).toEqual({ isResponse: true });
      const mutated = await get('mutated');
      expect(mutated.headers.get('x-added')).toBe('later');
      expect(await mutated.json()).toEqual({ a: 1 });
      const stream = await get('stream');
      expect([stream.headers.get('content-type'), await stream.text()]).toEqual(['text/csv', 'one,two']);
      const bytes = await get('bytes');
      expect([bytes.status, bytes.headers.get('x-twice'), await bytes.text()]).toEqual([201, 'a, b', 'é bytes']);
      expect(await (await get('read')).text()).toBe('READ BACK');
      await first.close();
      expect(globalThis.Response, 'another server still runs').not.toBe(platform);
    } finally {
      await first.close();
      await second.close();
    }
    expect(globalThis.Response).toBe(platform);
  });
});
