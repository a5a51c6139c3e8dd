/**
 * The happy path: an application becomes exactly the pull request Decap CMS's editorial workflow
 * expects, with the fewest GitHub calls, a file the content build accepts, and no personal data
 * anywhere but the encrypted bundle.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEntryFile, encodeEntryFile } from '../../src/content/entry-file.ts';
import { parseFrontMatter } from '../../src/content/front-matter.ts';
import { decryptContact } from '../../src/join/store/contact-encryption.ts';
import { entrySchema } from '../../src/schema/entry.ts';
import { joinReceiptSchema, joinStatusSchema } from '../../src/schema/join.ts';
import { validApplication } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
afterEach(async () => h?.close());

const CONTACT = validApplication().contact as Record<string, string>;

function expectNoPersonalData(text: string) {
  for (const value of Object.values(CONTACT)) expect(text).not.toContain(value);
}

describe('an application opens a Decap-shaped pull request', () => {
  it('makes exactly get ref, create tree, create commit, create ref, create pull request, add labels', async () => {
    h = await joinHarness();
    const gh = h.github!;
    const base = gh.headOf('main')!;
    const r = await h.post({ ...validApplication(), form_token: h.token() });

    expect(r.status).toBe(201);
    expect(joinReceiptSchema.safeParse(r.body).success).toBe(true);
    const reference: string = r.body.reference;
    expect(r.body).toMatchObject({
      state: 'pull_request_opened',
      repeated: false,
      pull_request: { number: 1, url: 'https://github.com/labour-network/directory/pull/1' },
    });
    expect(r.headers.get('location')).toBe(`https://directory.example/api/v1/join/${reference}`);

    const repo = '/repos/labour-network/directory';
    expect(gh.calls()).toEqual([
      `GET ${repo}/git/ref/heads/main`,
      `POST ${repo}/git/trees`,
      `POST ${repo}/git/commits`,
      `POST ${repo}/git/refs`,
      `POST ${repo}/pulls`,
      `POST ${repo}/issues/1/labels`,
    ]);
    expect(gh.unexpected).toEqual([]);
    expect(gh.requests.every((q) => q.headers.authorization === `token ${h.github && 'ghp_standintoken000000000000000000000000'}`)).toBe(true);

    const [, tree, commit, ref, pull, labels] = gh.requests.map((q) => q.body as Record<string, any>);
    const file = tree!.tree[0].content as string;
    expect(tree).toEqual({ base_tree: base, tree: [{ path: 'content/groups/sintraho.md', mode: '100644', type: 'blob', content: file }] });
    // The file is what the content build reads back into a valid entry, written by the one encoder.
    const parsed = parseFrontMatter(file);
    const decoded = decodeEntryFile(parsed.data, parsed.body);
    expect(decoded.problems).toEqual([]);
    const entry = entrySchema.parse(decoded.value);
    expect(file).toBe(encodeEntryFile(entry));
    expect(entry).toMatchObject({
      slug: 'sintraho',
      name: 'Sindicato de Trabajadoras del Hogar',
      network_relation: 'none',
      created: '2026-03-01',
      updated: '2026-03-01',
      sources: [{ title: `Join application ${reference}, received 2026-03-01` }],
      purpose: { es: 'Organizamos a las trabajadoras del hogar **sin patrones**.\n\nSegunda línea.' },
    });
    const treeSha = (gh.requests[1]!.status === 201 && gh.commit(gh.headOf('cms/groups/sintraho')!)!.tree) as string;
    expect(commit).toEqual({ message: `Create groups “sintraho”\n\nJoin-Reference: ${reference}\n`, tree: treeSha, parents: [base] });
    expect(ref).toEqual({ ref: 'refs/heads/cms/groups/sintraho', sha: gh.headOf('cms/groups/sintraho') });
    expect(pull).toEqual({
      title: 'Create groups “sintraho”',
      head: 'cms/groups/sintraho',
      base: 'main',
      body: expect.stringContaining(`## Join application ${reference}`),
    });
    expect(labels).toEqual({ labels: ['decap-cms/pending_review', 'join-request'] });

    // What the CMS will find: one added file on the branch, an open labelled pull request.
    expect(gh.changedPaths('main', 'cms/groups/sintraho')).toEqual(['content/groups/sintraho.md']);
    expect(gh.pulls).toHaveLength(1);
    expect(gh.pulls[0]).toMatchObject({ state: 'open', labels: ['decap-cms/pending_review', 'join-request'] });

    // Contact details: in no request to GitHub, in no log line; encrypted in the store for the editors.
    expectNoPersonalData(JSON.stringify(gh.requests.map((q) => q.body)));
    expectNoPersonalData(h.log.lines.join('\n'));
    const armored = await h.store.getContact(reference);
    expect(armored).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);
    expectNoPersonalData(armored!);
    expectNoPersonalData(JSON.stringify(await h.store.get(reference)));
    const bundle = await decryptContact(armored!, [h.identity]);
    expect(bundle.contact).toEqual(CONTACT);
    expect(bundle.consent).toEqual({ given_at: '2026-03-01T12:00:30.000Z', lang: 'en' });
  });

  it('answers the status of the application without personal data', async () => {
    h = await joinHarness();
    const r = await h.post({ ...validApplication(), form_token: h.token() });
    const status = await h.runtime.status(new Request(`https://directory.example/api/v1/join/${r.body.reference}`));
    const body = await status.json();
    expect(status.status).toBe(200);
    expect(joinStatusSchema.parse(body)).toEqual({
      reference: r.body.reference,
      state: 'pull_request_opened',
      received_at: '2026-03-01T12:00:30.000Z',
      updated_at: '2026-03-01T12:00:30.000Z',
      pull_request: { number: 1, url: 'https://github.com/labour-network/directory/pull/1' },
    });
    expectNoPersonalData(JSON.stringify(body));
  });

  it('authenticates as a GitHub App installation when configured so', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    h = await joinHarness({
      standIn: { token: 'not-this-one', app: { id: '4242', installationId: 77, publicKey } },
      env: { GITHUB_TOKEN: '', GITHUB_APP_ID: '4242', GITHUB_APP_INSTALLATION_ID: '77', GITHUB_APP_PRIVATE_KEY: pem.replace(/\n/g, '\\n') },
    });
    const r = await h.post({ ...validApplication(), form_token: h.token() });
    expect(r.status).toBe(201);
    const calls = h.github!.calls();
    expect(calls[0]).toBe('POST /app/installations/77/access_tokens');
    expect(calls.slice(1)).toHaveLength(6);
    expect(h.github!.requests.slice(1).every((q) => String(q.headers.authorization).startsWith('token ghs_'))).toBe(true);
  });
});
