/**
 * Git plumbing for the local review target (the embedded default): commits written without
 * touching the working tree or the index (decap-server checks branches out there), refs created
 * only if new, the workflow status where decap-server's git mode reads it, and a lock that
 * serialises deliveries. Shared by new entries (local-git-delivery.ts) and corrections
 * (local-git-correction.ts).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { branchDescriptionKey, PENDING_REVIEW_LABEL } from './decap-workflow.ts';
import { DeliveryError } from './review-target.ts';

export const ZERO = '0000000000000000000000000000000000000000';
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
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
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
