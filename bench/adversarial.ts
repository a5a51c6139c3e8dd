/**
 * The adversarial section of `npm run bench` (also `tsx bench/adversarial.ts` alone): for each
 * endpoint, the most expensive request we can build within the documented limits — long runs of
 * white space, repeated keys, many list values, deep nesting, long lines, Unicode edge cases —
 * against an ordinary request of the same endpoint, as a ratio measured in the same run.
 * Aim: no adversarial request costs more than 10× an ordinary one.
 *
 * In process, on the real handlers: the join over an in-memory Blobs store (atomic conditional
 * writes, as Netlify Blobs) and a review target that opens at once (GitHub is not what is measured
 * here; GitHub *calls* are counted in test/join/bounds-what-any-input-costs.test.ts).
 */
import artefact from '../generated/directory.mjs';
import { createGroupEndpoint, createGroupsEndpoint } from '../src/api/read-endpoints.ts';
import { createDirectory } from '../src/engine/directory.ts';
import { createCsvEndpoint } from '../src/export/endpoints.ts';
import { issueFormToken } from '../src/join/intake/form-token.ts';
import type { ReviewTarget } from '../src/join/delivery/review-target.ts';
import { createDelivery } from '../src/join/delivery/deliver.ts';
import { createJoinEndpoint } from '../src/join/endpoints/join-endpoint.ts';
import { joinIndexFromArtefact } from '../src/join/intake/content-index.ts';
import { storedHolder } from '../src/join/intake/find-duplicates.ts';
import { createJoinPageRenderer } from '../src/join/pages/render-join-page.ts';
import { createApplicationStore } from '../src/join/store/application-store.ts';
import { createQueue } from '../src/join/store/queue.ts';
import { createListingEndpoint } from '../src/site/listing-endpoint.ts';
import { JOIN_BODY_LIMIT } from '../src/schema/join.ts';
import { memoryBlobs } from '../test/support/memory-blobs.ts';
import { validApplication } from '../test/support/join-fixtures.ts';

type Handler = (request: Request) => Promise<Response>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall time of `rounds` sequential requests (in process: CPU-bound work, the store in memory). */
async function timeRequests(handler: Handler, make: () => Request, rounds: number): Promise<{ ms: number; status: number }> {
  let status = 0;
  for (let i = 0; i < 3; i++) await (await handler(make())).arrayBuffer(); // warm up
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const request = make();
    const t = process.hrtime.bigint();
    const response = await handler(request);
    await response.arrayBuffer();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    status = response.status;
  }
  return { ms: median(times), status };
}

const ms = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(2)} ms`);

export async function adversarialRows(): Promise<string[]> {
  const dir = createDirectory(artefact);
  const B = 'https://directory.example';
  const groups = createGroupsEndpoint(dir, 0); // no response cache: every request does its work
  const group = createGroupEndpoint(dir);
  const csv = createCsvEndpoint(dir);
  const listing = createListingEndpoint(dir);
  const slug = dir.artefact.entries[0]!.slug;
  const long = (n: number) => 'a'.repeat(n);
  const repeated = (key: string, value: string, n: number) => Array.from({ length: n }, () => `${key}=${value}`).join('&');

  // The join, with a fresh form token per request (a real attacker has one per page load).
  const secret = 'bench-form-secret-0123456789abcdefghijklmnop';
  let now = Date.parse('2026-03-01T12:00:00Z');
  const clock = () => new Date(now);
  const target: ReviewTarget = {
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
  const { generateIdentity, identityToRecipient } = await import('age-encryption');
  const recipient = await identityToRecipient(await generateIdentity());
  const blobs = memoryBlobs();
  const log = { info() {}, warn() {}, error() {} };
  const index = joinIndexFromArtefact(dir.artefact);
  const store = createApplicationStore(blobs);
  const holder = storedHolder(store, clock);
  const delivery = createDelivery({ store, queue: createQueue(blobs, clock), target, clock, log, budgetMs: 5_000, holder, isPublished: index.hasSlug });
  const submit: Handler = createJoinEndpoint({
    index,
    store,
    delivery,
    holder,
    recipients: async () => [recipient],
    formSecret: secret,
    clock,
    renderer: createJoinPageRenderer(index),
    log,
  });
  let n = 0;
  const token = () => {
    const t = issueFormToken(secret, new Date(now - 60_000));
    now += 1;
    return t;
  };
  const application = () => ({
    ...validApplication({ name: `Sindicato ${n++}`, short_name: undefined, website: `https://s${n}.example.org` }),
    form_token: token(),
  });
  const post =
    (body: string, type = 'application/json') =>
    () =>
      new Request(`${B}/api/v1/join`, { method: 'POST', headers: { 'Content-Type': type, Accept: 'application/json' }, body });
  const fill = (unit: string, budget: number) => unit.repeat(Math.floor(budget / unit.length));
  const nearLimit = JOIN_BODY_LIMIT - 2_000;
  // Valid texts at their maxima, full of what normalisation works on: spaces before line ends,
  // blank-line runs, combining accents (NFC), zero-width and bidi controls to remove.
  const hardText = (max: number) => fill('e\u0301 \u200b\u202e x   \n\n\n\n', max).slice(0, max);
  const maximal = () => ({
    ...application(),
    alternate_names: Array.from({ length: 10 }, (_, i) => `${n}-${i} ${hardText(180)}`),
    summary: Object.fromEntries(['en', 'fr', 'es', 'pt', 'it', 'de'].map((l) => [l, hardText(290)])),
    purpose: Object.fromEntries(['en', 'fr', 'es', 'pt', 'it', 'de'].map((l) => [l, hardText(19_000)])),
  });

  const cases: { endpoint: string; handler: Handler; ordinary: () => Request; worst: [string, () => Request][] }[] = [
    {
      endpoint: 'GET /api/v1/groups',
      handler: groups,
      ordinary: () => new Request(`${B}/api/v1/groups?country=FR&facets=country`),
      worst: [
        ['one list parameter repeated 40,000 times (414)', () => new Request(`${B}/api/v1/groups?${repeated('country', 'FR', 40_000)}`)],
        ['one list parameter repeated to the 8 KB address limit', () => new Request(`${B}/api/v1/groups?${repeated('country', 'FR', 730)}`)],
        [
          '50 values in every list, every facet',
          () =>
            new Request(
              `${B}/api/v1/groups?${['country', 'language'].map((k) => repeated(k, k === 'country' ? 'FR' : 'fr', 1)).join('&')}&subject=${Array.from({ length: 50 }, (_, i) => `s${i}`).join(',')}&facets=country,scope,subject,sector,language,relation,structure`,
            ),
        ],
        ['q of 200 one-letter words', () => new Request(`${B}/api/v1/groups?q=${encodeURIComponent(fill('a ', 200))}&facets=country,subject`)],
        ['a 100 KB q (refused)', () => new Request(`${B}/api/v1/groups?q=${long(100_000)}`)],
        [
          '8 KB Accept-Language of 2,000 ranges',
          () => new Request(`${B}/api/v1/groups?country=FR`, { headers: { 'Accept-Language': fill('xx;q=0.1, ', 8_000) } }),
        ],
      ],
    },
    {
      endpoint: 'GET /api/v1/groups/{slug}',
      handler: group,
      ordinary: () => new Request(`${B}/api/v1/groups/${slug}`),
      worst: [['a 100 KB slug of escapes', () => new Request(`${B}/api/v1/groups/${fill('%C3%A9', 100_000)}`)]],
    },
    {
      endpoint: 'GET /api/v1/groups.csv',
      handler: csv,
      ordinary: () => new Request(`${B}/api/v1/groups.csv?country=FR`),
      worst: [['one list parameter repeated to the 8 KB address limit', () => new Request(`${B}/api/v1/groups.csv?${repeated('country', 'FR', 730)}`)]],
    },
    {
      endpoint: 'GET /groups (listing page)',
      handler: listing,
      ordinary: () => new Request(`${B}/groups?country=FR`),
      worst: [['one list parameter repeated to the 8 KB address limit', () => new Request(`${B}/groups?${repeated('country', 'FR', 730)}`)]],
    },
    {
      endpoint: 'POST /api/v1/join',
      handler: submit,
      ordinary: () => post(JSON.stringify(application()))(),
      worst: [
        ['every text at its maximum, full of what normalisation removes', () => post(JSON.stringify(maximal()))()],
        ['250 KB of spaces in one text (refused unread)', () => post(JSON.stringify({ ...application(), purpose: { en: `x${' '.repeat(nearLimit)}x` } }))()],
        [
          '250 KB form: one list key repeated',
          () =>
            post(
              `${new URLSearchParams(Object.entries({ name: 'x', form_token: token() })).toString()}&${repeated('alternate_names', 'n', nearLimit / 18)}`,
              'application/x-www-form-urlencoded',
            )(),
        ],
        [
          '250 KB of unknown JSON keys',
          () => post(JSON.stringify({ ...application(), ...Object.fromEntries(Array.from({ length: nearLimit / 12 }, (_, i) => [`k${i}`, 1])) }))(),
        ],
        ['JSON nested 20,000 deep', () => post(`${JSON.stringify(application()).slice(0, -1)},"purpose":${'['.repeat(20_000)}${']'.repeat(20_000)}}`)()],
        ['a 250 KB line of combining marks', () => post(JSON.stringify({ ...application(), name: `a${'\u0301'.repeat(nearLimit / 2)}` }))()],
      ],
    },
  ];

  const rows: string[] = [];
  for (const c of cases) {
    const rounds = c.endpoint.startsWith('POST') ? 40 : 60;
    const base = await timeRequests(c.handler, c.ordinary, rounds);
    for (const [what, make] of c.worst) {
      const worst = await timeRequests(c.handler, make, Math.max(10, Math.floor(rounds / 2)));
      const ratio = worst.ms / base.ms;
      rows.push(
        `| ${c.endpoint} | ${what} | ${worst.status} | ${ms(worst.ms)} | ${ms(base.ms)} (${base.status}) | **${ratio.toFixed(1)}×**${ratio > 10 ? ' ⚠' : ''} |`,
      );
      console.log(rows.at(-1));
    }
  }
  return rows;
}

export const ADVERSARIAL_HEADER = '| endpoint | adversarial request | status | median | ordinary request | ratio |\n|---|---|---|---|---|---|';

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const rows = await adversarialRows();
  console.log(`\nAdversarial requests vs an ordinary one, same run (aim ≤ 10×):\n\n${ADVERSARIAL_HEADER}\n${rows.join('\n')}`);
}
