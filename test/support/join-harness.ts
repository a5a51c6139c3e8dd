/**
 * Everything a join test needs, real where it matters: a Netlify Blobs emulation (the same
 * BlobsServer `netlify dev` runs) in a temporary directory, the GitHub stand-in, a temporary Git
 * repository, an injected clock and seeded randomness, and an age identity for the editors.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import type { Artefact } from '../../src/engine/artefact.ts';
import { createApplicationStore, type BlobStore } from '../../src/join/store/application-store.ts';
import { loadJoinConfig } from '../../src/join/config.ts';
import { issueFormToken } from '../../src/join/intake/form-token.ts';
import { createGitHubClient } from '../../src/join/delivery/github-client.ts';
import type { Log } from '../../src/join/log.ts';
import { createJoinRuntime, type JoinRuntime } from '../../src/join/wire.ts';
import { startGitHubStandIn, type GitHubStandIn, type StandInOptions } from './github-stand-in/index.ts';
import { joinFixtureArtefact } from './join-fixtures.ts';
import { checkedCall } from './contract.ts';

export const TOKEN = 'ghp_standintoken000000000000000000000000';
export const FORM_SECRET = 'test-form-secret-0123456789abcdefghijklmnop';

/** A clock the test moves by hand. */
export function testClock(start = '2026-03-01T12:00:00.000Z') {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  return Object.assign(clock, { advance: (ms: number) => void (now += ms) });
}

/** Seeded bytes (mulberry32), so tokens, references and nonces repeat from run to run. */
export function seededRandom(seed = 1) {
  let a = seed >>> 0;
  return (size: number) => {
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      out[i] = ((t ^ (t >>> 14)) >>> 0) & 255;
    }
    return out;
  };
}

export function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => void lines.push(`info ${m}`), warn: (m) => void lines.push(`warn ${m}`), error: (m) => void lines.push(`error ${m}`) };
}

/**
 * Netlify Blobs applies a conditional write (`onlyIfNew`, `onlyIfMatch`) atomically; the local
 * BlobsServer checks the condition, then writes, with awaits between (@netlify/blobs
 * dist/server.js `put`), so two concurrent `onlyIfNew` writes to one key can both succeed there,
 * which the service never allows: two applications could then both take one slug claim, a
 * flaky failure of the concurrent-delivery test. Here the writes to one key go one at a time,
 * as the service orders them; reads are untouched. The order is the server's (`chains`), shared by
 * every handle opened on it: the join opens its store per request.
 */
function atomicWrites(store: BlobStore, chains: Map<string, Promise<unknown>>, storeName: string): BlobStore {
  const serial = <T>(blobKey: string, write: () => Promise<T>): Promise<T> => {
    const key = `${storeName}/${blobKey}`;
    const next = (chains.get(key) ?? Promise.resolve()).then(write, write);
    const settled = next.catch(() => undefined);
    chains.set(key, settled);
    void settled.then(() => {
      if (chains.get(key) === settled) chains.delete(key);
    });
    return next;
  };
  return {
    get: store.get.bind(store),
    getWithMetadata: store.getWithMetadata.bind(store),
    list: store.list.bind(store),
    set: ((key: string, ...rest: unknown[]) =>
      serial(key, () => (store.set as (...a: unknown[]) => Promise<unknown>).call(store, key, ...rest))) as BlobStore['set'],
    setJSON: ((key: string, ...rest: unknown[]) =>
      serial(key, () => (store.setJSON as (...a: unknown[]) => Promise<unknown>).call(store, key, ...rest))) as BlobStore['setJSON'],
    delete: ((key: string) => serial(key, () => store.delete(key))) as BlobStore['delete'],
  };
}

export async function startBlobs() {
  const directory = mkdtempSync(join(tmpdir(), 'join-blobs-'));
  const token = 'blobs-token';
  const server = new BlobsServer({ directory, token });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  const chains = new Map<string, Promise<unknown>>();
  return {
    open: (name: string): BlobStore =>
      atomicWrites(getStore({ name, siteID: 'join-test', token, edgeURL: url, uncachedEdgeURL: url, consistency: 'strong' }), chains, name),
    async stop() {
      await server.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export async function editorKeys() {
  const identity = await generateIdentity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** A throwaway Git repository with one commit on `main` holding `files`. */
export function tempRepo(
  files: Record<string, string> = { 'content/groups/cgt-spain.md': '---\nen:\n  slug: cgt-spain\n---\n', 'README.md': '# Directory\n' },
): string {
  const dir = mkdtempSync(join(tmpdir(), 'join-repo-'));
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_CONFIG_NOSYSTEM: '1' },
    });
  git('init', '-q', '-b', 'main');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  git('add', '-A');
  git('commit', '-q', '--no-gpg-sign', '-m', 'Initial content');
  return dir;
}

export interface JoinHarness {
  runtime: JoinRuntime;
  github?: GitHubStandIn;
  repoPath?: string;
  clock: ReturnType<typeof testClock>;
  log: ReturnType<typeof recordingLog>;
  identity: string;
  blobs: Awaited<ReturnType<typeof startBlobs>>;
  store: ReturnType<typeof createApplicationStore>;
  /** A form token issued now; the clock then moves past the minimum fill time. */
  token(): string;
  /** POSTs JSON to the endpoint; returns status, headers and parsed body. */
  post(body: Record<string, unknown>, init?: { headers?: Record<string, string> }): Promise<{ status: number; headers: Headers; body: any }>;
  /** POSTs a correction of `slug` as JSON. */
  correct(slug: string, body: Record<string, unknown>): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode?: 'github' | 'local-git';
  standIn?: StandInOptions;
  artefact?: Artefact;
  budgetMs?: number;
  env?: Record<string, string>;
  repoFiles?: Record<string, string>;
}

export async function joinHarness(options: HarnessOptions = {}): Promise<JoinHarness> {
  const clock = testClock();
  const log = recordingLog();
  const random = seededRandom(7);
  const blobs = await startBlobs();
  const { identity, recipient } = await editorKeys();
  let github: GitHubStandIn | undefined;
  let repoPath: string | undefined;
  let env: Record<string, string>;
  if ((options.mode ?? 'github') === 'github') {
    github = await startGitHubStandIn({ token: TOKEN, now: clock, ...options.standIn });
    env = {
      GITHUB_REPOSITORY: `${github.owner}/${github.repo}`,
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: github.url,
      JOIN_FORM_SECRET: FORM_SECRET,
      JOIN_CONTACT_PUBLIC_KEY: recipient,
      SITE_URL: 'https://directory.example',
      ...options.env,
    };
  } else {
    repoPath = tempRepo(options.repoFiles);
    env = { JOIN_LOCAL_REPOSITORY: repoPath, JOIN_FORM_SECRET: FORM_SECRET, JOIN_CONTACT_PUBLIC_KEY: recipient, ...options.env };
  }
  const config = loadJoinConfig(env);
  const octokit =
    config.mode === 'github'
      ? createGitHubClient({ apiUrl: config.github.apiUrl, auth: config.github.auth, log, writeSpacingMs: 0, notificationSpacingMs: 0, retryBaseMs: 5 })
      : undefined;
  const runtime = createJoinRuntime(config, {
    artefact: options.artefact ?? joinFixtureArtefact,
    openStore: blobs.open,
    clock,
    log,
    random,
    octokit,
    budgetMs: options.budgetMs ?? 5_000,
  });
  const store = createApplicationStore(blobs.open(config.storeName));
  return {
    // Status, correction and editors' answers too are checked against the OpenAPI document.
    runtime: {
      ...runtime,
      status: (request: Request) => checkedCall(runtime.status, request),
      correct: (request: Request) => checkedCall(runtime.correct, request),
      applications: (request: Request, clientIp?: string) => checkedCall((r) => runtime.applications(r, clientIp), request),
    },
    github,
    repoPath,
    clock,
    log,
    identity,
    blobs,
    store,
    token() {
      const token = issueFormToken(FORM_SECRET, clock(), random);
      clock.advance(30_000);
      return token;
    },
    async post(body, init = {}) {
      // Every answer is held to the OpenAPI document (test/support/contract.ts).
      const response = await checkedCall(
        runtime.submit,
        new Request('https://directory.example/api/v1/join', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...init.headers },
          body: JSON.stringify(body),
        }),
      );
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
    async correct(slug, body) {
      const response = await checkedCall(
        runtime.correct,
        new Request(`https://directory.example/api/v1/groups/${slug}/corrections`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body),
        }),
      );
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await github?.close();
      await blobs.stop();
      if (repoPath) rmSync(repoPath, { recursive: true, force: true });
    },
  };
}
