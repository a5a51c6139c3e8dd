/**
 * The join runtime wired for fault tests: the GitHub stand-in (real HTTP on 127.0.0.1), an
 * Octokit client with the pipeline's plugins but no write spacing and a 5 ms retry back-off, the
 * test's clock, seeded randomness, and an in-memory Blobs store (support/memory-blobs.ts), so a
 * few hundred applications take seconds. Built from the same pieces as test/support/join-harness.ts.
 */
import type { Artefact } from '../../src/engine/artefact.ts';
import { createApplicationStore } from '../../src/join/store/application-store.ts';
import { loadJoinConfig } from '../../src/join/config.ts';
import { issueFormToken } from '../../src/join/intake/form-token.ts';
import { createGitHubClient } from '../../src/join/delivery/github-client.ts';
import { createQueue } from '../../src/join/store/queue.ts';
import { createJoinRuntime, type JoinRuntime } from '../../src/join/wire.ts';
import { joinFixtureArtefact } from './join-fixtures.ts';
import { editorKeys, FORM_SECRET, recordingLog, seededRandom, testClock, TOKEN } from './join-harness.ts';
import { startGitHubStandIn } from './github-stand-in/index.ts';
import { memoryBlobs } from './memory-blobs.ts';

export interface FaultHarnessOptions {
  budgetMs: number;
  /** Function instances taking requests at once: each its own runtime and GitHub client, one store. */
  instances?: number;
  artefact?: Artefact;
  seed?: number;
}

export async function faultHarness(options: FaultHarnessOptions) {
  const clock = testClock();
  const log = recordingLog();
  const random = seededRandom(options.seed ?? 11);
  const blobs = memoryBlobs();
  const { identity, recipient } = await editorKeys();
  const github = await startGitHubStandIn({ token: TOKEN, now: clock });
  const config = loadJoinConfig({
    GITHUB_REPOSITORY: `${github.owner}/${github.repo}`,
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: github.url,
    JOIN_FORM_SECRET: FORM_SECRET,
    JOIN_CONTACT_PUBLIC_KEY: recipient,
    SITE_URL: 'https://directory.example',
  });
  if (config.mode !== 'github') throw new Error('expected GitHub delivery');
  const settings = config.github;
  const instance = () => {
    const octokit = createGitHubClient({ apiUrl: settings.apiUrl, auth: settings.auth, log, writeSpacingMs: 0, notificationSpacingMs: 0, retryBaseMs: 5 });
    return createJoinRuntime(config, {
      artefact: options.artefact ?? joinFixtureArtefact,
      openStore: () => blobs,
      clock,
      log,
      random,
      octokit,
      budgetMs: options.budgetMs,
    });
  };
  const instances = Array.from({ length: options.instances ?? 1 }, instance);
  const runtime = instances[0]!;
  return {
    runtime,
    instances,
    github,
    clock,
    log,
    identity,
    blobs,
    store: createApplicationStore(blobs),
    queue: createQueue(blobs, clock),
    /** A form token issued now; the clock then moves past the minimum fill time. */
    token() {
      const token = issueFormToken(FORM_SECRET, clock(), random);
      clock.advance(30_000);
      return token;
    },
    async post(body: Record<string, unknown>, via: JoinRuntime = runtime) {
      const response = await via.submit(
        new Request('https://directory.example/api/v1/join', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body),
        }),
      );
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async status(reference: string) {
      const response = await runtime.status(new Request(`https://directory.example/api/v1/join/${reference}`));
      return { status: response.status, body: await response.json() };
    },
    close: () => github.close(),
  };
}

export type FaultHarness = Awaited<ReturnType<typeof faultHarness>>;
