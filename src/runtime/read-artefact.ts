/**
 * Reads a prebuilt artefact JSON file at cold start. Functions read it from disk rather than
 * importing it as a module: V8 parses a multi-megabyte string literal in a module several times
 * slower than JSON.parse reads the same bytes from a file (see bench/RESULTS.md).
 *
 * On Netlify the file ships with the function through `included_files` (netlify.toml) at its
 * path relative to the repository; the bundle may sit at another depth than the source, so the
 * candidates are: relative to this module's URL, then to the working directory (the function's
 * root on Netlify, the project under `netlify dev`).
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attachEntryLines, type Artefact } from '../engine/artefact.ts';

export function artefactPath(name: string, moduleUrl: string): string {
  const candidates = [fileURLToPath(new URL(`../../generated/${name}`, moduleUrl)), join(process.cwd(), 'generated', name)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`generated/${name} is missing: run \`npm run build:content\` (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * The build writes these files as pure ASCII (src/content/write-artefact.ts `asciiJson`), so Latin-1
 * decoding is exact and cheap; the search postings sit beside them as raw little-endian Int32s,
 * read without any parsing, and the entries as JSON Lines, parsed one by one when shown.
 *
 * The last artefact read from each file, with the file's identity when it was read. On Netlify
 * every function is its own process and this changes nothing; in the self-hosted runtime
 * (src/runtime/site-server.ts) the twelve functions share one process, and the seven that read
 * directory-list.json (and the five that read directory.json) share one parsed copy instead of
 * parsing and holding one each. Nothing mutates an artefact once read. A rebuild writes new
 * files (new identity), which are read afresh; the old copy is then dropped.
 */
const lastRead = new Map<string, { identity: string; artefact: Artefact }>();

export function readArtefact(name: string, moduleUrl: string): Artefact {
  const path = artefactPath(name, moduleUrl);
  const info = statSync(path);
  const identity = `${info.ino}:${info.size}:${info.mtimeMs}`;
  const known = lastRead.get(path);
  if (known?.identity === identity) return known.artefact;
  const artefact = parseArtefact(path);
  lastRead.set(path, { identity, artefact });
  return artefact;
}

function parseArtefact(path: string): Artefact {
  const artefact = JSON.parse(readFileSync(path).toString('latin1')) as Artefact;
  // The entries stay text until shown (see Artefact.entryAt): at 10,000 entries parsing them all
  // was most of a cold start (bench/cold-start.ts).
  const { entriesFile, entryStarts } = artefact;
  if (entriesFile) {
    if (!entryStarts) throw new Error(`${path} names its entries file but not where its lines start: rebuild with \`npm run build:content\``);
    const starts = new Int32Array(new Uint8Array(Buffer.from(entryStarts, 'base64')).buffer);
    attachEntryLines(artefact, readFileSync(join(dirname(path), entriesFile)), starts);
    delete artefact.entriesFile;
    delete artefact.entryStarts;
  }
  const { postingsFile, namesFile } = artefact.index;
  if (postingsFile) {
    artefact.index.postings = new Int32Array(readAligned(join(dirname(path), postingsFile)));
    delete artefact.index.postingsFile;
  }
  if (namesFile) {
    const namesPath = join(dirname(path), namesFile);
    let names: Pick<Artefact['index'], 'nameKeys' | 'domains'> | undefined;
    const load = () => (names ??= JSON.parse(readFileSync(namesPath).toString('latin1')));
    for (const key of ['nameKeys', 'domains'] as const) {
      Object.defineProperty(artefact.index, key, { enumerable: true, configurable: true, get: () => load()[key] });
    }
    delete artefact.index.namesFile;
  }
  return artefact;
}

/** A file's bytes in a fresh ArrayBuffer (offset 0, so an Int32Array can view it), read straight into it. */
function readAligned(path: string): ArrayBuffer {
  const fd = openSync(path, 'r');
  try {
    const bytes = new Uint8Array(fstatSync(fd).size);
    for (let at = 0; at < bytes.length; ) {
      const read = readSync(fd, bytes, at, bytes.length - at, at);
      if (read === 0) throw new Error(`${path} ended early`);
      at += read;
    }
    return bytes.buffer;
  } finally {
    closeSync(fd);
  }
}
