/**
 * A correction's branch on GitHub: Decap's shape for an edit of an existing entry — branch
 * `cms/groups/<slug>` from the base branch, one commit changing `content/groups/<slug>.md` where
 * only the corrected values differ — with the fewest calls:
 *
 *   1. GET  /repos/{o}/{r}/git/ref/heads/{base}                 the base commit
 *   2. GET  /repos/{o}/{r}/contents/{path}?ref={base commit}    the entry file as it is now
 *   3. POST /repos/{o}/{r}/git/trees                            base_tree + the edited file
 *   4. POST /repos/{o}/{r}/git/commits                          `Update groups “<slug>”`
 *   5. POST /repos/{o}/{r}/git/refs                             branch cms/groups/<slug>
 *
 * (then the pull request and its labels, as for a join: open-pull-request.ts).
 * https://docs.github.com/rest/repos/contents#get-repository-content, /rest/git/*,
 * /rest/pulls/pulls#list-pull-requests, /rest/issues/comments#create-an-issue-comment
 *
 * **An editor's draft is never overwritten.** Decap keeps one branch per entry; if
 * `cms/groups/<slug>` exists and is not this correction's (its commit lacks our trailer), an
 * editor is working on the entry. Creating the branch fails with 422 "Reference already exists"
 * (GitHub refuses to move a branch with create), and then the correction waits in the durable
 * queue (`draft_open`): its pull request is opened by a later attempt, once the draft is published
 * or deleted, so it reaches the CMS Workflow tab as its own change, against the entry as the
 * editor left it. Meanwhile the editor is told, once, by a comment on the draft's pull request with
 * the change field by field, so they may take it into their draft. While a draft is known, each
 * later attempt first looks at the branch (one call) before doing anything else.
 */
import { editEntryFile, EntryFileEditError, type ValueChange } from '../../content/edit-entry-file.ts';
import { decodeEntryFile } from '../../content/entry-file.ts';
import { FrontMatterError, parseFrontMatter } from '../../content/front-matter.ts';
import type { Entry } from '../../schema/entry.ts';
import { correctionSource, sourcesWith } from '../intake/correction-changes.ts';
import type { ApplicationRecord, DeliveryProgress } from '../store/application-store.ts';
import { entryFilePath } from '../../schema/collections.ts';
import { draftNoteText } from './correction-review-text.ts';
import { branchFor, commitMessage, referenceInCommitMessage, updateTitleFor } from './decap-workflow.ts';
import type { Deadline } from './deadline.ts';
import { within, type GitHubClient } from './github-client.ts';
import type { Log } from '../log.ts';
import { DeliveryError } from './review-target.ts';

export interface CorrectionContext {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  baseBranch: string;
  log: Log;
  siteUrl?: string;
}

const status = (error: unknown) => (error as { status?: number }).status;
const messageOf = (error: unknown) => String((error as { message?: string }).message ?? '');

/**
 * The new text of the entry file, or `undefined` when the corrected values are there already: the
 * changed values, and the correction's source added to the entry's sources (correction-changes.ts).
 */
export function correctedFile(record: ApplicationRecord, current: string): string | undefined {
  const c = record.correction!;
  let edited: string;
  try {
    const changes: ValueChange[] = c.changes.map((change) => ({ field: change.field, locale: change.locale, to: change.to }));
    const source = correctionSource(record.reference, new Date(record.received_at), c.source_url);
    if (source) {
      const { data, body } = parseFrontMatter(current);
      const sources = decodeEntryFile(data, body).value.sources as Entry['sources'];
      const next = sourcesWith(Array.isArray(sources) ? sources : undefined, source);
      if (next !== sources) changes.push({ field: 'sources', to: next });
    }
    edited = editEntryFile(current, changes);
  } catch (error) {
    if (error instanceof FrontMatterError) throw new DeliveryError('entry_file_unreadable', { cause: error });
    if (error instanceof EntryFileEditError) throw new DeliveryError('entry_file_unreadable', { cause: error });
    throw error;
  }
  return edited === current ? undefined : edited;
}

export async function createCorrectionBranch(
  ctx: CorrectionContext,
  record: ApplicationRecord,
  progress: DeliveryProgress,
  save: (p: DeliveryProgress) => Promise<void>,
  deadline: Deadline,
): Promise<DeliveryProgress> {
  const { octokit, owner, repo, baseBranch } = ctx;
  const where = { owner, repo };
  const slug = record.correction!.slug;
  const branch = branchFor(slug);
  const path = entryFilePath(slug);

  /** The branch's head if this correction created it on an earlier attempt; undefined if it is someone else's. */
  const ours = async (): Promise<{ exists: boolean; head?: string }> => {
    let sha: string;
    try {
      sha = (await octokit.rest.git.getRef({ ...where, ref: `heads/${branch}`, ...within(deadline) })).data.object.sha;
    } catch (error) {
      if (status(error) === 404) return { exists: false };
      throw error;
    }
    const { data: commit } = await octokit.rest.git.getCommit({ ...where, commit_sha: sha, ...within(deadline) });
    return { exists: true, head: referenceInCommitMessage(commit.message) === record.reference ? sha : undefined };
  };

  const waitForDraft = async (): Promise<never> => {
    if (!progress.draft_pull_noted) {
      const { data: pulls } = await octokit.rest.pulls.list({ ...where, head: `${owner}:${branch}`, state: 'open', ...within(deadline) });
      const draft = pulls[0];
      if (draft) {
        await octokit.rest.issues.createComment({ ...where, issue_number: draft.number, body: draftNoteText(record), ...within(deadline) });
        await save({ ...progress, draft_pull_noted: draft.number });
      }
    }
    throw new DeliveryError('draft_open');
  };

  const done = async (head: string) => {
    const next: DeliveryProgress = { ...progress, target: 'github', slug, branch, commit_sha: head };
    await save(next);
    return next;
  };

  if (progress.draft_pull_noted || progress.last_error === 'draft_open') {
    const found = await ours();
    if (found.head) return done(found.head);
    if (found.exists) return waitForDraft();
  }

  const { data: base } = await octokit.rest.git.getRef({ ...where, ref: `heads/${baseBranch}`, ...within(deadline) });
  let current: string;
  try {
    const { data } = await octokit.rest.repos.getContent({ ...where, path, ref: base.object.sha, ...within(deadline) });
    if (Array.isArray(data) || data.type !== 'file' || typeof data.content !== 'string') throw new DeliveryError('entry_file_unreadable');
    current = Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if (status(error) === 404) return { ...progress, target: 'github', slug, settled: 'entry_gone' };
    throw error;
  }
  const edited = correctedFile(record, current);
  if (edited === undefined) return { ...progress, target: 'github', slug, settled: 'already_applied' };

  const { data: tree } = await octokit.rest.git.createTree({
    ...where,
    base_tree: base.object.sha,
    tree: [{ path, mode: '100644', type: 'blob', content: edited }],
    ...within(deadline),
  });
  const { data: commit } = await octokit.rest.git.createCommit({
    ...where,
    message: commitMessage(slug, record.reference, updateTitleFor(slug)),
    tree: tree.sha,
    parents: [base.object.sha],
    ...within(deadline),
  });
  try {
    await octokit.rest.git.createRef({ ...where, ref: `refs/heads/${branch}`, sha: commit.sha, ...within(deadline) });
  } catch (error) {
    if (status(error) !== 422 || !/reference already exists/i.test(messageOf(error))) throw error;
    const found = await ours();
    if (found.head) return done(found.head); // an earlier attempt created it, then failed before recording it
    return waitForDraft();
  }
  return done(commit.sha);
}
