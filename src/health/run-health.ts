/**
 * One health run, as both the command (`npm run check:health`) and the weekly scheduled function
 * do it: the artefact's entries → checked links and stale entries → the Markdown report → the
 * one GitHub issue, when a GitHub client is given.
 */
import type { Octokit } from '@octokit/rest';
import type { ArtefactEntry } from '../engine/artefact.ts';
import { checkHealth, type HealthDeps, type HealthEntry, type HealthReport } from './check-entries.ts';
import { healthMarkdown, healthTitle, summarise, type HealthSummary } from './health-report.ts';
import { publishHealthIssue, type PublishedIssue } from './publish-issue.ts';

/** Names the directory and where to read about the check, as polite crawlers do. */
export function healthUserAgent(siteUrl: string): string {
  return `SolidarityDirectoryLinkCheck/1.0 (+${siteUrl}/; weekly check of the links in the Solidarity Directory)`;
}

export function healthEntries(
  entries: readonly (Pick<ArtefactEntry, 'slug' | 'name' | 'updated'> & Partial<Pick<ArtefactEntry, 'website' | 'sources'>>)[],
): HealthEntry[] {
  return entries.map((e) => ({
    slug: e.slug,
    name: e.name,
    updated: e.updated,
    ...(e.website ? { website: e.website } : {}),
    ...(e.sources ? { sources: e.sources.map((s) => ({ ...(s.url ? { url: s.url } : {}), ...(s.title ? { title: s.title } : {}) })) } : {}),
  }));
}

export interface HealthRunResult {
  report: HealthReport;
  summary: HealthSummary;
  title: string;
  markdown: string;
  published?: PublishedIssue;
}

export async function runHealth(options: {
  entries: HealthEntry[];
  deps: HealthDeps;
  siteUrl: string;
  github?: { octokit: Pick<Octokit, 'rest' | 'paginate'>; owner: string; repo: string };
}): Promise<HealthRunResult> {
  const report = await checkHealth(options.entries, options.deps);
  const summary = summarise(report);
  const title = healthTitle(report);
  const markdown = healthMarkdown(report, { siteUrl: options.siteUrl });
  if (!options.github) return { report, summary, title, markdown };
  const published = await publishHealthIssue(
    options.github.octokit,
    { owner: options.github.owner, repo: options.github.repo },
    { title, body: markdown, clear: summary.clear },
  );
  return { report, summary, title, markdown, published };
}
