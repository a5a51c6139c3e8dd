/**
 * A few hundred applications, taken by four function instances at once, while GitHub fails in a
 * seeded random mix — 500 and 502, 403 secondary rate limits and 429 with `retry-after`, 422
 * "Reference already exists", connection resets, answers slower than the request's budget (whose
 * effect still lands, as on GitHub) — on every endpoint the pipeline calls, in the requests and in
 * delivery runs alike (several at once: the scheduled function, an operator). Then GitHub
 * recovers, and a bounded number of delivery runs must leave:
 *
 * - no application lost: every one answered 201 or 202 has exactly one open pull request, with
 *   Decap's status label and ours, on exactly one branch that carries its Join-Reference trailer;
 * - none delivered twice: no second pull request or branch for any application, none stray;
 * - every applicant told the truth: a 201 named a pull request that was open and labelled at that
 *   moment, a 202 a record queued at that moment, a repeated post the first one's reference; and
 *   the status endpoint reports each application's state.
 *
 * Fast by construction: the client's retry back-off is 5 ms and its write spacing 0 (the pipeline
 * takes its client as an argument), the store is in memory, the clock is the test's, moved by hand
 * past every back-off. Nothing is timed; slowness only serves to outlast the budget. The plan
 * (which faults, where, how often, which groups) is seeded; how the instances interleave is not,
 * so the figures printed vary a little from run to run, and every property must hold for any.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntryFile } from '../../src/content/entry-file.ts';
import { parseFrontMatter } from '../../src/content/front-matter.ts';
import { DUPLICATE_LABEL, JOIN_LABEL, PENDING_REVIEW_LABEL, referenceInCommitMessage } from '../../src/join/delivery/decap-workflow.ts';
import { entrySchema } from '../../src/schema/entry.ts';
import type { JoinRuntime } from '../../src/join/wire.ts';
import { validApplication } from '../support/join-fixtures.ts';
import type { Fault, FaultRule, RecordedRequest } from '../support/github-stand-in/index.ts';
import { faultHarness, type FaultHarness } from '../support/fault-harness.ts';

const SEED = 20260415;
const APPLICATIONS = 240;
/** Applications between two scheduled delivery runs made while GitHub is still failing. */
const BATCH = 20;
/** Function instances taking applications at the same time (one store, one GitHub). */
const INSTANCES = 4;
/** The time a submission may spend delivering; a slow answer outlasts it. */
const BUDGET_MS = 600;
const SLOW_MS = 800;
/** Delivery runs allowed, once GitHub has recovered, to empty the queue. */
const MAX_HEALTHY_RUNS = 3;

const REPO = '/repos/labour-network/directory';

/** Every call the pipeline makes, on the happy and on the unhappy paths (see open-pull-request.ts). */
const ENDPOINTS: { method: string; path: string | RegExp; name: string }[] = [
  { method: 'GET', path: `${REPO}/git/ref/heads/main`, name: 'get base ref' },
  { method: 'POST', path: `${REPO}/git/trees`, name: 'create tree' },
  { method: 'POST', path: `${REPO}/git/commits`, name: 'create commit' },
  { method: 'POST', path: `${REPO}/git/refs`, name: 'create branch' },
  { method: 'GET', path: /\/git\/ref\/heads\/cms\//, name: 'read a branch back' },
  { method: 'GET', path: /\/git\/commits\/[0-9a-f]{40}$/, name: 'read its commit' },
  { method: 'POST', path: `${REPO}/pulls`, name: 'open pull request' },
  { method: 'GET', path: `${REPO}/pulls`, name: 'find pull request' },
  { method: 'POST', path: /\/issues\/\d+\/labels$/, name: 'add labels' },
  { method: 'PATCH', path: /\/pulls\/\d+$/, name: 'close or reopen' },
  { method: 'GET', path: /\/pulls\/\d+$/, name: 'read review state' },
];

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Fault>({ kind: 'server-error', status: 500 }) },
  { weight: 3, arbitrary: fc.constant<Fault>({ kind: 'server-error', status: 502 }) },
  { weight: 2, arbitrary: fc.constant<Fault>({ kind: 'secondary-rate-limit', retryAfter: 60 }) },
  { weight: 2, arbitrary: fc.constant<Fault>({ kind: 'too-many-requests', retryAfter: 60 }) },
  { weight: 2, arbitrary: fc.constant<Fault>({ kind: 'connection-reset' }) },
  { weight: 1, arbitrary: fc.constant<Fault>({ kind: 'slow', ms: SLOW_MS }) },
);

const ruleArb: fc.Arbitrary<FaultRule> = fc.oneof(
  {
    weight: 7,
    arbitrary: fc
      .record({
        endpoint: fc.constantFrom(...ENDPOINTS),
        fault: faultArb,
        times: fc.constantFrom(1, 1, 2, 3, 6),
      })
      .map(({ endpoint, fault, times }): FaultRule => ({ method: endpoint.method, path: endpoint.path, fault, times: fault.kind === 'slow' ? 1 : times })),
  },
  // "Reference already exists" is what creating a branch answers.
  {
    weight: 1,
    arbitrary: fc.constantFrom(1, 2).map((times): FaultRule => ({ method: 'POST', path: `${REPO}/git/refs`, fault: { kind: 'reference-exists' }, times })),
  },
);

/** Short names shared by several groups, so their wished slugs collide (one is a published entry's). */
const SHARED_SHORT_NAMES = ['cobas', 'usb', 'solidaires', 'sbx'];

interface Planned {
  index: number;
  rules: readonly FaultRule[];
  /** Several groups wish for the same slug. */
  sharedShortName?: string;
  /** The applicant confirms their group differs from an earlier application with the same name. */
  sameNameAs?: number;
  /** Posted again with the same form (a double click, a browser retry). */
  postedTwice: boolean;
}

const planArb = fc.tuple(
  fc.array(fc.oneof(fc.constant([]), fc.array(ruleArb, { minLength: 1, maxLength: 2 })), { minLength: APPLICATIONS, maxLength: APPLICATIONS }),
  fc.array(fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...SHARED_SHORT_NAMES) }), {
    minLength: APPLICATIONS,
    maxLength: APPLICATIONS,
  }),
  fc.array(fc.nat({ max: 14 }), { minLength: APPLICATIONS, maxLength: APPLICATIONS }),
  fc.array(fc.nat({ max: 9 }), { minLength: APPLICATIONS, maxLength: APPLICATIONS }),
  fc.array(fc.array(ruleArb, { minLength: 1, maxLength: 4 }), { minLength: APPLICATIONS / BATCH, maxLength: APPLICATIONS / BATCH }),
);

const [perApplication, shortNames, dupDice, twiceDice, perRun] = fc.sample(planArb, { seed: SEED, numRuns: 1 })[0]!;
const plan: Planned[] = perApplication.map((rules, index) => ({
  index,
  rules,
  sharedShortName: shortNames[index],
  sameNameAs: index > 10 && dupDice[index] === 0 ? index - 1 - (dupDice[index - 1]! % 10) : undefined,
  postedTwice: twiceDice[index] === 0,
}));

/** The first application of the name an application uses. */
const nameRoot = (p: Planned): number => (p.sameNameAs === undefined ? p.index : nameRoot(plan[p.sameNameAs]!));

function application(p: Planned): Record<string, unknown> {
  return validApplication({
    name: `Syndicat autonome des travailleurs numéro ${nameRoot(p)}`,
    short_name: p.sharedShortName ?? `stn-${p.index}`,
    website: `https://group-${p.index}.example.org/`,
    email: `contact@group-${p.index}.example.org`,
    ...(p.sameNameAs !== undefined ? { confirm_distinct: true } : {}),
  });
}

/** When rules were injected (or all cleared): the number of requests the stand-in had seen by then. */
type FaultEvent = { at: number; rules: readonly FaultRule[] } | { at: number; clear: true };

/**
 * Which recorded requests the stand-in answered with a fault: its own first-matching-rule logic,
 * replayed over the requests in order of arrival with the injections where they happened. The
 * stand-in runs in this process, so the count of requests seen at each injection is exact.
 */
function faultsPlayed(events: readonly FaultEvent[], requests: readonly RecordedRequest[]): { request: number; kind: string }[] {
  let rules: { rule: FaultRule; left: number }[] = [];
  const played: { request: number; kind: string }[] = [];
  let e = 0;
  requests.forEach((q, i) => {
    for (; e < events.length && events[e]!.at <= i; e++) {
      const event = events[e]!;
      rules = 'clear' in event ? [] : [...rules, ...event.rules.map((rule) => ({ rule, left: rule.times ?? 1 }))];
    }
    const hit = rules.find(
      ({ rule: r, left }) => left > 0 && (!r.method || r.method === q.method) && (typeof r.path === 'string' ? r.path === q.path : r.path.test(q.path)),
    );
    if (!hit) return;
    hit.left--;
    const f = hit.rule.fault;
    played.push({ request: i, kind: f.kind === 'server-error' ? `server-error ${f.status}` : f.kind });
  });
  return played;
}

let h: FaultHarness;
beforeAll(async () => {
  h = await faultHarness({ budgetMs: BUDGET_MS, seed: SEED, instances: INSTANCES });
});
afterAll(async () => h?.close());

describe('a random mix of GitHub faults across a few hundred applications', () => {
  it('loses none, delivers none twice, duplicates no pull request, and tells every applicant the truth', { timeout: 120_000 }, async () => {
    const gh = h.github;
    const { queue } = h;
    const status = async (reference: string) => (await h.status(reference)).body;
    const answers = new Map<string, { index: number; status: number }>();
    const events: FaultEvent[] = [];
    const inject = (rules: readonly FaultRule[]) => {
      events.push({ at: gh.requests.length, rules });
      for (const rule of rules) gh.inject(rule);
    };
    const clear = () => {
      events.push({ at: gh.requests.length, clear: true });
      gh.clearFaults();
    };
    const expectedLabels = (p: Planned) => [PENDING_REVIEW_LABEL, JOIN_LABEL, ...(p.sameNameAs !== undefined ? [DUPLICATE_LABEL] : [])];
    const trailerOf = (sha: string) => referenceInCommitMessage(gh.commit(sha)!.message);
    /**
     * The clock jumps past each back-off (a minute at least), in which GitHub would long have
     * finished what it was asked: answers still held back by a slow fault land before a run.
     */
    const settle = async () => {
      const slow = faultsPlayed(events, gh.requests).filter((f) => f.kind === 'slow');
      while (slow.some((f) => gh.requests[f.request]!.status === 0)) await new Promise((resolve) => setTimeout(resolve, 20));
    };

    /** One applicant, through one function instance, while that application's faults are in play. */
    async function apply(p: Planned, via: JoinRuntime) {
      inject(p.rules);
      const token = h.token();
      const r = await h.post({ ...application(p), form_token: token }, via);
      expect([201, 202], `application ${p.index}: ${JSON.stringify(r.body)}`).toContain(r.status);
      const reference: string = r.body.reference;
      expect(answers.has(reference)).toBe(false);
      answers.set(reference, { index: p.index, status: r.status });
      const record = (await h.store.get(reference))!;
      if (r.status === 201) {
        // The pull request named exists now: open, labelled, on this application's own branch.
        const pull = gh.pulls[r.body.pull_request.number - 1]!;
        expect(r.body.pull_request).toEqual({ number: pull.number, url: `https://github.com/labour-network/directory/pull/${pull.number}` });
        expect(pull).toMatchObject({ state: 'open', labels: expectedLabels(p), head: record.delivery.branch });
        expect(trailerOf(pull.headSha)).toBe(reference);
        expect(record.state).toBe('pull_request_opened');
      } else {
        // Queued now: the record says so, and the outbox holds it for the scheduled run. A pull
        // request already opened (the budget ran out before its labels) is named only if open.
        expect(r.body.state).toBe('queued');
        if (r.body.pull_request !== null) expect(gh.pulls[r.body.pull_request.number - 1]).toMatchObject({ state: 'open', head: record.delivery.branch });
        expect(record.state).toBe('queued');
        expect(await queue.read(reference)).not.toBeNull();
      }
      // The status endpoint agrees, even while GitHub fails (it keeps the last known state).
      expect((await status(reference)).state).toBe(record.state);
      if (p.postedTwice) {
        const again = await h.post({ ...application(p), form_token: token }, via);
        expect(again.status).toBe(200);
        expect(again.body).toMatchObject({ reference, repeated: true });
      }
    }

    for (let batch = 0; batch < APPLICATIONS / BATCH; batch++) {
      const waiting = plan.slice(batch * BATCH, (batch + 1) * BATCH);
      await Promise.all(
        h.instances.map(async (via) => {
          for (let p = waiting.shift(); p; p = waiting.shift()) await apply(p, via);
        }),
      );
      clear();
      await settle();
      // The last batch is still queued when GitHub recovers.
      if (batch === APPLICATIONS / BATCH - 1) break;
      // Delivery runs (the scheduled function, an operator's) come while GitHub is still failing.
      inject(perRun[batch]!);
      h.clock.advance(2 * 60 * 60_000);
      await Promise.all(h.instances.map((via) => via.drain(20_000)));
      clear();
    }

    // GitHub has recovered.
    let runs = 0;
    while ((await queue.list()).length > 0) {
      expect(runs, 'delivery runs needed once GitHub is healthy').toBeLessThan(MAX_HEALTHY_RUNS);
      h.clock.advance(2 * 60 * 60_000);
      await Promise.all(h.instances.map((via) => via.drain(60_000)));
      runs++;
    }
    expect(gh.unexpected).toEqual([]);

    // Every accepted application: one pull request, one branch, both its own, and the truth told.
    const cmsBranches = gh.branches().filter((b) => b.startsWith('cms/'));
    let lost = 0;
    let duplicated = 0;
    let suffixed = 0;
    await Promise.all(
      [...answers].map(async ([reference, { index }]) => {
        const p = plan[index]!;
        const record = (await h.store.get(reference))!;
        const pulls = gh.pulls.filter((pull) => trailerOf(pull.headSha) === reference);
        const branches = cmsBranches.filter((b) => trailerOf(gh.headOf(b)!) === reference);
        if (pulls.length === 0) lost++;
        duplicated += Math.max(0, pulls.length - 1) + Math.max(0, branches.length - 1);
        if (record.delivery.slug !== record.entry.slug) suffixed++;
        expect(pulls, `pull requests of ${reference}`).toHaveLength(1);
        expect(branches, `branches of ${reference}`).toEqual([record.delivery.branch]);
        expect(pulls[0]).toMatchObject({
          state: 'open',
          labels: expectedLabels(p),
          head: record.delivery.branch,
          number: record.delivery.pull_request!.number,
        });
        expect(record).toMatchObject({ state: 'pull_request_opened', delivery: { labelled: true, closed_for_labels: false } });
        expect(await status(reference)).toMatchObject({ reference, state: 'pull_request_opened', pull_request: record.delivery.pull_request });
        // The file on the branch is the entry that was accepted, under the slug finally used.
        const path = `content/groups/${record.delivery.slug}.md`;
        expect(gh.changedPaths('main', record.delivery.branch!)).toEqual([path]);
        const decoded = decodeEntryFile(parseFrontMatter(gh.fileAt(record.delivery.branch!, path)!).data, '');
        expect(entrySchema.parse(decoded.value)).toEqual({ ...record.entry, slug: record.delivery.slug });
      }),
    );
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(answers.size).toBe(APPLICATIONS);
    expect(gh.pulls).toHaveLength(APPLICATIONS);
    expect(cmsBranches).toHaveLength(APPLICATIONS);
    expect(new Set(gh.pulls.map((pull) => pull.head)).size).toBe(APPLICATIONS);
    // No path outside content/groups/ was ever written, no ref outside cms/groups/.
    for (const q of gh.requests) {
      if (q.method === 'POST' && q.path === `${REPO}/git/trees`)
        for (const e of (q.body as { tree: { path: string }[] }).tree) expect(e.path).toMatch(/^content\/groups\/[a-z0-9]+(-[a-z0-9]+)*\.md$/);
      if (q.method === 'POST' && q.path === `${REPO}/git/refs`)
        expect((q.body as { ref: string }).ref).toMatch(/^refs\/heads\/cms\/groups\/[a-z0-9]+(-[a-z0-9]+)*$/);
    }

    const counts = (xs: readonly string[]) => Object.fromEntries([...new Set(xs)].sort().map((x) => [x, xs.filter((y) => y === x).length]));
    const played = counts(faultsPlayed(events, gh.requests).map((f) => f.kind));
    const told = counts([...answers.values()].map((a) => String(a.status)));
    // The figures of this run (the interleaving of the instances varies from run to run; the plan does not).
    console.info(
      `[fault mix] seed ${SEED}: ${answers.size} applications through ${INSTANCES} instances (${told['201'] ?? 0} answered 201, ${told['202'] ?? 0} answered 202; ${plan.filter((p) => p.postedTwice).length} posted twice, answered 200), ` +
        `${Object.values(played).reduce((a, b) => a + b, 0)} faults played ${JSON.stringify(played)} in ${gh.requests.length} GitHub requests, ${runs} healthy delivery run(s); ` +
        `${gh.pulls.length} pull requests, ${cmsBranches.length} branches, ${suffixed} slugs suffixed, lost ${lost}, duplicated ${duplicated}`,
    );
    // The mix really was a mix: every kind of fault was played, and both answers were given.
    expect(Object.keys(played)).toEqual([
      'connection-reset',
      'reference-exists',
      'secondary-rate-limit',
      'server-error 500',
      'server-error 502',
      'slow',
      'too-many-requests',
    ]);
    expect(told['201']).toBeGreaterThan(0);
    expect(told['202']).toBeGreaterThan(0);
  });
});
