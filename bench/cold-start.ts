/**
 * `npm run bench:cold`: a function's cold start — a fresh `node` process loading the bundled
 * groups function as Netlify ships it (esbuild, its artefact files beside it), answering
 * `GET /api/v1/groups?country=FR&facets=country`, and exiting — as a ratio to the same for a
 * function that answers a constant (`new Response('{}')`), in the same run, the variants
 * interleaved run by run so the machine's other load weighs on all alike. Issue 16 asks ≤ 1.5×
 * at 10,000 entries.
 *
 *   npm run bench:cold                                   10,000 entries, 31 runs each
 *   npm run bench:cold -- --size 1000 --runs 51
 *   npm run bench:cold -- --baseline /path/to/other/checkout    A/B: the same function built
 *       from another checkout of this repository (its own artefact format and code), e.g.
 *       `git worktree add /tmp/before <commit> && ln -s $PWD/node_modules /tmp/before/`
 *   npm run bench:cold -- --phases                       where the time goes, per variant
 *
 * Each variant's entry is a few lines that import the checkout's own modules, exactly as
 * netlify/functions/groups.mts does; esbuild bundles them as Netlify's bundler would. The answer's
 * body is read as bytes, as a runtime forwards it (decoding it to a string would time the
 * harness's first UTF-8 decode of non-ASCII text, which no runtime does).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');

export const COLD_REQUEST = 'https://d.example/api/v1/groups?country=FR&facets=country';

/**
 * A bundled entry whose module body is `body` (it must define `handler`), then one request. With
 * PHASES set, it prints when its code started (after Node and the module's imports), how long
 * `body` took and how long the first answer took.
 */
export async function bundleColdStart(dir: string, name: string, body: string): Promise<string> {
  const source = join(dir, `${name}.mjs`);
  writeFileSync(
    source,
    `const T0 = performance.now();\n${body}\nconst T1 = performance.now();\nconst r = await handler(new Request('${COLD_REQUEST}'));\nawait r.arrayBuffer();\nconst T2 = performance.now();\nif (process.env.PHASES) process.stderr.write(JSON.stringify({ start: T0, body: T1 - T0, first: T2 - T1 }) + '\\n');\nprocess.stdout.write(String(r.status));\n`,
  );
  const outfile = join(dir, `${name}.bundle.mjs`);
  await build({ entryPoints: [source], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'silent', external: ['node:*'] });
  return outfile;
}

/** The constant function: the runtime's own floor (Node, undici's Request and Response). */
export const CONSTANT_BODY = `const handler = async () => new Response('{}', { headers: { 'content-type': 'application/json' } });`;

/** The groups function of a checkout, reading `generated/directory-list.json` beside its bundle. */
export const groupsFunctionBody = (tree: string) =>
  [
    `import { readArtefact } from '${tree}/src/runtime/read-artefact.ts';`,
    `import { createDirectory } from '${tree}/src/engine/directory.ts';`,
    `import { createGroupsEndpoint } from '${tree}/src/api/read-endpoints.ts';`,
    `const handler = createGroupsEndpoint(createDirectory(readArtefact('directory-list.json', import.meta.url)));`,
  ].join('\n');

/** Wall time of each run of each bundle, interleaved: `runs` rounds of every bundle in turn. */
export function timeColdStarts(bundles: Record<string, string>, runs: number, cwd: (name: string) => string): Record<string, number[]> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(bundles).map((n) => [n, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, file] of Object.entries(bundles)) {
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [file], { encoding: 'utf8', cwd: cwd(name) });
      if (r.status !== 0 || r.stdout !== '200') throw new Error(`${name}: ${r.stderr || r.stdout}`);
      times[name]!.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return times;
}

export const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/** Writes a checkout's artefact files for a synthetic directory of `size` entries (seed 42) into `dir/generated`. */
async function writeArtefact(tree: string, size: number, dir: string) {
  const load = (path: string) => import(pathToFileURL(join(tree, path)).href);
  const [{ buildArtefact }, { createMarkdownRenderer }, { artefactFiles }, { syntheticContent }] = await Promise.all([
    load('src/content/build-artefact.ts'),
    load('src/content/render-markdown.ts'),
    load('src/content/write-artefact.ts'),
    load('test/support/synthetic-corpus.ts'),
  ]);
  const artefact = buildArtefact(syntheticContent(size, 42), createMarkdownRenderer());
  mkdirSync(join(dir, 'generated'), { recursive: true });
  for (const [name, data] of artefactFiles(artefact) as [string, string | Buffer][]) {
    if (!name.endsWith('.mjs') && !name.endsWith('.mts')) writeFileSync(join(dir, 'generated', name), data);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '31' },
      baseline: { type: 'string' },
      phases: { type: 'boolean', default: false },
    },
  });
  const size = Number(values.size);
  const runs = Number(values.runs);
  const trees: Record<string, string> = { ours: ROOT, ...(values.baseline ? { baseline: resolve(values.baseline) } : {}) };
  const work = mkdtempSync(join(tmpdir(), 'sd-cold-'));
  try {
    const bundles: Record<string, string> = {};
    const dirs: Record<string, string> = { constant: work };
    bundles.constant = await bundleColdStart(work, 'constant', CONSTANT_BODY);
    for (const [name, tree] of Object.entries(trees)) {
      const dir = join(work, name);
      mkdirSync(dir);
      await writeArtefact(tree, size, dir);
      bundles[name] = await bundleColdStart(dir, name, groupsFunctionBody(tree));
      dirs[name] = dir;
    }
    timeColdStarts(bundles, 2, (n) => dirs[n]!); // warm the file cache
    const times = timeColdStarts(bundles, runs, (n) => dirs[n]!);
    const base = quantile(times.constant!, 0.5);
    console.log(`Cold start to first answer, ${size.toLocaleString('en')} entries, ${runs} runs each, interleaved (median, and the middle half):`);
    for (const [name, xs] of Object.entries(times)) {
      const m = quantile(xs, 0.5);
      console.log(
        `  ${name.padEnd(9)} ${m.toFixed(1).padStart(7)} ms  (${quantile(xs, 0.25).toFixed(1)}–${quantile(xs, 0.75).toFixed(1)})  = ${(m / base).toFixed(2)}× the constant function`,
      );
    }
    if (values.phases) {
      for (const [name, file] of Object.entries(bundles)) {
        const phases = Array.from({ length: 9 }, () => {
          const r = spawnSync(process.execPath, [file], { encoding: 'utf8', cwd: dirs[name], env: { ...process.env, PHASES: '1' } });
          return JSON.parse(r.stderr) as { start: number; body: number; first: number };
        });
        const med = (k: 'start' | 'body' | 'first') =>
          quantile(
            phases.map((p) => p[k]),
            0.5,
          ).toFixed(1);
        console.log(
          `  ${name.padEnd(9)} process start → its code: ${med('start')} ms, artefact and directory: ${med('body')} ms, first answer: ${med('first')} ms`,
        );
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();
