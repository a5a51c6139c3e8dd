/**
 * `npm start` (scripts/start.ts) in a fresh clone: it serves the site, the minified admin bundle
 * (no script from a CDN) and decap-server in git mode with the editorial workflow; it rebuilds
 * the directory when the main branch gets a commit; and SIGTERM stops everything it started.
 */
import { writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJoinStore } from '../../src/runtime/join-store.ts';
import { encodeEntryFile } from '../../src/content/entry-file.ts';
import { createApplicationStore } from '../../src/join/store/application-store.ts';
import { entrySchema } from '../../src/schema/entry.ts';
import { startStack, type Stack } from '../support/start-stack.ts';
import { PROJECT_ROOT } from '../support/cms-browser.ts';
import { eventually } from '../support/decap-ui.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ root: PROJECT_ROOT });
});
afterAll(async () => {
  await stack?.stop();
});

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED'; // nobody listens any more
  }
}

describe('npm start', () => {
  it('serves /admin from the npm bundle, minified, with no external script', async () => {
    const html = await (await fetch(`${stack.url}/admin/`)).text();
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(['/admin/cms.js']);
    const js = await (await fetch(`${stack.url}/admin/cms.js`)).text();
    expect(js.length).toBeGreaterThan(1_000_000);
    expect(js.length / js.split('\n').length).toBeGreaterThan(500); // minified: long lines (a readable bundle averages ~40 characters)
    expect(js).not.toMatch(/unpkg\.com|cdn\.jsdelivr|cdnjs/);
    expect(js).toMatch(/publish_mode"?:"editorial_workflow"/);
  });

  it('runs decap-server in git mode with the editorial workflow on the clone', async () => {
    const res = await fetch(stack.decapUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' });
    expect(await res.json()).toMatchObject({ type: 'local_git', publish_modes: ['simple', 'editorial_workflow'] });
  });

  it('rebuilds the directory on every commit to main: the API and the pages serve it', async () => {
    // Twice: the site server must pick up each rebuild, not only the first one.
    for (const [slug, name] of [
      ['committed-by-hand', 'Committed By Hand'],
      ['committed-again', 'Committed Again'],
    ] as const) {
      const entry = entrySchema.parse({
        slug,
        name,
        summary: { en: 'Added with git.' },
        network_relation: 'none',
        created: '2026-11-27',
        updated: '2026-11-27',
      });
      await writeFile(join(stack.repo, 'content', 'groups', `${slug}.md`), encodeEntryFile(entry));
      await stack.git('add', 'content/groups');
      await stack.git('commit', '-q', '-m', `Add ${name} by hand`);
      const served = await eventually(`the API serving ${slug}`, async () => {
        const res = await fetch(`${stack.url}/api/v1/groups/${slug}`);
        return res.ok ? ((await res.json()) as { data: { name: string } }).data : undefined;
      });
      expect(served.name).toBe(name);
      const page = await eventually(`the page of ${slug}`, async () => {
        const res = await fetch(`${stack.url}/groups/${slug}/`);
        return res.ok ? res.text() : undefined;
      });
      expect(page).toContain(name);
    }
  }, 90_000);

  it('lets only this machine’s own pages reach decap-server: a rebinding page’s Host or Origin is refused', async () => {
    const port = Number(new URL(stack.decapUrl).port);
    const ask = (headers: Record<string, string>) =>
      new Promise<number>((done, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, method: 'POST', path: '/api/v1', headers: { 'content-type': 'application/json', ...headers } },
          (res) => {
            res.resume();
            done(res.statusCode ?? 0);
          },
        );
        req.once('error', reject);
        req.end('{"action":"info"}');
      });
    expect(await ask({ host: `evil.example:${port}` })).toBe(403);
    expect(await ask({ host: `localhost:${port}`, origin: 'http://evil.example' })).toBe(403);
    expect(await ask({ host: `127.0.0.1:${port}`, origin: 'null' })).toBe(403);
    expect(await ask({ host: `localhost:${port}`, origin: new URL(stack.url).origin })).toBe(200);
    expect(await ask({ host: `[::1]:${port}` })).toBe(200);
  });

  it('serves every static route with the security headers netlify.toml declares', async () => {
    for (const path of ['/', '/fr/', '/admin/', '/widget-example.html', '/no-such-page']) {
      const res = await fetch(`${stack.url}${path}`);
      await res.arrayBuffer();
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBeTruthy();
      expect(res.headers.get('permissions-policy'), path).toContain('camera=()');
    }
    expect((await fetch(`${stack.url}/admin/`)).headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('keeps join applications where the operator commands look for them', async () => {
    const page = await (await fetch(`${stack.url}/join`)).text();
    const token = /name="form_token" value="([^"]+)"/.exec(page)![1]!;
    await new Promise((r) => setTimeout(r, 3_200)); // the form's minimum fill time
    const application = {
      name: 'Operators Can See This Union',
      summary: { en: 'Stored by the local stack.' },
      contact: { name: 'Ana', email: 'ana@example.net' },
      consent: true,
      form_token: token,
    };
    const res = await fetch(`${stack.url}/api/v1/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(application),
    });
    const { reference } = (await res.json()) as { reference: string };
    expect([201, 202]).toContain(res.status);
    // What `npm run join:deliver` and `join:contacts` open: the store the local stack wrote to.
    const opened = await openJoinStore('join-applications', {}, stack.repo);
    try {
      expect((await createApplicationStore(opened.store).get(reference))?.reference).toBe(reference);
    } finally {
      await opened.close();
    }
  });

  it('stops decap-server and the site server on SIGTERM', async () => {
    await stack.stop();
    expect(await refused(stack.decapUrl)).toBe(true);
    expect(await refused(`${stack.url}/`)).toBe(true);
    expect(stack.output()).not.toMatch(/stopped unexpectedly/);
  });
});
