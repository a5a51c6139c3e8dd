/**
 * `npm run loadtest`: what the directory withstands, measured on 127.0.0.1 only, bounded in time.
 *
 *  1. The self-hosted runtime (`npm run serve`, which `npm start` runs too) over a seeded 10k-entry
 *     directory (bench/self-hosted-site.ts): function routes' latency as a ratio of the static
 *     files' latency of the same server; then, in LOADTEST_RUNS runs, distinct queries (every one
 *     a response-cache miss), repeated queries and If-None-Match revalidations at 10 and 50
 *     connections, as ratios of a constant pre-serialised 20-entry answer of the same server,
 *     and the repeated queries also as a ratio of their own answers replayed byte for byte by a
 *     function that does nothing else (`/replay`: what the endpoint's own work costs);
 *     the server's resident size; a CPU profile of the distinct-query run.
 *  2. Through the whole `npm start` stack (in a temporary clone), as a user meets it: the same
 *     latency ratios, and 10 and 50 connections with their errors.
 *
 * LOADTEST_SECONDS (default 5) per measure, LOADTEST_RUNS (default 5), LOADTEST_SKIP_STACK=1
 * skips part 2, LOADTEST_SKIP_PROFILE=1 the profile.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildArtefact } from '../src/content/build-artefact.ts';
import { startStack } from '../test/support/start-stack.ts';
import { syntheticContent } from '../test/support/synthetic-corpus.ts';
import { selfHostedProject, startSelfHosted } from './self-hosted-site.ts';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 5);
const STACK_SECONDS = Number(process.env.LOADTEST_STACK_SECONDS ?? 5);
const RUNS = Number(process.env.LOADTEST_RUNS ?? 5);
const CONNECTIONS = [10, 50];

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
    const r = spawnSync(
      'wrk',
      ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '30s', '--latency', '-s', join(ROOT, 'bench', 'paths.lua'), origin, '--', file],
      { encoding: 'utf8', timeout: (seconds + 60) * 1000 },
    );
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
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

/** Several one-second runs as one: rates summed over time, the worst p99, errors and statuses added. */
function combine(runs: ClientResult[]): ClientResult {
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    requests: runs.reduce((n, r) => n + r.requests, 0),
    rps: runs.reduce((n, r) => n + r.rps, 0) / runs.length,
    p50: [...runs.map((r) => r.p50)].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!,
    p99: Math.max(...runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    statuses,
  };
}

const bad = (r: ClientResult) =>
  r.errors +
  Object.entries(r.statuses)
    .filter(([s]) => !['200', '304', '2xx/3xx'].includes(s))
    .reduce((a, [, c]) => a + c, 0);

/** Resident set size of a process, from /proc (Linux). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/**
 * One connection, requests in turn: the median latency of each path, and its ratio to the
 * median of the static files served by the same server in the same run.
 */
async function latencies(origin: string, statics: string[], functions: string[], rounds = 60): Promise<string[]> {
  const all = [...statics, ...functions];
  const times = new Map<string, number[]>(all.map((p) => [p, []]));
  for (const p of all) await (await fetch(origin + p)).arrayBuffer(); // warm
  for (let r = 0; r < rounds; r++) {
    for (const p of all) {
      const url = p.includes('{r}') ? p.replace('{r}', String(r)) : p;
      const t = performance.now();
      await (await fetch(origin + url)).arrayBuffer();
      times.get(p)!.push(performance.now() - t);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const staticMedian = median(statics.flatMap((p) => times.get(p)!));
  return all.map((p) => {
    const m = median(times.get(p)!);
    return `| \`${p}\` | ${statics.includes(p) ? 'file' : 'function'} | ${m.toFixed(2)} ms | **${(m / staticMedian).toFixed(1)}×** |`;
  });
}

const STATIC_PATHS = ['/assets/site.css', '/index.html', '/widget.js'];
const FUNCTION_PATHS = [
  '/api/v1/groups?country=FR',
  '/api/v1/groups?q=solidarit&facets=country,scope',
  '/api/v1/groups?page={r}&per_page=10',
  '/api/v1/taxonomies',
  '/groups?country=FR',
  '/join',
];

async function selfHosted() {
  const artefact = buildArtefact(syntheticContent(10_000, 42), (md) => md);
  const project = await selfHostedProject(artefact, MIX_PATHS);
  const REPLAY_PATHS = MIX_PATHS.map((_, i) => `/replay?i=${i}`);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startSelfHosted(project.root, port);
  try {
    const rssStart = rssMb(server.child.pid!);
    console.log(
      "\n### Latency, one connection, 10k entries (median of 60 rounds; ratio to the files' median)\n\n| path | served by | median | vs files |\n|---|---|---|---|",
    );
    for (const l of await latencies(origin, STATIC_PATHS, [...FUNCTION_PATHS, `/api/v1/groups/${artefact.entries[4321]!.slug}`])) console.log(l);
    const distinct = distinctPaths();
    const etags = await Promise.all(MIX_PATHS.map(async (p) => (await fetch(origin + p)).headers.get('etag')!));
    console.log(
      `\n### Throughput, ${RUNS} runs of ${SECONDS} interleaved one-second slices per measure (ratio to /constant, a pre-serialised 20-entry answer of the same server)\n\n| run | connections | constant req/s | distinct queries | repeated queries | If-None-Match → 304 | the same answers replayed as constants | repeated ÷ replayed | errors / non-2xx-304 |\n|---|---|---|---|---|---|---|---|---|`,
    );
    const ratios: Record<number, { distinct: number[]; repeated: number[]; replayed: number[] }> = {};
    let cursor = 0;
    for (let run = 1; run <= RUNS; run++) {
      for (const connections of CONNECTIONS) {
        await runClient(origin, ['/constant', ...MIX_PATHS, ...REPLAY_PATHS], connections, undefined, 1); // warm up all
        // Interleaved one-second slices, summed: the machine's other load then weighs on the
        // ceiling and on each measure alike, instead of on whichever ran during a burst.
        const slices: ClientResult[][] = [[], [], [], [], []];
        for (let slice = 0; slice < SECONDS; slice++) {
          slices[0]!.push(await runClient(origin, ['/constant'], connections, undefined, 1));
          // Distinct queries go on where the last slice stopped, so none repeats within the LRU's reach.
          const d = await runClient(origin, distinct.slice(cursor).concat(distinct.slice(0, cursor)), connections, undefined, 1);
          cursor = (cursor + d.requests) % distinct.length;
          slices[1]!.push(d);
          slices[2]!.push(await runClient(origin, MIX_PATHS, connections, undefined, 1));
          slices[3]!.push(
            await runClient(
              origin,
              MIX_PATHS,
              connections,
              etags.map((e) => ({ 'If-None-Match': e })),
              1,
            ),
          );
          // The repeated queries' own answers, byte for byte, from a function that only replays them.
          slices[4]!.push(await runClient(origin, REPLAY_PATHS, connections, undefined, 1));
        }
        const [ceiling, dist, rep, reval, replay] = slices.map(combine) as [ClientResult, ClientResult, ClientResult, ClientResult, ClientResult];
        const r = (ratios[connections] ??= { distinct: [], repeated: [], replayed: [] });
        r.distinct.push(dist.rps / ceiling.rps);
        r.repeated.push(rep.rps / ceiling.rps);
        r.replayed.push(rep.rps / replay.rps);
        const pct = (x: ClientResult) => `${Math.round(x.rps).toLocaleString('en')} (**${((100 * x.rps) / ceiling.rps).toFixed(0)}%**)`;
        console.log(
          `| ${run} | ${connections} (${WRK ? 'wrk' : 'node client'}) | ${Math.round(ceiling.rps).toLocaleString('en')} | ${pct(dist)}, p99 ${dist.p99.toFixed(1)} ms | ${pct(rep)} | ${pct(reval)} | ${pct(replay)} | **${((100 * rep.rps) / replay.rps).toFixed(0)}%** | ${[ceiling, dist, rep, reval, replay].reduce((n, x) => n + bad(x), 0)} |`,
        );
      }
    }
    console.log(
      '\n| connections | distinct, lowest / median of the runs | repeated, lowest / median | repeated ÷ the same answers replayed, lowest / median |\n|---|---|---|---|',
    );
    for (const connections of CONNECTIONS) {
      const { distinct: d, repeated: r, replayed: p } = ratios[connections]!;
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      console.log(
        `| ${connections} | ${(100 * Math.min(...d)).toFixed(0)}% / ${(100 * med(d)).toFixed(0)}% | ${(100 * Math.min(...r)).toFixed(0)}% / ${(100 * med(r)).toFixed(0)}% | ${(100 * Math.min(...p)).toFixed(0)}% / ${(100 * med(p)).toFixed(0)}% |`,
      );
    }
    console.log(
      `\nResident size of the server at 10k entries: ${rssStart.toFixed(0)} MB after start, ${rssMb(server.child.pid!).toFixed(0)} MB after the load.`,
    );
  } finally {
    await stopGroup(server.child);
  }
  if (!process.env.LOADTEST_SKIP_PROFILE) {
    const dir = mkdtempSync(join(tmpdir(), 'sd-prof-'));
    const profPort = await freePort();
    const profiled = await startSelfHosted(project.root, profPort, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    try {
      await runClient(`http://127.0.0.1:${profPort}`, distinctPaths(), 10);
    } finally {
      await stopGroup(profiled.child, 'SIGINT');
    }
    console.log('\n### Where a distinct query spends its CPU (self time)\n\n| share | function |\n|---|---|');
    for (const l of topFrames(dir)) console.log(l);
    rmSync(dir, { recursive: true, force: true });
  }
  project.remove();
}

/** Top functions by self time in the CPU profile the server wrote on exit. */
function topFrames(dir: string): string[] {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return ['| – | (no profile written) |'];
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    nodes: { id: number; hitCount: number; callFrame: { functionName: string; url: string } }[];
  };
  const self = new Map<string, number>();
  let total = 0;
  for (const n of prof.nodes) {
    total += n.hitCount;
    const where = n.callFrame.url.replace(/^.*\/(src|bench|node_modules)\//, '$1/') || '(native)';
    const key = `${n.callFrame.functionName || '(anonymous)'} ${where}`;
    self.set(key, (self.get(key) ?? 0) + n.hitCount);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([k, v]) => `| ${((100 * v) / total).toFixed(1)}% | \`${k}\` |`);
}

async function throughStack() {
  const stack = await startStack({ root: ROOT, timeoutMs: 300_000 });
  try {
    const origin = stack.url.replace('localhost', '127.0.0.1');
    console.log(
      "\n### Latency, one connection (median of 60 rounds; ratio to the files' median)\n\n| path | served by | median | vs files |\n|---|---|---|---|",
    );
    for (const l of await latencies(origin, STATIC_PATHS, [...FUNCTION_PATHS, '/api/v1/groups/ilnss'])) console.log(l);
    console.log('\n### Under load (the mix of API queries)\n\n| connections | result | errors and non-2xx/3xx |\n|---|---|---|');
    for (const connections of CONNECTIONS) {
      const r = await runClient(origin, MIX_PATHS, connections, undefined, STACK_SECONDS);
      console.log(`| ${connections} | ${fmt(r)} | ${bad(r)} |`);
    }
  } finally {
    await stack.stop();
  }
}

console.log(`Load test — ${new Date().toISOString()}, Node ${process.version}, ${SECONDS} s per measure, 127.0.0.1 only`);
console.log('\n## `npm run serve` (the self-hosted runtime, which `npm start` runs too) over 10k synthetic entries');
await selfHosted();
if (!process.env.LOADTEST_SKIP_STACK) {
  console.log('\n## Through the whole `npm start` stack (decap-server, the site server; shipped content)');
  await throughStack();
}
