/**
 * The commands people run: `npm run join:deliver` (operator: deliver the queue now, list it) and
 * `npm run join:contacts` (editors: read, then forget, an applicant's contact details), against
 * the local store `npm start` keeps in .netlify/blobs-serve — in a temporary repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJoinConfig } from '../../src/join/config.ts';
import { issueFormToken } from '../../src/join/intake/form-token.ts';
import { createJoinRuntime } from '../../src/join/wire.ts';
import { contactsCommand } from '../../scripts/join-contacts.ts';
import { deliverCommand } from '../../scripts/join-deliver.ts';
import { joinFixtureArtefact, validApplication } from '../support/join-fixtures.ts';
import { recordingLog, seededRandom, tempRepo, testClock } from '../support/join-harness.ts';

let repo: string;
let reference: string;
const captured = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) } };
};

beforeAll(async () => {
  repo = tempRepo();
  // What `npm start` leaves behind: an application queued because delivery failed (here, a base branch that does not exist).
  const server = new BlobsServer({ directory: join(repo, '.netlify', 'blobs-serve'), token: 't' });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  const clock = testClock();
  const runtime = createJoinRuntime(loadJoinConfig({ JOIN_LOCAL_REPOSITORY: repo, GITHUB_BASE_BRANCH: 'trunk' }), {
    artefact: joinFixtureArtefact,
    openStore: (name) => getStore({ name, siteID: '0', token: 't', edgeURL: url, uncachedEdgeURL: url, consistency: 'strong' }),
    clock,
    log: recordingLog(),
  });
  const token = issueFormToken('local-development-only: not a secret, never used in production', clock(), seededRandom(9));
  clock.advance(60_000);
  const r = await runtime.submit(
    new Request('https://localhost/api/v1/join', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ ...validApplication(), form_token: token }),
    }),
  );
  const body = await r.json();
  expect(body.state).toBe('queued');
  reference = body.reference;
  await server.stop();
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run join:deliver', () => {
  it('lists the queue', async () => {
    const c = captured();
    expect(await deliverCommand(['--list'], { JOIN_LOCAL_REPOSITORY: repo }, c.io, repo)).toBe(0);
    expect(c.out[1]).toMatch(new RegExp(`^${reference} queued attempts 1 local_git_no_base_branch next `));
  });

  it('delivers an application now, then finds nothing left to do', async () => {
    const c = captured();
    expect(await deliverCommand([reference.toLowerCase()], { JOIN_LOCAL_REPOSITORY: repo }, c.io, repo)).toBe(0);
    expect(c.out).toContain(`Opened for review: ${reference}.`);
    expect(execFileSync('git', ['branch', '--list', 'cms/*'], { cwd: repo, encoding: 'utf8' }).trim()).toBe('cms/groups/sintraho');
    const again = captured();
    expect(await deliverCommand(['--all'], { JOIN_LOCAL_REPOSITORY: repo }, again.io, repo)).toBe(0);
    expect(again.out).toContain('Opened for review: none.');
  });

  it('explains its usage and the configuration it misses', async () => {
    const c = captured();
    expect(await deliverCommand(['--everything'], {}, c.io, repo)).toBe(2);
    expect(c.err).toEqual(['usage: npm run join:deliver [-- --all | --list | <REFERENCE>]']);
    const d = captured();
    expect(await deliverCommand([], { GITHUB_REPOSITORY: 'labour-network/directory' }, d.io, repo)).toBe(2);
    expect(d.err[0]).toContain('GITHUB_TOKEN is missing');
  });
});

describe('npm run join:contacts', () => {
  it('prints the contact details with the local editors’ identity', async () => {
    expect(existsSync(join(repo, '.netlify', 'join', 'local-editor-identity.txt'))).toBe(true);
    const c = captured();
    expect(await contactsCommand([reference], { JOIN_LOCAL_REPOSITORY: repo }, c.io, repo)).toBe(0);
    expect(c.out).toEqual([
      `Application ${reference}, received 2026-03-01T12:01:00.000Z`,
      'Name:    Ana Pérez',
      'Email:   ana.perez@example.net',
      'Role:    Secretaria internacional',
      'Consent: given 2026-03-01T12:01:00.000Z (form in en)',
      'Message:\nPodéis llamarme por la tarde.',
    ]);
  });

  it('creates an editor’s key pair, which cannot read what was encrypted for others', async () => {
    const made = captured();
    expect(await contactsCommand(['--new-identity', 'other-identity.txt'], {}, made.io, repo)).toBe(0);
    expect(made.out[0]).toMatch(/^Identity written to other-identity.txt \(keep it private\). Your public key, for JOIN_CONTACT_PUBLIC_KEY:\nage1[0-9a-z]+$/);
    expect(statSync(join(repo, 'other-identity.txt')).mode & 0o777).toBe(0o600);
    const twice = captured();
    expect(await contactsCommand(['--new-identity', 'other-identity.txt'], {}, twice.io, repo)).toBe(2);
    expect(twice.err).toEqual(['other-identity.txt exists already; an identity is never overwritten. Choose another file.']);
    const other = join(repo, 'other-identity.txt');
    const c = captured();
    expect(await contactsCommand([reference, '--identity', other], { JOIN_LOCAL_REPOSITORY: repo }, c.io, repo)).toBe(1);
    expect(c.err[0]).toContain('cannot decrypt these details');
  });

  it('forgets them once the application is decided', async () => {
    const c = captured();
    expect(await contactsCommand(['--forget', reference], { JOIN_LOCAL_REPOSITORY: repo }, c.io, repo)).toBe(0);
    const after = captured();
    expect(await contactsCommand([reference], { JOIN_LOCAL_REPOSITORY: repo }, after.io, repo)).toBe(1);
    expect(after.err[0]).toMatch(new RegExp(`^No contact details for ${reference}`));
  });
});
