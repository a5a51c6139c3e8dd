/**
 * `npm start`: the whole site on this machine, with no account or token.
 *
 *   1. builds everything (`npm run build`);
 *   2. starts decap-server in git mode, reached on port DECAP_SERVER_PORT (8081) through a guard
 *      that lets only this machine's own pages in (loopback Host and Origin, see
 *      loopback-guard.ts; decap-server itself listens on an internal port): the CMS at /admin,
 *      opened on localhost, commits to this repository's local branches instead of GitHub —
 *      drafts on branches `cms/<collection>/<slug>`, publishing merges into the local main branch;
 *   3. starts the site, /admin and the functions on port PORT (8888) in one Node process: the
 *      runtime `npm run serve` uses in production (scripts/serve.ts --local), which routes the
 *      same function modules by their own config.path and serves dist/ with netlify.toml's
 *      headers and redirects, as Netlify does; Netlify Blobs live in the local Blobs server,
 *      where `netlify dev` keeps them. (Netlify's own local runtime answered each function call
 *      in 200–700 ms; this answers in about the time of a static file: bench/RESULTS.md);
 *   4. rebuilds the directory data (and the public pages) whenever the main branch gets a new
 *      commit (publishing in the CMS, or your own commit), from that commit, as a Netlify deploy
 *      would, then tells the server to reload the functions (SIGHUP);
 *   5. on Ctrl-C or SIGTERM stops its children by process group.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backendSettingsFromEnv, CmsSettingsError } from '../src/cms/backend-settings.ts';
import { DEFAULT_DECAP_SERVER_PORT } from '../src/schema/settings.ts';
import { locateCity } from '../src/geo/locate-city.ts';
import { buildContent } from '../src/content/write-artefact.ts';
import { startLoopbackGuard } from './loopback-guard.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const children: ChildProcess[] = [];
let site: ChildProcess | undefined;
let stopping = false;

class StartError extends Error {}

function fail(message: string): never {
  throw new StartError(message);
}

/** For questions git answers with a non-zero exit (an unset config key, a missing branch). */
function gitOrEmpty(...args: string[]): string {
  const result = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return result.status === 0 ? result.stdout.trim() : '';
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer()
      .once('error', () => done(false))
      .once('listening', () => server.close(() => done(true)))
      .listen(port, '127.0.0.1');
  });
}

/** A free port on 127.0.0.1, chosen by the system. */
function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => done(port));
      });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
}

/** A long-running child in its own process group, so that stopping it stops everything it started. */
function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit', detached: true });
  children.push(child);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`npm start: ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the rest.`);
    void stop(1);
  });
  return child;
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  fail(`${what} did not become ready within ${timeoutMs / 1000} s`);
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
  const signal = (sig: NodeJS.Signals) => {
    for (const c of children) {
      if (!c.pid || !alive(c)) continue;
      try {
        process.kill(-c.pid, sig);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // ESRCH: the group has already exited
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 5000;
  while (children.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  signal('SIGKILL');
  process.exit(code);
}

function runAsync(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('error', (error) => {
      console.error(`npm start: could not run ${command}: ${error.message}`);
      done(false);
    });
    child.once('exit', (code) => done(code === 0));
  });
}

/**
 * Builds the directory data from one commit of the main branch, never from the working tree
 * (decap-server checks branches out there), then the public pages from that data.
 */
async function rebuildFrom(commit: string, env: NodeJS.ProcessEnv): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'solidarity-content-'));
  try {
    execFileSync('sh', ['-c', 'git archive --format=tar "$1" content | tar -x -C "$2"', 'sh', commit, dir], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const built = join(dir, '.generated');
    const result = await buildContent(dir, built, { locate: locateCity });
    if (result.ok) {
      // Postings files first: a new JSON file names its own, which must already be there.
      const names = (await readdir(built)).sort((x, y) => Number(y.endsWith('.bin')) - Number(x.endsWith('.bin')));
      for (const name of names) await copyFile(join(built, name), join(ROOT, 'generated', name));
    }
    if (!result.ok) {
      console.error(`\nContent build failed for ${commit.slice(0, 8)}; the site keeps the previous data:\n  ${result.messages.join('\n  ')}`);
      return;
    }
    const pages = await runAsync('npm', ['run', '--silent', 'build:site'], env);
    reloadSite();
    console.log(
      `\nRebuilt from ${commit.slice(0, 8)}: ${result.artefact.entries.length} groups in the API${pages ? ' and the pages' : '; the page build failed (above)'}.`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The site server reads the new artefact when told to (scripts/serve.ts reloads on SIGHUP). */
function reloadSite(): void {
  if (site?.pid && site.exitCode === null) process.kill(site.pid, 'SIGHUP');
}

function watchBranch(branch: string, env: NodeJS.ProcessEnv): void {
  let seen = gitOrEmpty('rev-parse', `refs/heads/${branch}`);
  let busy = false;
  const timer = setInterval(async () => {
    if (busy || stopping) return;
    const now = gitOrEmpty('rev-parse', `refs/heads/${branch}`);
    if (!now || now === seen) return;
    busy = true;
    seen = now;
    try {
      await rebuildFrom(now, env);
    } catch (error) {
      console.error(`\nContent rebuild failed: ${(error as Error).message}`);
    } finally {
      busy = false;
    }
  }, 1000);
  timer.unref();
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));

  const port = Number(process.env.PORT || 8888);
  const decapPort = Number(process.env.DECAP_SERVER_PORT || DEFAULT_DECAP_SERVER_PORT);
  let branch: string;
  try {
    branch = backendSettingsFromEnv({ ...process.env, DECAP_SERVER_PORT: String(decapPort) }).branch;
  } catch (error) {
    if (error instanceof CmsSettingsError) fail(error.message);
    throw error;
  }
  if (!gitOrEmpty('rev-parse', '--verify', '--quiet', `refs/heads/${branch}`)) {
    fail(`the CMS works on the local branch "${branch}", which does not exist here; create it or set GITHUB_BASE_BRANCH`);
  }
  for (const [name, p] of [
    ['PORT', port],
    ['DECAP_SERVER_PORT', decapPort],
  ] as const) {
    if (!(await portIsFree(p))) fail(`port ${p} is in use; stop what uses it or set ${name}`);
  }
  if (gitOrEmpty('status', '--porcelain', '--untracked-files=normal')) {
    console.warn(
      'npm start: warning: the working tree has uncommitted changes. decap-server commits everything in the working tree (git add .) with each CMS save; commit your own work first.',
    );
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NETLIFY_TELEMETRY_DISABLED: '1',
    DECAP_SERVER_PORT: String(decapPort),
    // Links in the pages and the CMS's "view live" point at this local site unless told otherwise.
    SITE_URL: process.env.SITE_URL || `http://localhost:${port}`,
  };
  // Decap's git mode commits as the configured git user; give it one when this clone has none.
  const gitUser: NodeJS.ProcessEnv = gitOrEmpty('config', 'user.email')
    ? {}
    : { GIT_AUTHOR_NAME: 'Local editor', GIT_AUTHOR_EMAIL: 'editor@localhost', GIT_COMMITTER_NAME: 'Local editor', GIT_COMMITTER_EMAIL: 'editor@localhost' };

  run('npm', ['run', 'build'], env);

  // decap-server: https://github.com/decaporg/decap-cms/tree/main/packages/decap-server (MODE, PORT, BIND_HOST, GIT_REPO_DIRECTORY).
  const internalDecapPort = await freePort();
  startChild('decap-server', process.execPath, [join(ROOT, 'node_modules', 'decap-server', 'dist', 'index.js')], {
    ...env,
    ...gitUser,
    MODE: 'git', // set explicitly: vitest sets MODE=test, which decap-server would refuse
    PORT: String(internalDecapPort), // reached only through the loopback guard below
    BIND_HOST: '127.0.0.1', // it writes to the repository; nobody else on the network should
    GIT_REPO_DIRECTORY: ROOT,
  });
  // Node runs the TypeScript through tsx's loader in this very process, so SIGHUP reaches it.
  site = startChild('site server', process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'serve.ts'), '--local'], {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
  });

  (await startLoopbackGuard(decapPort, internalDecapPort)).unref();
  const decapUrl = `http://127.0.0.1:${decapPort}/api/v1`;
  await waitFor('decap-server', async () => {
    const res = await fetch(decapUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' });
    return res.ok && ((await res.json()) as { type?: string }).type === 'local_git';
  });
  await waitFor('the site server', async () => (await fetch(`http://127.0.0.1:${port}/admin/`)).ok);
  if (stopping) return;
  watchBranch(branch, env);

  console.log(
    [
      '',
      'Solidarity Directory is running:',
      `  Site:          http://localhost:${port}/`,
      `  Editors (CMS): http://localhost:${port}/admin/  (click "Login" — no account needed locally)`,
      `  API:           http://localhost:${port}/api/v1/groups`,
      `  decap-server:  ${decapUrl}  (git mode, branch ${branch})`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

try {
  await main();
} catch (error) {
  console.error(error instanceof StartError ? `npm start: ${error.message}` : error);
  await stop(1);
}
