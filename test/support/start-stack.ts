/**
 * Starts the `npm start` stack (scripts/start.ts: build, decap-server in git mode, the site server)
 * in a temporary clone of the working tree, for browser and local-runtime tests.
 *
 * Why a clone: decap-server checks branches out in the working tree and commits with `git add .`;
 * it must never do that in the tree people are editing. The clone holds the committed history
 * plus a snapshot commit of the working tree's uncommitted changes (so tests see what is on
 * disk, and decap-server finds a clean tree). node_modules is a symlink, kept out of git.
 * Ports are picked free, so several stacks (and a developer's own `npm start`) can run at once.
 *
 *   const stack = await startStack({ root: PROJECT_ROOT });
 *   … stack.url, stack.decapUrl, stack.repo …
 *   await stack.stop();
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFile, lstat, mkdir, mkdtemp, rm, symlink, appendFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface Stack {
  /** The site, e.g. http://localhost:41234 (no trailing slash). */
  url: string;
  /** decap-server's API, e.g. http://127.0.0.1:41235/api/v1 */
  decapUrl: string;
  /** The temporary clone the stack runs in. */
  repo: string;
  /** The branch the CMS publishes to. */
  branch: string;
  /** Everything the stack has printed so far (build, decap-server, the site server). */
  output(): string;
  /** Runs git in the clone. */
  git(...args: string[]): Promise<string>;
  /** Stops the stack by process group and deletes the clone. */
  stop(): Promise<void>;
}

export interface StackOptions {
  /** The project folder to clone (its working tree, uncommitted changes included). */
  root: string;
  /** Extra environment for scripts/start.ts. */
  env?: Record<string, string>;
  /** How long to wait for the stack to print its URLs. */
  timeoutMs?: number;
}

/** Author of the snapshot commit and of anything tests commit in the clone. */
const TEST_GIT_USER = { name: 'Stack test', email: 'stack-test@localhost' };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
  });
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

function nulList(text: string): string[] {
  return text.split('\0').filter(Boolean);
}

/** Clones `root` and commits its uncommitted changes on top, on the branch the CMS uses. */
async function cloneWorkingTree(root: string, dir: string, branch: string): Promise<void> {
  await git(dir, 'clone', '--quiet', '--no-hardlinks', root, 'repo');
  const repo = join(dir, 'repo');
  await git(repo, 'config', 'user.name', TEST_GIT_USER.name);
  await git(repo, 'config', 'user.email', TEST_GIT_USER.email);
  const changed = nulList(await git(root, 'ls-files', '-z', '--modified', '--others', '--exclude-standard'));
  const deleted = new Set(nulList(await git(root, 'ls-files', '-z', '--deleted')));
  for (const path of changed) {
    if (deleted.has(path)) continue;
    const stat = await lstat(join(root, path));
    if (!stat.isFile()) continue; // a nested repository or a socket is not content
    await mkdir(dirname(join(repo, path)), { recursive: true });
    await copyFile(join(root, path), join(repo, path));
  }
  for (const path of deleted) await rm(join(repo, path), { force: true });
  await git(repo, 'add', '-A');
  if (await git(repo, 'status', '--porcelain')) await git(repo, 'commit', '--quiet', '--no-verify', '-m', 'Snapshot of the working tree for a test stack');
  await git(repo, 'checkout', '--quiet', '-B', branch);
  // A symlink is not a directory to git, so `.gitignore`'s `node_modules/` does not cover it, and
  // decap-server's `git add .` would commit it.
  await appendFile(join(repo, '.git', 'info', 'exclude'), '\nnode_modules\n');
  await symlink(join(root, 'node_modules'), join(repo, 'node_modules'), 'dir');
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // ESRCH: already gone
  }
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const branch = options.env?.GITHUB_BASE_BRANCH ?? 'main';
  const dir = await mkdtemp(join(tmpdir(), 'solidarity-stack-'));
  const repo = join(dir, 'repo');
  let child: ChildProcess | undefined;
  let log = '';
  const stop = async () => {
    if (child?.pid) {
      // scripts/start.ts stops its own children's process groups on SIGTERM.
      killGroup(child.pid, 'SIGTERM');
      if (!(await waitForExit(child, 15_000))) killGroup(child.pid, 'SIGKILL');
    }
    // A grandchild may still be flushing into .netlify for a moment after its group is gone.
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  try {
    await cloneWorkingTree(options.root, dir, branch);
    const port = await freePort();
    let decapPort = await freePort();
    while (decapPort === port) decapPort = await freePort();
    child = spawn(process.execPath, [join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'], {
      cwd: repo,
      detached: true, // its own process group: stop() signals the group
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(port),
        DECAP_SERVER_PORT: String(decapPort),
        GITHUB_BASE_BRANCH: branch,
        NETLIFY_TELEMETRY_DISABLED: '1',
        BROWSER: 'none',
        ...options.env,
      },
    });
    const started = child;
    const ready = new Promise<{ url: string; decapUrl: string }>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        if (log.length > 2_000_000) log = log.slice(-1_000_000);
        const site = /Site:\s+(http:\/\/\S+?)\/?\s*$/m.exec(log);
        const decap = /decap-server:\s+(http:\/\/\S+)/m.exec(log);
        if (site && decap && /Press Ctrl-C to stop/.test(log)) resolve({ url: site[1]!, decapUrl: decap[1]! });
      };
      started.stdout!.on('data', onData);
      started.stderr!.on('data', onData);
      started.once('exit', (code, signal) => reject(new Error(`npm start exited early (${signal ?? code}):\n${log.slice(-4000)}`)));
      setTimeout(
        () => reject(new Error(`npm start did not print its URLs within ${(options.timeoutMs ?? 180_000) / 1000} s:\n${log.slice(-4000)}`)),
        options.timeoutMs ?? 180_000,
      ).unref();
    });
    const { url, decapUrl } = await ready;
    return { url, decapUrl, repo, branch, output: () => log, git: (...args) => git(repo, ...args), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
