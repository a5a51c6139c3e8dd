/**
 * The GitHub review target: opens the pull request Decap CMS's editorial workflow expects, with
 * the fewest calls GitHub allows —
 *
 *   1. GET   /repos/{o}/{r}/git/ref/heads/{base}        the base commit
 *   2. POST  /repos/{o}/{r}/git/trees                   base_tree + the entry file, content inline
 *   3. POST  /repos/{o}/{r}/git/commits                 one commit on the base commit
 *   4. POST  /repos/{o}/{r}/git/refs                    branch cms/groups/<slug>
 *   5. POST  /repos/{o}/{r}/pulls                       title `Create groups “<slug>”`
 *   6. POST  /repos/{o}/{r}/issues/{n}/labels           decap-cms/pending_review, join-request
 *
 * https://docs.github.com/rest/git/refs, /rest/git/trees, /rest/git/commits, /rest/pulls/pulls,
 * /rest/issues/labels. `base_tree` takes the base *commit* SHA as Decap CMS does: GitHub resolves
 * any tree-ish, which saves the GET of the commit.
 *
 * Only on the unhappy paths does it call more: a 422 "Reference already exists" is read back
 * (GET ref, GET commit) to tell a branch this application created on an earlier attempt (its
 * commit carries the Join-Reference trailer) from another entry's branch (then the slug gets the
 * application's own suffix, `referenceSlug`; applications never collide there, deliver.ts gives
 * them distinct slugs from the store); a 422 "A pull request already exists" is answered by finding that pull request; and a
 * failed labelling closes the pull request until a later attempt labels and reopens it.
 */
import type { ApplicationRecord, DeliveryProgress } from '../store/application-store.ts';
import { entryFile, slugCandidates, withSlug } from '../intake/build-entry.ts';
import { correctionReviewText } from './correction-review-text.ts';
import {
  branchFor,
  commitMessage,
  CORRECTION_LABEL,
  DUPLICATE_LABEL,
  JOIN_LABEL,
  PENDING_REVIEW_LABEL,
  referenceInCommitMessage,
  titleFor,
  updateTitleFor,
} from './decap-workflow.ts';
import { createCorrectionBranch } from './open-correction.ts';
import { within, type GitHubClient } from './github-client.ts';
import type { Deadline } from './deadline.ts';
import type { Log } from '../log.ts';
import { reviewText } from './review-text.ts';
import { DeliveryError, errorCode, type ReviewState, type ReviewTarget } from './review-target.ts';

export interface GitHubTargetOptions {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  baseBranch: string;
  /** Slugs of published entries (the content index). */
  isPublished: (slug: string) => boolean;
  siteUrl?: string;
  log: Log;
}

const status = (error: unknown) => (error as { status?: number }).status;
const messageOf = (error: unknown) => String((error as { message?: string }).message ?? '');

export function createGitHubTarget(options: GitHubTargetOptions): ReviewTarget {
  const { octokit, owner, repo, baseBranch, log } = options;
  const where = { owner, repo };

  /** The head of `branch` if an earlier attempt for this application created it; undefined if another entry owns it. */
  async function ourBranchHead(branch: string, reference: string, deadline: Deadline): Promise<string | undefined> {
    const { data: ref } = await octokit.rest.git.getRef({ ...where, ref: `heads/${branch}`, ...within(deadline) });
    const { data: commit } = await octokit.rest.git.getCommit({ ...where, commit_sha: ref.object.sha, ...within(deadline) });
    return referenceInCommitMessage(commit.message) === reference ? ref.object.sha : undefined;
  }

  async function createBranch(record: ApplicationRecord, progress: DeliveryProgress, save: (p: DeliveryProgress) => Promise<void>, deadline: Deadline) {
    const wished = progress.slug ?? record.entry.slug;
    for (const slug of slugCandidates(wished, record.reference)) {
      if (options.isPublished(slug)) continue;
      const branch = branchFor(slug);
      const file = entryFile(withSlug(record.entry, slug));
      const { data: base } = await octokit.rest.git.getRef({ ...where, ref: `heads/${baseBranch}`, ...within(deadline) });
      const { data: tree } = await octokit.rest.git.createTree({
        ...where,
        base_tree: base.object.sha,
        tree: [{ path: file.path, mode: '100644', type: 'blob', content: file.content }],
        ...within(deadline),
      });
      const { data: commit } = await octokit.rest.git.createCommit({
        ...where,
        message: commitMessage(slug, record.reference),
        tree: tree.sha,
        parents: [base.object.sha],
        ...within(deadline),
      });
      let head = commit.sha;
      try {
        await octokit.rest.git.createRef({ ...where, ref: `refs/heads/${branch}`, sha: commit.sha, ...within(deadline) });
      } catch (error) {
        if (status(error) !== 422 || !/reference already exists/i.test(messageOf(error))) throw error;
        const ours = await ourBranchHead(branch, record.reference, deadline);
        if (!ours) continue; // another entry's branch (an editor's draft): use the application's own slug
        head = ours; // created by an earlier attempt that failed before it could record it
      }
      const next: DeliveryProgress = { ...progress, target: 'github', slug, branch, commit_sha: head };
      await save(next);
      return next;
    }
    throw new DeliveryError('no_free_slug');
  }

  /** Title and body: a new entry's (join), or an edit's (correction). */
  function pullText(record: ApplicationRecord, slug: string): { title: string; body: string } {
    if (record.kind === 'correction') {
      return { title: updateTitleFor(slug), body: correctionReviewText(record, { path: `content/groups/${slug}.md`, siteUrl: options.siteUrl }) };
    }
    const entry = withSlug(record.entry, slug);
    return { title: titleFor(slug), body: reviewText(record, entry, { path: entryFile(entry).path, siteUrl: options.siteUrl }) };
  }

  async function openPullRequest(record: ApplicationRecord, progress: DeliveryProgress, deadline: Deadline) {
    const { title, body } = pullText(record, progress.slug!);
    try {
      const { data: pull } = await octokit.rest.pulls.create({
        ...where,
        title,
        head: progress.branch!,
        base: baseBranch,
        body,
        ...within(deadline),
      });
      return { number: pull.number, url: pull.html_url };
    } catch (error) {
      if (status(error) !== 422 || !/pull request already exists/i.test(JSON.stringify((error as { response?: { data?: unknown } }).response?.data ?? '')))
        throw error;
      // An earlier attempt opened it and failed afterwards: find it rather than open another.
      const { data: pulls } = await octokit.rest.pulls.list({ ...where, head: `${owner}:${progress.branch}`, state: 'all', ...within(deadline) });
      const pull = pulls[0];
      if (!pull) throw error;
      return { number: pull.number, url: pull.html_url };
    }
  }

  async function label(record: ApplicationRecord, progress: DeliveryProgress, save: (p: DeliveryProgress) => Promise<void>, deadline: Deadline) {
    const number = progress.pull_request!.number;
    const labels =
      record.kind === 'correction'
        ? [PENDING_REVIEW_LABEL, CORRECTION_LABEL]
        : [PENDING_REVIEW_LABEL, JOIN_LABEL, ...(record.possible_duplicates.length > 0 ? [DUPLICATE_LABEL] : [])];
    try {
      await octokit.rest.issues.addLabels({ ...where, issue_number: number, labels, ...within(deadline) });
    } catch (error) {
      // Unlabelled, the pull request would make Decap alert editors on every load (see
      // decap-workflow.ts): close it until a later attempt can label it.
      log.warn(`[join] ${record.reference}: labelling pull request #${number} failed (${errorCode(error)}); closing it until it can be labelled`);
      if (!progress.closed_for_labels) {
        // Recorded before the request: GitHub may close it after our deadline aborted the call,
        // and the next attempt must then still reopen it (reopening an open one is harmless).
        await save({ ...progress, closed_for_labels: true });
        try {
          await octokit.rest.pulls.update({ ...where, pull_number: number, state: 'closed', ...within(deadline) });
        } catch (closeError) {
          // GitHub answered with an error: it closed nothing, so there is nothing to reopen.
          if ((closeError as { response?: unknown }).response) await save(progress);
          throw closeError;
        }
      }
      throw new DeliveryError('labels_failed', { cause: error });
    }
    if (progress.closed_for_labels) {
      await octokit.rest.pulls.update({ ...where, pull_number: number, state: 'open', ...within(deadline) });
    }
    return { ...progress, labelled: true, closed_for_labels: false };
  }

  return {
    kind: 'github',
    async open(record, save, deadline) {
      let progress: DeliveryProgress = { ...record.delivery, target: 'github' };
      if (!progress.branch) {
        progress =
          record.kind === 'correction'
            ? await createCorrectionBranch({ octokit, owner, repo, baseBranch, log, siteUrl: options.siteUrl }, record, progress, save, deadline)
            : await createBranch(record, progress, save, deadline);
        if (progress.settled) return progress; // nothing to review: the values are there already, or the entry is gone
      }
      if (!progress.pull_request) {
        progress = { ...progress, pull_request: await openPullRequest(record, progress, deadline) };
        await save(progress);
      }
      if (!progress.labelled) {
        progress = await label(record, progress, save, deadline);
        await save(progress);
      }
      return progress;
    },
    async status(record, deadline): Promise<ReviewState | undefined> {
      const number = record.delivery.pull_request?.number;
      if (!number || record.delivery.closed_for_labels) return undefined;
      const { data: pull } = await octokit.rest.pulls.get({ ...where, pull_number: number, ...within(deadline) });
      return pull.merged ? 'merged' : pull.state === 'closed' ? 'closed' : 'open';
    },
  };
}
