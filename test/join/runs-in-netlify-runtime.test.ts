/**
 * The real function files, bundled and served by Netlify's own local runtime (@netlify/dev), as
 * `npm start` runs them: the page with its token, a submission delivered to a (temporary) local
 * repository, its status, a plain form post's redirect, the thank-you page, and the scheduled
 * delivery. Its Blobs store is a fresh one, removed afterwards.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { NetlifyDev } from '@netlify/dev';
import { startNetlifyRuntime } from '../support/netlify-runtime.ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { issueFormToken, verifyFormToken } from '../../src/join/intake/form-token.ts';
import { editorKeys, seededRandom, tempRepo } from '../support/join-harness.ts';
import { validApplication } from '../support/join-fixtures.ts';

const root = join(import.meta.dirname, '..', '..');
const SECRET = 'netlify-dev-test-secret-0123456789abcdef';
const STORE = `join-test-${process.pid}`;
let dev: NetlifyDev;
let repo: string;

beforeAll(async () => {
  repo = tempRepo();
  vi.stubEnv('JOIN_LOCAL_REPOSITORY', repo);
  vi.stubEnv('JOIN_STORE', STORE);
  vi.stubEnv('JOIN_FORM_SECRET', SECRET);
  vi.stubEnv('JOIN_CONTACT_PUBLIC_KEY', (await editorKeys()).recipient);
  for (const name of ['GITHUB_REPOSITORY', 'GITHUB_TOKEN', 'GITHUB_APP_ID', 'GITHUB_APP_PRIVATE_KEY', 'GITHUB_APP_INSTALLATION_ID']) vi.stubEnv(name, '');
  dev = await startNetlifyRuntime(root, { skipGitignore: true });
}, 120_000);

afterAll(async () => {
  await dev?.stop();
  vi.unstubAllEnvs();
  for (const dir of ['entries', 'metadata']) rmSync(join(root, '.netlify', 'blobs-serve', dir, '0', STORE), { recursive: true, force: true });
  rmSync(repo, { recursive: true, force: true });
});

async function call(path: string, init?: RequestInit) {
  const result = await dev.handleAndIntrospect(new Request(`http://localhost:8888${path}`, init));
  if (!result) throw new Error(`no route answered ${path}`);
  return { type: result.type, status: result.response.status, headers: result.response.headers, text: await result.response.text() };
}

// Each function is bundled (esbuild) on its first request: allow for a loaded machine.
describe('the join functions in the Netlify runtime', { timeout: 120_000 }, () => {
  it('serve the form with a signed token', async () => {
    const r = await call('/fr/join');
    expect(r.type).toBe('function');
    expect(r.status).toBe(200);
    expect(r.text).toContain('<html lang="fr">');
    const token = /name="form_token" value="([^"]+)"/.exec(r.text)![1]!;
    expect(verifyFormToken(token, { secret: SECRET }, new Date(Date.now() + 10_000)).ok).toBe(true);
  });

  it('deliver a submission to the local repository and tell its status', async () => {
    const token = issueFormToken(SECRET, new Date(Date.now() - 30_000), seededRandom(21));
    const r = await call('/api/v1/join', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ ...validApplication(), form_token: token }),
    });
    expect(r.type).toBe('function');
    expect(r.status).toBe(201);
    const { reference } = JSON.parse(r.text);
    expect(execFileSync('git', ['config', 'branch.cms/groups/sintraho.description'], { cwd: repo, encoding: 'utf8' }).trim()).toBe('decap-cms/pending_review');
    const status = await call(`/api/v1/join/${reference}`);
    expect(status.type).toBe('function');
    expect(JSON.parse(status.text)).toMatchObject({ reference, state: 'pull_request_opened' });
    const wrong = await call('/api/v1/join', { method: 'GET' });
    expect(wrong.status).toBe(405);
  });

  it('redirect a plain form post to the thank-you page', async () => {
    const token = issueFormToken(SECRET, new Date(Date.now() - 30_000), seededRandom(22));
    const form = new URLSearchParams({
      form_token: token,
      lang: 'en',
      homepage: '',
      name: 'Riders Union Bristol',
      'summary.en': 'Couriers organising in Bristol.',
      website: 'https://riders-bristol.example.org',
      'contact.name': 'Sam',
      'contact.email': 'sam@example.net',
      consent: 'true',
    });
    const r = await call('/api/v1/join', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form, redirect: 'manual' });
    expect(r.status).toBe(303);
    const location = r.headers.get('location')!;
    expect(location).toMatch(/^\/join\/thanks\?reference=/);
    const thanks = await call(location);
    expect(thanks.status).toBe(200);
    expect(thanks.text).toContain('Your application is waiting for review');
  });

  it('run the scheduled delivery', async () => {
    const r = await call('/.netlify/functions/join-deliver-scheduled', { method: 'POST' });
    expect(r.type).toBe('function');
    expect(r.status).toBeLessThan(300);
  });
});
