/**
 * The editors' desk hands out ciphertexts only to editors: in production, a GitHub token with write
 * (push) access to the repository, checked with one GitHub call and remembered briefly; under
 * `npm start`, a request from this machine. Against the GitHub stand-in: 200 with push, 200
 * without push (403), a refused token (401), GitHub failing (503, honestly, and not remembered).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { decryptContact } from '../../src/join/store/contact-encryption.ts';
import { t } from '../../src/i18n/index.ts';
import { fixtureFiles, validApplication, validCorrection } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
afterEach(async () => h?.close());

const EDITOR = 'gho_editor0000000000000000000000000000000';
const READER = 'gho_reader0000000000000000000000000000000';
const REPO_CALL = 'GET /repos/labour-network/directory';

const users = {
  [EDITOR]: { login: 'secretary', permissions: { admin: false, maintain: false, push: true, triage: true, pull: true } },
  [READER]: { login: 'visitor', permissions: { admin: false, maintain: false, push: false, triage: false, pull: true } },
};

async function list(token?: string, init: { ip?: string; url?: string } = {}) {
  const response = await h.runtime.applications(
    new Request(init.url ?? 'https://directory.example/api/v1/applications', { headers: token ? { Authorization: `token ${token}` } : {} }),
    init.ip,
  );
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describe('the applications list, on GitHub', () => {
  it('gives an editor every application and correction with its ciphertext, which only an editor’s identity opens', async () => {
    h = await joinHarness({ standIn: { users, files: fixtureFiles() } });
    const joined = await h.post({ ...validApplication(), form_token: h.token() });
    h.clock.advance(60_000);
    const corrected = await h.correct('sud-rail', { ...validCorrection({ website: 'https://sudrail.fr/' }), form_token: h.token() });
    expect([joined.status, corrected.status]).toEqual([201, 201]);
    h.github!.clearRequests();

    const r = await list(EDITOR);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    expect(h.github!.calls()).toEqual([REPO_CALL]);
    expect(r.body.data.map((a: any) => [a.kind, a.name, a.state])).toEqual([
      ['correction', 'SUD-Rail', 'pull_request_opened'],
      ['join', 'Sindicato de Trabajadoras del Hogar', 'pull_request_opened'],
    ]);
    const [correction, application] = r.body.data;
    expect(application).toMatchObject({ reference: joined.body.reference, slug: 'sintraho', pull_request: { number: 1 }, possible_duplicates: [] });
    expect(correction).toMatchObject({ slug: 'sud-rail', changes: [{ field: 'website', to: 'https://sudrail.fr/' }], speaks_for_group: true });
    // Ciphertext only: no contact detail in the answer, and the editor's identity opens it.
    const text = JSON.stringify(r.body);
    expect(text).not.toContain('ana.perez@example.net');
    expect(application.contact.ciphertext).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);
    expect((await decryptContact(application.contact.ciphertext, [h.identity])).contact.email).toBe('ana.perez@example.net');

    // Asked again within the minute: no second GitHub call.
    expect((await list(EDITOR)).status).toBe(200);
    expect(h.github!.calls()).toEqual([REPO_CALL]);
    expect(h.log.lines.join('\n')).not.toContain(EDITOR);
  });

  it('refuses a reader (403), a refused token (401) and a missing one (401), and says why', async () => {
    h = await joinHarness({ standIn: { users } });
    const reader = await list(READER);
    expect(reader.status).toBe(403);
    expect(reader.body.error).toEqual({ code: 'forbidden', message: t('en', 'api.editor.noPush') });
    const stranger = await list('gho_unknown000000000000000000000000000000');
    expect(stranger.status).toBe(401);
    expect(stranger.body.error.message).toBe(t('en', 'api.editor.badToken'));
    const none = await list();
    expect(none.status).toBe(401);
    expect(none.body.error.message).toBe(t('en', 'api.editor.noToken'));
    expect(h.github!.calls()).toEqual([REPO_CALL, REPO_CALL]); // no call without a token
    for (const r of [reader, stranger, none]) expect(JSON.stringify(r.body)).not.toMatch(/gho_/);
    // In the editor's language (the Applications page asks with ?lang=); the code stays the same.
    const german = await list(READER, { url: 'https://directory.example/api/v1/applications?lang=de' });
    expect(german.body.error).toEqual({ code: 'forbidden', message: t('de', 'api.editor.noPush') });
    expect(german.body.error.message).toMatch(/^Dein GitHub-Konto/);
  });

  it('answers 503 with an honest message when GitHub fails, and asks again next time', async () => {
    h = await joinHarness({ standIn: { users } });
    h.github!.inject({ method: 'GET', path: '/repos/labour-network/directory', times: 3, fault: { kind: 'server-error', status: 502 } });
    const down = await list(EDITOR);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('60');
    expect(down.body.error).toEqual({ code: 'upstream_unavailable', message: t('en', 'api.editor.githubDown') });
    h.github!.clearFaults();
    expect((await list(EDITOR)).status).toBe(200);

    h.github!.inject({ method: 'GET', path: '/repos/labour-network/directory', fault: { kind: 'connection-reset' } });
    expect((await list(READER)).status).toBe(503);
    expect(h.log.lines.join('\n')).not.toMatch(/gho_/);
  });

  it('lets an editor forget an application’s contact details', async () => {
    h = await joinHarness({ standIn: { users } });
    const joined = await h.post({ ...validApplication(), form_token: h.token() });
    const forget = (token: string) =>
      h.runtime.applications(
        new Request(`https://directory.example/api/v1/applications/${joined.body.reference}/contact`, {
          method: 'DELETE',
          headers: { Authorization: `token ${token}` },
        }),
      );
    expect((await forget(READER)).status).toBe(403);
    expect(await h.store.getContact(joined.body.reference)).not.toBeNull();
    expect((await forget(EDITOR)).status).toBe(204);
    expect(await h.store.getContact(joined.body.reference)).toBeNull();
    expect((await list(EDITOR)).body.data[0].contact).toBeNull();
  });
});

describe('the applications list, under npm start (no GitHub)', () => {
  it('answers requests from this machine to localhost, and nobody else', async () => {
    h = await joinHarness({ mode: 'local-git', repoFiles: fixtureFiles() });
    await h.post({ ...validApplication(), form_token: h.token() });
    const local = await list(undefined, { ip: '127.0.0.1', url: 'http://localhost:8888/api/v1/applications' });
    expect(local.status).toBe(200);
    expect(local.body.data).toHaveLength(1);
    expect((await list(undefined, { ip: '::1', url: 'http://127.0.0.1:8888/api/v1/applications' })).status).toBe(200);
    expect((await list(undefined, { ip: '192.168.1.20', url: 'http://localhost:8888/api/v1/applications' })).status).toBe(403);
    // A page that rebinds its own domain to 127.0.0.1 still sends its own Host.
    expect((await list(undefined, { ip: '127.0.0.1', url: 'http://evil.example:8888/api/v1/applications' })).status).toBe(403);
    expect((await list(undefined, { url: 'http://localhost:8888/api/v1/applications' })).status).toBe(403);
  });
});
