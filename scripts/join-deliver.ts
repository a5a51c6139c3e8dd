/**
 * `npm run join:deliver` — the operator's command for the join queue: applications stored while
 * GitHub was failing. The scheduled function delivers them every 15 minutes; this does it now.
 *
 *   npm run join:deliver                  deliver every queued application whose retry time has come
 *   npm run join:deliver -- --all         deliver every queued application now
 *   npm run join:deliver -- <REFERENCE>   deliver one application now
 *   npm run join:deliver -- --list        show the queue
 *
 * It uses the same settings as the site (GITHUB_*, JOIN_*), and reaches the production store with
 * NETLIFY_SITE_ID and NETLIFY_AUTH_TOKEN (see src/runtime/join-store.ts). Delivery is exactly-once:
 * running it while the scheduled function runs, or twice, opens no second pull request.
 */
import { parseArgs } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Artefact } from '../src/engine/artefact.ts';
import { readJoinConfig } from '../src/join/config.ts';
import { consoleLog, createJoinRuntime } from '../src/join/wire.ts';
import { readReference } from '../src/schema/join.ts';
import { openJoinStore } from '../src/runtime/join-store.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** An operator's run has no function time limit; each application still gets a bounded attempt. */
const COMMAND_BUDGET_MS = 10 * 60_000;

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = 'usage: npm run join:deliver [-- --all | --list | <REFERENCE>]';

export async function deliverCommand(argv: string[], env: Record<string, string | undefined>, io: Output, cwd = process.cwd()): Promise<number> {
  let parsed;
  try {
    // https://nodejs.org/api/util.html#utilparseargsconfig
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { all: { type: 'boolean' }, list: { type: 'boolean' }, help: { type: 'boolean' } },
    });
  } catch {
    io.err(USAGE);
    return 2;
  }
  const { values: flags, positionals: words } = parsed;
  if (flags.help) {
    io.out(USAGE);
    return 0;
  }
  if (words.length > 1) {
    io.err(USAGE);
    return 2;
  }
  const reference = words[0] === undefined ? undefined : readReference(words[0]);
  if (words[0] !== undefined && !reference) {
    io.err(`"${words[0]}" is not an application reference (like 7KQ2-M9X4-T1B8-C3D5)`);
    return 2;
  }
  const read = readJoinConfig(env, cwd);
  if (!read.ok) {
    io.err(read.message);
    return 2;
  }
  const { config } = read;
  const artefact = ((await import(pathToFileURL(join(PROJECT_ROOT, 'generated', 'directory.mjs')).href)) as { default: Artefact }).default;
  const opened = await openJoinStore(config.storeName, env, config.mode === 'local-git' ? config.local.repoPath : cwd);
  try {
    io.out(
      `Join queue in ${opened.where}; delivering to ${config.mode === 'github' ? `GitHub ${config.github.owner}/${config.github.repo}` : `the local repository ${config.local.repoPath}`}.`,
    );
    const runtime = createJoinRuntime(config, {
      artefact,
      openStore: () => opened.store,
      log: { ...consoleLog, info: (m) => io.out(m) },
      budgetMs: COMMAND_BUDGET_MS,
    });
    const { queue, store } = runtime.services();
    if (flags.list) {
      const items = await queue.list();
      if (items.length === 0) io.out('The queue is empty.');
      for (const item of items) {
        const record = await store.get(item.reference);
        io.out(
          `${item.reference}  ${record?.state ?? 'no record'}  attempts ${item.attempts}  ${record?.delivery.last_error ?? ''}  next ${item.not_before}`.replace(
            /\s+/g,
            ' ',
          ),
        );
      }
      return 0;
    }
    const report = await runtime.drain(COMMAND_BUDGET_MS, { ...(reference ? { reference } : {}), all: flags.all === true });
    io.out(`Opened for review: ${report.delivered.length ? report.delivered.join(', ') : 'none'}.`);
    if (report.queued.length) io.out(`Still queued (see the warnings above): ${report.queued.join(', ')}.`);
    if (report.skipped.length) io.out(`Skipped (not queued, already delivered, or taken by another run): ${report.skipped.join(', ')}.`);
    return report.queued.length > 0 ? 1 : 0;
  } finally {
    await opened.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await deliverCommand(process.argv.slice(2), process.env, { out: (l) => console.log(l), err: (l) => console.error(l) });
}
