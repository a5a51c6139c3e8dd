/**
 * `npm run bench` (and `BENCH_ONLY=export npm run bench`): CSV and NDJSON exports of 20,000 seeded
 * synthetic entries, streamed as the endpoints now answer, against the buffered string they used
 * to build, in the same run. Each variant runs in its own process (bench/export-worker.ts) so its
 * peak heap is its own. Netlify caps a buffered function answer at 6 MB; a streamed one is sent
 * as it is written.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ENTRIES = Number(process.env.BENCH_EXPORT_ENTRIES ?? 20000);
const ROOT = join(import.meta.dirname, '..');

interface Run {
  mode: string;
  entries: number;
  ms: number;
  bytes: number;
  peakHeapMb: number;
}

function run(mode: string): Run {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench', 'export-worker.ts'), mode, String(ENTRIES)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

export function exportBench(): string[] {
  const rows: string[] = [];
  for (const format of ['csv', 'ndjson']) {
    const streamed = run(`stream-${format}`);
    const buffered = run(`buffer-${format}`);
    const perEntry = (r: Run) => `${((r.ms * 1000) / r.entries).toFixed(1)} µs`;
    rows.push(
      `| ${format.toUpperCase()} | ${streamed.entries.toLocaleString('en')} | ${(streamed.bytes / 1048576).toFixed(1)} MB (${(streamed.bytes / streamed.entries).toFixed(0)} B/entry) | ${perEntry(streamed)} / ${perEntry(buffered)} (**${(streamed.ms / buffered.ms).toFixed(2)}×**) | ${streamed.peakHeapMb.toFixed(1)} MB / ${buffered.peakHeapMb.toFixed(1)} MB (**${(streamed.peakHeapMb / buffered.peakHeapMb).toFixed(2)}×**) |`,
    );
  }
  return [
    '| export | entries | file size | time per entry: streamed / buffered | peak heap above the directory: streamed / buffered |',
    '|---|---|---|---|---|',
    ...rows,
  ];
}

if (process.argv[1]?.endsWith('export.ts')) for (const line of exportBench()) console.log(line);
