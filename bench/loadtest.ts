/**
 * `npm run loadtest`: what the directory withstands, measured on 127.0.0.1 only, bounded in time.
 *
 *  1. The functions themselves behind a minimal Node adapter (one process, as a serverless runtime
 *     calls them), as ratios of a constant pre-serialised 20-entry body served by the same adapter
 *     in the same run: distinct queries (every one a response-cache miss), repeated queries, and
 *     If-None-Match revalidations. Then a CPU profile of the distinct-query run: where time goes.
 *  2. Through the `npm start` stack (Netlify's local runtime, in a temporary clone), as a user
 *     meets it: requests per second, latency, errors, and that there is no 5xx.
 *
 * LOADTEST_SECONDS (default 5) per run; LOADTEST_SKIP_STACK=1 skips part 2.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listArtefact } from '../src/content/write-artefact.ts';
import { buildArtefact } from '../src/content/build-artefact.ts';
import { startStack } from '../test/support/start-stack.ts';
import { syntheticContent } from '../test/support/synthetic-corpus.ts';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 5);
/** Netlify's local runtime answers in seconds under load: give its runs time for a fair sample. */
const STACK_SECONDS = Number(process.env.LOADTEST_STACK_SECONDS ?? 20);
const CONNECTIONS = [10, 50];
const WORK = mkdtempSync(join(tmpdir(), 'sd-loadtest-'));
const ARTEFACT_FILE = join(WORK, 'directory-list.json');
writeFileSync(ARTEFACT_FILE, JSON.stringify(listArtefact(buildArtefact(syntheticContent(10_000, 42), (md) => md))));
process.on('exit', () => rmSync(WORK, { recursive: true, force: true }));

export const MIX_PATHS = [
  '/api/v1/groups',
  '/api/v1/groups?country=FR',
  '/api/v1/groups?country=ES,AR&scope=national',
  '/api/v1/groups?subject=labour-rights,migrants-rights&subject_mode=all',
  '/api/v1/groups?q=sindicato',
  '/api/v1/groups?q=solidarit',
  '/api/v1/groups?q=precariedad%20servicios',
  '/api/v1/groups?q=union&facets=country,scope',
  '/api/v1/groups?facets=country,scope,subject,sector,language,relation',
  '/api/v1/groups?country=BR&facets=country,subject,relation',
  '/api/v1/groups?sort=-updated&page=3',
  '/api/v1/groups?updated_since=2024-01-01&sector=education',
];

/** Distinct queries: the mix across pages, page sizes and languages — thousands, none repeated within an LRU's reach. */
function distinctPaths(): string[] {
  const out: string[] = [];
  for (const lang of ['en', 'fr', 'es'])
    for (const perPage of [10, 20, 25, 50])
      for (let page = 1; page <= 40; page++)
        for (const path of MIX_PATHS) {
          const url = new URL(path, 'http://127.0.0.1');
          url.searchParams.set('page', String(page));
          url.searchParams.set('per_page', String(perPage));
          url.searchParams.set('lang', lang);
          out.push(url.pathname + url.search);
        }
  return out;
}

type ClientResult = { requests: number; rps: number; p50: number; p99: number; errors: number; statuses: Record<string, number> };

const WRK = spawnSync('wrk', ['--version'], { encoding: 'utf8' }).stdout?.includes('wrk') ? 'wrk' : undefined;

/** Milliseconds from wrk's "12.34us" / "1.20ms" / "2.00s". */
function wrkTime(text: string): number {
  const m = /([\d.]+)(us|ms|s|m)\b/.exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 } as Record<string, number>)[m[2]!]!;
}

/**
 * wrk (Debian's package) when installed: a C load generator keeps the client from being the
 * bottleneck; one thread, so the server under test keeps the other core. Else the Node client.
 */
function runClient(origin: string, paths: string[], connections: number, headers?: Record<string, string>[], seconds = SECONDS): Promise<ClientResult> {
  if (!WRK) return runNodeClient(origin, paths, connections, headers, seconds);
  const dir = mkdtempSync(join(tmpdir(), 'sd-wrk-'));
  try {
    const file = join(dir, 'paths.txt');
    writeFileSync(file, paths.map((p, i) => `${p}\t${headers?.[i]?.['If-None-Match'] ?? ''}`).join('\n'));
    // wrk counts an answer slower than --timeout as a socket error; Netlify's local runtime is slow.
    const r = spawnSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '30s', '--latency', '-s', join(ROOT, 'bench', 'paths.lua'), origin, '--', file], { encoding: 'utf8', timeout: (seconds + 60) * 1000 });
    const out = r.stdout;
    const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
    const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
    const errors = socket ? socket.slice(1).reduce((a, n) => a + Number(n), 0) : 0;
    const non2xx3xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
    const statuses: Record<string, number> = non2xx3xx > 0 ? { 'non-2xx/3xx': non2xx3xx, '2xx/3xx': requests - non2xx3xx } : { '2xx/3xx': requests };
    return Promise.resolve({
      requests,
      rps,
      p50: wrkTime(/50%\s+(\S+)/.exec(out)?.[1] ?? ''),
      p99: wrkTime(/99%\s+(\S+)/.exec(out)?.[1] ?? ''),
      errors,
      statuses,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runNodeClient(origin: string, paths: string[], connections: number, headers: Record<string, string>[] | undefined, seconds: number) {
  return new Promise<{ requests: number; rps: number; p50: number; p99: number; errors: number; statuses: Record<string, number> }>((resolve, reject) => {
    const planFile = join(mkdtempSync(join(tmpdir(), 'sd-load-')), 'plan.json');
    writeFileSync(planFile, JSON.stringify({ origin, paths, connections, seconds, headers }));
    const child = spawn(TSX, [join(ROOT, 'bench', 'load-client.ts'), planFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('exit', () => rmSync(dirname(planFile), { recursive: true, force: true }));
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`load client exit ${code}`))));
  });
}

function startServer(port: number, extraArgs: string[] = []): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...extraArgs, '--import', 'tsx', join(ROOT, 'bench', 'loadtest-server.ts'), String(port), ARTEFACT_FILE], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    child.stdout!.on('data', (d) => String(d).includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`server exit ${code}`)));
  });
}

function stopGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, signal);
  });
}

const fmt = (r: { rps: number; p50: number; p99: number; errors: number; statuses: Record<string, number> }) =>
  `${Math.round(r.rps).toLocaleString('en')} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, errors ${r.errors}, statuses ${JSON.stringify(r.statuses)}`;

async function functionsThemselves() {
  const port = 9700 + Math.floor(Math.random() * 200);
  const origin = `http://127.0.0.1:${port}`;
  const server = await startServer(port);
  const lines: string[] = [];
  try {
    const distinct = distinctPaths();
    // ETags for revalidation come from the server itself.
    const etags = await Promise.all(MIX_PATHS.map(async (p) => (await fetch(origin + p)).headers.get('etag')!));
    for (const connections of CONNECTIONS) {
      await runClient(origin, ['/constant', ...MIX_PATHS], connections); // warm up both
      const ceiling = await runClient(origin, ['/constant'], connections);
      const dist = await runClient(origin, distinct, connections);
      const rep = await runClient(origin, MIX_PATHS, connections);
      const reval = await runClient(origin, MIX_PATHS, connections, etags.map((e) => ({ 'If-None-Match': e })));
      lines.push(
        `| ${connections} (${WRK ? 'wrk' : 'node client'}) | ${Math.round(ceiling.rps).toLocaleString('en')} | ${Math.round(dist.rps).toLocaleString('en')} (**${((100 * dist.rps) / ceiling.rps).toFixed(0)}%**, p99 ${dist.p99.toFixed(1)} ms) | ${Math.round(rep.rps).toLocaleString('en')} (**${((100 * rep.rps) / ceiling.rps).toFixed(0)}%**) | ${Math.round(reval.rps).toLocaleString('en')} (**${((100 * reval.rps) / ceiling.rps).toFixed(0)}%**) | ${[ceiling, dist, rep, reval].reduce((n, r) => n + r.errors + Object.entries(r.statuses).filter(([s]) => !['200', '304', '2xx/3xx'].includes(s)).reduce((a, [, c]) => a + c, 0), 0)} |`,
      );
      console.log(lines.at(-1));
    }
  } finally {
    await stopGroup(server);
  }
  return lines;
}

/** Where a distinct-query request spends its CPU: top functions by self time. */
async function profile() {
  const dir = mkdtempSync(join(tmpdir(), 'sd-prof-'));
  const port = 9950 + Math.floor(Math.random() * 40);
  const server = await startServer(port, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  try {
    await runClient(`http://127.0.0.1:${port}`, distinctPaths(), 10);
  } finally {
    await stopGroup(server, 'SIGINT');
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return ['(no profile written)'];
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: { id: number; hitCount: number; callFrame: { functionName: string; url: string; lineNumber: number } }[] };
  rmSync(dir, { recursive: true, force: true });
  const self = new Map<string, number>();
  let total = 0;
  for (const n of prof.nodes) {
    total += n.hitCount;
    const where = n.callFrame.url.replace(/^.*\/(src|bench|node_modules)\//, '$1/') || '(native)';
    const key = `${n.callFrame.functionName || '(anonymous)'} ${where}`;
    self.set(key, (self.get(key) ?? 0) + n.hitCount);
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `| ${((100 * v) / total).toFixed(1)}% | \`${k}\` |`);
}

async function throughStack() {
  const stack = await startStack({ root: ROOT, timeoutMs: 300_000 });
  const lines: string[] = [];
  try {
    const origin = stack.url.replace('localhost', '127.0.0.1');
    for (const connections of CONNECTIONS) {
      const r = await runClient(origin, MIX_PATHS, connections, undefined, STACK_SECONDS);
      const fivexx = Object.entries(r.statuses).filter(([s]) => s.startsWith('5') || s === 'non-2xx/3xx').reduce((a, [, c]) => a + c, 0);
      lines.push(`| ${connections} | ${fmt(r)} | 5xx (or any non-2xx/3xx): ${fivexx} |`);
      console.log(lines.at(-1));
    }
  } finally {
    await stack.stop();
  }
  return lines;
}

console.log(`Load test — ${new Date().toISOString()}, Node ${process.version}, ${SECONDS} s per run, 127.0.0.1 only\n`);
console.log('## The functions behind a minimal adapter (10k synthetic entries)\n\n| connections | constant body (ceiling) req/s | distinct queries | repeated queries | If-None-Match → 304 | errors / non-2xx-304 |\n|---|---|---|---|---|---|');
await functionsThemselves();
console.log('\n## Profile of distinct queries (self time)\n\n| share | function |\n|---|---|');
for (const l of await profile()) console.log(l);
if (!process.env.LOADTEST_SKIP_STACK) {
  console.log('\n## Through the `npm start` stack (Netlify local runtime, shipped content)\n\n| connections | result | |\n|---|---|---|');
  await throughStack();
}
