/**
 * GitHub answers 422 "Reference already exists" when creating the branch, yet reading the branch
 * back finds none (a replica lagging, a branch deleted meanwhile). The pipeline must neither take
 * another group's slug suffix for it nor give up: the application is queued and the next run
 * creates the branch under the wished slug. test/join/retries-idempotently.test.ts covers the 422
 * for a branch that does exist (this application's own, or another entry's).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { validApplication } from '../support/join-fixtures.ts';
import { faultHarness, type FaultHarness } from '../support/fault-harness.ts';

const REPO = '/repos/labour-network/directory';

let h: FaultHarness;
afterEach(async () => h?.close());

describe('a 422 "Reference already exists" for a branch that is not there', () => {
  it('queues the application, then opens one pull request on the wished branch', async () => {
    h = await faultHarness({ budgetMs: 2_000 });
    const gh = h.github;
    gh.inject({ method: 'POST', path: `${REPO}/git/refs`, fault: { kind: 'reference-exists' } });
    const r = await h.post({ ...validApplication(), form_token: h.token() });

    expect(r.status).toBe(202);
    expect(gh.calls().slice(3)).toEqual([`POST ${REPO}/git/refs`, `GET ${REPO}/git/ref/heads/cms/groups/sintraho`]);
    expect(gh.requests.at(-1)!.status).toBe(404);
    expect(await h.store.get(r.body.reference)).toMatchObject({ state: 'queued', delivery: { attempts: 1, last_error: 'github_404' } });
    expect(gh.branches()).toEqual(['main']);

    h.clock.advance(2 * 60_000);
    expect(await h.runtime.drain(10_000)).toEqual({ delivered: [r.body.reference], queued: [], skipped: [] });
    expect(gh.branches().sort()).toEqual(['cms/groups/sintraho', 'main']);
    expect(gh.pulls).toHaveLength(1);
    expect(gh.pulls[0]).toMatchObject({ state: 'open', head: 'cms/groups/sintraho', labels: ['decap-cms/pending_review', 'join-request'] });
    expect((await h.status(r.body.reference)).body).toMatchObject({ state: 'pull_request_opened', pull_request: { number: 1 } });
    expect(gh.unexpected).toEqual([]);
  });
});
