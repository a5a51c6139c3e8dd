/**
 * When labelling a new pull request fails, the pipeline closes it until a later attempt can label
 * and reopen it (see closes-pull-request-when-labels-fail.test.ts). GitHub may carry out that
 * close after the request has already timed out on our side; the next attempt must still reopen
 * the pull request, or the application sits in a closed pull request nobody reviews and its
 * applicant is told it was declined.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { validApplication } from '../support/join-fixtures.ts';
import { faultHarness, type FaultHarness } from '../support/fault-harness.ts';

const REPO = '/repos/labour-network/directory';
const BUDGET_MS = 600;

let h: FaultHarness;
afterEach(async () => h?.close());

describe('a close that GitHub carries out after its request timed out', () => {
  it('is undone by the next delivery: the pull request is labelled and open, the applicant told it waits for review', async () => {
    h = await faultHarness({ budgetMs: BUDGET_MS });
    const gh = h.github;
    gh.inject({ method: 'POST', path: `${REPO}/issues/1/labels`, fault: { kind: 'too-many-requests', retryAfter: 60 } });
    gh.inject({ method: 'PATCH', path: `${REPO}/pulls/1`, fault: { kind: 'slow', ms: BUDGET_MS + 300 } });
    const r = await h.post({ ...validApplication(), form_token: h.token() });
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ state: 'queued', pull_request: null });

    // GitHub finishes the close it was asked for, well within the minute the back-off lasts.
    while (gh.pulls[0]!.state !== 'closed') await new Promise((resolve) => setTimeout(resolve, 20));
    gh.clearRequests();
    h.clock.advance(2 * 60_000);
    expect(await h.runtime.drain(10_000)).toEqual({ delivered: [r.body.reference], queued: [], skipped: [] });

    expect(gh.calls()).toEqual([`POST ${REPO}/issues/1/labels`, `PATCH ${REPO}/pulls/1`]);
    expect(gh.requests[1]!.body).toEqual({ state: 'open' });
    expect(gh.pulls).toHaveLength(1);
    expect(gh.pulls[0]).toMatchObject({ state: 'open', labels: ['decap-cms/pending_review', 'join-request'] });
    expect((await h.status(r.body.reference)).body).toMatchObject({ state: 'pull_request_opened', pull_request: { number: 1 } });
  });
});
