/**
 * A correction in the local repository (the embedded default of `npm start`), in the shape
 * decap-server's git mode lists as an unpublished edit of an existing entry: branch
 * `cms/groups/<slug>` with one commit on the base branch changing `content/groups/<slug>.md`
 * (only the corrected values' lines), and the status `decap-cms/pending_review` in
 * `git config branch.<branch>.description`. Written with plumbing, never touching the working tree
 * or the index (decap-server checks branches out there), under the delivery lock.
 *
 * An editor's draft of the entry (the branch exists, without this correction's trailer) is never
 * overwritten: `update-ref <ref> <new> <zero>` would refuse anyway, and the correction waits in
 * the queue (`draft_open`) until the draft is published or deleted, then arrives as its own change.
 * Locally there is no pull request to comment on; the Applications view and
 * `npm run join:deliver -- --list` show the wait.
 */
import type { ApplicationRecord, DeliveryProgress } from '../store/application-store.ts';
import { entryFilePath } from '../../schema/collections.ts';
import { branchFor, commitMessage, referenceInCommitMessage, updateTitleFor } from './decap-workflow.ts';
import { commitFile, git, resolveRef, setStatus, ZERO } from './local-git-plumbing.ts';
import { correctedFile } from './open-correction.ts';
import { DeliveryError, type ReviewState } from './review-target.ts';

/** The file at `ref`, or undefined when it is not there. */
async function fileAt(repoPath: string, ref: string, path: string): Promise<string | undefined> {
  const listed = await git(repoPath, ['ls-tree', '--name-only', ref, '--', path]);
  if (listed.trim() === '') return undefined;
  return git(repoPath, ['cat-file', 'blob', `${ref}:${path}`]);
}

export async function openLocalCorrection(
  repoPath: string,
  baseBranch: string,
  record: ApplicationRecord,
  save: (p: DeliveryProgress) => Promise<void>,
): Promise<DeliveryProgress> {
  const slug = record.correction!.slug;
  const branch = branchFor(slug);
  const path = entryFilePath(slug);
  const base = await resolveRef(repoPath, `refs/heads/${baseBranch}`);
  if (!base) throw new DeliveryError('local_git_no_base_branch');

  let head = await resolveRef(repoPath, `refs/heads/${branch}`);
  if (head) {
    const message = await git(repoPath, ['log', '-1', '--format=%B', head]);
    if (referenceInCommitMessage(message) !== record.reference) throw new DeliveryError('draft_open'); // an editor's draft: wait
  } else {
    const current = await fileAt(repoPath, base, path);
    if (current === undefined) return { ...record.delivery, target: 'local-git', slug, settled: 'entry_gone' };
    const edited = correctedFile(record, current);
    if (edited === undefined) return { ...record.delivery, target: 'local-git', slug, settled: 'already_applied' };
    const commit = await commitFile(repoPath, base, path, edited, commitMessage(slug, record.reference, updateTitleFor(slug)));
    try {
      await git(repoPath, ['update-ref', '-m', `correction: ${record.reference}`, `refs/heads/${branch}`, commit, ZERO]);
    } catch (error) {
      if (await resolveRef(repoPath, `refs/heads/${branch}`)) throw new DeliveryError('draft_open', { cause: error }); // a draft appeared meanwhile
      throw error;
    }
    head = commit;
  }
  await setStatus(repoPath, branch);
  const progress: DeliveryProgress = { ...record.delivery, target: 'local-git', slug, branch, commit_sha: head, labelled: true };
  await save(progress);
  return progress;
}

/** Open while its branch is there; once gone, merged if the base branch holds its commit (decap-server merges on publish). */
export async function localCorrectionStatus(repoPath: string, baseBranch: string, record: ApplicationRecord): Promise<ReviewState | undefined> {
  const { branch, commit_sha: commit } = record.delivery;
  if (!branch || !commit) return undefined;
  const head = await resolveRef(repoPath, `refs/heads/${branch}`);
  if (head === commit) return 'open';
  try {
    await git(repoPath, ['merge-base', '--is-ancestor', commit, `refs/heads/${baseBranch}`]);
    return 'merged';
  } catch {
    return head ? 'open' : 'closed'; // exit 1: not merged (a later draft of the entry may hold the branch now)
  }
}
