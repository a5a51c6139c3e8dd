/**
 * `npm run check:health`: checks every entry's website and source links and lists the entries not
 * updated for more than 18 months; prints the report (Markdown) to the terminal.
 *
 *   npm run check:health                 print the report
 *   npm run check:health -- --publish    also update the one "Entry health" GitHub issue (uses the
 *                                        GitHub settings of netlify.toml: GITHUB_REPOSITORY and a
 *                                        token or App that may write issues)
 *
 * Reads generated/directory-list.json (run `npm run build:content` first). Unlike the weekly
 * scheduled function, it has no time limit: every link is checked. Exit status 0 when the check
 * ran (whatever it found), 1 when it could not run or could not publish.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { POLITE } from '../src/health/host-limiter.ts';
import { healthEntries, healthUserAgent, runHealth } from '../src/health/run-health.ts';
import { createGitHubClient } from '../src/join/delivery/github-client.ts';
import { readJoinConfig } from '../src/join/config.ts';
import { readArtefact } from '../src/runtime/read-artefact.ts';
import { siteBaseUrl } from '../src/site/site-config.ts';

export const LINK_TIMEOUT_MS = 10_000;

async function main(args: string[]): Promise<number> {
  const publish = args.includes('--publish');
  const unknown = args.filter((a) => a !== '--publish');
  if (unknown.length) {
    console.error(`Unknown option ${unknown.join(' ')}. Usage: npm run check:health [-- --publish]`);
    return 1;
  }
  let github: Parameters<typeof runHealth>[0]['github'];
  if (publish) {
    const config = readJoinConfig(process.env);
    if (!config.ok || config.config.mode !== 'github') {
      console.error(
        `Cannot publish: the GitHub settings are not complete.\n${config.ok ? 'GITHUB_REPOSITORY with GITHUB_TOKEN (or a GitHub App) is needed.' : config.message}`,
      );
      return 1;
    }
    const g = config.config.github;
    github = { octokit: createGitHubClient({ apiUrl: g.apiUrl, auth: g.auth, log: console }), owner: g.owner, repo: g.repo };
  }
  const artefact = readArtefact('directory-list.json', import.meta.url);
  const siteUrl = siteBaseUrl(process.env).url;
  const started = Date.now();
  const result = await runHealth({
    entries: healthEntries(artefact.entries),
    deps: { fetch, now: () => new Date(), concurrency: POLITE, timeoutMs: LINK_TIMEOUT_MS, userAgent: healthUserAgent(siteUrl) },
    siteUrl,
    ...(github ? { github } : {}),
  });
  console.log(`# ${result.title}\n\n${result.markdown}`);
  const s = result.summary;
  console.error(
    `Entry health: ${result.report.links.length} links of ${result.report.entries} entries in ${((Date.now() - started) / 1000).toFixed(1)} s: ${s.dead} dead, ${s.moved} moved, ${s.failing} failing, ${s.unreachable} unreachable, ${s.stale} stale${result.report.offline ? ' (no internet access?)' : ''}.`,
  );
  if (result.published) console.error(`GitHub issue ${result.published.action}${result.published.url ? `: ${result.published.url}` : ''}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`Entry health check failed: ${(error as Error).message}`);
    return 1;
  });
}
