/**
 * `npm run bench`: the query engine and the artefact against a naive baseline measured in the same
 * run, at 1k and 10k seeded synthetic entries. Every figure is reported as a ratio to its baseline;
 * absolute times are shown for orientation only (they depend on the machine).
 *
 *   per-query latency  indexed engine (listGroups + JSON) vs naive scan (fold + filter every entry)
 *   cold start         process start → first response: bundled function vs bare `node`, and vs a
 *                      function that builds its index at start
 *   build              artefact build time, artefact size, heap after loading it
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { cachingItemSerialiser, listGroups, listGroupsJson } from '../src/api/list-groups.ts';
import { buildArtefact } from '../src/content/build-artefact.ts';
import { createMarkdownRenderer } from '../src/content/render-markdown.ts';
import { createDirectory } from '../src/engine/directory.ts';
import { parseParams } from '../src/engine/parse-query.ts';
import { listItem } from '../src/engine/present.ts';
import { groupsQuerySchema } from '../src/schema/query.ts';
import { artefactFiles, artefactModule, listArtefact } from '../src/content/write-artefact.ts';
import { naiveQuery } from '../test/support/naive-query.ts';
import { syntheticContent } from '../test/support/synthetic-corpus.ts';
import { exportBench } from './export.ts';
import { ADVERSARIAL_HEADER, adversarialRows } from './adversarial.ts';
import { LISTING_MAP_HEADER, listingMapLine } from './listing-map.ts';

const ROOT = join(import.meta.dirname, '..');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);

/** The fixed mix: filters, text, multi-subject, facets, sorts and deep pages. */
export const MIX = [
  '',
  'country=FR',
  'country=ES,AR&scope=national',
  'subject=labour-rights,migrants-rights&subject_mode=all',
  'subject=public-services,education,health',
  'q=sindicato',
  'q=solidarit',
  'q=precariedad servicios',
  'q=union&facets=country,scope&sort=name',
  'facets=country,scope,subject,sector,language,relation',
  'country=BR&facets=country,subject,relation',
  'sort=-updated&page=3',
  'updated_since=2024-01-01&sector=education',
  'language=it&relation=member,founding_member&facets=relation',
].map((qs) => {
  const parsed = parseParams(groupsQuerySchema, new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(`bad query in the mix: ${qs}`);
  return parsed.value;
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function timeEach(fn: () => unknown, rounds: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times;
}

const us = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function latency(size: number) {
  const content = syntheticContent(size, 42);
  const buildTimes = timeEach(() => buildArtefact(content, createMarkdownRenderer()), 3);
  const artefact = buildArtefact(content, createMarkdownRenderer());
  const dir = createDirectory(artefact);
  const prefs = ['en'] as const;
  const base = 'https://directory.example';
  const item = cachingItemSerialiser(dir);
  // What the endpoint does per request (its per-query response cache aside): engine + JSON text.
  const indexed = (q: (typeof MIX)[number]) => listGroupsJson(dir, q, prefs, base, item);
  const naive = (q: (typeof MIX)[number]) => {
    const r = naiveQuery(artefact.entries, content.taxonomies.subjects, q);
    return JSON.stringify({ data: r.page.map((e) => listItem(e, prefs, q.fields, base)), total: r.total, facets: r.facets });
  };
  // Same answers first: a fast wrong engine is no result.
  for (const q of MIX) {
    const a = listGroups(dir, { ...q, sort: q.sort === undefined && q.q ? 'name' : q.sort }, prefs, base);
    const b = naiveQuery(artefact.entries, content.taxonomies.subjects, q);
    if (!a.ok || a.body.meta.total !== b.total) throw new Error(`engine and naive disagree on ${JSON.stringify(q)}`);
  }
  const rounds = { indexed: size >= 10000 ? 300 : 1000, naive: size >= 10000 ? 5 : 20 };
  for (const q of MIX) timeEach(() => indexed(q), 20); // warm up
  const fast = MIX.flatMap((q) => timeEach(() => indexed(q), rounds.indexed)).sort((a, b) => a - b);
  const slow = MIX.flatMap((q) => timeEach(() => naive(q), rounds.naive)).sort((a, b) => a - b);
  return { content, artefact, buildMs: median(buildTimes), fast, slow };
}

async function coldStart(artefactText: string, files: [string, string | Buffer][], contentJson: string) {
  const dir = mkdtempSync(join(tmpdir(), 'sd-bench-'));
  try {
    writeFileSync(join(dir, 'directory.mjs'), artefactText);
    writeFileSync(join(dir, 'content.json'), contentJson);
    const entry = (body: string) => `${body}\nconst r = await handler(new Request('https://d.example/api/v1/groups?country=FR&facets=country'));\nawait r.text();\nprocess.stdout.write(String(r.status));\n`;
    mkdirSync(join(dir, 'generated'));
    for (const [name, data] of files) if (name !== 'directory.json') writeFileSync(join(dir, 'generated', name), data);
    // Exactly as netlify/functions/groups.mts does: the artefact read from a file at start.
    writeFileSync(join(dir, 'ours.mjs'), entry(`import { readArtefact } from '${ROOT}/src/runtime/read-artefact.ts';\nimport { createDirectory } from '${ROOT}/src/engine/directory.ts';\nimport { createGroupsEndpoint } from '${ROOT}/src/api/read-endpoints.ts';\nconst handler = createGroupsEndpoint(createDirectory(readArtefact('directory-list.json', import.meta.url)));`));
    // The alternative we measured and rejected: the same artefact bundled as a module.
    writeFileSync(join(dir, 'module.mjs'), entry(`import artefact from './directory.mjs';\nimport { createDirectory } from '${ROOT}/src/engine/directory.ts';\nimport { createGroupsEndpoint } from '${ROOT}/src/api/read-endpoints.ts';\nconst handler = createGroupsEndpoint(createDirectory(artefact));`));
    writeFileSync(join(dir, 'indexing.mjs'), entry(`import content from './content.json' with { type: 'json' };\nimport { buildArtefact } from '${ROOT}/src/content/build-artefact.ts';\nimport { createDirectory } from '${ROOT}/src/engine/directory.ts';\nimport { createGroupsEndpoint } from '${ROOT}/src/api/read-endpoints.ts';\nconst handler = createGroupsEndpoint(createDirectory(buildArtefact(content, (md) => md)));`));
      // The runtime's own floor: a handler answering a constant Response to a web Request.
      writeFileSync(join(dir, 'handler.mjs'), entry(`const handler = async () => new Response('{}', { headers: { 'content-type': 'application/json' } });`));
      for (const name of ['ours', 'module', 'indexing', 'handler']) {
        await build({ entryPoints: [join(dir, `${name}.mjs`)], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: join(dir, `${name}.bundle.mjs`), logLevel: 'silent', external: ['node:*'] });
      }
      const time = (args: string[]) =>
        median(
          Array.from({ length: 7 }, () => {
            const t = process.hrtime.bigint();
            const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: dir });
            if (r.status !== 0) throw new Error(r.stderr);
            return Number(process.hrtime.bigint() - t) / 1e6;
          }),
        );
      const bare = time(['-e', "process.stdout.write('200')"]);
      const handler = time([join(dir, 'handler.bundle.mjs')]);
      const ours = time([join(dir, 'ours.bundle.mjs')]);
      const module = time([join(dir, 'module.bundle.mjs')]);
      const indexing = time([join(dir, 'indexing.bundle.mjs')]);
      const heap = execFileSync(process.execPath, ['--expose-gc', '-e', `import('${join(dir, 'directory.mjs')}').then(() => { gc(); process.stdout.write(String(process.memoryUsage().heapUsed)); })`], { encoding: 'utf8' });
      const emptyHeap = execFileSync(process.execPath, ['--expose-gc', '-e', `gc(); process.stdout.write(String(process.memoryUsage().heapUsed))`], { encoding: 'utf8' });
      return { bare, handler, ours, module, indexing, heapMb: (Number(heap) - Number(emptyHeap)) / 1048576 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (process.env.BENCH_ONLY === 'export') {
    for (const line of exportBench()) console.log(line);
    return;
  }
  const rows: string[] = [];
  console.log(`Solidarity Directory benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${MIX.length} queries in the mix\n`);
  for (const size of SIZES) {
    const { content, artefact, buildMs, fast, slow } = latency(size);
    const list = listArtefact(artefact); // what the groups function loads
    const text = artefactModule(list);
    const cold = await coldStart(text, artefactFiles(artefact), JSON.stringify(content));
    const p50 = percentile(fast, 50), p95 = percentile(fast, 95), n50 = percentile(slow, 50), n95 = percentile(slow, 95);
    rows.push(
      `| ${size.toLocaleString('en')} | ${us(p50)} / ${us(p95)} | ${us(n50)} / ${us(n95)} | **${(n50 / p50).toFixed(0)}×** / **${(n95 / p95).toFixed(0)}×** | ${cold.ours.toFixed(0)} ms = **${(cold.ours / cold.handler).toFixed(2)}×** a constant handler (${cold.handler.toFixed(0)} ms; bare node ${cold.bare.toFixed(0)} ms); as a module ${(cold.module / cold.ours).toFixed(1)}×, indexing at start ${(cold.indexing / cold.ours).toFixed(1)}× ours | ${buildMs.toFixed(0)} ms, ${(text.length / 1048576).toFixed(1)} MB, heap ${cold.heapMb.toFixed(1)} MB |`,
    );
    console.log(rows.at(-1));
  }
  console.log('\n| entries | indexed p50 / p95 | naive p50 / p95 | speed-up p50 / p95 | cold start to first response | build, list artefact, heap |\n|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(`\nExports of ${process.env.BENCH_EXPORT_ENTRIES ?? 20000} synthetic entries (bench/export.ts):\n`);
  for (const line of exportBench()) console.log(line);
  console.log('\nAdversarial requests within the documented limits vs an ordinary request of the same endpoint, same run (aim ≤ 10×):\n');
  const adversarial = await adversarialRows();
  console.log(`\n${ADVERSARIAL_HEADER}\n${adversarial.join('\n')}`);
  // The world map on a listing rendered by the function (bench/listing-map.ts), as a ratio to the same page without it.
  console.log(`\n${LISTING_MAP_HEADER}`);
  for (const size of SIZES) for (const every of [false, true]) console.log(listingMapLine(size, every));
}

await main();
