/**
 * Configuration is checked at start-up, whole: every missing or malformed setting is named in one
 * error, and an unconfigured endpoint answers 503 instead of failing obscurely. The real
 * netlify.toml documents every variable the code reads, and the real function files declare
 * their routes, rate limits and schedule.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JoinConfigError, loadJoinConfig } from '../../src/join/config.ts';
import { wireJoin } from '../../src/join/wire.ts';
import { joinFixtureArtefact } from '../support/join-fixtures.ts';
import { editorKeys, recordingLog, tempRepo } from '../support/join-harness.ts';

const root = join(import.meta.dirname, '..', '..');
const SECRET = 's'.repeat(40);
let recipient: string;
let repo: string;
beforeAll(async () => {
  recipient = (await editorKeys()).recipient;
  repo = tempRepo();
});
afterAll(() => vi.unstubAllEnvs());

const problems = (env: Record<string, string>, cwd = tmpdir()) => {
  try {
    loadJoinConfig(env, cwd);
  } catch (error) {
    if (error instanceof JoinConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a configuration error');
};

describe('configuration', () => {
  it('runs the local Git default when no GitHub setting is given, in a Git repository', () => {
    const config = loadJoinConfig({}, repo);
    expect(config).toMatchObject({
      mode: 'local-git',
      storeName: 'join-applications',
      local: { repoPath: repo, baseBranch: 'main', identityFile: join(repo, '.netlify', 'join', 'local-editor-identity.txt') },
    });
    expect(problems({}, tmpdir())).toEqual([
      `no GitHub settings (GITHUB_REPOSITORY with GITHUB_TOKEN, or a GitHub App) are set, and ${tmpdir()} is not a Git repository for the local default. On Netlify, set the GitHub settings.`,
    ]);
  });

  it('does not send applications to GitHub for a token a developer’s shell happens to export', () => {
    expect(loadJoinConfig({ GITHUB_TOKEN: 'ghp_for_another_tool' }, repo).mode).toBe('local-git');
  });

  it('names every missing GitHub setting at once', () => {
    expect(problems({ GITHUB_TOKEN: 'ghp_x' })).toEqual([
      'GITHUB_REPOSITORY is missing: the "owner/name" of the repository applications open pull requests in',
      "JOIN_FORM_SECRET is missing: a random secret of 32+ characters that signs the join form's tokens",
      "JOIN_CONTACT_PUBLIC_KEY is missing: the editors' age public key(s) (age1…) that contact details are encrypted to",
    ]);
    expect(problems({ GITHUB_REPOSITORY: 'labour-network/directory', JOIN_FORM_SECRET: SECRET, JOIN_CONTACT_PUBLIC_KEY: recipient })).toEqual([
      'GITHUB_TOKEN is missing (or, instead, GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_APP_INSTALLATION_ID for a GitHub App)',
    ]);
    expect(
      problems({ GITHUB_REPOSITORY: 'labour-network/directory', GITHUB_APP_ID: '42', JOIN_FORM_SECRET: SECRET, JOIN_CONTACT_PUBLIC_KEY: recipient }),
    ).toEqual(['the GitHub App settings are incomplete: GITHUB_APP_PRIVATE_KEY, GITHUB_APP_INSTALLATION_ID are missing']);
  });

  it('rejects malformed settings with what was found', () => {
    expect(
      problems({
        GITHUB_REPOSITORY: 'https://github.com/x/y',
        GITHUB_TOKEN: 't',
        GITHUB_APP_ID: '1',
        GITHUB_BASE_BRANCH: 'main..x',
        GITHUB_API_URL: 'api.github.com',
        JOIN_FORM_SECRET: 'short',
        JOIN_CONTACT_PUBLIC_KEY: 'age1nope',
        SITE_URL: 'directory',
      }),
    ).toEqual([
      // The settings shared with the CMS and site builds (src/schema/settings.ts), in its order, then the join's own.
      'GITHUB_REPOSITORY must be "owner/name", got "https://github.com/x/y"',
      'GITHUB_BASE_BRANCH is not a branch name: "main..x"',
      'GITHUB_API_URL must be an absolute http(s) address such as https://directory.example.org, got "api.github.com"',
      'SITE_URL must be an absolute http(s) address such as https://directory.example.org, got "directory"',
      'JOIN_FORM_SECRET must be at least 32 characters (e.g. `openssl rand -base64 48`)',
      'JOIN_CONTACT_PUBLIC_KEY: "age1nope…" is not an age recipient (age1…)',
      'give either GITHUB_TOKEN or the GitHub App settings, not both (found GITHUB_TOKEN and GITHUB_APP_ID)',
    ]);
  });

  it('takes GitHub defaults for the base branch and the API', () => {
    const config = loadJoinConfig({
      GITHUB_REPOSITORY: 'labour-network/directory',
      GITHUB_TOKEN: 'ghp_x',
      JOIN_FORM_SECRET: SECRET,
      JOIN_CONTACT_PUBLIC_KEY: `${recipient}, ${recipient}`,
    });
    expect(config).toMatchObject({
      mode: 'github',
      github: { owner: 'labour-network', repo: 'directory', baseBranch: 'main', apiUrl: 'https://api.github.com', auth: { kind: 'token', token: 'ghp_x' } },
      recipients: [recipient, recipient],
    });
  });

  it('answers 503 from every handler when unconfigured, having logged what is missing once', async () => {
    const log = recordingLog();
    const join_ = wireJoin(
      { GITHUB_TOKEN: 'ghp_x', GITHUB_REPOSITORY: 'labour-network' },
      {
        artefact: joinFixtureArtefact,
        openStore: () => {
          throw new Error('no store expected');
        },
        log,
      },
    );
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toContain('GITHUB_REPOSITORY must be "owner/name", got "labour-network"');
    for (const handler of [join_.submit, join_.status, join_.page]) {
      const r = await handler(new Request('https://directory.example/api/v1/join', { method: 'POST' }));
      expect(r.status).toBe(503);
      expect((await r.json()).error.code).toBe('upstream_unavailable');
    }
    expect(join_.drain).toBeUndefined();
  });

  it('has every variable it reads documented in netlify.toml', () => {
    const read = new Set<string>();
    const spy = (env: Record<string, string>) => new Proxy(env, { get: (target, key: string) => (read.add(key), target[key]) });
    for (const env of [
      {},
      { GITHUB_REPOSITORY: 'a/b', GITHUB_TOKEN: 't' },
      { GITHUB_REPOSITORY: 'a/b', GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY: 'k', GITHUB_APP_INSTALLATION_ID: '2' },
    ] as Record<string, string>[]) {
      try {
        loadJoinConfig(spy(env), repo);
      } catch (error) {
        if (!(error instanceof JoinConfigError)) throw error;
      }
    }
    const documented = readFileSync(join(root, 'netlify.toml'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .join('\n');
    expect(read.size).toBeGreaterThan(10);
    for (const name of read) expect(documented, name).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('declares the functions’ routes, rate limits and schedule', async () => {
    vi.stubEnv('JOIN_LOCAL_REPOSITORY', repo);
    const [submit, status, page, scheduled] = await Promise.all(
      ['join', 'join-status', 'join-page', 'join-deliver-scheduled'].map((f) => import(`../../netlify/functions/${f}.mts`)),
    );
    expect(submit.config).toEqual({ path: '/api/v1/join', rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] } });
    expect(status.config.path).toBe('/api/v1/join/:reference');
    expect(page.config.path).toEqual(['/join', '/:lang/join', '/join/thanks', '/:lang/join/thanks']);
    for (const f of [status, page]) expect(f.config.rateLimit.aggregateBy).toEqual(['ip', 'domain']);
    expect(scheduled.config).toEqual({ schedule: '*/15 * * * *' });
    expect(typeof scheduled.default).toBe('function');
  });
});
