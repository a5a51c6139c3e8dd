/**
 * Idempotency: a retried or double-clicked submission never opens a second pull request, and
 * neither does a delivery resumed after GitHub did something the pipeline never heard about.
 */
import { referenceSlug } from '../../src/join/intake/build-entry.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { validApplication } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
afterEach(async () => h?.close());

const REPO = '/repos/labour-network/directory';

describe('one form, one pull request', () => {
  it('answers a repeated submission with the first one’s reference and state, creating nothing', async () => {
    h = await joinHarness();
    const token = h.token();
    const first = await h.post({ ...validApplication(), form_token: token });
    h.github!.clearRequests();
    const again = await h.post({ ...validApplication({ summary: { en: 'Edited after sending.' } }), form_token: token });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ reference: first.body.reference, state: 'pull_request_opened', repeated: true });
    expect(h.github!.requests).toEqual([]);
    expect(h.github!.pulls).toHaveLength(1);
  });

  it('opens one pull request for a double click', async () => {
    h = await joinHarness();
    const token = h.token();
    const answers = await Promise.all([h.post({ ...validApplication(), form_token: token }), h.post({ ...validApplication(), form_token: token })]);
    expect(new Set(answers.map((a) => a.body.reference)).size).toBe(1);
    expect(answers.map((a) => a.status).sort()).toContain(201);
    // Both may have raced into GitHub; the second recognises the first's branch and pull request.
    await h.runtime.drain(5_000);
    expect(h.github!.pulls).toHaveLength(1);
    expect(h.github!.branches().filter((b) => b.startsWith('cms/'))).toEqual(['cms/groups/sintraho']);
  });

  it('finds the pull request GitHub opened while the answer timed out, instead of opening another', async () => {
    h = await joinHarness({ budgetMs: 1_500 });
    const gh = h.github!;
    gh.inject({ method: 'POST', path: `${REPO}/pulls`, fault: { kind: 'slow', ms: 1_800 } });
    const r = await h.post({ ...validApplication(), form_token: h.token() });
    expect(r.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 1_800)); // GitHub finishes what it was asked
    expect(gh.pulls).toHaveLength(1);
    gh.clearRequests();
    h.clock.advance(2 * 60_000);
    expect((await h.runtime.drain(5_000)).delivered).toEqual([r.body.reference]);
    expect(gh.calls()).toEqual([`POST ${REPO}/pulls`, `GET ${REPO}/pulls`, `POST ${REPO}/issues/1/labels`]);
    expect(gh.requests[1]!.query).toEqual({ head: 'labour-network:cms/groups/sintraho', state: 'all' });
    expect(gh.pulls).toHaveLength(1);
    expect((await h.store.get(r.body.reference))!.delivery.pull_request).toEqual({ number: 1, url: 'https://github.com/labour-network/directory/pull/1' });
  });

  it('recognises its own branch when the branch was created but never recorded', async () => {
    h = await joinHarness({ budgetMs: 1_500 });
    const gh = h.github!;
    gh.inject({ method: 'POST', path: `${REPO}/git/refs`, fault: { kind: 'slow', ms: 1_800 } });
    const r = await h.post({ ...validApplication(), form_token: h.token() });
    expect(r.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 1_800));
    expect(gh.branches()).toContain('cms/groups/sintraho');
    gh.clearRequests();
    h.clock.advance(2 * 60_000);
    await h.runtime.drain(5_000);
    expect(gh.calls()).toEqual([
      `GET ${REPO}/git/ref/heads/main`,
      `POST ${REPO}/git/trees`,
      `POST ${REPO}/git/commits`,
      `POST ${REPO}/git/refs`, // 422 Reference already exists
      `GET ${REPO}/git/ref/heads/cms/groups/sintraho`,
      `GET ${REPO}/git/commits/${gh.headOf('cms/groups/sintraho')}`, // its Join-Reference trailer is ours
      `POST ${REPO}/pulls`,
      `POST ${REPO}/issues/1/labels`,
    ]);
    expect(gh.requests[3]!.status).toBe(422);
    expect(gh.pulls).toHaveLength(1);
  });

  it('takes the application’s own slug when another entry’s branch holds the wished one', async () => {
    h = await joinHarness();
    h.github!.createBranch('cms/groups/sintraho'); // an editor's unpublished entry
    const r = await h.post({ ...validApplication(), form_token: h.token() });
    expect(r.status).toBe(201);
    const own = referenceSlug('sintraho', r.body.reference);
    expect(own).toMatch(/^sintraho-[0-9a-z]{4}-[0-9a-z]{4}$/);
    expect(h.github!.pulls[0]).toMatchObject({ head: `cms/groups/${own}`, title: `Create groups “${own}”` });
    expect(h.github!.fileAt(`cms/groups/${own}`, `content/groups/${own}.md`)).toContain(`slug: ${own}`);
  });

  it('takes the next slug when a published entry has the wished one', async () => {
    h = await joinHarness();
    const r = await h.post({
      ...validApplication({
        name: 'Solidaires Étudiant·es',
        short_name: 'Solidaires',
        website: 'https://solidaires-etudiant.example.org',
        confirm_distinct: true,
      }),
      form_token: h.token(),
    });
    expect(r.status).toBe(201);
    expect(h.github!.pulls[0]!.head).toBe('cms/groups/solidaires-2');
  });

  it('opens one pull request when two delivery runs take the same queued application', async () => {
    h = await joinHarness({ budgetMs: 1_500 });
    h.github!.inject({ method: 'GET', path: `${REPO}/git/ref/heads/main`, times: Infinity, fault: { kind: 'server-error', status: 502 } });
    const r = await h.post({ ...validApplication(), form_token: h.token() });
    h.github!.clearFaults();
    h.clock.advance(2 * 60_000);
    // The lease (a conditional write) normally keeps the second run out; the local Blobs emulation
    // checks conditions non-atomically, so here both may get through — and must still agree.
    const [a, b] = await Promise.all([h.runtime.drain(5_000), h.runtime.drain(5_000)]);
    expect(new Set([...a.delivered, ...b.delivered])).toEqual(new Set([r.body.reference]));
    expect(h.github!.pulls).toHaveLength(1);
    expect(h.github!.pulls[0]!.labels).toEqual(['decap-cms/pending_review', 'join-request']);
  });
});
