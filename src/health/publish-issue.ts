/**
 * Puts the health report where editors already work: one GitHub issue, labelled `entry-health`
 * and marked with a hidden comment, updated in place by every run (never a new issue each week).
 * It is reopened when there is something to do and closed when there is not, so the repository's
 * open issues show the directory's state, and watchers get one notification per change.
 *
 * Why an issue rather than a page beside the CMS: editors review every change as a pull request
 * on GitHub already (the CMS's editorial workflow), GitHub notifies them and keeps the history of
 * each week's report, and an issue needs no storage, page or login of our own.
 *
 * REST: https://docs.github.com/rest/issues/issues#list-repository-issues (the list holds pull
 * requests too, marked `pull_request`), #create-an-issue, #update-an-issue.
 */
import type { Octokit } from '@octokit/rest';
import { HEALTH_MARKER } from './health-report.ts';

export const HEALTH_LABEL = 'entry-health';

export interface PublishedIssue {
  action: 'created' | 'updated' | 'nothing-to-report';
  number?: number;
  url?: string;
}

type IssuesClient = Pick<Octokit, 'rest' | 'paginate'>;

export async function publishHealthIssue(
  octokit: IssuesClient,
  repo: { owner: string; repo: string },
  report: { title: string; body: string; clear: boolean },
): Promise<PublishedIssue> {
  const listed = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, labels: HEALTH_LABEL, state: 'all', per_page: 100 });
  const ours = listed.filter((i) => !i.pull_request && (i.body ?? '').includes(HEALTH_MARKER)).sort((a, b) => a.number - b.number)[0];
  const state = report.clear ? 'closed' : 'open';
  if (ours) {
    const { data } = await octokit.rest.issues.update({ ...repo, issue_number: ours.number, title: report.title, body: report.body, state });
    return { action: 'updated', number: data.number, url: data.html_url };
  }
  if (report.clear) return { action: 'nothing-to-report' }; // no issue yet and nothing to say: do not open one
  const { data } = await octokit.rest.issues.create({ ...repo, title: report.title, body: report.body, labels: [HEALTH_LABEL] });
  return { action: 'created', number: data.number, url: data.html_url };
}
