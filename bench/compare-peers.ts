/**
 * Our engine beside MiniSearch and FlexSearch (each with the shared filter layer,
 * bench/peers/filter-layer.ts), in the same process and the same run:
 *
 *   answers      every engine must give the same totals and facet counts (and pages wherever
 *                the order is defined) for the mix and 1,000 seeded random queries, or no timing
 *   latency      engine call per query (validated query → page of ids, total, facet counts; the
 *                JSON around it is the same for all), engines interleaved query by query and in
 *                rotating order, so that the machine's other load hits all of them alike
 *   cold start   a fresh `node` process: read the files, ready the engine, answer one query
 *   memory       heap + array buffers after answering the mix once, minus the entries alone
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Artefact } from '../src/engine/artefact.ts';
import { createDirectory } from '../src/engine/directory.ts';
import type { GroupsQuery } from '../src/schema/query.ts';
import { artefactFiles } from '../src/content/write-artefact.ts';
import { disagreements, ourEngine, type BenchEngine } from './engines.ts';
import { MIX } from './mix.ts';
import { createFilterLayer } from './peers/filter-layer.ts';
import { PEERS, type PeerText } from './peers/text-engines.ts';
import { classesOf, QUERY_CLASSES, randomQueries, type QueryClass } from './random-queries.ts';

const ROOT = join(import.meta.dirname, '..');

export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Quantiles {
  p50_us: number;
  p95_us: number;
}

export interface EngineFigures extends Quantiles {
  classes: Record<QueryClass, Quantiles & { queries: number }>;
  index_ms: number;
  cold_start_ms?: number;
  /** How the cold start readied the engine: its own serialised index or indexing at start. */
  cold_start_mode?: string;
  memory_mb?: number;
}

export interface PeerFigures extends EngineFigures {
  p50_ratio: number;
  p95_ratio: number;
  classes_ratio: Record<QueryClass, { p50_ratio: number; p95_ratio: number }>;
  cold_start_ratio?: number;
  memory_ratio?: number;
}

export interface SizeFigures {
  entries: number;
  agreement: { queries: number; mismatches: number };
  ours: EngineFigures;
  peers: Record<string, PeerFigures>;
}

const quantiles = (times: number[]): Quantiles => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50_us: percentile(sorted, 50) * 1000, p95_us: percentile(sorted, 95) * 1000 };
};

/** Times every engine on every query, interleaved: round by round, query by query, engines rotating. */
function interleaved(engines: BenchEngine[], queries: GroupsQuery[], rounds: number, record: (engine: number, query: number, ms: number) => void): void {
  for (let r = 0; r < rounds; r++) {
    for (let q = 0; q < queries.length; q++) {
      for (let k = 0; k < engines.length; k++) {
        const e = (k + r + q) % engines.length;
        const t = process.hrtime.bigint();
        engines[e]!.run(queries[q]!);
        record(e, q, Number(process.hrtime.bigint() - t) / 1e6);
      }
    }
  }
}

export interface CompareOptions {
  mixRounds: number;
  randomRounds: number;
  randomCount: number;
  coldRuns: number;
  log: (line: string) => void;
}

export async function comparePeers(size: number, artefact: Artefact, options: CompareOptions): Promise<SizeFigures> {
  const { log } = options;
  let t = performance.now();
  const engines: BenchEngine[] = [ourEngine(createDirectory(artefact))];
  const indexMs: number[] = [performance.now() - t];
  const serialisers: Record<string, () => string> = {};
  for (const peer of PEERS) {
    t = performance.now();
    const { searcher, serialise } = peer.build(artefact.entries, artefact.taxonomies.subjects);
    serialisers[peer.name] = serialise;
    engines.push({ name: peer.name, run: createFilterLayer(artefact, searcher) });
    indexMs.push(performance.now() - t);
    log(`  ${peer.name}: indexed ${size} entries in ${indexMs.at(-1)!.toFixed(0)} ms`);
  }

  const random = randomQueries(artefact, options.randomCount, 1);
  const checked = [...MIX, ...random];
  t = performance.now();
  const problems = disagreements(engines, checked);
  log(
    `  answers: ${checked.length} queries compared across ${engines.length} engines in ${(performance.now() - t).toFixed(0)} ms, ${problems.length} mismatches`,
  );
  if (problems.length > 0) throw new Error(`engines disagree:\n${problems.join('\n')}`);

  interleaved(engines, [...MIX, ...random.slice(0, 100)], 1, () => {}); // warm-up
  const mix = engines.map(() => [] as number[]);
  const byClass = engines.map(() => Object.fromEntries(QUERY_CLASSES.map((c) => [c, [] as number[]])) as Record<QueryClass, number[]>);
  const mixClasses = MIX.map(classesOf);
  const randomClasses = random.map(classesOf);
  t = performance.now();
  interleaved(engines, MIX, options.mixRounds, (e, q, ms) => {
    mix[e]!.push(ms);
    for (const c of mixClasses[q]!) byClass[e]![c].push(ms);
  });
  interleaved(engines, random, options.randomRounds, (e, q, ms) => {
    for (const c of randomClasses[q]!) byClass[e]![c].push(ms);
  });
  log(
    `  latency: ${options.mixRounds} rounds of the mix and ${options.randomRounds} of ${random.length} random queries in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const classCount = (c: QueryClass) => mixClasses.filter((cs) => cs.includes(c)).length + randomClasses.filter((cs) => cs.includes(c)).length;

  const figures: EngineFigures[] = engines.map((_, e) => ({
    ...quantiles(mix[e]!),
    classes: Object.fromEntries(QUERY_CLASSES.map((c) => [c, { ...quantiles(byClass[e]![c]), queries: classCount(c) }])) as EngineFigures['classes'],
    index_ms: indexMs[e]!,
  }));

  const processes = await coldStartAndMemory(artefact, serialisers, options.coldRuns, log);
  const own = processes.ours!;
  const ours = { ...figures[0]!, cold_start_ms: own.ms, cold_start_mode: own.mode, memory_mb: own.memoryMb };
  const peers: Record<string, PeerFigures> = {};
  engines.slice(1).forEach((engine, i) => {
    const f = figures[i + 1]!;
    const p = processes[engine.name]!;
    peers[engine.name] = {
      ...f,
      p50_ratio: f.p50_us / ours.p50_us,
      p95_ratio: f.p95_us / ours.p95_us,
      classes_ratio: Object.fromEntries(
        QUERY_CLASSES.map((c) => [c, { p50_ratio: f.classes[c].p50_us / ours.classes[c].p50_us, p95_ratio: f.classes[c].p95_us / ours.classes[c].p95_us }]),
      ) as PeerFigures['classes_ratio'],
      cold_start_ms: p.ms,
      cold_start_mode: p.mode,
      cold_start_ratio: p.ms / ours.cold_start_ms,
      memory_mb: p.memoryMb,
      memory_ratio: p.memoryMb / ours.memory_mb,
    };
  });
  return { entries: size, agreement: { queries: checked.length, mismatches: problems.length }, ours, peers };
}

/** The first query every cold start answers: a search with a filter and a facet. */
const FIRST_QUERY: GroupsQuery = { q: 'union', country: ['FR'], facets: ['country'], subject_mode: 'any', page: 1, per_page: 20 };

/**
 * Each variant as a bundled script (as a function ships): read the files, ready the engine,
 * answer FIRST_QUERY, print its total. With MEMORY=1 it answers the mix too, collects garbage and
 * prints the heap and array buffers it holds instead.
 */
// A full collection, then time for V8 to release the backing stores of dead buffers (the file
// just read), then another: without it, array-buffer figures swing by the size of the file.
const settle = `const settle = async () => { globalThis.gc(); await new Promise((r) => setTimeout(r, 100)); globalThis.gc(); };`;

function entryScripts(mixFile: string): Record<string, string> {
  const src = (p: string) => JSON.stringify(join(ROOT, p));
  const tail = (run: string) => `${settle}
const first = ${JSON.stringify(FIRST_QUERY)};
const answer = ${run}(first);
if (process.env.MEMORY) {
  for (const q of JSON.parse(readFileSync(${JSON.stringify(mixFile)}, 'utf8'))) ${run}(q);
  await settle();
  const m = process.memoryUsage();
  process.stdout.write(String(m.heapUsed + m.arrayBuffers));
} else process.stdout.write(String(answer.total));
`;
  // Every engine reads the artefact through the same reader as ours (src/runtime/read-artefact.ts):
  // the index parsed, the entries kept as bytes until one is asked for.
  const readList = `import { readArtefact } from ${src('src/runtime/read-artefact.ts')};\nconst artefact = readArtefact('directory-list.json', import.meta.url);`;
  const peer = (name: string, how: 'load' | 'build') => `
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFilterLayer } from ${src('bench/peers/filter-layer.ts')};
import { PEERS } from ${src('bench/peers/text-engines.ts')};
const peer = PEERS.find((p) => p.name === ${JSON.stringify(name)});
${
  how === 'load'
    ? `${readList}\nconst searcher = peer.load(readFileSync(join(process.cwd(), ${JSON.stringify(`${name}.json`)}), 'utf8'), artefact.index.byName.length);`
    : `import { readArtefact } from ${src('src/runtime/read-artefact.ts')};\nconst artefact = readArtefact('directory.json', import.meta.url);\nconst { searcher } = peer.build(artefact.entries, artefact.taxonomies.subjects);\nfor (const e of artefact.entries) { delete e.purpose; delete e.purpose_html; }`
}
delete artefact.index.terms; delete artefact.index.termOffsets; delete artefact.index.postings;
const run = createFilterLayer(artefact, searcher);
${tail('run')}`;
  return {
    ours: `
import { readFileSync } from 'node:fs';
import { readArtefact } from ${src('src/runtime/read-artefact.ts')};
import { createDirectory } from ${src('src/engine/directory.ts')};
import { runQuery } from ${src('src/engine/run-query.ts')};
const dir = createDirectory(readArtefact('directory-list.json', import.meta.url));
const run = (q) => runQuery(dir, q).result;
${tail('run')}`,
    entries: `
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
${settle}
${readList}
// The entries as every engine holds them after reading: bytes, not yet parsed.
const count = artefact.index.byName.length;
delete artefact.index;
await settle();
const m = process.memoryUsage();
process.stdout.write(String(count > 0 && artefact ? m.heapUsed + m.arrayBuffers : 0));`,
    ...Object.fromEntries(
      PEERS.flatMap((p: PeerText) => [
        [`${p.name}-load`, peer(p.name, 'load')],
        [`${p.name}-build`, peer(p.name, 'build')],
      ]),
    ),
  };
}

async function coldStartAndMemory(
  artefact: Artefact,
  serialisers: Record<string, () => string>,
  runs: number,
  log: (line: string) => void,
): Promise<Record<string, { ms: number; mode: string; memoryMb: number }>> {
  const dir = mkdtempSync(join(tmpdir(), 'sd-peers-'));
  try {
    mkdirSync(join(dir, 'generated'));
    for (const [name, data] of artefactFiles(artefact)) if (!name.endsWith('.mjs') && !name.endsWith('.mts')) writeFileSync(join(dir, 'generated', name), data);
    for (const peer of PEERS) writeFileSync(join(dir, `${peer.name}.json`), serialisers[peer.name]!());
    const mixFile = join(dir, 'mix.json');
    writeFileSync(mixFile, JSON.stringify(MIX));
    const scripts = entryScripts(mixFile);
    // Bundled two folders below the data, as a function sits below generated/ in the repository.
    const bundles = join(dir, 'netlify', 'functions');
    for (const [name, text] of Object.entries(scripts)) {
      writeFileSync(join(dir, `${name}.mjs`), text);
      await build({
        entryPoints: [join(dir, `${name}.mjs`)],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile: join(bundles, `${name}.mjs`),
        logLevel: 'silent',
        external: ['node:*'],
      });
    }
    const exec = (name: string, memory: boolean) => {
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [...(memory ? ['--expose-gc'] : []), join(bundles, `${name}.mjs`)], {
        encoding: 'utf8',
        cwd: dir,
        env: { ...process.env, ...(memory ? { MEMORY: '1' } : {}) },
        maxBuffer: 1 << 20,
      });
      if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
      return { ms: Number(process.hrtime.bigint() - t) / 1e6, out: r.stdout };
    };
    // Same answer from every variant first; indexing at start is timed by that one run (it is
    // many times slower than loading a serialised index, and repeating it would dominate the bench).
    const variants = Object.keys(scripts).filter((s) => s !== 'entries');
    const first = Object.fromEntries(variants.map((v) => [v, exec(v, false)]));
    const totals = new Set(Object.values(first).map((r) => r.out));
    if (totals.size !== 1) throw new Error(`cold-start variants disagree on the first answer: ${[...totals].join(', ')}`);
    const repeated = variants.filter((v) => !v.endsWith('-build'));
    const times = Object.fromEntries(variants.map((v) => [v, [first[v]!.ms]]));
    for (let r = 1; r < runs; r++)
      for (let k = 0; k < repeated.length; k++) {
        const v = repeated[(k + r) % repeated.length]!;
        times[v]!.push(exec(v, false).ms);
      }
    const base = Number(exec('entries', true).out);
    const memory = (v: string) => (Number(exec(v, true).out) - base) / 1048576;
    const out: Record<string, { ms: number; mode: string; memoryMb: number }> = {
      ours: { ms: median(times.ours!), mode: 'artefact', memoryMb: memory('ours') },
    };
    for (const peer of PEERS) {
      // The peer's faster way to start; memory is the same index either way, measured after loading.
      const load = median(times[`${peer.name}-load`]!);
      const built = median(times[`${peer.name}-build`]!);
      out[peer.name] = { ms: Math.min(load, built), mode: load <= built ? 'serialised index' : 'indexing at start', memoryMb: memory(`${peer.name}-load`) };
      log(`  ${peer.name}: cold start ${load.toFixed(0)} ms from its serialised index (median of ${runs}), ${built.toFixed(0)} ms indexing at start (one run)`);
    }
    log(
      `  ours: cold start ${out.ours!.ms.toFixed(0)} ms; memory ours ${out.ours!.memoryMb.toFixed(1)} MB, ${PEERS.map((p) => `${p.name} ${out[p.name]!.memoryMb.toFixed(1)} MB`).join(', ')}`,
    );
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
