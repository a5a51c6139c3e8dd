/**
 * No race squats names. Before the fix, several posts carrying one form token at once, each with
 * other names, all claimed their names under the one reference, and only one became an
 * application: the other names were held by "an application waiting for review" that did not
 * hold them, and genuine unions with those names got 409s for ever.
 *
 * Now the reference is reserved (`onlyIfNew`) before any claim, only the request that reserved it
 * claims, and a claim counts only for the stored application that holds the key. Checked over
 * every ordering fast-check chooses of the store operations of concurrent requests (a store that
 * checks conditional writes atomically, as Netlify Blobs does), and once through the real local
 * Blobs emulation.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createApplicationStore, type BlobStore } from '../../src/join/store/application-store.ts';
import { joinIndexFromArtefact } from '../../src/join/intake/content-index.ts';
import { createDelivery } from '../../src/join/delivery/deliver.ts';
import { storedHolder } from '../../src/join/intake/find-duplicates.ts';
import { compactKey } from '../../src/text/normalise-text.ts';
import { issueFormToken } from '../../src/join/intake/form-token.ts';
import { createQueue } from '../../src/join/store/queue.ts';
import type { ReviewTarget } from '../../src/join/delivery/review-target.ts';
import { submitApplication } from '../../src/join/submit-application.ts';
import { memoryBlobs } from '../support/memory-blobs.ts';
import { validApplication, joinFixtureArtefact } from '../support/join-fixtures.ts';
import { editorKeys, FORM_SECRET, joinHarness, recordingLog, seededRandom, testClock, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const index = joinIndexFromArtefact(joinFixtureArtefact);
const keys = await editorKeys();

/** Every store operation waits for the scheduler: fast-check decides which goes next. */
function scheduledBlobs(inner: BlobStore, s: fc.Scheduler): BlobStore {
  const wrap =
    <A extends unknown[], R>(name: string, f: (...args: A) => Promise<R>) =>
    (...args: A) =>
      s.schedule(Promise.resolve(name)).then(() => f(...args));
  return {
    get: wrap('get', inner.get.bind(inner)),
    getWithMetadata: wrap('getWithMetadata', inner.getWithMetadata.bind(inner)),
    set: wrap('set', inner.set.bind(inner)),
    setJSON: wrap('setJSON', inner.setJSON.bind(inner)),
    delete: wrap('delete', inner.delete.bind(inner)),
    list: wrap('list', inner.list.bind(inner)),
  } as BlobStore;
}

/** The review target stands for GitHub here: the race is in the store, before any delivery. */
const openAtOnce: ReviewTarget = {
  kind: 'github',
  open: async (r) => ({
    ...r.delivery,
    target: 'github',
    slug: r.entry.slug,
    branch: `cms/groups/${r.entry.slug}`,
    pull_request: { number: 1, url: 'https://github.com/o/r/pull/1' },
    labelled: true,
  }),
  status: async () => 'open',
};

const nameOf = (i: number) => `Sindicato de Limpieza número ${i}`;

describe('names cannot be squatted', () => {
  it('holds, for any ordering of several posts of one form token with different names', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 4 }), async (s, posts) => {
        const raw = memoryBlobs();
        const clock = testClock();
        const store = createApplicationStore(scheduledBlobs(raw, s));
        const holder = storedHolder(store, clock);
        const delivery = createDelivery({
          store,
          queue: createQueue(raw, clock),
          target: openAtOnce,
          clock,
          log: recordingLog(),
          budgetMs: 1_000,
          holder,
          isPublished: index.hasSlug,
        });
        const deps = { index, store, delivery, holder, recipients: async () => [keys.recipient], formSecret: FORM_SECRET, clock };
        const token = issueFormToken(FORM_SECRET, clock(), seededRandom(11));
        clock.advance(30_000);
        const body = (i: number) => ({
          ...validApplication({ name: nameOf(i), short_name: undefined, website: `https://limpieza-${i}.example.org` }),
          form_token: token,
        });
        const running = Promise.all(Array.from({ length: posts }, (_, i) => submitApplication(body(i), deps)));
        while (s.count() > 0 || !(await Promise.race([running.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 1))])))
          await s.waitAll();
        const outcomes = await running;

        expect(outcomes.every((o) => o.kind === 'received')).toBe(true);
        const records = raw.keys().filter((k) => k.startsWith('applications/'));
        expect(records).toHaveLength(1);
        const winner = (await createApplicationStore(raw).get(records[0]!.slice('applications/'.length)))!;
        // Every name that is not the winner's is free: no claim on it counts.
        const plain = createApplicationStore(raw);
        for (let i = 0; i < posts; i++) {
          const key = compactKey(nameOf(i));
          const claim = await plain.getClaim('name', key);
          const counts = claim ? await storedHolder(plain, clock)(claim.claim.reference, 'name', key) : undefined;
          expect(Boolean(counts), `${nameOf(i)} (winner ${winner.entry.name})`).toBe(winner.duplicate_keys.names.includes(key));
          // Stronger: only the request that reserved the reference claimed anything at all.
          if (!winner.duplicate_keys.names.includes(key)) expect(claim, nameOf(i)).toBeNull();
        }
      }),
      { numRuns: 40, seed: 20_260_301 },
    );
  });

  it('leaves the losers’ names free for the genuine unions, through the real Blobs emulation', async () => {
    h = await joinHarness();
    const token = h.token();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        h!.post({ ...validApplication({ name: nameOf(i), short_name: undefined, website: `https://limpieza-${i}.example.org` }), form_token: token }),
      ),
    );
    expect(new Set(answers.map((a) => a.body.reference)).size).toBe(1);
    const winner = (await h.store.get(answers[0]!.body.reference))!;
    for (let i = 0; i < 6; i++) {
      if (winner.entry.name === nameOf(i)) continue;
      const genuine = await h.post({
        ...validApplication({ name: nameOf(i), short_name: undefined, website: `https://genuine-${i}.example.org` }),
        form_token: h.token(),
      });
      expect(genuine.status, nameOf(i)).toBe(201);
    }
  });

  it('frees the names of a declined application', async () => {
    h = await joinHarness();
    const first = await h.post({ ...validApplication(), form_token: h.token() });
    h.github!.closePull(first.body.pull_request.number);
    h.clock.advance(10 * 60_000);
    await h.runtime.scheduled(5_000);
    expect((await h.store.get(first.body.reference))!.state).toBe('declined');
    expect(await h.store.getClaim('name', compactKey('Sindicato de Trabajadoras del Hogar'))).toBeNull();
  });
});
