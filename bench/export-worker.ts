/**
 * One export of a seeded synthetic directory, run in its own process by bench/export.ts so that
 * its memory is its own: `node --expose-gc --import tsx bench/export-worker.ts <mode> <entries>`.
 * Modes: `stream-csv`, `stream-ndjson` (the endpoints' ReadableStream, read chunk by chunk the way
 * the runtime sends it) and `buffer-csv`, `buffer-ndjson` (the whole file as one string, as the
 * endpoints did before). Prints one JSON line: time, bytes, peak heap above the loaded directory.
 */
import { buildArtefact } from '../src/content/build-artefact.ts';
import { createMarkdownRenderer } from '../src/content/render-markdown.ts';
import { createDirectory } from '../src/engine/directory.ts';
import { toCsv } from '../src/export/csv.ts';
import { createCsvEndpoint, createNdjsonEndpoint } from '../src/export/endpoints.ts';
import { toNdjson } from '../src/export/ndjson.ts';
import { selectEntries } from '../src/export/select.ts';
import { syntheticContent } from '../test/support/synthetic-corpus.ts';

const [mode = 'stream-csv', size = '20000'] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const dir = createDirectory(buildArtefact(syntheticContent(Number(size), 42), createMarkdownRenderer()));
const origin = 'https://directory.example';
gc();
const base = process.memoryUsage().heapUsed;
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed - base));

const started = process.hrtime.bigint();
let bytes = 0;
if (mode.startsWith('stream-')) {
  const endpoint = mode === 'stream-csv' ? createCsvEndpoint(dir) : createNdjsonEndpoint(dir);
  const response = await endpoint(new Request(`${origin}/api/v1/groups.${mode.slice(7)}`));
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    sample();
  }
} else {
  const selection = selectEntries(dir, { subject_mode: 'any' });
  if (!selection.ok) throw new Error('selection failed');
  const text = mode === 'buffer-csv' ? toCsv(selection.entries, origin) : toNdjson(selection.entries);
  const body = new TextEncoder().encode(text);
  bytes = body.byteLength;
  sample();
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(`${JSON.stringify({ mode, entries: dir.size, ms, bytes, peakHeapMb: peak / 1048576 })}\n`);
