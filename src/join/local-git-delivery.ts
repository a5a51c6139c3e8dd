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
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeliveryProgress } from './application-store.ts';
import { entryFile, suffixedSlug, withSlug } from './build-entry.ts';
import { branchDescriptionKey, branchFor, commitMessage, PENDING_REVIEW_LABEL, referenceInCommitMessage } from './decap-workflow.ts';
import type { Deadline } from './github-client.ts';
import { openLocalCorrection, localCorrectionStatus } from './local-git-correction.ts';
import { DeliveryError, type ReviewState, type ReviewTarget } from './review-target.ts';

export interface LocalGitOptions {
  repoPath: string;
  baseBranch: string;
  isPublished: (slug: string) => boolean;
  /** How long to wait for another delivery's lock before giving up (the queue retries later). */
  lockWaitMs?: number;
}

export const ZERO = '0000000000000000000000000000000000000000';
const MAX_SLUG_TRIES = 20;
/** A lock older than this was left by a process that died. */
const STALE_LOCK_MS = 60_000;

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Solidarity Directory join form',
  GIT_AUTHOR_EMAIL: 'join-form@solidarity-directory.invalid',
  GIT_COMMITTER_NAME: 'Solidarity Directory join form',
  GIT_COMMITTER_EMAIL: 'join-form@solidarity-directory.invalid',
};

/** The environment git runs in: ours, without any GIT_* variable inherited from a hook or shell. */
function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  return { ...env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', ...IDENTITY, ...extra };
}

export function git(repoPath: string, args: string[], input?: string, extraEnv?: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd: repoPath, env: gitEnv(extraEnv), maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(new Error(`git ${args[0]} failed: ${stderr.trim().split('\n')[0] ?? ''}`), { cause: error }));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

/** `git rev-parse --verify --quiet <ref>` without treating "absent" as an error. */
export async function resolveRef(repoPath: string, ref: string): Promise<string | undefined> {
  try {
    return (await git(repoPath, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim() || undefined;
  } catch {
    return undefined; // --quiet exits 1 with no output when the ref does not exist
  }
}

export async function withLock<T>(repoPath: string, waitMs: number, work: () => Promise<T>): Promise<T> {
  const gitDir = (await git(repoPath, ['rev-parse', '--absolute-git-dir'])).trim();
  const lock = join(gitDir, 'solidarity-join.lock');
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > STALE_LOCK_MS) await rm(lock, { force: true });
      else if (Date.now() > until) throw new DeliveryError('local_git_locked');
      else await new Promise((r) => setTimeout(r, 25 + Math.random() * 50));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

/** Writes the commit adding `path` on `base`, without touching the working tree or the index. */
export async function commitFile(repoPath: string, base: string, path: string, content: string, message: string): Promise<string> {
  const blob = (await git(repoPath, ['hash-object', '-w', '--stdin'], content)).trim();
  const index = join(tmpdir(), `join-index-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    const env = { GIT_INDEX_FILE: index };
    await git(repoPath, ['read-tree', base], undefined, env);
    await git(repoPath, ['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], undefined, env);
    const tree = (await git(repoPath, ['write-tree'], undefined, env)).trim();
    return (await git(repoPath, ['commit-tree', '--no-gpg-sign', tree, '-p', base, '-F', '-'], message)).trim();
  } finally {
    await rm(index, { force: true });
  }
}

export async function setStatus(repoPath: string, branch: string): Promise<void> {
  // decap-server may be writing .git/config at the same moment: git then refuses with a lock error.
  for (let attempt = 1; ; attempt++) {
    try {
      await git(repoPath, ['config', branchDescriptionKey(branch), PENDING_REVIEW_LABEL]);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
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
        for (let n = 1; n <= MAX_SLUG_TRIES; n++) {
          const slug = suffixedSlug(wished, n);
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
      const inBase = await git(repoPath, ['ls-tree', '--name-only', `refs/heads/${baseBranch}`, '--', `content/groups/${slug}.md`]);
      return inBase.trim() !== '' ? 'merged' : 'closed';
    },
  };
}
