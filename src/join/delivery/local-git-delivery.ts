/**
 * The embedded default review target: with no GitHub configured, an application becomes a branch
 * of the local repository shaped like one Decap CMS's editorial workflow creates, so a newcomer
 * running `npm start` sees it in the local CMS's Workflow tab (decap-server, git mode):
 *
 * - branch `cms/groups/<slug>` with one commit adding `content/groups/<slug>.md` on the base branch;
 * - `git config branch.cms/groups/<slug>.description decap-cms/pending_review`, which is where
 *   decap-server's git mode keeps an entry's workflow status.
 *
 * decap-server checks branches out in the working tree, and a developer may be editing there, so
 * this never touches the working tree or the repository's index: the blob, tree and commit are
 * written with plumbing (`hash-object`, `read-tree` into a *temporary* index file, `update-index`,
 * `write-tree`, `commit-tree`) and the branch is created with `update-ref <ref> <new> <zero>`,
 * which fails rather than overwrite a branch that appeared meanwhile. A lock file serialises
 * deliveries (several functions may deliver at once), and the commit carries the Join-Reference
 * trailer so a retry recognises its own branch.
 */
import { entryFilePath } from '../../schema/collections.ts';
import type { DeliveryProgress } from '../store/application-store.ts';
import { entryFile, slugCandidates, withSlug } from '../intake/build-entry.ts';
import { branchFor, commitMessage, referenceInCommitMessage } from './decap-workflow.ts';
import type { Deadline } from './deadline.ts';
import { openLocalCorrection, localCorrectionStatus } from './local-git-correction.ts';
import { commitFile, git, resolveRef, setStatus, withLock, ZERO } from './local-git-plumbing.ts';
import { DeliveryError, type ReviewState, type ReviewTarget } from './review-target.ts';

export { git } from './local-git-plumbing.ts';

export interface LocalGitOptions {
  repoPath: string;
  baseBranch: string;
  isPublished: (slug: string) => boolean;
  /** How long to wait for another delivery's lock before giving up (the queue retries later). */
  lockWaitMs?: number;
}

export function createLocalGitTarget(options: LocalGitOptions): ReviewTarget {
  const { repoPath, baseBranch } = options;

  async function ours(branch: string, reference: string): Promise<string | undefined> {
    const head = await resolveRef(repoPath, `refs/heads/${branch}`);
    if (!head) return undefined;
    const message = await git(repoPath, ['log', '-1', '--format=%B', head]);
    return referenceInCommitMessage(message) === reference ? head : undefined;
  }

  return {
    kind: 'local-git',
    async open(record, save, _deadline: Deadline) {
      if (record.kind === 'correction') return withLock(repoPath, options.lockWaitMs ?? 10_000, () => openLocalCorrection(repoPath, baseBranch, record, save));
      return withLock(repoPath, options.lockWaitMs ?? 10_000, async () => {
        const base = await resolveRef(repoPath, `refs/heads/${baseBranch}`);
        if (!base) throw new DeliveryError('local_git_no_base_branch');
        const wished = record.delivery.slug ?? record.entry.slug;
        for (const slug of slugCandidates(wished, record.reference)) {
          if (options.isPublished(slug)) continue;
          const branch = branchFor(slug);
          const file = entryFile(withSlug(record.entry, slug));
          let head = await ours(branch, record.reference);
          if (!head) {
            if (await resolveRef(repoPath, `refs/heads/${branch}`)) continue; // another entry's branch
            const inBase = await git(repoPath, ['ls-tree', '--name-only', base, '--', file.path]);
            if (inBase.trim() !== '') continue; // published after the content index was built
            const commit = await commitFile(repoPath, base, file.path, file.content, commitMessage(slug, record.reference));
            try {
              await git(repoPath, ['update-ref', '-m', `join: ${record.reference}`, `refs/heads/${branch}`, commit, ZERO]);
            } catch (error) {
              if (!(await resolveRef(repoPath, `refs/heads/${branch}`))) throw error;
              continue; // the branch appeared between the check and the update: try the next suffix
            }
            head = commit;
          }
          await setStatus(repoPath, branch);
          const progress: DeliveryProgress = { ...record.delivery, target: 'local-git', slug, branch, commit_sha: head, labelled: true };
          await save(progress);
          return progress;
        }
        throw new DeliveryError('no_free_slug');
      });
    },
    async status(record): Promise<ReviewState | undefined> {
      if (record.kind === 'correction') return localCorrectionStatus(repoPath, baseBranch, record);
      const { branch, slug } = record.delivery;
      if (!branch || !slug) return undefined;
      if (await resolveRef(repoPath, `refs/heads/${branch}`)) return 'open';
      // decap-server merges a published entry into the base branch and deletes its branch.
      const inBase = await git(repoPath, ['ls-tree', '--name-only', `refs/heads/${baseBranch}`, '--', entryFilePath(slug)]);
      return inBase.trim() !== '' ? 'merged' : 'closed';
    },
  };
}
