/**
 * Nothing lost: when GitHub fails after bounded retries — 5xx, rate limits, resets, slowness,
 * refused credentials — the application is stored, the applicant gets 202 and honest wording,
 * and a later delivery run opens its pull request exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Fault } from '../support/github-stand-in/index.ts';
import { validApplication } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
afterEach(async () => h?.close());

const REPO = '/repos/labour-network/directory';
const failures: { name: string; method: string; path: string; fault: Fault; code: string }[] = [
  { name: '500 on every try', method: 'GET', path: `${REPO}/git/ref/heads/main`, fault: { kind: 'server-error', status: 500 }, code: 'github_500' },
  { name: '502 from the load balancer', method: 'POST', path: `${REPO}/git/trees`, fault: { kind: 'server-error', status: 502 }, code: 'github_502' },
  {
    name: 'a secondary rate limit longer than the budget',
    method: 'POST',
    path: `${REPO}/git/commits`,
    fault: { kind: 'secondary-rate-limit', retryAfter: 60 },
    code: 'github_403',
  },
  {
    name: 'the primary rate limit used up',
    method: 'POST',
    path: `${REPO}/git/refs`,
    fault: { kind: 'primary-rate-limit', resetIn: 1800 },
    code: 'github_403',
  },
  { name: '429 Too Many Requests', method: 'POST', path: `${REPO}/pulls`, fault: { kind: 'too-many-requests', retryAfter: 120 }, code: 'github_429' },
  { name: 'connection resets', method: 'POST', path: `${REPO}/git/trees`, fault: { kind: 'connection-reset' }, code: 'network' },
  { name: 'an answer slower than the budget', method: 'GET', path: `${REPO}/git/ref/heads/main`, fault: { kind: 'slow', ms: 1_800 }, code: 'timeout' },
  {
    name: 'refused credentials',
    method: 'GET',
    path: `${REPO}/git/ref/heads/main`,
    fault: { kind: 'answer', status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } },
    code: 'github_401',
  },
];

describe('when GitHub fails, the application is queued, then delivered exactly once', () => {
  for (const failure of failures) {
    it(failure.name, async () => {
      h = await joinHarness({ budgetMs: 1_500 });
      const gh = h.github!;
      gh.inject({ method: failure.method, path: failure.path, times: Infinity, fault: failure.fault });
      const r = await h.post({ ...validApplication(), form_token: h.token() });

      expect(r.status).toBe(202);
      expect(r.body).toMatchObject({ state: 'queued', pull_request: null, repeated: false });
      const reference = r.body.reference as string;
      const record = await h.store.get(reference);
      expect(record).toMatchObject({ state: 'queued', delivery: { attempts: 1, last_error: failure.code } });
      expect(gh.pulls.filter((p) => p.state === 'open')).toHaveLength(0);
      expect(h.log.lines.some((l) => l.startsWith(`warn [join] ${reference}: queued after ${failure.code}`))).toBe(true);
      const status = await (await h.runtime.status(new Request(`https://directory.example/api/v1/join/${reference}`))).json();
      expect(status.state).toBe('queued');

      // Not due yet: a run now leaves it alone.
      expect(await h.runtime.drain(5_000)).toEqual({ delivered: [], queued: [], skipped: [] });
      gh.clearFaults();
      h.clock.advance(2 * 60_000);
      await new Promise((resolve) => setTimeout(resolve, failure.fault.kind === 'slow' ? failure.fault.ms : 0)); // let a slow answer land
      expect(await h.runtime.drain(5_000)).toEqual({ delivered: [reference], queued: [], skipped: [] });
      expect(gh.pulls).toHaveLength(1);
      expect(gh.pulls[0]).toMatchObject({ state: 'open', labels: ['decap-cms/pending_review', 'join-request'] });
      expect(gh.branches().filter((b) => b.startsWith('cms/'))).toEqual(['cms/groups/sintraho']);
      expect((await h.store.get(reference))!.state).toBe('pull_request_opened');

      // Delivered means gone from the queue: another run touches nothing.
      gh.clearRequests();
      h.clock.advance(60 * 60_000);
      expect(await h.runtime.drain(5_000)).toEqual({ delivered: [], queued: [], skipped: [] });
      expect(gh.requests).toEqual([]);
    });
  }

  it('retries a transient 5xx within the request and answers 201', async () => {
    h = await joinHarness();
    h.github!.inject({ method: 'POST', path: `${REPO}/git/trees`, times: 1, fault: { kind: 'server-error', status: 502 } });
    h.github!.inject({ method: 'POST', path: `${REPO}/pulls`, times: 1, fault: { kind: 'connection-reset' } });
    const r = await h.post({ ...validApplication(), form_token: h.token() });
    expect(r.status).toBe(201);
    expect(h.github!.calls().filter((c) => c === `POST ${REPO}/git/trees`)).toHaveLength(2);
    expect(h.github!.pulls).toHaveLength(1);
  });

  it('waits out a short secondary rate limit when it fits the budget', async () => {
    h = await joinHarness();
    h.github!.inject({ method: 'POST', path: `${REPO}/git/refs`, times: 1, fault: { kind: 'secondary-rate-limit', retryAfter: 1 } });
    const r = await h.post({ ...validApplication(), form_token: h.token() });
    expect(r.status).toBe(201);
    expect(h.log.lines).toContain('warn [join] GitHub secondary rate limit on POST /repos/{owner}/{repo}/git/refs: retry after 1s, waiting');
  });

  it('keeps what a failed attempt achieved and resumes from there', async () => {
    h = await joinHarness({ budgetMs: 1_500 });
    const gh = h.github!;
    gh.inject({ method: 'POST', path: `${REPO}/pulls`, times: Infinity, fault: { kind: 'server-error', status: 503 } });
    const r = await h.post({ ...validApplication(), form_token: h.token() });
    expect(r.status).toBe(202);
    gh.clearFaults();
    gh.clearRequests();
    h.clock.advance(2 * 60_000);
    await h.runtime.drain(5_000);
    expect(gh.calls()).toEqual([`POST ${REPO}/pulls`, `POST ${REPO}/issues/1/labels`]);
  });

  it('answers 503, saving nothing, when the store itself fails', async () => {
    h = await joinHarness();
    await h.blobs.stop();
    const r = await h.post({ ...validApplication(), form_token: h.token() });
    expect(r.status).toBe(503);
    expect(r.body.error).toEqual({
      code: 'upstream_unavailable',
      message: 'We could not receive your application because of a problem on our side. Nothing was saved: please try again in a few minutes.',
    });
    expect(r.headers.get('retry-after')).toBe('120');
    h.blobs.stop = async () => undefined;
  });
});
