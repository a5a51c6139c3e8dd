/**
 * The health report reaches editors as one GitHub issue (the stand-in: real HTTP, GitHub's
 * shapes): created with its label the first time, updated in place every week after (never a
 * second issue), closed when there is nothing to do and reopened when there is; pull requests
 * carrying the same label are never mistaken for it. The Markdown links each entry's edit form.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Octokit } from '@octokit/rest';
import { HEALTH_LABEL } from '../../src/health/publish-issue.ts';
import { editUrl, HEALTH_MARKER } from '../../src/health/health-report.ts';
import { healthEntries, healthUserAgent, runHealth } from '../../src/health/run-health.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github-stand-in/index.ts';
import { startSite, type Site } from './support.ts';

const SITE_URL = 'https://directory.example.org';
let gh: GitHubStandIn | undefined;
let site: Site | undefined;
afterEach(async () => {
  await gh?.close();
  await site?.close();
});

describe('the Entry health issue', () => {
  it('is created once, updated in place, closed when all is well and reopened when not', async () => {
    gh = await startGitHubStandIn({ token: 'ghp_test' });
    site = await startSite();
    const octokit = new Octokit({ baseUrl: gh.url, auth: 'ghp_test' });
    const github = { octokit, owner: gh.owner, repo: gh.repo };
    // A pull request that happens to carry the label, as an editor might add it: not our issue.
    gh.createBranch('cms/groups/x');
    await octokit.rest.pulls.create({ owner: gh.owner, repo: gh.repo, title: 'Create groups “x”', head: 'cms/groups/x', base: 'main', body: HEALTH_MARKER });
    await octokit.rest.issues.addLabels({ owner: gh.owner, repo: gh.repo, issue_number: 1, labels: [HEALTH_LABEL] });

    const entries = (website: string, updated: string) =>
      healthEntries([{ slug: 'cub', name: 'Confederazione | Unitaria [di] Base', website, sources: [{ url: `${site!.url}/ok` }], updated }]);
    const deps = {
      fetch,
      now: () => new Date('2026-03-01T00:00:00Z'),
      concurrency: { total: 2, perHost: 1, perHostDelayMs: 0 },
      timeoutMs: 1000,
      userAgent: healthUserAgent(SITE_URL),
    };

    const first = await runHealth({ entries: entries(`${site.url}/missing`, '2026-01-01'), deps, siteUrl: SITE_URL, github });
    expect(first.published).toMatchObject({ action: 'created', number: 2 });
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]).toMatchObject({ number: 2, state: 'open', labels: [HEALTH_LABEL], title: 'Entry health: 1 dead' });
    const body = gh.issues[0]!.body!;
    expect(body.startsWith(HEALTH_MARKER)).toBe(true);
    expect(body).toContain('### Dead links (1)');
    expect(body).toContain(
      `[Confederazione \\| Unitaria \\[di\\] Base](${SITE_URL}/groups/cub/) · [edit](${editUrl(SITE_URL, 'cub')}) | website | <${site.url}/missing> | 404 |`,
    );
    expect(editUrl(SITE_URL, 'cub')).toBe(`${SITE_URL}/admin/#/collections/groups/entries/cub`);

    const second = await runHealth({ entries: entries(`${site.url}/moved`, '2024-01-01'), deps, siteUrl: SITE_URL, github });
    expect(second.published).toMatchObject({ action: 'updated', number: 2 });
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]!.title).toBe('Entry health: 1 moved, 1 stale');
    expect(gh.issues[0]!.body).toContain(`<${site.url}/moved> | <${site.url}/new-home> | 301 (permanent) |`);
    expect(gh.issues[0]!.body).toContain('### Not updated for more than 18 months (1)');

    const third = await runHealth({ entries: entries(`${site.url}/ok`, '2026-01-01'), deps, siteUrl: SITE_URL, github });
    expect(third.published).toMatchObject({ action: 'updated', number: 2 });
    expect(gh.issues[0]).toMatchObject({ state: 'closed', title: 'Entry health: all links answer, no entry is stale' });

    const fourth = await runHealth({ entries: entries(`${site.url}/broken`, '2026-01-01'), deps, siteUrl: SITE_URL, github });
    expect(fourth.published).toMatchObject({ action: 'updated', number: 2 });
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]).toMatchObject({ state: 'open', title: 'Entry health: 1 failing' });
    expect(gh.calls().filter((c) => c === `POST /repos/${gh!.owner}/${gh!.repo}/issues`)).toHaveLength(1);
    expect(gh.unexpected).toEqual([]);
  });

  it('opens no issue when the first run finds nothing', async () => {
    gh = await startGitHubStandIn({ token: 'ghp_test' });
    site = await startSite();
    const octokit = new Octokit({ baseUrl: gh.url, auth: 'ghp_test' });
    const result = await runHealth({
      entries: healthEntries([{ slug: 'a', name: 'A', website: `${site.url}/ok`, updated: '2026-02-01' }]),
      deps: {
        fetch,
        now: () => new Date('2026-03-01T00:00:00Z'),
        concurrency: { total: 1, perHost: 1, perHostDelayMs: 0 },
        timeoutMs: 1000,
        userAgent: 'test',
      },
      siteUrl: SITE_URL,
      github: { octokit, owner: gh.owner, repo: gh.repo },
    });
    expect(result.published).toEqual({ action: 'nothing-to-report' });
    expect(gh.issues).toEqual([]);
  });

  it('says the checker was offline rather than listing every site as a problem of the site', async () => {
    const result = await runHealth({
      entries: healthEntries([{ slug: 'a', name: 'A', website: 'https://example.org/', updated: '2026-02-01' }]),
      deps: {
        fetch: (await import('./support.ts')).offlineFetch,
        now: () => new Date('2026-03-01T00:00:00Z'),
        concurrency: { total: 1, perHost: 1, perHostDelayMs: 0 },
        timeoutMs: 1000,
        userAgent: 'test',
      },
      siteUrl: SITE_URL,
    });
    expect(result.title).toBe('Entry health: the last check had no internet access');
    expect(result.markdown).toContain('the checker most likely had no internet access');
    expect(result.markdown).not.toMatch(/Dead links/);
    expect(result.summary.clear).toBe(false);
  });
});

describe('the weekly scheduled function', () => {
  it('is scheduled weekly and ships the artefact it reads', async () => {
    const { readFileSync } = await import('node:fs');
    const { config } = await import('../../netlify/functions/entry-health-scheduled.mts');
    expect(config.schedule).toBe('@weekly');
    const toml = readFileSync(new URL('../../netlify.toml', import.meta.url), 'utf8');
    // Every sidecar it needs too: test/runtime/functions-ship-their-files.test.ts.
    expect(toml).toMatch(/\[functions\.entry-health-scheduled\]\n\s+included_files = \["generated\/directory-list\.json", /);
  });

  it('does nothing but say so without GitHub settings', async () => {
    const fn = (await import('../../netlify/functions/entry-health-scheduled.mts')).default;
    const saved = { ...process.env };
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => void warnings.push(m);
    try {
      for (const k of ['GITHUB_REPOSITORY', 'GITHUB_TOKEN', 'GITHUB_APP_ID']) delete process.env[k];
      process.env.JOIN_LOCAL_REPOSITORY = '/nonexistent-repository-for-this-test';
      await fn();
    } finally {
      console.warn = warn;
      process.env = saved;
    }
    expect(warnings.join('\n')).toMatch(/\[health\] not published: the GitHub settings/);
  });
});
