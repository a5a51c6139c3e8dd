// Weekly: check every entry's links and staleness, and update the one "Entry health" GitHub issue.
import type { Config } from '@netlify/functions';
import { POLITE } from '../../src/health/host-limiter.ts';
import { healthEntries, healthUserAgent, runHealth } from '../../src/health/run-health.ts';
import { readJoinConfig } from '../../src/join/config.ts';
import { createGitHubClient } from '../../src/join/delivery/github-client.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';
import { siteBaseUrl } from '../../src/site/site-config.ts';

const artefact = readArtefact('directory-list.json', import.meta.url); // shipped by included_files (netlify.toml)

/** Scheduled functions stop at 30 s; links not started by then are listed as not checked. */
const BUDGET_MS = 22_000;

export default async () => {
  const config = readJoinConfig(process.env);
  if (!config.ok || config.config.mode !== 'github') {
    console.warn('[health] not published: the GitHub settings (GITHUB_REPOSITORY and a token or App, see netlify.toml) are not complete');
    return;
  }
  const g = config.config.github;
  const siteUrl = siteBaseUrl(process.env).url;
  const result = await runHealth({
    entries: healthEntries(artefact.entries),
    deps: { fetch, now: () => new Date(), concurrency: POLITE, timeoutMs: 8_000, userAgent: healthUserAgent(siteUrl), deadline: Date.now() + BUDGET_MS },
    siteUrl,
    github: { octokit: createGitHubClient({ apiUrl: g.apiUrl, auth: g.auth, log: console }), owner: g.owner, repo: g.repo },
  });
  const s = result.summary;
  console.log(
    `[health] ${s.dead} dead, ${s.moved} moved, ${s.failing} failing, ${s.unreachable} unreachable, ${s.notChecked} not checked, ${s.stale} stale; issue ${result.published?.action}`,
  );
};

// https://docs.netlify.com/build/functions/scheduled-functions/ (UTC; @weekly = Sunday 00:00)
export const config: Config = { schedule: '@weekly' };
