/**
 * The embedded default: with no GitHub configured, an application becomes a branch of the local
 * repository shaped like Decap's editorial workflow — and decap-server, in git mode, lists it as
 * an unpublished entry waiting for review. The working tree and index are never touched. Always a
 * temporary repository, never the project's own.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEntryFile } from '../../src/content/entry-file.ts';
import { parseFrontMatter } from '../../src/content/front-matter.ts';
import { entrySchema } from '../../src/schema/entry.ts';
import { validApplication } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
let decap: ChildProcess | undefined;
afterEach(async () => {
  if (decap?.pid) process.kill(-decap.pid, 'SIGTERM');
  decap = undefined;
  await h?.close();
});

const git = (...args: string[]) => execFileSync('git', args, { cwd: h.repoPath!, encoding: 'utf8' }).trim();
const snapshot = () => ({
  status: git('status', '--porcelain'),
  head: git('symbolic-ref', 'HEAD'),
  index: createHash('sha1')
    .update(readFileSync(join(h.repoPath!, '.git', 'index')))
    .digest('hex'),
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** decap-server in git mode over the temporary repository; MODE is set explicitly (vitest sets MODE=test). */
async function startDecapServer(repoPath: string) {
  const port = await freePort();
  decap = spawn(process.execPath, [join(import.meta.dirname, '..', '..', 'node_modules', 'decap-server', 'dist', 'index.js')], {
    cwd: repoPath,
    env: { ...process.env, MODE: 'git', GIT_REPO_DIRECTORY: repoPath, PORT: String(port), BIND_HOST: '127.0.0.1', LOG_LEVEL: 'error' },
    detached: true,
    stdio: 'ignore',
  });
  const call = async (action: string, params: Record<string, unknown>) => {
    const r = await fetch(`http://127.0.0.1:${port}/api/v1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action, params }),
    });
    return { status: r.status, body: await r.json() };
  };
  for (let i = 0; ; i++) {
    try {
      await call('info', {});
      break;
    } catch (error) {
      if (i > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return call;
}

describe('delivery to the local repository', () => {
  it('creates branch cms/groups/<slug> with one commit and the workflow status, without touching the working tree', async () => {
    h = await joinHarness({ mode: 'local-git' });
    const before = snapshot();
    const main = git('rev-parse', 'main');
    const r = await h.post({ ...validApplication(), form_token: h.token() });

    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ state: 'pull_request_opened', pull_request: null });
    expect(snapshot()).toEqual(before);
    expect(git('rev-list', '--count', 'main..cms/groups/sintraho')).toBe('1');
    expect(git('rev-parse', 'cms/groups/sintraho^')).toBe(main);
    expect(git('diff', '--name-status', 'main', 'cms/groups/sintraho')).toBe('A\tcontent/groups/sintraho.md');
    expect(git('log', '-1', '--format=%s%n%n%b', 'cms/groups/sintraho')).toBe(`Create groups “sintraho”\n\nJoin-Reference: ${r.body.reference}`);
    expect(git('config', 'branch.cms/groups/sintraho.description')).toBe('decap-cms/pending_review');
    const file = git('show', 'cms/groups/sintraho:content/groups/sintraho.md');
    const parsed = parseFrontMatter(`${file}\n`);
    expect(entrySchema.parse(decodeEntryFile(parsed.data, parsed.body).value)).toMatchObject({ slug: 'sintraho', network_relation: 'none' });
  });

  it('serialises concurrent deliveries and gives a second group with the same wished slug a suffix', async () => {
    h = await joinHarness({ mode: 'local-git' });
    const [a, b] = await Promise.all([
      h.post({ ...validApplication(), form_token: h.token() }),
      h.post({
        ...validApplication({ name: 'Sindicato de Trabajadoras del Hogar de Sevilla', website: 'https://sevilla.example.org' }),
        form_token: h.token(),
      }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(git('branch', '--list', 'cms/*', '--format=%(refname:short)').split('\n').sort()).toEqual(['cms/groups/sintraho', 'cms/groups/sintraho-2']);
    expect(git('config', 'branch.cms/groups/sintraho-2.description')).toBe('decap-cms/pending_review');
  });

  it('is listed by decap-server (git mode) as an unpublished entry waiting for review, and follows the editor’s decision', async () => {
    h = await joinHarness({ mode: 'local-git' });
    const first = await h.post({ ...validApplication(), form_token: h.token() });
    const second = await h.post({
      ...validApplication({ name: 'Red de Cuidadoras', short_name: 'RDC', website: 'https://rdc.example.org' }),
      form_token: h.token(),
    });
    const decapServer = await startDecapServer(h.repoPath!);

    const list = await decapServer('unpublishedEntries', { branch: 'main' });
    expect(list.body.sort()).toEqual(['groups/rdc', 'groups/sintraho']);
    const entry = await decapServer('unpublishedEntry', { branch: 'main', id: 'groups/sintraho' });
    expect(entry.body).toMatchObject({
      collection: 'groups',
      slug: 'sintraho',
      status: 'pending_review',
      diffs: [{ path: 'content/groups/sintraho.md', newFile: true }],
    });
    const data = await decapServer('unpublishedEntryDataFile', {
      branch: 'main',
      collection: 'groups',
      slug: 'sintraho',
      id: 'groups/sintraho',
      path: 'content/groups/sintraho.md',
    });
    expect(data.body.data).toBe(`${git('show', 'cms/groups/sintraho:content/groups/sintraho.md')}\n`);

    // The editor publishes one and deletes the other; the applicants are told.
    expect((await decapServer('publishUnpublishedEntry', { branch: 'main', collection: 'groups', slug: 'sintraho' })).status).toBe(200);
    expect((await decapServer('deleteUnpublishedEntry', { branch: 'main', collection: 'groups', slug: 'rdc' })).status).toBe(200);
    const state = async (reference: string) => (await (await h.runtime.status(new Request(`https://directory.example/api/v1/join/${reference}`))).json()).state;
    expect(await state(first.body.reference)).toBe('accepted');
    expect(await state(second.body.reference)).toBe('declined');
  });
});
