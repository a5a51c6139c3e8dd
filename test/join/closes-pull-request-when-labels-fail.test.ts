/**
 * A pull request without Decap's status label would make the CMS alert editors and try to
 * migrate it on every load. If labelling fails, the pull request is closed, the application
 * stays queued, and a later run labels it first and reopens it: still one pull request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { validApplication } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
afterEach(async () => h?.close());

const REPO = '/repos/labour-network/directory';
const forbidden = {
  kind: 'answer' as const,
  status: 403,
  body: {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/issues/labels#add-labels-to-an-issue',
    status: '403',
  },
};

describe('a labelling failure', () => {
  it('closes the pull request, queues the application, then labels and reopens it', async () => {
    h = await joinHarness();
    const gh = h.github!;
    gh.inject({ method: 'POST', path: `${REPO}/issues/1/labels`, times: Infinity, fault: forbidden });
    const r = await h.post({ ...validApplication(), form_token: h.token() });

    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ state: 'queued', pull_request: null });
    expect(gh.calls().slice(-2)).toEqual([`POST ${REPO}/issues/1/labels`, `PATCH ${REPO}/pulls/1`]);
    expect(gh.requests.at(-1)!.body).toEqual({ state: 'closed' });
    expect(gh.pulls[0]).toMatchObject({ state: 'closed', labels: [] });
    expect(await h.store.get(r.body.reference)).toMatchObject({ state: 'queued', delivery: { closed_for_labels: true, last_error: 'labels_failed' } });
    expect(h.log.lines).toContain(`warn [join] ${r.body.reference}: labelling pull request #1 failed (github_403); closing it until it can be labelled`);

    gh.clearFaults();
    gh.clearRequests();
    h.clock.advance(2 * 60_000);
    expect((await h.runtime.drain(5_000)).delivered).toEqual([r.body.reference]);
    expect(gh.calls()).toEqual([`POST ${REPO}/issues/1/labels`, `PATCH ${REPO}/pulls/1`]);
    expect(gh.requests[1]!.body).toEqual({ state: 'open' });
    expect(gh.pulls).toHaveLength(1);
    expect(gh.pulls[0]).toMatchObject({ state: 'open', labels: ['decap-cms/pending_review', 'join-request'] });
    const status = await (await h.runtime.status(new Request(`https://directory.example/api/v1/join/${r.body.reference}`))).json();
    expect(status).toMatchObject({ state: 'pull_request_opened', pull_request: { number: 1 } });
  });

  it('stays queued, and retries the labels, when even closing fails', async () => {
    h = await joinHarness({ budgetMs: 1_500 });
    const gh = h.github!;
    gh.inject({ method: 'POST', path: `${REPO}/issues/1/labels`, times: Infinity, fault: { kind: 'server-error', status: 502 } });
    gh.inject({ method: 'PATCH', path: `${REPO}/pulls/1`, times: Infinity, fault: { kind: 'server-error', status: 502 } });
    const r = await h.post({ ...validApplication(), form_token: h.token() });
    expect(r.status).toBe(202);
    expect((await h.store.get(r.body.reference))!.delivery).toMatchObject({ pull_request: { number: 1 }, attempts: 1, last_error: 'github_502' });
    gh.clearFaults();
    gh.clearRequests();
    h.clock.advance(2 * 60_000);
    await h.runtime.drain(5_000);
    expect(gh.calls()).toEqual([`POST ${REPO}/issues/1/labels`]);
    expect(gh.pulls[0]).toMatchObject({ state: 'open', labels: ['decap-cms/pending_review', 'join-request'] });
  });
});
